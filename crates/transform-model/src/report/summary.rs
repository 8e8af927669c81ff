//! The sagsfremstilling's result and proposals (REPORT.md's page 1): the conclusion in words
//! with the level rule, the five levels, the sorted bar chart, differences only as the
//! intervals allow, three priorities as verbs, initiatives by name with the plan's kroner, and
//! who answered, when and how many. No ids, no decimals in brackets, no English.

use serde::Serialize;

use super::{ReportInputs, ReportOptions, Table, proposals::Proposals};
use crate::chart;
use crate::localized::Lang;
use crate::maturity::Assessment;
use crate::model::Model;
use crate::vocab;

#[derive(Debug, Serialize)]
pub(super) struct Summary {
    headline: String,
    level_rule: String,
    level_meaning: String,
    levels: Table,
    chart: String,
    strongest: String,
    priorities: Vec<String>,
    initiatives: Vec<String>,
    certainty: Vec<String>,
    footer: String,
}

/// Below this share of the invited answering, the paper warns. 30 pct. is the common rule of
/// thumb for staff surveys in Danish municipalities: below it, who answered may differ
/// systematically from who did not, and no weighting by role can repair that.
pub const LOW_RESPONSE_RATE: f64 = 0.30;

/// The level's description without the model's parenthetical notes.
fn meaning(text: &str) -> String {
    text.split(" (").next().unwrap_or(text).trim().to_owned()
}

fn headline(a: &Assessment, model: &Model, lang: Lang) -> (String, String) {
    let top = model.levels().len();
    let Some(level) = a.overall.level else {
        let text = lang.pick(
            // The overall score is the mean of the scored dimensions: missing only when none is.
            "Målingen giver ikke et samlet niveau, fordi ingen dimension kunne opgøres.",
            "The survey gives no overall level, because no dimension could be scored.",
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

/// Whether `x`'s interval lies wholly above every other interval (`above`), or wholly below.
fn surely_apart(x: [f64; 2], others: &[[f64; 2]], above: bool) -> bool {
    !others.is_empty() && others.iter().all(|o| if above { x[0] > o[1] } else { x[1] < o[0] })
}

/// A difference stated only as the intervals allow: "ligger i top" for a dimension whose
/// interval lies above every other's, "ligger lavest" likewise below; otherwise no ranking.
/// A dimension without an interval takes part in no claim.
pub(super) fn strongest(a: &Assessment, model: &Model, lang: Lang) -> String {
    let scored: Vec<(&str, [f64; 2])> = a.dimensions.iter().filter_map(|d| Some((d.id.as_str(), d.ci?))).collect();
    let unscored = a.dimensions.iter().any(|d| d.ci.is_none());
    let name = |id: &str| vocab::dimension(model, id).get(lang).to_owned();
    let pick = |above: bool| {
        scored.iter().find_map(|(id, ci)| {
            let others: Vec<[f64; 2]> = scored.iter().filter(|(o, _)| o != id).map(|(_, c)| *c).collect();
            (!unscored && surely_apart(*ci, &others, above)).then(|| name(id))
        })
    };
    let mut out = Vec::new();
    if let Some(top) = pick(true) {
        out.push(match lang {
            Lang::Da => format!("»{top}« ligger i top: den ligger sikkert over alle de øvrige dimensioner."),
            Lang::En => format!("“{top}” is at the top: surely above every other dimension."),
        });
    }
    if let Some(low) = pick(false) {
        out.push(match lang {
            Lang::Da => format!("»{low}« ligger lavest: den ligger sikkert under alle de øvrige dimensioner."),
            Lang::En => format!("“{low}” is lowest: surely below every other dimension."),
        });
    }
    if out.is_empty() {
        out.push(
            lang.pick(
                "Ingen dimension ligger sikkert over eller under alle de øvrige; forskellene mellem de højeste og de laveste kan skyldes tilfældigheder.",
                "No dimension lies surely above or below all the others; the differences between the highest and the lowest may be chance.",
            )
            .to_owned(),
        );
    }
    out.join(" ")
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

/// "Ungegaranti, Dosisdispensering og IPS"; the kroner as the plan gives them.
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
    let props = Proposals::new(p, an, inputs.plan);
    let names = |list: &[&crate::mission::Initiative]| -> String {
        join_words(&list.iter().map(|i| i.title.clone()).collect::<Vec<_>>(), lang.pick("og", "and"))
    };
    let count = |n: usize| vocab::count(n, "indsats", "indsatser", "initiative", "initiatives", lang);
    let running = |list: &[&crate::mission::Initiative]| -> Option<f64> {
        list.iter().map(|i| i.cost_per_year).sum::<Option<f64>>()
    };
    let mut out = Vec::new();
    if !props.spread.is_empty() {
        let money = match running(&props.spread) {
            Some(c) => match lang {
                Lang::Da => format!(
                    " De koster i dag ca. {} om året, som allerede er i budgettet; merudgiften ved at udbrede dem er ikke opgjort.",
                    vocab::kroner(c, lang)
                ),
                Lang::En => format!(
                    " They cost about {} a year today, already in the budget; the extra cost of spreading them is not estimated.",
                    vocab::kroner(c, lang)
                ),
            },
            None => lang
                .pick(" Hvad udbredelsen koster, er ikke opgjort.", " What spreading them costs is not estimated.")
                .to_owned(),
        };
        out.push(match lang {
            Lang::Da => format!("{} foreslås udbredt: {}.{money}", count(props.spread.len()), names(&props.spread)),
            Lang::En => {
                format!("{} proposed for spreading: {}.{money}", count(props.spread.len()), names(&props.spread))
            }
        });
    }
    if !props.close.is_empty() {
        out.push(match lang {
            Lang::Da => format!(
                "{} foreslås vurderet for lukning: {}. Besparelsen er ikke opgjort; den afhænger af afviklingen.",
                count(props.close.len()),
                names(&props.close)
            ),
            Lang::En => format!(
                "{} proposed for a closure decision: {}. The saving is not estimated; it depends on the phase-out.",
                count(props.close.len()),
                names(&props.close)
            ),
        });
    }
    if !props.reconsider.is_empty() {
        out.push(match lang {
            Lang::Da => format!("{} bør genovervejes: {}.", count(props.reconsider.len()), names(&props.reconsider)),
            Lang::En => {
                format!("{} should be reconsidered: {}.", count(props.reconsider.len()), names(&props.reconsider))
            }
        });
    }
    if out.is_empty() {
        out.push(
            lang.pick(
                "Analysen giver ikke anledning til at ændre indsatserne.",
                "The analysis gives no reason to change the initiatives.",
            )
            .to_owned(),
        );
    }
    out
}

/// The level rule as the assessment's contract states it (scoring contract v3 lowers the
/// overall score's level to any dimension surely below it; v2 takes the lowest dimension).
fn level_rule(a: &Assessment, lang: Lang) -> String {
    if a.schema_version >= 3 {
        lang.pick(
            "Det samlede niveau er niveauet for gennemsnittet af dimensionerne, dog højst niveauet for en dimension, der ligger sikkert lavere.",
            "The overall level is the level of the dimensions' mean, but no higher than that of a dimension surely below it.",
        )
        .to_owned()
    } else {
        lang.pick("Den laveste dimension bestemmer det samlede niveau.", "The lowest dimension sets the overall level.")
            .to_owned()
    }
}

/// The five levels with their names and meaning, the municipality's level and the target marked.
fn levels(a: &Assessment, model: &Model, target_year: Option<i64>, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Modenhedens niveauer", "Table: The levels of maturity"),
        &[
            (lang.pick("Niveau", "Level"), true),
            (lang.pick("Navn", "Name"), false),
            (lang.pick("Hvad det betyder", "What it means"), false),
            (lang.pick("Kommunen", "The municipality"), false),
        ],
    );
    for l in model.levels() {
        let mut marks = Vec::new();
        if a.overall.level == Some(l.level) {
            marks.push(lang.pick("Her er kommunen i dag", "Where the municipality is today").to_owned());
        }
        if a.overall.target == l.level {
            marks.push(match (lang, target_year) {
                (Lang::Da, Some(y)) => format!("Foreslået mål i {y}"),
                (Lang::En, Some(y)) => format!("Proposed target for {y}"),
                _ => lang.pick("Foreslået mål", "Proposed target").to_owned(),
            });
        }
        t.rows.push(vec![
            l.level.to_string(),
            l.label.get(lang).to_owned(),
            meaning(l.description.get(lang)),
            marks.join("; "),
        ]);
    }
    t
}

/// Who answered and when, the response rate with a warning when low, one count of
/// responses with the reason for any left out, the missing voices and the weighting.
fn certainty(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Vec<String> {
    let (a, model, lang) = (inputs.assessment, inputs.model, options.lang);
    let mut out = vec![survey_period(options)];
    out.extend(response_rate(a, options));
    out.push(included(a, lang));
    out.extend(missing_voices(a, model, lang));
    out.push(weighting(a, lang));
    out.push(
        lang.pick(
            "Små forskelle mellem dimensionerne og grupperne kan skyldes tilfældigheder.",
            "Small differences between the dimensions and the groups may be chance.",
        )
        .to_owned(),
    );
    out
}

/// When the survey ran, or that the period is not given.
fn survey_period(options: &ReportOptions) -> String {
    let lang = options.lang;
    match &options.survey_period {
        Some(p) => match lang {
            Lang::Da => format!("Målingen blev gennemført {}.", p.text(lang)),
            Lang::En => format!("The survey ran {}.", p.text(lang)),
        },
        None => lang.pick("Målingens periode er ikke oplyst.", "The survey period is not given.").to_owned(),
    }
}

/// How many answered out of how many invited, with a warning when the rate is low.
fn response_rate(a: &Assessment, options: &ReportOptions) -> Vec<String> {
    let lang = options.lang;
    let answered = a.n_respondents + a.excluded_for_anonymity;
    let n = |x: usize| vocab::number(x as f64, 0, lang);
    let mut out = Vec::new();
    let invited: usize = options.invited.values().sum();
    if invited > 0 {
        let share = answered as f64 / invited as f64;
        let rate = vocab::percent(share, lang);
        out.push(match lang {
            Lang::Da => format!("{} af {} inviterede svarede ({rate}).", n(answered), n(invited)),
            Lang::En => format!("{} of {} invited answered ({rate}).", n(answered), n(invited)),
        });
        if share < LOW_RESPONSE_RATE {
            let limit = vocab::percent(LOW_RESPONSE_RATE, lang);
            out.push(match lang {
                Lang::Da => format!(
                    "Bemærk: Svarprocenten er lav, under {limit}, og de, der svarede, kan have en anden opfattelse end dem, der ikke svarede. Resultatet skal derfor læses med forsigtighed."
                ),
                Lang::En => format!(
                    "Note: the response rate is below {limit}. Those who answered may see things differently from those who did not, so read the result with care."
                ),
            });
        }
    } else {
        out.push(match lang {
            Lang::Da => {
                format!("{} svarede; svarprocenten kendes ikke, da antallet af inviterede ikke er oplyst.", n(answered))
            }
            Lang::En => {
                format!("{} answered; the response rate is unknown, as the number invited is not given.", n(answered))
            }
        });
    }
    out
}

/// How many responses count, and why any are left out.
fn included(a: &Assessment, lang: Lang) -> String {
    let n = |x: usize| vocab::number(x as f64, 0, lang);
    let left = a.excluded_for_anonymity;
    let k = a.min_group_size;
    match (lang, left) {
        (Lang::Da, 0) => format!("Alle {} besvarelser indgår i resultatet.", n(a.n_respondents)),
        (Lang::En, 0) => format!("All {} responses are included.", n(a.n_respondents)),
        (Lang::Da, _) => format!(
            "{} indgår i resultatet; {} indgår ikke, da deres gruppe havde færre end {k} svar.",
            vocab::count(a.n_respondents, "besvarelse", "besvarelser", "", "", lang),
            n(left)
        ),
        (Lang::En, _) => format!(
            "{} responses are included; {} are left out, as their group had fewer than {k} responses.",
            n(a.n_respondents),
            n(left)
        ),
    }
}

/// The model's roles with no reported group, if any.
fn missing_voices(a: &Assessment, model: &Model, lang: Lang) -> Option<String> {
    let k = a.min_group_size;
    let reported: Vec<&str> = a.groups.iter().flat_map(|g| g.roles.iter().map(String::as_str)).collect();
    let missing: Vec<String> = model
        .roles()
        .iter()
        .filter(|r| !reported.contains(&r.id.as_str()))
        .map(|r| vocab::role(model, &r.id).get(lang).to_owned())
        .collect();
    if missing.is_empty() {
        return None;
    }
    Some(match lang {
        Lang::Da => format!("{} indgår ikke, da færre end {k} svarede.", join_words(&missing, "og")),
        Lang::En => format!("{} are not included, as fewer than {k} answered.", join_words(&missing, "and")),
    })
}

/// How the responses are weighted in the result.
fn weighting(a: &Assessment, lang: Lang) -> String {
    match a.weighting {
        crate::maturity::Weighting::Balanced => lang.pick(
            "Hver gruppe tæller lige meget i resultatet, uanset hvor mange der svarede.",
            "Each group counts the same in the result, however many answered.",
        ),
        _ => {
            lang.pick("Hver besvarelse tæller lige meget i resultatet.", "Each response counts the same in the result.")
        }
    }
    .to_owned()
}

/// "a, b og c".
pub(super) fn join_words(words: &[String], and: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

pub(super) fn view(inputs: &ReportInputs<'_>, options: &ReportOptions, target_year: Option<i64>) -> Summary {
    let (a, model, lang) = (inputs.assessment, inputs.model, options.lang);
    let (headline, level_meaning) = headline(a, model, lang);
    Summary {
        headline,
        level_rule: level_rule(a, lang),
        level_meaning,
        levels: levels(a, model, target_year, lang),
        chart: chart::dimension_bars(a, model, lang),
        strongest: strongest(a, model, lang),
        priorities: priorities(a, model, lang),
        initiatives: initiatives(inputs, lang),
        certainty: certainty(inputs, options),
        footer: match (lang, &options.survey_period) {
            (Lang::Da, period) => format!(
                "Datagrundlag: {} besvarelser{}. Grupper med færre end {} svar vises ikke.",
                vocab::number(a.n_respondents as f64, 0, lang),
                period.map_or(String::new(), |p| format!(", {}", p.text(lang))),
                a.min_group_size
            ),
            (Lang::En, period) => format!(
                "Data: {} responses{}. Groups with fewer than {} responses are not shown.",
                vocab::number(a.n_respondents as f64, 0, lang),
                period.map_or(String::new(), |p| format!(", {}", p.text(lang))),
                a.min_group_size
            ),
        },
    }
}
