//! The decision dataset's types and its validation.
//!
//! The dataset itself is `data/blincyto.toml`, a file the drug committee reviews. `build.rs` reads
//! it with these types, runs [`validate`] and turns it into Rust (see `data.rs`), so a bad file
//! fails the build with a message naming the entry and the browser never parses TOML.
//! This module is also compiled into `build.rs`: it may only use `crate::vocab` and
//! `crate::checker`, and has no child modules.

use serde::{Deserialize, Serialize};

use crate::vocab::{Criterion, Field, IndicationId, Jurisdiction, Lang, List, RecommendationStatus, Str, Verdict};

/// The dataset format this build compiles in. Format 2 added `checked`, `stale_after_months`,
/// dataset-wide notes, definitions, rule qualifiers, note scopes and `amended`.
pub const FORMAT: u32 = 2;

/// The oldest format [`validate`] still reads (the change report compares against old releases).
pub const OLDEST_FORMAT: u32 = 1;

/// The whole dataset.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Dataset {
    /// Format version of the file; must equal [`FORMAT`].
    pub format: u32,
    /// The dataset's own version, bumped with every reviewed change.
    pub version: Str,
    /// Date (YYYY-MM-DD) of the latest source the dataset relies on.
    pub as_of: Str,
    /// Date (YYYY-MM-DD) its maintainers last looked for newer decisions. Required from format 2;
    /// a format-1 file was checked on its `as_of` date ([`Dataset::checked`]).
    #[serde(default)]
    pub checked: Option<Str>,
    /// How many months after `checked` the widget warns that the answer may be out of date.
    /// Required from format 2.
    #[serde(default)]
    pub stale_after_months: Option<u32>,
    /// Who the authority is: the current SmPC and the national sites.
    pub authority: Text,
    /// What the dataset knows it does not know.
    pub unknowns: List<Text>,
    /// The documents every statement rests on.
    #[serde(rename = "source")]
    pub sources: List<Source>,
    /// The EU indications.
    #[serde(rename = "indication")]
    pub indications: List<Indication>,
    /// Per jurisdiction: recommendations, rules and notes.
    #[serde(rename = "jurisdiction")]
    pub jurisdictions: List<JurisdictionData>,
    /// Notes that apply whatever the jurisdiction (context such as another country's decision):
    /// never a verdict.
    #[serde(rename = "note", default)]
    pub notes: List<Note>,
    /// What an answer to a question means, where a clinician could read it otherwise. Shown
    /// with every answer that uses one of the fields.
    #[serde(rename = "definition", default)]
    pub definitions: List<Definition>,
}

/// A text in the widget's three languages.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Text {
    pub sv: Str,
    pub nb: Str,
    pub en: Str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::Nb => &self.nb,
            Lang::En => &self.en,
        }
    }
}

/// A published document.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Source {
    pub id: Str,
    pub publisher: Str,
    pub title: Str,
    /// YYYY-MM-DD, or "undated" where the document carries no date.
    pub date: Str,
    /// Language of the quotes (BCP 47: sv, nb, en).
    pub lang: Str,
    pub url: Str,
    /// The exact sentences the dataset relies on.
    #[serde(rename = "quote")]
    pub quotes: List<Quote>,
}

/// One quoted sentence of a source.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Quote {
    pub id: Str,
    pub text: Str,
}

/// A pointer to one quote of one source.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Cite {
    pub source: Str,
    pub quote: Str,
}

/// An EU indication.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Indication {
    pub id: IndicationId,
    /// The indication's wording.
    pub name: Text,
    /// Date (YYYY-MM-DD) of the EU marketing authorisation of this indication.
    pub approved: Str,
    /// Date (YYYY-MM-DD) since when the current wording applies, where it was changed after
    /// the first approval.
    #[serde(default)]
    pub amended: Option<Str>,
    pub cite: Cite,
    /// Further citations (for example a later change of the age limit).
    #[serde(default)]
    pub also_cite: List<Cite>,
    /// Every one must hold for the patient to be on this indication.
    #[serde(skip_serializing)]
    pub criteria: List<Criterion>,
}

/// One jurisdiction's recommendations, verdict rules and notes.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct JurisdictionData {
    pub id: Jurisdiction,
    pub name: Text,
    /// The body whose recommendations apply (NT-rådet, Nye metoder).
    pub authority: Str,
    /// Where a clinician checks the current status.
    pub url: Str,
    #[serde(rename = "recommendation")]
    pub recommendations: List<Recommendation>,
    #[serde(rename = "rule")]
    pub rules: List<Rule>,
    #[serde(rename = "note", default)]
    pub notes: List<Note>,
}

/// A recommendation, method assessment or documented absence of one.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Recommendation {
    pub id: Str,
    /// Who decided (NT-rådet, Beslutningsforum for nye metoder, DMP…).
    pub decided_by: Str,
    /// Case number where there is one (ID2019_118).
    #[serde(default)]
    pub case: Option<Str>,
    pub title: Text,
    pub status: RecommendationStatus,
    /// Date of the decision (YYYY-MM-DD) or "undated".
    pub date: Str,
    pub scope: Text,
    #[serde(default)]
    pub conditions: List<Text>,
    pub cite: Cite,
    /// Further citations (for example the conditions of a decision, published elsewhere).
    #[serde(default)]
    pub also_cite: List<Cite>,
}

/// How a verdict follows for patients on some indications in one jurisdiction.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Rule {
    /// The indications the rule covers.
    pub indications: List<IndicationId>,
    /// Conditions on the patient beyond the indication (all must hold).
    #[serde(default, skip_serializing)]
    pub when: List<Criterion>,
    pub verdict: Verdict,
    /// The recommendation the verdict rests on.
    pub basis: Str,
    /// Why, in words.
    pub reason: Text,
    /// Words that qualify the verdict's headline ("Ja – som bryggbehandling inför allogen
    /// stamcellstransplantation"), where the rule's verdict holds only in that sense.
    #[serde(default)]
    pub qualifier: Option<Text>,
}

/// A note shown with a decided on-label verdict (context, not a condition; never a verdict).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Note {
    pub id: Str,
    /// Shown only to patients who are, whatever the unanswered fields, on one of these
    /// indications (empty: any indication).
    #[serde(default, skip_serializing)]
    pub indications: List<IndicationId>,
    /// Shown only when all of these hold (empty: always).
    #[serde(default, skip_serializing)]
    pub when: List<Criterion>,
    pub text: Text,
    pub cite: Cite,
    /// Further citations.
    #[serde(default)]
    pub also_cite: List<Cite>,
}

/// The meaning of one or more input fields, as the contract gives it.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Definition {
    pub id: Str,
    /// The fields it defines; it goes with every answer that uses one of them.
    pub fields: List<Field>,
    /// A short hint under the question.
    #[serde(skip_serializing)]
    pub hint: Text,
    /// The definition in full, as the answer and the record summary state it.
    pub text: Text,
    /// The source the definition follows or guards against.
    pub cite: Cite,
}

impl Dataset {
    /// When the maintainers last looked for newer decisions.
    pub fn checked(&self) -> &str {
        self.checked.as_deref().unwrap_or(&self.as_of)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn quote(&self, cite: &Cite) -> Option<(&Source, &Quote)> {
        let source = self.source(&cite.source)?;
        let quote = source.quotes.iter().find(|q| q.id == cite.quote)?;
        Some((source, quote))
    }

    pub fn indication(&self, id: IndicationId) -> Option<&Indication> {
        self.indications.iter().find(|i| i.id == id)
    }

    pub fn jurisdiction(&self, id: Jurisdiction) -> Option<&JurisdictionData> {
        self.jurisdictions.iter().find(|j| j.id == id)
    }
}

impl JurisdictionData {
    pub fn recommendation(&self, id: &str) -> Option<&Recommendation> {
        self.recommendations.iter().find(|r| r.id == id)
    }
}

/// Checks everything the types cannot: references, dates, coverage and consistency of the rules.
/// Returns every problem found, each naming its entry.
pub fn validate(d: &Dataset) -> Result<(), Vec<String>> {
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
            crate::checker::check_rule_coverage(d, j, &mut errors);
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

    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
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

/// `YYYY-MM-DD` naming a real calendar day.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: core::ops::Range<usize>| -> Option<u32> {
        s.get(r).filter(|t| t.bytes().all(|c| c.is_ascii_digit()))?.parse().ok()
    };
    let (Some(y), Some(m), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1990..=2100).contains(&y) && (1..=days).contains(&day)
}
