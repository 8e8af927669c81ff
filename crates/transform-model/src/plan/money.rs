//! Money the way a Danish budget counts it (BUDGET.md, docs/plan.md "Money"): per budget
//! year, what is already in the running budget, the new money (merudgift) and the
//! savings (mindreudgift); drift and anlæg apart; unknown stays unknown (null), never 0.

use super::types::{Account, EconomyYear, Money, MoneyYear, Overslag, Phase};
use super::window::{Window, quarter_of};
use crate::mission::Initiative;

/// How an action's money follows from the portfolio's figures once its year is known.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum MoneyRule {
    /// Spread an initiative: its running cost stays as it is; the extra is the scale-up
    /// from the share reached today to the share proposed, phased in from its quarter; the
    /// extra savings follow one year later in the same steps.
    Spread { running_kr: Option<f64>, extra_share: Option<f64>, savings_per_year: f64, account: Account },
    /// Close an initiative: its running cost is freed from the quarter after the budget
    /// that decides it, less the phase-out quarters.
    Close { running_kr: Option<f64>, account: Account },
}

/// Years after the last plan year that the plan's last budget sees (overslagsår).
pub(crate) const OVERSLAG_YEARS: i64 = 3;

impl MoneyRule {
    pub fn spread(x: &Initiative) -> MoneyRule {
        MoneyRule::Spread {
            running_kr: x.cost_per_year,
            extra_share: x.reach_share.map(|r| x.spread_to_share.unwrap_or(1.0) / r - 1.0),
            savings_per_year: x.savings_per_year,
            account: x.account,
        }
    }

    /// New money in a full year; null when the portfolio lacks a figure.
    pub fn full_year_new(&self) -> Option<f64> {
        match self {
            MoneyRule::Spread { running_kr, extra_share, .. } => Some((*running_kr)? * (*extra_share)?),
            MoneyRule::Close { .. } => Some(0.0),
        }
    }

    /// The money of an action whose candidate is placed in `year` (a spread's start, a
    /// closure's decision) starting in `quarter`.
    /// (A closure's money is counted from its decision's year; `quarter` is unused there.)
    pub fn money(&self, year: i64, quarter: u8, w: &Window) -> Money {
        let years = || year..=w.end + OVERSLAG_YEARS;
        match *self {
            MoneyRule::Spread { running_kr, extra_share, savings_per_year, account } => {
                let new = self.full_year_new();
                let extra_savings =
                    if savings_per_year == 0.0 { Some(0.0) } else { extra_share.map(|s| savings_per_year * s) };
                let share = |b: i64| running_quarters(b, year * 4 + i64::from(quarter) - 1) as f64 / 4.0;
                let per_year = years()
                    .map(|b| MoneyYear {
                        budget_year: b,
                        already_budgeted_kr: running_kr,
                        new_kr: new.map(|n| n * share(b)),
                        savings_kr: extra_savings.map(|s| s * share(b - 1)),
                    })
                    .collect();
                Money { account, per_year }
            }
            MoneyRule::Close { running_kr, account } => {
                // Booked from the budget the decision goes into at the earliest.
                let after = year * 4 + i64::from(quarter_of(w.months.adoption)) + i64::from(w.phase_out_quarters);
                let from = after.max((year + 1) * 4);
                let per_year = years()
                    .skip(1)
                    .map(|b| MoneyYear {
                        budget_year: b,
                        already_budgeted_kr: running_kr,
                        new_kr: Some(0.0),
                        savings_kr: running_kr.map(|c| c * running_quarters(b, from) as f64 / 4.0),
                    })
                    .collect();
                Money { account, per_year }
            }
        }
    }
}

/// Quarters of budget year `b` on or after the absolute quarter `from` (year × 4 + q − 1).
fn running_quarters(b: i64, from: i64) -> i64 {
    (b * 4 + 4 - from).clamp(0, 4)
}

/// The first budget year an action's money shows savings.
pub(crate) fn savings_from(m: &Money) -> Option<i64> {
    m.per_year.iter().find(|y| y.savings_kr.is_some_and(|s| s > 0.0)).map(|y| y.budget_year)
}

/// Sums of one budget year over the actions; `None` when one is not opgjort.
#[derive(Default)]
struct Sum {
    known: f64,
    unknown: bool,
}

impl Sum {
    fn add(&mut self, x: Option<f64>) {
        match x {
            Some(x) => self.known += x,
            None => self.unknown = true,
        }
    }
    fn total(&self) -> Option<f64> {
        (!self.unknown).then_some(self.known)
    }
}

/// The net (drift) of `m` in budget year `b`: `Some(0)` when it does not touch `b`.
fn net_in(m: &Money, b: i64) -> Option<f64> {
    match m.per_year.iter().find(|y| y.budget_year == b) {
        Some(y) => Some(y.new_kr? - y.savings_kr?),
        None => Some(0.0),
    }
}

/// The plan's economy: one entry per plan year (see the module documentation).
pub(crate) fn economy(phases: &[Phase], w: &Window) -> Vec<EconomyYear> {
    let moneyed: Vec<(&str, &Money)> =
        phases.iter().flat_map(|p| &p.actions).filter_map(|a| a.money.as_ref().map(|m| (a.id.as_str(), m))).collect();
    let mut cumulative = Some(0.0);
    w.window()
        .map(|b| {
            let (mut new, mut savings, mut already, mut anlaeg) =
                (Sum::default(), Sum::default(), Sum::default(), Sum::default());
            let mut not_costed = Vec::new();
            for (id, m) in &moneyed {
                let Some(y) = m.per_year.iter().find(|y| y.budget_year == b) else { continue };
                if y.new_kr.is_none() || y.savings_kr.is_none() {
                    not_costed.push(id.to_string());
                }
                match m.account {
                    Account::Drift => {
                        new.add(y.new_kr);
                        savings.add(y.savings_kr);
                        already.add(y.already_budgeted_kr);
                    }
                    Account::Anlaeg => anlaeg.add(y.new_kr.zip(y.savings_kr).map(|(n, s)| n - s)),
                }
            }
            let net = new.total().zip(savings.total()).map(|(n, s)| n - s);
            cumulative = cumulative.zip(net).map(|(c, n)| c + n);
            EconomyYear {
                budget_year: b,
                already_budgeted_kr: already.total(),
                new_kr: new.total(),
                savings_kr: savings.total(),
                net_kr: net,
                cumulative_net_kr: cumulative,
                anlaeg_kr: anlaeg.total(),
                known_new_kr: new.known,
                known_savings_kr: savings.known,
                not_costed,
                overslag: overslag(&moneyed, b),
            }
        })
        .collect()
}

/// The three years after budget `b`, counting the drift actions that budget has decided
/// (their money starts in `b` or before).
fn overslag(moneyed: &[(&str, &Money)], b: i64) -> Vec<Overslag> {
    let decided: Vec<&Money> = moneyed
        .iter()
        .map(|(_, m)| *m)
        .filter(|m| m.account == Account::Drift && m.per_year.first().is_some_and(|y| y.budget_year <= b))
        .collect();
    (1..=OVERSLAG_YEARS)
        .map(|k| {
            let mut sum = Sum::default();
            for m in &decided {
                sum.add(net_in(m, b + k));
            }
            Overslag { budget_year: b + k, net_kr: sum.total() }
        })
        .collect()
}
