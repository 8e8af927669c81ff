//! Cancelling a long call from outside (a face's Ctrl-C). The face installs a [`Token`]
//! around the call with [`scope`]; the core's long loops read it with [`current`] on the
//! calling thread (before they fan out to worker threads, which then check the captured
//! token) and stop with [`Cancelled`] between chunks, so abandoned work does not keep a
//! core busy. Without a scope nothing is ever cancelled.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A shared flag: set once by whoever wants the call stopped, read by the work.
#[derive(Debug, Clone, Default)]
pub struct Token(Arc<AtomicBool>);

/// The work stopped because its token was cancelled; its result is not wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the call was cancelled")]
pub struct Cancelled;

impl Token {
    /// A token not yet cancelled.
    pub fn new() -> Self {
        Token::default()
    }

    /// Asks the work holding this token to stop at its next check.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether [`Token::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// `Err(Cancelled)` once the token is cancelled.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() { Err(Cancelled) } else { Ok(()) }
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Token>> = const { RefCell::new(None) };
}

/// Runs `work` with `token` as this thread's current token (the previous one is restored
/// afterwards, also on unwinding).
pub fn scope<T>(token: &Token, work: impl FnOnce() -> T) -> T {
    struct Restore(Option<Token>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| *c.borrow_mut() = self.0.take());
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.borrow_mut().replace(token.clone())));
    work()
}

/// This thread's current token, or one never cancelled outside a [`scope`]. Read it before
/// handing work to other threads: the scope is per thread.
pub fn current() -> Token {
    CURRENT.with(|c| c.borrow().clone()).unwrap_or_default()
}

/// `Err(Cancelled)` when this thread's current token is cancelled.
pub fn check() -> Result<(), Cancelled> {
    current().check()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_installs_and_restores_the_token() {
        let token = Token::new();
        assert!(check().is_ok());
        scope(&token, || {
            assert!(check().is_ok());
            token.cancel();
            assert_eq!(check(), Err(Cancelled));
            // A nested scope shadows the outer token and gives it back.
            scope(&Token::new(), || assert!(check().is_ok()));
            assert_eq!(check(), Err(Cancelled));
        });
        assert!(check().is_ok(), "outside the scope nothing is cancelled");
    }

    #[test]
    fn a_cancelled_assessment_stops_with_cancelled() {
        use crate::maturity::sample;
        let model = crate::Model::default_model();
        let responses = sample::sample_responses(&model, 60, 7);
        let o = crate::AssessOptions { bootstrap: 200, ..Default::default() };
        let token = Token::new();
        token.cancel();
        let r = scope(&token, || crate::assess(&model, &responses, &o));
        assert_eq!(r.unwrap_err(), crate::AssessError::Cancelled(Cancelled));
        // The same call outside the scope runs to the end.
        assert!(crate::assess(&model, &responses, &o).is_ok());
    }
}
