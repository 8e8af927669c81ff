//! The structured fields of the calling thread's last error (row, column, item, value,
//! respondent), as Python's exceptions carry them: read with `tm_last_error_row` and
//! `tm_last_error_field`. Every fallible call clears them first.

use std::cell::RefCell;
use std::ffi::{CString, c_char};

use transform_model::responses::ResponseError;

use crate::error::guard_value;

/// The text fields of an error; `tm_last_error_field` takes one of these.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum tm_error_field {
    /// The column's header (wide CSV) or the item's column.
    TM_ERROR_FIELD_COLUMN = 0,
    /// The item id (long JSON).
    TM_ERROR_FIELD_ITEM = 1,
    /// The value found.
    TM_ERROR_FIELD_VALUE = 2,
    /// The respondent id.
    TM_ERROR_FIELD_RESPONDENT = 3,
}

#[derive(Default)]
struct Fields {
    row: usize,
    text: [Option<CString>; 4],
}

thread_local! {
    static FIELDS: RefCell<Fields> = RefCell::new(Fields::default());
}

pub(crate) fn clear() {
    FIELDS.with(|f| *f.borrow_mut() = Fields::default());
}

fn c(s: &str) -> Option<CString> {
    CString::new(s.replace('\0', " ")).ok()
}

/// Records the fields a response error names (a conversion: the core's variants, field for field).
pub(crate) fn record(e: &ResponseError) {
    use ResponseError as E;
    let (row, column, item, value, respondent): (usize, Option<&str>, Option<&str>, Option<String>, Option<&str>) =
        match e {
            E::MissingColumn { column } | E::DuplicateColumn { column } => (0, Some(column), None, None, None),
            E::UnknownColumn { column, .. } => (0, Some(column), None, None, None),
            E::UnknownItem { row, item } => (*row, None, Some(item), None, None),
            E::UnknownRole { row, respondent, value, .. } => {
                (*row, Some("role"), None, Some(value.clone()), Some(respondent))
            }
            E::EmptyRespondent { row } | E::Malformed { row, .. } => (*row, None, None, None, None),
            E::DuplicateRespondent { row, respondent, .. } => (*row, None, None, None, Some(respondent)),
            E::UnmappedRole { row, column, respondent, value, .. } => {
                (*row, Some(column), None, Some(value.clone()), Some(respondent))
            }
            E::RoleConflict { row, respondent, value, .. } => {
                (*row, Some("role"), None, Some(value.clone()), Some(respondent))
            }
            E::DuplicateAnswer { row, respondent, item } => (*row, None, Some(item), None, Some(respondent)),
            E::NotInteger { row, respondent, column, value } | E::FilterAnswer { row, respondent, column, value } => {
                (*row, Some(column), Some(column), Some(value.clone()), Some(respondent))
            }
            E::OutOfScale { row, respondent, column, value, .. }
            | E::NotAsked { row, respondent, column, value, .. } => {
                (*row, Some(column), Some(column), Some(value.to_string()), Some(respondent))
            }
            E::FilterNotAsked { row, respondent, column, .. } | E::SkippedAnswered { row, respondent, column, .. } => {
                (*row, Some(column), Some(column), None, Some(respondent))
            }
            _ => (0, None, None, None, None),
        };
    FIELDS.with(|f| {
        *f.borrow_mut() = Fields {
            row,
            text: [column.and_then(c), item.and_then(c), value.as_deref().and_then(c), respondent.and_then(c)],
        }
    });
}

/// The 1-based row (CSV line, header = 1; or long-JSON record) of this thread's last error;
/// 0 when it names none. It neither sets nor clears the last error.
#[unsafe(no_mangle)]
pub extern "C" fn tm_last_error_row() -> usize {
    guard_value(0, || FIELDS.with(|f| f.borrow().row))
}

/// A text field (a `tm_error_field`) of this thread's last error, or NULL when it names
/// none (or `field` is not a `tm_error_field`). The string is the library's: valid until the
/// thread's next call into the library; copy it, do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn tm_last_error_field(field: u32) -> *const c_char {
    guard_value(std::ptr::null(), || {
        FIELDS.with(|f| {
            let f = f.borrow();
            f.text.get(field as usize).and_then(|t| t.as_ref()).map_or(std::ptr::null(), |s| s.as_ptr())
        })
    })
}
