//! Synthetic questionnaire answers, plausible across roles, for demos and benchmarks.
//!
//! Each dimension gets a latent municipality maturity; roles see it with a bias (top
//! managers see more progress than front-line staff, as surveys of this kind usually
//! show); each respondent and item adds noise; about 4 % answer "ved ikke".

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

use crate::model::Model;
use crate::responses::Responses;

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

/// Role index of each of `n` respondents, drawn by [`role_weights`].
fn draw_roles(model: &Model, n: usize, rng: &mut Pcg64Mcg) -> Vec<usize> {
    let weights = role_weights(model);
    let total: f64 = weights.iter().sum();
    (0..n)
        .map(|_| {
            let mut x = rng.random::<f64>() * total;
            for (i, w) in weights.iter().enumerate() {
                if x < *w {
                    return i;
                }
                x -= w;
            }
            weights.len() - 1
        })
        .collect()
}

/// One generated respondent: id, role index and raw answers (None = "ved ikke"/not asked).
pub struct SampleRow {
    /// Respondent id.
    pub id: String,
    /// Position of the role in [`Model::roles`](crate::Model::roles).
    pub role: usize,
    /// One answer per item of the model, in model order.
    pub answers: Vec<Option<i64>>,
}

/// Generates respondents; `role_counts` fixes the head count per role (model order)
/// instead of drawing roles.
pub fn generate(model: &Model, n: usize, seed: u64, role_counts: Option<&[usize]>) -> Vec<SampleRow> {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let (min, max) = (model.scale().min as f64, model.scale().max as f64);
    let span = max - min;
    let latent: Vec<f64> = model.dimensions().iter().map(|_| min + span * (0.2 + 0.4 * rng.random::<f64>())).collect();
    let roles: Vec<usize> = match role_counts {
        Some(counts) => counts.iter().enumerate().flat_map(|(r, &c)| std::iter::repeat_n(r, c)).collect(),
        None => draw_roles(model, n, &mut rng),
    };
    roles
        .into_iter()
        .enumerate()
        .map(|(i, role)| {
            let bias = role_bias(&model.roles()[role].id);
            let person = 0.8 * normal(&mut rng);
            let answers = model
                .items()
                .iter()
                .enumerate()
                .map(|(item, def)| {
                    if !model.is_asked(role, item) || rng.random::<f64>() < 0.04 {
                        return None;
                    }
                    let d = model.item_dimension(item);
                    let agree = (latent[d] + bias + person + 0.6 * normal(&mut rng)).round().clamp(min, max);
                    Some(if def.reverse { (min + max - agree) as i64 } else { agree as i64 })
                })
                .collect();
            SampleRow { id: format!("R{:06}", i + 1), role, answers }
        })
        .collect()
}

/// Generated respondents as wide CSV (`respondent,role,<items>`), "ved ikke" left blank.
pub fn sample_csv(model: &Model, n: usize, seed: u64, role_counts: Option<&[usize]>) -> String {
    let rows = generate(model, n, seed, role_counts);
    let mut out = String::from("respondent,role");
    for item in model.items() {
        out.push(',');
        out.push_str(&item.id);
    }
    out.push('\n');
    for row in rows {
        out.push_str(&row.id);
        out.push(',');
        out.push_str(&model.roles()[row.role].id);
        for a in &row.answers {
            out.push(',');
            if let Some(v) = a {
                out.push_str(&v.to_string());
            }
        }
        out.push('\n');
    }
    out
}

/// Generated respondents as [`Responses`], without a CSV round trip.
pub fn sample_responses(model: &Model, n: usize, seed: u64) -> Responses {
    let mut out = Responses::new(model);
    out.reserve(n);
    for (i, row) in generate(model, n, seed, None).into_iter().enumerate() {
        let answers = row.answers.iter().enumerate().filter_map(|(item, v)| v.map(|v| (item, v)));
        out.push(model, i + 2, &row.id, &model.roles()[row.role].id, answers)
            .expect("generated answers are valid for their model");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(model: &Model) -> Vec<&str> {
        model.roles().iter().map(|r| r.id.as_str()).collect()
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
