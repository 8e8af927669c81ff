//! Portfolio analysis: alignment, coverage, mission quality, closure, balance,
//! cross-fertilisation and the economic lens of greb 9.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::PortfolioError;
use super::portfolio::{CitizenValue, Facet, Initiative, Mission, Mode, Portfolio, Stage};
use crate::localized::Lang;
use crate::text;

/// Weights of the alignment components; the score is their weighted mean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisOptions {
    pub weights: AlignmentWeights,
    /// Alignment from which an initiative counts as serving a mission.
    pub threshold: f64,
    /// Payback horizon in years (greb 9: 4–5 years).
    pub horizon: i64,
    /// Analysis year; overrides the file's `year`. One of them is required.
    pub year: Option<i64>,
    pub lang: Lang,
    /// Cross-fertilisation pairs returned.
    pub cross_top: usize,
    /// Items (target groups, outcomes, ingredients) shared by more initiatives than this are
    /// too common to signal anything and are skipped; keeps the pair search linear.
    pub common_item_cap: usize,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            weights: AlignmentWeights::default(),
            threshold: 0.3,
            horizon: 5,
            year: None,
            lang: Lang::Da,
            cross_top: 25,
            common_item_cap: 64,
        }
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub mission: String,
    /// Initiatives aligned at or above the threshold.
    pub initiatives: usize,
    /// Sum of their alignment scores.
    pub weighted: f64,
    pub departments: Vec<String>,
    pub sectors: Vec<String>,
    pub gaps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MissionQuality {
    pub mission: String,
    pub met: Vec<String>,
    pub missed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClosureCandidate {
    pub initiative: String,
    pub best_alignment: f64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Balance {
    /// Active (not closed) initiatives.
    pub active: usize,
    pub modes: BTreeMap<String, usize>,
    pub explore_share: Option<f64>,
    pub facets: BTreeMap<String, usize>,
    pub stages: BTreeMap<String, usize>,
    /// Share of active initiatives per department (an initiative of k departments gives 1/k to each).
    pub department_shares: BTreeMap<String, f64>,
    /// Herfindahl index of the department shares (1 = all in one department).
    pub herfindahl: Option<f64>,
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrossPair {
    pub a: String,
    pub b: String,
    /// What they share, as `target_group:…`, `outcome:…`, `ingredient:…`.
    pub shared: Vec<String>,
    /// Σ ln(N / df) over the shared items: rare shared items count most.
    pub score: f64,
}

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortfolioAnalysis {
    pub year: i64,
    pub horizon: i64,
    pub alignment: Vec<AlignmentRow>,
    pub coverage: Vec<Coverage>,
    pub mission_quality: Vec<MissionQuality>,
    pub closure_candidates: Vec<ClosureCandidate>,
    pub balance: Balance,
    pub cross_fertilisation: Vec<CrossPair>,
    pub economics: Vec<Economics>,
}

impl PortfolioAnalysis {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an analysis serializes")
    }
}

/// Interns normalised tags so overlaps are merges of sorted id lists.
#[derive(Default)]
struct Tags {
    ids: rustc_hash::FxHashMap<String, u32>,
    names: Vec<String>,
    /// Keep case (ingredient ids) instead of lower-casing (free-text tags).
    exact: bool,
}

impl Tags {
    fn exact() -> Self {
        Tags { exact: true, ..Tags::default() }
    }

    fn ids(&mut self, tags: &[String]) -> Vec<u32> {
        let mut v: Vec<u32> = tags
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .map(|t| {
                let key = if self.exact { t.to_owned() } else { t.to_lowercase() };
                match self.ids.get(&key) {
                    Some(&id) => id,
                    None => {
                        let next = self.names.len() as u32;
                        self.ids.insert(key.clone(), next);
                        self.names.push(key);
                        next
                    }
                }
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Share of `of` found in `other`; 0 when `of` is empty.
fn share(of: &[u32], other: &[u32]) -> f64 {
    if of.is_empty() { 0.0 } else { common(of, other) as f64 / of.len() as f64 }
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

struct Prepared {
    tg: Vec<u32>,
    outcomes: Vec<u32>,
    departments: Vec<u32>,
    text: Vec<(u32, f64)>,
}

impl Portfolio {
    /// Runs the full analysis. The analysis year comes from the options or the file, never
    /// from the clock, so results are reproducible.
    pub fn analyse(&self, o: &AnalysisOptions) -> Result<PortfolioAnalysis, PortfolioError> {
        // The fields are public, so a portfolio built in code may never have been checked.
        self.validate()?;
        let year = o.year.or(self.year).ok_or(PortfolioError::NoAnalysisYear)?;
        if !(0..=100).contains(&o.horizon) {
            return Err(PortfolioError::InvalidOption {
                name: "horizon".into(),
                message: format!("{} years is outside 0..100", o.horizon),
            });
        }
        if !super::portfolio::YEARS.contains(&year) {
            return Err(PortfolioError::InvalidOption {
                name: "year".into(),
                message: format!("analysis year {year} is outside 1900..2200"),
            });
        }
        let w = &o.weights;
        let wsum = w.link + w.target_groups + w.outcomes + w.text + w.reach;
        let weights = [w.link, w.target_groups, w.outcomes, w.text, w.reach];
        if weights.iter().any(|x| !x.is_finite() || *x < 0.0) || wsum <= 0.0 {
            return Err(PortfolioError::InvalidOption {
                name: "weights".into(),
                message: "alignment weights must be ≥ 0 with a positive sum".into(),
            });
        }
        let lang = o.lang;

        // Text: one corpus of initiative and mission texts.
        let mut texts: Vec<String> =
            self.initiatives.iter().map(|i| format!("{}\n{}", i.title, i.description)).collect();
        texts.extend(self.missions.iter().map(mission_text));
        let corpus = text::analyze_corpus(&texts);
        let (mut groups, mut outcome_tags, mut departments) = (Tags::default(), Tags::default(), Tags::default());
        let mut ingredient_tags = Tags::exact();
        let ingredients: Vec<Vec<u32>> = self.initiatives.iter().map(|x| ingredient_tags.ids(&x.ingredients)).collect();
        let mut prep = |tg: &[String], outcomes: &[String], deps: &[String], terms: &[u32]| Prepared {
            tg: groups.ids(tg),
            outcomes: outcome_tags.ids(outcomes),
            departments: departments.ids(deps),
            text: unit_vector(terms),
        };
        let n_init = self.initiatives.len();
        let inits: Vec<Prepared> = self
            .initiatives
            .iter()
            .zip(&corpus.docs)
            .map(|(i, t)| prep(&i.target_groups, &i.outcomes, &i.departments, t))
            .collect();
        let missions: Vec<Prepared> = self
            .missions
            .iter()
            .zip(&corpus.docs[n_init..])
            .map(|(m, t)| prep(&m.target_groups, &m.outcomes, &m.departments, t))
            .collect();
        let mission_index: HashMap<&str, usize> =
            self.missions.iter().enumerate().map(|(k, m)| (m.id.as_str(), k)).collect();

        // Text similarity through an inverted list of mission terms: the cost is the number
        // of shared terms, not the product of vector lengths.
        let mut mission_terms: HashMap<u32, Vec<(usize, f64)>> = HashMap::new();
        for (k, m) in missions.iter().enumerate() {
            for &(t, w) in &m.text {
                mission_terms.entry(t).or_default().push((k, w));
            }
        }
        // Text similarity per initiative × mission, then the rows, initiative-major, in file
        // order (indexed, so rayon writes them straight into place).
        let n_m = self.missions.len();
        let mut text_sim = vec![0.0; n_init * n_m];
        if n_m > 0 {
            text_sim.par_chunks_mut(n_m).zip(inits.par_iter()).for_each(|(row, p)| {
                for (t, wi) in &p.text {
                    for &(k, wm) in mission_terms.get(t).map_or(&[][..], Vec::as_slice) {
                        row[k] += wi * wm;
                    }
                }
            });
        }
        let link_strength: Vec<Vec<(usize, f64)>> = self
            .initiatives
            .iter()
            .map(|x| x.links.iter().map(|l| (mission_index[l.mission.as_str()], l.strength as f64 / 3.0)).collect())
            .collect();
        let init_ids: Vec<Arc<str>> = self.initiatives.iter().map(|x| Arc::from(x.id.as_str())).collect();
        let mission_ids: Vec<Arc<str>> = self.missions.iter().map(|x| Arc::from(x.id.as_str())).collect();
        // Each worker clones the mission ids into its own `Arc`s: 250,000 reference-count
        // increments on 50 shared counters from two cores would fight over their cache lines.
        let alignment: Vec<AlignmentRow> = (0..n_init * n_m)
            .into_par_iter()
            .map_init(
                || mission_ids.iter().map(|m| Arc::<str>::from(&**m)).collect::<Vec<_>>(),
                |mission_ids, idx| {
                    let (i, k) = (idx / n_m, idx % n_m);
                    let (p, m) = (&inits[i], &missions[k]);
                    let c = Components {
                        link: link_strength[i].iter().find(|l| l.0 == k).map_or(0.0, |l| l.1),
                        target_groups: share(&m.tg, &p.tg),
                        outcomes: share(&m.outcomes, &p.outcomes),
                        text: text_sim[idx].clamp(0.0, 1.0),
                        reach: share(&m.departments, &p.departments),
                    };
                    let score = (w.link * c.link
                        + w.target_groups * c.target_groups
                        + w.outcomes * c.outcomes
                        + w.text * c.text
                        + w.reach * c.reach)
                        / wsum;
                    AlignmentRow {
                        initiative: init_ids[i].clone(),
                        mission: mission_ids[k].clone(),
                        score,
                        components: c,
                    }
                },
            )
            .collect();
        let score = |i: usize, k: usize| alignment[i * n_m + k].score;
        let active = |i: &Initiative| i.stage != Stage::Closed;

        // Coverage and gaps per mission.
        let coverage: Vec<Coverage> = self
            .missions
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let aligned: Vec<usize> =
                    (0..n_init).filter(|&i| active(&self.initiatives[i]) && score(i, k) >= o.threshold).collect();
                let deps: BTreeSet<String> =
                    aligned.iter().flat_map(|&i| self.initiatives[i].departments.iter().cloned()).collect();
                let sectors: BTreeSet<String> =
                    aligned.iter().flat_map(|&i| self.initiatives[i].partners.iter().cloned()).collect();
                let mut gaps = Vec::new();
                if aligned.is_empty() {
                    gaps.push(
                        lang.pick("ingen indsats arbejder for missionen", "no initiative works towards the mission")
                            .to_owned(),
                    );
                } else if deps.len() < 2 {
                    gaps.push(lang.pick("kun én forvaltning er med", "only one department is involved").to_owned());
                }
                let covered = |tags: &[String], of: fn(&Initiative) -> &Vec<String>| -> Vec<String> {
                    tags.iter()
                        .filter(|t| {
                            !aligned.iter().any(|&i| {
                                of(&self.initiatives[i]).iter().any(|x| x.trim().eq_ignore_ascii_case(t.trim()))
                            })
                        })
                        .cloned()
                        .collect()
                };
                let missing_groups = covered(&m.target_groups, |i| &i.target_groups);
                if !missing_groups.is_empty() && !aligned.is_empty() {
                    gaps.push(format!(
                        "{}: {}",
                        lang.pick("målgrupper uden indsats", "target groups without an initiative"),
                        missing_groups.join(", ")
                    ));
                }
                let missing_outcomes = covered(&m.outcomes, |i| &i.outcomes);
                if !missing_outcomes.is_empty() && !aligned.is_empty() {
                    gaps.push(format!(
                        "{}: {}",
                        lang.pick("effektmål uden indsats", "outcomes without an initiative"),
                        missing_outcomes.join(", ")
                    ));
                }
                if !aligned.is_empty()
                    && !aligned
                        .iter()
                        .any(|&i| matches!(self.initiatives[i].stage, Stage::Spreading | Stage::Operations))
                {
                    gaps.push(
                        lang.pick(
                            "intet er i udbredelse eller drift endnu",
                            "nothing is spreading or in operation yet",
                        )
                        .to_owned(),
                    );
                }
                Coverage {
                    mission: m.id.clone(),
                    initiatives: aligned.len(),
                    weighted: aligned.iter().map(|&i| score(i, k)).sum(),
                    departments: deps.into_iter().collect(),
                    sectors: sectors.into_iter().collect(),
                    gaps,
                }
            })
            .collect();

        let mission_quality = self.missions.iter().zip(&coverage).map(|(m, c)| quality(m, c, lang)).collect();

        // Closure candidates (greb 4).
        let best: Vec<f64> = (0..n_init).map(|i| (0..n_m).map(|k| score(i, k)).fold(0.0, f64::max)).collect();
        let closure_candidates: Vec<ClosureCandidate> = self
            .initiatives
            .iter()
            .enumerate()
            .filter(|(i, x)| active(x) && best[*i] < o.threshold && x.citizen_value != CitizenValue::Positive)
            .map(|(i, x)| ClosureCandidate {
                initiative: x.id.clone(),
                best_alignment: best[i],
                reason: match lang {
                    Lang::Da => format!(
                        "understøtter ingen mission (bedste alignment {:.2} < {:.2}), og borgerværdien er {}",
                        best[i],
                        o.threshold,
                        value_word(x.citizen_value, lang)
                    ),
                    Lang::En => format!(
                        "serves no mission (best alignment {:.2} < {:.2}) and citizen value is {}",
                        best[i],
                        o.threshold,
                        value_word(x.citizen_value, lang)
                    ),
                },
            })
            .collect();
        let closing: BTreeSet<&str> = closure_candidates.iter().map(|c| c.initiative.as_str()).collect();

        let balance = balance(&self.initiatives, lang);
        let cross_fertilisation =
            cross_pairs(&self.initiatives, &inits, &ingredients, [&groups, &outcome_tags, &ingredient_tags], o);
        let economics = self
            .initiatives
            .iter()
            .enumerate()
            .map(|(i, x)| economics(x, year, o.horizon, best[i] >= o.threshold, closing.contains(x.id.as_str()), lang))
            .collect();

        Ok(PortfolioAnalysis {
            year,
            horizon: o.horizon,
            alignment,
            coverage,
            mission_quality,
            closure_candidates,
            balance,
            cross_fertilisation,
            economics,
        })
    }
}

fn value_word(v: CitizenValue, lang: Lang) -> &'static str {
    match v {
        CitizenValue::None => lang.pick("ingen", "none"),
        CitizenValue::Unclear => lang.pick("uklar", "unclear"),
        CitizenValue::Positive => lang.pick("positiv", "positive"),
        CitizenValue::Negative => lang.pick("negativ", "negative"),
    }
}

/// The criteria for a good mission, each met or missed.
fn quality(m: &Mission, c: &Coverage, lang: Lang) -> MissionQuality {
    let words = m.statement.split_whitespace().count();
    let measurable = m
        .indicators
        .iter()
        .any(|i| i.baseline.is_some() && i.target.is_some() && i.year.is_some() && i.baseline != i.target);
    let criteria = [
        (
            words >= 8 && !m.target_groups.is_empty(),
            lang.pick(
                "dristig borgerværdi: siger hvilke borgere og hvilken værdi",
                "bold citizen value: says which citizens and what value",
            ),
        ),
        (
            measurable,
            lang.pick(
                "konkret og målbart: indikator med baseline, mål og årstal",
                "concrete and measurable: an indicator with baseline, target and year",
            ),
        ),
        (
            m.departments.len() >= 2 || !m.sectors.is_empty(),
            lang.pick(
                "fælles ejerskab på tværs af forvaltninger eller sektorer",
                "shared ownership across departments or sectors",
            ),
        ),
        (
            c.initiatives >= 2,
            lang.pick(
                "plads til flere løsninger: mindst to indsatser arbejder for den",
                "room for several solutions: at least two initiatives work towards it",
            ),
        ),
    ];
    let (met, missed): (Vec<_>, Vec<_>) = criteria.into_iter().partition(|(ok, _)| *ok);
    MissionQuality {
        mission: m.id.clone(),
        met: met.into_iter().map(|(_, t)| t.to_owned()).collect(),
        missed: missed.into_iter().map(|(_, t)| t.to_owned()).collect(),
    }
}

/// Explore/exploit, facets, stages and department concentration of the active initiatives.
fn balance(initiatives: &[Initiative], lang: Lang) -> Balance {
    let active: Vec<&Initiative> = initiatives.iter().filter(|i| i.stage != Stage::Closed).collect();
    let mut modes = BTreeMap::from([(Mode::Exploit.name().to_owned(), 0), (Mode::Explore.name().to_owned(), 0)]);
    let mut facets: BTreeMap<String, usize> = Facet::ALL.iter().map(|f| (f.name().to_owned(), 0)).collect();
    let mut stages: BTreeMap<String, usize> = Stage::ALL.iter().map(|s| (s.name().to_owned(), 0)).collect();
    let mut deps: BTreeMap<String, f64> = BTreeMap::new();
    for i in initiatives {
        *stages.get_mut(i.stage.name()).expect("every stage") += 1;
    }
    for i in &active {
        *modes.get_mut(i.mode.name()).expect("both modes") += 1;
        *facets.get_mut(i.facet.name()).expect("every facet") += 1;
        for d in &i.departments {
            *deps.entry(d.clone()).or_insert(0.0) += 1.0 / i.departments.len() as f64;
        }
    }
    let total: f64 = deps.values().sum();
    let shares: BTreeMap<String, f64> = deps.into_iter().map(|(d, x)| (d, x / total)).collect();
    let herfindahl = (total > 0.0).then(|| shares.values().map(|s| s * s).sum());
    let n = active.len();
    let explore = modes[Mode::Explore.name()];
    let explore_share = (n > 0).then(|| explore as f64 / n as f64);
    let pilots = active.iter().filter(|i| i.stage.is_pilot()).count();
    let spreading = active.iter().filter(|i| i.stage == Stage::Spreading).count();
    let mut flags = Vec::new();
    if pilots >= 4 && spreading * 4 < pilots {
        flags.push(match lang {
            Lang::Da => {
                format!("mange piloter, intet spredes: {pilots} i afprøvning eller før, {spreading} i udbredelse")
            }
            Lang::En => format!("many pilots, nothing spreading: {pilots} in testing or before, {spreading} spreading"),
        });
    }
    if let Some(s) = explore_share {
        if n >= 5 && s < 0.15 {
            flags.push(
                lang.pick(
                    "næsten kun drift: under 15 % er eksperimenter",
                    "almost only exploitation: under 15 % are experiments",
                )
                .to_owned(),
            );
        } else if n >= 5 && s > 0.85 {
            flags.push(
                lang.pick(
                    "næsten kun eksperimenter: under 15 % forbedrer driften",
                    "almost only experiments: under 15 % improve operations",
                )
                .to_owned(),
            );
        }
    }
    if herfindahl.is_some_and(|h| h > 0.5) && shares.len() > 1 {
        flags.push(
            lang.pick(
                "porteføljen er koncentreret i én forvaltning",
                "the portfolio is concentrated in one department",
            )
            .to_owned(),
        );
    }
    let empty_facets: Vec<String> = facets.iter().filter(|(_, c)| **c == 0).map(|(f, _)| f.clone()).collect();
    if n >= 5 && !empty_facets.is_empty() {
        flags.push(format!(
            "{}: {}",
            lang.pick("innovationsfacetter uden indsats", "innovation facets without an initiative"),
            empty_facets.join(", ")
        ));
    }
    Balance { active: n, modes, explore_share, facets, stages, department_shares: shares, herfindahl, flags }
}

/// Pairs of active initiatives with no department in common that share target groups,
/// outcomes or ingredients, found through an inverted list of the shared items (interned
/// ids). Scores first; the shared items are named for the returned pairs only.
fn cross_pairs(
    initiatives: &[Initiative],
    inits: &[Prepared],
    ingredients: &[Vec<u32>],
    names: [&Tags; 3],
    o: &AnalysisOptions,
) -> Vec<CrossPair> {
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
            let (da, db) = (&initiatives[*a].departments, &initiatives[*b].departments);
            !da.iter().any(|d| db.contains(d))
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

/// Payback and the greb-9 recommendation for one initiative.
fn economics(x: &Initiative, year: i64, horizon: i64, aligned: bool, closing: bool, lang: Lang) -> Economics {
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
