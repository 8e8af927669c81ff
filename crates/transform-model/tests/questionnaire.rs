//! Questionnaires out: the XLSForm, the question list and the printable HTML, checked
//! against the model definition read independently (as JSON) on the default model and 2026.2.

use serde_json::Value;
use transform_model::Model;
use transform_model::localized::Lang;
use transform_model::questionnaire::{
    Format, QuestionnaireError, QuestionnaireOptions, list_csv, list_rows, render, render_html, select_roles, xlsform,
};

const DTM_2026_2: &str = include_str!("../models/dtm-2026.2.json");
const DTM_2027_1: &str = include_str!("../models/dtm-2027.1.json");

fn models() -> Vec<(Model, Value)> {
    let default = Model::default_model();
    let json = serde_json::from_str(&default.to_json()).unwrap();
    vec![
        (default, json),
        (Model::from_json(DTM_2026_2).unwrap(), serde_json::from_str(DTM_2026_2).unwrap()),
        (Model::from_json(DTM_2027_1).unwrap(), serde_json::from_str(DTM_2027_1).unwrap()),
    ]
}

/// Role ids asked item `item` per the JSON: its `roles`, or every role when empty.
fn asked_roles(json: &Value, item: &Value) -> Vec<String> {
    let listed: Vec<String> =
        item["roles"].as_array().map_or(vec![], |a| a.iter().map(|r| r.as_str().unwrap().to_owned()).collect());
    if listed.is_empty() {
        json["roles"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect()
    } else {
        listed
    }
}

fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0].iter().position(|c| c == name).unwrap_or_else(|| panic!("no column `{name}` in {:?}", rows[0]))
}

#[test]
fn the_xlsform_asks_the_role_first_and_routes_each_item_to_its_roles() {
    for (model, json) in models() {
        let all = select_roles(&model, None).unwrap();
        let form = xlsform(&model, &all, &QuestionnaireOptions::default()).unwrap();
        let s = &form.survey;
        let (ty, name, relevant) = (column(s, "type"), column(s, "name"), column(s, "relevant"));
        let (da, en) = (column(s, "label::Dansk (da)"), column(s, "label::English (en)"));
        assert_eq!((s[1][ty].as_str(), s[1][name].as_str()), ("select_one roles", "role"));
        let items = json["items"].as_array().unwrap();
        let item_rows: Vec<&Vec<String>> = s[2..].iter().filter(|r| r[ty] == "select_one likert").collect();
        assert_eq!(item_rows.len(), items.len(), "one row per item");
        let n_roles = json["roles"].as_array().unwrap().len();
        for (row, item) in item_rows.into_iter().zip(items) {
            assert_eq!(row[name], item["id"].as_str().unwrap());
            assert_eq!(row[ty], "select_one likert");
            assert_eq!(row[da], item["text"]["da"].as_str().unwrap());
            assert_eq!(row[en], item["text"]["en"].as_str().unwrap());
            let roles = asked_roles(&json, item);
            let by_role = if roles.len() == n_roles {
                String::new()
            } else {
                roles.iter().map(|r| format!("selected(${{role}}, '{r}')")).collect::<Vec<_>>().join(" or ")
            };
            let expected = match item["filter"].as_str() {
                None => by_role,
                Some(f) if by_role.is_empty() => format!("${{{f}}} = 'ja'"),
                Some(f) => format!("({by_role}) and ${{{f}}} = 'ja'"),
            };
            assert_eq!(row[relevant], expected, "item {}", row[name]);
        }
    }
}

#[test]
fn the_choices_carry_the_scale_dont_know_and_the_roles() {
    for (model, json) in models() {
        let form = xlsform(&model, &select_roles(&model, None).unwrap(), &QuestionnaireOptions::default()).unwrap();
        let c = &form.choices;
        let (list, name, da) = (column(c, "list_name"), column(c, "name"), column(c, "label::Dansk (da)"));
        let likert: Vec<(&str, &str)> =
            c[1..].iter().filter(|r| r[list] == "likert").map(|r| (r[name].as_str(), r[da].as_str())).collect();
        let labels = &json["scale"]["labels"];
        let mut expected: Vec<(String, String)> = (1..=5)
            .map(|v| (v.to_string(), format!("{v} – {}", labels[v.to_string()]["da"].as_str().unwrap())))
            .collect();
        expected.push(("dk".into(), json["scale"]["missing"]["da"].as_str().unwrap().to_owned()));
        assert_eq!(likert, expected.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect::<Vec<_>>());
        let roles: Vec<(&str, &str)> =
            c[1..].iter().filter(|r| r[list] == "roles").map(|r| (r[name].as_str(), r[da].as_str())).collect();
        let expected: Vec<(&str, &str)> = json["roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["id"].as_str().unwrap(), r["label"]["da"].as_str().unwrap()))
            .collect();
        assert_eq!(roles, expected);
        let s = &form.settings;
        assert_eq!(s[1][column(s, "form_id")], json["id"].as_str().unwrap());
        assert_eq!(s[1][column(s, "version")], json["version"].as_str().unwrap());
        assert_eq!(s[1][column(s, "default_language")], "Dansk (da)");
    }
}

#[test]
fn the_2026_2_form_names_front_line_staff_plainly() {
    let model = Model::from_json(DTM_2026_2).unwrap();
    let form = xlsform(&model, &select_roles(&model, None).unwrap(), &QuestionnaireOptions::default()).unwrap();
    assert!(form.choices.iter().any(|r| r[1] == "frontline" && r[2] == "Medarbejder uden ledelsesansvar"));
}

#[test]
fn one_role_gets_only_its_items_and_no_routing() {
    for (model, json) in models() {
        let roles = select_roles(&model, Some("frontline")).unwrap();
        let form = xlsform(&model, &roles, &QuestionnaireOptions::default()).unwrap();
        let expected: Vec<&str> = json["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| asked_roles(&json, i).iter().any(|r| r == "frontline"))
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        let names: Vec<&str> =
            form.survey[2..].iter().filter(|r| r[0] == "select_one likert").map(|r| r[1].as_str()).collect();
        assert_eq!(names, expected);
        let relevant = column(&form.survey, "relevant");
        assert!(form.survey[2..].iter().all(|r| r[relevant].is_empty()));
        assert_eq!(form.choices.iter().filter(|r| r[0] == "roles").count(), 1);
    }
}

#[test]
fn an_unknown_role_is_a_typed_error_naming_the_allowed_ones() {
    let model = Model::from_json(DTM_2026_2).unwrap();
    let mut options = QuestionnaireOptions::default();
    options.role = Some("borgmester".into());
    for format in [Format::XlsForm, Format::Csv, Format::Html] {
        let e = render(&model, format, &options).unwrap_err();
        assert!(
            matches!(&e, QuestionnaireError::UnknownRole { role, allowed }
            if role == "borgmester" && allowed.contains("frontline") && allowed.contains("external_partner")),
            "{e}"
        );
    }
}

#[test]
fn the_question_list_shows_no_reverse_key() {
    for (model, json) in models() {
        let all = select_roles(&model, None).unwrap();
        let rows = list_rows(&model, &all, &QuestionnaireOptions::default());
        assert_eq!(rows[0], ["item", "dimension", "roles", "text_da", "text_en", "scale", "filter"]);
        let items = json["items"].as_array().unwrap();
        let filters = json["filters"].as_array().map_or(0, Vec::len);
        assert_eq!(rows.len(), 1 + items.len() + filters);
        let item_rows = rows[1..].iter().filter(|r| !r[1].is_empty());
        for (row, item) in item_rows.zip(items) {
            assert_eq!(row[0], item["id"].as_str().unwrap());
            assert_eq!(row[2], asked_roles(&json, item).join(" "));
            assert_eq!(
                row[5],
                "1 = Helt uenig; 2 = Uenig; 3 = Hverken enig eller uenig; 4 = Enig; 5 = Helt enig; Ved ikke"
            );
        }
        assert!(rows.iter().flatten().all(|c| !c.to_lowercase().contains("reverse")));
        // The CSV is the same rows, quoted where needed.
        let csv = list_csv(&model, &all, &QuestionnaireOptions::default());
        let parsed: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        assert_eq!(parsed, rows);
    }
}

#[test]
fn the_html_has_one_section_per_role_no_item_ids_and_the_promise() {
    for (model, json) in models() {
        let all = select_roles(&model, None).unwrap();
        let html = render_html(&model, &all, &QuestionnaireOptions::default());
        let roles = json["roles"].as_array().unwrap();
        assert_eq!(html.matches("<section>").count(), roles.len());
        assert!(html.contains("Ingen resultater vises for grupper med færre end 5 besvarelser"));
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"da\">"));
        assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src="), "self-contained");
        assert!(html.contains("size: A4"));
        for item in json["items"].as_array().unwrap() {
            let id = item["id"].as_str().unwrap();
            assert!(!html.contains(&format!(">{id}<")) && !html.contains(&format!("{id}.")), "item id {id} shown");
        }
        // Rows per section = items asked of that role; 5 scale boxes + "ved ikke" per row.
        for (section, role) in html.split("<section>").skip(1).zip(roles) {
            let id = role["id"].as_str().unwrap();
            let asked = json["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| asked_roles(&json, i).iter().any(|r| r == id))
                .count();
            assert_eq!(section.matches("<td class=\"n\">").count(), asked, "role {id}");
            let filters = json["filters"]
                .as_array()
                .map_or(0, |fs| fs.iter().filter(|f| asked_roles(&json, f).iter().any(|r| r == id)).count());
            // A filter question adds ja / nej / ved ikke.
            assert_eq!(section.matches("class=\"tick\"").count(), asked * 6 + filters * 3, "role {id}");
            assert!(section.contains(role["label"]["da"].as_str().unwrap()));
        }
    }
}

#[test]
fn the_html_speaks_english_and_states_another_k() {
    let model = Model::from_json(DTM_2026_2).unwrap();
    let mut options = QuestionnaireOptions::default();
    options.role = Some("frontline".into());
    options.lang = Lang::En;
    options.min_group_size = 7;
    let html = String::from_utf8(render(&model, Format::Html, &options).unwrap()).unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("No results are shown for groups with fewer than 7 responses"));
    assert_eq!(html.matches("<section>").count(), 1);
    assert!(html.contains("Employee without management responsibility"));
    let e = render(&model, Format::Html, &{
        let mut o = options;
        o.min_group_size = 2;
        o
    })
    .unwrap_err();
    assert_eq!(e, QuestionnaireError::InvalidThreshold { k: 2 });
}

#[test]
fn item_ids_a_survey_tool_would_reject_are_named() {
    let model = Model::default_model();
    let first = model.items()[0].id.clone();
    let json = model.to_json().replacen(&format!("\"{first}\""), "\"1st item\"", 1);
    let bad = Model::from_json(&json).unwrap();
    let e = xlsform(&bad, &select_roles(&bad, None).unwrap(), &QuestionnaireOptions::default()).unwrap_err();
    assert!(matches!(&e, QuestionnaireError::InvalidName { name, .. } if name == "1st item"), "{e}");
}

#[cfg(feature = "xlsx")]
#[test]
fn the_workbooks_hold_the_same_rows() {
    use calamine::Reader;
    let model = Model::from_json(DTM_2026_2).unwrap();
    let options = QuestionnaireOptions::default();
    let all = select_roles(&model, None).unwrap();
    let bytes = render(&model, Format::XlsForm, &options).unwrap();
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["survey", "choices", "settings"]);
    let form = xlsform(&model, &all, &options).unwrap();
    for (name, rows) in [("survey", &form.survey), ("choices", &form.choices), ("settings", &form.settings)] {
        let range = book.worksheet_range(name).unwrap();
        let read: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
        let width = read[0].len();
        let padded: Vec<Vec<String>> =
            rows.iter().map(|r| (0..width).map(|i| r.get(i).cloned().unwrap_or_default()).collect()).collect();
        assert_eq!(read, padded, "sheet {name}");
    }
    let bytes = render(&model, Format::Xlsx, &options).unwrap();
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("questions").unwrap();
    assert_eq!(range.height(), list_rows(&model, &all, &QuestionnaireOptions::default()).len());
}

#[cfg(not(feature = "xlsx"))]
#[test]
fn without_the_feature_workbooks_are_refused_by_name() {
    let e = render(&Model::default_model(), Format::XlsForm, &QuestionnaireOptions::default()).unwrap_err();
    assert_eq!(e, QuestionnaireError::FeatureDisabled { format: "xlsform" });
}

// ---------------------------------------------------------------- filters and skip logic

fn dtm_2027() -> (Model, Value) {
    (Model::from_json(DTM_2027_1).unwrap(), serde_json::from_str(DTM_2027_1).unwrap())
}

#[test]
fn a_filter_question_precedes_its_items_which_follow_only_a_yes() {
    let (model, json) = dtm_2027();
    let all = select_roles(&model, None).unwrap();
    let form = xlsform(&model, &all, &QuestionnaireOptions::default()).unwrap();
    let s = &form.survey;
    let (ty, name, req) = (column(s, "type"), column(s, "name"), column(s, "required"));
    for filter in json["filters"].as_array().unwrap() {
        let id = filter["id"].as_str().unwrap();
        let at = s.iter().position(|r| r[name] == id).unwrap_or_else(|| panic!("no row {id}"));
        assert_eq!((s[at][ty].as_str(), s[at][req].as_str()), ("select_one janej", "yes"));
        let first = json["items"].as_array().unwrap().iter().find(|i| i["filter"] == id).unwrap();
        assert_eq!(s[at + 1][name], first["id"].as_str().unwrap(), "{id} comes just before its first item");
    }
    let c = &form.choices;
    let (list, cname) = (column(c, "list_name"), column(c, "name"));
    let janej: Vec<&str> = c[1..].iter().filter(|r| r[list] == "janej").map(|r| r[cname].as_str()).collect();
    assert_eq!(janej, ["ja", "nej", "dk"]);
    // Every role gets its introduction as a note shown to that role only.
    let notes: Vec<&Vec<String>> = s.iter().filter(|r| r[ty] == "note").collect();
    assert_eq!(notes.len(), json["roles"].as_array().unwrap().len());
    assert_eq!(notes[0][column(s, "relevant")], "selected(${role}, 'politician')");
    // The title is the neutral one.
    assert_eq!(form.settings[1][0], "Udvikling og samarbejde i kommunen");
}

/// A wide export as a survey tool writes it from the XLSForm: one column per field name.
fn export_header(model: &Model) -> Vec<String> {
    let all = select_roles(model, None).unwrap();
    let form = xlsform(model, &all, &QuestionnaireOptions::default()).unwrap();
    let (ty, name) = (column(&form.survey, "type"), column(&form.survey, "name"));
    let mut header = vec!["respondent".to_owned()];
    header.extend(form.survey[1..].iter().filter(|r| r[ty].starts_with("select_one")).map(|r| r[name].clone()));
    header
}

/// The CSV row of a politician: every item asked of politicians answered `value`, except the
/// items behind `F_missions`, which follow `missions` (skipped unless it is "ja").
fn politician_row(model: &Model, header: &[String], id: &str, missions: &str, value: &str) -> String {
    let pol = model.role_index("politician").unwrap();
    let cells: Vec<String> = header
        .iter()
        .map(|col| match col.as_str() {
            "respondent" => id.to_owned(),
            "role" => "politician".to_owned(),
            "F_missions" => missions.to_owned(),
            "F_crosssector" => "ja".to_owned(),
            c => match model.item_index(c) {
                Some(i) if model.is_asked(pol, i) => {
                    let behind = model.item_filter(i) == model.filter_index("F_missions");
                    if behind && missions != "ja" { String::new() } else { value.to_owned() }
                }
                _ => String::new(),
            },
        })
        .collect();
    cells.join(",")
}

#[test]
fn skipped_items_are_not_asked_and_not_missing_after_a_round_trip() {
    let (model, _) = dtm_2027();
    let header = export_header(&model);
    let mut csv = header.join(",") + "\n";
    // Five politicians said "nej" (missions skipped), five "ja"; all answer 4 elsewhere.
    for r in 0..10 {
        let missions = if r < 5 { "nej" } else { "ja" };
        csv += &politician_row(&model, &header, &format!("P{r}"), missions, if r % 2 == 0 { "4" } else { "3" });
        csv += "\n";
    }
    let responses = transform_model::Responses::from_csv_str(&model, &csv, &Default::default()).unwrap();
    let d3_3 = model.item_index("D3_3").unwrap();
    let f = model.filter_index("F_missions").unwrap();
    assert!(responses.is_skipped(0, d3_3) && !responses.is_skipped(5, d3_3));
    assert_eq!(responses.filter_answer(0, f), Some(transform_model::responses::FilterAnswer::No));
    // Politicians are asked D3_1, D3_2, D3_5, D3_3, D3_6: 5 items, ⌈5/2⌉ = 3 needed; with
    // the two mission items skipped, 3 are put and ⌈3/2⌉ = 2 are needed.
    let d3 = model.dimension_index("D3").unwrap();
    assert_eq!((responses.needed(&model, 0, d3), responses.needed(&model, 5, d3)), (2, 3));
    // The item analysis counts only those the item was put to, so "nej" is not "ved ikke".
    let options = transform_model::maturity::ItemOptions::default();
    let analysis = transform_model::maturity::item_analysis(&model, &responses, &options).unwrap();
    let stats = analysis.items.iter().find(|s| s.item == "D3_3").unwrap();
    assert_eq!((stats.n_asked, stats.dont_know_share), (5, Some(0.0)));
}

#[test]
fn an_answer_to_a_skipped_item_or_a_bad_filter_answer_is_a_typed_error() {
    let (model, _) = dtm_2027();
    let header = export_header(&model);
    let mut row = politician_row(&model, &header, "P1", "nej", "4");
    // Answer D3_3 although the filter said "nej".
    let at = header.iter().position(|c| c == "D3_3").unwrap();
    let mut cells: Vec<String> = row.split(',').map(str::to_owned).collect();
    cells[at] = "4".to_owned();
    row = cells.join(",");
    let csv = format!("{}\n{row}\n", header.join(","));
    let e = transform_model::Responses::from_csv_str(&model, &csv, &Default::default()).unwrap_err();
    let transform_model::ResponseError::SkippedAnswered { row, column, filter, answer, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!((*row, column.as_str(), filter.as_str(), answer.as_str()), (2, "D3_3", "F_missions", "nej"));

    let csv = format!("{}\n{}\n", header.join(","), politician_row(&model, &header, "P1", "måske", "4"));
    let e = transform_model::Responses::from_csv_str(&model, &csv, &Default::default()).unwrap_err();
    assert!(
        matches!(&e, transform_model::ResponseError::FilterAnswer { column, value, .. } if column == "F_missions" && value == "måske"),
        "{e:?}"
    );
}

#[test]
fn the_html_and_the_list_show_filters_and_introductions() {
    let (model, json) = dtm_2027();
    let pol = select_roles(&model, Some("politician")).unwrap();
    let html = render_html(&model, &pol, &QuestionnaireOptions::default());
    assert!(html.contains("<title>Udvikling og samarbejde i kommunen</title>"));
    let intro = json["roles"][0]["intro"]["da"].as_str().unwrap();
    assert!(html.contains(intro), "the politicians' introduction is printed");
    // The filter is printed with the numbers of the statements to skip: D3_3 and D3_6 are
    // the politicians' statements behind it; count their positions from the JSON.
    let asked: Vec<&str> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| asked_roles(&json, i).iter().any(|r| r == "politician"))
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let n = |id: &str| asked.iter().position(|x| *x == id).unwrap() + 1;
    assert!(html.contains(&format!("spring disse udsagn over: {}, {}.", n("D3_3"), n("D3_6"))), "{html}");
    let rows = list_rows(&model, &pol, &QuestionnaireOptions::default());
    let (item, filter) = (column(&rows, "item"), column(&rows, "filter"));
    let d3_3 = rows.iter().find(|r| r[item] == "D3_3").unwrap();
    assert_eq!(d3_3[filter], "F_missions = ja");
    assert!(rows.iter().any(|r| r[item] == "F_missions"));
}

fn with_departments(departments: &[&str]) -> QuestionnaireOptions {
    let mut o = QuestionnaireOptions::default();
    o.departments = departments.iter().map(|d| d.to_string()).collect();
    o
}

#[test]
fn the_department_question_follows_the_role_for_roles_with_a_workplace() {
    let (model, _) = dtm_2027();
    let all = select_roles(&model, None).unwrap();
    let form = xlsform(&model, &all, &with_departments(&["Børn og Unge", "Teknik og Miljø"])).unwrap();
    let s = &form.survey;
    let (ty, name, relevant) = (column(s, "type"), column(s, "name"), column(s, "relevant"));
    assert_eq!((s[2][ty].as_str(), s[2][name].as_str()), ("select_one departments", "department"));
    // dtm 2027.1: top and middle managers and front-line staff observe a workplace.
    let asked =
        "selected(${role}, 'top_manager') or selected(${role}, 'middle_manager') or selected(${role}, 'frontline')";
    assert_eq!(s[2][relevant], asked);
    assert_eq!(s[2][column(s, "required")], "", "a blank department is allowed");
    let units: Vec<&str> = form
        .choices
        .iter()
        .filter(|r| r[0] == "departments")
        .map(|r| r[column(&form.choices, "name")].as_str())
        .collect();
    assert_eq!(units, ["Børn og Unge", "Teknik og Miljø"]);
    // Without departments there is no such question; a politician's form has none either.
    let plain = xlsform(&model, &all, &QuestionnaireOptions::default()).unwrap();
    assert!(plain.survey.iter().all(|r| r[name] != "department"));
    let pol = select_roles(&model, Some("politician")).unwrap();
    let form = xlsform(&model, &pol, &with_departments(&["Teknik"])).unwrap();
    assert!(form.survey.iter().all(|r| r[name] != "department"));
}

#[test]
fn the_list_and_the_paper_form_ask_for_the_department() {
    let (model, _) = dtm_2027();
    let staff = select_roles(&model, Some("frontline")).unwrap();
    let options = with_departments(&["Børn & Unge", "Teknik"]);
    let rows = list_rows(&model, &staff, &options);
    assert_eq!(rows[1][0], "department");
    assert_eq!(rows[1][column(&rows, "scale")], "Børn & Unge; Teknik");
    let html = render_html(&model, &staff, &options);
    assert!(html.contains("Hvilken enhed eller forvaltning arbejder du i?"));
    assert!(html.contains("Børn &amp; Unge") && !html.contains("Børn & Unge"));
    let pol = select_roles(&model, Some("politician")).unwrap();
    assert!(!render_html(&model, &pol, &options).contains("Hvilken enhed"));
}

#[test]
fn a_department_that_cannot_be_one_is_refused_by_name() {
    let (model, _) = dtm_2027();
    let all = select_roles(&model, None).unwrap();
    let e = xlsform(&model, &all, &with_departments(&["Teknik", "Frontline"])).unwrap_err();
    assert!(matches!(&e, QuestionnaireError::InvalidDepartment { name, .. } if name == "Frontline"), "{e:?}");
    let e = render(&model, Format::Csv, &with_departments(&["Teknik", " teknik "])).unwrap_err();
    assert!(matches!(&e, QuestionnaireError::InvalidDepartment { reason, .. } if reason.contains("twice")), "{e:?}");
}

#[test]
fn an_export_with_the_department_column_is_read_back_and_broken_down() {
    let (model, _) = dtm_2027();
    let all = select_roles(&model, None).unwrap();
    let form = xlsform(&model, &all, &with_departments(&["Børn og Unge", "Teknik og Miljø"])).unwrap();
    let (ty, name) = (column(&form.survey, "type"), column(&form.survey, "name"));
    let mut header = vec!["respondent".to_owned()];
    header.extend(form.survey[1..].iter().filter(|r| r[ty].starts_with("select_one")).map(|r| r[name].clone()));
    // 20 front-line staff answer D2_7 and D2_8 (of the four D2 items put to them: 2 needed).
    // Børn og Unge (10): D2_7 = 4 or 5, D2_8 = 4 → scores 4.0 and 4.5, mean 4.25.
    // Teknik og Miljø (10): D2_7 = 2 or 3, D2_8 = 2 → scores 2.0 and 2.5, mean 2.25.
    let mut csv = header.join(",") + "\n";
    for r in 0..20 {
        let (unit, base) = if r < 10 { ("Børn og Unge", 4) } else { ("Teknik og Miljø", 2) };
        let cells: Vec<String> = header
            .iter()
            .map(|c| match c.as_str() {
                "respondent" => format!("S{r}"),
                "role" => "frontline".into(),
                "department" => unit.into(),
                "D2_7" => (base + r % 2).to_string(),
                "D2_8" => base.to_string(),
                _ => String::new(),
            })
            .collect();
        csv += &(cells.join(",") + "\n");
    }
    let responses = transform_model::Responses::from_csv_str(&model, &csv, &Default::default()).unwrap();
    assert_eq!(responses.unit_value("department", 12), Some("Teknik og Miljø"));
    let mut o = transform_model::AssessOptions::default();
    o.bootstrap = 0;
    o.group_by = vec!["department".into()];
    let a = transform_model::assess(&model, &responses, &o).unwrap();
    let d2 = |unit: &str| {
        let cell = a.units.iter().find(|u| u.department == unit && u.role.is_none()).unwrap();
        cell.dimensions.iter().find(|d| d.id == "D2").unwrap().score.unwrap()
    };
    assert!((d2("Børn og Unge") - 4.25).abs() < 1e-12 && (d2("Teknik og Miljø") - 2.25).abs() < 1e-12);
}
