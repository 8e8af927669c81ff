//! Roles and dimensions as a reader meets them: the plain label a council paper uses.

use super::Model;
use crate::localized::Localized;

impl Model {
    /// A role group for readers: the model's plain label ("Medarbejdere"), else its label,
    /// else the id; `other` is the merged small groups.
    pub fn role_label(&self, id: &str) -> Localized {
        if id == "other" {
            return Localized::da_en("Øvrige (små grupper samlet)", "Other (small groups merged)");
        }
        let mut label = self
            .roles()
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.label_plain.clone().unwrap_or_else(|| r.label.clone()))
            .unwrap_or_else(|| Localized::da_en(id, id));
        // The Ordliste: a council paper says "Byrådets medlemmer", not "Politikere".
        if let Some(da) = label.0.get_mut("da") {
            if da == "Politikere" {
                *da = "Byrådets medlemmer".to_owned();
            }
        }
        label
    }

    /// A dimension for council readers: the model's plain label ("Drift og udvikling på samme
    /// tid"), else its label, else the id.
    pub fn dimension_label(&self, id: &str) -> Localized {
        self.dimensions()
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.label_plain.clone().unwrap_or_else(|| d.label.clone()))
            .unwrap_or_else(|| Localized::da_en(id, id))
    }
}
