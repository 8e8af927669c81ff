//! Assessment warnings as values: a kind, the figures, and the text in both languages, so
//! each face renders them in the reader's language and programs can act on the kind.

use serde::{Deserialize, Deserializer, Serialize};

use crate::localized::{Lang, Localized};

/// What a warning is about (a code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// Respondents in role groups below k left out of every figure.
    ExcludedForAnonymity,
    /// No role group has k scored respondents on a dimension.
    NoScore,
    /// Cronbach's alpha below 0.7.
    LowAlpha,
    /// Alpha could not be computed or may not be published.
    AlphaNotComputed,
    /// k below 5, allowed explicitly.
    SmallGroupsAllowed,
    /// A warning read from an assessment written before warnings had kinds.
    Legacy,
    /// The groups' "ved ikke" rates on a dimension differ by more than
    /// `DONT_KNOW_DIFFERENCE` (value = the largest difference).
    DontKnowDiffers,
    /// ICC(1) or ICC(2) is negative (value = the smaller): neither is published.
    IccWithheld,
    /// The first priority differs between the common-perspective, balanced and pooled scores.
    PriorityDependsOnWeighting,
    /// A reverse-coded item's item-rest correlation is negative (value = r; `item` names it).
    ReverseItemNegative,
    /// The pairwise covariance matrix is not positive definite (value = smallest eigenvalue).
    NotPositiveDefinite,
}

/// Something a reader of the assessment must know (small groups, low reliability, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Warning {
    /// What the warning is about (a code).
    pub kind: WarningKind,
    /// Dimension id, for a dimension's warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// The figure concerned (e.g. alpha).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The count concerned (respondents, k).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// Item id, for an item's warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The text per language.
    pub message: Localized,
}

impl Warning {
    /// The warning's text in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        self.message.get(lang)
    }

    pub(crate) fn excluded(count: usize, k: usize) -> Self {
        Warning {
            kind: WarningKind::ExcludedForAnonymity,
            dimension: None,
            value: None,
            count: Some(count),
            item: None,
            message: Localized::da_en(
                &format!(
                    "{count} svarpersoner i rollegrupper under {k} er udeladt af alle tal af hensyn til anonymiteten"
                ),
                &format!(
                    "{count} respondent(s) in role groups below {k} were left out of every figure to protect anonymity"
                ),
            ),
        }
    }

    pub(crate) fn no_score(dimension: &str, k: usize) -> Self {
        Warning {
            kind: WarningKind::NoScore,
            dimension: Some(dimension.to_owned()),
            value: None,
            count: Some(k),
            item: None,
            message: Localized::da_en(
                &format!("dimension {dimension}: ingen rollegruppe har {k} eller flere besvarelser; ingen score vises"),
                &format!(
                    "dimension {dimension}: no role group has {k} or more scored respondents; no score is reported"
                ),
            ),
        }
    }

    pub(crate) fn low_alpha(dimension: &str, alpha: f64) -> Self {
        let da_alpha = format!("{alpha:.2}").replace('.', ",");
        Warning {
            kind: WarningKind::LowAlpha,
            dimension: Some(dimension.to_owned()),
            value: Some(alpha),
            count: None,
            item: None,
            message: Localized::da_en(
                &format!("dimension {dimension}: Cronbachs alfa {da_alpha} er under 0,7"),
                &format!("dimension {dimension}: Cronbach's alpha {alpha:.2} is below 0.7"),
            ),
        }
    }

    pub(crate) fn alpha_not_computed(dimension: &str, pair_n: Option<usize>, needed: usize) -> Self {
        let n = pair_n.unwrap_or(0);
        // A pair without common respondents happens where a model routes a dimension's items
        // to different roles (dtm 2027.1): say so instead of "at least 0 respondents".
        let message = if n == 0 {
            Localized::da_en(
                &format!(
                    "dimension {dimension}: Cronbachs alfa er ikke beregnet (mindst ét par af spørgsmålene har ingen fælles svarpersoner, typisk fordi de stilles til forskellige roller; hver rolles egen alfa på de spørgsmål, den får, står ved rollen, hvor den kan beregnes)"
                ),
                &format!(
                    "dimension {dimension}: Cronbach's alpha not computed (at least one pair of its items has no respondent in common, typically because they are asked of different roles; each role's own alpha on the items it is asked is given with the role where it can be computed)"
                ),
            )
        } else {
            Localized::da_en(
                &format!(
                    "dimension {dimension}: Cronbachs alfa er ikke beregnet (mindst {n} svarpersoner besvarede hvert par af spørgsmål; der kræves {needed}, og spredningen skal kunne vises)"
                ),
                &format!(
                    "dimension {dimension}: Cronbach's alpha not computed ({n} respondent(s) answered both items of the thinnest item pair; {needed} are needed, and dispersion must be publishable)"
                ),
            )
        };
        Warning {
            kind: WarningKind::AlphaNotComputed,
            dimension: Some(dimension.to_owned()),
            value: None,
            count: pair_n,
            item: None,
            message,
        }
    }

    pub(crate) fn small_groups(k: usize) -> Self {
        Warning {
            kind: WarningKind::SmallGroupsAllowed,
            dimension: None,
            value: None,
            count: Some(k),
            item: None,
            message: Localized::da_en(
                &format!("mindste gruppestørrelse {k} er under standarden 5 og er tilladt udtrykkeligt"),
                &format!("minimum group size {k} is below the default 5 and was allowed explicitly"),
            ),
        }
    }
}

impl Warning {
    pub(crate) fn dont_know_differs(dimension: &str, difference: f64) -> Self {
        let pp = (difference * 100.0).round();
        Warning {
            kind: WarningKind::DontKnowDiffers,
            dimension: Some(dimension.to_owned()),
            value: Some(difference),
            count: None,
            item: None,
            message: Localized::da_en(
                &format!(
                    "dimension {dimension}: andelen af \"ved ikke\" er {pp} procentpoint forskellig mellem grupperne; forskelle mellem grupperne kan skyldes, hvem der ikke svarede"
                ),
                &format!(
                    "dimension {dimension}: the groups' \"don't know\" rates differ by {pp} percentage points; differences between the groups may come from who did not answer"
                ),
            ),
        }
    }

    pub(crate) fn icc_withheld(dimension: &str, icc: f64) -> Self {
        let da = format!("{icc:.2}").replace('.', ",").replace('-', "−");
        Warning {
            kind: WarningKind::IccWithheld,
            dimension: Some(dimension.to_owned()),
            value: Some(icc),
            count: None,
            item: None,
            message: Localized::da_en(
                &format!(
                    "dimension {dimension}: ICC vises ikke, fordi den er negativ ({da}): grupperne adskiller sig mindre end tilfældigt, så ICC siger intet om grundlaget for at lægge dem sammen"
                ),
                &format!(
                    "dimension {dimension}: ICC not shown because it is negative ({icc:.2}): the groups differ less than chance would make them, so ICC says nothing about aggregating them"
                ),
            ),
        }
    }

    pub(crate) fn priority_depends_on_weighting(first: [&str; 3]) -> Self {
        let [c, b, p] = first;
        Warning {
            kind: WarningKind::PriorityDependsOnWeighting,
            dimension: Some(c.to_owned()),
            value: None,
            count: None,
            item: None,
            message: Localized::da_en(
                &format!(
                    "første prioritet afhænger af vægtningen: {c} med rollerne, der spørges om alle dimensioner, {b} med balanceret vægtning, {p} med samlet vægtning"
                ),
                &format!(
                    "the first priority depends on the weighting: {c} on the roles asked every dimension, {b} balanced, {p} pooled"
                ),
            ),
        }
    }
}

impl Warning {
    pub(crate) fn reverse_item_negative(dimension: &str, item: &str, r: f64) -> Self {
        let da = format!("{r:.2}").replace('.', ",").replace('-', "−");
        Warning {
            kind: WarningKind::ReverseItemNegative,
            dimension: Some(dimension.to_owned()),
            value: Some(r),
            count: None,
            item: Some(item.to_owned()),
            message: Localized::da_en(
                &format!(
                    "dimension {dimension}: det omvendte spørgsmål {item} hænger negativt sammen med de øvrige ({da}); svarpersonerne har måske ikke læst det som omvendt"
                ),
                &format!(
                    "dimension {dimension}: the reverse-coded item {item} correlates negatively with the rest ({r:.2}); respondents may not have read it as reversed"
                ),
            ),
        }
    }

    pub(crate) fn not_positive_definite(dimension: &str, smallest: f64) -> Self {
        Warning {
            kind: WarningKind::NotPositiveDefinite,
            dimension: Some(dimension.to_owned()),
            value: Some(smallest),
            count: None,
            item: None,
            message: Localized::da_en(
                &format!(
                    "dimension {dimension}: de parvise kovarianser passer ikke sammen (matricen er ikke positiv definit), fordi forskellige svarpersoner besvarede forskellige spørgsmål; alfa kan vildlede"
                ),
                &format!(
                    "dimension {dimension}: the pairwise covariances do not fit together (the matrix is not positive definite) because different respondents answered different items; alpha may mislead"
                ),
            ),
        }
    }
}

/// Reads warnings of either contract version: objects (version 2) or plain English strings
/// (version 1, kept as `legacy`).
pub(crate) fn read_warnings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Warning>, D::Error> {
    #[derive(Deserialize, schemars::JsonSchema)]
    #[serde(untagged)]
    enum Either {
        Structured(Warning),
        Text(String),
    }
    let items = Vec::<Either>::deserialize(d)?;
    Ok(items
        .into_iter()
        .map(|w| match w {
            Either::Structured(w) => w,
            Either::Text(t) => Warning {
                kind: WarningKind::Legacy,
                dimension: None,
                value: None,
                count: None,
                item: None,
                message: Localized::da_en(&t, &t),
            },
        })
        .collect())
}
