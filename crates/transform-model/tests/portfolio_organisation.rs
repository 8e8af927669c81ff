//! The portfolio's optional `organisation` section: read, validated, owners in the plan.

use transform_model::mission::{Portfolio, PortfolioError, SAMPLE_PORTFOLIO_JSON};

fn with_org(org: serde_json::Value) -> Result<Portfolio, PortfolioError> {
    let mut v: serde_json::Value = serde_json::from_str(SAMPLE_PORTFOLIO_JSON).unwrap();
    v["organisation"] = org;
    Portfolio::from_json(&v.to_string())
}

fn invalid_path(r: Result<Portfolio, PortfolioError>) -> String {
    match r {
        Err(PortfolioError::Invalid { path, .. }) | Err(PortfolioError::Parse { path, .. }) => path,
        other => panic!("expected an error, got {:?}", other.map(|p| p.organisation)),
    }
}

fn dept(name: &str) -> serde_json::Value {
    serde_json::json!({"name": name, "committee": "Økonomiudvalget", "director": "Kommunaldirektøren", "med": "HovedMED"})
}

#[test]
fn the_sample_has_an_organisation_with_a_central_department() {
    let p = Portfolio::sample();
    let org = p.organisation.as_ref().expect("sample organisation");
    let central = org.central.as_deref().unwrap();
    assert!(org.department(central).is_some());
    // Every department an initiative names has an owner in the organisation.
    for x in &p.initiatives {
        for d in &x.departments {
            assert!(org.department(d).is_some(), "{} names {d}", x.id);
        }
    }
    // Care system and website are mandatory.
    let mandatory: Vec<&str> = p.initiatives.iter().filter(|x| x.mandatory).map(|x| x.title.as_str()).collect();
    assert_eq!(mandatory, vec!["Nyt omsorgssystem i ældreplejen", "Ny hjemmeside"]);
}

#[test]
fn bad_organisations_are_refused_naming_the_field() {
    let dup = serde_json::json!({"departments": [dept("Børn og Unge"), dept("børn  og unge")]});
    assert_eq!(invalid_path(with_org(dup)), "organisation.departments[1].name");
    let central = serde_json::json!({"departments": [dept("Børn og Unge")], "central": "Børn og Ung"});
    assert_eq!(invalid_path(with_org(central)), "organisation.central");
    let mut empty = dept("X");
    empty["med"] = "  ".into();
    assert_eq!(invalid_path(with_org(serde_json::json!({"departments": [empty]}))), "organisation.departments[0].med");
    let mut typo = dept("X");
    typo["comittee"] = "x".into();
    let path = invalid_path(with_org(serde_json::json!({"departments": [typo]})));
    assert!(path.starts_with("organisation.departments[0]"), "{path}");
    // Without the section the portfolio still reads.
    let mut v: serde_json::Value = serde_json::from_str(SAMPLE_PORTFOLIO_JSON).unwrap();
    v.as_object_mut().unwrap().remove("organisation");
    assert!(Portfolio::from_json(&v.to_string()).unwrap().organisation.is_none());
}
