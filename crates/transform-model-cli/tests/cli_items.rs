//! `transform-model items`: the JSON is the library's item analysis, the CSV and table are
//! views of it, per-role output never shows a group below k, bad input names what was wrong.

mod common;

use transform_model::maturity::{ItemAnalysis, ItemOptions, item_analysis};
use transform_model::responses::ReadOptions;
use transform_model::{Model, Responses};

use common::{data, fails, scratch, stdout};

fn library(o: &ItemOptions) -> ItemAnalysis {
    let model = Model::default_model();
    let r = Responses::from_csv_file(&model, data("sample_responses.csv"), &ReadOptions::default()).unwrap();
    item_analysis(&model, &r, o).unwrap()
}

#[test]
fn json_is_the_library_result() {
    let csv = data("sample_responses.csv");
    let out = stdout(&["items", &csv, "--by-role"], "json");
    let parsed: ItemAnalysis = serde_json::from_str(&out).unwrap();
    assert_eq!(
        parsed,
        library(&{
            let mut o = ItemOptions::default();
            o.by_role = true;
            o
        })
    );
    // The contract's keys are there.
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in ["item", "dimension", "n", "mean", "sd", "dont_know_share", "item_rest_r", "alpha_if_deleted", "flags"] {
        assert!(v["items"][0].get(key).is_some(), "items lack `{key}`");
    }
    for key in ["dimension", "n", "alpha", "alpha_std", "average_r", "omega_total", "flags"] {
        assert!(v["dimensions"][0].get(key).is_some(), "dimensions lack `{key}`");
    }
}

#[test]
fn by_role_never_shows_groups_below_k() {
    // The sample has 4 politicians: below k = 5, shown at k = 3 (with --allow-small-groups).
    let csv = data("sample_responses.csv");
    let roles = |args: &[&str], test: &str| -> Vec<(String, u64)> {
        let v: serde_json::Value = serde_json::from_str(&stdout(args, test)).unwrap();
        v["by_role"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["role"].as_str().unwrap().to_owned(), r["n"].as_u64().unwrap()))
            .collect()
    };
    let at5 = roles(&["items", &csv, "--by-role"], "k5");
    assert!(at5.iter().all(|(_, n)| *n >= 5), "{at5:?}");
    assert!(!at5.iter().any(|(r, _)| r == "politician" || r == "other"), "{at5:?}");
    let at3 = roles(&["items", &csv, "--by-role", "--min-group-size", "3", "--allow-small-groups"], "k3");
    assert!(at3.contains(&("politician".to_owned(), 4)), "{at3:?}");
    // And in the table and CSV views too.
    let table = stdout(&["items", &csv, "--by-role", "--format", "table", "--lang", "en"], "table");
    assert!(!table.contains("politician") && table.contains("Role frontline"), "{table}");
    let rows = stdout(&["items", &csv, "--by-role", "--format", "csv"], "csv");
    assert!(!rows.lines().any(|l| l.split(',').nth(1) == Some("politician")));
}

#[test]
fn csv_has_a_row_per_item_and_dimension() {
    let csv = data("sample_responses.csv");
    let out = stdout(&["items", &csv, "--format", "csv"], "rows");
    let lib = library(&ItemOptions::default());
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("level,role,dimension,item,"));
    assert_eq!(lines.len(), 1 + lib.items.len() + lib.dimensions.len());
    // The first item's mean in full precision.
    let first: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(first[3], lib.items[0].item);
    assert_eq!(first[7].parse::<f64>().unwrap(), lib.items[0].mean.unwrap());
}

#[test]
fn bad_input_names_what_was_wrong() {
    let dir = scratch("bad");
    let path = dir.join("bad.csv");
    std::fs::write(&path, "respondent,role,D1_1\nR1,mayor,3\n").unwrap();
    let p = path.to_str().unwrap();
    // The reader's language: Danish by default, English with --lang en.
    fails(&["items", p], "bad-role", &["ukendt rolle `mayor`", "række 2"]);
    fails(&["items", p, "--lang", "en"], "bad-role-en", &["unknown role `mayor`", "row 2"]);
    let csv = data("sample_responses.csv");
    fails(
        &["items", &csv, "--min-group-size", "2", "--allow-small-groups"],
        "bad-k",
        &["min_group_size", "--min-group-size"],
    );
    fails(&["items", &csv, "--min-group-size", "4"], "bad-k4", &["allow_small_groups"]);
    fails(&["items", &csv, "--format", "xml"], "bad-format", &["xml"]);
    fails(&["items", "/nonexistent/responses.csv"], "missing", &["/nonexistent/responses.csv"]);
}
