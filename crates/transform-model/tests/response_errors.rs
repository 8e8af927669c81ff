//! Every bad response input: a typed error naming row, column and value.

mod common;

use common::{WORKED_CSV, worked};
use transform_model::responses::{ReadOptions, ResponseError};
use transform_model::{Model, Responses};

fn read(csv: &str) -> Result<Responses, ResponseError> {
    let (model, _) = worked();
    Responses::from_csv_str(&model, csv, &ReadOptions::default())
}

#[test]
fn semicolons_bom_and_missing_tokens() {
    let (model, reference) = worked();
    let danish = format!("\u{feff}{}", WORKED_CSV.replace(',', ";"));
    assert_eq!(Responses::from_csv_str(&model, &danish, &ReadOptions::default()).unwrap(), reference);
    let csv = "respondent,role,A1,A2,A3,B1\nX,frontline,Ved ikke,don't know,NA,4.0\n";
    let r = read(csv).unwrap();
    assert_eq!((0..4).map(|i| r.value(0, i).unwrap()).collect::<Vec<_>>(), [None, None, None, Some(4)]);
}

#[test]
fn unknown_role() {
    let e = read("respondent,role,A1\nX,mayor,3\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "row 2, column `role`: unknown role `mayor` for respondent `X` (allowed: top_manager, frontline, external_partner)"
    );
}

#[test]
fn unknown_column_unless_ignored() {
    let csv = "respondent,role,Timestamp,A1\nX,frontline,2026-01-01,3\n";
    let e = read(csv).unwrap_err();
    assert_eq!(e, ResponseError::UnknownColumn { column: "Timestamp".into(), index: 3 });
    let (model, _) = worked();
    let mut options = ReadOptions::default();
    options.ignore_columns = vec!["Timestamp".into()];
    let r = Responses::from_csv_str(&model, csv, &options).unwrap();
    assert_eq!(r.value(0, 0), Ok(Some(3)));
}

#[test]
fn value_outside_scale() {
    let e = read("respondent,role,A1,A2\nX,frontline,3,7\n").unwrap_err();
    assert_eq!(e.to_string(), "row 2, column `A2`: value 7 of respondent `X` is outside the scale 1..5");
}

#[test]
fn non_integer() {
    let e = read("respondent,role,A1\nX,frontline,3.5\n").unwrap_err();
    assert_eq!(
        e,
        ResponseError::NotInteger { row: 2, respondent: "X".into(), column: "A1".into(), value: "3.5".into() }
    );
    let e = read("respondent,role,A1\nX,frontline,meget\n").unwrap_err();
    assert!(e.to_string().contains("value `meget` of respondent `X` is not an integer"));
}

#[test]
fn duplicate_respondent() {
    let e = read("respondent,role,A1\nX,frontline,3\nY,frontline,2\nX,frontline,4\n").unwrap_err();
    assert_eq!(e.to_string(), "row 4: duplicate respondent `X` (first seen on row 2)");
}

#[test]
fn missing_role_column_and_empty_file() {
    assert_eq!(read("respondent,A1\nX,3\n").unwrap_err(), ResponseError::MissingColumn { column: "role".into() });
    assert_eq!(read("").unwrap_err(), ResponseError::Empty);
    assert_eq!(read("\u{feff}\n").unwrap_err(), ResponseError::Empty);
    assert_eq!(read("respondent,role,A1\n").unwrap_err(), ResponseError::NoRespondents);
}

#[test]
fn item_not_asked_of_role() {
    let e = read("respondent,role,B2\nX,frontline,3\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "row 2, column `B2`: respondent `X` answered 3, but item `B2` is not asked of role `frontline`"
    );
}

#[test]
fn ragged_rows_are_malformed() {
    let e = read("respondent,role,A1\nX,frontline,3,4\n").unwrap_err();
    assert!(matches!(e, ResponseError::Malformed { row: 2, .. }), "{e:?}");
}

#[test]
fn long_json_matches_wide_csv() {
    let (model, reference) = worked();
    let mut records = Vec::new();
    for line in common::WORKED_CSV.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        for (item, cell) in ["A1", "A2", "A3", "B1", "B2"].iter().zip(&cells[2..]) {
            let value = if cell.is_empty() { serde_json::Value::Null } else { cell.parse::<i64>().unwrap().into() };
            records.push(serde_json::json!({"respondent": cells[0], "role": cells[1], "item": item, "value": value}));
        }
    }
    let text = serde_json::Value::Array(records).to_string();
    assert_eq!(Responses::from_long_json(&model, &text).unwrap(), reference);
}

#[test]
fn long_json_errors() {
    let model: Model = worked().0;
    let e = Responses::from_long_json(&model, r#"[{"respondent":"X","role":"frontline","item":"Q9","value":3}]"#)
        .unwrap_err();
    assert_eq!(e.to_string(), "row 1: unknown item `Q9`");
    let e = Responses::from_long_json(
        &model,
        r#"[{"respondent":"X","role":"frontline","item":"A1","value":3},{"respondent":"X","role":"top_manager","item":"A2","value":3}]"#,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "row 2: respondent `X` has role `top_manager` here but `frontline` earlier");
    let e = Responses::from_long_json(
        &model,
        r#"[{"respondent":"X","role":"frontline","item":"A1","value":3},{"respondent":"X","role":"frontline","item":"A1","value":4}]"#,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "row 2: respondent `X` answers item `A1` twice");
    let e = Responses::from_long_json(&model, r#"[{"respondent":"X","role":"frontline","item":"A1","value":2.5}]"#)
        .unwrap_err();
    assert!(matches!(e, ResponseError::NotInteger { row: 1, .. }), "{e:?}");
    assert_eq!(Responses::from_long_json(&model, "  ").unwrap_err(), ResponseError::Empty);
    let e = Responses::from_long_json(&model, r#"[{"respondent":true,"role":"frontline","item":"A1","value":2}]"#)
        .unwrap_err();
    assert_eq!(e.to_string(), "row 1: respondent must be text or a number, not true");
    let e = Responses::from_long_json(&model, r#"[{"respondent":"X","item":"A1","value":2}]"#).unwrap_err();
    assert!(e.to_string().contains("missing field `role`"), "{e}");
}

#[test]
fn matrix_input_matches_csv() {
    let (model, reference) = worked();
    let ids: Vec<String> = ["T1", "T2", "F1", "F2", "F3", "F4", "E1"].map(String::from).to_vec();
    let roles: Vec<String> =
        ["top_manager", "top_manager", "frontline", "frontline", "frontline", "frontline", "external_partner"]
            .map(String::from)
            .to_vec();
    let items: Vec<String> = ["A1", "A2", "A3", "B1", "B2"].map(String::from).to_vec();
    #[rustfmt::skip]
    let values = [
        5, 4, 2, 4, 0,
        4, 5, 1, 5, 0,
        2, 3, 4, 2, 0,
        4, 0, 3, 3, 0,
        2, 0, 2, 1, 0,
        0, 0, 5, 0, 0,
        3, 3, 3, 4, 5,
    ];
    let r = Responses::from_matrix(&model, &ids, &roles, &items, &values, 0).unwrap();
    assert_eq!(r, reference);
    let e = Responses::from_matrix(&model, &ids, &roles, &items, &values[1..], 0).unwrap_err();
    assert!(matches!(e, ResponseError::Shape { .. }));
}
