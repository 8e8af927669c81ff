//! Resource limits: every size the library reads or allocates for, in one place, so that
//! broken or hostile input ends in a typed error instead of exhausting the machine.
//!
//! | limit | default | raise it with | enforced where |
//! |---|---|---|---|
//! | `file_bytes` | 1 GiB | `TM_MAX_FILE_BYTES` | every file the library reads (responses, models, overlays, catalogs, portfolios, baselines, saved indexes) |
//! | `respondents` | 2,000,000 | `TM_MAX_RESPONDENTS` | responses read from CSV, JSON, `.xlsx` or a matrix |
//! | `columns` | 10,000 | `TM_MAX_COLUMNS` | the header of a response file |
//! | `sheet_cells` | 100,000,000 | `TM_MAX_SHEET_CELLS` | the used range of an `.xlsx` sheet (rows × columns, read densely) |
//! | `items` | 1,000 | `TM_MAX_ITEMS` | the items of a model (custom models and overlays) |
//! | `catalog_entries` | 1,000,000 | `TM_MAX_CATALOG_ENTRIES` | ingredients and interventions of a catalog |
//! | `query_chars` | 100,000 | `TM_MAX_QUERY_CHARS` | the problem text of a match |
//! | `portfolio_entries` | 1,000,000 | `TM_MAX_PORTFOLIO_ENTRIES` | initiatives, and missions, of a generated portfolio |
//!
//! The environment variable is read once per process and can only raise a limit (a value
//! below the default, or no integer, is ignored): the bundled models and catalog are
//! within every default, so no setting can make the library refuse its own data. Limits fixed by their meaning are options with their own typed error:
//! bootstrap resamples ([`MAX_BOOTSTRAP`], option `bootstrap`), worker threads
//! ([`MAX_THREADS`], option `threads`; by default one per core), analysis years (`1900..=2200`, option `year`),
//! payback horizon (`0..=100` years, option `horizon`), plan length
//! (`1..=`[`crate::plan::MAX_YEARS`], option `years`) and JSON nesting (128 levels, the
//! JSON reader's own limit: deeper text is refused as a parse error).
//!
//! Generators check their size before they allocate: synthetic responses collected in
//! memory against `respondents`, synthetic catalogs and query batches against
//! `catalog_entries`, synthetic portfolios against `portfolio_entries` (each a size the
//! library could read back). Synthetic responses streamed as CSV (`write_csv`, the CLI's
//! `sample`) hold one row at a time and have no limit.
//!
//! Values quoted in error messages are cut to [`QUOTE_CHARS`] characters (`quote`), so a
//! 50 MiB header never comes back as a 50 MiB message.

use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

/// Resamples above this are refused: the level probabilities settle long before.
pub const MAX_BOOTSTRAP: usize = 100_000;

/// Worker threads an assessment may ask for (option `threads`): a fixed ceiling, so that a
/// value valid on a server is valid on a laptop (threads beyond the cores only take turns,
/// and results do not depend on their number); far above any machine the library runs on.
pub const MAX_THREADS: usize = 256;

/// Characters of a quoted value kept in an error message (then "…").
pub const QUOTE_CHARS: usize = 200;

/// A size limit that can be raised through its environment variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// Bytes of any one file read.
    FileBytes,
    /// Respondents in one set of responses.
    Respondents,
    /// Columns in the header of one response file.
    Columns,
    /// Cells in the used range (rows × columns) of one `.xlsx` sheet: a 9 KB workbook can
    /// name cell XFD1048576, and reading its range densely would take 512 GiB.
    SheetCells,
    /// Items of one model.
    Items,
    /// Ingredients, and interventions, of one catalog.
    CatalogEntries,
    /// Characters of a problem text.
    QueryChars,
    /// Initiatives, and missions, of one generated portfolio.
    PortfolioEntries,
}

impl Limit {
    /// Every limit, in the order of the module table.
    pub const ALL: [Limit; 8] = [
        Limit::FileBytes,
        Limit::Respondents,
        Limit::Columns,
        Limit::SheetCells,
        Limit::Items,
        Limit::CatalogEntries,
        Limit::QueryChars,
        Limit::PortfolioEntries,
    ];

    /// The limit's name, as errors and the documentation give it.
    pub fn name(self) -> &'static str {
        match self {
            Limit::FileBytes => "file_bytes",
            Limit::Respondents => "respondents",
            Limit::Columns => "columns",
            Limit::SheetCells => "sheet_cells",
            Limit::Items => "items",
            Limit::CatalogEntries => "catalog_entries",
            Limit::QueryChars => "query_chars",
            Limit::PortfolioEntries => "portfolio_entries",
        }
    }

    /// The environment variable that raises (or lowers) the limit.
    pub fn env_var(self) -> &'static str {
        match self {
            Limit::FileBytes => "TM_MAX_FILE_BYTES",
            Limit::Respondents => "TM_MAX_RESPONDENTS",
            Limit::Columns => "TM_MAX_COLUMNS",
            Limit::SheetCells => "TM_MAX_SHEET_CELLS",
            Limit::Items => "TM_MAX_ITEMS",
            Limit::CatalogEntries => "TM_MAX_CATALOG_ENTRIES",
            Limit::QueryChars => "TM_MAX_QUERY_CHARS",
            Limit::PortfolioEntries => "TM_MAX_PORTFOLIO_ENTRIES",
        }
    }

    /// The built-in value.
    pub fn default_max(self) -> u64 {
        match self {
            Limit::FileBytes => 1 << 30,
            Limit::Respondents => 2_000_000,
            Limit::Columns => 10_000,
            Limit::SheetCells => 100_000_000,
            Limit::Items => 1_000,
            Limit::CatalogEntries => 1_000_000,
            Limit::QueryChars => 100_000,
            Limit::PortfolioEntries => 1_000_000,
        }
    }

    /// The value in force: the environment variable's when it is an integer above the default.
    pub fn max(self) -> u64 {
        static VALUES: OnceLock<Vec<u64>> = OnceLock::new();
        let values = VALUES.get_or_init(|| {
            Limit::ALL
                .iter()
                .map(|l| {
                    std::env::var(l.env_var())
                        .ok()
                        .and_then(|v| v.trim().replace('_', "").parse::<u64>().ok())
                        .map_or(l.default_max(), |v| v.max(l.default_max()))
                })
                .collect()
        });
        values[Limit::ALL.iter().position(|l| *l == self).expect("ALL lists every limit")]
    }

    /// `Err` when `value` is above the limit in force.
    pub fn check(self, value: u64) -> Result<(), LimitError> {
        let max = self.max();
        if value > max { Err(LimitError { limit: self, value, max }) } else { Ok(()) }
    }
}

/// A size above a limit: which limit, the size found (at least), the limit, and how to
/// raise it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{value} {unit} exceed the limit `{name}` of {max} (raise it with the environment variable {env}=N)",
    unit = unit(*limit), name = limit.name(), env = limit.env_var()
)]
pub struct LimitError {
    /// The limit exceeded.
    pub limit: Limit,
    /// The size found (for counts read one by one: the first count above the limit).
    pub value: u64,
    /// The limit in force.
    pub max: u64,
}

fn unit(limit: Limit) -> &'static str {
    match limit {
        Limit::FileBytes => "bytes",
        Limit::Respondents => "respondents",
        Limit::Columns => "columns",
        Limit::SheetCells => "cells",
        Limit::Items => "items",
        Limit::CatalogEntries => "entries",
        Limit::QueryChars => "characters",
        Limit::PortfolioEntries => "entries",
    }
}

/// Why a file could not be read: the system's error, or its size. `Clone` and `PartialEq`
/// (the system's error is shared, see [`IoCause`]), so the error enums that keep it as their
/// source stay so.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error(transparent)]
    Io(IoCause),
    /// The file is larger than [`Limit::FileBytes`].
    #[error(transparent)]
    Limit(#[from] LimitError),
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        ReadError::Io(IoCause::from(e))
    }
}

/// An operating-system error kept whole as the source of a library error, behind an `Arc`
/// so that the error stays `Clone` (as polars keeps `Arc<io::Error>`). Two are equal when
/// their kind and message are.
#[derive(Debug, Clone)]
pub struct IoCause(pub std::sync::Arc<std::io::Error>);

impl IoCause {
    /// The system's error (its kind, its OS code).
    pub fn get(&self) -> &std::io::Error {
        &self.0
    }
}

impl From<std::io::Error> for IoCause {
    fn from(e: std::io::Error) -> Self {
        IoCause(std::sync::Arc::new(e))
    }
}

impl PartialEq for IoCause {
    fn eq(&self, other: &Self) -> bool {
        self.0.kind() == other.0.kind() && self.0.to_string() == other.0.to_string()
    }
}

impl std::fmt::Display for IoCause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for IoCause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// Another library's error (the CSV writer, the workbook writer, the template engine) kept
/// whole as the source of a library error, shared as [`IoCause`] is so that the enum holding it
/// stays `Clone`. Two are equal when their messages are.
#[derive(Debug, Clone)]
pub struct Cause(pub std::sync::Arc<dyn std::error::Error + Send + Sync + 'static>);

impl Cause {
    /// Keeps `error` as a cause.
    pub fn new(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        Cause(std::sync::Arc::new(error))
    }
}

impl PartialEq for Cause {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_string() == other.0.to_string()
    }
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Cause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// Reads a whole file, refusing one larger than [`Limit::FileBytes`] before reading it (and
/// while reading, should it grow meanwhile or be a stream such as a pipe).
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    let max = Limit::FileBytes.max();
    let file = std::fs::File::open(path)?;
    let known = file.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
    if let Some(len) = known {
        Limit::FileBytes.check(len)?;
    }
    let mut bytes = Vec::with_capacity(known.unwrap_or(0) as usize);
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Limit::FileBytes.check(bytes.len() as u64)?;
    Ok(bytes)
}

/// As [`read_file`], for text: invalid UTF-8 is an `InvalidData` error.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let bytes = read_file(path)?;
    String::from_utf8(bytes).map_err(|e| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, format!("not UTF-8: {}", e.utf8_error())).into()
    })
}

/// `value` cut to [`QUOTE_CHARS`] characters with "…" when longer: for quoting input in
/// error messages.
pub(crate) fn quote(value: &str) -> std::borrow::Cow<'_, str> {
    match value.char_indices().nth(QUOTE_CHARS) {
        None => value.into(),
        Some((end, _)) => format!("{}…", &value[..end]).into(),
    }
}

/// A message with every backtick-quoted value cut by [`quote`], and any unquoted run cut
/// likewise: for messages from parsers that quote the input they refuse (serde, csv).
pub(crate) fn bound_message(message: &str) -> String {
    if message.chars().count() <= 2 * QUOTE_CHARS {
        return message.to_owned();
    }
    message.split('`').map(|part| quote(part).into_owned()).collect::<Vec<_>>().join("`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_keeps_short_values_and_cuts_long_ones_at_a_char_boundary() {
        assert_eq!(quote("kort"), "kort");
        let exact = "å".repeat(QUOTE_CHARS);
        assert_eq!(quote(&exact), exact);
        let long = "æ".repeat(QUOTE_CHARS + 1);
        assert_eq!(quote(&long), format!("{}…", "æ".repeat(QUOTE_CHARS)));
    }

    #[test]
    fn bound_message_cuts_each_quoted_value() {
        let value = "x".repeat(5000);
        let m = bound_message(&format!("unknown variant `{value}`, expected `a` or `b`"));
        // 200 x and the ellipsis, the rest of the message intact.
        assert_eq!(m, format!("unknown variant `{}…`, expected `a` or `b`", "x".repeat(QUOTE_CHARS)));
        assert_eq!(bound_message("short `x`"), "short `x`");
    }

    #[test]
    fn the_error_names_the_limit_and_its_variable() {
        let e = Limit::Columns.check(Limit::Columns.default_max() + 1).unwrap_err();
        assert_eq!(e.limit, Limit::Columns);
        assert_eq!(
            e.to_string(),
            "10001 columns exceed the limit `columns` of 10000 (raise it with the environment variable TM_MAX_COLUMNS=N)"
        );
        assert!(Limit::Columns.check(Limit::Columns.default_max()).is_ok());
    }

    #[test]
    fn every_limit_has_a_distinct_name_and_variable() {
        let names: std::collections::BTreeSet<_> = Limit::ALL.iter().map(|l| l.name()).collect();
        let vars: std::collections::BTreeSet<_> = Limit::ALL.iter().map(|l| l.env_var()).collect();
        assert_eq!((names.len(), vars.len()), (Limit::ALL.len(), Limit::ALL.len()));
    }
}
