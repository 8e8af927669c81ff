//! Versions of the scoring contract and what does not compare across them (docs/scoring.md,
//! "Compatibility"). A baseline of an older version still loads; a comparison names each
//! figure whose rule changed between the two versions.

use serde::{Deserialize, Serialize};

use crate::localized::Localized;

/// A figure whose rule differs between the baseline's contract version and this one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NotComparable {
    /// The figure, as its JSON path in the assessment (e.g. `overall.level`).
    pub figure: String,
    /// The contract version whose rule changed it.
    pub changed_in: u32,
    /// Why, per language.
    pub reason: Localized,
}

/// Figures changed by contract version `v`, with the reason.
fn changes(v: u32) -> Vec<(&'static str, &'static str, &'static str)> {
    match v {
        2 => vec![
            (
                "dimensions.ci",
                "intervaller er Student t og Welch i stedet for bootstrap-percentiler",
                "intervals are Student t and Welch instead of bootstrap percentiles",
            ),
            (
                "gaps",
                "forskelle mellem grupper beregnes på fælles spørgsmål og Holm-korrigeres",
                "gaps are computed on common items and Holm-corrected",
            ),
        ],
        3 => vec![
            (
                "overall.level",
                "det samlede niveau er niveauet for den samlede score, sænket kun til en dimension, der sikkert ligger under (før: den laveste dimensions niveau)",
                "the overall level is the overall score's level, lowered only to a dimension surely below it (before: the lowest dimension's level)",
            ),
            (
                "overall.level_probabilities",
                "fordelingen følger den nye regel for det samlede niveau",
                "the distribution follows the new overall-level rule",
            ),
            (
                "overall.target",
                "målet er det samlede niveau + 1, og det samlede niveau har ny regel",
                "the target is the overall level + 1, and the overall level has a new rule",
            ),
            (
                "recommendations",
                "prioriteterne sammenlignes på de roller, der spørges om alle dimensioner (før: den balancerede score)",
                "priorities are compared on the roles asked every dimension (before: the balanced score)",
            ),
            (
                "gaps.significant",
                "en forskel med meget forskellig andel \"ved ikke\" er usikker, ikke sikker (gaps.verdict)",
                "a gap with very different \"don't know\" rates is uncertain, not sure (gaps.verdict)",
            ),
            ("dimensions.icc1", "negativ ICC vises ikke længere", "a negative ICC is no longer published"),
        ],
        _ => Vec::new(),
    }
}

/// Every figure whose rule changed between contract versions `baseline` and `current`
/// (either order); empty for the same version.
pub fn not_comparable(baseline: u32, current: u32) -> Vec<NotComparable> {
    let (lo, hi) = (baseline.min(current), baseline.max(current));
    (lo + 1..=hi)
        .flat_map(|v| {
            changes(v).into_iter().map(move |(figure, da, en)| NotComparable {
                figure: figure.to_owned(),
                changed_in: v,
                reason: Localized::da_en(da, en),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_name_what_changed_between_them() {
        assert!(not_comparable(3, 3).is_empty());
        let two_three: Vec<String> = not_comparable(2, 3).into_iter().map(|n| n.figure).collect();
        assert!(two_three.contains(&"overall.level".to_owned()) && two_three.contains(&"recommendations".to_owned()));
        assert!(!two_three.contains(&"dimensions.ci".to_owned()), "unchanged from 2 to 3");
        let one_three = not_comparable(1, 3);
        assert!(one_three.iter().any(|n| n.figure == "dimensions.ci" && n.changed_in == 2));
        assert_eq!(not_comparable(3, 1), one_three, "the order of the rounds does not matter");
    }
}
