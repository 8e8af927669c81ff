//! A survey tool's export read through a column map (issue 32): the same responses as the
//! plain layout (`respondent`, `role` ids, `department`), whatever the tool calls its
//! columns and roles; blank departments as "uden enhed"; metadata skipped. And the
//! portfolio workbook: the template read back as the portfolio its example row describes.

use transform_model::maturity::sample::sample_csv;
use transform_model::mission::{CitizenValue, Mode, Portfolio, Stage};
use transform_model::responses::{ColumnMap, NO_UNIT, ReadOptions};
use transform_model::{AssessOptions, Model, ResponseError, Responses, assess};

/// Every fifth respondent has no department; the others alternate between two.
fn department(r: usize) -> &'static str {
    match r {
        r if r % 5 == 4 => "",
        r if r % 2 == 0 => "Social",
        _ => "Teknik",
    }
}

/// The sample survey in the plain layout with a `department` column, and as a survey tool
/// exports it: Danish headers, role labels (or `relabel`'s value), a start time first and a
/// comment last, `;` as separator.
fn plain_and_export(model: &Model, n: usize, relabel: Option<(&str, &str)>) -> (String, String) {
    let csv = sample_csv(model, n, 11, None);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(&header[..2], ["respondent", "role"]);
    let mut plain = format!("{},department\n", header.join(","));
    let mut export =
        format!("Starttidspunkt;Respondent-ID;Hvad er din rolle?;{};Afdeling;Kommentar\n", header[2..].join(";"));
    for (r, line) in lines.enumerate() {
        let cells: Vec<&str> = line.split(',').collect();
        plain += &format!("{line},{}\n", department(r));
        let role = model.roles()[model.role_index(cells[1]).unwrap()].label.0["da"].clone();
        let role = match relabel {
            Some((id, value)) if id == cells[1] => value.to_owned(),
            _ => role,
        };
        export += &format!("09:0{};{};{role};{};{};\n", r % 10, cells[0], cells[2..].join(";"), department(r));
    }
    (plain, export)
}

fn mapped() -> ReadOptions {
    let map = "respondent = \"Respondent-ID\"\nrole = \"Hvad er din rolle?\"\ndepartment = \"Afdeling\"\n\
               ignore = [\"Starttidspunkt\", \"Kommentar\"]\n";
    let mut o = ReadOptions::default();
    o.columns = ColumnMap::parse(map, true).unwrap();
    o
}

#[test]
fn an_export_through_a_column_map_reads_as_the_plain_layout() {
    let model = Model::resolve("dtm@2026.1").unwrap();
    let (plain, export) = plain_and_export(&model, 40, None);
    let expected = Responses::from_csv_str(&model, &plain, &ReadOptions::default()).unwrap();
    let read = Responses::from_csv_str(&model, &export, &mapped()).unwrap();
    assert_eq!(read, expected);
    assert!(read.ignored_columns().is_empty());
    // Blank departments are "uden enhed" (every fifth respondent).
    let blanks = (0..read.len()).filter(|&r| read.unit_value("department", r) == Some(NO_UNIT)).count();
    assert_eq!(blanks, 40 / 5);
}

#[test]
fn blank_departments_count_in_the_total_and_form_their_own_unit() {
    let model = Model::resolve("dtm@2026.1").unwrap();
    let (_, export) = plain_and_export(&model, 60, None);
    let read = Responses::from_csv_str(&model, &export, &mapped()).unwrap();
    let mut options = AssessOptions::default();
    options.bootstrap = 0;
    let whole = assess(&model, &read, &options).unwrap();
    options.group_by = vec!["department".into()];
    let by = assess(&model, &read, &options).unwrap();
    assert_eq!(by.n_respondents, whole.n_respondents);
    let n_of =
        |d: &str| by.units.iter().find(|u| u.department == d && u.role.is_none() && u.unit.is_none()).and_then(|u| u.n);
    // 60 respondents: 12 blank (r % 5 == 4), 24 Social, 24 Teknik.
    assert_eq!((n_of(NO_UNIT), n_of("Social"), n_of("Teknik")), (Some(12), Some(24), Some(24)));
}

#[test]
fn role_values_map_a_tool_s_own_words_and_an_unmapped_one_is_named() {
    let model = Model::resolve("dtm@2026.1").unwrap();
    let (plain, export) = plain_and_export(&model, 30, Some(("top_manager", "Direktion")));
    let e = Responses::from_csv_str(&model, &export, &mapped()).unwrap_err();
    let ResponseError::UnmappedRole { row, column, value, .. } = &e else { panic!("{e:?}") };
    assert_eq!((column.as_str(), value.as_str()), ("Hvad er din rolle?", "Direktion"));
    // The row is the CSV line of the first top manager (the header is line 1).
    let first = plain.lines().skip(1).position(|l| l.split(',').nth(1) == Some("top_manager")).unwrap();
    assert_eq!(*row, first + 2);
    let mut o = mapped();
    o.columns.role_values.insert("direktion".into(), "top_manager".into());
    let read = Responses::from_csv_str(&model, &export, &o).unwrap();
    assert_eq!(read, Responses::from_csv_str(&model, &plain, &ReadOptions::default()).unwrap());
}

#[test]
fn unknown_columns_fail_by_default_and_are_listed_when_skipped() {
    let model = Model::resolve("dtm@2026.1").unwrap();
    let (_, export) = plain_and_export(&model, 20, None);
    let mut o = mapped();
    o.columns.ignore.clear();
    let e = Responses::from_csv_str(&model, &export, &o).unwrap_err();
    assert!(matches!(&e, ResponseError::UnknownColumn { column, index: 1 } if column == "Starttidspunkt"), "{e:?}");
    o.ignore_unknown_columns = true;
    let read = Responses::from_csv_str(&model, &export, &o).unwrap();
    assert_eq!(read.ignored_columns(), ["Starttidspunkt", "Kommentar"]);
    // A mapped column the file lacks is named.
    let mut o = mapped();
    o.columns.department = Some("Enhed".into());
    let e = Responses::from_csv_str(&model, &export, &o).unwrap_err();
    assert!(matches!(&e, ResponseError::MissingColumn { column } if column == "Enhed"), "{e:?}");
    assert!(e.message(transform_model::Lang::Da).contains("kolonnen `Enhed` mangler"));
}

#[cfg(feature = "xlsx")]
#[test]
fn the_template_reads_back_as_its_example_row() {
    let bytes = transform_model::mission::portfolio_template().unwrap();
    let p = Portfolio::from_excel_bytes(bytes).unwrap();
    assert_eq!((p.municipality.name.as_str(), p.year), ("Fjordby Kommune (fiktiv)", Some(2027)));
    assert_eq!(p.missions.len(), 1);
    assert_eq!(p.missions[0].id, "M1");
    assert_eq!(p.missions[0].horizon, Some(2030));
    assert_eq!(p.missions[0].target_groups, ["unge", "unge uden uddannelse"]);
    let i = &p.initiatives[0];
    assert_eq!(
        (i.id.as_str(), i.stage, i.mode, i.citizen_value),
        ("I1", Stage::Testing, Mode::Explore, CitizenValue::Unclear)
    );
    assert_eq!((i.cost_per_year, i.investment, i.start_year, i.end_year), (Some(400_000.0), 50_000.0, 2025, None));
    assert_eq!((i.links[0].mission.as_str(), i.links[0].strength), ("M1", 3));
    let org = p.organisation.as_ref().unwrap();
    assert_eq!(org.departments[0].name, "Børn og Unge");
    assert_eq!(org.departments[0].capacity_hours, Some(600.0));
}
