//! The 98 Danish municipalities, with code and region (DAWA), shipped with the crate.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

const MUNICIPALITIES_CSV: &str = include_str!("../data/municipalities.csv");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Municipality {
    /// 3-digit kommunekode, e.g. "101".
    pub code: String,
    pub name: String,
    pub region_code: String,
    pub region_name: String,
}

/// All 98 municipalities, ordered by code.
pub fn all() -> &'static [Municipality] {
    static ALL: OnceLock<Vec<Municipality>> = OnceLock::new();
    ALL.get_or_init(|| {
        MUNICIPALITIES_CSV
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                Municipality {
                    code: f[0].to_owned(),
                    name: f[1].to_owned(),
                    region_code: f[3].to_owned(),
                    region_name: f[4].trim().to_owned(),
                }
            })
            .collect()
    })
}

/// The municipality with this code.
pub fn by_code(code: &str) -> Option<&'static Municipality> {
    all().iter().find(|m| m.code == code)
}

/// Whether `code` has the form of a kommunekode: exactly three ASCII digits.
pub fn is_three_digit(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    #[test]
    fn ninety_eight_in_five_regions() {
        let all = super::all();
        assert_eq!(all.len(), 98);
        let mut regions: Vec<&str> = all.iter().map(|m| m.region_name.as_str()).collect();
        regions.sort();
        regions.dedup();
        assert_eq!(regions.len(), 5);
        assert_eq!(super::by_code("760").unwrap().name, "Ringkøbing-Skjern");
        assert!(super::by_code("411").is_none(), "Christiansø is not a municipality");
        assert!(super::is_three_digit("101") && !super::is_three_digit("1010") && !super::is_three_digit("1a1"));
    }
}
