//! Progress against an earlier round of the same municipality.

use serde::{Deserialize, Serialize};

use super::{AssessError, Assessment};
use crate::model::ItemChanges;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionChange {
    pub id: String,
    pub baseline: Option<f64>,
    pub current: Option<f64>,
    /// current − baseline.
    pub change: Option<f64>,
    pub baseline_level: Option<i64>,
    pub level: Option<i64>,
    pub level_change: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaselineComparison {
    pub baseline_version: String,
    /// Scoring contract versions of the baseline and this assessment. Scores and levels
    /// compare across versions; version 1 has no dispersion to test a change with.
    #[serde(default)]
    pub schema_versions: Option<[u32; 2]>,
    pub overall: DimensionChange,
    pub dimensions: Vec<DimensionChange>,
    /// When the baseline was made on another version of the model: per dimension, the items
    /// added, removed or changed since (`model::item_changes`). [`compare`] sees only the two
    /// assessments, not the models, and leaves it empty; a caller holding both models fills it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item_changes: Vec<ItemChanges>,
}

fn change(id: &str, b: (Option<f64>, Option<i64>), c: (Option<f64>, Option<i64>)) -> DimensionChange {
    DimensionChange {
        id: id.to_owned(),
        baseline: b.0,
        current: c.0,
        change: b.0.zip(c.0).map(|(b, c)| c - b),
        baseline_level: b.1,
        level: c.1,
        level_change: b.1.zip(c.1).map(|(b, c)| c - b),
    }
}

/// Per-dimension change from `baseline` to `current`. Both must use the same model id;
/// dimensions are matched by id (a dimension new in this version has no baseline).
pub fn compare(current: &Assessment, baseline: &Assessment) -> Result<BaselineComparison, AssessError> {
    if current.model.id != baseline.model.id {
        return Err(AssessError::Baseline {
            message: format!("the baseline uses model `{}`, this assessment `{}`", baseline.model.id, current.model.id),
        });
    }
    if current.weighting != baseline.weighting {
        return Err(AssessError::Baseline {
            message: format!(
                "the baseline uses {:?} weighting, this assessment {:?}: scores under different weightings are not comparable",
                baseline.weighting, current.weighting
            )
            .to_lowercase(),
        });
    }
    let dimensions = current
        .dimensions
        .iter()
        .map(|d| {
            let b = baseline.dimensions.iter().find(|b| b.id == d.id);
            change(&d.id, (b.and_then(|b| b.score), b.and_then(|b| b.level)), (d.score, d.level))
        })
        .collect();
    Ok(BaselineComparison {
        baseline_version: baseline.model.version.clone(),
        schema_versions: Some([baseline.schema_version, current.schema_version]),
        overall: change(
            "overall",
            (baseline.overall.score, baseline.overall.level),
            (current.overall.score, current.overall.level),
        ),
        dimensions,
        item_changes: Vec::new(),
    })
}
