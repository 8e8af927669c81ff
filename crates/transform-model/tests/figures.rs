//! The figure registry against the result and the faces: every field of a dimension
//! result's JSON is a registered figure or excluded with a reason, and every figure is in
//! each face (the csv/xlsx export, C's struct or `tm_figure`, C#'s `Figure`, Python's
//! dimensions frame, the terminal table) or absent from it with a reason.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use transform_model::export::{Cell, assessment_table};
use transform_model::maturity::figures::{
    DIMENSION_FIGURES, DIMENSION_NOT_FIGURES, Face, Figure, GROUP_FIGURES, GROUP_NOT_FIGURES,
};
use transform_model::maturity::sample::sample_responses;
use transform_model::{AssessOptions, Lang, Model, assess};

fn repo_file(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The fields of the result type `def` (`DimensionResult`, `GroupDimension`) as its JSON
/// Schema (the serde shape) lists them.
fn result_fields(def: &str) -> BTreeSet<String> {
    let schema = transform_model::schema::schema("assessment").unwrap();
    let props = schema["$defs"][def]["properties"].as_object().unwrap_or_else(|| panic!("{def}'s properties"));
    props.keys().cloned().collect()
}

/// The JSON fields the registry's figures read, each with the figures reading it.
fn figure_fields<R>(figures: &[Figure<R>]) -> BTreeMap<&'static str, Vec<&'static str>> {
    let mut m: BTreeMap<_, Vec<_>> = BTreeMap::new();
    for f in figures {
        m.entry(f.field).or_default().push(f.name);
    }
    m
}

/// Every field of `def` is a figure's or excluded with a reason; the registry names no
/// field the type no longer has.
fn check_fields<R>(def: &str, figures: &[Figure<R>], not_figures: &[(&str, &str)]) {
    let fields = result_fields(def);
    let registered: BTreeSet<String> = figure_fields(figures).keys().map(|s| (*s).to_owned()).collect();
    let excluded: BTreeSet<String> = not_figures.iter().map(|(f, _)| (*f).to_owned()).collect();
    assert!(registered.is_disjoint(&excluded), "{def}: a field both a figure and excluded");
    let missing: Vec<_> = fields.iter().filter(|f| !registered.contains(*f) && !excluded.contains(*f)).collect();
    assert!(missing.is_empty(), "{def} fields in no figure of maturity/figures.rs and not excluded there: {missing:?}");
    let stale: Vec<_> = registered.union(&excluded).filter(|f| !fields.contains(*f)).collect();
    assert!(stale.is_empty(), "the registry names fields {def} no longer has: {stale:?}");
    for (f, why) in not_figures {
        assert!(why.len() > 10, "{def}.{f}: excluded without a reason");
    }
}

#[test]
fn every_result_field_is_a_figure_or_excluded_with_a_reason() {
    check_fields("DimensionResult", DIMENSION_FIGURES, DIMENSION_NOT_FIGURES);
    check_fields("GroupDimension", GROUP_FIGURES, GROUP_NOT_FIGURES);
}

/// `enum_body` of the first `{ … }` after `marker` as (name, value) pairs of `NAME = 3`.
fn enum_values(text: &str, start: &str, end: &str) -> BTreeMap<String, u32> {
    let from = text.find(start).unwrap_or_else(|| panic!("`{start}` not found"));
    let body = &text[from..];
    let body = &body[..body.find(end).unwrap_or_else(|| panic!("`{end}` after `{start}` not found"))];
    let mut out = BTreeMap::new();
    for line in body.lines().map(str::trim) {
        let Some((name, value)) = line.split_once(" = ") else { continue };
        let value = value.trim_end_matches(',');
        if let Ok(v) = value.parse() {
            out.insert(name.to_owned(), v);
        }
    }
    out
}

fn pascal(name: &str) -> String {
    name.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        })
        .collect()
}

/// The figures with a C code, as (name, code) after `rename`.
fn registry_codes(rename: impl Fn(&str) -> String) -> BTreeMap<String, u32> {
    DIMENSION_FIGURES.iter().filter_map(|f| f.c_code.map(|c| (rename(f.name), c))).collect()
}

#[test]
fn c_header_and_csharp_enum_carry_the_registry_codes() {
    let header = repo_file("include/transform_model.h");
    let c = enum_values(&header, "TM_FIGURE_N_EFFECTIVE", "} tm_figure;");
    assert_eq!(c, registry_codes(|n| format!("TM_FIGURE_{}", n.to_uppercase())), "tm_figure in the header");
    let cs = enum_values(&repo_file("bindings/csharp/src/Options.cs"), "public enum Figure", "}");
    assert_eq!(cs, registry_codes(pascal), "C#'s Figure enum (bindings/csharp/src/Options.cs)");

    // A figure without a code is a field of `tm_dimension_result`.
    let strukt = {
        let end = header.find("} tm_dimension_result;").expect("tm_dimension_result");
        let start = header[..end].rfind("typedef struct").unwrap();
        header[start..end].to_owned()
    };
    for f in DIMENSION_FIGURES.iter().filter(|f| f.c_code.is_none()) {
        let declared = strukt.lines().any(|l| l.trim_end().ends_with(&format!(" {};", f.name)));
        assert!(declared, "{}: no tm_figure code and not a field of tm_dimension_result", f.name);
    }
}

/// The `d["field"]` reads of a method of Python's `Assessment` (`dimensions`, `groups`).
fn python_fields(method: &str) -> BTreeSet<String> {
    let text = repo_file("python/transform_model/_assess.py");
    let from = text.find(&format!("    def {method}(")).unwrap_or_else(|| panic!("Assessment.{method} in _assess.py"));
    let body = &text[from..];
    let body = &body[..body[1..].find("\n    @").map_or(body.len(), |i| i + 1)];
    body.split("d[\"").skip(1).filter_map(|s| s.split_once('"').map(|(f, _)| f.to_owned())).collect()
}

/// The `d.field` reads of the terminal table's dimension rows.
fn table_fields() -> BTreeSet<String> {
    let text = repo_file("crates/transform-model/src/table/assessment.rs");
    text.split("d.")
        .skip(1)
        .map(|s| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>())
        .collect()
}

/// Shown in a face by reading its field, or absent with a reason — not both, not neither.
fn check_face<R>(figures: &[Figure<R>], face: Face, reads: &BTreeSet<String>, file: &str) {
    for (field, names) in figure_fields(figures) {
        let shown = figures.iter().filter(|f| f.field == field).any(|f| f.absent_from(face).is_none());
        let read = reads.contains(field);
        assert!(
            !shown || read,
            "{file} does not show `{field}` ({names:?}): add it, or say why in maturity/figures.rs"
        );
        assert!(
            shown || !read,
            "{file} shows `{field}` ({names:?}), but the registry says it is absent: remove the absence"
        );
    }
}

#[test]
fn python_frames_and_terminal_table_show_every_figure_not_absent() {
    let py = "python/transform_model/_assess.py";
    check_face(DIMENSION_FIGURES, Face::Python, &python_fields("dimensions"), &format!("{py} (Assessment.dimensions)"));
    check_face(GROUP_FIGURES, Face::Python, &python_fields("groups"), &format!("{py} (Assessment.groups)"));
    check_face(DIMENSION_FIGURES, Face::Table, &table_fields(), "crates/transform-model/src/table/assessment.rs");
    // C has no group struct: every group figure says so.
    assert!(GROUP_FIGURES.iter().all(|f| f.absent_from(Face::C).is_some() && f.c_code.is_none()));
}

#[test]
fn the_export_has_a_row_for_every_reported_figure_not_absent() {
    let model = Model::bundled("dtm@2026.2").unwrap();
    let responses = sample_responses(&model, 150, 11);
    let mut options = AssessOptions::default();
    (options.bootstrap, options.seed) = (200, 5);
    let a = assess(&model, &responses, &options).unwrap();
    let table = assessment_table(&a, Lang::En);
    let section = table.sections.iter().find(|s| s.name == "Dimensions").expect("the Dimensions section");
    let text = |c: &Cell| match c {
        Cell::Text(s) => s.clone(),
        _ => String::new(),
    };
    let mut shown = 0;
    for d in &a.dimensions {
        let measures: BTreeSet<String> =
            section.rows.iter().filter(|r| text(&r[2]) == d.id).map(|r| text(&r[4])).collect();
        for f in DIMENSION_FIGURES {
            let expected = f.absent_from(Face::Export).is_none() && (f.value)(d).is_some_and(f64::is_finite);
            assert_eq!(measures.contains(f.en), expected, "{} of {}: row present", f.name, d.id);
            shown += usize::from(expected);
        }
    }
    // The data must exercise the check: several figures per dimension are reported.
    assert!(shown >= a.dimensions.len() * 8, "only {shown} rows");

    let section = table.sections.iter().find(|s| s.name == "Groups").expect("the Groups section");
    let mut shown = 0;
    for g in &a.groups {
        for d in &g.dimensions {
            let label = g.label.get(Lang::En);
            let measures: BTreeSet<String> = section
                .rows
                .iter()
                .filter(|r| text(&r[1]) == label && text(&r[2]) == d.id)
                .map(|r| text(&r[4]))
                .collect();
            for f in GROUP_FIGURES {
                let expected = f.absent_from(Face::Export).is_none() && (f.value)(d).is_some_and(f64::is_finite);
                assert_eq!(measures.contains(f.en), expected, "{} of {} on {}: row present", f.name, g.role, d.id);
                shown += usize::from(expected);
            }
        }
    }
    assert!(shown >= a.groups.len() * a.dimensions.len(), "only {shown} group rows");
}
