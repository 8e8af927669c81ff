//! The breakdown by unit as a text table (`assess --by … --format table`): one row per
//! unit cell, a score column per dimension, "–" where a figure is withheld, and the
//! suppression counts. Danish with decimal comma, or English.

use crate::Lang;
use crate::maturity::Assessment;

/// The units of `a` as a table; empty when the assessment has no breakdown.
pub fn render_table(a: &Assessment, lang: Lang) -> String {
    if a.units.is_empty() {
        return String::new();
    }
    let da = lang == Lang::Da;
    let num = |x: Option<f64>| match x {
        Some(v) if da => format!("{v:.2}").replace('.', ","),
        Some(v) => format!("{v:.2}"),
        None => "–".to_owned(),
    };
    let role_label = |id: &str| {
        a.groups.iter().find(|g| g.role == id).map_or_else(|| id.to_owned(), |g| g.label.get(lang).to_owned())
    };
    let all = lang.pick("alle", "all");
    // The unit column only for a two-level breakdown.
    let two_levels = a.by.len() > 1;
    let unit_col = |s: &str| if two_levels { format!("{s:<20}") } else { String::new() };
    let mut out = format!("\n{}\n", lang.pick("Resultater pr. enhed", "Results by unit"));
    let mut head = format!(
        "{:<24}{}{:<34}{:>6}",
        lang.pick("Forvaltning", "Department"),
        unit_col(lang.pick("Enhed", "Unit")),
        lang.pick("Rolle", "Role"),
        "n"
    );
    // Danish readers meet the dimensions by their number in the assessment table, not by id.
    for (i, d) in a.dimensions.iter().enumerate() {
        head.push_str(&format!("{:>8}", if da { (i + 1).to_string() } else { d.id.clone() }));
    }
    out.push_str(&head);
    out.push('\n');
    for u in &a.units {
        let mut row = format!(
            "{:<24}{}{:<34}{:>6}",
            u.department,
            unit_col(u.unit.as_deref().unwrap_or(all)),
            u.role.as_deref().map_or_else(|| all.to_owned(), role_label),
            u.n.map_or("–".to_owned(), |n| n.to_string())
        );
        for d in &u.dimensions {
            row.push_str(&format!("{:>8}", num(d.score)));
        }
        out.push_str(&row);
        out.push('\n');
    }
    let s = a.suppression;
    out.push_str(&if da {
        // Zero counts are left out ("0 tal" says nothing a reader needs).
        let mut parts = Vec::new();
        if s.primary > 0 {
            parts.push(format!("{} tal med færre end {} besvarelser", s.primary, a.min_group_size));
        }
        if s.secondary > 0 {
            parts.push(format!("{} tal, for at ingen skjult værdi kan regnes baglæns", s.secondary));
        }
        if parts.is_empty() {
            "Ingen tal er skjult af hensyn til anonymiteten.\n".to_owned()
        } else {
            format!("Skjult af hensyn til anonymiteten: {}.\n", parts.join("; "))
        }
    } else {
        format!(
            "Withheld: {} cells under k = {} (primary), {} so that none can be derived (secondary)\n",
            s.primary, a.min_group_size, s.secondary
        )
    });
    out
}
