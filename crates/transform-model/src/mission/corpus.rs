//! The analysed text corpus of a portfolio (tokenising, stemming, compound splitting: the
//! larger part of an analysis). Not remembered across analyses: a process-wide memo held
//! hash tables alive for the process (reported by leak checkers in embedders) and gave a
//! benchmark figure no first analysis reaches.

use std::sync::Arc;

use crate::text::{self, AnalyzedCorpus};

/// The analysed corpus of `texts`.
pub(super) fn analysed(texts: Vec<String>) -> Arc<AnalyzedCorpus> {
    Arc::new(text::analyze_corpus(&texts))
}
