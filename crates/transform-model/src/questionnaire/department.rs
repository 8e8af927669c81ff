//! The department question: which of the municipality's units the respondent works in, so
//! that results can be broken down by unit. Its field is named like the response reader's
//! department column, and its answers are the units' names, so an export is read back
//! without renaming anything.

use crate::localized::Lang;
use crate::model::{Model, OTHER_GROUP, Referent};
use crate::text::normalize;

use super::QuestionnaireError;

/// The department question's field name: the column a survey tool's export holds it in, and
/// the column the response reader takes the department from.
pub const DEPARTMENT_FIELD: &str = "department";
/// The choice list of the department question.
pub(crate) const DEPARTMENT_LIST: &str = "departments";

/// The question, in `lang`.
pub(crate) fn question(lang: Lang) -> &'static str {
    lang.pick("Hvilken enhed eller forvaltning arbejder du i?", "Which unit or department do you work in?")
}

/// The hint: a blank answer is allowed (counted in every total, shown as "uden enhed").
pub(crate) fn hint(lang: Lang) -> &'static str {
    lang.pick(
        "Vælg den enhed, du hører til. Resultater pr. enhed vises kun for enheder med mange nok svar.",
        "Choose the unit you belong to. Results per unit are shown only for units with enough answers.",
    )
}

/// Whether role `role` is asked the department question: a role that observes a workplace
/// of its own (staff and managers, not politicians or external partners). A model that
/// declares no role's `observes` asks every role.
pub(crate) fn is_asked(model: &Model, role: usize) -> bool {
    let declared = model.roles().iter().any(|r| !r.observes.is_empty());
    !declared || model.roles()[role].observes.contains(&Referent::Workplace)
}

/// The departments, trimmed, checked: none empty, none twice, none named like a role (a
/// breakdown would read it as the role).
pub(crate) fn check(model: &Model, departments: &[String]) -> Result<Vec<String>, QuestionnaireError> {
    let mut seen: Vec<String> = Vec::with_capacity(departments.len());
    for name in departments {
        let name = name.trim();
        let invalid = |reason: String| QuestionnaireError::InvalidDepartment { name: name.to_owned(), reason };
        if name.is_empty() {
            return Err(invalid("a department needs a name".into()));
        }
        let key = normalize(name);
        if seen.iter().any(|s| normalize(s) == key) {
            return Err(invalid("it is listed twice".into()));
        }
        let roles = model.roles().iter().map(|r| r.id.as_str()).chain([OTHER_GROUP]);
        if let Some(role) = roles.into_iter().find(|id| normalize(id) == key) {
            return Err(invalid(format!("it reads like role `{role}`")));
        }
        seen.push(name.to_owned());
    }
    Ok(seen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_is_the_readers_department_column() {
        assert_eq!(DEPARTMENT_FIELD, crate::responses::DEFAULT_UNIT_COLUMNS[0]);
    }

    #[test]
    fn departments_are_checked_by_name() {
        let model = Model::bundled("dtm@2027.1").unwrap();
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(check(&model, &names(&[" Børn og Unge ", "Teknik"])).unwrap(), names(&["Børn og Unge", "Teknik"]));
        for (bad, why) in [(&["A", " "][..], "name"), (&["Teknik", "teknik"], "twice"), (&["Frontline"], "frontline")] {
            let e = check(&model, &names(bad)).unwrap_err();
            assert!(e.to_string().contains(why), "{e}");
        }
    }

    #[test]
    fn only_roles_with_a_workplace_are_asked() {
        let model = Model::bundled("dtm@2027.1").unwrap();
        let asked: Vec<&str> =
            (0..model.roles().len()).filter(|&r| is_asked(&model, r)).map(|r| model.roles()[r].id.as_str()).collect();
        assert_eq!(asked, ["top_manager", "middle_manager", "frontline"]);
        let old = Model::bundled("dtm@2026.2").unwrap();
        assert!((0..old.roles().len()).all(|r| is_asked(&old, r)));
    }
}
