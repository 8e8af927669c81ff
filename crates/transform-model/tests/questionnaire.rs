//! Questionnaires out: the XLSForm, the question list and the printable HTML, checked
//! against the model definition read independently (as JSON) on the default model and 2026.2.

use serde_json::Value;
use transform_model::Model;
use transform_model::localized::Lang;
use transform_model::questionnaire::{
    Format, QuestionnaireError, QuestionnaireOptions, list_csv, list_rows, render, render_html, select_roles, xlsform,
};

const DTM_2026_2: &str = include_str!("../models/dtm-2026.2.json");

fn models() -> Vec<(Model, Value)> {
    let default = Model::default_model();
    let json = serde_json::from_str(&default.to_json()).unwrap();
    vec![(default, json), (Model::from_json(DTM_2026_2).unwrap(), serde_json::from_str(DTM_2026_2).unwrap())]
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
        assert_eq!(s.len(), 2 + items.len(), "header, role question, one row per item");
        let n_roles = json["roles"].as_array().unwrap().len();
        for (row, item) in s[2..].iter().zip(items) {
            assert_eq!(row[name], item["id"].as_str().unwrap());
            assert_eq!(row[ty], "select_one likert");
            assert_eq!(row[da], item["text"]["da"].as_str().unwrap());
            assert_eq!(row[en], item["text"]["en"].as_str().unwrap());
            let roles = asked_roles(&json, item);
            let expected = if roles.len() == n_roles {
                String::new()
            } else {
                roles.iter().map(|r| format!("selected(${{role}}, '{r}')")).collect::<Vec<_>>().join(" or ")
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
        let names: Vec<&str> = form.survey[2..].iter().map(|r| r[1].as_str()).collect();
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
        let rows = list_rows(&model, &all, Lang::Da);
        assert_eq!(rows[0], ["item", "dimension", "roles", "text_da", "text_en", "scale"]);
        let items = json["items"].as_array().unwrap();
        assert_eq!(rows.len(), 1 + items.len());
        for (row, item) in rows[1..].iter().zip(items) {
            assert_eq!(row[0], item["id"].as_str().unwrap());
            assert_eq!(row[2], asked_roles(&json, item).join(" "));
            assert_eq!(
                row[5],
                "1 = Helt uenig; 2 = Uenig; 3 = Hverken enig eller uenig; 4 = Enig; 5 = Helt enig; Ved ikke"
            );
        }
        assert!(rows.iter().flatten().all(|c| !c.to_lowercase().contains("reverse")));
        // The CSV is the same rows, quoted where needed.
        let csv = list_csv(&model, &all, Lang::Da);
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
            assert_eq!(section.matches("class=\"tick\"").count(), asked * 6, "role {id}");
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
    assert_eq!(range.height(), list_rows(&model, &all, Lang::Da).len());
}

#[cfg(not(feature = "xlsx"))]
#[test]
fn without_the_feature_workbooks_are_refused_by_name() {
    let e = render(&Model::default_model(), Format::XlsForm, &QuestionnaireOptions::default()).unwrap_err();
    assert_eq!(e, QuestionnaireError::FeatureDisabled { format: "xlsform" });
}
