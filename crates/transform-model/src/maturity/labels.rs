//! The reader's words for the scoring's values, next to their types (REPORT.md).

use super::TargetStatus;
use crate::localized::Localized;

impl TargetStatus {
    /// Where a dimension stands against its target, in the three fixed phrases of REPORT.md.
    pub fn label(self) -> Localized {
        match self {
            TargetStatus::ClearlyBelow => Localized::da_en("sikkert under målet", "clearly below the target"),
            TargetStatus::Uncertain => {
                Localized::da_en("ingen sikker forskel fra målet", "no sure difference from the target")
            }
            TargetStatus::AtOrAbove => Localized::da_en("på eller over målet", "at or above the target"),
        }
    }
}
