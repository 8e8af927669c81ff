//! The five-year plan (issue 14): each acceptance rule as a test that can fail.

use std::collections::{BTreeMap, BTreeSet};

use transform_model::ingredient::{Catalog, Index};
use transform_model::maturity::sample::sample_csv;
use transform_model::mission::{AnalysisOptions, Portfolio, PortfolioAnalysis};
use transform_model::plan::{ActionKind, Plan, PlanError, PlanInputs, PlanOptions, plan};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Model, Responses, assess};

fn model() -> Model {
    Model::from_file(concat!(env!("CARGO_MANIFEST_DIR"), "/models/dtm-2026.2.json")).unwrap()
}

fn assessment(model: &Model) -> Assessment {
    let r = Responses::from_csv_str(model, &sample_csv(model, 120, 7, None), &ReadOptions::default()).unwrap();
    assess(model, &r, &{
        let mut o = AssessOptions::default();
        o.bootstrap = 0;
        o
    })
    .unwrap()
}

struct Fixture {
    model: Model,
    assessment: Assessment,
    portfolio: Portfolio,
    analysis: PortfolioAnalysis,
    index: Index,
}

fn fixture() -> Fixture {
    let model = model();
    let assessment = assessment(&model);
    let portfolio = Portfolio::sample();
    let analysis = portfolio.analyse(&AnalysisOptions::default()).unwrap();
    Fixture { model, assessment, portfolio, analysis, index: Index::new(Catalog::sample()) }
}

impl Fixture {
    fn inputs(&self) -> PlanInputs<'_> {
        PlanInputs {
            model: &self.model,
            assessment: &self.assessment,
            portfolio: Some((&self.portfolio, &self.analysis)),
            index: Some(&self.index),
        }
    }
    fn plan(&self, o: &PlanOptions) -> Plan {
        plan(self.inputs(), o).unwrap()
    }
}

fn start_2026() -> PlanOptions {
    let mut o = PlanOptions::default();
    o.start_year = Some(2026);
    o
}

fn years_of(p: &Plan) -> BTreeMap<String, i64> {
    p.actions().map(|(y, a)| (a.id.clone(), y)).collect()
}

/// The fixture with no capacity figures in the organisation (the option decides).
fn without_org_capacity() -> Fixture {
    let mut f = fixture();
    for d in &mut f.portfolio.organisation.as_mut().unwrap().departments {
        d.capacity_hours = None;
    }
    f
}

#[test]
fn capacity_is_never_exceeded_per_department_and_year() {
    let f = without_org_capacity();
    for capacity in [2000.0, 500.0, 250.0] {
        let p = f.plan(&{
            let mut o = start_2026();
            o.capacity_hours = capacity;
            o
        });
        let mut used: BTreeMap<(String, i64), f64> = BTreeMap::new();
        for (y, a) in p.actions() {
            *used.entry((a.capacity_department().to_owned(), y)).or_default() += a.hours;
        }
        for ((d, y), h) in &used {
            assert!(*h <= capacity, "{d} {y}: {h} h > {capacity}");
            assert_eq!(p.capacity.per_department.get(d), Some(&capacity), "{d} missing from capacity");
        }
        if capacity == 250.0 {
            assert!(!p.deferred.is_empty(), "250 h cannot hold the sample plan");
        }
    }
}

#[test]
fn dependencies_come_in_an_earlier_year() {
    let f = fixture();
    for capacity in [2000.0, 400.0] {
        let p = f.plan(&{
            let mut o = start_2026();
            o.capacity_hours = capacity;
            o
        });
        let years = years_of(&p);
        for (y, a) in p.actions() {
            for d in &a.depends_on {
                assert!(years[d] < y, "{} in {y} depends on {d} in {}", a.id, years[d]);
            }
        }
        // No lever action starts before the dimensions it depends on have theirs.
        let dim_years = |dim: &str| -> Vec<i64> {
            p.actions().filter(|(_, a)| a.dimension.as_deref() == Some(dim)).map(|(y, _)| y).collect()
        };
        for (y, a) in p.actions() {
            let Some(dim) = &a.dimension else { continue };
            let d = f.model.dimension_index(dim).unwrap();
            for q in f.model.depends_on(d) {
                let qid = &f.model.dimensions()[q].id;
                let recommended = f.assessment.recommendations.iter().any(|r| &r.dimension == qid);
                if recommended {
                    let ys = dim_years(qid);
                    assert!(!ys.is_empty() && ys.iter().all(|&qy| qy < y), "{dim} in {y} before {qid} {ys:?}");
                }
            }
        }
    }
}

#[test]
fn every_action_has_a_because_naming_an_input() {
    let f = fixture();
    let p = f.plan(&start_2026());
    let mut known: BTreeSet<String> = f.model.dimensions().iter().map(|d| d.id.clone()).collect();
    known.extend(f.portfolio.initiatives.iter().map(|x| x.id.clone()));
    known.extend(f.portfolio.missions.iter().map(|m| m.id.clone()));
    known.extend(f.index.catalog().ingredients().iter().map(|g| g.id.clone()));
    for a in p.actions().map(|(_, a)| a).chain(&p.deferred) {
        assert!(a.because.iter().any(|b| known.contains(&b.reference)), "{} {:?}", a.id, a.because);
    }
}

#[test]
fn every_recommended_lever_is_planned_or_deferred_with_a_reason() {
    for capacity in [2000.0, 300.0] {
        let f = without_org_capacity();
        let p = f.plan(&{
            let mut o = start_2026();
            o.capacity_hours = capacity;
            o
        });
        for r in &f.assessment.recommendations {
            for l in &r.levers {
                // A lever recommended for two dimensions is one action naming both gaps.
                let same = |a: &&transform_model::plan::Action| {
                    matches!(a.kind, ActionKind::Lever | ActionKind::Start)
                        && a.lever.as_ref() == Some(l)
                        && a.because.iter().any(|b| b.reference == r.dimension)
                };
                let planned = p.actions().map(|(_, a)| a).any(|a| same(&a));
                let deferred = p.deferred.iter().any(|a| same(&a) && a.reason.is_some());
                assert!(planned ^ deferred, "{} {l}: planned {planned}, deferred {deferred}", r.dimension);
            }
        }
    }
}

/// A closure is decided (the committee, then the budget) before it is executed; MED and
/// the councils are heard before the decision is final, inside the høringsperiode.
#[test]
fn closures_are_decided_before_they_are_executed() {
    let f = fixture();
    let p = f.plan(&start_2026());
    assert!(!f.analysis.closure_candidates.is_empty());
    for c in &f.analysis.closure_candidates {
        let of = |kind: ActionKind| -> Vec<(i64, u8)> {
            p.actions()
                .filter(|(_, a)| a.kind == kind && a.initiative.as_ref() == Some(&c.initiative))
                .map(|(y, a)| (y, a.quarter))
                .collect()
        };
        let (decide, close) = (of(ActionKind::DecideClosure), of(ActionKind::Close));
        assert_eq!((decide.len(), close.len()), (1, 1), "{}", c.initiative);
        assert!(decide[0] < close[0], "{}: decided {:?}, closed {:?}", c.initiative, decide[0], close[0]);
        assert!(close[0].0 <= 2027, "{} closes in {}", c.initiative, close[0].0);
        let d = p
            .actions()
            .find(|(_, a)| a.kind == ActionKind::DecideClosure && a.initiative.as_ref() == Some(&c.initiative))
            .unwrap()
            .1;
        let point = d.decision.as_ref().expect("a closure decision names its meeting");
        assert!(point.committee.is_some() && point.month == 8 && point.year == decide[0].0);
    }
    // Every closure and spread (a change of working conditions) is heard before it.
    for (y, a) in p.actions().filter(|(_, a)| matches!(a.kind, ActionKind::Close | ActionKind::Spread)) {
        let med = p.actions().any(|(my, m)| {
            m.kind == ActionKind::Med && m.initiative == a.initiative && (my, m.quarter) < (y, a.quarter)
        });
        assert!(med, "{} has no MED step before it", a.id);
    }
}

#[test]
fn election_rules_for_2026_with_elections_2025_and_2029() {
    let f = fixture();
    for o in [start_2026(), {
        let mut o = start_2026();
        o.elections = Some(vec![2025, 2029]);
        o
    }] {
        let p = f.plan(&o);
        assert_eq!(p.elections, vec![2029]);
        let at = |kind: ActionKind| -> Vec<(i64, u8)> {
            p.actions().filter(|(_, a)| a.kind == kind).map(|(y, a)| (y, a.quarter)).collect()
        };
        assert!(at(ActionKind::AnchorPolitically).iter().any(|(y, _)| *y == 2026));
        assert_eq!(at(ActionKind::SecureInBudget).iter().map(|x| x.0).collect::<Vec<_>>(), vec![2029]);
        assert_eq!(at(ActionKind::ReAnchor), vec![(2030, 1)]);
        for kind in [ActionKind::Close, ActionKind::Start, ActionKind::Lever, ActionKind::AdoptIngredient] {
            assert!(at(kind).iter().all(|(y, _)| *y != 2029), "{kind:?} in 2029");
        }
    }
}

/// An analysis made elsewhere that names a mandatory and a too-young initiative as
/// closure candidates: the plan does not close them.
#[test]
fn mandatory_and_young_initiatives_are_never_closed() {
    let mut f = fixture();
    let pick = |pred: &dyn Fn(&transform_model::mission::Initiative) -> bool| {
        f.portfolio.initiatives.iter().find(|x| pred(x)).unwrap().id.clone()
    };
    let mandatory = pick(&|x| x.mandatory);
    let young = pick(&|x| {
        x.citizen_value == transform_model::mission::CitizenValue::Unclear && x.start_year >= 2025 && !x.mandatory
    });
    let shared = pick(&|x| x.shared_infrastructure);
    let closed = pick(&|x| x.stage == transform_model::mission::Stage::Closed);
    let ids = [&mandatory, &young, &shared, &closed];
    for id in ids {
        f.analysis.closure_candidates.push(transform_model::mission::ClosureCandidate {
            initiative: id.clone(),
            best_alignment: 0.0,
            reason: String::new(),
        });
    }
    let p = f.plan(&start_2026());
    for id in ids {
        let closing = |a: &transform_model::plan::Action| {
            matches!(a.kind, ActionKind::Close | ActionKind::DecideClosure) && a.initiative.as_ref() == Some(id)
        };
        assert!(!p.actions().any(|(_, a)| closing(a)), "{id} closed");
        let d = p.deferred.iter().find(|a| closing(a));
        assert!(d.and_then(|a| a.reason.as_ref()).is_some(), "{id} not deferred with a reason");
    }
    // The analysis itself never names them.
    let own = Portfolio::sample().analyse(&AnalysisOptions::default()).unwrap();
    for id in ids {
        assert!(!own.closure_candidates.iter().any(|c| &c.initiative == id), "{id} a closure candidate");
    }
}

#[test]
fn costs_name_a_budget_adopted_before_the_action_starts() {
    let f = fixture();
    let p = f.plan(&start_2026());
    let mut costed = 0;
    for (y, a) in p.actions().filter(|(_, a)| a.cost_kr.is_some_and(|c| c > 0.0)) {
        costed += 1;
        let b = a.budget_year.unwrap_or_else(|| panic!("{} has a cost and no budget year", a.id));
        // Budget b is adopted by 15 October of b − 1: inside the plan and before the year.
        assert!(b > p.start_year && b <= y, "{} in {y}: budget {b}", a.id);
    }
    assert!(costed > 0);
}

#[test]
fn a_plan_from_the_assessment_alone_lists_what_is_missing() {
    let f = fixture();
    let inputs = PlanInputs { portfolio: None, index: None, ..f.inputs() };
    let p = plan(inputs, &start_2026()).unwrap();
    assert!(p.missing.len() >= 2);
    assert!(p.missing.iter().any(|m| m.get(transform_model::Lang::En).contains("No portfolio")));
    assert!(p.actions().any(|(_, a)| a.kind == ActionKind::Lever));
    assert!(!p.actions().any(|(_, a)| matches!(a.kind, ActionKind::Close | ActionKind::Spread)));
    // Without a portfolio there is no year: it must come from the options.
    assert_eq!(plan(inputs, &PlanOptions::default()), Err(PlanError::NoStartYear));
}

#[test]
fn same_inputs_give_byte_identical_json() {
    let (a, b) = (fixture(), fixture());
    let o = start_2026();
    let pa = a.plan(&o).to_json();
    assert_eq!(pa, b.plan(&o).to_json());
    // The plan itself (not only the fixture) runs on one thread.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let c = fixture();
    assert_eq!(pa, pool.install(|| c.plan(&o).to_json()));
    assert_eq!(Plan::from_json(&pa).unwrap().to_json(), pa);
}

/// A large synthetic case whose many under-served missions are matched against the
/// catalog in parallel: the plan's JSON is the same on 1, 2 and 4 threads and on a second
/// run, and its ingredient actions carry both languages' texts from one match.
#[test]
fn many_catalog_matches_give_the_same_plan_on_every_thread_count() {
    use transform_model::mission::sample::sample_portfolio;
    let model = model();
    let assessment = assessment(&model);
    // Each synthetic mission asks for what one of the bundled catalog's interventions
    // does, so that its match finds ingredients.
    let catalog = Catalog::sample();
    let mut portfolio = sample_portfolio(300, 16, 5);
    for (k, m) in portfolio.missions.iter_mut().enumerate() {
        let iv = &catalog.interventions()[k % catalog.interventions().len()];
        m.statement = format!("{} {}", iv.title, iv.description);
        m.target_groups = iv.target_groups.clone();
    }
    let analysis = portfolio.analyse(&AnalysisOptions::default()).unwrap();
    let index = Index::new(catalog);
    let inputs = PlanInputs {
        model: &model,
        assessment: &assessment,
        portfolio: Some((&portfolio, &analysis)),
        index: Some(&index),
    };
    let o = start_2026();
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| plan(inputs, &o).unwrap().to_json())
    };
    let one = on(1);
    for threads in [2, 4, 4] {
        assert_eq!(on(threads), one, "{threads} threads");
    }
    let p = Plan::from_json(&one).unwrap();
    let adopted: Vec<_> =
        p.actions().map(|(_, a)| a).chain(&p.deferred).filter(|a| a.kind == ActionKind::AdoptIngredient).collect();
    assert!(adopted.len() >= 2, "the case must match several missions, got {}", adopted.len());
    for a in adopted {
        let matches: Vec<_> =
            a.because.iter().filter(|b| b.kind == transform_model::plan::BecauseKind::Match).collect();
        assert_eq!(matches.len(), a.ingredients.len(), "{}", a.id);
        for (b, g) in matches.iter().zip(&a.ingredients) {
            assert_eq!(&b.reference, g);
            let (da, en) = (b.text.get(transform_model::Lang::Da), b.text.get(transform_model::Lang::En));
            assert!(da.contains("andel blandt succeser") && en.contains("share among successes"), "{da} / {en}");
        }
    }
}

fn option_error(f: &Fixture, o: PlanOptions) -> String {
    match plan(f.inputs(), &o) {
        Err(PlanError::InvalidOption { name, .. }) => name,
        other => panic!("expected an option error, got {other:?}"),
    }
}

#[test]
fn bad_input_names_the_field() {
    let f = fixture();
    for c in [0.0, -5.0, f64::NAN] {
        assert_eq!(
            option_error(&f, {
                let mut o = start_2026();
                o.capacity_hours = c;
                o
            }),
            "capacity_hours"
        );
    }
    for y in [0, 11] {
        assert_eq!(
            option_error(&f, {
                let mut o = start_2026();
                o.years = y;
                o
            }),
            "years"
        );
    }
    for s in [1899, 2201] {
        assert_eq!(
            option_error(&f, {
                let mut o = start_2026();
                o.start_year = Some(s);
                o
            }),
            "start_year"
        );
    }
    // Start 2026, 5 years: elections within 2022..2034.
    let mut e = start_2026();
    e.elections = Some(vec![2029, 2035]);
    assert_eq!(option_error(&f, e), "elections[1]");
    let mut e = start_2026();
    e.elections = Some(vec![2021]);
    assert_eq!(option_error(&f, e), "elections[0]");
    assert!(
        plan(f.inputs(), &{
            let mut o = start_2026();
            o.elections = Some(vec![2022, 2034]);
            o
        })
        .is_ok()
    );

    let mut other = f.assessment.clone();
    other.model.version = "2026.1".into();
    let r = plan(PlanInputs { assessment: &other, ..f.inputs() }, &start_2026());
    assert!(matches!(r, Err(PlanError::ModelMismatch { ref field, .. }) if field == "model.version"), "{r:?}");
    other.model = f.assessment.model.clone();
    other.model.id = "ci".into();
    let r = plan(PlanInputs { assessment: &other, ..f.inputs() }, &start_2026());
    assert!(matches!(r, Err(PlanError::ModelMismatch { ref field, .. }) if field == "model.id"), "{r:?}");
}

#[test]
fn a_dependency_cycle_in_a_model_is_refused_naming_the_field() {
    let mut def: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/models/dtm-2026.2.json")).unwrap(),
    )
    .unwrap();
    // D3 depends on D1 in the file; D1 on D3 closes the cycle.
    def["dimensions"][0]["depends_on"] = serde_json::json!(["D3"]);
    let err = Model::from_json(&def.to_string()).unwrap_err();
    assert!(err.path().contains("depends_on"), "{err}");
}

#[test]
fn danish_tables_carry_no_english_enum_values() {
    let f = fixture();
    let p = f.plan(&start_2026());
    let table = transform_model::plan::output::render_table(&p, transform_model::Lang::Da);
    let md = transform_model::plan::output::render_markdown(&p, transform_model::Lang::Da);
    for text in [&table, &md] {
        for word in [
            "lever",
            "close",
            "spread",
            "fill_mission",
            "adopt_ingredient",
            "remeasure",
            "anchor_politically",
            "secure_in_budget",
            "re_anchor",
            "continue",
            "adjust",
            "closure",
            "Deferred",
            "to be decided",
            "decide_closure",
            "review",
            "greb1",
            "greb3",
            "start1",
            "DKK",
        ] {
            assert!(!text.contains(word), "`{word}` in the Danish output");
        }
        assert!(text.contains("valgår") && text.contains("2029"));
        assert!(text.contains("2. behandling: budget 2027"));
        assert!(text.contains(" kr.") && text.contains("Merudgift") && text.contains("Mindreudgift"));
    }
}

/// The worked example of docs/plan.md, by hand: no portfolio, capacity 400 h, start 2028,
/// five years, default elections (2025, 2029, 2033); recommended D1 (greb1, greb3), D3
/// (greb5; depends on D1), D4 (greb6, greb4, greb9; depends on D1, D3). Every action is
/// owner-less, so all hours count against one pool.
#[test]
fn worked_example_of_the_docs() {
    let model = model();
    let mut a = assessment(&model);
    let rec = |id: &str, gap: f64, priority: usize| {
        let d = model.dimensions().iter().find(|d| d.id == id).unwrap();
        transform_model::maturity::Recommendation {
            dimension: id.into(),
            label: d.label.clone(),
            gap,
            weighted_gap: gap,
            priority_gap: None,
            status: None,
            priority,
            levers: d.levers.clone(),
            lever_labels: vec![],
        }
    };
    a.recommendations = vec![rec("D1", 0.8, 1), rec("D3", 0.6, 2), rec("D4", 0.5, 3)];
    let inputs = PlanInputs { model: &model, assessment: &a, portfolio: None, index: None };
    let mut o = PlanOptions::default();
    o.start_year = Some(2028);
    o.capacity_hours = 400.0;
    let p = plan(inputs, &o).unwrap();
    let got: Vec<(i64, u8, String)> = p
        .actions()
        .map(|(y, a)| {
            (
                y,
                a.quarter,
                format!(
                    "{}{}",
                    serde_json::to_value(a.kind).unwrap().as_str().unwrap(),
                    a.lever.as_ref().map(|l| format!(":{l}")).unwrap_or_default()
                ),
            )
        })
        .collect();
    // 2028: anchor 80 + greb1 150 + greb3 150 = 380 ≤ 400.
    // 2029: election year: secure_in_budget (60); no levers.
    // 2030: re_anchor 60 + remeasure 60 + anchor 80 = 200; greb5 (D1 done in 2028) +150 = 350.
    // 2031: greb6 150 + greb4 150 = 300; greb9 would make 450 > 400.
    // 2032: remeasure 60 + greb9 150 = 210.
    let want = [
        (2028, 1, "anchor_politically"),
        (2028, 2, "lever:greb1"),
        (2028, 2, "lever:greb3"),
        (2029, 3, "secure_in_budget"),
        (2030, 1, "re_anchor"),
        (2030, 1, "remeasure"),
        (2030, 2, "anchor_politically"),
        (2030, 2, "lever:greb5"),
        (2031, 2, "lever:greb6"),
        (2031, 2, "lever:greb4"),
        (2032, 1, "remeasure"),
        (2032, 2, "lever:greb9"),
    ];
    let want: Vec<(i64, u8, String)> = want.iter().map(|(y, q, k)| (*y, *q, (*k).to_owned())).collect();
    assert_eq!(got, want);
    assert!(p.deferred.is_empty());
    assert_eq!(p.capacity.per_department.keys().collect::<Vec<_>>(), vec!["Direktionen"]);
}

#[test]
fn inputs_that_do_not_belong_together_are_refused_naming_the_field() {
    let f = fixture();
    // An analysis of another portfolio.
    let other = transform_model::mission::sample::sample_portfolio(20, 3, 1);
    let other_analysis = other.analyse(&AnalysisOptions::default()).unwrap();
    let r = plan(PlanInputs { portfolio: Some((&f.portfolio, &other_analysis)), ..f.inputs() }, &start_2026());
    assert!(matches!(r, Err(PlanError::Inconsistent { ref field, .. }) if field == "analysis.coverage"), "{r:?}");
    // A recommendation naming a dimension the model lacks.
    let mut a = f.assessment.clone();
    a.recommendations[0].dimension = "D99".into();
    let r = plan(PlanInputs { assessment: &a, ..f.inputs() }, &start_2026());
    assert!(
        matches!(r, Err(PlanError::Inconsistent { ref field, .. }) if field == "recommendations[0].dimension"),
        "{r:?}"
    );
}

/// Start 2029 (an election year): nothing big in 2029, so closures are decided in 2030
/// and executed the year after; the budget is secured in 2029 and the new council re-anchors
/// in Q1 2030.
#[test]
fn a_plan_starting_in_an_election_year() {
    let f = fixture();
    let p = f.plan(&{
        let mut o = PlanOptions::default();
        o.start_year = Some(2029);
        o
    });
    assert_eq!(p.elections, vec![2029, 2033]);
    for (y, a) in p.actions() {
        if a.kind.is_big() {
            assert!(y != 2029 && y != 2033, "{} {:?} in {y}", a.id, a.kind);
        }
    }
    // Decided in 2030 (not by the outgoing council in the election year), executed in 2031.
    let at = |kind| p.actions().filter(|(_, a)| a.kind == kind).map(|(y, _)| y).collect::<Vec<i64>>();
    let (decided, closed) = (at(ActionKind::DecideClosure), at(ActionKind::Close));
    assert!(!decided.is_empty() && decided.iter().all(|&y| y == 2030), "{decided:?}");
    assert!(closed.len() == decided.len() && closed.iter().all(|&y| y == 2031), "{closed:?}");
    assert!(p.actions().any(|(y, a)| a.kind == ActionKind::ReAnchor && y == 2030 && a.quarter == 1));
}

// ---- Money, årshjul, load and decisions (issue 29) ----

use transform_model::mission::{ClosureCandidate, Recommendation};
use transform_model::plan::{Account, EventKind};

/// The portfolio of the worked money example in docs/plan.md: a spread (Social) and a
/// closure (Kultur), a mission owned by a third department.
const EXAMPLE: &str = r#"{
 "municipality": {"code": null, "name": "Eksempelby (fiktiv)"},
 "year": 2026,
 "missions": [{"id": "M1", "title": {"da": "Flere i job", "en": "More in work"},
   "statement": "Flere borgere i job", "departments": ["Børn"]}],
 "initiatives": [
  {"id": "S", "title": "Bostøtte", "departments": ["Social"], "stage": "spreading", "mode": "exploit",
   "facet": "enhancement", "cost_per_year": 800000, "savings_per_year": 600000, "reach_share": 0.5,
   "citizen_value": "positive", "start_year": 2022, "links": [{"mission": "M1", "strength": 3}]},
  {"id": "C", "title": "Jobmesse", "departments": ["Kultur"], "stage": "operations", "mode": "exploit",
   "facet": "enhancement", "cost_per_year": 200000, "citizen_value": "none", "start_year": 2017}
 ],
 "organisation": {"departments": [
  {"name": "Social", "committee": "Socialudvalget", "director": "Socialdirektøren", "med": "MED Social",
   "hearings": ["Handicaprådet"]},
  {"name": "Kultur", "committee": "Kulturudvalget", "director": "Kulturdirektøren", "med": "MED Kultur"},
  {"name": "Børn", "committee": "Børneudvalget", "director": "Børnedirektøren", "med": "MED Børn"}
 ]}
}"#;

/// The example's portfolio and an analysis that says: spread S, close C (set here, so the
/// example does not move when the analysis's rules change).
fn example() -> (Model, Assessment, Portfolio, PortfolioAnalysis) {
    let model = model();
    let mut a = assessment(&model);
    a.recommendations.clear();
    let p = Portfolio::from_json(EXAMPLE).unwrap();
    let mut analysis = p.analyse(&AnalysisOptions::default()).unwrap();
    for e in &mut analysis.economics {
        e.recommendation = if e.initiative == "S" { Recommendation::Spread } else { Recommendation::Keep };
        e.payback_years = None;
    }
    analysis.closure_candidates =
        vec![ClosureCandidate { initiative: "C".into(), best_alignment: 0.0, reason: String::new() }];
    (model, a, p, analysis)
}

fn example_plan(o: &PlanOptions) -> Plan {
    let (model, a, p, analysis) = example();
    plan(PlanInputs { model: &model, assessment: &a, portfolio: Some((&p, &analysis)), index: None }, o).unwrap()
}

/// docs/plan.md "Worked money example", by hand:
/// S: 800,000 kr. a year today at half its target group → spreading it to all costs
/// 800,000 × (1/0.5 − 1) = 800,000 extra a year; heard September 2026, funded by budget
/// 2027, starts Q2 2027: 3/4 × 800,000 = 600,000 in 2027. Its 600,000 of savings a year
/// scale the same way and follow one year later: 3/4 × 600,000 = 450,000 in 2028, then
/// 600,000. C: 200,000 a year, decided with budget 2027 (adopted October 2026, Q4); one
/// quarter of phase-out → freed from Q2 2027: 3/4 × 200,000 = 150,000 in 2027, then 200,000.
#[test]
fn worked_money_example_of_the_docs() {
    let p = example_plan(&start_2026());
    let e: Vec<(i64, f64, f64, f64, f64, f64)> = p
        .economy
        .iter()
        .map(|e| {
            (
                e.budget_year,
                e.already_budgeted_kr.unwrap(),
                e.new_kr.unwrap(),
                e.savings_kr.unwrap(),
                e.net_kr.unwrap(),
                e.cumulative_net_kr.unwrap(),
            )
        })
        .collect();
    assert_eq!(
        e,
        vec![
            (2026, 0.0, 0.0, 0.0, 0.0, 0.0),
            (2027, 1_000_000.0, 600_000.0, 150_000.0, 450_000.0, 450_000.0),
            (2028, 1_000_000.0, 800_000.0, 650_000.0, 150_000.0, 600_000.0),
            (2029, 1_000_000.0, 800_000.0, 800_000.0, 0.0, 600_000.0),
            (2030, 1_000_000.0, 800_000.0, 800_000.0, 0.0, 600_000.0),
        ]
    );
    // Budget 2026 decides nothing; budget 2027 sees its out-years 2028–2030.
    let ov = |b: i64| -> Vec<(i64, Option<f64>)> {
        p.economy
            .iter()
            .find(|e| e.budget_year == b)
            .unwrap()
            .overslag
            .iter()
            .map(|o| (o.budget_year, o.net_kr))
            .collect()
    };
    assert_eq!(ov(2026), vec![(2027, Some(0.0)), (2028, Some(0.0)), (2029, Some(0.0))]);
    assert_eq!(ov(2027), vec![(2028, Some(150_000.0)), (2029, Some(0.0)), (2030, Some(0.0))]);
    let spread = p.actions().find(|(_, a)| a.kind == ActionKind::Spread).unwrap();
    assert_eq!(
        (spread.0, spread.1.quarter, spread.1.budget_year, spread.1.cost_kr),
        (2027, 2, Some(2027), Some(800_000.0))
    );
    assert!(p.economy.iter().all(|e| e.not_costed.is_empty() && e.anlaeg_kr == Some(0.0)));
}

/// Spreading an initiative already in the budget books only the extra; without its reach
/// the extra is not opgjort (null) and so is the year's total — never a silent 0.
#[test]
fn a_spread_books_only_its_extra_cost_and_unknown_stays_unknown() {
    let f = fixture();
    let p = f.plan(&start_2026());
    let mut seen = 0;
    for (y, a) in p.actions().filter(|(_, a)| a.kind == ActionKind::Spread) {
        let x = f.portfolio.initiatives.iter().find(|x| Some(&x.id) == a.initiative.as_ref()).unwrap();
        let m = a.money.as_ref().unwrap();
        let (Some(cost), Some(reach)) = (x.cost_per_year, x.reach_share) else { continue };
        seen += 1;
        let full = cost * (x.spread_to_share.unwrap_or(1.0) / reach - 1.0);
        let first = m.per_year.iter().find(|e| e.budget_year == y).unwrap();
        assert_eq!(first.already_budgeted_kr, Some(cost));
        assert!((first.new_kr.unwrap() - full * f64::from(5 - a.quarter) / 4.0).abs() < 1e-6, "{}", a.id);
        let later = m.per_year.iter().find(|e| e.budget_year == y + 1).unwrap();
        assert!((later.new_kr.unwrap() - full).abs() < 1e-6);
        assert!(full < cost || reach <= 0.5, "{}: the extra is not the whole cost", a.id);
    }
    assert!(seen > 0);
    // Take the reach away from one spread initiative: its new money and the year's are null.
    let mut g = fixture();
    let id = p.actions().find(|(_, a)| a.kind == ActionKind::Spread).unwrap().1.initiative.clone().unwrap();
    g.portfolio.initiatives.iter_mut().find(|x| x.id == id).unwrap().reach_share = None;
    let q = g.plan(&start_2026());
    let (y, a) = q.actions().find(|(_, a)| a.initiative.as_ref() == Some(&id) && a.kind == ActionKind::Spread).unwrap();
    assert_eq!(a.cost_kr, None);
    assert_eq!(a.money.as_ref().unwrap().per_year[0].new_kr, None);
    let e = q.economy.iter().find(|e| e.budget_year == y).unwrap();
    assert_eq!((e.new_kr, e.net_kr, e.cumulative_net_kr), (None, None, None));
    assert!(e.not_costed.contains(&a.id));
    // The known part is the sum of the other actions' new drift money that year.
    let known: f64 = q
        .actions()
        .filter_map(|(_, x)| x.money.as_ref())
        .filter(|m| m.account == Account::Drift)
        .filter_map(|m| m.per_year.iter().find(|e| e.budget_year == y).and_then(|e| e.new_kr))
        .sum();
    assert!((e.known_new_kr - known).abs() < 1e-6, "{} vs {known}", e.known_new_kr);
    let md = transform_model::plan::output::render_markdown(&q, transform_model::Lang::Da);
    assert!(md.contains("ikke opgjort"));
}

/// A closure books savings from the quarter after the budget that decides it, less the
/// phase-out quarters.
#[test]
fn a_closure_books_savings_from_the_quarter_after_its_decision() {
    for phase_out in [0u8, 1, 2] {
        let mut o = start_2026();
        o.phase_out_quarters = phase_out;
        let p = example_plan(&o);
        let (dy, _) = p.actions().find(|(_, a)| a.kind == ActionKind::DecideClosure).unwrap();
        let (cy, close) = p.actions().find(|(_, a)| a.kind == ActionKind::Close).unwrap();
        assert_eq!((dy, cy), (2026, 2027));
        let m = close.money.as_ref().unwrap();
        assert_eq!(m.account, Account::Drift);
        // Decided in October 2026 (Q4): free from Q1 2027 + the phase-out.
        let want = 200_000.0 * f64::from(4 - phase_out) / 4.0;
        assert_eq!(m.per_year[0].budget_year, 2027);
        assert_eq!(m.per_year[0].savings_kr, Some(want));
        assert_eq!(m.per_year[1].savings_kr, Some(200_000.0));
        assert_eq!(close.savings_from, Some(2027));
    }
}

#[test]
fn no_action_needing_new_money_starts_before_its_budget_year() {
    let f = fixture();
    for start in [2026, 2028] {
        let p = f.plan(&{
            let mut o = start_2026();
            o.start_year = Some(start);
            o
        });
        for (y, a) in p.actions() {
            let Some(m) = &a.money else { continue };
            for e in m.per_year.iter().filter(|e| e.new_kr.is_none_or(|n| n > 0.0)) {
                assert!(e.budget_year >= y, "{} in {y} books new money in {}", a.id, e.budget_year);
            }
            if a.cost_kr.is_some_and(|c| c > 0.0) {
                // Budget y is adopted in October y − 1, inside the plan.
                assert_eq!(a.budget_year, Some(y));
                assert!(y > start, "{} needs new money in the plan's first year", a.id);
            }
        }
    }
}

/// The sample plan: actions in every year, no department over its capacity, no owner
/// with more than a third of the actions, and the load reports exactly what is planned.
#[test]
fn the_sample_plan_levels_work_over_years_departments_and_owners() {
    let f = fixture();
    let p = f.plan(&start_2026());
    for ph in &p.phases {
        assert!(!ph.actions.is_empty(), "{} is empty", ph.year);
    }
    let mut hours: BTreeMap<(i64, String), f64> = BTreeMap::new();
    let mut owners: BTreeMap<String, usize> = BTreeMap::new();
    for (y, a) in p.actions() {
        *hours.entry((y, a.capacity_department().to_owned())).or_default() += a.hours;
        *owners.entry(a.owner.as_ref().and_then(|o| o.director.clone()).unwrap_or_default()).or_default() += 1;
    }
    let org = f.portfolio.organisation.as_ref().unwrap();
    for ((y, d), h) in &hours {
        let cap = org.department(d).and_then(|d| d.capacity_hours).unwrap();
        assert!(*h <= cap, "{d} {y}: {h} > {cap}");
        let row = p.load.per_department.iter().find(|r| r.year == *y && &r.name == d).unwrap();
        assert_eq!((row.hours, row.capacity), (*h, cap));
    }
    let total = p.actions().count();
    for (o, n) in &owners {
        assert!(3 * n <= total, "{o} owns {n} of {total}");
    }
    assert_eq!(p.load.per_owner.iter().map(|r| r.actions).sum::<usize>(), total);
}

/// Each plan year holds every event of the budget process; election years the election
/// and the constitution, the year after the planstrategi; the organisation's months and
/// the options move them.
#[test]
fn the_calendar_holds_every_budget_event_each_year() {
    let f = fixture();
    let p = f.plan(&start_2026());
    let kinds = [
        EventKind::BudgetStrategy,
        EventKind::Accounts,
        EventKind::EconomyAgreement,
        EventKind::AccountsApproved,
        EventKind::BudgetSeminar,
        EventKind::FirstReading,
        EventKind::HearingPeriod,
        EventKind::Adoption,
    ];
    for y in 2026..=2030 {
        let of = |k| p.calendar.iter().filter(|e| e.year == y && e.kind == k).count();
        for k in kinds {
            assert_eq!(of(k), 1, "{k:?} in {y}");
        }
        assert_eq!(of(EventKind::BudgetFollowUp), 4, "follow-ups in {y}");
        assert_eq!(of(EventKind::Election), usize::from(y == 2029));
        assert_eq!(of(EventKind::Constitution), usize::from(y == 2029));
        assert_eq!(of(EventKind::PlanningStrategy), usize::from(y == 2026 || y == 2030));
        let adoption = p.calendar.iter().find(|e| e.year == y && e.kind == EventKind::Adoption).unwrap();
        assert_eq!(adoption.month, 10);
    }
    let mut g = fixture();
    let org = g.portfolio.organisation.as_mut().unwrap();
    org.budget_months = Some(transform_model::mission::BudgetMonths { adoption: Some(11), ..Default::default() });
    let mut o = start_2026();
    o.budget_months.first_reading = Some(10);
    o.budget_months.hearing = Some(10);
    let q = g.plan(&o);
    let month = |k| q.calendar.iter().find(|e| e.year == 2027 && e.kind == k).unwrap().month;
    assert_eq!(
        (month(EventKind::FirstReading), month(EventKind::HearingPeriod), month(EventKind::Adoption)),
        (10, 10, 11)
    );
}

/// MED and the councils are heard inside the høringsperiode, before the budget that decides
/// the action is adopted.
#[test]
fn hearings_fall_inside_the_hearing_period_before_adoption() {
    let f = fixture();
    for (first, hearing, adoption) in [(9, 9, 10), (8, 9, 10)] {
        let mut o = start_2026();
        o.budget_months.first_reading = Some(first);
        o.budget_months.hearing = Some(hearing);
        o.budget_months.adoption = Some(adoption);
        let p = f.plan(&o);
        let hearings: Vec<_> =
            p.calendar.iter().filter(|e| matches!(e.kind, EventKind::MedHearing | EventKind::CouncilHearing)).collect();
        assert!(hearings.iter().any(|e| e.kind == EventKind::MedHearing));
        assert!(hearings.iter().any(|e| e.kind == EventKind::CouncilHearing));
        for e in hearings {
            assert!((first..adoption).contains(&e.month) || e.month == hearing, "{e:?}");
            assert!(e.month >= first && e.month <= adoption);
            // The action it is about is decided by the budget adopted that October or starts after.
            let (y, heard) = p.actions().find(|(_, a)| e.actions.contains(&a.id)).unwrap();
            assert_eq!(y, e.year);
            let later = p.actions().filter(|(_, a)| a.initiative == heard.initiative && a.kind != ActionKind::Med);
            for (ly, a) in later {
                assert!(ly > y || a.kind == ActionKind::DecideClosure, "{} in {ly}, heard {y}", a.id);
            }
        }
    }
}

/// Experiments have a gate, reviews a date and a question, staff levers a mobilisation
/// action with an owner; nothing is planned twice.
#[test]
fn decisions_where_politics_decides_and_no_duplicates() {
    let f = fixture();
    let p = f.plan(&start_2026());
    for (y, a) in p.actions() {
        let unproven_spread = a.kind == ActionKind::Spread
            && f.portfolio.initiatives.iter().any(|x| {
                Some(&x.id) == a.initiative.as_ref()
                    && x.citizen_value != transform_model::mission::CitizenValue::Positive
            });
        if a.kind.is_experiment() || unproven_spread {
            let g = a.gate.as_ref().unwrap_or_else(|| panic!("{} has no gate", a.id));
            assert_eq!((g.year, g.quarter), (y + 1, a.quarter));
            assert!(!g.criterion.get(transform_model::Lang::Da).is_empty());
        }
        if a.kind == ActionKind::Review {
            let d = a.decision.as_ref().unwrap();
            assert!(
                d.year == y && (1..=12).contains(&d.month) && !d.question.get(transform_model::Lang::Da).is_empty()
            );
        }
    }
    assert!(p.actions().any(|(_, a)| a.kind == ActionKind::Review));
    let staff: Vec<_> = p.actions().filter(|(_, a)| a.kind == ActionKind::Mobilise).collect();
    assert!(!staff.is_empty() && staff.iter().all(|(_, a)| a.owner.is_some()));
    let mut keys = BTreeSet::new();
    for (y, a) in p.actions() {
        let key = (
            y,
            a.kind,
            a.lever.clone(),
            a.initiative.clone(),
            a.mission.clone(),
            a.title.get(transform_model::Lang::Da).to_owned(),
        );
        assert!(keys.insert(key.clone()), "duplicate {key:?}");
    }
    let levers: Vec<_> =
        p.actions().filter_map(|(_, a)| (a.kind == ActionKind::Lever).then_some(a.lever.clone())).collect();
    assert_eq!(levers.len(), levers.iter().collect::<BTreeSet<_>>().len(), "a lever twice: {levers:?}");
}

#[test]
fn bad_budget_input_is_refused_naming_it() {
    let f = fixture();
    let mut o = start_2026();
    o.budget_months.adoption = Some(13);
    assert_eq!(option_error(&f, o), "budget_months.adoption");
    let mut o = start_2026();
    o.budget_months.hearing = Some(11);
    assert_eq!(option_error(&f, o), "budget_months.hearing");
    let mut o = start_2026();
    o.department_capacity.insert("Børn og Unge".into(), 0.0);
    assert_eq!(option_error(&f, o), "department_capacity[Børn og Unge]");
    let mut o = start_2026();
    o.department_capacity.insert("Havnevæsen".into(), 300.0);
    let r = plan(f.inputs(), &o);
    assert!(
        matches!(&r, Err(PlanError::InvalidOption { name, message }) if name == "department_capacity[Havnevæsen]" && message.contains("unknown department")),
        "{r:?}"
    );
    let mut o = start_2026();
    o.phase_out_quarters = 5;
    assert_eq!(option_error(&f, o), "phase_out_quarters");
    // The portfolio: a negative amount, a capacity of 0, a month of 13, a reach of 0.
    let bad = |from: &str, to: &str| {
        let text = transform_model::mission::SAMPLE_PORTFOLIO_JSON.replacen(from, to, 1);
        assert_ne!(text, transform_model::mission::SAMPLE_PORTFOLIO_JSON, "{from}");
        match Portfolio::from_json(&text) {
            Err(transform_model::mission::PortfolioError::Invalid { path, .. }) => path,
            other => panic!("{from}: {other:?}"),
        }
    };
    assert_eq!(bad("\"cost_per_year\": 1200000", "\"cost_per_year\": -1200000"), "initiatives[0].cost_per_year");
    assert_eq!(bad("\"capacity_hours\": 700", "\"capacity_hours\": 0"), "organisation.departments[0].capacity_hours");
    assert_eq!(bad("\"reach_share\": 0.5", "\"reach_share\": 0"), "initiatives[0].reach_share");
    assert_eq!(
        bad(
            "\"central\": \"Administration og Digitalisering\"",
            "\"central\": \"Administration og Digitalisering\", \"budget_months\": {\"adoption\": 13}"
        ),
        "organisation.budget_months.adoption"
    );
}

/// The levelling rule, by hand: no portfolio, capacity 2,000 h, start 2028, only D4
/// recommended (greb6, greb4, greb9; nothing builds on them). Direktionen's hours: calendar
/// 80 (2028) + 60 (2029) + 200 (2030) + 60 (2032) = 400, levers 450 → even share
/// ⌈850 ÷ 4 years without an election⌉ = 213 h. greb6: 2028 80+150 > 213, 2029 election,
/// 2030 200+150 > 213, 2031 150 ✓. greb4: 2031 300 > 213, 2032 60+150 = 210 ✓. greb9: no year
/// within 213 → the least loaded admissible year, 2028 (80). Without levelling all three
/// would go to 2028.
#[test]
fn levelling_spreads_work_nothing_builds_on() {
    let model = model();
    let mut a = assessment(&model);
    let d = model.dimensions().iter().find(|d| d.id == "D4").unwrap();
    a.recommendations = vec![transform_model::maturity::Recommendation {
        dimension: "D4".into(),
        label: d.label.clone(),
        gap: 0.5,
        weighted_gap: 0.5,
        priority_gap: Some(0.5),
        status: None,
        priority: 1,
        levers: vec!["greb6".into(), "greb4".into(), "greb9".into()],
        lever_labels: vec![],
    }];
    let mut o = PlanOptions::default();
    o.start_year = Some(2028);
    let p = plan(PlanInputs { model: &model, assessment: &a, portfolio: None, index: None }, &o).unwrap();
    let year_of = |l: &str| p.actions().find(|(_, x)| x.lever.as_deref() == Some(l)).map(|(y, _)| y);
    assert_eq!((year_of("greb6"), year_of("greb4"), year_of("greb9")), (Some(2031), Some(2032), Some(2028)));
}
