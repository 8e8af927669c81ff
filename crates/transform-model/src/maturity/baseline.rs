//! Progress against an earlier round of the same municipality.

use serde::{Deserialize, Serialize};

use super::rounds::differs;
use super::{AssessError, Assessment, GroupDimension, GroupResult};
use crate::localized::Localized;
use crate::model::ItemChanges;
use crate::stats::{self, Estimate, GroupMoments};

/// How one dimension (or the overall score) changed from the baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DimensionChange {
    /// Dimension id (`overall` for the overall figures).
    pub id: String,
    /// Score in the baseline.
    pub baseline: Option<f64>,
    /// Score now.
    pub current: Option<f64>,
    /// current − baseline.
    pub change: Option<f64>,
    /// Level in the baseline.
    pub baseline_level: Option<i64>,
    /// Level now.
    pub level: Option<i64>,
    /// level − baseline_level.
    pub level_change: Option<i64>,
}

/// An assessment compared with its baseline (an earlier assessment on the same model).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BaselineComparison {
    /// Model version of the baseline.
    pub baseline_version: String,
    /// Scoring contract versions of the baseline and this assessment. Scores and levels
    /// compare across versions; version 1 has no dispersion to test a change with.
    #[serde(default)]
    pub schema_versions: Option<[u32; 2]>,
    /// Change of the overall score and level.
    pub overall: DimensionChange,
    /// Change per dimension.
    pub dimensions: Vec<DimensionChange>,
    /// When the baseline was made on another version of the model: per dimension, the items
    /// added, removed or changed since (`model::item_changes`). [`compare`] sees only the two
    /// assessments, not the models, and leaves it empty; a caller holding both models fills it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item_changes: Vec<ItemChanges>,
    /// When both rounds were scored again on the items the two model versions carry over
    /// ([`super::compare_carried_over`]): those item ids. Empty: the dimension scores are
    /// compared as each round published them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carried_over: Vec<String>,
    /// The changes with their Welch intervals and Holm-adjusted significance.
    #[serde(default)]
    pub rounds: Option<RoundComparison>,
    /// Figures whose rule changed between the two contract versions (`schema_versions`):
    /// not comparable; `overall.level_change` is null when the overall level is among them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_comparable: Vec<super::contract::NotComparable>,
}

/// One change between two independent rounds: of the municipality's dimension score
/// (`group` null) or of one group's score on a dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RoundChange {
    /// Dimension id.
    pub dimension: String,
    /// Role group id (`other` for the merged small groups), null for the municipality.
    pub group: Option<String>,
    /// Score in the earlier round.
    pub baseline: Option<f64>,
    /// Score in this round.
    pub current: Option<f64>,
    /// current − baseline.
    pub change: Option<f64>,
    /// Welch interval of the change (the rounds are independent samples); null when either
    /// round does not publish its dispersion.
    pub ci: Option<[f64; 2]>,
    /// Two-sided Welch p-value of "no change".
    pub p: Option<f64>,
    /// Holm-adjusted over every change of the comparison that has a p.
    pub p_adjusted: Option<f64>,
    /// p_adjusted below 1 − confidence.
    pub significant: Option<bool>,
    /// The change is withheld: the cell's n differs between the rounds by 1 to k − 1, so
    /// the difference would be those few respondents' answers (docs/disclosure.md).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withheld: bool,
}

/// Every change from an earlier round to this one, tested as perception gaps are: Welch
/// intervals, Holm's correction over all changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RoundComparison {
    /// Model version of the baseline.
    pub baseline_version: String,
    /// Scoring contract versions of the baseline and this assessment.
    pub schema_versions: [u32; 2],
    /// Coverage of the intervals (this assessment's); 1 − confidence is the significance level.
    pub confidence: f64,
    /// The changes: the municipality's dimensions first, then group × dimension.
    pub changes: Vec<RoundChange>,
    /// Why intervals are missing throughout (a version-1 baseline has no dispersion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Localized>,
    /// Figures whose rule changed between the two contract versions: not comparable.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_comparable: Vec<super::contract::NotComparable>,
}

impl RoundComparison {
    /// The comparison as pretty JSON with `schema_version` first (docs/schema/round_comparison.json).
    pub fn to_json(&self) -> String {
        crate::versioned::to_json(self)
    }
}

/// A change whose difference is withheld (n differs by 1 to k − 1 between the rounds).
fn unchanged(mut c: DimensionChange) -> DimensionChange {
    c.change = None;
    c.level_change = None;
    c
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
    let rounds = compare_rounds(current, baseline)?;
    let k = k_of(current, baseline);
    let dimensions = current
        .dimensions
        .iter()
        .map(|d| {
            let b = baseline.dimensions.iter().find(|b| b.id == d.id);
            let c = change(&d.id, (b.and_then(|b| b.score), b.and_then(|b| b.level)), (d.score, d.level));
            if b.is_some_and(|b| differs(d.n, b.n, k)) { unchanged(c) } else { c }
        })
        .collect();
    let not_comparable = super::contract::not_comparable(baseline.schema_version, current.schema_version);
    let mut overall = change(
        "overall",
        (baseline.overall.score, baseline.overall.level),
        (current.overall.score, current.overall.level),
    );
    if not_comparable.iter().any(|n| n.figure == "overall.level") {
        overall.level_change = None;
    }
    if differs(current.n_respondents, baseline.n_respondents, k) {
        overall = unchanged(overall);
    }
    Ok(BaselineComparison {
        baseline_version: baseline.model.version.clone(),
        schema_versions: Some([baseline.schema_version, current.schema_version]),
        overall,
        not_comparable,
        dimensions,
        item_changes: Vec::new(),
        carried_over: Vec::new(),
        rounds: Some(rounds),
    })
}

/// Refuses rounds whose scores do not compare: another model, another weighting.
fn check_comparable(current: &Assessment, baseline: &Assessment) -> Result<(), AssessError> {
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
    Ok(())
}

/// The changes from `baseline` to `current`, per dimension and per group × dimension, with
/// Welch intervals and Holm-adjusted significance. Dimensions and groups are matched by id;
/// a merged `other` group is compared only when it merges the same roles in both rounds.
/// Intervals are not clipped: a change's interval is the plain Welch interval.
pub fn compare_rounds(current: &Assessment, baseline: &Assessment) -> Result<RoundComparison, AssessError> {
    check_comparable(current, baseline)?;
    let mut changes = dimension_changes(current, baseline);
    changes.extend(group_changes(current, baseline));
    let confidence = current.bootstrap.confidence;
    adjust(&mut changes, confidence);
    let note = (baseline.schema_version < 2).then(|| {
        Localized::da_en(
            "Basislinjen følger version 1 af beregningsreglerne og har ingen spredning: ændringerne vises uden interval og test",
            "The baseline follows version 1 of the scoring contract and has no dispersion: changes are shown without interval or test",
        )
    });
    Ok(RoundComparison {
        baseline_version: baseline.model.version.clone(),
        schema_versions: [baseline.schema_version, current.schema_version],
        confidence,
        changes,
        note,
        not_comparable: super::contract::not_comparable(baseline.schema_version, current.schema_version),
    })
}

/// A published dimension score as an estimate; a null df is an infinite one (no spread).
fn dimension_estimate(score: Option<f64>, se: Option<f64>, df: Option<f64>) -> Option<Estimate> {
    Some(Estimate { value: score?, se: se?, df: df.unwrap_or(f64::INFINITY) })
}

/// Welch–Satterthwaite difference a − b of two independent estimates:
/// se² = se_a² + se_b², df = se⁴ / (se_a⁴/df_a + se_b⁴/df_b) — `stats::welch` for estimates
/// whose df is not n − 1 (a balanced score's is itself Welch's).
fn difference(a: Estimate, b: Estimate) -> Estimate {
    let (va, vb) = (a.se * a.se, b.se * b.se);
    let denom = va * va / a.df + vb * vb / b.df;
    let var = va + vb;
    Estimate {
        value: a.value - b.value,
        se: var.sqrt(),
        df: if denom > 0.0 { var * var / denom } else { f64::INFINITY },
    }
}

fn tested(
    dimension: &str,
    group: Option<&str>,
    b: Option<f64>,
    c: Option<f64>,
    e: Option<Estimate>,
    conf: f64,
) -> RoundChange {
    let unbounded = (f64::NEG_INFINITY, f64::INFINITY);
    RoundChange {
        dimension: dimension.to_owned(),
        group: group.map(str::to_owned),
        baseline: b,
        current: c,
        change: b.zip(c).map(|(b, c)| c - b),
        ci: e.and_then(|e| e.interval(conf, unbounded.0, unbounded.1)),
        p: e.and_then(|e| e.p_value()),
        p_adjusted: None,
        significant: None,
        withheld: false,
    }
}

/// The same change with everything that differences the two rounds withheld.
fn withhold(mut c: RoundChange) -> RoundChange {
    c.change = None;
    c.ci = None;
    c.p = None;
    c.withheld = true;
    c
}

/// k of the comparison: the larger of the two rounds'.
fn k_of(current: &Assessment, baseline: &Assessment) -> usize {
    current.min_group_size.max(baseline.min_group_size)
}

fn dimension_changes(current: &Assessment, baseline: &Assessment) -> Vec<RoundChange> {
    let conf = current.bootstrap.confidence;
    current
        .dimensions
        .iter()
        .map(|d| {
            let b = baseline.dimensions.iter().find(|b| b.id == d.id);
            let estimate = b.and_then(|b| {
                let now = dimension_estimate(d.score, d.se, d.df)?;
                let then = dimension_estimate(b.score, b.se, b.df)?;
                Some(difference(now, then))
            });
            let change = tested(&d.id, None, b.and_then(|b| b.score), d.score, estimate, conf);
            match b {
                Some(b) if differs(d.n, b.n, k_of(current, baseline)) => withhold(change),
                _ => change,
            }
        })
        .collect()
}

/// A group's published score as the moments Welch needs (sd and n published).
fn moments(g: &GroupDimension) -> Option<GroupMoments> {
    Some(GroupMoments { mean: g.score?, var: g.sd?.powi(2), n: g.n? })
}

fn same_group<'a>(g: &GroupResult, baseline: &'a Assessment) -> Option<&'a GroupResult> {
    let b = baseline.groups.iter().find(|b| b.role == g.role)?;
    let mut a_roles = g.roles.clone();
    let mut b_roles = b.roles.clone();
    a_roles.sort();
    b_roles.sort();
    (a_roles == b_roles).then_some(b)
}

fn group_changes(current: &Assessment, baseline: &Assessment) -> Vec<RoundChange> {
    let conf = current.bootstrap.confidence;
    let mut out = Vec::new();
    for g in &current.groups {
        let Some(bg) = same_group(g, baseline) else { continue };
        for d in &g.dimensions {
            let Some(bd) = bg.dimensions.iter().find(|b| b.id == d.id) else { continue };
            if d.score.is_none() || bd.score.is_none() {
                continue;
            }
            let estimate = moments(d).zip(moments(bd)).and_then(|(c, b)| stats::welch(&[(1.0, c), (-1.0, b)]));
            let change = tested(&d.id, Some(&g.role), bd.score, d.score, estimate, conf);
            let small = d.n.zip(bd.n).is_some_and(|(a, b)| differs(a, b, k_of(current, baseline)));
            out.push(if small { withhold(change) } else { change });
        }
    }
    out
}

/// Holm over every change with a p; significant when the adjusted p is below 1 − confidence.
fn adjust(changes: &mut [RoundChange], confidence: f64) {
    let with_p: Vec<usize> = (0..changes.len()).filter(|&i| changes[i].p.is_some()).collect();
    let ps: Vec<f64> = with_p.iter().filter_map(|&i| changes[i].p).collect();
    for (&i, adjusted) in with_p.iter().zip(stats::holm(&ps)) {
        changes[i].p_adjusted = Some(adjusted);
        changes[i].significant = Some(adjusted < 1.0 - confidence);
    }
}

/// Fills `result.baseline.item_changes` when `earlier` was made on another bundled version
/// of `model`: the one place every face (CLI, C, Python) gets the item changes from.
pub fn attach_item_changes(result: &mut Assessment, earlier: &Assessment, model: &crate::model::Model) {
    let Some(comparison) = result.baseline.as_mut() else { return };
    if earlier.model.id != model.id() || earlier.model.version == model.version() {
        return;
    }
    if let Ok(old) = crate::model::Model::bundled(&format!("{}@{}", earlier.model.id, earlier.model.version)) {
        comparison.item_changes = crate::model::item_changes(&old, model);
    }
}
