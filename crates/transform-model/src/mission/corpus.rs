//! The analysed text corpus of a portfolio (tokenising, stemming, compound splitting: the
//! larger part of an analysis), remembered by the portfolio itself.
//!
//! A second analysis of the same portfolio (other options, the other language, a plan after
//! the analysis) reuses the corpus; an edited title or description makes it analyse afresh,
//! because the memo is keyed by the exact texts. It lives and dies with its portfolio: no
//! process-wide table (an earlier global memo kept hash tables alive for the process, which
//! leak checkers in embedders reported).

use std::sync::{Arc, Mutex};

use crate::text::{self, AnalyzedCorpus};

type Entry = (Vec<String>, Arc<AnalyzedCorpus>);

/// The last analysed corpus of a portfolio and the texts it was made from.
#[derive(Default)]
pub struct CorpusMemo(Mutex<Option<Entry>>);

impl CorpusMemo {
    /// The analysed corpus of `texts`: remembered when the texts are the last ones seen.
    pub(super) fn analysed(&self, texts: Vec<String>) -> Arc<AnalyzedCorpus> {
        if let Some((seen, corpus)) = self.lock().as_ref() {
            if *seen == texts {
                return corpus.clone();
            }
        }
        // Analysed without holding the lock: concurrent analyses never wait on each other.
        let corpus = Arc::new(text::analyze_corpus(&texts));
        *self.lock() = Some((texts, corpus.clone()));
        corpus
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Entry>> {
        // A panic elsewhere while holding the lock leaves a whole entry or none: usable.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Clone for CorpusMemo {
    fn clone(&self) -> Self {
        CorpusMemo(Mutex::new(self.lock().clone()))
    }
}

/// A memo is not part of a portfolio's value: two portfolios are equal whatever they remember.
impl PartialEq for CorpusMemo {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for CorpusMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CorpusMemo")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_texts_reuse_the_corpus_and_an_edit_analyses_afresh() {
        let memo = CorpusMemo::default();
        let texts = vec!["Unge ledige i job".to_owned(), "Ældre i eget hjem".to_owned()];
        let first = memo.analysed(texts.clone());
        assert!(Arc::ptr_eq(&first, &memo.analysed(texts.clone())));
        let edited = vec![texts[0].clone(), "Ældre i egen bolig".to_owned()];
        let second = memo.analysed(edited.clone());
        assert!(!Arc::ptr_eq(&first, &second));
        // The fresh corpus is the one a first analysis of the edited texts gives.
        let fresh = text::analyze_corpus(&edited);
        assert_eq!((&second.terms, &second.docs), (&fresh.terms, &fresh.docs));
        // A clone remembers the same corpus.
        assert!(Arc::ptr_eq(&memo.clone().analysed(edited), &second));
    }
}
