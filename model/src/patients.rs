//! The test patients: one home for the unit tests, the integration tests and the benches
//! (feature `fixtures`, which only the root crate's dev-dependencies enable; the shipped library
//! never has it).
//!
//! A patient that is one of the shared contract's public examples is named after it and listed
//! in [`PUBLIC_EXAMPLES`] with the example's exact `name`; `tests/patients.rs` checks that each
//! equals that example's input, so a copy that drifts from the contract fails there. Every other
//! patient is built *from* one of them with Rust's struct update syntax, so a deliberate
//! variation reads as exactly the fields it changes:
//!
//! ```
//! # use blincyto_model::patients::*;
//! # use blincyto_model::patient::Patient;
//! let unknown_plan = Patient { planned_allo_hsct: None, ..child_bridging() };
//! ```

use crate::patient::Patient;
use crate::vocab::{Cd19, Diagnosis, DiseaseStatus, Jurisdiction, Philadelphia};

/// A public example's `name` in `contract/examples.json`, and the test patient that is it.
pub type PublicExample = (&'static str, fn() -> Patient);

/// Each public example these patients are.
pub const PUBLIC_EXAMPLES: &[PublicExample] = &[
    ("child, second relapse after two lines, Sweden, no transplant planned", child_second_relapse),
    ("same child, bridging to allogeneic transplant in Sweden", child_bridging),
    ("same child in Norway", child_second_relapse_norway),
    ("child, high-risk first relapse, consolidation, Norway", child_high_risk_first_relapse_norway),
    ("adult Ph-negative active relapse, Norway", adult_active_relapse_norway),
    ("adult refractory, Sweden, bridging", adult_refractory_bridging),
    ("adult refractory, Sweden, no transplant", adult_refractory),
    ("adult MRD-positive CR1, Norway", adult_mrd_positive_cr1_norway),
    ("adult newly diagnosed, consolidation, Sweden, no transplant", adult_consolidation),
    ("adult Ph-positive refractory after two TKIs, no alternatives, Norway", adult_ph_positive_refractory_norway),
    ("T-cell ALL is never on-label", t_all),
];

/// Any patient, moved to another country (the examples differ from country to country only in
/// their answer).
pub fn in_jurisdiction(j: Jurisdiction, p: Patient) -> Patient {
    Patient { jurisdiction: Some(j), ..p }
}

/// B-precursor ALL, CD19-positive, Ph-negative, of the given age, in Sweden: the start of every
/// on-label patient below.
pub fn b_all(age_years: f64) -> Patient {
    Patient {
        jurisdiction: Some(Jurisdiction::Se),
        age_years: Some(age_years),
        diagnosis: Some(Diagnosis::BPrecursorAll),
        cd19: Some(Cd19::Positive),
        philadelphia: Some(Philadelphia::Negative),
        ..Patient::default()
    }
}

/// "child, second relapse after two lines, Sweden, no transplant planned": no.
pub fn child_second_relapse() -> Patient {
    Patient {
        disease_status: Some(DiseaseStatus::Relapsed),
        relapse_number: Some(2),
        in_remission: Some(false),
        prior_therapy_lines: Some(2),
        prior_allo_hsct: Some(false),
        planned_allo_hsct: Some(false),
        ..b_all(8.0)
    }
}

/// "same child, bridging to allogeneic transplant in Sweden": yes.
pub fn child_bridging() -> Patient {
    Patient { planned_allo_hsct: Some(true), ..child_second_relapse() }
}

/// "same child in Norway": pending.
pub fn child_second_relapse_norway() -> Patient {
    in_jurisdiction(Jurisdiction::No, child_second_relapse())
}

/// "child, high-risk first relapse, consolidation, Norway": pending (ID2021_036's group).
pub fn child_high_risk_first_relapse_norway() -> Patient {
    Patient {
        jurisdiction: Some(Jurisdiction::No),
        disease_status: Some(DiseaseStatus::Relapsed),
        relapse_number: Some(1),
        in_remission: Some(true),
        mrd_percent: Some(0.02),
        high_risk_relapse: Some(true),
        consolidation: Some(true),
        prior_therapy_lines: Some(1),
        prior_allo_hsct: Some(false),
        ..b_all(12.0)
    }
}

/// "adult Ph-negative active relapse, Norway": no.
pub fn adult_active_relapse_norway() -> Patient {
    Patient {
        jurisdiction: Some(Jurisdiction::No),
        disease_status: Some(DiseaseStatus::Relapsed),
        relapse_number: Some(1),
        in_remission: Some(false),
        ..b_all(52.0)
    }
}

/// "adult refractory, Sweden, no transplant": no recommendation.
pub fn adult_refractory() -> Patient {
    Patient { disease_status: Some(DiseaseStatus::Refractory), planned_allo_hsct: Some(false), ..b_all(52.0) }
}

/// "adult refractory, Sweden, bridging": yes.
pub fn adult_refractory_bridging() -> Patient {
    Patient { planned_allo_hsct: Some(true), ..adult_refractory() }
}

/// "adult MRD-positive CR1, Norway": yes with conditions.
pub fn adult_mrd_positive_cr1_norway() -> Patient {
    Patient {
        jurisdiction: Some(Jurisdiction::No),
        disease_status: Some(DiseaseStatus::NewlyDiagnosed),
        in_remission: Some(true),
        mrd_percent: Some(0.5),
        consolidation: Some(false),
        ..b_all(34.0)
    }
}

/// "adult newly diagnosed, consolidation, Sweden, no transplant": no recommendation.
pub fn adult_consolidation() -> Patient {
    Patient {
        disease_status: Some(DiseaseStatus::NewlyDiagnosed),
        in_remission: Some(true),
        mrd_percent: Some(0.0),
        consolidation: Some(true),
        planned_allo_hsct: Some(false),
        ..b_all(34.0)
    }
}

/// "adult Ph-positive refractory after two TKIs, no alternatives, Norway": no recommendation.
/// Monotherapy is answered: in Ph-positive disease it is asked, never assumed.
pub fn adult_ph_positive_refractory_norway() -> Patient {
    Patient {
        jurisdiction: Some(Jurisdiction::No),
        philadelphia: Some(Philadelphia::Positive),
        disease_status: Some(DiseaseStatus::Refractory),
        tki_failures: Some(2),
        other_options_available: Some(false),
        monotherapy: Some(true),
        ..b_all(61.0)
    }
}

/// "T-cell ALL is never on-label": off-label from the diagnosis alone.
pub fn t_all() -> Patient {
    Patient { jurisdiction: Some(Jurisdiction::Se), diagnosis: Some(Diagnosis::TAll), ..Patient::default() }
}

// Variations shared by several tests, each a struct update of a public example above.

/// "adult MRD-positive CR1, Norway", no transplant planned, in either country: yes with
/// conditions in Norway (ID2019_118), no recommendation needed in Sweden.
pub fn adult_mrd_cr1(j: Jurisdiction) -> Patient {
    in_jurisdiction(j, Patient { planned_allo_hsct: Some(false), ..adult_mrd_positive_cr1_norway() })
}

/// "adult Ph-negative active relapse, Norway" with remission not given and MRD 0,5 %: no,
/// whichever of the two adult indications it turns out to be.
pub fn adult_first_relapse_mrd_norway() -> Patient {
    Patient { in_remission: None, mrd_percent: Some(0.5), ..adult_active_relapse_norway() }
}
