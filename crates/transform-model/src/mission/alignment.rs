//! Alignment of every initiative with every mission: explicit links, shared target groups,
//! outcomes and departments, and text similarity (DOMAIN.md §3).

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::portfolio::{Mission, Portfolio};
use super::tags::{Tags, share};
use crate::text;

/// Weights of the alignment components; the score is their weighted mean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlignmentWeights {
    pub link: f64,
    pub target_groups: f64,
    pub outcomes: f64,
    pub text: f64,
    pub reach: f64,
}

impl Default for AlignmentWeights {
    fn default() -> Self {
        AlignmentWeights { link: 0.35, target_groups: 0.2, outcomes: 0.2, text: 0.15, reach: 0.1 }
    }
}

impl AlignmentWeights {
    fn as_array(&self) -> [f64; 5] {
        [self.link, self.target_groups, self.outcomes, self.text, self.reach]
    }

    /// Sum of the weights.
    pub(super) fn sum(&self) -> f64 {
        self.as_array().iter().sum()
    }

    /// Every weight finite and ≥ 0, with a positive sum.
    pub(super) fn is_valid(&self) -> bool {
        self.as_array().iter().all(|x| x.is_finite() && *x >= 0.0) && self.sum() > 0.0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Components {
    /// Explicit link strength / 3.
    pub link: f64,
    /// Share of the mission's target groups the initiative addresses.
    pub target_groups: f64,
    /// Share of the mission's outcomes the initiative works towards.
    pub outcomes: f64,
    /// Cosine similarity of description and mission statement (Danish-aware terms).
    pub text: f64,
    /// Share of the mission's owning departments the initiative involves.
    pub reach: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignmentRow {
    /// Shared, not copied: a large portfolio has initiatives × missions rows.
    pub initiative: Arc<str>,
    pub mission: Arc<str>,
    pub score: f64,
    pub components: Components,
}

/// One initiative or mission as interned ids and a unit text vector.
pub(super) struct Prepared {
    pub(super) tg: Vec<u32>,
    pub(super) outcomes: Vec<u32>,
    pub(super) departments: Vec<u32>,
    pub(super) text: Vec<(u32, f64)>,
}

/// The portfolio's tags interned and its texts analysed, shared by alignment and
/// cross-fertilisation.
pub(super) struct Features {
    pub(super) groups: Tags,
    pub(super) outcome_tags: Tags,
    pub(super) departments: Tags,
    pub(super) ingredient_tags: Tags,
    pub(super) ingredients: Vec<Vec<u32>>,
    pub(super) inits: Vec<Prepared>,
    pub(super) missions: Vec<Prepared>,
}

/// L2-normalised term-frequency vector, sorted by term id.
fn unit_vector(terms: &[u32]) -> Vec<(u32, f64)> {
    let mut t = terms.to_vec();
    t.sort_unstable();
    let mut v: Vec<(u32, f64)> = Vec::new();
    for id in t {
        match v.last_mut() {
            Some((last, n)) if *last == id => *n += 1.0,
            _ => v.push((id, 1.0)),
        }
    }
    let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
    for x in &mut v {
        x.1 /= norm;
    }
    v
}

/// The text of a mission used for similarity: its titles and its statement.
fn mission_text(m: &Mission) -> String {
    let mut s = m.title.0.values().cloned().collect::<Vec<_>>().join("\n");
    s.push('\n');
    s.push_str(&m.statement);
    s
}

/// Interns the tags and analyses one corpus of initiative and mission texts.
pub(super) fn features(p: &Portfolio) -> Features {
    let mut texts: Vec<String> = p.initiatives.iter().map(|i| format!("{}\n{}", i.title, i.description)).collect();
    texts.extend(p.missions.iter().map(mission_text));
    let corpus = text::analyze_corpus(&texts);
    let (mut groups, mut outcome_tags, mut departments) = (Tags::default(), Tags::default(), Tags::default());
    let mut ingredient_tags = Tags::exact();
    let ingredients: Vec<Vec<u32>> = p.initiatives.iter().map(|x| ingredient_tags.ids(&x.ingredients)).collect();
    let mut prep = |tg: &[String], outcomes: &[String], deps: &[String], terms: &[u32]| Prepared {
        tg: groups.ids(tg),
        outcomes: outcome_tags.ids(outcomes),
        departments: departments.ids(deps),
        text: unit_vector(terms),
    };
    let n_init = p.initiatives.len();
    let inits: Vec<Prepared> = p
        .initiatives
        .iter()
        .zip(&corpus.docs)
        .map(|(i, t)| prep(&i.target_groups, &i.outcomes, &i.departments, t))
        .collect();
    let missions: Vec<Prepared> = p
        .missions
        .iter()
        .zip(&corpus.docs[n_init..])
        .map(|(m, t)| prep(&m.target_groups, &m.outcomes, &m.departments, t))
        .collect();
    Features { groups, outcome_tags, departments, ingredient_tags, ingredients, inits, missions }
}

/// Text similarity per initiative × mission, initiative-major, through an inverted list of
/// mission terms: the cost is the number of shared terms, not the product of vector lengths.
fn text_similarity(f: &Features) -> Vec<f64> {
    let mut mission_terms: HashMap<u32, Vec<(usize, f64)>> = HashMap::new();
    for (k, m) in f.missions.iter().enumerate() {
        for &(t, w) in &m.text {
            mission_terms.entry(t).or_default().push((k, w));
        }
    }
    let n_m = f.missions.len();
    let mut text_sim = vec![0.0; f.inits.len() * n_m];
    if n_m > 0 {
        text_sim.par_chunks_mut(n_m).zip(f.inits.par_iter()).for_each(|(row, p)| {
            for (t, wi) in &p.text {
                for &(k, wm) in mission_terms.get(t).map_or(&[][..], Vec::as_slice) {
                    row[k] += wi * wm;
                }
            }
        });
    }
    text_sim
}

/// Every initiative × mission row, initiative-major, in file order (indexed, so rayon
/// writes them straight into place).
pub(super) fn rows(p: &Portfolio, f: &Features, w: &AlignmentWeights) -> Vec<AlignmentRow> {
    let wsum = w.sum();
    let text_sim = text_similarity(f);
    let mission_index: HashMap<&str, usize> = p.missions.iter().enumerate().map(|(k, m)| (m.id.as_str(), k)).collect();
    let link_strength: Vec<Vec<(usize, f64)>> = p
        .initiatives
        .iter()
        .map(|x| x.links.iter().map(|l| (mission_index[l.mission.as_str()], l.strength as f64 / 3.0)).collect())
        .collect();
    let init_ids: Vec<Arc<str>> = p.initiatives.iter().map(|x| Arc::from(x.id.as_str())).collect();
    let mission_ids: Vec<Arc<str>> = p.missions.iter().map(|x| Arc::from(x.id.as_str())).collect();
    let (n_init, n_m) = (p.initiatives.len(), p.missions.len());
    // Each worker clones the mission ids into its own `Arc`s: 250,000 reference-count
    // increments on 50 shared counters from two cores would fight over their cache lines.
    (0..n_init * n_m)
        .into_par_iter()
        .map_init(
            || mission_ids.iter().map(|m| Arc::<str>::from(&**m)).collect::<Vec<_>>(),
            |mission_ids, idx| {
                let (i, k) = (idx / n_m, idx % n_m);
                let (pi, m) = (&f.inits[i], &f.missions[k]);
                let c = Components {
                    link: link_strength[i].iter().find(|l| l.0 == k).map_or(0.0, |l| l.1),
                    target_groups: share(&m.tg, &pi.tg),
                    outcomes: share(&m.outcomes, &pi.outcomes),
                    text: text_sim[idx].clamp(0.0, 1.0),
                    reach: share(&m.departments, &pi.departments),
                };
                let score = (w.link * c.link
                    + w.target_groups * c.target_groups
                    + w.outcomes * c.outcomes
                    + w.text * c.text
                    + w.reach * c.reach)
                    / wsum;
                AlignmentRow { initiative: init_ids[i].clone(), mission: mission_ids[k].clone(), score, components: c }
            },
        )
        .collect()
}

/// Each initiative's best alignment over all missions (0 without missions).
pub(super) fn best(rows: &[AlignmentRow], n_init: usize, n_m: usize) -> Vec<f64> {
    (0..n_init).map(|i| (0..n_m).map(|k| rows[i * n_m + k].score).fold(0.0, f64::max)).collect()
}
