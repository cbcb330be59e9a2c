//! The assessment: what [`evaluate`] answers for a patient — the verdict, the label, the missing
//! fields, each indication and criterion met / not met / unknown, the rules, recommendations,
//! notes, definitions and sources behind it — and the [`alternatives`] to a decided verdict.
//!
//! The top of the shipped model: it reads the decision diagrams ([`Diagrams`]) and the layers
//! below them; only the tests' completion search (`crate::search`) builds on it.

use serde::Serialize;

use crate::dataset::{Cite, Dataset, Definition, Indication, JurisdictionData, Note, Recommendation, Source, Text};
use crate::diagrams::{Diagrams, Query};
use crate::domains::Domains;
pub use crate::logic::Check;
use crate::logic::{eval_all, route};
use crate::patient::{Patient, Value};
use crate::vocab::{Criterion, Field, FieldSet, IndicationId, Jurisdiction, Verdict};

pub use crate::vocab::LabelStatus;

/// The result of [`evaluate`]: the contract's `verdict`, `label` and `missing`, and all that
/// explains them.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Assessment<'d> {
    pub verdict: Verdict,
    pub label: Label,
    /// Fields whose values could still change the verdict, in the form's order.
    pub missing: Vec<Field>,
    /// Every verdict some values of the missing fields would give, in the contract's order
    /// (`yes` … `off-label`); exactly `[verdict]` when the verdict is decided.
    pub possible_verdicts: Vec<Verdict>,
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Label {
    pub status: LabelStatus,
    pub indications: Vec<IndicationId>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct IndicationCheck<'d> {
    pub id: IndicationId,
    pub status: Check,
    pub criteria: Vec<CriterionCheck<'d>>,
    #[serde(skip)]
    pub indication: &'d Indication,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CriterionCheck<'d> {
    #[serde(skip)]
    pub criterion: &'d Criterion,
    pub status: Check,
    /// The fields the criterion reads; their values are in [`Assessment::input`].
    pub fields: FieldSet,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Decision<'d> {
    pub jurisdiction: Jurisdiction,
    pub indication: IndicationId,
    pub verdict: Verdict,
    pub reason: &'d Text,
    /// The rule's qualifier of the headline, if any.
    pub qualifier: Option<&'d Text>,
    /// The rule's short form of that qualifier, for the verdict bar (not part of the result).
    #[serde(skip)]
    pub qualifier_short: Option<&'d Text>,
    pub recommendation: &'d Recommendation,
    pub quote: &'d str,
    pub source: &'d Source,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Assumption {
    /// `monotherapy` was not given in Ph-negative disease: Blincyto alone is assumed.
    Monotherapy,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

    /// [`Assessment::qualifier`] in a few words, for the verdict bar: the rules' short form
    /// where they give one, else the qualifier itself.
    pub fn qualifier_short(&self) -> Option<&Text> {
        let full = self.qualifier()?;
        let mut deciding = self.decision.iter().filter(|d| d.verdict == self.verdict).map(|d| d.qualifier_short);
        let first = deciding.next()?;
        match first {
            Some(short) if deciding.all(|q| q == Some(short)) => Some(short),
            _ => Some(full),
        }
    }
}

/// What [`evaluate`] asks about the completions of one partial patient (every way of filling in
/// its absent fields). The decision diagrams answer it ([`Query`]); so does the completion search
/// they are tested against (`crate::search`, feature `search`, never shipped).
pub(crate) trait Completions {
    /// The verdict every completion gets, if they agree.
    fn decided(&mut self) -> Option<Verdict>;
    /// Every verdict some completion gets, in the contract's order.
    fn possible(&mut self) -> Vec<Verdict>;
    /// The absent fields (`monotherapy` too where it is not assumed) that can change the verdict, in the form's order:
    /// those where two completions differing in that field alone get different verdicts.
    fn missing(&mut self) -> Vec<Field>;
    /// Whether indication `i` of the dataset (`criterion: None`), or its criterion `k`, is met in
    /// every completion, in none, or in some only.
    fn check(&mut self, i: usize, criterion: Option<usize>) -> Check;
    /// The fields criterion `k` of indication `i` reads.
    fn fields(&self, i: usize, k: usize) -> FieldSet;
    /// Likewise for "on some indication".
    fn on_label(&mut self) -> Check;
}

impl Completions for Query<'_> {
    fn decided(&mut self) -> Option<Verdict> {
        Query::decided(self)
    }
    fn possible(&mut self) -> Vec<Verdict> {
        Query::possible(self)
    }
    fn missing(&mut self) -> Vec<Field> {
        Query::missing(self)
    }
    fn check(&mut self, i: usize, criterion: Option<usize>) -> Check {
        match criterion {
            None => self.indication(i),
            Some(k) => self.criterion(i, k),
        }
    }
    fn fields(&self, i: usize, k: usize) -> FieldSet {
        Query::fields(self, i, k)
    }
    fn on_label(&mut self) -> Check {
        Query::on_label(self)
    }
}

/// The verdict every completion of `p` gets, if they agree (`dg` is [`Diagrams::of`] `d`).
pub fn decided(d: &Dataset, dg: &Diagrams, p: &Patient) -> Option<Verdict> {
    debug_assert_eq!(dg.indication_count(), d.indications.len(), "the diagrams of another dataset");
    dg.query(p).decided()
}

/// The most questions the form can still ask about `p` before its verdict is decided or
/// depends only on facts it cannot ask (`dg` is [`Diagrams::of`] `d`): the longest path of the
/// verdict's decision diagram restricted to the known values of `p`, counting the fields tested
/// along it, asked as the form asks them — the first field the verdict depends on in clinical
/// order, `monotherapy` last and never once it is assumed (Ph-negative). `skip`: the fields the
/// person marked not known, which the form does not ask again; the jurisdiction is never asked.
/// 0 for a decided verdict.
pub fn most_questions(d: &Dataset, dg: &Diagrams, p: &Patient, skip: FieldSet) -> usize {
    debug_assert_eq!(dg.indication_count(), d.indications.len(), "the diagrams of another dataset");
    // A value the diagrams read as not given (`unread`) is unknown to the query too.
    dg.query(p).most_questions(skip)
}

/// Checks one patient against the dataset (`dg` is [`Diagrams::of`] the same dataset): the
/// answer read off the decision diagrams.
///
/// A value outside the contract that no representative value stands for (NaN years: the
/// strict reading never gives one) is read as not given, here as in the diagrams.
pub fn evaluate<'d>(d: &'d Dataset, dg: &Diagrams, p: &Patient) -> Assessment<'d> {
    debug_assert_eq!(dg.indication_count(), d.indications.len(), "the diagrams of another dataset");
    let mut query = dg.query(p);
    let unread = query.unread();
    if unread.is_empty() {
        return assess(d, p, &mut query);
    }
    let mut read = p.clone();
    unread.iter().for_each(|f| read.set(f, None));
    assess(d, &read, &mut query)
}

/// [`evaluate`] with the answers about the completions of `p` from `search`.
pub(crate) fn assess<'d>(d: &'d Dataset, p: &Patient, search: &mut impl Completions) -> Assessment<'d> {
    let decided = search.decided();
    let verdict = decided.unwrap_or(Verdict::Incomplete);
    let missing = if decided.is_some() { Vec::new() } else { search.missing() };
    let possible_verdicts = match decided {
        Some(v) => vec![v],
        None => search.possible(),
    };

    let indications: Vec<IndicationCheck<'d>> = d
        .indications
        .iter()
        .enumerate()
        .map(|(i, ind)| IndicationCheck {
            id: ind.id,
            status: search.check(i, None),
            criteria: ind
                .criteria
                .iter()
                .enumerate()
                .map(|(k, c)| CriterionCheck {
                    criterion: c,
                    status: search.check(i, Some(k)),
                    fields: search.fields(i, k),
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
            match search.on_label() {
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
    let cite = |sources: &mut Vec<&'d Source>, c: &Cite| -> Option<&'d str> {
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
                        let (qualifier, qualifier_short) = (rule.qualifier.as_ref(), rule.qualifier_short.as_ref());
                        decision.push(Decision { jurisdiction: jd.id, indication: id, verdict: rule.verdict, reason: &rule.reason, qualifier, qualifier_short, recommendation: rec, quote, source });
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
    // completion: one of them is met, or the patient is on label and every indication still
    // possible is one of them.
    let applies = |n: &Note| {
        let listed = |i: &&IndicationCheck| n.indications.contains(&i.id);
        let on_them = n.indications.is_empty()
            || indications.iter().filter(listed).any(|i| i.status == Check::Met)
            || (label_status == LabelStatus::OnLabel
                && indications.iter().filter(|i| i.status != Check::NotMet).all(|i| listed(&i)));
        on_them && eval_all(&n.when, p) == Ok(true)
    };
    notes.retain(|n| applies(n));
    for n in notes.iter() {
        cite(&mut sources, &n.cite);
        n.also_cite.iter().for_each(|c| {
            cite(&mut sources, c);
        });
    }

    // An assumed monotherapy matters unless the use is off-label for another reason (then
    // combination use would change nothing).
    let assumed = p.monotherapy_assumed() && verdict != Verdict::OffLabel;
    let assumptions = if assumed { vec![Assumption::Monotherapy] } else { Vec::new() };
    // The answer uses a field when it is answered, assumed or still missing.
    let uses = |f: Field| match f {
        Field::Monotherapy => {
            p.monotherapy == Some(false)
                || (verdict != Verdict::OffLabel && (p.monotherapy.is_some() || assumed || missing.contains(&f)))
        }
        _ => p.get(f).is_some() || missing.contains(&f),
    };
    let definitions: Vec<&'d Definition> = d.definitions.iter().filter(|def| def.fields.iter().any(|f| uses(*f))).collect();
    Assessment {
        verdict,
        label: Label { status: label_status, indications: on },
        missing,
        possible_verdicts,
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
pub fn alternatives(d: &Dataset, dg: &Diagrams, p: &Patient) -> Vec<Alternative> {
    alternatives_by(dg.domains(), p, |q| decided(d, dg, q))
}

/// [`alternatives`] with `decided` telling the verdict every completion of a patient gets.
pub(crate) fn alternatives_by(dom: &Domains, p: &Patient, decided: impl Fn(&Patient) -> Option<Verdict>) -> Vec<Alternative> {
    let Some(current) = decided(p) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for field in Field::ALL.iter().copied().filter(|f| *f != Field::Jurisdiction) {
        let Some(given) = p.get(field) else { continue };
        let reps = dom.values(field);
        let here = dom.class_of(field, given);
        for (i, value) in reps.iter().enumerate().filter(|(i, _)| *i != here) {
            if let Some(v) = decided(&p.with(field, *value)) {
                if v != current {
                    let below = matches!(value, Value::Number(_) | Value::Count(_)).then(|| reps.get(i + 1).copied()).flatten();
                    out.push(Alternative { field, value: *value, below, verdict: v });
                }
            }
        }
    }
    out
}
