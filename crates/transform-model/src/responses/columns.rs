//! Long data as columns (respondent, role, item, value), one entry per answer: the path for
//! long DataFrames, without a detour through text.

use std::collections::HashMap;

use super::{ResponseError, Responses};
use crate::model::Model;

/// One respondent's answers while the columns are read.
struct Pending {
    row: usize,
    role: usize,
    answers: Vec<(usize, i64)>,
}

/// Entries between two looks at the caller's cancellation token.
const CANCEL_EVERY: usize = 1 << 16;

impl Responses {
    /// Builds responses from long columns: entry `i` says respondent `respondents[i]` (of role
    /// `roles[i]`) answered `values[i]` to item `items[i]`; `missing` marks a recorded
    /// "don't know". Respondents keep their first-seen order. `row` in errors is the 1-based
    /// entry number; the same checks as long JSON (unknown item, role conflict, duplicate
    /// answer) apply.
    pub fn from_long_columns(
        model: &Model,
        respondents: &[String],
        roles: &[String],
        items: &[String],
        values: &[i64],
        missing: i64,
    ) -> Result<Self, ResponseError> {
        let n = respondents.len();
        if roles.len() != n || items.len() != n || values.len() != n {
            return Err(ResponseError::Shape { expected: values.len(), rows: n, items: items.len() });
        }
        let mut order: Vec<&str> = Vec::new();
        let mut pending: HashMap<&str, Pending> = HashMap::new();
        for (i, ((respondent, role), (item_id, &value))) in
            respondents.iter().zip(roles).zip(items.iter().zip(values)).enumerate()
        {
            // Long inputs run to millions of entries: a cancelled call stops here too.
            if i % CANCEL_EVERY == 0 {
                crate::cancel::check()?;
            }
            let row = i + 1;
            let respondent = respondent.trim();
            if respondent.is_empty() {
                return Err(ResponseError::EmptyRespondent { row });
            }
            let item = model
                .item_index(item_id.trim())
                .ok_or_else(|| ResponseError::UnknownItem { row, item: item_id.clone() })?;
            let entry = pending.entry(respondent).or_insert_with(|| {
                order.push(respondent);
                Pending { row, role: i, answers: Vec::new() }
            });
            let earlier = roles[entry.role].trim();
            if earlier != role.trim() {
                return Err(ResponseError::RoleConflict {
                    row,
                    respondent: respondent.to_owned(),
                    value: role.trim().to_owned(),
                    earlier: earlier.to_owned(),
                });
            }
            if entry.answers.iter().any(|(it, _)| *it == item) {
                return Err(ResponseError::DuplicateAnswer {
                    row,
                    respondent: respondent.to_owned(),
                    item: item_id.clone(),
                });
            }
            entry.answers.push((item, value));
        }
        let mut out = Responses::new(model);
        out.reserve(order.len());
        for id in order {
            let p = &pending[id];
            let answers = p.answers.iter().copied().filter(|&(_, v)| v != missing);
            out.push(model, p.row, id, &roles[p.role], answers)?;
        }
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn equals_the_long_json_reader() {
        let model = Model::default_model();
        let json = r#"[{"respondent":"A","role":"frontline","item":"D2_7","value":4},
            {"respondent":"B","role":"frontline","item":"D2_7","value":2},
            {"respondent":"A","role":"frontline","item":"D2_6","value":null}]"#;
        let from_json = Responses::from_long_json(&model, json).unwrap();
        let cols = Responses::from_long_columns(
            &model,
            &strings(&["A", "B", "A"]),
            &strings(&["frontline"; 3]),
            &strings(&["D2_7", "D2_7", "D2_6"]),
            &[4, 2, -1],
            -1,
        )
        .unwrap();
        assert_eq!(cols, from_json);
        assert_eq!(cols.value(0, model.item_index("D2_7").unwrap()), Ok(Some(4)));
        assert_eq!(cols.value(0, model.item_index("D2_6").unwrap()), Ok(None));
    }

    #[test]
    fn names_the_entry_of_a_conflict_or_duplicate() {
        let model = Model::default_model();
        let ids = strings(&["A", "A"]);
        let e = Responses::from_long_columns(
            &model,
            &ids,
            &strings(&["frontline", "top_manager"]),
            &strings(&["D2_7", "D2_6"]),
            &[4, 4],
            -1,
        )
        .unwrap_err();
        assert!(matches!(e, ResponseError::RoleConflict { row: 2, .. }), "{e:?}");
        let e = Responses::from_long_columns(
            &model,
            &ids,
            &strings(&["frontline"; 2]),
            &strings(&["D2_7", "D2_7"]),
            &[4, 3],
            -1,
        )
        .unwrap_err();
        assert!(matches!(e, ResponseError::DuplicateAnswer { row: 2, .. }), "{e:?}");
        let e = Responses::from_long_columns(
            &model,
            &ids,
            &strings(&["frontline"; 2]),
            &strings(&["D2_7", "X"]),
            &[4, 3],
            -1,
        )
        .unwrap_err();
        assert!(matches!(e, ResponseError::UnknownItem { row: 2, .. }), "{e:?}");
    }
}
