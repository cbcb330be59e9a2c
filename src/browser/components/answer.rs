//! The answer: the verdict in plain words with icon, colour and text; the currency notice when
//! the dataset is past its date; what is missing, or the indications and criteria, the deciding
//! recommendations with their quoted sources, notes with theirs, assumptions and definitions,
//! what would change the answer, the sources, the dataset's two dates and authority, and the
//! copy button.

use yew::prelude::*;

use super::checks::Indication;
use super::copy::CopySummary;
use super::decision::{new_tab, quote, DecisionCard};
use super::icon::{icon, Shape};
use super::shared::Shared;
use crate::form::answer::{AnswerView, IndicationView, StaleView};
use crate::i18n::{strings, Strings};
use crate::patient::Patient;
use crate::summary;
use crate::vocab::{Lang, Verdict};

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

/// The answer region: lays out [`AnswerView`], the answer in words, under the table's headings.
#[component]
pub fn Answer(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let p = &props.patient;
    let view = AnswerView::of(&props.assessment.0, p, lang, props.context.stale);
    let verdict = view.verdict;
    let verdict_box = &view.verdict_box;
    let indication = |indication: &IndicationView| html! { <Indication {lang} indication={indication.clone()} /> };

    html! {
        <section class="answer" part="answer" data-verdict={verdict.as_str()} aria-label={t.answer_heading} tabindex="-1" ref={props.node_ref.clone()}>
            <div class={classes!("verdict", format!("verdict--{}", verdict.as_str()))} part="verdict">
                <span class="verdict-icon">{ icon(Shape::of_verdict(verdict)) }</span>
                <div class="verdict-text">
                    // The answer's heading is the verdict itself: heading navigation finds it.
                    <h3 class="verdict-headline" id="answer-heading">{ verdict_box.headline.clone() }</h3>
                    <p class="verdict-explainer">{ verdict_box.explainer.clone() }</p>
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

            if let Some(stale) = &view.stale {
                { stale_notice(t, stale) }
            }

            if let Some(missing) = &view.missing {
                <div class="block missing">
                    <p>{ t.missing_intro }{ " " }<strong>{ missing.fields.clone() }</strong>{ "." }</p>
                    if missing.on_label {
                        <p>{ t.on_label_so_far }</p>
                    }
                </div>
            }
            if let Some(decided) = &view.decided {
                <div class="block">
                    if verdict == Verdict::OffLabel {
                        // Off label: why each indication does not fit, open.
                        <h4>{ t.other_indications_heading }</h4>
                        { for decided.indications.others.iter().map(indication) }
                    } else {
                        <h4>{ t.indications_heading }</h4>
                        if let Some(candidates) = &decided.indications.candidates {
                            // On label in every completion, though no single indication is
                            // certain: the candidates, with what is still open.
                            <p>{ t.on_label_some }</p>
                            { for candidates.iter().map(indication) }
                        }
                        // Wrapped, so a changing number of indications does not shift (and
                        // re-create) the disclosure below.
                        <div class="matched">
                            { for decided.indications.matched.iter().map(indication) }
                        </div>
                        if !decided.indications.others.is_empty() {
                            <details class="others">
                                <summary>{ format!("{} ({})", t.other_indications_heading, decided.indications.others.len()) }</summary>
                                { for decided.indications.others.iter().map(indication) }
                            </details>
                        }
                    }
                </div>

                if !decided.decisions.is_empty() {
                    <div class="block">
                        <h4>{ t.decision_heading }</h4>
                        { for decided.decisions.iter().map(|d| html! { <DecisionCard lang={lang} decision={d.clone()} /> }) }
                    </div>
                }

                // Each note in the widget's language, then the sentences it rests on, verbatim
                // and in their own language: only those are a quotation.
                { list_block("block notes", t.notes_heading, None, decided.notes.iter().map(|n| html! {
                    <li class="note">
                        { icon(Shape::Info) }
                        <div class="note-body">
                            <p class="note-text">{ n.text }</p>
                            { for n.quotes.iter().map(|q| quote(t, q)) }
                        </div>
                    </li>
                }).collect()) }
                // What was assumed, and what the answers used mean (as the copied summary says).
                { list_block("block assumptions", t.assumptions_heading, None, decided.assumptions.iter().map(|x| html! {
                    <li>{ *x }</li>
                }).chain(decided.definitions.iter().map(|text| html! {
                    <li class="definition">{ *text }</li>
                })).collect()) }
                { list_block("block", t.alternatives_heading, Some("alternatives"), decided.alternatives.iter().map(|s| html! {
                    <li>{ s.clone() }</li>
                }).collect()) }
            }

            { list_block("block sources", t.sources_heading, None, view.sources.iter().map(|s| html! {
                <li>
                    // The publisher and title in the source's own language.
                    <a href={s.url} target="_blank" rel="noopener noreferrer" lang={s.lang}>
                        { s.name.clone() }
                        { new_tab(t) }
                    </a>
                    { format!(" ({})", s.date) }
                </li>
            }).collect()) }

            <footer class="block dataset">
                <p>{ view.as_of.clone() }</p>
                <p class="authority">{ view.authority }</p>
            </footer>

            <CopySummary lang={lang} assessment={props.assessment.clone()} patient={p.clone()} context={props.context} />
        </section>
    }
}

/// The currency notice: the answer may be out of date, since when, and where to check (the
/// national sites from the dataset, the authority's words naming the SmPC). Warning colours with
/// an icon and a heading, so colour is never the only sign; shown above the answer, never
/// instead of it.
fn stale_notice(t: &Strings, stale: &StaleView) -> Html {
    html! {
        <div class="stale" data-stale="">
            <span class="stale-icon">{ icon(Shape::Warning) }</span>
            <div class="stale-body">
                <h4 class="stale-heading">{ t.stale_heading }</h4>
                <p>{ stale.text.clone() }</p>
                <p class="stale-check">{ t.stale_check }</p>
                <ul class="stale-sites">
                    { for stale.sites.iter().map(|(label, url)| html! {
                        <li>
                            <a href={*url} target="_blank" rel="noopener noreferrer">
                                { label.clone() }
                                { new_tab(t) }
                            </a>
                        </li>
                    }) }
                </ul>
                <p class="stale-authority">{ stale.authority }</p>
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
