//! The sections on the survey: dimensions (the table behind page 1's chart), groups with the
//! heat map and the anonymity statement, perception gaps, recommendations and reservations.

use serde::Serialize;

use super::Table;
use super::summary::lever_text;
use crate::chart;
use crate::localized::Lang;
use crate::maturity::{Assessment, Gap, GapVerdict};
use crate::model::Model;
use crate::vocab;

#[derive(Debug, Serialize)]
pub(super) struct Maturity {
    dimensions: Table,
    heatmap: String,
    groups: Table,
    anonymity: String,
    gaps_chart: Option<String>,
    gaps: Table,
    gaps_note: String,
    recommendations: Table,
    reservations: Vec<String>,
}

fn opt(x: Option<f64>, decimals: usize, lang: Lang) -> String {
    x.map_or_else(|| "–".to_owned(), |v| vocab::number(v, decimals, lang))
}

fn interval(ci: Option<[f64; 2]>, lang: Lang) -> String {
    ci.map_or_else(|| lang.pick("ikke opgjort", "not reported").to_owned(), |[lo, hi]| vocab::between(lo, hi, 1, lang))
}

fn dimensions(a: &Assessment, model: &Model, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick(
            "Tabel: Score pr. dimension (tallene bag figuren i sagsfremstillingen)",
            "Table: Score per dimension (the figures behind the chart in the case presentation)",
        ),
        &[
            (lang.pick("Dimension", "Dimension"), false),
            (lang.pick("Score", "Score"), true),
            (lang.pick("Usikkerhed", "Uncertainty"), false),
            (lang.pick("Niveau", "Level"), true),
            (lang.pick("I forhold til målet", "Against the target"), false),
            (lang.pick("Besvarelser", "Responses"), true),
        ],
    );
    for d in &a.dimensions {
        t.rows.push(vec![
            vocab::dimension(model, &d.id).get(lang).to_owned(),
            opt(d.score, 1, lang),
            interval(d.ci, lang),
            d.level.map_or("–".to_owned(), |l| l.to_string()),
            d.status.map_or("–".to_owned(), |s| s.label().get(lang).to_owned()),
            d.n.to_string(),
        ]);
    }
    t
}

/// The table behind the heat map: dimensions as rows, groups as columns (fits a page).
fn groups(a: &Assessment, model: &Model, lang: Lang) -> Table {
    let names: Vec<String> =
        a.groups.iter().map(|g| format!("{} ({})", vocab::role(model, &g.role).get(lang), g.n)).collect();
    let mut header: Vec<(&str, bool)> = vec![(lang.pick("Dimension", "Dimension"), false)];
    header.extend(names.iter().map(|n| (n.as_str(), true)));
    let mut t = Table::new(
        lang.pick(
            "Tabel: Score pr. dimension og gruppe (antal besvarelser i parentes)",
            "Table: Score per dimension and group (responses in brackets)",
        ),
        &header,
    );
    for (nr, d) in a.dimensions.iter().enumerate() {
        let mut row = vec![format!("{}. {}", nr + 1, vocab::dimension(model, &d.id).get(lang))];
        for g in &a.groups {
            let cell = g.dimensions.iter().find(|x| x.id == d.id).and_then(|c| c.score);
            row.push(match cell {
                Some(s) => vocab::number(s, 1, lang),
                None if asked(model, &g.roles, &d.id) => lang.pick("skjult", "hidden").to_owned(),
                None => lang.pick("ikke spurgt", "not asked").to_owned(),
            });
        }
        t.rows.push(row);
    }
    t
}

fn asked(model: &Model, roles: &[String], dim: &str) -> bool {
    let Some(d) = model.dimension_index(dim) else { return false };
    roles.iter().filter_map(|r| model.role_index(r)).any(|r| model.asked_items(r, d).next().is_some())
}

fn anonymity(a: &Assessment, lang: Lang) -> String {
    let k = a.min_group_size;
    let left = a.excluded_for_anonymity;
    let base = match lang {
        Lang::Da => {
            format!("Af hensyn til anonymiteten vises ingen tal for en gruppe med færre end {k} svar.")
        }
        Lang::En => format!("For anonymity, no figure is shown for a group with fewer than {k} responses (k = {k})."),
    };
    let extra = match (lang, left) {
        (Lang::Da, 0) => " Alle besvarelser indgår.".to_owned(),
        (Lang::Da, 1) => format!(" 1 besvarelse indgår ikke, da gruppen havde færre end {k} svar."),
        (Lang::Da, n) => format!(" {n} besvarelser indgår ikke, da gruppen havde færre end {k} svar."),
        (Lang::En, 0) => " Every response is included.".to_owned(),
        (Lang::En, n) => format!(" {n} responses are left out, as their group had fewer than {k} responses."),
    };
    let cells = lang.pick(
        " I tabellen betyder »skjult« skjult af hensyn til anonymitet, og »ikke spurgt«, at gruppen ikke fik dimensionens spørgsmål.",
        " In the table, “hidden” means hidden for anonymity, and “not asked” that the group was not asked the dimension's items.",
    );
    base + &extra + cells
}

/// The contract's verdict on the gap (`Gap::verdict`), in its own words.
fn verdict(g: &Gap, lang: Lang) -> String {
    g.verdict.label().get(lang).to_owned()
}

fn gaps(a: &Assessment, model: &Model, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Forskelle i opfattelse", "Table: Perception gaps"),
        &[
            (lang.pick("Dimension", "Dimension"), false),
            (lang.pick("Grupper", "Groups"), false),
            (lang.pick("Forskel", "Difference"), true),
            (lang.pick("Usikkerhed", "Uncertainty"), false),
            (lang.pick("Vurdering", "Verdict"), false),
        ],
    );
    for g in a.gaps.iter().filter(|g| chart::notable_gap(g)) {
        t.rows.push(vec![
            vocab::dimension(model, &g.dimension).get(lang).to_owned(),
            format!("{} − {}", vocab::role(model, &g.a).get(lang), vocab::role(model, &g.b).get(lang)),
            g.diff.map_or("–".to_owned(), |d| vocab::signed(d, 1, lang)),
            interval(g.ci, lang),
            verdict(g, lang),
        ]);
    }
    t
}

fn recommendations(a: &Assessment, model: &Model, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Dimensioner at sætte ind på, første først", "Table: Dimensions to act on, first first"),
        &[
            (lang.pick("Prioritet", "Priority"), true),
            (lang.pick("Dimension", "Dimension"), false),
            (lang.pick("Afstand til målet", "Distance to the target"), true),
            (lang.pick("Vurdering", "Verdict"), false),
            (lang.pick("Greb", "Levers"), false),
        ],
    );
    for r in &a.recommendations {
        let levers: Vec<String> = r.lever_labels.iter().map(|l| lever_text(l.get(lang))).collect();
        t.rows.push(vec![
            r.priority.to_string(),
            vocab::dimension(model, &r.dimension).get(lang).to_owned(),
            vocab::number(r.gap, 1, lang),
            r.status.map_or("–".to_owned(), |s| s.label().get(lang).to_owned()),
            levers.join("; "),
        ]);
    }
    t
}

pub(super) fn view(model: &Model, a: &Assessment, lang: Lang) -> Maturity {
    let notable = a.gaps.iter().filter(|g| chart::notable_gap(g)).count();
    // Tested as the contract's verdict says. The rest — withheld, or no interval because a
    // group is too small — is "ikke testet", never "ingen sikker forskel".
    let tested = a.gaps.iter().filter(|g| g.verdict != GapVerdict::NotTested).count();
    let withheld = a.gaps.len() - tested;
    let rest = tested.saturating_sub(notable);
    Maturity {
        dimensions: dimensions(a, model, lang),
        heatmap: chart::group_heatmap(a, model, lang),
        groups: groups(a, model, lang),
        anonymity: anonymity(a, lang),
        gaps_chart: (notable > 0).then(|| chart::notable_perception_gaps(a, model, lang)),
        gaps: gaps(a, model, lang),
        gaps_note: match lang {
            Lang::Da => format!(
                "Forskellen beregnes på de spørgsmål, begge grupper fik. »Sikker forskel« holder, også når der tages højde for, at mange forskelle er prøvet på én gang; »usikker forskel« er en forskel, hvor grupperne svarede »ved ikke« meget forskelligt ofte, så den kan skyldes, hvem der svarede. {}{}",
                match (notable, rest) {
                    (0, 0) => "Ingen sammenligning viste en sikker eller usikker forskel.".to_owned(),
                    (0, 1) => "Den ene sammenligning viste ingen sikker forskel.".to_owned(),
                    (0, r) => format!(
                        "Ingen af de {} viste en sikker eller usikker forskel.",
                        vocab::count(r, "sammenligning", "sammenligninger", "", "", lang)
                    ),
                    (1, 0) => "Figuren og tabellen viser den ene sikre eller usikre forskel.".to_owned(),
                    (n, 0) => format!("Figuren og tabellen viser de {n} sikre og usikre forskelle."),
                    (n, r) => format!(
                        "Figuren og tabellen viser de {n} sikre og usikre forskelle; {} viste ingen sikker forskel.",
                        vocab::count(r, "sammenligning", "sammenligninger", "", "", lang)
                    ),
                },
                if withheld > 0 {
                    format!(
                        " {} blev ikke testet, fordi grupperne fik for få fælles spørgsmål eller havde for få svar.",
                        vocab::count(withheld, "sammenligning", "sammenligninger", "", "", lang)
                    )
                } else {
                    String::new()
                }
            ),
            Lang::En => format!(
                "The difference is computed on the items both groups were asked. A “sure difference” holds even allowing for the many differences tested at once; an “uncertain” one comes with very different “don't know” rates, so who answered may explain it. The chart and the table show the {notable} sure and uncertain differences; {rest} other comparisons showed no sure difference.{}",
                if withheld > 0 {
                    format!(
                        " {withheld} could not be tested, as the groups shared too few items or had too few responses."
                    )
                } else {
                    String::new()
                }
            ),
        },
        recommendations: recommendations(a, model, lang),
        reservations: a.warnings.iter().map(|w| w.message.get(lang).to_owned()).collect(),
    }
}
