//! The answer: the verdict in plain words with icon, colour and text; the currency notice when
//! the dataset is past its date; what is missing, or the indications and criteria, the deciding
//! recommendations with their quoted sources, notes with theirs, assumptions and definitions,
//! what would change the answer, the sources, the dataset's two dates and authority, and the
//! copy button.

use std::rc::Rc;

use yew::prelude::*;

use super::checks::Indication;
use super::copy::CopySummary;
use super::decision::{new_tab, quote, DecisionCard};
use super::icon::{icon, Shape};
use crate::assessment::{Assessment, Assumption, LabelStatus};
use crate::form::answer::{DecisionView, IndicationView, Indications, NoteView, VerdictBox};
use crate::i18n::{self, strings};
use crate::patient::Patient;
use crate::summary;
use crate::vocab::{Lang, Verdict};

/// An assessment shared between components, compared by identity (a new evaluation is a new
/// answer).
#[derive(Clone)]
pub struct Shared(pub Rc<Assessment<'static>>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(PartialEq, Properties)]
pub struct AnswerProps {
    pub lang: Lang,
    pub assessment: Shared,
    /// The patient the assessment is about.
    pub patient: Patient,
    /// The day of the check, whether the device's date is past the dataset's limit (the answer
    /// may be out of date), and what the person marked not known.
    #[prop_or_default]
    pub context: summary::Context,
    /// The answer's element: the verdict bar moves focus to it.
    #[prop_or_default]
    pub node_ref: NodeRef,
}

/// The answer region.
#[component]
pub fn Answer(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let a: &Assessment<'static> = &props.assessment.0;
    let p = &props.patient;
    let verdict = a.verdict;
    let verdict_box = VerdictBox::of(a, p, lang);
    let decided = verdict != Verdict::Incomplete;

    // The indications, decisions and notes in words, only for a decided answer.
    let (indications, decisions, notes) = if decided {
        (Some(Indications::of(a, p, lang)), DecisionView::all(a, lang), NoteView::all(a, lang))
    } else {
        (None, Vec::new(), Vec::new())
    };
    let alternatives = summary::alternatives(a, p, lang);
    let indication = |indication: &IndicationView| html! { <Indication {lang} indication={indication.clone()} /> };

    html! {
        <section class="answer" part="answer" data-verdict={verdict.as_str()} aria-label={t.answer_heading} tabindex="-1" ref={props.node_ref.clone()}>
            <div class={classes!("verdict", format!("verdict--{}", verdict.as_str()))} part="verdict">
                <span class="verdict-icon">{ icon(Shape::of_verdict(verdict)) }</span>
                <div class="verdict-text">
                    // The answer's heading is the verdict itself: heading navigation finds it.
                    <h3 class="verdict-headline" id="answer-heading">{ verdict_box.headline }</h3>
                    <p class="verdict-explainer">{ verdict_box.explainer }</p>
                    // What must be read with the verdict stays in its box: the conditions of a
                    // yes, the assumption it rests on, what an incomplete answer can say.
                    if !verdict_box.conditions.is_empty() {
                        <p class="verdict-conditions-label"><strong>{ t.conditions_label }{ ":" }</strong></p>
                        <ul class="verdict-conditions">
                            { for verdict_box.conditions.iter().map(|c| html! { <li>{ *c }</li> }) }
                        </ul>
                    }
                    { for verdict_box.assumptions.iter().map(|x| html! { <p class="verdict-assumption">{ *x }</p> }) }
                    if !verdict_box.possible.is_empty() {
                        <ul class="verdict-possible">
                            { for verdict_box.possible.iter().map(|line| html! { <li>{ line.clone() }</li> }) }
                        </ul>
                    }
                </div>
            </div>

            if props.context.stale {
                { stale_notice(lang, a) }
            }

            if !decided {
                <div class="block missing">
                    <p>{ t.missing_intro }{ " " }<strong>{ summary::missing(a, lang).join(", ") }</strong>{ "." }</p>
                    if a.label.status == LabelStatus::OnLabel {
                        <p>{ t.on_label_so_far }</p>
                    }
                </div>
            } else {
                if let Some(indications) = &indications {
                    <div class="block">
                        if verdict == Verdict::OffLabel {
                            // Off label: why each indication does not fit, open.
                            <h4>{ t.other_indications_heading }</h4>
                            { for indications.others.iter().map(indication) }
                        } else {
                            <h4>{ t.indications_heading }</h4>
                            if let Some(candidates) = &indications.candidates {
                                // On label in every completion, though no single indication is
                                // certain: the candidates, with what is still open.
                                <p>{ t.on_label_some }</p>
                                { for candidates.iter().map(indication) }
                            }
                            // Wrapped, so a changing number of indications does not shift (and
                            // re-create) the disclosure below.
                            <div class="matched">
                                { for indications.matched.iter().map(indication) }
                            </div>
                            if !indications.others.is_empty() {
                                <details class="others">
                                    <summary>{ format!("{} ({})", t.other_indications_heading, indications.others.len()) }</summary>
                                    { for indications.others.iter().map(indication) }
                                </details>
                            }
                        }
                    </div>
                }

                if !decisions.is_empty() {
                    <div class="block">
                        <h4>{ t.decision_heading }</h4>
                        { for decisions.into_iter().map(|d| html! { <DecisionCard lang={lang} decision={d} /> }) }
                    </div>
                }

                // Each note in the widget's language, then the sentences it rests on, verbatim
                // and in their own language: only those are a quotation.
                { list_block("block notes", t.notes_heading, None, notes.iter().map(|n| html! {
                    <li class="note">
                        { icon(Shape::Info) }
                        <div class="note-body">
                            <p class="note-text">{ n.text }</p>
                            { for n.quotes.iter().map(|q| quote(t, q)) }
                        </div>
                    </li>
                }).collect()) }
                // What was assumed, and what the answers used mean (as the copied summary says).
                { list_block("block assumptions", t.assumptions_heading, None, a.assumptions.iter().map(|x| match x {
                    Assumption::Monotherapy => html! { <li>{ t.assumption_monotherapy }</li> },
                }).chain(a.definitions.iter().map(|def| html! {
                    <li class="definition">{ def.text.get(lang) }</li>
                })).collect()) }
                { list_block("block", t.alternatives_heading, Some("alternatives"), alternatives.into_iter().map(|s| html! {
                    <li>{ s }</li>
                }).collect()) }
            }

            { list_block("block sources", t.sources_heading, None, a.sources.iter().map(|s| html! {
                <li>
                    // The publisher and title in the source's own language.
                    <a href={s.url.clone()} target="_blank" rel="noopener noreferrer" lang={s.lang.clone()}>
                        { format!("{}: {}", s.publisher, s.title) }
                        { new_tab(t) }
                    </a>
                    { format!(" ({})", i18n::date(lang, &s.date)) }
                </li>
            }).collect()) }

            <footer class="block dataset">
                <p>{ (t.as_of)(&i18n::date(lang, a.dataset.as_of), &i18n::date(lang, a.dataset.checked), a.dataset.version) }</p>
                <p class="authority">{ a.dataset.authority.get(lang) }</p>
            </footer>

            <CopySummary lang={lang} assessment={props.assessment.clone()} patient={p.clone()} context={props.context} />
        </section>
    }
}

/// The currency notice: the answer may be out of date, since when, and where to check (the
/// national sites from the dataset, the authority's words naming the SmPC). Warning colours with
/// an icon and a heading, so colour is never the only sign; shown above the answer, never
/// instead of it.
fn stale_notice(lang: Lang, a: &Assessment<'static>) -> Html {
    let t = strings(lang);
    let months = a.dataset.stale_after_months.unwrap_or(0);
    let sites = summary::national_sites(crate::data::dataset(), a);
    html! {
        <div class="stale" data-stale="">
            <span class="stale-icon">{ icon(Shape::Warning) }</span>
            <div class="stale-body">
                <h4 class="stale-heading">{ t.stale_heading }</h4>
                <p>{ (t.stale_text)(&i18n::date(lang, a.dataset.checked), months) }</p>
                <p class="stale-check">{ t.stale_check }</p>
                <ul class="stale-sites">
                    { for sites.into_iter().map(|(name, url)| html! {
                        <li>
                            <a href={url} target="_blank" rel="noopener noreferrer">
                                { format!("{name} ({})", summary::site_name(url)) }
                                { new_tab(t) }
                            </a>
                        </li>
                    }) }
                </ul>
                <p class="stale-authority">{ a.dataset.authority.get(lang) }</p>
            </div>
        </div>
    }
}

/// A block of the answer with a heading over a list; nothing when the list is empty.
fn list_block(class: &'static str, heading: &'static str, list_class: Option<&'static str>, items: Vec<Html>) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <div {class}>
            <h4>{ heading }</h4>
            <ul class={list_class}>{ for items }</ul>
        </div>
    }
}
