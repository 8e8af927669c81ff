//! The reader's words, gathered for the views above the domain (terminal tables, the HTML
//! report, the charts, the Python frames): numbers from [`crate::numbers`], each value's
//! Danish and English name from the label next to its type (`Stage::label`,
//! `TargetStatus::label`, …), so a Danish reader never meets `spreading` (REPORT.md,
//! "Ordliste"). Nothing below the views imports this module: imports point down. Crate-private: the
//! faces take the same names from the modules that define them.

use crate::localized::Localized;
use crate::model::Model;

pub use crate::numbers::{between, count, kroner, number, percent, signed};

/// A role group for readers (see [`Model::role_label`]).
pub fn role(model: &Model, id: &str) -> Localized {
    model.role_label(id)
}

/// A dimension for council readers (see [`Model::dimension_label`]).
pub fn dimension(model: &Model, id: &str) -> Localized {
    model.dimension_label(id)
}
