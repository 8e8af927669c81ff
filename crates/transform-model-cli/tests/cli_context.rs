//! `--context KEY=VALUE` is typed by the library (`Query::parse_context`) as C and Python type
//! a JSON value: a JSON number is a number, other text a string; inf and NaN are refused with
//! a named error (issue 33).

mod common;

use std::collections::BTreeMap;

use common::{data, fails, scratch, stdout};
use serde_json::{Value, json};
use transform_model::ingredient::{Catalog, Index, MatchOptions, Query};

/// The sample catalog with two added attributes: `band`, a text that looks like a number
/// ("3" or "7"), and `inhabitants`, a number.
fn catalog_json() -> String {
    let mut def: Value = serde_json::from_str(&std::fs::read_to_string(data("catalog.json")).unwrap()).unwrap();
    for (i, iv) in def["interventions"].as_array_mut().unwrap().iter_mut().enumerate() {
        iv["context"]["band"] = Value::from(if i % 2 == 0 { "3" } else { "7" });
        iv["context"]["inhabitants"] = Value::from(20_000 + 1_000 * i as u64);
    }
    def.to_string()
}

/// The library's match of `context` (JSON values, as C and Python pass them), as JSON.
fn library(catalog: &str, context: Value) -> String {
    let index = Index::new(Catalog::from_json(catalog).unwrap());
    let context: BTreeMap<String, Value> = serde_json::from_value(context).unwrap();
    let query = Query { text: "ledige unge i job".into(), context, ..Query::default() };
    index.match_query(&query, &MatchOptions::default()).unwrap().to_json()
}

fn cli(path: &str, context: &[&str]) -> String {
    let mut args = vec!["match", "ledige unge i job", "--catalog", path, "--format", "json"];
    for c in context {
        args.extend(["--context", c]);
    }
    stdout(&args, "context").trim_end().to_owned()
}

#[test]
fn the_cli_types_context_values_as_the_library_does() {
    let dir = scratch("context_types");
    let text = catalog_json();
    let path = dir.join("catalog.json");
    std::fs::write(&path, &text).unwrap();
    let path = path.to_str().unwrap();
    // `band=3`: the number 3, whose text "3" is the catalog's text value (as 3.0 it was
    // refused as an unknown value "3.0").
    assert_eq!(cli(path, &["band=3"]), library(&text, json!({"band": 3})));
    // In quotes: the string "3", compared as text: the same answer here.
    assert_eq!(cli(path, &["band=\"3\""]), library(&text, json!({"band": "3"})));
    // A number against numbers, and a plain word.
    assert_eq!(
        cli(path, &["inhabitants=25000", "urbanity=rural"]),
        library(&text, json!({"inhabitants": 25000, "urbanity": "rural"}))
    );
    // The context changes the answer (so the comparisons above can fail): half the
    // catalog is band 3, the other half band 7.
    assert_ne!(cli(path, &["band=3"]), cli(path, &["band=7"]));
}

#[test]
fn the_parser_types_as_json_does() {
    let parse = |s: &str| Query::parse_context(s).unwrap();
    // Each is what serde_json makes of the same value in a C filter or a Python dict.
    for (arg, json) in [("x=3", "3"), ("x=-2.5", "-2.5"), ("x = 1e3 ", "1e3"), ("x=\"3\"", "\"3\"")] {
        assert_eq!(parse(arg), ("x".to_owned(), serde_json::from_str::<Value>(json).unwrap()), "{arg}");
    }
    assert_eq!(parse("urbanity=rural"), ("urbanity".to_owned(), Value::from("rural")));
    assert_eq!(parse("x=true"), ("x".to_owned(), Value::from("true")));
    assert_eq!(parse("x=a=b"), ("x".to_owned(), Value::from("a=b")));
}

#[test]
fn inf_and_nan_are_refused_by_name() {
    for value in ["inf", "-inf", "NaN", "infinity", "1e999"] {
        let arg = format!("inhabitants={value}");
        let e = Query::parse_context(&arg).unwrap_err();
        assert!(matches!(e, transform_model::ingredient::CatalogError::ContextValue { .. }), "{e:?}");
        assert_eq!(e.to_string(), format!("query `context`: `{arg}` is not a finite number"));
        fails(
            &["match", "ledige", "--catalog", &data("catalog.json"), "--context", &arg],
            "context_inf",
            &["--context", &format!("`{arg}` is not a finite number")],
        );
    }
    for (arg, reason) in [("urbanity", "is not KEY=VALUE"), ("=rural", "has no key"), ("x=\"3", "is not a JSON string")]
    {
        let e = Query::parse_context(arg).unwrap_err().to_string();
        assert!(e.contains(reason), "{arg}: {e}");
    }
}

#[test]
fn an_over_long_query_names_the_query_text() {
    let long = "a".repeat(100_001);
    let stderr = fails(&["match", &long, "--catalog", &data("catalog.json")], "long_query", &["query `text`"]);
    assert!(!stderr.contains("invalid catalog"), "{stderr}");
}
