//! Closure candidates (greb 4): active initiatives that serve no mission and show no
//! citizen value, unless they are mandatory, shared infrastructure or too young to judge (DOMAIN.md §5).

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::portfolio::{CitizenValue, Initiative, Stage};
use crate::localized::Lang;

/// An initiative that serves no mission and shows no citizen value: a candidate to close.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ClosureCandidate {
    /// Initiative id.
    pub initiative: String,
    /// Its highest alignment with any mission.
    pub best_alignment: f64,
    /// Why it is a candidate for closure, in the analysis language.
    pub reason: String,
}

fn value_word(v: CitizenValue) -> &'static str {
    match v {
        CitizenValue::None => "none",
        CitizenValue::Unclear => "unclear",
        CitizenValue::Positive => "positive",
        CitizenValue::Negative => "negative",
    }
}

/// Years an initiative must have run, counted from its start year to the analysis year,
/// before unclear value counts against it.
pub const YEARS_TO_JUDGE: i64 = 2;

/// Younger than [`YEARS_TO_JUDGE`] at the analysis `year`, with unclear value: too early to
/// judge, so never closed for it.
pub(super) fn too_early(x: &Initiative, year: i64) -> bool {
    x.citizen_value == CitizenValue::Unclear && year - x.start_year < YEARS_TO_JUDGE
}

/// The candidates, in file order; `best` is each initiative's best alignment. Mandatory
/// initiatives and those too early to judge are never candidates.
pub(super) fn candidates(
    initiatives: &[Initiative],
    best: &[f64],
    threshold: f64,
    year: i64,
    lang: Lang,
) -> Vec<ClosureCandidate> {
    initiatives
        .par_iter()
        .enumerate()
        .filter(|(i, x)| {
            x.stage != Stage::Closed
                && best[*i] < threshold
                && x.citizen_value != CitizenValue::Positive
                && !x.mandatory
                && !x.shared_infrastructure
                && !too_early(x, year)
        })
        .map(|(i, x)| ClosureCandidate {
            initiative: x.id.clone(),
            best_alignment: best[i],
            reason: match lang {
                Lang::Da => {
                    format!("bidrager ikke tydeligt til nogen mission, og {}", x.citizen_value.label().get(Lang::Da))
                }
                Lang::En => format!(
                    "serves no mission (best alignment {:.2} < {:.2}) and citizen value is {}",
                    best[i],
                    threshold,
                    value_word(x.citizen_value)
                ),
            },
        })
        .collect()
}
