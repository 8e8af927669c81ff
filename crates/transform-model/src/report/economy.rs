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
    /// Merudgift.
    pub new_kr: Option<f64>,
    /// Mindreudgift.
    pub savings_kr: Option<f64>,
}

impl Row {
    /// New − savings; unknown when either is.
    pub fn net_kr(&self) -> Option<f64> {
        Some(self.new_kr? - self.savings_kr?)
    }
}

/// The plan's money per budget year, first year first (see the module comment).
pub(super) fn rows(plan: &Plan) -> Vec<Row> {
    plan.economy
        .iter()
        .map(|e| Row {
            budget_year: e.budget_year,
            already_budgeted_kr: e.already_budgeted_kr,
            new_kr: e.new_kr,
            savings_kr: e.savings_kr,
        })
        .collect()
}

fn amount(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(|| lang.pick("ikke opgjort", "not estimated").to_owned(), |v| vocab::kroner(v, lang))
}

/// The table of the Økonomi section: one row per budget year.
pub(super) fn table(rows: &[Row], lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Planens økonomi pr. budgetår", "Table: The plan's money per budget year"),
        &[
            (lang.pick("Budgetår", "Budget year"), false),
            (lang.pick("Allerede i budgettet", "Already budgeted"), true),
            (lang.pick("Merudgift", "New spending"), true),
            (lang.pick("Mindreudgift", "Savings"), true),
            (lang.pick("Netto", "Net"), true),
        ],
    );
    for r in rows {
        t.rows.push(vec![
            r.budget_year.to_string(),
            amount(r.already_budgeted_kr, lang),
            amount(r.new_kr, lang),
            amount(r.savings_kr, lang),
            amount(r.net_kr(), lang),
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
        let r = Row { budget_year: 2027, already_budgeted_kr: Some(4.0e6), new_kr: None, savings_kr: Some(1.0e6) };
        assert_eq!(r.net_kr(), None);
        assert_eq!(net_phrase(&r, Lang::Da), "en nettoudgift, der endnu ikke er opgjort");
        let t = table(&[r], Lang::Da);
        assert_eq!(t.rows[0], ["2027", "4,0 mio. kr.", "ikke opgjort", "1,0 mio. kr.", "ikke opgjort"]);
        // 1.5 mio. new − 0.3 mio. saved = 1.2 mio. net.
        let r = Row { budget_year: 2027, already_budgeted_kr: None, new_kr: Some(1.5e6), savings_kr: Some(0.3e6) };
        assert_eq!(net_phrase(&r, Lang::Da), "en nettoudgift på ca. 1,2 mio. kr.");
    }
}
