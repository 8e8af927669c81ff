//! Worker threads (issue 33): by default one per core (rayon's global pool); any count from
//! 1 to the fixed ceiling `limits::MAX_THREADS` is accepted on every machine, and the
//! results do not depend on it.

use transform_model::limits::MAX_THREADS;
use transform_model::maturity::SAMPLE_RESPONSES_CSV;
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Model, Responses, assess};

fn options(threads: Option<usize>) -> AssessOptions {
    let mut o = AssessOptions::default();
    o.bootstrap = 200;
    o.seed = 5;
    o.threads = threads;
    o
}

#[test]
fn the_ceiling_is_fixed_and_every_count_up_to_it_is_accepted() {
    let levels = Model::default_model().levels().len() as i64;
    // More threads than this machine has cores, up to the ceiling: valid anywhere.
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    for n in [1, cores, 4 * cores + 1, MAX_THREADS] {
        assert!(options(Some(n)).validate(levels).is_ok(), "{n}");
    }
    for n in [0, MAX_THREADS + 1] {
        let e = options(Some(n)).validate(levels).unwrap_err().to_string();
        assert!(e.contains("threads") && e.contains(&format!("{n} is not in 1..={MAX_THREADS}")), "{e}");
    }
}

#[test]
fn the_default_pool_has_one_thread_per_core_and_the_count_changes_no_figure() {
    // `threads: None` runs in rayon's global pool: one thread per core unless the user set
    // RAYON_NUM_THREADS.
    if std::env::var_os("RAYON_NUM_THREADS").is_none() {
        let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
        assert_eq!(rayon::current_num_threads(), cores);
    }
    let model = Model::default_model();
    let responses = Responses::from_csv_str(&model, SAMPLE_RESPONSES_CSV, &ReadOptions::default()).unwrap();
    let json = |threads| assess(&model, &responses, &options(threads)).unwrap().to_json();
    let default = json(None);
    assert_eq!(json(Some(1)), default);
    assert_eq!(json(Some(MAX_THREADS)), default);
}
