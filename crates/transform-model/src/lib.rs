//! transform-model: tools for Danish municipalities moving from an operations-optimised
//! *driftskommune* to a *transformative municipality*.
//!
//! The article behind it ("Den transformative kommune") argues, in three sentences: welfare
//! in Danish municipalities is under pressure, and the solutions mostly exist already, as
//! small projects scattered around the country. What is missing is not mechanical scaling of
//! single projects but organic spreading of the *active ingredients* (virksomme
//! ingredienser) that make many of them work. That takes leadership: missions, a portfolio of
//! innovation across good initiatives, co-creation with the municipality's ecosystem, and
//! leaders who work long-term at changing how the municipality makes welfare.
//!
//! This crate turns that into four computations, each a plain function on plain data:
//!
//! | Capability | Entry point | Input |
//! |---|---|---|
//! | Maturity: where does the municipality stand? | [`assess`] | survey answers ([`Responses`]) on a [`Model`] |
//! | Missions: does the portfolio serve them? | [`mission::Portfolio::analyse`] | a [`mission::Portfolio`] |
//! | Ingredients: what has worked on this problem? | [`ingredient::Index::match_query`] | a [`ingredient::Catalog`] and a [`ingredient::Query`] |
//! | The five-year plan | [`plan::plan`] | all of the above |
//!
//! Every input has a bundled sample (synthetic and illustrative), so each quickstart below
//! runs as it stands; `crates/transform-model/examples/` holds the same four as programs
//! (`cargo run -p transform-model --example assess_survey`, `portfolio`, `match_problem`,
//! `plan`).
//!
//! # Quickstart: assess a survey
//!
//! ```
//! use transform_model::maturity::SAMPLE_RESPONSES_CSV;
//! use transform_model::responses::ReadOptions;
//! use transform_model::{AssessOptions, Lang, Model, Responses, assess};
//!
//! let model = Model::default_model(); // the bundled model `dtm`, newest version
//! let responses = Responses::from_csv_str(&model, SAMPLE_RESPONSES_CSV, &ReadOptions::default())?;
//! let assessment = assess(&model, &responses, &AssessOptions::default())?;
//!
//! // Ten dimensions, each scored 1–5 from the roles' answers.
//! assert_eq!(assessment.dimensions.len(), model.dimensions().len());
//! let overall = assessment.overall.score.expect("the sample has enough respondents");
//! assert!((1.0..=5.0).contains(&overall));
//! println!("{}: {overall:.2}", assessment.dimensions[0].label.get(Lang::En));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Files: [`Responses::from_file`] reads CSV, JSON and (feature `xlsx`) Excel exports.
//!
//! # Quickstart: analyse a portfolio
//!
//! ```
//! use transform_model::mission::{AnalysisOptions, Portfolio};
//!
//! let portfolio = Portfolio::sample(); // a fictional municipality's missions and initiatives
//! let analysis = portfolio.analyse(&AnalysisOptions::default())?;
//! // One coverage row per mission; initiatives that serve no mission are closure candidates.
//! assert_eq!(analysis.coverage.len(), portfolio.missions.len());
//! for c in &analysis.closure_candidates {
//!     println!("{}: {}", c.initiative, c.reason);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Quickstart: match a problem against the catalog
//!
//! ```
//! use transform_model::ingredient::{Catalog, Index, MatchOptions, Query};
//!
//! let index = Index::new(Catalog::sample()); // build once, query from many threads
//! let query = Query { text: "Ældre får for meget medicin i hjemmeplejen".to_owned(), ..Query::default() };
//! let result = index.match_query(&query, &MatchOptions::default())?;
//! // Ingredients come ranked, best first.
//! assert!(result.ingredients.windows(2).all(|w| w[0].score >= w[1].score));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Quickstart: make the plan
//!
//! ```
//! use transform_model::maturity::SAMPLE_RESPONSES_CSV;
//! use transform_model::plan::{PlanInputs, PlanOptions, plan};
//! use transform_model::responses::ReadOptions;
//! use transform_model::{AssessOptions, Model, Responses, assess};
//!
//! let model = Model::default_model();
//! let responses = Responses::from_csv_str(&model, SAMPLE_RESPONSES_CSV, &ReadOptions::default())?;
//! let assessment = assess(&model, &responses, &AssessOptions::default())?;
//! // Portfolio and catalog are optional (`None`): the plan then covers the maturity gaps.
//! let inputs = PlanInputs { model: &model, assessment: &assessment, portfolio: None, index: None };
//! let mut options = PlanOptions::default();
//! options.start_year = Some(2026); // the year comes from the input, never the clock
//! let plan = plan(inputs, &options)?;
//! assert_eq!(plan.start_year, 2026);
//! assert!(plan.actions().all(|(year, _)| (2026..2026 + plan.years).contains(&year)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The anonymity promise
//!
//! Employee surveys in Danish municipalities promise anonymity, and [`assess`] keeps it for
//! every figure published together (the rule is in docs/scoring.md):
//!
//! - No reported figure rests on fewer than k respondents ([`AssessOptions::min_group_size`],
//!   default [`maturity::DEFAULT_MIN_GROUP_SIZE`] = 5). Role groups below k merge into an
//!   "other" group; if that is still too small its respondents are left out of every figure
//!   and only their count is reported ([`Assessment::excluded_for_anonymity`]). k below 5
//!   needs [`AssessOptions::allow_small_groups`]; k below
//!   [`maturity::MIN_GROUP_SIZE_FLOOR`] = 3 is refused. Fewer than k respondents in all is
//!   an error ([`AssessError::TooFewRespondents`]), never a figure.
//! - Dispersion figures (intervals, SD, r_wg, alpha) need larger cells
//!   ([`AssessOptions::min_dispersion_n`], default 10); suppressing one group's spread
//!   suppresses another's too, so none can be solved from the rest; a cell whose members all
//!   gave the same score is withheld below 20.
//! - A withheld figure is `None`, with a [`maturity::Warning`] or a [`maturity::Withheld`]
//!   reason saying why — never a guess.
//!
//! # Determinism
//!
//! The same input and options give the same output, byte for byte, on any machine and any
//! thread count: every bootstrap replicate draws from its own PCG generator seeded by (seed,
//! replicate), the synthetic samples from a seeded PCG generator, parallel work is cut into
//! fixed-size chunks and joined in order, and no output follows hash order. Nothing reads the clock: the plan's and the
//! portfolio's year come from the input or the options.
//!
//! # Threading
//!
//! The heavy steps (the bootstrap, index building, portfolio alignment) run in parallel on
//! rayon's global pool; [`AssessOptions::threads`] runs an assessment's bootstrap on a pool
//! of its own size instead. The data types ([`Model`], [`Responses`], [`ingredient::Index`],
//! [`mission::Portfolio`]) are immutable after construction and `Send + Sync`: build them
//! once and share them (`&` or `Arc`) between threads. There is no global mutable state,
//! only read-only tables built once on first use (the stemmer, the compound lexicon, the
//! municipality list).
//!
//! # Errors
//!
//! Each module has one error enum ([`AssessError`], [`ModelError`], [`ResponseError`],
//! [`ingredient::CatalogError`], [`mission::PortfolioError`], [`plan::PlanError`]); each
//! names what was wrong (row, column, item, key, value). Bad input is an error, never a
//! panic.
//!
//! # Cargo features
//!
//! - `xlsx` (default): Excel workbooks — responses read from `.xlsx`
//!   ([`responses::Responses::from_file`]), questionnaires and plans written as `.xlsx`.
//!   Without it (`default-features = false`) the crate has no zip/XML stack; CSV, JSON and
//!   HTML still work.
//!
//! # Modules
//!
//! - [`model`]: the versioned, bilingual maturity model definition (data, validated on load);
//! - [`questionnaire`]: the items as forms for survey tools (XLSForm, lists) and paper (HTML);
//! - [`responses`]: questionnaire answers read from survey exports (CSV, JSON, .xlsx);
//! - [`maturity`]: scoring per the domain contract, with anonymity, reliability and intervals;
//! - [`mission`]: missions and the initiative portfolio (alignment, coverage, economics);
//! - [`ingredient`]: the catalog of interventions and the active-ingredient matching;
//! - [`plan`]: the five-year transformation plan;
//! - [`municipality`]: the Danish municipalities (codes, names, regions) for partners;
//! - [`numbers`]: numbers in the reader's language ("2,71", "63 pct."), as every face
//!   writes them;
//! - [`table`]: the terminal tables the CLI, Python's `render_table` and C's
//!   `tm_assessment_to_text` print; [`export`]: the csv/xlsx tables;
//! - [`maturity::figures`]: the figure registry the faces show dimensions by;
//! - [`schema`]: JSON Schemas of the inputs and outputs;
//! - [`localized`], [`atomic`]: bilingual texts; files replaced whole, never half-written.

#![warn(missing_docs)]
// Unsafe code only where an `#[allow(unsafe_code)]` says why (SIMD, madvise, UTF-8 already checked).
#![deny(unsafe_code)]

pub mod atomic;
pub mod benchmark;
pub mod cancel;
pub mod chart;
pub mod disclosure;
pub mod export;
pub mod ingredient;
mod json;
pub mod limits;
pub mod localized;
pub mod maturity;
pub mod mission;
pub mod model;
pub mod municipality;
pub mod numbers;
pub mod plan;
pub mod questionnaire;
#[cfg(feature = "report")]
pub mod report;
pub mod responses;
pub mod schema;
// The statistical kernels are not API; the crate's integration tests reach them, hidden
// from the documented surface (docs/public-api.txt).
#[doc(hidden)]
pub mod stats;
pub mod table;
// Danish text analysis is the matching's machinery, not API: the crate's tests, examples
// and fuzz target reach it, hidden from the documented surface like `stats`.
#[doc(hidden)]
pub mod text;
mod versioned;
mod vocab;

pub use localized::{Lang, Localized};
pub use maturity::{AssessError, AssessOptions, Assessment, Weighting, assess};
pub use model::{Model, ModelError};
pub use responses::{ResponseError, Responses};
pub use versioned::{OUTPUT_SCHEMA_VERSION, Versioned};

/// The crate guide promises that the shared data types can cross threads; this fails to
/// compile when one of them stops being `Send + Sync`.
#[cfg(test)]
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<Model>();
    shared::<Responses>();
    shared::<Assessment>();
    shared::<ingredient::Index>();
    shared::<ingredient::Catalog>();
    shared::<mission::Portfolio>();
    shared::<mission::PortfolioAnalysis>();
    shared::<plan::Plan>();
};
