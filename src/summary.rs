//! The words of an answer: its headline, what would change it, and the plain-text summary a
//! clinician copies into the medical record.
//!
//! Pure (no web dependency) and shared by the widget and the tests. The summary holds the
//! answers given, the verdict and its reason, the sources with their dates and the dataset's
//! version: never anything that identifies the patient.

pub mod currency;

use crate::assessment::{self, alternatives as checker_alternatives, Assessment, Assumption, Check};
use crate::dataset::{Cite, Dataset, Source, Text};
use crate::i18n::{self, capitalize, strings};
use crate::patient::Patient;
use crate::vocab::{Field, Lang, Verdict};

/// The most alternatives the answer lists.
pub const MAX_ALTERNATIVES: usize = 4;

/// The headline of the answer: the verdict in plain words, followed by the deciding rule's
/// qualifier where the dataset gives one ("Ja – som bryggbehandling inför allogen
/// stamcellstransplantation").
pub fn headline(a: &Assessment, lang: Lang) -> String {
    qualified(lang, a.verdict, a.qualifier())
}

fn qualified(lang: Lang, verdict: Verdict, qualifier: Option<&Text>) -> String {
    let words = (strings(lang).verdict)(verdict);
    match qualifier {
        Some(q) => format!("{words} – {}", q.get(lang)),
        None => words.into(),
    }
}

/// What would change a decided answer, in words ("Om MRD är 0,1 % eller mer skulle svaret bli:
/// Ja, med villkor"), at most [`MAX_ALTERNATIVES`]. A change that only makes the use off-label
/// is left out unless the answer already is off-label.
pub fn alternatives(a: &Assessment, p: &Patient, lang: Lang) -> Vec<String> {
    if a.verdict == Verdict::Incomplete {
        return Vec::new();
    }
    let t = strings(lang);
    let (d, dom) = (crate::data::dataset(), crate::data::diagrams());
    let all = checker_alternatives(d, dom, p);
    let mut useful: Vec<_> = all.iter().filter(|alt| alt.verdict != Verdict::OffLabel).collect();
    if useful.is_empty() && a.verdict == Verdict::OffLabel {
        useful = all.iter().collect();
    }
    useful
        .into_iter()
        .take(MAX_ALTERNATIVES)
        .map(|alt| {
            let clause = (t.clause)(alt.field, alt.value, alt.below);
            // The other answer's own headline, qualified as its deciding rule says.
            let other = assessment::evaluate(d, dom, &p.with(alt.field, alt.value));
            (t.alternative)(&clause, &qualified(lang, alt.verdict, other.qualifier()))
        })
        .collect()
}

/// The fields answered, in the form's order, each as "Name: value".
pub fn answers(p: &Patient, lang: Lang) -> Vec<String> {
    let t = strings(lang);
    let mut out: Vec<String> = Field::ALL
        .iter()
        .filter(|f| **f != Field::Jurisdiction)
        .filter_map(|f| p.get(*f).map(|v| format!("{}: {}", (t.field_name)(*f), i18n::value(lang, *f, v))))
        .collect();
    if p.monotherapy.is_none() {
        out.push(format!(
            "{}: {} {}",
            (t.field_name)(Field::Monotherapy),
            i18n::value(lang, Field::Monotherapy, crate::patient::Value::Flag(true)),
            t.assumed
        ));
    }
    out
}

/// The plain-text summary for the medical record, in `lang`.
pub fn plain_text(a: &Assessment, p: &Patient, lang: Lang) -> String {
    let t = strings(lang);
    let d = crate::data::dataset();
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };

    line(t.summary_title);
    if let Some(j) = a.jurisdiction.and_then(|j| d.jurisdiction(j)) {
        line(&format!("{}: {} ({})", t.summary_jurisdiction, j.name.get(lang), j.authority));
    }
    line(&format!("{}: {}", t.summary_answer, headline(a, lang)));
    line(&i18n::explainer(a, lang));

    line("");
    line(&format!("{}:", t.summary_answers));
    for answer in answers(p, lang) {
        line(&format!("- {answer}"));
    }
    if !a.missing.is_empty() {
        let names: Vec<&str> = a.missing.iter().map(|f| (t.field_name)(*f)).collect();
        line(&format!("{}: {}", t.summary_missing, names.join(", ")));
    }

    line("");
    let on: Vec<_> = a.indications.iter().filter(|i| i.status == Check::Met).collect();
    if on.is_empty() {
        if a.verdict == Verdict::OffLabel {
            line(t.summary_label_status_off);
        } else if a.label.status == crate::assessment::LabelStatus::OnLabel {
            line(t.on_label_some);
        }
    } else {
        for ind in on {
            line(&format!("{}: {}", t.summary_indication, ind.indication.name.get(lang)));
        }
    }

    if !a.decision.is_empty() {
        line("");
        line(&format!("{}:", t.decision_heading));
        for dec in a.decision.iter() {
            let rec = dec.recommendation;
            let mut head = format!(
                "- {} – {}, {}",
                rec.title.get(lang),
                rec.decided_by,
                i18n::lowercase_first((t.status)(rec.status))
            );
            head.push_str(&format!(", {}", i18n::date(lang, &rec.date)));
            line(&head);
            line(&format!("  {}: {}", t.reason_label, dec.reason.get(lang)));
            for c in rec.conditions.iter() {
                line(&format!("  {}: {}", t.conditions_label, c.get(lang)));
            }
            line(&format!(
                "  {}: ”{}” – {}, {} ({}). {}",
                t.source_label,
                dec.quote,
                dec.source.publisher,
                dec.source.title,
                i18n::date(lang, &dec.source.date),
                dec.source.url
            ));
        }
    }

    if !a.notes.is_empty() {
        line("");
        line(&format!("{}:", t.notes_heading));
        for n in a.notes.iter() {
            line(&format!("- {}", n.text.get(lang)));
        }
    }

    if !a.assumptions.is_empty() || !a.definitions.is_empty() {
        line("");
        line(&format!("{}:", t.assumptions_heading));
        for assumption in a.assumptions.iter() {
            match assumption {
                Assumption::Monotherapy => line(&format!("- {}", t.assumption_monotherapy)),
            }
        }
        for definition in a.definitions.iter() {
            line(&format!("- {}", definition.text.get(lang)));
        }
    }

    if !a.sources.is_empty() {
        line("");
        line(&format!("{}:", t.sources_heading));
        for s in a.sources.iter() {
            line(&format!("- {}: {} ({}). {}", s.publisher, s.title, i18n::date(lang, &s.date), s.url));
        }
    }

    line("");
    line(&(t.as_of)(&i18n::date(lang, a.dataset.as_of), &i18n::date(lang, a.dataset.checked), a.dataset.version));
    line(a.dataset.authority.get(lang));
    line(t.summary_footer);
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

/// The plain-text summary with the currency notice and the national sites, when `stale`.
pub fn plain_text_at(a: &Assessment, p: &Patient, lang: Lang, stale: bool) -> String {
    let text = plain_text(a, p, lang);
    if !stale {
        return text;
    }
    let t = strings(lang);
    let sites: Vec<String> = national_sites(crate::data::dataset(), a)
        .into_iter()
        .map(|(name, url)| format!("{name} {url}"))
        .collect();
    let notice = format!("{}\n{} {}\n", currency_notice(a, lang), t.stale_check, sites.join(", "));
    // After the answer and its explanation: the first thing read after the verdict.
    let (head, rest) = text.split_once("\n\n").unwrap_or((&text, ""));
    format!("{head}\n\n{notice}\n{rest}")
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

    #[test]
    fn swedish_bridging_summary() {
        let p = child_bridging();
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::Yes);
        let text = plain_text(&a, &p, Lang::Sv);
        assert!(text.starts_with("Blincyto (blinatumomab) – kontroll av användning\n"), "{text}");
        assert!(text.contains("Gäller: Sverige (NT-rådet)"), "{text}");
        assert!(text.contains("Svar: Ja – som bryggbehandling inför allogen stamcellstransplantation"), "{text}");
        assert!(text.contains("- Ålder: 8 år"), "{text}");
        assert!(text.contains("- Philadelphiakromosom: Ph-negativ"), "{text}");
        assert!(text.contains("- Monoterapi: ja (antas om inget annat anges)"), "{text}");
        assert!(text.contains("Blincyto kan dock användas som bryggbehandling"), "{text}");
        assert!(text.contains("NT-rådet, rekommenderas, odaterad"), "{text}");
        assert!(text.contains("Behandlande enhet står för läkemedelskostnaden"), "{text}");
        assert!(text.contains("https://www.vgregion.se/lakemedel/nyhetsbrev"), "{text}");
        assert!(
            text.contains("Senaste källa: 2026-01-21. Senast kontrollerat för nyare beslut: 2026-11-30 (underlagsversion 2026.12.05-1)."),
            "{text}"
        );
        assert!(text.contains("FASS"), "{text}");
        assert!(!text.contains("Saknas"), "{text}");
    }

    #[test]
    fn norwegian_conditions_and_dates() {
        let p = adult_mrd_cr1(Jurisdiction::No);
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::YesWithConditions);
        let text = plain_text(&a, &p, Lang::Nb);
        assert!(text.contains("Svar: Ja, med vilkår"), "{text}");
        assert!(text.contains("22.11.2021"), "{text}");
        assert!(text.contains("Vilkår: Sykdommen er i første fullstendige remisjon (CR1)."), "{text}");
        assert!(text.contains("- MRD: 0,5\u{a0}%"), "{text}");
        assert!(text.contains("Gjeldende preparatomtale (Felleskatalogen)"), "{text}");
        let en = plain_text(&a, &p, Lang::En);
        assert!(en.contains("Answer: Yes, with conditions"), "{en}");
        assert!(en.contains("22 Nov 2021"), "{en}");
    }

    #[test]
    fn incomplete_summary_lists_what_is_missing() {
        let p = Patient { jurisdiction: Some(Jurisdiction::Se), ..Patient::default() };
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::Incomplete);
        let text = plain_text(&a, &p, Lang::Sv);
        assert!(text.contains("Svar: Svar saknas – fler uppgifter behövs"), "{text}");
        assert!(text.contains("Saknas: Ålder, Diagnos"), "{text}");
        assert_eq!(missing(&a, Lang::Sv)[0], "Ålder");
    }

    #[test]
    fn off_label_says_so() {
        let p =
            Patient { jurisdiction: Some(Jurisdiction::No), diagnosis: Some(Diagnosis::TAll), ..Patient::default() };
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::OffLabel);
        let text = plain_text(&a, &p, Lang::Sv);
        assert!(text.contains("Ingen godkänd indikation uppfylls."), "{text}");
        assert!(text.contains("Utanför indikation (off-label)"), "{text}");
    }

    #[test]
    fn alternatives_in_words() {
        // An adult in CR1 with MRD under 0,1 % in Norway is off-label; MRD ≥ 0,1 % gives yes with conditions.
        let mut p = adult_mrd_cr1(Jurisdiction::No);
        p.mrd_percent = Some(0.01);
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::OffLabel);
        let alts = alternatives(&a, &p, Lang::Sv);
        assert!(
            alts.iter().any(|s| s == "Om MRD är 0,1\u{a0}% eller mer skulle svaret bli: Ja, med villkor"),
            "{alts:?}"
        );
        assert!(alts.len() <= MAX_ALTERNATIVES);

        // Swedish adult without transplant: no recommendation; planned transplant would say yes.
        let p = adult_mrd_cr1(Jurisdiction::Se);
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::NoRecommendation);
        let alts = alternatives(&a, &p, Lang::Sv);
        assert!(
            alts.iter().any(|s| s.starts_with("Om Blincyto ges som brygga inför planerad allogen stamcellstransplantation skulle svaret bli: Ja – som bryggbehandling")),
            "{alts:?}"
        );
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

    #[test]
    fn a_stale_summary_says_so_after_the_answer() {
        let p = adult_mrd_cr1(Jurisdiction::No);
        let a = crate::evaluate(&p);
        assert_eq!(plain_text_at(&a, &p, Lang::Sv, false), plain_text(&a, &p, Lang::Sv));
        let text = plain_text_at(&a, &p, Lang::Sv, true);
        let notice = "Svaret kan vara inaktuellt. Underlaget kontrollerades senast 2026-11-30, för mer än 12 månader sedan.";
        assert!(text.contains(notice), "{text}");
        assert!(
            text.contains("Kontrollera aktuella rekommendationer och beslut hos: Nye metoder https://www.nyemetoder.no/, NT-rådet https://samverkanlakemedel.se/"),
            "{text}"
        );
        // After the verdict and its explanation, before the answers given.
        let (at, answer, given) = (text.find(notice).unwrap(), text.find("Svar: Ja, med villkor").unwrap(), text.find("Angivna uppgifter").unwrap());
        assert!(answer < at && at < given, "{text}");
        assert_eq!(text.matches(notice).count(), 1, "{text}");
        let nb = plain_text_at(&a, &p, Lang::Nb, true);
        assert!(nb.contains("Svaret kan være utdatert. Grunnlaget ble sist kontrollert 30.11.2026"), "{nb}");
        assert_eq!(
            currency_notice(&a, Lang::En),
            "This answer may be out of date. The dataset was last checked on 30 Nov 2026, more than 12 months ago. Newer decisions may have been made since."
        );
    }

    #[test]
    fn the_summary_has_no_unfilled_placeholder() {
        for lang in [Lang::Sv, Lang::Nb, Lang::En] {
            for p in [child_bridging(), adult_mrd_cr1(Jurisdiction::No), adult_mrd_cr1(Jurisdiction::Se)] {
                let text = plain_text(&crate::evaluate(&p), &p, lang);
                assert!(!text.contains('{') && !text.contains("  \n"), "{text}");
            }
        }
    }
}
