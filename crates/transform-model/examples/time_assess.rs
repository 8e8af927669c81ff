//! Times `assess` on a CSV (responses read once, not timed), for bench/peers_assess.py.
//! Usage: cargo run --release --example time_assess -- RESPONSES.csv BOOTSTRAP
//! Prints the median of 3 runs in seconds.

use std::time::Instant;

use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Model, Responses, assess};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let model = Model::default_model();
    let responses = Responses::from_csv_file(&model, &args[1], &ReadOptions::default()).expect("responses");
    let bootstrap: usize = args[2].parse().expect("bootstrap");
    let mut o = AssessOptions::default();
    o.bootstrap = bootstrap;
    o.seed = 1;
    let mut times: Vec<f64> = (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(assess(&model, &responses, &o).expect("assess"));
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("{}", times[1]);
}
