//! The figure registry: every per-dimension (and per-group) figure declared once — its
//! name, the result field it reads, its labels, unit, accessor and C code — so that the
//! faces (the csv/xlsx export, C's `tm_figure`, C#'s `Figure`, Python's frames, the
//! terminal table) take it from here, and a test (`tests/figures.rs`) fails when a result
//! field reaches no face without a stated reason.
//!
//! A new per-dimension figure: a field on [`DimensionResult`], one [`Figure`] here (with a
//! C code if C reads it one at a time), the `tm_figure` variant in bindings/c (the header
//! and C#'s enum are checked against the codes here), Python's column in `_assess.py`.

use super::types::{DimensionResult, GroupDimension, TargetStatus};

/// What a figure's number counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Points on the answer scale (1–5).
    ScalePoints,
    /// A maturity level (an integer 1–5).
    Level,
    /// A number of respondents or items.
    Count,
    /// A coefficient without a unit (alpha, ICC, r_wg, degrees of freedom).
    Coefficient,
    /// A probability (0–1).
    Probability,
    /// 1 for yes, 0 for no.
    Flag,
    /// A category as its code (documented on the figure).
    Code,
}

/// A face that shows figures; a figure absent from one says why ([`Figure::absent`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// The long csv/xlsx table (`assess --format csv|xlsx`, `export::assessment_table`).
    Export,
    /// C's `tm_dimension_result` or `tm_figure` (and C#, which wraps them).
    C,
    /// Python's `Assessment.dimensions()` / `.groups()` frames.
    Python,
    /// The terminal table (`assess` without `--format`).
    Table,
}

/// One figure of a result row `R` ([`DimensionResult`] or [`GroupDimension`]).
pub struct Figure<R: 'static> {
    /// The figure's own name (snake case; C's `TM_FIGURE_<NAME>`, C#'s `Figure.<Name>`).
    pub name: &'static str,
    /// The result's JSON field it reads (several figures may read one field: `ci`).
    pub field: &'static str,
    /// The export's measure name, Danish.
    pub da: &'static str,
    /// The export's measure name, English.
    pub en: &'static str,
    /// What it is, in a sentence (C's, C#'s and the docs' comment).
    pub doc: &'static str,
    /// What the number counts in.
    pub unit: Unit,
    /// The figure as a number; `None` when not reported.
    pub value: fn(&R) -> Option<f64>,
    /// The `tm_figure` code that reads it one at a time, if any.
    pub c_code: Option<u32>,
    /// Faces that leave it out, each with the reason.
    pub absent: &'static [(Face, &'static str)],
}

impl<R> Figure<R> {
    /// The reason `face` leaves the figure out, or `None` when it shows it.
    pub fn absent_from(&self, face: Face) -> Option<&'static str> {
        self.absent.iter().find(|(f, _)| *f == face).map(|(_, why)| *why)
    }

    /// The measure name in `lang`.
    pub fn label(&self, lang: crate::localized::Lang) -> &'static str {
        lang.pick(self.da, self.en)
    }
}

impl<R> std::fmt::Debug for Figure<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Figure").field("name", &self.name).field("c_code", &self.c_code).finish_non_exhaustive()
    }
}

fn flag(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

fn count(n: Option<usize>) -> Option<f64> {
    n.map(|n| n as f64)
}

/// The code of a [`TargetStatus`] (C's `TM_FIGURE_STATUS`, the export's status row).
pub fn status_code(s: TargetStatus) -> f64 {
    match s {
        TargetStatus::ClearlyBelow => 0.0,
        TargetStatus::Uncertain => 1.0,
        TargetStatus::AtOrAbove => 2.0,
    }
}

fn p_level(d: &DimensionResult, level: i64) -> Option<f64> {
    d.level_probabilities.as_ref().and_then(|p| p.get(&level).copied())
}

const IN_STRUCT: &str = "a field of tm_dimension_result";
const TABLE_SUMMARY: &str =
    "the terminal table is a summary (score, level, interval, alpha, n); --format json/csv has all";
const EXPORT_ROW_COLUMNS: &str = "the CI low/high columns of the score row";
const PROGRESS_OUT: &str = "reader-facing output drops progress (REPORT.md); it stays in the JSON";
const P_LEVEL_OUT: &str = "five numbers per dimension; they stay in the JSON (docs/exports.md)";

/// A figure that every face shows except those listed.
macro_rules! figure {
    ($name:literal, $field:literal, $da:literal, $en:literal, $doc:literal, $unit:ident, $value:expr, $code:expr, [$($face:ident: $why:expr),* $(,)?]) => {
        Figure {
            name: $name,
            field: $field,
            da: $da,
            en: $en,
            doc: $doc,
            unit: Unit::$unit,
            value: $value,
            c_code: $code,
            absent: &[$((Face::$face, $why)),*],
        }
    };
}

/// Every figure of a dimension, in the export's row order.
pub static DIMENSION_FIGURES: &[Figure<DimensionResult>] = &[
    figure!("score", "score", "score", "score", "The dimension's score on the answer scale.", ScalePoints,
        |d| d.score, None, [C: IN_STRUCT]),
    figure!("level", "level", "niveau", "level", "The level attained: ⌊score⌋.", Level,
        |d| d.level.map(|l| l as f64), None, [C: IN_STRUCT]),
    figure!("progress", "progress", "fremskridt i niveauet", "progress within the level",
        "Score points above the attained level (score − level).", ScalePoints, |d| d.progress, None,
        [C: IN_STRUCT, Export: PROGRESS_OUT, Table: PROGRESS_OUT]),
    figure!("ci_low", "ci", "nedre grænse", "CI low", "The lower end of the score's interval.", ScalePoints,
        |d| d.ci.map(|c| c[0]), None, [C: IN_STRUCT, Export: EXPORT_ROW_COLUMNS]),
    figure!("ci_high", "ci", "øvre grænse", "CI high", "The upper end of the score's interval.", ScalePoints,
        |d| d.ci.map(|c| c[1]), None, [C: IN_STRUCT, Export: EXPORT_ROW_COLUMNS]),
    figure!("se", "se", "standardfejl", "standard error", "The standard error of the score.", ScalePoints,
        |d| d.se, Some(8), [Table: TABLE_SUMMARY]),
    figure!("df", "df", "frihedsgrader", "degrees of freedom", "The degrees of freedom behind the interval.",
        Coefficient, |d| d.df, Some(9), [Table: TABLE_SUMMARY]),
    figure!("n_effective", "n_effective", "effektivt antal (Kish)", "effective n (Kish)",
        "Kish's effective number of respondents.", Count, |d| d.n_effective, Some(0), [Table: TABLE_SUMMARY]),
    figure!("alpha", "alpha", "Cronbachs alfa", "Cronbach's alpha", "Cronbach's alpha (pairwise).", Coefficient,
        |d| d.alpha, None, [C: IN_STRUCT]),
    figure!("alpha_n", "alpha_n", "antal bag alfa", "n behind alpha",
        "The smallest number of respondents answering both items of an item pair.", Count, |d| count(d.alpha_n),
        Some(1), [Export: "the n column of the alpha row", Table: TABLE_SUMMARY]),
    figure!("icc1", "icc1", "ICC(1)", "ICC(1)", "ICC(1): the share of the variance between roles.", Coefficient,
        |d| d.icc1, Some(2), [Table: TABLE_SUMMARY]),
    figure!("icc2", "icc2", "ICC(2)", "ICC(2)", "ICC(2): the reliability of the role means.", Coefficient,
        |d| d.icc2, Some(3), [Table: TABLE_SUMMARY]),
    figure!("target", "target", "mål (score)", "target score", "The target score of the profile.", ScalePoints,
        |d| Some(d.target), Some(10), [Table: "the header line gives the target level"]),
    figure!("gap", "gap", "afstand til mål", "gap to target", "The gap to the target in scale points.",
        ScalePoints, |d| d.gap, Some(7), [Table: TABLE_SUMMARY]),
    figure!(
        "borderline",
        "borderline",
        "på grænsen mellem to niveauer (1 = ja)",
        "borderline between levels (1 = yes)",
        "1 when the interval crosses a level boundary, else 0.",
        Flag,
        |d| d.borderline.map(flag),
        Some(4),
        []
    ),
    figure!("partial", "partial", "mangler et perspektiv (1 = ja)", "a perspective missing (1 = yes)",
        "1 when a perspective (role) of the model is missing from the score, else 0.", Flag,
        |d| Some(flag(d.partial)), Some(5), [Table: "the warnings under the table name the missing perspective"]),
    figure!("status", "status", "status mod målet (0 = klart under, 1 = usikker, 2 = nået)",
        "status against the target (0 = clearly below, 1 = uncertain, 2 = at or above)",
        "0 clearly below the target, 1 uncertain, 2 at or above.", Code, |d| d.status.map(status_code), Some(6),
        [Table: TABLE_SUMMARY]),
    figure!("priority_score", "priority_score", "score på fælles perspektiver", "score on common perspectives",
        "The score on the common perspectives, which orders the priorities.", ScalePoints, |d| d.priority_score,
        Some(16), [Table: TABLE_SUMMARY]),
    figure!("priority_gap", "priority_gap", "afstand til mål (fælles perspektiver)", "gap to target (common perspectives)",
        "max(target − priority score, 0): the gap that orders the recommendations.", ScalePoints,
        |d| d.priority_gap, Some(17), [Table: TABLE_SUMMARY]),
    figure!("p_level_1", "level_probabilities", "P(niveau 1)", "P(level 1)", "P(level 1) from the bootstrap replicates.",
        Probability, |d| p_level(d, 1), Some(11), [Export: P_LEVEL_OUT, Table: P_LEVEL_OUT]),
    figure!("p_level_2", "level_probabilities", "P(niveau 2)", "P(level 2)", "P(level 2) from the bootstrap replicates.",
        Probability, |d| p_level(d, 2), Some(12), [Export: P_LEVEL_OUT, Table: P_LEVEL_OUT]),
    figure!("p_level_3", "level_probabilities", "P(niveau 3)", "P(level 3)", "P(level 3) from the bootstrap replicates.",
        Probability, |d| p_level(d, 3), Some(13), [Export: P_LEVEL_OUT, Table: P_LEVEL_OUT]),
    figure!("p_level_4", "level_probabilities", "P(niveau 4)", "P(level 4)", "P(level 4) from the bootstrap replicates.",
        Probability, |d| p_level(d, 4), Some(14), [Export: P_LEVEL_OUT, Table: P_LEVEL_OUT]),
    figure!("p_level_5", "level_probabilities", "P(niveau 5)", "P(level 5)", "P(level 5) from the bootstrap replicates.",
        Probability, |d| p_level(d, 5), Some(15), [Export: P_LEVEL_OUT, Table: P_LEVEL_OUT]),
    figure!("n", "n", "antal (n)", "n", "Respondents behind the score.", Count, |d| Some(d.n as f64), None,
        [C: IN_STRUCT, Export: "the n column of each row"]),
];

/// Fields of a [`DimensionResult`]'s JSON that are no figure, each with the reason.
pub static DIMENSION_NOT_FIGURES: &[(&str, &str)] = &[
    ("id", "the row's key, not a figure"),
    ("label", "the row's name, not a figure"),
    ("missing_perspectives", "a list of role ids; `partial` is its figure"),
    ("common_items", "a list of item ids behind the groups' common_score"),
];

const NO_C_GROUPS: &str = "C reads the groups from tm_assessment_to_json: no group struct";
const TABLE_GROUPS: &str = "the terminal table shows each group's score only";

/// Every figure of a role group on a dimension, in the export's row order.
pub static GROUP_FIGURES: &[Figure<GroupDimension>] = &[
    figure!("score", "score", "score", "score", "The group's score on the dimension.", ScalePoints, |g| g.score,
        None, [C: NO_C_GROUPS]),
    figure!("ci_low", "ci", "nedre grænse", "CI low", "The lower end of the group's interval.", ScalePoints,
        |g| g.ci.map(|c| c[0]), None, [C: NO_C_GROUPS, Export: EXPORT_ROW_COLUMNS, Table: TABLE_GROUPS]),
    figure!("ci_high", "ci", "øvre grænse", "CI high", "The upper end of the group's interval.", ScalePoints,
        |g| g.ci.map(|c| c[1]), None, [C: NO_C_GROUPS, Export: EXPORT_ROW_COLUMNS, Table: TABLE_GROUPS]),
    figure!("sd", "sd", "spredning (SD)", "standard deviation", "The standard deviation of the members' scores.",
        ScalePoints, |g| g.sd, None, [C: NO_C_GROUPS, Table: TABLE_GROUPS]),
    figure!("rwg_uniform", "rwg_uniform", "enighed r_wg (ligefordelt nulmodel)", "agreement r_wg (uniform null)",
        "r_wg(J) against the uniform null.", Coefficient, |g| g.rwg_uniform, None, [C: NO_C_GROUPS, Table: TABLE_GROUPS]),
    figure!("rwg_slight_skew", "rwg_slight_skew", "enighed r_wg (let skæv nulmodel)",
        "agreement r_wg (slight-skew null)", "r_wg(J) against the slight-skew null.", Coefficient,
        |g| g.rwg_slight_skew, None, [C: NO_C_GROUPS, Table: TABLE_GROUPS]),
    figure!("j", "j", "antal spørgsmål bag r_wg", "items behind r_wg", "The items behind r_wg(J).", Count,
        |g| count(g.j), None, [C: NO_C_GROUPS, Table: TABLE_GROUPS]),
    figure!("single_item", "single_item", "kun ét spørgsmål (1 = ja)", "a single item (1 = yes)",
        "1 when the group's roles are asked one item of the dimension (no agreement figure), else 0.", Flag,
        |g| Some(flag(g.single_item)), None, [C: NO_C_GROUPS, Table: TABLE_GROUPS]),
    figure!("common_score", "common_score", "score på fælles spørgsmål", "score on common items",
        "The group's mean on the dimension's common items, the figure to compare groups on.", ScalePoints,
        |g| g.common_score, None, [C: NO_C_GROUPS, Table: TABLE_GROUPS]),
    figure!("alpha", "alpha", "Cronbachs alfa", "Cronbach's alpha", "The group's Cronbach's alpha on its own items.",
        Coefficient, |g| g.alpha, None, [C: NO_C_GROUPS, Table: TABLE_GROUPS]),
    figure!("dont_know_rate", "dont_know_rate", "andel ved ikke", "share don't know",
        "The share of \"ved ikke\" among the items asked of the group's members.", Probability, |g| g.dont_know_rate,
        None, [C: NO_C_GROUPS, Table: TABLE_GROUPS]),
    figure!("n", "n", "antal (n)", "n", "The group members with a score on the dimension.", Count, |g| count(g.n),
        None, [C: NO_C_GROUPS, Export: "the n column of each row", Table: TABLE_GROUPS]),
];

/// Fields of a [`GroupDimension`]'s JSON that are no figure, each with the reason.
pub static GROUP_NOT_FIGURES: &[(&str, &str)] = &[("id", "the row's key (the dimension id), not a figure")];

/// The C code's figure, or `None` for a code that names none.
pub fn dimension_figure_by_code(code: u32) -> Option<&'static Figure<DimensionResult>> {
    DIMENSION_FIGURES.iter().find(|f| f.c_code == Some(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_c_codes_are_unique_and_every_absence_has_a_reason() {
        let mut names: Vec<_> = DIMENSION_FIGURES.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), DIMENSION_FIGURES.len(), "a figure name twice");
        let mut codes: Vec<_> = DIMENSION_FIGURES.iter().filter_map(|f| f.c_code).collect();
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n, "a C code twice");
        for f in DIMENSION_FIGURES {
            assert!(f.absent.iter().all(|(_, why)| why.len() > 10), "{}: absent without a reason", f.name);
            assert_eq!(
                f.absent_from(Face::C).is_some(),
                f.c_code.is_none(),
                "{}: C reads it by code or by struct",
                f.name
            );
        }
    }
}
