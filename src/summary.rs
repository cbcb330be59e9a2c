//! The words of an answer: its headline, what it can already say while incomplete, what would
//! change it, and the plain-text summary a clinician copies into the medical record.
//!
//! Pure (no web dependency) and shared by the widget and the tests. The summary holds the
//! answers given, the verdict and its decision, the sources with their dates and the dataset's
//! version: never anything that identifies the patient.

pub mod currency;

use crate::assessment::{self, alternatives as checker_alternatives, Assessment, Assumption, Check};
use crate::dataset::{Cite, Dataset, Source, Text};
use crate::i18n::{self, capitalize, strings};
use crate::patient::{Patient, Value};
use crate::vocab::{DiseaseStatus, Field, FieldSet, Lang, Verdict};

/// The most alternatives the answer lists.
pub const MAX_ALTERNATIVES: usize = 4;

/// The headline of the answer: the verdict in plain words, followed by the deciding rule's
/// qualifier where the dataset gives one ("Ja – som bryggbehandling inför allogen
/// stamcellstransplantation"). An incomplete answer that no missing fact can turn into a yes
/// says so ("Inte ja – …").
pub fn headline(a: &Assessment, lang: Lang) -> String {
    if a.verdict == Verdict::Incomplete && !can_be_yes(a) {
        return strings(lang).not_yes_headline.into();
    }
    qualified(lang, a.verdict, a.qualifier())
}

/// Whether some values of the missing fields give a yes (with or without conditions).
pub fn can_be_yes(a: &Assessment) -> bool {
    a.possible_verdicts.iter().any(|v| matches!(v, Verdict::Yes | Verdict::YesWithConditions))
}

fn qualified(lang: Lang, verdict: Verdict, qualifier: Option<&Text>) -> String {
    let words = (strings(lang).verdict)(verdict);
    match qualifier {
        Some(q) => format!("{words} – {}", q.get(lang)),
        None => words.into(),
    }
}

/// `items` joined as the language lists them: "A, B eller C".
fn or_list(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), strings(lang).or),
    }
}

/// What an incomplete answer can already say (the contract's `possibleVerdicts`). With one fact
/// missing: the answer each of its values gives ("Om det första recidivet är högrisk: Nej."),
/// numbers grouped into the ranges that answer alike. With more: the answers still possible.
/// Nothing for a decided answer.
pub fn possible_answers(a: &Assessment, p: &Patient, lang: Lang) -> Vec<String> {
    // Decided, or nothing said yet (every answer is still possible but for the country's).
    let said = Field::ALL.iter().any(|f| *f != Field::Jurisdiction && p.get(*f).is_some());
    if a.verdict != Verdict::Incomplete || !said {
        return Vec::new();
    }
    let t = strings(lang);
    let (d, dg) = (crate::data::dataset(), crate::data::diagrams());
    if let [field] = a.missing[..] {
        let answers: Vec<(Value, String)> = dg
            .domains()
            .values(field)
            .iter()
            .map(|v| (*v, headline(&assessment::evaluate(d, dg, &p.with(field, *v)), lang)))
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < answers.len() {
            let mut next = i + 1;
            while field.is_numeric() && next < answers.len() && answers[next].1 == answers[i].1 {
                next += 1;
            }
            let below = if field.is_numeric() { answers.get(next).map(|(v, _)| *v) } else { None };
            out.push((t.if_then)(&(t.clause)(field, answers[i].0, below), &answers[i].1));
            i = next;
        }
        return out;
    }
    let words: Vec<String> = a.possible_verdicts.iter().map(|v| (t.verdict)(*v).to_string()).collect();
    vec![(t.possible_answers)(&or_list(lang, &words))]
}

/// The number of the complete remission the patient is in (CR1 when newly diagnosed, CR2 after
/// a first relapse …), where the answers say so.
pub fn remission_number(p: &Patient) -> Option<u32> {
    if p.in_remission != Some(true) {
        return None;
    }
    match p.disease_status? {
        DiseaseStatus::NewlyDiagnosed => Some(1),
        DiseaseStatus::Relapsed => p.relapse_number.map(|n| n.saturating_add(1)),
        DiseaseStatus::Refractory => None,
    }
}

/// A patient's value of `field` in words, with the remission's number where it is known
/// ("ja (CR2)").
pub fn fact(lang: Lang, p: &Patient, field: Field, v: Value) -> String {
    match (field, remission_number(p)) {
        (Field::InRemission, Some(n)) => (strings(lang).remission_number)(n),
        _ => i18n::value(lang, field, v),
    }
}

/// Whether changing `field` from the patient's value to `to` is a change of the disease course
/// that can still happen: the contract's "what would change the answer" lists only those (and
/// missing, assumed or unknown facts), never the age, diagnosis, CD19, Philadelphia status or
/// jurisdiction, and never a value that contradicts what is entered. MRD is measured again;
/// remission can be reached, not lost without a relapse; relapses, prior treatments and failed
/// TKIs only add up; a transplant plan and consolidation can change either way.
fn course_can_change(p: &Patient, field: Field, to: Value) -> bool {
    let more = |given: Option<u32>| matches!(to, Value::Count(n) if given.is_some_and(|g| n > g));
    match field {
        Field::MrdPercent | Field::PlannedAlloHsct | Field::Consolidation => true,
        Field::InRemission => p.in_remission == Some(false) && to == Value::Flag(true),
        Field::RelapseNumber => more(p.relapse_number),
        Field::PriorTherapyLines => more(p.prior_therapy_lines),
        Field::TkiFailures => more(p.tki_failures),
        _ => false,
    }
}

/// What would change a decided answer, in words ("Om MRD är 0,1 % eller mer skulle svaret bli:
/// Ja, med villkor"), at most [`MAX_ALTERNATIVES`]: the changes of the disease course that can
/// still happen ([`course_can_change`]), and the next remission after a relapse ("Om patienten
/// får recidiv och når CR2 …"). A change that only makes the use off-label is left out unless
/// the answer already is off-label.
pub fn alternatives(a: &Assessment, p: &Patient, lang: Lang) -> Vec<String> {
    if a.verdict == Verdict::Incomplete {
        return Vec::new();
    }
    let t = strings(lang);
    let (d, dg) = (crate::data::dataset(), crate::data::diagrams());
    let mut all: Vec<(String, Patient, Verdict)> = checker_alternatives(d, dg, p)
        .into_iter()
        .filter(|alt| course_can_change(p, alt.field, alt.value))
        .map(|alt| ((t.clause)(alt.field, alt.value, alt.below), p.with(alt.field, alt.value), alt.verdict))
        .collect();
    if let Some(n) = remission_number(p) {
        let mut next = p.with(Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Relapsed));
        next.set(Field::RelapseNumber, Some(Value::Count(n)));
        match assessment::decided(d, dg, &next) {
            Some(v) if v != a.verdict => all.push(((t.after_relapse_in_cr)(n + 1), next, v)),
            _ => {}
        }
    }
    let useful: Vec<_> = all.iter().filter(|(_, _, v)| *v != Verdict::OffLabel).collect();
    let shown = if useful.is_empty() && a.verdict == Verdict::OffLabel { all.iter().collect() } else { useful };
    shown
        .into_iter()
        .take(MAX_ALTERNATIVES)
        .map(|(clause, other, verdict)| {
            // The other answer's own headline, qualified as its deciding rule says.
            let other = assessment::evaluate(d, dg, other);
            (t.alternative)(clause, &qualified(lang, *verdict, other.qualifier()))
        })
        .collect()
}

/// The fields answered, in the form's order, each as "Name: value" (the remission with its
/// number).
pub fn answers(p: &Patient, lang: Lang) -> Vec<String> {
    let t = strings(lang);
    Field::ALL
        .iter()
        .filter(|f| **f != Field::Jurisdiction)
        .filter_map(|f| p.get(*f).map(|v| format!("{}: {}", (t.field_name)(*f), fact(lang, p, *f, v))))
        .collect()
}

/// What the record summary needs beyond the answer: the device's date of the check, whether the
/// dataset is past its date, and the facts the person marked not known.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Context {
    pub today: Option<currency::Day>,
    pub stale: bool,
    pub unknown: FieldSet,
    /// An MRD typed as an upper bound ("< 0,01"): the patient leaves MRD missing, the record
    /// says "MRD: < 0,01 %".
    pub mrd_below: Option<f64>,
}

/// The plain-text summary for the medical record, in `lang`: about fifteen lines in four
/// sections (the answer; the facts; the deciding decision and its source; the check), the
/// contract's "The record summary".
pub fn plain_text(a: &Assessment, p: &Patient, lang: Lang, cx: &Context) -> String {
    let sections = [answer_section(a, p, lang, cx), facts_section(a, p, lang, cx), decision_section(a, lang), check_section(a, lang, cx)];
    let mut text = sections.iter().filter(|s| !s.is_empty()).map(|s| s.join("\n")).collect::<Vec<_>>().join("\n\n");
    text.push('\n');
    text
}

/// The answer: title, jurisdiction, headline, the currency notice when stale, what an incomplete
/// answer can say, the conditions of a yes, what was assumed.
fn answer_section(a: &Assessment, p: &Patient, lang: Lang, cx: &Context) -> Vec<String> {
    let t = strings(lang);
    let d = crate::data::dataset();
    let mut out = vec![t.summary_title.to_string()];
    if let Some(j) = a.jurisdiction.and_then(|j| d.jurisdiction(j)) {
        out.push(format!("{}: {} ({})", t.summary_jurisdiction, j.name.get(lang), j.authority));
    }
    out.push(format!("{}: {}", t.summary_answer, headline(a, lang)));
    if cx.stale {
        let sites: Vec<String> = national_sites(d, a).into_iter().map(|(name, url)| format!("{name} {url}")).collect();
        out.push(currency_notice(a, lang));
        out.push(format!("{} {}", t.stale_check, sites.join(", ")));
    }
    out.extend(possible_answers(a, p, lang));
    let conditions = conditions(a, lang);
    if !conditions.is_empty() {
        out.push(format!("{}: {}", t.conditions_label, conditions.join(" ")));
    }
    for assumption in a.assumptions.iter() {
        match assumption {
            Assumption::Monotherapy => out.push(t.assumption_monotherapy.into()),
        }
    }
    out
}

/// The conditions of the decisions behind the verdict, each once.
pub fn conditions<'d>(a: &Assessment<'d>, lang: Lang) -> Vec<&'d str> {
    let mut out: Vec<&'d str> = Vec::new();
    for dec in a.decision.iter().filter(|d| d.verdict == a.verdict) {
        for c in dec.recommendation.conditions.iter() {
            let c: &'d str = c.get(lang);
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// The facts: those entered (one line), those not known, the indication.
fn facts_section(a: &Assessment, p: &Patient, lang: Lang, cx: &Context) -> Vec<String> {
    let t = strings(lang);
    let mut facts = answers(p, lang);
    if let (None, Some(bound)) = (p.mrd_percent, cx.mrd_below) {
        facts.push(format!("{}: {}", (t.field_name)(Field::MrdPercent), i18n::percent_below(lang, bound)));
    }
    let mut out = vec![format!("{}: {}.", t.summary_answers, facts.join("; "))];
    let not_known: Vec<&str> =
        Field::ALL.iter().filter(|f| cx.unknown.contains(**f) || a.missing.contains(f)).map(|f| (t.field_name)(*f)).collect();
    if !not_known.is_empty() {
        out.push(format!("{}: {}.", t.summary_not_known, not_known.join(", ")));
    }
    let on: Vec<_> = a.indications.iter().filter(|i| i.status == Check::Met).collect();
    if on.is_empty() {
        if a.verdict == Verdict::OffLabel {
            out.push(t.summary_label_status_off.into());
        } else if a.label.status == crate::assessment::LabelStatus::OnLabel {
            out.push(t.on_label_some.into());
        }
    }
    for ind in on {
        out.push(format!("{}: {}", t.summary_indication, ind.indication.name.get(lang)));
    }
    out
}

/// The deciding decisions, each once: title, body and date, then its source sentence verbatim
/// (in its own language, in the widget's quotation marks) and the source named as what it is.
fn decision_section(a: &Assessment, lang: Lang) -> Vec<String> {
    let t = strings(lang);
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for dec in a.decision.iter().filter(|d| d.verdict == a.verdict) {
        let rec = dec.recommendation;
        if seen.contains(&&*rec.id) {
            continue;
        }
        seen.push(&rec.id);
        out.push(format!("{}: {} ({}, {})", t.summary_decision, rec.title.get(lang), rec.decided_by, i18n::date(lang, &rec.date)));
        out.push(format!(
            "{}: {} – {} ({}). {}",
            t.source_label,
            (t.quote)(dec.quote),
            i18n::cited_as(lang, dec.source, rec.case.as_deref()),
            i18n::date(lang, &dec.source.date),
            dec.source.url
        ));
    }
    out
}

/// The check: its day, the dataset's version and dates, and the authority.
fn check_section(a: &Assessment, lang: Lang, cx: &Context) -> Vec<String> {
    let t = strings(lang);
    let mut out = Vec::new();
    if let Some(day) = cx.today {
        out.push((t.summary_checked_on)(&i18n::date(lang, &day.iso())));
    }
    out.push((t.as_of)(&i18n::date(lang, a.dataset.as_of), &i18n::date(lang, a.dataset.checked), a.dataset.version));
    out.push(a.dataset.authority.get(lang).to_string());
    out
}

/// The sentences `cites` point at, verbatim, with their source: one entry per run of citations
/// of the same source, in order (a note citing two sentences of one chapter shows them as one
/// quotation). A citation of a missing source or quote (the build refuses one) is left out.
pub fn cited_quotes<'d, 'c>(d: &'d Dataset, cites: impl IntoIterator<Item = &'c Cite>) -> Vec<(&'d Source, Vec<&'d str>)> {
    let mut out: Vec<(&'d Source, Vec<&'d str>)> = Vec::new();
    for cite in cites {
        let Some((source, quote)) = d.quote(cite) else { continue };
        match out.last_mut() {
            Some((last, texts)) if last.id == source.id => texts.push(&quote.text),
            _ => out.push((source, vec![&quote.text])),
        }
    }
    out
}

/// Where a clinician checks whether the answer still holds: each jurisdiction's authority and
/// site from the dataset (NT-rådet, Nye metoder), the answer's own jurisdiction first.
pub fn national_sites<'d>(d: &'d Dataset, a: &Assessment) -> Vec<(&'d str, &'d str)> {
    let mut sites: Vec<_> = d.jurisdictions.iter().collect();
    sites.sort_by_key(|j| Some(j.id) != a.jurisdiction);
    sites.into_iter().map(|j| (&*j.authority, &*j.url)).collect()
}

/// An address as people say it: `https://www.nyemetoder.no/` → `nyemetoder.no`.
pub fn site_name(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.strip_suffix('/').unwrap_or(rest)
}

/// The currency notice in one paragraph: that the answer may be out of date and when the dataset
/// was last checked. The widget shows it (with the national sites' links) and its live region
/// says it once, when the device's date is past the dataset's limit ([`currency::is_stale`]).
pub fn currency_notice(a: &Assessment, lang: Lang) -> String {
    let t = strings(lang);
    let months = a.dataset.stale_after_months.unwrap_or(0);
    format!("{}. {}", t.stale_heading, (t.stale_text)(&i18n::date(lang, a.dataset.checked), months))
}

/// The missing fields in words, for "answer the following".
pub fn missing(a: &Assessment, lang: Lang) -> Vec<String> {
    let t = strings(lang);
    a.missing.iter().map(|f| capitalize((t.field_name)(*f))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::child_bridging;
    use crate::vocab::{Cd19, Diagnosis, DiseaseStatus, Jurisdiction, Philadelphia};

    fn adult_mrd_cr1(j: Jurisdiction) -> Patient {
        Patient {
            jurisdiction: Some(j),
            age_years: Some(45.0),
            diagnosis: Some(Diagnosis::BPrecursorAll),
            cd19: Some(Cd19::Positive),
            philadelphia: Some(Philadelphia::Negative),
            disease_status: Some(DiseaseStatus::NewlyDiagnosed),
            in_remission: Some(true),
            mrd_percent: Some(0.5),
            consolidation: Some(false),
            planned_allo_hsct: Some(false),
            ..Patient::default()
        }
    }

    fn day(iso: &str) -> Option<currency::Day> {
        currency::Day::parse(iso)
    }

    /// Issue 19, item 15: the record follows the contract's "The record summary": short, the
    /// check's date and the dataset's version and checked date, no double blank line, no
    /// sentence about personal data, and no monotherapy assumption on an off-label T-ALL.
    #[test]
    fn item15_the_record_is_short_dated_and_says_only_what_holds() {
        let cx = Context { today: day("2026-12-05"), ..Context::default() };
        let t_all = Patient {
            jurisdiction: Some(Jurisdiction::Se),
            diagnosis: Some(Diagnosis::TAll),
            philadelphia: Some(Philadelphia::Negative),
            ..Patient::default()
        };
        let cases = [(child_bridging(), Lang::Sv), (adult_mrd_cr1(Jurisdiction::No), Lang::Nb), (t_all.clone(), Lang::En)];
        for (p, lang) in cases {
            let text = plain_text(&crate::evaluate(&p), &p, lang, &cx);
            let lines = text.lines().count();
            assert!((8..=16).contains(&lines), "{lines} lines:\n{text}");
            assert!(!text.contains("\n\n\n") && text.ends_with('\n') && !text.ends_with("\n\n"), "{text}");
            assert!(text.contains("2026.12.05-1"), "{text}");
            for words in ["personuppgifter", "personopplysninger", "personal data"] {
                assert!(!text.contains(words), "{text}");
            }
        }
        let sv = plain_text(&crate::evaluate(&child_bridging()), &child_bridging(), Lang::Sv, &cx);
        assert!(sv.contains("\nKontrollen gjordes 2026-12-05.\nSenaste källa: 2026-01-21. Senast kontrollerat för nyare beslut: 2026-11-30"), "{sv}");
        assert!(sv.contains("\nBlincyto antas ges som monoterapi (frågan är inte besvarad).\n"), "{sv}");
        // Swedish quotation marks around the verbatim sentence.
        assert!(sv.contains("Källa: ”Blincyto kan dock användas som bryggbehandling till barn och vuxna med ALL inför allogen stamcellstransplantation.”"), "{sv}");
        let nb = plain_text(&crate::evaluate(&adult_mrd_cr1(Jurisdiction::No)), &adult_mrd_cr1(Jurisdiction::No), Lang::Nb, &cx);
        assert!(nb.contains("Kontrollen er gjort 05.12.2026."), "{nb}");
        assert!(nb.contains("Kilde: «Det foreligger beslutning fra Beslutningsforum"), "{nb}");
        assert!(nb.contains("\nVilkår: Sykdommen er i første fullstendige remisjon (CR1). Behandlingen følger det nasjonale handlingsprogrammet. Bare én kur blinatumomab gis etter konsolidering.\n"), "{nb}");
        let en = plain_text(&crate::evaluate(&t_all), &t_all, Lang::En, &cx);
        assert!(!en.contains("monotherapy"), "an off-label T-ALL assumes nothing about monotherapy:\n{en}");
        assert!(en.contains("Answer: Outside the indication (off-label)\n"), "{en}");
    }

    /// Issue 19, item 10: the remission's number stands in the facts, and an age just under 18
    /// is not rounded up to 18.
    #[test]
    fn item10_the_facts_show_the_remission_number_and_do_not_round_the_age_up() {
        let mut p = adult_mrd_cr1(Jurisdiction::No);
        assert!(answers(&p, Lang::Nb).contains(&"Fullstendig remisjon: ja (CR1)".to_string()), "{:?}", answers(&p, Lang::Nb));
        p.disease_status = Some(DiseaseStatus::Relapsed);
        p.relapse_number = Some(1);
        assert!(answers(&p, Lang::Sv).contains(&"Komplett remission: ja (CR2)".to_string()), "{:?}", answers(&p, Lang::Sv));
        let child = Patient { age_years: Some(17.99), ..child_bridging() };
        assert!(answers(&child, Lang::Sv).contains(&"Ålder: 17,99 år".to_string()), "{:?}", answers(&child, Lang::Sv));
        let a = crate::evaluate(&child);
        let rows: Vec<_> = a.indications.iter().flat_map(|i| i.criteria.iter()).map(|c| crate::form::answer::Row::of(c, &child, Lang::Sv)).collect();
        assert!(rows.iter().any(|r| r.words == "Ålder under 18 år" && r.values == "Ålder: 17,99 år"), "{rows:?}");
        assert_eq!(i18n::age(Lang::En, 17.999), "17.99 years");
    }

    /// Issue 19, item 5: "what would change the answer" lists only changes the disease course
    /// can still make, never the age, diagnosis or a value that contradicts the facts; and it
    /// prefers the useful line (CR2 after a relapse).
    #[test]
    fn item5_alternatives_follow_the_course_of_the_disease() {
        // nb, an adult in CR1 with MRD 0,5 %: CR2 after a relapse is "Nei", not "refractory".
        let p = adult_mrd_cr1(Jurisdiction::No);
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::YesWithConditions);
        assert_eq!(alternatives(&a, &p, Lang::Nb), ["Hvis pasienten får residiv og oppnår CR2, ville svaret blitt: Nei"]);
        // A 5-month-old: never "if the age is 18 years or more".
        let infant = Patient { age_years: Some(5.0 / 12.0), ..child_bridging() };
        let a = crate::evaluate(&infant);
        for line in alternatives(&a, &infant, Lang::En) {
            assert!(!line.contains("age") && !line.contains("18"), "{line}");
        }
        // An off-label T-ALL: nothing but another diagnosis would change it, which is never listed.
        let t_all = Patient { jurisdiction: Some(Jurisdiction::Se), diagnosis: Some(Diagnosis::TAll), ..Patient::default() };
        assert!(alternatives(&crate::evaluate(&t_all), &t_all, Lang::Sv).is_empty());
        // Counts only add up: a child after two lines never reads "fewer than 2 prior treatments".
        let p = Patient { planned_allo_hsct: Some(false), ..child_bridging() };
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::No);
        let alts = alternatives(&a, &p, Lang::Sv);
        assert_eq!(alts, ["Om Blincyto ges som brygga inför planerad allogen stamcellstransplantation skulle svaret bli: Ja – som bryggbehandling inför allogen stamcellstransplantation"]);
    }

    /// Issue 19, item 4: an incomplete answer says what it already can. sv, a child in CR2 after
    /// a first relapse, consolidation, no transplant, high-risk marked not known: not yes, and
    /// each value's answer. nb, an adult in CR1 with MRD not known: MRD ≥ 0,1 % gives yes with
    /// conditions, below it the answer is not yes.
    #[test]
    fn item4_an_incomplete_answer_says_what_it_can() {
        let child = Patient {
            jurisdiction: Some(Jurisdiction::Se),
            age_years: Some(6.0),
            diagnosis: Some(Diagnosis::BPrecursorAll),
            cd19: Some(Cd19::Positive),
            philadelphia: Some(Philadelphia::Negative),
            disease_status: Some(DiseaseStatus::Relapsed),
            relapse_number: Some(1),
            in_remission: Some(true),
            mrd_percent: Some(0.02),
            consolidation: Some(true),
            prior_therapy_lines: Some(1),
            prior_allo_hsct: Some(false),
            planned_allo_hsct: Some(false),
            ..Patient::default()
        };
        let a = crate::evaluate(&child);
        assert_eq!((a.verdict, a.missing.as_slice()), (Verdict::Incomplete, &[Field::HighRiskRelapse][..]));
        assert_eq!(a.possible_verdicts, [Verdict::No, Verdict::OffLabel]);
        assert_eq!(headline(&a, Lang::Sv), "Inte ja");
        assert_eq!(headline(&a, Lang::Nb), "Ikke ja");
        let lines = possible_answers(&a, &child, Lang::Sv);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("Om det första recidivet inte är högrisk: Utanför indikation (off-label)") || lines[1].starts_with("Om det första recidivet inte är högrisk: Utanför indikation (off-label)"), "{lines:?}");
        assert!(lines.iter().any(|l| l.starts_with("Om det första recidivet är högrisk: Nej")), "{lines:?}");

        let mut adult = adult_mrd_cr1(Jurisdiction::No);
        adult.mrd_percent = None;
        let a = crate::evaluate(&adult);
        assert_eq!(a.missing, [Field::MrdPercent]);
        assert_eq!(
            possible_answers(&a, &adult, Lang::Nb),
            ["Hvis MRD er under 0,1\u{a0}%: Utenfor indikasjon (off-label).", "Hvis MRD er 0,1\u{a0}% eller mer: Ja, med vilkår."]
        );
        // More than one fact missing: the answers still possible.
        let adult = Patient { jurisdiction: Some(Jurisdiction::No), age_years: Some(40.0), ..Patient::default() };
        let a = crate::evaluate(&adult);
        assert_eq!(
            possible_answers(&a, &adult, Lang::En),
            ["Possible answers: Yes, with conditions, No national decision for this situation, No or Outside the indication (off-label)."]
        );
        // Nothing said yet: no list of every answer.
        let empty = Patient { jurisdiction: Some(Jurisdiction::No), ..Patient::default() };
        assert!(possible_answers(&crate::evaluate(&empty), &empty, Lang::En).is_empty());
        assert!(possible_answers(&crate::evaluate(&child_bridging()), &child_bridging(), Lang::Sv).is_empty());
    }

    #[test]
    fn a_stale_record_says_so_after_the_answer() {
        let p = adult_mrd_cr1(Jurisdiction::No);
        let a = crate::evaluate(&p);
        let cx = Context { today: day("2028-01-10"), stale: true, ..Context::default() };
        let text = plain_text(&a, &p, Lang::Sv, &cx);
        let notice = "Svaret kan vara inaktuellt. Underlaget kontrollerades senast 2026-11-30, för mer än 12 månader sedan.";
        assert!(text.contains(notice), "{text}");
        assert!(
            text.contains("Kontrollera aktuella rekommendationer och beslut hos: Nye metoder https://www.nyemetoder.no/, NT-rådet https://samverkanlakemedel.se/"),
            "{text}"
        );
        // Right after the answer, before the facts.
        let (at, answer, given) = (text.find(notice).unwrap(), text.find("Svar: Ja, med villkor").unwrap(), text.find("Angivna uppgifter").unwrap());
        assert!(answer < at && at < given, "{text}");
        assert_eq!(text.matches(notice).count(), 1, "{text}");
        assert!(!plain_text(&a, &p, Lang::Sv, &Context::default()).contains(notice));
        assert_eq!(
            currency_notice(&a, Lang::En),
            "This answer may be out of date. The dataset was last checked on 30 Nov 2026, more than 12 months ago. Newer decisions may have been made since."
        );
    }

    /// Issue 19, item 14: an MRD reported as "< 0,01" is in the record as such.
    #[test]
    fn item14_the_record_says_mrd_below_a_bound() {
        let mut p = adult_mrd_cr1(Jurisdiction::No);
        p.mrd_percent = None;
        let a = crate::evaluate(&p);
        let cx = Context { mrd_below: Some(0.01), ..Context::default() };
        let text = plain_text(&a, &p, Lang::Sv, &cx);
        assert!(text.contains("; MRD: <\u{a0}0,01\u{a0}%."), "{text}");
    }

    #[test]
    fn what_was_marked_not_known_is_in_the_record() {
        let p = child_bridging();
        let a = crate::evaluate(&p);
        let cx = Context { unknown: FieldSet::of(&[Field::PriorAlloHsct]), ..Context::default() };
        let text = plain_text(&a, &p, Lang::Sv, &cx);
        assert!(text.contains("\nInte känt: Tidigare allogen stamcellstransplantation.\n"), "{text}");
        assert!(!plain_text(&a, &p, Lang::Sv, &Context::default()).contains("Inte känt"));
    }

    #[test]
    fn notes_quote_their_sources_verbatim_grouped_by_source() {
        let d = crate::data::dataset();
        let note = |id: &str| {
            d.jurisdictions
                .iter()
                .flat_map(|j| j.notes.iter())
                .chain(d.notes.iter())
                .find(|n| &*n.id == id)
                .unwrap_or_else(|| panic!("no note {id}"))
        };
        let cites = |id: &str| {
            let n = note(id);
            core::iter::once(&n.cite).chain(n.also_cite.iter()).cloned().collect::<Vec<_>>()
        };
        // ID2019_118: one Norwegian sentence of Helsedirektoratet's guideline.
        let q = cited_quotes(d, &cites("id2019-118-conditions-verbatim"));
        assert_eq!(q.len(), 1);
        assert_eq!((&*q[0].0.id, &*q[0].0.lang), ("hdir-all-voksne", "nb"));
        assert_eq!(q[0].1.len(), 1);
        assert!(q[0].1[0].contains("sykdommen er i første fullstendige remisjon"), "{:?}", q[0].1);
        // RCC: two sentences of one chapter, one quotation.
        let q = cited_quotes(d, &cites("rcc-svall-consensus-adults"));
        assert_eq!(q.iter().map(|(s, t)| (&*s.id, t.len())).collect::<Vec<_>>(), [("rcc-all-kapitel-17", 2)]);
        // TLV and the VGR newsletter: two sources, two quotations, in the note's order.
        let q = cited_quotes(d, &cites("tlv-assessed-relapsed-refractory-children"));
        assert_eq!(q.iter().map(|(s, t)| (&*s.id, t.len())).collect::<Vec<_>>(), [("tlv-2021-05-26", 1), ("nt-radet-vgr", 1)]);
        // Every quote is the dataset's text, unchanged.
        for (source, texts) in cited_quotes(d, &cites("id2017-067-bridging")) {
            for text in texts {
                assert!(source.quotes.iter().any(|x| &*x.text == text));
            }
        }
        // A citation of nothing is left out, not shown empty.
        let missing = crate::dataset::Cite { source: "no-such-source".into(), quote: "x".into() };
        assert!(cited_quotes(d, [&missing]).is_empty());
    }

    #[test]
    fn the_national_sites_come_from_the_dataset_own_country_first() {
        let d = crate::data::dataset();
        let se = crate::evaluate(&adult_mrd_cr1(Jurisdiction::Se));
        let no = crate::evaluate(&adult_mrd_cr1(Jurisdiction::No));
        let names = |a: &Assessment| national_sites(d, a).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert_eq!(names(&se), ["NT-rådet", "Nye metoder"]);
        assert_eq!(names(&no), ["Nye metoder", "NT-rådet"]);
        for (_, url) in national_sites(d, &se) {
            assert!(d.jurisdictions.iter().any(|j| &*j.url == url) && url.starts_with("https://"), "{url}");
        }
        assert_eq!(site_name("https://www.nyemetoder.no/"), "nyemetoder.no");
        assert_eq!(site_name("https://samverkanlakemedel.se/"), "samverkanlakemedel.se");
        assert_eq!(site_name("http://example.org/a/b"), "example.org/a/b");
        assert_eq!(site_name("nyemetoder.no"), "nyemetoder.no");
    }
}
