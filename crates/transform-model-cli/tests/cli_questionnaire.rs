//! `transform-model questionnaire` and `assess` on `.xlsx`: files written are the library's
//! output, an `.xlsx` of the sample survey assesses exactly as its CSV, and bad input exits
//! non-zero naming what was wrong.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use transform_model::questionnaire::{Format, QuestionnaireOptions, render};
use transform_model::{Lang, Model};

fn data(name: &str) -> String {
    format!("{}/../transform-model/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn model_file(name: &str) -> String {
    format!("{}/../transform-model/models/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A scratch directory outside the repository (one per test, so tests may run in parallel).
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("transform-model-cliq-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn tm(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("transform-model").unwrap();
    cmd.current_dir(dir).env("RUST_BACKTRACE", "1");
    cmd
}

fn stdout(dir: &Path, args: &[&str]) -> String {
    let out = tm(dir).args(args).assert().success().stderr("").get_output().clone();
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a command that must fail; checks the exit code, each needle in stderr, and no panic.
fn fails(dir: &Path, args: &[&str], needles: &[&str]) -> String {
    let out: Output = tm(dir).args(args).assert().failure().stdout("").get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(matches!(out.status.code(), Some(1 | 2)), "exit {:?}: {stderr}", out.status.code());
    for needle in needles {
        assert!(stderr.contains(needle), "stderr lacks `{needle}`: {stderr}");
    }
    for bad in ["panicked", "stack backtrace"] {
        assert!(!stderr.contains(bad), "stderr shows a panic: {stderr}");
    }
    stderr
}

#[test]
fn the_csv_and_html_files_are_the_librarys_questionnaire() {
    let dir = scratch("text");
    let m2 = model_file("dtm-2026.2.json");
    stdout(&dir, &["questionnaire", "--format", "csv", "-o", "list.csv"]);
    let expected = render(&Model::default_model(), Format::Csv, &QuestionnaireOptions::default()).unwrap();
    assert_eq!(std::fs::read(dir.join("list.csv")).unwrap(), expected);

    stdout(
        &dir,
        &["questionnaire", "--model", &m2, "--role", "frontline", "--lang", "en", "--format", "html", "-o", "q.html"],
    );
    let model = Model::from_file(&m2).unwrap();
    let options = {
        let mut o = QuestionnaireOptions::default();
        o.role = Some("frontline".into());
        o.lang = Lang::En;
        o
    };
    assert_eq!(std::fs::read(dir.join("q.html")).unwrap(), render(&model, Format::Html, &options).unwrap());
    // Only the output file is left: the temporary file was renamed into place.
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert_eq!(names, ["list.csv", "q.html"]);
}

#[test]
fn the_workbooks_are_written() {
    let dir = scratch("workbooks");
    for format in ["xlsform", "xlsx"] {
        let file = format!("{format}.xlsx");
        stdout(&dir, &["questionnaire", "--model", &model_file("dtm-2026.2.json"), "--format", format, "-o", &file]);
        assert!(std::fs::read(dir.join(&file)).unwrap().starts_with(b"PK\x03\x04"), "{file} is a zip archive");
    }
}

#[test]
fn an_unknown_role_names_the_allowed_ones_and_writes_nothing() {
    let dir = scratch("role");
    fails(
        &dir,
        &["questionnaire", "--role", "borgmester", "--format", "html", "-o", "q.html"],
        &["unknown role `borgmester`", "politician, top_manager, middle_manager, frontline, external_partner"],
    );
    assert!(!dir.join("q.html").exists());
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "no temporary file left");
}

/// Writes the sample survey's CSV as a workbook sheet (numbers as numbers).
fn sample_as_xlsx(path: &Path, sheet: &str) {
    let text = std::fs::read_to_string(data("sample_responses.csv")).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Forside").unwrap().write_string(0, 0, "Besvarelser fra pilot").unwrap();
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    for (r, record) in reader.records().enumerate() {
        for (c, cell) in record.unwrap().iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(v) if r > 0 => ws.write_number(r as u32, c as u16, v).map(|_| ()),
                _ if cell.is_empty() => Ok(()),
                _ => ws.write_string(r as u32, c as u16, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    book.save(path).unwrap();
}

#[test]
fn assess_reads_a_sheet_of_xlsx_as_its_csv() {
    let dir = scratch("assess");
    sample_as_xlsx(&dir.join("survey.xlsx"), "Svar");
    let from_csv = stdout(&dir, &["assess", &data("sample_responses.csv")]);
    let from_xlsx = stdout(&dir, &["assess", "survey.xlsx", "--sheet", "Svar"]);
    assert_eq!(from_xlsx, from_csv);
    fails(&dir, &["assess", "survey.xlsx", "--sheet", "Ark1"], &["intet ark `Ark1`", "`Forside`, `Svar`"]);
    // The first sheet is a cover page: its lone text cell is an unknown column.
    fails(&dir, &["assess", "survey.xlsx"], &["Besvarelser fra pilot"]);
}

#[test]
fn an_xlsx_that_is_really_a_csv_says_so() {
    let dir = scratch("fake");
    std::fs::copy(data("sample_responses.csv"), dir.join("survey.xlsx")).unwrap();
    fails(&dir, &["assess", "survey.xlsx"], &["survey.xlsx", "not an .xlsx workbook", "CSV"]);
    fails(&dir, &["assess", &data("sample_responses.csv"), "--sheet", "Svar"], &["not an .xlsx workbook"]);
}

#[test]
fn pilot_guide_covers_each_question_of_the_role_with_a_probe() {
    let dir = scratch("pilot");
    let out = stdout(&dir, &["pilot-guide", "--model", "dtm@2027.1", "--role", "frontline"]);
    let model = Model::bundled("dtm@2027.1").unwrap();
    let r = model.role_index("frontline").unwrap();
    let asked: Vec<usize> = (0..model.items().len()).filter(|&i| model.is_asked(r, i)).collect();
    assert!(out.starts_with("# Pilotguide: Udvikling og samarbejde i kommunen"), "{out}");
    // One numbered section per question, in questionnaire order, each with intent, probe and
    // misreading from the model.
    for (n, &i) in asked.iter().enumerate() {
        let item = &model.items()[i];
        let heading = format!("### {}. »{}«", n + 1, item.text.get(Lang::Da));
        let at = out.find(&heading).unwrap_or_else(|| panic!("no {heading}"));
        let section = &out[at..];
        let section = &section[..section[3..].find("### ").map_or(section.len(), |e| e + 3)];
        let pilot = item.pilot.as_ref().unwrap();
        assert!(section.contains(pilot.intent.get(Lang::Da)), "{section}");
        assert!(section.contains(pilot.misreading.get(Lang::Da)), "{section}");
        assert!(section.contains("- Spørg: "), "{section}");
    }
    assert_eq!(out.matches("\n### ").count(), asked.len(), "front-line staff get no filter question");
    assert!(out.contains("## Hvad piloten skal afgøre") && out.contains("item-rest r under 0,3"));
    // Politicians meet the filter question before the items behind it.
    let pol = stdout(&dir, &["pilot-guide", "--model", "dtm@2027.1", "--role", "politician", "--lang", "en"]);
    let filter = pol.find("### Filter question F_missions").expect("filter section");
    let d3_3 = model.items()[model.item_index("D3_3").unwrap()].text.get(Lang::En);
    assert!(filter < pol.find(d3_3).unwrap());
    fails(&dir, &["pilot-guide", "--model", "dtm@2027.1", "--role", "mayor"], &["unknown role `mayor`", "frontline"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_department_question_comes_from_a_list_or_the_portfolios_organisation() {
    let dir = scratch("departments");
    let m = model_file("dtm-2027.1.json");
    let model = Model::from_file(&m).unwrap();
    let with = |departments: Vec<String>| {
        let mut o = QuestionnaireOptions::default();
        o.departments = departments;
        render(&model, Format::Csv, &o).unwrap()
    };
    stdout(
        &dir,
        &["questionnaire", "--model", &m, "--format", "csv", "--departments", "Børn og Unge, Teknik", "-o", "a.csv"],
    );
    assert_eq!(std::fs::read(dir.join("a.csv")).unwrap(), with(vec!["Børn og Unge".into(), "Teknik".into()]));
    let listed = String::from_utf8(std::fs::read(dir.join("a.csv")).unwrap()).unwrap();
    assert!(listed.lines().nth(1).unwrap().starts_with("department,"), "{listed}");
    // The bundled sample portfolio's organisation, read independently of the CLI.
    stdout(&dir, &["questionnaire", "--model", &m, "--format", "csv", "--portfolio", "sample", "-o", "p.csv"]);
    let names: Vec<String> = transform_model::mission::Portfolio::sample()
        .organisation
        .expect("the sample has an organisation")
        .departments
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert!(!names.is_empty());
    assert_eq!(std::fs::read(dir.join("p.csv")).unwrap(), with(names));
    fails(
        &dir,
        &["questionnaire", "--format", "html", "--departments", "Teknik,frontline", "-o", "q.html"],
        &["department `frontline`", "role `frontline`"],
    );
    assert!(!dir.join("q.html").exists());
}
