//! The plain question list, for survey tools that import one: item id, dimension, the roles
//! asked, the text in Danish and English, the answer scale, and the filter an item depends
//! on (`F_missions = ja`: ask the item only after "ja"). A filter question is a row of its
//! own, just before its first item, with the scale ja; nej; ved ikke; the department question
//! (when the options name departments) comes first, its units as its scale. The reverse key is left out:
//! it is scoring information, not something a respondent should see.

use crate::localized::Lang;
use crate::model::Model;

use super::department::{self, DEPARTMENT_FIELD};
use super::{QuestionnaireOptions, items_for};

/// The list's columns.
pub const LIST_COLUMNS: [&str; 7] = ["item", "dimension", "roles", "text_da", "text_en", "scale", "filter"];

/// Header and one row per item asked of any of `roles`; `roles` in a row are the selected
/// roles the item is asked of, separated by spaces (as XLSForm separates choice names).
pub fn list_rows(model: &Model, roles: &[usize], options: &QuestionnaireOptions) -> Vec<Vec<String>> {
    let lang = options.lang;
    let scale = scale_text(model, lang);
    let mut rows = vec![LIST_COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
    let asked: Vec<&str> =
        roles.iter().filter(|&&r| department::is_asked(model, r)).map(|&r| model.roles()[r].id.as_str()).collect();
    if !options.departments.is_empty() && !asked.is_empty() {
        rows.push(vec![
            DEPARTMENT_FIELD.to_owned(),
            String::new(),
            asked.join(" "),
            department::question(Lang::Da).to_owned(),
            department::question(Lang::En).to_owned(),
            options.departments.join("; "),
            String::new(),
        ]);
    }
    let mut filters_done = vec![false; model.filters().len()];
    for i in items_for(model, roles) {
        let item = &model.items()[i];
        if let Some(f) = model.item_filter(i).filter(|&f| !filters_done[f]) {
            filters_done[f] = true;
            let filter = &model.filters()[f];
            let asked: Vec<&str> =
                roles.iter().filter(|&&r| model.is_filter_asked(r, f)).map(|&r| model.roles()[r].id.as_str()).collect();
            let yes_no =
                format!("{}; {}; {}", lang.pick("Ja", "Yes"), lang.pick("Nej", "No"), missing_label(model, lang));
            rows.push(vec![
                filter.id.clone(),
                String::new(),
                asked.join(" "),
                filter.text.get(Lang::Da).to_owned(),
                filter.text.get(Lang::En).to_owned(),
                yes_no,
                String::new(),
            ]);
        }
        let asked: Vec<&str> =
            roles.iter().filter(|&&r| model.is_asked(r, i)).map(|&r| model.roles()[r].id.as_str()).collect();
        rows.push(vec![
            item.id.clone(),
            item.dimension.clone(),
            asked.join(" "),
            item.text.get(Lang::Da).to_owned(),
            item.text.get(Lang::En).to_owned(),
            scale.clone(),
            model.item_filter(i).map_or(String::new(), |f| format!("{} = ja", model.filters()[f].id)),
        ]);
    }
    rows
}

/// The list as CSV (comma-separated, UTF-8, quoted where needed).
pub fn list_csv(model: &Model, roles: &[usize], options: &QuestionnaireOptions) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in list_rows(model, roles, options) {
        writer.write_record(&row).expect("writing to memory cannot fail");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory cannot fail")).expect("the cells are UTF-8")
}

/// `1 = Helt uenig; …; 5 = Helt enig; Ved ikke`: the scale as a respondent sees it.
pub(crate) fn scale_text(model: &Model, lang: Lang) -> String {
    let scale = model.scale();
    let mut parts: Vec<String> = (scale.min..=scale.max)
        .map(|v| match scale.labels.get(&v.to_string()) {
            Some(label) => format!("{v} = {}", label.get(lang)),
            None => v.to_string(),
        })
        .collect();
    parts.push(missing_label(model, lang).to_owned());
    parts.join("; ")
}

/// The "don't know" answer's label: the model's, else "Ved ikke" / "Don't know".
pub(crate) fn missing_label(model: &Model, lang: Lang) -> &str {
    model.scale().missing.as_ref().map_or(lang.pick("Ved ikke", "Don't know"), |m| m.get(lang))
}
