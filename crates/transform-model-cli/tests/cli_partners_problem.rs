//! `partners --problem` as a user runs it, from another folder: the library's answer as
//! JSON, a Danish table with names and "(fiktiv)" and no English terms, Danish context
//! names, and bad input named.

use assert_cmd::Command;
use transform_model::ingredient::{Catalog, Index, ProblemPartner, Query};

fn run(args: &[&str]) -> std::process::Output {
    let mut cmd = Command::cargo_bin("transform-model").unwrap();
    cmd.current_dir(std::env::temp_dir()).args(args).output().unwrap()
}

fn stdout(args: &[&str]) -> String {
    let out = run(args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const PROBLEM: &str = "unge uden uddannelse";

#[test]
fn partners_for_a_problem_are_the_library_answer_in_json_and_danish() {
    let args = ["partners", "--problem", PROBLEM, "--municipality", "316", "--context", "kommunegruppe=landkommune"];
    let json: serde_json::Value = serde_json::from_str(&stdout(&[&args[..], &["--format", "json"]].concat())).unwrap();
    let cli: Vec<ProblemPartner> = serde_json::from_value(json["partners"].clone()).unwrap();
    let mut q = Query { text: PROBLEM.into(), ..Query::default() };
    q.context.insert("urbanity".into(), "rural".into());
    let library = Index::new(Catalog::sample()).partners_for_problem(&q, Some("316"), 3).unwrap();
    assert_eq!(cli, library);
    assert!(!cli.is_empty() && cli.iter().all(|p| p.code != "316"));
    let table = stdout(&args);
    for p in &library {
        let name = if p.fictional { format!("{} (fiktiv)", p.name) } else { p.name.clone() };
        assert!(table.contains(&format!("{} {name}", p.code)), "no {} in {table}", p.code);
    }
    for english in ["similarity", "complementarity", "score", "relevance"] {
        assert!(!table.contains(english), "`{english}` in the Danish table:\n{table}");
    }
    assert!(table.contains("relevans") && table.contains("Ingredienser at lære af"), "{table}");
}

#[test]
fn partners_for_a_problem_bad_input_is_named() {
    let out = run(&["partners", "--problem", PROBLEM, "--municipality", "999"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`999`"));
    let out = run(&["partners", "--problem", PROBLEM, "--context", "kommunegruppe=storby"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("context.urbanity"));
    // Neither a code nor a problem: a usage error.
    assert_eq!(run(&["partners"]).status.code(), Some(2));
}
