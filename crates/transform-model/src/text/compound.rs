//! Danish decompounding: a word split into known parts, recursively, across the linking
//! morphemes -s- and -e- ("hjemme|besøg|s|programmet" → hjem, besøg, program).
//!
//! A part is *known* when its Snowball stem is in the vocabulary the analyzer was fitted on
//! or in a small built-in lexicon of Danish welfare stems (`data/welfare_stems.txt`), so
//! a part that never occurs alone in a catalog ("pleje" in "ældreplejen") is still found.
//! Precision rules, each from a false split seen in practice:
//! - every part is known: no "known head + unknown tail" ("vej" + "ledning");
//! - parts have at least [`MIN_PART`] characters; a 3-character part ("job", "tid") must be
//!   a lexicon word itself;
//! - the last part is not a derivational suffix that is also a word ("-skab", "-lig",
//!   "-hed": "fællesskab", "tidlige");
//! - without a split into known parts, a known last part of at least 6 characters after an
//!   unknown head of at least 4 is a term on its own ("genop|træning" → træning);
//! - of all splits the one with the fewest, hence longest, parts wins (then the longest
//!   first part); each part that is itself a compound is split again, so both
//!   "hjemmebesøg" and "besøg" are terms of "hjemmebesøgsprogrammet".
//!
//! Words longer than [`MAX_SPLIT_CHARS`] are never split. The dynamic programme stems each
//! substring at most once, and only a substring that starts with a known stem: the Danish
//! Snowball stemmer only deletes letters at the end, so a stem is a prefix of its word
//! (`text_compounds.rs` checks this), and a substring no known stem begins cannot have one.
//! Finding the known prefixes is O(n²) hash lookups; the stems, the costly part, are few.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::{Lang, stem};

/// Words longer than this many characters are not decompounded. The longest real compounds
/// in the gold list are under 30 characters; a longer token is a URL, an identifier or an
/// unbroken run of text, and splitting it costs up to O(n²) stems.
pub const MAX_SPLIT_CHARS: usize = 48;
/// Words shorter than this are never split ("borger", "vejen").
pub const MIN_COMPOUND: usize = 7;
/// Shortest part in characters; a shorter part must be a lexicon word of 3 characters.
pub const MIN_PART: usize = 4;
const MIN_SHORT_PART: usize = 3;
/// Shortest stem of the last part.
const MIN_LAST_STEM: usize = 3;
/// A known last part after an unknown head ("genop|træning") counts from this many
/// characters, after a head of at least [`MIN_PART`]; only the last part is then a term.
const MIN_LONE_TAIL: usize = 6;

/// The built-in lexicon: common stems of Danish municipal and welfare language, one word
/// per line (`#` starts a comment).
pub const WELFARE_STEMS: &str = include_str!("../../data/welfare_stems.txt");

/// Words that are also derivational suffixes, never accepted as the last part.
const SUFFIX_WORDS: &[&str] = &["skab", "lig", "hed", "dom", "else", "ning", "isk", "ende", "lige", "sel"];

/// A sorted word list: one plain allocation per list, so the process-wide lexicon holds no
/// interior pointers (valgrind would report a hash table's strings as "possibly lost").
struct Words(Vec<String>);

impl Words {
    fn new(words: impl IntoIterator<Item = String>) -> Self {
        let mut v: Vec<String> = words.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        Words(v)
    }
    fn contains(&self, word: &str) -> bool {
        self.0.binary_search_by(|w| w.as_str().cmp(word)).is_ok()
    }
    /// Whether `prefix` is a word of the list, and whether any word begins with it.
    fn find_prefix(&self, prefix: &str) -> (bool, bool) {
        let at = self.0.partition_point(|w| w.as_str() < prefix);
        self.0.get(at).map_or((false, false), |w| (w == prefix, w.starts_with(prefix)))
    }
}

struct Lexicon {
    /// Stems of every lexicon word.
    stems: Words,
    /// Lexicon words of exactly 3 characters, the only short parts allowed.
    short: Words,
    /// Stems of [`SUFFIX_WORDS`].
    suffixes: Words,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let words: Vec<String> = WELFARE_STEMS
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(super::normalize)
            .collect();
        Lexicon {
            stems: Words::new(words.iter().map(|w| stem(w, Lang::Da))),
            short: Words::new(words.iter().filter(|w| w.chars().count() == MIN_SHORT_PART).cloned()),
            suffixes: Words::new(SUFFIX_WORDS.iter().flat_map(|w| [(*w).to_owned(), stem(w, Lang::Da)])),
        }
    })
}

/// Whether `stem` is a lexicon stem.
pub fn in_lexicon(stem: &str) -> bool {
    lexicon().stems.contains(stem)
}

/// For each character position of `word` (given its char `bounds`, ending with `word.len()`),
/// the length in characters of the shortest known stem (fitted vocabulary or lexicon) that
/// starts there, `usize::MAX` if none does. A substring can only stem to a known stem when
/// it is at least that long, since a stem is a prefix of its word.
fn shortest_known_prefix(word: &str, bounds: &[usize], vocab: &FxHashSet<String>) -> Vec<usize> {
    let lex = lexicon();
    let n = bounds.len() - 1;
    (0..n)
        .map(|i| {
            // Once no lexicon stem begins with the prefix, longer prefixes skip the lexicon.
            let mut in_lexicon_range = true;
            (i + MIN_SHORT_PART..=n)
                .find(|&k| {
                    let prefix = &word[bounds[i]..bounds[k]];
                    if vocab.contains(prefix) {
                        return true;
                    }
                    if !in_lexicon_range {
                        return false;
                    }
                    let (found, extends) = lex.stems.find_prefix(prefix);
                    in_lexicon_range = extends;
                    found
                })
                .map_or(usize::MAX, |k| k - i)
        })
        .collect()
}

/// One way to cover `word[i..]`: its number of parts and where the first part ends.
#[derive(Clone, Copy)]
struct Cover {
    parts: usize,
    /// End of the first part (chars) and start of the rest (after a linking morpheme).
    end: usize,
    next: usize,
}

/// The parts of a lower-cased word as stems, longest parts first and each compound part
/// followed by its own parts; `None` when it is no compound of known parts.
pub(crate) fn split(word: &str, vocab: &FxHashSet<String>) -> Option<Vec<String>> {
    let mut out = Vec::new();
    split_into(word, vocab, &mut out).then_some(out)
}

/// Appends the stems of `word`'s parts (recursively) to `out`; false if it does not split.
fn split_into(word: &str, vocab: &FxHashSet<String>, out: &mut Vec<String>) -> bool {
    let Some(parts) = best_split(word, vocab).or_else(|| known_tail(word, vocab)) else { return false };
    for part in parts {
        let s = stem(part, Lang::Da);
        if !out.contains(&s) {
            out.push(s);
        }
        split_into(part, vocab, out);
    }
    true
}

/// The longest known last part of a word whose head is unknown ("genoptræning" → "træning").
fn known_tail<'w>(word: &'w str, vocab: &FxHashSet<String>) -> Option<Vec<&'w str>> {
    let bounds: Vec<usize> = word.char_indices().map(|(b, _)| b).chain([word.len()]).collect();
    let n = bounds.len() - 1;
    if !(MIN_COMPOUND..=MAX_SPLIT_CHARS).contains(&n) || n < MIN_PART + MIN_LONE_TAIL {
        return None;
    }
    let lex = lexicon();
    let shortest = shortest_known_prefix(word, &bounds, vocab);
    (MIN_PART..=n - MIN_LONE_TAIL)
        .filter(|&i| shortest[i] <= n - i)
        .map(|i| &word[bounds[i]..])
        .find(|tail| {
            let s = stem(tail, Lang::Da);
            s.chars().count() >= 5 && (vocab.contains(&s) || lex.stems.contains(&s))
        })
        .map(|tail| vec![tail])
}

/// The split of `word` into the fewest known parts (at least two), as surface slices with
/// linking morphemes removed.
fn best_split<'w>(word: &'w str, vocab: &FxHashSet<String>) -> Option<Vec<&'w str>> {
    let bounds: Vec<usize> = word.char_indices().map(|(b, _)| b).chain([word.len()]).collect();
    let n = bounds.len() - 1;
    if !(MIN_COMPOUND..=MAX_SPLIT_CHARS).contains(&n) {
        return None;
    }
    let lex = lexicon();
    let shortest = shortest_known_prefix(word, &bounds, vocab);
    let known = |i: usize, k: usize| -> bool {
        let surface = &word[bounds[i]..bounds[k]];
        let len = k - i;
        if len < MIN_PART {
            return len == MIN_SHORT_PART && lex.short.contains(surface);
        }
        if shortest[i] > len {
            return false; // no known stem begins here, so this substring has none
        }
        let s = stem(surface, Lang::Da);
        let min_stem = if k == n { MIN_LAST_STEM } else { MIN_SHORT_PART };
        if k == n && (lex.suffixes.contains(&s) || lex.suffixes.contains(surface)) {
            return false;
        }
        s.chars().count() >= min_stem && (vocab.contains(&s) || lex.stems.contains(&s))
    };
    // cover[i]: the best cover of word[i..]; cover[n] is the empty end.
    let mut cover: Vec<Option<Cover>> = vec![None; n + 1];
    cover[n] = Some(Cover { parts: 0, end: n, next: n });
    for i in (0..n).rev() {
        let mut best: Option<Cover> = None;
        for k in (i + MIN_SHORT_PART..=n).rev() {
            if i == 0 && k == n {
                continue; // the whole word is no split
            }
            if !known(i, k) {
                continue;
            }
            let linker = k < n && matches!(&word[bounds[k]..bounds[k + 1]], "s" | "e");
            let nexts = [Some(k), linker.then_some(k + 1)];
            for next in nexts.into_iter().flatten() {
                if k < n && next == n {
                    continue; // a linking letter ends no word
                }
                if let Some(rest) = cover[next] {
                    let c = Cover { parts: rest.parts + 1, end: k, next };
                    if best.is_none_or(|b| c.parts < b.parts) {
                        best = Some(c);
                    }
                }
            }
        }
        cover[i] = best;
    }
    let mut parts = Vec::new();
    let mut i = 0;
    while i < n {
        let c = cover[i]?;
        parts.push(&word[bounds[i]..bounds[c.end]]);
        i = c.next;
    }
    (parts.len() >= 2).then_some(parts)
}
