//! A printable questionnaire for workshops and paper: one section per role, the statements
//! numbered without item ids, the answer scale as boxes to tick, and the anonymity promise.
//! Self-contained (inline CSS, no scripts, no external files) and laid out for A4.

use crate::model::Model;

use super::department;
use super::list::missing_label;
use super::{QuestionnaireOptions, anonymity_promise};

const CSS: &str = "@page { size: A4; margin: 15mm; }
body { font-family: 'Segoe UI', Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 180mm; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 0 0 3mm; }
section + section { break-before: page; page-break-before: always; }
.promise { border: 1px solid #555; padding: 3mm; margin: 0 0 4mm; }
tr.filter td { background: #f2f2f2; }
table { width: 100%; border-collapse: collapse; }
th, td { border-bottom: 1px solid #bbb; padding: 2mm 1mm; vertical-align: middle; }
th { font-size: 8.5pt; font-weight: normal; text-align: center; }
th.statement { text-align: left; }
td.n { width: 6mm; text-align: right; color: #444; }
td.box { width: 15mm; text-align: center; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
.tick { display: inline-block; width: 4mm; height: 4mm; border: 1px solid #111; }
";

/// The HTML document for `roles` (indices into the model's roles), in `options.lang`.
pub fn render_html(model: &Model, roles: &[usize], options: &QuestionnaireOptions) -> String {
    let lang = options.lang;
    let title = model.title(lang);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        lang.code(),
        escape(&title)
    );
    for &r in roles {
        out.push_str(&section(model, r, options));
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn section(model: &Model, role: usize, options: &QuestionnaireOptions) -> String {
    let lang = options.lang;
    let scale = model.scale();
    let mut out = format!(
        "<section>\n<h1>{}</h1>\n<h2>{}: {}</h2>\n{}<p class=\"promise\">{}</p>\n<p>{}</p>\n",
        escape(&model.title(lang)),
        lang.pick("Spørgeskema for", "Questionnaire for"),
        escape(model.roles()[role].label.get(lang)),
        model.roles()[role]
            .intro
            .as_ref()
            .map_or(String::new(), |t| format!("<p class=\"intro\">{}</p>\n", escape(t.get(lang)))),
        escape(&anonymity_promise(options.min_group_size, lang)),
        lang.pick(
            "Sæt ét kryds ud for hvert udsagn. Vælg »ved ikke«, hvis du ikke kan vurdere det.",
            "Tick one box for each statement. Choose “don't know” if you cannot judge it."
        ),
    );
    if !options.departments.is_empty() && department::is_asked(model, role) {
        out.push_str(&department_question(&options.departments, lang));
    }
    out.push_str("<table>\n<thead><tr><th></th><th class=\"statement\"></th>");
    for v in scale.min..=scale.max {
        let label = scale.labels.get(&v.to_string()).map_or(String::new(), |l| format!("<br>{}", escape(l.get(lang))));
        out.push_str(&format!("<th>{v}{label}</th>"));
    }
    out.push_str(&format!("<th>{}</th></tr></thead>\n<tbody>\n", escape(missing_label(model, lang))));
    let boxes = "<td class=\"box\"><span class=\"tick\"></span></td>".repeat((scale.max - scale.min + 2) as usize);
    let asked: Vec<usize> = (0..model.items().len()).filter(|&i| model.is_asked(role, i)).collect();
    let mut filters_done = vec![false; model.filters().len()];
    for (n, &i) in asked.iter().enumerate() {
        if let Some(f) = model.item_filter(i).filter(|&f| !filters_done[f]) {
            filters_done[f] = true;
            out.push_str(&filter_row(model, f, &asked, lang));
        }
        out.push_str(&format!(
            "<tr><td class=\"n\">{}.</td><td>{}</td>{boxes}</tr>\n",
            n + 1,
            escape(model.items()[i].text.get(lang))
        ));
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    out
}

/// A filter question on paper: ja / nej / ved ikke, and which numbered statements to skip
/// unless the answer is "ja".
fn filter_row(model: &Model, f: usize, asked: &[usize], lang: crate::localized::Lang) -> String {
    let numbers: Vec<String> = asked
        .iter()
        .enumerate()
        .filter(|(_, i)| model.item_filter(**i) == Some(f))
        .map(|(n, _)| (n + 1).to_string())
        .collect();
    let tick = "<span class=\"tick\"></span>";
    format!(
        "<tr class=\"filter\"><td></td><td colspan=\"{}\"><strong>{}</strong><br>{tick} {} &nbsp; {tick} {} &nbsp; {tick} {}<br><em>{} {}.</em></td></tr>\n",
        model.scale_options() + 1,
        escape(model.filters()[f].text.get(lang)),
        lang.pick("Ja", "Yes"),
        lang.pick("Nej", "No"),
        escape(missing_label(model, lang)),
        lang.pick(
            "Hvis du svarer nej eller ved ikke, så spring disse udsagn over:",
            "If you answer no or don't know, skip these statements:"
        ),
        numbers.join(", "),
    )
}

/// The department question on paper: one box per unit.
fn department_question(departments: &[String], lang: crate::localized::Lang) -> String {
    let boxes: Vec<String> =
        departments.iter().map(|d| format!("<span class=\"tick\"></span> {}", escape(d))).collect();
    format!(
        "<p class=\"department\"><strong>{}</strong><br>{}</p>\n",
        escape(department::question(lang)),
        boxes.join(" &nbsp; ")
    )
}

/// Escapes text for HTML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
