//! Answers to filter questions and the skip logic they drive: an item behind a filter that
//! was not answered "ja" is *not asked* of that respondent — excluded, not missing.

use super::{ResponseError, Responses};
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
        let r = self.len() - 1;
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
