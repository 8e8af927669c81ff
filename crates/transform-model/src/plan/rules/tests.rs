//! Each scheduling rule pinned by a fixture that its plausible alternative answers
//! differently (`>` for `>=`, the candidate's year for the year a part falls in, every
//! plan year for the years without an election, rounding for rounding up, the earliest
//! year for the least loaded one). The fixtures go through [`RULES`] as the schedule does,
//! so a rule dropped from the list fails too.

use std::collections::BTreeMap;

use super::{RULES, Reason};
use crate::localized::Localized;
use crate::plan::board::Board;
use crate::plan::chain::{Candidate, Chain, Part, blank, group, part};
use crate::plan::types::{ActionKind, Owner};
use crate::plan::window::{Months, Window};

/// Plan 2026–2030, election 2029, department `A` 400 h a year, any other 2,000 h.
fn window() -> Window {
    let months = Months {
        strategy: 2,
        accounts: 4,
        economy_agreement: 6,
        accounts_approved: 8,
        seminar: 8,
        first_reading: 9,
        hearing: 9,
        adoption: 10,
    };
    Window {
        start: 2026,
        end: 2030,
        years: 5,
        elections: vec![2025, 2029],
        months,
        capacity: BTreeMap::from([("A".to_owned(), 400.0)]),
        default_capacity: 2000.0,
        phase_out_quarters: 1,
        central_levers: vec![],
        mobilising_levers: vec![],
        remeasure_every: 2,
        ingredients: 3,
        partners: 3,
    }
}

/// An action of `kind` for `department` taking `hours`, `offset` years from its candidate.
fn act(kind: ActionKind, department: &str, hours: f64, offset: i64) -> Part {
    let mut a = blank(kind, Localized::da_en("x", "x"));
    a.hours = hours;
    a.owner = Some(Owner { department: department.to_owned(), committee: None, director: None, med: None });
    Part { offset, ..part(a) }
}

fn one(kind: ActionKind, department: &str, hours: f64) -> Candidate {
    group(vec![act(kind, department, hours, 0)], 2026)
}

/// The first refusal of the list in `year`, soft or hard, as (reason, soft).
fn refusal(c: &Candidate, year: i64, b: &Board<'_>) -> Option<(Reason, bool)> {
    RULES.iter().find_map(|r| r.admits(c, year, b).err().map(|e| (e, r.soft())))
}

/// A board for `cs`; `placed` gives (candidate, year) already on it.
fn board<'a>(cs: &mut [Candidate], w: &'a Window, placed: &[(usize, i64)]) -> Board<'a> {
    let mut b = Board::new(cs, w);
    for &(i, y) in placed {
        b.place(i, &cs[i], y);
    }
    b
}

#[test]
fn rule_0_a_refused_candidate_takes_no_year() {
    let w = window();
    let mut cs = vec![Candidate {
        refused: Some(Localized::da_en("lovpligtig", "statutory")),
        ..one(ActionKind::Close, "B", 300.0)
    }];
    let b = board(&mut cs, &w, &[]);
    for y in 2026..=2030 {
        assert!(matches!(refusal(&cs[0], y, &b), Some((Reason::Refused(_), false))), "{y}");
    }
}

#[test]
fn rule_1_a_dependency_must_be_done_in_an_earlier_year_not_the_same() {
    let w = window();
    let base = one(ActionKind::Lever, "B", 150.0);
    let mut cs = vec![base, Candidate { deps: vec![0], ..one(ActionKind::Lever, "B", 150.0) }];
    let b = board(&mut cs, &w, &[]);
    assert_eq!(refusal(&cs[1], 2027, &b).map(|r| r.0), Some(Reason::DependsOnDeferred));
    let b = board(&mut cs, &w, &[(0, 2027)]);
    // `>` in place of `>=` would admit the same year.
    assert_eq!(refusal(&cs[1], 2027, &b).map(|r| r.0), Some(Reason::DependencyNotDone));
    assert_eq!(refusal(&cs[1], 2026, &b).map(|r| r.0), Some(Reason::DependencyNotDone));
    assert_eq!(refusal(&cs[1], 2028, &b), None);
}

#[test]
fn rule_2_every_part_of_a_candidate_falls_inside_the_plan() {
    let w = window();
    // A spread heard the autumn before; a closure decided, then executed the year after.
    let spread = group(vec![act(ActionKind::Spread, "B", 200.0, 0), act(ActionKind::Med, "B", 40.0, -1)], 2026);
    let closure =
        group(vec![act(ActionKind::DecideClosure, "B", 40.0, 0), act(ActionKind::Close, "B", 300.0, 1)], 2026);
    let mut cs = vec![spread, closure];
    let b = board(&mut cs, &w, &[]);
    // Checking the main part alone would admit 2026 and 2030.
    assert_eq!(refusal(&cs[0], 2026, &b).map(|r| r.0), Some(Reason::OutsideWindow));
    assert_eq!(refusal(&cs[0], 2027, &b), None);
    assert_eq!(refusal(&cs[1], 2030, &b).map(|r| r.0), Some(Reason::OutsideWindow));
    assert_eq!(refusal(&cs[1], 2027, &b), None);
}

#[test]
fn rule_3_new_money_waits_for_the_first_budget_the_plan_adopts() {
    let w = window();
    let mut cs =
        vec![Candidate { funded: true, ..one(ActionKind::Spread, "B", 200.0) }, one(ActionKind::Spread, "B", 200.0)];
    let b = board(&mut cs, &w, &[]);
    // `<` in place of `<=` would admit the first plan year, whose budget was adopted before the plan.
    assert_eq!(refusal(&cs[0], 2026, &b).map(|r| r.0), Some(Reason::NoBudgetYet));
    assert_eq!(refusal(&cs[0], 2027, &b), None);
    assert_eq!(refusal(&cs[1], 2026, &b), None, "without new money the first year is open");
}

#[test]
fn rule_4_no_closure_or_big_start_in_an_election_year_counting_every_part() {
    let w = window();
    let closure =
        group(vec![act(ActionKind::DecideClosure, "B", 40.0, 0), act(ActionKind::Close, "B", 300.0, 1)], 2026);
    let small = one(ActionKind::Remeasure, "B", 60.0);
    let fixed = Candidate { fixed: Some(2029), ..one(ActionKind::Lever, "B", 150.0) };
    let mut cs = vec![closure, small, fixed];
    let b = board(&mut cs, &w, &[]);
    // Decided 2028, executed 2029 (the election year): the main part alone would pass.
    assert_eq!(refusal(&cs[0], 2028, &b).map(|r| r.0), Some(Reason::ElectionYear));
    assert_eq!(refusal(&cs[0], 2029, &b).map(|r| r.0), Some(Reason::ElectionYear));
    assert_eq!(refusal(&cs[0], 2027, &b), None);
    assert_eq!(refusal(&cs[1], 2029, &b), None, "a re-survey is no big step");
    assert_eq!(refusal(&cs[2], 2029, &b), None, "the calendar's own actions keep their year");
}

#[test]
fn rule_5_capacity_is_a_limit_that_may_be_reached_in_every_year_a_part_touches() {
    let w = window();
    let placed = one(ActionKind::Lever, "A", 250.0);
    let exact = one(ActionKind::Lever, "A", 150.0);
    let over = one(ActionKind::Lever, "A", 151.0);
    // The execution falls in the year after: A's 2027 is as full as its 2026.
    let later = group(vec![act(ActionKind::DecideClosure, "C", 40.0, 0), act(ActionKind::Close, "A", 151.0, 1)], 2026);
    let elsewhere = one(ActionKind::Lever, "B", 1990.0);
    let mut cs = vec![placed, exact, over, later, elsewhere, one(ActionKind::Lever, "A", 250.0)];
    let b = board(&mut cs, &w, &[(0, 2026), (5, 2027)]);
    let hard = |c: &Candidate, y| refusal(c, y, &b).filter(|r| !r.1).map(|r| r.0);
    // 250 + 150 = 400 reaches the capacity: `>=` in place of `>` would refuse it.
    assert_eq!(hard(&cs[1], 2026), None);
    assert_eq!(hard(&cs[2], 2026), Some(Reason::Capacity { department: "A".into(), need: 151.0, capacity: 400.0 }));
    // Checking only the candidate's own year (2026, where C is free) would admit it.
    assert_eq!(hard(&cs[3], 2026), Some(Reason::Capacity { department: "A".into(), need: 151.0, capacity: 400.0 }));
    assert_eq!(hard(&cs[3], 2027), None);
    // Each department has its own capacity: B has the default 2,000 h.
    assert_eq!(hard(&cs[4], 2026), None);
}

#[test]
fn rule_6_the_even_share_divides_by_the_years_without_an_election_rounds_up_and_is_soft() {
    let w = window();
    // A: 901 h over the 4 years without an election → ⌈225.25⌉ = 226 (over all 5 years
    // 181; rounded 225; with the refused candidate's 999 h 475). B: one piece of 300 h →
    // max(⌈75⌉, 300) = 300.
    let refused = Candidate { refused: Some(Localized::da_en("x", "x")), ..one(ActionKind::Close, "A", 999.0) };
    let mut cs = vec![
        one(ActionKind::Lever, "A", 200.0),
        one(ActionKind::Lever, "A", 200.0),
        one(ActionKind::Lever, "A", 200.0),
        one(ActionKind::Lever, "A", 200.0),
        one(ActionKind::Lever, "A", 101.0),
        one(ActionKind::Close, "B", 300.0),
        refused,
    ];
    let b = board(&mut cs, &w, &[]);
    assert_eq!(b.share(cs[0].needs[0].department), 226.0);
    assert_eq!(b.share(cs[5].needs[0].department), 300.0);
    assert_eq!(refusal(&cs[0], 2026, &b), None);
    // 200 + 200 is within A's capacity (400) but over its share: refused, softly.
    let b = board(&mut cs, &w, &[(1, 2026)]);
    assert!(matches!(refusal(&cs[0], 2026, &b), Some((Reason::EvenShare { .. }, true))));
    // Work others build on, and the calendar's actions, are not levelled (B's share here
    // is 226: 225 + 226 would break it).
    let built_on = Candidate { depended_on: true, ..one(ActionKind::Lever, "B", 226.0) };
    let fixed = Candidate { fixed: Some(2026), ..one(ActionKind::Lever, "B", 226.0) };
    let mut more = vec![one(ActionKind::Lever, "B", 225.0), built_on, fixed];
    let b = board(&mut more, &w, &[(0, 2026)]);
    assert_eq!(b.share(more[0].needs[0].department), 226.0);
    assert_eq!(refusal(&more[1], 2026, &b), None);
    assert_eq!(refusal(&more[2], 2026, &b), None);
    let plain = Candidate { depended_on: false, fixed: None, ..one(ActionKind::Lever, "B", 226.0) };
    more.push(plain);
    let b = board(&mut more, &w, &[(0, 2026)]);
    assert!(matches!(refusal(&more[3], 2026, &b), Some((Reason::EvenShare { .. }, true))));
}

#[test]
fn the_schedule_takes_the_earliest_admitted_year_else_the_least_loaded_one() {
    let w = window();
    // Calendar actions fix A's load: 2026 150 h, 2027 100, 2028 50, 2030 120 (2029 is an
    // election year: no lever). A's share: (150 + 100 + 50 + 120 + 10 + 150) ÷ 4 = 145,
    // at least the largest piece, 150.
    let fixed = |y, h| Candidate { fixed: Some(y), ..one(ActionKind::Lever, "A", h) };
    let cs = vec![
        fixed(2026, 150.0),
        fixed(2027, 100.0),
        fixed(2028, 50.0),
        fixed(2030, 120.0),
        // 10 h: 2026 would make 160 > 150; 2027 makes 110 — the earliest year within
        // the share (the least loaded one would be 2028).
        one(ActionKind::Lever, "A", 10.0),
        // 150 h break the share in every year (300, 260, 200, 270): the least loaded
        // year, 2028 (50 h), not the earliest, 2026.
        one(ActionKind::Lever, "A", 150.0),
    ];
    let placed = crate::plan::schedule::place(Chain { candidates: cs, missing: vec![] }, &w);
    let years: Vec<Option<i64>> = placed.actions.iter().map(|a| a.2).collect();
    assert_eq!(years, [2026, 2027, 2028, 2030, 2027, 2028].map(Some));
}
