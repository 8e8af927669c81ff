//! The analysed text corpus of a portfolio, remembered for the next analysis of the same
//! texts. Text analysis (tokenising, stemming, compound splitting) is the larger part of an
//! analysis, and the same portfolio is often analysed again: with other options, in a
//! notebook re-run, or by a plan after an analysis. The memo holds one corpus, keyed by the
//! exact texts (compared in full, no hash), so a hit returns what a fresh analysis would
//! (`text::analyze_corpus` is deterministic) and memory stays bounded by one portfolio.

use std::sync::{Arc, Mutex, PoisonError};

use crate::text::{self, AnalyzedCorpus};

type Entry = (Arc<Vec<String>>, Arc<AnalyzedCorpus>);

static LAST: Mutex<Option<Entry>> = Mutex::new(None);

/// The analysed corpus of `texts`, from the memo when the texts are the last ones analysed.
pub(super) fn analysed(texts: Vec<String>) -> Arc<AnalyzedCorpus> {
    let remembered = LAST.lock().unwrap_or_else(PoisonError::into_inner).clone();
    if let Some((last, corpus)) = remembered {
        if *last == texts {
            return corpus;
        }
    }
    let corpus = Arc::new(text::analyze_corpus(&texts));
    *LAST.lock().unwrap_or_else(PoisonError::into_inner) = Some((Arc::new(texts), corpus.clone()));
    corpus
}
