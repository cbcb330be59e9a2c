//! Three-valued evaluation: the dataset's criteria, indications, routes and verdict on a
//! (possibly partial) patient.
//!
//! Each answer is decided or waits for a field ([`Tri`]); the contract's order of precedence
//! (off-label first, then the jurisdiction's rules, the most permissive route winning) is written
//! once, in `verdict_by`. The `_by` forms take the state of each criterion from the caller, so
//! the decision diagrams (`crate::diagrams`) apply the very same precedence to their own values.
//! Imports the vocabulary, the patient and the dataset's types only.


use crate::dataset::{Dataset, JurisdictionData, Rule};
use crate::patient::Patient;
use crate::vocab::{Criterion, DiseaseStatus, Field, IndicationId, Jurisdiction, Verdict};

/// A criterion's state for a partial patient: decided, or waiting for a field.
pub type Tri = Result<bool, Field>;

/// The tolerance of the numeric thresholds: a number within it below a threshold counts as at it.
pub(crate) const EPSILON: f64 = 1e-9;

/// Kleene "and": false if any part is false, else waiting on the earliest missing field.
fn all(parts: impl IntoIterator<Item = Tri>) -> Tri {
    let mut need: Option<Field> = None;
    for part in parts {
        match part {
            Ok(false) => return Ok(false),
            Ok(true) => {}
            Err(f) => need = Some(need.map_or(f, |n| n.min(f))),
        }
    }
    need.map_or(Ok(true), Err)
}

/// Kleene "or".
fn any(parts: impl IntoIterator<Item = Tri>) -> Tri {
    let mut need: Option<Field> = None;
    for part in parts {
        match part {
            Ok(true) => return Ok(true),
            Ok(false) => {}
            Err(f) => need = Some(need.map_or(f, |n| n.min(f))),
        }
    }
    need.map_or(Ok(false), Err)
}

fn known<T>(v: Option<T>, field: Field) -> Result<T, Field> {
    v.ok_or(field)
}

fn is(v: Result<bool, Field>, expected: bool) -> Tri {
    v.map(|b| b == expected)
}

/// Evaluates one criterion on a partial patient.
pub fn eval(c: &Criterion, p: &Patient) -> Tri {
    use Criterion as C;
    use DiseaseStatus as S;
    let status = known(p.disease_status, Field::DiseaseStatus);
    let relapsed = status.map(|s| s == S::Relapsed);
    let remission = known(p.in_remission, Field::InRemission);
    match c {
        C::Monotherapy(b) => known(p.monotherapy_or_assumed(), Field::Monotherapy).map(|v| v == *b),
        C::Diagnosis(d) => known(p.diagnosis, Field::Diagnosis).map(|v| v == *d),
        C::Cd19(x) => known(p.cd19, Field::Cd19).map(|v| v == *x),
        C::Philadelphia(x) => known(p.philadelphia, Field::Philadelphia).map(|v| v == *x),
        C::AgeAtLeastMonths(m) => {
            known(p.age_years, Field::AgeYears).map(|a| a * 12.0 >= f64::from(*m) - EPSILON)
        }
        C::AgeAtLeastYears(y) => known(p.age_years, Field::AgeYears).map(|a| a >= f64::from(*y) - EPSILON),
        C::AgeUnderYears(y) => known(p.age_years, Field::AgeYears).map(|a| a < f64::from(*y) - EPSILON),
        C::NewlyDiagnosed(b) => is(status.map(|s| s == S::NewlyDiagnosed), *b),
        C::ActiveRelapsedRefractory(b) => is(
            match status {
                Ok(S::Refractory) => Ok(true),
                Ok(S::NewlyDiagnosed) => Ok(false),
                Ok(S::Relapsed) => remission.map(|r| !r),
                // Unknown status: `refractory` is active whatever `inRemission` says, so being in
                // remission does not settle it (that shortcut once decided too early).
                Err(f) => Err(f),
            },
            *b,
        ),
        C::ActiveRelapseAfterAlloHsct(b) => is(
            all([relapsed, remission.map(|r| !r), known(p.prior_allo_hsct, Field::PriorAlloHsct)]),
            *b,
        ),
        C::CompleteRemission(numbers) => {
            let cr_number = match status {
                Ok(S::Refractory) => Ok(false),
                Ok(S::NewlyDiagnosed) => Ok(numbers.contains(&1)),
                Ok(S::Relapsed) => known(p.relapse_number, Field::RelapseNumber)
                    .map(|n| numbers.iter().any(|&cr| cr >= 2 && cr - 1 == n)),
                Err(f) => Err(f),
            };
            all([remission, cr_number])
        }
        C::MrdAtLeastPercent(t) => known(p.mrd_percent, Field::MrdPercent).map(|m| m >= t - EPSILON),
        C::Consolidation(b) => known(p.consolidation, Field::Consolidation).map(|v| v == *b),
        C::HighRiskFirstRelapse(b) => is(
            all([
                relapsed,
                known(p.relapse_number, Field::RelapseNumber).map(|n| n == 1),
                known(p.high_risk_relapse, Field::HighRiskRelapse),
            ]),
            *b,
        ),
        C::PriorTherapyLinesAtLeast(n) => known(p.prior_therapy_lines, Field::PriorTherapyLines).map(|v| v >= *n),
        C::TkiFailuresAtLeast(n) => known(p.tki_failures, Field::TkiFailures).map(|v| v >= *n),
        C::OtherOptionsAvailable(b) => {
            known(p.other_options_available, Field::OtherOptionsAvailable).map(|v| v == *b)
        }
        C::PlannedAlloHsct(b) => known(p.planned_allo_hsct, Field::PlannedAlloHsct).map(|v| v == *b),
        C::AllOf(parts) => all(parts.iter().map(|c| eval(c, p))),
        C::AnyOf(parts) => any(parts.iter().map(|c| eval(c, p))),
    }
}

/// All of `criteria` ([`eval`] of each, Kleene "and").
pub(crate) fn eval_all(criteria: &[Criterion], p: &Patient) -> Tri {
    all(criteria.iter().map(|c| eval(c, p)))
}

/// The indications a patient is on, as bits in [`IndicationId::ALL`] order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndicationSet(u8);

impl IndicationSet {
    pub fn insert(&mut self, id: IndicationId) {
        self.0 |= 1 << (id as u8);
    }
    pub fn contains(self, id: IndicationId) -> bool {
        self.0 & (1 << (id as u8)) != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn iter(self) -> impl Iterator<Item = IndicationId> {
        IndicationId::ALL.iter().copied().filter(move |i| self.contains(*i))
    }
}

/// The indications a patient is on, or the first field needed to know.
pub fn label(d: &Dataset, p: &Patient) -> Result<IndicationSet, Field> {
    label_by(d, |i| eval_all(&d.indications[i].criteria, p))
}

/// [`label`] from the state of each indication's criteria (`ind(i)` for `d.indications[i]`).
pub(crate) fn label_by(d: &Dataset, ind: impl Fn(usize) -> Tri) -> Result<IndicationSet, Field> {
    let mut set = IndicationSet::default();
    let mut need: Option<Field> = None;
    for (i, indication) in d.indications.iter().enumerate() {
        match ind(i) {
            Ok(true) => set.insert(indication.id),
            Ok(false) => {}
            Err(f) => need = Some(need.map_or(f, |n| n.min(f))),
        }
    }
    need.map_or(Ok(set), Err)
}

/// The rule of `j` that decides `ind` for this patient, or the first field needed to know.
pub fn route<'d>(j: &'d JurisdictionData, ind: IndicationId, p: &Patient) -> Result<Option<&'d Rule>, Field> {
    Ok(route_by(j, ind, |r| eval_all(&j.rules[r].when, p))?.map(|r| &j.rules[r]))
}

/// [`route`] from the state of each rule's conditions (`rule(r)` for `j.rules[r]`): the index of
/// the deciding rule. Only the rules that name `ind` are consulted.
pub(crate) fn route_by(j: &JurisdictionData, ind: IndicationId, rule: impl Fn(usize) -> Tri) -> Result<Option<usize>, Field> {
    let mut need: Option<Field> = None;
    for (r, _) in j.rules.iter().enumerate().filter(|(_, r)| r.indications.contains(&ind)) {
        match rule(r) {
            Ok(true) => return Ok(Some(r)),
            Ok(false) => {}
            Err(f) => need = Some(need.map_or(f, |n| n.min(f))),
        }
    }
    need.map_or(Ok(None), Err)
}

/// The verdict for a patient whose every relevant field is known, or the first field needed.
pub fn verdict(d: &Dataset, p: &Patient) -> Result<Verdict, Field> {
    verdict_by(
        d,
        p.jurisdiction,
        |i| eval_all(&d.indications[i].criteria, p),
        |j, r| eval_all(&d.jurisdictions[j].rules[r].when, p),
    )
}

/// [`verdict`] from the jurisdiction and the state of every indication (`ind(i)` for
/// `d.indications[i]`) and rule (`rule(j, r)` for `d.jurisdictions[j].rules[r]`). The rules
/// consulted are those of the patient's jurisdiction that name an indication the patient is on.
/// The one place the contract's order of precedence is written: [`verdict`] reads it on a
/// patient, the decision diagrams (`crate::diagrams`) on the values of the criteria.
pub(crate) fn verdict_by(
    d: &Dataset,
    jurisdiction: Option<Jurisdiction>,
    ind: impl Fn(usize) -> Tri,
    rule: impl Fn(usize, usize) -> Tri,
) -> Result<Verdict, Field> {
    let on = label_by(d, ind)?;
    if on.is_empty() {
        return Ok(Verdict::OffLabel);
    }
    let j = jurisdiction.ok_or(Field::Jurisdiction)?;
    // The first entry for `j`, as `Dataset::jurisdiction` finds it.
    let Some(jx) = d.jurisdictions.iter().position(|x| x.id == j) else {
        return Ok(Verdict::NoRecommendation);
    };
    let jd = &d.jurisdictions[jx];
    let mut best: Option<Verdict> = None;
    for ind in on.iter() {
        // Rule coverage is proved at build time; a gap would show as "no recommendation".
        let v = route_by(jd, ind, |r| rule(jx, r))?.map_or(Verdict::NoRecommendation, |r| jd.rules[r].verdict);
        best = Some(best.map_or(v, |b| if v.permissiveness() < b.permissiveness() { v } else { b }));
    }
    Ok(best.unwrap_or(Verdict::NoRecommendation))
}

pub use crate::vocab::Check;
