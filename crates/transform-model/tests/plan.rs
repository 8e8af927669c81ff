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

#[test]
fn capacity_is_never_exceeded_per_department_and_year() {
    let f = fixture();
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
    let f = fixture();
    for capacity in [2000.0, 300.0] {
        let p = f.plan(&{
            let mut o = start_2026();
            o.capacity_hours = capacity;
            o
        });
        for r in &f.assessment.recommendations {
            for l in &r.levers {
                let same = |a: &&transform_model::plan::Action| {
                    a.dimension.as_ref() == Some(&r.dimension) && a.lever.as_ref() == Some(l)
                };
                let planned = p.actions().map(|(_, a)| a).any(|a| same(&a));
                let deferred = p.deferred.iter().any(|a| same(&a) && a.reason.is_some());
                assert!(planned ^ deferred, "{} {l}: planned {planned}, deferred {deferred}", r.dimension);
            }
        }
    }
}

#[test]
fn closure_candidates_close_in_the_first_two_years_after_a_med_step() {
    let f = fixture();
    let p = f.plan(&start_2026());
    assert!(!f.analysis.closure_candidates.is_empty());
    for c in &f.analysis.closure_candidates {
        let closes: Vec<(i64, u8)> = p
            .actions()
            .filter(|(_, a)| a.kind == ActionKind::Close && a.initiative.as_ref() == Some(&c.initiative))
            .map(|(y, a)| (y, a.quarter))
            .collect();
        assert_eq!(closes.len(), 1, "{}", c.initiative);
        assert!(closes[0].0 <= 2027, "{} closes in {}", c.initiative, closes[0].0);
    }
    // Every closure and spread (a change of working conditions) has a MED step before it.
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
    for id in [&mandatory, &young] {
        f.analysis.closure_candidates.push(transform_model::mission::ClosureCandidate {
            initiative: id.clone(),
            best_alignment: 0.0,
            reason: String::new(),
        });
    }
    let p = f.plan(&start_2026());
    for id in [&mandatory, &young] {
        assert!(
            !p.actions().any(|(_, a)| a.kind == ActionKind::Close && a.initiative.as_ref() == Some(id)),
            "{id} closed"
        );
        let d = p.deferred.iter().find(|a| a.kind == ActionKind::Close && a.initiative.as_ref() == Some(id));
        assert!(d.and_then(|a| a.reason.as_ref()).is_some(), "{id} not deferred with a reason");
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
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let c = pool.install(fixture);
    assert_eq!(pa, c.plan(&o).to_json());
    assert_eq!(Plan::from_json(&pa).unwrap().to_json(), pa);
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
        ] {
            assert!(!text.contains(word), "`{word}` in the Danish output");
        }
        assert!(text.contains("VALGÅR") && text.contains("2029"));
        assert!(text.contains("vedtages senest 15. oktober"));
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

/// Start 2029 (an election year): nothing big in 2029, so closures come in 2030, still
/// within the first two years; the budget is secured in 2029 and the new council re-anchors
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
    let closes: Vec<i64> = p.actions().filter(|(_, a)| a.kind == ActionKind::Close).map(|(y, _)| y).collect();
    assert!(!closes.is_empty() && closes.iter().all(|&y| y == 2030), "{closes:?}");
    assert!(p.actions().any(|(y, a)| a.kind == ActionKind::ReAnchor && y == 2030 && a.quarter == 1));
}
