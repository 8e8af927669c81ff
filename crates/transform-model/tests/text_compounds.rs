//! Decompounding: compounds of any length, linking morphemes, precision traps, long tokens,
//! and one normalisation for index and query.

use transform_model::Lang;
use transform_model::text::compound::MAX_SPLIT_CHARS;
use transform_model::text::{Analyzer, analyze_corpus, normalize, stem, tokenize};

fn stems(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| stem(w, Lang::Da)).collect()
}

#[test]
fn three_part_compound_with_linking_s() {
    // hjemme + besøg + s + program + met: "besøg" is a term of the word.
    let a = Analyzer::fit(["hjemmebesøg hos familien", "et program"]);
    let terms = a.analyze("hjemmebesøgsprogrammet");
    for part in stems(&["hjemme", "besøg", "program", "hjemmebesøg"]) {
        assert!(terms.contains(&part), "{part} not in {terms:?}");
    }
    // The same through the lexicon alone (no catalog vocabulary).
    let terms = Analyzer::new().analyze("hjemmebesøgsprogrammet");
    assert!(terms.contains(&stem("besøg", Lang::Da)), "{terms:?}");
}

#[test]
fn longest_parts_win_and_are_split_again() {
    // "langtidsledighed" is known whole, so it is the first part, then split itself.
    let a = Analyzer::fit(["langtidsledighed er et problem", "ydelse"]);
    let parts = a.split("langtidsledighedsydelse").unwrap();
    assert_eq!(parts[0], stem("langtidsledighed", Lang::Da));
    assert!(parts.contains(&stem("ydelse", Lang::Da)), "{parts:?}");
    assert!(parts.contains(&stem("ledighed", Lang::Da)), "{parts:?}");
}

#[test]
fn no_split_on_a_short_head_or_an_unknown_tail() {
    // "vej" is known (from "veje") but three-letter parts must be lexicon words, and
    // "ledning" is unknown: the old splitter gave vej + ledning.
    let a = Analyzer::fit(["veje og stier", "vejledning til borgere"]);
    assert_eq!(a.split("vejledning"), None);
    assert_eq!(a.split("kostvejledning"), Some(stems(&["kost", "vejledning"])));
    // A suffix that is also a word never ends a split: tid + lige.
    let a = Analyzer::fit(["lige muligheder", "tid"]);
    assert_eq!(a.split("tidlige"), None);
    assert_eq!(a.split("fællesskab"), None);
}

#[test]
fn a_16000_character_token_is_indexed_whole_and_not_split() {
    let long = "æ".repeat(16_000);
    let a = Analyzer::fit(["ældre", "pleje"]);
    assert_eq!(a.split(&long), None);
    let text = format!("{long} ældreplejen");
    let terms = a.analyze(&text);
    assert_eq!(terms[0], stem(&long, Lang::Da));
    assert!(terms.contains(&stem("pleje", Lang::Da)), "{terms:?}");
    // Under the cap a repeated compound splits; over it, it does not.
    let at_cap = format!("{}pleje", "ældre".repeat((MAX_SPLIT_CHARS - 5) / 5));
    assert!(at_cap.chars().count() <= MAX_SPLIT_CHARS);
    assert!(a.split(&at_cap).is_some());
    let over = format!("{}pleje", "ældre".repeat(MAX_SPLIT_CHARS / 5));
    assert!(over.chars().count() > MAX_SPLIT_CHARS);
    assert_eq!(a.split(&over), None);
}

#[test]
fn index_and_query_share_one_normalisation() {
    // "måltid" with a decomposed å (a + combining ring): the index used to lower-case
    // without NFC and split the word at the combining mark ("ma", "ltid").
    let decomposed = "Ma\u{030A}ltider til \u{00C6}ldre";
    let corpus = analyze_corpus(&[decomposed]);
    let query = corpus.analyzer.analyze("måltider for ældre");
    let doc_terms: Vec<&String> =
        corpus.docs[0].iter().map(|id| corpus.terms.iter().find(|(_, v)| *v == id).unwrap().0).collect();
    for q in &query {
        assert!(doc_terms.contains(&q), "query term {q} not in {doc_terms:?}");
    }
    assert_eq!(tokenize(decomposed), ["måltider", "til", "ældre"]);
    assert_eq!(normalize(" \u{00C6}ldre  Borgere"), normalize("ældre borgere"));
}

/// The decompounder skips every substring that no known stem begins, which is exact only
/// because the Danish stem of a word is always a prefix of it (Snowball's Danish rules only
/// delete letters at the end, and `stem` applies them until they settle).
mod stem_is_a_prefix {
    use proptest::prelude::*;
    use transform_model::Lang;
    use transform_model::text::{stem, tokenize};

    fn assert_prefix(word: &str) {
        let s = stem(word, Lang::Da);
        assert!(word.starts_with(&s), "the stem {s:?} of {word:?} is not a prefix of it");
    }

    #[test]
    fn for_every_word_of_the_bundled_data() {
        let mut n = 0;
        for text in [
            include_str!("../data/catalog.json"),
            include_str!("../data/portfolio.json"),
            include_str!("../data/welfare_stems.txt"),
        ] {
            for word in tokenize(text) {
                assert_prefix(&word);
                n += 1;
            }
        }
        assert!(n > 10_000, "only {n} words read");
    }

    proptest! {
        #[test]
        fn for_danish_letter_strings(word in "[a-zæøåé]{1,40}") {
            assert_prefix(&word);
        }

        #[test]
        fn for_inflected_forms(base in "[a-zæøå]{2,12}", suffix in prop::sample::select(vec![
            "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes",
            "erens", "erets", "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres",
            "eret", "hed", "ene", "ere", "ens", "ers", "ets", "en", "ar", "er", "es", "et", "e",
            "s", "gd", "dt", "gt", "kt", "elig", "lig", "ig", "els", "løst", "lighed", "ligst",
        ])) {
            assert_prefix(&format!("{base}{suffix}"));
        }

        #[test]
        fn for_any_text(text in any::<String>()) {
            assert_prefix(&text);
        }
    }
}
