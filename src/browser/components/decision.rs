//! One deciding recommendation: who decided, status, date, case, the reason, the conditions and
//! the quoted source sentence in its original language, linked to the source (the words come
//! from [`DecisionView`]). The quotation's markup ([`quote`]) is shared with the notes of the
//! answer.

use yew::prelude::*;

use crate::form::answer::{DecisionView, QuoteView};
use crate::i18n::{strings, Strings};
use crate::vocab::Lang;

#[derive(PartialEq, Properties)]
pub struct DecisionCardProps {
    pub lang: Lang,
    pub decision: DecisionView,
}

/// A quotation: only the source's own sentences in the `blockquote` (never a summary of them),
/// marked with the source's language, and the source named and linked below.
pub fn quote(t: &Strings, q: &QuoteView) -> Html {
    html! {
        <figure class="quote">
            <blockquote lang={q.lang} cite={q.url}>
                { for q.texts.iter().map(|text| html! { <p>{ verbatim(text) }</p> }) }
            </blockquote>
            <figcaption>
                { t.source_label }{ ": " }
                <a href={q.url} target="_blank" rel="noopener noreferrer" lang={q.lang}>
                    { q.source.clone() }
                    { new_tab(t) }
                </a>
                { format!(" ({})", q.date) }
            </figcaption>
        </figure>
    }
}

/// A quoted sentence, verbatim. A list bullet inside it ("… vilkår: • sykdommen …") is shown but
/// not spoken: a screen reader would read it as a list item the text is not.
fn verbatim(text: &str) -> Html {
    let mut parts = text.split('•');
    let first = parts.next().unwrap_or_default().to_string();
    html! {
        <>
            { first }
            { for parts.map(|part| html! { <><span aria-hidden="true">{ "•" }</span>{ part.to_string() }</> }) }
        </>
    }
}

/// Said after the words of a link that opens a new tab, in the widget's language (visually
/// hidden: the words of the link stay as they are).
pub fn new_tab(t: &Strings) -> Html {
    html! { <span class="visually-hidden" lang={t.lang.as_str()}>{ format!(" ({})", t.new_tab) }</span> }
}

/// A deciding recommendation.
#[component]
pub fn DecisionCard(props: &DecisionCardProps) -> Html {
    let t = strings(props.lang);
    let d = &props.decision;
    html! {
        <article class="decision">
            // Under the block's h4 "Beslut som avgör svaret".
            <h5 class="decision-title">{ d.title }</h5>
            <dl class="facts">
                <div><dt>{ d.decided_by_label }</dt><dd>{ d.decided_by }</dd></div>
                <div><dt>{ t.status_label }</dt><dd>{ d.status }</dd></div>
                <div><dt>{ t.date_label }</dt><dd>{ d.date.clone() }</dd></div>
                if let Some(case) = d.case {
                    <div><dt>{ t.case_label }</dt><dd>{ case }</dd></div>
                }
            </dl>
            <p class="reason"><strong>{ t.reason_label }{ ": " }</strong>{ d.reason }</p>
            if !d.conditions.is_empty() {
                <p class="conditions-label"><strong>{ t.conditions_label }{ ":" }</strong></p>
                <ul class="conditions">
                    { for d.conditions.iter().map(|c| html! { <li>{ *c }</li> }) }
                </ul>
            }
            { quote(t, &d.quote) }
        </article>
    }
}
