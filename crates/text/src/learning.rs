//! The mastery method in words: why a sitting cannot be planned.

use crate::Say;
use masterly_core::learning::plan::PlanError;

impl Say for PlanError {
    fn say(&self) -> String {
        match self {
            PlanError::UnknownUnit(id) => format!("there is no unit \"{id}\" in this curriculum"),
            PlanError::UnknownCourse(id) => {
                format!("there is no course \"{id}\" in this curriculum")
            }
            PlanError::UnknownObjective(id) => {
                format!("there is no objective \"{id}\" in this curriculum")
            }
            PlanError::NothingToAssess(what) => format!("there is nothing to assess: {what}"),
            PlanError::NoItems(objective) => format!("objective \"{objective}\" has no items"),
            PlanError::Instance(error) => error.say(),
        }
    }
}
