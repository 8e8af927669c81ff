//! The attacks of issue 25, run on this file's own data, must find nothing; and a property
//! test: random staffing (2–6 departments, random roles and units), everything one
//! `assess --by department,unit` publishes, checked by an independent exact audit.
//!
//! The reference audit here shares no code with `transform_model::disclosure`: it collapses
//! respondents into classes by a sorted signature, brings the published rows to reduced
//! echelon form over ℚ with its own fractions, and finds every union of 1 to k − 1
//! respondents in the span by meet-in-the-middle over the residuals (a union of at most
//! four classes, when k = 5, is two halves of at most two classes whose residuals cancel).

use std::collections::{BTreeMap, HashMap};

use proptest::prelude::*;
use transform_model::maturity::{Assessment, ItemAnalysis, ItemOptions, Weighting, compare_rounds, item_analysis};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Model, Responses, assess};

mod reference {
    //! Exact span membership of unions of classes, independent of the library.

    use super::*;

    /// p/q in lowest terms, q > 0.
    #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
    pub struct Q(pub i128, pub i128);

    fn gcd(a: i128, b: i128) -> i128 {
        if b == 0 { a.abs() } else { gcd(b, a % b) }
    }

    impl Q {
        pub fn new(p: i128, q: i128) -> Q {
            let g = gcd(p, q).max(1) * q.signum();
            Q(p / g, q / g)
        }
        pub fn int(p: i128) -> Q {
            Q(p, 1)
        }
        fn add(self, o: Q) -> Q {
            Q::new(self.0 * o.1 + o.0 * self.1, self.1 * o.1)
        }
        fn mul(self, o: Q) -> Q {
            Q::new(self.0 * o.0, self.1 * o.1)
        }
        fn zero(self) -> bool {
            self.0 == 0
        }
    }

    /// A published figure: Σ coef·x over its members.
    pub type Row = Vec<(usize, Q)>;
    /// A sparse vector over the free columns.
    type Sparse = Vec<(usize, Q)>;

    /// The size of some union of classes holding 1 to `min − 1` respondents whose
    /// indicator lies in the span of `rows`, or None.
    pub fn disclosed(rows: &[Row], min: usize) -> Option<usize> {
        // Classes: respondents with the same (row, coefficient) signature.
        let mut signature: BTreeMap<usize, Vec<(usize, Q)>> = BTreeMap::new();
        for (i, row) in rows.iter().enumerate() {
            for &(r, c) in row {
                signature.entry(r).or_default().push((i, c));
            }
        }
        let mut class_of: HashMap<Vec<(usize, Q)>, usize> = HashMap::new();
        let mut size: Vec<usize> = Vec::new();
        let mut matrix: Vec<Vec<Q>> = vec![Vec::new(); rows.len()];
        for sig in signature.into_values() {
            let next = class_of.len();
            let c = *class_of.entry(sig.clone()).or_insert(next);
            if c == size.len() {
                size.push(0);
                for m in matrix.iter_mut() {
                    m.push(Q::int(0));
                }
                for &(i, q) in &sig {
                    matrix[i][c] = q;
                }
            }
            size[c] += 1;
        }
        let k = size.len();
        // Reduced echelon form.
        let mut pivots: Vec<(usize, Vec<Q>)> = Vec::new();
        for mut row in matrix {
            for (p, prow) in &pivots {
                let f = row[*p];
                if !f.zero() {
                    for j in 0..k {
                        row[j] = row[j].add(Q(-f.0, f.1).mul(prow[j]));
                    }
                }
            }
            if let Some(p) = (0..k).find(|&j| !row[j].zero()) {
                let inv = Q::new(row[p].1, row[p].0);
                for x in row.iter_mut() {
                    *x = x.mul(inv);
                }
                for (_, other) in pivots.iter_mut() {
                    let f = other[p];
                    if !f.zero() {
                        for j in 0..k {
                            other[j] = other[j].add(Q(-f.0, f.1).mul(row[j]));
                        }
                    }
                }
                pivots.push((p, row));
            }
        }
        let pivot_of: HashMap<usize, usize> = pivots.iter().enumerate().map(|(i, (p, _))| (*p, i)).collect();
        // Residual of e_c: e_c − Σ_p (e_c)_p · row_p, on the free columns (sparse, sorted).
        let residual = |c: usize| -> Vec<(usize, Q)> {
            match pivot_of.get(&c) {
                Some(&i) => (0..k)
                    .filter(|j| !pivot_of.contains_key(j) && !pivots[i].1[*j].zero())
                    .map(|j| (j, Q(-pivots[i].1[j].0, pivots[i].1[j].1)))
                    .collect(),
                None => vec![(c, Q::int(1))],
            }
        };
        let small: Vec<usize> = (0..k).filter(|&c| size[c] < min).collect();
        let res: HashMap<usize, Vec<(usize, Q)>> = small.iter().map(|&c| (c, residual(c))).collect();
        let add = |a: &[(usize, Q)], b: &[(usize, Q)], sign: i128| -> Vec<(usize, Q)> {
            let mut m: BTreeMap<usize, Q> = a.iter().copied().collect();
            for &(j, q) in b {
                let e = m.entry(j).or_insert(Q::int(0));
                *e = e.add(Q(sign * q.0, q.1));
            }
            m.into_iter().filter(|(_, q)| !q.zero()).collect()
        };
        // Halves: every set of at most `half` small classes, by residual sum.
        let half = (min - 1).div_ceil(2);
        let mut halves: Vec<(Vec<usize>, Sparse)> = vec![(Vec::new(), Vec::new())];
        for len in 1..=half {
            let mut next = Vec::new();
            for (set, sum) in halves.iter().filter(|(s, _)| s.len() == len - 1) {
                let from = set.last().map_or(0, |&l| small.iter().position(|&c| c == l).unwrap() + 1);
                for &c in &small[from..] {
                    let total: usize = set.iter().map(|&x| size[x]).sum::<usize>() + size[c];
                    if total < min {
                        let mut s = set.clone();
                        s.push(c);
                        next.push((s, add(sum, &res[&c], 1)));
                    }
                }
            }
            halves.extend(next);
        }
        let mut by_sum: HashMap<Vec<(usize, Q)>, Vec<usize>> = HashMap::new();
        for (i, (_, sum)) in halves.iter().enumerate() {
            by_sum.entry(sum.clone()).or_default().push(i);
        }
        for (a, sum) in &halves {
            let negated: Vec<(usize, Q)> = sum.iter().map(|&(j, q)| (j, Q(-q.0, q.1))).collect();
            for &b in by_sum.get(&negated).into_iter().flatten() {
                let b = &halves[b].0;
                if a.is_empty() && b.is_empty() || a.iter().any(|x| b.contains(x)) {
                    continue;
                }
                let total: usize = a.iter().chain(b).map(|&c| size[c]).sum();
                if (1..min).contains(&total) {
                    return Some(total);
                }
            }
        }
        None
    }

    pub fn plain(members: impl IntoIterator<Item = usize>) -> Row {
        members.into_iter().map(|r| (r, Q::int(1))).collect()
    }

    #[test]
    fn the_reference_finds_the_managers_of_a_unit() {
        // Unit {0..9}, its front line {3..9}: {0, 1, 2} (1 top + 2 middle) is the difference.
        let rows = [plain(0..9), plain(3..9)];
        assert_eq!(disclosed(&rows, 5), Some(3));
        assert_eq!(disclosed(&rows[..1], 5), None);
        // Weighted: 2·A + B and A + B with |A| = 3, |B| = 6 give A.
        let w: Row = (0..3).map(|r| (r, Q::int(2))).chain((3..9).map(|r| (r, Q::int(1)))).collect();
        assert_eq!(disclosed(&[w, plain(0..9)], 5), Some(3));
    }
}

use reference::{Q, Row, disclosed, plain};

const ROLES: [&str; 5] = ["politician", "top_manager", "middle_manager", "frontline", "external_partner"];

/// One respondent of a test survey: role, department, unit and an answer to every item
/// asked of the role (None: not asked, or "ved ikke").
#[derive(Clone, Debug)]
struct Person {
    role: usize,
    department: usize,
    unit: usize,
    answers: Vec<Option<i64>>,
}

fn model() -> Model {
    Model::default_model()
}

/// dtm 2026.2, for attacks whose shape rests on its routing: external partners asked D5
/// and D7 without a filter question, every role asked most items (2027.1 routes items to
/// the roles that can observe them and puts partners' items behind a filter).
fn model_2026_2() -> Model {
    Model::bundled("dtm@2026.2").unwrap()
}

fn role_index(model: &Model, id: &str) -> usize {
    model.roles().iter().position(|r| r.id == id).unwrap()
}

/// Answers 1..5 from a small deterministic generator (splitmix64).
fn people(model: &Model, staffing: &[(usize, usize, usize)], seed: u64) -> Vec<Person> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let (lo, hi) = (model.scale().min, model.scale().max);
    staffing
        .iter()
        .map(|&(role, department, unit)| Person {
            role,
            department,
            unit,
            answers: (0..model.items().len())
                .map(|i| model.is_asked(role, i).then(|| lo + (next() % (hi - lo + 1) as u64) as i64))
                .collect(),
        })
        .collect()
}

fn csv(model: &Model, people: &[Person]) -> String {
    let mut s = String::from("respondent,role");
    for item in model.items() {
        s.push(',');
        s.push_str(&item.id);
    }
    s.push_str(",department,unit\n");
    for (i, p) in people.iter().enumerate() {
        s.push_str(&format!("R{i:05},{}", model.roles()[p.role].id));
        for a in &p.answers {
            s.push(',');
            if let Some(v) = a {
                s.push_str(&v.to_string());
            }
        }
        s.push_str(&format!(",D{},U{}\n", p.department, p.unit));
    }
    s
}

fn read(model: &Model, people: &[Person]) -> Responses {
    Responses::from_csv_str(model, &csv(model, people), &ReadOptions::default()).unwrap()
}

fn options(by: &[&str]) -> AssessOptions {
    let mut o = AssessOptions::default();
    o.bootstrap = 0;
    o.group_by = by.iter().map(|s| s.to_string()).collect();
    o
}

/// Scored on dimension `d`: every asked item is answered here, so whoever is asked an item.
fn scored(model: &Model, p: &Person, d: usize) -> bool {
    model.asked_items(p.role, d).next().is_some()
}

/// Everything `a` publishes as rows per layer, and the reference audit of each: the first
/// disclosed union as (layer, size).
fn audit_assessment(model: &Model, people: &[Person], a: &Assessment) -> Option<(String, usize)> {
    let k = a.min_group_size;
    let group_roles: Vec<Vec<usize>> =
        a.groups.iter().map(|g| g.roles.iter().map(|r| role_index(model, r)).collect()).collect();
    let in_group = |g: usize, p: &Person| group_roles[g].contains(&p.role);
    let included = |p: &Person| group_roles.iter().any(|rs| rs.contains(&p.role));
    let unit_members = |u: &transform_model::maturity::UnitResult| -> Vec<usize> {
        let g = u.role.as_ref().map(|id| a.groups.iter().position(|g| &g.role == id).unwrap());
        (0..people.len())
            .filter(|&i| {
                let p = &people[i];
                included(p)
                    && g.is_none_or(|g| in_group(g, p))
                    && format!("D{}", p.department) == u.department
                    && u.unit.as_ref().is_none_or(|x| *x == format!("U{}", p.unit))
            })
            .collect()
    };
    // Head counts.
    let mut heads: Vec<Row> =
        (0..a.groups.len()).map(|g| plain((0..people.len()).filter(|&i| in_group(g, &people[i])))).collect();
    heads.extend(a.units.iter().filter(|u| u.n.is_some()).map(|u| plain(unit_members(u))));
    if let Some(size) = disclosed(&heads, k) {
        return Some(("head counts".into(), size));
    }
    for (d, dim) in a.dimensions.iter().enumerate() {
        let scored_in = |g: usize| -> Vec<usize> {
            (0..people.len()).filter(|&i| in_group(g, &people[i]) && scored(model, &people[i], d)).collect()
        };
        let mut score: Vec<Row> = Vec::new();
        let mut spread: Vec<Row> = Vec::new();
        let mut contributing = Vec::new();
        for (g, group) in a.groups.iter().enumerate() {
            let gd = &group.dimensions[d];
            if gd.score.is_some() {
                score.push(plain(scored_in(g)));
                contributing.push(g);
            }
            if gd.sd.is_some() {
                spread.push(plain(scored_in(g)));
            }
        }
        for u in &a.units {
            let members: Vec<usize> = unit_members(u).into_iter().filter(|&i| scored(model, &people[i], d)).collect();
            if u.dimensions[d].score.is_some() {
                score.push(plain(members.clone()));
            }
            if u.dimensions[d].ci.is_some() {
                spread.push(plain(members));
            }
        }
        if dim.ci.is_some() {
            // Pooled: the plain sum of squares; balanced: se² weights SS_g by w_g²/(n_g(n_g − 1)).
            let mut row = Row::new();
            for &g in &contributing {
                let members = scored_in(g);
                let n = members.len() as i128;
                let w = group_roles[g].iter().filter(|&&r| model.asked_items(r, d).next().is_some()).count() as i128;
                let c = match a.weighting {
                    Weighting::Pooled => Q::int(1),
                    _ => Q::new(w * w, n * (n - 1)),
                };
                row.extend(members.into_iter().map(|r| (r, c)));
            }
            spread.push(row);
        }
        if let Some(size) = disclosed(&score, k) {
            return Some((format!("scores of {}", dim.id), size));
        }
        if let Some(size) = disclosed(&spread, k) {
            return Some((format!("spreads of {}", dim.id), size));
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// Attack 4: a unit minus its published role cells.

#[test]
fn a_unit_minus_its_front_line_does_not_give_its_managers() {
    let m = model();
    let (top, middle, front) =
        (role_index(&m, "top_manager"), role_index(&m, "middle_manager"), role_index(&m, "frontline"));
    // D0: 1 top, 2 middle, 6 front line (the attack's unit); D1 and D2 make every role a group.
    let mut staffing = vec![(top, 0, 0), (middle, 0, 0), (middle, 0, 0)];
    staffing.extend([(front, 0, 0); 6]);
    for d in 1..3 {
        staffing.extend([(top, d, 0); 3]);
        staffing.extend([(middle, d, 0); 4]);
        staffing.extend([(front, d, 0); 8]);
    }
    let people = people(&m, &staffing, 11);
    let a = assess(&m, &read(&m, &people), &options(&["department"])).unwrap();
    // The attack itself: D0 and D0's front line both published on a dimension.
    let d0 = a.units.iter().find(|u| u.department == "D0" && u.role.is_none()).unwrap();
    let d0_front = a.units.iter().find(|u| u.department == "D0" && u.role.as_deref() == Some("frontline")).unwrap();
    for (x, y) in d0.dimensions.iter().zip(&d0_front.dimensions) {
        assert!(x.score.is_none() || y.score.is_none(), "{}: unit and front line both published", x.id);
    }
    assert_eq!(audit_assessment(&m, &people, &a), None);
}

// ---------------------------------------------------------------------------------------
// Property: random staffing, everything published, an independent exact audit.

fn staffing() -> impl Strategy<Value = (Vec<(usize, usize, usize)>, u64, bool)> {
    (2usize..=6).prop_flat_map(|departments| {
        (prop::collection::vec((0usize..5, 0..departments, 0usize..3), 15..70), any::<u64>(), any::<bool>())
    })
}

proptest! {
    // 200 surveys (the count); each is assessed with --by department,unit and
    // audited layer by layer.
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
    #[test]
    fn no_union_below_k_is_derivable_from_a_breakdown((staff, seed, pooled) in staffing()) {
        let m = model();
        let people = people(&m, &staff, seed);
        let mut o = options(&["department", "unit"]);
        if pooled {
            o.weighting = Weighting::Pooled;
        }
        match assess(&m, &read(&m, &people), &o) {
            Ok(a) => prop_assert_eq!(audit_assessment(&m, &people, &a), None),
            // Too few respondents in groups of k: nothing is published.
            Err(transform_model::maturity::AssessError::TooFewRespondents { .. }) => {}
            Err(e) => prop_assert!(false, "{e}"),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Attacks 1 and 2: `items --by-role`, and everyone minus the role tables.

/// Staffing with the given head counts per role (politician, top, middle, front, partner),
/// all in one department.
fn counts(model: &Model, n: [usize; 5]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (r, &c) in n.iter().enumerate() {
        out.extend(std::iter::repeat_n((role_index(model, ROLES[r]), 0, 0), c));
    }
    out
}

/// The reference audit of one item analysis, item by item: the sets asked (counts), the
/// sets answering (means, and the sums of squares behind SDs) of every section that
/// publishes them. Returns the first disclosed (item, layer, size).
fn audit_items(model: &Model, people: &[Person], a: &ItemAnalysis) -> Option<(String, &'static str, usize)> {
    let k = a.min_group_size;
    // Included: the groups of the analysis (roles of at least k, and `other` when ≥ k).
    let mut per_role = vec![0; model.roles().len()];
    for p in people {
        per_role[p.role] += 1;
    }
    let small: usize = per_role.iter().filter(|&&c| c < k).sum();
    let included = |p: &Person| per_role[p.role] >= k || small >= k;
    for (item_index, item) in model.items().iter().enumerate() {
        let mut sections: Vec<(Option<usize>, &transform_model::maturity::ItemStats)> = Vec::new();
        if let Some(s) = a.items.iter().find(|s| s.item == item.id) {
            sections.push((None, s));
        }
        for r in a.by_role.iter().flatten() {
            if let Some(s) = r.items.iter().find(|s| s.item == item.id) {
                sections.push((Some(role_index(model, &r.role)), s));
            }
        }
        let members = |role: Option<usize>, answered: bool| -> Row {
            plain((0..people.len()).filter(|&i| {
                let p = &people[i];
                included(p)
                    && role.is_none_or(|r| p.role == r)
                    && model.is_asked(p.role, item_index)
                    && (!answered || p.answers[item_index].is_some())
            }))
        };
        let layers: [(&str, Vec<Row>); 3] = [
            ("counts", sections.iter().filter(|(_, s)| s.n.is_some()).map(|(r, _)| members(*r, false)).collect()),
            ("means", sections.iter().filter(|(_, s)| s.mean.is_some()).map(|(r, _)| members(*r, true)).collect()),
            ("spreads", sections.iter().filter(|(_, s)| s.sd.is_some()).map(|(r, _)| members(*r, true)).collect()),
        ];
        for (layer, rows) in layers {
            if let Some(size) = disclosed(&rows, k) {
                return Some((item.id.clone(), layer, size));
            }
        }
    }
    None
}

fn items_options(by_role: bool) -> ItemOptions {
    let mut o = ItemOptions::default();
    o.by_role = by_role;
    o
}

#[test]
fn five_alike_politicians_publish_no_mean_and_no_sd() {
    let m = model();
    let mut people = people(&m, &counts(&m, [5, 6, 14, 30, 8]), 5);
    let pol = role_index(&m, "politician");
    // Every politician answers 3 to the first half of the items asked of them.
    for p in people.iter_mut().filter(|p| p.role == pol) {
        for (i, a) in p.answers.iter_mut().enumerate() {
            if i % 2 == 0 && a.is_some() {
                *a = Some(3);
            }
        }
    }
    let a = item_analysis(&m, &read(&m, &people), &items_options(true)).unwrap();
    let section = a.by_role.as_ref().unwrap().iter().find(|r| r.role == "politician").unwrap();
    assert_eq!(section.n, 5);
    for s in &section.items {
        // 5 < min_dispersion_n = 10: no SD, no item-rest r, no alpha if deleted.
        assert_eq!((s.sd, s.item_rest_r, s.alpha_if_deleted), (None, None, None), "{}", s.item);
        let i = m.items().iter().position(|x| x.id == s.item).unwrap();
        if i % 2 == 0 {
            assert_eq!(s.mean, None, "{}: five alike answers", s.item);
        }
    }
    assert!(section.dimensions.iter().all(|d| d.alpha.is_none() && d.omega_total.is_none()));
    // No published SD anywhere rests on fewer than 10 answers.
    let all = a.items.iter().chain(a.by_role.iter().flatten().flat_map(|r| &r.items));
    assert!(all.filter(|s| s.sd.is_some()).all(|s| s.n.is_some_and(|n| n >= 10)));
    assert_eq!(audit_items(&m, &people, &a), None);
}

#[test]
fn everyone_minus_the_role_tables_leaves_no_small_group() {
    let m = model_2026_2();
    // 2 politicians + 3 partners merge into `other` (5): a table of everyone, none of them.
    let mut people = people(&m, &counts(&m, [2, 6, 14, 30, 3]), 8);
    // Two partners say "ved ikke" to every other item: items where fewer than k of `other`
    // answer, and the partner-only items' answers, are what the remainder would expose.
    let partner = role_index(&m, "external_partner");
    for p in people.iter_mut().filter(|p| p.role == partner).take(2) {
        for (i, a) in p.answers.iter_mut().enumerate() {
            if i % 2 == 1 {
                *a = None;
            }
        }
    }
    let a = item_analysis(&m, &read(&m, &people), &items_options(true)).unwrap();
    let roles: Vec<&str> = a.by_role.as_ref().unwrap().iter().map(|r| r.role.as_str()).collect();
    assert_eq!(roles, ["top_manager", "middle_manager", "frontline"]);
    assert_eq!(audit_items(&m, &people, &a), None);
    // The attack needs something to bite on: some item's remainder is under k, so some
    // role section was withheld where everyone is published.
    let withheld = a.by_role.iter().flatten().flat_map(|r| &r.items).any(|s| s.mean.is_none() && s.n.unwrap_or(0) >= 5);
    assert!(withheld);
}

// ---------------------------------------------------------------------------------------
// Attack 3: two hidden spreads from se and df.

/// The real roots a₁ of a₁²/(n₁−1) + (S₁ − a₁)²/(n₂−1) = S₂.
fn roots(s1: f64, s2: f64, n1: f64, n2: f64) -> Vec<f64> {
    let (qa, qb, qc) = (1.0 / (n1 - 1.0) + 1.0 / (n2 - 1.0), -2.0 * s1 / (n2 - 1.0), s1 * s1 / (n2 - 1.0) - s2);
    let disc = qb * qb - 4.0 * qa * qc;
    if disc < -1e-12 * qb * qb {
        return Vec::new();
    }
    let r = disc.max(0.0).sqrt();
    vec![(-qb - r) / (2.0 * qa), (-qb + r) / (2.0 * qa)]
}

#[test]
fn se_and_df_do_not_pin_two_hidden_spreads() {
    let m = model_2026_2();
    // Groups of 6 (politicians) and 7 (partners) under min_dispersion_n = 10: two hidden
    // (partners are asked two dimensions, D5 and D7, which then have the attack's shape).
    let people = people(&m, &counts(&m, [6, 12, 15, 40, 7]), 21);
    let data = read(&m, &people);
    let a = assess(&m, &data, &options(&[])).unwrap();
    // The true SDs, from the same scores with every spread published.
    let mut all = options(&[]);
    all.min_dispersion_n = 5;
    let truth = assess(&m, &data, &all).unwrap();
    let mut attacked = 0;
    for (d, dim) in a.dimensions.iter().enumerate() {
        let (Some(se), Some(df)) = (dim.se, dim.df) else { continue };
        let groups: Vec<usize> = (0..a.groups.len()).filter(|&g| a.groups[g].dimensions[d].score.is_some()).collect();
        let hidden: Vec<usize> = groups.iter().copied().filter(|&g| a.groups[g].dimensions[d].sd.is_none()).collect();
        if groups.len() != 5 || hidden.len() != 2 {
            continue;
        }
        attacked += 1;
        // a_g = (1/G)² s_g²/n_g (every group is one role asked the dimension).
        let term = |g: usize, sd: f64| {
            let n = a.groups[g].dimensions[d].n.unwrap() as f64;
            sd * sd / n / 25.0
        };
        let n_of = |g: usize| a.groups[g].dimensions[d].n.unwrap() as f64;
        let known: Vec<(f64, f64)> = groups
            .iter()
            .filter(|g| !hidden.contains(g))
            .map(|&g| (term(g, a.groups[g].dimensions[d].sd.unwrap()), n_of(g)))
            .collect();
        let solve = |df: f64| -> Vec<f64> {
            let s1 = se * se - known.iter().map(|x| x.0).sum::<f64>();
            let s2 = se.powi(4) / df - known.iter().map(|(t, n)| t * t / (n - 1.0)).sum::<f64>();
            roots(s1, s2, n_of(hidden[0]), n_of(hidden[1]))
                .into_iter()
                .filter(|&x| x > 0.0)
                .map(|x| (x * 25.0 * n_of(hidden[0])).sqrt())
                .collect()
        };
        let true_sd = truth.groups[hidden[0]].dimensions[d].sd.unwrap();
        let pinned = |candidates: &[f64]| candidates.iter().any(|c| (c - true_sd).abs() < 1e-6 * true_sd.max(1.0));
        // The published df pins nothing.
        assert!(!pinned(&solve(df)), "{}: df {df} pins the hidden SD {true_sd}", dim.id);
        // Control: Welch's df (from the true spreads) would have pinned it.
        let all_terms: Vec<(f64, f64)> =
            groups.iter().map(|&g| (term(g, truth.groups[g].dimensions[d].sd.unwrap()), n_of(g))).collect();
        let welch = se.powi(4) / all_terms.iter().map(|(t, n)| t * t / (n - 1.0)).sum::<f64>();
        assert!(pinned(&solve(welch)), "{}: the control does not find the SD", dim.id);
    }
    assert!(attacked >= 2, "only {attacked} dimensions had the attack's shape");
}

// ---------------------------------------------------------------------------------------
// Attack 5: a round re-issued with one late respondent.

#[test]
fn a_reissue_with_one_late_respondent_reveals_nothing_of_them() {
    let m = model();
    let front = role_index(&m, "frontline");
    let mut staffing = counts(&m, [5, 6, 14, 30, 8]);
    for (i, s) in staffing.iter_mut().enumerate() {
        s.1 = i % 3;
    }
    let first = people(&m, &staffing, 2);
    let mut second = first.clone();
    second.extend(people(&m, &[(front, 0, 0)], 99));
    let round1 = assess(&m, &read(&m, &first), &options(&["department"])).unwrap();
    let mut o = options(&["department"]);
    o.audit_against = vec![round1.clone()];
    let round2 = assess(&m, &read(&m, &second), &o).unwrap();
    let k = round2.min_group_size;
    let close = |a: Option<usize>, b: Option<usize>| a.zip(b).is_some_and(|(a, b)| (1..k).contains(&a.abs_diff(b)));
    // No group × dimension or unit × dimension cell is published in both rounds with an n
    // 1 to k − 1 apart.
    for (g2, g1) in round2.groups.iter().zip(&round1.groups) {
        for (d2, d1) in g2.dimensions.iter().zip(&g1.dimensions) {
            assert!(!close(d2.n, d1.n), "{} {}", g2.role, d2.id);
        }
    }
    for u2 in &round2.units {
        let u1 = round1.units.iter().find(|u| u.department == u2.department && u.role == u2.role).unwrap();
        for (d2, d1) in u2.dimensions.iter().zip(&u1.dimensions) {
            assert!(!close(d2.n, d1.n), "{} {:?} {}", u2.department, u2.role, d2.id);
        }
    }
    // The late respondent's group publishes none of its (changed) scores.
    let f2 = round2.groups.iter().find(|g| g.role == "frontline").unwrap();
    assert!(f2.dimensions.iter().all(|d| d.score.is_none()));
    assert!(round2.suppression.secondary > 0);
    // Without the audit, `compare` withholds every change whose n moved by 1.
    let unaudited = assess(&m, &read(&m, &second), &options(&["department"])).unwrap();
    let rounds = compare_rounds(&unaudited, &round1).unwrap();
    let front_changes: Vec<_> = rounds.changes.iter().filter(|c| c.group.as_deref() == Some("frontline")).collect();
    assert!(!front_changes.is_empty());
    assert!(front_changes.iter().all(|c| c.withheld && c.change.is_none() && c.ci.is_none() && c.p.is_none()));
    // And the items of the re-issue, audited against the first round's.
    let items1 = item_analysis(&m, &read(&m, &first), &items_options(true)).unwrap();
    let mut io = items_options(true);
    io.audit_against = vec![items1.clone()];
    let items2 = item_analysis(&m, &read(&m, &second), &io).unwrap();
    let sections = |a: &ItemAnalysis| -> Vec<(String, String, Option<usize>, usize)> {
        let mut v: Vec<_> = a.items.iter().map(|s| (String::new(), s.item.clone(), s.n, s.n_asked)).collect();
        for r in a.by_role.iter().flatten() {
            v.extend(r.items.iter().map(|s| (r.role.clone(), s.item.clone(), s.n, s.n_asked)));
        }
        v
    };
    let before = sections(&items1);
    for (role, item, n, asked) in sections(&items2) {
        let Some(b) = before.iter().find(|b| b.0 == role && b.1 == item) else { continue };
        if n.is_some() && b.2.is_some() {
            assert!(!close(n, b.2) && !(1..k).contains(&asked.abs_diff(b.3)), "{role} {item}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Counts that say what they mean.

#[test]
fn cells_nobody_was_asked_are_not_counted_as_suppressed() {
    let m = model();
    // Every role a group of at least 10: nothing is under k. Politicians are not asked D10,
    // partners not asked 8 of the 10 dimensions.
    let people = people(&m, &counts(&m, [10, 10, 12, 20, 10]), 4);
    let a = assess(&m, &read(&m, &people), &options(&[])).unwrap();
    let not_asked = a.groups.iter().flat_map(|g| &g.dimensions).filter(|d| d.n.is_none()).count();
    assert!(not_asked >= 9, "{not_asked}");
    // Homogeneous cells (all alike) would be primary; with random answers none is.
    let alike = a.groups.iter().flat_map(|g| &g.dimensions).filter(|d| d.n.is_some() && d.score.is_none()).count();
    assert_eq!(a.suppression.primary, alike);
}
