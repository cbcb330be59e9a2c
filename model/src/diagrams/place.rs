//! Placing a patient's known values, typed numbers included, on the representative values they
//! provably stand for ([`Diagrams::read`]), and the build-time proof that every value the strict
//! reading accepts can be placed ([`Diagrams::prove_reading`]).

use super::{Diagrams, ABSENT, MAX_FIELDS};
use crate::domains::for_each_completion;
use crate::logic::eval;
use crate::patient::{Patient, Value};
use crate::vocab::{Criterion, Field, FieldSet};

impl Diagrams {

    /// The known fields of `p` as the diagrams read them. A given value that is one of the
    /// representative values is read as itself. Any other number (8 years, MRD 0.5 %) is read
    /// as a representative value it provably stands for: every elementary criterion that reads
    /// the field gives the same answer with either value, whatever the other fields it reads
    /// (known ones as given, unknown ones each representative value). Then every criterion, and
    /// the verdict, is the same in every completion with either value.
    ///
    /// Every value the strict reading accepts (`crate::patient::parse_value`) is placed so:
    /// [`Diagrams::of`] proves it for the dataset ([`Diagrams::prove_reading`]), or fails. A
    /// value outside the contract that no representative value stands for (NaN years) is read
    /// as not given.
    pub(crate) fn read(&self, p: &Patient) -> Known {
        let dom = &self.domains;
        let mut known = Known { class: [ABSENT; MAX_FIELDS], deepest: 0, unread: FieldSet::default() };
        // `p` with the values already placed replaced by their representative value.
        let mut placed: Option<Patient> = None;
        for (level, field) in self.order.iter().copied().enumerate() {
            let value = match p.get(field) {
                Some(v) => v,
                // Read as `true` by every criterion in Ph-negative disease: a known value.
                None if field == Field::Monotherapy && p.monotherapy_assumed() => Value::Flag(true),
                None => continue,
            };
            let reps = dom.values(field);
            let class = if self.answers[field as usize].is_some() || reps.contains(&value) {
                self.place(p, field, value)
            } else {
                // Criteria reading other fields too: the values already placed stand as their
                // representative value.
                let q = placed.get_or_insert_with(|| p.clone());
                let c = self.place(q, field, value);
                q.set(field, c.map(|c| reps[c]));
                c
            };
            match class {
                Some(class) => {
                    known.class[level] = class as u8;
                    known.deepest = level as u8;
                }
                None => known.unread = known.unread.union(FieldSet::of(&[field])),
            }
        }
        known
    }

    /// The index of the representative value of `field` that stands for `value` in `q`: the
    /// value itself if it is one; else, for a field whose criteria read it alone, the one they
    /// all answer alike ([`Diagrams::answers`]); else the first that [`Diagrams::stands_for`]
    /// `value` whatever the fields `q` leaves open. `None` if none does.
    fn place(&self, q: &Patient, field: Field, value: Value) -> Option<usize> {
        let reps = self.domains.values(field);
        if let Some(c) = reps.iter().position(|r| *r == value) {
            return Some(c);
        }
        match &self.answers[field as usize] {
            Some(table) => {
                let mine = answers(&self.atoms[field as usize], field, value)?;
                table.iter().position(|a| *a == mine)
            }
            None => (0..reps.len()).find(|c| self.stands_for(q, field, value, reps[*c])),
        }
    }

    /// Proves that [`Diagrams::read`] places every value the strict reading accepts
    /// ([`Field::range`](crate::vocab::Field::range)): the error names the first one it cannot place. Enumerated and
    /// flag fields need nothing (each of their values is a representative value); counts are
    /// tried one by one (at most 1001 each); numbers where it matters:
    ///
    /// - a number field's criteria read it alone (else this fails: the proof needs it), so a
    ///   number is placed iff its answers to them are those of a representative value;
    /// - each of those criteria compares the number, scaled by a positive constant, with a
    ///   constant (`age-at-least-*`, `age-under-years`, `mrd-at-least-percent`, tolerance
    ///   included), so along the numbers its answer changes at most once, at a point found
    ///   exactly by bisection over the doubles;
    /// - between two consecutive such points (and the range's ends) every answer is constant, so
    ///   trying the range's ends and each point tries every answer a valid number can give.
    ///
    /// A criterion reading a count and other fields (`complete-remission` reads the relapse
    /// number, the status and remission) is tried with those fields open, all their values: the
    /// representative value found then stands for the count in every patient, so `read` finds
    /// one too — provided those other fields are enumerated ones, whose given values are all
    /// representative; a criterion reading two numeric fields fails the proof.
    pub(super) fn prove_reading(&self) -> Result<(), String> {
        for field in Field::ALL.iter().copied() {
            let Some((lo, hi)) = field.range() else { continue };
            let atoms = &self.atoms[field as usize];
            for atom in atoms.iter() {
                let numeric = atom.field_set().iter().filter(|f| f.range().is_some()).count();
                if numeric > 1 {
                    return Err(format!(
                        "the decision diagrams cannot prove they read every {field} exactly: {atom:?} reads several numeric fields"
                    ));
                }
            }
            let fresh = Patient::default();
            let values: Vec<Value> = match self.domains.values(field).first() {
                Some(Value::Count(_)) => (lo as u32..=hi as u32).map(Value::Count).collect(),
                Some(Value::Number(_)) if self.answers[field as usize].is_some() => {
                    number_points(atoms, field, lo, hi).into_iter().map(Value::Number).collect()
                }
                _ => {
                    return Err(format!(
                        "the decision diagrams cannot prove they read every {field} exactly: its criteria read other fields too"
                    ))
                }
            };
            if let Some(v) = values.iter().find(|v| self.place(&fresh, field, **v).is_none()) {
                let shown = match v {
                    Value::Number(x) => format!("{x:?}"),
                    other => other.to_contract_string(),
                };
                return Err(format!(
                    "the decision diagrams cannot read {field} = {shown}: no representative value gives the same answer to every \
                     criterion that reads {field} (thresholds closer together than the 1e-9 tolerance?)"
                ));
            }
        }
        Ok(())
    }

    /// Whether `rep` may replace `value` in `field` of `q`: every elementary criterion reading
    /// `field` agrees on both, for every value of the other fields it reads that `q` leaves open.
    fn stands_for(&self, q: &Patient, field: Field, value: Value, rep: Value) -> bool {
        let dom = &self.domains;
        self.atoms[field as usize].iter().all(|atom| {
            let open: Vec<Field> = atom.field_set().iter().filter(|f| *f != field && q.get(*f).is_none()).collect();
            let mut same = true;
            for_each_completion(dom, q, &open, &mut |c| {
                same = same && eval(atom, &c.with(field, value)) == eval(atom, &c.with(field, rep));
            });
            same
        })
    }
}

/// The numbers of `[lo, hi]` where the answer of some criterion of `atoms` (each reading `field`
/// alone, each changing its answer at most once along the numbers) may change, with `lo` and
/// `hi`: the smallest number at which each criterion gives its answer at `hi`, if that differs
/// from its answer at `lo`, found by bisection over the doubles in order.
fn number_points(atoms: &[Criterion], field: Field, lo: f64, hi: f64) -> Vec<f64> {
    // The doubles in order as unsigned integers, and back.
    fn key(x: f64) -> u64 {
        let b = x.to_bits();
        if b >> 63 == 1 {
            !b
        } else {
            b | 1 << 63
        }
    }
    fn double(k: u64) -> f64 {
        f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k })
    }
    let mut points = vec![lo, hi];
    for atom in atoms {
        let answer = |x: f64| {
            let mut p = Patient::default();
            p.set(field, Some(Value::Number(x)));
            eval(atom, &p)
        };
        let high = answer(hi);
        if answer(lo) == high {
            continue;
        }
        // answer(double(low)) differs from `high`, answer(double(up)) is `high`.
        let (mut low, mut up) = (key(lo), key(hi));
        while up - low > 1 {
            let mid = low + (up - low) / 2;
            if answer(double(mid)) == high {
                up = mid;
            } else {
                low = mid;
            }
        }
        points.push(double(up));
    }
    points
}

/// The answers of `atoms`, each reading `field` alone, on `value`: one bit each.
pub(super) fn answers(atoms: &[Criterion], field: Field, value: Value) -> Option<u64> {
    let mut p = Patient::default();
    p.set(field, Some(value));
    let mut bits = 0;
    for (i, atom) in atoms.iter().enumerate() {
        bits |= u64::from(eval(atom, &p).ok()?) << i;
    }
    Some(bits)
}

/// A patient's known fields as [`Diagrams::read`] places them.
#[derive(Clone, Copy)]
pub(crate) struct Known {
    /// Per level: the index of the representative value of the known value, or [`ABSENT`].
    pub(super) class: [u8; MAX_FIELDS],
    /// The deepest level with a known value (`monotherapy` is at level 0). Below
    /// it nothing is known, so every node there is already the patient's own function.
    pub(super) deepest: u8,
    /// The given fields read as not given: values outside the contract that no representative
    /// value stands for ([`Diagrams::read`]).
    pub(super) unread: FieldSet,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The criteria that read a number, around and far from their thresholds.
    fn number_criteria() -> Vec<(Field, Criterion)> {
        let mut out = Vec::new();
        for t in [0, 1, 12, 18, 120] {
            out.push((Field::AgeYears, Criterion::AgeAtLeastMonths(t)));
            out.push((Field::AgeYears, Criterion::AgeAtLeastYears(t)));
            out.push((Field::AgeYears, Criterion::AgeUnderYears(t)));
        }
        for t in [0.0, 0.01, 0.1, 1.0, 100.0] {
            out.push((Field::MrdPercent, Criterion::MrdAtLeastPercent(t)));
        }
        out
    }

    fn answer(field: Field, c: &Criterion, x: f64) -> Tri {
        let mut p = Patient::default();
        p.set(field, Some(Value::Number(x)));
        eval(c, &p)
    }

    type Tri = crate::logic::Tri;

    /// [`Diagrams::prove_reading`] rests on this: along the numbers, a criterion that reads one
    /// changes its answer at most once.
    #[test]
    fn number_criteria_change_their_answer_at_most_once() {
        let mut xs: Vec<f64> = (0..=24_000).map(|i| f64::from(i) / 200.0).collect();
        for t in [0.0, 1.0 / 12.0, 1.0, 18.0, 0.01, 0.1, 100.0, 120.0] {
            for d in [0.0, 1e-12, 5e-11, 8e-11, 9e-11, 5e-10, 1e-9, 1.1e-9, 2e-9, 1e-6] {
                xs.extend([t - d, t + d]);
            }
        }
        xs.retain(|x| (0.0..=120.0).contains(x));
        xs.sort_by(f64::total_cmp);
        for (field, c) in number_criteria() {
            let changes = xs.windows(2).filter(|w| answer(field, &c, w[0]) != answer(field, &c, w[1])).count();
            assert!(changes <= 1, "{c:?} changes its answer {changes} times");
        }
    }

    /// The change point is exact: the criterion answers as at the top of the range there, and as
    /// at the bottom one double below.
    #[test]
    fn number_points_are_the_exact_change_points() {
        for (field, c) in number_criteria() {
            let (lo, hi) = field.range().unwrap();
            let points = number_points(core::slice::from_ref(&c), field, lo, hi);
            let (low, high) = (answer(field, &c, lo), answer(field, &c, hi));
            if low == high {
                assert_eq!(points, [lo, hi], "{c:?}");
                continue;
            }
            let x = points[2];
            let below = f64::from_bits(x.to_bits() - 1);
            assert_eq!(answer(field, &c, x), high, "{c:?} at {x:?}");
            assert_eq!(answer(field, &c, below), low, "{c:?} at {below:?}");
        }
    }
}
