//! `--format` and `--output` of `assess`, `portfolio` and `match`: JSON and the terminal
//! table as before, and the BI exports (a long table as CSV, or a workbook) of the core's
//! `export` module.

use std::path::Path;

use clap::ValueEnum;
use transform_model::Lang;
use transform_model::export::{self, Table};

/// The output formats of the commands that export.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Table,
    /// A long table (one row per figure); `;` and decimal comma under `--lang da`.
    Csv,
    /// A workbook, one sheet per section (needs `--output`).
    Xlsx,
}

/// The texts and the table a command can emit, built only when asked for.
pub struct Outputs<J, T, X> {
    pub json: J,
    pub table: T,
    pub export: X,
}

/// Prints the chosen format (empty string: nothing to print) or writes it to `output`,
/// whole or not at all.
pub fn emit<J, T, X>(format: Format, lang: Lang, output: Option<&Path>, o: Outputs<J, T, X>) -> Result<String, String>
where
    J: FnOnce() -> String,
    T: FnOnce() -> String,
    X: FnOnce() -> Table,
{
    let kind = match format {
        Format::Json => return text((o.json)(), output, lang),
        Format::Table => return text((o.table)(), output, lang),
        Format::Csv => export::Format::Csv,
        Format::Xlsx => export::Format::Xlsx,
    };
    let table = (o.export)();
    match output {
        Some(path) => export::write_file(&table, kind, lang, path)
            .map(|()| crate::bundled::wrote(path, lang))
            .map_err(|e| e.to_string()),
        None if kind == export::Format::Xlsx => Err("--format xlsx writes a workbook: give --output FILE".into()),
        None => {
            let bytes = export::to_bytes(&table, kind, lang).map_err(|e| e.to_string())?;
            String::from_utf8(bytes).map_err(|e| e.to_string())
        }
    }
}

/// JSON or the terminal table: printed, or written to `output` ("Skrev FILE").
fn text(s: String, output: Option<&Path>, lang: Lang) -> Result<String, String> {
    let Some(path) = output else { return Ok(s) };
    write(path, s.as_bytes())?;
    Ok(crate::bundled::wrote(path, lang))
}

/// Writes `bytes` to `path` whole or not at all; a missing folder is named as such.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let missing = path.parent().filter(|f| !f.as_os_str().is_empty() && !f.is_dir());
    if let Some(folder) = missing {
        return Err(format!("cannot write `{}`: the folder `{}` does not exist", path.display(), folder.display()));
    }
    transform_model::atomic::write_atomically(path, bytes)
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))
}
