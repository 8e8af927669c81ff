//! A baseline on an earlier model version compares on the items both versions carry over
//! (issue 27, item 7): a small worked model in two versions, scores computed by hand.

use transform_model::maturity::{Round, compare_carried_over};
use transform_model::{AssessOptions, Model, Responses, assess};

fn models() -> (Model, Model) {
    let old = Model::from_json(include_str!("fixtures/worked_model.json")).unwrap();
    // Version 2 rewords A2 and adds A4; A1, A3 (reverse-keyed), B1 and B2 carry over.
    let new = old
        .overlay(
            r#"{"version": "2", "items": [
                {"id": "A2", "text": {"da": "a2 omformuleret", "en": "a2 reworded"}},
                {"id": "A4", "dimension": "A", "text": {"da": "a4", "en": "a4"}}]}"#,
        )
        .unwrap();
    (old, new)
}

fn round<'a>(model: &'a Model, responses: &'a Responses) -> Round<'a> {
    Round { model, responses, published: &[] }
}

fn options() -> AssessOptions {
    let mut o = AssessOptions::default();
    o.bootstrap = 0;
    o
}

#[test]
fn a_baseline_on_an_earlier_version_compares_on_the_carried_over_items() {
    let (old, new) = models();
    // Five top managers a round; A2 and A4 answered 1 throughout (not carried over).
    let then = Responses::from_csv_str(
        &old,
        "respondent,role,A1,A2,A3,B1\nO1,top_manager,4,1,2,3\nO2,top_manager,5,1,1,4\n\
         O3,top_manager,3,1,3,2\nO4,top_manager,4,1,3,5\nO5,top_manager,2,1,4,3\n",
        &Default::default(),
    )
    .unwrap();
    let now = Responses::from_csv_str(
        &new,
        "respondent,role,A1,A2,A3,A4,B1\nN1,top_manager,5,1,1,1,4\nN2,top_manager,4,1,2,1,4\n\
         N3,top_manager,4,1,3,1,3\nN4,top_manager,3,1,2,1,5\nN5,top_manager,5,1,2,1,5\n",
        &Default::default(),
    )
    .unwrap();
    let c = compare_carried_over(round(&new, &now), round(&old, &then), &options()).unwrap();
    assert_eq!(c.baseline_version, "1");
    assert_eq!(c.carried_over, ["A1", "A3", "B1", "B2"]);
    // A on A1 and 6 − A3, per person then averaged:
    //   then (4+4)/2, (5+5)/2, (3+3)/2, (4+3)/2, (2+2)/2 = 4, 5, 3, 3.5, 2 → 17.5/5 = 3.5
    //   now  (5+5)/2, (4+4)/2, (4+3)/2, (3+4)/2, (5+4)/2 = 5, 4, 3.5, 3.5, 4.5 → 20.5/5 = 4.1
    // B on B1 (B2 is asked of external partners only): then 17/5 = 3.4, now 21/5 = 4.2.
    let dim = |id: &str| c.dimensions.iter().find(|d| d.id == id).unwrap();
    for (id, then, now) in [("A", 3.5, 4.1), ("B", 3.4, 4.2)] {
        let d = dim(id);
        assert!((d.baseline.unwrap() - then).abs() < 1e-9, "{id}: {d:?}");
        assert!((d.current.unwrap() - now).abs() < 1e-9, "{id}: {d:?}");
        assert!((d.change.unwrap() - (now - then)).abs() < 1e-9, "{id}: {d:?}");
    }
    // Every other item is named: A2 reworded, A4 new.
    let a = c.item_changes.iter().find(|x| x.dimension == "A").unwrap();
    assert_eq!((a.added.as_slice(), a.changed.as_slice()), (&["A4".to_owned()][..], &["A2".to_owned()][..]));
    // The published scores of each round, all items, differ: that is what is not compared.
    // Old A: (4+1+4)/3, (5+1+5)/3, (3+1+3)/3, (4+1+3)/3, (2+1+2)/3 → 40/15 = 2.667.
    let published = assess(&old, &then, &options()).unwrap();
    assert!((published.dimensions[0].score.unwrap() - 40.0 / 15.0).abs() < 1e-9);
}

#[test]
fn a_baseline_of_another_model_is_refused() {
    let (old, _) = models();
    let other = Model::default_model();
    let empty_old = Responses::new(&old);
    let empty_other = Responses::new(&other);
    let e = compare_carried_over(round(&other, &empty_other), round(&old, &empty_old), &options()).unwrap_err();
    assert!(e.to_string().contains("model `worked`"), "{e}");
}
