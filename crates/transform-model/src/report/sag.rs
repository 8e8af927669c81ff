//! The council paper (dagsordenspunkt) that opens the report, in the structure Danish agenda
//! systems use (BUDGET.md): Overskrift, Resumé, Indstilling with numbered decision points,
//! Sagsfremstilling, Økonomi, Høring, Videre forløb, Beslutning (blank), Bilag.
//! The years it names follow one chain: the budget year the proposals go into, the target
//! year, the next survey — each from the plan when there is one.

use serde::Serialize;

use super::economy;
use super::options::{Status, find_municipality, month_name};
use super::proposals::Proposals;
use super::summary::join_words;
use super::{ReportInputs, ReportOptions, Table};
use crate::localized::Lang;
use crate::plan::ActionKind;
use crate::vocab;

#[derive(Debug, Serialize)]
pub(super) struct Sag {
    pub overskrift: String,
    meta: Vec<String>,
    resume: Vec<String>,
    indstilling: String,
    points: Vec<String>,
    background: Vec<String>,
    economy_text: Vec<String>,
    economy: Option<Table>,
    hearing: String,
    next_steps: Table,
    appendices: Vec<String>,
}

/// The years the paper names.
#[derive(Debug, Clone, Copy)]
pub(super) struct Years {
    /// The budget year the proposals go into (adopted the October before).
    pub budget: Option<i64>,
    /// The year the target level is to be reached.
    pub target: Option<i64>,
    /// The next survey: year and, from a plan, quarter.
    pub next_survey: Option<(i64, Option<u8>)>,
}

/// The year the paper is written for: the meeting's, else the portfolio analysis's, else
/// the survey's.
fn base_year(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Option<i64> {
    options
        .meeting_date
        .map(|d| d.year)
        .or_else(|| inputs.portfolio.map(|(_, an)| an.year))
        .or_else(|| options.survey_period.map(|p| p.to.year))
}

pub(super) fn years(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Years {
    let from_plan = inputs.plan.and_then(|p| economy::rows(p).first().map(|r| r.budget_year));
    // A meeting after the summer can reach next year's budget only if the budget seminar
    // (August) is still ahead: up to August, the coming year; after it, the year after.
    let from_meeting = options.meeting_date.map(|d| if d.month <= 8 { d.year + 1 } else { d.year + 2 });
    let budget = match (from_plan, from_meeting) {
        (Some(p), Some(m)) => Some(p.max(m)),
        (p, m) => p.or(m).or_else(|| base_year(inputs, options).map(|y| y + 1)),
    };
    let target = inputs.plan.map(|p| p.start_year + p.years - 1).or_else(|| base_year(inputs, options).map(|y| y + 4));
    let planned = inputs
        .plan
        .and_then(|p| p.actions().find(|(_, a)| a.kind == ActionKind::Remeasure).map(|(y, a)| (y, Some(a.quarter))));
    let next_survey = planned.or_else(|| {
        options.survey_period.map(|p| p.to.year).or_else(|| base_year(inputs, options)).map(|y| (y + 2, None))
    });
    Years { budget, target, next_survey }
}

/// The municipality's name as the paper writes it: from the options (one of the 98), the
/// portfolio or the assessment; `None` when no input names it.
fn municipality_name(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Option<String> {
    if let Some(m) = options.municipality.as_deref().and_then(|m| find_municipality(m).ok()) {
        let name = if m.name == "København" { "Københavns".to_owned() } else { m.name.clone() };
        return Some(format!("{name} Kommune{}", if m.fictional { " (fiktiv)" } else { "" }));
    }
    inputs
        .portfolio
        .map(|(p, _)| p.municipality.name.clone())
        .or_else(|| inputs.assessment.municipality.as_ref().map(|m| format!("{} Kommune", m.name)))
}

fn status(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Status {
    options.status.unwrap_or(if inputs.plan.is_some() { Status::Decision } else { Status::Information })
}

fn meta(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Vec<String> {
    let lang = options.lang;
    let committee =
        options.committee.clone().unwrap_or_else(|| lang.pick("Økonomiudvalget", "Finance Committee").to_owned());
    let mut out = vec![committee];
    if let Some(d) = options.meeting_date {
        out.push(match lang {
            Lang::Da => format!("Mødet {}", d.text(lang)),
            Lang::En => format!("Meeting of {}", d.text(lang)),
        });
    }
    out.push(status(inputs, options).text(lang).to_owned());
    out
}

fn target_text(inputs: &ReportInputs<'_>, years: &Years, lang: Lang) -> String {
    let t = inputs.assessment.overall.target;
    let name = inputs.model.levels().iter().find(|l| l.level == t).map(|l| l.label.get(lang).to_owned());
    let name = name.map_or(String::new(), |n| format!(", »{n}«"));
    match (lang, years.target) {
        (Lang::Da, Some(y)) => format!("niveau {t}{name}, i {y}"),
        (Lang::Da, None) => format!("niveau {t}{name}, inden for fem år"),
        (Lang::En, Some(y)) => format!("level {t}{name}, by {y}"),
        (Lang::En, None) => format!("level {t}{name}, within five years"),
    }
}

fn survey_text(next: Option<(i64, Option<u8>)>, lang: Lang) -> String {
    match (lang, next) {
        (Lang::Da, Some((y, Some(q)))) => format!("i {q}. kvartal {y}"),
        (Lang::Da, Some((y, None))) => format!("i {y}"),
        (Lang::En, Some((y, Some(q)))) => format!("in quarter {q} of {y}"),
        (Lang::En, Some((y, None))) => format!("in {y}"),
        (_, None) => lang.pick("om to år", "in two years").to_owned(),
    }
}

/// The numbered decision points: one decision each.
fn points(inputs: &ReportInputs<'_>, options: &ReportOptions, years: &Years) -> Vec<String> {
    let lang = options.lang;
    if status(inputs, options) == Status::Information {
        return vec![
            lang.pick("orienteringen tages til efterretning.", "the council takes note of the report.").to_owned(),
        ];
    }
    let mut out = vec![match lang {
        Lang::Da => format!("målet for kommunens modenhed er {},", target_text(inputs, years, lang)),
        Lang::En => format!("the target for the municipality's maturity is {},", target_text(inputs, years, lang)),
    }];
    let props = inputs.portfolio.map(|(p, an)| Proposals::new(p, an, inputs.plan));
    let rows = inputs.plan.map(economy::rows).unwrap_or_default();
    if let (Some(props), Some(b)) = (&props, years.budget) {
        if !props.spread.is_empty() {
            let names: Vec<String> = props.spread.iter().map(|i| i.title.clone()).collect();
            let net = rows.iter().find(|r| r.budget_year == b).map_or_else(
                || lang.pick("en nettoudgift, der endnu ikke er opgjort", "a net amount not yet estimated").to_owned(),
                |r| economy::net_phrase(r, lang),
            );
            out.push(match lang {
                Lang::Da => format!(
                    "forslagene om at udbrede {} indgår i budgetforhandlingerne for budget {b} med {net},",
                    join_words(&names, "og")
                ),
                Lang::En => format!(
                    "the proposals to spread {} go into the negotiations of the {b} budget with {net},",
                    join_words(&names, "and")
                ),
            });
        }
        for i in &props.close {
            out.push(match lang {
                Lang::Da => format!("der træffes beslutning om at lukke »{}« efter høring,", i.title),
                Lang::En => format!("a decision is taken to close “{}” after consultation,", i.title),
            });
        }
    }
    out.push(match lang {
        Lang::Da => format!("der gennemføres en ny måling {}.", survey_text(years.next_survey, lang)),
        Lang::En => format!("a new survey is made {}.", survey_text(years.next_survey, lang)),
    });
    out
}

/// Five lines: where the municipality stands, what it means, where to act, the money, how sure.
fn resume(inputs: &ReportInputs<'_>, options: &ReportOptions, years: &Years, name: &str) -> Vec<String> {
    let (a, model, lang) = (inputs.assessment, inputs.model, options.lang);
    let top = model.levels().len();
    let mut out = Vec::new();
    if let Some(l) = a.overall.level.and_then(|l| model.levels().iter().find(|x| x.level == l)) {
        out.push(match lang {
            Lang::Da => format!(
                "Målingen viser, at {name} samlet set er på niveau {} af {top}, »{}«; målet er {}.",
                l.level,
                l.label.get(lang),
                target_text(inputs, years, lang)
            ),
            Lang::En => format!(
                "The survey shows that {name} is at level {} of {top} overall, “{}”; the target is {}.",
                l.level,
                l.label.get(lang),
                target_text(inputs, years, lang)
            ),
        });
        out.push(l.description.get(lang).split(" (").next().unwrap_or_default().trim().to_owned());
    }
    let dims: Vec<String> = a
        .recommendations
        .iter()
        .take(3)
        .map(|r| format!("»{}«", vocab::dimension(model, &r.dimension).get(lang).to_lowercase()))
        .collect();
    if !dims.is_empty() {
        out.push(match lang {
            Lang::Da => format!("Det foreslås først at styrke {}.", join_words(&dims, "og")),
            Lang::En => format!("We propose to strengthen {} first.", join_words(&dims, "and")),
        });
    }
    if let Some(b) = years.budget {
        let rows = inputs.plan.map(economy::rows).unwrap_or_default();
        let net = rows.iter().find(|r| r.budget_year == b).map_or_else(
            || lang.pick("en nettoudgift, der endnu ikke er opgjort", "a net amount not yet estimated").to_owned(),
            |r| economy::net_phrase(r, lang),
        );
        out.push(match lang {
            Lang::Da => format!("Forslagene indgår i budget {b}, der vedtages i oktober {}, med {net}.", b - 1),
            Lang::En => format!("The proposals go into the {b} budget, adopted in October {}, with {net}.", b - 1),
        });
    }
    let answered = a.n_respondents + a.excluded_for_anonymity;
    let invited: usize = options.invited.values().sum();
    let rate = (invited > 0).then(|| answered as f64 / invited as f64);
    out.push(match (lang, rate) {
        (Lang::Da, Some(r)) if r < super::summary::LOW_RESPONSE_RATE => format!(
            "Resultatet bygger på {} besvarelser; svarprocenten er lav ({}), så det skal læses med forsigtighed.",
            vocab::number(a.n_respondents as f64, 0, lang),
            vocab::percent(r, lang)
        ),
        (Lang::Da, Some(r)) => format!(
            "Resultatet bygger på {} besvarelser; svarprocenten er {}.",
            vocab::number(a.n_respondents as f64, 0, lang),
            vocab::percent(r, lang)
        ),
        (Lang::Da, None) => format!(
            "Resultatet bygger på {} besvarelser; svarprocenten kendes ikke.",
            vocab::number(a.n_respondents as f64, 0, lang)
        ),
        (Lang::En, Some(r)) => format!(
            "The result rests on {} responses; the response rate is {}{}.",
            vocab::number(a.n_respondents as f64, 0, lang),
            vocab::percent(r, lang),
            if r < super::summary::LOW_RESPONSE_RATE { ", which is low: read it with care" } else { "" }
        ),
        (Lang::En, None) => format!(
            "The result rests on {} responses; the response rate is unknown.",
            vocab::number(a.n_respondents as f64, 0, lang)
        ),
    });
    out
}

fn background(inputs: &ReportInputs<'_>, lang: Lang) -> Vec<String> {
    let model = inputs.model;
    let (first, last) = (model.levels().first(), model.levels().last());
    let span = match (first, last) {
        (Some(f), Some(l)) => match lang {
            Lang::Da => format!(" fra »{}« til »{}«", f.label.get(lang), l.label.get(lang)),
            Lang::En => format!(" from “{}” to “{}”", f.label.get(lang), l.label.get(lang)),
        },
        _ => String::new(),
    };
    let roles: Vec<String> = model.roles().iter().map(|r| vocab::role(model, &r.id).get(lang).to_lowercase()).collect();
    let roles = join_words(&roles, lang.pick("og", "and"));
    vec![match lang {
        Lang::Da => format!(
            "Kommunen har målt, hvor langt den er som udviklingsorganisation. Målingen spørger {roles} om {} dimensioner og placerer kommunen på en skala med {} niveauer{span}.",
            model.dimensions().len(),
            model.levels().len()
        ),
        Lang::En => format!(
            "The municipality has measured how far it has come as a developing organisation. The survey asks {roles} about {} dimensions and places the municipality on a scale of {} levels{span}.",
            model.dimensions().len(),
            model.levels().len()
        ),
    }]
}

fn economy_text(inputs: &ReportInputs<'_>, lang: Lang) -> (Vec<String>, Option<Table>) {
    match inputs.plan {
        Some(plan) => {
            let rows = economy::rows(plan);
            let text = lang.pick(
                "Tabellen viser planens beløb pr. budgetår og overslagsår, så langt planen rækker. »Ikke opgjort« betyder, at planen endnu ikke har tallet; det er aldrig det samme som nul. Det, der allerede er i budgettet, er ikke nye penge.",
                "The table shows the plan's amounts per budget year and the following years, as far as the plan reaches. “Not estimated” means the plan has no figure yet; it never means zero. What is already budgeted is no new money.",
            );
            (vec![text.to_owned()], (!rows.is_empty()).then(|| economy::table(&rows, lang)))
        }
        None => (
            vec![
                lang.pick(
                    "Sagen har ingen økonomiske konsekvenser i sig selv. Forslag, der kræver nye penge, fremlægges til budgetforhandlingerne med deres beløb.",
                    "The paper has no financial consequences by itself. Proposals that need new money go to the budget negotiations with their amounts.",
                )
                .to_owned(),
            ],
            None,
        ),
    }
}

fn hearing(inputs: &ReportInputs<'_>, years: &Years, lang: Lang) -> String {
    let portfolio = inputs.portfolio.map(|(p, _)| p);
    let props = inputs.portfolio.map(|(p, an)| Proposals::new(p, an, inputs.plan));
    let ids = props.as_ref().map(|x| x.initiative_ids()).unwrap_or_default();
    let missions: Vec<&str> =
        props.as_ref().map(|x| x.missions.iter().map(String::as_str).collect()).unwrap_or_default();
    let bodies = super::hearing::bodies(portfolio, &ids, &missions, lang);
    let when = years.budget.map_or(String::new(), |b| match lang {
        Lang::Da => format!(" i budgettets høringsperiode i september {}, før budgettet vedtages", b - 1),
        Lang::En => {
            format!(" in the budget's consultation period in September {}, before the budget is adopted", b - 1)
        }
    });
    match lang {
        Lang::Da => format!("Forslagene sendes i høring hos {}{when}.", join_words(&bodies, "og")),
        Lang::En => format!("The proposals are sent for consultation to {}{when}.", join_words(&bodies, "and")),
    }
}

/// Fagudvalg → økonomiudvalg → byråd, then the budget calendar the proposals follow.
fn next_steps(inputs: &ReportInputs<'_>, options: &ReportOptions, years: &Years) -> Table {
    let lang = options.lang;
    let mut t = Table::new(
        lang.pick("Tabel: Sagens videre forløb", "Table: What happens next"),
        &[(lang.pick("Hvornår", "When"), false), (lang.pick("Hvem", "Who"), false), (lang.pick("Hvad", "What"), false)],
    );
    let committee =
        options.committee.clone().unwrap_or_else(|| lang.pick("Økonomiudvalget", "Finance Committee").to_owned());
    let when = options.meeting_date.map_or_else(|| lang.pick("Mødet", "The meeting").to_owned(), |d| d.text(lang));
    let decides = status(inputs, options) == Status::Decision;
    t.rows.push(vec![when, committee.clone(), lang.pick("behandler sagen", "treats the paper").to_owned()]);
    if !committee.to_lowercase().contains("økonomiudvalg") && !committee.to_lowercase().contains("finance") {
        t.rows.push(vec![
            lang.pick("Næste møde", "Next meeting").to_owned(),
            lang.pick("Økonomiudvalget", "Finance Committee").to_owned(),
            lang.pick("behandler sagen efter fagudvalget", "treats the paper after the committee").to_owned(),
        ]);
    }
    t.rows.push(vec![
        lang.pick("Næste møde", "Next meeting").to_owned(),
        lang.pick("Byrådet", "The council").to_owned(),
        if decides { lang.pick("træffer beslutning", "decides") } else { lang.pick("orienteres", "is informed") }
            .to_owned(),
    ]);
    if let (true, Some(b)) = (decides, years.budget) {
        let before = b - 1;
        let month = |m: u8| format!("{} {before}", month_name(m, lang));
        let steps = [
            (
                month(8),
                lang.pick("Byrådet", "The council"),
                lang.pick("budgetseminar: forslagene forhandles", "budget seminar: the proposals are negotiated"),
            ),
            (
                month(9),
                lang.pick("Byrådet, MED og rådene", "Council, MED and councils"),
                lang.pick("1. behandling og høring", "first reading and consultation"),
            ),
            (
                match lang {
                    Lang::Da => format!("Senest 15. oktober {before}"),
                    Lang::En => format!("By 15 October {before}"),
                },
                lang.pick("Byrådet", "The council"),
                lang.pick(
                    "2. behandling: budget og overslagsår vedtages",
                    "second reading: the budget and the following years are adopted",
                ),
            ),
        ];
        for (w, who, what) in steps {
            t.rows.push(vec![w, who.to_owned(), what.to_owned()]);
        }
        t.rows.push(vec![
            format!("{} {b}", month_name(1, lang)),
            lang.pick("Forvaltningerne", "The departments").to_owned(),
            lang.pick("forslag med nye penge kan begynde", "proposals with new money can start").to_owned(),
        ]);
    }
    let survey = survey_text(years.next_survey, lang);
    t.rows.push(vec![
        survey.trim_start_matches("i ").trim_start_matches("in ").to_owned(),
        lang.pick("Direktionen", "The executive board").to_owned(),
        lang.pick(
            "ny måling, der viser, om forskellene er mindsket",
            "a new survey to see whether the gaps have closed",
        )
        .to_owned(),
    ]);
    t
}

fn appendices(inputs: &ReportInputs<'_>, t: &std::collections::BTreeMap<&'static str, &'static str>) -> Vec<String> {
    let mut keys = vec!["dimensions", "groups", "recommendations"];
    if inputs.portfolio.is_some() {
        keys.extend(["portfolio", "ingredients"]);
    }
    if inputs.plan.is_some() {
        keys.push("plan");
    }
    keys.push("method");
    keys.into_iter().filter_map(|k| t.get(k).map(|s| (*s).to_owned())).collect()
}

pub(super) fn view(inputs: &ReportInputs<'_>, options: &ReportOptions) -> Sag {
    let lang = options.lang;
    let years = years(inputs, options);
    let name = municipality_name(inputs, options);
    let subject = lang.pick("Modenhedsmåling og forslag til næste skridt", "Maturity survey and proposed next steps");
    let (economy_text, economy) = economy_text(inputs, lang);
    Sag {
        overskrift: name.as_ref().map_or(subject.to_owned(), |n| format!("{n}: {}", subject.to_lowercase())),
        meta: meta(inputs, options),
        resume: resume(inputs, options, &years, name.as_deref().unwrap_or(lang.pick("kommunen", "the municipality"))),
        indstilling: lang.pick("Direktionen indstiller, at", "The executive board recommends that").to_owned(),
        points: points(inputs, options, &years),
        background: background(inputs, lang),
        economy_text,
        economy,
        hearing: hearing(inputs, &years, lang),
        next_steps: next_steps(inputs, options, &years),
        appendices: appendices(inputs, &super::texts(lang)),
    }
}
