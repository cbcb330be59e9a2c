//! Patients the answer's tests and the record's share (beside `crate::fixtures`).

use crate::patient::Patient;
use crate::vocab::{Cd19, Diagnosis, DiseaseStatus, Jurisdiction, Philadelphia};

/// An adult in first relapse with MRD in Norway, remission not given: no, whichever of the
/// two adult indications it turns out to be.
pub fn adult_first_relapse_norway() -> Patient {
    Patient {
        jurisdiction: Some(Jurisdiction::No),
        age_years: Some(45.0),
        diagnosis: Some(Diagnosis::BPrecursorAll),
        cd19: Some(Cd19::Positive),
        philadelphia: Some(Philadelphia::Negative),
        disease_status: Some(DiseaseStatus::Relapsed),
        relapse_number: Some(1),
        mrd_percent: Some(0.5),
        ..Patient::default()
    }
}

/// T-cell ALL in Sweden: off label whatever else is true.
pub fn t_all() -> Patient {
    Patient { jurisdiction: Some(Jurisdiction::Se), diagnosis: Some(Diagnosis::TAll), ..Patient::default() }
}

/// An adult in CR1 with MRD 0,5 %, no transplant planned: yes with conditions in Norway.
pub fn adult_mrd_cr1(j: Jurisdiction) -> Patient {
    Patient {
        jurisdiction: Some(j),
        age_years: Some(45.0),
        diagnosis: Some(Diagnosis::BPrecursorAll),
        cd19: Some(Cd19::Positive),
        philadelphia: Some(Philadelphia::Negative),
        disease_status: Some(DiseaseStatus::NewlyDiagnosed),
        in_remission: Some(true),
        mrd_percent: Some(0.5),
        consolidation: Some(false),
        planned_allo_hsct: Some(false),
        ..Patient::default()
    }
}
