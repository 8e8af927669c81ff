//! Item analysis (issue 12, item 4): figures checked against hand computation on a tiny
//! matrix and against direct (textbook) formulas on role-routed data; anonymity of the
//! per-role analysis; bad options.

use transform_model::maturity::{DimensionFlag, ItemAnalysis, ItemFlag, ItemOptions, item_analysis};
use transform_model::stats::reliability::{one_factor, symmetric_eigen};
use transform_model::{AssessError, Model, Responses, responses::ReadOptions};

const MODEL: &str = include_str!("fixtures/items_model.json");

/// Five staff: A3 is reverse-keyed (raw 3,5,2,3,2 → 3,1,4,3,4); S1 answers "ved ikke" to B2.
const STAFF: &str = "respondent,role,A1,A2,A3,B1,B2,B3
S1,staff,1,1,3,2,ved ikke,
S2,staff,2,3,5,3,2,
S3,staff,3,5,2,3,4,
S4,staff,4,2,3,4,4,
S5,staff,5,4,2,5,5,
";

/// Three partners, two politicians and a citizen (merged into `other` = 3 at k = 3).
const OTHERS: &str = "P1,partner,2,2,4,3,3,2
P2,partner,4,5,1,4,5,5
P3,partner,3,3,3,2,2,3
Q1,politician,5,5,1,5,4,4
Q2,politician,1,2,5,1,2,1
C1,citizen,4,3,2,3,,4
";

fn model() -> Model {
    Model::from_json(MODEL).unwrap()
}

fn read(model: &Model, csv: &str) -> Responses {
    Responses::from_csv_str(model, csv, &ReadOptions::default()).unwrap()
}

fn close(a: Option<f64>, b: f64) {
    let a = a.unwrap_or_else(|| panic!("expected {b}, got None"));
    assert!((a - b).abs() < 1e-12, "{a} != {b}");
}

fn staff_only() -> ItemAnalysis {
    let m = model();
    // k = 5 and spreads from 5 on (the default min_dispersion_n of 10 would withhold them).
    let mut o = ItemOptions::default();
    o.min_dispersion_n = 5;
    item_analysis(&m, &read(&m, STAFF), &o).unwrap()
}

#[test]
fn tiny_matrix_by_hand() {
    let a = staff_only();
    // B3 is not asked of staff: left out.
    let ids: Vec<&str> = a.items.iter().map(|i| i.item.as_str()).collect();
    assert_eq!(ids, ["A1", "A2", "A3", "B1", "B2"]);
    // A1 = 1..5, A2 = 1,3,5,2,4, A3 (reversed) = 3,1,4,3,4; all means 3.
    // C = [[2.5, 1.25, 1], [1.25, 2.5, 0.75], [1, 0.75, 1.5]]: ΣC = 6.5 + 2·3 = 12.5, tr = 6.5.
    let (a1, a2, a3) = (&a.items[0], &a.items[1], &a.items[2]);
    close(a3.mean, 3.0);
    close(a3.sd, 1.5f64.sqrt());
    close(a1.sd, 2.5f64.sqrt());
    // Item-rest r = Σ_{j≠i} C_ij / √(C_ii · ΣC₋ᵢ):
    // A1: 2.25/√(2.5·5.5); A2: 2/√(2.5·6); A3: 1.75/√(1.5·7.5).
    close(a1.item_rest_r, 2.25 / (2.5f64 * 5.5).sqrt());
    close(a2.item_rest_r, 2.0 / 15f64.sqrt());
    close(a3.item_rest_r, 1.75 / (1.5f64 * 7.5).sqrt());
    // Alpha if deleted: A1 → 2(1 − 4/5.5) = 6/11; A2 → 2(1 − 4/6) = 2/3; A3 → 2(1 − 5/7.5) = 2/3.
    close(a1.alpha_if_deleted, 6.0 / 11.0);
    close(a2.alpha_if_deleted, 2.0 / 3.0);
    close(a3.alpha_if_deleted, 2.0 / 3.0);
    assert!(a1.flags.is_empty() && a2.flags.is_empty() && a3.flags.is_empty());

    let d = &a.dimensions[0];
    assert_eq!((d.dimension.as_str(), d.n_items, d.n, d.min_pair_n), ("A", 3, 5, Some(5)));
    // α = 3/2 · (1 − 6.5/12.5) = 0.72.
    close(d.alpha, 0.72);
    // r12 = 1.25/2.5 = 0.5, r13 = 1/√3.75, r23 = 0.75/√3.75 → r̄ = (0.5 + 1.75/√3.75)/3.
    let rbar = (0.5 + 1.75 / 3.75f64.sqrt()) / 3.0;
    close(d.average_r, rbar);
    close(d.alpha_std, 3.0 * rbar / (1.0 + 2.0 * rbar));
    // Three items fit one factor exactly: λ1² = r12·r13/r23 = 2/3, λ2² = r12·r23/r13 = 3/8,
    // λ3² = r13·r23/r12 = 2/5, so ω_t = (Σλ)²/ΣR.
    let lambda_sum = (2.0f64 / 3.0).sqrt() + (3.0f64 / 8.0).sqrt() + (2.0f64 / 5.0).sqrt();
    let sum_r = 3.0 + 2.0 * (0.5 + 1.75 / 3.75f64.sqrt());
    let omega = d.omega_total.unwrap();
    assert!((omega - lambda_sum * lambda_sum / sum_r).abs() < 1e-9, "{omega}");
    assert!(d.flags.is_empty(), "{:?}", d.flags);
}

#[test]
fn dont_know_and_anonymity_at_k() {
    let a = staff_only();
    let (b1, b2) = (&a.items[3], &a.items[4]);
    close(b1.mean, 17.0 / 5.0);
    assert_eq!(b1.dont_know_share, Some(0.0));
    // B2: 1 "ved ikke" of 5 asked = exactly 20 % → flagged; 4 answers < k = 5 → withheld.
    assert_eq!((b2.n_asked, b2.n), (5, Some(4)));
    assert_eq!(b2.dont_know_share, Some(0.2));
    assert_eq!(b2.flags, [ItemFlag::ManyDontKnow, ItemFlag::TooFewAnswers]);
    assert_eq!((b2.mean, b2.sd, b2.item_rest_r), (None, None, None));
    // The pair (B1, B2) rests on 4 < max(k, 3) respondents: no dimension figure.
    let d = &a.dimensions[1];
    assert_eq!(d.min_pair_n, Some(4));
    assert_eq!((d.alpha, d.alpha_std, d.average_r, d.omega_total), (None, None, None, None));
    assert_eq!(d.flags, [DimensionFlag::TooFewAnswers]);
    assert_eq!(b1.item_rest_r, None);
}

/// Population variance, mean and Pearson r: a textbook reference independent of the
/// covariance-matrix route of the library.
fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let syy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    sxy / (sxx * syy).sqrt()
}

fn pop_var(x: &[f64]) -> f64 {
    let m = x.iter().sum::<f64>() / x.len() as f64;
    x.iter().map(|a| (a - m).powi(2)).sum::<f64>() / x.len() as f64
}

fn textbook_alpha(columns: &[Vec<f64>]) -> f64 {
    let k = columns.len() as f64;
    let totals: Vec<f64> = (0..columns[0].len()).map(|r| columns.iter().map(|c| c[r]).sum()).collect();
    k / (k - 1.0) * (1.0 - columns.iter().map(|c| pop_var(c)).sum::<f64>() / pop_var(&totals))
}

fn small_k() -> ItemOptions {
    let mut o = ItemOptions::default();
    o.min_group_size = 3;
    o.allow_small_groups = true;
    o.by_role = true;
    o.min_dispersion_n = 3;
    o
}

#[test]
fn complete_dimension_equals_textbook_formulas() {
    let m = model();
    let data = read(&m, &format!("{STAFF}{OTHERS}"));
    let a = item_analysis(&m, &data, &small_k()).unwrap();
    assert_eq!((a.n_respondents, a.excluded_for_anonymity), (11, 0));
    // Dimension A, all 11 in id order (C1, P1–P3, Q1–Q2, S1–S5), A3 reversed (6 − raw).
    let a1 = [4., 2., 4., 3., 5., 1., 1., 2., 3., 4., 5.];
    let a2 = [3., 2., 5., 3., 5., 2., 1., 3., 5., 2., 4.];
    let a3 = [4., 2., 5., 3., 5., 1., 3., 1., 4., 3., 4.];
    let cols = [a1.to_vec(), a2.to_vec(), a3.to_vec()];
    close(a.dimensions[0].alpha, textbook_alpha(&cols));
    for i in 0..3 {
        let rest: Vec<f64> = (0..11).map(|r| (0..3).filter(|&j| j != i).map(|j| cols[j][r]).sum()).collect();
        let got = a.items[i].item_rest_r.unwrap();
        assert!((got - pearson(&cols[i], &rest)).abs() < 1e-12, "item {i}");
        let others: Vec<Vec<f64>> = (0..3).filter(|&j| j != i).map(|j| cols[j].clone()).collect();
        assert!((a.items[i].alpha_if_deleted.unwrap() - textbook_alpha(&others)).abs() < 1e-12);
    }
    let r = [pearson(&a1, &a2), pearson(&a1, &a3), pearson(&a2, &a3)];
    close(a.dimensions[0].average_r, r.iter().sum::<f64>() / 3.0);
}

#[test]
fn routed_item_uses_only_those_asked() {
    let m = model();
    let a = item_analysis(&m, &read(&m, &format!("{STAFF}{OTHERS}")), &small_k()).unwrap();
    let b3 = a.items.iter().find(|i| i.item == "B3").unwrap();
    // Asked of partners, politicians and the citizen (6), not of the 5 staff.
    assert_eq!((b3.n_asked, b3.n), (6, Some(6)));
    close(b3.mean, (2. + 5. + 3. + 4. + 1. + 4.) / 6.0);
    assert_eq!(b3.dont_know_share, Some(0.0));
    // B2: S1 and C1 said "ved ikke": 2 of 11 = 18 % < 20 % → not flagged.
    let b2 = a.items.iter().find(|i| i.item == "B2").unwrap();
    assert_eq!((b2.n_asked, b2.n), (11, Some(9)));
    assert!(!b2.flags.contains(&ItemFlag::ManyDontKnow));
}

#[test]
fn by_role_shows_only_role_groups_of_at_least_k() {
    let m = model();
    let data = read(&m, &format!("{STAFF}{OTHERS}"));
    // k = 3: staff 5 and partner 3 are role groups; politician 2 + citizen 1 are merged
    // into `other` (3), which counts in the whole but is not a role: never shown alone.
    let a = item_analysis(&m, &data, &small_k()).unwrap();
    let roles: Vec<(&str, usize)> = a.by_role.as_ref().unwrap().iter().map(|r| (r.role.as_str(), r.n)).collect();
    assert_eq!(roles, [("staff", 5), ("partner", 3)]);
    // The staff analysis equals the analysis of the staff alone at k = 3.
    let staff = &a.by_role.as_ref().unwrap()[0];
    let alone = item_analysis(&m, &read(&m, STAFF), &small_k()).unwrap();
    assert_eq!(staff.items, alone.items);
    assert_eq!(staff.dimensions, alone.dimensions);
    // k = 5: the partners (3) are below k: only staff is shown.
    let mut o = ItemOptions::default();
    o.min_group_size = 5;
    o.allow_small_groups = false;
    o.by_role = true;
    let a = item_analysis(&m, &data, &o).unwrap();
    let roles: Vec<&str> = a.by_role.as_ref().unwrap().iter().map(|r| r.role.as_str()).collect();
    assert_eq!(roles, ["staff"]);
    // Without --by-role there is no `by_role` key at all.
    let json = item_analysis(&m, &data, &ItemOptions::default()).unwrap().to_json();
    assert!(!json.contains("by_role"));
}

#[test]
fn row_order_does_not_change_the_figures() {
    let m = model();
    let text = format!("{STAFF}{OTHERS}");
    let rows: Vec<&str> = text.lines().collect();
    let mut reversed = vec![rows[0]];
    reversed.extend(rows[1..].iter().rev());
    let a = item_analysis(&m, &read(&m, &rows.join("\n")), &small_k()).unwrap();
    let b = item_analysis(&m, &read(&m, &reversed.join("\n")), &small_k()).unwrap();
    assert_eq!(a.to_json(), b.to_json());
}

#[test]
fn bad_options_and_data_are_typed_errors() {
    let m = model();
    let data = read(&m, STAFF);
    for (k, allow) in [(4, false), (2, true)] {
        let mut o = ItemOptions::default();
        o.min_group_size = k;
        o.allow_small_groups = allow;
        o.by_role = false;
        match item_analysis(&m, &data, &o) {
            Err(AssessError::InvalidOption { name, .. }) => assert_eq!(name, "min_group_size"),
            other => panic!("k = {k}: {other:?}"),
        }
    }
    // Too few respondents for k = 6.
    let mut o = ItemOptions::default();
    o.min_group_size = 6;
    assert!(matches!(
        item_analysis(&m, &data, &o),
        Err(AssessError::TooFewRespondents { included: 0, excluded: 5, k: 6 })
    ));
    // Responses read for another model.
    let other = Model::default_model();
    assert!(matches!(item_analysis(&other, &data, &ItemOptions::default()), Err(AssessError::ModelMismatch(_))));
}

#[test]
fn eigen_and_one_factor_kernels() {
    // [[2, 1], [1, 2]] has eigenvalues 3 and 1, the first with vector (1, 1)/√2.
    let (values, vectors) = symmetric_eigen(&[vec![2.0, 1.0], vec![1.0, 2.0]]);
    assert!((values[0] - 3.0).abs() < 1e-12 && (values[1] - 1.0).abs() < 1e-12);
    assert!((vectors[0][0].abs() - 0.5f64.sqrt()).abs() < 1e-12);
    // A 4-item matrix no single factor fits exactly: the solution must be a fixed point of
    // principal-axis factoring, (R − I + diag(λ²))·λ = (λ'λ)·λ, the stationarity condition
    // of the minres (ULS) fit.
    let r = vec![
        vec![1.0, 0.5, 0.4, 0.3],
        vec![0.5, 1.0, 0.35, 0.45],
        vec![0.4, 0.35, 1.0, 0.2],
        vec![0.3, 0.45, 0.2, 1.0],
    ];
    let f = one_factor(&r).unwrap();
    assert!(f.converged && !f.heywood);
    let ll: f64 = f.loadings.iter().map(|l| l * l).sum();
    for (i, row) in r.iter().enumerate() {
        let lhs: f64 = (0..4).map(|j| if i == j { f.loadings[j].powi(3) } else { row[j] * f.loadings[j] }).sum();
        assert!((lhs - ll * f.loadings[i]).abs() < 1e-9, "row {i}");
    }
    assert!(one_factor(&r[..2].iter().map(|row| row[..2].to_vec()).collect::<Vec<_>>()).is_none());
}

#[test]
fn flag_names_are_the_json_names() {
    use transform_model::maturity::{DimensionFlag as D, ItemFlag as I};
    for f in [I::LowItemRestR, I::AlphaRisesIfDeleted, I::ManyDontKnow, I::TooFewAnswers, I::Ceiling, I::Floor] {
        assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
    }
    for f in [D::LowAlpha, D::TooFewAnswers, D::Heywood] {
        assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
    }
}

#[test]
fn a_ceiling_and_a_floor_are_flagged_at_80_percent_after_reverse_keying() {
    // A1: 4,5,5,4,5 → 5 of 5 in the top two (4, 5): ceiling. A2: 1,2,1,2,3 → 4 of 5 = 80 % in
    // the bottom two (1, 2): floor. A3 is reverse-keyed: raw 5,5,4,4,3 → keyed 1,1,2,2,3:
    // 4 of 5 in the bottom two after keying, a floor though the raw answers sit high.
    let csv =
        "respondent,role,A1,A2,A3\nS1,staff,4,1,5\nS2,staff,5,2,5\nS3,staff,5,1,4\nS4,staff,4,2,4\nS5,staff,5,3,3\n";
    let m = model();
    let a = item_analysis(&m, &read(&m, csv), &ItemOptions::default()).unwrap();
    let flags = |id: &str| a.items.iter().find(|s| s.item == id).unwrap().flags.clone();
    assert!(flags("A1").contains(&ItemFlag::Ceiling), "{:?}", flags("A1"));
    assert!(flags("A2").contains(&ItemFlag::Floor), "{:?}", flags("A2"));
    assert!(flags("A3").contains(&ItemFlag::Floor) && !flags("A3").contains(&ItemFlag::Ceiling));
}
