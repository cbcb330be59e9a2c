//! The representative values of every field: one per interval the dataset's thresholds make.
//!
//! Over these values the completions of a partial patient form a small discrete space, the space
//! the decision diagrams (`crate::diagrams`), the rule coverage proof and the tests' search range
//! over. Imports the vocabulary, the patient, the dataset's types and the evaluation's tolerance.

use crate::dataset::Dataset;
use crate::logic::EPSILON;
use crate::patient::{Patient, Value};
use crate::vocab::{Criterion, Field, Kind, List};

/// The representative values of every field: one per interval the dataset's thresholds make.
/// Two values in the same interval give the same answer under every rule.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::domains))]
pub struct Domains {
    /// Per field (by `Field as usize`), in increasing order for numbers. Public only for the
    /// code `build.rs` writes (a static); read it with [`Domains::values`].
    #[doc(hidden)]
    pub values: List<List<Value>>,
}

impl Domains {
    /// Cuts every numeric field at the thresholds the dataset's criteria use (its indications',
    /// rules' and notes'): one value per interval, the lowest first.
    pub fn of(d: &Dataset) -> Domains {
        Domains::cut_union(&[d])
    }

    /// The representative values under the thresholds of all of `datasets` together: every
    /// interval is one that none of the datasets' thresholds cuts, so each dataset gives one
    /// verdict per combination of these values. For comparing datasets (the change report of
    /// `decision-table --diff`): if one changes an MRD threshold from 0.1 to 0.5, the values are
    /// 0, 0.1 and 0.5.
    pub fn cut_union(datasets: &[&Dataset]) -> Domains {
        let mut criteria: Vec<&Criterion> = Vec::new();
        for d in datasets {
            for i in d.indications.iter() {
                criteria.extend(i.criteria.iter());
            }
            for j in d.jurisdictions.iter() {
                j.rules.iter().for_each(|r| criteria.extend(r.when.iter()));
                j.notes.iter().for_each(|n| criteria.extend(n.when.iter()));
            }
            d.notes.iter().for_each(|n| criteria.extend(n.when.iter()));
        }
        // Per numeric field, its lowest accepted value and every threshold a criterion reads.
        let mut cuts: Vec<Vec<f64>> = Field::ALL.iter().map(|f| f.range().map(|(min, _)| vec![min]).unwrap_or_default()).collect();
        let mut cut = |f: Field, t: f64| cuts[f as usize].push(t);
        fn walk(c: &Criterion, f: &mut dyn FnMut(&Criterion)) {
            f(c);
            if let Criterion::AllOf(v) | Criterion::AnyOf(v) = c {
                v.iter().for_each(|c| walk(c, f));
            }
        }
        for c in criteria {
            walk(c, &mut |c| match c {
                Criterion::AgeAtLeastMonths(m) => cut(Field::AgeYears, f64::from(*m) / 12.0),
                Criterion::AgeAtLeastYears(y) | Criterion::AgeUnderYears(y) => cut(Field::AgeYears, f64::from(*y)),
                Criterion::MrdAtLeastPercent(t) => cut(Field::MrdPercent, *t),
                Criterion::PriorTherapyLinesAtLeast(n) => cut(Field::PriorTherapyLines, f64::from(*n)),
                Criterion::TkiFailuresAtLeast(n) => cut(Field::TkiFailures, f64::from(*n)),
                // Remission n follows relapse n - 1: that relapse number, and the next, differ.
                Criterion::CompleteRemission(ns) => ns.iter().filter(|n| **n >= 2).for_each(|n| {
                    cut(Field::RelapseNumber, f64::from(n - 1));
                    cut(Field::RelapseNumber, f64::from(*n));
                }),
                _ => {}
            });
        }
        let values: Vec<Vec<Value>> = Field::ALL
            .iter()
            .map(|f| {
                let mut points = cuts[*f as usize].clone();
                points.sort_by(f64::total_cmp);
                points.dedup();
                match f.kind() {
                    Kind::Choice(_) | Kind::Flag => Value::choices(*f),
                    Kind::Decimal { .. } => points.into_iter().map(Value::Number).collect(),
                    Kind::Count { .. } => points.into_iter().map(|n| Value::Count(n as u32)).collect(),
                }
            })
            .collect();
        Domains { values: values.into_iter().map(List::from).collect() }
    }

    /// The representative values of `field`, in increasing order for numbers.
    pub fn values(&self, field: Field) -> &[Value] {
        &self.values[field as usize]
    }

    /// Index of the interval (or value) `value` falls in.
    pub fn class_of(&self, field: Field, value: Value) -> usize {
        let reps = self.values(field);
        match value {
            Value::Number(x) => reps
                .iter()
                .rposition(|r| matches!(r, Value::Number(t) if x >= t - EPSILON))
                .unwrap_or(0),
            Value::Count(x) => reps.iter().rposition(|r| matches!(r, Value::Count(t) if x >= *t)).unwrap_or(0),
            other => reps.iter().position(|r| *r == other).unwrap_or(0),
        }
    }
}

/// Calls `visit` with every completion of `p` over `fields` (representative values only).
pub fn for_each_completion(dom: &Domains, p: &Patient, fields: &[Field], visit: &mut dyn FnMut(&Patient)) {
    match fields.split_first() {
        None => visit(p),
        Some((f, rest)) => {
            for value in dom.values(*f) {
                for_each_completion(dom, &p.with(*f, *value), rest, visit);
            }
        }
    }
}
