//! Release control across rounds (docs/disclosure.md, "Across releases"): a cell whose
//! head count differs from an earlier published release's by 1 to k − 1 is withheld, since
//! the difference of the two figures would be the answers of those few respondents (a
//! re-issue with one late respondent gives that person's every score).
//!
//! The earlier release is known only by what it published, so cells are matched by their
//! key (role group by its roles; unit cell by department, unit and role; item by section)
//! and compared by their published n. What this cannot see is said in docs/disclosure.md.

use super::disclosure::{Cells, Publish};
use super::groups::Group;
use super::types::Assessment;
use crate::model::Model;

/// n differs by 1 to k − 1: publishing both would single out that many respondents.
pub(crate) fn differs(now: usize, then: usize, k: usize) -> bool {
    let d = now.abs_diff(then);
    d >= 1 && d < k
}

/// Whether any earlier release publishes the cell with an n (from `earlier_n`) that
/// differs from `now` by 1 to k − 1.
pub(crate) fn conflicts<'a>(
    earlier: &'a [Assessment],
    now: usize,
    k: usize,
    earlier_n: impl Fn(&'a Assessment) -> Option<usize>,
) -> bool {
    earlier.iter().filter_map(earlier_n).any(|then| differs(now, then, k))
}

/// The earlier n of the role group with exactly these roles (ids, any order) on dimension `dim`.
pub(crate) fn group_n(a: &Assessment, roles: &[String], dim: &str) -> Option<usize> {
    let mut want: Vec<&str> = roles.iter().map(String::as_str).collect();
    want.sort_unstable();
    a.groups
        .iter()
        .find(|g| {
            let mut have: Vec<&str> = g.roles.iter().map(String::as_str).collect();
            have.sort_unstable();
            have == want
        })
        .and_then(|g| g.dimensions.iter().find(|d| d.id == dim))
        .and_then(|d| d.n)
}

/// The earlier n of a unit cell on dimension `dim`.
pub(crate) fn unit_n(
    a: &Assessment,
    department: &str,
    unit: Option<&str>,
    role: Option<&str>,
    dim: &str,
) -> Option<usize> {
    a.units
        .iter()
        .find(|u| u.department == department && u.unit.as_deref() == unit && u.role.as_deref() == role)
        .and_then(|u| u.dimensions.iter().find(|d| d.id == dim))
        .and_then(|d| d.n)
}

/// Withholds every role group × dimension cell whose scored n differs from an earlier
/// release's by 1 to k − 1; returns how many.
pub(crate) fn withhold_groups(
    model: &Model,
    groups: &[Group],
    cells: &Cells,
    publish: &mut Publish,
    earlier: &[Assessment],
    k: usize,
) -> usize {
    let dims = cells.dims;
    let mut count = 0;
    for (g, group) in groups.iter().enumerate() {
        let roles: Vec<String> = group.roles.iter().map(|&r| model.roles()[r].id.clone()).collect();
        for d in 0..dims {
            let c = g * dims + d;
            let dim = &model.dimensions()[d].id;
            if publish.reported[c] && conflicts(earlier, cells.n(c), k, |a| group_n(a, &roles, dim)) {
                publish.reported[c] = false;
                publish.dispersion[c] = false;
                count += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::differs;

    #[test]
    fn one_to_k_minus_one_differs() {
        assert!(!differs(20, 20, 5));
        assert!(differs(21, 20, 5) && differs(16, 20, 5));
        assert!(!differs(25, 20, 5) && !differs(15, 20, 5));
    }
}
