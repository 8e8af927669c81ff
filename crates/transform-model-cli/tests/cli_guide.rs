//! docs/kom-i-gang.md, run as the analyst runs it: exactly the guide's commands (parsed
//! from its `sh` code blocks), from a temporary folder, on a survey-tool-style export this
//! test makes (Danish headers, role labels, metadata columns, blanks) and the portfolio
//! workbook the guide's own `portfolio-template` command writes.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{scratch, tm};
use transform_model::Model;

/// The guide's text.
fn guide() -> String {
    std::fs::read_to_string(format!("{}/../../docs/kom-i-gang.md", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The lines of the guide's code blocks in `lang` (```sh, ```toml), block by block.
fn blocks(text: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        match (&mut current, line.trim_start()) {
            (None, l) if l == format!("```{lang}") => current = Some(String::new()),
            (Some(_), "```") => out.push(current.take().unwrap()),
            (Some(block), l) => {
                block.push_str(l);
                block.push('\n');
            }
            _ => {}
        }
    }
    out
}

/// A command line split as a shell would: words, with "double quotes" kept together.
fn words(line: &str) -> Vec<String> {
    let (mut out, mut word, mut quoted, mut any) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '"' => (quoted, any) = (!quoted, true),
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                }
                any = false;
            }
            c => (word, any) = (word + &c.to_string(), true),
        }
    }
    if any {
        out.push(word);
    }
    out
}

/// A survey tool's export of `n` respondents for `model`: Danish headers for the id, role
/// and department, the roles as the questionnaire labels them, start/end times and a comment
/// (metadata), blank answers and blank departments. Returns the CSV and, per department
/// value (blank as ""), its number of respondents.
fn survey_export(model: &Model, n: usize) -> (String, BTreeMap<String, usize>) {
    let items: Vec<usize> = (0..model.items().len()).filter(|&i| model.item_filter(i).is_none()).collect();
    let mut header = vec!["Respondent-ID", "Starttidspunkt", "Sluttidspunkt", "Hvad er din rolle?", "Afdeling"];
    header.extend(items.iter().map(|&i| model.items()[i].id.as_str()));
    header.push("Kommentar");
    let mut csv = header.join(";") + "\n";
    let mut counts = BTreeMap::new();
    for r in 0..n {
        let role = r % model.roles().len();
        // Two departments (30 and 24 respondents) and 6 without one (every tenth).
        let department = match r {
            r if r % 10 == 9 => "",
            r if r % 2 == 0 => "Børn og Unge",
            _ => "Beskæftigelse",
        };
        *counts.entry(department.to_owned()).or_insert(0) += 1;
        let label = model.roles()[role].label.0["da"].clone();
        let mut row = vec![format!("R-{r:03}"), "2026-11-02 09:00".into(), "2026-11-02 09:12".into(), label];
        row.push(department.to_owned());
        for &i in &items {
            let answer = match (r + 3 * i) % 11 {
                _ if !model.is_asked(role, i) => String::new(),
                0 => String::new(),
                1 => "Ved ikke".into(),
                k => (model.scale().min + k as i64 % (model.scale().max - model.scale().min + 1)).to_string(),
            };
            row.push(answer);
        }
        row.push(if r % 7 == 0 { "Godt initiativ; mere tid tak".into() } else { String::new() });
        csv += &(row
            .iter()
            .map(|c| if c.contains(';') { format!("\"{c}\"") } else { c.clone() })
            .collect::<Vec<_>>()
            .join(";")
            + "\n");
    }
    (csv, counts)
}

/// The rows of a workbook sheet as text.
fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let range = book.worksheet_range(name).unwrap_or_else(|e| panic!("sheet {name}: {e}"));
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_guide_runs_in_five_commands_from_a_temporary_folder() {
    let text = guide();
    let commands: Vec<Vec<String>> =
        blocks(&text, "sh").iter().flat_map(|b| b.lines().map(words).collect::<Vec<_>>()).collect();
    assert_eq!(commands.len(), 5, "the guide promises five commands: {commands:?}");
    assert!(commands.iter().all(|c| c[0] == "transform-model"), "{commands:?}");
    let dir = scratch("guide");
    // The column map the guide shows, saved as the guide says.
    let maps = blocks(&text, "toml");
    assert_eq!(maps.len(), 1);
    std::fs::write(dir.join("kolonner.toml"), &maps[0]).unwrap();
    let model = Model::default_model();
    let (csv, counts) = survey_export(&model, 60);
    std::fs::write(dir.join("svar.csv"), csv).unwrap();

    for command in &commands {
        let out = tm(&dir).args(&command[1..]).assert().success().get_output().clone();
        let said = String::from_utf8(out.stdout).unwrap();
        let file = command.iter().skip_while(|w| *w != "-o").nth(1).expect("every guide command writes a file");
        assert_eq!(said.trim_end(), format!("Skrev {file}"), "{command:?}");
        assert!(dir.join(file).is_file(), "{file}");
    }

    // The workbook of step 3: the breakdown sheet, one row per department with the head
    // count the export has (blank departments as "uden enhed").
    let rows = sheet(&dir.join("vurdering.xlsx"), "Pr. forvaltning");
    assert_eq!(&rows[0][..3], ["Forvaltning", "Rolle", "n"]);
    assert_eq!(rows[0].len(), 3 + model.dimensions().len());
    let whole: BTreeMap<String, String> =
        rows[1..].iter().filter(|r| r[1] == "alle").map(|r| (r[0].clone(), r[2].clone())).collect();
    let expected: BTreeMap<String, String> = counts
        .iter()
        .map(|(d, n)| (if d.is_empty() { "uden enhed".to_owned() } else { d.clone() }, n.to_string()))
        .collect();
    assert_eq!(whole, expected);

    // The report of step 5: the portfolio from the template's Kommune sheet and example
    // initiative, and the plan.
    let html = std::fs::read_to_string(dir.join("rapport.html")).unwrap();
    assert!(html.contains("Fjordby Kommune (fiktiv)"), "the template's municipality");
    assert!(html.contains("Ungeguide i jobcentret"), "the template's example initiative");
    // `--by department`: the section "Resultater pr. enhed", with a column per named
    // department headed by the head count the export has (30 even rows, 24 odd ones).
    let units = html.split("Resultater pr. enhed").nth(1).expect("the report has \"Resultater pr. enhed\"");
    for (department, n) in counts.iter().filter(|(d, _)| !d.is_empty()) {
        assert!(units.contains(&format!("{department} ({n})")), "{department} ({n}) in the units table");
    }
}

#[test]
fn the_shell_splitter_keeps_quoted_words() {
    assert_eq!(words(r#"a "b c" d"#), ["a", "b c", "d"]);
    assert_eq!(words(r#"x --y "" z"#), ["x", "--y", "", "z"]);
}
