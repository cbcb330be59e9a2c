//! The deciding recommendations and the notes of an answer in words, each with the source
//! sentences it rests on, verbatim and in their own language, and the source named as what it is.

use crate::assessment::{Assessment, Decision};
use crate::dataset::{Cite, Dataset, Source};
use crate::i18n::{self, strings};
use crate::vocab::Lang;

/// Sentences of one source, verbatim, ready to show as a quotation: in the source's language
/// (`lang`), with its publisher and title, date and link.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteView {
    pub texts: Vec<&'static str>,
    /// The source's language: the quotation's, never the widget's.
    pub lang: &'static str,
    /// Publisher and title.
    pub source: String,
    /// The source's date in the widget's language.
    pub date: String,
    pub url: &'static str,
}

impl QuoteView {
    /// `texts` of `source`, dated in the widget's language.
    pub fn of(source: &'static Source, texts: &[&'static str], lang: Lang) -> QuoteView {
        QuoteView {
            texts: texts.to_vec(),
            lang: &source.lang,
            source: format!("{}: {}", source.publisher, source.title),
            date: i18n::date(lang, &source.date),
            url: &source.url,
        }
    }
}

/// A deciding recommendation in words, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionView {
    pub title: &'static str,
    /// The label before `decided_by`, by the status ("Beslutat av", "Behandlas av").
    pub decided_by_label: &'static str,
    pub decided_by: &'static str,
    pub status: &'static str,
    pub date: String,
    pub case: Option<&'static str>,
    /// Why the rule decides as it does, in the widget's language.
    pub reason: &'static str,
    pub conditions: Vec<&'static str>,
    /// The source sentence the decision rests on.
    pub quote: QuoteView,
}

impl DecisionView {
    pub fn of(d: &Decision<'static>, lang: Lang) -> DecisionView {
        let t = strings(lang);
        let rec = d.recommendation;
        DecisionView {
            title: rec.title.get(lang),
            decided_by_label: (t.decided_by)(rec.status),
            decided_by: &rec.decided_by,
            status: (t.status)(rec.status),
            date: i18n::date(lang, &rec.date),
            case: rec.case.as_deref(),
            reason: d.reason.get(lang),
            conditions: rec.conditions.iter().map(|c| c.get(lang)).collect(),
            // A memo that restates the decision is cited as that memo, with the decision it
            // restates (issue 19, item 9).
            quote: QuoteView { source: cited_as(lang, d.source, rec.case.as_deref()), ..QuoteView::of(d.source, &[d.quote], lang) },
        }
    }

    /// The deciding recommendations of an answer, each once (several rules can rest on one).
    pub fn all(a: &Assessment<'static>, lang: Lang) -> Vec<DecisionView> {
        let mut seen: Vec<&str> = Vec::new();
        a.decision
            .iter()
            .filter(|d| {
                let new = !seen.contains(&&*d.recommendation.id);
                seen.push(&d.recommendation.id);
                new
            })
            .map(|d| DecisionView::of(d, lang))
            .collect()
    }
}

/// A note of the answer, ready to show: its text in the widget's language, then the sentences it
/// rests on, verbatim and in their own language (only those are a quotation).
#[derive(Clone, Debug, PartialEq)]
pub struct NoteView {
    pub text: &'static str,
    /// One quotation per source cited, in the order cited.
    pub quotes: Vec<QuoteView>,
}

impl NoteView {
    /// Every note of an answer.
    pub fn all(a: &Assessment<'static>, lang: Lang) -> Vec<NoteView> {
        a.notes
            .iter()
            .map(|n| {
                let cites = core::iter::once(&n.cite).chain(n.also_cite.iter());
                let quotes = cited_quotes(crate::data::dataset(), cites);
                NoteView {
                    text: n.text.get(lang),
                    quotes: quotes.iter().map(|(source, texts)| QuoteView::of(source, texts, lang)).collect(),
                }
            })
            .collect()
    }
}

/// A source named as what it is, for a citation in `lang`: "{publisher}: {title}", and when it is
/// cited for the decision in case `case` but is not that case's own document (its title does not
/// name the case), the decision it restates: "Direktoratet for medisinske produkter (DMP), Nye
/// metoder: Notat til Bestillerforum (sak ID2017_067), som gjengir beslutningen i ID2019_118".
/// `case` is the deciding recommendation's case, `None` for a note or a decision without one.
pub fn cited_as(lang: Lang, source: &Source, case: Option<&str>) -> String {
    let name = format!("{}: {}", source.publisher, source.title);
    match case {
        Some(case) if !source.title.contains(case) => format!("{name}, {}", (strings(lang).restating)(case)),
        _ => name,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{adult_first_relapse_mrd_norway, adult_mrd_cr1};
    use crate::fixtures::child_bridging;
    use crate::vocab::{Jurisdiction, Verdict};

    /// The decision card of an adult in CR1 with MRD in Norway, word for word in Norwegian: the
    /// decision, who made it under which label, its status, date and case, the rule's reason,
    /// the conditions, and the memo quoted as the memo that restates the decision.
    #[test]
    fn a_decision_in_words_quotes_its_source() {
        let p = adult_mrd_cr1(Jurisdiction::No);
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::YesWithConditions);
        let view = DecisionView::of(&a.decision[0], Lang::Nb);
        assert_eq!(
            view,
            DecisionView {
                title: "ID2019_118: MRD-positiv Ph-negativ B-celleprekursor ALL hos voksne",
                decided_by_label: "Besluttet av",
                decided_by: "Beslutningsforum for nye metoder",
                status: "Innført med vilkår",
                date: "22.11.2021".into(),
                case: Some("ID2019_118"),
                reason: "Beslutningsforum innførte Blincyto 22.11.2021 for MRD-positiv ALL hos voksne i første fullstendige remisjon, med vilkår (ID2019_118).",
                conditions: vec![
                    "Sykdommen er i første fullstendige remisjon (CR1).",
                    "Behandlingen følger det nasjonale handlingsprogrammet.",
                    "Bare én kur blinatumomab gis etter konsolidering.",
                ],
                quote: QuoteView {
                    texts: vec!["Det foreligger beslutning fra Beslutningsforum for nye metoder (22.11.2021), og metoden ble besluttet innført som monoterapi til behandling av voksne med Philadelphia-kromosomnegativ CD19-positiv B-prekursor ALL som er MRD-positiv ≥0,1%, under definerte vilkår."],
                    lang: "nb",
                    source: "Direktoratet for medisinske produkter (DMP), Nye metoder: Notat til Bestillerforum i sak ID2017_067, som gjengir beslutningen i ID2019_118".into(),
                    date: "11.10.2024".into(),
                    url: "https://www.nyemetoder.no/",
                },
            }
        );
    }

    #[test]
    fn each_deciding_recommendation_is_shown_once() {
        let mut a = crate::evaluate(&child_bridging());
        assert_eq!(DecisionView::all(&a, Lang::Sv).len(), 1);
        // Two rules resting on the same recommendation.
        a.decision.push(a.decision[0].clone());
        assert_eq!(DecisionView::all(&a, Lang::Sv), [DecisionView::of(&a.decision[0], Lang::Sv)]);
        let mut other = crate::evaluate(&adult_first_relapse_mrd_norway()).decision[0].clone();
        assert_ne!(other.recommendation.id, a.decision[0].recommendation.id);
        other.verdict = Verdict::No;
        a.decision.push(other);
        assert_eq!(DecisionView::all(&a, Lang::Sv).len(), 2);
    }

    #[test]
    fn a_quotation_keeps_its_sources_language_and_the_date_follows_the_widget() {
        let a = crate::evaluate(&child_bridging());
        let source = a.decision[0].source;
        assert_eq!(source.lang, "sv");
        let q = QuoteView::of(source, &[a.decision[0].quote], Lang::Nb);
        assert_eq!(q.lang, "sv");
        assert_eq!((&*source.date, &*q.date), ("undated", "udatert"));
    }

    #[test]
    fn notes_come_with_the_sentences_they_cite() {
        let a = crate::evaluate(&child_bridging());
        let notes = NoteView::all(&a, Lang::En);
        assert_eq!(notes.len(), a.notes.len());
        assert!(notes.len() >= 2);
        let d = crate::data::dataset();
        for (view, note) in notes.iter().zip(&a.notes) {
            assert_eq!(view.text, note.text.en);
            // Every sentence cited, verbatim, each source once.
            let cited: Vec<&str> = core::iter::once(&note.cite)
                .chain(note.also_cite.iter())
                .map(|c| &*d.quote(c).unwrap().1.text)
                .collect();
            let quoted: Vec<&str> = view.quotes.iter().flat_map(|q| q.texts.iter().copied()).collect();
            assert_eq!(quoted.len(), cited.len(), "{}", note.id);
            assert!(cited.iter().all(|c| quoted.contains(c)), "{}", note.id);
            let mut urls: Vec<&str> = view.quotes.iter().map(|q| q.url).collect();
            urls.dedup();
            assert_eq!(urls.len(), view.quotes.len(), "{}", note.id);
        }
        assert!(notes.iter().any(|n| n.quotes.len() + n.quotes.iter().map(|q| q.texts.len()).sum::<usize>() > 2));
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

    /// Item 9 of issue 19: the DMP memo is cited as the memo (case ID2017_067, which it is about),
    /// with the decision it restates, by case; never with a title that puts bridging to transplant
    /// in a non-transplant patient's record.
    #[test]
    fn item9_a_memo_is_cited_as_the_memo_restating_the_decision() {
        let d = crate::data::dataset();
        let memo = d.source("dmp-2024-10-11").unwrap();
        let dmp = "Direktoratet for medisinske produkter (DMP), Nye metoder: Notat til Bestillerforum i sak ID2017_067";
        assert_eq!(cited_as(Lang::Nb, memo, Some("ID2019_118")), format!("{dmp}, som gjengir beslutningen i ID2019_118"));
        assert_eq!(cited_as(Lang::Sv, memo, Some("ID2015_013")), format!("{dmp}, som återger beslutet i ID2015_013"));
        assert_eq!(cited_as(Lang::En, memo, Some("ID2021_036")), format!("{dmp}, restating the decision in ID2021_036"));
        // The memo is ID2017_067's own document; Nye metoder's page on ID2015_013 is that case's.
        assert_eq!(cited_as(Lang::Nb, memo, Some("ID2017_067")), dmp);
        let own = d.source("nyemetoder-id2015-013").unwrap();
        assert_eq!(cited_as(Lang::En, own, Some("ID2015_013")), format!("Nye metoder: {}", own.title));
        // No case (NT-rådet, a note): the source's name alone.
        let nt = d.source("nt-radet-vgr").unwrap();
        assert_eq!(cited_as(Lang::Sv, nt, None), format!("{}: {}", nt.publisher, nt.title));
        assert!(!memo.title.contains("bro til transplantasjon"), "item 9: {}", memo.title);
        // Every decision of ID2019_118, ID2015_013 or ID2021_036 quoted from the memo restates.
        for rec in d.jurisdictions.iter().flat_map(|j| j.recommendations.iter()) {
            if let (Some(case), true) = (rec.case.as_deref(), &*rec.cite.source == "dmp-2024-10-11") {
                let restates = cited_as(Lang::Nb, memo, Some(case)).ends_with(&format!("som gjengir beslutningen i {case}"));
                assert_eq!(restates, case != "ID2017_067", "item 9: {case}");
            }
        }
    }
}
