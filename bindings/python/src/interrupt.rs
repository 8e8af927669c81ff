//! Long calls that Ctrl-C can interrupt. The work runs on its own thread under a
//! [`cancel::Token`] while the caller waits with the GIL released and checks for signals
//! every [`POLL`]. On a KeyboardInterrupt (or any exception a signal handler raises) the
//! token is cancelled, the core stops at its next check (between chunks of its loops), and
//! the call returns the exception once the worker has stopped: nothing keeps running, so
//! the next call is not delayed.

use std::sync::mpsc;
use std::time::Duration;

use pyo3::prelude::*;
use transform_model::cancel;

/// How often a waiting call looks for a pending signal.
const POLL: Duration = Duration::from_millis(50);

/// Runs `work` on a scoped thread and returns its result, or the exception a signal
/// raised while waiting (after the cancelled work has stopped).
pub fn run<T: Send>(py: Python<'_>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    let token = cancel::Token::new();
    std::thread::scope(|s| {
        let (tx, rx) = mpsc::sync_channel(1);
        let worker_token = token.clone();
        std::thread::Builder::new()
            .name("transform-model-call".into())
            .spawn_scoped(s, move || {
                // The receiver may be gone after an interrupt: nothing to deliver then.
                let _ = tx.send(cancel::scope(&worker_token, work));
            })
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("cannot start a worker thread: {e}")))?;
        let mut rx = rx;
        loop {
            // The receiver moves into the detached closure and back (it is Send, not Sync).
            let (received, back) = py.detach(move || (rx.recv_timeout(POLL), rx));
            rx = back;
            match received {
                Ok(value) => return Ok(value),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Err(signal) = py.check_signals() {
                        token.cancel();
                        // Wait, without the GIL, for the work to notice and stop.
                        py.detach(move || drop(rx.recv()));
                        return Err(signal);
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(pyo3::exceptions::PyRuntimeError::new_err("the worker thread ended without a result"));
                }
            }
        }
    })
}
