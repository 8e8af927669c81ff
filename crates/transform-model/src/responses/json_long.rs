//! Long JSON: one record per answer, `[{"respondent","role","item","value"}]`.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::units::{Collector, check_value, is_unit_column};
use super::{ResponseError, Responses, is_missing_token, parse_answer};
use crate::model::Model;

#[derive(Deserialize, schemars::JsonSchema)]
#[schemars(title = "LongAnswer")]
pub(crate) struct Record {
    /// Respondent id (text or integer); the same id on every answer of one respondent.
    respondent: Value,
    /// Role id of the respondent, one of the model's roles.
    role: String,
    /// Item id of the model.
    item: String,
    /// The answer on the model's scale; null, absent, "" or "ved ikke" mark "don't know".
    #[serde(default)]
    value: Value,
    /// Unit columns (`department`, `unit`, or those asked for), as text; the same on every
    /// answer of one respondent. Other keys are ignored.
    #[serde(flatten)]
    extra: std::collections::BTreeMap<String, Value>,
}

struct Pending {
    row: usize,
    role: String,
    answers: Vec<(usize, Option<i64>)>,
    /// Unit values by column name, first seen.
    units: std::collections::BTreeMap<String, String>,
}

pub(super) fn read(model: &Model, text: &str, unit_columns: &[String]) -> Result<Responses, ResponseError> {
    let records = parse_records(text)?;
    let (order, pending) = group_by_respondent(model, records, unit_columns)?;
    assemble(model, order, &pending)
}

/// Deserialises the records, naming the failing record's 1-based row in the error.
fn parse_records(text: &str) -> Result<Vec<Record>, ResponseError> {
    if text.trim().is_empty() {
        return Err(ResponseError::Empty);
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| ResponseError::Malformed {
        row: e
            .path()
            .to_string()
            .trim_start_matches('[')
            .split(']')
            .next()
            .and_then(|s| s.parse::<usize>().ok())
            .map_or(0, |i| i + 1),
        message: format!("at `{}`: {}", e.path(), e.inner()),
    })
}

/// Groups answers by respondent, keeping first-seen order, so each respondent becomes one row.
fn group_by_respondent(
    model: &Model,
    records: Vec<Record>,
    unit_columns: &[String],
) -> Result<(Vec<String>, HashMap<String, Pending>), ResponseError> {
    let mut order: Vec<String> = Vec::new();
    let mut pending: HashMap<String, Pending> = HashMap::new();
    for (i, rec) in records.into_iter().enumerate() {
        let row = i + 1;
        let respondent = respondent_id(&rec, row)?;
        let item = model
            .item_index(rec.item.trim())
            .ok_or_else(|| ResponseError::UnknownItem { row, item: rec.item.clone() })?;
        let value = answer_value(&rec, row, &respondent)?;
        let entry = pending.entry(respondent.clone()).or_insert_with(|| {
            order.push(respondent.clone());
            Pending { row, role: rec.role.trim().to_owned(), answers: Vec::new(), units: Default::default() }
        });
        merge_units(model, &rec, row, &respondent, unit_columns, entry)?;
        if entry.role != rec.role.trim() {
            return Err(ResponseError::RoleConflict {
                row,
                respondent,
                value: rec.role.trim().to_owned(),
                earlier: entry.role.clone(),
            });
        }
        if entry.answers.iter().any(|(it, _)| *it == item) {
            return Err(ResponseError::DuplicateAnswer { row, respondent, item: rec.item.clone() });
        }
        // A recorded "don't know" (None) still counts as an answer slot for duplicate checks.
        entry.answers.push((item, value));
    }
    Ok((order, pending))
}

/// The respondent id as text: ids may be given as text or as numbers, but never empty.
fn respondent_id(rec: &Record, row: usize) -> Result<String, ResponseError> {
    let respondent = match &rec.respondent {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        other => {
            return Err(ResponseError::Malformed {
                row,
                message: format!("respondent must be text or a number, not {other}"),
            });
        }
    };
    if respondent.is_empty() {
        return Err(ResponseError::EmptyRespondent { row });
    }
    Ok(respondent)
}

/// The answer on the scale, or `None` for "don't know"; whole-valued floats count as integers.
fn answer_value(rec: &Record, row: usize, respondent: &str) -> Result<Option<i64>, ResponseError> {
    Ok(match &rec.value {
        Value::Null => None,
        Value::Number(n) => Some(
            n.as_i64()
                .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 1e15).map(|f| f as i64))
                .ok_or_else(|| not_integer(row, respondent, &rec.item, &n.to_string()))?,
        ),
        Value::String(s) if is_missing_token(s) => None,
        Value::String(s) => Some(parse_answer(s).ok_or_else(|| not_integer(row, respondent, &rec.item, s))?),
        other => return Err(not_integer(row, respondent, &rec.item, &other.to_string())),
    })
}

/// Records the record's unit values on its respondent, which must agree with earlier answers.
fn merge_units(
    model: &Model,
    rec: &Record,
    row: usize,
    respondent: &str,
    unit_columns: &[String],
    entry: &mut Pending,
) -> Result<(), ResponseError> {
    for (column, value) in rec.extra.iter().filter(|(k, _)| is_unit_column(k, unit_columns)) {
        let text = match value {
            Value::String(s) => s.trim().to_owned(),
            Value::Number(n) => n.to_string(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        let text = check_value(model, row, column, &text)?;
        match entry.units.get(column) {
            Some(earlier) if *earlier != text => {
                return Err(ResponseError::UnitConflict {
                    row,
                    respondent: respondent.to_owned(),
                    column: column.clone(),
                    value: text,
                    earlier: earlier.clone(),
                });
            }
            Some(_) => {}
            None => {
                entry.units.insert(column.clone(), text);
            }
        }
    }
    Ok(())
}

/// Builds the responses in first-seen order, with every unit column any respondent gave.
fn assemble(model: &Model, order: Vec<String>, pending: &HashMap<String, Pending>) -> Result<Responses, ResponseError> {
    let mut out = Responses::new(model);
    out.reserve(order.len());
    let names: std::collections::BTreeSet<&String> = pending.values().flat_map(|p| p.units.keys()).collect();
    let mut units = Collector::new(names.into_iter().cloned().collect());
    for id in order {
        let p = &pending[&id];
        out.push(model, p.row, &id, &p.role, p.answers.iter().filter_map(|&(item, v)| Some((item, v?))))?;
        for (j, column) in units.names.iter().enumerate() {
            let value = p.units.get(column).map_or("", String::as_str);
            units.values[j].push(check_value(model, p.row, column, value)?);
        }
    }
    units.finish(&mut out);
    out.finish()
}

fn not_integer(row: usize, respondent: &str, item: &str, value: &str) -> ResponseError {
    ResponseError::NotInteger {
        row,
        respondent: respondent.to_owned(),
        column: item.to_owned(),
        value: value.to_owned(),
    }
}
