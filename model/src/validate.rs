//! Validation of a dataset: everything its types cannot say. References, dates, the consistency
//! of each rule with its recommendation, the coverage of the rules (exactly one route for every
//! patient on each indication, proved over the representative values), and the decision diagrams,
//! which must be buildable: `build.rs` fails the build with these messages, each naming its entry.

use crate::date::Day;
use crate::dataset::{Cite, Dataset, JurisdictionData, Note, Rule, FORMAT, OLDEST_FORMAT};
use crate::diagrams::Diagrams;
use crate::domains::{for_each_completion, Domains};
use crate::logic::eval_all;
use crate::patient::Patient;
use crate::vocab::{Criterion, Field, IndicationId, Jurisdiction, Lang, RecommendationStatus, Verdict};

/// Checks everything the types cannot: references, dates, coverage and consistency of the rules;
/// then builds the decision diagrams. Returns them, or every problem found, each naming its entry.
pub fn validate(d: &Dataset) -> Result<Diagrams, Vec<String>> {
    let mut errors = Vec::new();
    let mut err = |msg: String| errors.push(msg);

    if !(OLDEST_FORMAT..=FORMAT).contains(&d.format) {
        err(format!("format = {}: this build reads formats {OLDEST_FORMAT} to {FORMAT}", d.format));
    }
    if !is_date(&d.as_of) {
        err(format!("as_of = {:?}: expected a date YYYY-MM-DD", d.as_of));
    }
    if d.format >= 2 {
        match d.checked.as_deref() {
            None => err("checked: missing; the date the sources were last checked for newer decisions".into()),
            Some(c) if !is_date(c) => err(format!("checked = {c:?}: expected a date YYYY-MM-DD")),
            Some(c) if is_date(&d.as_of) && c < &*d.as_of => {
                err(format!("checked = {c:?} is before as_of = {:?}", d.as_of))
            }
            Some(_) => {}
        }
        let newest = d.sources.iter().map(|s| &*s.date).filter(|date| is_date(date)).max();
        if let Some(newest) = newest.filter(|n| *n != &*d.as_of) {
            err(format!("as_of = {:?}: the newest dated source is of {newest}; as_of is the date of the latest source", d.as_of));
        }
        match d.stale_after_months {
            None => err("stale_after_months: missing; months after `checked` when the answer may be out of date".into()),
            Some(0) => err("stale_after_months: must be at least 1".into()),
            Some(_) => {}
        }
    }
    if d.version.trim().is_empty() {
        err("version: must not be empty".into());
    }

    let mut source_ids = Vec::new();
    for s in d.sources.iter() {
        let at = format!("source {:?}", s.id);
        if source_ids.contains(&&*s.id) {
            err(format!("{at}: duplicate source id"));
        }
        source_ids.push(&s.id);
        if s.date != "undated" && !is_date(&s.date) {
            err(format!("{at}: date {:?} is neither YYYY-MM-DD nor \"undated\"", s.date));
        }
        if !s.url.starts_with("https://") && !s.url.starts_with("http://") {
            err(format!("{at}: url {:?} is not an http(s) address", s.url));
        }
        if s.quotes.is_empty() {
            err(format!("{at}: has no quote; every source must give the sentences the dataset rests on"));
        }
        for (i, q) in s.quotes.iter().enumerate() {
            if q.text.trim().is_empty() {
                err(format!("{at}: quote {:?} is empty", q.id));
            }
            if s.quotes[..i].iter().any(|o| o.id == q.id) {
                err(format!("{at}: duplicate quote id {:?}", q.id));
            }
        }
    }
    let check_cite = |errors: &mut Vec<String>, at: &str, cite: &Cite| {
        if d.quote(cite).is_none() {
            if d.source(&cite.source).is_none() {
                errors.push(format!("{at}: cites missing source {:?}", cite.source));
            } else {
                errors.push(format!("{at}: cites missing quote {:?} of source {:?}", cite.quote, cite.source));
            }
        }
    };

    for id in IndicationId::ALL {
        match d.indications.iter().filter(|i| i.id == *id).count() {
            0 => errors.push(format!("indication {id}: missing")),
            1 => {}
            _ => errors.push(format!("indication {id}: defined more than once")),
        }
    }
    for ind in d.indications.iter() {
        let at = format!("indication {}", ind.id);
        if !is_date(&ind.approved) {
            errors.push(format!("{at}: approved {:?} is not a date YYYY-MM-DD", ind.approved));
        }
        if let Some(amended) = ind.amended.as_deref() {
            if !is_date(amended) || amended <= &*ind.approved {
                errors.push(format!("{at}: amended {amended:?} is not a date YYYY-MM-DD after approved"));
            }
        }
        check_cite(&mut errors, &at, &ind.cite);
        for c in ind.also_cite.iter() {
            check_cite(&mut errors, &at, c);
        }
        if ind.criteria.is_empty() {
            errors.push(format!("{at}: has no criteria"));
        }
        for c in ind.criteria.iter() {
            check_criterion(&mut errors, &at, c);
        }
    }

    for j in Jurisdiction::ALL {
        if d.jurisdiction(*j).is_none() {
            errors.push(format!("jurisdiction {j}: missing"));
        }
    }
    for (ji, j) in d.jurisdictions.iter().enumerate() {
        let at_j = format!("jurisdiction {}", j.id);
        if d.jurisdictions[..ji].iter().any(|o| o.id == j.id) {
            errors.push(format!("{at_j}: defined more than once"));
        }
        for (ri, r) in j.recommendations.iter().enumerate() {
            let at = format!("{at_j}, recommendation {:?}", r.id);
            if j.recommendations[..ri].iter().any(|o| o.id == r.id) {
                errors.push(format!("{at}: duplicate id"));
            }
            if r.date != "undated" && !is_date(&r.date) {
                errors.push(format!("{at}: date {:?} is neither YYYY-MM-DD nor \"undated\"", r.date));
            }
            check_cite(&mut errors, &at, &r.cite);
            for c in r.also_cite.iter() {
                check_cite(&mut errors, &at, c);
            }
        }
        for (ri, rule) in j.rules.iter().enumerate() {
            let at = format!("{at_j}, rule {} ({} -> {})", ri + 1, list(&rule.indications), rule.verdict);
            if rule.indications.is_empty() {
                errors.push(format!("{at}: names no indication"));
            }
            for c in rule.when.iter() {
                check_criterion(&mut errors, &at, c);
                if c.fields().contains(&Field::Jurisdiction) {
                    errors.push(format!("{at}: conditions may not read the jurisdiction"));
                }
            }
            match rule.verdict {
                Verdict::OffLabel | Verdict::Incomplete => errors.push(format!(
                    "{at}: verdict {} is the checker's own, a rule cannot give it",
                    rule.verdict
                )),
                _ => {}
            }
            match (&rule.qualifier, &rule.qualifier_short) {
                (None, Some(_)) => errors.push(format!(
                    "{at}: qualifier_short without a qualifier: the short form stands for the rule's qualifier in the verdict bar"
                )),
                (Some(q), Some(short)) => {
                    for lang in Lang::ALL {
                        let (q, short) = (q.get(*lang), short.get(*lang));
                        if short.trim().is_empty() || short.chars().count() > q.chars().count() {
                            errors.push(format!(
                                "{at}: qualifier_short ({lang}) {short:?} is not a short form of the qualifier {q:?}: empty or longer"
                            ));
                        }
                    }
                }
                _ => {}
            }
            match j.recommendation(&rule.basis) {
                None => errors.push(format!("{at}: basis {:?} is no recommendation of {}", rule.basis, j.id)),
                Some(rec) if !status_allows(rec.status, rule.verdict) => errors.push(format!(
                    "{at}: verdict {} contradicts the status {} of its basis {:?}",
                    rule.verdict, rec.status, rec.id
                )),
                Some(_) => {}
            }
        }
        for n in j.notes.iter() {
            check_note(&mut errors, &check_cite, &format!("{at_j}, note {:?}", n.id), n);
        }
        if errors.is_empty() {
            check_rule_coverage(d, j, &mut errors);
        }
    }

    for n in d.notes.iter() {
        check_note(&mut errors, &check_cite, &format!("note {:?}", n.id), n);
    }
    let all_notes = d.notes.iter().chain(d.jurisdictions.iter().flat_map(|j| j.notes.iter()));
    for (i, n) in all_notes.clone().enumerate() {
        if all_notes.clone().take(i).any(|o| o.id == n.id) {
            errors.push(format!("note {:?}: duplicate id", n.id));
        }
    }
    for (i, def) in d.definitions.iter().enumerate() {
        let at = format!("definition {:?}", def.id);
        if d.definitions[..i].iter().any(|o| o.id == def.id) {
            errors.push(format!("{at}: duplicate id"));
        }
        if def.fields.is_empty() {
            errors.push(format!("{at}: defines no field"));
        }
        check_cite(&mut errors, &at, &def.cite);
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Diagrams::of(d).map_err(|e| vec![e])
}

fn check_note(errors: &mut Vec<String>, check_cite: &dyn Fn(&mut Vec<String>, &str, &Cite), at: &str, n: &Note) {
    check_cite(errors, at, &n.cite);
    for c in n.also_cite.iter() {
        check_cite(errors, at, c);
    }
    for c in n.when.iter() {
        check_criterion(errors, at, c);
        if c.fields().contains(&Field::Jurisdiction) {
            errors.push(format!("{at}: conditions may not read the jurisdiction"));
        }
    }
}

/// Which verdicts a recommendation status can support.
pub fn status_allows(status: RecommendationStatus, verdict: Verdict) -> bool {
    use RecommendationStatus as S;
    use Verdict as V;
    matches!(
        (status, verdict),
        (S::Recommended | S::Approved, V::Yes)
            | (S::RecommendedWithConditions | S::IntroducedWithConditions, V::YesWithConditions)
            | (S::IntroducedWithConditions, V::No)
            | (S::NotRecommended | S::NotIntroduced, V::No)
            | (S::UnderAssessment, V::Pending)
            | (S::NoAssessment, V::NoRecommendation)
    )
}

fn list(ids: &[IndicationId]) -> String {
    ids.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(", ")
}

fn check_criterion(errors: &mut Vec<String>, at: &str, c: &Criterion) {
    match c {
        Criterion::AllOf(v) | Criterion::AnyOf(v) if v.is_empty() => {
            errors.push(format!("{at}: an empty all-of / any-of"))
        }
        Criterion::AllOf(v) | Criterion::AnyOf(v) => v.iter().for_each(|c| check_criterion(errors, at, c)),
        Criterion::CompleteRemission(n) if n.is_empty() || n.contains(&0) => {
            errors.push(format!("{at}: complete-remission needs remission numbers from 1"))
        }
        Criterion::MrdAtLeastPercent(p) if !(0.0..=100.0).contains(p) => {
            errors.push(format!("{at}: mrd-at-least-percent {p} is outside 0–100"))
        }
        Criterion::AgeAtLeastYears(y) | Criterion::AgeUnderYears(y) if *y > 120 => {
            errors.push(format!("{at}: age {y} years is outside 0–120"))
        }
        _ => {}
    }
}

/// `YYYY-MM-DD` naming a real calendar day ([`Day::parse`]) from 1990 to 2100.
pub fn is_date(s: &str) -> bool {
    Day::parse(s).is_some_and(|d| (1990..=2100).contains(&d.year))
}

/// Build-time check that the rules of `j` give exactly one route for every patient on each
/// indication: no gap, no overlap.
fn check_rule_coverage(d: &Dataset, j: &JurisdictionData, errors: &mut Vec<String>) {
    let dom = Domains::of(d);
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
