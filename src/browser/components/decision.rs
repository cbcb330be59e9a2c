//! One deciding recommendation: who decided, status, date, case, the reason, the conditions and
//! the quoted source sentence in its original language, linked to the source. The quotation's
//! markup ([`quote`]) is shared with the notes of the answer.

use yew::prelude::*;

use crate::assessment::Decision;
use crate::dataset::Source;
use crate::i18n::{self, strings, Strings};
use crate::vocab::Lang;

#[derive(PartialEq, Properties)]
pub struct DecisionCardProps {
    pub lang: Lang,
    pub decision: DecisionView,
}

/// A decision, in words, ready to show.
#[derive(Clone, PartialEq)]
pub struct DecisionView {
    pub title: AttrValue,
    pub decided_by: AttrValue,
    pub status: AttrValue,
    pub date: AttrValue,
    pub case: Option<AttrValue>,
    pub reason: AttrValue,
    pub conditions: Vec<AttrValue>,
    pub quote: QuoteView,
}

/// Sentences of one source, verbatim, ready to show as a quotation: in the source's language
/// (`lang`), with its publisher and title, date and link.
#[derive(Clone, PartialEq)]
pub struct QuoteView {
    pub texts: Vec<AttrValue>,
    pub lang: AttrValue,
    pub source: AttrValue,
    pub date: AttrValue,
    pub url: AttrValue,
}

impl QuoteView {
    /// `texts` of `source`, dated in the widget's language.
    pub fn of(source: &Source, texts: &[&'static str], lang: Lang) -> QuoteView {
        QuoteView {
            texts: texts.iter().map(|t| AttrValue::Static(t)).collect(),
            lang: source.lang.clone().into(),
            source: format!("{}: {}", source.publisher, source.title).into(),
            date: i18n::date(lang, &source.date).into(),
            url: source.url.clone().into(),
        }
    }
}

/// A quotation: only the source's own sentences in the `blockquote` (never a summary of them),
/// marked with the source's language, and the source named and linked below.
pub fn quote(t: &Strings, q: &QuoteView) -> Html {
    html! {
        <figure class="quote">
            <blockquote lang={q.lang.clone()} cite={q.url.clone()}>
                { for q.texts.iter().map(|text| html! { <p>{ text.clone() }</p> }) }
            </blockquote>
            <figcaption>
                { t.source_label }{ ": " }
                <a href={q.url.clone()} target="_blank" rel="noopener noreferrer" lang={q.lang.clone()}>
                    { q.source.clone() }
                </a>
                { format!(" ({})", q.date) }
            </figcaption>
        </figure>
    }
}

impl DecisionView {
    pub fn of(d: &Decision<'static>, lang: Lang) -> DecisionView {
        let t = strings(lang);
        let rec = d.recommendation;
        DecisionView {
            title: rec.title.get(lang).to_string().into(),
            decided_by: rec.decided_by.clone().into(),
            status: (t.status)(rec.status).into(),
            date: i18n::date(lang, &rec.date).into(),
            case: rec.case.clone().map(Into::into),
            reason: d.reason.get(lang).to_string().into(),
            conditions: rec.conditions.iter().map(|c| AttrValue::from(c.get(lang).to_string())).collect(),
            quote: QuoteView::of(d.source, &[d.quote], lang),
        }
    }
}

/// A deciding recommendation.
#[function_component]
pub fn DecisionCard(props: &DecisionCardProps) -> Html {
    let t = strings(props.lang);
    let d = &props.decision;
    html! {
        <article class="decision">
            <h4 class="decision-title">{ d.title.clone() }</h4>
            <dl class="facts">
                <div><dt>{ t.decided_by }</dt><dd>{ d.decided_by.clone() }</dd></div>
                <div><dt>{ t.status_label }</dt><dd>{ d.status.clone() }</dd></div>
                <div><dt>{ t.date_label }</dt><dd>{ d.date.clone() }</dd></div>
                if let Some(case) = &d.case {
                    <div><dt>{ t.case_label }</dt><dd>{ case.clone() }</dd></div>
                }
            </dl>
            <p class="reason"><strong>{ t.reason_label }{ ": " }</strong>{ d.reason.clone() }</p>
            if !d.conditions.is_empty() {
                <p class="conditions-label"><strong>{ t.conditions_label }{ ":" }</strong></p>
                <ul class="conditions">
                    { for d.conditions.iter().map(|c| html! { <li>{ c.clone() }</li> }) }
                </ul>
            }
            { quote(t, &d.quote) }
        </article>
    }
}
