//! The council paper at the front of the report: its sections in the order agenda systems
//! use, the decisions as an ordered list, one test per honesty rule (no ranking where the
//! intervals overlap, a warning below the response-rate threshold, nothing closed, statutory
//! or infrastructure proposed for closure), and bad options refused with the value named.
#![cfg(feature = "report")]

use std::collections::BTreeMap;

use transform_model::ingredient::{Catalog, Index};
use transform_model::maturity::SAMPLE_RESPONSES_CSV;
use transform_model::mission::{AnalysisOptions, Portfolio, Stage};
use transform_model::plan::{ActionKind, PlanInputs, PlanOptions, plan};
use transform_model::report::{ReportError, ReportInputs, ReportOptions, Status, render_html};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Lang, Model, Responses, assess};

fn sample() -> (Model, Assessment) {
    let model = Model::default_model();
    let data = Responses::from_csv_str(&model, SAMPLE_RESPONSES_CSV, &ReadOptions::default()).unwrap();
    let mut o = AssessOptions::default();
    o.bootstrap = 50;
    let a = assess(&model, &data, &o).unwrap();
    (model, a)
}

fn html(model: &Model, a: &Assessment, portfolio: Option<&Portfolio>, with_plan: bool, o: &ReportOptions) -> String {
    let analysis = portfolio.map(|p| p.analyse(&AnalysisOptions::default()).unwrap());
    let pair = portfolio.zip(analysis.as_ref());
    let index = Index::new(Catalog::sample());
    let the_plan = with_plan.then(|| {
        plan(PlanInputs { model, assessment: a, portfolio: pair, index: Some(&index) }, &PlanOptions::default())
            .unwrap()
    });
    let inputs = ReportInputs { model, assessment: a, portfolio: pair, index: Some(&index), plan: the_plan.as_ref() };
    render_html(&inputs, o).unwrap()
}

/// The text between the decision list's tags.
fn decisions(html: &str) -> Vec<String> {
    let start = html.find("<ol class=\"decisions\">").expect("the decisions are an ordered list");
    let end = start + html[start..].find("</ol>").unwrap();
    html[start..end].split("<li>").skip(1).map(|li| li.trim_end_matches("</li>").to_owned()).collect()
}

#[test]
fn the_paper_has_its_sections_in_order_and_numbered_decisions() {
    let (model, a) = sample();
    let p = Portfolio::sample();
    let page = html(&model, &a, Some(&p), true, &ReportOptions::new(Lang::Da));
    let order = [
        "id=\"s-resume\"",
        "id=\"s-indstilling\"",
        "id=\"s-sagsfremstilling\"",
        "id=\"s-okonomi\"",
        "id=\"s-horing\"",
        "id=\"s-forlob\"",
        "id=\"s-beslutning\"",
        "id=\"s-bilag\"",
        "id=\"s-dimensions\"",
        "id=\"s-method\"",
    ];
    let at: Vec<usize> = order.iter().map(|s| page.find(s).unwrap_or_else(|| panic!("no {s}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "sections out of order: {at:?}");
    assert!(page.find("Direktionen indstiller, at").unwrap() < page.find("<ol class=\"decisions\">").unwrap());
    // One decision each: the target, the budget proposal (the plan spreads something), one
    // per closure the plan proposes of an initiative that may be closed, and the next survey.
    let the_plan = {
        let an = p.analyse(&AnalysisOptions::default()).unwrap();
        let index = Index::new(Catalog::sample());
        plan(
            PlanInputs { model: &model, assessment: &a, portfolio: Some((&p, &an)), index: Some(&index) },
            &PlanOptions::default(),
        )
        .unwrap()
    };
    let spreads = the_plan.actions().any(|(_, x)| x.kind == ActionKind::Spread);
    let closures: Vec<&str> = the_plan
        .actions()
        .filter(|(_, x)| x.kind == ActionKind::Close)
        .filter_map(|(_, x)| x.initiative.as_deref())
        .filter(|id| p.initiatives.iter().any(|i| i.id == *id && i.stage != Stage::Closed && !i.mandatory))
        .collect();
    let list = decisions(&page);
    assert_eq!(list.len(), 1 + usize::from(spreads) + closures.len() + 1, "{list:?}");
    assert!(list[0].starts_with("målet for kommunens modenhed er niveau"), "{}", list[0]);
    assert!(list.last().unwrap().starts_with("der gennemføres en ny måling"));
    // Orientering: one point, take note.
    let mut o = ReportOptions::new(Lang::Da);
    o.status = Some(Status::Information);
    let page = html(&model, &a, Some(&p), true, &o);
    assert_eq!(decisions(&page), ["orienteringen tages til efterretning."]);
}

#[test]
fn overlapping_intervals_name_no_dimension_at_the_top() {
    let (model, mut a) = sample();
    let o = ReportOptions::new(Lang::Da);
    for d in &mut a.dimensions {
        d.ci = Some([2.0, 3.0]);
    }
    let page = html(&model, &a, None, false, &o);
    assert!(!page.contains("stærkest") && !page.contains("ligger i top") && !page.contains("ligger lavest"));
    assert!(page.contains("Ingen dimension ligger sikkert over eller under alle de øvrige"));
    // One interval wholly above all others: it, and only it, is at the top. One touching
    // another's bound (3.0 = 3.0) is not surely apart.
    a.dimensions[3].ci = Some([3.01, 3.5]);
    a.dimensions[5].ci = Some([1.0, 1.99]);
    let page = html(&model, &a, None, false, &o);
    let name = |i: usize| model.dimensions()[i].label_plain.as_ref().unwrap().get(Lang::Da).to_owned();
    assert!(page.contains(&format!("»{}« ligger i top", name(3))), "no top");
    assert!(page.contains(&format!("»{}« ligger lavest", name(5))), "no bottom");
    a.dimensions[3].ci = Some([3.0, 3.5]);
    let page = html(&model, &a, None, false, &o);
    assert!(!page.contains("ligger i top"));
}

#[test]
fn a_response_rate_below_thirty_percent_is_warned_about() {
    let (model, a) = sample();
    let answered = a.n_respondents + a.excluded_for_anonymity;
    let rated = |invited: usize| {
        // Every role that answered has a count (a partial list is refused): each role group its
        // own n, merged roles 0, and the rest of `invited` on frontline.
        let mut counts: BTreeMap<String, usize> = a
            .groups
            .iter()
            .flat_map(|g| g.roles.iter().map(move |r| (r.clone(), if g.roles.len() == 1 { g.n } else { 0 })))
            .collect();
        let listed: usize = counts.values().sum();
        *counts.get_mut("frontline").expect("frontline answered") += invited - listed;
        let o = ReportOptions::new(Lang::Da).with_invited(counts);
        html(&model, &a, None, false, &o)
    };
    // 29 pct. and 31 pct. of the invited answered (rounded to whole people).
    let low = (answered as f64 / 0.29).round() as usize;
    let high = (answered as f64 / 0.31).round() as usize;
    assert!((answered as f64 / low as f64) < 0.30 && (answered as f64 / high as f64) >= 0.30);
    let warned = "Bemærk: Svarprocenten er lav, under 30 pct.";
    assert!(rated(low).contains(warned));
    assert!(rated(low).contains("svarprocenten er lav"), "the resumé warns too");
    assert!(!rated(high).contains(warned));
    // One count of responses, with the reason for those left out.
    let page = rated(high);
    let count = format!(
        "{} besvarelser indgår i resultatet; {} indgår ikke, da deres gruppe havde færre end {} svar.",
        a.n_respondents, a.excluded_for_anonymity, a.min_group_size
    );
    assert!(a.excluded_for_anonymity > 0 && page.contains(&count), "no `{count}`");
}

#[test]
fn nothing_closed_statutory_or_infrastructure_is_proposed_for_closure() {
    let (model, a) = sample();
    let original = Portfolio::sample();
    let an = original.analyse(&AnalysisOptions::default()).unwrap();
    let close = |id: &str| {
        an.economics
            .iter()
            .any(|e| e.initiative == id && e.recommendation == transform_model::mission::Recommendation::Close)
    };
    // The sample has an initiative already closed that the analysis still marks "close".
    let closed: Vec<String> = original
        .initiatives
        .iter()
        .filter(|i| i.stage == Stage::Closed && close(&i.id))
        .map(|i| i.title.clone())
        .collect();
    assert!(!closed.is_empty(), "the sample keeps a closed initiative with a close recommendation");
    // Mark the other closure candidates statutory or shared infrastructure, in turn; the plan
    // is still made from the original.
    let mut p = original.clone();
    let marked: Vec<String> = p
        .initiatives
        .iter_mut()
        .filter(|i| i.stage != Stage::Closed && close(&i.id))
        .enumerate()
        .map(|(n, i)| {
            if n % 2 == 0 {
                i.mandatory = true
            } else {
                i.shared_infrastructure = true
            }
            i.title.clone()
        })
        .collect();
    assert!(marked.len() >= 2, "both guards exercised: {marked:?}");
    let an2 = p.analyse(&AnalysisOptions::default()).unwrap();
    let index = Index::new(Catalog::sample());
    let old_plan = plan(
        PlanInputs { model: &model, assessment: &a, portfolio: Some((&original, &an)), index: Some(&index) },
        &PlanOptions::default(),
    )
    .unwrap();
    let inputs =
        ReportInputs { model: &model, assessment: &a, portfolio: Some((&p, &an2)), index: None, plan: Some(&old_plan) };
    let page = render_html(&inputs, &ReportOptions::new(Lang::Da)).unwrap();
    for title in closed.iter().chain(&marked) {
        assert!(!page.contains(&format!("lukke »{title}«")), "closure of `{title}` proposed");
        for line in page.lines().filter(|l| l.contains("foreslås vurderet for lukning")) {
            assert!(!line.contains(title.as_str()), "`{title}` among the closures");
        }
    }
    assert!(!page.contains("er allerede lukket"), "a closed initiative is explained, not proposed");
}

#[test]
fn bad_options_are_refused_with_the_value_named() {
    let (model, a) = sample();
    let inputs = ReportInputs { model: &model, assessment: &a, portfolio: None, index: None, plan: None };
    let mut o = ReportOptions::new(Lang::Da);
    o.municipality = Some("Atlantis".into());
    let e = render_html(&inputs, &o).unwrap_err();
    assert!(matches!(e, ReportError::UnknownMunicipality { .. }) && e.to_string().contains("`Atlantis`"), "{e}");
    let mut o = ReportOptions::new(Lang::Da);
    o.survey_period = Some("2026-03-02..2026-03-20".parse().unwrap());
    o.meeting_date = Some("2026-03-10".parse().unwrap());
    let e = render_html(&inputs, &o).unwrap_err();
    assert_eq!(e.to_string(), "meeting date 2026-03-10 is before the survey ended (2026-03-20)");
    let e = "besluttet".parse::<Status>().unwrap_err();
    assert!(matches!(e, ReportError::UnknownStatus { .. }) && e.to_string().contains("`besluttet`"));
    // A known municipality by code names the paper.
    let mut o = ReportOptions::new(Lang::Da);
    o.municipality = Some("760".into());
    o.survey_period = Some("2026-03-02..2026-03-20".parse().unwrap());
    let page = render_html(&inputs, &o).unwrap();
    assert!(page.contains("<h1>Ringkøbing-Skjern Kommune: modenhedsmåling"));
    assert!(page.contains("Målingen blev gennemført 2.–20. marts 2026."));
}

#[test]
fn the_gap_chart_draws_the_contracts_differences_and_counts_the_rest() {
    use transform_model::maturity::GapVerdict;
    let (model, a) = sample();
    let page = html(&model, &a, None, false, &ReportOptions::new(Lang::Da));
    // The report renders the contract's verdict: drawn are the sure and the uncertain
    // differences; tested is every gap with a verdict other than "ikke testet".
    let notable = a
        .gaps
        .iter()
        .filter(|g| g.diff.is_some() && matches!(g.verdict, GapVerdict::Difference | GapVerdict::Uncertain))
        .count();
    let tested = a.gaps.iter().filter(|g| g.verdict != GapVerdict::NotTested).count();
    let untested = a.gaps.len() - tested;
    let plural = |n: usize| if n == 1 { "sammenligning" } else { "sammenligninger" };
    let rest = tested - notable;
    // The sentence for each case, written out (none, one, several drawn; none, one, several
    // without a difference).
    let expected: Vec<String> = match (notable, rest) {
        (0, 0) => vec!["Ingen sammenligning viste en sikker eller usikker forskel.".into()],
        (0, 1) => vec!["Den ene sammenligning viste ingen sikker forskel.".into()],
        (0, r) => vec![format!("Ingen af de {r} sammenligninger viste en sikker eller usikker forskel.")],
        (1, 0) => vec!["viser den ene sikre eller usikre forskel.".into()],
        (n, 0) => vec![format!("viser de {n} sikre og usikre forskelle.")],
        (n, r) => vec![
            format!("viser de {n} sikre og usikre forskelle;"),
            format!("{r} {} viste ingen sikker forskel", plural(r)),
        ],
    };
    for sentence in &expected {
        assert!(page.contains(sentence.as_str()), "`{sentence}` missing");
    }
    if untested > 0 {
        assert!(page.contains(&format!("{untested} {} blev ikke testet", plural(untested))));
    }
    // The forest plot has one row (a dot) per drawn difference, and is left out when none is.
    match page.split("Forskelle i opfattelse mellem grupper</title>").nth(1) {
        Some(forest) => assert_eq!(forest[..forest.find("</svg>").unwrap()].matches("<circle").count(), notable),
        None => assert_eq!(notable, 0, "differences to draw but no chart"),
    }
}

/// The Økonomi section shows the plan's own money per budget year: every known merudgift and
/// mindreudgift of the plan's `economy` appears in Danish kroner, and an unknown one as
/// "ikke opgjort" — never a figure the report computed itself.
#[test]
fn the_economy_section_shows_the_plans_money_per_budget_year() {
    let (model, a) = sample();
    let portfolio = Portfolio::sample();
    let analysis = portfolio.analyse(&AnalysisOptions::default()).unwrap();
    let index = Index::new(Catalog::sample());
    let p = plan(
        PlanInputs { model: &model, assessment: &a, portfolio: Some((&portfolio, &analysis)), index: Some(&index) },
        &PlanOptions::default(),
    )
    .unwrap();
    assert!(!p.economy.is_empty(), "the sample plan has money");
    let inputs = ReportInputs {
        model: &model,
        assessment: &a,
        portfolio: Some((&portfolio, &analysis)),
        index: Some(&index),
        plan: Some(&p),
    };
    let page = render_html(&inputs, &ReportOptions::new(Lang::Da)).unwrap();
    let start = page.find("Planens økonomi pr. budgetår").expect("the economy table");
    let table = &page[start..start + page[start..].find("</table>").unwrap()];
    for e in &p.economy {
        assert!(table.contains(&format!(">{}<", e.budget_year)), "budget year {} in {table}", e.budget_year);
        for amount in [e.new_kr, e.savings_kr] {
            match amount {
                Some(kr) => assert!(table.contains(&transform_model::numbers::kroner(kr, Lang::Da)), "{kr} in {table}"),
                None => assert!(table.contains("ikke opgjort")),
            }
        }
    }
}

#[test]
fn a_partial_invited_list_is_refused_naming_the_missing_roles() {
    let (model, a) = sample();
    let o = ReportOptions::new(Lang::Da)
        .with_invited(BTreeMap::from([("frontline".to_owned(), 1000), ("politician".to_owned(), 1000)]));
    let inputs = ReportInputs { model: &model, assessment: &a, portfolio: None, index: None, plan: None };
    let err = render_html(&inputs, &o).unwrap_err();
    // The roles that answered without a count, computed from the assessment itself.
    let missing: Vec<String> = a
        .groups
        .iter()
        .flat_map(|g| g.roles.iter().cloned())
        .filter(|r| r != "frontline" && r != "politician")
        .collect();
    assert!(!missing.is_empty());
    assert_eq!(err, ReportError::PartialInvited { missing: missing.clone() });
    for role in &missing {
        assert!(err.to_string().contains(role.as_str()), "{err}");
    }
}
