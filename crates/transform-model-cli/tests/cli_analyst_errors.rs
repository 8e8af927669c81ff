//! The analyst's bad input (issue 32): a portfolio workbook with an unknown stage, a missing
//! sheet or a duplicate initiative id; a column map naming a missing column; a role value
//! with no mapping. Each error names the sheet or file, the row, the column and the value,
//! in Danish under `--lang da` and in English under `--lang en`.

mod common;

use std::path::Path;

use common::{scratch, tm};
use rust_xlsxwriter::Workbook;

/// Writes a workbook of `sheets` (name, rows of text cells; the first row is the header).
fn workbook(path: &Path, sheets: &[(&str, Vec<Vec<&str>>)]) {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r as u32, c as u16, *cell).unwrap();
                }
            }
        }
    }
    book.save(path).unwrap();
}

const INITIATIVE_HEADER: [&str; 10] = [
    "Id",
    "Titel",
    "Fase",
    "Type",
    "Innovationstype",
    "Borgerværdi",
    "Startår",
    "Missioner",
    "Forvaltninger",
    "Udgift pr. år (kr.)",
];

fn initiative<'a>(id: &'a str, stage: &'a str) -> Vec<&'a str> {
    vec![id, "Ungeguide", stage, "forsøg", "missionsorienteret", "uklar", "2025", "M1:3", "Børn og Unge", "400.000"]
}

/// A valid portfolio workbook, with the initiatives' rows replaced by `initiatives` and
/// the sheets named in `leave_out` left out.
fn portfolio(path: &Path, initiatives: Vec<Vec<&str>>, leave_out: &str) {
    let mut rows = vec![INITIATIVE_HEADER.to_vec()];
    rows.extend(initiatives);
    let sheets = [
        ("Kommune", vec![vec!["Kommune", "Fjordby Kommune (fiktiv)"], vec!["År", "2027"]]),
        ("Missioner", vec![vec!["Id", "Titel"], vec!["M1", "Alle unge finder en positiv destination"]]),
        ("Indsatser", rows),
        (
            "Organisation",
            vec![
                vec!["Forvaltning", "Udvalg", "Direktør", "MED-udvalg"],
                vec!["Børn og Unge", "Børne- og Ungeudvalget", "Direktør for Børn og Unge", "Område-MED"],
            ],
        ),
    ];
    let kept: Vec<_> = sheets.into_iter().filter(|(n, _)| *n != leave_out).collect();
    workbook(path, &kept);
}

/// Runs `args` in `dir` under each language; it must fail with all of the language's needles.
fn fails_in_both(dir: &Path, args: &[&str], da: &[&str], en: &[&str]) {
    for (lang, needles) in [("da", da), ("en", en)] {
        let out = tm(dir).args(args).args(["--lang", lang]).assert().failure().get_output().clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        for needle in needles {
            assert!(stderr.contains(needle), "--lang {lang}: stderr lacks `{needle}`: {stderr}");
        }
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn a_good_workbook_reads_with_danish_values() {
    let dir = scratch("good-workbook");
    portfolio(&dir.join("p.xlsx"), vec![initiative("I1", "afprøvning"), initiative("I2", "Udbredelse")], "");
    let out = tm(&dir).args(["portfolio", "p.xlsx", "--format", "json"]).assert().success().get_output().clone();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = json.to_string();
    // Both initiatives are in the analysis, the second's stage read without case.
    assert!(text.contains("\"I1\"") && text.contains("\"I2\""), "{text}");
}

#[test]
fn an_unknown_stage_names_sheet_row_column_value_and_the_allowed_values() {
    let dir = scratch("bad-stage");
    portfolio(&dir.join("p.xlsx"), vec![initiative("I1", "afprøvning"), initiative("I2", "pilot")], "");
    fails_in_both(
        &dir,
        &["portfolio", "p.xlsx"],
        &["ark `Indsatser`, række 3, kolonne `Fase`: `pilot` er ikke tilladt", "`afdækning`, `modning`", "`afsluttet`"],
        &["sheet `Indsatser`, row 3, column `Fase`: `pilot` is not allowed", "`afdækning`"],
    );
}

#[test]
fn a_missing_sheet_is_named_with_the_sheets_there_are() {
    let dir = scratch("missing-sheet");
    portfolio(&dir.join("p.xlsx"), vec![initiative("I1", "drift")], "Organisation");
    let responses = common::data("sample_responses.csv");
    fails_in_both(
        &dir,
        &["plan", &responses, "--portfolio", "p.xlsx"],
        &["intet ark `Organisation`", "`Indsatser`"],
        &["no sheet `Organisation`", "`Missioner`"],
    );
}

#[test]
fn a_duplicate_initiative_id_names_both_rows() {
    let dir = scratch("duplicate-id");
    portfolio(&dir.join("p.xlsx"), vec![initiative("I1", "drift"), initiative("I1", "modning")], "");
    fails_in_both(
        &dir,
        &["portfolio", "p.xlsx"],
        &["ark `Indsatser`, række 3, kolonne `Id`: id `I1` er allerede brugt i række 2"],
        &["sheet `Indsatser`, row 3, column `Id`: id `I1` is already used on row 2"],
    );
}

/// A small export: id, role label, department, the first item asked of the roles the tests
/// write (politicians, and top managers as "Topleder"; the default model routes no item to
/// every role).
fn export(dir: &Path, role_value: &str) -> String {
    let model = transform_model::Model::default_model();
    let written: Vec<usize> = (0..model.roles().len())
        .filter(|&r| matches!(model.roles()[r].id.as_str(), "politician" | "top_manager"))
        .collect();
    let item = (0..model.items().len())
        .find(|&i| written.iter().all(|&r| model.is_asked(r, i)) && model.item_filter(i).is_none())
        .unwrap();
    let item = &model.items()[item].id;
    let mut csv = format!("Respondent-ID;Rolle;Afdeling;{item}\n");
    for r in 0..6 {
        let role = if r == 4 { role_value.to_owned() } else { model.roles()[0].label.0["da"].clone() };
        csv += &format!("R{r};{role};Social;4\n");
    }
    std::fs::write(dir.join("svar.csv"), csv).unwrap();
    "svar.csv".into()
}

#[test]
fn a_column_map_naming_a_missing_column_says_which() {
    let dir = scratch("map-missing");
    let file = export(&dir, "Topleder");
    std::fs::write(dir.join("k.toml"), "respondent = \"Respondent-ID\"\nrole = \"Rolle\"\ndepartment = \"Enhed\"\n")
        .unwrap();
    fails_in_both(
        &dir,
        &["assess", &file, "--columns", "k.toml"],
        &["svar.csv: kolonnen `Enhed` mangler"],
        &["svar.csv: required column `Enhed` is missing"],
    );
    // The same with the flag instead of the map, for every command that reads responses.
    for command in ["assess", "items", "plan"] {
        fails_in_both(
            &dir,
            &[
                command,
                &file,
                "--respondent-column",
                "Respondent-ID",
                "--role-column",
                "Rolle",
                "--department-column",
                "Enhed",
            ],
            &["kolonnen `Enhed` mangler"],
            &["column `Enhed` is missing"],
        );
    }
}

#[test]
fn a_role_value_without_a_mapping_names_row_column_and_value_and_a_mapping_fixes_it() {
    let dir = scratch("role-unmapped");
    let file = export(&dir, "Borgmester");
    let base = [
        "assess",
        &file,
        "--respondent-column",
        "Respondent-ID",
        "--role-column",
        "Rolle",
        "--department-column",
        "Afdeling",
    ];
    fails_in_both(
        &dir,
        &base,
        &["række 6, kolonne `Rolle`: rolleværdien `Borgmester`", "--role-values", "politician (Politiker)"],
        &["row 6, column `Rolle`: role value `Borgmester`", "--role-values"],
    );
    // Mapped, the respondent counts as the role it is mapped to.
    let out = tm(&dir)
        .args(base)
        .args([
            "--role-values",
            "Borgmester=politician",
            "--format",
            "json",
            "--bootstrap",
            "0",
            "--min-group-size",
            "3",
            "--allow-small-groups",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["n_respondents"], 6, "{json}");
}

#[test]
fn unknown_columns_fail_unless_skipped_and_the_skipped_ones_are_listed() {
    let dir = scratch("ignore-unknown");
    let file = export(&dir, "Topleder");
    let csv = std::fs::read_to_string(dir.join(&file)).unwrap();
    let with_meta: String = csv
        .lines()
        .enumerate()
        .map(|(i, l)| if i == 0 { format!("{l};Start;Kommentar\n") } else { format!("{l};09:00;\n") })
        .collect();
    std::fs::write(dir.join(&file), with_meta).unwrap();
    let base = [
        "assess",
        &file,
        "--respondent-column",
        "Respondent-ID",
        "--role-column",
        "Rolle",
        "--department-column",
        "Afdeling",
        "--min-group-size",
        "3",
        "--allow-small-groups",
        "--bootstrap",
        "0",
    ];
    fails_in_both(&dir, &base, &["kolonne 5 `Start` er ikke et spørgsmål"], &["column 5 `Start` is not an item"]);
    tm(&dir).args(base).args(["--ignore-columns", "Start,Kommentar"]).assert().success().stderr("");
    let out = tm(&dir).args(base).arg("--ignore-unknown-columns").assert().success().get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("`Start`, `Kommentar`") && stderr.contains("advarsel"), "{stderr}");
}
