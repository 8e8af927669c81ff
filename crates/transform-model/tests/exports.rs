//! BI exports (issue 15, item 6): every figure of the CSV and the workbook equals the JSON
//! figure it comes from, and nothing else is in them; Danish CSV is `;`-separated with a
//! decimal comma; a bad output path leaves no file. (The workbook is read back with calamine,
//! so the file needs the `xlsx` feature, on by default.)
#![cfg(feature = "xlsx")]

use std::collections::BTreeMap;
use std::path::PathBuf;

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;
use transform_model::export::{self, ExportError, Format, Table};
use transform_model::ingredient::{Catalog, Index, MatchOptions, Query};
use transform_model::maturity::SAMPLE_RESPONSES_CSV;
use transform_model::mission::{AnalysisOptions, Portfolio};
use transform_model::plan::{PlanInputs, PlanOptions, plan};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Lang, Model, Responses, assess};

fn sample_assessment() -> (Model, Assessment) {
    let model = Model::default_model();
    let r = Responses::from_csv_str(&model, SAMPLE_RESPONSES_CSV, &ReadOptions::default()).unwrap();
    let mut options = AssessOptions::default();
    options.bootstrap = 0;
    let a = assess(&model, &r, &options).unwrap();
    (model, a)
}

/// A scratch folder of its own for `name` (tests run in parallel), emptied first.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tm-exports-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// A CSV field: text, or a number parsed the reader's way (decimal comma under Danish).
#[derive(Debug, Clone, PartialEq)]
enum Field {
    Text(String),
    Number(f64),
    Empty,
}

/// Reads CSV bytes as a Danish or English spreadsheet would: BOM, separator, decimals.
/// Columns listed in `numeric` are parsed as numbers.
fn read_csv(bytes: &[u8], lang: Lang, numeric: &[usize]) -> (Vec<String>, Vec<Vec<Field>>) {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).expect("the CSV starts with a UTF-8 BOM");
    let sep = if lang == Lang::Da { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(sep).from_reader(body);
    let header = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .enumerate()
                .map(|(i, s)| match (s.is_empty(), numeric.contains(&i)) {
                    (true, _) => Field::Empty,
                    (false, true) => {
                        assert!(lang == Lang::En || !s.contains('.'), "Danish number with a point: {s}");
                        Field::Number(s.replace(',', ".").parse().unwrap_or_else(|_| panic!("not a number: {s}")))
                    }
                    (false, false) => Field::Text(s.to_owned()),
                })
                .collect()
        })
        .collect();
    (header, rows)
}

fn num(f: &Field) -> Option<f64> {
    match f {
        Field::Number(x) => Some(*x),
        Field::Empty => None,
        Field::Text(t) => panic!("text where a number belongs: {t}"),
    }
}

fn text(f: &Field) -> &str {
    match f {
        Field::Text(t) => t,
        _ => "",
    }
}

type Figures = BTreeMap<(String, String, String, String), [Option<f64>; 4]>;

/// The expected figures of the English assessment export, walked from the JSON: the
/// measure names are docs/exports.md's, the values the JSON's; null figures have no row.
fn expected_assessment_figures(json: &Value) -> Figures {
    let mut out = Figures::new();
    let mut add = |section: &str, group: &str, dim: &str, measure: &str, v: &Value, ci: &Value, n: &Value| {
        let value = match v {
            Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
            v => v.as_f64(),
        };
        let Some(value) = value else { return };
        let (lo, hi) = (ci.get(0).and_then(Value::as_f64), ci.get(1).and_then(Value::as_f64));
        let key = (section.to_owned(), group.to_owned(), dim.to_owned(), measure.to_owned());
        assert!(out.insert(key.clone(), [Some(value), lo, hi, n.as_f64()]).is_none(), "duplicate {key:?}");
    };
    let null = &Value::Null;
    let o = &json["overall"];
    let n = &json["n_respondents"];
    add("Overall", "", "", "scoring contract (version)", &json["schema_version"], null, null);
    add("Overall", "", "", "score", &o["score"], &o["ci"], n);
    add("Overall", "", "", "level", &o["level"], null, n);
    add("Overall", "", "", "target level", &o["target"], null, null);
    add("Overall", "", "", "mean gap to target", &o["mean_gap"], null, null);
    add("Overall", "", "", "excluded for anonymity", &json["excluded_for_anonymity"], null, null);
    for d in json["dimensions"].as_array().unwrap() {
        let (id, n) = (d["id"].as_str().unwrap(), &d["n"]);
        add("Dimensions", "", id, "score", &d["score"], &d["ci"], n);
        add("Dimensions", "", id, "level", &d["level"], null, n);
        add("Dimensions", "", id, "standard error", &d["se"], null, n);
        add("Dimensions", "", id, "effective n (Kish)", &d["n_effective"], null, n);
        add("Dimensions", "", id, "Cronbach's alpha", &d["alpha"], null, &d["alpha_n"]);
        add("Dimensions", "", id, "ICC(1)", &d["icc1"], null, n);
        add("Dimensions", "", id, "ICC(2)", &d["icc2"], null, n);
        add("Dimensions", "", id, "target score", &d["target"], null, null);
        add("Dimensions", "", id, "gap to target", &d["gap"], null, n);
        add("Dimensions", "", id, "borderline between levels (1 = yes)", &d["borderline"], null, n);
        add("Dimensions", "", id, "degrees of freedom", &d["df"], null, n);
        add("Dimensions", "", id, "a perspective missing (1 = yes)", &d["partial"], null, n);
        // docs/exports.md: 0 clearly below, 1 uncertain, 2 at or above.
        let status = d["status"].as_str().map(|s| match s {
            "clearly_below" => 0.0,
            "uncertain" => 1.0,
            "at_or_above" => 2.0,
            other => panic!("status {other}"),
        });
        let status_measure = "status against the target (0 = clearly below, 1 = uncertain, 2 = at or above)";
        add("Dimensions", "", id, status_measure, &status.map_or(Value::Null, Value::from), null, n);
        add("Dimensions", "", id, "score on common perspectives", &d["priority_score"], null, n);
        add("Dimensions", "", id, "gap to target (common perspectives)", &d["priority_gap"], null, n);
    }
    let mut labels = BTreeMap::new();
    for g in json["groups"].as_array().unwrap() {
        let label = g["label"]["en"].as_str().unwrap();
        labels.insert(g["role"].as_str().unwrap().to_owned(), label.to_owned());
        for d in g["dimensions"].as_array().unwrap() {
            let (id, n) = (d["id"].as_str().unwrap(), &d["n"]);
            add("Groups", label, id, "score", &d["score"], &d["ci"], n);
            add("Groups", label, id, "standard deviation", &d["sd"], null, n);
            add("Groups", label, id, "agreement r_wg (uniform null)", &d["rwg_uniform"], null, n);
            add("Groups", label, id, "agreement r_wg (slight-skew null)", &d["rwg_slight_skew"], null, n);
            add("Groups", label, id, "items behind r_wg", &d["j"], null, n);
            add("Groups", label, id, "a single item (1 = yes)", &d["single_item"], null, n);
            add("Groups", label, id, "score on common items", &d["common_score"], null, n);
            add("Groups", label, id, "Cronbach's alpha", &d["alpha"], null, n);
            add("Groups", label, id, "share don't know", &d["dont_know_rate"], null, n);
        }
    }
    for g in json["gaps"].as_array().unwrap() {
        let pair = format!("{} − {}", labels[g["a"].as_str().unwrap()], labels[g["b"].as_str().unwrap()]);
        let id = g["dimension"].as_str().unwrap();
        add("Perception gaps", &pair, id, "difference", &g["diff"], &g["ci"], null);
        add("Perception gaps", &pair, id, "p-value", &g["p"], null, null);
        add("Perception gaps", &pair, id, "p-value (Holm)", &g["p_adjusted"], null, null);
        add("Perception gaps", &pair, id, "significant (1 = yes)", &g["significant"], null, null);
    }
    for r in json["recommendations"].as_array().unwrap() {
        let id = r["dimension"].as_str().unwrap();
        add("Recommendations", "", id, "priority", &r["priority"], null, null);
        add("Recommendations", "", id, "gap to target", &r["gap"], null, null);
        add("Recommendations", "", id, "weighted gap to target", &r["weighted_gap"], null, null);
    }
    out
}

/// Columns 5..=8 (value, ci low, ci high, n) are numbers.
const ASSESS_NUMBERS: [usize; 4] = [5, 6, 7, 8];

fn figures_of(rows: &[Vec<Field>]) -> Figures {
    let mut out = Figures::new();
    for r in rows {
        let key = (text(&r[0]).into(), text(&r[1]).into(), text(&r[2]).into(), text(&r[4]).into());
        assert!(out.insert(key.clone(), [num(&r[5]), num(&r[6]), num(&r[7]), num(&r[8])]).is_none(), "{key:?}");
    }
    out
}

#[test]
fn the_assessment_csv_holds_exactly_the_json_figures() {
    let (_, a) = sample_assessment();
    let json: Value = serde_json::from_str(&a.to_json()).unwrap();
    let bytes = export::to_csv(&export::assessment_table(&a, Lang::En), Lang::En).unwrap();
    let (header, rows) = read_csv(&bytes, Lang::En, &ASSESS_NUMBERS);
    assert_eq!(
        header,
        ["Section", "Group", "Dimension", "Dimension name", "Measure", "Value", "CI low", "CI high", "n"]
    );
    let expected = expected_assessment_figures(&json);
    let got = figures_of(&rows);
    // The sample has withheld figures (4 politicians under k, most gaps without interval):
    // the walk must skip them, so both sides are smaller than "every field".
    assert!(expected.len() > 200, "{}", expected.len());
    for (key, want) in &expected {
        assert_eq!(got.get(key), Some(want), "{key:?}");
    }
    assert_eq!(got.len(), expected.len(), "rows beyond the JSON figures");
    // Dimension names are the model's, in the chosen language.
    let d1 = rows.iter().find(|r| text(&r[2]) == "D1").unwrap();
    assert_eq!(text(&d1[3]), json["dimensions"][0]["label"]["en"].as_str().unwrap());
}

#[test]
fn the_danish_csv_has_semicolons_decimal_commas_and_danish_headers_with_the_same_numbers() {
    let (_, a) = sample_assessment();
    let en = export::to_csv(&export::assessment_table(&a, Lang::En), Lang::En).unwrap();
    let da = export::to_csv(&export::assessment_table(&a, Lang::Da), Lang::Da).unwrap();
    let (_, en_rows) = read_csv(&en, Lang::En, &ASSESS_NUMBERS);
    let (header, da_rows) = read_csv(&da, Lang::Da, &ASSESS_NUMBERS);
    assert_eq!(
        header,
        [
            "Afsnit",
            "Gruppe",
            "Dimension",
            "Dimensionsnavn",
            "Nøgletal",
            "Værdi",
            "Nedre grænse",
            "Øvre grænse",
            "Antal (n)"
        ]
    );
    assert_eq!(da_rows.len(), en_rows.len());
    for (d, e) in da_rows.iter().zip(&en_rows) {
        assert_eq!(d[5..], e[5..], "numbers differ between languages");
        assert_eq!(d[2], e[2], "dimension ids are the same");
    }
    // At least one decimal number, written with a comma and no point anywhere in a number.
    let text = String::from_utf8(da).unwrap();
    assert!(
        text.lines().nth(1).unwrap().starts_with("Samlet;;;;beregningsregler (version);3;"),
        "{}",
        text.lines().nth(1).unwrap()
    );
    assert!(text.lines().nth(2).unwrap().starts_with("Samlet;;;;score;"), "{}", text.lines().nth(2).unwrap());
    let sections: Vec<&str> = da_rows.iter().map(|r| self::text(&r[0])).collect();
    for s in ["Samlet", "Dimensioner", "Grupper", "Forskelle", "Anbefalinger"] {
        assert!(sections.contains(&s), "{s}");
    }
}

/// Reads every sheet of a workbook: names, and rows as fields (numbers stay numbers).
fn read_xlsx(bytes: &[u8], name: &str) -> Vec<(String, Vec<Vec<Field>>)> {
    let path = temp(name);
    std::fs::write(&path, bytes).unwrap();
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let names = book.sheet_names().to_vec();
    let sheets = names
        .into_iter()
        .map(|n| {
            let range = book.worksheet_range(&n).unwrap();
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::String(s) => Field::Text(s.clone()),
                            Data::Float(x) => Field::Number(*x),
                            Data::Int(x) => Field::Number(*x as f64),
                            Data::Empty => Field::Empty,
                            other => panic!("unexpected cell {other:?}"),
                        })
                        .collect()
                })
                .collect();
            (n, rows)
        })
        .collect();
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    sheets
}

/// The workbook holds the CSV's rows, one sheet per section, header on each, numbers as
/// numbers (a CSV number field is a Number cell, never text).
fn assert_workbook_equals_csv(table: &Table, numeric: &[usize], name: &str) {
    let xlsx = read_xlsx(&export::to_xlsx(table).unwrap(), name);
    let csv = export::to_csv(table, Lang::En).unwrap();
    let (header, csv_rows) = read_csv(&csv, Lang::En, numeric);
    let want_sheets: Vec<&str> = table.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(xlsx.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), want_sheets);
    let mut all = Vec::new();
    for (_, rows) in &xlsx {
        let head: Vec<String> = rows[0].iter().map(|f| text(f).to_owned()).collect();
        assert_eq!(head, header);
        for r in &rows[1..] {
            // calamine trims trailing empty cells; pad to the header's width.
            let mut r = r.clone();
            r.resize(header.len(), Field::Empty);
            all.push(r);
        }
    }
    assert_eq!(all, csv_rows);
}

#[test]
fn the_assessment_workbook_has_one_sheet_per_section_with_the_csv_figures_as_numbers() {
    let (_, a) = sample_assessment();
    let table = export::assessment_table(&a, Lang::En);
    assert_eq!(table.sections.len(), 5);
    assert_workbook_equals_csv(&table, &ASSESS_NUMBERS, "assess.xlsx");
}

#[test]
fn portfolio_figures_equal_the_analysis_json() {
    let portfolio = Portfolio::sample();
    let analysis = portfolio.analyse(&AnalysisOptions::default()).unwrap();
    let json: Value = serde_json::from_str(&analysis.to_json()).unwrap();
    let table = export::portfolio_table(&portfolio, &analysis, Lang::En);
    let (_, rows) = read_csv(&export::to_csv(&table, Lang::En).unwrap(), Lang::En, &[7]);
    let find = |section: &str, initiative: &str, mission: &str, category: &str, measure: &str| {
        let hits: Vec<_> = rows
            .iter()
            .filter(|r| {
                text(&r[0]) == section
                    && text(&r[1]) == initiative
                    && text(&r[3]) == mission
                    && text(&r[5]) == category
                    && text(&r[6]) == measure
            })
            .collect();
        assert!(hits.len() <= 1, "{section} {initiative} {mission} {measure}: {} rows", hits.len());
        hits.first().and_then(|r| num(&r[7]))
    };
    let alignment = json["alignment"].as_array().unwrap();
    for r in alignment {
        let (i, m) = (r["initiative"].as_str().unwrap(), r["mission"].as_str().unwrap());
        assert_eq!(find("Alignment", i, m, "", "alignment"), r["score"].as_f64());
        assert_eq!(find("Alignment", i, m, "", "alignment: text"), r["components"]["text"].as_f64());
    }
    let in_section = |s: &str| rows.iter().filter(|r| text(&r[0]) == s).count();
    assert_eq!(in_section("Alignment"), 6 * alignment.len());
    for e in json["economics"].as_array().unwrap() {
        let i = e["initiative"].as_str().unwrap();
        let rec = e["recommendation"].as_str().unwrap().replace('_', " ");
        assert_eq!(find("Economics", i, "", &rec, "net per year (kr)"), e["net_per_year"].as_f64());
        assert_eq!(find("Economics", i, "", &rec, "payback year"), e["payback_year"].as_f64());
    }
    for c in json["coverage"].as_array().unwrap() {
        let m = c["mission"].as_str().unwrap();
        assert_eq!(find("Missions", "", m, "", "weighted coverage"), c["weighted"].as_f64());
        assert_eq!(find("Missions", "", m, "", "aligned initiatives"), c["initiatives"].as_f64());
    }
    let b = &json["balance"];
    assert_eq!(find("Balance", "", "", "", "explore share"), b["explore_share"].as_f64());
    for (stage, n) in b["stages"].as_object().unwrap() {
        assert_eq!(find("Balance", "", "", stage, "active initiatives"), n.as_f64(), "{stage}");
    }
    // Initiative names come from the portfolio.
    let first = &portfolio.initiatives[0];
    let named = rows.iter().find(|r| text(&r[1]) == first.id).unwrap();
    assert_eq!(text(&named[2]), first.title);
    assert_workbook_equals_csv(&table, &[7], "portfolio.xlsx");
}

#[test]
fn match_figures_equal_the_match_json() {
    let index = Index::new(Catalog::sample());
    let query = Query { text: "Flere ledige i vores boligområder skal i job".into(), ..Query::default() };
    let mut options = MatchOptions::default();
    options.top = 5;
    let report = index.match_report(&query, &options).unwrap();
    let json: Value = serde_json::to_value(&report).unwrap();
    let table = export::match_table(&report.result, Some(&report.similar.interventions), Lang::En);
    let (header, rows) = read_csv(&export::to_csv(&table, Lang::En).unwrap(), Lang::En, &[5]);
    assert_eq!(header, ["Section", "Id", "Name", "Municipality", "Measure", "Value"]);
    let find = |section: &str, id: &str, measure: &str| {
        let hits: Vec<_> =
            rows.iter().filter(|r| text(&r[0]) == section && text(&r[1]) == id && text(&r[4]) == measure).collect();
        assert!(hits.len() <= 1);
        hits.first().and_then(|r| num(&r[5]))
    };
    let ingredients = json["ingredients"].as_array().unwrap();
    assert!(!ingredients.is_empty());
    for (rank, x) in ingredients.iter().enumerate() {
        let id = x["id"].as_str().unwrap();
        assert_eq!(find("Ingredients", id, "rank"), Some(rank as f64 + 1.0));
        assert_eq!(find("Ingredients", id, "score"), x["score"].as_f64());
        assert_eq!(find("Ingredients", id, "lift"), x["lift"].as_f64());
        assert_eq!(find("Ingredients", id, "successful interventions"), x["support"]["interventions"].as_f64());
        assert_eq!(find("Ingredients", id, "mean evidence level"), x["evidence"]["mean_level"].as_f64());
    }
    for s in json["similar"]["interventions"].as_array().unwrap() {
        let id = s["id"].as_str().unwrap();
        assert_eq!(find("Similar interventions", id, "relevance"), s["relevance"].as_f64());
        assert_eq!(find("Similar interventions", id, "text match"), s["text_match"].as_f64());
    }
    assert_eq!(find("Search", "", "interventions retrieved"), json["retrieved"].as_f64());
    // Without --similar, no section for it.
    let plain = export::match_table(&report.result, None, Lang::En);
    assert!(plain.sections.iter().all(|s| s.name != "Similar interventions"));
    assert_workbook_equals_csv(&table, &[5], "match.xlsx");
}

#[test]
fn plan_rows_equal_the_plan_json_one_per_action() {
    let (model, a) = sample_assessment();
    let portfolio = Portfolio::sample();
    let analysis = portfolio.analyse(&AnalysisOptions::default()).unwrap();
    let index = Index::new(Catalog::sample());
    let inputs =
        PlanInputs { model: &model, assessment: &a, portfolio: Some((&portfolio, &analysis)), index: Some(&index) };
    let p = plan(inputs, &PlanOptions::default()).unwrap();
    let json: Value = serde_json::from_str(&p.to_json()).unwrap();
    let table = export::plan_table(&p, Lang::Da);
    let numbers = [0, 1, 9, 10, 11, 12];
    let (header, rows) = read_csv(&export::to_csv(&table, Lang::Da).unwrap(), Lang::Da, &numbers);
    assert_eq!(header[..5], ["År", "Kvartal", "Nr.", "Type", "Handling"]);
    let mut expected = Vec::new();
    for phase in json["phases"].as_array().unwrap() {
        for a in phase["actions"].as_array().unwrap() {
            expected.push((phase["year"].as_f64(), a));
        }
    }
    expected.extend(json["deferred"].as_array().unwrap().iter().map(|a| (None, a)));
    // The actions come first; the money, årshjul and load sections follow.
    assert_eq!(table.sections[0].rows.len(), expected.len());
    assert_eq!(rows.len(), table.rows().count());
    let names: Vec<&str> = table.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Handlinger", "Økonomi pr. handling", "Økonomi", "Årshjul", "Belastning"]);
    for (row, (year, a)) in rows.iter().zip(&expected) {
        // The Danish table numbers the actions ("A09" is the JSON's id of nr. 9).
        let id = a["id"].as_str().unwrap();
        assert_eq!(text(&row[2]), id[1..].trim_start_matches('0'));
        assert_eq!(num(&row[0]), *year);
        assert_eq!(num(&row[1]), a["quarter"].as_f64());
        assert_eq!(text(&row[4]), a["title"]["da"].as_str().unwrap());
        assert_eq!(num(&row[9]), a["budget_year"].as_f64());
        assert_eq!(num(&row[10]), a["cost_kr"].as_f64());
        assert_eq!(num(&row[11]), a["hours"].as_f64());
    }
    assert!(rows.iter().any(|r| num(&r[10]).is_some_and(|k| k > 0.0)), "some kroner");
}

#[test]
fn a_missing_folder_or_an_unwritable_path_is_an_error_and_leaves_no_file() {
    let (_, a) = sample_assessment();
    let table = export::assessment_table(&a, Lang::Da);
    let scratch = temp("bad-paths");
    let missing = scratch.with_file_name("no-such-folder").join("a.csv");
    let e = export::write_file(&table, Format::Csv, Lang::Da, &missing).unwrap_err();
    assert!(matches!(&e, ExportError::NoFolder { folder, .. } if folder.ends_with("no-such-folder")), "{e}");
    assert!(!missing.exists());
    // A path that is a folder: the rename fails after the bytes are written; nothing stays.
    let dir = scratch.with_file_name("a-folder.xlsx");
    std::fs::create_dir_all(dir.join("inside")).unwrap();
    let e = export::write_file(&table, Format::Xlsx, Lang::Da, &dir).unwrap_err();
    assert!(matches!(&e, ExportError::Write { path, .. } if path.ends_with("a-folder.xlsx")), "{e}");
    assert!(dir.join("inside").is_dir());
    let leftovers: Vec<_> = std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A good path works, and the file is the bytes of the format.
    let good = scratch.with_file_name("ok.csv");
    export::write_file(&table, Format::Csv, Lang::Da, &good).unwrap();
    assert_eq!(std::fs::read(&good).unwrap(), export::to_csv(&table, Lang::Da).unwrap());
    std::fs::remove_dir_all(scratch.parent().unwrap()).unwrap();
    assert_eq!("XLSX".parse::<Format>().unwrap(), Format::Xlsx);
    assert!(matches!("pdf".parse::<Format>(), Err(ExportError::UnknownFormat(f)) if f == "pdf"));
}
