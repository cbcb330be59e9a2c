//! The answer's words: its headline and the sentence under it, what an incomplete answer can
//! already say, what would change a decided one, the facts as the patient's values, the
//! conditions, what is missing, and where to check whether the answer still holds. The verdict
//! box, the answer region and the record all say these.

use crate::assessment::{self, alternatives as checker_alternatives, Assessment};
use crate::dataset::{Dataset, Text};
use crate::i18n::{self, capitalize, strings};
use crate::patient::{Patient, Value};
use crate::vocab::{DiseaseStatus, Field, Lang, RecommendationStatus, Verdict};

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

/// The status of the decision behind `a`'s verdict: that of every deciding recommendation that
/// gives the verdict, when they agree (`None` when nothing decides it, or they differ).
pub fn deciding_status(a: &Assessment) -> Option<RecommendationStatus> {
    let mut statuses = a.decision.iter().filter(|d| d.verdict == a.verdict).map(|d| d.recommendation.status);
    let first = statuses.next()?;
    statuses.all(|s| s == first).then_some(first)
}

/// The sentence under the headline of `a`: the table's [`Strings::verdict_explainer`] for its
/// verdict, the status of the decision behind it ([`deciding_status`]) and the country by name
/// (every country of the dataset when the answer holds whatever the country).
pub fn explainer(a: &Assessment, lang: Lang) -> String {
    let d = crate::data::dataset();
    let places: Vec<&str> = d
        .jurisdictions
        .iter()
        .filter(|j| a.jurisdiction.is_none_or(|x| x == j.id))
        .map(|j| j.name.get(lang))
        .collect();
    (strings(lang).verdict_explainer)(a.verdict, deciding_status(a), &places)
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
    use crate::fixtures::{self, adult_mrd_cr1, child_bridging, in_jurisdiction};
    use crate::vocab::{Diagnosis, Jurisdiction};

    const LANGS: [Lang; 3] = [Lang::Sv, Lang::Nb, Lang::En];

    /// Patients of the key answers below: the public examples' (`crate::fixtures`) in either
    /// country; the adult with MRD also after a first relapse (CR2).
    fn adult_refractory(j: Jurisdiction) -> crate::Patient {
        in_jurisdiction(j, fixtures::adult_refractory())
    }

    fn adult_mrd(j: Jurisdiction, relapses: Option<u32>) -> crate::Patient {
        let status = if relapses.is_some() { DiseaseStatus::Relapsed } else { DiseaseStatus::NewlyDiagnosed };
        crate::Patient { disease_status: Some(status), relapse_number: relapses, ..fixtures::adult_mrd_cr1(j) }
    }

    fn child_high_risk_first_relapse(j: Jurisdiction) -> crate::Patient {
        in_jurisdiction(j, fixtures::child_high_risk_first_relapse_norway())
    }

    /// The headline and the sentence under it.
    fn answer(p: &crate::Patient, lang: Lang) -> (Verdict, String, String) {
        let a = crate::evaluate(p);
        (a.verdict, headline(&a, lang), explainer(&a, lang))
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
        let rows: Vec<_> = a.indications.iter().flat_map(|i| i.criteria.iter()).map(|c| super::super::Row::of(c, &child, Lang::Sv)).collect();
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
        // Remission can still be reached: the Norwegian adult with MRD 0,5 %, newly diagnosed
        // and not (yet) in remission, is outside the indications; in CR1 the conditions apply.
        let p = Patient { in_remission: Some(false), ..fixtures::adult_mrd_positive_cr1_norway() };
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::OffLabel);
        assert_eq!(
            alternatives(&a, &p, Lang::Sv),
            [
                "Om patienten är i komplett remission skulle svaret bli: Ja, med villkor",
                "Om Blincyto ges som del av konsolideringen skulle svaret bli: Inget nationellt beslut för denna situation"
            ]
        );
    }

    /// Issue 19, item 4: an incomplete answer says what it already can. sv, a child in CR2 after
    /// a first relapse, consolidation, no transplant, high-risk marked not known: not yes, and
    /// each value's answer. nb, an adult in CR1 with MRD not known: MRD ≥ 0,1 % gives yes with
    /// conditions, below it the answer is not yes.
    #[test]
    fn item4_an_incomplete_answer_says_what_it_can() {
        // "child, high-risk first relapse, consolidation, Norway", in Sweden, no transplant
        // planned, the high-risk question marked not known.
        let child = Patient {
            high_risk_relapse: None,
            planned_allo_hsct: Some(false),
            ..in_jurisdiction(Jurisdiction::Se, fixtures::child_high_risk_first_relapse_norway())
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

    /// Item 6 of issue 19: NT-rådet's advice for children is to refrain from *general* use, and
    /// the headline says so; the sentence under it says which kind of "no" it is (a
    /// recommendation, not a decision not to introduce), and each "no" follows its decision's
    /// status.
    #[test]
    fn item6_the_childrens_no_is_qualified_and_every_explainer_follows_the_status() {
        let child = crate::Patient { planned_allo_hsct: Some(false), ..crate::fixtures::child_bridging() };
        assert_eq!(
            answer(&child, Lang::Sv),
            (
                Verdict::No,
                "Nej – avstå från generell användning".into(),
                "Användningen rekommenderas inte i Sverige. Det är en nationell rekommendation till regionerna, inte ett bindande beslut.".into()
            )
        );
        assert_eq!(answer(&child, Lang::Nb).1, "Nei – avstå fra generell bruk");
        assert_eq!(answer(&child, Lang::En).1, "No – refrain from general use");
        // Norway's "no" for relapsed/refractory adults is a decision not to introduce.
        assert_eq!(
            answer(&adult_refractory(Jurisdiction::No), Lang::Nb),
            (Verdict::No, "Nei".into(), "Det er besluttet at metoden ikke skal innføres i Norge.".into())
        );
        // In CR2, outside the conditions of a method that is introduced.
        assert_eq!(
            answer(&adult_mrd(Jurisdiction::No, Some(1)), Lang::En),
            (Verdict::No, "No".into(), "The method is introduced in Norway only on conditions this patient does not meet.".into())
        );
        // Three kinds of "no", three sentences, in every language.
        for lang in LANGS {
            let words: Vec<String> = [child.clone(), adult_refractory(Jurisdiction::No), adult_mrd(Jurisdiction::No, Some(1))]
                .iter()
                .map(|p| answer(p, lang).2)
                .collect();
            assert!(words[0] != words[1] && words[1] != words[2] && words[0] != words[2], "item 6, {lang}: {words:?}");
        }
        // The status behind the verdict, when the deciding decisions agree.
        assert_eq!(deciding_status(&crate::evaluate(&child)), Some(RecommendationStatus::NotRecommended));
        assert_eq!(deciding_status(&crate::evaluate(&crate::Patient::default())), None);
    }

    /// Item 7 of issue 19: a decision not made is not "decided by" anyone.
    #[test]
    fn item7_the_label_before_who_decided_follows_the_status() {
        use RecommendationStatus as S;
        let label = |lang: Lang, s: S| (strings(lang).decided_by)(s);
        assert_eq!(
            [S::UnderAssessment, S::NoAssessment, S::NotIntroduced].map(|s| label(Lang::Nb, s)),
            ["Behandles av", "Ansvarlig", "Besluttet av"]
        );
        assert_eq!([S::UnderAssessment, S::NoAssessment, S::NotIntroduced].map(|s| label(Lang::Sv, s)), ["Behandlas av", "Ansvarig", "Beslutat av"]);
        assert_eq!([S::UnderAssessment, S::NoAssessment, S::NotIntroduced].map(|s| label(Lang::En, s)), ["Handled by", "Responsible", "Decided by"]);
        // On the decision card of a Norwegian child's pending answer.
        let a = crate::evaluate(&child_high_risk_first_relapse(Jurisdiction::No));
        assert_eq!(a.verdict, Verdict::Pending);
        let card = super::super::DecisionView::of(&a.decision[0], Lang::Nb);
        assert_eq!((card.decided_by_label, card.decided_by), ("Behandles av", "Bestillerforum for nye metoder / DMP"));
        assert_eq!(answer(&child_high_risk_first_relapse(Jurisdiction::No), Lang::Nb).1, "Avventer beslutning");
    }

    /// Item 16 of issue 19: the words of a few key answers, exactly, in each language, so that a
    /// table copied from another language (or a reworded one) fails here.
    #[test]
    fn item16_key_answers_in_exact_words() {
        assert_eq!(
            answer(&crate::fixtures::child_bridging(), Lang::Sv),
            (
                Verdict::Yes,
                "Ja – som bryggbehandling inför allogen stamcellstransplantation".into(),
                "Användningen stöds av en nationell rekommendation i Sverige.".into()
            )
        );
        assert_eq!(
            answer(&adult_mrd(Jurisdiction::No, None), Lang::Nb),
            (Verdict::YesWithConditions, "Ja, med vilkår".into(), "Metoden er innført i Norge, men bare med vilkårene nedenfor.".into())
        );
        let t_all = crate::Patient { jurisdiction: Some(Jurisdiction::Se), diagnosis: Some(Diagnosis::TAll), ..crate::Patient::default() };
        assert_eq!(
            answer(&t_all, Lang::En),
            (
                Verdict::OffLabel,
                "Outside the indication (off-label)".into(),
                "The patient meets none of Blincyto's approved indications (monotherapy for CD19-positive B-cell precursor ALL).".into()
            )
        );
        // "No recommendation" is easily read as "not recommended": it says there is no decision.
        let consolidation = in_jurisdiction(Jurisdiction::No, fixtures::adult_consolidation());
        assert_eq!(
            answer(&consolidation, Lang::Nb),
            (
                Verdict::NoRecommendation,
                "Ingen nasjonal beslutning for denne situasjonen".into(),
                "Pasienten er innenfor en godkjent indikasjon, men grunnlaget inneholder ingen nasjonal beslutning for denne situasjonen i Norge.".into()
            )
        );
        assert_eq!(answer(&consolidation, Lang::Sv).1, "Inget nationellt beslut för denna situation");
        assert_eq!(answer(&consolidation, Lang::En).1, "No national decision for this situation");
        // Decided before the country is known: both countries, by name.
        let anywhere = crate::Patient { jurisdiction: None, ..consolidation.clone() };
        assert_eq!(crate::evaluate(&anywhere).verdict, Verdict::NoRecommendation);
        assert!(answer(&anywhere, Lang::Sv).2.ends_with("för denna situation i Sverige och Norge."), "{}", answer(&anywhere, Lang::Sv).2);
        assert_eq!(answer(&child_high_risk_first_relapse(Jurisdiction::No), Lang::Sv).1, "Beslut inväntas");
    }
}
