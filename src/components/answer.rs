//! The answer: the verdict in plain words with icon, colour and text; what is missing, or the
//! indications and criteria, the deciding recommendations with their quoted sources, notes,
//! assumptions, what would change the answer, the sources, the dataset's date and authority,
//! and the copy button.

use std::rc::Rc;

use yew::prelude::*;

use super::checks::{Indication, Row};
use super::copy::CopySummary;
use super::decision::{DecisionCard, DecisionView};
use super::icon::{icon, Shape};
use crate::assessment::{Assessment, Assumption, Check, IndicationCheck, LabelStatus};
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
}

/// The answer region.
#[function_component]
pub fn Answer(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let a: &Assessment<'static> = &props.assessment.0;
    let p = &props.patient;
    let verdict = a.verdict;
    let headline = summary::headline(a, lang);
    let decided = verdict != Verdict::Incomplete;

    let on: Vec<_> = a.indications.iter().filter(|i| i.status == Check::Met).collect();
    let off: Vec<_> = a.indications.iter().filter(|i| i.status == Check::NotMet).collect();
    let mut decisions: Vec<DecisionView> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for d in a.decision.iter() {
        if !seen.contains(&&*d.recommendation.id) {
            seen.push(&d.recommendation.id);
            decisions.push(DecisionView::of(d, lang));
        }
    }
    let alternatives = summary::alternatives(a, p, lang);
    // An indication with its criteria (all of them, or only those not met).
    let indication = |ind: &IndicationCheck<'_>, only_unmet: bool| {
        let name = AttrValue::from(ind.indication.name.get(lang).to_string());
        html! { <Indication {lang} {name} criteria={Row::all(ind, p, lang, only_unmet)} /> }
    };

    html! {
        <section class="answer" part="answer" data-verdict={verdict.as_str()} aria-labelledby="answer-heading">
            <h3 class="visually-hidden" id="answer-heading">{ t.answer_heading }</h3>
            <div class={classes!("verdict", format!("verdict--{}", verdict.as_str()))} part="verdict">
                <span class="verdict-icon">{ icon(Shape::of_verdict(verdict)) }</span>
                <div class="verdict-text">
                    <p class="verdict-headline">{ headline }</p>
                    <p class="verdict-explainer">{ (t.verdict_explainer)(verdict) }</p>
                </div>
            </div>

            if !decided {
                <div class="block missing">
                    <p>{ t.missing_intro }{ " " }<strong>{ summary::missing(a, lang).join(", ") }</strong>{ "." }</p>
                    if a.label.status == LabelStatus::OnLabel {
                        <p>{ t.on_label_so_far }</p>
                    }
                </div>
            } else {
                <div class="block">
                    if verdict == Verdict::OffLabel {
                        // Off label: why each indication does not fit, open.
                        <h4>{ t.other_indications_heading }</h4>
                        { for off.iter().map(|ind| indication(ind, true)) }
                    } else {
                        <h4>{ t.indications_heading }</h4>
                        if on.is_empty() && a.label.status == LabelStatus::OnLabel {
                            // On label in every completion, though no single indication is
                            // certain: the candidates, with what is still open.
                            <p>{ t.on_label_some }</p>
                            { for a.indications.iter().filter(|i| i.status == Check::Unknown).map(|ind| indication(ind, false)) }
                        }
                        // Wrapped, so a changing number of indications does not shift (and
                        // re-create) the disclosure below.
                        <div class="matched">
                            { for on.iter().map(|ind| indication(ind, false)) }
                        </div>
                        if !off.is_empty() {
                            <details class="others">
                                <summary>{ format!("{} ({})", t.other_indications_heading, off.len()) }</summary>
                                { for off.iter().map(|ind| indication(ind, true)) }
                            </details>
                        }
                    }
                </div>

                if !decisions.is_empty() {
                    <div class="block">
                        <h4>{ t.decision_heading }</h4>
                        { for decisions.into_iter().map(|d| html! { <DecisionCard lang={lang} decision={d} /> }) }
                    </div>
                }

                { list_block("block notes", t.notes_heading, None, a.notes.iter().map(|n| html! {
                    <li>{ icon(Shape::Info) }{ n.text.get(lang) }</li>
                }).collect()) }
                { list_block("block", t.assumptions_heading, None, a.assumptions.iter().map(|x| match x {
                    Assumption::Monotherapy => html! { <li>{ t.assumption_monotherapy }</li> },
                }).collect()) }
                { list_block("block", t.alternatives_heading, Some("alternatives"), alternatives.into_iter().map(|s| html! {
                    <li>{ s }</li>
                }).collect()) }
            }

            { list_block("block sources", t.sources_heading, None, a.sources.iter().map(|s| html! {
                <li>
                    // The publisher and title in the source's own language.
                    <a href={s.url.clone()} target="_blank" rel="noopener noreferrer" lang={s.lang.clone()}>
                        { format!("{}: {}", s.publisher, s.title) }
                    </a>
                    { format!(" ({})", i18n::date(lang, &s.date)) }
                </li>
            }).collect()) }

            <footer class="block dataset">
                <p>{ (t.as_of)(&i18n::date(lang, a.dataset.as_of), &i18n::date(lang, a.dataset.checked), a.dataset.version) }</p>
                <p class="authority">{ a.dataset.authority.get(lang) }</p>
            </footer>

            <CopySummary lang={lang} assessment={props.assessment.clone()} patient={p.clone()} />
        </section>
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
