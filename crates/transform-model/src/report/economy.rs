//! The paper's Økonomi: money per budget year as the plan computes it, nothing else.
//!
//! `rows` is the one place that reads money from the plan: it maps the plan's `economy`
//! (one entry per budget year: already budgeted, merudgift, mindreudgift) one to one. What the
//! plan could not cost stays "ikke opgjort", never 0 (BUDGET.md).

use super::Table;
use crate::localized::Lang;
use crate::plan::Plan;
use crate::vocab;

/// One budget year's money, as the plan gives it; `None` is "ikke opgjort".
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    pub budget_year: i64,
    /// In the running budget already (spreading it is no new money).
    pub already_budgeted_kr: Option<f64>,
    /// Merudgift (drift).
    pub new_kr: Option<f64>,
    /// Mindreudgift (drift).
    pub savings_kr: Option<f64>,
    /// The plan's net (new − savings); read, not recomputed.
    pub net_kr: Option<f64>,
    /// The plan's net summed from its first year.
    pub cumulative_net_kr: Option<f64>,
    /// New money on the anlæg account, never added to the drift figures.
    pub anlaeg_kr: Option<f64>,
}

impl Row {
    /// The plan's net for the year.
    pub fn net_kr(&self) -> Option<f64> {
        self.net_kr
    }
}

/// The plan's money per budget year, every year of the plan, first year first (see the
/// module comment): each field is the plan's own, one to one.
pub(super) fn rows(plan: &Plan) -> Vec<Row> {
    plan.economy
        .iter()
        .map(|e| Row {
            budget_year: e.budget_year,
            already_budgeted_kr: e.already_budgeted_kr,
            new_kr: e.new_kr,
            savings_kr: e.savings_kr,
            net_kr: e.net_kr,
            cumulative_net_kr: e.cumulative_net_kr,
            anlaeg_kr: e.anlaeg_kr,
        })
        .collect()
}

fn amount(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(|| lang.pick("ikke opgjort", "not estimated").to_owned(), |v| vocab::kroner(v, lang))
}

/// The table of the Økonomi section: one row per budget year of the plan.
pub(super) fn table(rows: &[Row], lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick(
            "Tabel: Planens økonomi pr. budgetår (drift; anlæg for sig)",
            "Table: The plan's money per budget year (running costs; capital apart)",
        ),
        &[
            (lang.pick("Budgetår", "Budget year"), false),
            (lang.pick("Allerede i budgettet", "Already budgeted"), true),
            (lang.pick("Merudgift", "New spending"), true),
            (lang.pick("Mindreudgift", "Savings"), true),
            (lang.pick("Netto", "Net"), true),
            (lang.pick("Netto i alt fra planens start", "Net since the plan's start"), true),
            (lang.pick("Anlæg", "Capital"), true),
        ],
    );
    for r in rows {
        t.rows.push(vec![
            r.budget_year.to_string(),
            amount(r.already_budgeted_kr, lang),
            amount(r.new_kr, lang),
            amount(r.savings_kr, lang),
            amount(r.net_kr, lang),
            amount(r.cumulative_net_kr, lang),
            amount(r.anlaeg_kr, lang),
        ]);
    }
    t
}

/// The net of the first budget year in words, for the resumé and the indstilling:
/// "ca. 1,2 mio. kr. netto" or "en nettoudgift, der endnu ikke er opgjort".
pub(super) fn net_phrase(row: &Row, lang: Lang) -> String {
    match row.net_kr() {
        Some(n) if n >= 0.0 => match lang {
            Lang::Da => format!("en nettoudgift på ca. {}", vocab::kroner(n, lang)),
            Lang::En => format!("a net cost of about {}", vocab::kroner(n, lang)),
        },
        Some(n) => match lang {
            Lang::Da => format!("en nettobesparelse på ca. {}", vocab::kroner(-n, lang)),
            Lang::En => format!("a net saving of about {}", vocab::kroner(-n, lang)),
        },
        None => lang.pick("en nettoudgift, der endnu ikke er opgjort", "a net amount not yet estimated").to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_money_is_never_a_zero() {
        let r = Row {
            budget_year: 2027,
            already_budgeted_kr: Some(4.0e6),
            new_kr: None,
            savings_kr: Some(1.0e6),
            net_kr: None,
            cumulative_net_kr: None,
            anlaeg_kr: Some(0.5e6),
        };
        assert_eq!(net_phrase(&r, Lang::Da), "en nettoudgift, der endnu ikke er opgjort");
        let t = table(&[r], Lang::Da);
        assert_eq!(
            t.rows[0],
            ["2027", "4,0 mio. kr.", "ikke opgjort", "1,0 mio. kr.", "ikke opgjort", "ikke opgjort", "500.000 kr."]
        );
        // The plan's net (1.5 mio. new − 0.3 mio. saved = 1.2 mio.) is read as the plan gives it.
        let r = Row {
            budget_year: 2027,
            already_budgeted_kr: None,
            new_kr: Some(1.5e6),
            savings_kr: Some(0.3e6),
            net_kr: Some(1.2e6),
            cumulative_net_kr: Some(1.2e6),
            anlaeg_kr: None,
        };
        assert_eq!(net_phrase(&r, Lang::Da), "en nettoudgift på ca. 1,2 mio. kr.");
    }
}
