//! The assessment as a long table: one row per figure of the overall result, the
//! dimensions, the role groups, the perception gaps and the recommendations. A figure the
//! disclosure rules withhold has no row (the JSON's null).

use super::table::{Cell, Measure, Table, flag};
use crate::localized::Lang;
use crate::maturity::figures::{DIMENSION_FIGURES, Face, GROUP_FIGURES};
use crate::maturity::{Assessment, DimensionResult, Gap, GroupDimension, GroupResult};

const COLUMNS: &[(&str, &str, f64)] = &[
    ("Afsnit", "Section", 14.0),
    ("Gruppe", "Group", 34.0),
    ("Dimension", "Dimension", 10.0),
    ("Dimensionsnavn", "Dimension name", 40.0),
    ("Nøgletal", "Measure", 34.0),
    ("Værdi", "Value", 12.0),
    ("Nedre grænse", "CI low", 13.0),
    ("Øvre grænse", "CI high", 13.0),
    ("Antal (n)", "n", 10.0),
];

macro_rules! measure {
    ($name:ident, $da:expr, $en:expr) => {
        pub(crate) const $name: Measure = Measure { da: $da, en: $en };
    };
}

measure!(CONTRACT, "beregningsregler (version)", "scoring contract (version)");
measure!(SCORE, "score", "score");
measure!(LEVEL, "niveau", "level");
measure!(TARGET_LEVEL, "målniveau", "target level");
measure!(MEAN_GAP, "gennemsnitlig afstand til mål", "mean gap to target");
measure!(EXCLUDED, "udeladt af hensyn til anonymitet", "excluded for anonymity");
measure!(GAP, "afstand til mål", "gap to target");
measure!(DIFF, "forskel", "difference");
measure!(P, "p-værdi", "p-value");
measure!(P_ADJUSTED, "p-værdi (Holm)", "p-value (Holm)");
measure!(SIGNIFICANT, "signifikant (1 = ja)", "significant (1 = yes)");
measure!(PRIORITY, "prioritet", "priority");
measure!(WEIGHTED_GAP, "vægtet afstand til mål", "weighted gap to target");

/// Builds the rows of one section in the column order above.
struct Rows<'a> {
    table: Table,
    assessment: &'a Assessment,
    lang: Lang,
}

impl Rows<'_> {
    /// A row for a figure that exists; none for a withheld one.
    fn figure(
        &mut self,
        group: &str,
        dimension: &str,
        m: &Measure,
        value: Option<f64>,
        ci: Option<[f64; 2]>,
        n: Option<usize>,
    ) {
        let Some(value) = value.filter(|v| v.is_finite()) else { return };
        // Linear: an assessment has a handful of dimensions.
        let name = self.assessment.dimensions.iter().find(|d| d.id == dimension).map_or("", |d| d.label.get(self.lang));
        let section = self.table.sections.last().map(|s| s.name.clone()).unwrap_or_default();
        self.table.push(vec![
            Cell::text(section),
            Cell::text(group),
            Cell::text(dimension),
            Cell::text(name),
            Cell::text(m.name(self.lang)),
            Cell::Number(value),
            Cell::number(ci.map(|c| c[0])),
            Cell::number(ci.map(|c| c[1])),
            Cell::number(n.map(|n| n as f64)),
        ]);
    }

    fn overall(&mut self) {
        let a = self.assessment;
        self.table.section("Samlet", "Overall", self.lang);
        let n = Some(a.n_respondents);
        self.figure("", "", &CONTRACT, Some(a.schema_version as f64), None, None);
        self.figure("", "", &SCORE, a.overall.score, a.overall.ci, n);
        self.figure("", "", &LEVEL, a.overall.level.map(|l| l as f64), None, n);
        self.figure("", "", &TARGET_LEVEL, Some(a.overall.target as f64), None, None);
        self.figure("", "", &MEAN_GAP, a.overall.mean_gap, None, None);
        self.figure("", "", &EXCLUDED, Some(a.excluded_for_anonymity as f64), None, None);
    }

    /// The registry's figures in its order, each export leaves out saying why there.
    fn dimension(&mut self, d: &DimensionResult) {
        for f in DIMENSION_FIGURES.iter().filter(|f| f.absent_from(Face::Export).is_none()) {
            let (ci, n) = match f.name {
                "score" => (d.ci, Some(d.n)),
                "alpha" => (None, d.alpha_n),
                "target" => (None, None),
                _ => (None, Some(d.n)),
            };
            let m = Measure { da: f.da, en: f.en };
            self.figure("", &d.id, &m, (f.value)(d), ci, n);
        }
    }

    fn group(&mut self, g: &GroupResult, d: &GroupDimension) {
        let label = g.label.get(self.lang).to_owned();
        for f in GROUP_FIGURES.iter().filter(|f| f.absent_from(Face::Export).is_none()) {
            let ci = if f.name == "score" { d.ci } else { None };
            self.figure(&label, &d.id, &Measure { da: f.da, en: f.en }, (f.value)(d), ci, d.n);
        }
    }

    /// The group's name in the reader's language (its id when the group is not reported).
    fn group_label(&self, role: &str) -> String {
        let g = self.assessment.groups.iter().find(|g| g.role == role);
        g.map_or_else(|| role.to_owned(), |g| g.label.get(self.lang).to_owned())
    }

    fn gap(&mut self, g: &Gap) {
        let pair = format!("{} − {}", self.group_label(&g.a), self.group_label(&g.b));
        let id = g.dimension.as_str();
        self.figure(&pair, id, &DIFF, g.diff, g.ci, None);
        self.figure(&pair, id, &P, g.p, None, None);
        self.figure(&pair, id, &P_ADJUSTED, g.p_adjusted, None, None);
        self.figure(&pair, id, &SIGNIFICANT, flag(g.significant), None, None);
    }
}

/// The assessment as a long table with the sections Overall, Dimensions, Groups,
/// Perception gaps and Recommendations (docs/exports.md), and with `--by` a wide sheet per
/// breakdown level (unit × dimension).
pub fn assessment_table(a: &Assessment, lang: Lang) -> Table {
    let mut rows = Rows { table: Table::new(COLUMNS, lang), assessment: a, lang };
    rows.overall();
    rows.table.section("Dimensioner", "Dimensions", lang);
    a.dimensions.iter().for_each(|d| rows.dimension(d));
    rows.table.section("Grupper", "Groups", lang);
    for g in &a.groups {
        g.dimensions.iter().for_each(|d| rows.group(g, d));
    }
    rows.table.section("Forskelle", "Perception gaps", lang);
    a.gaps.iter().for_each(|g| rows.gap(g));
    rows.table.section("Anbefalinger", "Recommendations", lang);
    for r in &a.recommendations {
        let id = r.dimension.as_str();
        rows.figure("", id, &PRIORITY, Some(r.priority as f64), None, None);
        rows.figure("", id, &GAP, Some(r.gap), None, None);
        rows.figure("", id, &WEIGHTED_GAP, Some(r.weighted_gap), None, None);
    }
    rows.table.wide = super::units::unit_sheets(a, lang);
    rows.table
}
