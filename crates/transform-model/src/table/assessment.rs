//! Plain-text rendering of an assessment, for terminals and logs.

use std::fmt::Write;

use crate::localized::{Lang, Localized};
use crate::maturity::Assessment;
use crate::model::Model;

fn label(t: &Localized, lang: Option<Lang>) -> String {
    match lang {
        Some(l) => t.get(l).to_owned(),
        None => format!("{} / {}", t.get(Lang::Da), t.get(Lang::En)),
    }
}

/// Two decimals, with a decimal comma in Danish (`lang = Some(Da)`).
fn num_in(x: Option<f64>, lang: Option<Lang>) -> String {
    x.map_or_else(|| "–".to_owned(), |v| crate::numbers::number(v, 2, lang.unwrap_or(Lang::En)))
}

fn ci_in(x: Option<[f64; 2]>, lang: Option<Lang>) -> String {
    let l = lang.unwrap_or(Lang::En);
    let sep = if l == Lang::Da { "; " } else { ", " };
    x.map_or_else(
        || "–".to_owned(),
        |[lo, hi]| format!("[{}{sep}{}]", crate::numbers::number(lo, 2, l), crate::numbers::number(hi, 2, l)),
    )
}

/// `text` with every dimension id standing as a word ("D3", not "D3_2") replaced by the
/// dimension's name in »«: the scoring's messages name dimensions by id, a Danish reader by name.
fn named_dimensions(text: &str, a: &Assessment, lang: Option<Lang>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match a.dimensions.iter().find(|d| d.id == *word) {
            Some(d) => out.push_str(&format!("»{}«", label(&d.label, lang))),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// One text in the chosen language; `lang = None` gives both, once where they agree.
fn tr(lang: Option<Lang>, da: &str, en: &str) -> String {
    match lang {
        Some(l) => l.pick(da, en).to_owned(),
        None if da == en => da.to_owned(),
        None => format!("{da} / {en}"),
    }
}

/// Whether dimensions are shown by number and name (Danish readers never meet an id such as D3).
fn by_number(lang: Option<Lang>) -> bool {
    lang != Some(Lang::En)
}

/// A dimension's key in the table: its number in Danish ("3."), its id in English.
fn dim_key(lang: Option<Lang>, i: usize, id: &str) -> String {
    if by_number(lang) { format!("{}.", i + 1) } else { id.to_owned() }
}

/// A dimension's name by id, the id itself where the assessment lacks it.
fn dim_label(a: &Assessment, id: &str, lang: Option<Lang>) -> String {
    a.dimensions.iter().find(|d| d.id == id).map_or_else(|| id.to_owned(), |d| label(&d.label, lang))
}

/// A role's name from the model.
fn role_label(model: &Model, id: &str, lang: Option<Lang>) -> String {
    label(&model.role_label(id), lang)
}

/// A readable table; `lang = None` prints Danish and English side by side.
pub fn render_table(a: &Assessment, model: &Model, lang: Option<Lang>) -> String {
    let mut s = String::new();
    write_header(&mut s, a, model, lang);
    write_dimensions(&mut s, a, lang);
    write_groups(&mut s, a, model, lang);
    write_gaps(&mut s, a, model, lang);
    write_recommendations(&mut s, a, lang);
    write_baseline(&mut s, a, lang);
    write_warnings(&mut s, a, lang);
    s
}

/// The three opening lines: which model, the overall level and who answered.
fn write_header(s: &mut String, a: &Assessment, model: &Model, lang: Option<Lang>) {
    let t = |da: &str, en: &str| tr(lang, da, en);
    let num = |x: Option<f64>| num_in(x, lang);
    let level_label = |lvl: Option<i64>| {
        lvl.and_then(|l| model.levels().iter().find(|x| x.level == l))
            .map_or("–".to_owned(), |x| label(&x.label, lang))
    };
    // The model by its name, its id beside it ("dtm" alone tells a Danish reader nothing).
    let model_name = model.def().name.as_ref().map_or(a.model.id.clone(), |n| label(n, lang));
    let _ = writeln!(
        s,
        "{}: {} ({}, version {}; {} version {})",
        t("Model", "Model"),
        model_name,
        a.model.id,
        a.model.version,
        t("beregningsregler", "scoring contract"),
        a.schema_version
    );
    let _ = writeln!(
        s,
        "{}: {}  ({}: {} {}, {}: {})",
        t("Samlet niveau", "Overall level"),
        a.overall.level.map_or("–".to_owned(), |l| format!("{l} {}", level_label(Some(l)))),
        t("gennemsnit", "mean"),
        num(a.overall.score),
        ci_in(a.overall.ci, lang),
        t("gennemsnitligt gab til målet", "mean gap to the target"),
        num(a.overall.mean_gap),
    );
    let _ = writeln!(
        s,
        "{}: {} {}, {}: {}",
        t("Besvarelser", "Respondents"),
        a.n_respondents,
        // A count of zero is said in words ("0 mål" would read as zero targets).
        t(
            &match a.excluded_for_anonymity {
                0 => "(alle indgår)".to_owned(),
                n => format!("(udeladt af hensyn til anonymitet: {n})"),
            },
            &format!("(left out for anonymity: {})", a.excluded_for_anonymity)
        ),
        t("mål: niveau", "target"),
        a.overall.target,
    );
}

/// The table proper: one row per dimension with score, level, interval, alpha and n.
fn write_dimensions(s: &mut String, a: &Assessment, lang: Option<Lang>) {
    let t = |da: &str, en: &str| tr(lang, da, en);
    let num = |x: Option<f64>| num_in(x, lang);
    let width = a.dimensions.iter().map(|d| label(&d.label, lang).chars().count()).max().unwrap_or(10) + 6;
    let _ = writeln!(
        s,
        "\n{:<width$} {:>6} {:>6} {:>14} {:>6} {:>5}",
        t("Dimension", "Dimension"),
        t("Score", "Score"),
        t("Niveau", "Lvl"),
        t("Interval", "Interval"),
        t("alfa", "alpha"),
        "n",
    );
    for (i, d) in a.dimensions.iter().enumerate() {
        let name = format!("{:<4} {}", dim_key(lang, i, &d.id), label(&d.label, lang));
        let _ = writeln!(
            s,
            "{:<width$} {:>6} {:>6} {:>14} {:>6} {:>5}",
            name,
            num(d.score),
            d.level.map_or("–".to_owned(), |l| format!("{l}{}", if d.borderline == Some(true) { "~" } else { "" })),
            ci_in(d.ci, lang),
            num(d.alpha),
            d.n,
        );
    }
}

/// Each group's score per dimension, keyed as in the table, and the note on "~".
fn write_groups(s: &mut String, a: &Assessment, model: &Model, lang: Option<Lang>) {
    let t = |da: &str, en: &str| tr(lang, da, en);
    let _ = writeln!(
        s,
        "\n{}",
        t("Grupper (score pr. dimension, numre som i tabellen ovenfor)", "Groups (score per dimension)")
    );
    for g in &a.groups {
        let scores: Vec<String> = g
            .dimensions
            .iter()
            .map(|d| {
                let i = a.dimensions.iter().position(|x| x.id == d.id).unwrap_or(0);
                format!("{}={}", dim_key(lang, i, &d.id).trim_end_matches('.'), num_in(d.score, lang))
            })
            .collect();
        let _ = writeln!(s, "  {} (n={}): {}", role_label(model, &g.role, lang), g.n, scores.join(" "));
    }
    let _ = writeln!(
        s,
        "{}",
        t(
            "~ = niveauet er usikkert (intervallet krydser en niveaugrænse)",
            "~ = the level is uncertain (the interval crosses a level boundary)"
        )
    );
}

/// The significant perception gaps between roles, if any.
fn write_gaps(s: &mut String, a: &Assessment, model: &Model, lang: Option<Lang>) {
    let t = |da: &str, en: &str| tr(lang, da, en);
    let significant: Vec<_> = a.gaps.iter().filter(|g| g.significant == Some(true)).collect();
    if significant.is_empty() {
        return;
    }
    let _ = writeln!(s, "\n{}", t("Forskelle i opfattelse", "Perception gaps"));
    for g in significant {
        let _ = writeln!(
            s,
            "  {}, {} − {}: {} {} (p {} {}) {}",
            dim_label(a, &g.dimension, lang),
            role_label(model, &g.a, lang),
            role_label(model, &g.b, lang),
            g.diff.map_or("–".to_owned(), |x| crate::numbers::signed(x, 2, lang.unwrap_or(Lang::En))),
            ci_in(g.ci, lang),
            t("justeret", "adjusted"),
            num_in(g.p_adjusted, lang),
            label(&g.verdict.label(), lang)
        );
    }
}

/// The recommended levers, in priority order, if any.
fn write_recommendations(s: &mut String, a: &Assessment, lang: Option<Lang>) {
    let t = |da: &str, en: &str| tr(lang, da, en);
    let num = |x: Option<f64>| num_in(x, lang);
    let da = by_number(lang);
    if a.recommendations.is_empty() {
        return;
    }
    let _ = writeln!(s, "\n{}", t("Anbefalede greb", "Recommended levers"));
    for r in &a.recommendations {
        // In Danish the lever's text alone ("Greb 6: …" numbers belong to the article).
        let lever = |l: &Localized| {
            let text = label(l, lang);
            if da { text.split_once(": ").map_or(text.clone(), |(_, rest)| rest.to_owned()) } else { text }
        };
        let levers: Vec<String> = r.lever_labels.iter().map(lever).collect();
        // The order follows the gap on the roles asked every dimension: shown where it differs.
        let priority = match r.priority_gap {
            Some(p) if (p - r.gap).abs() > 0.005 => format!(
                "; {} {}",
                t("på rollerne, der spørges om alle dimensioner", "on the roles asked every dimension"),
                num(Some(p))
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "  {}. {} ({} {}{priority}): {}",
            r.priority,
            label(&r.label, lang),
            t("afstand til målet", "gap"),
            num(Some(r.gap)),
            levers.join("; ")
        );
    }
}

/// The change per dimension since the baseline, if there is one.
fn write_baseline(s: &mut String, a: &Assessment, lang: Option<Lang>) {
    let t = |da: &str, en: &str| tr(lang, da, en);
    let num = |x: Option<f64>| num_in(x, lang);
    let Some(b) = &a.baseline else { return };
    let _ = writeln!(
        s,
        "\n{} ({} {})",
        t("Udvikling siden sidste måling", "Change since baseline"),
        t("målt med modellens version", "measured with model version"),
        b.baseline_version
    );
    for d in &b.dimensions {
        let _ = writeln!(
            s,
            "  {}: {} → {} ({})",
            dim_label(a, &d.id, lang),
            num(d.baseline),
            num(d.current),
            d.change.map_or("–".to_owned(), |c| crate::numbers::signed(c, 2, lang.unwrap_or(Lang::En)))
        );
    }
}

/// The warnings, with dimension ids replaced by names for Danish readers.
fn write_warnings(s: &mut String, a: &Assessment, lang: Option<Lang>) {
    if a.warnings.is_empty() {
        return;
    }
    let _ = writeln!(s, "\n{}", tr(lang, "Forbehold", "Warnings"));
    for w in &a.warnings {
        let message = label(&w.message, lang);
        let _ = writeln!(s, "  - {}", if by_number(lang) { named_dimensions(&message, a, lang) } else { message });
    }
}

/// The model as Markdown: levels, dimensions with level texts, items and levers.
pub fn model_markdown(model: &Model, lang: Lang) -> String {
    let mut s = String::new();
    let name = model.def().name.as_ref().map_or(model.id().to_owned(), |n| n.get(lang).to_owned());
    let _ = writeln!(s, "# {name} ({} {})\n", model.id(), model.version());
    let _ = writeln!(s, "## {}\n", lang.pick("Niveauer", "Levels"));
    for l in model.levels() {
        let _ = writeln!(s, "{}. **{}**: {}", l.level, l.label.get(lang), l.description.get(lang));
    }
    for (d, dim) in model.dimensions().iter().enumerate() {
        let _ = writeln!(s, "\n## {} {}\n\n{}\n", dim.id, dim.label.get(lang), dim.description.get(lang));
        for (k, t) in &dim.level_descriptions {
            let _ = writeln!(s, "- {} {k}: {}", lang.pick("Niveau", "Level"), t.get(lang));
        }
        let _ = writeln!(s);
        for &i in model.dimension_items(d) {
            let item = &model.items()[i];
            let roles = if item.roles.is_empty() { lang.pick("alle", "all").to_owned() } else { item.roles.join(", ") };
            let rev = if item.reverse { lang.pick(" (omvendt)", " (reversed)") } else { "" };
            let _ = writeln!(s, "- `{}`{rev} {} _[{roles}]_", item.id, item.text.get(lang));
        }
    }
    let _ = writeln!(s, "\n## {}\n", lang.pick("Greb", "Levers"));
    for l in model.levers() {
        let _ = writeln!(s, "- **{}**: {}", l.label.get(lang), l.text.get(lang));
    }
    s
}
