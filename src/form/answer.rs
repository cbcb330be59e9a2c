//! The answer in words, ready to show: everything the answer region renders ([`AnswerView`]),
//! its verdict box ([`VerdictBox`]), the indications with their criteria ([`criteria`]), the
//! deciding recommendations and the notes with the source sentences they rest on ([`sources`]),
//! and the answer's words the record says too ([`words`]). What the answer shows and in which
//! group is decided here; the renderer only lays it out.

pub mod criteria;
pub mod sources;
pub mod words;

pub use criteria::{IndicationView, Indications, Row};
pub use sources::{cited_as, cited_quotes, DecisionView, NoteView, QuoteView};
pub use words::{
    alternatives, answers, can_be_yes, conditions, currency_notice, deciding_status, explainer, fact, headline,
    missing, national_sites, possible_answers, remission_number, site_name, MAX_ALTERNATIVES,
};

use crate::assessment::{Assessment, Assumption, LabelStatus};
use crate::i18n::{self, strings};
use crate::patient::Patient;
use crate::vocab::{Lang, Verdict};

/// The verdict box: the answer in plain words and everything that must be read with it, in
/// sight at once (issue 19): the conditions of a "yes, with conditions", the assumption a yes
/// rests on, and what an incomplete answer can already say.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictBox {
    pub verdict: Verdict,
    pub headline: String,
    pub explainer: String,
    /// The conditions of the deciding decisions.
    pub conditions: Vec<&'static str>,
    /// What the answer assumes (monotherapy, not stated in Ph-negative disease).
    pub assumptions: Vec<&'static str>,
    /// An incomplete answer: the answers still possible, or each value's answer.
    pub possible: Vec<String>,
}

impl VerdictBox {
    pub fn of(a: &Assessment<'static>, patient: &Patient, lang: Lang) -> VerdictBox {
        VerdictBox {
            verdict: a.verdict,
            headline: headline(a, lang),
            explainer: explainer(a, lang),
            conditions: conditions(a, lang),
            assumptions: assumptions(a, lang),
            possible: possible_answers(a, patient, lang),
        }
    }
}

/// What the answer assumes, in words.
fn assumptions(a: &Assessment<'static>, lang: Lang) -> Vec<&'static str> {
    let t = strings(lang);
    a.assumptions
        .iter()
        .map(|x| match x {
            Assumption::Monotherapy => t.assumption_monotherapy,
        })
        .collect()
}

/// The currency notice, shown above the answer when the device's date is past the dataset's
/// limit: since when the dataset may be out of date, and where to check.
#[derive(Clone, Debug, PartialEq)]
pub struct StaleView {
    /// Checked on …, more than … months ago.
    pub text: String,
    /// Each national site: its authority with the address as people say it, and its link.
    pub sites: Vec<(String, &'static str)>,
    /// The authority's words (naming the SmPC).
    pub authority: &'static str,
}

/// An incomplete answer's request: the missing facts by name, and whether the use is on label
/// already.
#[derive(Clone, Debug, PartialEq)]
pub struct MissingView {
    pub fields: String,
    pub on_label: bool,
}

/// A decided answer's body: its indications, deciding recommendations, notes, what was assumed
/// and what the answers used mean, and what would change it.
#[derive(Clone, Debug, PartialEq)]
pub struct DecidedView {
    pub indications: Indications,
    pub decisions: Vec<DecisionView>,
    pub notes: Vec<NoteView>,
    pub assumptions: Vec<&'static str>,
    pub definitions: Vec<&'static str>,
    pub alternatives: Vec<String>,
}

/// A source of the answer: publisher and title, linked, in its own language, and its date in the
/// widget's.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceView {
    pub name: String,
    pub lang: &'static str,
    pub url: &'static str,
    pub date: String,
}

/// Everything the answer region shows, in words (as [`crate::form::questions`] gives the
/// questions): the component lays it out and adds the table's fixed headings.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerView {
    pub verdict: Verdict,
    pub verdict_box: VerdictBox,
    /// When the device's date is past the dataset's limit.
    pub stale: Option<StaleView>,
    /// Incomplete: what to answer.
    pub missing: Option<MissingView>,
    /// Decided: the answer's grounds.
    pub decided: Option<DecidedView>,
    pub sources: Vec<SourceView>,
    /// The dataset's two dates and version in a sentence.
    pub as_of: String,
    pub authority: &'static str,
}

impl AnswerView {
    /// The answer `a` about `patient` in `lang`; `stale` when the device's date is past the
    /// dataset's limit.
    pub fn of(a: &Assessment<'static>, patient: &Patient, lang: Lang, stale: bool) -> AnswerView {
        let t = strings(lang);
        let d = crate::data::dataset();
        let authority = a.dataset.authority.get(lang);
        let stale = stale.then(|| StaleView {
            text: (t.stale_text)(&i18n::date(lang, a.dataset.checked), a.dataset.stale_after_months.unwrap_or(0)),
            sites: national_sites(d, a).into_iter().map(|(name, url)| (format!("{name} ({})", site_name(url)), url)).collect(),
            authority,
        });
        let (missing, decided) = if a.verdict == Verdict::Incomplete {
            (Some(MissingView { fields: missing(a, lang).join(", "), on_label: a.label.status == LabelStatus::OnLabel }), None)
        } else {
            let decided = DecidedView {
                indications: Indications::of(a, patient, lang),
                decisions: DecisionView::all(a, lang),
                notes: NoteView::all(a, lang),
                assumptions: assumptions(a, lang),
                definitions: a.definitions.iter().map(|def| def.text.get(lang)).collect(),
                alternatives: alternatives(a, patient, lang),
            };
            (None, Some(decided))
        };
        AnswerView {
            verdict: a.verdict,
            verdict_box: VerdictBox::of(a, patient, lang),
            stale,
            missing,
            decided,
            sources: a
                .sources
                .iter()
                .map(|s| SourceView {
                    name: format!("{}: {}", s.publisher, s.title),
                    lang: &s.lang,
                    url: &s.url,
                    date: i18n::date(lang, &s.date),
                })
                .collect(),
            as_of: (t.as_of)(&i18n::date(lang, a.dataset.as_of), &i18n::date(lang, a.dataset.checked), a.dataset.version),
            authority,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::child_bridging;
    use crate::vocab::Jurisdiction;

    /// An incomplete answer asks for what is missing and shows no grounds; a stale one says
    /// since when and where to check, in Norwegian words.
    #[test]
    fn an_incomplete_stale_answer_in_words() {
        let p = Patient { jurisdiction: Some(Jurisdiction::No), age_years: Some(40.0), ..Patient::default() };
        let view = AnswerView::of(&crate::evaluate(&p), &p, Lang::Nb, true);
        assert_eq!(view.verdict, Verdict::Incomplete);
        let fields = "Diagnose, CD19, Philadelphia-kromosom, Sykdomsfase, Residivnummer, Fullstendig remisjon, MRD, \
                      Som del av konsolidering, TKI som har sviktet, Andre behandlingsalternativer, Monoterapi";
        assert_eq!(view.missing, Some(MissingView { fields: fields.into(), on_label: false }));
        assert_eq!(view.decided, None);
        assert_eq!(
            view.stale.map(|s| (s.text, s.sites)),
            Some((
                "Grunnlaget ble sist kontrollert 30.11.2026, for mer enn 12 måneder siden. Det kan ha kommet nyere beslutninger siden."
                    .to_string(),
                vec![
                    ("Nye metoder (nyemetoder.no)".to_string(), "https://www.nyemetoder.no/"),
                    ("NT-rådet (samverkanlakemedel.se)".to_string(), "https://samverkanlakemedel.se/")
                ]
            ))
        );
        assert_eq!(
            view.as_of,
            "Nyeste kilde: 21.01.2026. Sist kontrollert for nyere beslutninger: 30.11.2026 (grunnlagsversjon 2026.12.05-1)."
        );
    }

    /// A decided answer's grounds: the Swedish child bridging to a transplant.
    #[test]
    fn a_decided_answer_in_words() {
        let p = child_bridging();
        let view = AnswerView::of(&crate::evaluate(&p), &p, Lang::Sv, false);
        assert_eq!((view.verdict, view.stale, view.missing), (Verdict::Yes, None, None));
        let decided = view.decided.expect("a decided answer");
        assert_eq!(decided.decisions.iter().map(|d| d.title).collect::<Vec<_>>(), ["NT-rådets rekommendation: bryggbehandling inför allogen stamcellstransplantation"]);
        assert_eq!(decided.assumptions, ["Blincyto antas ges som monoterapi (frågan är inte besvarad)."]);
        assert_eq!(
            decided.alternatives,
            ["Om Blincyto inte ges som brygga inför planerad allogen stamcellstransplantation skulle svaret bli: Nej – avstå från generell användning"]
        );
        // Each source in its own language, dated in the widget's.
        assert_eq!(
            view.sources.iter().map(|s| (s.lang, &*s.date)).collect::<Vec<_>>(),
            [("nb", "2024-10-11"), ("en", "2025-07-16"), ("sv", "odaterad"), ("sv", "2021-05-26")]
        );
        assert_eq!(view.sources[3].name, "Tandvårds- och läkemedelsförmånsverket (TLV): Hälsoekonomisk bedömning av Blincyto vid akut lymfatisk leukemi");
    }
}
