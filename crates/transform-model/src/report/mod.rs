//! The report a council reads: one self-contained HTML file (inline CSS and SVG, no script,
//! no external address) from an assessment and, when given, a portfolio, a catalog and a
//! plan. Page 1 is the summary for the council (REPORT.md); the sections after it carry the
//! figures, each chart followed by the table behind it; the method appendix ends it.
//!
//! Each section's file builds a plain view (texts already in the reader's language and
//! number format, charts already drawn); the minijinja templates only lay them out.

mod economy;
mod hearing;
mod maturity;
mod method;
mod options;
mod plan;
mod portfolio;
mod proposals;
mod sag;
mod summary;
mod units;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::ingredient::Index;
use crate::localized::Lang;
use crate::maturity::Assessment;
use crate::mission::{Portfolio, PortfolioAnalysis};
use crate::model::Model;
use crate::plan::Plan;

pub use options::{Date, Status, SurveyPeriod, find_municipality, month_name};

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
    /// The municipality (code or name, one of the 98); default: the portfolio's, else the
    /// assessment's, else "Kommunen".
    pub municipality: Option<String>,
    /// The committee that first treats the paper; default Økonomiudvalget.
    pub committee: Option<String>,
    /// The committee's meeting date; default: not stated.
    pub meeting_date: Option<Date>,
    /// When the survey was open; default: not stated (the paper says so).
    pub survey_period: Option<SurveyPeriod>,
    /// Til beslutning or til orientering; default: beslutning with a plan, else orientering.
    pub status: Option<Status>,
    /// Which catalog the ingredients and the plan come from, as the reader is told it (the
    /// bundled sample catalog, or a file's name); `None` without a catalog.
    pub catalog: Option<String>,
}

impl ReportOptions {
    /// Options in `lang` with no invited counts.
    pub fn new(lang: Lang) -> ReportOptions {
        ReportOptions { lang, ..ReportOptions::default() }
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
    /// Invited counts for some roles only: a response rate over part of the respondents would
    /// read as the whole survey's, so every role that answered needs its count (or none do).
    #[error("invited: no count for role(s) {} that answered; give the invited count of every role that answered, or none", missing.join(", "))]
    PartialInvited {
        /// Role ids with respondents but no invited count, in the assessment's order.
        missing: Vec<String>,
    },
    /// A municipality that is not one of the 98 (nor a fictional one of the sample data).
    #[error("municipality: `{value}` is not one of the 98 municipalities (code or name){}", suggestion.as_ref().map_or(String::new(), |s| format!(" (did you mean `{s}`?)")))]
    UnknownMunicipality {
        /// The code or name as given.
        value: String,
        /// The nearest name.
        suggestion: Option<String>,
    },
    /// A date that is not a calendar date `YYYY-MM-DD`, or a period that ends before it begins.
    #[error("date `{value}`: {reason}")]
    InvalidDate {
        /// The date as given.
        value: String,
        /// What is wrong.
        reason: String,
    },
    /// The meeting is before the survey has ended: the paper could not hold its results.
    #[error("meeting date {meeting} is before the survey ended ({survey_end})")]
    MeetingBeforeSurvey {
        /// The meeting date.
        meeting: Date,
        /// The survey's last day.
        survey_end: Date,
    },
    /// A status other than beslutning or orientering.
    #[error("status: `{value}` is neither `beslutning` nor `orientering`")]
    UnknownStatus {
        /// The status as given.
        value: String,
    },
    /// An empty committee name.
    #[error("committee: the name is empty")]
    EmptyCommittee,
    /// The template engine failed (a bug: the templates are part of the crate).
    #[error("report template: {0}")]
    Template(#[source] crate::limits::Cause),
}

#[derive(Serialize)]
struct Page {
    lang: &'static str,
    title: String,
    css: &'static str,
    t: BTreeMap<&'static str, &'static str>,
    sag: sag::Sag,
    summary: summary::Summary,
    maturity: maturity::Maturity,
    units: Option<units::UnitsView>,
    portfolio: Option<portfolio::PortfolioView>,
    plan: Option<plan::PlanView>,
    method: method::Method,
}

/// Section titles and fixed words, per language.
fn texts(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    let pairs: [(&str, &str, &str); 28] = [
        ("resume", "Resumé", "Summary"),
        ("indstilling", "Indstilling", "Recommendation to the council"),
        ("sagsfremstilling", "Sagsfremstilling", "Case presentation"),
        ("background", "Baggrund", "Background"),
        ("measured", "Målingen", "The survey"),
        ("result", "Resultat", "Result"),
        ("proposals", "Forslag", "Proposals"),
        ("okonomi", "Økonomi", "Finances"),
        ("horing", "Høring", "Consultation"),
        ("forlob", "Videre forløb", "Next steps"),
        ("beslutning", "Beslutning", "Decision"),
        ("bilag", "Bilag", "Appendices"),
        ("levels", "Modenhedens fem niveauer", "The five levels of maturity"),
        ("shows", "Hvad viser målingen?", "What does the survey show?"),
        ("priorities", "Her foreslås det at sætte ind", "Where we propose to act"),
        ("initiatives", "Betydning for kommunens indsatser", "What it means for the initiatives"),
        ("certainty", "Hvor sikre er resultaterne?", "How sure are the results?"),
        ("dimensions", "Bilag 1: Dimensionerne", "Appendix 1: The dimensions"),
        ("groups", "Bilag 2: Grupper og forskelle i opfattelse", "Appendix 2: Groups and perception gaps"),
        ("units", "Resultater pr. enhed", "Results by unit"),
        ("recommendations", "Bilag 3: Anbefalinger", "Appendix 3: Recommendations"),
        ("portfolio", "Bilag 4: Porteføljen af indsatser", "Appendix 4: The portfolio of initiatives"),
        (
            "ingredients",
            "Bilag 5: Virksomme ingredienser til missionerne",
            "Appendix 5: Active ingredients for the missions",
        ),
        ("plan", "Bilag 6: Planen", "Appendix 6: The plan"),
        ("method", "Bilag 7: Metode", "Appendix 7: Method"),
        ("decision_blank", "(Udfyldes efter mødet.)", "(Filled in after the meeting.)"),
        ("reservations", "Forbehold", "Reservations"),
        ("closing", "Indsatser, der bør vurderes for afslutning", "Initiatives to consider closing"),
    ];
    pairs.into_iter().map(|(k, da, en)| (k, lang.pick(da, en))).collect()
}

/// Checks the inputs: the assessment's model, the invited counts and the paper's options.
fn check(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Result<(), ReportError> {
    if let Some(m) = &options.municipality {
        find_municipality(m)?;
    }
    if options.committee.as_deref().is_some_and(|c| c.trim().is_empty()) {
        return Err(ReportError::EmptyCommittee);
    }
    if let (Some(meeting), Some(period)) = (options.meeting_date, options.survey_period) {
        if meeting < period.to {
            return Err(ReportError::MeetingBeforeSurvey { meeting, survey_end: period.to });
        }
    }
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
    // One rule for every face: all roles that answered, or none (issue 31).
    if !options.invited.is_empty() {
        let answered = inputs.assessment.groups.iter().flat_map(|g| &g.roles);
        let missing: Vec<String> = answered.filter(|r| !options.invited.contains_key(*r)).cloned().collect();
        if !missing.is_empty() {
            return Err(ReportError::PartialInvited { missing });
        }
    }
    Ok(())
}

/// Writes the report as one HTML document.
pub fn render_html(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Result<String, ReportError> {
    check(inputs, options)?;
    let lang = options.lang;
    let portfolio = inputs.portfolio.map(|(p, an)| portfolio::view(p, an, inputs.index, lang));
    let sag = sag::view(inputs, options);
    let page = Page {
        lang: lang.code(),
        title: sag.overskrift.clone(),
        css: include_str!("templates/report.css"),
        t: texts(lang),
        sag,
        summary: summary::view(inputs, options, sag::years(inputs, options).target),
        maturity: maturity::view(inputs.model, inputs.assessment, lang),
        units: units::view(inputs.model, inputs.assessment, lang),
        portfolio,
        plan: inputs.plan.map(|p| plan::view(p, inputs.portfolio.map(|(p, _)| p), lang)),
        method: method::view(inputs.model, inputs.assessment, lang),
    };
    let mut env = minijinja::Environment::new();
    env.add_template("report.html", include_str!("templates/report.html"))
        .map_err(|e| ReportError::Template(crate::limits::Cause::new(e)))?;
    let template = env.get_template("report.html").map_err(|e| ReportError::Template(crate::limits::Cause::new(e)))?;
    template.render(&page).map_err(|e| ReportError::Template(crate::limits::Cause::new(e)))
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
