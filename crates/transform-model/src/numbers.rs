//! Numbers as a reader reads them: the decimal mark and grouping of the reader's language
//! (REPORT.md, "Ordliste": "2,71", "1.000", "63 pct.", "3,8 mio. kr."). A leaf: every layer
//! formats numbers through it, and it knows no domain type.

use crate::localized::Lang;

/// A number with `decimals` decimals: "2,71" and "1.000" in Danish, "2.71" and "1,000" in English.
pub fn number(x: f64, decimals: usize, lang: Lang) -> String {
    let plain = format!("{:.*}", decimals, x.abs());
    let (int, frac) = plain.split_once('.').map_or((plain.as_str(), ""), |(i, f)| (i, f));
    let (group, point) = match lang {
        Lang::Da => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let negative = x < 0.0 && plain.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative { "−" } else { "" };
    if frac.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}{point}{frac}") }
}

/// A count with its noun in the right number: "1 indsats", "3 indsatser", "1.200 svar".
pub fn count(n: usize, da_one: &str, da_many: &str, en_one: &str, en_many: &str, lang: Lang) -> String {
    let noun = match (lang, n) {
        (Lang::Da, 1) => da_one,
        (Lang::Da, _) => da_many,
        (Lang::En, 1) => en_one,
        (Lang::En, _) => en_many,
    };
    format!("{} {noun}", number(n as f64, 0, lang))
}

/// A number with an explicit sign ("+0,42", "−0,42").
pub fn signed(x: f64, decimals: usize, lang: Lang) -> String {
    let body = number(x, decimals, lang);
    if body.starts_with('−') || number(x.abs(), decimals, lang).chars().all(|c| matches!(c, '0' | ',' | '.')) {
        body
    } else {
        format!("+{body}")
    }
}

/// A share (0.63) as "63 pct." in Danish, "63%" in English.
pub fn percent(share: f64, lang: Lang) -> String {
    let n = number(share * 100.0, 0, lang);
    match lang {
        Lang::Da => format!("{n} pct."),
        Lang::En => format!("{n}%"),
    }
}

/// Kroner: "3,8 mio. kr." / "DKK 3.8m" from a million, else "900.000 kr." / "DKK 900,000".
pub fn kroner(x: f64, lang: Lang) -> String {
    if x.abs() >= 1_000_000.0 {
        let m = number(x / 1_000_000.0, 1, lang);
        lang.pick(&format!("{m} mio. kr."), &format!("DKK {m}m")).to_owned()
    } else {
        let k = number(x, 0, lang);
        lang.pick(&format!("{k} kr."), &format!("DKK {k}")).to_owned()
    }
}

/// An interval in words: "mellem 2,5 og 3,0".
pub fn between(lo: f64, hi: f64, decimals: usize, lang: Lang) -> String {
    let (a, b) = (number(lo, decimals, lang), number(hi, decimals, lang));
    lang.pick(&format!("mellem {a} og {b}"), &format!("between {a} and {b}")).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_numbers_use_comma_and_point() {
        assert_eq!(number(2.714, 2, Lang::Da), "2,71");
        assert_eq!(number(1000.0, 0, Lang::Da), "1.000");
        assert_eq!(number(1234567.891, 1, Lang::En), "1,234,567.9");
        assert_eq!(number(-0.004, 2, Lang::Da), "0,00");
        assert_eq!(number(-0.42, 2, Lang::Da), "−0,42");
        assert_eq!(signed(0.42, 2, Lang::Da), "+0,42");
        assert_eq!(signed(0.0, 1, Lang::Da), "0,0");
        assert_eq!(percent(0.634, Lang::Da), "63 pct.");
        assert_eq!(percent(0.634, Lang::En), "63%");
        assert_eq!(kroner(3_800_000.0, Lang::Da), "3,8 mio. kr.");
        assert_eq!(kroner(900_000.0, Lang::Da), "900.000 kr.");
        assert_eq!(between(2.46, 2.97, 1, Lang::Da), "mellem 2,5 og 3,0");
        assert_eq!(count(1, "handling", "handlinger", "action", "actions", Lang::Da), "1 handling");
        assert_eq!(count(1200, "svar", "svar", "response", "responses", Lang::Da), "1.200 svar");
        assert_eq!(count(0, "indsats", "indsatser", "initiative", "initiatives", Lang::En), "0 initiatives");
    }
}
