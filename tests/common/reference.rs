//! An independent transcription of the contract (`shared/contract/README.md`): the indication
//! table and "How the verdict follows from the sources", written by hand for a COMPLETE patient.
//!
//! It deliberately does not read the dataset or call the checker's internals: the sweep compares
//! the checker (driven by `data/blincyto.toml`) with this code on every complete input, which is
//! the strongest evidence that the data encodes the contract. Where the contract's words leave
//! room for reading, the choice is written next to the code.
#![allow(dead_code)]

use blincyto_checker::vocab::{Cd19, Diagnosis, DiseaseStatus, IndicationId, Jurisdiction, Philadelphia, Verdict};
use blincyto_checker::Patient;

/// One route: an indication the patient is on and what the jurisdiction says about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    pub indication: IndicationId,
    pub verdict: Verdict,
    /// The Nye metoder case number the contract names for this route, if any.
    pub case: Option<&'static str>,
    /// A sentence (part) of the source the contract quotes for this route, if any.
    pub quote: Option<&'static str>,
}

/// What the contract says about a complete patient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    pub verdict: Verdict,
    /// The indications met, in the contract's table order.
    pub indications: Vec<IndicationId>,
    /// Every route (one per indication met); the winning ones have `verdict`.
    pub routes: Vec<Route>,
}

fn get<T: Copy>(v: Option<T>, name: &str) -> T {
    v.unwrap_or_else(|| panic!("reference: the patient is not complete, {name} is absent"))
}

/// "Active relapsed/refractory" means `refractory`, or `relapsed` and not in remission.
fn active_relapsed_refractory(p: &Patient) -> bool {
    match get(p.disease_status, "diseaseStatus") {
        DiseaseStatus::Refractory => true,
        DiseaseStatus::Relapsed => !get(p.in_remission, "inRemission"),
        DiseaseStatus::NewlyDiagnosed => false,
    }
}

/// The number of the complete remission the patient is in: CR1 when newly diagnosed, CR2 after a
/// first relapse, and so on. `None` when not in remission (a refractory disease never is).
fn complete_remission(p: &Patient) -> Option<u32> {
    match get(p.disease_status, "diseaseStatus") {
        DiseaseStatus::Refractory => None,
        DiseaseStatus::NewlyDiagnosed => get(p.in_remission, "inRemission").then_some(1),
        DiseaseStatus::Relapsed => {
            get(p.in_remission, "inRemission").then(|| get(p.relapse_number, "relapseNumber") + 1)
        }
    }
}

/// `monotherapy`: "Absent means `true` … but not where `philadelphia` is `positive`": there an
/// absent `monotherapy` is missing, so such a patient is not complete.
fn monotherapy(p: &Patient) -> bool {
    match (p.monotherapy, get(p.philadelphia, "philadelphia")) {
        (Some(given), _) => given,
        (None, Philadelphia::Negative) => true,
        (None, Philadelphia::Positive) => panic!("reference: the patient is not complete, monotherapy is absent in Ph-positive disease"),
    }
}

/// The contract's indication table. All: monotherapy (absent means `true` in Ph-negative
/// disease) for CD19-positive B-cell-precursor ALL.
pub fn indications(p: &Patient) -> Vec<IndicationId> {
    let mut out = Vec::new();
    if !monotherapy(p)
        || get(p.diagnosis, "diagnosis") != Diagnosis::BPrecursorAll
        || get(p.cd19, "cd19") != Cd19::Positive
    {
        return out;
    }
    let age = get(p.age_years, "ageYears");
    let adult = age >= 18.0;
    // "children from 1 month to < 18 years"; one month = 1/12 year (the tolerance absorbs the
    // rounding of 1/12 in binary).
    let child = age * 12.0 >= 1.0 - 1e-9 && age < 18.0;
    let ph_negative = get(p.philadelphia, "philadelphia") == Philadelphia::Negative;
    let status = get(p.disease_status, "diseaseStatus");
    let relapsed = status == DiseaseStatus::Relapsed;
    let active = active_relapsed_refractory(p);

    // adults: active relapsed/refractory; Ph-positive only after failure of >= 2 TKIs and with no
    // alternative treatment options.
    if adult
        && active
        && (ph_negative
            || (get(p.tki_failures, "tkiFailures") >= 2 && !get(p.other_options_available, "otherOptionsAvailable")))
    {
        out.push(IndicationId::AdultRelapsedRefractory);
    }
    // adults: Ph-negative; in first or second complete remission; MRD >= 0.1 %.
    if adult
        && ph_negative
        && matches!(complete_remission(p), Some(1 | 2))
        && get(p.mrd_percent, "mrdPercent") >= 0.1
    {
        out.push(IndicationId::AdultMrdPositive);
    }
    // adults: Ph-negative; newly diagnosed; as part of consolidation therapy.
    if adult && ph_negative && status == DiseaseStatus::NewlyDiagnosed && get(p.consolidation, "consolidation") {
        out.push(IndicationId::AdultNewlyDiagnosedConsolidation);
    }
    // children: Ph-negative; high-risk first relapse; as part of consolidation therapy.
    if child
        && ph_negative
        && relapsed
        && get(p.relapse_number, "relapseNumber") == 1
        && get(p.high_risk_relapse, "highRiskRelapse")
        && get(p.consolidation, "consolidation")
    {
        out.push(IndicationId::PaediatricHighRiskFirstRelapse);
    }
    // children: Ph-negative; active relapsed/refractory after >= 2 prior treatments, or relapsed
    // after prior allo-HSCT. READING: "relapsed after prior allo-HSCT" is read as an active
    // relapse (relapsed and not in remission), as the SmPC's "in relapse after" and the table's
    // "active" qualifier of the whole indication say; the dataset reads it the same way.
    if child
        && ph_negative
        && ((active && get(p.prior_therapy_lines, "priorTherapyLines") >= 2)
            || (relapsed && active && get(p.prior_allo_hsct, "priorAlloHsct")))
    {
        out.push(IndicationId::PaediatricRelapsedRefractory);
    }
    out
}

const SE_BRIDGING: &str =
    "Blincyto kan dock användas som bryggbehandling till barn och vuxna med ALL inför allogen stamcellstransplantation.";
const SE_CHILDREN: &str = "avstå från generell användning av Blincyto vid akut lymfatisk leukemi (ALL) hos barn";

/// The contract's "How the verdict follows from the sources" for a complete patient.
pub fn expected(p: &Patient) -> Expected {
    let on = indications(p);
    if on.is_empty() {
        return Expected { verdict: Verdict::OffLabel, indications: on, routes: Vec::new() };
    }
    let age = get(p.age_years, "ageYears");
    let ph_negative = get(p.philadelphia, "philadelphia") == Philadelphia::Negative;
    let planned = get(p.planned_allo_hsct, "plannedAlloHsct");
    let route = |indication, verdict, case, quote| Route { indication, verdict, case, quote };
    let routes: Vec<Route> = match get(p.jurisdiction, "jurisdiction") {
        Jurisdiction::Se => on
            .iter()
            .map(|&i| {
                if planned {
                    route(i, Verdict::Yes, None, Some(SE_BRIDGING))
                } else if age < 18.0 {
                    route(i, Verdict::No, None, Some(SE_CHILDREN))
                } else {
                    route(i, Verdict::NoRecommendation, None, None)
                }
            })
            .collect(),
        Jurisdiction::No => on
            .iter()
            .map(|&i| {
                use IndicationId as I;
                match i {
                    I::AdultRelapsedRefractory if ph_negative => route(i, Verdict::No, Some("ID2015_013"), None),
                    I::AdultRelapsedRefractory => route(i, Verdict::NoRecommendation, None, None),
                    I::AdultMrdPositive => match complete_remission(p) {
                        Some(1) => route(i, Verdict::YesWithConditions, Some("ID2019_118"), None),
                        _ => route(i, Verdict::No, Some("ID2019_118"), None),
                    },
                    I::AdultNewlyDiagnosedConsolidation => route(i, Verdict::NoRecommendation, None, None),
                    I::PaediatricHighRiskFirstRelapse if age >= 1.0 => {
                        route(i, Verdict::Pending, Some("ID2021_036"), None)
                    }
                    I::PaediatricRelapsedRefractory if age >= 1.0 => {
                        route(i, Verdict::Pending, Some("ID2021_047"), None)
                    }
                    I::PaediatricHighRiskFirstRelapse | I::PaediatricRelapsedRefractory => {
                        route(i, Verdict::NoRecommendation, None, None)
                    }
                }
            })
            .collect(),
    };
    // The most permissive route: yes > yes-with-conditions > pending > no-recommendation > no.
    let rank = |v: Verdict| match v {
        Verdict::Yes => 0,
        Verdict::YesWithConditions => 1,
        Verdict::Pending => 2,
        Verdict::NoRecommendation => 3,
        Verdict::No => 4,
        other => panic!("reference: {other} is no route verdict"),
    };
    let verdict = routes.iter().map(|r| r.verdict).min_by_key(|v| rank(*v)).unwrap();
    Expected { verdict, indications: on, routes }
}
