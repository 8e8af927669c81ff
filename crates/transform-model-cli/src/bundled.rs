//! Bundled data by name, in every command: `--catalog default` (or `sample`), `--portfolio
//! sample`, and responses `sample` resolve to the files inside the program, unless a file of
//! that name exists in the folder.

use std::path::Path;

use transform_model::Lang;
use transform_model::ingredient::Catalog;
use transform_model::mission::Portfolio;

/// The catalog of `--catalog`: `default`/`sample` is the bundled sample catalog.
pub fn catalog(path: &Path) -> Result<Catalog, String> {
    Catalog::resolve(&path.to_string_lossy()).map_err(|e| e.to_string())
}

/// How a plan or report names the catalog it used: the bundled one or the file.
pub fn catalog_name(path: Option<&Path>, lang: Lang) -> String {
    match path {
        Some(p) if !((p.as_os_str() == "default" || p.as_os_str() == "sample") && !p.exists()) => {
            p.display().to_string()
        }
        _ => lang.pick("det indbyggede eksempelkatalog", "the bundled sample catalog").to_owned(),
    }
}

/// The portfolio of `--portfolio` (JSON or .xlsx; `sample` is the bundled sample), its
/// errors in the reader's language.
pub fn portfolio(path: &Path, lang: Lang) -> Result<Portfolio, String> {
    Portfolio::resolve(&path.to_string_lossy()).map_err(|e| format!("{}: {}", path.display(), e.message(lang)))
}

/// "Skrev FILE" / "Wrote FILE": the one line a command prints after writing a file.
pub fn wrote(path: &Path, lang: Lang) -> String {
    format!("{} {}", lang.pick("Skrev", "Wrote"), path.display())
}
