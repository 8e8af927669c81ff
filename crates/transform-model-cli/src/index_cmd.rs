//! `transform-model index`: analyse a catalog once and save its index; and the `--index`
//! option of `match` and `partners`, which loads a saved index instead of a catalog.

use std::path::{Path, PathBuf};

use transform_model::ingredient::{Catalog, Index};

/// Analyses the catalog at `catalog` and saves its index to `out`; returns a one-line summary.
pub fn build(catalog: &Path, out: &Path) -> Result<String, String> {
    let index = Index::new(crate::bundled::catalog(catalog)?);
    index.save(out).map_err(|e| e.to_string())?;
    let bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    Ok(format!(
        "{}: {} interventions, {} terms, {:.1} MiB",
        out.display(),
        index.catalog().interventions().len(),
        index.terms(),
        bytes as f64 / (1024.0 * 1024.0)
    ))
}

/// The index to match against: a saved one (`--index`), else the catalog's (`--catalog`,
/// or the bundled sample) built now.
pub fn open(catalog: Option<&PathBuf>, index: Option<&PathBuf>) -> Result<Index, String> {
    match (catalog, index) {
        (Some(_), Some(_)) => Err("give --catalog or --index, not both".to_owned()),
        (_, Some(path)) => Index::load(path).map_err(|e| e.to_string()),
        (Some(path), None) => Ok(Index::new(crate::bundled::catalog(path)?)),
        (None, None) => Ok(Index::new(Catalog::sample())),
    }
}

/// Lets go of an index without freeing it: the process ends right after the answer, and
/// freeing a large catalog string by string costs more than the query (the OS reclaims it).
pub fn release(index: Index) {
    std::mem::forget(index);
}
