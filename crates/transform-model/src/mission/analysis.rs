//! Portfolio analysis: a pipeline over alignment, coverage and mission quality, closure,
//! balance, cross-fertilisation and the economic lens of greb 9.

use std::collections::BTreeSet;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::PortfolioError;
use super::alignment;
use super::balance::{Balance, balance};
use super::closure::{self, ClosureCandidate};
use super::coverage::{self, Coverage, MissionQuality};
use super::crossfert::{CrossPair, cross_pairs};
use super::economics::{Economics, economics};
use super::options::AnalysisOptions;
use super::portfolio::{Portfolio, YEARS};
use super::rows::Alignment;
/// The analysis of a portfolio: alignment, coverage, closure candidates, balance, cross-fertilisation and
/// economics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PortfolioAnalysis {
    /// The year the analysis is made for.
    pub year: i64,
    /// Years ahead the economics look.
    pub horizon: i64,
    /// Every initiative × mission row, initiative-major; built on demand, serialised as the
    /// array of rows.
    #[schemars(with = "Vec<super::alignment::AlignmentRow>")]
    pub alignment: Alignment,
    /// Per mission: aligned initiatives, departments, sectors and gaps.
    pub coverage: Vec<Coverage>,
    /// Per mission: quality criteria met and missed.
    pub mission_quality: Vec<MissionQuality>,
    /// Initiatives to consider closing.
    pub closure_candidates: Vec<ClosureCandidate>,
    /// Balance of the portfolio across modes, facets, stages and departments.
    pub balance: Balance,
    /// Pairs of initiatives that could learn from each other.
    pub cross_fertilisation: Vec<CrossPair>,
    /// Per initiative: net, payback and recommendation.
    pub economics: Vec<Economics>,
}

impl PortfolioAnalysis {
    /// The analysis as pretty-printed JSON (schema `portfolio_analysis`).
    pub fn to_json(&self) -> String {
        crate::versioned::to_json(self)
    }
}

fn invalid_option(name: &str, message: String) -> PortfolioError {
    PortfolioError::InvalidOption { name: name.into(), message }
}

/// The analysis year, after checking the options.
fn checked_year(p: &Portfolio, o: &AnalysisOptions) -> Result<i64, PortfolioError> {
    let year = o.year.or(p.year).ok_or(PortfolioError::NoAnalysisYear)?;
    // 0 is refused like a negative horizon: no initiative can pay back within 0 years.
    if !(1..=100).contains(&o.horizon) {
        return Err(invalid_option("horizon", format!("{} years is outside 1..100", o.horizon)));
    }
    if !YEARS.contains(&year) {
        return Err(invalid_option("year", format!("analysis year {year} is outside 1900..2200")));
    }
    if !o.weights.is_valid() {
        return Err(invalid_option("weights", "alignment weights must be ≥ 0 with a positive sum".into()));
    }
    Ok(year)
}

impl Portfolio {
    /// Runs the full analysis. The analysis year comes from the options or the file, never
    /// from the clock, so results are reproducible.
    pub fn analyse(&self, o: &AnalysisOptions) -> Result<PortfolioAnalysis, PortfolioError> {
        // The fields are public, so a portfolio built in code may never have been checked.
        self.validate()?;
        let year = checked_year(self, o)?;
        let lang = o.lang;
        let grid = Arc::new(alignment::grid(self, alignment::features(self), &o.weights));
        let (scores, features) = (&grid.scores, &grid.features);
        let coverage = coverage::coverage(self, features, scores, o.threshold, lang);
        let mission_quality = self.missions.iter().zip(&coverage).map(|(m, c)| coverage::quality(m, c, lang)).collect();
        let best = alignment::best(scores, self.initiatives.len(), self.missions.len());
        let closure_candidates = closure::candidates(&self.initiatives, &best, o.threshold, year, lang);
        let closing: BTreeSet<&str> = closure_candidates.iter().map(|c| c.initiative.as_str()).collect();
        let balance = balance(&self.initiatives, features, lang);
        let cross_fertilisation = cross_pairs(&self.initiatives, features, o);
        let economics = self
            .initiatives
            .par_iter()
            .enumerate()
            .map(|(i, x)| economics(x, year, o.horizon, best[i] >= o.threshold, closing.contains(x.id.as_str()), lang))
            .collect();
        Ok(PortfolioAnalysis {
            year,
            horizon: o.horizon,
            alignment: Alignment::from_grid(grid.clone()),
            coverage,
            mission_quality,
            closure_candidates,
            balance,
            cross_fertilisation,
            economics,
        })
    }
}
