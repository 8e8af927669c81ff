//! The reader's words: the one place where enum values, context attributes and role ids
//! get their Danish and English names, and where numbers get the reader's decimal mark
//! (REPORT.md, "Ordliste"). Terminal tables, the HTML report, the charts and the Python
//! frames all take their labels from here, so a Danish reader never meets `spreading`.

use crate::ingredient::Transfer;
use crate::localized::{Lang, Localized};
use crate::maturity::TargetStatus;
use crate::mission::{CitizenValue, Facet, Mode, Recommendation, Stage};
use crate::model::Model;

fn da_en(da: &str, en: &str) -> Localized {
    Localized::da_en(da, en)
}

impl Stage {
    /// The stage's name for readers ("udbredelse" for `spreading`).
    pub fn label(self) -> Localized {
        match self {
            Stage::Screening => da_en("afdækning", "screening"),
            Stage::Maturing => da_en("modning", "maturing"),
            Stage::Testing => da_en("afprøvning", "testing"),
            Stage::Spreading => da_en("udbredelse", "spreading"),
            Stage::Operations => da_en("drift", "operations"),
            Stage::Closed => da_en("afsluttet", "closed"),
        }
    }

    /// The stage named `name` in the portfolio JSON (`spreading`), if any.
    pub fn from_name(name: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl Recommendation {
    /// The recommendation for readers ("udbred" for `spread`).
    pub fn label(self) -> Localized {
        match self {
            Recommendation::Spread => da_en("udbred", "spread"),
            Recommendation::Keep => da_en("fortsæt", "keep"),
            Recommendation::Reconsider => da_en("genovervej", "reconsider"),
            Recommendation::Close => da_en("vurdér afslutning", "consider closing"),
            Recommendation::TooEarlyToJudge => da_en("for tidligt at vurdere", "too early to judge"),
        }
    }
}

impl Facet {
    /// The OECD facet's name for readers.
    pub fn label(self) -> Localized {
        match self {
            Facet::Enhancement => da_en("forbedring", "enhancement"),
            Facet::MissionOriented => da_en("missionsorienteret", "mission-oriented"),
            Facet::Adaptive => da_en("tilpasning", "adaptive"),
            Facet::Anticipatory => da_en("fremsynet", "anticipatory"),
        }
    }

    /// The facet named `name` in the portfolio JSON, if any.
    pub fn from_name(name: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.name() == name)
    }
}

impl Mode {
    /// The mode for readers: an improvement of operations or an experiment.
    pub fn label(self) -> Localized {
        match self {
            Mode::Exploit => da_en("forbedring af driften", "improves operations"),
            Mode::Explore => da_en("forsøg", "experiment"),
        }
    }
}

impl CitizenValue {
    /// The value for citizens so far, as a reader's phrase.
    pub fn label(self) -> Localized {
        match self {
            CitizenValue::None => da_en("der er ikke vist værdi for borgerne", "no value for citizens shown"),
            CitizenValue::Unclear => da_en("værdien for borgerne er uklar", "value for citizens unclear"),
            CitizenValue::Positive => da_en("skaber værdi for borgerne", "creates value for citizens"),
            CitizenValue::Negative => da_en("skader borgerne", "harms citizens"),
        }
    }
}

impl Transfer {
    /// How an ingredient transfers to another municipality.
    pub fn label(self) -> Localized {
        match self {
            Transfer::SimpleCausal => da_en("kan overføres direkte", "transfers directly"),
            Transfer::ContextDependent => da_en("skal tilpasses lokalt", "must be adapted locally"),
        }
    }
}

impl TargetStatus {
    /// Where a dimension stands against its target, in the three fixed phrases of REPORT.md.
    pub fn label(self) -> Localized {
        match self {
            TargetStatus::ClearlyBelow => da_en("sikkert under målet", "clearly below the target"),
            TargetStatus::Uncertain => da_en("ingen sikker forskel fra målet", "no sure difference from the target"),
            TargetStatus::AtOrAbove => da_en("på eller over målet", "at or above the target"),
        }
    }
}

/// Code → the reader's label for the values of one kind (`stages`, `facets`, `modes`,
/// `recommendation`), as the JSON and the frames spell the codes; `None` for another kind.
pub fn labels(kind: &str, lang: Lang) -> Option<Vec<(&'static str, String)>> {
    let pairs: Vec<(&'static str, Localized)> = match kind {
        "stages" => Stage::ALL.into_iter().map(|s| (s.name(), s.label())).collect(),
        "facets" => Facet::ALL.into_iter().map(|f| (f.name(), f.label())).collect(),
        "modes" => [Mode::Exploit, Mode::Explore].into_iter().map(|m| (m.name(), m.label())).collect(),
        "recommendation" => [
            ("spread", Recommendation::Spread),
            ("keep", Recommendation::Keep),
            ("reconsider", Recommendation::Reconsider),
            ("close", Recommendation::Close),
            ("too_early_to_judge", Recommendation::TooEarlyToJudge),
        ]
        .into_iter()
        .map(|(code, r)| (code, r.label()))
        .collect(),
        _ => return None,
    };
    Some(pairs.into_iter().map(|(code, l)| (code, l.get(lang).to_owned())).collect())
}

/// A context attribute of the catalog (`urbanity`) in the reader's words.
pub fn context_key(key: &str) -> Localized {
    match key {
        "urbanity" => da_en("kommunegruppe", "urbanity"),
        "population_band" => da_en("indbyggertal", "population band"),
        "region" => da_en("region", "region"),
        other => da_en(other, other),
    }
}

/// A context value of the catalog (`rural`) in the reader's words.
pub fn context_value(value: &str) -> Localized {
    match value {
        "rural" => da_en("landkommune", "rural"),
        "urban" => da_en("bykommune", "urban"),
        "mixed" => da_en("mellemkommune", "mixed"),
        "remote" => da_en("yderkommune", "remote"),
        "small" => da_en("lille", "small"),
        "medium" => da_en("mellem", "medium"),
        "large" => da_en("stor", "large"),
        other => da_en(other, other),
    }
}

/// "Bemærk: Alle eksempler er fra by- eller blandede kommuner; kommunen er en landkommune"
/// (REPORT.md, "Ordliste"): the catalog's urbanity against the municipality's, in Danish.
pub fn urbanity_note<'a>(theirs: impl IntoIterator<Item = &'a &'a str>, mine: &str) -> String {
    let plural = |v: &str| match v {
        "urban" => "bykommuner".to_owned(),
        "mixed" => "blandede kommuner".to_owned(),
        "rural" => "landkommuner".to_owned(),
        "remote" => "yderkommuner".to_owned(),
        other => format!("kommuner af typen »{other}«"),
    };
    let kinds: Vec<String> = theirs.into_iter().map(|v| plural(v)).collect();
    let one = match mine {
        "urban" => "en bykommune".to_owned(),
        "mixed" => "en blandet kommune".to_owned(),
        "rural" => "en landkommune".to_owned(),
        "remote" => "en yderkommune".to_owned(),
        other => format!("af typen »{other}«"),
    };
    format!("Bemærk: Alle eksempler er fra {}; kommunen er {one}", kinds.join(" eller "))
}

/// "alignment" (the mission-fit figure) for readers.
pub fn alignment() -> Localized {
    da_en("bidrag til missionerne", "alignment")
}

/// A role group for readers: the model's plain label ("Medarbejdere"), else its label,
/// else the id; `other` is the merged small groups.
pub fn role(model: &Model, id: &str) -> Localized {
    if id == "other" {
        return da_en("Øvrige (små grupper samlet)", "Other (small groups merged)");
    }
    let mut label = model
        .roles()
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.label_plain.clone().unwrap_or_else(|| r.label.clone()))
        .unwrap_or_else(|| da_en(id, id));
    // The Ordliste: a council paper says "Byrådets medlemmer", not "Politikere".
    if let Some(da) = label.0.get_mut("da") {
        if da == "Politikere" {
            *da = "Byrådets medlemmer".to_owned();
        }
    }
    label
}

/// A dimension for council readers: the model's plain label ("Drift og udvikling på samme
/// tid"), else its label, else the id.
pub fn dimension(model: &Model, id: &str) -> Localized {
    model
        .dimensions()
        .iter()
        .find(|d| d.id == id)
        .map(|d| d.label_plain.clone().unwrap_or_else(|| d.label.clone()))
        .unwrap_or_else(|| da_en(id, id))
}

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

    #[test]
    fn recommendation_codes_are_the_json_names() {
        for (code, _) in labels("recommendation", Lang::Da).unwrap() {
            let r: Recommendation = serde_json::from_value(serde_json::Value::from(code)).unwrap();
            assert_eq!(serde_json::to_value(r).unwrap(), code);
        }
        assert!(labels("colours", Lang::Da).is_none());
    }

    #[test]
    fn every_stage_and_facet_has_a_danish_name_unlike_its_json_name() {
        for s in Stage::ALL {
            assert_ne!(s.label().get(Lang::Da), s.name(), "{s:?}");
            assert_eq!(Stage::from_name(s.name()), Some(s));
        }
        for f in Facet::ALL {
            assert_ne!(f.label().get(Lang::Da), f.name(), "{f:?}");
        }
    }
}
