//! The completion search: the definition of the decided verdict, of the fields still missing and
//! of every met / not met / unknown, by walking the completions of a partial patient over the
//! representative values (only the branches the rules read). [`evaluate`] and [`alternatives`]
//! answer by it what `crate::assessment` answers from the decision diagrams.
//!
//! The tests' oracle, not shipped: compiled only with the cargo feature `search`, which the root
//! crate's dev-dependencies enable (tests/diagrams.rs compares the two ways on every input it
//! makes, tests/sweep.rs checks the search against the contract). The diagrams give the same
//! answers hundreds of times faster. The top of the model: it imports [`crate::assessment`] (to
//! assemble the same [`Assessment`]) and the layers below.

use crate::assessment::{alternatives_by, assess, Alternative, Assessment, Completions};
use crate::dataset::Dataset;
use crate::domains::Domains;
use crate::logic::{eval_all, verdict, Check};
use crate::patient::{Patient, Value};
use crate::vocab::{Criterion, Field, FieldSet, Verdict};

/// [`crate::assessment::evaluate`] by search: the same assessment, to the last field, for every
/// input (`dom` is [`Domains::of`] `d`).
pub fn evaluate<'d>(d: &'d Dataset, dom: &Domains, p: &Patient) -> Assessment<'d> {
    assess(d, p, &mut Search { d, dom, p })
}

/// [`crate::assessment::decided`] by search.
pub fn decided(d: &Dataset, dom: &Domains, p: &Patient) -> Option<Verdict> {
    possible_verdicts(d, dom, p, 2).single()
}

/// [`crate::assessment::alternatives`] by search.
pub fn alternatives(d: &Dataset, dom: &Domains, p: &Patient) -> Vec<Alternative> {
    alternatives_by(dom, p, |q| decided(d, dom, q))
}

/// The completions of one partial patient, searched one by one.
struct Search<'a> {
    d: &'a Dataset,
    dom: &'a Domains,
    p: &'a Patient,
}

impl Completions for Search<'_> {
    fn decided(&mut self) -> Option<Verdict> {
        decided(self.d, self.dom, self.p)
    }

    fn possible(&mut self) -> Vec<Verdict> {
        possible_verdicts(self.d, self.dom, self.p, u32::MAX).iter().collect()
    }

    fn missing(&mut self) -> Vec<Field> {
        let Search { d, dom, p } = *self;
        Field::ALL
            .iter()
            .copied()
            .filter(|f| p.get(*f).is_none() && !(*f == Field::Monotherapy && p.monotherapy_assumed()))
            .filter(|f| is_relevant(d, dom, p, *f))
            .collect()
    }

    fn check(&mut self, i: usize, criterion: Option<usize>) -> Check {
        let criteria = &self.d.indications[i].criteria;
        match criterion {
            None => check_exact(self.dom, criteria, self.p),
            Some(k) => check_exact(self.dom, core::slice::from_ref(&criteria[k]), self.p),
        }
    }

    fn fields(&self, i: usize, k: usize) -> FieldSet {
        self.d.indications[i].criteria[k].field_set()
    }

    fn on_label(&mut self) -> Check {
        let on_some =
            Criterion::AnyOf(self.d.indications.iter().map(|i| Criterion::AllOf(i.criteria.clone())).collect());
        check_exact(self.dom, core::slice::from_ref(&on_some), self.p)
    }
}

/// A set of verdicts, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VerdictSet(u8);

impl VerdictSet {
    pub fn insert(&mut self, v: Verdict) {
        self.0 |= 1 << (v as u8);
    }
    pub fn len(self) -> u32 {
        self.0.count_ones()
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn contains(self, v: Verdict) -> bool {
        self.0 & (1 << (v as u8)) != 0
    }
    /// The one verdict, if the set holds exactly one.
    pub fn single(self) -> Option<Verdict> {
        (self.len() == 1).then(|| Verdict::ALL[self.0.trailing_zeros() as usize])
    }
    pub fn iter(self) -> impl Iterator<Item = Verdict> {
        Verdict::ALL.iter().copied().filter(move |v| self.contains(*v))
    }
}

/// The completions of `p` with `monotherapy` given: `p` itself, or, where an absent
/// `monotherapy` is not assumed (the disease is Ph-positive or could be), `p` with each value.
/// Filling in the other fields one by one could otherwise turn the open `monotherapy` into an
/// assumed one (a Ph-negative branch) and drop the completions where it is `false`.
fn pinned(p: &Patient) -> Vec<Patient> {
    if p.monotherapy_or_assumed().is_some() {
        vec![p.clone()]
    } else {
        [true, false].map(|m| p.with(Field::Monotherapy, Value::Flag(m))).into()
    }
}

/// Every verdict some completion of `p` gets. Walks only the branches the rules read, and
/// stops early once `stop_at` distinct verdicts are found.
pub fn possible_verdicts(d: &Dataset, dom: &Domains, p: &Patient, stop_at: u32) -> VerdictSet {
    let mut out = VerdictSet::default();
    for q in pinned(p) {
        collect_verdicts(d, dom, &q, stop_at, &mut out);
        if out.len() >= stop_at {
            break;
        }
    }
    out
}

fn collect_verdicts(d: &Dataset, dom: &Domains, p: &Patient, stop_at: u32, out: &mut VerdictSet) {
    match verdict(d, p) {
        Ok(v) => out.insert(v),
        Err(field) => {
            for value in dom.values(field) {
                collect_verdicts(d, dom, &p.with(field, *value), stop_at, out);
                if out.len() >= stop_at {
                    return;
                }
            }
        }
    }
}

/// Whether two completions of `p` that differ only in `field` can get different verdicts.
pub fn is_relevant(d: &Dataset, dom: &Domains, p: &Patient, field: Field) -> bool {
    if field != Field::Monotherapy && p.monotherapy_or_assumed().is_none() {
        return pinned(p).iter().any(|q| is_relevant(d, dom, q, field));
    }
    let values = dom.values(field);
    let mut first: Option<Verdict> = None;
    let mut branch_on: Option<Field> = None;
    for value in values {
        match verdict(d, &p.with(field, *value)) {
            // Each decided branch is constant over the other fields, so two that differ give a
            // pair of completions differing in `field` alone.
            Ok(v) if first.is_some_and(|f| f != v) => return true,
            Ok(v) => first = Some(v),
            Err(g) => {
                branch_on.get_or_insert(g);
            }
        }
    }
    let Some(g) = branch_on else {
        return false;
    };
    // Some branch still depends on `g`: look at each value of `g` in turn.
    dom.values(g).iter().any(|value| is_relevant(d, dom, &p.with(g, *value), field))
}

/// Exact three-valued state of `criteria` for a partial patient: met (or not) in every completion.
pub fn check_exact(dom: &Domains, criteria: &[Criterion], p: &Patient) -> Check {
    if p.monotherapy_or_assumed().is_none() {
        let states: Vec<Check> = pinned(p).iter().map(|q| check_exact_pinned(dom, criteria, q)).collect();
        return if states.iter().all(|s| *s == states[0]) { states[0] } else { Check::Unknown };
    }
    check_exact_pinned(dom, criteria, p)
}

/// [`check_exact`] for a patient whose `monotherapy` is given or assumed.
fn check_exact_pinned(dom: &Domains, criteria: &[Criterion], p: &Patient) -> Check {
    match eval_all(criteria, p) {
        Ok(true) => Check::Met,
        Ok(false) => Check::NotMet,
        Err(field) => {
            let mut seen = (false, false);
            for value in dom.values(field) {
                match check_exact_pinned(dom, criteria, &p.with(field, *value)) {
                    Check::Met => seen.0 = true,
                    Check::NotMet => seen.1 = true,
                    Check::Unknown => return Check::Unknown,
                }
                if seen.0 && seen.1 {
                    return Check::Unknown;
                }
            }
            if seen.1 {
                Check::NotMet
            } else {
                Check::Met
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The oracle's set of possible verdicts: empty until a verdict is found, then holding
    /// exactly the verdicts found (`single` only when there is one), in the contract's order.
    #[test]
    fn a_verdict_set_holds_exactly_what_was_found() {
        let mut set = VerdictSet::default();
        assert!(set.is_empty());
        assert_eq!((set.len(), set.single()), (0, None));
        set.insert(Verdict::No);
        assert!(!set.is_empty());
        assert_eq!((set.len(), set.single()), (1, Some(Verdict::No)));
        set.insert(Verdict::Yes);
        set.insert(Verdict::No);
        assert!(!set.is_empty() && set.contains(Verdict::Yes) && !set.contains(Verdict::Pending));
        assert_eq!((set.len(), set.single()), (2, None));
        assert_eq!(set.iter().collect::<Vec<_>>(), [Verdict::Yes, Verdict::No]);
    }
}
