//! Words that count for a query beyond its own: a small curated thesaurus of Danish welfare
//! language (`data/welfare_thesaurus_da.txt`, groups of words used for the same thing) and a
//! list of function words that count neither for nor against a match
//! (`data/function_words_da.txt`). Both files state their source and licence.
//!
//! Both are compared by Snowball stem, so one inflection per word is enough ("halvere"
//! also covers "halverer"); a function word also by its surface form. A number ("2030",
//! "1.000") is a function word too: it names no topic a catalog could share.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::{Lang, normalize, stem};

/// The thesaurus: one group of equivalent words per line, comma-separated.
pub const WELFARE_THESAURUS: &str = include_str!("../../data/welfare_thesaurus_da.txt");
/// Function words of problem statements, one per line.
pub const FUNCTION_WORDS: &str = include_str!("../../data/function_words_da.txt");

/// Lines of a word file without comments and blank lines.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
}

/// Stem → the stems of every other word in its groups, sorted.
fn groups() -> &'static BTreeMap<String, Vec<String>> {
    static GROUPS: OnceLock<BTreeMap<String, Vec<String>>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let stems = |words: &str| -> Vec<String> {
            words.split(',').map(normalize).filter(|w| !w.is_empty()).map(|w| stem(&w, Lang::Da)).collect()
        };
        for line in lines(WELFARE_THESAURUS) {
            // `word > a, b` finds a and b from word only; a plain line is one symmetric group.
            let (from, to) = match line.split_once('>') {
                Some((from, to)) => (stems(from), stems(to)),
                None => (stems(line), stems(line)),
            };
            for s in &from {
                let entry = out.entry(s.clone()).or_default();
                entry.extend(to.iter().filter(|o| *o != s).cloned());
                entry.sort_unstable();
                entry.dedup();
            }
        }
        out
    })
}

/// The stems the thesaurus holds equivalent to the Danish stem `stem` (empty if none).
pub fn synonyms(stem: &str) -> &'static [String] {
    groups().get(stem).map_or(&[], Vec::as_slice)
}

/// Whether the lower-cased `token` is a function word (see the module documentation).
pub fn is_function_word(token: &str) -> bool {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let listed: Vec<String> = lines(FUNCTION_WORDS).map(normalize).collect();
        let stems: Vec<String> = listed.iter().map(|w| stem(w, Lang::Da)).collect();
        let mut v: Vec<String> = listed.into_iter().chain(stems).collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    let listed = |w: &str| words.binary_search_by(|x| x.as_str().cmp(w)).is_ok();
    token.chars().all(|c| c.is_numeric()) || listed(token) || listed(&stem(token, Lang::Da))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_symmetric_and_stemmed() {
        let ledig = stem("ledige", Lang::Da);
        let arbejdslos = stem("arbejdsløse", Lang::Da);
        assert!(synonyms(&arbejdslos).contains(&ledig), "{:?}", synonyms(&arbejdslos));
        assert!(synonyms(&ledig).contains(&arbejdslos));
        assert!(!synonyms(&ledig).contains(&ledig), "a word is not its own synonym");
        assert!(synonyms("zzz").is_empty());
        // One way: "destination" finds "uddannelse", not the other way round.
        let (destination, uddannelse) = (stem("destination", Lang::Da), stem("uddannelse", Lang::Da));
        assert!(synonyms(&destination).contains(&uddannelse));
        assert!(!synonyms(&uddannelse).contains(&destination));
    }

    #[test]
    fn every_listed_word_is_found_and_content_words_are_not() {
        for w in lines(FUNCTION_WORDS) {
            assert!(is_function_word(w), "{w}");
        }
        // Inflections by their stem, and numbers.
        for w in ["halverer", "reducerer", "2030", "000"] {
            assert!(is_function_word(w), "{w}");
        }
        for w in ["ledige", "ældre", "ensomhed", "boligområder", "arbejde", "frivillige"] {
            assert!(!is_function_word(w), "{w}");
        }
    }
}
