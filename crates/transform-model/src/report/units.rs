//! "Resultater pr. enhed": the assessment's breakdown by department (and unit), as a heat
//! map and the table behind it, withheld cells shown as withheld (never as 0), and the
//! disclosure audit's counts in words. Left out when the assessment has no breakdown.

use serde::Serialize;

use super::Table;
use crate::chart;
use crate::localized::Lang;
use crate::maturity::{Assessment, UnitResult};
use crate::model::Model;
use crate::vocab;

#[derive(Debug, Serialize)]
pub(super) struct UnitsView {
    heatmap: String,
    table: Table,
    note: String,
}

/// The unit cells for every role together, in the assessment's order.
fn whole_units(a: &Assessment) -> Vec<&UnitResult> {
    a.units.iter().filter(|u| u.role.is_none()).collect()
}

fn unit_name(u: &UnitResult) -> String {
    u.unit.as_ref().map_or_else(|| u.department.clone(), |x| format!("{} › {x}", u.department))
}

/// Dimensions as rows, units as columns (the heat map's columns are numbered in this order).
fn table(a: &Assessment, model: &Model, lang: Lang) -> Table {
    let units = whole_units(a);
    let names: Vec<String> = units
        .iter()
        .map(|u| match u.n {
            Some(n) => format!("{} ({n})", unit_name(u)),
            None => unit_name(u),
        })
        .collect();
    let mut header: Vec<(&str, bool)> = vec![(lang.pick("Dimension", "Dimension"), false)];
    header.extend(names.iter().map(|n| (n.as_str(), true)));
    let mut t = Table::new(
        lang.pick(
            "Tabel: Score pr. dimension og enhed (antal besvarelser i parentes)",
            "Table: Score per dimension and unit (responses in brackets)",
        ),
        &header,
    );
    for (nr, d) in a.dimensions.iter().enumerate() {
        let mut row = vec![format!("{}. {}", nr + 1, vocab::dimension(model, &d.id).get(lang))];
        for u in &units {
            let cell = u.dimensions.iter().find(|x| x.id == d.id).and_then(|c| c.score);
            row.push(cell.map_or_else(|| lang.pick("skjult", "hidden").to_owned(), |s| vocab::number(s, 1, lang)));
        }
        t.rows.push(row);
    }
    t
}

/// The disclosure audit in words: how many cells were withheld, and why; never which.
fn note(a: &Assessment, lang: Lang) -> String {
    let k = a.min_group_size;
    let (primary, secondary) = (a.suppression.primary, a.suppression.secondary);
    let cells = |n: usize| vocab::count(n, "tal", "tal", "figure", "figures", lang);
    let mut parts = Vec::new();
    if primary > 0 {
        parts.push(match lang {
            Lang::Da => format!("{} er skjult, fordi de bygger på færre end {k} besvarelser", cells(primary)),
            Lang::En => format!("{} are hidden because they rest on fewer than {k} responses", cells(primary)),
        });
    }
    if secondary > 0 {
        parts.push(match lang {
            Lang::Da => format!(
                "{} er skjult, for at ingen skjult værdi kan regnes baglæns ud fra de viste tal og totalerne",
                cells(secondary)
            ),
            Lang::En => format!(
                "{} are hidden so that no hidden value can be worked out from the figures shown and the totals",
                cells(secondary)
            ),
        });
    }
    let audit = match (parts.is_empty(), lang) {
        (true, Lang::Da) => "Ingen tal er skjult af hensyn til anonymiteten.".to_owned(),
        (true, Lang::En) => "No figure is hidden for anonymity.".to_owned(),
        (false, Lang::Da) => format!("Af hensyn til anonymiteten: {}.", parts.join("; ")),
        (false, Lang::En) => format!("For anonymity: {}.", parts.join("; ")),
    };
    let scope = lang.pick(
        "Tallene gælder alle roller i enheden samlet; optællingen af skjulte tal dækker alt, hvad rapporten viser (grupper, enheder og roller i enhederne).",
        "The figures cover every role in the unit together; the count of hidden figures covers everything the report shows (groups, units and roles within units).",
    );
    format!("{audit} {scope}")
}

/// The section, when the assessment has a breakdown by unit.
pub(super) fn view(model: &Model, a: &Assessment, lang: Lang) -> Option<UnitsView> {
    if whole_units(a).is_empty() {
        return None;
    }
    Some(UnitsView { heatmap: chart::unit_heatmap(a, model, lang), table: table(a, model, lang), note: note(a, lang) })
}
