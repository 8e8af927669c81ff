//! Alignment of every initiative with every mission: explicit links, shared target groups,
//! outcomes and departments, and text similarity (DOMAIN.md §3).

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::portfolio::{Mission, Portfolio};
use super::tags::{Tags, share};
use crate::text::AnalyzedCorpus;

/// Weights of the alignment components; the score is their weighted mean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlignmentWeights {
    /// Weight of the explicit link.
    pub link: f64,
    /// Weight of the target-group overlap.
    pub target_groups: f64,
    /// Weight of the outcome overlap.
    pub outcomes: f64,
    /// Weight of the text similarity.
    pub text: f64,
    /// Weight of the departments' reach.
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

/// The parts an alignment score is built from, each in [0, 1].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
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

/// How well one initiative serves one mission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AlignmentRow {
    /// Shared, not copied: a large portfolio has initiatives × missions rows.
    pub initiative: Arc<str>,
    /// Mission id.
    pub mission: Arc<str>,
    /// Alignment of the initiative with the mission, 0 (none) … 1 (full).
    pub score: f64,
    /// The parts the score is built from.
    pub components: Components,
}

/// The tags of one initiative or mission as interned ids.
pub(super) struct Prepared {
    pub(super) tg: Vec<u32>,
    pub(super) outcomes: Vec<u32>,
    pub(super) departments: Vec<u32>,
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
    /// The analysed texts, initiatives then missions; an initiative's unit vector is built
    /// where it is used.
    corpus: Arc<AnalyzedCorpus>,
    /// Each mission's text as a unit vector.
    mission_vectors: Vec<Vec<(u32, f64)>>,
}

/// L2-normalised term-frequency vector, sorted by term id, written into `out` (`sorted` is
/// scratch space, so a loop over many texts allocates nothing).
fn unit_vector_into(terms: &[u32], sorted: &mut Vec<u32>, out: &mut Vec<(u32, f64)>) {
    sorted.clear();
    sorted.extend_from_slice(terms);
    sorted.sort_unstable();
    out.clear();
    for &id in sorted.iter() {
        match out.last_mut() {
            Some((last, n)) if *last == id => *n += 1.0,
            _ => out.push((id, 1.0)),
        }
    }
    let norm = out.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
    for x in out.iter_mut() {
        x.1 /= norm;
    }
}

fn unit_vector(terms: &[u32]) -> Vec<(u32, f64)> {
    let mut out = Vec::new();
    unit_vector_into(terms, &mut Vec::new(), &mut out);
    out
}

/// The text of a mission used for similarity: its titles and its statement.
fn mission_text(m: &Mission) -> String {
    let mut s = m.title.0.values().cloned().collect::<Vec<_>>().join("\n");
    s.push('\n');
    s.push_str(&m.statement);
    s
}

/// Target groups, outcomes and departments of one initiative or mission, interned.
type TagIds = (Vec<u32>, Vec<u32>, Vec<u32>);

/// The interned tags of every initiative and mission, in file order.
struct Interned {
    groups: Tags,
    outcome_tags: Tags,
    departments: Tags,
    ingredient_tags: Tags,
    ingredients: Vec<Vec<u32>>,
    inits: Vec<TagIds>,
    missions: Vec<TagIds>,
}

fn intern(p: &Portfolio) -> Interned {
    let (mut groups, mut outcome_tags, mut departments) = (Tags::default(), Tags::default(), Tags::default());
    let mut ingredient_tags = Tags::exact();
    let ingredients: Vec<Vec<u32>> = p.initiatives.iter().map(|x| ingredient_tags.ids(&x.ingredients)).collect();
    let mut ids = |tg: &[String], outcomes: &[String], deps: &[String]| {
        (groups.ids(tg), outcome_tags.ids(outcomes), departments.ids(deps))
    };
    let inits: Vec<TagIds> = p.initiatives.iter().map(|i| ids(&i.target_groups, &i.outcomes, &i.departments)).collect();
    let missions: Vec<TagIds> = p.missions.iter().map(|m| ids(&m.target_groups, &m.outcomes, &m.departments)).collect();
    Interned { groups, outcome_tags, departments, ingredient_tags, ingredients, inits, missions }
}

/// Interns the tags and analyses one corpus of initiative and mission texts, side by side:
/// neither needs the other.
pub(super) fn features(p: &Portfolio) -> Features {
    let mut texts: Vec<String> = p.initiatives.iter().map(|i| format!("{}\n{}", i.title, i.description)).collect();
    texts.extend(p.missions.iter().map(mission_text));
    let (corpus, tags) = rayon::join(|| p.analysed_corpus(texts), || intern(p));
    let mission_vectors: Vec<Vec<(u32, f64)>> =
        corpus.docs[p.initiatives.len()..].iter().map(|d| unit_vector(d)).collect();
    let prepared = |ids: Vec<TagIds>| -> Vec<Prepared> {
        ids.into_iter().map(|(tg, outcomes, departments)| Prepared { tg, outcomes, departments }).collect()
    };
    Features {
        inits: prepared(tags.inits),
        missions: prepared(tags.missions),
        corpus,
        mission_vectors,
        groups: tags.groups,
        outcome_tags: tags.outcome_tags,
        departments: tags.departments,
        ingredient_tags: tags.ingredient_tags,
        ingredients: tags.ingredients,
    }
}

/// For each id (dense), the missions holding it, with a weight: an inverted list, so the cost
/// of comparing an initiative with every mission is the number of shared ids.
fn postings<'a, M: 'a, T: Copy + 'a>(
    missions: &'a [M],
    items: impl Fn(&'a M) -> &'a [(u32, T)],
) -> Vec<Vec<(usize, T)>> {
    let mut lists: Vec<Vec<(usize, T)>> = Vec::new();
    for (k, m) in missions.iter().enumerate() {
        for &(id, w) in items(m) {
            if lists.len() <= id as usize {
                lists.resize_with(id as usize + 1, Vec::new);
            }
            lists[id as usize].push((k, w));
        }
    }
    lists
}

/// The weighted mean of the components: the alignment score.
fn weighted(w: &AlignmentWeights, wsum: f64, c: &Components) -> f64 {
    (w.link * c.link
        + w.target_groups * c.target_groups
        + w.outcomes * c.outcomes
        + w.text * c.text
        + w.reach * c.reach)
        / wsum
}

/// The alignment of every initiative with every mission: the scores computed once, in
/// parallel; the components and rows built again on demand from the same inputs.
pub(super) struct Grid {
    /// Shared with coverage and cross-fertilisation.
    pub(super) features: Features,
    initiatives: Vec<Arc<str>>,
    missions: Vec<Arc<str>>,
    /// Per initiative: (mission index, link strength / 3).
    links: Vec<Vec<(usize, f64)>>,
    /// Text similarity, initiative-major.
    text: Vec<f64>,
    /// Alignment scores, initiative-major.
    pub(super) scores: Vec<f64>,
}

impl Grid {
    fn components(&self, i: usize, k: usize) -> Components {
        let (pi, m) = (&self.features.inits[i], &self.features.missions[k]);
        Components {
            link: self.links[i].iter().find(|l| l.0 == k).map_or(0.0, |l| l.1),
            target_groups: share(&m.tg, &pi.tg),
            outcomes: share(&m.outcomes, &pi.outcomes),
            text: self.text[i * self.missions.len() + k].clamp(0.0, 1.0),
            reach: share(&m.departments, &pi.departments),
        }
    }

    /// The row at `idx` (initiative-major).
    pub(super) fn row(&self, idx: usize) -> AlignmentRow {
        let n_m = self.missions.len();
        let (i, k) = (idx / n_m, idx % n_m);
        AlignmentRow {
            initiative: self.initiatives[i].clone(),
            mission: self.missions[k].clone(),
            score: self.scores[idx],
            components: self.components(i, k),
        }
    }
}

/// Scores every initiative × mission pair.
pub(super) fn grid(p: &Portfolio, features: Features, w: &AlignmentWeights) -> Grid {
    let mission_index: HashMap<&str, usize> = p.missions.iter().enumerate().map(|(k, m)| (m.id.as_str(), k)).collect();
    let links: Vec<Vec<(usize, f64)>> = p
        .initiatives
        .iter()
        .map(|x| x.links.iter().map(|l| (mission_index[l.mission.as_str()], l.strength as f64 / 3.0)).collect())
        .collect();
    let (text, scores) = text_and_scores(&features, &links, w);
    Grid {
        features,
        initiatives: p.initiatives.iter().map(|x| Arc::from(x.id.as_str())).collect(),
        missions: p.missions.iter().map(|x| Arc::from(x.id.as_str())).collect(),
        links,
        text,
        scores,
    }
}

/// Text similarity and score of every pair, initiative-major, in one parallel pass over the
/// initiatives. Text similarity goes through an inverted list of mission terms, and shared
/// target groups, outcomes and departments through inverted lists of mission tags: the cost
/// is the number of shared terms and tags, not the product of list lengths. The components
/// are the figures [`Grid::components`] computes pair by pair (shared / mission's count), so
/// rows built later carry exactly these scores.
fn text_and_scores(f: &Features, links: &[Vec<(usize, f64)>], w: &AlignmentWeights) -> (Vec<f64>, Vec<f64>) {
    let n_m = f.missions.len();
    let (mut text, mut scores) = (vec![0.0; f.inits.len() * n_m], vec![0.0; f.inits.len() * n_m]);
    if n_m == 0 {
        return (text, scores);
    }
    let mission_terms = postings(&f.mission_vectors, |v| v.as_slice());
    let ones = |of: fn(&Prepared) -> &Vec<u32>| -> Vec<Vec<(u32, ())>> {
        f.missions.iter().map(|m| of(m).iter().map(|&id| (id, ())).collect()).collect()
    };
    let tags = [ones(|m| &m.tg), ones(|m| &m.outcomes), ones(|m| &m.departments)];
    let lists = tags.each_ref().map(|t| postings(t, |v| v.as_slice()));
    let sizes: Vec<[usize; 3]> =
        f.missions.iter().map(|m| [m.tg.len(), m.outcomes.len(), m.departments.len()]).collect();
    let wsum = w.sum();
    let scratch = || (Vec::new(), Vec::new(), vec![[0usize; 3]; n_m]);
    let rows = text.par_chunks_mut(n_m).zip(scores.par_chunks_mut(n_m)).enumerate();
    rows.for_each_init(scratch, |(sorted, v, counts), (i, (text_row, score_row))| {
        unit_vector_into(&f.corpus.docs[i], sorted, v);
        for &(t, wi) in v.iter() {
            for &(k, wm) in mission_terms.get(t as usize).map_or(&[][..], Vec::as_slice) {
                text_row[k] += wi * wm;
            }
        }
        let p = &f.inits[i];
        for (kind, ids) in [&p.tg, &p.outcomes, &p.departments].into_iter().enumerate() {
            for &id in ids {
                for &(k, ()) in lists[kind].get(id as usize).map_or(&[][..], Vec::as_slice) {
                    counts[k][kind] += 1;
                }
            }
        }
        let part = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
        for k in 0..n_m {
            let (n, of) = (counts[k], sizes[k]);
            let c = Components {
                link: links[i].iter().find(|l| l.0 == k).map_or(0.0, |l| l.1),
                target_groups: part(n[0], of[0]),
                outcomes: part(n[1], of[1]),
                text: text_row[k].clamp(0.0, 1.0),
                reach: part(n[2], of[2]),
            };
            score_row[k] = weighted(w, wsum, &c);
            counts[k] = [0; 3];
        }
    });
    (text, scores)
}

/// Each initiative's best alignment over all missions (0 without missions).
pub(super) fn best(scores: &[f64], n_init: usize, n_m: usize) -> Vec<f64> {
    (0..n_init).map(|i| scores[i * n_m..(i + 1) * n_m].iter().copied().fold(0.0, f64::max)).collect()
}
