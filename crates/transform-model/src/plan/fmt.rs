//! Numbers as a Danish or English reader writes them: thousands separators, decimal comma
//! in Danish, kroner with "kr.". A leaf: every stage of the plan may use it.

use crate::localized::Lang;

/// `x` with `decimals` decimals: Danish `1.234,5`, English `1,234.5`.
pub(crate) fn number(x: f64, decimals: usize, lang: Lang) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(i, f)| (i, f));
    let (thousands, point) = match lang {
        Lang::Da => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if x < 0.0 && s.chars().any(|c| c != '0' && c != '.') {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// Kroner, whole: `1.234.000 kr.` / `DKK 1,234,000`; `None` is "ikke opgjort".
pub(crate) fn kr(x: Option<f64>, lang: Lang) -> String {
    match x {
        Some(x) => match lang {
            Lang::Da => format!("{} kr.", number(x, 0, lang)),
            Lang::En => format!("DKK {}", number(x, 0, lang)),
        },
        None => lang.pick("ikke opgjort", "not costed").to_owned(),
    }
}

/// Hours, whole: `1.580 timer` / `1,580 hours`.
pub(crate) fn hours(x: f64, lang: Lang) -> String {
    let n = number(x, 0, lang);
    match (lang, x == 1.0) {
        (Lang::Da, true) => format!("{n} time"),
        (Lang::Da, false) => format!("{n} timer"),
        (Lang::En, true) => format!("{n} hour"),
        (Lang::En, false) => format!("{n} hours"),
    }
}

/// `n` with the singular or plural noun.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How an action is referred to in the appendix column: its number in Danish, "9" (no id
/// a Danish reader meets), its id in English, "A09" (to find it in the JSON).
pub(crate) fn reference(id: &str, lang: Lang) -> String {
    match (lang, super::types::number_of(id)) {
        (Lang::Da, Some(n)) => n.to_string(),
        _ => id.to_owned(),
    }
}

/// A month's name.
pub(crate) fn month(m: u8, lang: Lang) -> &'static str {
    crate::localized::month_name(m, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_numbers_take_thousands_points_and_a_decimal_comma() {
        assert_eq!(number(1234567.0, 0, Lang::Da), "1.234.567");
        assert_eq!(number(-1234.5, 1, Lang::Da), "-1.234,5");
        assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(number(999.0, 0, Lang::Da), "999");
        assert_eq!(number(-0.0001, 0, Lang::Da), "0");
        assert_eq!(kr(Some(6_700_000.0), Lang::Da), "6.700.000 kr.");
        assert_eq!(kr(None, Lang::Da), "ikke opgjort");
        assert_eq!(hours(1.0, Lang::Da), "1 time");
        assert_eq!(hours(1580.0, Lang::Da), "1.580 timer");
    }
}
