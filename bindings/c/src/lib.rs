//! The C ABI of transform-model. Every function converts its arguments, calls the core and
//! converts the result; no rule of the domain lives here.
//!
//! Conventions (as in rustls-ffi): opaque handles created by `_new`/`_from_*` and released
//! by `_free`; `const` handles are immutable and safe to share between threads; fallible
//! functions return a `tm_status` and write their out-parameters only on success; the last
//! error message of the calling thread is read with `tm_last_error_message`. Every body runs
//! inside a panic boundary.
#![allow(non_camel_case_types)]
#![allow(clippy::missing_safety_doc)]

mod abi;
mod assess_options;
mod assess_read;
mod assessment;
mod benchmark;
mod catalog;
mod compare;
mod error;
mod error_fields;
mod items;
mod labels;
mod model;
mod model_bundled;
mod pilot;
mod plan;
mod portfolio;
mod ptr;
mod questionnaire;
mod read_options;
mod report;
mod sample;
mod source;
mod store;
mod table;
mod units;

use std::ffi::c_char;

pub use abi::*;
pub use assess_options::*;
pub use assess_read::*;
pub use assessment::*;
pub use benchmark::*;
pub use catalog::*;
pub use compare::*;
pub use error::*;
pub use error_fields::*;
pub use items::*;
pub use labels::*;
pub use model::*;
pub use model_bundled::*;
pub use pilot::*;
pub use plan::*;
pub use portfolio::*;
pub use questionnaire::*;
pub use read_options::*;
pub use report::*;
pub use sample::*;
pub use store::*;
pub use table::*;
pub use units::*;

/// The library version, e.g. "0.1.0" (static; do not free).
#[unsafe(no_mangle)]
pub extern "C" fn tm_version() -> *const c_char {
    const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");
    error::guard_value(VERSION.as_ptr().cast(), || VERSION.as_ptr().cast())
}

/// Frees a string returned by this library (`NULL` is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_string_free(s: *mut c_char) {
    // SAFETY: the contract: `s` is NULL or a string from this library, freed once.
    unsafe { ptr::free_string(s) }
}
