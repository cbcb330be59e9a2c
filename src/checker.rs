//! The checker: from a (possibly partial) patient to a cited verdict.
//!
//! Pure Rust, no web dependency. The rules come from the dataset; this module knows only how to
//! read the criteria vocabulary and the contract's order of precedence (off-label first, then the
//! jurisdiction's rules, the most permissive route winning).
//!
//! "Decided as early as the facts allow" is computed exactly: each numeric field is cut into the
//! few intervals the dataset's thresholds make, so the completions of a partial patient form a
//! small discrete space. A missing field is reported when two completions that differ in that
//! field alone get different verdicts. [`possible_verdicts`], [`is_relevant`] and [`check_exact`]
//! define the answers by searching the completions (walking only the branches the rules read);
//! [`evaluate`] gets the same answers from decision diagrams built once from the dataset
//! ([`Diagrams`]), hundreds of times faster for a partial patient, and falls back on the search
//! where the diagrams cannot answer. Also compiled into `build.rs`, so no child modules.

use serde::Serialize;

pub use crate::diagrams::Diagrams;
use crate::diagrams::Query;

use crate::dataset::{Dataset, Definition, Indication, JurisdictionData, Note, Recommendation, Rule, Source, Text};
use crate::patient::{Patient, Value};
use crate::vocab::{
    Cd19, Criterion, Diagnosis, DiseaseStatus, Field, FieldSet, IndicationId, Jurisdiction, List, Philadelphia,
    Verdict,
};

/// A criterion's state for a partial patient: decided, or waiting for a field.
pub type Tri = Result<bool, Field>;

const EPSILON: f64 = 1e-9;

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
        C::Monotherapy(b) => Ok(p.monotherapy.unwrap_or(true) == *b),
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

fn eval_all(criteria: &[Criterion], p: &Patient) -> Tri {
    all(criteria.iter().map(|c| eval(c, p)))
}

/// The representative values of every field: one per interval the dataset's thresholds make.
/// Two values in the same interval give the same answer under every rule.
#[derive(Clone, Debug)]
pub struct Domains {
    pub(crate) values: List<List<Value>>,
    /// The dataset's decision as diagrams over these values: what makes [`evaluate`] fast. `None`
    /// where they are not built (the build-time checks) or could not be (see [`Diagrams::build`]);
    /// [`evaluate`] then searches the completions one by one, with the same results.
    pub(crate) diagrams: Option<Diagrams>,
}

impl Domains {
    /// Cuts every numeric field at the thresholds the dataset's criteria use, and builds the
    /// decision diagrams of `d` over the resulting values (well under a millisecond natively).
    pub fn of(d: &Dataset) -> Domains {
        let mut dom = Domains::cut(d);
        dom.diagrams = Diagrams::build(d, &dom);
        dom
    }

    /// The same values without the diagrams: [`evaluate`] then searches the completions one by
    /// one (slower, same answers). For tests that compare the two.
    pub fn without_diagrams(&self) -> Domains {
        Domains { values: self.values.clone(), diagrams: None }
    }

    /// The diagrams, if built.
    pub fn diagrams(&self) -> Option<&Diagrams> {
        self.diagrams.as_ref()
    }

    /// The representative values only, without the diagrams.
    fn cut(d: &Dataset) -> Domains {
        Domains::cut_union(&[d])
    }

    /// The representative values under the thresholds of all of `datasets` together, without
    /// the diagrams: every interval is one that none of the datasets' thresholds cuts, so each
    /// dataset gives one verdict per combination of these values. For comparing datasets (the
    /// change report of `decision-table --diff`): if one changes an MRD threshold from 0.1 to
    /// 0.5, the values are 0, 0.1 and 0.5. Having no diagrams, these values make [`evaluate`]
    /// search the completions (same answers, slower); [`verdict`] on complete patients needs none.
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
        let (mut age, mut mrd, mut lines, mut tki) = (vec![0.0], vec![0.0], vec![0u32], vec![0u32]);
        let mut max_relapse = 1u32;
        fn walk(c: &Criterion, f: &mut dyn FnMut(&Criterion)) {
            f(c);
            if let Criterion::AllOf(v) | Criterion::AnyOf(v) = c {
                v.iter().for_each(|c| walk(c, f));
            }
        }
        for c in criteria {
            walk(c, &mut |c| match c {
                Criterion::AgeAtLeastMonths(m) => age.push(f64::from(*m) / 12.0),
                Criterion::AgeAtLeastYears(y) | Criterion::AgeUnderYears(y) => age.push(f64::from(*y)),
                Criterion::MrdAtLeastPercent(t) => mrd.push(*t),
                Criterion::PriorTherapyLinesAtLeast(n) => lines.push(*n),
                Criterion::TkiFailuresAtLeast(n) => tki.push(*n),
                Criterion::CompleteRemission(ns) => {
                    max_relapse = max_relapse.max(ns.iter().copied().max().unwrap_or(1).saturating_sub(1))
                }
                _ => {}
            });
        }
        let numbers = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v.dedup();
            v.into_iter().map(Value::Number).collect::<Vec<_>>()
        };
        let counts = |mut v: Vec<u32>| {
            v.sort();
            v.dedup();
            v.into_iter().map(Value::Count).collect::<Vec<_>>()
        };
        fn all_of<T: Copy>(all: &[T], f: fn(T) -> Value) -> Vec<Value> {
            all.iter().map(|v| f(*v)).collect()
        }
        let flags = vec![Value::Flag(true), Value::Flag(false)];
        let values: Vec<Vec<Value>> = Field::ALL
            .iter()
            .map(|f| match f {
                Field::Jurisdiction => all_of(Jurisdiction::ALL, Value::Jurisdiction),
                Field::AgeYears => numbers(age.clone()),
                Field::Diagnosis => all_of(Diagnosis::ALL, Value::Diagnosis),
                Field::Cd19 => all_of(Cd19::ALL, Value::Cd19),
                Field::Philadelphia => all_of(Philadelphia::ALL, Value::Philadelphia),
                Field::DiseaseStatus => all_of(DiseaseStatus::ALL, Value::DiseaseStatus),
                Field::RelapseNumber => (1..=max_relapse + 1).map(Value::Count).collect(),
                Field::MrdPercent => numbers(mrd.clone()),
                Field::PriorTherapyLines => counts(lines.clone()),
                Field::TkiFailures => counts(tki.clone()),
                _ => flags.clone(),
            })
            .collect();
        Domains { values: values.into_iter().map(List::from).collect(), diagrams: None }
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
/// patient, [`Diagrams`] on the values of the criteria.
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

/// Every verdict some completion of `p` gets. Walks only the branches the rules read, and
/// stops early once `stop_at` distinct verdicts are found.
pub fn possible_verdicts(d: &Dataset, dom: &Domains, p: &Patient, stop_at: u32) -> VerdictSet {
    let mut out = VerdictSet::default();
    collect_verdicts(d, dom, p, stop_at, &mut out);
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

/// Met / not met / unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    Met,
    NotMet,
    Unknown,
}

/// Exact three-valued state of `criteria` for a partial patient: met (or not) in every completion.
pub fn check_exact(dom: &Domains, criteria: &[Criterion], p: &Patient) -> Check {
    match eval_all(criteria, p) {
        Ok(true) => Check::Met,
        Ok(false) => Check::NotMet,
        Err(field) => {
            let mut seen = (false, false);
            for value in dom.values(field) {
                match check_exact(dom, criteria, &p.with(field, *value)) {
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

/// Label status of the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LabelStatus {
    OnLabel,
    OffLabel,
    Incomplete,
}

/// The result of [`evaluate`]: the contract's `verdict`, `label` and `missing`, and all that
/// explains them.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessment<'d> {
    pub verdict: Verdict,
    pub label: Label,
    /// Fields whose values could still change the verdict, in the form's order.
    pub missing: Vec<Field>,
    pub jurisdiction: Option<Jurisdiction>,
    /// The input as the checker read it (absent fields left out).
    pub input: Patient,
    /// Each indication, each criterion met / not met / unknown.
    pub indications: Vec<IndicationCheck<'d>>,
    /// What decided the verdict: the rule(s) of the winning route and their recommendation.
    pub decision: Vec<Decision<'d>>,
    /// Notes that come with the answer (not conditions).
    pub notes: Vec<&'d Note>,
    /// What the checker assumed.
    pub assumptions: Vec<Assumption>,
    /// The meaning of the answered or missing fields the answer uses, where the dataset defines
    /// one (a haematological relapse, alternating cycles as monotherapy).
    pub definitions: Vec<&'d Definition>,
    /// Every source the answer rests on.
    pub sources: Vec<&'d Source>,
    pub dataset: DatasetInfo<'d>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Label {
    pub status: LabelStatus,
    pub indications: Vec<IndicationId>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicationCheck<'d> {
    pub id: IndicationId,
    pub status: Check,
    pub criteria: Vec<CriterionCheck<'d>>,
    #[serde(skip)]
    pub indication: &'d Indication,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionCheck<'d> {
    #[serde(skip)]
    pub criterion: &'d Criterion,
    pub status: Check,
    /// The fields the criterion reads; their values are in [`Assessment::input`].
    pub fields: FieldSet,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision<'d> {
    pub jurisdiction: Jurisdiction,
    pub indication: IndicationId,
    pub verdict: Verdict,
    pub reason: &'d Text,
    /// The rule's qualifier of the headline, if any.
    pub qualifier: Option<&'d Text>,
    pub recommendation: &'d Recommendation,
    pub quote: &'d str,
    pub source: &'d Source,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Assumption {
    /// `monotherapy` was not given: Blincyto alone is assumed.
    Monotherapy,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DatasetInfo<'d> {
    pub version: &'d str,
    /// The date of the latest source the dataset relies on.
    pub as_of: &'d str,
    /// The date its maintainers last looked for newer decisions.
    pub checked: &'d str,
    /// Months after `checked` when an answer may be out of date (none: never said).
    pub stale_after_months: Option<u32>,
    pub authority: &'d Text,
}

impl Assessment<'_> {
    /// The words that qualify the headline: the qualifier of the rules behind the verdict, when
    /// every one of them carries the same.
    pub fn qualifier(&self) -> Option<&Text> {
        let mut deciding = self.decision.iter().filter(|d| d.verdict == self.verdict).map(|d| d.qualifier);
        let first = deciding.next()??;
        deciding.all(|q| q == Some(first)).then_some(first)
    }
}

/// How [`evaluate`] answers: with the diagrams where it can, else by search. Both give the
/// same answers; the search is the definition, kept for the fallback and as the tests' oracle.
enum Search<'a> {
    Diagrams(Query<'a>),
    Completions,
}

impl<'a> Search<'a> {
    fn new(dom: &'a Domains, p: &Patient) -> Self {
        match dom.diagrams.as_ref().and_then(|dg| Some(Query::new(dg, dg.read(dom, p)?))) {
            Some(q) => Search::Diagrams(q),
            None => Search::Completions,
        }
    }

    /// The verdict every completion of `p` gets, if they agree.
    fn decided(&mut self, d: &Dataset, dom: &Domains, p: &Patient) -> Option<Verdict> {
        match self {
            Search::Diagrams(q) => q.decided(),
            Search::Completions => possible_verdicts(d, dom, p, 2).single(),
        }
    }

    /// The absent fields (not `monotherapy`) that can change the verdict, in the form's order.
    fn missing(&mut self, d: &Dataset, dom: &Domains, p: &Patient) -> Vec<Field> {
        match self {
            Search::Diagrams(q) => q.missing(),
            Search::Completions => Field::ALL
                .iter()
                .copied()
                .filter(|f| p.get(*f).is_none() && *f != Field::Monotherapy && is_relevant(d, dom, p, *f))
                .collect(),
        }
    }

    /// [`check_exact`] of indication `i` of the dataset (`criterion: None`) or of one criterion.
    fn check(&mut self, dom: &Domains, ind: &Indication, i: usize, criterion: Option<usize>, p: &Patient) -> Check {
        match (self, criterion) {
            (Search::Diagrams(q), None) => q.check(q.dg.indications[i]),
            (Search::Diagrams(q), Some(k)) => q.check(q.dg.criteria[i][k]),
            (Search::Completions, None) => check_exact(dom, &ind.criteria, p),
            (Search::Completions, Some(k)) => check_exact(dom, core::slice::from_ref(&ind.criteria[k]), p),
        }
    }

    /// The fields criterion `k` of indication `i` reads.
    fn fields(&self, i: usize, k: usize, c: &Criterion) -> FieldSet {
        match self {
            Search::Diagrams(q) => q.dg.fields[i][k],
            Search::Completions => c.field_set(),
        }
    }

    /// [`check_exact`] of "on some indication".
    fn check_on_label(&mut self, d: &Dataset, dom: &Domains, p: &Patient) -> Check {
        match self {
            Search::Diagrams(q) => q.check(q.dg.on_label),
            Search::Completions => {
                let on_some =
                    Criterion::AnyOf(d.indications.iter().map(|i| Criterion::AllOf(i.criteria.clone())).collect());
                check_exact(dom, core::slice::from_ref(&on_some), p)
            }
        }
    }
}

/// The verdict every completion of `p` gets, if they agree: `possible_verdicts(d, dom, p, 2)
/// .single()`, from the diagrams where possible.
pub fn decided(d: &Dataset, dom: &Domains, p: &Patient) -> Option<Verdict> {
    Search::new(dom, p).decided(d, dom, p)
}

/// Checks one patient against the dataset (`dom` is [`Domains::of`] the same dataset).
pub fn evaluate<'d>(d: &'d Dataset, dom: &Domains, p: &Patient) -> Assessment<'d> {
    let mut search = Search::new(dom, p);
    let decided = search.decided(d, dom, p);
    let verdict = decided.unwrap_or(Verdict::Incomplete);
    let missing = if decided.is_some() { Vec::new() } else { search.missing(d, dom, p) };

    let indications: Vec<IndicationCheck<'d>> = d
        .indications
        .iter()
        .enumerate()
        .map(|(i, ind)| IndicationCheck {
            id: ind.id,
            status: search.check(dom, ind, i, None, p),
            criteria: ind
                .criteria
                .iter()
                .enumerate()
                .map(|(k, c)| CriterionCheck {
                    criterion: c,
                    status: search.check(dom, ind, i, Some(k), p),
                    fields: search.fields(i, k, c),
                })
                .collect(),
            indication: ind,
        })
        .collect();
    let on: Vec<IndicationId> = indications.iter().filter(|i| i.status == Check::Met).map(|i| i.id).collect();
    let label_status = match verdict {
        Verdict::OffLabel => LabelStatus::OffLabel,
        Verdict::Incomplete if on.is_empty() => {
            // On label in every completion, though no single indication is certain yet?
            match search.check_on_label(d, dom, p) {
                Check::Met => LabelStatus::OnLabel,
                _ => LabelStatus::Incomplete,
            }
        }
        _ => LabelStatus::OnLabel,
    };

    // The verdict can be decided before the jurisdiction is known (both give "no
    // recommendation"): then each jurisdiction's basis is cited.
    let jurisdictions: Vec<&'d JurisdictionData> = match p.jurisdiction {
        Some(j) => d.jurisdiction(j).into_iter().collect(),
        None => d.jurisdictions.iter().collect(),
    };
    let mut decision = Vec::new();
    let mut notes = Vec::new();
    let mut sources: Vec<&'d Source> = Vec::new();
    let cite = |sources: &mut Vec<&'d Source>, c: &crate::dataset::Cite| -> Option<&'d str> {
        let (s, q) = d.quote(c)?;
        if !sources.iter().any(|x| x.id == s.id) {
            sources.push(s);
        }
        Some(&*q.text)
    };
    for ind in indications.iter().filter(|i| i.status != Check::NotMet || verdict == Verdict::OffLabel) {
        cite(&mut sources, &ind.indication.cite);
        ind.indication.also_cite.iter().for_each(|c| {
            cite(&mut sources, c);
        });
    }
    let decided_on_label = !matches!(verdict, Verdict::OffLabel | Verdict::Incomplete);
    for jd in jurisdictions.into_iter().filter(|_| decided_on_label) {
        // One decision per winning route. The verdict can also be decided while no single
        // indication is certain yet (an adult in Sweden without a transplant plan gets "no
        // recommendation" on every adult indication): then cite the rules of the indications
        // still possible that give the verdict, each recommendation once.
        let certain = !on.is_empty();
        let candidates = indications
            .iter()
            .filter(|i| if certain { i.status == Check::Met } else { i.status == Check::Unknown })
            .map(|i| i.id);
        for id in candidates {
            if let Ok(Some(rule)) = route(jd, id, p) {
                let cited = decision.iter().any(|d: &Decision| d.jurisdiction == jd.id && d.recommendation.id == rule.basis);
                if rule.verdict != verdict || (!certain && cited) {
                    continue;
                }
                if let Some(rec) = jd.recommendation(&rule.basis) {
                    if let (Some(quote), Some((source, _))) = (cite(&mut sources, &rec.cite), d.quote(&rec.cite)) {
                        rec.also_cite.iter().for_each(|c| {
                            cite(&mut sources, c);
                        });
                        let qualifier = rule.qualifier.as_ref();
                        decision.push(Decision { jurisdiction: jd.id, indication: id, verdict: rule.verdict, reason: &rule.reason, qualifier, recommendation: rec, quote, source });
                    }
                }
            }
        }
        notes.extend(jd.notes.iter());
    }
    if decided_on_label {
        notes.extend(d.notes.iter());
    }
    // A note scoped to indications goes only to a patient who is on one of them in every
    // completion: on label, and every indication still possible is one of them.
    let applies = |n: &Note| {
        let on_them = n.indications.is_empty()
            || (label_status == LabelStatus::OnLabel
                && indications.iter().filter(|i| i.status != Check::NotMet).all(|i| n.indications.contains(&i.id)));
        on_them && eval_all(&n.when, p) == Ok(true)
    };
    notes.retain(|n| applies(n));
    for n in notes.iter() {
        cite(&mut sources, &n.cite);
        n.also_cite.iter().for_each(|c| {
            cite(&mut sources, c);
        });
    }

    let assumptions = if p.monotherapy.is_none() { vec![Assumption::Monotherapy] } else { Vec::new() };
    // The answer uses a field when it is answered or still missing. Monotherapy (assumed when
    // not answered) matters unless the use is off-label for another reason.
    let uses = |f: Field| match f {
        Field::Monotherapy => verdict != Verdict::OffLabel || p.monotherapy == Some(false),
        _ => p.get(f).is_some() || missing.contains(&f),
    };
    let definitions: Vec<&'d Definition> = d.definitions.iter().filter(|def| def.fields.iter().any(|f| uses(*f))).collect();
    Assessment {
        verdict,
        label: Label { status: label_status, indications: on },
        missing,
        jurisdiction: p.jurisdiction,
        input: p.clone(),
        indications,
        decision,
        notes,
        assumptions,
        definitions,
        sources,
        dataset: DatasetInfo {
            version: &d.version,
            as_of: &d.as_of,
            checked: d.checked(),
            stale_after_months: d.stale_after_months,
            authority: &d.authority,
        },
    }
}

/// A change to one given answer that would change a decided verdict.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Alternative {
    pub field: Field,
    /// The representative value (for numbers: the interval's lower bound).
    pub value: Value,
    /// For numbers: the interval's upper bound (exclusive), if any.
    pub below: Option<Value>,
    pub verdict: Verdict,
}

/// For each given field, the other values that would give a different decided verdict.
pub fn alternatives(d: &Dataset, dom: &Domains, p: &Patient) -> Vec<Alternative> {
    let Some(current) = decided(d, dom, p) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for field in Field::ALL.iter().copied().filter(|f| *f != Field::Jurisdiction) {
        let Some(given) = p.get(field) else { continue };
        let reps = dom.values(field);
        let here = dom.class_of(field, given);
        for (i, value) in reps.iter().enumerate().filter(|(i, _)| *i != here) {
            if let Some(v) = decided(d, dom, &p.with(field, *value)) {
                if v != current {
                    let below = matches!(value, Value::Number(_) | Value::Count(_)).then(|| reps.get(i + 1).copied()).flatten();
                    out.push(Alternative { field, value: *value, below, verdict: v });
                }
            }
        }
    }
    out
}

/// Build-time check that the rules of `j` give exactly one route for every patient on each
/// indication: no gap, no overlap.
pub fn check_rule_coverage(d: &Dataset, j: &JurisdictionData, errors: &mut Vec<String>) {
    let dom = Domains::cut(d);
    for ind in d.indications.iter() {
        let rules: Vec<&Rule> = j.rules.iter().filter(|r| r.indications.contains(&ind.id)).collect();
        let mut fields: Vec<Field> = ind.criteria.iter().flat_map(|c| c.fields()).collect();
        rules.iter().for_each(|r| fields.extend(r.when.iter().flat_map(|c| c.fields())));
        fields.sort();
        fields.dedup();
        let mut reported = false;
        for_each_completion(&dom, &Patient::default(), &fields, &mut |p| {
            if reported || eval_all(&ind.criteria, p) != Ok(true) {
                return;
            }
            let applying: Vec<usize> = rules
                .iter()
                .enumerate()
                .filter(|(_, r)| eval_all(&r.when, p) == Ok(true))
                .map(|(i, _)| i)
                .collect();
            let example = describe(p, &fields);
            match applying.len() {
                1 => return,
                0 => errors.push(format!(
                    "jurisdiction {}, indication {}: no rule covers a patient with {example}",
                    j.id, ind.id
                )),
                _ => errors.push(format!(
                    "jurisdiction {}, indication {}: overlapping rules ({}) for a patient with {example}",
                    j.id,
                    ind.id,
                    applying.iter().map(|i| format!("{} -> {}", rules[*i].basis, rules[*i].verdict)).collect::<Vec<_>>().join(" and ")
                )),
            }
            reported = true;
        });
    }
}

fn describe(p: &Patient, fields: &[Field]) -> String {
    fields
        .iter()
        .filter_map(|f| p.get(*f).map(|v| format!("{f}={}", v.to_contract_string())))
        .collect::<Vec<_>>()
        .join(", ")
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
