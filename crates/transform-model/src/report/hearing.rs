//! The paper's Høring: MED-hovedudvalget always, and the councils whose area a proposal
//! touches, read from the touched initiatives' and missions' departments, target groups and
//! titles (BUDGET.md: Handicaprådet, Ældrerådet, skolebestyrelser, Integrationsrådet).

use crate::localized::Lang;
use crate::mission::Portfolio;

/// A body heard in the budget's høringsperiode and the words that put an area in its remit.
struct Body {
    da: &'static str,
    en: &'static str,
    keys: &'static [&'static str],
}

const BODIES: [Body; 4] = [
    Body { da: "Handicaprådet", en: "the Disability Council", keys: &["handicap"] },
    Body {
        da: "Ældrerådet", en: "the Senior Citizens' Council", keys: &["ældre", "pleje", "hjemmehjælp", "omsorg"]
    },
    Body { da: "skolebestyrelserne", en: "the school boards", keys: &["skole", "elev", "folkeskole"] },
    Body {
        da: "Integrationsrådet",
        en: "the Integration Council",
        keys: &["integration", "flygtning", "indvandrer", "nydansk", "tosproget"],
    },
];

/// The words of an initiative or a mission that tell its area.
fn area_words(p: &Portfolio, initiatives: &[&str], missions: &[&str]) -> Vec<String> {
    let mut words = Vec::new();
    for i in p.initiatives.iter().filter(|i| initiatives.contains(&i.id.as_str())) {
        words.push(i.title.to_lowercase());
        words.extend(i.departments.iter().chain(&i.target_groups).map(|w| w.to_lowercase()));
    }
    for m in p.missions.iter().filter(|m| missions.contains(&m.id.as_str())) {
        words.push(m.title.get(Lang::Da).to_lowercase());
        words.extend(m.target_groups.iter().map(|w| w.to_lowercase()));
    }
    words
}

/// The bodies to hear, MED first, for proposals touching these initiatives and missions.
pub(super) fn bodies(p: Option<&Portfolio>, initiatives: &[&str], missions: &[&str], lang: Lang) -> Vec<String> {
    let mut out = vec![lang.pick("MED-hovedudvalget", "the main joint consultation committee (MED)").to_owned()];
    let Some(p) = p else { return out };
    let words = area_words(p, initiatives, missions);
    for b in &BODIES {
        if words.iter().any(|w| b.keys.iter().any(|k| w.contains(k))) {
            out.push(lang.pick(b.da, b.en).to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn med_always_and_councils_by_area() {
        let p = Portfolio::sample();
        assert_eq!(bodies(None, &[], &[], Lang::Da), ["MED-hovedudvalget"]);
        assert_eq!(bodies(Some(&p), &[], &[], Lang::Da), ["MED-hovedudvalget"]);
        // An initiative run by Social og Handicap touches the Disability Council's area.
        let social: Vec<&str> = p
            .initiatives
            .iter()
            .filter(|i| i.departments.iter().any(|d| d.contains("Handicap")))
            .map(|i| i.id.as_str())
            .take(1)
            .collect();
        assert_eq!(social.len(), 1, "the sample has a Social og Handicap initiative");
        assert!(bodies(Some(&p), &social, &[], Lang::Da).contains(&"Handicaprådet".to_owned()));
    }
}
