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
    Declaration, DocFields, Evidence, Grade, IngredientUse, Intervention, MunicipalityRef, Outcome, Transfer, ValueRef,
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
    target_groups: List<'a>,
    problems: List<'a>,
    tags: List<'a>,
    context: List<'a>,
    ingredients: List<'a>,
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

/// A list inside a record, checked when the record was read and read again, without
/// allocating, each time it is iterated.
#[derive(Clone, Copy)]
struct List<'a> {
    n: usize,
    bytes: &'a [u8],
}

impl<'a> List<'a> {
    /// The items, read again by `item` (which succeeded on these bytes when the list was checked).
    fn items<T: 'a>(self, item: fn(&mut Reader<'a>) -> Result<T, Bad>) -> impl Iterator<Item = T> + 'a {
        let mut r = Reader::new(self.bytes);
        (0..self.n).map(move |_| item(&mut r).unwrap_or_else(|b| panic!("a checked list reads again: {}", b.message)))
    }

    fn strs(self) -> impl Iterator<Item = &'a str> + 'a {
        self.items(|r| string(r, ""))
    }
}

/// A list of `n` items read by `item` from `r`, checked now and kept as its bytes.
fn list<'a, T>(
    r: &mut Reader<'a>,
    part: &str,
    min_item: usize,
    item: fn(&mut Reader<'a>) -> Result<T, Bad>,
) -> Result<List<'a>, Bad> {
    let n = short(part, r.len(min_item))?;
    let start = r.position();
    for _ in 0..n {
        item(r).map_err(|b| Bad { part: joined(part, &b.part), ..b })?;
    }
    Ok(List { n, bytes: r.since(start) })
}

/// `part.inner`, or `part` when the inner part has no name.
fn joined(part: &str, inner: &str) -> String {
    if inner.is_empty() { part.to_owned() } else { format!("{part}.{inner}") }
}

fn str_item<'a>(r: &mut Reader<'a>) -> Result<&'a str, Bad> {
    string(r, "")
}

fn use_item<'a>(r: &mut Reader<'a>) -> Result<(&'a str, f64), Bad> {
    Ok((string(r, "")?, short("", r.f64())?))
}

fn context_item<'a>(r: &mut Reader<'a>) -> Result<(&'a str, ContextRef<'a>), Bad> {
    let key = string(r, "")?;
    let kind = short("", r.u8())?;
    let text = string(r, "")?;
    let value = match kind {
        0 => ContextRef::Text(text),
        1 => ContextRef::Number(text.parse().map_err(|_| bad(key, format!("`{text}` is not a number")))?),
        other => return Err(bad(key, format!("value kind {other} is neither 0 nor 1"))),
    };
    Ok((key, value))
}

/// A visitor of (position, municipality code, ingredient ids) of each intervention.
pub(crate) type ProfileVisit<'v> = dyn FnMut(usize, &str, &mut dyn Iterator<Item = &str>) + 'v;

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
    pub fn check<'a>(
        buf: &'a Arc<Buffer>,
        body: Range<usize>,
        starts: Vec<u64>,
        token: &crate::cancel::Token,
    ) -> Result<(Records, Vec<RecordRef<'a>>), Bad> {
        let part = "catalog.interventions";
        let n = starts.len().saturating_sub(1);
        let len = body.len() as u64;
        if starts.first() != Some(&0) || starts.windows(2).any(|w| w[0] > w[1]) || starts[n] != len {
            return Err(bad(part, "the table of starts does not cover the interventions"));
        }
        let bytes = &buf.bytes()[body.clone()];
        // Collected in place in catalog order (an indexed parallel iterator), then the
        // first error in catalog order, if any.
        let refs: Vec<Result<RecordRef, Bad>> = (0..n)
            .into_par_iter()
            .with_min_len(CHUNK)
            .map(|i| {
                // The caller turns this into `Cancelled` when its token is set.
                if token.is_cancelled() {
                    return Err(bad(part, "cancelled"));
                }
                let mut r = Reader::new(&bytes[starts[i] as usize..starts[i + 1] as usize]);
                let rec = read_record(&mut r).map_err(|b| Bad { part: format!("{part}[{i}].{}", b.part), ..b })?;
                if r.at_end() { Ok(rec) } else { Err(bad(format!("{part}[{i}]"), "bytes left over")) }
            })
            .collect();
        let refs = refs.into_iter().collect::<Result<Vec<RecordRef>, Bad>>()?;
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

    /// Calls `visit(doc, code, ingredient ids)` for every record, borrowing from the buffer.
    pub fn for_each_profile_fields(&self, visit: &mut ProfileVisit<'_>) {
        for doc in 0..self.len() {
            let r = self.record(doc);
            visit(doc, r.code, &mut r.ingredients.items(use_item).map(|(id, _)| id));
        }
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
    super::utf8::to_str(bytes).map_err(|e| bad(part, format!("text is not UTF-8 ({e})")))
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
    let target_groups = list(r, "target_groups", 8, str_item)?;
    let problems = list(r, "problems", 8, str_item)?;
    let tags = list(r, "tags", 8, str_item)?;
    let context = context_list(r)?;
    let ingredients = list(r, "ingredients", 16, use_item)?;
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

/// The context attributes, checked in one pass: each item, and keys in strictly rising
/// order, as a map writes them.
fn context_list<'a>(r: &mut Reader<'a>) -> Result<List<'a>, Bad> {
    let part = "context";
    let n = short(part, r.len(17))?;
    let start = r.position();
    let mut last: Option<&str> = None;
    for _ in 0..n {
        let (key, _) = context_item(r).map_err(|b| Bad { part: joined(part, &b.part), ..b })?;
        if last.is_some_and(|l| l >= key) {
            return Err(bad(format!("{part}.{key}"), "keys out of order or repeated"));
        }
        last = Some(key);
    }
    Ok(List { n, bytes: r.since(start) })
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
        let owned = |v: List| v.strs().map(str::to_owned).collect::<Vec<String>>();
        Intervention {
            id: self.id.to_owned(),
            title: self.title.to_owned(),
            description: self.description.to_owned(),
            municipality: MunicipalityRef { code: self.code.to_owned(), name: self.name.to_owned() },
            year: self.year,
            area: self.area.to_owned(),
            target_groups: owned(self.target_groups),
            problems: owned(self.problems),
            tags: owned(self.tags),
            context: self
                .context
                .items(context_item)
                .map(|(k, v)| {
                    let v = match v {
                        ContextRef::Text(s) => Value::String(s.to_owned()),
                        ContextRef::Number(n) => Value::Number(n),
                    };
                    (k.to_owned(), v)
                })
                .collect(),
            ingredients: self
                .ingredients
                .items(use_item)
                .map(|(id, weight)| IngredientUse { id: id.to_owned(), weight })
                .collect(),
            evidence: Evidence {
                level: self.level,
                label: self.label.to_owned(),
                declaration: self.declaration.clone(),
            },
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
        self.target_groups.strs()
    }
    fn problems(&self) -> impl Iterator<Item = &str> {
        self.problems.strs()
    }
    fn uses(&self) -> impl Iterator<Item = (&str, f64)> {
        self.ingredients.items(use_item)
    }
    fn context_error(&self) -> Option<(&str, String)> {
        None // every value was read as text or a number
    }
    fn context(&self) -> impl Iterator<Item = (&str, ValueRef<'_>)> {
        self.context.items(context_item).map(|(k, v)| {
            let v = match v {
                ContextRef::Text(s) => ValueRef::Text(s),
                ContextRef::Number(n) => ValueRef::Number(n),
            };
            (k, v)
        })
    }
}
