//! The limits of `transform_model::limits` as a library caller meets them: typed errors that
//! name the limit, found before the memory is taken; quoted input cut to 200 characters.

use transform_model::limits::QUOTE_CHARS;
#[cfg(feature = "xlsx")]
use transform_model::limits::{Limit, LimitError};
use transform_model::responses::{ReadOptions, ResponseError};
use transform_model::{Model, Responses};

/// A workbook of a header and one cell at `row`, `col` (0-based): its used range is the
/// whole rectangle between them, however few cells it holds.
#[cfg(feature = "xlsx")]
fn far_cell_workbook(row: u32, col: u16) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "respondent").unwrap();
    ws.write_string(0, 1, "role").unwrap();
    ws.write_number(row, col, 1.0).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
#[cfg(feature = "xlsx")]
fn a_tiny_workbook_naming_a_far_cell_is_refused_before_allocating() {
    // Regression: a 6 KB workbook with cell XFD1048576 aborted the process ("memory
    // allocation of 549755813888 bytes failed": 1,048,576 rows × 16,384 columns × 32 bytes).
    let model = Model::default_model();
    let bytes = far_cell_workbook(1_048_575, 16_383);
    assert!(bytes.len() < 20_000, "{} bytes", bytes.len());
    let e = Responses::from_xlsx_bytes(&model, bytes, &ReadOptions::default()).unwrap_err();
    assert_eq!(e, ResponseError::Limit(LimitError { limit: Limit::Columns, value: 16_384, max: 10_000 }));
    // Narrow but 1,048,576 rows tall: above the respondents limit (header excluded).
    let tall = far_cell_workbook(1_048_575, 1);
    let e = Responses::from_xlsx_bytes(&model, tall, &ReadOptions::default()).unwrap_err();
    // 1,048,575 data rows ≤ 2,000,000 respondents, 1,048,576 × 2 cells ≤ 10^8: allowed by
    // size, so the error is about the content, never an allocation failure.
    assert!(!matches!(e, ResponseError::Limit(_)), "{e}");
    // 9,000 columns × 1,048,576 rows = 9.4 × 10^9 cells: within the column and row limits,
    // above the cell limit.
    let wide = far_cell_workbook(1_048_575, 8_999);
    let e = Responses::from_xlsx_bytes(&model, wide, &ReadOptions::default()).unwrap_err();
    match e {
        ResponseError::Limit(LimitError { limit: Limit::SheetCells, value, max: 100_000_000 }) => {
            assert_eq!(value, 1_048_576 * 9_000)
        }
        other => panic!("{other}"),
    }
}

#[test]
fn an_unknown_column_of_50_mib_is_quoted_in_200_characters() {
    let model = Model::default_model();
    let name = "k".repeat(50 << 20);
    let csv = format!("respondent,role,{name}\nR1,frontline,3\n");
    let e = Responses::from_csv_str(&model, &csv, &ReadOptions::default()).unwrap_err();
    // The field keeps the value (callers may need it); the message cuts it.
    assert!(matches!(&e, ResponseError::UnknownColumn { column, index: 3 } if column.len() == 50 << 20));
    let message = e.to_string();
    assert!(message.contains(&format!("`{}…`", "k".repeat(QUOTE_CHARS))), "{}", &message[..300]);
    assert!(message.len() < 400, "{} bytes", message.len());
}

#[test]
fn a_serde_message_quoting_a_huge_key_is_cut() {
    // serde quotes the unknown key; the model loader's message keeps 200 characters of it.
    let key = "z".repeat(1 << 20);
    let e = Model::default_model().overlay(&format!("{{\"{key}\": 1}}")).unwrap_err().to_string();
    assert!(e.len() < 2_000, "{} bytes", e.len());
    assert!(e.contains(&format!("{}…", "z".repeat(QUOTE_CHARS))), "{}", &e[..e.len().min(500)]);
}

#[test]
fn a_query_above_the_limit_is_refused_by_name() {
    let index = transform_model::ingredient::Index::new(transform_model::ingredient::Catalog::sample());
    let query = transform_model::ingredient::Query { text: "æ".repeat(100_001), ..Default::default() };
    let e = index.match_query(&query, &Default::default()).unwrap_err().to_string();
    assert!(e.contains("100001 characters") && e.contains("`query_chars`"), "{e}");
    let query = transform_model::ingredient::Query { text: "æ".repeat(100_000), ..Default::default() };
    assert!(index.match_query(&query, &Default::default()).is_ok());
}
