//! The one place that reads and writes through a caller's pointers. Each helper checks what
//! can be checked (NULL, a count that fits the address space, UTF-8) and names, as its
//! `# Safety`, what the C API's contract (docs/c-api.md, "Pointers") makes the caller promise
//! for the rest: a non-NULL pointer points to a live, aligned value of its type (a handle: one
//! this library returned and that is not yet freed); a string is NUL-terminated; a list
//! pointer points to `count` elements; all of it stays valid, and unchanged, for the call.
//! The `unsafe` blocks elsewhere in the crate call these helpers and say which promise each
//! relies on.

use std::ffi::{CStr, CString, c_char};
use std::mem::MaybeUninit;

use crate::error::{Fail, Result, tm_status::*};

fn null(name: &str) -> Fail {
    Fail::new(TM_STATUS_NULL_POINTER, format!("`{name}` is NULL"))
}

/// A NUL-terminated UTF-8 argument; NULL or invalid UTF-8 is an error naming `name`.
///
/// # Safety
/// `p` is NULL or points to a NUL-terminated string that outlives `'a`.
pub(crate) unsafe fn str_arg<'a>(p: *const c_char, name: &str) -> Result<&'a str> {
    if p.is_null() {
        return Err(null(name));
    }
    // SAFETY: `p` is not NULL, and the caller promises a NUL-terminated string living for 'a.
    unsafe { CStr::from_ptr(p) }
        .to_str()
        .map_err(|e| Fail::new(TM_STATUS_INVALID_UTF8, format!("`{name}` is not valid UTF-8: {e}")))
}

/// An optional string argument (NULL = absent).
///
/// # Safety
/// As [`str_arg`].
pub(crate) unsafe fn opt_str_arg<'a>(p: *const c_char, name: &str) -> Result<Option<&'a str>> {
    // SAFETY: the caller's promise for `p` is the one `str_arg` needs.
    if p.is_null() { Ok(None) } else { unsafe { str_arg(p, name) }.map(Some) }
}

/// A required handle (or struct) argument; NULL is an error naming `name`.
///
/// # Safety
/// `p` is NULL or points to a live, aligned `T` that is not written during `'a`.
pub(crate) unsafe fn handle<'a, T>(p: *const T, name: &str) -> Result<&'a T> {
    // SAFETY: as the caller promises (NULL is handled by `as_ref`).
    unsafe { opt_handle(p) }.ok_or_else(|| null(name))
}

/// An optional handle or options struct (NULL = absent, or the defaults).
///
/// # Safety
/// As [`handle`].
pub(crate) unsafe fn opt_handle<'a, T>(p: *const T) -> Option<&'a T> {
    // SAFETY: `as_ref` maps NULL to None; otherwise the caller promises a live, aligned T.
    unsafe { p.as_ref() }
}

/// `count` elements at `p`: NULL with a count of 0 is the empty list, NULL with another
/// count an error naming `name`, as is a count no list in memory can have.
///
/// # Safety
/// `p` is NULL or points to `count` live, aligned, initialised `T` not written during `'a`.
pub(crate) unsafe fn slice_arg<'a, T>(p: *const T, count: usize, name: &str) -> Result<&'a [T]> {
    if p.is_null() {
        return match count {
            0 => Ok(&[]),
            _ => Err(Fail::new(TM_STATUS_NULL_POINTER, format!("`{name}` is NULL but its count is {count}"))),
        };
    }
    if count > isize::MAX as usize / std::mem::size_of::<T>().max(1) {
        return Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("`{name}`: a count of {count} is too large")));
    }
    // SAFETY: `p` is not NULL, the byte length fits `isize` (checked above), and the caller
    // promises `count` initialised elements living for 'a.
    Ok(unsafe { std::slice::from_raw_parts(p, count) })
}

/// `count` writable elements at `p`, possibly uninitialised: NULL, or a count no buffer in
/// memory can have, is an error naming `name`.
///
/// # Safety
/// `p` is NULL or points to `count` aligned, writable `T` that nothing else uses during `'a`.
pub(crate) unsafe fn slice_out<'a, T>(p: *mut T, count: usize, name: &str) -> Result<&'a mut [MaybeUninit<T>]> {
    if p.is_null() {
        return Err(null(name));
    }
    if count > isize::MAX as usize / std::mem::size_of::<T>().max(1) {
        return Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("`{name}`: a length of {count} is too large")));
    }
    // SAFETY: `p` is not NULL, the byte length fits `isize`, and the caller promises `count`
    // writable elements used by nothing else; `MaybeUninit` makes no claim on their contents.
    Ok(unsafe { std::slice::from_raw_parts_mut(p.cast::<MaybeUninit<T>>(), count) })
}

/// Checks an out-parameter before any work is done.
pub(crate) fn out_arg<T>(p: *mut T, name: &str) -> Result<()> {
    if p.is_null() { Err(null(name)) } else { Ok(()) }
}

/// Writes `value` to the out-parameter `out` (NULL is an error naming `name`). The old
/// value is overwritten, not dropped: it is the caller's uninitialised storage.
///
/// # Safety
/// `out` is NULL or points to storage for a `T`, aligned and writable.
pub(crate) unsafe fn write_out<T>(out: *mut T, name: &str, value: T) -> Result<()> {
    out_arg(out, name)?;
    // SAFETY: `out` is not NULL, and the caller promises aligned, writable storage.
    unsafe { out.write(value) };
    Ok(())
}

/// Moves `value` into a new handle and writes it to `out` (freed by the handle's `_free`).
///
/// # Safety
/// As [`write_out`].
pub(crate) unsafe fn write_handle<T>(out: *mut *mut T, name: &str, value: T) -> Result<()> {
    out_arg(out, name)?;
    // SAFETY: as the caller promises for `out`; checked non-NULL first, so the box is not leaked.
    unsafe { write_out(out, name, Box::into_raw(Box::new(value))) }
}

/// Releases a handle created by [`write_handle`] (`NULL` is ignored), inside the panic
/// boundary.
///
/// # Safety
/// `p` is NULL or a handle of type `T` from this library, not yet freed and not used after.
pub(crate) unsafe fn free_handle<T>(p: *mut T) {
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if !p.is_null() {
            // SAFETY: the caller promises a live box this library made with `Box::into_raw`.
            drop(unsafe { Box::from_raw(p) });
        }
    }));
}

/// Releases a string created by `crate::error::c_string` (`NULL` is ignored), inside the
/// panic boundary.
///
/// # Safety
/// `s` is NULL or a string from this library, not yet freed and not used after.
pub(crate) unsafe fn free_string(s: *mut c_char) {
    let _ = std::panic::catch_unwind(|| {
        if !s.is_null() {
            // SAFETY: the caller promises a live string this library made with `CString::into_raw`.
            drop(unsafe { CString::from_raw(s) });
        }
    });
}
