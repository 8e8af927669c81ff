//! The model definition as its JSON has it: scale, roles, levels, dimensions, items,
//! filters and levers (docs/schema/model.json). `Model` (mod.rs) validates it and adds the
//! lookups.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::localized::Localized;

/// The answer scale: integers `min..=max`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Lowest answer.
    pub min: i64,
    /// Highest answer.
    pub max: i64,
    /// Answer labels keyed by the answer as a string, per language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, Localized>,
    /// Label of the "don't know" answer, per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<Localized>,
}

/// A respondent role (politician, top manager, …): the perspective an answer is given from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Role id, as in the survey's `role` column.
    pub id: String,
    /// Name of the role per language.
    pub label: Localized,
    /// A plain label for council reports, beside the questionnaire's term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_plain: Option<Localized>,
    /// What the role can see ([`Referent`]s): an item about anything else is not routed to
    /// it. Empty: not declared, no routing check.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observes: Vec<Referent>,
    /// The questionnaire's introduction for this role: who is asked, why, what "kommunen"
    /// means for them, anonymity and the time it takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Localized>,
}

/// What an item is about, so that it is asked only of roles that can see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Referent {
    /// The municipality as a whole ("I vores kommune …").
    Municipality,
    /// The respondent's own workplace or unit ("På min arbejdsplads …").
    Workplace,
    /// The respondent's own immediate manager ("Min nærmeste leder …").
    OwnLeader,
    /// The respondent's own work or, for a manager, their own leadership.
    OwnWork,
    /// The city council and its work ("I byrådet/kommunalbestyrelsen …").
    Council,
    /// The cooperation between the respondent's organisation and the municipality.
    Partnership,
}

impl Referent {
    /// Whether every respondent of one municipality sees the same thing: the municipality,
    /// the council, the partnership. A workplace, a leader or one's own work differ from
    /// respondent to respondent, so two roles' answers about them are not comparable.
    pub fn is_shared(self) -> bool {
        matches!(self, Referent::Municipality | Referent::Council | Referent::Partnership)
    }

    /// The id as in the model file.
    pub fn id(self) -> &'static str {
        match self {
            Referent::Municipality => "municipality",
            Referent::Workplace => "workplace",
            Referent::OwnLeader => "own_leader",
            Referent::OwnWork => "own_work",
            Referent::Council => "council",
            Referent::Partnership => "partnership",
        }
    }
}

/// A filter question (ja / nej / ved ikke) that decides whether the items behind it are
/// asked: an item behind a filter not answered "ja" is *not asked* (skipped), not missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    /// Filter id: the column name in wide survey files; must differ from every item id.
    pub id: String,
    /// Question text per language.
    pub text: Localized,
    /// Role ids the filter is asked of; empty means every role. An item behind the filter
    /// may only be routed to these roles.
    #[serde(default)]
    pub roles: Vec<String>,
    /// What the filter asks about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referent: Option<Referent>,
    /// Where the filter comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Notes for a cognitive interview about one item (the `pilot-guide`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PilotNotes {
    /// What the item is meant to find out, per language.
    pub intent: Localized,
    /// What a respondent who misunderstood it would say, per language.
    pub misreading: Localized,
}

/// A maturity level, 1 = driftskommune … 5 = transformative municipality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Level number, 1 = lowest.
    pub level: i64,
    /// Name of the level, per language.
    pub label: Localized,
    /// What the level means, per language.
    pub description: Localized,
    /// Where the text comes from: a short quote from the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A dimension of maturity, measured by its items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Dimension id (D1, D2, …).
    pub id: String,
    /// Name of the dimension, per language.
    pub label: Localized,
    /// A plain label for council reports, beside the article's term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_plain: Option<Localized>,
    /// What the dimension covers, per language.
    pub description: Localized,
    /// Anchor text per level, keyed by the level number as a string ("1".."5").
    pub level_descriptions: BTreeMap<String, Localized>,
    /// Lever ids recommended when this dimension lags.
    pub levers: Vec<String>,
    /// Roles that can judge the dimension and are asked it (each ≥ 2 items). Empty: not
    /// declared, the roles asked its items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub judged_by: Vec<String>,
    /// Weight of the dimension's gap when recommendations are ranked (default 1).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: f64,
    /// Dimensions whose levers come first (DSOMM's `dependsOn`): recommendations and plans
    /// never put this dimension before them. Validated: known ids, no cycles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
    /// Why the dependencies hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depends_note: Option<Localized>,
    /// Where the text comes from: a short quote from the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn one() -> f64 {
    1.0
}
fn is_one(w: &f64) -> bool {
    *w == 1.0
}

/// A survey item (question), answered on the model's scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Item id (D1_1, …): the column name in wide survey files.
    pub id: String,
    /// Id of the dimension the item measures.
    pub dimension: String,
    /// Question text per language.
    pub text: Localized,
    /// Reverse-coded: the answer is mirrored on the scale before scoring.
    #[serde(default)]
    pub reverse: bool,
    /// Role ids this item is asked of; empty means every role.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Where the item comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// What the item is about; routed only to roles that observe it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referent: Option<Referent>,
    /// Id of the filter question that must be answered "ja" for the item to be asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    /// Whether two roles' answers are about the same thing, so a perception gap may use it.
    /// Default: true for a shared referent (municipality, council, partnership) without a
    /// filter, false for a personal one or behind a filter; true without a referent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparable: Option<bool>,
    /// Notes for the cognitive interview of a pilot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pilot: Option<PilotNotes>,
}

/// A lever (greb) from the article: what to do when a dimension lags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lever {
    /// Lever id, referred to by dimensions.
    pub id: String,
    /// Short name per language.
    pub label: Localized,
    /// What to do, per language.
    pub text: Localized,
    /// Where the lever comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The model definition exactly as its JSON schema has it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelDef {
    /// Model id (e.g. `dtm`); assessments and responses name it.
    pub id: String,
    /// Model version; a baseline compares across versions of one id.
    pub version: String,
    /// Name of the model per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Localized>,
    /// Where the model comes from (article, report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The questionnaire's title, neutral so that it does not lead the answers; default the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Localized>,
    /// Language codes every text is given in.
    pub languages: Vec<String>,
    /// The answer scale.
    pub scale: Scale,
    /// Respondent roles.
    pub roles: Vec<Role>,
    /// Maturity levels, lowest first.
    pub levels: Vec<Level>,
    /// Dimensions of maturity.
    pub dimensions: Vec<Dimension>,
    /// Questionnaire items.
    pub items: Vec<Item>,
    /// Filter questions (ja / nej / ved ikke) items may depend on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<Filter>,
    /// Levers recommended for lagging dimensions.
    pub levers: Vec<Lever>,
}
