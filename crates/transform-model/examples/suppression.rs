//! How much an assessment withholds: the bundled sample (alone, and with 3 departments by
//! respondent order), and 100,000 respondents in 40 departments (as the `assess` bench).
//! Prints, per survey, the suppression counts and the published/withheld figures by kind,
//! so two builds can be compared (docs/disclosure.md; issue 25's measurement).
//!
//! `cargo run --release -p transform-model --example suppression`

use transform_model::maturity::sample::sample_responses;
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Model, Responses, assess};

fn main() {
    let model = Model::default_model();
    let mut o = AssessOptions::default();
    o.bootstrap = 0;
    let sample =
        Responses::from_csv_str(&model, transform_model::maturity::SAMPLE_RESPONSES_CSV, &ReadOptions::default())
            .expect("the bundled sample reads");
    report("sample", &assess(&model, &sample, &o).expect("assess"));
    let by = |r: &Responses, d: usize| -> Responses {
        let names: Vec<String> = (0..r.len()).map(|i| format!("Forvaltning {:02}", i % d + 1)).collect();
        r.clone().with_unit_column(&model, "department", &names).expect("unit column")
    };
    let mut o_by = o.clone();
    o_by.group_by = vec!["department".into()];
    report("sample by 3 departments", &assess(&model, &by(&sample, 3), &o_by).expect("assess"));
    let big = by(&sample_responses(&model, 100_000, 1), 40);
    let start = std::time::Instant::now();
    let a = assess(&model, &big, &o_by).expect("assess");
    let took = start.elapsed();
    report("100,000 by 40 departments", &a);
    println!("  (one assess without bootstrap: {took:.2?})");
}

fn report(name: &str, a: &Assessment) {
    let groups: Vec<_> = a.groups.iter().flat_map(|g| &g.dimensions).filter(|d| d.n.is_some()).collect();
    let units: Vec<_> = a.units.iter().flat_map(|u| &u.dimensions).collect();
    let null = |xs: &mut dyn Iterator<Item = bool>| xs.filter(|&b| !b).count();
    println!("{name}: suppression primary {} secondary {}", a.suppression.primary, a.suppression.secondary);
    println!(
        "  group cells {}: score withheld {}, sd withheld {}",
        groups.len(),
        null(&mut groups.iter().map(|d| d.score.is_some())),
        null(&mut groups.iter().map(|d| d.sd.is_some()))
    );
    println!(
        "  unit cells {}: score withheld {}, ci withheld {}",
        units.len(),
        null(&mut units.iter().map(|d| d.score.is_some())),
        null(&mut units.iter().map(|d| d.ci.is_some()))
    );
    let dims: Vec<String> = a
        .dimensions
        .iter()
        .map(|d| match (d.ci, d.df) {
            (Some(ci), df) => {
                format!("±{:.3} df {}", (ci[1] - ci[0]) / 2.0, df.map_or("–".into(), |x| format!("{x:.1}")))
            }
            _ => "–".into(),
        })
        .collect();
    println!("  dimension intervals: {}", dims.join(", "));
}
