//! Breakdowns by department and unit (docs/disclosure.md): the JSON contract, secondary
//! suppression across everything published, and the typed errors of unit columns.

use proptest::prelude::*;
use transform_model::disclosure::{Cell, audit_min};
use transform_model::maturity::sample::sample_csv;
use transform_model::maturity::{AssessError, UnitResult};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Model, ResponseError, Responses, assess};

const ROLES: [&str; 5] = ["politician", "top_manager", "middle_manager", "frontline", "external_partner"];

/// A sample survey with fixed role head counts and a `department` column: respondent i
/// (in file order) gets `departments[i]`.
fn survey(model: &Model, counts: [usize; 5], departments: &[&str], seed: u64) -> String {
    let n: usize = counts.iter().sum();
    assert_eq!(departments.len(), n);
    let csv = sample_csv(model, n, seed, Some(&counts));
    let mut lines = csv.lines();
    let mut out = format!("{},department\n", lines.next().unwrap());
    for (line, d) in lines.zip(departments) {
        out.push_str(&format!("{line},{d}\n"));
    }
    out
}

fn options(by: &[&str]) -> AssessOptions {
    let mut o = AssessOptions::default();
    o.bootstrap = 0;
    o.group_by = by.iter().map(|s| s.to_string()).collect();
    o
}

fn find<'a>(units: &'a [UnitResult], department: &str, role: Option<&str>) -> &'a UnitResult {
    units.iter().find(|u| u.department == department && u.unit.is_none() && u.role.as_deref() == role).unwrap()
}

#[test]
fn departments_of_six_five_and_one_need_secondary_suppression() {
    // 12 frontline respondents: Social 6, Teknik 5, Kultur 1. The frontline group (12) is
    // published, so Kultur = frontline − Social − Teknik unless one more department is
    // hidden: the smaller, Teknik (5). Then only Teknik + Kultur = 12 − 6 is known.
    let model = Model::default_model();
    let mut depts = vec!["Social"; 6];
    depts.extend(["Teknik"; 5]);
    depts.push("Kultur");
    let text = survey(&model, [0, 0, 0, 12, 0], &depts, 4);
    let responses = Responses::from_csv_str(&model, &text, &ReadOptions::default()).unwrap();
    let a = assess(&model, &responses, &options(&["department"])).unwrap();
    assert_eq!(a.by, ["department"]);
    assert_eq!(a.groups.len(), 1);
    assert_eq!(a.groups[0].n, 12);
    // Output order: departments by name, each followed by its role groups.
    let order: Vec<(&str, Option<&str>)> = a.units.iter().map(|u| (u.department.as_str(), u.role.as_deref())).collect();
    assert_eq!(
        order,
        [
            ("Kultur", None),
            ("Kultur", Some("frontline")),
            ("Social", None),
            ("Social", Some("frontline")),
            ("Teknik", None),
            ("Teknik", Some("frontline")),
        ]
    );
    assert_eq!(find(&a.units, "Social", None).n, Some(6));
    for (dept, role) in
        [("Kultur", None), ("Kultur", Some("frontline")), ("Teknik", None), ("Teknik", Some("frontline"))]
    {
        let u = find(&a.units, dept, role);
        assert_eq!(u.n, None, "{dept} {role:?}");
        assert!(u.dimensions.iter().all(|d| d.score.is_none() && d.n.is_none() && d.ci.is_none()), "{dept}");
    }
    // Social's published scores are its members' means: recompute them from the rows.
    let social = find(&a.units, "Social", None);
    for (d, dim) in social.dimensions.iter().enumerate() {
        if let Some(score) = dim.score {
            let items = model.dimension_items(d);
            let means: Vec<f64> = (0..6)
                .filter_map(|r| {
                    let v: Vec<f64> = items
                        .iter()
                        .filter_map(|&i| {
                            let v = responses.value(r, i).unwrap()?;
                            Some(if model.items()[i].reverse { 6 - v } else { v } as f64)
                        })
                        .collect();
                    let asked = items.iter().filter(|&&i| model.is_asked(responses.role_of(r).unwrap(), i)).count();
                    (v.len() * 2 >= asked && !v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
                })
                .collect();
            assert_eq!(dim.n, Some(means.len()));
            assert!((score - means.iter().sum::<f64>() / means.len() as f64).abs() < 1e-12);
        }
    }
    // Primary: Kultur and Kultur/frontline in every layer; secondary: Teknik's two cells.
    assert!(a.suppression.primary >= 2, "{:?}", a.suppression);
    assert!(a.suppression.secondary >= 2, "{:?}", a.suppression);
}

#[test]
fn without_a_breakdown_nothing_is_added() {
    let model = Model::default_model();
    let text = survey(&model, [0, 0, 0, 12, 0], &["A"; 12], 4);
    let responses = Responses::from_csv_str(&model, &text, &ReadOptions::default()).unwrap();
    let a = assess(&model, &responses, &options(&[])).unwrap();
    assert!(a.units.is_empty() && a.by.is_empty());
    let json = a.to_json();
    assert!(!json.contains("\"units\""), "units only with a breakdown");
    assert!(json.contains("\"suppression\""));
}

#[test]
fn a_hierarchy_reports_departments_and_units() {
    let model = Model::default_model();
    // Two departments × two units of 10 frontline and 6 middle managers each.
    let mut counts = [0usize; 5];
    counts[2] = 24; // middle_manager
    counts[3] = 40; // frontline
    let mut csv = sample_csv(&model, 64, 9, Some(&counts)).lines().map(str::to_owned).collect::<Vec<_>>();
    csv[0].push_str(",department,unit");
    for (i, line) in csv.iter_mut().skip(1).enumerate() {
        // Middle managers are rows 0..24, frontline rows 24..64; each quarter of each role
        // goes to one unit.
        let q = if i < 24 { i / 6 } else { (i - 24) / 10 };
        line.push_str(&format!(",D{},U{}", q / 2, q % 2));
    }
    let text = csv.join("\n");
    let responses = Responses::from_csv_str(&model, &text, &ReadOptions::default()).unwrap();
    let a = assess(&model, &responses, &options(&["department", "unit"])).unwrap();
    // Per department: the department, 2 roles, then 2 units × (unit + 2 roles) = 9 entries.
    assert_eq!(a.units.len(), 18);
    let d0 = &a.units[0];
    assert_eq!((d0.department.as_str(), d0.unit.as_deref(), d0.role.as_deref(), d0.n), ("D0", None, None, Some(32)));
    let u = &a.units[3];
    assert_eq!((u.department.as_str(), u.unit.as_deref(), u.role.as_deref(), u.n), ("D0", Some("U0"), None, Some(16)));
    for u in &a.units {
        assert!(u.n.is_none_or(|n| n >= 5));
        assert!(u.dimensions.iter().all(|d| d.n.is_none_or(|n| n >= 5)));
    }
}

#[test]
fn unit_column_errors_are_typed() {
    let model = Model::default_model();
    let good = survey(&model, [0, 0, 0, 6, 0], &["A"; 6], 1);
    // An empty department value is allowed: the respondent is "uden enhed".
    let empty = good.replacen(",A\n", ",\n", 1);
    let r = Responses::from_csv_str(&model, &empty, &ReadOptions::default()).unwrap();
    assert_eq!(r.unit_value("department", 0), Some(transform_model::responses::NO_UNIT));
    assert_eq!(r.unit_value("department", 1), Some("A"));
    // A department named like a role.
    let role_like = good.replacen(",A\n", ",Frontline\n", 1);
    let e = Responses::from_csv_str(&model, &role_like, &ReadOptions::default()).unwrap_err();
    assert!(matches!(&e, ResponseError::UnitNamedLikeRole { role, .. } if role == "frontline"), "{e:?}");
    // --by a column the responses do not have.
    let responses = Responses::from_csv_str(&model, &good, &ReadOptions::default()).unwrap();
    let e = assess(&model, &responses, &options(&["area"])).unwrap_err();
    assert!(
        matches!(&e, AssessError::UnknownBreakdown { column, available } if column == "area" && available == "`department`"),
        "{e:?}"
    );
    // Other unit columns are read when asked for.
    let area = good.replace(",department\n", ",area\n");
    let mut read = ReadOptions::default();
    read.unit_columns = vec!["area".into()];
    let responses = Responses::from_csv_str(&model, &area, &read).unwrap();
    assert_eq!(responses.unit_value("area", 0), Some("A"));
    // An ignored column is never a unit column, `department` included.
    let mut ignore = ReadOptions::default();
    ignore.ignore_columns = vec!["department".into()];
    let plain = Responses::from_csv_str(&model, &good, &ignore).unwrap();
    assert_eq!(plain.unit_columns().count(), 0);
    // Without asking, `area` is not an item: the usual unknown-column error.
    assert!(matches!(
        Responses::from_csv_str(&model, &area, &ReadOptions::default()),
        Err(ResponseError::UnknownColumn { .. })
    ));
}

#[test]
fn long_json_carries_units_and_refuses_a_conflict() {
    let model = Model::default_model();
    let json = r#"[{"respondent":"A","role":"frontline","item":"D2_7","value":4,"department":"Social"},
        {"respondent":"A","role":"frontline","item":"D2_6","value":3,"department":"Social"},
        {"respondent":"B","role":"frontline","item":"D2_7","value":2,"department":"Teknik"}]"#;
    let r = Responses::from_long_json(&model, json).unwrap();
    assert_eq!((r.unit_value("department", 0), r.unit_value("department", 1)), (Some("Social"), Some("Teknik")));
    let conflict = json.replacen("\"value\":3,\"department\":\"Social\"", "\"value\":3,\"department\":\"Kultur\"", 1);
    let e = Responses::from_long_json(&model, &conflict).unwrap_err();
    assert!(matches!(&e, ResponseError::UnitConflict { row: 2, .. }), "{e:?}");
    // A respondent without the key is "uden enhed", as a blank cell is.
    let missing = json.replacen(",\"department\":\"Teknik\"", "", 1);
    let r = Responses::from_long_json(&model, &missing).unwrap();
    assert_eq!(r.unit_value("department", 1), Some(transform_model::responses::NO_UNIT));
}

#[test]
fn municipality_codes_are_checked() {
    let model = Model::default_model();
    let text = survey(&model, [0, 0, 0, 6, 0], &["A"; 6], 1);
    let responses = Responses::from_csv_str(&model, &text, &ReadOptions::default()).unwrap();
    let mut o = AssessOptions::default();
    o.bootstrap = 0;
    o.municipality = Some("101".into());
    let a = assess(&model, &responses, &o).unwrap();
    let m = a.municipality.unwrap();
    assert_eq!((m.code.as_str(), m.name.as_str()), ("101", "København"));
    o.municipality = Some("999".into());
    assert!(matches!(assess(&model, &responses, &o), Err(AssessError::UnknownMunicipality { .. })));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Random role × department head counts: no published figure rests on fewer than k,
    /// and the published head counts pass the audit when rebuilt from the output alone.
    #[test]
    fn no_published_cell_below_k(sizes in prop::collection::vec(prop::collection::vec(0usize..9, 3), 3), seed in 0u64..1000) {
        let model = Model::default_model();
        // Roles 1..=3 (top_manager, middle_manager, frontline) × departments D0..D2.
        let mut counts = [0usize; 5];
        let mut depts: Vec<String> = Vec::new();
        for (r, row) in sizes.iter().enumerate() {
            counts[r + 1] = row.iter().sum();
            for (d, &n) in row.iter().enumerate() {
                depts.extend(std::iter::repeat_n(format!("D{d}"), n));
            }
        }
        prop_assume!(counts.iter().sum::<usize>() >= 10);
        let refs: Vec<&str> = depts.iter().map(String::as_str).collect();
        let text = survey(&model, counts, &refs, seed);
        let responses = Responses::from_csv_str(&model, &text, &ReadOptions::default()).unwrap();
        let a = match assess(&model, &responses, &options(&["department"])) {
            Ok(a) => a,
            Err(AssessError::TooFewRespondents { .. }) => return Ok(()),
            Err(e) => return Err(TestCaseError::fail(format!("{e}"))),
        };
        for u in &a.units {
            prop_assert!(u.n.is_none_or(|n| n >= 5), "{u:?}");
            for d in &u.dimensions {
                prop_assert!(d.n.is_none_or(|n| n >= 5));
            }
        }
        for g in &a.groups {
            prop_assert!(g.dimensions.iter().all(|d| d.n.is_none_or(|n| n >= 5)));
        }
        // Rebuild the head-count table from the file: respondents of each published cell.
        let included: Vec<usize> = (0..responses.len())
            .filter(|&r| a.groups.iter().any(|g| g.roles.contains(&ROLES[responses.role_of(r).unwrap()].to_string())))
            .collect();
        let group_of = |r: usize| a.groups.iter().find(|g| g.roles.contains(&ROLES[responses.role_of(r).unwrap()].to_string())).unwrap().role.clone();
        let mut cells: Vec<Cell> = a.groups.iter().map(|g| Cell::new(g.role.clone(), included.iter().copied().filter(|&r| group_of(r) == g.role).collect())).collect();
        for u in &a.units {
            let members = included.iter().copied().filter(|&r| {
                responses.unit_value("department", r) == Some(u.department.as_str())
                    && u.role.as_ref().is_none_or(|role| group_of(r) == *role)
            }).collect();
            let cell = Cell::new(format!("{}/{:?}", u.department, u.role), members);
            cells.push(if u.n.is_some() { cell } else { cell.withheld() });
        }
        prop_assert_eq!(audit_min(&cells, responses.len(), 5), Ok(()));
    }
}

/// The same survey as a workbook reads to the same responses, unit column included.
#[cfg(feature = "xlsx")]
#[test]
fn xlsx_reads_unit_columns_as_csv_does() {
    let model = Model::default_model();
    let text = survey(&model, [0, 0, 0, 6, 0], &["Social", "Social", "Teknik", "Teknik", "Teknik", "Social"], 3);
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            match cell.parse::<f64>() {
                Ok(v) if r > 0 => ws.write_number(r as u32, c as u16, v).map(|_| ()),
                _ if cell.is_empty() => Ok(()),
                _ => ws.write_string(r as u32, c as u16, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    let path = std::env::temp_dir().join(format!("tm-units-{}.xlsx", std::process::id()));
    book.save(&path).unwrap();
    let from_xlsx = Responses::from_file(&model, &path, &ReadOptions::default()).unwrap();
    let from_csv = Responses::from_csv_str(&model, &text, &ReadOptions::default()).unwrap();
    assert_eq!(from_xlsx.unit_value("department", 2), Some("Teknik"));
    assert_eq!(from_xlsx, from_csv);
}

#[test]
fn a_breakdown_withholds_units_before_role_groups() {
    // One department with everyone: 6 middle managers, 20 frontline. Two middle managers
    // answer nothing of the first dimension, so the middle-manager cell there rests on 4 < k
    // and is withheld. Then department − frontline = department/middle_manager (withheld
    // too): one of the two must go, and the greedy takes the unit (the department, 24),
    // though the frontline role group (20) is smaller — role groups rank above units. Had it
    // taken the frontline group, the municipality would lose its score on the dimension.
    // Department/frontline stays: it is the frontline group itself.
    let model = Model::default_model();
    let text = survey(&model, [0, 0, 6, 20, 0], &["Alle"; 26], 5);
    let d1: Vec<&str> = model.dimension_items(0).iter().map(|&i| model.items()[i].id.as_str()).collect();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let header: Vec<String> = lines[0].split(',').map(str::to_owned).collect();
    for line in lines.iter_mut().skip(1).take(2) {
        let cells: Vec<String> = line
            .split(',')
            .zip(&header)
            .map(|(c, h)| if d1.contains(&h.as_str()) { String::new() } else { c.to_owned() })
            .collect();
        *line = cells.join(",");
    }
    let text = lines.join("\n");
    let responses = Responses::from_csv_str(&model, &text, &ReadOptions::default()).unwrap();
    let plain = assess(&model, &responses, &options(&[])).unwrap();
    let by = assess(&model, &responses, &options(&["department"])).unwrap();
    let frontline =
        |a: &transform_model::Assessment| a.groups.iter().find(|g| g.role == "frontline").unwrap().dimensions[0].score;
    assert!(frontline(&plain).is_some());
    assert_eq!(frontline(&by), frontline(&plain));
    assert_eq!(by.dimensions[0].score, plain.dimensions[0].score);
    let d1_of = |role: Option<&str>| find(&by.units, "Alle", role).dimensions[0].score;
    assert_eq!((d1_of(None), d1_of(Some("frontline")), d1_of(Some("middle_manager"))), (None, frontline(&plain), None));
    // Other dimensions are untouched: the department's score there is published.
    assert!(find(&by.units, "Alle", None).dimensions[1].score.is_some());
}
