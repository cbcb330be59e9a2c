//! Native throughput of the checker, for `scripts/bench.sh` (docs/benchmarks.md).
//!
//! `cargo bench --bench checker` prints machine-readable lines `name value unit`.
//! Not a test: it asserts nothing, it measures.

use std::hint::black_box;
use std::time::Instant;

use blincyto_checker::data::{dataset, domains};
use blincyto_checker::patient::{Patient, Value};
use blincyto_checker::vocab::{Cd19, Diagnosis, DiseaseStatus, Field, Jurisdiction, Philadelphia};
use blincyto_model::domains::for_each_completion;
use blincyto_model::search;

fn examples() -> Vec<Patient> {
    let child = Patient {
        jurisdiction: Some(Jurisdiction::Se),
        age_years: Some(8.0),
        diagnosis: Some(Diagnosis::BPrecursorAll),
        cd19: Some(Cd19::Positive),
        philadelphia: Some(Philadelphia::Negative),
        disease_status: Some(DiseaseStatus::Relapsed),
        relapse_number: Some(2),
        in_remission: Some(false),
        prior_therapy_lines: Some(2),
        prior_allo_hsct: Some(false),
        planned_allo_hsct: Some(false),
        ..Patient::default()
    };
    let adult_mrd = Patient {
        jurisdiction: Some(Jurisdiction::No),
        age_years: Some(34.0),
        diagnosis: Some(Diagnosis::BPrecursorAll),
        cd19: Some(Cd19::Positive),
        philadelphia: Some(Philadelphia::Negative),
        disease_status: Some(DiseaseStatus::NewlyDiagnosed),
        in_remission: Some(true),
        mrd_percent: Some(0.5),
        consolidation: Some(false),
        ..Patient::default()
    };
    let adult_part = Patient {
        jurisdiction: Some(Jurisdiction::Se),
        age_years: Some(52.0),
        diagnosis: Some(Diagnosis::BPrecursorAll),
        ..Patient::default()
    };
    let t_all = Patient { diagnosis: Some(Diagnosis::TAll), ..Patient::default() };
    vec![child, adult_mrd, adult_part, t_all, Patient::default()]
}

fn rate(name: &str, mut f: impl FnMut() -> usize) {
    let start = Instant::now();
    let mut n = 0;
    while start.elapsed().as_secs_f64() < 1.0 {
        n += f();
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{name} {:.0} per_second", n as f64 / secs);
}

fn main() {
    let d = dataset();
    let dom = domains();
    for (i, p) in examples().iter().enumerate() {
        rate(&format!("evaluate_example_{i}"), || {
            black_box(blincyto_checker::evaluate(black_box(p)));
            1
        });
    }
    let all = examples();
    rate("evaluate_mixed", || {
        all.iter().for_each(|p| {
            black_box(blincyto_checker::evaluate(black_box(p)));
        });
        all.len()
    });

    // The whole discretised space of complete inputs.
    let fields: Vec<Field> = Field::ALL.to_vec();
    let mut count = 0usize;
    let start = Instant::now();
    for_each_completion(dom, &Patient::default(), &fields, &mut |p| {
        count += 1;
        black_box(search::possible_verdicts(d, dom, p, 2));
    });
    let secs = start.elapsed().as_secs_f64();
    println!("complete_space_inputs {count} inputs");
    println!("complete_space_seconds {secs:.3} seconds");
    let _ = Value::Flag(true);
}
