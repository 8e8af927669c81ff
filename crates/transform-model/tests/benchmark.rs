//! The national benchmark: quartiles, rank and percentile computed by hand, peer groups,
//! and the typed errors (duplicate codes, mixed model versions, too few peers).

use transform_model::benchmark::{BenchmarkError, BenchmarkOptions, Peers, benchmark, to_csv};
use transform_model::maturity::MunicipalityRef;
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Model, Responses, assess};

fn base() -> Assessment {
    let model = Model::default_model();
    let data =
        Responses::from_csv_str(&model, transform_model::maturity::SAMPLE_RESPONSES_CSV, &ReadOptions::default())
            .unwrap();
    let mut options = AssessOptions::default();
    options.bootstrap = 0;
    assess(&model, &data, &options).unwrap()
}

/// `base` for municipality `code` with every dimension scored `score` (the first
/// dimension `first` when given).
fn of(base: &Assessment, code: &str, score: f64, first: Option<Option<f64>>) -> Assessment {
    let mut a = base.clone();
    let m = transform_model::municipality::all().iter().find(|m| m.code == code).unwrap();
    a.municipality = Some(MunicipalityRef { code: m.code.clone(), name: m.name.clone() });
    for d in &mut a.dimensions {
        d.score = Some(score);
    }
    if let Some(x) = first {
        a.dimensions[0].score = x;
    }
    a
}

#[test]
fn quartiles_rank_and_percentile_by_hand() {
    let b = base();
    // Five Hovedstaden municipalities (101 København, 147 Frederiksberg, 151 Ballerup,
    // 153 Brøndby, 155 Dragør) scoring 1, 2, 3, 4, 5 on every dimension.
    let all: Vec<Assessment> = [("101", 1.0), ("147", 2.0), ("151", 3.0), ("153", 4.0), ("155", 5.0)]
        .iter()
        .map(|(c, s)| of(&b, c, *s, None))
        .collect();
    let r = benchmark(&all, &BenchmarkOptions::new(Some("151".into()), Peers::All)).unwrap();
    assert_eq!((r.peers.kind.as_str(), r.peers.n), ("all", 5));
    let d = &r.dimensions[0];
    // Type 7: h = 4p; p25 → h = 1 → 2; median → 3; p75 → 4; min 1, max 5.
    assert_eq!((d.n, d.min, d.p25, d.median, d.p75, d.max), (5, Some(1.0), Some(2.0), Some(3.0), Some(4.0), Some(5.0)));
    let p = d.of.as_ref().unwrap();
    // 151 scores 3: two peers higher → rank 3; two lower of 4 others → 50.
    assert_eq!((p.code.as_str(), p.score, p.rank, p.percentile), ("151", Some(3.0), Some(3), Some(50.0)));
}

#[test]
fn interpolated_quartiles_and_a_missing_score() {
    let b = base();
    // First dimension: 1, 2, 4, 8 and one municipality without a score there.
    let all = vec![
        of(&b, "101", 1.0, None),
        of(&b, "147", 2.0, None),
        of(&b, "151", 4.0, None),
        of(&b, "153", 8.0, None),
        of(&b, "155", 3.0, Some(None)),
    ];
    let r = benchmark(&all, &BenchmarkOptions::new(Some("155".into()), Peers::All)).unwrap();
    let d = &r.dimensions[0];
    // n = 4: h = 3p; p25 → h = 0.75: 1 + 0.75 × (2 − 1) = 1.75; median h = 1.5: 2 + 0.5 × 2 = 3;
    // p75 h = 2.25: 4 + 0.25 × 4 = 5.
    assert_eq!((d.n, d.p25, d.median, d.p75), (4, Some(1.75), Some(3.0), Some(5.0)));
    let p = d.of.as_ref().unwrap();
    assert_eq!((p.score, p.rank, p.percentile), (None, None, None));
    // CSV: one header and one row per dimension, empty cells for null.
    let csv = to_csv(&r);
    assert_eq!(csv.lines().count(), 1 + r.dimensions.len());
    assert!(csv.lines().nth(1).unwrap().ends_with(",155,,,"), "{csv}");
}

#[test]
fn region_and_list_peers() {
    let b = base();
    // 101, 147, 151 in Hovedstaden; 751 Aarhus in Midtjylland.
    let all: Vec<Assessment> =
        [("101", 1.0), ("147", 2.0), ("151", 3.0), ("751", 4.0)].iter().map(|(c, s)| of(&b, c, *s, None)).collect();
    let r = benchmark(&all, &BenchmarkOptions::new(Some("147".into()), Peers::Region)).unwrap();
    assert_eq!((r.peers.kind.as_str(), r.peers.n), ("region", 3));
    assert_eq!(r.dimensions[0].max, Some(3.0), "Aarhus is not a peer");
    let e = benchmark(&all, &BenchmarkOptions::new(Some("751".into()), Peers::Region)).unwrap_err();
    assert_eq!(e, BenchmarkError::TooFewPeers { n: 1 });
    // A list: 751 and 101, with `of` 151 itself → 3.
    let list = Peers::List(vec!["751".into(), "101".into()]);
    let r = benchmark(&all, &BenchmarkOptions::new(Some("151".into()), list)).unwrap();
    assert_eq!(r.peers.n, 3);
    assert_eq!(r.dimensions[0].of.as_ref().unwrap().rank, Some(2), "4 > 3 > 1");
    assert!(matches!(
        benchmark(&all, &BenchmarkOptions::new(None, Peers::List(vec!["999".into()]))),
        Err(BenchmarkError::UnknownCode { .. })
    ));
}

#[test]
fn bad_inputs_are_typed_errors() {
    let b = base();
    let a = of(&b, "101", 1.0, None);
    let twice = vec![a.clone(), of(&b, "147", 2.0, None), a.clone()];
    assert_eq!(
        benchmark(&twice, &BenchmarkOptions::default()),
        Err(BenchmarkError::DuplicateMunicipality { code: "101".into(), first: 1, second: 3 })
    );
    let mut old = of(&b, "151", 3.0, None);
    old.model.version = "2026.1".into();
    let mixed = vec![a.clone(), of(&b, "147", 2.0, None), old];
    assert!(matches!(
        benchmark(&mixed, &BenchmarkOptions::default()),
        Err(BenchmarkError::ModelVersion { index: 3, .. })
    ));
    let nameless = vec![a.clone(), b.clone()];
    assert_eq!(benchmark(&nameless, &BenchmarkOptions::default()), Err(BenchmarkError::NoMunicipality { index: 2 }));
    let two = vec![a.clone(), of(&b, "147", 2.0, None)];
    assert_eq!(benchmark(&two, &BenchmarkOptions::default()), Err(BenchmarkError::TooFewPeers { n: 2 }));
    let three = vec![a, of(&b, "147", 2.0, None), of(&b, "151", 3.0, None)];
    assert!(matches!(
        benchmark(&three, &BenchmarkOptions::new(Some("153".into()), Peers::All)),
        Err(BenchmarkError::NotAssessed { .. })
    ));
    assert_eq!(benchmark(&[], &BenchmarkOptions::default()), Err(BenchmarkError::Empty));
}
