//! Answers to filter questions and the skip logic they drive: an item behind a filter that
//! was not answered "ja" is *not asked* of that respondent — excluded, not missing.

use std::collections::HashMap;

use super::{ResponseError, Responses, check_unique_columns};
use crate::model::Model;

/// An answer to a filter question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterAnswer {
    /// "ja": the items behind the filter are asked.
    Yes,
    /// "nej": they are skipped.
    No,
    /// "ved ikke", or no answer although the filter was asked: they are skipped.
    DontKnow,
}

impl FilterAnswer {
    fn code(self) -> u8 {
        match self {
            FilterAnswer::Yes => 1,
            FilterAnswer::No => 2,
            FilterAnswer::DontKnow => 3,
        }
    }

    fn from_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(FilterAnswer::Yes),
            2 => Some(FilterAnswer::No),
            3 => Some(FilterAnswer::DontKnow),
            _ => None,
        }
    }

    /// Reads a cell: `ja`/`yes`/`1`/`true`, `nej`/`no`/`0`/`false`, `dk`/`ved ikke`/empty
    /// (any case; the XLSForm choice names are `ja`, `nej`, `dk`). `None`: anything else.
    pub fn parse(cell: &str) -> Option<Self> {
        let t = cell.trim().to_lowercase();
        match t.as_str() {
            "ja" | "yes" | "1" | "true" => Some(FilterAnswer::Yes),
            "nej" | "no" | "0" | "false" => Some(FilterAnswer::No),
            "dk" => Some(FilterAnswer::DontKnow),
            _ if super::is_missing_token(&t) => Some(FilterAnswer::DontKnow),
            _ => None,
        }
    }

    /// The answer as the questionnaire writes it: `ja`, `nej`, `dk`.
    pub fn name(self) -> &'static str {
        match self {
            FilterAnswer::Yes => "ja",
            FilterAnswer::No => "nej",
            FilterAnswer::DontKnow => "dk",
        }
    }
}

impl Responses {
    /// Records the filter answers (filter index, raw cell) of the respondent added last and
    /// checks them: a filter the role is not asked must be empty, an answer must read as
    /// ja / nej / ved ikke, and no item behind a filter not answered "ja" may have an answer.
    /// A filter without a column is not recorded: its items count as asked.
    pub(crate) fn set_filters(
        &mut self,
        model: &Model,
        row: usize,
        cells: &[(usize, &str)],
    ) -> Result<(), ResponseError> {
        self.set_filters_of(model, self.len() - 1, row, cells)
    }

    /// [`Responses::set_filters`] for respondent `r`.
    fn set_filters_of(
        &mut self,
        model: &Model,
        r: usize,
        row: usize,
        cells: &[(usize, &str)],
    ) -> Result<(), ResponseError> {
        let role = self.role(r);
        let respondent = self.id_at(r).to_owned();
        for &(f, cell) in cells {
            let column = model.filters()[f].id.clone();
            if !model.is_filter_asked(role, f) {
                if cell.trim().is_empty() {
                    continue;
                }
                let role = model.roles()[role].id.clone();
                return Err(ResponseError::FilterNotAsked { row, respondent, column, role });
            }
            let answer = FilterAnswer::parse(cell).ok_or_else(|| ResponseError::FilterAnswer {
                row,
                respondent: respondent.clone(),
                column: column.clone(),
                value: cell.to_owned(),
            })?;
            self.filter_codes[r * self.n_filters + f] = answer.code();
        }
        for item in 0..self.n_items {
            if self.is_skipped(r, item) && self.codes(r)[item] != 0 {
                let f = self.item_filter[item].expect("a skipped item has a filter");
                let answer = self.filter_answer(r, f).map_or("", FilterAnswer::name);
                return Err(ResponseError::SkippedAnswered {
                    row,
                    respondent,
                    column: model.items()[item].id.clone(),
                    filter: model.filters()[f].id.clone(),
                    answer: answer.to_owned(),
                });
            }
        }
        Ok(())
    }

    /// Adds filter answers from rows as the faces' columns hold them, as text (`ja`, `nej`,
    /// `ved ikke`, …): per filter column, row `i` says respondent `ids[i]` answered
    /// `values[i]` (a wide matrix has one row per respondent, long columns one per answer,
    /// where a respondent's rows must agree: `UnitConflict`). Each respondent's answers get
    /// the checks of the file readers; `row` in errors is the respondent's first 1-based row.
    /// A filter without a column stays unrecorded: its items count as asked.
    pub fn with_filter_rows(
        mut self,
        model: &Model,
        ids: &[String],
        filters: &[(String, Vec<String>)],
    ) -> Result<Self, ResponseError> {
        if filters.is_empty() {
            return Ok(self);
        }
        let columns = filter_columns(model, ids, filters)?;
        // Respondent id → (first row, its value in each filter column).
        let mut of: HashMap<&str, (usize, Vec<&str>)> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            let (id, row) = (id.trim(), i + 1);
            let values: Vec<&str> = filters.iter().map(|(_, v)| v[i].as_str()).collect();
            let Some((_, earlier)) = of.get(id) else {
                of.insert(id, (row, values));
                continue;
            };
            let conflict = (0..values.len()).find(|&k| values[k].trim() != earlier[k].trim());
            if let Some(k) = conflict {
                return Err(ResponseError::UnitConflict {
                    row,
                    respondent: id.to_owned(),
                    column: filters[k].0.clone(),
                    value: values[k].trim().to_owned(),
                    earlier: earlier[k].trim().to_owned(),
                });
            }
        }
        for r in 0..self.len() {
            // Every respondent read has rows here (the same ids built the responses).
            let Some((row, values)) = of.get(self.id_at(r)) else { continue };
            let cells: Vec<(usize, &str)> = columns.iter().copied().zip(values.iter().copied()).collect();
            self.set_filters_of(model, r, *row, &cells)?;
        }
        Ok(self)
    }

    /// The answer of respondent `r` to filter `f`; `None` when not recorded.
    pub fn filter_answer(&self, r: usize, f: usize) -> Option<FilterAnswer> {
        self.filter_codes.get(r * self.n_filters + f).copied().and_then(FilterAnswer::from_code)
    }

    /// Whether item `item` was skipped for respondent `r` by its filter (answered "nej" or
    /// "ved ikke", or left empty): not asked, so neither an answer nor a missing one.
    pub fn is_skipped(&self, r: usize, item: usize) -> bool {
        self.item_filter
            .get(item)
            .copied()
            .flatten()
            .and_then(|f| self.filter_answer(r, f))
            .is_some_and(|a| a != FilterAnswer::Yes)
    }

    /// Whether item `item` was put to respondent `r`: routed to their role and not skipped.
    pub fn is_put(&self, model: &Model, r: usize, item: usize) -> bool {
        model.is_asked(self.role(r), item) && !self.is_skipped(r, item)
    }

    /// Answered items respondent `r` needs for a score on dimension `d`: ⌈put/2⌉ over the
    /// items put to them (0 = never scored). Without skips, [`Model::needed`] of their role.
    pub fn needed(&self, model: &Model, r: usize, d: usize) -> usize {
        if self.n_filters == 0 {
            return model.needed(self.role(r), d);
        }
        crate::model::min_answered(model.dimension_items(d).iter().filter(|&&i| self.is_put(model, r, i)).count())
    }
}

/// The model's index of each filter column, checking names, uniqueness and lengths.
fn filter_columns(
    model: &Model,
    ids: &[String],
    filters: &[(String, Vec<String>)],
) -> Result<Vec<usize>, ResponseError> {
    check_unique_columns(filters.iter().map(|(c, _)| c.as_str()))?;
    filters
        .iter()
        .map(|(column, values)| {
            if values.len() != ids.len() {
                return Err(ResponseError::Shape { expected: values.len(), rows: ids.len(), items: 1 });
            }
            model.filter_index(column.trim()).ok_or_else(|| ResponseError::UnknownFilter {
                column: column.clone(),
                allowed: model.filters().iter().map(|f| f.id.as_str()).collect::<Vec<_>>().join(", "),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::responses::ReadOptions;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn model() -> Model {
        Model::bundled("dtm@2027.1").unwrap()
    }

    /// Three top managers answer D3_1 and D3_3 (behind F_missions): T1 "ja" answers D3_3,
    /// T2 "nej" and T3 "ved ikke" leave it empty, so it is skipped for them.
    fn matrix(f: &[&str], d3_3: [i64; 3]) -> Result<Responses, ResponseError> {
        let m = model();
        let ids = strings(&["T1", "T2", "T3"]);
        let values = [4, d3_3[0], 2, d3_3[1], 5, d3_3[2]];
        let items = strings(&["D3_1", "D3_3"]);
        Responses::from_matrix(&m, &ids, &strings(&["top_manager"; 3]), &items, &values, 0)?.with_filter_rows(
            &m,
            &ids,
            &[("F_missions".to_owned(), strings(f))],
        )
    }

    #[test]
    fn text_filter_answers_beside_a_matrix_skip_items_like_the_csv_reader() {
        let m = model();
        let r = matrix(&["ja", "nej", "ved ikke"], [3, 0, 0]).unwrap();
        let d3_3 = m.item_index("D3_3").unwrap();
        assert_eq!((0..3).map(|i| r.is_skipped(i, d3_3)).collect::<Vec<_>>(), [false, true, true]);
        assert_eq!(r.filter_answer(1, 0), Some(FilterAnswer::No));
        let csv = "respondent,role,D3_1,D3_3,F_missions\nT1,top_manager,4,3,ja\nT2,top_manager,2,,nej\nT3,top_manager,5,,ved ikke\n";
        assert_eq!(r, Responses::from_csv_str(&m, csv, &ReadOptions::default()).unwrap());
        // D3 has five items for a top manager (⌈5/2⌉ = 3 needed); "nej" skips D3_3 and D3_6: ⌈3/2⌉ = 2.
        let d3 = m.dimension_index("D3").unwrap();
        assert_eq!((r.needed(&m, 0, d3), r.needed(&m, 1, d3)), (3, 2));
    }

    #[test]
    fn filter_rows_get_the_readers_typed_errors() {
        let e = matrix(&["ja", "nej", "ja"], [3, 4, 0]).unwrap_err();
        assert!(
            matches!(&e, ResponseError::SkippedAnswered { row: 2, column, filter, answer, .. }
                if column == "D3_3" && filter == "F_missions" && answer == "nej"),
            "{e:?}"
        );
        let e = matrix(&["ja", "måske", "ja"], [3, 0, 0]).unwrap_err();
        assert!(matches!(&e, ResponseError::FilterAnswer { row: 2, value, .. } if value == "måske"), "{e:?}");
        let m = model();
        let ids = strings(&["S1"]);
        let staff = Responses::from_matrix(&m, &ids, &strings(&["frontline"]), &strings(&["D2_7"]), &[4], 0).unwrap();
        let e = staff.clone().with_filter_rows(&m, &ids, &[("F_missions".into(), strings(&["ja"]))]).unwrap_err();
        assert!(matches!(&e, ResponseError::FilterNotAsked { row: 1, role, .. } if role == "frontline"), "{e:?}");
        let e = staff.with_filter_rows(&m, &ids, &[("F_mission".into(), strings(&["ja"]))]).unwrap_err();
        assert!(matches!(&e, ResponseError::UnknownFilter { allowed, .. } if allowed.contains("F_missions")), "{e:?}");
    }

    #[test]
    fn long_rows_of_one_respondent_must_agree_on_a_filter() {
        let m = model();
        let ids = strings(&["T1", "T1"]);
        let r = Responses::from_long_columns(
            &m,
            &ids,
            &strings(&["top_manager"; 2]),
            &strings(&["D3_1", "D3_3"]),
            &[4, 3],
            0,
        )
        .unwrap();
        let e = r.with_filter_rows(&m, &ids, &[("F_missions".into(), strings(&["ja", "nej"]))]).unwrap_err();
        assert!(matches!(&e, ResponseError::UnitConflict { row: 2, earlier, .. } if earlier == "ja"), "{e:?}");
    }
}
