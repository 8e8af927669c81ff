//! The reader's words for the catalog's values: how an ingredient transfers, and the context
//! attributes and values (`urbanity`, `rural`) in Danish and English (REPORT.md, "Ordliste").

use super::Transfer;
use crate::localized::Localized;

fn da_en(da: &str, en: &str) -> Localized {
    Localized::da_en(da, en)
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
