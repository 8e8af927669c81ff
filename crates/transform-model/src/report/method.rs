//! The method appendix: the model, k, the weighting, the bootstrap count, how scores,
//! intervals, alpha and r_wg are computed, the dimensions' article terms, the levers'
//! numbers, and the radar. The seed stays out (DOMAIN.md, "Anonymity and disclosure").

use serde::Serialize;

use super::Table;
use crate::chart;
use crate::localized::Lang;
use crate::maturity::{Assessment, Weighting};
use crate::model::Model;
use crate::vocab;

#[derive(Debug, Serialize)]
pub(super) struct Method {
    facts: Vec<String>,
    formulas: Vec<String>,
    radar: String,
    terms: Table,
    levers: Table,
}

fn facts(model: &Model, a: &Assessment, lang: Lang) -> Vec<String> {
    let weighting = match (a.weighting, lang) {
        (Weighting::Balanced, Lang::Da) => "hver gruppe tæller lige meget, uanset hvor mange der svarede",
        (Weighting::Balanced, Lang::En) => "each group counts the same, however many answered",
        (_, Lang::Da) => "hver besvarelse tæller lige meget",
        (_, Lang::En) => "each response counts the same",
    };
    let confidence = vocab::percent(a.bootstrap.confidence, lang);
    match lang {
        Lang::Da => vec![
            format!("Model: {} version {}.", model.id(), model.version()),
            format!(
                "Anonymitetsgrænse: k = {}; usikkerhed og spredning vises kun for grupper med mindst {} svar.",
                a.min_group_size,
                a.min_dispersion_n.unwrap_or(a.min_group_size)
            ),
            format!("Vægtning: {weighting}."),
            format!(
                "Sandsynligheden for hvert niveau bygger på {} gentagne stikprøver (bootstrap); usikkerheden er angivet med {confidence} sikkerhed.",
                vocab::number(a.bootstrap.resamples as f64, 0, lang)
            ),
        ],
        Lang::En => vec![
            format!("Model: {} version {}.", model.id(), model.version()),
            format!(
                "Anonymity threshold: k = {}; uncertainty and spread are shown only for groups of at least {} responses.",
                a.min_group_size,
                a.min_dispersion_n.unwrap_or(a.min_group_size)
            ),
            format!("Weighting: {weighting}."),
            format!(
                "The probability of each level rests on {} bootstrap resamples; intervals have {confidence} coverage.",
                vocab::number(a.bootstrap.resamples as f64, 0, lang)
            ),
        ],
    }
}

fn formulas(lang: Lang) -> Vec<String> {
    let pairs = [
        (
            "Score: gennemsnittet af svarene (1–5) på dimensionens spørgsmål, først pr. besvarelse, så pr. gruppe og til sidst samlet efter vægtningen. »Ved ikke« tæller ikke med.",
            "Score: the mean of the answers (1–5) to the dimension's items, first per response, then per group, then overall by the weighting. “Don't know” is left out.",
        ),
        (
            "Niveau: den hele del af scoren (2,7 er niveau 2, på vej mod 3); kommunens samlede niveau er niveauet for gennemsnittet af dimensionerne, dog højst niveauet for en dimension, der ligger sikkert lavere (dens interval når ikke op til grænsen).",
            "Level: the whole part of the score (2.7 is level 2, on the way to 3); the municipality's overall level is the level of the dimensions' mean, but no higher than that of a dimension surely below it (its interval does not reach the boundary).",
        ),
        (
            "Usikkerhed: et interval om scoren ud fra spredningen i svarene (Welch–Satterthwaite), begrænset til skalaen.",
            "Uncertainty: an interval around the score from the spread of the answers (Welch–Satterthwaite), clipped to the scale.",
        ),
        (
            "Forskelle mellem grupper: Welch-test på de fælles spørgsmål, justeret for mange sammenligninger (Holm). »Sikker forskel« holder efter justeringen; »usikker forskel« holder efter justeringen, men grupperne svarede »ved ikke« meget forskelligt ofte.",
            "Differences between groups: Welch test on the shared items, adjusted for many comparisons (Holm). A “sure difference” holds after the adjustment; an “uncertain” one holds after it too, but the groups' \"don't know\" rates differ widely.",
        ),
        (
            "Intern sammenhæng (Cronbachs alfa): hvor godt dimensionens spørgsmål måler det samme, beregnet parvist.",
            "Internal consistency (Cronbach's alpha): how well the dimension's items measure the same thing, computed pairwise.",
        ),
        (
            "Enighed i gruppen (r_wg): hvor enige gruppens medlemmer er, sammenlignet med tilfældige svar (jævn og let skæv fordeling).",
            "Agreement within a group (r_wg): how much the group's members agree, compared with random answers (uniform and slightly skewed).",
        ),
    ];
    pairs.into_iter().map(|(da, en)| lang.pick(da, en).to_owned()).collect()
}

fn terms(model: &Model, a: &Assessment, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick(
            "Tabel: Dimensionerne med artiklens begreber og nøgletal",
            "Table: The dimensions with the article's terms and key figures",
        ),
        &[
            (lang.pick("Nr.", "No."), false),
            (lang.pick("I rapporten", "In the report"), false),
            (lang.pick("Artiklens begreb", "The article's term"), false),
            (lang.pick("Alfa", "Alpha"), true),
            (lang.pick("Besvarelser", "Responses"), true),
        ],
    );
    for d in &a.dimensions {
        t.rows.push(vec![
            d.id.clone(),
            vocab::dimension(model, &d.id).get(lang).to_owned(),
            d.label.get(lang).to_owned(),
            d.alpha.map_or("–".to_owned(), |x| vocab::number(x, 2, lang)),
            d.n.to_string(),
        ]);
    }
    t
}

fn levers(model: &Model, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Grebene med artiklens numre", "Table: The levers with the article's numbers"),
        &[(lang.pick("Artiklens nummer", "The article's number"), false), (lang.pick("Greb", "Lever"), false)],
    );
    for l in model.levers() {
        let label = l.label.get(lang);
        let number = label.split_once(": ").map_or("", |(n, _)| n);
        t.rows.push(vec![number.to_owned(), super::summary::lever_text(label)]);
    }
    t
}

pub(super) fn view(model: &Model, a: &Assessment, lang: Lang) -> Method {
    Method {
        facts: facts(model, a, lang),
        formulas: formulas(lang),
        radar: chart::radar(a, model, lang),
        terms: terms(model, a, lang),
        levers: levers(model, lang),
    }
}
