//! The Danish-language checker, shared by the language tests of every face: the CLI's
//! (crates/transform-model-cli/tests/cli_danish.rs) and the C ABI's
//! (bindings/c/tests/danish.rs) include this file with `#[path]`; the Python test ports it
//! (python/tests/test_danish.py). The word lists are rules.txt beside it.
#![allow(dead_code)]

/// The word lists (English words, jargon, plurals, jargon phrases), shared with the Python
/// test of the `lang="da"` frames: tests/danish/rules.txt.
const RULES: &str = include_str!("rules.txt");

/// The entries of one `[section]` of the rules file (comments and blank lines left out).
pub fn rule(section: &str) -> Vec<&'static str> {
    let head = format!("[{section}]");
    RULES
        .lines()
        .skip_while(|l| l.trim() != head)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect()
}

pub fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == ','))
        .map(|w| w.trim_matches(|c| c == '.' || c == ','))
        .filter(|w| !w.is_empty())
        .collect()
}

/// "D3", "M12", "P05", "A09", "start1", "greb3", and item ids "D3_2".
pub fn is_id(w: &str) -> bool {
    let split = w.find(|c: char| c.is_ascii_digit()).unwrap_or(w.len());
    let (head, digits) = w.split_at(split);
    let item = digits.split_once('_').is_some_and(|(d, i)| {
        head == "D" && !d.is_empty() && !i.is_empty() && (d.to_owned() + i).chars().all(|c| c.is_ascii_digit())
    });
    item || (!digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(head, "D" | "M" | "P" | "A" | "start" | "greb"))
}

/// "0.54", "2026.2": a dot between digits that is no thousands point ("1.000", "12.500.000").
pub fn is_dot_decimal(w: &str) -> bool {
    if !w.contains('.') || !w.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return false;
    }
    let groups: Vec<&str> = w.split('.').collect();
    let thousands = groups[0].len() <= 3 && !groups[0].is_empty() && groups[1..].iter().all(|g| g.len() == 3);
    groups.len() > 1 && groups.iter().all(|g| !g.is_empty()) && !thousands
}

/// Every finding in `text`, as "kind: what".
pub fn violations(text: &str) -> Vec<String> {
    let (english, jargon, plurals) = (rule("english"), rule("jargon"), rule("plurals"));
    let mut out = Vec::new();
    for line in text.lines() {
        let ws = words(line);
        for (i, w) in ws.iter().enumerate() {
            let lower = w.to_lowercase();
            if english.contains(&lower.as_str()) {
                out.push(format!("engelsk: {lower}"));
            }
            if jargon.contains(&lower.as_str()) {
                out.push(format!("fagsprog: {lower}"));
            }
            if is_id(w) {
                out.push(format!("id: {w}"));
            }
            // A version number ("version 2026.2") is a name, not a decimal.
            let after_version = i > 0 && ws[i - 1].eq_ignore_ascii_case("version");
            if is_dot_decimal(w) && !after_version {
                out.push(format!("decimalpunktum: {w}"));
            }
            if let Some(next) = ws.get(i + 1) {
                // "greb 4", "Start 3": the article's numbers, which the council has not read —
                // unless in brackets beside the name ("Luk projekter … (greb 4)"), where the
                // number only helps a reader find the lever in the article.
                // ("3 greb, 1 første skridt" is a count followed by another: not an id.)
                let low_line = line.to_lowercase();
                let beside_name = low_line.contains(&format!("({lower} {next})"));
                let adjacent = low_line.contains(&format!("{lower} {next}"));
                if matches!(lower.as_str(), "greb" | "start")
                    && next.chars().all(|c| c.is_ascii_digit())
                    && adjacent
                    && !beside_name
                {
                    out.push(format!("id: {lower} {next}"));
                }
                let next = next.to_lowercase();
                if *w == "1" && plurals.contains(&next.as_str()) {
                    out.push(format!("flertal: 1 {next}"));
                }
                if *w == "0" && next.chars().all(char::is_alphabetic) && !["kr", "pct"].contains(&next.as_str()) {
                    out.push(format!("nul: 0 {next}"));
                }
            }
        }
        // A phrase of 2–6 words said twice in a row. A phrase with a figure in it ("0 kr",
        // "1 handling 60 700 timer") is a table's repeated cells, not prose said twice.
        let lw: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
        for n in 2..=6 {
            for i in 0..lw.len().saturating_sub(2 * n - 1) {
                if lw[i..i + n] == lw[i + n..i + 2 * n]
                    && lw[i..i + n].iter().any(|w| w.chars().any(char::is_alphabetic))
                    && !lw[i..i + n].iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
                {
                    out.push(format!("gentaget: {}", lw[i..i + n].join(" ")));
                }
            }
        }
    }
    for phrase in rule("phrases") {
        if text.to_lowercase().contains(phrase) {
            out.push(format!("fagsprog: {phrase}"));
        }
    }
    out.sort();
    out.dedup();
    out
}
