//! Synthetic questionnaire answers, plausible across roles, for demos and benchmarks.
//!
//! Each dimension gets a latent municipality maturity; roles see it with a bias (top
//! managers see more progress than front-line staff, as surveys of this kind usually
//! show); each respondent and item adds noise; about 4 % answer "ved ikke". A filter
//! question is answered ja (75 %), nej (15 %) or ved ikke (10 %), and the items behind it
//! are left out unless the answer is ja.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

use crate::limits::{Limit, LimitError};
use crate::model::Model;
use crate::responses::{FilterAnswer, Responses};

/// Share and bias of each role of the bundled models: `dtm` (top managers see more progress
/// than front-line staff) and `ci` (the municipality, usually the convener, sees more than
/// citizens' representatives). Shares are relative weights within one model.
const PROFILES: [(&str, f64, f64); 10] = [
    ("politician", 0.08, 0.3),
    ("top_manager", 0.05, 0.45),
    ("middle_manager", 0.22, 0.15),
    ("frontline", 0.55, -0.25),
    ("external_partner", 0.10, -0.1),
    ("municipality", 0.30, 0.3),
    ("region", 0.15, 0.1),
    ("business", 0.20, -0.1),
    ("civil_society", 0.25, -0.15),
    ("citizen_rep", 0.10, -0.3),
];

fn profile(role: &str) -> Option<(f64, f64)> {
    PROFILES.iter().find(|p| p.0 == role).map(|p| (p.1, p.2))
}

fn normal(rng: &mut Pcg64Mcg) -> f64 {
    // Box–Muller.
    let u1: f64 = 1.0 - rng.random::<f64>();
    let u2: f64 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// Relative share of each role of `model`, in model order. A role without a profile gets
/// the mean share of the profiled roles of the model, or 1 when none is profiled (a custom
/// model's roles are then drawn equally often).
pub fn role_weights(model: &Model) -> Vec<f64> {
    let known: Vec<f64> = model.roles().iter().filter_map(|r| profile(&r.id)).map(|p| p.0).collect();
    let fallback = if known.is_empty() { 1.0 } else { known.iter().sum::<f64>() / known.len() as f64 };
    model.roles().iter().map(|r| profile(&r.id).map_or(fallback, |p| p.0)).collect()
}

/// How much more (or less) progress a role sees than the latent maturity; 0 without a profile.
fn role_bias(role: &str) -> f64 {
    profile(role).map_or(0.0, |p| p.1)
}

/// One role index drawn by [`role_weights`] (`total` is their sum); one random number.
fn draw_role(weights: &[f64], total: f64, rng: &mut Pcg64Mcg) -> usize {
    let mut x = rng.random::<f64>() * total;
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

/// One generated respondent: id, role index and raw answers (None = "ved ikke"/not asked).
pub struct SampleRow {
    /// Respondent id.
    pub id: String,
    /// Position of the role in [`Model::roles`](crate::Model::roles).
    pub role: usize,
    /// One answer per item of the model, in model order.
    pub answers: Vec<Option<i64>>,
    /// One answer per filter question of the model (None: not asked of the role).
    pub filters: Vec<Option<FilterAnswer>>,
}

/// A filter answer from one uniform draw: ja 75 %, nej 15 %, ved ikke 10 %.
fn filter_answer(x: f64) -> FilterAnswer {
    if x < 0.75 {
        FilterAnswer::Yes
    } else if x < 0.9 {
        FilterAnswer::No
    } else {
        FilterAnswer::DontKnow
    }
}

/// Where the roles come from: drawn from their own stream, or fixed head counts.
enum Roles {
    Drawn { rng: Pcg64Mcg, weights: Vec<f64>, total: f64, left: usize },
    Counted { counts: Vec<usize>, role: usize },
}

impl Roles {
    fn next(&mut self) -> Option<usize> {
        match self {
            Roles::Drawn { left: 0, .. } => None,
            Roles::Drawn { rng, weights, total, left } => {
                *left -= 1;
                Some(draw_role(weights, *total, rng))
            }
            Roles::Counted { counts, role } => {
                while counts.get(*role) == Some(&0) {
                    *role += 1;
                }
                let c = counts.get_mut(*role)?;
                *c -= 1;
                Some(*role)
            }
        }
    }
}

/// Generated respondents, drawn one at a time, so any number of them takes constant memory.
///
/// The stream is the one [`generate`] always drew: the latent maturities, then every role
/// (one random number each), then each respondent's answers. Roles are read from a copy of
/// the generator and the answers from one advanced past the role draws, so drawing lazily
/// changes no figure.
pub struct SampleRows<'m> {
    model: &'m Model,
    rng: Pcg64Mcg,
    roles: Roles,
    latent: Vec<f64>,
    next_id: usize,
}

impl<'m> SampleRows<'m> {
    /// `n` respondents, or the head counts per role (model order) of `role_counts`.
    pub fn new(model: &'m Model, n: usize, seed: u64, role_counts: Option<&[usize]>) -> Self {
        let mut rng = Pcg64Mcg::seed_from_u64(seed);
        let (min, max) = (model.scale().min as f64, model.scale().max as f64);
        let span = max - min;
        let latent: Vec<f64> =
            model.dimensions().iter().map(|_| min + span * (0.2 + 0.4 * rng.random::<f64>())).collect();
        let roles = match role_counts {
            Some(counts) => Roles::Counted { counts: counts.to_vec(), role: 0 },
            None => {
                let weights = role_weights(model);
                let total = weights.iter().sum();
                let role_rng = rng.clone();
                // Each role draw takes one 64-bit output.
                rng.advance(n as u128);
                Roles::Drawn { rng: role_rng, weights, total, left: n }
            }
        };
        SampleRows { model, rng, roles, latent, next_id: 1 }
    }
}

impl Iterator for SampleRows<'_> {
    type Item = SampleRow;

    fn next(&mut self) -> Option<SampleRow> {
        let role = self.roles.next()?;
        let model = self.model;
        let rng = &mut self.rng;
        let (min, max) = (model.scale().min as f64, model.scale().max as f64);
        let bias = role_bias(&model.roles()[role].id);
        let person = 0.8 * normal(rng);
        // Drawn only for models with filters, so the samples of other models stay as they were.
        let filters: Vec<Option<FilterAnswer>> = (0..model.filters().len())
            .map(|f| model.is_filter_asked(role, f).then(|| filter_answer(rng.random::<f64>())))
            .collect();
        let skipped =
            |item: usize| model.item_filter(item).is_some_and(|f| filters[f].is_some_and(|a| a != FilterAnswer::Yes));
        let answers = model
            .items()
            .iter()
            .enumerate()
            .map(|(item, def)| {
                if !model.is_asked(role, item) || skipped(item) || rng.random::<f64>() < 0.04 {
                    return None;
                }
                let d = model.item_dimension(item);
                let agree = (self.latent[d] + bias + person + 0.6 * normal(rng)).round().clamp(min, max);
                Some(if def.reverse { (min + max - agree) as i64 } else { agree as i64 })
            })
            .collect();
        let id = format!("R{:06}", self.next_id);
        self.next_id += 1;
        Some(SampleRow { id, role, answers, filters })
    }
}

/// `n` respondents, or the sum of `role_counts`, refused above [`Limit::Respondents`].
fn check_size(n: usize, role_counts: Option<&[usize]>) -> Result<(), LimitError> {
    let size = role_counts.map_or(n as u64, |c| c.iter().fold(0u64, |sum, &k| sum.saturating_add(k as u64)));
    Limit::Respondents.check(size)
}

/// Generates respondents; `role_counts` fixes the head count per role (model order)
/// instead of drawing roles. Panics above [`Limit::Respondents`]: for benchmarks and tests of
/// a fixed size; a size from input goes through [`try_generate`].
pub fn generate(model: &Model, n: usize, seed: u64, role_counts: Option<&[usize]>) -> Vec<SampleRow> {
    try_generate(model, n, seed, role_counts).expect("a fixed sample size within the limit")
}

/// Why [`try_generate`] draws no sample.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SampleError {
    /// More respondents than [`Limit::Respondents`].
    #[error(transparent)]
    Limit(#[from] LimitError),
    /// More head counts than the model has roles.
    #[error("`role_counts`: {given} head counts for a model with {roles} roles")]
    RoleCounts {
        /// Head counts given.
        given: usize,
        /// Roles of the model.
        roles: usize,
    },
}

/// As [`generate`], refusing more respondents (`n`, or the sum of `role_counts`) than
/// [`Limit::Respondents`] before anything is allocated (a sample the library could not read
/// back is of no use), and more head counts than the model has roles. [`write_csv`] streams
/// and has no limit.
pub fn try_generate(
    model: &Model,
    n: usize,
    seed: u64,
    role_counts: Option<&[usize]>,
) -> Result<Vec<SampleRow>, SampleError> {
    if let Some(counts) = role_counts.filter(|c| c.len() > model.roles().len()) {
        return Err(SampleError::RoleCounts { given: counts.len(), roles: model.roles().len() });
    }
    check_size(n, role_counts)?;
    Ok(SampleRows::new(model, n, seed, role_counts).collect())
}

/// Writes generated respondents as wide CSV (`respondent,role,<items>`, "ved ikke" left
/// blank) row by row as they are drawn: any number of respondents in constant memory.
pub fn write_csv(
    model: &Model,
    n: usize,
    seed: u64,
    role_counts: Option<&[usize]>,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut line = String::from("respondent,role");
    for id in model.items().iter().map(|i| &i.id).chain(model.filters().iter().map(|f| &f.id)) {
        line.push(',');
        line.push_str(id);
    }
    line.push('\n');
    out.write_all(line.as_bytes())?;
    for row in SampleRows::new(model, n, seed, role_counts) {
        line.clear();
        line.push_str(&row.id);
        line.push(',');
        line.push_str(&model.roles()[row.role].id);
        for a in &row.answers {
            line.push(',');
            if let Some(v) = a {
                line.push_str(&v.to_string());
            }
        }
        for a in &row.filters {
            line.push(',');
            line.push_str(a.map_or("", FilterAnswer::name));
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Generated respondents as wide CSV (see [`write_csv`]); panics above
/// [`Limit::Respondents`] (see [`try_generate`]).
pub fn sample_csv(model: &Model, n: usize, seed: u64, role_counts: Option<&[usize]>) -> String {
    check_size(n, role_counts).expect("a fixed sample size within the limit");
    let mut out = Vec::new();
    write_csv(model, n, seed, role_counts, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("ids and numbers are UTF-8")
}

/// Generated respondents as [`Responses`], without a CSV round trip; panics above
/// [`Limit::Respondents`] (see [`try_generate`]).
pub fn sample_responses(model: &Model, n: usize, seed: u64) -> Responses {
    let mut out = Responses::new(model);
    out.reserve(n);
    for (i, row) in generate(model, n, seed, None).into_iter().enumerate() {
        let answers = row.answers.iter().enumerate().filter_map(|(item, v)| v.map(|v| (item, v)));
        out.push(model, i + 2, &row.id, &model.roles()[row.role].id, answers)
            .expect("generated answers are valid for their model");
        let filters: Vec<(usize, &str)> =
            row.filters.iter().enumerate().filter_map(|(f, a)| a.map(|a| (f, a.name()))).collect();
        out.set_filters(model, i + 2, &filters).expect("generated filter answers are valid for their model");
    }
    out
}

/// Responses by name or path: `sample` is the bundled sample survey of the model's family
/// ([`super::bundled_responses`], the one name rule of every face) unless a file of that
/// name exists; anything else is a file ([`Responses::from_file`]).
pub fn resolve_responses(
    model: &Model,
    spec: &str,
    options: &crate::responses::ReadOptions,
) -> Result<Responses, crate::responses::ResponseError> {
    if let Some(csv) = super::bundled_responses(spec, model.id()) {
        return Responses::from_csv_str(model, csv, options);
    }
    Responses::from_file(model, spec, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(model: &Model) -> Vec<&str> {
        model.roles().iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn a_sample_with_filters_skips_and_reads_back_as_drawn() {
        let model = Model::bundled("dtm@2027.1").unwrap();
        let csv = sample_csv(&model, 200, 5, None);
        let read = Responses::from_csv_str(&model, &csv, &Default::default()).unwrap();
        assert_eq!(read, sample_responses(&model, 200, 5));
        let rows = generate(&model, 200, 5, None);
        let f = model.filter_index("F_missions").unwrap();
        let d3_3 = model.item_index("D3_3").unwrap();
        let said = |a: FilterAnswer| rows.iter().filter(|r| r.filters[f] == Some(a)).count();
        assert!(said(FilterAnswer::Yes) > 0 && said(FilterAnswer::No) + said(FilterAnswer::DontKnow) > 0);
        for (r, row) in rows.iter().enumerate() {
            let skipped = row.filters[f].is_some_and(|a| a != FilterAnswer::Yes);
            assert_eq!(read.is_skipped(r, d3_3), skipped);
            assert!(!skipped || row.answers[d3_3].is_none());
        }
    }

    #[test]
    fn ci_roles_have_their_own_shares() {
        let ci = Model::bundled("ci").unwrap();
        assert_eq!(ids(&ci), ["municipality", "region", "business", "civil_society", "citizen_rep"]);
        assert_eq!(role_weights(&ci), [0.30, 0.15, 0.20, 0.25, 0.10]);
    }

    #[test]
    fn unknown_roles_get_the_mean_share_or_an_equal_one() {
        // A custom model whose roles are all unknown: equal shares.
        let text = crate::model::CI_2026_1_JSON
            .replace("\"municipality\"", "\"a\"")
            .replace("\"region\"", "\"b\"")
            .replace("\"business\"", "\"c\"")
            .replace("\"civil_society\"", "\"d\"")
            .replace("\"citizen_rep\"", "\"e\"");
        let unknown = Model::from_json(&text).unwrap();
        assert_eq!(ids(&unknown), ["a", "b", "c", "d", "e"]);
        assert_eq!(role_weights(&unknown), [1.0; 5]);
        // Mixed: `a` and `b` unknown, the rest profiled (0.20 + 0.25 + 0.10) / 3 = 0.1833….
        let mixed = Model::from_json(
            &crate::model::CI_2026_1_JSON.replace("\"municipality\"", "\"a\"").replace("\"region\"", "\"b\""),
        )
        .unwrap();
        let w = role_weights(&mixed);
        let mean = (0.20 + 0.25 + 0.10) / 3.0;
        assert_eq!(&w[2..], [0.20, 0.25, 0.10]);
        assert!((w[0] - mean).abs() < 1e-12 && (w[1] - mean).abs() < 1e-12, "{w:?}");
    }

    /// The generator as it was before rows were streamed: every role drawn first, then every
    /// respondent's answers, all in memory.
    fn eager(model: &Model, n: usize, seed: u64) -> Vec<(usize, Vec<Option<i64>>)> {
        let mut rng = Pcg64Mcg::seed_from_u64(seed);
        let (min, max) = (model.scale().min as f64, model.scale().max as f64);
        let latent: Vec<f64> =
            model.dimensions().iter().map(|_| min + (max - min) * (0.2 + 0.4 * rng.random::<f64>())).collect();
        let weights = role_weights(model);
        let total: f64 = weights.iter().sum();
        let roles: Vec<usize> = (0..n).map(|_| draw_role(&weights, total, &mut rng)).collect();
        roles
            .into_iter()
            .map(|role| {
                let bias = role_bias(&model.roles()[role].id);
                let person = 0.8 * normal(&mut rng);
                let answers = (0..model.items().len())
                    .map(|item| {
                        if !model.is_asked(role, item) || rng.random::<f64>() < 0.04 {
                            return None;
                        }
                        let agree = (latent[model.item_dimension(item)] + bias + person + 0.6 * normal(&mut rng))
                            .round()
                            .clamp(min, max);
                        Some(if model.items()[item].reverse { (min + max - agree) as i64 } else { agree as i64 })
                    })
                    .collect();
                (role, answers)
            })
            .collect()
    }

    #[test]
    fn streamed_rows_are_the_rows_drawn_all_at_once() {
        // Models without filter questions: the eager reference predates them (the draws of
        // filters are checked in `a_sample_with_filters_skips_and_reads_back_as_drawn`).
        let models = [(Model::bundled("dtm@2026.2").unwrap(), 300, 5), (Model::bundled("ci").unwrap(), 57, 9)];
        for (model, n, seed) in models {
            let streamed: Vec<_> = SampleRows::new(&model, n, seed, None).map(|r| (r.role, r.answers)).collect();
            assert_eq!(streamed, eager(&model, n, seed));
        }
    }

    #[test]
    fn a_huge_sample_starts_at_once() {
        // 10^11 respondents: the first rows come without drawing the rest first.
        let model = Model::default_model();
        let first: Vec<_> = SampleRows::new(&model, 100_000_000_000, 3, None).take(2).map(|r| r.id).collect();
        assert_eq!(first, ["R000001", "R000002"]);
    }

    #[test]
    fn drawn_roles_follow_the_shares() {
        // 5000 draws on ci: each count within 4.5 binomial sd of n·p.
        let ci = Model::bundled("ci").unwrap();
        let n = 5000;
        let rows = generate(&ci, n, 11, None);
        for (r, p) in [0.30, 0.15, 0.20, 0.25, 0.10].into_iter().enumerate() {
            let got = rows.iter().filter(|x| x.role == r).count() as f64;
            let (mean, sd) = (n as f64 * p, (n as f64 * p * (1.0 - p)).sqrt());
            assert!((got - mean).abs() < 4.5 * sd, "role {r}: {got} vs {mean} ± {sd}");
        }
    }
}
