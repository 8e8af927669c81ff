//! Compound handling compared, on the bundled catalog and on a gold list of Danish
//! compounds (`data/compounds_gold.tsv`): stemming only, the previous splitter (known head,
//! loosely checked tail), the recursive splitter the index uses (catalog vocabulary plus the
//! welfare lexicon), and character 4-grams.
//!
//! 1. Catalog: a document is relevant to a query word when the word's stem occurs inside
//!    any of its words ("plej" in "ældreplejen"); recall and precision over 20 words.
//! 2. Gold list: every gold part is a query, every listed word a document; the word is
//!    relevant to its own gold parts (and its own stem). A method retrieves the word when the
//!    query stem is among the word's terms (4-grams: half the query's grams occur in the
//!    word). Split accuracy: the split's leaf stems equal the gold parts' stems (a word whose
//!    gold is itself must stay unsplit).
//!
//! Run: cargo run --release -p transform-model --example compound_recall

use std::collections::{BTreeSet, HashSet};

use transform_model::Lang;
use transform_model::ingredient::{Catalog, indexed_text};
use transform_model::text::{Analyzer, stem, tokenize};

const WORDS: [&str; 20] = [
    "indsats",
    "pleje",
    "beskæftigelse",
    "bolig",
    "garanti",
    "sundhed",
    "medicin",
    "træning",
    "virksomhed",
    "plan",
    "mentor",
    "klima",
    "energi",
    "rådgivning",
    "familie",
    "fællesskab",
    "netværk",
    "praktik",
    "udskrivning",
    "område",
];

const GOLD: &str = include_str!("../data/compounds_gold.tsv");

fn grams(s: &str) -> BTreeSet<String> {
    let c: Vec<char> = s.chars().collect();
    if c.len() < 4 {
        return BTreeSet::from([s.to_owned()]);
    }
    c.windows(4).map(|w| w.iter().collect()).collect()
}

fn grams_match(query_stem: &str, word_grams: &BTreeSet<String>) -> bool {
    let q = grams(query_stem);
    q.iter().filter(|g| word_grams.contains(*g)).count() * 2 >= q.len()
}

/// The splitter before issue 9/13, kept here to compare: the longest known head; the tail
/// known, split further, or accepted unknown when long enough; else a known tail.
struct Legacy {
    vocab: HashSet<String>,
}

impl Legacy {
    fn fit(texts: &[String]) -> Self {
        let words: HashSet<String> = texts.iter().flat_map(|t| tokenize(t)).collect();
        let vocab = words
            .iter()
            .filter(|w| w.chars().count() >= 3 && !transform_model::text::is_stop_word(w, Lang::Da))
            .map(|w| stem(w, Lang::Da))
            .filter(|s| s.chars().count() >= 3)
            .collect();
        Legacy { vocab }
    }

    fn split(&self, word: &str) -> Option<Vec<String>> {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() < 7 || chars.len() > 48 {
            return None;
        }
        for cut in (3..=chars.len() - 4).rev() {
            let at = chars[cut].0;
            let head = stem(&word[..at], Lang::Da);
            if head.chars().count() < 3 || !self.vocab.contains(&head) {
                continue;
            }
            let rest = &word[at..];
            let tail = stem(rest, Lang::Da);
            if tail.chars().count() >= 3 && self.vocab.contains(&tail) {
                return Some(vec![head, tail]);
            }
            if let Some(mut parts) = self.split(rest) {
                parts.insert(0, head);
                return Some(parts);
            }
            if rest.chars().count() >= 5 && tail.chars().count() >= 4 {
                return Some(vec![head, tail]);
            }
        }
        let last_cut = chars.len().saturating_sub(5);
        for &(at, _) in chars.iter().take(last_cut + 1).skip(4) {
            let tail = stem(&word[at..], Lang::Da);
            if tail.chars().count() >= 4 && self.vocab.contains(&tail) {
                return Some(vec![stem(&word[..at], Lang::Da), tail]);
            }
        }
        None
    }

    fn terms(&self, text: &str) -> BTreeSet<String> {
        let plain = Analyzer::new();
        let mut out = BTreeSet::new();
        for t in tokenize(text) {
            out.extend(plain.analyze(&t).into_iter().take(1));
            out.extend(self.split(&t).into_iter().flatten());
        }
        out
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    a as f64 / b.max(1) as f64
}

const NAMES: [&str; 4] =
    ["stemming only", "previous splitter", "recursive splitter + lexicon", "character 4-grams (≥ 50 %)"];

fn catalog_figures(texts: &[String], legacy: &Legacy, fitted: &Analyzer) {
    let lower: Vec<Vec<String>> = texts.iter().map(|t| tokenize(t)).collect();
    let stems_only: Vec<BTreeSet<String>> =
        lower.iter().map(|ts| ts.iter().map(|t| stem(t, Lang::Da)).collect()).collect();
    let legacy_terms: Vec<BTreeSet<String>> = texts.iter().map(|t| legacy.terms(t)).collect();
    let fitted_terms: Vec<BTreeSet<String>> = texts.iter().map(|t| fitted.analyze(t).into_iter().collect()).collect();
    let doc_grams: Vec<BTreeSet<String>> = lower.iter().map(|ts| ts.iter().flat_map(|t| grams(t)).collect()).collect();
    let mut counts = [[0usize; 3]; 4]; // method × (relevant found, retrieved, relevant)
    for w in WORDS {
        let s = stem(w, Lang::Da);
        let relevant: Vec<bool> = lower.iter().map(|ts| ts.iter().any(|t| t.contains(&s))).collect();
        let retrieved: [Vec<bool>; 4] = [
            stems_only.iter().map(|t| t.contains(&s)).collect(),
            legacy_terms.iter().map(|t| t.contains(&s)).collect(),
            fitted_terms.iter().map(|t| t.contains(&s)).collect(),
            doc_grams.iter().map(|g| grams_match(&s, g)).collect(),
        ];
        for (m, r) in retrieved.iter().enumerate() {
            for d in 0..texts.len() {
                counts[m][0] += (r[d] && relevant[d]) as usize;
                counts[m][1] += r[d] as usize;
                counts[m][2] += relevant[d] as usize;
            }
        }
    }
    println!("1. Bundled catalog: {} interventions, {} query words", texts.len(), WORDS.len());
    println!("{:<32} {:>7} {:>9}", "method", "recall", "precision");
    for (m, [hit, got, rel]) in counts.iter().enumerate() {
        println!("{:<32} {:>7.3} {:>9.3}", NAMES[m], ratio(*hit, *rel), ratio(*hit, *got));
    }
}

/// A gold row: the word and the stems of its gold parts (just its own stem if no compound).
struct Gold {
    word: String,
    parts: BTreeSet<String>,
    compound: bool,
}

fn gold() -> Vec<Gold> {
    GOLD.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (word, parts) = l.split_once('\t').expect("word<TAB>parts");
            let compound = parts.contains('+');
            Gold { word: word.to_owned(), parts: parts.split('+').map(|p| stem(p, Lang::Da)).collect(), compound }
        })
        .collect()
}

fn gold_figures(label: &str, rows: &[Gold], legacy: &Legacy, fitted: &Analyzer) {
    let leaves = |split: Option<Vec<String>>| -> Option<BTreeSet<String>> { split.map(|p| p.into_iter().collect()) };
    // Each method's terms of each word, and its split (None: unsplit).
    let terms: Vec<[BTreeSet<String>; 3]> = rows
        .iter()
        .map(|g| {
            let own = stem(&g.word, Lang::Da);
            let with = |parts: Option<Vec<String>>| -> BTreeSet<String> {
                parts.into_iter().flatten().chain([own.clone()]).collect()
            };
            [BTreeSet::from([own.clone()]), with(legacy.split(&g.word)), with(fitted.split(&g.word))]
        })
        .collect();
    let word_grams: Vec<BTreeSet<String>> = rows.iter().map(|g| grams(&g.word)).collect();
    let queries: BTreeSet<&String> = rows.iter().filter(|g| g.compound).flat_map(|g| &g.parts).collect();
    let mut counts = [[0usize; 3]; 4];
    for q in &queries {
        for (d, g) in rows.iter().enumerate() {
            let relevant = g.parts.contains(*q) || stem(&g.word, Lang::Da) == **q;
            let got = [
                terms[d][0].contains(*q),
                terms[d][1].contains(*q),
                terms[d][2].contains(*q),
                grams_match(q, &word_grams[d]),
            ];
            for m in 0..4 {
                counts[m][0] += (got[m] && relevant) as usize;
                counts[m][1] += got[m] as usize;
                counts[m][2] += relevant as usize;
            }
        }
    }
    let exact = |split: &dyn Fn(&str) -> Option<Vec<String>>| -> (usize, usize) {
        let compounds = rows
            .iter()
            .filter(|g| g.compound && leaves(split(&g.word)).is_some_and(|p| p.is_superset(&g.parts)))
            .count();
        let kept = rows.iter().filter(|g| !g.compound && split(&g.word).is_none()).count();
        (compounds, kept)
    };
    let n_comp = rows.iter().filter(|g| g.compound).count();
    println!(
        "\n{label}: {} compounds, {} words not to split, {} part queries",
        n_comp,
        rows.len() - n_comp,
        queries.len()
    );
    println!("{:<32} {:>7} {:>9} {:>16} {:>12}", "method", "recall", "precision", "all parts found", "kept whole");
    let splits: [Option<(usize, usize)>; 4] =
        [None, Some(exact(&|w| legacy.split(w))), Some(exact(&|w| fitted.split(w))), None];
    for m in 0..4 {
        let [hit, got, rel] = counts[m];
        let (found, kept) = splits[m].map_or(("–".to_owned(), "–".to_owned()), |(c, k)| {
            (format!("{c}/{n_comp}"), format!("{k}/{}", rows.len() - n_comp))
        });
        println!("{:<32} {:>7.3} {:>9.3} {:>16} {:>12}", NAMES[m], ratio(hit, rel), ratio(hit, got), found, kept);
    }
}

fn main() {
    let catalog = Catalog::sample();
    let texts: Vec<String> = catalog.interventions().iter().map(indexed_text).collect();
    let legacy = Legacy::fit(&texts);
    let fitted = Analyzer::fit(texts.iter().map(String::as_str));
    catalog_figures(&texts, &legacy, &fitted);
    let rows = gold();
    gold_figures("2. Gold list (catalog vocabulary)", &rows, &legacy, &fitted);
    // Without any catalog: the lexicon alone (the previous splitter has nothing to split against).
    let empty = Legacy { vocab: HashSet::new() };
    gold_figures("3. Gold list (no catalog: lexicon only)", &rows, &empty, &Analyzer::new());
}
