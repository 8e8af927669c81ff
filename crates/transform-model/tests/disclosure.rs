//! Disclosure audit and secondary suppression (docs/disclosure.md): hand-made tables where
//! differencing reveals a person, and properties over random role × department tables
//! checked against an independent floating-point rank reference.

use proptest::prelude::*;
use transform_model::disclosure::{Cell, Exposure, audit, audit_min, suppress};

fn range(a: usize, b: usize) -> Vec<usize> {
    (a..b).collect()
}

#[test]
fn a_department_of_one_is_the_total_minus_the_others() {
    // Departments of 6, 5 and 1 (respondents 0..6, 6..11, 11); the total of 12 is published.
    // Total − D1 − D2 = D3: the single respondent of D3 is exposed even with D3 withheld.
    let cells = vec![
        Cell::new("total", range(0, 12)).fixed(),
        Cell::new("D1", range(0, 6)),
        Cell::new("D2", range(6, 11)),
        Cell::new("D3", vec![11]).withheld(),
    ];
    assert_eq!(audit(&cells, 12), Err(Exposure::Cell { cell: "D3".into() }));
    // Secondary suppression hides the smaller of D1, D2 (D2, 5): D3 and D2 are then only
    // known together (total − D1), not apart.
    let mut cells = cells;
    let done = suppress(&mut cells, 12, 5).unwrap();
    assert_eq!(done.secondary, 1);
    let shown: Vec<&str> = cells.iter().filter(|c| c.published).map(|c| c.name.as_str()).collect();
    assert_eq!(shown, ["total", "D1"]);
    assert_eq!(audit_min(&cells, 12, 5), Ok(()));
}

#[test]
fn a_single_respondent_is_exposed_by_two_published_cells() {
    // A = {0..5} (6), B = {0..4} (5): A − B is respondent 5 alone.
    let cells = vec![Cell::new("A", range(0, 6)), Cell::new("B", range(0, 5))];
    assert_eq!(audit(&cells, 6), Err(Exposure::Respondents { size: 1, min: 2 }));
    // Without B nobody is singled out.
    assert_eq!(audit(&cells[..1], 6), Ok(()));
}

#[test]
fn a_pair_below_k_is_exposed_under_audit_min() {
    // A ∩ B = {5, 6} (2 respondents) = A + B − (A ∪ B).
    let cells = vec![Cell::new("A", range(0, 7)), Cell::new("B", range(5, 12)), Cell::new("A∪B", range(0, 12))];
    assert_eq!(audit(&cells, 12), Ok(()), "no single respondent");
    assert_eq!(audit_min(&cells, 12, 5), Err(Exposure::Respondents { size: 2, min: 5 }));
}

#[test]
fn rational_combination_is_found() {
    // Classes a = {0..5}, b = {5..10}, c = {10..15}; published a+b, b+c, a+c. Then
    // a+b+c = ½ of their sum: the withheld total is derivable only with coefficient ½.
    let cells = vec![
        Cell::new("ab", range(0, 10)),
        Cell::new("bc", range(5, 15)),
        Cell::new("ac", [range(0, 5), range(10, 15)].concat()),
        Cell::new("abc", range(0, 15)).withheld(),
    ];
    assert_eq!(audit(&cells, 15), Err(Exposure::Cell { cell: "abc".into() }));
}

#[test]
fn a_two_way_table_needs_the_rectangle() {
    // Roles R1, R2 × departments D1, D2; inner cells (D1,R1) = 2 (withheld), the other
    // three 10 each; all margins published. Hiding one inner cell is not enough: with
    // (D2,R2) published, a = D1 − R2 + (D2,R2). The greedy hides (D1,R2), (D2,R1), (D2,R2)
    // (each 10, smaller than every margin), and then the null vector (1, −1, −1, 1) of the
    // margins changes a without changing any published figure.
    let a = range(0, 2);
    let b = range(2, 12);
    let c = range(12, 22);
    let d = range(22, 32);
    let cells = vec![
        Cell::new("D1", [a.clone(), b.clone()].concat()),
        Cell::new("D2", [c.clone(), d.clone()].concat()),
        Cell::new("R1", [a.clone(), c.clone()].concat()),
        Cell::new("R2", [b.clone(), d.clone()].concat()),
        Cell::new("D1/R1", a).withheld(),
        Cell::new("D1/R2", b),
        Cell::new("D2/R1", c),
        Cell::new("D2/R2", d),
    ];
    let mut cells = cells;
    assert!(audit_min(&cells, 32, 5).is_err());
    let done = suppress(&mut cells, 32, 5).unwrap();
    assert_eq!(done.secondary, 3);
    let hidden: Vec<&str> = cells.iter().filter(|c| !c.published).map(|c| c.name.as_str()).collect();
    assert_eq!(hidden, ["D1/R1", "D1/R2", "D2/R1", "D2/R2"]);
    assert_eq!(audit_min(&cells, 32, 5), Ok(()));
}

#[test]
fn fixed_cells_alone_that_expose_are_reported() {
    let mut cells = vec![
        Cell::new("A", range(0, 6)).fixed(),
        Cell::new("B", range(0, 5)).fixed(),
        Cell::new("C", vec![5]).withheld(),
    ];
    assert_eq!(suppress(&mut cells, 6, 5), Err(Exposure::Unprotectable { cell: "C".into() }));
}

#[test]
fn member_out_of_range_is_an_error() {
    let cells = vec![Cell::new("A", vec![0, 9])];
    assert_eq!(audit(&cells, 3), Err(Exposure::InvalidMember { cell: "A".into(), index: 9, respondents: 3 }));
}

/// Reference: is `v` in the row span of `rows`? Floating Gaussian elimination on small 0/1
/// matrices (entries stay far from rounding trouble at these sizes).
fn in_span_reference(rows: &[Vec<f64>], v: &[f64]) -> bool {
    let rank = |m: &[Vec<f64>]| {
        let mut m: Vec<Vec<f64>> = m.to_vec();
        let cols = m.first().map_or(0, |r| r.len());
        let mut r = 0;
        for c in 0..cols {
            let Some(p) = (r..m.len()).max_by(|&i, &j| m[i][c].abs().total_cmp(&m[j][c].abs())) else { break };
            if m[p][c].abs() < 1e-9 {
                continue;
            }
            m.swap(r, p);
            let pivot = m[r].clone();
            for (i, row) in m.iter_mut().enumerate() {
                if i != r {
                    let f = row[c] / pivot[c];
                    for (x, y) in row.iter_mut().zip(&pivot) {
                        *x -= f * y;
                    }
                }
            }
            r += 1;
        }
        r
    };
    let mut with = rows.to_vec();
    with.push(v.to_vec());
    rank(rows) == rank(&with)
}

/// Role × department table: margins, inner cells (the classes) and the fixed total.
fn table(sizes: &[Vec<usize>], k: usize) -> (Vec<Cell>, usize) {
    let (roles, depts) = (sizes.len(), sizes[0].len());
    let mut start = vec![vec![0; depts]; roles];
    let mut n = 0;
    for r in 0..roles {
        for d in 0..depts {
            start[r][d] = n;
            n += sizes[r][d];
        }
    }
    let inner = |r: usize, d: usize| range(start[r][d], start[r][d] + sizes[r][d]);
    let mut cells = vec![Cell::new("total", range(0, n)).fixed()];
    for r in 0..roles {
        cells.push(Cell::new(format!("R{r}"), (0..depts).flat_map(|d| inner(r, d)).collect()));
    }
    for d in 0..depts {
        cells.push(Cell::new(format!("D{d}"), (0..roles).flat_map(|r| inner(r, d)).collect()));
    }
    for r in 0..roles {
        for d in 0..depts {
            cells.push(Cell::new(format!("D{d}/R{r}"), inner(r, d)));
        }
    }
    let cells = cells
        .into_iter()
        .filter(|c| !c.members.is_empty())
        .map(|c| if c.members.len() < k && !c.fixed { c.withheld() } else { c })
        .collect();
    (cells, n)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn suppression_leaves_nothing_derivable(
        sizes in (2usize..4, 2usize..5).prop_flat_map(|(r, d)| prop::collection::vec(prop::collection::vec(0usize..12, d), r)),
    ) {
        let k = 5;
        let (mut cells, n) = table(&sizes, k);
        prop_assume!(n >= k);
        let done = suppress(&mut cells, n, k).unwrap();
        prop_assert_eq!(audit_min(&cells, n, k), Ok(()));
        for c in cells.iter().filter(|c| c.published) {
            prop_assert!(c.members.len() >= k, "published `{}` rests on {}", c.name, c.members.len());
        }
        // Independent check on the inner cells (the classes): every withheld cell and every
        // inner cell below k is outside the published span.
        let vector = |c: &Cell| (0..n).map(|i| c.members.contains(&i) as u8 as f64).collect::<Vec<f64>>();
        let published: Vec<Vec<f64>> = cells.iter().filter(|c| c.published).map(vector).collect();
        for c in &cells {
            let small_inner = c.name.contains('/') && c.members.len() < k;
            if !c.published || small_inner {
                prop_assert!(!in_span_reference(&published, &vector(c)), "`{}` derivable ({} secondary)", c.name, done.secondary);
            }
        }
    }
}
