//! Typed labels of a model (ids and texts per language), so a binding needs no JSON parser
//! to show a dimension's, item's, role's, level's or lever's name; and the items changed
//! between two models.

use std::ffi::c_char;

use transform_model::Lang;
use transform_model::model::item_changes;

use crate::error::*;
use crate::model::tm_model;
use crate::portfolio::lang;

/// What a label names.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum tm_label_kind {
    /// Dimensions, model order (`label`).
    TM_LABEL_DIMENSION = 0,
    /// Items, model order (the question `text`).
    TM_LABEL_ITEM = 1,
    /// Roles, model order (`label`).
    TM_LABEL_ROLE = 2,
    /// Levels, lowest first (`label`; the id is the level number).
    TM_LABEL_LEVEL = 3,
    /// Levers, model order (`label`).
    TM_LABEL_LEVER = 4,
}

/// Every (id, text) pair of one kind, in `lang`.
fn labels(m: &transform_model::Model, kind: u32, l: Lang) -> Result<Vec<(String, String)>> {
    Ok(match kind {
        0 => m.dimensions().iter().map(|d| (d.id.clone(), d.label.get(l).to_owned())).collect(),
        1 => m.items().iter().map(|i| (i.id.clone(), i.text.get(l).to_owned())).collect(),
        2 => m.roles().iter().map(|r| (r.id.clone(), r.label.get(l).to_owned())).collect(),
        3 => m.levels().iter().map(|v| (v.level.to_string(), v.label.get(l).to_owned())).collect(),
        4 => m.levers().iter().map(|v| (v.id.clone(), v.label.get(l).to_owned())).collect(),
        other => return Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("kind {other} is not a tm_label_kind"))),
    })
}

/// The number of labels of `kind` (a `tm_label_kind`); 0 for NULL or an unknown kind.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_label_count(model: *const tm_model, kind: u32) -> usize {
    guard_value(0, || {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this library.
        unsafe { opt_handle(model) }.map_or(0, |m| labels(&m.inner, kind, Lang::Da).map_or(0, |v| v.len()))
    })
}

/// Label `index` of `kind`: its id and its text in `lang` (a `tm_lang`), both new strings
/// (free each with `tm_string_free`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_label(
    model: *const tm_model,
    kind: u32,
    index: usize,
    lang_: u32,
    out_id: *mut *mut c_char,
    out_text: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this library.
        let m = &unsafe { handle(model, "model") }?.inner;
        out_arg(out_id, "out_id")?;
        out_arg(out_text, "out_text")?;
        let all = labels(m, kind, lang(lang_)?)?;
        let count = all.len();
        let (id, text) = all
            .into_iter()
            .nth(index)
            .ok_or_else(|| Fail::new(TM_STATUS_OUT_OF_RANGE, format!("label {index} of {count}")))?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out_id` is writable storage for the result.
        unsafe { write_out(out_id, "out_id", c_string(id)) }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out_text` is writable storage for the result.
        unsafe { write_out(out_text, "out_text", c_string(text)) }
    })
}

/// Per dimension, the items added, removed or changed from model `old` to model `new` (the
/// JSON of an assessment's `baseline.item_changes`; free with `tm_string_free`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_item_changes_json(
    old: *const tm_model,
    new: *const tm_model,
    out: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `old` is NULL or a live handle from this library.
        let old = &unsafe { handle(old, "old") }?.inner;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `new` is NULL or a live handle from this library.
        let new = &unsafe { handle(new, "new") }?.inner;
        out_arg(out, "out")?;
        let json = serde_json::to_string(&item_changes(old, new))
            .map_err(|e| Fail::new(TM_STATUS_PANIC, format!("item changes as JSON: {e}")))?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", c_string(json)) }
    })
}
