//! What the paper proposes for the initiatives: which to spread, to close, to reconsider —
//! from the plan when there is one, else from the portfolio analysis — with the one guard
//! a council paper must never fail: nothing already closed, statutory (`mandatory`) or
//! shared infrastructure is proposed for closure (REPORT.md: "what would end the tool's use").

use crate::mission::{Initiative, Portfolio, PortfolioAnalysis, Recommendation, Stage};
use crate::plan::{ActionKind, Plan};

/// The initiatives the paper proposes something for, by kind, in portfolio order.
#[derive(Debug, Default)]
pub(super) struct Proposals<'a> {
    pub spread: Vec<&'a Initiative>,
    pub close: Vec<&'a Initiative>,
    pub reconsider: Vec<&'a Initiative>,
    /// Missions with a proposal (a gap to fill, an ingredient to adopt).
    pub missions: Vec<String>,
}

/// Whether an initiative may ever be proposed for closure: not already closed, not a
/// statutory task, not shared infrastructure other work runs on.
pub(super) fn closable(i: &Initiative) -> bool {
    i.stage != Stage::Closed && !i.mandatory && !i.shared_infrastructure
}

impl<'a> Proposals<'a> {
    /// The proposals of the plan (its spread and close actions), else of the analysis.
    pub fn new(p: &'a Portfolio, an: &PortfolioAnalysis, plan: Option<&Plan>) -> Proposals<'a> {
        let in_order = |ids: Vec<&str>| -> Vec<&'a Initiative> {
            p.initiatives.iter().filter(|i| ids.contains(&i.id.as_str())).collect()
        };
        let by_rec = |rec: Recommendation| -> Vec<&str> {
            an.economics.iter().filter(|e| e.recommendation == rec).map(|e| e.initiative.as_str()).collect()
        };
        let (spread, close, missions) = match plan {
            Some(plan) => {
                let of = |kind: ActionKind| -> Vec<&str> {
                    plan.actions()
                        .filter(|(_, a)| a.kind == kind)
                        .filter_map(|(_, a)| a.initiative.as_deref())
                        .collect()
                };
                let mut missions: Vec<String> = plan
                    .actions()
                    .filter(|(_, a)| matches!(a.kind, ActionKind::FillMission | ActionKind::AdoptIngredient))
                    .filter_map(|(_, a)| a.mission.clone())
                    .collect();
                missions.dedup();
                (in_order(of(ActionKind::Spread)), in_order(of(ActionKind::Close)), missions)
            }
            None => (in_order(by_rec(Recommendation::Spread)), in_order(by_rec(Recommendation::Close)), Vec::new()),
        };
        Proposals {
            spread,
            close: close.into_iter().filter(|i| closable(i)).collect(),
            reconsider: in_order(by_rec(Recommendation::Reconsider)),
            missions,
        }
    }

    /// Ids of every initiative with a proposal.
    pub fn initiative_ids(&self) -> Vec<&str> {
        self.spread.iter().chain(&self.close).chain(&self.reconsider).map(|i| i.id.as_str()).collect()
    }
}
