//! Status codes, the thread's last error, argument checks and the panic boundary.

use std::cell::RefCell;
use std::ffi::{CString, c_char};

pub(crate) use crate::ptr::*;

use transform_model::ingredient::CatalogError;
use transform_model::mission::PortfolioError;
use transform_model::responses::ResponseError;
use transform_model::{AssessError, ModelError};

/// Result of every fallible function.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum tm_status {
    TM_STATUS_OK = 0,
    /// An argument has a value the function cannot use (e.g. an unknown option value).
    TM_STATUS_INVALID_ARGUMENT = 1,
    /// A required pointer argument was NULL.
    TM_STATUS_NULL_POINTER = 2,
    /// A string argument is not valid UTF-8.
    TM_STATUS_INVALID_UTF8 = 3,
    /// JSON or CSV text could not be read.
    TM_STATUS_PARSE_ERROR = 4,
    /// The input was read but breaks a rule (unknown id, value outside the scale, …).
    TM_STATUS_VALIDATION_ERROR = 5,
    /// Too few respondents to report anything without breaking anonymity.
    TM_STATUS_ANONYMITY_REFUSED = 6,
    /// A file could not be read.
    TM_STATUS_IO_ERROR = 7,
    /// An index is past the end of a result.
    TM_STATUS_OUT_OF_RANGE = 8,
    /// The caller's buffer is too small (the message is truncated).
    TM_STATUS_BUFFER_TOO_SMALL = 9,
    /// A bug: the library panicked. The message says where.
    TM_STATUS_PANIC = 99,
}

pub use tm_status::*;

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

pub(crate) fn set_error(message: impl Into<String>) {
    let text = message.into().replace('\0', " ");
    LAST_ERROR.with(|e| *e.borrow_mut() = CString::new(text).unwrap_or_default());
}

/// An error on its way to C: a status and its message.
pub(crate) struct Fail(pub tm_status, pub String);

impl Fail {
    pub fn new(status: tm_status, message: impl Into<String>) -> Self {
        Fail(status, message.into())
    }

    /// The same failure, its message prefixed with the argument it came from.
    pub fn context(self, what: &str) -> Self {
        Fail(self.0, format!("{what}: {}", self.1))
    }
}

pub(crate) type Result<T> = std::result::Result<T, Fail>;

impl From<ModelError> for Fail {
    fn from(e: ModelError) -> Self {
        let status = match e {
            ModelError::Parse { .. } => TM_STATUS_PARSE_ERROR,
            ModelError::Invalid { .. } => TM_STATUS_VALIDATION_ERROR,
            ModelError::Io { .. } => TM_STATUS_IO_ERROR,
            ModelError::UnknownBundled { .. } => TM_STATUS_INVALID_ARGUMENT,
            // A variant added later: reported as a validation error until it gets its own status.
            _ => TM_STATUS_VALIDATION_ERROR,
        };
        Fail(status, e.to_string())
    }
}

impl From<ResponseError> for Fail {
    fn from(e: ResponseError) -> Self {
        crate::error_fields::record(&e);
        let status = match e {
            ResponseError::Io { .. } => TM_STATUS_IO_ERROR,
            ResponseError::Malformed { .. } | ResponseError::Empty => TM_STATUS_PARSE_ERROR,
            _ => TM_STATUS_VALIDATION_ERROR,
        };
        Fail(status, e.to_string())
    }
}

impl From<AssessError> for Fail {
    fn from(e: AssessError) -> Self {
        let status = match e {
            AssessError::TooFewRespondents { .. } => TM_STATUS_ANONYMITY_REFUSED,
            AssessError::InvalidOption { .. } => TM_STATUS_INVALID_ARGUMENT,
            AssessError::Baseline { .. } | AssessError::ModelMismatch(_) => TM_STATUS_VALIDATION_ERROR,
            _ => TM_STATUS_VALIDATION_ERROR,
        };
        Fail(status, e.to_string())
    }
}

impl From<CatalogError> for Fail {
    fn from(e: CatalogError) -> Self {
        let status = match e {
            CatalogError::Parse { .. } => TM_STATUS_PARSE_ERROR,
            CatalogError::Io { .. } => TM_STATUS_IO_ERROR,
            CatalogError::Invalid { .. }
            | CatalogError::UnknownMunicipality { .. }
            | CatalogError::NoProfile { .. }
            | CatalogError::UnknownInQuery { .. }
            | CatalogError::InBatch { .. } => TM_STATUS_VALIDATION_ERROR,
            CatalogError::InvalidOption { .. } | CatalogError::ContextValue { .. } => TM_STATUS_INVALID_ARGUMENT,
            CatalogError::QueryTooLong(_) => TM_STATUS_VALIDATION_ERROR,
            // A variant added later: reported as a validation error until it gets its own status.
            _ => TM_STATUS_VALIDATION_ERROR,
        };
        Fail(status, e.to_string())
    }
}

impl From<PortfolioError> for Fail {
    fn from(e: PortfolioError) -> Self {
        let status = match e {
            PortfolioError::Parse { .. } => TM_STATUS_PARSE_ERROR,
            PortfolioError::Io { .. } => TM_STATUS_IO_ERROR,
            PortfolioError::InvalidOption { .. } => TM_STATUS_INVALID_ARGUMENT,
            PortfolioError::Invalid { .. } | PortfolioError::NoAnalysisYear => TM_STATUS_VALIDATION_ERROR,
            // A variant added later: reported as a validation error until it gets its own status.
            _ => TM_STATUS_VALIDATION_ERROR,
        };
        Fail(status, e.to_string())
    }
}

/// Runs `f` inside the panic boundary; records the message of any failure.
pub(crate) fn guard(f: impl FnOnce() -> Result<()> + std::panic::UnwindSafe) -> tm_status {
    crate::error_fields::clear();
    match std::panic::catch_unwind(f) {
        Ok(Ok(())) => {
            set_error("");
            TM_STATUS_OK
        }
        Ok(Err(Fail(status, message))) => {
            set_error(message);
            status
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            set_error(format!("internal error (panic): {what}"));
            TM_STATUS_PANIC
        }
    }
}

/// Runs `f` inside the panic boundary for functions that return a plain value.
pub(crate) fn guard_value<T>(fallback: T, f: impl FnOnce() -> T + std::panic::UnwindSafe) -> T {
    std::panic::catch_unwind(f).unwrap_or(fallback)
}

/// Moves a Rust string to C (free with `tm_string_free`).
pub(crate) fn c_string(s: String) -> *mut c_char {
    CString::new(s.replace('\0', " ")).expect("no interior NUL").into_raw()
}

/// Length in bytes of the last error message of this thread (without the final NUL). It
/// neither sets nor clears the last error.
#[unsafe(no_mangle)]
pub extern "C" fn tm_last_error_length() -> usize {
    guard_value(0, || LAST_ERROR.with(|e| e.borrow().as_bytes().len()))
}

/// Copies the last error message of this thread into `buf` (NUL-terminated) and writes its
/// length in bytes (without NUL) to `written` when that is not NULL. When `len` is too short
/// (including `len` = 0) it returns `TM_STATUS_BUFFER_TOO_SMALL`, still writes `written`
/// and, when `len` > 0, a truncated, terminated message: the one function whose
/// out-parameters are written on a failure. `buf` = NULL with `len` = 0 asks only for the
/// length. It neither sets nor clears the last error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_last_error_message(buf: *mut c_char, len: usize, written: *mut usize) -> tm_status {
    std::panic::catch_unwind(|| {
        if buf.is_null() && len != 0 {
            return TM_STATUS_NULL_POINTER;
        }
        LAST_ERROR.with(|e| {
            let e = e.borrow();
            let bytes = e.as_bytes();
            if !written.is_null() {
                // SAFETY: `written` is not NULL; the caller promises a writable `size_t`.
                let _ = unsafe { write_out(written, "written", bytes.len()) };
            }
            if len == 0 {
                return TM_STATUS_BUFFER_TOO_SMALL;
            }
            // SAFETY: the contract: `buf` points to `len` writable bytes (NULL was refused above).
            let Ok(out) = (unsafe { slice_out(buf, len, "buf") }) else { return TM_STATUS_NULL_POINTER };
            let n = bytes.len().min(len - 1);
            for (slot, &b) in out.iter_mut().zip(&bytes[..n]) {
                slot.write(b as c_char);
            }
            out[n].write(0);
            if n < bytes.len() { TM_STATUS_BUFFER_TOO_SMALL } else { TM_STATUS_OK }
        })
    })
    .unwrap_or(TM_STATUS_PANIC)
}
