//! The report a council reads: one self-contained HTML file (inline CSS and SVG, no script,
//! no external address) from an assessment and, when given, a portfolio, a catalog and a
//! plan. Page 1 is the summary for the council (REPORT.md); the sections after it carry the
//! figures, each chart followed by the table behind it; the method appendix ends it.
//!
//! Each section's file builds a plain view (texts already in the reader's language and
//! number format, charts already drawn); the minijinja templates only lay them out.

mod maturity;
mod method;
mod plan;
mod portfolio;
mod summary;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::ingredient::Index;
use crate::localized::Lang;
use crate::maturity::Assessment;
use crate::mission::{Portfolio, PortfolioAnalysis};
use crate::model::Model;
use crate::plan::Plan;

/// What the report is made from; everything but the model and the assessment is optional.
#[derive(Clone, Copy)]
pub struct ReportInputs<'a> {
    /// The model the assessment was computed on.
    pub model: &'a Model,
    /// The assessment.
    pub assessment: &'a Assessment,
    /// The portfolio with its analysis.
    pub portfolio: Option<(&'a Portfolio, &'a PortfolioAnalysis)>,
    /// A catalog's index, for the ingredients of under-served missions (needs the portfolio).
    pub index: Option<&'a Index>,
    /// The plan.
    pub plan: Option<&'a Plan>,
}

/// How the report is written.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ReportOptions {
    /// The language (Danish by default).
    pub lang: Lang,
    /// People invited per role id, for the response rate.
    pub invited: BTreeMap<String, usize>,
}

impl ReportOptions {
    /// Options in `lang` with no invited counts.
    pub fn new(lang: Lang) -> ReportOptions {
        ReportOptions { lang, invited: BTreeMap::new() }
    }

    /// The same options with the people invited per role.
    pub fn with_invited(mut self, invited: BTreeMap<String, usize>) -> ReportOptions {
        self.invited = invited;
        self
    }
}

/// Why a report cannot be written.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum ReportError {
    /// The assessment was computed on another model than the one given.
    #[error("the assessment was computed on model `{assessment}`, not on `{model}`: give the model it was made with")]
    ModelMismatch {
        /// The assessment's model (id@version).
        assessment: String,
        /// The given model (id@version).
        model: String,
    },
    /// An invited count names a role the model lacks.
    #[error("invited: unknown role `{role}`{}", suggestion.as_ref().map_or(String::new(), |s| format!(" (did you mean `{s}`?)")))]
    UnknownRole {
        /// The role as given.
        role: String,
        /// The nearest role id.
        suggestion: Option<String>,
    },
    /// Fewer invited than answered.
    #[error("invited: role `{role}` has {invited} invited but {answered} answered")]
    TooFewInvited {
        /// Role id.
        role: String,
        /// People invited.
        invited: usize,
        /// Respondents of the role in the assessment.
        answered: usize,
    },
    /// The template engine failed (a bug: the templates are part of the crate).
    #[error("report template: {0}")]
    Template(String),
}

#[derive(Serialize)]
struct Page {
    lang: &'static str,
    title: String,
    css: &'static str,
    t: BTreeMap<&'static str, &'static str>,
    summary: summary::Summary,
    maturity: maturity::Maturity,
    portfolio: Option<portfolio::PortfolioView>,
    plan: Option<plan::PlanView>,
    method: method::Method,
}

/// Section titles and fixed words, per language.
fn texts(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    let pairs: [(&str, &str, &str); 14] = [
        ("summary", "Resumé til byrådet", "Summary for the council"),
        ("headline", "Hovedkonklusion", "Main conclusion"),
        ("shows", "Hvad viser målingen?", "What does the survey show?"),
        ("priorities", "Her foreslås det at sætte ind", "Where we propose to act"),
        ("initiatives", "Betydning for kommunens indsatser", "What it means for the initiatives"),
        ("economy", "Økonomi og næste skridt", "Budget and next steps"),
        ("certainty", "Hvor sikre er resultaterne?", "How sure are the results?"),
        ("dimensions", "Dimensionerne", "The dimensions"),
        ("groups", "Grupper og forskelle i opfattelse", "Groups and perception gaps"),
        ("recommendations", "Anbefalinger", "Recommendations"),
        ("portfolio", "Porteføljen af indsatser", "The portfolio of initiatives"),
        ("ingredients", "Virksomme ingredienser til missionerne", "Active ingredients for the missions"),
        ("plan", "Planen", "The plan"),
        ("method", "Bilag: Metode", "Appendix: Method"),
    ];
    pairs.into_iter().map(|(k, da, en)| (k, lang.pick(da, en))).collect()
}

/// Checks the inputs: the assessment's model and the invited counts.
fn check(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Result<(), ReportError> {
    let a = &inputs.assessment.model;
    if a.id != inputs.model.id() || a.version != inputs.model.version() {
        return Err(ReportError::ModelMismatch {
            assessment: format!("{}@{}", a.id, a.version),
            model: format!("{}@{}", inputs.model.id(), inputs.model.version()),
        });
    }
    let known: Vec<&str> = inputs.model.roles().iter().map(|r| r.id.as_str()).collect();
    for (role, &invited) in &options.invited {
        if !known.contains(&role.as_str()) {
            let suggestion = crate::json::nearest(role, &known).map(str::to_owned);
            return Err(ReportError::UnknownRole { role: role.clone(), suggestion });
        }
        let answered = inputs.assessment.groups.iter().find(|g| g.role == *role).map_or(0, |g| g.n);
        if answered > invited {
            return Err(ReportError::TooFewInvited { role: role.clone(), invited, answered });
        }
    }
    Ok(())
}

/// Writes the report as one HTML document.
pub fn render_html(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Result<String, ReportError> {
    check(inputs, options)?;
    let lang = options.lang;
    let portfolio = inputs.portfolio.map(|(p, an)| portfolio::view(inputs.model, p, an, inputs.index, lang));
    let page = Page {
        lang: lang.code(),
        title: summary::title(inputs, lang),
        css: include_str!("templates/report.css"),
        t: texts(lang),
        summary: summary::view(inputs, options),
        maturity: maturity::view(inputs.model, inputs.assessment, lang),
        portfolio,
        plan: inputs.plan.map(|p| plan::view(p, lang)),
        method: method::view(inputs.model, inputs.assessment, lang),
    };
    let mut env = minijinja::Environment::new();
    env.add_template("report.html", include_str!("templates/report.html"))
        .map_err(|e| ReportError::Template(e.to_string()))?;
    let template = env.get_template("report.html").map_err(|e| ReportError::Template(e.to_string()))?;
    template.render(&page).map_err(|e| ReportError::Template(e.to_string()))
}

/// A table behind a chart: header and rows of cells (numbers marked for right alignment).
#[derive(Debug, Clone, Serialize, Default)]
pub(crate) struct Table {
    caption: String,
    header: Vec<String>,
    /// Per column: right-aligned (numbers).
    numeric: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(caption: &str, header: &[(&str, bool)]) -> Table {
        Table {
            caption: caption.to_owned(),
            header: header.iter().map(|(h, _)| (*h).to_owned()).collect(),
            numeric: header.iter().map(|(_, n)| *n).collect(),
            rows: Vec::new(),
        }
    }
}
