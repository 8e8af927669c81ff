//! What an item analysis may publish (docs/disclosure.md, "Item tables"): the same rules as
//! the assessment, audited jointly over the tables of one call.
//!
//! Per item, each *section* (everyone, and with `by_role` each reported role group) publishes
//! three kinds of figure, each a sum over a set of respondents that the disclosure engine
//! audits with the other sections' figures of the same item:
//!
//! | layer | cell of a section | published when | minimum |
//! |---|---|---|---|
//! | answers | respondents asked (sum: how many answered; `n`, "ved ikke" share) | at least k asked | k |
//! | mean | respondents who answered | its count is published, at least k, not all alike under 20 | k |
//! | spread | respondents who answered (sum of squares: SD, item-rest r, alpha if deleted) | its mean is published, at least `min_dispersion_n` | `min_dispersion_n` |
//!
//! The merged `other` group is never a section, so everyone minus the role sections is
//! the `other` members asked (or answering) this item: the audit withholds a role section
//! (before the whole table) when that remainder holds 1 to k − 1 respondents.

use super::AssessError;
use super::disclosure::HOMOGENEOUS_BELOW;
use crate::disclosure::{self, Cell};

/// What one section may publish of one item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Gate {
    /// n and the "ved ikke" share.
    pub count: bool,
    /// The mean.
    pub mean: bool,
    /// The SD and every figure read from the item's variance.
    pub spread: bool,
}

/// One item in one section: positions (in the analysis' numbering) of the respondents asked
/// and of those who answered, with their answers.
pub(crate) struct ItemCell {
    pub asked: Vec<usize>,
    pub answered: Vec<usize>,
    pub values: Vec<f64>,
}

/// The gates of one item's sections (`cells[0]` is everyone, the rest role sections), over
/// `respondents` positions; `across[s]`: section s differs from an earlier release by 1 to
/// k − 1 respondents and publishes nothing of the item.
pub(crate) fn decide(
    item: &str,
    cells: &[ItemCell],
    across: &[bool],
    respondents: usize,
    k: usize,
    min_dispersion_n: usize,
) -> Result<Vec<Gate>, AssessError> {
    // Rank 1 for everyone: role sections are withheld before the whole table.
    let rank = |s: usize| u8::from(s == 0);
    let name = |s: usize, layer: &str| format!("item={item}/section={s}/{layer}");
    let mut count: Vec<Cell> = cells
        .iter()
        .enumerate()
        .map(|(s, c)| {
            let cell = Cell::new(name(s, "answers"), c.asked.clone()).ranked(rank(s));
            if c.asked.len() >= k && !across[s] { cell } else { cell.withheld() }
        })
        .collect();
    protect(&mut count, respondents, k)?;
    let mut mean: Vec<Cell> = cells
        .iter()
        .enumerate()
        .map(|(s, c)| {
            let n = c.values.len();
            let alike = n < HOMOGENEOUS_BELOW && c.values.windows(2).all(|w| w[0] == w[1]);
            let cell = Cell::new(name(s, "mean"), c.answered.clone()).ranked(rank(s));
            if count[s].published && n >= k && !alike { cell } else { cell.withheld() }
        })
        .collect();
    protect(&mut mean, respondents, k)?;
    let min = min_dispersion_n.max(2);
    let mut spread: Vec<Cell> = cells
        .iter()
        .enumerate()
        .map(|(s, c)| {
            let cell = Cell::new(name(s, "spread"), c.answered.clone()).ranked(rank(s));
            if mean[s].published && c.values.len() >= min { cell } else { cell.withheld() }
        })
        .collect();
    protect(&mut spread, respondents, min)?;
    Ok((0..cells.len())
        .map(|s| Gate { count: count[s].published, mean: mean[s].published, spread: spread[s].published })
        .collect())
}

/// Secondary suppression until the audit passes, then the audit as the gate.
fn protect(cells: &mut [Cell], respondents: usize, min: usize) -> Result<(), AssessError> {
    if disclosure::audit_min(cells, respondents, min).is_ok() {
        return Ok(());
    }
    disclosure::suppress(cells, respondents, min).map_err(AssessError::Disclosure)?;
    disclosure::audit_min(cells, respondents, min).map_err(AssessError::Disclosure)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(asked: std::ops::Range<usize>, values: &[(usize, f64)]) -> ItemCell {
        ItemCell {
            asked: asked.collect(),
            answered: values.iter().map(|v| v.0).collect(),
            values: values.iter().map(|v| v.1).collect(),
        }
    }

    #[test]
    fn everyone_minus_the_roles_must_not_leave_a_small_group() {
        // Respondents 0..6 one role (published section), 6..9 the merged `other` (3 people).
        // Everyone (9) − the role (6) would be the 3 others' sum: the role section goes.
        let v = |r: std::ops::Range<usize>| r.map(|i| (i, 1.0 + (i % 3) as f64)).collect::<Vec<_>>();
        let cells = [cell(0..9, &v(0..9)), cell(0..6, &v(0..6))];
        let gates = decide("q", &cells, &[false; 2], 9, 5, 5).unwrap();
        assert!(gates[0].mean && gates[0].count);
        assert!(!gates[1].mean && !gates[1].count && !gates[1].spread);
    }

    #[test]
    fn homogeneous_and_small_spreads_are_withheld() {
        // Five alike answers: the mean would be each one's answer.
        let cells = [cell(0..5, &(0..5).map(|i| (i, 4.0)).collect::<Vec<_>>())];
        let g = decide("q", &cells, &[false], 5, 5, 10).unwrap();
        assert!(g[0].count && !g[0].mean && !g[0].spread);
        // Varied answers of 6: the mean, not the SD (under 10).
        let cells = [cell(0..6, &(0..6).map(|i| (i, (i % 3) as f64)).collect::<Vec<_>>())];
        let g = decide("q", &cells, &[false], 6, 5, 10).unwrap();
        assert!(g[0].mean && !g[0].spread);
    }
}
