//! Respondents with the same cell memberships, collapsed into one column.
//!
//! Every published vector is an indicator of a cell, so it takes one value on all
//! respondents that belong to exactly the same cells (a *class*). The span question then
//! lives in the much smaller space with one coordinate per class: duplicating a class's
//! coordinate over its members is an injective linear map that sends the class-space span
//! onto the respondent-space span, so a class-constant vector (a cell's indicator, or the
//! indicator of a whole class) lies in one exactly when its image lies in the other. A
//! single respondent's unit vector is class-constant only when its class has one member,
//! and then it is that class's indicator; a member of a larger class can never be singled
//! out, since every published figure treats them and their classmates alike.

use super::{Cell, Exposure};

/// The classes of a set of cells and each cell's row over the classes.
pub(super) struct Classes {
    /// Members of each class.
    pub size: Vec<usize>,
    /// Per cell: 1 on the classes inside it, 0 elsewhere.
    pub rows: Vec<Vec<i128>>,
    /// Classes whose members are in at least one cell.
    pub covered: Vec<bool>,
}

impl Classes {
    /// Partition refinement: each cell splits every class it cuts. Linear in the total
    /// membership; class numbers follow the first member's index, so the result does not
    /// depend on hashing.
    pub fn new(cells: &[Cell], respondents: usize) -> Result<Self, Exposure> {
        let mut class = vec![0u32; respondents];
        let mut next = 1u32;
        // moved[c] = (split that last cut c, the class its members went to).
        let mut moved: Vec<(usize, u32)> = vec![(usize::MAX, 0)];
        let mut seen = vec![usize::MAX; respondents];
        let mut split = 0usize;
        for (i, cell) in cells.iter().enumerate() {
            for &r in &cell.members {
                if r >= respondents {
                    return Err(Exposure::InvalidMember { cell: cell.name.clone(), index: r, respondents });
                }
            }
            // A weighted cell cuts once per distinct coefficient: its row must be constant
            // on every class.
            let mut parts: Vec<(i128, Vec<usize>)> = Vec::new();
            if cell.coefficients.is_empty() {
                parts.push((1, Vec::new()));
            } else {
                let mut by: std::collections::BTreeMap<i128, Vec<usize>> = Default::default();
                for (&r, &w) in cell.members.iter().zip(&cell.coefficients) {
                    by.entry(w).or_default().push(r);
                }
                parts.extend(by);
            }
            for (_, part) in &parts {
                let members = if cell.coefficients.is_empty() { &cell.members } else { part };
                for &r in members {
                    if seen[r] == i {
                        continue;
                    }
                    seen[r] = i;
                    let c = class[r] as usize;
                    if moved[c].0 != split {
                        moved[c] = (split, next);
                        moved.push((usize::MAX, 0));
                        next += 1;
                    }
                    class[r] = moved[c].1;
                }
                split += 1;
            }
        }
        let mut compact = vec![u32::MAX; next as usize];
        let mut size = Vec::new();
        let mut covered = Vec::new();
        for c in class.iter_mut() {
            if compact[*c as usize] == u32::MAX {
                compact[*c as usize] = size.len() as u32;
                covered.push(*c != 0);
                size.push(0);
            }
            *c = compact[*c as usize];
            size[*c as usize] += 1;
        }
        let rows = cells
            .iter()
            .map(|cell| {
                let mut row = vec![0i128; size.len()];
                for (j, &r) in cell.members.iter().enumerate() {
                    row[class[r] as usize] = cell.coefficients.get(j).copied().unwrap_or(1);
                }
                row
            })
            .collect();
        Ok(Classes { size, rows, covered })
    }

    /// The indicator of the union of classes `cs`.
    pub fn union(&self, cs: &[usize]) -> Vec<i128> {
        let mut v = vec![0; self.size.len()];
        for &c in cs {
            v[c] = 1;
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_the_membership_patterns() {
        // 6 respondents; A = {0,1,2}, B = {2,3}: patterns {A}: 0,1; {A,B}: 2; {B}: 3; none: 4,5.
        let cells = [Cell::new("A", vec![0, 1, 2]), Cell::new("B", vec![3, 2, 2])];
        let c = Classes::new(&cells, 6).unwrap();
        assert_eq!(c.size, [2, 1, 1, 2]);
        assert_eq!(c.covered, [true, true, true, false]);
        assert_eq!(c.rows, [vec![1, 1, 0, 0], vec![0, 1, 1, 0]]);
    }
}
