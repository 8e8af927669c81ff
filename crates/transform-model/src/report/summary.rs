//! Page 1, "Resumé til byrådet": the conclusion in words, the sorted bar chart, three
//! priorities as verbs, initiatives by name and kroner, the budget year of the next step,
//! and who answered (REPORT.md). No ids, no decimals in brackets, no English.

use serde::Serialize;

use super::{ReportInputs, ReportOptions};
use crate::chart;
use crate::localized::Lang;
use crate::maturity::Assessment;
use crate::mission::Recommendation;
use crate::model::Model;
use crate::vocab;

#[derive(Debug, Serialize)]
pub(super) struct Summary {
    headline: String,
    level_meaning: String,
    chart: String,
    strongest: String,
    priorities: Vec<String>,
    initiatives: Vec<String>,
    economy: Vec<String>,
    certainty: Vec<String>,
    footer: String,
}

/// The document title: the municipality's name when a portfolio gives it.
pub(super) fn title(inputs: &ReportInputs<'_>, lang: Lang) -> String {
    let base = lang.pick("Modenhedsmåling", "Maturity survey");
    match inputs.portfolio {
        Some((p, _)) => format!("{base}: {}", p.municipality.name),
        None => base.to_owned(),
    }
}

/// The level's description without the model's parenthetical notes.
fn meaning(text: &str) -> String {
    text.split(" (").next().unwrap_or(text).trim().to_owned()
}

fn headline(a: &Assessment, model: &Model, lang: Lang) -> (String, String) {
    let top = model.levels().len();
    let Some(level) = a.overall.level else {
        let text = lang.pick(
            "Målingen giver ikke et samlet niveau, fordi ikke alle dimensioner kunne opgøres.",
            "The survey gives no overall level, because not every dimension could be scored.",
        );
        return (text.to_owned(), String::new());
    };
    let l = model.levels().iter().find(|x| x.level == level);
    let name = l.map_or(String::new(), |x| x.label.get(lang).to_owned());
    let next = if (level as usize) < top {
        format!("{} {}", lang.pick(", på vej mod niveau", ", on the way to level"), level + 1)
    } else {
        String::new()
    };
    let text = match lang {
        Lang::Da => format!("Kommunen er samlet set på niveau {level} af {top}, »{name}«{next}."),
        Lang::En => format!("Overall, the municipality is at level {level} of {top}, “{name}”{next}."),
    };
    (text, l.map_or(String::new(), |x| meaning(x.description.get(lang))))
}

/// Names the strongest and the weakest dimension only where their intervals do not overlap.
fn strongest(a: &Assessment, model: &Model, lang: Lang) -> String {
    let scored: Vec<_> = a.dimensions.iter().filter(|d| d.score.is_some()).collect();
    let hi = scored.iter().max_by(|x, y| x.score.unwrap_or(0.0).total_cmp(&y.score.unwrap_or(0.0)));
    let lo = scored.iter().min_by(|x, y| x.score.unwrap_or(0.0).total_cmp(&y.score.unwrap_or(0.0)));
    match (hi, lo) {
        (Some(h), Some(l)) if matches!((h.ci, l.ci), (Some([hlo, _]), Some([_, lhi])) if hlo > lhi) => {
            let (hn, ln) = (vocab::dimension(model, &h.id), vocab::dimension(model, &l.id));
            lang.pick(
                &format!(
                    "Sikker forskel: Kommunen står stærkest på »{}« og svagest på »{}«.",
                    hn.get(lang),
                    ln.get(lang)
                ),
                &format!(
                    "A sure difference: the municipality is strongest on “{}” and weakest on “{}”.",
                    hn.get(lang),
                    ln.get(lang)
                ),
            )
            .to_owned()
        }
        _ => lang
            .pick(
                "Ingen sikker forskel mellem den stærkeste og den svageste dimension.",
                "No sure difference between the strongest and the weakest dimension.",
            )
            .to_owned(),
    }
}

/// A lever's text without its article number ("Greb 6: Gør …" → "Gør …").
pub(super) fn lever_text(label: &str) -> String {
    label.split_once(": ").map_or(label, |(_, rest)| rest).to_owned()
}

/// Three priorities as verbs: the first distinct levers of the recommendations, each with
/// the dimension it is for.
fn priorities(a: &Assessment, model: &Model, lang: Lang) -> Vec<String> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for r in &a.recommendations {
        for (id, label) in r.levers.iter().zip(&r.lever_labels) {
            if seen.contains(id) || out.len() == 3 {
                continue;
            }
            seen.push(id.clone());
            let dim = vocab::dimension(model, &r.dimension);
            out.push(format!(
                "{} {} »{}«.",
                lever_text(label.get(lang)),
                lang.pick("– for at styrke", "– to strengthen"),
                dim.get(lang)
            ));
        }
    }
    out
}

fn initiatives(inputs: &ReportInputs<'_>, lang: Lang) -> Vec<String> {
    let Some((p, an)) = inputs.portfolio else {
        return vec![
            lang.pick(
                "Rapporten er lavet uden kommunens portefølje af indsatser; den kan derfor ikke sige noget om de enkelte indsatser.",
                "The report was made without the municipality's portfolio of initiatives, so it says nothing about single initiatives.",
            )
            .to_owned(),
        ];
    };
    let groups = [
        (Recommendation::Spread, "bør udbredes", "should be spread"),
        (Recommendation::Close, "bør vurderes for afslutning", "should be considered for closing"),
        (Recommendation::Reconsider, "bør genovervejes", "should be reconsidered"),
    ];
    groups
        .iter()
        .filter_map(|(rec, da, en)| {
            let list: Vec<_> = an.economics.iter().filter(|e| e.recommendation == *rec).collect();
            if list.is_empty() {
                return None;
            }
            let initiatives: Vec<_> =
                list.iter().filter_map(|e| p.initiatives.iter().find(|i| i.id == e.initiative)).collect();
            let cost: f64 = initiatives.iter().filter_map(|i| i.cost_per_year).sum();
            let names: Vec<&str> = initiatives.iter().map(|i| i.title.as_str()).collect();
            let count = list.len();
            let noun = match (lang, count) {
                (Lang::Da, 1) => "indsats",
                (Lang::Da, _) => "indsatser",
                (Lang::En, 1) => "initiative",
                (Lang::En, _) => "initiatives",
            };
            let money = if cost > 0.0 {
                format!(", {} {}", lang.pick("ca.", "about"), vocab::kroner(cost, lang))
                    + lang.pick(" årligt", " a year")
            } else {
                String::new()
            };
            Some(format!("{count} {noun}{money}, {}: {}.", lang.pick(da, en), names.join(", ")))
        })
        .collect()
}

/// The budget year of the next step: the plan's first budget year, else the year after the
/// portfolio's analysis year.
fn economy(inputs: &ReportInputs<'_>, lang: Lang) -> Vec<String> {
    let from_plan = inputs.plan.and_then(|p| p.actions().filter_map(|(_, a)| a.budget_year).min());
    let year = from_plan.or_else(|| inputs.portfolio.map(|(_, an)| an.year + 1));
    let mut out = Vec::new();
    if let Some(y) = year {
        out.push(match lang {
            Lang::Da => format!("Forslagene indgår i budget {y}, der vedtages i oktober {}.", y - 1),
            Lang::En => format!("The proposals go into the {y} budget, adopted in October {}.", y - 1),
        });
    }
    out.push(if inputs.plan.is_some() {
        lang.pick(
            "Sagen forelægges til godkendelse: planen beder byrådet tage stilling til de første skridt.",
            "For approval: the plan asks the council to decide on the first steps.",
        )
        .to_owned()
    } else {
        lang.pick("Sagen forelægges til orientering.", "For information.").to_owned()
    });
    out
}

/// Who answered, the response rate from the invited counts, and the missing perspectives.
fn certainty(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Vec<String> {
    let (a, model, lang) = (inputs.assessment, inputs.model, options.lang);
    let total = a.n_respondents + a.excluded_for_anonymity;
    let mut out = vec![match lang {
        Lang::Da => format!("Resultatet bygger på {} besvarelser.", vocab::number(a.n_respondents as f64, 0, lang)),
        Lang::En => format!("The result rests on {} responses.", vocab::number(a.n_respondents as f64, 0, lang)),
    }];
    let invited: usize = options.invited.values().sum();
    if invited > 0 {
        let rate = vocab::percent(total as f64 / invited as f64, lang);
        out.push(match lang {
            Lang::Da => format!("{total} af {invited} inviterede svarede ({rate})."),
            Lang::En => format!("{total} of {invited} invited answered ({rate})."),
        });
    }
    let reported: Vec<&str> = a.groups.iter().flat_map(|g| g.roles.iter().map(String::as_str)).collect();
    let missing: Vec<String> = model
        .roles()
        .iter()
        .filter(|r| !reported.contains(&r.id.as_str()))
        .map(|r| vocab::role(model, &r.id).get(lang).to_owned())
        .collect();
    if !missing.is_empty() {
        let k = a.min_group_size;
        out.push(match lang {
            Lang::Da => format!("{} indgår ikke, da færre end {k} svarede.", join_words(&missing, "og")),
            Lang::En => format!("{} are not included, as fewer than {k} answered.", join_words(&missing, "and")),
        });
    }
    out.push(
        lang.pick(
            "Små forskelle mellem dimensionerne og grupperne kan skyldes tilfældigheder.",
            "Small differences between the dimensions and the groups may be chance.",
        )
        .to_owned(),
    );
    out
}

/// "a, b og c".
pub(super) fn join_words(words: &[String], and: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

pub(super) fn view(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Summary {
    let (a, model, lang) = (inputs.assessment, inputs.model, options.lang);
    let (headline, level_meaning) = headline(a, model, lang);
    Summary {
        headline,
        level_meaning,
        chart: chart::dimension_bars(a, model, lang),
        strongest: strongest(a, model, lang),
        priorities: priorities(a, model, lang),
        initiatives: initiatives(inputs, lang),
        economy: economy(inputs, lang),
        certainty: certainty(inputs, options),
        footer: match lang {
            Lang::Da => format!(
                "Datagrundlag: {} besvarelser. Grupper med færre end {} svar vises ikke.",
                vocab::number(a.n_respondents as f64, 0, lang),
                a.min_group_size
            ),
            Lang::En => format!(
                "Data: {} responses. Groups with fewer than {} responses are not shown.",
                vocab::number(a.n_respondents as f64, 0, lang),
                a.min_group_size
            ),
        },
    }
}
