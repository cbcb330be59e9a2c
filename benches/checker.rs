//! Native throughput of the checker, for `scripts/bench.sh` (docs/benchmarks.md).
//!
//! `cargo bench --bench checker` prints machine-readable lines `name value unit`.
//! Not a test: it asserts nothing, it measures.

use std::hint::black_box;
use std::time::Instant;

use blincyto_checker::data::{dataset, domains};
use blincyto_checker::patient::{Patient, Value};
use blincyto_checker::vocab::Field;
use blincyto_model::domains::for_each_completion;
use blincyto_model::{patients, search};

/// Decided, on label in each country, partly answered, off label from the diagnosis, and empty.
fn examples() -> Vec<Patient> {
    vec![
        patients::child_second_relapse(),
        patients::adult_mrd_positive_cr1_norway(),
        Patient { cd19: None, philadelphia: None, ..patients::b_all(52.0) },
        patients::t_all(),
        Patient::default(),
    ]
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
