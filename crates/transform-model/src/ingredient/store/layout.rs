//! The payload of an index file: the catalog, then its text analysis, each field in a
//! fixed order (see `docs/index-format.md`). Decoding checks every id against the table it
//! points into, so a payload that passed the checksum but was written wrongly is still an
//! error rather than an out-of-bounds index later.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde_json::Value;
use zerocopy::{FromBytes, Immutable, KnownLayout};

use super::buffer::{Buffer, Words, range_in};
use super::bytes::{Reader, Short, Writer};
use super::{IndexParts, WordTerms};
use crate::ingredient::catalog::{CatalogDef, Ingredient, Intervention};
use crate::text::Analyzer;

/// A payload that does not decode: which part, and what was wrong.
#[derive(Debug)]
pub(crate) struct Bad {
    pub part: String,
    pub message: String,
}

pub(super) fn bad(part: impl Into<String>, message: impl Into<String>) -> Bad {
    Bad { part: part.into(), message: message.into() }
}

/// Turns a short read while decoding `part` into a [`Bad`].
fn short<T>(part: &str, r: Result<T, Short>) -> Result<T, Bad> {
    r.map_err(|Short| bad(part, "ends early"))
}

pub(crate) fn write_catalog(w: &mut Writer, def: &CatalogDef) {
    w.u8(def.note.is_some() as u8);
    w.str(def.note.as_deref().unwrap_or(""));
    w.str(&serde_json::to_string(&def.ingredients).expect("ingredients serialize"));
    // Each intervention's start, so they decode in parallel.
    let mut body = Writer::default();
    let mut starts = Vec::with_capacity(def.interventions.len() + 1);
    for iv in &def.interventions {
        starts.push(body.buf.len() as u64);
        write_intervention(&mut body, iv);
    }
    starts.push(body.buf.len() as u64);
    w.len(def.interventions.len());
    for s in starts {
        w.u64(s);
    }
    w.bytes(&body.buf);
}

fn write_intervention(w: &mut Writer, iv: &Intervention) {
    for s in [&iv.id, &iv.title, &iv.description, &iv.municipality.code, &iv.municipality.name] {
        w.str(s);
    }
    w.opt_i64(iv.year);
    w.str(&iv.area);
    w.strs(&iv.target_groups);
    w.strs(&iv.problems);
    w.strs(&iv.tags);
    w.len(iv.context.len());
    for (k, v) in &iv.context {
        w.str(k);
        match v {
            Value::String(s) => {
                w.u8(0);
                w.str(s);
            }
            other => {
                w.u8(1);
                w.str(&other.to_string());
            }
        }
    }
    w.len(iv.ingredients.len());
    for u in &iv.ingredients {
        w.str(&u.id);
        w.f64(u.weight);
    }
    w.i64(iv.evidence.level);
    w.str(&iv.evidence.label);
    match &iv.evidence.declaration {
        None => w.u8(0),
        Some(d) => {
            w.u8(1);
            for g in [d.target_group, d.method, d.implementation, d.effect, d.economy] {
                w.u8(g as u8);
            }
        }
    }
    w.u8(iv.outcome as u8);
    w.u8(iv.transfer as u8);
    w.opt_f64(iv.effect_size);
}

pub(crate) fn write_analysis(w: &mut Writer, a: &IndexParts) {
    w.strs(&a.analyzer.vocabulary());
    let mut by_id: Vec<&str> = vec![""; a.terms.len()];
    for (t, &id) in &a.terms {
        by_id[id as usize] = t;
    }
    w.strs(&by_id);
    // Sorted by word, so the same catalog always gives the same bytes.
    let mut words: Vec<(&String, &WordTerms)> = a.word_terms.iter().collect();
    words.sort_unstable_by(|x, y| x.0.cmp(y.0));
    w.len(words.len());
    for (word, slots) in words {
        w.str(word);
        for slot in slots {
            w.u8(slot.is_some() as u8);
            w.u32s(slot.as_deref().unwrap_or(&[]));
        }
    }
    // The flat arrays start at multiples of 8, so a loaded index views them in place.
    w.align(8);
    w.u32s(&a.doc_len);
    w.f64(a.avgdl);
    w.align(8);
    w.u32s(&a.offsets);
    w.align(8);
    w.u32s(&a.post_docs);
    w.align(8);
    w.f32s(&a.post_impact);
}

fn string(r: &mut Reader, part: &str) -> Result<String, Bad> {
    let bytes = short(part, r.str_bytes())?;
    String::from_utf8(bytes.to_vec()).map_err(|e| bad(part, format!("text is not UTF-8 ({e})")))
}

fn strings(r: &mut Reader, part: &str) -> Result<Vec<String>, Bad> {
    let n = short(part, r.len(8))?;
    (0..n).map(|_| string(r, part)).collect()
}

/// The catalog section, its interventions left as bytes (see `records`).
pub(crate) struct CatalogParts<'a> {
    pub note: Option<String>,
    pub ingredients: Vec<Ingredient>,
    /// Each intervention's start in `body`, and the end of the last.
    pub starts: Vec<u64>,
    pub body: &'a [u8],
}

pub(crate) fn read_catalog<'a>(r: &mut Reader<'a>) -> Result<CatalogParts<'a>, Bad> {
    let has_note = short("catalog.note", r.u8())? != 0;
    let note = string(r, "catalog.note")?;
    let ingredients_json = string(r, "catalog.ingredients")?;
    let ingredients = serde_json::from_str(&ingredients_json).map_err(|e| bad("catalog.ingredients", e.to_string()))?;
    let part = "catalog.interventions";
    let n = short(part, r.len(8))?;
    let starts = (0..=n).map(|_| short(part, r.u64())).collect::<Result<Vec<u64>, _>>()?;
    let body = short(part, r.str_bytes())?;
    Ok(CatalogParts { note: has_note.then_some(note), ingredients, starts, body })
}

/// The text analysis of a catalog of `n_docs` interventions, every id checked; the flat
/// arrays are views into `buf`, of which `r` reads a part.
pub(crate) fn read_analysis(r: &mut Reader, n_docs: usize, buf: &Arc<Buffer>) -> Result<IndexParts, Bad> {
    let analyzer = Analyzer::from_vocabulary(strings(r, "vocabulary")?);
    let terms = read_terms(r)?;
    let word_terms = read_word_terms(r, terms.len())?;
    let doc_len: Words<u32> = view(r, buf, "doc_len")?;
    if doc_len.len() != n_docs {
        return Err(bad("doc_len", format!("{} lengths for {n_docs} interventions", doc_len.len())));
    }
    let avgdl = short("avgdl", r.f64())?;
    if !(avgdl.is_finite() && avgdl > 0.0) {
        return Err(bad("avgdl", format!("{avgdl} is not a positive length")));
    }
    let offsets: Words<u32> = view(r, buf, "postings.offsets")?;
    let post_docs: Words<u32> = view(r, buf, "postings.docs")?;
    let post_impact: Words<f32> = view(r, buf, "postings.impacts")?;
    check_postings(&offsets, &post_docs, &post_impact, terms.len(), n_docs)?;
    Ok(IndexParts { analyzer, terms, word_terms, offsets, post_docs, post_impact, doc_len, avgdl })
}

/// An array of 4-byte items, after its padding, as a view into `buf`.
fn view<T: FromBytes + Immutable + KnownLayout>(
    r: &mut Reader,
    buf: &Arc<Buffer>,
    part: &str,
) -> Result<Words<T>, Bad> {
    r.align(8).map_err(|nonzero| bad(part, if nonzero { "padding is not zero" } else { "ends early" }))?;
    let bytes = short(part, r.array4())?;
    Words::view(buf, range_in(buf.bytes(), bytes)).ok_or_else(|| bad(part, "not aligned for 4-byte items"))
}

fn read_terms(r: &mut Reader) -> Result<FxHashMap<String, u32>, Bad> {
    let list = strings(r, "terms")?;
    let n = u32::try_from(list.len()).map_err(|_| bad("terms", "more than 2³² terms"))?;
    let mut terms = FxHashMap::with_capacity_and_hasher(list.len(), Default::default());
    for (id, t) in (0..n).zip(list) {
        if let Some(first) = terms.insert(t, id) {
            return Err(bad("terms", format!("term {id} repeats term {first}")));
        }
    }
    Ok(terms)
}

fn read_word_terms(r: &mut Reader, n_terms: usize) -> Result<FxHashMap<String, WordTerms>, Bad> {
    let n = short("word_terms", r.len(26))?;
    let mut out = FxHashMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let word = string(r, "word_terms")?;
        let mut slots: WordTerms = [None, None];
        for slot in &mut slots {
            let some = short("word_terms", r.u8())?;
            let ids = short("word_terms", r.u32s())?;
            if let Some(&t) = ids.iter().find(|&&t| t as usize >= n_terms) {
                return Err(bad(format!("word_terms.{word}"), format!("term id {t} of {n_terms} terms")));
            }
            *slot = (some != 0).then(|| ids.into_boxed_slice());
        }
        if out.insert(word.clone(), slots).is_some() {
            return Err(bad("word_terms", format!("word `{word}` twice")));
        }
    }
    Ok(out)
}

/// CSR postings: offsets start at 0, never fall, end at the number of postings; every
/// document id is a document; every impact is a finite number.
fn check_postings(offsets: &[u32], docs: &[u32], impacts: &[f32], n_terms: usize, n_docs: usize) -> Result<(), Bad> {
    let part = "postings";
    if offsets.len() != n_terms + 1 || offsets[0] != 0 {
        return Err(bad(part, format!("{} offsets for {n_terms} terms", offsets.len())));
    }
    if offsets.windows(2).any(|w| w[0] > w[1]) || offsets[n_terms] as usize != docs.len() {
        return Err(bad(part, "offsets do not rise to the number of postings"));
    }
    if impacts.len() != docs.len() {
        return Err(bad(part, format!("{} impacts for {} postings", impacts.len(), docs.len())));
    }
    if let Some(d) = docs.iter().find(|&&d| d as usize >= n_docs) {
        return Err(bad(part, format!("document {d} of {n_docs}")));
    }
    if impacts.iter().any(|x| !x.is_finite()) {
        return Err(bad(part, "an impact is not a finite number"));
    }
    Ok(())
}
