//! The payload of an index file: the catalog, then its text analysis, each field in a
//! fixed order (see `docs/index-format.md`). Decoding checks every id against the table it
//! points into, so a payload that passed the checksum but was written wrongly is still an
//! error rather than an out-of-bounds index later.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde_json::Value;

use super::bytes::{Reader, Short, Writer};
use crate::ingredient::catalog::{
    CatalogDef, Declaration, Evidence, Grade, IngredientUse, Intervention, MunicipalityRef, Outcome, Transfer,
};
use crate::ingredient::index::{Analysis, Index};
use crate::text::Analyzer;

/// A catalog word's term ids in Danish and in English (see `text::AnalyzedCorpus::word_terms`).
type WordTerms = [Option<Box<[u32]>>; 2];

/// A payload that does not decode: which part, and what was wrong.
#[derive(Debug)]
pub(super) struct Bad {
    pub part: String,
    pub message: String,
}

fn bad(part: impl Into<String>, message: impl Into<String>) -> Bad {
    Bad { part: part.into(), message: message.into() }
}

/// Turns a short read while decoding `part` into a [`Bad`].
fn short<T>(part: &str, r: Result<T, Short>) -> Result<T, Bad> {
    r.map_err(|Short| bad(part, "ends early"))
}

pub(super) fn write_catalog(w: &mut Writer, def: &CatalogDef) {
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

pub(super) fn write_analysis(w: &mut Writer, a: &Index) {
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
    w.u32s(&a.doc_len);
    w.f64(a.avgdl);
    w.u32s(&a.offsets);
    w.u32s(&a.post_docs);
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

pub(super) fn read_catalog(r: &mut Reader) -> Result<CatalogDef, Bad> {
    let has_note = short("catalog.note", r.u8())? != 0;
    let note = string(r, "catalog.note")?;
    let ingredients_json = string(r, "catalog.ingredients")?;
    let ingredients = serde_json::from_str(&ingredients_json).map_err(|e| bad("catalog.ingredients", e.to_string()))?;
    let part = "catalog.interventions";
    let n = short(part, r.len(8))?;
    let starts = (0..=n).map(|_| short(part, r.u64())).collect::<Result<Vec<u64>, _>>()?;
    let body = short(part, r.str_bytes())?;
    if starts[0] != 0 || starts.windows(2).any(|w| w[0] > w[1]) || starts[n] != body.len() as u64 {
        return Err(bad(part, "the table of starts does not cover the interventions"));
    }
    let interventions = (0..n)
        .collect::<Vec<usize>>()
        .par_chunks(CHUNK)
        .map(|chunk| {
            let (a, b) = (chunk[0], chunk[chunk.len() - 1] + 1);
            let mut r = Reader::new(&body[starts[a] as usize..starts[b] as usize]);
            let out = (a..b).map(|i| read_intervention(&mut r, i)).collect::<Result<Vec<_>, _>>()?;
            if r.at_end() { Ok(out) } else { Err(bad(format!("{part}[{a}..{b}]"), "bytes left over")) }
        })
        .collect::<Result<Vec<Vec<Intervention>>, Bad>>()?
        .into_iter()
        .flatten()
        .collect();
    Ok(CatalogDef { note: has_note.then_some(note), ingredients, interventions })
}

/// Interventions decoded per task (a fixed size: the result does not depend on threads).
const CHUNK: usize = 2048;

/// One intervention; a field's name is prefixed with the intervention's only on error.
fn read_intervention(r: &mut Reader, i: usize) -> Result<Intervention, Bad> {
    read_intervention_fields(r).map_err(|b| Bad { part: format!("catalog.interventions[{i}].{}", b.part), ..b })
}

fn read_intervention_fields(r: &mut Reader) -> Result<Intervention, Bad> {
    let id = string(r, "id")?;
    let title = string(r, "title")?;
    let description = string(r, "description")?;
    let code = string(r, "municipality.code")?;
    let name = string(r, "municipality.name")?;
    let year = short("year", r.opt_i64())?;
    let area = string(r, "area")?;
    let target_groups = strings(r, "target_groups")?;
    let problems = strings(r, "problems")?;
    let tags = strings(r, "tags")?;
    let context = read_context(r, "context")?;
    let n = short("ingredients", r.len(16))?;
    let ingredients = (0..n)
        .map(|_| Ok(IngredientUse { id: string(r, "ingredients")?, weight: short("ingredients", r.f64())? }))
        .collect::<Result<Vec<_>, Bad>>()?;
    let level = short("evidence", r.i64())?;
    let label = string(r, "evidence.label")?;
    let declaration = match short("evidence.declaration", r.u8())? {
        0 => None,
        1 => {
            let mut g = [Grade::A; 5];
            for slot in &mut g {
                *slot = grade(short("evidence.declaration", r.u8())?, "evidence.declaration")?;
            }
            let [target_group, method, implementation, effect, economy] = g;
            Some(Declaration { target_group, method, implementation, effect, economy })
        }
        other => return Err(bad("evidence.declaration", format!("flag {other} is neither 0 nor 1"))),
    };
    let outcome = outcome(short("outcome", r.u8())?, "outcome")?;
    let transfer = transfer(short("transfer", r.u8())?, "transfer")?;
    let effect_size = short("effect_size", r.opt_f64())?;
    Ok(Intervention {
        id,
        title,
        description,
        municipality: MunicipalityRef { code, name },
        year,
        area,
        target_groups,
        problems,
        tags,
        context,
        ingredients,
        evidence: Evidence { level, label, declaration },
        outcome,
        transfer,
        effect_size,
    })
}

fn read_context(r: &mut Reader, part: &str) -> Result<BTreeMap<String, Value>, Bad> {
    let n = short(part, r.len(17))?;
    let mut out = BTreeMap::new();
    for _ in 0..n {
        let key = string(r, part)?;
        let kind = short(part, r.u8())?;
        let text = string(r, part)?;
        let value = match kind {
            0 => Value::String(text),
            1 => Value::Number(
                text.parse().map_err(|_| bad(format!("{part}.{key}"), format!("`{text}` is not a number")))?,
            ),
            other => return Err(bad(format!("{part}.{key}"), format!("value kind {other} is neither 0 nor 1"))),
        };
        out.insert(key, value);
    }
    Ok(out)
}

fn grade(v: u8, part: &str) -> Result<Grade, Bad> {
    [Grade::A, Grade::B, Grade::C, Grade::D].get(v as usize).copied().ok_or_else(|| bad(part, format!("grade {v}")))
}

fn outcome(v: u8, part: &str) -> Result<Outcome, Bad> {
    [Outcome::Positive, Outcome::Mixed, Outcome::None, Outcome::Negative, Outcome::Unknown]
        .get(v as usize)
        .copied()
        .ok_or_else(|| bad(part, format!("outcome {v}")))
}

fn transfer(v: u8, part: &str) -> Result<Transfer, Bad> {
    [Transfer::SimpleCausal, Transfer::ContextDependent]
        .get(v as usize)
        .copied()
        .ok_or_else(|| bad(part, format!("transfer {v}")))
}

/// The text analysis of a catalog of `n_docs` interventions, every id checked.
pub(super) fn read_analysis(r: &mut Reader, n_docs: usize) -> Result<Analysis, Bad> {
    let analyzer = Analyzer::from_vocabulary(strings(r, "vocabulary")?);
    let terms = read_terms(r)?;
    let word_terms = read_word_terms(r, terms.len())?;
    let doc_len = short("doc_len", r.u32s())?;
    if doc_len.len() != n_docs {
        return Err(bad("doc_len", format!("{} lengths for {n_docs} interventions", doc_len.len())));
    }
    let avgdl = short("avgdl", r.f64())?;
    if !(avgdl.is_finite() && avgdl > 0.0) {
        return Err(bad("avgdl", format!("{avgdl} is not a positive length")));
    }
    let offsets = short("postings.offsets", r.u32s())?;
    let post_docs = short("postings.docs", r.u32s())?;
    let post_impact = short("postings.impacts", r.f32s())?;
    check_postings(&offsets, &post_docs, &post_impact, terms.len(), n_docs)?;
    Ok(Analysis { analyzer, terms, word_terms, offsets, post_docs, post_impact, doc_len, avgdl })
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
