//! The reader's names of the portfolio's values ("udbredelse" for `spreading`), next to the
//! types (REPORT.md, "Ordliste"): a Danish reader never meets a JSON code.

use super::{CitizenValue, Facet, Mode, Recommendation, Stage};
use crate::localized::{Lang, Localized};

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

/// Code → the reader's label for the values of one kind (`stages`, `facets`, `modes`,
/// `recommendation`), as the JSON and the frames spell the codes; `None` for another kind.
pub fn code_labels(kind: &str, lang: Lang) -> Option<Vec<(&'static str, String)>> {
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

/// "alignment" (the mission-fit figure) for readers.
pub fn alignment() -> Localized {
    da_en("bidrag til missionerne", "alignment")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recommendation_codes_are_the_json_names() {
        for (code, _) in code_labels("recommendation", Lang::Da).unwrap() {
            let r: Recommendation = serde_json::from_value(serde_json::Value::from(code)).unwrap();
            assert_eq!(serde_json::to_value(r).unwrap(), code);
        }
        assert!(code_labels("colours", Lang::Da).is_none());
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
