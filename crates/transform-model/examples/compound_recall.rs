//! Compound handling compared on the bundled catalog: stemming only, decompounding
//! against the catalog's vocabulary (what the index does), and character 4-grams.
//!
//! A document is relevant to a query word when the word's stem occurs inside any of its
//! words ("plej" in "ældreplejen"). Recall and precision are counted over 20 words.
//! Run: cargo run --release -p transform-model --example compound_recall

use std::collections::BTreeSet;

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

fn grams(s: &str) -> BTreeSet<String> {
    let c: Vec<char> = s.chars().collect();
    if c.len() < 4 {
        return BTreeSet::from([s.to_owned()]);
    }
    c.windows(4).map(|w| w.iter().collect()).collect()
}

fn main() {
    let catalog = Catalog::sample();
    let texts: Vec<String> = catalog.interventions().iter().map(indexed_text).collect();
    let lower: Vec<Vec<String>> = texts.iter().map(|t| tokenize(t)).collect();
    let plain = Analyzer::new();
    let fitted = Analyzer::fit(texts.iter().map(String::as_str));
    let plain_terms: Vec<BTreeSet<String>> = texts.iter().map(|t| plain.analyze(t).into_iter().collect()).collect();
    let fitted_terms: Vec<BTreeSet<String>> = texts.iter().map(|t| fitted.analyze(t).into_iter().collect()).collect();
    let doc_grams: Vec<BTreeSet<String>> = lower.iter().map(|ts| ts.iter().flat_map(|t| grams(t)).collect()).collect();
    let postings = |sets: &[BTreeSet<String>]| sets.iter().map(BTreeSet::len).sum::<usize>();

    let mut counts = [[0usize; 3]; 3]; // method × (relevant found, retrieved, relevant)
    for w in WORDS {
        let s = stem(w, Lang::Da);
        let relevant: Vec<bool> = lower.iter().map(|ts| ts.iter().any(|t| t.contains(&s))).collect();
        let qgrams = grams(&s);
        let retrieved: [Vec<bool>; 3] = [
            plain_terms.iter().map(|t| t.contains(&s)).collect(),
            fitted_terms.iter().map(|t| t.contains(&s)).collect(),
            doc_grams.iter().map(|g| qgrams.iter().filter(|q| g.contains(*q)).count() * 2 >= qgrams.len()).collect(),
        ];
        for (m, r) in retrieved.iter().enumerate() {
            for d in 0..texts.len() {
                counts[m][0] += (r[d] && relevant[d]) as usize;
                counts[m][1] += r[d] as usize;
                counts[m][2] += relevant[d] as usize;
            }
        }
    }
    println!("{} interventions, {} query words", texts.len(), WORDS.len());
    println!("{:<34} {:>7} {:>9} {:>16}", "method", "recall", "precision", "distinct terms/doc");
    let names = ["stemming only", "decompounding (catalog vocabulary)", "character 4-grams (≥ 50 % shared)"];
    let sizes = [postings(&plain_terms), postings(&fitted_terms), postings(&doc_grams)];
    for m in 0..3 {
        let [hit, got, rel] = counts[m];
        println!(
            "{:<34} {:>7.3} {:>9.3} {:>16.1}",
            names[m],
            hit as f64 / rel as f64,
            hit as f64 / got.max(1) as f64,
            sizes[m] as f64 / texts.len() as f64
        );
    }
}
