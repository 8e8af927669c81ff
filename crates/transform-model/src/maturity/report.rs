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

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

fn ci(x: Option<[f64; 2]>) -> String {
    x.map_or_else(|| "–".to_owned(), |[lo, hi]| format!("[{lo:.2}, {hi:.2}]"))
}

/// A readable table; `lang = None` prints Danish and English side by side.
pub fn render_table(a: &Assessment, model: &Model, lang: Option<Lang>) -> String {
    let t = |da: &str, en: &str| match lang {
        Some(l) => l.pick(da, en).to_owned(),
        None if da == en => da.to_owned(),
        None => format!("{da} / {en}"),
    };
    let mut s = String::new();
    let level_label = |lvl: Option<i64>| {
        lvl.and_then(|l| model.levels().iter().find(|x| x.level == l))
            .map_or("–".to_owned(), |x| label(&x.label, lang))
    };
    let _ = writeln!(s, "{} {} {}", t("Model", "Model"), a.model.id, a.model.version);
    let _ = writeln!(
        s,
        "{}: {}  ({}: {}, {}: {})",
        t("Samlet niveau", "Overall level"),
        a.overall.level.map_or("–".to_owned(), |l| format!("{l} {}", level_label(Some(l)))),
        t("gennemsnit", "mean"),
        num(a.overall.score),
        t("gennemsnitligt gab til målet", "mean gap to the target"),
        num(a.overall.mean_gap),
    );
    let _ = writeln!(
        s,
        "{}: {} {}, {}: {}",
        t("Respondenter", "Respondents"),
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
        "\n{:<width$} {:>6} {:>5} {:>14} {:>6} {:>5}",
        t("Dimension", "Dimension"),
        t("Score", "Score"),
        t("Niv.", "Lvl"),
        t("Interval", "Interval"),
        t("alfa", "alpha"),
        "n",
    );
    for d in &a.dimensions {
        let name = format!("{:<4} {}", d.id, label(&d.label, lang));
        let _ = writeln!(
            s,
            "{:<width$} {:>6} {:>5} {:>14} {:>6} {:>5}",
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
        let _ = writeln!(s, "  {} (n={}): {}", label(&g.label, lang), g.n, scores.join(" "));
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
        let _ = writeln!(s, "\n{}", t("Signifikante forskelle i opfattelse", "Significant perception gaps"));
        for g in significant {
            let _ = writeln!(
                s,
                "  {} {} − {}: {} {} (p {} {})",
                g.dimension,
                g.a,
                g.b,
                g.diff.map_or("–".to_owned(), |x| format!("{x:+.2}")),
                ci(g.ci),
                t("justeret", "adjusted"),
                num(g.p_adjusted)
            );
        }
    }
    if !a.recommendations.is_empty() {
        let _ = writeln!(s, "\n{}", t("Anbefalede greb", "Recommended levers"));
        for r in &a.recommendations {
            let levers: Vec<String> = r.lever_labels.iter().map(|l| label(l, lang)).collect();
            let _ = writeln!(
                s,
                "  {}. {} ({} {:.2}): {}",
                r.priority,
                label(&r.label, lang),
                t("gab", "gap"),
                r.gap,
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
                d.change.map_or("–".to_owned(), |c| format!("{c:+.2}"))
            );
        }
    }
    if !a.warnings.is_empty() {
        let _ = writeln!(s, "\n{}", t("Advarsler", "Warnings"));
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
