//! A sweep of the discretised input space, with invariants.
//!
//! The checker cuts every numeric field at the thresholds the dataset uses, so each field has a
//! few *representative values* (`blincyto_checker::data::domains()`): ages 0, 1/12, 1 and 18;
//! MRD 0 and 0.1; relapse 1 and 2; prior lines and TKI failures 0 and 2; both booleans; every
//! enum value. Two inputs whose values fall in the same intervals get the same verdict, so the
//! representative values stand for the whole input space.
//!
//! The full product with "absent" as one more value of every field is about 900 million inputs:
//! too many for `cargo test`. The sweep therefore does two things instead.
//!
//! a) **Every complete input** (every combination of every field's representative values, with
//!    `monotherapy` true, false or absent — about 885 000 inputs), through the full `evaluate()`.
//!    An absent `monotherapy` in Ph-positive disease is missing, never assumed: such an input is
//!    decided only where both values give the reference's same verdict, else `incomplete`
//!    missing `monotherapy` with both verdicts possible. For the others:
//!    the verdict is never `incomplete` and `missing` is empty; the verdict and the indications
//!    equal an INDEPENDENT hand transcription of the contract (`tests/common/reference.rs`, which
//!    reads neither the dataset nor the checker's internals); off-label exactly when no indication
//!    matches, and then without a recommendation; every other verdict carries a decision whose
//!    recommendation, source and quote exist in the dataset, whose status supports the verdict,
//!    and whose case number and quoted sentence are the ones the contract names.
//!    A fixed-seed sample of complete inputs with *other* numbers (exact thresholds, just below
//!    and above them, large counts) checks that the representative values really stand for their
//!    intervals. And every criterion the dataset uses, under EVERY partial assignment of the
//!    fields it reads, is decided early only when all its completions agree — exhaustive at the
//!    level the early verdicts are built from.
//! b) **Partial inputs**: every valid public example of `shared/contract/examples.json` with EVERY
//!    subset of its fields removed (2^k inputs each), and a fixed-seed set of 30 random complete
//!    patients: the first (on-label) with EVERY subset of its fields removed (2^16 inputs), the others
//!    with a fixed-seed sample of 1 000 subsets each (all subsets of all 30 would be about 3 million
//!    partial inputs, several minutes). For each partial input:
//!    - `missing` is empty exactly when the verdict is decided, and names only absent fields;
//!    - a decided verdict survives every one-step refinement (one absent field set to each of its
//!      representative values) — the step of the induction that filling in the form never
//!      contradicts an early verdict — and equals the reference on sampled completions;
//!    - for an incomplete verdict, each field in `missing` really matters: a search finds two
//!      COMPLETE inputs differing only in that field whose reference verdicts differ; and every
//!      other absent field really does not: for all completions (or a fixed-seed sample when
//!      there are more than a few hundred) changing it alone never changes the reference verdict.
//!
//! About 13 s of CPU time in the test profile (opt-level 3), spread over the available cores;
//! the timings are printed with `cargo test --test sweep -- --nocapture`.

mod common;

use std::time::Instant;

use blincyto_checker::data::{dataset, domains};
use blincyto_checker::dataset::Dataset;
use blincyto_checker::patient::Value;
use blincyto_checker::vocab::{Cd19, Diagnosis, DiseaseStatus, Field, Jurisdiction, Philadelphia, Verdict};
use blincyto_checker::{evaluate, Assessment, Patient};
use blincyto_model::domains::{for_each_completion, Domains};
use blincyto_model::validate::status_allows;
use blincyto_model::{logic, search};

use common::reference::{self, Expected};
use common::{show, Rng};

/// Collects failures, keeping the first few messages.
#[derive(Default)]
struct Failures {
    count: usize,
    messages: Vec<String>,
}

impl Failures {
    fn add(&mut self, msg: String) {
        self.count += 1;
        if self.messages.len() < 25 {
            self.messages.push(msg);
        }
    }
    fn merge(&mut self, other: Failures) {
        self.count += other.count;
        for m in other.messages {
            if self.messages.len() < 25 {
                self.messages.push(m);
            }
        }
    }
    fn assert_none(&self, what: &str, checked: usize) {
        assert!(
            self.count == 0,
            "{what}: {} failures in {checked} inputs; the first:\n{}",
            self.count,
            self.messages.join("\n")
        );
    }
}

/// Every field but `monotherapy` (whose absence means `true` in Ph-negative disease).
fn answer_fields() -> Vec<Field> {
    Field::ALL.iter().copied().filter(|f| *f != Field::Monotherapy).collect()
}

/// The fields a completion of `p` fills in: the absent ones, `monotherapy` too unless it is
/// assumed (Ph-negative disease). A completion sets an open `monotherapy` explicitly, so that
/// filling in `philadelphia` never turns it into an assumed one.
fn open_fields(p: &Patient) -> Vec<Field> {
    Field::ALL.iter().copied().filter(|f| p.get(*f).is_none() && !(*f == Field::Monotherapy && p.monotherapy_assumed())).collect()
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8)
}

/// The complete input number `index` of the representative-value product (monotherapy last:
/// absent, true, false).
fn complete_input(dom: &Domains, fields: &[Field], mut index: usize) -> Patient {
    let mut p = Patient::default();
    for f in fields {
        let values = dom.values(*f);
        p.set(*f, Some(values[index % values.len()]));
        index /= values.len();
    }
    p.monotherapy = [None, Some(true), Some(false)][index % 3];
    p
}

fn complete_count(dom: &Domains, fields: &[Field]) -> usize {
    fields.iter().map(|f| dom.values(*f).len()).product::<usize>() * 3
}

/// Every invariant of a complete input's full assessment.
fn check_complete(d: &Dataset, p: &Patient, want: &Expected, a: &Assessment, fail: &mut Failures) {
    let at = show(p);
    if a.verdict == Verdict::Incomplete || !a.missing.is_empty() {
        fail.add(format!("{at}: complete input gives {} with missing {:?}", a.verdict, a.missing));
        return;
    }
    if a.verdict != want.verdict {
        fail.add(format!("{at}: verdict {}, the contract says {}", a.verdict, want.verdict));
    }
    if a.label.indications != want.indications {
        fail.add(format!("{at}: indications {:?}, the contract says {:?}", a.label.indications, want.indications));
    }
    use blincyto_checker::assessment::LabelStatus;
    let off = a.label.indications.is_empty();
    if off != (a.verdict == Verdict::OffLabel) {
        fail.add(format!("{at}: verdict {} with indications {:?}", a.verdict, a.label.indications));
    }
    let want_status = if off { LabelStatus::OffLabel } else { LabelStatus::OnLabel };
    if a.label.status != want_status {
        fail.add(format!("{at}: label status {:?}, expected {want_status:?}", a.label.status));
    }
    let assumed = p.monotherapy.is_none() && a.verdict != Verdict::OffLabel;
    if assumed != (a.assumptions == [blincyto_checker::assessment::Assumption::Monotherapy]) {
        fail.add(format!("{at}: assumptions {:?}", a.assumptions));
    }
    if a.jurisdiction != p.jurisdiction || a.dataset.version != d.version || a.dataset.as_of != d.as_of {
        fail.add(format!("{at}: jurisdiction or dataset info wrong"));
    }
    for s in a.sources.iter() {
        if !d.sources.iter().any(|x| std::ptr::eq(x, *s)) {
            fail.add(format!("{at}: source {:?} is not in the dataset", s.id));
        }
    }
    for (i, s) in a.sources.iter().enumerate() {
        if a.sources[..i].iter().any(|o| o.id == s.id) {
            fail.add(format!("{at}: source {:?} listed twice", s.id));
        }
    }
    if off {
        if !a.decision.is_empty() {
            fail.add(format!("{at}: off-label carries a recommendation {:?}", a.decision[0].recommendation.id));
        }
        return;
    }
    if a.decision.is_empty() {
        fail.add(format!("{at}: verdict {} without a decision", a.verdict));
        return;
    }
    let jd = d.jurisdiction(p.jurisdiction.unwrap()).unwrap();
    for dec in a.decision.iter() {
        let at = format!("{at}, decision for {}", dec.indication);
        if dec.verdict != a.verdict {
            fail.add(format!("{at}: decision verdict {} differs from {}", dec.verdict, a.verdict));
        }
        if !a.label.indications.contains(&dec.indication) {
            fail.add(format!("{at}: the patient is not on this indication"));
        }
        match jd.recommendation(&dec.recommendation.id) {
            Some(r) if std::ptr::eq(r, dec.recommendation) => {}
            _ => fail.add(format!("{at}: recommendation {:?} is not in the dataset", dec.recommendation.id)),
        }
        if !status_allows(dec.recommendation.status, dec.verdict) {
            fail.add(format!("{at}: status {} does not support {}", dec.recommendation.status, dec.verdict));
        }
        match d.source(&dec.source.id) {
            Some(s) if s.quotes.iter().any(|q| q.text == dec.quote) => {}
            Some(_) => fail.add(format!("{at}: quote {:?} is not in source {:?}", dec.quote, dec.source.id)),
            None => fail.add(format!("{at}: source {:?} is not in the dataset", dec.source.id)),
        }
        if !a.sources.iter().any(|s| s.id == dec.source.id) {
            fail.add(format!("{at}: source {:?} missing from `sources`", dec.source.id));
        }
    }
    // The winning routes of the contract, with the case numbers and sentences it names.
    let winners: Vec<_> = want.routes.iter().filter(|r| r.verdict == want.verdict).collect();
    let got: Vec<_> = a.decision.iter().map(|x| x.indication).collect();
    let wanted: Vec<_> = winners.iter().map(|r| r.indication).collect();
    if got != wanted {
        fail.add(format!("{at}: decisions for {got:?}, the contract's winning routes are {wanted:?}"));
        return;
    }
    for (dec, route) in a.decision.iter().zip(winners) {
        if dec.recommendation.case.as_deref() != route.case {
            fail.add(format!(
                "{at}: {} rests on case {:?}, the contract names {:?}",
                dec.indication, dec.recommendation.case, route.case
            ));
        }
        if let Some(q) = route.quote {
            if !dec.quote.contains(q) {
                fail.add(format!("{at}: {} quotes {:?}, the contract quotes {q:?}", dec.indication, dec.quote));
            }
        }
    }
    // Sweden: with bridging, the VGR note (a note, not a condition).
    let vgr_note = a.notes.iter().any(|n| {
        d.quote(&n.cite).is_some_and(|(_, q)| q.text.contains("Behandlande enhet står för läkemedelskostnaden fram till beslut"))
    });
    if p.jurisdiction == Some(Jurisdiction::Se) && (a.verdict == Verdict::Yes) != vgr_note {
        fail.add(format!("{at}: Sweden, verdict {}, VGR note shown: {vgr_note}", a.verdict));
    }
}

/// A complete input but for `monotherapy`, absent in Ph-positive disease: never assumed (the
/// contract). Decided when both values give the same verdict; else `incomplete`, missing
/// `monotherapy` alone, with the two verdicts as `possibleVerdicts`.
fn check_monotherapy_open(p: &Patient, a: &Assessment, fail: &mut Failures) {
    let at = show(p);
    let with = |m: bool| reference::expected(&Patient { monotherapy: Some(m), ..p.clone() }).verdict;
    let (alone, combined) = (with(true), with(false));
    if !a.assumptions.is_empty() {
        fail.add(format!("{at}: Ph-positive, monotherapy not given, yet assumed {:?}", a.assumptions));
    }
    if alone == combined {
        if a.verdict != alone || a.possible_verdicts != [alone] || !a.missing.is_empty() {
            fail.add(format!("{at}: {} {:?} missing {:?}, the contract says {alone}", a.verdict, a.possible_verdicts, a.missing));
        }
        return;
    }
    let mut both = vec![alone, combined];
    both.sort();
    if a.verdict != Verdict::Incomplete || a.missing != [Field::Monotherapy] || a.possible_verdicts != both {
        fail.add(format!(
            "{at}: {} {:?} missing {:?}; the contract says incomplete {both:?}, missing monotherapy",
            a.verdict, a.possible_verdicts, a.missing
        ));
    }
}

#[test]
fn a_every_complete_input_follows_the_contract() {
    let start = Instant::now();
    let d = dataset();
    let dom = domains();
    let fields = answer_fields();
    let total = complete_count(dom, &fields);
    assert!(total > 500_000, "the representative product shrank to {total}: did the domains change?");
    let n = threads();
    let fail = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..n)
            .map(|t| {
                let fields = &fields;
                scope.spawn(move || {
                    let mut fail = Failures::default();
                    for index in (t..total).step_by(n) {
                        let p = complete_input(dom, fields, index);
                        if p.monotherapy_or_assumed().is_none() {
                            check_monotherapy_open(&p, &evaluate(&p), &mut fail);
                            continue;
                        }
                        let want = reference::expected(&p);
                        // The fast path the decision tree uses, and the full assessment.
                        match logic::verdict(d, &p) {
                            Ok(v) if v == want.verdict => {}
                            other => fail.add(format!("{}: logic::verdict {other:?}, the contract says {}", show(&p), want.verdict)),
                        }
                        check_complete(d, &p, &want, &evaluate(&p), &mut fail);
                    }
                    fail
                })
            })
            .collect();
        let mut all = Failures::default();
        workers.into_iter().for_each(|w| all.merge(w.join().unwrap()));
        all
    });
    eprintln!("sweep a: {total} complete inputs in {:?}", start.elapsed());
    fail.assert_none("complete inputs", total);
}

/// Numbers that are not representative values: thresholds exactly, just below and above them, and
/// the extremes. Each must behave like the representative value of its interval.
fn off_grid_values(field: Field) -> Vec<Value> {
    let n = |v: &[f64]| v.iter().map(|x| Value::Number(*x)).collect();
    let c = |v: &[u32]| v.iter().map(|x| Value::Count(*x)).collect();
    match field {
        Field::AgeYears => n(&[0.0, 0.02, 1.0 / 12.0 - 1e-4, 1.0 / 12.0, 0.084, 0.5, 0.999, 1.0, 1.001, 8.0, 17.999, 18.0, 18.001, 52.0, 120.0]),
        Field::MrdPercent => n(&[0.0, 0.001, 0.0999, 0.1, 0.1001, 0.5, 99.0, 100.0]),
        Field::RelapseNumber => c(&[1, 2, 3, 7, 1000]),
        Field::PriorTherapyLines | Field::TkiFailures => c(&[0, 1, 2, 3, 1000]),
        _ => domains().values(field).to_vec(),
    }
}

#[test]
fn a_off_grid_numbers_behave_like_their_representative() {
    let start = Instant::now();
    let d = dataset();
    let dom = domains();
    let fields = answer_fields();
    let mut rng = Rng::new(0x5EED_0001);
    let mut fail = Failures::default();
    const SAMPLES: usize = 200_000;
    for _ in 0..SAMPLES {
        let mut p = Patient::default();
        let mut rep = Patient::default();
        for f in &fields {
            let v = rng.pick(&off_grid_values(*f));
            p.set(*f, Some(v));
            rep.set(*f, Some(dom.values(*f)[dom.class_of(*f, v)]));
        }
        p.monotherapy = rng.pick(&[None, Some(true), Some(false)]);
        if p.monotherapy_or_assumed().is_none() {
            // Not complete: an absent monotherapy is missing in Ph-positive disease.
            p.monotherapy = Some(rng.chance(50));
        }
        rep.monotherapy = p.monotherapy;
        let want = reference::expected(&p);
        let got = logic::verdict(d, &p);
        if got != Ok(want.verdict) {
            fail.add(format!("{}: logic::verdict {got:?}, the contract says {}", show(&p), want.verdict));
        }
        if logic::verdict(d, &rep) != got {
            fail.add(format!("{}: differs from its representative {}", show(&p), show(&rep)));
        }
        let on: Vec<_> = logic::label(d, &p).map(|s| s.iter().collect()).unwrap_or_default();
        if on != want.indications {
            fail.add(format!("{}: indications {on:?}, the contract says {:?}", show(&p), want.indications));
        }
    }
    eprintln!("sweep a (off-grid): {SAMPLES} sampled complete inputs in {:?}", start.elapsed());
    fail.assert_none("off-grid complete inputs", SAMPLES);
}

/// Every criterion the dataset uses (indications, rule conditions, notes, and every part of an
/// any-of / all-of), under EVERY partial assignment of the fields it reads (each absent or one of
/// its representative values): when `logic::eval` decides it early, every completion agrees.
/// This is exhaustive at the level the early verdicts are built from, so it covers the partial
/// inputs that part b can only sample.
#[test]
fn a_criteria_decide_early_only_what_every_completion_agrees_on() {
    use blincyto_checker::vocab::Criterion;
    let d = dataset();
    let dom = domains();
    let mut all: Vec<&Criterion> = Vec::new();
    fn walk<'c>(c: &'c Criterion, out: &mut Vec<&'c Criterion>) {
        out.push(c);
        if let Criterion::AllOf(v) | Criterion::AnyOf(v) = c {
            v.iter().for_each(|c| walk(c, out));
        }
    }
    d.indications.iter().flat_map(|i| i.criteria.iter()).for_each(|c| walk(c, &mut all));
    for j in d.jurisdictions.iter() {
        j.rules.iter().flat_map(|r| r.when.iter()).for_each(|c| walk(c, &mut all));
        j.notes.iter().flat_map(|n| n.when.iter()).for_each(|c| walk(c, &mut all));
    }
    let mut fail = Failures::default();
    let mut checked = 0;
    for c in all {
        // `monotherapy` too: absent, it is open unless assumed (then `philadelphia` is known
        // negative, which no criterion reading `monotherapy` reads as well).
        let fields: Vec<Field> = c.fields();
        // Every partial assignment: each field absent or one of its values.
        let mut partials = vec![Patient::default()];
        for f in &fields {
            partials = partials
                .into_iter()
                .flat_map(|p| {
                    let mut out = vec![p.clone()];
                    out.extend(dom.values(*f).iter().map(|v| p.with(*f, *v)));
                    out
                })
                .collect();
        }
        for p in &partials {
            checked += 1;
            let early = logic::eval(c, p);
            let absent: Vec<Field> = fields.iter().copied().filter(|f| p.get(*f).is_none()).collect();
            if let Err(f) = early {
                if !absent.contains(&f) {
                    fail.add(format!("{c:?} on {}: waits for {f}, which is given or not read", show(p)));
                }
            }
            for_each_completion(dom, p, &absent, &mut |q| match (early, logic::eval(c, q)) {
                (_, Err(f)) => fail.add(format!("{c:?} on the complete {}: still waits for {f}", show(q))),
                (Ok(b), Ok(full)) if b != full => fail.add(format!(
                    "{c:?}: decided {b} on {}, but the completion {} gives {full}",
                    show(p),
                    show(q)
                )),
                _ => {}
            });
        }
    }
    eprintln!("sweep a (criteria): {checked} partial assignments");
    fail.assert_none("criteria on partial assignments", checked);
}

// ------------------------------------------------------------------------------------------------
// b) partial inputs
// ------------------------------------------------------------------------------------------------

/// Fills every open field of `p` ([`open_fields`]) with a random representative value.
fn random_completion(dom: &Domains, p: &Patient, rng: &mut Rng) -> Patient {
    let mut c = p.clone();
    for f in open_fields(p) {
        c.set(f, Some(rng.pick(dom.values(f))));
    }
    c
}

/// Fills every open field with its first representative value.
fn first_completion(dom: &Domains, p: &Patient) -> Patient {
    let mut c = p.clone();
    for f in open_fields(p) {
        c.set(f, Some(dom.values(f)[0]));
    }
    c
}

/// Searches for two completions of `p` that differ only in `field` and get different verdicts,
/// branching on the field `logic::verdict` asks for next. Returns the pair of values and the
/// partial patient where both branches are decided.
fn find_witness(d: &Dataset, dom: &Domains, p: &Patient, field: Field, budget: &mut u32) -> Option<(Patient, Value, Value)> {
    if *budget == 0 {
        return None;
    }
    *budget -= 1;
    let mut first: Option<(Value, Verdict)> = None;
    let mut branch: Option<Field> = None;
    for x in dom.values(field) {
        match logic::verdict(d, &p.with(field, *x)) {
            Ok(v) => match first {
                Some((x1, v1)) if v1 != v => return Some((p.clone(), x1, *x)),
                Some(_) => {}
                None => first = Some((*x, v)),
            },
            Err(g) => {
                branch.get_or_insert(g);
            }
        }
    }
    let g = branch?;
    dom.values(g).iter().find_map(|y| find_witness(d, dom, &p.with(g, *y), field, budget))
}

/// The number of completions of `p` over its open fields other than `except`.
fn completion_count(dom: &Domains, p: &Patient, except: Field) -> usize {
    open_fields(p).into_iter().filter(|f| *f != except).map(|f| dom.values(f).len()).product()
}

#[derive(Default)]
struct Stats {
    inputs: usize,
    decided: usize,
    incomplete: usize,
    refinements: usize,
    witnesses: usize,
    irrelevant_checks: usize,
}

/// Every check of part b on one partial input.
fn check_partial(d: &Dataset, dom: &Domains, p: &Patient, rng: &mut Rng, stats: &mut Stats, fail: &mut Failures) {
    let a = evaluate(p);
    let at = show(p);
    stats.inputs += 1;
    if a.missing.is_empty() != (a.verdict != Verdict::Incomplete) {
        fail.add(format!("{at}: verdict {} with missing {:?}", a.verdict, a.missing));
        return;
    }
    let open = open_fields(p);
    for m in a.missing.iter() {
        if !open.contains(m) {
            fail.add(format!("{at}: missing lists {m}, which is given (or assumed)"));
        }
    }
    // Indications reported as met are met in every completion (checked on samples).
    let samples: Vec<Patient> = (0..4).map(|_| random_completion(dom, p, rng)).collect();
    for c in &samples {
        let want = reference::expected(c);
        if let Some(i) = a.label.indications.iter().find(|i| !want.indications.contains(i)) {
            fail.add(format!("{at}: lists {i} as met, but the completion {} is not on it", show(c)));
        }
        if a.verdict != Verdict::Incomplete && want.verdict != a.verdict {
            fail.add(format!("{at}: decided {}, but the completion {} gets {}", a.verdict, show(c), want.verdict));
        }
    }
    if a.verdict != Verdict::Incomplete {
        stats.decided += 1;
        if a.possible_verdicts != [a.verdict] {
            fail.add(format!("{at}: decided {}, possible verdicts {:?}", a.verdict, a.possible_verdicts));
        }
        // Every one-step refinement keeps the verdict (an assumed `monotherapy` is `true`, its
        // only refinement).
        for f in &open {
            for x in dom.values(*f) {
                stats.refinements += 1;
                let r = p.with(*f, *x);
                let got = search::possible_verdicts(d, dom, &r, 2).single();
                if got != Some(a.verdict) {
                    fail.add(format!("{at}: decided {}, but setting {f} to {} gives {got:?}", a.verdict, x.to_contract_string()));
                }
            }
        }
        return;
    }
    stats.incomplete += 1;
    // The possible verdicts are those of the completions (sampled), at least two of them.
    if a.possible_verdicts.len() < 2 || a.possible_verdicts.contains(&Verdict::Incomplete) {
        fail.add(format!("{at}: incomplete, possible verdicts {:?}", a.possible_verdicts));
    }
    for c in &samples {
        let v = reference::expected(c).verdict;
        if !a.possible_verdicts.contains(&v) {
            fail.add(format!("{at}: possible verdicts {:?}, but the completion {} gets {v}", a.possible_verdicts, show(c)));
        }
    }
    // Each missing field really matters: two complete inputs differing only in it. (An open
    // `monotherapy` is set first, so that the search never assumes it.)
    let pinned: Vec<Patient> = if open.contains(&Field::Monotherapy) {
        [true, false].map(|m| p.with(Field::Monotherapy, Value::Flag(m))).into()
    } else {
        vec![p.clone()]
    };
    for m in a.missing.iter() {
        stats.witnesses += 1;
        let mut budget = 20_000;
        let witness = pinned.iter().find_map(|q| find_witness(d, dom, if *m == Field::Monotherapy { p } else { q }, *m, &mut budget));
        match witness {
            None => fail.add(format!("{at}: missing lists {m}, but no two completions differing in it alone differ")),
            Some((q, x1, x2)) => {
                let c = first_completion(dom, &q);
                let (v1, v2) = (reference::expected(&c.with(*m, x1)).verdict, reference::expected(&c.with(*m, x2)).verdict);
                if v1 == v2 {
                    fail.add(format!(
                        "{at}: witness for {m} fails: {} gets {v1} with {m} = {} and with {}",
                        show(&c),
                        x1.to_contract_string(),
                        x2.to_contract_string()
                    ));
                }
            }
        }
    }
    // Every other absent field really does not matter.
    const EXHAUSTIVE_UP_TO: usize = 256;
    const SAMPLED: usize = 16;
    for g in open.iter().filter(|g| !a.missing.contains(g)) {
        stats.irrelevant_checks += 1;
        let others: Vec<Field> = open.iter().copied().filter(|f| f != g).collect();
        let mut check = |c: &Patient| {
            let verdicts: Vec<Verdict> = dom.values(*g).iter().map(|x| reference::expected(&c.with(*g, *x)).verdict).collect();
            if verdicts.iter().any(|v| *v != verdicts[0]) {
                fail.add(format!("{at}: {g} is not listed as missing, but for {} it gives {verdicts:?}", show(c)));
            }
        };
        if completion_count(dom, p, *g) <= EXHAUSTIVE_UP_TO {
            for_each_completion(dom, p, &others, &mut |c| check(c));
        } else {
            for _ in 0..SAMPLED {
                let mut c = p.clone();
                for f in &others {
                    c.set(*f, Some(rng.pick(dom.values(*f))));
                }
                check(&c);
            }
        }
    }
}

/// `p` without the fields whose bit in `mask` is clear (`fields[i]` is bit `i`).
fn keep(p: &Patient, fields: &[Field], mask: u32) -> Patient {
    let mut q = p.clone();
    for (i, f) in fields.iter().enumerate() {
        if mask & (1 << i) == 0 {
            q.set(*f, None);
        }
    }
    q
}

fn given_fields(p: &Patient) -> Vec<Field> {
    Field::ALL.iter().copied().filter(|f| p.get(*f).is_some()).collect()
}

fn public_example_inputs() -> Vec<(String, Patient)> {
    let text = std::fs::read_to_string(common::shared_dir().join("contract/examples.json")).unwrap();
    let cases: serde_json::Value = serde_json::from_str(&text).unwrap();
    cases
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["expect"].get("error").is_none())
        .map(|c| (c["name"].as_str().unwrap().to_string(), common::patient(&c["input"]).expect("a valid example")))
        .collect()
}

/// A random complete patient, with numbers off the representative grid too, biased towards the
/// B-precursor CD19-positive monotherapy patients the rules are about.
fn random_complete_patient(rng: &mut Rng) -> Patient {
    let mut p = Patient {
        jurisdiction: Some(rng.pick(Jurisdiction::ALL)),
        diagnosis: Some(if rng.chance(85) { Diagnosis::BPrecursorAll } else { rng.pick(Diagnosis::ALL) }),
        cd19: Some(if rng.chance(85) { Cd19::Positive } else { Cd19::Negative }),
        philadelphia: Some(if rng.chance(75) { Philadelphia::Negative } else { Philadelphia::Positive }),
        disease_status: Some(rng.pick(DiseaseStatus::ALL)),
        in_remission: Some(rng.chance(50)),
        consolidation: Some(rng.chance(50)),
        high_risk_relapse: Some(rng.chance(50)),
        prior_allo_hsct: Some(rng.chance(50)),
        other_options_available: Some(rng.chance(50)),
        planned_allo_hsct: Some(rng.chance(50)),
        monotherapy: rng.pick(&[None, None, Some(true), Some(true), Some(false)]),
        ..Patient::default()
    };
    if p.monotherapy_or_assumed().is_none() {
        // Complete: in Ph-positive disease monotherapy is given.
        p.monotherapy = Some(rng.chance(70));
    }
    for f in [Field::AgeYears, Field::MrdPercent, Field::RelapseNumber, Field::PriorTherapyLines, Field::TkiFailures] {
        p.set(f, Some(rng.pick(&off_grid_values(f))));
    }
    p
}

/// Runs `check_partial` on the given subsets of each base patient, on all threads.
fn run_partial(bases: &[(String, Patient, Vec<u32>)]) -> (Stats, Failures) {
    let d = dataset();
    let dom = domains();
    let n = threads();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..n)
            .map(|t| {
                scope.spawn(move || {
                    let mut stats = Stats::default();
                    let mut fail = Failures::default();
                    let mut rng = Rng::new(0xB0B0 + t as u64);
                    let mut job = 0usize;
                    for (name, base, masks) in bases {
                        let fields = given_fields(base);
                        for mask in masks {
                            job += 1;
                            if job % n != t {
                                continue;
                            }
                            let mut local = Failures::default();
                            check_partial(d, dom, &keep(base, &fields, *mask), &mut rng, &mut stats, &mut local);
                            for m in local.messages.iter().take(1) {
                                fail.add(format!("[{name}] {m}"));
                            }
                            fail.count += local.count.saturating_sub(1);
                        }
                    }
                    (stats, fail)
                })
            })
            .collect();
        let mut stats = Stats::default();
        let mut fail = Failures::default();
        for w in workers {
            let (s, f) = w.join().unwrap();
            stats.inputs += s.inputs;
            stats.decided += s.decided;
            stats.incomplete += s.incomplete;
            stats.refinements += s.refinements;
            stats.witnesses += s.witnesses;
            stats.irrelevant_checks += s.irrelevant_checks;
            fail.merge(f);
        }
        (stats, fail)
    })
}

fn report(what: &str, stats: &Stats, start: Instant) {
    eprintln!(
        "sweep b ({what}): {} partial inputs ({} decided, {} incomplete), {} refinements, {} witnesses, {} irrelevance checks in {:?}",
        stats.inputs, stats.decided, stats.incomplete, stats.refinements, stats.witnesses, stats.irrelevant_checks, start.elapsed()
    );
}

#[test]
fn b_every_subset_of_every_public_example() {
    let start = Instant::now();
    let bases: Vec<(String, Patient, Vec<u32>)> = public_example_inputs()
        .into_iter()
        .map(|(name, p)| {
            let k = given_fields(&p).len() as u32;
            (name, p, (0..1u32 << k).collect())
        })
        .collect();
    assert!(bases.len() >= 15, "expected the public examples, found {}", bases.len());
    let (stats, fail) = run_partial(&bases);
    report("public examples, every subset", &stats, start);
    assert!(stats.incomplete > 1000 && stats.decided > 100, "too few inputs of each kind");
    fail.assert_none("subsets of the public examples", stats.inputs);
}

/// How many of the random patients get every subset; the others get `SAMPLED_SUBSETS`.
const EXHAUSTIVE_PATIENTS: usize = 1;
const RANDOM_PATIENTS: usize = 30;
const SAMPLED_SUBSETS: usize = 1_000;

#[test]
fn b_subsets_of_random_complete_patients() {
    let start = Instant::now();
    let mut rng = Rng::new(0x5EED_0002);
    let bases: Vec<(String, Patient, Vec<u32>)> = (0..RANDOM_PATIENTS)
        .map(|i| {
            let mut p = random_complete_patient(&mut rng);
            if i < EXHAUSTIVE_PATIENTS {
                // An on-label patient, `monotherapy` left absent (2^16 subsets): its subsets reach
                // every kind of verdict. The sampled ones cover a given `monotherapy`.
                while reference::expected(&p).verdict == Verdict::OffLabel {
                    p = random_complete_patient(&mut rng);
                }
                p.monotherapy = None;
            }
            let k = given_fields(&p).len() as u32;
            let masks: Vec<u32> = if i < EXHAUSTIVE_PATIENTS {
                (0..1u32 << k).collect()
            } else {
                // Always the complete and the empty input, then a fixed-seed sample.
                let mut m = vec![(1 << k) - 1, 0];
                m.extend((0..SAMPLED_SUBSETS).map(|_| rng.below(1 << k) as u32));
                m
            };
            (format!("random patient {i} {}", show(&p)), p, masks)
        })
        .collect();
    let (stats, fail) = run_partial(&bases);
    report("random complete patients", &stats, start);
    fail.assert_none("subsets of random complete patients", stats.inputs);
}

/// Regression (found by part b): with `diseaseStatus` unknown, `inRemission: true` was taken to
/// rule out "active relapsed/refractory" — but a `refractory` disease is active whatever
/// `inRemission` says, so this child was called off-label although `refractory` puts it on the
/// paediatric relapsed/refractory indication.
#[test]
fn unknown_status_in_remission_is_not_decided_early() {
    let input = serde_json::json!({
        "jurisdiction": "se", "ageYears": 8, "diagnosis": "b-precursor-all", "cd19": "positive",
        "philadelphia": "negative", "inRemission": true, "consolidation": false, "priorTherapyLines": 2,
    });
    let p = common::patient(&input).unwrap();
    let a = evaluate(&p);
    assert_eq!(a.verdict, Verdict::Incomplete, "{input}");
    assert!(a.missing.contains(&Field::DiseaseStatus), "{:?}", a.missing);
    let refractory = evaluate(&p.with(Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Refractory)));
    assert_eq!(refractory.label.indications, [blincyto_checker::vocab::IndicationId::PaediatricRelapsedRefractory]);
}
