//! The tables an index derives from its interventions — facets, interned context and the
//! municipalities' partner profiles — as a saved index stores them (new in format version
//! 3), so loading reads a few flat arrays instead of walking every intervention to derive
//! them again, and `partners` on a loaded index reads no intervention at all.

use super::bytes::{Reader, Short, Writer};
use super::layout::{Bad, bad};
use crate::ingredient::context::{ContextFlat, ContextTable};
use crate::ingredient::derived::{Derived, Profile, Profiles};
use crate::ingredient::facets::{Facets, FacetsFlat};

pub(crate) fn write_derived(w: &mut Writer, facets: &Facets, context: &ContextTable) {
    let f = facets.to_flat();
    w.strs(&f.values);
    w.u32s(&f.offsets);
    w.u32s(&f.tags);
    w.u32s(&f.areas);
    w.len(f.tag_docs.len());
    for (facet, t, docs) in &f.tag_docs {
        w.u8(*facet);
        w.u64(u64::from(*t));
        w.u32s(docs);
    }
    let c = context.to_flat();
    w.strs(&c.keys);
    w.strs(&c.values);
    w.u32s(&c.rows);
    w.u32s(&c.entry_keys);
    w.u32s(&c.entry_texts);
    w.len(c.entry_nums.len());
    for x in &c.entry_nums {
        w.f64(*x);
    }
}

fn short<T>(part: &str, r: Result<T, Short>) -> Result<T, Bad> {
    r.map_err(|Short| bad(part, "ends early"))
}

fn strings(r: &mut Reader, part: &str) -> Result<Vec<String>, Bad> {
    let n = short(part, r.len(8))?;
    (0..n)
        .map(|_| {
            let bytes = short(part, r.str_bytes())?;
            String::from_utf8(bytes.to_vec()).map_err(|e| bad(part, format!("text is not UTF-8 ({e})")))
        })
        .collect()
}

pub(crate) fn read_derived(r: &mut Reader, n_docs: usize) -> Result<Derived, Bad> {
    let part = "facets";
    let values = strings(r, part)?;
    let (offsets, tags, areas) = (short(part, r.u32s())?, short(part, r.u32s())?, short(part, r.u32s())?);
    let n = short(part, r.len(17))?;
    let mut tag_docs = Vec::with_capacity(n);
    for _ in 0..n {
        let facet = short(part, r.u8())?;
        let t = u32::try_from(short(part, r.u64())?).map_err(|_| bad(part, "a tag id past 2³²"))?;
        tag_docs.push((facet, t, short(part, r.u32s())?));
    }
    let flat = FacetsFlat { values, offsets, tags, areas, tag_docs };
    let facets = Facets::from_flat(flat, n_docs).map_err(|m| bad(part, m))?;
    let part = "context";
    let (keys, values) = (strings(r, part)?, strings(r, part)?);
    let (rows, entry_keys, entry_texts) = (short(part, r.u32s())?, short(part, r.u32s())?, short(part, r.u32s())?);
    let n = short(part, r.len(8))?;
    let entry_nums = (0..n).map(|_| short(part, r.f64())).collect::<Result<Vec<f64>, Bad>>()?;
    let flat = ContextFlat { keys, values, rows, entry_keys, entry_texts, entry_nums };
    let context = ContextTable::from_flat(flat, n_docs).map_err(|m| bad(part, m))?;
    Ok(Derived { facets, context })
}

/// The profiles, by code: each one's problems (tag text and count) and ingredient ids.
pub(crate) fn write_profiles(w: &mut Writer, profiles: &Profiles) {
    w.len(profiles.len());
    for (code, p) in profiles {
        w.str(code);
        w.len(p.problems.len());
        for (tag, n) in &p.problems {
            w.str(tag);
            w.f64(*n);
        }
        let ids: Vec<&String> = p.ingredients.iter().collect();
        w.strs(&ids);
    }
}

pub(crate) fn read_profiles(r: &mut Reader) -> Result<Profiles, Bad> {
    let part = "profiles";
    let n = short(part, r.len(24))?;
    let mut out = Profiles::new();
    for _ in 0..n {
        let code = strings_one(r, part)?;
        let k = short(part, r.len(16))?;
        let mut problems = std::collections::BTreeMap::new();
        for _ in 0..k {
            let tag = strings_one(r, part)?;
            let count = short(part, r.f64())?;
            if !(count.is_finite() && count > 0.0) {
                return Err(bad(format!("{part}.{code}"), format!("problem `{tag}` counted {count} times")));
            }
            problems.insert(tag, count);
        }
        let ingredients = strings(r, part)?.into_iter().collect();
        let norm = problems.values().map(|x| x * x).sum::<f64>().sqrt();
        if out.insert(code.clone(), Profile { problems, norm, ingredients }).is_some() {
            return Err(bad(part, format!("municipality `{code}` twice")));
        }
    }
    Ok(out)
}

fn strings_one(r: &mut Reader, part: &str) -> Result<String, Bad> {
    let bytes = short(part, r.str_bytes())?;
    String::from_utf8(bytes.to_vec()).map_err(|e| bad(part, format!("text is not UTF-8 ({e})")))
}
