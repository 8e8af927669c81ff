//! Danish and English names of the categories a portfolio export counts by (REPORT.md,
//! "Ordliste"): stages, modes, facets and the economic recommendation.

use crate::localized::Lang;
use crate::mission::Recommendation;

/// The reader's name of a stage, mode or facet key of the analysis JSON; an unknown key
/// (a newer library's) is printed as it is.
pub(crate) fn category(key: &str, lang: Lang) -> String {
    let (da, en) = match key {
        "screening" => ("afdækning", "screening"),
        "maturing" => ("modning", "maturing"),
        "testing" => ("afprøvning", "testing"),
        "spreading" => ("udbredelse", "spreading"),
        "operations" => ("drift", "operations"),
        "closed" => ("afsluttet", "closed"),
        "exploit" => ("forbedring af driften", "exploit"),
        "explore" => ("forsøg", "explore"),
        "enhancement" => ("forbedring", "enhancement"),
        "mission_oriented" => ("missionsorienteret", "mission-oriented"),
        "adaptive" => ("tilpasning", "adaptive"),
        "anticipatory" => ("foregribende", "anticipatory"),
        other => (other, other),
    };
    lang.pick(da, en).to_owned()
}

/// The reader's name of an economic recommendation.
pub(crate) fn recommendation(r: Recommendation, lang: Lang) -> String {
    let (da, en) = match r {
        Recommendation::Spread => ("udbred", "spread"),
        Recommendation::Keep => ("fortsæt", "keep"),
        Recommendation::Reconsider => ("genovervej", "reconsider"),
        Recommendation::Close => ("vurdér afslutning", "close"),
        Recommendation::TooEarlyToJudge => ("for tidligt at vurdere", "too early to judge"),
    };
    lang.pick(da, en).to_owned()
}
