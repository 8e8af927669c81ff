//! The portfolio analysis as a long table: missions (coverage, quality), alignment of every
//! initiative with every mission, economics per initiative, closure candidates and the
//! balance of the portfolio.

use std::collections::BTreeMap;

use super::categories::{category, recommendation};
use super::table::{Cell, Measure, Table, flag};
use crate::localized::Lang;
use crate::mission::{Portfolio, PortfolioAnalysis};

const COLUMNS: &[(&str, &str, f64)] = &[
    ("Afsnit", "Section", 16.0),
    ("Initiativ", "Initiative", 10.0),
    ("Initiativnavn", "Initiative name", 40.0),
    ("Mission", "Mission", 9.0),
    ("Missionsnavn", "Mission name", 40.0),
    ("Kategori", "Category", 24.0),
    ("Nøgletal", "Measure", 34.0),
    ("Værdi", "Value", 14.0),
];

macro_rules! measure {
    ($name:ident, $da:expr, $en:expr) => {
        const $name: Measure = Measure { da: $da, en: $en };
    };
}

measure!(ALIGNED, "initiativer, der bidrager", "aligned initiatives");
measure!(WEIGHTED, "vægtet dækning", "weighted coverage");
measure!(DEPARTMENTS, "forvaltninger", "departments");
measure!(SECTORS, "sektorer", "sectors");
measure!(MET, "kvalitetskriterier opfyldt", "quality criteria met");
measure!(MISSED, "kvalitetskriterier mangler", "quality criteria missed");
measure!(ALIGNMENT, "sammenhæng (alignment)", "alignment");
measure!(LINK, "sammenhæng: kobling", "alignment: link");
measure!(TARGET_GROUPS, "sammenhæng: målgrupper", "alignment: target groups");
measure!(OUTCOMES, "sammenhæng: effektmål", "alignment: outcomes");
measure!(TEXT, "sammenhæng: tekst", "alignment: text");
measure!(REACH, "sammenhæng: forvaltninger", "alignment: reach");
measure!(NET, "netto pr. år (kr.)", "net per year (kr)");
measure!(PAYBACK_YEAR, "tjent hjem i år", "payback year");
measure!(PAYBACK_YEARS, "år til tjent hjem", "years to payback");
measure!(WITHIN, "tjent hjem inden for horisonten (1 = ja)", "paid back within the horizon (1 = yes)");
measure!(BEST, "bedste sammenhæng med en mission", "best alignment with a mission");
measure!(ACTIVE, "aktive initiativer", "active initiatives");
measure!(EXPLORE_SHARE, "andel forsøg", "explore share");
measure!(HERFINDAHL, "koncentration på forvaltninger (Herfindahl)", "department concentration (Herfindahl)");
measure!(COUNT, "antal aktive initiativer", "active initiatives");
measure!(SHARE, "andel af aktive initiativer", "share of active initiatives");

/// Row builder over the portfolio (for names) and the analysis.
struct Rows<'a> {
    table: Table,
    initiatives: BTreeMap<&'a str, &'a str>,
    missions: BTreeMap<&'a str, &'a str>,
    lang: Lang,
}

impl Rows<'_> {
    /// A row for a figure that exists; none for a missing one.
    fn figure(&mut self, initiative: &str, mission: &str, cat: &str, m: &Measure, value: Option<f64>) {
        let Some(value) = value.filter(|v| v.is_finite()) else { return };
        let i_name = self.initiatives.get(initiative).copied().unwrap_or("");
        let m_name = self.missions.get(mission).copied().unwrap_or("");
        let section = self.table.sections.last().map(|s| s.name.clone()).unwrap_or_default();
        let row = vec![
            Cell::text(section),
            Cell::text(initiative),
            Cell::text(i_name),
            Cell::text(mission),
            Cell::text(m_name),
            Cell::text(cat),
            Cell::text(m.name(self.lang)),
            Cell::Number(value),
        ];
        self.table.push(row);
    }

    fn missions(&mut self, a: &PortfolioAnalysis) {
        self.table.section("Missioner", "Missions", self.lang);
        for (c, q) in a.coverage.iter().zip(&a.mission_quality) {
            let m = c.mission.as_str();
            self.figure("", m, "", &ALIGNED, Some(c.initiatives as f64));
            self.figure("", m, "", &WEIGHTED, Some(c.weighted));
            self.figure("", m, "", &DEPARTMENTS, Some(c.departments.len() as f64));
            self.figure("", m, "", &SECTORS, Some(c.sectors.len() as f64));
            self.figure("", m, "", &MET, Some(q.met.len() as f64));
            self.figure("", m, "", &MISSED, Some(q.missed.len() as f64));
        }
    }

    fn alignment(&mut self, a: &PortfolioAnalysis) {
        self.table.section("Sammenhæng", "Alignment", self.lang);
        for r in &a.alignment {
            let (i, m, c) = (&*r.initiative, &*r.mission, &r.components);
            self.figure(i, m, "", &ALIGNMENT, Some(r.score));
            self.figure(i, m, "", &LINK, Some(c.link));
            self.figure(i, m, "", &TARGET_GROUPS, Some(c.target_groups));
            self.figure(i, m, "", &OUTCOMES, Some(c.outcomes));
            self.figure(i, m, "", &TEXT, Some(c.text));
            self.figure(i, m, "", &REACH, Some(c.reach));
        }
    }

    fn economics(&mut self, a: &PortfolioAnalysis) {
        self.table.section("Økonomi", "Economics", self.lang);
        for e in &a.economics {
            let (i, rec) = (e.initiative.as_str(), recommendation(e.recommendation, self.lang));
            self.figure(i, "", &rec, &NET, e.net_per_year);
            self.figure(i, "", &rec, &PAYBACK_YEAR, e.payback_year.map(|y| y as f64));
            self.figure(i, "", &rec, &PAYBACK_YEARS, e.payback_years.map(|y| y as f64));
            self.figure(i, "", &rec, &WITHIN, flag(Some(e.within_horizon)));
        }
    }

    fn balance(&mut self, a: &PortfolioAnalysis) {
        let (b, lang) = (&a.balance, self.lang);
        self.table.section("Balance", "Balance", lang);
        self.figure("", "", "", &ACTIVE, Some(b.active as f64));
        self.figure("", "", "", &EXPLORE_SHARE, b.explore_share);
        self.figure("", "", "", &HERFINDAHL, b.herfindahl);
        for counts in [&b.modes, &b.facets, &b.stages] {
            for (key, n) in counts {
                self.figure("", "", &category(key, lang), &COUNT, Some(*n as f64));
            }
        }
        for (department, share) in &b.department_shares {
            self.figure("", "", department, &SHARE, Some(*share));
        }
    }
}

/// The portfolio analysis as a long table with the sections Missions, Alignment,
/// Economics, Closure candidates and Balance (docs/exports.md). `portfolio` gives the names.
pub fn portfolio_table(portfolio: &Portfolio, analysis: &PortfolioAnalysis, lang: Lang) -> Table {
    let initiatives = portfolio.initiatives.iter().map(|x| (x.id.as_str(), x.title.as_str())).collect();
    let missions = portfolio.missions.iter().map(|x| (x.id.as_str(), x.title.get(lang))).collect();
    let mut rows = Rows { table: Table::new(COLUMNS, lang), initiatives, missions, lang };
    rows.missions(analysis);
    rows.alignment(analysis);
    rows.economics(analysis);
    rows.table.section("Lukkekandidater", "Closure candidates", lang);
    for c in &analysis.closure_candidates {
        rows.figure(&c.initiative, "", "", &BEST, Some(c.best_alignment));
    }
    rows.balance(analysis);
    rows.table
}
