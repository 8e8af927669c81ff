//! The interventions of a saved index, kept as bytes and decoded one at a time.
//!
//! Loading walks every record once without copying its text ([`RecordRef`] borrows from
//! the file's buffer): that checks UTF-8, tags and lengths, and gives validation, facets
//! and context what they read. A full [`Intervention`] — owned strings, JSON context — is
//! built only for a document a query returns, or for every document when the whole
//! catalog is asked for.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::{Number, Value};

use super::buffer::Buffer;
use super::bytes::{Reader, Short};
use super::layout::{Bad, bad};
use crate::ingredient::catalog::{
    Declaration, DocFields, Evidence, Grade, IngredientUse, Intervention, MunicipalityRef, Outcome, Transfer,
    ValueRef,
};

/// Interventions decoded per task (a fixed size: the result does not depend on threads).
const CHUNK: usize = 2048;

/// An intervention borrowed from a saved index's bytes.
pub(crate) struct RecordRef<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    code: &'a str,
    name: &'a str,
    year: Option<i64>,
    area: &'a str,
    target_groups: Vec<&'a str>,
    problems: Vec<&'a str>,
    tags: Vec<&'a str>,
    context: Vec<(&'a str, ContextRef<'a>)>,
    ingredients: Vec<(&'a str, f64)>,
    level: i64,
    label: &'a str,
    declaration: Option<Declaration>,
    outcome: Outcome,
    transfer: Transfer,
    effect_size: Option<f64>,
}

enum ContextRef<'a> {
    Text(&'a str),
    Number(Number),
}

/// The interventions of a loaded index: the file's buffer, where their bytes lie in it,
/// and each one's start within those bytes (checked on load: they rise, and every record
/// between two starts decodes).
pub(crate) struct Records {
    buf: Arc<Buffer>,
    body: Range<usize>,
    starts: Vec<u64>,
}

impl Records {
    /// The records of `body` (a part of `buf`) at `starts`, each decoded and checked once;
    /// returns them borrowed, for validation and the derived tables.
    pub fn check<'a>(buf: &'a Arc<Buffer>, body: Range<usize>, starts: Vec<u64>) -> Result<(Records, Vec<RecordRef<'a>>), Bad> {
        let part = "catalog.interventions";
        let n = starts.len().saturating_sub(1);
        let len = body.len() as u64;
        if starts.first() != Some(&0) || starts.windows(2).any(|w| w[0] > w[1]) || starts[n] != len {
            return Err(bad(part, "the table of starts does not cover the interventions"));
        }
        let bytes = &buf.bytes()[body.clone()];
        let refs = (0..n)
            .collect::<Vec<usize>>()
            .par_chunks(CHUNK)
            .map(|chunk| {
                chunk
                    .iter()
                    .map(|&i| {
                        let mut r = Reader::new(&bytes[starts[i] as usize..starts[i + 1] as usize]);
                        let rec = read_record(&mut r).map_err(|b| Bad { part: format!("{part}[{i}].{}", b.part), ..b })?;
                        if r.at_end() { Ok(rec) } else { Err(bad(format!("{part}[{i}]"), "bytes left over")) }
                    })
                    .collect::<Result<Vec<_>, Bad>>()
            })
            .collect::<Result<Vec<Vec<RecordRef>>, Bad>>()?
            .into_iter()
            .flatten()
            .collect();
        Ok((Records { buf: Arc::clone(buf), body, starts }, refs))
    }

    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn record(&self, doc: usize) -> RecordRef<'_> {
        let bytes = &self.buf.bytes()[self.body.clone()];
        let mut r = Reader::new(&bytes[self.starts[doc] as usize..self.starts[doc + 1] as usize]);
        read_record(&mut r).unwrap_or_else(|b| panic!("record {doc} was checked on load: {}", b.message))
    }

    /// Document `doc`'s id.
    pub fn id(&self, doc: usize) -> &str {
        let bytes = &self.buf.bytes()[self.body.clone()];
        let mut r = Reader::new(&bytes[self.starts[doc] as usize..]);
        r.str_bytes().ok().and_then(|b| std::str::from_utf8(b).ok()).expect("ids were checked on load")
    }

    /// Document `doc` in full.
    pub fn intervention(&self, doc: usize) -> Intervention {
        self.record(doc).to_intervention()
    }

    /// Every document in full (in parallel; in catalog order).
    pub fn interventions(&self) -> Vec<Intervention> {
        (0..self.len()).into_par_iter().map(|d| self.intervention(d)).collect()
    }
}

fn string<'a>(r: &mut Reader<'a>, part: &str) -> Result<&'a str, Bad> {
    let bytes = r.str_bytes().map_err(|Short| bad(part, "ends early"))?;
    std::str::from_utf8(bytes).map_err(|e| bad(part, format!("text is not UTF-8 ({e})")))
}

fn strings<'a>(r: &mut Reader<'a>, part: &str) -> Result<Vec<&'a str>, Bad> {
    let n = short(part, r.len(8))?;
    (0..n).map(|_| string(r, part)).collect()
}

fn short<T>(part: &str, r: Result<T, Short>) -> Result<T, Bad> {
    r.map_err(|Short| bad(part, "ends early"))
}

fn read_record<'a>(r: &mut Reader<'a>) -> Result<RecordRef<'a>, Bad> {
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
    let context = read_context(r)?;
    let n = short("ingredients", r.len(16))?;
    let ingredients = (0..n)
        .map(|_| Ok((string(r, "ingredients")?, short("ingredients", r.f64())?)))
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
    Ok(RecordRef {
        id,
        title,
        description,
        code,
        name,
        year,
        area,
        target_groups,
        problems,
        tags,
        context,
        ingredients,
        level,
        label,
        declaration,
        outcome,
        transfer,
        effect_size,
    })
}

/// Context attributes, by key in strictly rising order (as a map writes them).
fn read_context<'a>(r: &mut Reader<'a>) -> Result<Vec<(&'a str, ContextRef<'a>)>, Bad> {
    let part = "context";
    let n = short(part, r.len(17))?;
    let mut out: Vec<(&str, ContextRef)> = Vec::with_capacity(n);
    for _ in 0..n {
        let key = string(r, part)?;
        let kind = short(part, r.u8())?;
        let text = string(r, part)?;
        let value = match kind {
            0 => ContextRef::Text(text),
            1 => ContextRef::Number(
                text.parse().map_err(|_| bad(format!("{part}.{key}"), format!("`{text}` is not a number")))?,
            ),
            other => return Err(bad(format!("{part}.{key}"), format!("value kind {other} is neither 0 nor 1"))),
        };
        if out.last().is_some_and(|(last, _)| *last >= key) {
            return Err(bad(format!("{part}.{key}"), "keys out of order or repeated"));
        }
        out.push((key, value));
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

impl RecordRef<'_> {
    fn to_intervention(&self) -> Intervention {
        let owned = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<String>>();
        Intervention {
            id: self.id.to_owned(),
            title: self.title.to_owned(),
            description: self.description.to_owned(),
            municipality: MunicipalityRef { code: self.code.to_owned(), name: self.name.to_owned() },
            year: self.year,
            area: self.area.to_owned(),
            target_groups: owned(&self.target_groups),
            problems: owned(&self.problems),
            tags: owned(&self.tags),
            context: self
                .context
                .iter()
                .map(|(k, v)| {
                    let v = match v {
                        ContextRef::Text(s) => Value::String((*s).to_owned()),
                        ContextRef::Number(n) => Value::Number(n.clone()),
                    };
                    ((*k).to_owned(), v)
                })
                .collect(),
            ingredients: self.ingredients.iter().map(|(id, w)| IngredientUse { id: (*id).to_owned(), weight: *w }).collect(),
            evidence: Evidence { level: self.level, label: self.label.to_owned(), declaration: self.declaration.clone() },
            outcome: self.outcome,
            transfer: self.transfer,
            effect_size: self.effect_size,
        }
    }
}

impl DocFields for RecordRef<'_> {
    fn id(&self) -> &str {
        self.id
    }
    fn code(&self) -> &str {
        self.code
    }
    fn level(&self) -> i64 {
        self.level
    }
    fn area(&self) -> &str {
        self.area
    }
    fn target_groups(&self) -> impl Iterator<Item = &str> {
        self.target_groups.iter().copied()
    }
    fn problems(&self) -> impl Iterator<Item = &str> {
        self.problems.iter().copied()
    }
    fn uses(&self) -> impl Iterator<Item = (&str, f64)> {
        self.ingredients.iter().copied()
    }
    fn context(&self) -> impl Iterator<Item = (&str, ValueRef<'_>)> {
        self.context.iter().map(|(k, v)| {
            let v = match v {
                ContextRef::Text(s) => ValueRef::Text(s),
                ContextRef::Number(n) => ValueRef::Number(n),
            };
            (*k, v)
        })
    }
}
