//! transform-model: tools for Danish municipalities moving from an operations-optimised
//! *driftskommune* to a *transformative municipality*.
//!
//! The crate is plain Rust with no FFI: the C ABI and the Python package convert and
//! forward to it. Each capability has its own module and error enum:
//!
//! - [`model`]: the versioned, bilingual maturity model definition (data, validated on load);
//! - [`questionnaire`]: the items as forms for survey tools (XLSForm, lists) and paper (HTML);
//! - [`responses`]: questionnaire answers read from survey exports (CSV, JSON, .xlsx);
//! - [`maturity`]: scoring per the domain contract, with anonymity, reliability and intervals;
//! - [`stats`]: the small statistical kernels the scoring is built from.

pub mod atomic;
pub mod ingredient;
mod json;
pub mod limits;
pub mod localized;
pub mod maturity;
pub mod mission;
pub mod model;
pub mod municipality;
pub mod plan;
pub mod questionnaire;
pub mod responses;
pub mod schema;
pub mod stats;
pub mod text;

pub use localized::{Lang, Localized};
pub use maturity::{AssessError, AssessOptions, Assessment, Weighting, assess};
pub use model::{Model, ModelError};
pub use responses::{ResponseError, Responses};
