//! Long calls that Ctrl-C can interrupt. The work runs on its own thread while the caller
//! waits with the GIL released, and checks for signals every [`POLL`]: a KeyboardInterrupt
//! (or any exception a signal handler raises) comes back promptly and the interpreter stays
//! usable. The abandoned work finishes in the background (the core has no cancellation point;
//! its sizes are bounded, see `transform_model::limits`) and its result is dropped.

use std::sync::mpsc;
use std::time::Duration;

use pyo3::prelude::*;

/// How often a waiting call looks for a pending signal.
const POLL: Duration = Duration::from_millis(50);

/// Runs `work` on a new thread and returns its result, or the exception a signal raised
/// while waiting.
pub fn run<T: Send + 'static>(py: Python<'_>, work: impl FnOnce() -> T + Send + 'static) -> PyResult<T> {
    let (tx, rx) = mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("transform-model-call".into())
        .spawn(move || {
            // The receiver is gone when the caller was interrupted: nothing to deliver.
            let _ = tx.send(work());
        })
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("cannot start a worker thread: {e}")))?;
    let mut rx = rx;
    loop {
        // The receiver moves into the detached closure and back (it is Send, not Sync).
        let (received, back) = py.detach(move || (rx.recv_timeout(POLL), rx));
        rx = back;
        match received {
            Ok(value) => return Ok(value),
            Err(mpsc::RecvTimeoutError::Timeout) => py.check_signals()?,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(pyo3::exceptions::PyRuntimeError::new_err("the worker thread ended without a result"));
            }
        }
    }
}
