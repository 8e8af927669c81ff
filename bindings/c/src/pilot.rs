//! `tm_pilot_guide`: the cognitive-interview guide for piloting one role's questions.

use std::ffi::c_char;

use transform_model::questionnaire::pilot_guide;

use crate::error::*;
use crate::model::tm_model;

/// The cognitive-interview guide (Markdown) for the questions `role` gets in `model`, in
/// `lang` ("da" or "en"): each question's intent, a think-aloud probe and what a
/// misunderstanding would sound like. An unknown role is `TM_STATUS_INVALID_ARGUMENT`
/// naming the allowed ones. Free `*out` with `tm_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_pilot_guide(
    model: *const tm_model,
    role: *const c_char,
    lang: *const c_char,
    out: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this
        // library.
        let model = unsafe { handle(model, "model") }?;
        // SAFETY: the contract: `role` is NULL or a NUL-terminated string that lives for the call.
        let role = unsafe { str_arg(role, "role") }?;
        // SAFETY: the contract: `lang` is NULL or a NUL-terminated string that lives for the call.
        let lang = unsafe { str_arg(lang, "lang") }?;
        let lang = lang.parse().map_err(|e: transform_model::localized::UnknownLang| {
            Fail::new(TM_STATUS_INVALID_ARGUMENT, e.to_string())
        })?;
        out_arg(out, "out")?;
        let guide = pilot_guide(&model.inner, role, lang)?;
        // SAFETY: the contract: `out` (checked non-NULL above) points to writable storage for one pointer.
        unsafe { write_out(out, "out", c_string(guide)) }?;
        Ok(())
    })
}
