//! Balance of the active initiatives: explore/exploit, facets, stages and department
//! concentration (greb 6).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::alignment::Features;
use super::portfolio::{Facet, Initiative, Mode, Stage};
use crate::localized::Lang;

/// How the active initiatives spread over modes, facets and stages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Balance {
    /// Active (not closed) initiatives.
    pub active: usize,
    /// Active initiatives per mode (exploit, explore).
    pub modes: BTreeMap<String, usize>,
    /// Share of active initiatives that explore; null without active initiatives.
    pub explore_share: Option<f64>,
    /// Active initiatives per innovation facet.
    pub facets: BTreeMap<String, usize>,
    /// Active initiatives per stage.
    pub stages: BTreeMap<String, usize>,
    /// Share of active initiatives per department (an initiative of k departments gives 1/k to each).
    pub department_shares: BTreeMap<String, f64>,
    /// Herfindahl index of the department shares (1 = all in one department).
    pub herfindahl: Option<f64>,
    /// Imbalances found, in the analysis language.
    pub flags: Vec<String>,
}

/// Explore/exploit, facets, stages and department concentration of the active initiatives.
pub(super) fn balance(initiatives: &[Initiative], f: &Features, lang: Lang) -> Balance {
    let active: Vec<usize> = (0..initiatives.len()).filter(|&i| initiatives[i].stage != Stage::Closed).collect();
    let mut modes = BTreeMap::from([(Mode::Exploit.name().to_owned(), 0), (Mode::Explore.name().to_owned(), 0)]);
    let mut facets: BTreeMap<String, usize> = Facet::ALL.iter().map(|f| (f.name().to_owned(), 0)).collect();
    let mut stages: BTreeMap<String, usize> = Stage::ALL.iter().map(|s| (s.name().to_owned(), 0)).collect();
    // Units of active initiatives per interned department.
    let mut units: Vec<Option<f64>> = vec![None; f.departments.spellings.len()];
    for i in initiatives {
        *stages.get_mut(i.stage.name()).expect("every stage") += 1;
    }
    for i in &active {
        let x = &initiatives[*i];
        *modes.get_mut(x.mode.name()).expect("both modes") += 1;
        *facets.get_mut(x.facet.name()).expect("every facet") += 1;
        // Departments named alike ("Sundhed og Omsorg", "sundhed og omsorg") are one
        // (interned through `text::normalize`), shown in the first spelling met.
        let own = &f.inits[*i].departments;
        for &d in own {
            *units[d as usize].get_or_insert(0.0) += 1.0 / own.len() as f64;
        }
    }
    let deps: BTreeMap<String, f64> =
        units.into_iter().enumerate().filter_map(|(d, x)| x.map(|x| (f.departments.spellings[d].clone(), x))).collect();
    let total: f64 = deps.values().sum();
    let shares: BTreeMap<String, f64> = deps.into_iter().map(|(d, x)| (d, x / total)).collect();
    let herfindahl = (total > 0.0).then(|| shares.values().map(|s| s * s).sum());
    let n = active.len();
    let explore = modes[Mode::Explore.name()];
    let explore_share = (n > 0).then(|| explore as f64 / n as f64);
    let pilots = active.iter().filter(|&&i| initiatives[i].stage.is_pilot()).count();
    let spreading = active.iter().filter(|&&i| initiatives[i].stage == Stage::Spreading).count();
    let mut flags = Vec::new();
    if pilots >= 4 && spreading * 4 < pilots {
        flags.push(match lang {
            Lang::Da => {
                format!("mange piloter, intet spredes: {pilots} i afprøvning eller før, {spreading} i udbredelse")
            }
            Lang::En => format!("many pilots, nothing spreading: {pilots} in testing or before, {spreading} spreading"),
        });
    }
    if let Some(s) = explore_share {
        if n >= 5 && s < 0.15 {
            flags.push(
                lang.pick(
                    "næsten kun drift: under 15 % er eksperimenter",
                    "almost only exploitation: under 15 % are experiments",
                )
                .to_owned(),
            );
        } else if n >= 5 && s > 0.85 {
            flags.push(
                lang.pick(
                    "næsten kun eksperimenter: under 15 % forbedrer driften",
                    "almost only experiments: under 15 % improve operations",
                )
                .to_owned(),
            );
        }
    }
    if herfindahl.is_some_and(|h| h > 0.5) && shares.len() > 1 {
        flags.push(
            lang.pick(
                "porteføljen er koncentreret i én forvaltning",
                "the portfolio is concentrated in one department",
            )
            .to_owned(),
        );
    }
    let empty_facets: Vec<String> = facets.iter().filter(|(_, c)| **c == 0).map(|(f, _)| f.clone()).collect();
    if n >= 5 && !empty_facets.is_empty() {
        flags.push(format!(
            "{}: {}",
            lang.pick("innovationsfacetter uden indsats", "innovation facets without an initiative"),
            empty_facets.join(", ")
        ));
    }
    Balance { active: n, modes, explore_share, facets, stages, department_shares: shares, herfindahl, flags }
}
