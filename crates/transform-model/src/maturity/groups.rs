//! Anonymity: which respondents form which reported group.
//!
//! Role groups with at least k respondents are reported as they are. Smaller role groups
//! are merged into one `other` group; if that is still below k, its respondents are left
//! out of every figure and only their count is reported.

use crate::model::Model;
use crate::model::OTHER_GROUP as OTHER;
use crate::responses::Responses;

/// A reported group: a role (or the merged small roles) with its respondents.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// Role id, or `other` for merged small roles.
    pub id: String,
    /// Role indices in the group.
    pub roles: Vec<usize>,
    /// Respondent indices, ordered by respondent id.
    pub members: Vec<usize>,
}

pub(crate) struct Grouping {
    pub groups: Vec<Group>,
    pub excluded: usize,
}

pub(crate) fn form_groups(model: &Model, responses: &Responses, k: usize) -> Grouping {
    let mut by_role: Vec<Vec<usize>> = vec![Vec::new(); model.roles().len()];
    for r in 0..responses.len() {
        by_role[responses.role(r)].push(r);
    }
    let mut groups = Vec::new();
    let mut small = Group { id: OTHER.to_owned(), roles: Vec::new(), members: Vec::new() };
    for (role, members) in by_role.into_iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        if members.len() >= k {
            groups.push(Group { id: model.roles()[role].id.clone(), roles: vec![role], members });
        } else {
            small.roles.push(role);
            small.members.extend(members);
        }
    }
    let mut excluded = 0;
    if small.members.len() >= k {
        groups.push(small);
    } else {
        excluded = small.members.len();
    }
    // Canonical order (by respondent id) so the bootstrap does not depend on row order.
    for g in &mut groups {
        g.members.sort_by(|&a, &b| responses.id_at(a).cmp(responses.id_at(b)));
    }
    Grouping { groups, excluded }
}
