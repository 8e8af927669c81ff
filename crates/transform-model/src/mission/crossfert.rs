//! Cross-fertilisation: pairs of initiatives in different departments that share target
//! groups, outcomes or ingredients (greb 6).

use serde::{Deserialize, Serialize};

use super::alignment::Features;
use super::options::AnalysisOptions;
use super::portfolio::{Initiative, Stage};
use super::tags::common;

/// Two initiatives in different departments that share target groups, outcomes or ingredients: candidates to
/// learn from each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CrossPair {
    /// First initiative id.
    pub a: String,
    /// Second initiative id.
    pub b: String,
    /// What they share, as `target_group:…`, `outcome:…`, `ingredient:…`.
    pub shared: Vec<String>,
    /// Σ ln(N / df) over the shared items: rare shared items count most.
    pub score: f64,
}

/// Pairs of active initiatives with no department in common that share target groups,
/// outcomes or ingredients, found through an inverted list of the shared items (interned
/// ids). Scores first; the shared items are named for the returned pairs only.
pub(super) fn cross_pairs(initiatives: &[Initiative], f: &Features, o: &AnalysisOptions) -> Vec<CrossPair> {
    let (inits, ingredients) = (&f.inits, &f.ingredients);
    let names = [&f.groups, &f.outcome_tags, &f.ingredient_tags];
    const KINDS: [&str; 3] = ["target_group", "outcome", "ingredient"];
    let active: Vec<usize> = (0..initiatives.len()).filter(|&i| initiatives[i].stage != Stage::Closed).collect();
    let items = |i: usize| [&inits[i].tg, &inits[i].outcomes, &ingredients[i]];
    let mut postings: [Vec<Vec<usize>>; 3] = names.map(|t| vec![Vec::new(); t.names.len()]);
    for &i in &active {
        for (kind, ids) in items(i).into_iter().enumerate() {
            for &id in ids {
                postings[kind][id as usize].push(i);
            }
        }
    }
    let n = active.len() as f64;
    let weight = |kind: usize, id: u32| (n / postings[kind][id as usize].len() as f64).ln();
    let counted = |kind: usize, id: u32| {
        let df = postings[kind][id as usize].len();
        (2..=o.common_item_cap).contains(&df)
    };
    let mut pairs: rustc_hash::FxHashMap<(usize, usize), f64> = Default::default();
    for (kind, lists) in postings.iter().enumerate() {
        for (id, list) in lists.iter().enumerate() {
            if !counted(kind, id as u32) {
                continue;
            }
            let w = weight(kind, id as u32);
            for (p, &a) in list.iter().enumerate() {
                for &b in &list[p + 1..] {
                    *pairs.entry((a, b)).or_insert(0.0) += w;
                }
            }
        }
    }
    let ids = |(a, b): (usize, usize)| {
        let (a, b) = (&initiatives[a].id, &initiatives[b].id);
        if a <= b { (a, b) } else { (b, a) }
    };
    let mut ranked: Vec<((usize, usize), f64)> = pairs
        .into_iter()
        .filter(|((a, b), _)| {
            // Normalised department ids: "Ældre" and "ældre" are one department.
            common(&inits[*a].departments, &inits[*b].departments) == 0
        })
        .collect();
    let order = |x: &((usize, usize), f64), y: &((usize, usize), f64)| {
        y.1.total_cmp(&x.1).then_with(|| ids(x.0).cmp(&ids(y.0)))
    };
    if ranked.len() > o.cross_top && o.cross_top > 0 {
        ranked.select_nth_unstable_by(o.cross_top - 1, order);
    }
    ranked.truncate(o.cross_top);
    ranked.sort_by(order);
    ranked
        .into_iter()
        .map(|((a, b), _)| {
            // Recompute the score in name order, so it does not depend on the file's order.
            let mut shared: Vec<(String, f64)> = Vec::new();
            for (kind, (xa, xb)) in items(a).into_iter().zip(items(b)).enumerate() {
                for id in xa.iter().filter(|id| xb.contains(id) && counted(kind, **id)) {
                    shared.push((format!("{}:{}", KINDS[kind], names[kind].names[*id as usize]), weight(kind, *id)));
                }
            }
            shared.sort_by(|x, y| x.0.cmp(&y.0));
            let (ia, ib) = ids((a, b));
            CrossPair {
                a: ia.clone(),
                b: ib.clone(),
                score: shared.iter().map(|x| x.1).sum(),
                shared: shared.into_iter().map(|x| x.0).collect(),
            }
        })
        .collect()
}
