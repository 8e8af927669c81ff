//! Closure candidates (greb 4): active initiatives that serve no mission and show no
//! citizen value.

use serde::{Deserialize, Serialize};

use super::portfolio::{CitizenValue, Initiative, Stage};
use crate::localized::Lang;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClosureCandidate {
    pub initiative: String,
    pub best_alignment: f64,
    pub reason: String,
}

fn value_word(v: CitizenValue, lang: Lang) -> &'static str {
    match v {
        CitizenValue::None => lang.pick("ingen", "none"),
        CitizenValue::Unclear => lang.pick("uklar", "unclear"),
        CitizenValue::Positive => lang.pick("positiv", "positive"),
        CitizenValue::Negative => lang.pick("negativ", "negative"),
    }
}

/// The candidates, in file order; `best` is each initiative's best alignment.
pub(super) fn candidates(
    initiatives: &[Initiative],
    best: &[f64],
    threshold: f64,
    lang: Lang,
) -> Vec<ClosureCandidate> {
    initiatives
        .iter()
        .enumerate()
        .filter(|(i, x)| x.stage != Stage::Closed && best[*i] < threshold && x.citizen_value != CitizenValue::Positive)
        .map(|(i, x)| ClosureCandidate {
            initiative: x.id.clone(),
            best_alignment: best[i],
            reason: match lang {
                Lang::Da => format!(
                    "understøtter ingen mission (bedste alignment {:.2} < {:.2}), og borgerværdien er {}",
                    best[i],
                    threshold,
                    value_word(x.citizen_value, lang)
                ),
                Lang::En => format!(
                    "serves no mission (best alignment {:.2} < {:.2}) and citizen value is {}",
                    best[i],
                    threshold,
                    value_word(x.citizen_value, lang)
                ),
            },
        })
        .collect()
}
