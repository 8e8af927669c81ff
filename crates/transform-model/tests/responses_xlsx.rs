//! Responses from `.xlsx`: the same data as CSV gives the same responses and the same
//! assessment; an XLSForm-style export (metadata columns, `_uuid` ids, "dk") reads as its
//! plain CSV; bad workbooks are typed errors naming what was wrong.
#![cfg(feature = "xlsx")]

use std::path::PathBuf;

use rust_xlsxwriter::Workbook;
use transform_model::maturity::{SAMPLE_RESPONSES_CSV, sample};
use transform_model::responses::{ReadOptions, ResponseError, XlsxError};
use transform_model::{AssessOptions, Model, Responses, assess};

const DTM_2026_2: &str = include_str!("../models/dtm-2026.2.json");

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tm-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Writes CSV text as a sheet: integer-looking cells as numbers (as Excel stores them),
/// the rest as text.
fn csv_to_xlsx(csv_text: &str, sheet: &str, path: &PathBuf) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv_text.as_bytes());
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

fn same_as_csv(model: &Model, csv_text: &str, name: &str) {
    let path = temp(name);
    csv_to_xlsx(csv_text, "Svar", &path);
    let from_csv = Responses::from_csv_str(model, csv_text, &ReadOptions::default()).unwrap();
    let from_xlsx = Responses::from_file(model, &path, &ReadOptions::default()).unwrap();
    assert_eq!(from_xlsx, from_csv);
    let mut options = AssessOptions::default();
    options.bootstrap = 200;
    assert_eq!(
        assess(model, &from_xlsx, &options).unwrap().to_json(),
        assess(model, &from_csv, &options).unwrap().to_json()
    );
}

#[test]
fn the_sample_survey_reads_the_same_from_xlsx_as_from_csv() {
    same_as_csv(&Model::default_model(), SAMPLE_RESPONSES_CSV, "sample.xlsx");
}

#[test]
fn a_2026_2_survey_reads_the_same_from_xlsx_as_from_csv() {
    let model = Model::from_json(DTM_2026_2).unwrap();
    same_as_csv(&model, &sample::sample_csv(&model, 120, 7, None), "sample-2026-2.xlsx");
}

/// A KoboToolbox-style export of three respondents, and the plain CSV it stands for.
fn kobo_export(model: &Model) -> (PathBuf, String) {
    let items: Vec<&str> = model
        .items()
        .iter()
        .filter(|i| i.roles.is_empty() || i.roles.iter().any(|r| r == "frontline"))
        .map(|i| i.id.as_str())
        .take(3)
        .collect();
    let path = temp(&format!("kobo-{}.xlsx", model.version()));
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let header = ["start", "end", "today", "deviceid", "role"].into_iter().chain(items.iter().copied()).chain([
        "meta/instanceID",
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_index",
        "__version__",
    ]);
    for (c, h) in header.enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    // role as a choice name or (second row) as its label; answers as numbers, "dk" or "Ved ikke".
    let rows: [(&str, [&str; 3], &str); 3] = [
        ("frontline", ["4", "dk", "2"], "uuid-a"),
        (
            model.roles()[model.role_index("frontline").unwrap()].label.get(transform_model::Lang::Da),
            ["5", "3", "Ved ikke"],
            "uuid-b",
        ),
        ("frontline", ["1", "2", "3"], "uuid-c"),
    ];
    for (r, (role, answers, uuid)) in rows.iter().enumerate() {
        let row = r as u32 + 1;
        ws.write_string(row, 0, "2026-03-01T10:00:00").unwrap();
        ws.write_string(row, 1, "2026-03-01T10:09:00").unwrap();
        ws.write_string(row, 2, "2026-03-01").unwrap();
        ws.write_string(row, 3, "enketo.example").unwrap();
        ws.write_string(row, 4, *role).unwrap();
        for (c, a) in answers.iter().enumerate() {
            match a.parse::<f64>() {
                Ok(v) => ws.write_number(row, 5 + c as u16, v).map(|_| ()),
                Err(_) => ws.write_string(row, 5 + c as u16, *a).map(|_| ()),
            }
            .unwrap();
        }
        ws.write_string(row, 8, format!("uuid:{uuid}")).unwrap();
        ws.write_number(row, 9, 1000.0 + r as f64).unwrap();
        ws.write_string(row, 10, *uuid).unwrap();
        ws.write_string(row, 11, "2026-03-01T10:09:30").unwrap();
        ws.write_number(row, 13, r as f64 + 1.0).unwrap();
        ws.write_string(row, 14, "vAbc").unwrap();
    }
    book.save(&path).unwrap();
    let csv = format!(
        "respondent,role,{}\nuuid-a,frontline,4,,2\nuuid-b,frontline,5,3,\nuuid-c,frontline,1,2,3\n",
        items.join(",")
    );
    (path, csv)
}

#[test]
fn an_xlsform_export_reads_as_its_plain_csv() {
    for model in [Model::default_model(), Model::from_json(DTM_2026_2).unwrap()] {
        let (path, csv) = kobo_export(&model);
        let from_xlsx = Responses::from_file(&model, &path, &ReadOptions::default()).unwrap();
        let from_csv = Responses::from_csv_str(&model, &csv, &ReadOptions::default()).unwrap();
        assert_eq!(from_xlsx, from_csv);
        assert_eq!(from_xlsx.respondent_id(1), Some("uuid-b"));
        assert_eq!(
            from_xlsx.value(
                0,
                // The first item column of the export (a whole header name, not a substring:
                // `D1_1` is inside `D1_10`).
                model.item_index(csv.lines().next().unwrap().split(',').nth(2).unwrap()).unwrap()
            ),
            Ok(Some(4))
        );
    }
}

fn write_sheet(path: &PathBuf, sheets: &[(&str, &[&[&str]])]) {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *cell).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

fn read_err(path: &PathBuf, sheet: Option<&str>) -> ResponseError {
    let mut options = ReadOptions::default();
    options.sheet = sheet.map(str::to_owned);
    Responses::from_file(&Model::default_model(), path, &options).unwrap_err()
}

#[test]
fn a_workbook_without_the_expected_columns_names_them() {
    let path = temp("no-columns.xlsx");
    write_sheet(&path, &[("Ark1", &[&["navn", "_id"], &["Anna", "1"]])]);
    // `navn` is neither an item nor metadata: the unknown column is named first.
    assert!(matches!(read_err(&path, None), ResponseError::UnknownColumn { column, index: 1 } if column == "navn"));
    write_sheet(&path, &[("Ark1", &[&["_id", "_submission_time"], &["1", "2026"]])]);
    let e = read_err(&path, None);
    let ResponseError::Xlsx(XlsxError::MissingColumns { sheet, missing, found }) = &e else { panic!("{e:?}") };
    assert_eq!(sheet, "Ark1");
    assert!(missing.contains("`role` column") && missing.contains("item column such as `D1_1`"), "{missing}");
    assert!(!missing.contains("respondent"), "`_id` serves as the respondent id: {missing}");
    assert_eq!(found, "`_id`, `_submission_time`");
}

#[test]
fn an_empty_sheet_and_an_unknown_sheet_are_named() {
    let path = temp("empty.xlsx");
    write_sheet(&path, &[("Forside", &[]), ("Svar", &[&["respondent", "role", "D1_1"], &["a", "top_manager", "3"]])]);
    assert_eq!(read_err(&path, None), ResponseError::Xlsx(XlsxError::EmptySheet { sheet: "Forside".into() }));
    let e = read_err(&path, Some("Besvarelser"));
    assert_eq!(
        e,
        ResponseError::Xlsx(XlsxError::UnknownSheet {
            sheet: "Besvarelser".into(),
            available: "`Forside`, `Svar`".into()
        })
    );
    // The named sheet is read (one respondent is enough to read; k applies when assessing).
    let mut options = ReadOptions::default();
    options.sheet = Some("Svar".into());
    let read = Responses::from_file(&Model::default_model(), &path, &options).unwrap();
    assert_eq!(read.len(), 1);
}

#[test]
fn an_xlsx_that_is_really_a_csv_says_so() {
    let path = temp("really-csv.xlsx");
    std::fs::write(&path, SAMPLE_RESPONSES_CSV).unwrap();
    let e = read_err(&path, None);
    assert!(matches!(&e, ResponseError::Xlsx(XlsxError::NotAWorkbook { found, .. }) if found.contains("CSV")), "{e}");
    assert!(e.to_string().contains("really-csv.xlsx"), "{e}");
}

#[test]
fn a_sheet_named_for_a_csv_file_is_refused() {
    let path = temp("plain.csv");
    std::fs::write(&path, SAMPLE_RESPONSES_CSV).unwrap();
    let e = read_err(&path, Some("Ark1"));
    assert!(matches!(e, ResponseError::Xlsx(XlsxError::SheetWithoutWorkbook { .. })), "{e:?}");
}

#[test]
fn a_bad_answer_cell_names_its_spreadsheet_row() {
    let path = temp("bad-cell.xlsx");
    write_sheet(
        &path,
        &[("Svar", &[&["respondent", "role", "D1_1"], &["a", "top_manager", "3"], &["b", "top_manager", "meget"]])],
    );
    let e = read_err(&path, None);
    assert!(
        matches!(&e, ResponseError::NotInteger { row: 3, respondent, value, .. } if respondent == "b" && value == "meget"),
        "{e:?}"
    );
}

/// `book` with every occurrence of `from` in its sheet replaced by `to`, re-zipped.
fn edit_sheet_xml(book: &[u8], from: &str, to: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut input = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut output = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..input.len() {
        let mut part = input.by_index(i).unwrap();
        let name = part.name().to_owned();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains(from), "{text}");
            bytes = text.replace(from, to).into_bytes();
        }
        output.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        output.write_all(&bytes).unwrap();
    }
    output.finish().unwrap().into_inner()
}

#[test]
fn a_cell_reference_past_xfd1048576_is_refused_not_misplaced() {
    // Regression (fuzz target responses_xlsx): calamine adds up a reference's letters in
    // u32 without a check, so `r="ABCDEFGH2"` panicked ("attempt to multiply with overflow")
    // with overflow checks, and in a release build wrapped and put the cell elsewhere.
    let model = Model::default_model();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (c, text) in ["respondent", "role", "D1_8"].into_iter().enumerate() {
        ws.write_string(0, c as u16, text).unwrap();
    }
    ws.write_string(1, 0, "R1").unwrap();
    ws.write_string(1, 1, "frontline").unwrap();
    ws.write_number(1, 2, 3.0).unwrap();
    let book = book.save_to_buffer().unwrap();
    let read = |bytes: Vec<u8>| Responses::from_xlsx_bytes(&model, bytes, &ReadOptions::default());
    // The unedited workbook reads (so the edits below are what is refused).
    assert_eq!(read(book.clone()).unwrap().len(), 1);
    // A cell's reference, seven letters (26^7 > 2^32), one past the last column (XFE), one
    // past the last row, ten digits; and the sheet's dimension.
    for (from, to) in [
        (r#"r="C2""#, r#"r="ABCDEFGH2""#),
        (r#"r="C2""#, r#"r="XFE2""#),
        (r#"r="C2""#, r#"r="C1048577""#),
        (r#"r="C2""#, r#"r="C99999999999""#),
        (r#"ref="A1:C2""#, r#"ref="A1:ZZZZZZZZZZ2""#),
    ] {
        let reference = to.split('"').nth(1).unwrap();
        let e = read(edit_sheet_xml(&book, from, to)).unwrap_err();
        assert_eq!(
            e,
            ResponseError::Xlsx(XlsxError::CellReference {
                part: "xl/worksheets/sheet1.xml".into(),
                reference: reference.into()
            }),
            "{to}"
        );
        assert!(e.to_string().contains(reference) && e.to_string().contains("XFD1048576"), "{e}");
    }
    // Regression (fuzz target responses_xlsx): a dimension that ends before it starts made
    // calamine subtract past zero ("attempt to subtract with overflow").
    let e = read(edit_sheet_xml(&book, r#"ref="A1:C2""#, r#"ref="C2:A1""#)).unwrap_err();
    assert_eq!(
        e,
        ResponseError::Xlsx(XlsxError::InvertedRange {
            part: "xl/worksheets/sheet1.xml".into(),
            range: "C2:A1".into()
        })
    );
    // The last cell itself is a position, not an error of this kind (the size limits answer it).
    let e = read(edit_sheet_xml(&book, r#"r="C2""#, r#"r="XFD1048576""#)).unwrap_err();
    assert!(!matches!(e, ResponseError::Xlsx(XlsxError::CellReference { .. })), "{e}");
}
