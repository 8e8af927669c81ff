//! XLSForm: the spreadsheet form standard read by KoboToolbox, ODK, ArcGIS Survey123 and
//! Enketo. The role question comes first, then the department question (when the options
//! name departments), then each role's introduction (a `note`); each
//! item is a `select_one likert` shown only to the roles it is asked of (`relevant`), with
//! "Ved ikke" as the choice `dk`, which the response reader takes as a missing answer. A
//! filter question (`select_one janej`: ja, nej, dk) comes just before the first item behind
//! it, and those items are shown only after "ja" (`${filter} = 'ja'`): the skip logic the
//! response reader honours.

use crate::localized::Lang;
use crate::model::Model;

use super::department::{self, DEPARTMENT_FIELD, DEPARTMENT_LIST};
use super::list::missing_label;
use super::workbook::Sheet;
use super::{QuestionnaireError, QuestionnaireOptions, anonymity_promise, items_for};

/// The XLSForm language names, as `label::<name>` columns and `default_language`.
pub const LANGUAGES: [(Lang, &str); 2] = [(Lang::Da, "Dansk (da)"), (Lang::En, "English (en)")];
/// The name of the role question: the column the response reader takes the role from.
pub const ROLE_FIELD: &str = "role";
/// The choice name of "don't know".
pub const DONT_KNOW: &str = "dk";
const ROLE_LIST: &str = "roles";
const SCALE_LIST: &str = "likert";
/// The choice list of filter questions: `ja`, `nej`, `dk`.
const FILTER_LIST: &str = "janej";

/// The three sheets of an XLSForm, each a header row and data rows of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsForm {
    /// The `survey` sheet.
    pub survey: Vec<Vec<String>>,
    /// The `choices` sheet.
    pub choices: Vec<Vec<String>>,
    /// The `settings` sheet.
    pub settings: Vec<Vec<String>>,
}

impl XlsForm {
    pub(crate) fn sheets(self) -> Vec<Sheet> {
        vec![("survey", self.survey), ("choices", self.choices), ("settings", self.settings)]
    }
}

/// Builds the XLSForm for `roles` (indices into the model's roles).
pub fn xlsform(model: &Model, roles: &[usize], options: &QuestionnaireOptions) -> Result<XlsForm, QuestionnaireError> {
    check_names(model, roles)?;
    let departments = department::check(model, &options.departments)?;
    let options = &QuestionnaireOptions { departments, ..options.clone() };
    Ok(XlsForm {
        survey: survey(model, roles, options),
        choices: choices(model, roles, &options.departments),
        settings: settings(model, options),
    })
}

fn label_columns(prefix: &str) -> impl Iterator<Item = String> + '_ {
    LANGUAGES.iter().map(move |(_, name)| format!("{prefix}::{name}"))
}

fn in_both(text: impl Fn(Lang) -> String) -> impl Iterator<Item = String> {
    LANGUAGES.iter().map(move |(lang, _)| text(*lang))
}

fn survey(model: &Model, roles: &[usize], options: &QuestionnaireOptions) -> Vec<Vec<String>> {
    let mut header = vec!["type".to_owned(), "name".to_owned()];
    header.extend(label_columns("label"));
    header.extend(label_columns("hint"));
    header.extend(["required".to_owned(), "relevant".to_owned()]);
    let mut rows = vec![header];

    let mut role_row = vec![format!("select_one {ROLE_LIST}"), ROLE_FIELD.to_owned()];
    role_row.extend(in_both(|lang| lang.pick("Hvad er din rolle?", "What is your role?").to_owned()));
    role_row.extend(in_both(|lang| anonymity_promise(options.min_group_size, lang)));
    role_row.extend(["yes".to_owned(), String::new()]);
    rows.push(role_row);
    if !options.departments.is_empty() && roles.iter().any(|&r| department::is_asked(model, r)) {
        let mut row = vec![format!("select_one {DEPARTMENT_LIST}"), DEPARTMENT_FIELD.to_owned()];
        row.extend(in_both(|lang| department::question(lang).to_owned()));
        row.extend(in_both(|lang| department::hint(lang).to_owned()));
        row.extend([String::new(), role_relevant(model, roles, |r| department::is_asked(model, r))]);
        rows.push(row);
    }

    for &r in roles {
        let Some(intro) = &model.roles()[r].intro else { continue };
        let mut row = vec!["note".to_owned(), format!("intro_{}", model.roles()[r].id)];
        row.extend(in_both(|lang| intro.get(lang).to_owned()));
        row.extend(in_both(|_| String::new()));
        let only = if roles.len() == 1 { String::new() } else { selected_role(model, r) };
        row.extend([String::new(), only]);
        rows.push(row);
    }
    let items = items_for(model, roles);
    let mut filters_done = vec![false; model.filters().len()];
    for i in items {
        let item = &model.items()[i];
        // A filter question comes just before the first item behind it.
        if let Some(f) = model.item_filter(i).filter(|&f| !filters_done[f]) {
            filters_done[f] = true;
            let filter = &model.filters()[f];
            let mut row = vec![format!("select_one {FILTER_LIST}"), filter.id.clone()];
            row.extend(in_both(|lang| filter.text.get(lang).to_owned()));
            row.extend(in_both(|_| String::new()));
            row.extend(["yes".to_owned(), role_relevant(model, roles, |r| model.is_filter_asked(r, f))]);
            rows.push(row);
        }
        let mut row = vec![format!("select_one {SCALE_LIST}"), item.id.clone()];
        row.extend(in_both(|lang| item.text.get(lang).to_owned()));
        row.extend(in_both(|_| String::new()));
        row.extend([String::new(), relevant(model, roles, i)]);
        rows.push(row);
    }
    rows
}

fn selected_role(model: &Model, r: usize) -> String {
    format!("selected(${{{ROLE_FIELD}}}, '{}')", model.roles()[r].id)
}

/// `selected(${role}, 'a') or …` over the selected roles `asked` takes; empty when it takes
/// every selected role.
fn role_relevant(model: &Model, roles: &[usize], asked: impl Fn(usize) -> bool) -> String {
    let asked: Vec<usize> = roles.iter().copied().filter(|&r| asked(r)).collect();
    if asked.len() == roles.len() {
        return String::new();
    }
    asked.iter().map(|&r| selected_role(model, r)).collect::<Vec<_>>().join(" or ")
}

/// When item `item` is shown: to the selected roles it is asked of, and only after its
/// filter was answered "ja" (skip logic); empty when it is always shown.
fn relevant(model: &Model, roles: &[usize], item: usize) -> String {
    let by_role = role_relevant(model, roles, |r| model.is_asked(r, item));
    match model.item_filter(item) {
        None => by_role,
        Some(f) => {
            let filter = format!("${{{}}} = 'ja'", model.filters()[f].id);
            if by_role.is_empty() { filter } else { format!("({by_role}) and {filter}") }
        }
    }
}

fn choices(model: &Model, roles: &[usize], departments: &[String]) -> Vec<Vec<String>> {
    let mut header = vec!["list_name".to_owned(), "name".to_owned()];
    header.extend(label_columns("label"));
    let mut rows = vec![header];
    let scale = model.scale();
    for v in scale.min..=scale.max {
        let mut row = vec![SCALE_LIST.to_owned(), v.to_string()];
        row.extend(in_both(|lang| match scale.labels.get(&v.to_string()) {
            Some(label) => format!("{v} – {}", label.get(lang)),
            None => v.to_string(),
        }));
        rows.push(row);
    }
    let mut dk = vec![SCALE_LIST.to_owned(), DONT_KNOW.to_owned()];
    dk.extend(in_both(|lang| missing_label(model, lang).to_owned()));
    rows.push(dk);
    if !model.filters().is_empty() {
        for (name, da, en) in [("ja", "Ja", "Yes"), ("nej", "Nej", "No"), (DONT_KNOW, "", "")] {
            let mut row = vec![FILTER_LIST.to_owned(), name.to_owned()];
            row.extend(in_both(|lang| {
                if name == DONT_KNOW { missing_label(model, lang) } else { lang.pick(da, en) }.to_owned()
            }));
            rows.push(row);
        }
    }
    for &r in roles {
        let role = &model.roles()[r];
        let mut row = vec![ROLE_LIST.to_owned(), role.id.clone()];
        row.extend(in_both(|lang| role.label.get(lang).to_owned()));
        rows.push(row);
    }
    // The choice name is the unit's name: the export holds what the reader breaks down by.
    for name in departments {
        let mut row = vec![DEPARTMENT_LIST.to_owned(), name.clone()];
        row.extend(in_both(|_| name.clone()));
        rows.push(row);
    }
    rows
}

fn settings(model: &Model, options: &QuestionnaireOptions) -> Vec<Vec<String>> {
    let default_language =
        LANGUAGES.iter().find(|(lang, _)| *lang == options.lang).map_or(LANGUAGES[0].1, |(_, name)| name);
    let title = model.title(options.lang);
    vec![
        vec!["form_title".into(), "form_id".into(), "version".into(), "default_language".into()],
        vec![title, model.id().to_owned(), model.version().to_owned(), default_language.to_owned()],
    ]
}

/// Item ids become XML element names and role ids quoted choice names in `relevant`:
/// refuse what a survey tool would reject, naming the id.
fn check_names(model: &Model, roles: &[usize]) -> Result<(), QuestionnaireError> {
    let filters = model.filters().iter().map(|f| &f.id);
    for id in items_for(model, roles).into_iter().map(|i| &model.items()[i].id).chain(filters) {
        let reason = if id == ROLE_FIELD {
            Some("it is the name of the role question")
        } else if !id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
            Some("a field name must start with a letter or `_`")
        } else if !id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')) {
            Some("a field name may hold only letters, digits, `_`, `-` and `.`")
        } else {
            None
        };
        if let Some(reason) = reason {
            return Err(QuestionnaireError::InvalidName { what: "item id", name: id.clone(), reason });
        }
    }
    for &r in roles {
        let id = &model.roles()[r].id;
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')) {
            return Err(QuestionnaireError::InvalidName {
                what: "role id",
                name: id.clone(),
                reason: "a choice name may hold only letters, digits, `_`, `-` and `.`",
            });
        }
    }
    Ok(())
}
