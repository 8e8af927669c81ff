//! Errors carry their cause (issues 33 and 34): each wrapped error is reachable through
//! `source()`, the operating system's error keeps its kind, and no link of a chain repeats
//! the message of the next (the `#[error("{0}")]` doubling). A variant that adds context
//! ("cannot read model file `x`: …") keeps the cause's text in its own message too, because
//! the faces print `Display` alone; its source is then the cause, never a copy of itself.

use std::error::Error;
use std::io::ErrorKind;

use transform_model::export::{self, ExportError, Format, Table};
use transform_model::ingredient::{Catalog, CatalogError, Index, StoreError};
use transform_model::limits::{Cause, IoCause, ReadError};
use transform_model::localized::UnknownLang;
use transform_model::{AssessError, Lang, Model, ModelError, Weighting};

/// The messages of `e` and of every source below it.
fn chain(e: &(dyn Error + 'static)) -> Vec<String> {
    let mut out = vec![e.to_string()];
    let mut next = e.source();
    while let Some(s) = next {
        out.push(s.to_string());
        next = s.source();
    }
    out
}

/// The operating system's error somewhere in the chain.
fn io_kind(e: &(dyn Error + 'static)) -> Option<ErrorKind> {
    let mut next = Some(e);
    while let Some(s) = next {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return Some(io.kind());
        }
        if let Some(io) = s.downcast_ref::<IoCause>() {
            return Some(io.get().kind());
        }
        if let Some(ReadError::Io(io)) = s.downcast_ref::<ReadError>() {
            return Some(io.get().kind());
        }
        next = s.source();
    }
    None
}

fn assert_no_repeat(e: &(dyn Error + 'static)) -> Vec<String> {
    let links = chain(e);
    for (i, link) in links.iter().enumerate() {
        assert!(!link.trim().is_empty(), "empty message in {links:?}");
        assert!(!links[i + 1..].contains(link), "`{link}` repeats in the chain {links:?}");
    }
    links
}

fn missing(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("tm-error-chains-{}", std::process::id())).join(name)
}

#[test]
fn file_errors_keep_the_system_error_as_their_source() {
    let model = Model::from_file(missing("model.json")).unwrap_err();
    assert!(matches!(model, ModelError::Io { .. }), "{model:?}");
    let catalog = Catalog::from_file(missing("catalog.json")).unwrap_err();
    assert!(matches!(catalog, CatalogError::Io { .. }), "{catalog:?}");
    let Err(load) = Index::load(missing("index.tmi")) else { panic!("a missing index loads") };
    assert!(matches!(load, StoreError::Io { action: "read", .. }), "{load:?}");
    let save = Index::new(Catalog::sample()).save(missing("index.tmi")).unwrap_err();
    assert!(matches!(save, StoreError::Io { action: "write", .. }), "{save:?}");
    let errors: [&(dyn Error + 'static); 4] = [&model, &catalog, &load, &save];
    for e in errors {
        let links = assert_no_repeat(e);
        assert!(links.len() >= 2, "the system's error is a source: {links:?}");
        assert_eq!(io_kind(e), Some(ErrorKind::NotFound), "{links:?}");
    }
    // Clone keeps the shared cause: equal, and still the same kind.
    let copy = save.clone();
    assert_eq!(copy, save);
    assert_eq!(io_kind(&copy), Some(ErrorKind::NotFound));
}

#[test]
fn an_export_that_cannot_be_renamed_keeps_the_reason() {
    // The target is a folder: the bytes are written to a temporary file, the rename fails.
    let dir = std::env::temp_dir().join(format!("tm-error-chains-dir-{}", std::process::id()));
    let target = dir.join("table.csv");
    std::fs::create_dir_all(&target).unwrap();
    let e = export::write_file(
        &Table { columns: Vec::new(), sections: Vec::new(), wide: Vec::new() },
        Format::Csv,
        Lang::Da,
        &target,
    )
    .unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(matches!(&e, ExportError::Write { .. }), "{e:?}");
    let links = assert_no_repeat(&e);
    assert!(io_kind(&e).is_some(), "{links:?}");
}

#[test]
fn another_librarys_error_is_kept_whole_and_compared_by_message() {
    let io = || std::io::Error::other("disk on fire");
    let e = ExportError::Csv(Cause::new(io()));
    assert_eq!(chain(&e), ["cannot write the CSV: disk on fire", "disk on fire"]);
    assert_eq!(e.clone(), ExportError::Csv(Cause::new(io())));
    assert_ne!(e, ExportError::Csv(Cause::new(std::io::Error::other("flood"))));
}

#[test]
fn parsed_names_are_typed_errors_naming_the_value() {
    let lang = "fr".parse::<Lang>().unwrap_err();
    assert_eq!(lang, UnknownLang("fr".to_owned()));
    assert_eq!(lang.to_string(), "unknown language `fr` (allowed: da, en)");
    let weighting = "mean".parse::<Weighting>().unwrap_err();
    assert!(
        matches!(&weighting, AssessError::InvalidOption { name, message } if name == "weighting" && message.contains("`mean`"))
    );
    assert_no_repeat(&weighting);
    assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
    assert_eq!("pooled".parse::<Weighting>().ok(), Some(Weighting::Pooled));
}
