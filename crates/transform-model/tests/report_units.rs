//! "Resultater pr. enhed" in the report: a survey of its own with departments (the sample
//! generator with an explicit model and seed), the heat map and table of department ×
//! dimension, withheld cells shown as withheld (never as a figure), and the disclosure
//! audit's counts in words. Also: the perception gaps render the contract's verdict.
#![cfg(feature = "report")]

use transform_model::maturity::sample::sample_csv;
use transform_model::maturity::{GapVerdict, UnitResult};
use transform_model::report::{ReportInputs, ReportOptions, render_html};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Lang, Model, Responses, assess};

const MODEL: &str = "dtm@2026.2";
const SEED: u64 = 2027;

/// Departments by row: 20 in Social, 17 in Teknik, 3 in Kultur (fewer than k = 5).
fn department(row: usize) -> &'static str {
    match row {
        0..20 => "Social",
        20..37 => "Teknik",
        _ => "Kultur",
    }
}

fn survey() -> (Model, Assessment) {
    let model = Model::resolve(MODEL).unwrap();
    // Every role with at least k = 5 respondents, so that no one is left out before the breakdown.
    let csv = sample_csv(&model, 40, SEED, Some(&[5, 5, 10, 15, 5]));
    let mut lines = csv.lines();
    let mut text = format!("{},department\n", lines.next().unwrap());
    for (i, line) in lines.enumerate() {
        text.push_str(&format!("{line},{}\n", department(i)));
    }
    let mut read = ReadOptions::default();
    read.unit_columns = vec!["department".into()];
    let data = Responses::from_csv_str(&model, &text, &read).unwrap();
    let mut o = AssessOptions::default();
    o.bootstrap = 50;
    o.seed = SEED;
    o.group_by = vec!["department".into()];
    (model.clone(), assess(&model, &data, &o).unwrap())
}

fn page(model: &Model, a: &Assessment, lang: Lang) -> String {
    let inputs = ReportInputs { model, assessment: a, portfolio: None, index: None, plan: None };
    render_html(&inputs, &ReportOptions::new(lang)).unwrap()
}

/// The HTML between the units heading and the end of its section.
fn section(html: &str) -> &str {
    let start = html.find("id=\"s-units\"").expect("the units section");
    let rest = &html[start..];
    &rest[..rest.find("</section>").unwrap()]
}

fn whole(a: &Assessment) -> Vec<&UnitResult> {
    a.units.iter().filter(|u| u.role.is_none()).collect()
}

#[test]
fn every_department_is_a_column_with_its_figures_and_hidden_cells_say_so() {
    let (model, a) = survey();
    let html = page(&model, &a, Lang::Da);
    let s = section(&html);
    assert!(s.contains(">Resultater pr. enhed</h3>"));
    // The three departments of the survey, each once in the table's header; Social with its
    // 20 respondents as written above, unless disclosure control withheld its count.
    let units = whole(&a);
    let mut names: Vec<&str> = units.iter().map(|u| u.department.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Kultur", "Social", "Teknik"]);
    let social = units.iter().find(|u| u.department == "Social").unwrap();
    if social.n.is_some() {
        assert_eq!(social.n, Some(20));
        assert!(s.contains("<th scope=\"col\" class=\"num\">Social (20)</th>"));
    }
    // Kultur's 3 respondents are under k = 5: every figure of it is withheld.
    let kultur = units.iter().find(|u| u.department == "Kultur").unwrap();
    assert!(kultur.n.is_none() && kultur.dimensions.iter().all(|d| d.score.is_none()));
    // Each table cell is the unit's score with one decimal and a decimal comma, or "skjult".
    let body = &s[s.find("<tbody>").unwrap()..s.find("</tbody>").unwrap()];
    let rows: Vec<&str> = body.split("<tr>").skip(1).collect();
    assert_eq!(rows.len(), a.dimensions.len());
    let mut hidden = 0;
    for (j, row) in rows.iter().enumerate() {
        let cells: Vec<&str> =
            row.split("<td").skip(1).map(|c| &c[c.find('>').unwrap() + 1..c.find("</td>").unwrap()]).collect();
        let dim = &a.dimensions[j].id;
        for (u, cell) in units.iter().zip(&cells[1..]) {
            match u.dimensions.iter().find(|d| &d.id == dim).unwrap().score {
                Some(x) => {
                    // One decimal, decimal comma: computed here, not by the report's helper.
                    let expected = format!("{:.1}", x).replace('.', ",");
                    assert_eq!(*cell, expected, "{} {dim}", u.department);
                }
                None => {
                    assert_eq!(*cell, "skjult", "{} {dim}", u.department);
                    hidden += 1;
                }
            }
        }
    }
    assert!(hidden >= a.dimensions.len(), "Kultur's cells at least");
    // The heat map draws exactly as many hatched cells as the table says "skjult" (+1: the
    // legend's sample).
    let map = &s[s.find("<svg").unwrap()..s.find("</svg>").unwrap()];
    assert_eq!(map.matches("fill=\"url(#tm-hatch)\"").count(), hidden + 1);
    assert!(!map.contains(">0,0<"), "a withheld cell is never drawn as a figure");
}

#[test]
fn the_disclosure_audit_is_said_in_words() {
    let (model, a) = survey();
    let html = page(&model, &a, Lang::Da);
    let s = section(&html);
    let (p, q) = (a.suppression.primary, a.suppression.secondary);
    assert!(p > 0, "Kultur is under k");
    // "tal" is the same in singular and plural.
    assert!(
        s.contains(&format!("{p} tal er skjult, fordi de bygger på færre end 5 besvarelser")),
        "primary count {p} missing"
    );
    if q > 0 {
        assert!(s.contains(&format!("{q} tal er skjult, for at ingen skjult værdi kan regnes baglæns")));
    } else {
        assert!(!s.contains("regnes baglæns"));
    }
    assert!(!s.contains("k = "), "no method jargon in the words");
}

#[test]
fn without_a_breakdown_there_is_no_units_section() {
    let model = Model::resolve(MODEL).unwrap();
    let csv = sample_csv(&model, 30, SEED, None);
    let data = Responses::from_csv_str(&model, &csv, &ReadOptions::default()).unwrap();
    let mut o = AssessOptions::default();
    o.bootstrap = 50;
    let a = assess(&model, &data, &o).unwrap();
    assert!(!page(&model, &a, Lang::Da).contains("s-units"));
}

/// 15 middle managers answering 2 points higher and 15 front-line staff 2 points lower than
/// drawn (clipped to 1–5): a difference the contract must call sure or uncertain.
fn survey_with_a_gap() -> (Model, Assessment) {
    let model = Model::resolve(MODEL).unwrap();
    let csv = sample_csv(&model, 30, SEED, Some(&[0, 0, 15, 15, 0]));
    let mut text = String::new();
    for (i, line) in csv.lines().enumerate() {
        if i == 0 {
            text.push_str(line);
        } else {
            let cells: Vec<&str> = line.split(',').collect();
            let shift: i64 = if cells[1] == "middle_manager" { 2 } else { -2 };
            let answers = cells[2..].iter().map(|c| match c.parse::<i64>() {
                Ok(v) => (v + shift).clamp(1, 5).to_string(),
                Err(_) => (*c).to_owned(),
            });
            let row: Vec<String> = cells[..2].iter().map(|c| (*c).to_owned()).chain(answers).collect();
            text.push_str(&row.join(","));
        }
        text.push('\n');
    }
    let data = Responses::from_csv_str(&model, &text, &ReadOptions::default()).unwrap();
    let mut o = AssessOptions::default();
    o.bootstrap = 50;
    o.seed = SEED;
    let a = assess(&model, &data, &o).unwrap();
    (model, a)
}

#[test]
fn perception_gaps_render_the_contracts_verdict() {
    let (model, a) = survey_with_a_gap();
    let html = page(&model, &a, Lang::Da);
    let table = html.split("<caption>Tabel: Forskelle i opfattelse").nth(1).unwrap();
    let table = &table[..table.find("</table>").unwrap()];
    // One row per gap the contract calls a difference (sure or uncertain), its verdict in
    // the verdict's own words; never the report's own "mulig forskel".
    let drawn: Vec<_> = a
        .gaps
        .iter()
        .filter(|g| g.diff.is_some() && matches!(g.verdict, GapVerdict::Difference | GapVerdict::Uncertain))
        .collect();
    assert!(!drawn.is_empty(), "the survey has a difference to render");
    assert_eq!(table.matches("<tr><td>").count(), drawn.len());
    for g in &drawn {
        let words = match g.verdict {
            GapVerdict::Difference => "sikker forskel",
            _ => "usikker forskel (forskellig andel ved ikke)",
        };
        assert!(table.contains(&format!("<td>{words}</td>")));
    }
    assert!(!html.contains("mulig forskel"));
}
