//! A baseline on an earlier version of the model, compared like with like: both rounds are
//! scored again on the items the two versions carry over unchanged as questions
//! ([`carried_over`]: same dimension, wording, reverse key and filter), asked of the roles
//! both versions ask them of. A change of score is then not a change of questions; every
//! other item is named in `item_changes`.

use super::baseline::{BaselineComparison, compare};
use super::types::Assessment;
use super::{AssessError, AssessOptions, assess};
use crate::model::{Item, Model, carried_over, item_changes};
use crate::responses::Responses;

/// One round of a comparison: the model its answers were read for, the answers, and the
/// releases of that round already published (audited against, docs/disclosure.md).
#[derive(Debug, Clone, Copy)]
pub struct Round<'a> {
    /// The model the responses were read for.
    pub model: &'a Model,
    /// The round's responses.
    pub responses: &'a Responses,
    /// Assessments of this round already published (e.g. its full assessment).
    pub published: &'a [Assessment],
}

/// The comparison of `current` with a `baseline` round on another version of the same model,
/// on the carried-over items only. `carried_over` lists the items both rounds were scored
/// on; a dimension with fewer than two such items has no figure. `options` apply to both
/// rounds (their `audit_against` besides each round's `published`).
pub fn compare_carried_over(
    current: Round,
    baseline: Round,
    options: &AssessOptions,
) -> Result<BaselineComparison, AssessError> {
    if current.model.id() != baseline.model.id() {
        return Err(AssessError::Baseline {
            message: format!(
                "the baseline uses model `{}`, this assessment `{}`",
                baseline.model.id(),
                current.model.id()
            ),
        });
    }
    let common = common_model(baseline.model, current.model)?;
    let score = |round: Round| -> Result<Assessment, AssessError> {
        let mut o = options.clone();
        o.audit_against.extend(round.published.iter().cloned());
        assess(&common, &project(&common, round.model, round.responses)?, &o)
    };
    let mut c = compare(&score(current)?, &score(baseline)?)?;
    c.baseline_version = baseline.model.version().to_owned();
    if let Some(rounds) = c.rounds.as_mut() {
        rounds.baseline_version = c.baseline_version.clone();
    }
    c.carried_over = common.items().iter().map(|i| i.id.clone()).collect();
    c.item_changes = item_changes(baseline.model, current.model);
    Ok(c)
}

/// The newer model cut down to the carried-over items, each asked of the roles both
/// versions ask it of; dimensions left with fewer than two items are dropped (the model
/// rule), and with them their dependencies and the `judged_by` declarations.
pub(crate) fn common_model(old: &Model, new: &Model) -> Result<Model, AssessError> {
    let ids = carried_over(old, new);
    let mut def = new.def().clone();
    def.items = new
        .items()
        .iter()
        .filter(|i| ids.contains(&i.id))
        .filter_map(|i| {
            let before = &old.items()[old.item_index(&i.id)?];
            let roles = shared_roles(old, before, new, i);
            (!roles.is_empty()).then(|| Item { roles, ..i.clone() })
        })
        .collect();
    let kept = |d: &str, items: &[Item]| items.iter().filter(|i| i.dimension == d).count() >= 2;
    let dims: Vec<String> = def.dimensions.iter().filter(|d| kept(&d.id, &def.items)).map(|d| d.id.clone()).collect();
    def.items.retain(|i| dims.contains(&i.dimension));
    def.dimensions.retain(|d| dims.contains(&d.id));
    for d in &mut def.dimensions {
        d.depends_on.retain(|x| dims.contains(x));
        d.judged_by.clear();
    }
    let items = def.items.clone();
    def.filters.retain(|f| items.iter().any(|i| i.filter.as_deref() == Some(f.id.as_str())));
    def.validate().map_err(|e| AssessError::Baseline {
        message: format!(
            "the items {} {} and {} carry over do not make a model: {e}",
            new.id(),
            old.version(),
            new.version()
        ),
    })
}

/// Role ids (in the new model's order) asked the item in both versions.
fn shared_roles(old: &Model, before: &Item, new: &Model, after: &Item) -> Vec<String> {
    let asked = |m: &Model, item: &Item, role: &str| {
        (item.roles.is_empty() && m.role_index(role).is_some()) || item.roles.iter().any(|r| r == role)
    };
    new.roles().iter().map(|r| r.id.clone()).filter(|r| asked(new, after, r) && asked(old, before, r)).collect()
}

/// The responses of one round read again for the common model: the carried-over items'
/// answers of the roles still asked them, and the answers to their filter questions.
fn project(common: &Model, from: &Model, responses: &Responses) -> Result<Responses, AssessError> {
    responses.check_model(from).map_err(AssessError::ModelMismatch)?;
    let items: Vec<usize> = common.items().iter().filter_map(|i| from.item_index(&i.id)).collect();
    let filters: Vec<usize> = common.filters().iter().filter_map(|f| from.filter_index(&f.id)).collect();
    let mut out = Responses::new(common);
    for r in 0..responses.len() {
        let role = &from.roles()[responses.role(r)].id;
        let Some(cr) = common.role_index(role) else { continue };
        let mut answers = Vec::new();
        for (j, &i) in items.iter().enumerate() {
            if let (true, Ok(Some(v))) = (common.is_asked(cr, j), responses.value(r, i)) {
                answers.push((j, v));
            }
        }
        out.push(common, r + 1, responses.id_at(r), role, answers).map_err(AssessError::ModelMismatch)?;
        let cells: Vec<(usize, &str)> = filters
            .iter()
            .enumerate()
            .filter_map(|(g, &f)| Some((g, responses.filter_answer(r, f)?.name())))
            .filter(|&(g, _)| common.is_filter_asked(cr, g))
            .collect();
        out.set_filters(common, r + 1, &cells).map_err(AssessError::ModelMismatch)?;
    }
    Ok(out)
}
