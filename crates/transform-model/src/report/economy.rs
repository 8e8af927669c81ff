//! The paper's Økonomi: money per budget year as the plan computes it, nothing else.
//!
//! `rows` is the one place that reads money from the plan. Today's plan has, per action, a
//! `cost_kr` and the `budget_year` that funds it; for a spread that is the initiative's
//! running cost, which is already in the budget (BUDGET.md), and the plan does not yet give
//! the extra (new) money or a closure's savings — so those stay "ikke opgjort", never 0.
//! When the plan's `economy` list lands (issue 29), `rows` maps its entries one to one.

use super::Table;
use crate::localized::Lang;
use crate::plan::{ActionKind, Plan};
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
    let mut years: Vec<i64> = plan.actions().filter_map(|(_, a)| a.budget_year).collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .map(|y| {
            let spread: Vec<f64> = plan
                .actions()
                .filter(|(_, a)| a.budget_year == Some(y) && a.kind == ActionKind::Spread)
                .filter_map(|(_, a)| a.cost_kr)
                .collect();
            Row {
                budget_year: y,
                already_budgeted_kr: (!spread.is_empty()).then(|| spread.iter().sum()),
                new_kr: None,
                savings_kr: None,
            }
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
