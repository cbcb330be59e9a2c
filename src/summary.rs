//! The plain-text summary a clinician copies into the medical record, assembled from four
//! sections (the answer, the facts, the deciding decisions, the check) in the answer's own words
//! ([`crate::form::answer`]), and whether the dataset may be out of date ([`currency`]).
//!
//! Pure (no web dependency). The summary holds the answers given, the verdict and its decision,
//! the sources with their dates and the dataset's version: never anything that identifies the
//! patient.

pub mod currency;

use crate::assessment::{Assessment, Assumption, Check};
use crate::form::answer::{answers, cited_as, conditions, currency_notice, national_sites, possible_answers};
use crate::i18n::{self, strings};
use crate::patient::Patient;
use crate::vocab::{Field, FieldSet, Lang, Verdict};

use crate::form::answer::headline;

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
            cited_as(lang, dec.source, rec.case.as_deref()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::child_bridging;
    use crate::fixtures::adult_mrd_cr1;
    use crate::vocab::{Diagnosis, Jurisdiction, Philadelphia};

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

    /// With no single indication certain, the facts say what the label is: none met for an
    /// off-label answer, "within an approved indication" for one on label in every completion,
    /// and nothing while the label is open.
    #[test]
    fn the_facts_say_the_label_when_no_single_indication_is_met() {
        let cx = Context { today: day("2026-12-05"), ..Context::default() };
        let facts = |p: &Patient| facts_section(&crate::evaluate(p), p, Lang::Sv, &cx);
        let off = facts(&crate::fixtures::t_all());
        assert_eq!(off.last().map(String::as_str), Some("Ingen godkänd indikation uppfylls."), "{off:?}");
        let on = facts(&crate::fixtures::adult_first_relapse_mrd_norway());
        assert_eq!(
            on.last().map(String::as_str),
            Some("Patienten är inom en godkänd indikation. Vilken av indikationerna som gäller beror på uppgifter som inte påverkar svaret."),
            "{on:?}"
        );
        let open = Patient { jurisdiction: Some(Jurisdiction::No), age_years: Some(40.0), ..Patient::default() };
        let open = facts(&open);
        assert!(!open.iter().any(|l| l.contains("godkänd indikation")), "the label is not known yet: {open:?}");
    }

    /// The contract's record is paragraphs separated by one blank line: a section with nothing to
    /// say (an incomplete answer has no deciding decision) is left out, never an empty paragraph,
    /// and every other section stays.
    #[test]
    fn a_section_with_nothing_to_say_is_left_out() {
        let p = Patient { jurisdiction: Some(Jurisdiction::No), age_years: Some(40.0), ..Patient::default() };
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::Incomplete);
        let cx = Context { today: day("2026-12-05"), ..Context::default() };
        let text = plain_text(&a, &p, Lang::En, &cx);
        let paragraphs: Vec<&str> = text.trim_end().split("\n\n").collect();
        let firsts: Vec<&str> = paragraphs.iter().map(|p| p.lines().next().unwrap_or("")).collect();
        assert_eq!(
            firsts,
            ["Blincyto (blinatumomab) – eligibility check", "Information given: Age: 40 years.", "Checked on 5 Dec 2026."],
            "{text}"
        );
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

}
