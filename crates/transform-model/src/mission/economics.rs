//! The economic lens of greb 9: payback counted from the initiative's start, and a
//! recommendation per initiative.

use serde::{Deserialize, Serialize};

use super::closure::too_early;
use super::portfolio::{CitizenValue, Initiative, Stage, YEARS};
use crate::localized::Lang;

/// What to do with an initiative, from its value and its economics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Recommendation {
    /// Creates value and pays back: spread it.
    Spread,
    /// Creates value: keep it.
    Keep,
    /// Unclear value or cost: look at it again.
    Reconsider,
    /// No value: close it.
    Close,
    /// Younger than two years with unclear value (DOMAIN.md §5).
    TooEarlyToJudge,
}

/// An initiative's yearly net and payback within the horizon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Economics {
    /// Initiative id.
    pub initiative: String,
    /// savings − cost per year once savings run; null when the yearly cost is unknown.
    pub net_per_year: Option<f64>,
    /// The year payback is counted from: the start year, when the investment is made.
    pub counted_from: i64,
    /// First year the cumulative net (investment included) is ≥ 0, counted from
    /// `counted_from`, whether or not within the horizon; null if it never pays back or the
    /// cost is unknown.
    pub payback_year: Option<i64>,
    /// Years from `counted_from` to `payback_year`, both counted (paid back in the start
    /// year = 1).
    pub payback_years: Option<i64>,
    /// Whether `payback_years` ≤ the horizon.
    pub within_horizon: bool,
    /// spread, keep, reconsider, close or too_early_to_judge.
    pub recommendation: Recommendation,
    /// Why, in the analysis language.
    pub reason: String,
}

/// The figures a recommendation rests on.
struct Payback {
    from: i64,
    year: Option<i64>,
    years: Option<i64>,
    within: bool,
}

/// First year the cumulative net, counted from the start year with the investment in it, is
/// ≥ 0 in a year with savings; `None` if never within the initiative's life.
fn payback_year(x: &Initiative, cost: f64) -> Option<i64> {
    if x.savings_per_year <= 0.0 {
        return None;
    }
    let savings_from = x.savings_from_year.unwrap_or(x.start_year);
    let net = x.savings_per_year - cost;
    let last = x.end_year.unwrap_or(*YEARS.end());
    let mut cumulative = -x.investment;
    for y in x.start_year..=last {
        let saving = y >= savings_from;
        cumulative += if saving { net } else { -cost };
        if saving && cumulative >= 0.0 {
            return Some(y);
        }
        if saving && net <= 0.0 {
            return None; // savings run and the deficit can only grow
        }
    }
    None
}

fn payback(x: &Initiative, horizon: i64) -> Payback {
    let year = x.cost_per_year.and_then(|cost| payback_year(x, cost));
    let years = year.map(|y| y - x.start_year + 1);
    Payback { from: x.start_year, year, years, within: years.is_some_and(|n| n <= horizon) }
}

/// Adds citizen value and never costs more than it saves, in any year.
fn free_value(x: &Initiative, cost: f64) -> bool {
    let savings_from = x.savings_from_year.unwrap_or(x.start_year);
    x.citizen_value == CitizenValue::Positive
        && x.investment == 0.0
        && x.savings_per_year >= cost
        && (cost == 0.0 || savings_from <= x.start_year)
}

/// Payback and the greb-9 recommendation for one initiative, at the analysis `year`.
pub(super) fn economics(
    x: &Initiative,
    year: i64,
    horizon: i64,
    aligned: bool,
    closing: bool,
    lang: Lang,
) -> Economics {
    let p = payback(x, horizon);
    let (recommendation, reason) = recommend(x, &p, year, horizon, aligned, closing, lang);
    Economics {
        initiative: x.id.clone(),
        net_per_year: x.cost_per_year.map(|c| x.savings_per_year - c),
        counted_from: p.from,
        payback_year: p.year,
        payback_years: p.years,
        within_horizon: p.within,
        recommendation,
        reason,
    }
}

/// The first rule that applies, from facts (closed, negative value, closure) through
/// economics to judgement: three groups of rules, tried in that order.
#[allow(clippy::too_many_arguments)]
fn recommend(
    x: &Initiative,
    p: &Payback,
    year: i64,
    horizon: i64,
    aligned: bool,
    closing: bool,
    lang: Lang,
) -> (Recommendation, String) {
    let w = Words { lang, start: x.start_year, horizon };
    fact_rule(x, closing, &w)
        .or_else(|| economic_rule(x, p, &w))
        .unwrap_or_else(|| judgement_rule(x, p, year, aligned, &w))
}

/// What every reason needs: its language and the years it names.
struct Words {
    lang: Lang,
    start: i64,
    horizon: i64,
}

impl Words {
    fn t(&self, da: String, en: String) -> String {
        if self.lang == Lang::Da { da } else { en }
    }
    fn years(&self, n: i64) -> String {
        if n == 1 { self.t("1 år".into(), "1 year".into()) } else { self.t(format!("{n} år"), format!("{n} years")) }
    }
    /// "pays back only in 2034 (10 years from the start in 2025), beyond the 5-year horizon"
    fn late(&self, p: &Payback) -> Option<String> {
        let (start, horizon) = (self.start, self.horizon);
        p.year.zip(p.years).filter(|_| !p.within).map(|(y, n)| {
            self.t(
                format!(
                    "tjener sig først hjem i {y} ({} regnet fra start i {start}), efter horisonten på {horizon} år",
                    self.years(n)
                ),
                format!(
                    "pays back only in {y} ({} from the start in {start}), beyond the {horizon}-year horizon",
                    self.years(n)
                ),
            )
        })
    }
}

/// Facts decide first: closed, negative value for citizens, or a closure already chosen.
fn fact_rule(x: &Initiative, closing: bool, w: &Words) -> Option<(Recommendation, String)> {
    use Recommendation::*;
    if x.stage == Stage::Closed {
        return Some((Close, w.t("er allerede lukket".into(), "already closed".into())));
    }
    if x.citizen_value == CitizenValue::Negative {
        return Some(if x.mandatory || x.shared_infrastructure {
            (
                Reconsider,
                w.t(
                    "lovpligtig opgave eller infrastruktur, der skaber negativ værdi for borgerne: gentænk udførelsen"
                        .into(),
                    "a statutory task or infrastructure that creates negative value for citizens: rethink how it is done"
                        .into(),
                ),
            )
        } else {
            (
                Close,
                w.t(
                    "skaber negativ værdi for borgerne (greb 4)".into(),
                    "creates negative value for citizens (lever 4)".into(),
                ),
            )
        });
    }
    closing.then(|| {
        (
            Close,
            w.t(
                "understøtter ingen mission og viser ingen borgerværdi (greb 4)".into(),
                "serves no mission and shows no citizen value (lever 4)".into(),
            ),
        )
    })
}

/// Then economics: an unknown cost, a payback within the horizon, value at no extra cost.
fn economic_rule(x: &Initiative, p: &Payback, w: &Words) -> Option<(Recommendation, String)> {
    use Recommendation::*;
    let (start, horizon) = (w.start, w.horizon);
    let Some(cost) = x.cost_per_year else {
        return Some((
            Reconsider,
            w.t(
                "genovervej: udgiften er ukendt (angiv udgiften pr. år); intet anbefales udbredt uden den".into(),
                "reconsider: cost unknown (give cost_per_year); nothing is recommended for spreading without it".into(),
            ),
        ));
    };
    if let (Some(y), Some(n), true) = (p.year, p.years, p.within) {
        return Some((
            Spread,
            w.t(
                format!(
                    "tjener sig hjem i {y}, {} regnet fra start i {start}, inden for {horizon} år (greb 9)",
                    w.years(n)
                ),
                format!("pays back in {y}, {} from the start in {start}, within {horizon} years (lever 9)", w.years(n)),
            ),
        ));
    }
    free_value(x, cost).then(|| {
        (
            Spread,
            w.t(
                "giver mærkbar merværdi for borgerne uden at blive dyrere (greb 9)".into(),
                "adds citizen value at no extra cost (lever 9)".into(),
            ),
        )
    })
}

/// Last, judgement: value shown, an experiment under way, too early, statutory, or reconsider.
fn judgement_rule(x: &Initiative, p: &Payback, year: i64, aligned: bool, w: &Words) -> (Recommendation, String) {
    use Recommendation::*;
    let (start, horizon) = (w.start, w.horizon);
    if x.citizen_value == CitizenValue::Positive {
        let why =
            w.late(p).unwrap_or_else(|| w.t("koster mere, end den sparer".into(), "costs more than it saves".into()));
        return (Keep, w.t(format!("skaber borgerværdi, men {why}"), format!("creates citizen value but {why}")));
    }
    if x.stage.is_pilot() && aligned {
        return (
            Keep,
            w.t(
                "forsøg under en mission; effekten er endnu ikke vist".into(),
                "experiment under way for a mission; value not shown yet".into(),
            ),
        );
    }
    if too_early(x, year) {
        return (
            TooEarlyToJudge,
            w.t(
                format!(
                    "for tidligt at vurdere: startet i {start}, under to år før analyseåret {year}, og værdien er uklar"
                ),
                format!(
                    "too early to judge: started in {start}, under two years before the analysis year {year}, and its value is unclear"
                ),
            ),
        );
    }
    if x.mandatory || x.shared_infrastructure {
        return (
            Keep,
            w.t(
                "lovpligtig opgave eller infrastruktur: lukkes ikke".into(),
                "statutory task or infrastructure: not to be closed".into(),
            ),
        );
    }
    let why = w.late(p).unwrap_or_else(|| {
        w.t(format!("tjener sig ikke hjem inden for {horizon} år"), format!("does not pay back within {horizon} years"))
    });
    (
        Reconsider,
        w.t(format!("{why} og viser ingen klar borgerværdi"), format!("{why} and shows no clear citizen value")),
    )
}
