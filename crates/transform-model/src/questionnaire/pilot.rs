//! The pilot guide: a cognitive-interview guide (think-aloud with 3–5 people per role) for
//! the questions one role gets, each with its intent, a probe and what a misunderstanding
//! would sound like, and the item figures the pilot must decide on. Markdown, in Danish or
//! English.

use std::fmt::Write;

use crate::localized::Lang;
use crate::model::{Filter, Item, Model, Referent, Role};

use super::{QuestionnaireError, select_roles};

/// The probe about what the respondent had in mind, by what the question is about.
fn referent_probe(referent: Option<Referent>, lang: Lang) -> &'static str {
    match referent {
        Some(Referent::Municipality) => lang.pick(
            "Hvad tænkte du på ved »kommunen«: hele kommunen eller en bestemt del af den? Hvad har du selv set, som du svarer ud fra?",
            "What did you think of as \"the municipality\": the whole municipality or a particular part of it? What have you seen yourself that you answer from?",
        ),
        Some(Referent::Council) => lang.pick(
            "Hvad har du selv set af byrådets/kommunalbestyrelsens arbejde, som du svarer ud fra?",
            "What have you seen yourself of the council's work that you answer from?",
        ),
        Some(Referent::Workplace) => lang.pick(
            "Hvad regnede du med til »min arbejdsplads«: dit team, din afdeling eller hele institutionen?",
            "What did you count as \"my workplace\": your team, your unit or the whole institution?",
        ),
        Some(Referent::OwnLeader) => lang.pick(
            "Hvem er »din nærmeste leder« her, og hvilke situationer tænkte du på?",
            "Who is \"your immediate manager\" here, and which situations did you think of?",
        ),
        Some(Referent::OwnWork) => lang.pick(
            "Hvilke af dine egne opgaver tænkte du på?",
            "Which of your own tasks did you think of?",
        ),
        Some(Referent::Partnership) => lang.pick(
            "Hvilket samarbejde med kommunen tænkte du på, og hvem er »vi« for dig her?",
            "Which cooperation with the municipality did you think of, and who is \"we\" for you here?",
        ),
        None => lang.pick(
            "Fortæl med dine egne ord, hvad udsagnet spørger om.",
            "Tell me in your own words what the statement asks.",
        ),
    }
}

/// The cognitive-interview guide for `role` as Markdown in `lang`.
pub fn pilot_guide(model: &Model, role: &str, lang: Lang) -> Result<String, QuestionnaireError> {
    let r = select_roles(model, Some(role))?[0];
    let mut out = String::new();
    guide_header(&mut out, model, &model.roles()[r], lang);
    let asked: Vec<usize> = (0..model.items().len()).filter(|&i| model.is_asked(r, i)).collect();
    let mut filters_done = vec![false; model.filters().len()];
    for (n, &i) in asked.iter().enumerate() {
        if let Some(f) = model.item_filter(i).filter(|&f| !filters_done[f]) {
            filters_done[f] = true;
            filter_section(&mut out, &model.filters()[f], lang);
        }
        item_section(&mut out, n, &model.items()[i], lang);
    }
    out.push_str(&decisions(lang));
    Ok(out)
}

/// The title, the interview instructions and the role's introduction with its probe.
fn guide_header(out: &mut String, model: &Model, role_def: &Role, lang: Lang) {
    let _ = writeln!(
        out,
        "# {}: {}\n\n## {}: {}\n",
        lang.pick("Pilotguide", "Pilot guide"),
        model.title(lang),
        lang.pick("Rolle", "Role"),
        role_def.label.get(lang)
    );
    out.push_str(lang.pick(
        "Kognitive interview med 3–5 personer i denne rolle, én ad gangen, ca. 45 minutter. Læs introduktionen højt. Bed personen om at læse hvert spørgsmål højt, svare og tænke højt undervejs; stil derefter de opfølgende spørgsmål. Notér ordret, hvad personen siger. Ret ikke personen undervejs.\n\n",
        "Cognitive interviews with 3–5 people in this role, one at a time, about 45 minutes. Read the introduction aloud. Ask the person to read each question aloud, answer it and think aloud; then ask the follow-up questions. Note what the person says verbatim. Do not correct the person along the way.\n\n",
    ));
    if let Some(intro) = &role_def.intro {
        let _ = writeln!(out, "> {}\n", intro.get(lang));
        let _ = writeln!(
            out,
            "- {}\n",
            lang.pick(
                "Spørg efter introduktionen: Hvem tror du, spørgeskemaet er til, og hvad tror du, svarene skal bruges til?",
                "Ask after the introduction: Whom do you think the questionnaire is for, and what do you think the answers will be used for?",
            )
        );
    }
}

/// A filter question, written once before the first item it gates.
fn filter_section(out: &mut String, filter: &Filter, lang: Lang) {
    let _ = writeln!(
        out,
        "### {} {}: »{}«\n\n- {}: {}\n- {}: {}\n",
        lang.pick("Filterspørgsmål", "Filter question"),
        filter.id,
        filter.text.get(lang),
        lang.pick("Hensigt", "Intent"),
        lang.pick(
            "At spørge om de følgende udsagn kun dem, der ved, at det findes (ja / nej / ved ikke).",
            "To put the following statements only to those who know it exists (yes / no / don't know).",
        ),
        lang.pick("Spørg", "Probe"),
        lang.pick(
            "Hvordan ved du det? Hvad ville få dig til at svare »ved ikke«?",
            "How do you know? What would make you answer \"don't know\"?",
        ),
    );
}

/// The `n`-th asked item with its intent, probes, sign of a misunderstanding and room for notes.
fn item_section(out: &mut String, n: usize, item: &Item, lang: Lang) {
    let _ = writeln!(out, "### {}. »{}«\n", n + 1, item.text.get(lang));
    if let Some(pilot) = &item.pilot {
        let _ = writeln!(out, "- {}: {}", lang.pick("Hensigt", "Intent"), pilot.intent.get(lang));
    }
    let _ = writeln!(out, "- {}: {}", lang.pick("Spørg", "Probe"), referent_probe(item.referent, lang));
    if item.reverse {
        let _ = writeln!(
            out,
            "- {}: {}",
            lang.pick("Spørg også", "Also ask"),
            lang.pick(
                "Udsagnet er formuleret omvendt af de fleste andre. Hvad betyder det for dig at svare »enig« her?",
                "The statement is worded the opposite way of most others. What does answering \"agree\" mean to you here?",
            )
        );
    }
    if let Some(pilot) = &item.pilot {
        let _ = writeln!(
            out,
            "- {}: {}",
            lang.pick("Tegn på misforståelse", "Sign of a misunderstanding"),
            pilot.misreading.get(lang)
        );
    }
    let _ = writeln!(out, "- {}:\n", lang.pick("Noter", "Notes"));
}

/// What the pilot decides from the answers, with the thresholds `items` flags by.
fn decisions(lang: Lang) -> String {
    let lines: [(&str, &str); 5] = [
        (
            "Lav sammenhæng med de andre spørgsmål i temaet (item-rest r under 0,3): omformulér eller fjern.",
            "Low agreement with the theme's other questions (item-rest r below 0.3): reword or remove.",
        ),
        (
            "Mange »ved ikke« i rollen (20 % eller flere af dem, der fik spørgsmålet): rollen kan ikke se det; send spørgsmålet til andre roller, eller omformulér det.",
            "Many \"don't know\" in the role (20 % or more of those asked): the role cannot see it; route it elsewhere or reword it.",
        ),
        (
            "Loft eller gulv (80 % eller flere svarer i de to højeste eller de to laveste kategorier): spørgsmålet skiller ikke; gør det skarpere.",
            "Ceiling or floor (80 % or more answer in the two highest or the two lowest categories): the question does not discriminate; sharpen it.",
        ),
        (
            "Temaets alpha stiger, hvis spørgsmålet fjernes: det måler noget andet; fjern det eller flyt det.",
            "The theme's alpha rises without the question: it measures something else; remove or move it.",
        ),
        (
            "Interviewene viser, at spørgsmålet forstås forskelligt: omformulér, også selv om tallene ser fine ud.",
            "The interviews show the question is read in different ways: reword it, even when the figures look fine.",
        ),
    ];
    let mut out = format!(
        "## {}\n\n{}\n\n",
        lang.pick("Hvad piloten skal afgøre", "What the pilot must decide"),
        lang.pick(
            "Kør `transform-model items --by-role` på pilotens svar. For hvert spørgsmål:",
            "Run `transform-model items --by-role` on the pilot's answers. For each question:",
        )
    );
    for (da, en) in lines {
        let _ = writeln!(out, "- {}", lang.pick(da, en));
    }
    out
}
