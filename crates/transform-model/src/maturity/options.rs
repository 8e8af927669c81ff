//! Options of an assessment and the anonymity floor on them.

use serde::{Deserialize, Serialize};

use super::AssessError;

/// How role groups combine into the municipality's dimension score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Weighting {
    /// Each perspective (role) counts once, whatever its head count; the merged `other`
    /// group counts with the number of roles merged into it.
    #[default]
    Balanced,
    /// Every respondent counts once.
    Pooled,
}

impl std::str::FromStr for Weighting {
    type Err = super::AssessError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "balanced" => Ok(Weighting::Balanced),
            "pooled" => Ok(Weighting::Pooled),
            other => Err(super::AssessError::InvalidOption {
                name: "weighting".to_owned(),
                message: format!("unknown weighting `{other}` (allowed: balanced, pooled)"),
            }),
        }
    }
}

/// The smallest k any face may set, and the smallest without `allow_small_groups`.
pub const MIN_GROUP_SIZE_FLOOR: usize = 3;
/// The default k: no reported figure rests on fewer than 5 respondents.
pub const DEFAULT_MIN_GROUP_SIZE: usize = 5;
/// Resamples above this are refused (defined with the other limits in [`crate::limits`]).
pub use crate::limits::MAX_BOOTSTRAP;

/// Options of an assessment; `AssessOptions::default()` is the documented default.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AssessOptions {
    /// How role groups combine into the municipality's score.
    pub weighting: Weighting,
    /// Minimum number of respondents behind any reported figure (k). Below 5 only with
    /// `allow_small_groups`; below 3 refused.
    pub min_group_size: usize,
    /// Allows 3 ≤ k < 5 (a small municipality's pilot, say); the result says so.
    pub allow_small_groups: bool,
    /// Dispersion figures (interval, SD, r_wg, alpha, level probabilities) only for cells
    /// with at least this many respondents.
    pub min_dispersion_n: usize,
    /// Perception gaps need at least this many items asked of both roles.
    pub min_common_items: usize,
    /// Bootstrap resamples for the level probabilities (0 = none).
    pub bootstrap: usize,
    /// Seed of the bootstrap's random draws: the same seed gives the same level probabilities.
    pub seed: u64,
    /// Coverage of the intervals; 1 − confidence is the significance level of gaps.
    pub confidence: f64,
    /// Target level for every dimension; default one above the overall level, capped.
    pub target: Option<i64>,
    /// Worker threads for the bootstrap, 1 to [`MAX_THREADS`](crate::limits::MAX_THREADS) on
    /// every machine; `None` uses rayon's global pool (one thread per core). Results do not
    /// depend on it.
    pub threads: Option<usize>,
    /// Unit columns to break the results down by: `["department"]`, or a hierarchy
    /// `["department", "unit"]` (at most two levels). Empty: no breakdown.
    pub group_by: Vec<String>,
    /// The municipality's 3-digit code (one of the 98), recorded in the result for benchmarks.
    pub municipality: Option<String>,
    /// Earlier published releases of the same survey (their JSON, read with
    /// `Assessment::from_json`): a cell whose n differs from theirs by 1 to k − 1 is
    /// withheld (docs/disclosure.md, "Across releases").
    pub audit_against: Vec<super::Assessment>,
}

impl Default for AssessOptions {
    fn default() -> Self {
        AssessOptions {
            weighting: Weighting::Balanced,
            min_group_size: DEFAULT_MIN_GROUP_SIZE,
            allow_small_groups: false,
            min_dispersion_n: 10,
            min_common_items: 2,
            bootstrap: 1000,
            seed: 0,
            confidence: 0.95,
            target: None,
            threads: None,
            group_by: Vec::new(),
            municipality: None,
            audit_against: Vec::new(),
        }
    }
}

fn invalid(name: &str, message: impl Into<String>) -> AssessError {
    AssessError::InvalidOption { name: name.to_owned(), message: message.into() }
}

#[cfg(test)]
thread_local! {
    /// The worked example uses k = 2 to keep its numbers small; only this crate's own
    /// tests may lift the floor, never a face.
    pub(crate) static FLOOR_LIFTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn floor_lifted() -> bool {
    #[cfg(test)]
    {
        FLOOR_LIFTED.with(|f| f.get())
    }
    #[cfg(not(test))]
    {
        false
    }
}

impl AssessOptions {
    /// Checks every option against its rule, naming the option in the error.
    pub fn validate(&self, levels: i64) -> Result<(), AssessError> {
        let k = self.min_group_size;
        if !floor_lifted() {
            if k < MIN_GROUP_SIZE_FLOOR {
                return Err(invalid(
                    "min_group_size",
                    format!("{k} is below {MIN_GROUP_SIZE_FLOOR}; smaller groups cannot be reported anonymously"),
                ));
            }
            if k < DEFAULT_MIN_GROUP_SIZE && !self.allow_small_groups {
                return Err(invalid(
                    "min_group_size",
                    format!(
                        "{k} is below {DEFAULT_MIN_GROUP_SIZE}; set allow_small_groups to report groups this small"
                    ),
                ));
            }
        } else if k == 0 {
            return Err(invalid("min_group_size", "must be at least 1"));
        }
        if self.min_dispersion_n < 2 {
            return Err(invalid(
                "min_dispersion_n",
                format!("{} is below 2: a spread needs two values", self.min_dispersion_n),
            ));
        }
        if self.min_common_items == 0 {
            return Err(invalid("min_common_items", "must be at least 1"));
        }
        if self.bootstrap > MAX_BOOTSTRAP {
            return Err(invalid(
                "bootstrap",
                format!(
                    "{} resamples exceed the limit {MAX_BOOTSTRAP}; the probabilities settle long before",
                    self.bootstrap
                ),
            ));
        }
        if !(self.confidence > 0.0 && self.confidence < 1.0) {
            return Err(invalid("confidence", format!("{} is not in (0, 1)", self.confidence)));
        }
        if let Some(t) = self.target {
            if !(1..=levels).contains(&t) {
                return Err(invalid("target", format!("level {t} is not a level of the model (1..{levels})")));
            }
        }
        if self.group_by.len() > 2 {
            return Err(invalid(
                "group_by",
                format!("{} columns given; at most two levels (department, unit)", self.group_by.len()),
            ));
        }
        if self.group_by.len() == 2 && self.group_by[0] == self.group_by[1] {
            return Err(invalid("group_by", format!("column `{}` is given twice", self.group_by[0])));
        }
        if let Some(n) = self.threads.filter(|n| !(1..=crate::limits::MAX_THREADS).contains(n)) {
            return Err(invalid("threads", format!("{n} is not in 1..={}", crate::limits::MAX_THREADS)));
        }
        Ok(())
    }
}
