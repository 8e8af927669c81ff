//! Plain-text rendering of an assessment, for terminals and logs.

use std::fmt::Write;

use super::Assessment;
use crate::localized::{Lang, Localized};
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

/// A readable table; `lang = None` prints Danish and English side by side.
pub fn render_table(a: &Assessment, model: &Model, lang: Option<Lang>) -> String {
    let t = |da: &str, en: &str| match lang {
        Some(l) => l.pick(da, en).to_owned(),
        None if da == en => da.to_owned(),
        None => format!("{da} / {en}"),
    };
    let num = |x: Option<f64>| num_in(x, lang);
    let ci = |x: Option<[f64; 2]>| ci_in(x, lang);
    let role = |id: &str| label(&model.role_label(id), lang);
    let mut s = String::new();
    let level_label = |lvl: Option<i64>| {
        lvl.and_then(|l| model.levels().iter().find(|x| x.level == l))
            .map_or("–".to_owned(), |x| label(&x.label, lang))
    };
    let _ = writeln!(
        s,
        "{} {} {} ({} {})",
        t("Model", "Model"),
        a.model.id,
        a.model.version,
        t("beregningsregler version", "scoring contract version"),
        a.schema_version
    );
    let _ = writeln!(
        s,
        "{}: {}  ({}: {} {}, {}: {})",
        t("Samlet niveau", "Overall level"),
        a.overall.level.map_or("–".to_owned(), |l| format!("{l} {}", level_label(Some(l)))),
        t("gennemsnit", "mean"),
        num(a.overall.score),
        ci(a.overall.ci),
        t("gennemsnitligt gab til målet", "mean gap to the target"),
        num(a.overall.mean_gap),
    );
    let _ = writeln!(
        s,
        "{}: {} {}, {}: {}",
        t("Besvarelser", "Respondents"),
        a.n_respondents,
        t(
            &format!("(udeladt af hensyn til anonymitet: {})", a.excluded_for_anonymity),
            &format!("(left out for anonymity: {})", a.excluded_for_anonymity)
        ),
        t("mål", "target"),
        a.overall.target,
    );
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
    for d in &a.dimensions {
        let name = format!("{:<4} {}", d.id, label(&d.label, lang));
        let _ = writeln!(
            s,
            "{:<width$} {:>6} {:>6} {:>14} {:>6} {:>5}",
            name,
            num(d.score),
            d.level.map_or("–".to_owned(), |l| format!("{l}{}", if d.borderline == Some(true) { "~" } else { "" })),
            ci(d.ci),
            num(d.alpha),
            d.n,
        );
    }
    let _ = writeln!(s, "\n{}", t("Grupper (score pr. dimension)", "Groups (score per dimension)"));
    for g in &a.groups {
        let scores: Vec<String> = g.dimensions.iter().map(|d| format!("{}={}", d.id, num(d.score))).collect();
        let _ = writeln!(s, "  {} (n={}): {}", role(&g.role), g.n, scores.join(" "));
    }
    let _ = writeln!(
        s,
        "{}",
        t(
            "~ = niveauet er usikkert (intervallet krydser en niveaugrænse)",
            "~ = the level is uncertain (the interval crosses a level boundary)"
        )
    );
    let significant: Vec<_> = a.gaps.iter().filter(|g| g.significant == Some(true)).collect();
    if !significant.is_empty() {
        let _ = writeln!(s, "\n{}", t("Forskelle i opfattelse", "Perception gaps"));
        for g in significant {
            let _ = writeln!(
                s,
                "  {} {} − {}: {} {} (p {} {}) {}",
                g.dimension,
                role(&g.a),
                role(&g.b),
                g.diff.map_or("–".to_owned(), |x| crate::numbers::signed(x, 2, lang.unwrap_or(Lang::En))),
                ci(g.ci),
                t("justeret", "adjusted"),
                num(g.p_adjusted),
                label(&g.verdict.label(), lang)
            );
        }
    }
    if !a.recommendations.is_empty() {
        let _ = writeln!(s, "\n{}", t("Anbefalede greb", "Recommended levers"));
        for r in &a.recommendations {
            let levers: Vec<String> = r.lever_labels.iter().map(|l| label(l, lang)).collect();
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
    if let Some(b) = &a.baseline {
        let _ = writeln!(s, "\n{} ({})", t("Udvikling siden baseline", "Change since baseline"), b.baseline_version);
        for d in &b.dimensions {
            let _ = writeln!(
                s,
                "  {:<4} {} → {} ({})",
                d.id,
                num(d.baseline),
                num(d.current),
                d.change.map_or("–".to_owned(), |c| crate::numbers::signed(c, 2, lang.unwrap_or(Lang::En)))
            );
        }
    }
    if !a.warnings.is_empty() {
        let _ = writeln!(s, "\n{}", t("Forbehold", "Warnings"));
        for w in &a.warnings {
            let _ = writeln!(s, "  - {}", label(&w.message, lang));
        }
    }
    s
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
