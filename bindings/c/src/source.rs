//! Where a C entry point's responses come from: text handed over, or a file (or a bundled
//! name, `sample`) resolved by the core. One reading for every entry point that takes them.

use transform_model::model::Model;
use transform_model::responses::{ReadOptions, ResponseError, Responses};

pub(crate) enum Source<'a> {
    /// Wide CSV text.
    Csv(&'a str),
    /// Long JSON text (one record per answer).
    LongJson(&'a str),
    /// A path, or a bundled name the core resolves.
    File(&'a str),
}

impl Source<'_> {
    /// The responses, read with `read` (long JSON has no columns to map).
    pub(crate) fn read(self, model: &Model, read: &ReadOptions) -> Result<Responses, ResponseError> {
        match self {
            Source::Csv(text) => Responses::from_csv_str(model, text, read),
            Source::LongJson(text) => Responses::from_long_json(model, text),
            Source::File(path) => transform_model::maturity::sample::resolve_responses(model, path, read),
        }
    }
}
