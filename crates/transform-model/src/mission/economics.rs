//! The economic lens of greb 9: payback within the horizon and a recommendation per initiative.

use serde::{Deserialize, Serialize};

use super::portfolio::{CitizenValue, Initiative, Stage};
use crate::localized::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    Spread,
    Keep,
    Reconsider,
    Close,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Economics {
    pub initiative: String,
    /// savings − cost per year once savings run.
    pub net_per_year: f64,
    /// First year the cumulative net (investment included) is ≥ 0; null if not by the
    /// end of the horizon.
    pub payback_year: Option<i64>,
    pub recommendation: Recommendation,
    pub reason: String,
}

/// Payback and the greb-9 recommendation for one initiative.
pub(super) fn economics(
    x: &Initiative,
    year: i64,
    horizon: i64,
    aligned: bool,
    closing: bool,
    lang: Lang,
) -> Economics {
    let net = x.savings_per_year - x.cost_per_year;
    let savings_from = x.savings_from_year.unwrap_or(x.start_year);
    let last = year + horizon;
    let mut cumulative = -x.investment;
    let mut payback_year = None;
    for y in x.start_year..=last {
        if x.end_year.is_some_and(|e| y > e) {
            break;
        }
        let savings = if y >= savings_from { x.savings_per_year } else { 0.0 };
        cumulative += savings - x.cost_per_year;
        if cumulative >= 0.0 && savings > 0.0 {
            payback_year = Some(y);
            break;
        }
    }
    let free_value = x.citizen_value == CitizenValue::Positive && x.savings_per_year >= x.cost_per_year;
    let t = |da: String, en: String| if lang == Lang::Da { da } else { en };
    let (recommendation, reason) = if x.stage == Stage::Closed {
        (Recommendation::Close, t("er allerede lukket".into(), "already closed".into()))
    } else if x.citizen_value == CitizenValue::Negative {
        (
            Recommendation::Close,
            t(
                "skaber negativ værdi for borgerne (greb 4)".into(),
                "creates negative value for citizens (lever 4)".into(),
            ),
        )
    } else if closing {
        (
            Recommendation::Close,
            t(
                "understøtter ingen mission og viser ingen borgerværdi (greb 4)".into(),
                "serves no mission and shows no citizen value (lever 4)".into(),
            ),
        )
    } else if let Some(p) = payback_year.filter(|_| x.savings_per_year > 0.0) {
        (
            Recommendation::Spread,
            t(
                format!("tjener sig hjem i {p}, inden for {horizon} år (greb 9)"),
                format!("pays back in {p}, within {horizon} years (lever 9)"),
            ),
        )
    } else if free_value {
        (
            Recommendation::Spread,
            t(
                "giver mærkbar merværdi for borgerne uden at blive dyrere (greb 9)".into(),
                "adds citizen value at no extra cost (lever 9)".into(),
            ),
        )
    } else if x.citizen_value == CitizenValue::Positive {
        (
            Recommendation::Keep,
            t(
                "skaber borgerværdi, men koster mere, end den sparer".into(),
                "creates citizen value but costs more than it saves".into(),
            ),
        )
    } else if x.stage.is_pilot() && aligned {
        (
            Recommendation::Keep,
            t(
                "eksperiment i gang for en mission; værdien er endnu ikke vist".into(),
                "experiment under way for a mission; value not shown yet".into(),
            ),
        )
    } else {
        (
            Recommendation::Reconsider,
            t(
                format!("tjener sig ikke hjem inden for {horizon} år og viser ingen klar borgerværdi"),
                format!("does not pay back within {horizon} years and shows no clear citizen value"),
            ),
        )
    };
    Economics { initiative: x.id.clone(), net_per_year: net, payback_year, recommendation, reason }
}
