//! One deciding recommendation: who decided, status, date, case, the reason, the conditions and
//! the quoted source sentence in its original language, linked to the source.

use yew::prelude::*;

use crate::assessment::Decision;
use crate::i18n::{self, strings};
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
    pub quote: AttrValue,
    pub quote_lang: AttrValue,
    pub source: AttrValue,
    pub source_date: AttrValue,
    pub url: AttrValue,
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
            quote: AttrValue::Static(d.quote),
            quote_lang: d.source.lang.clone().into(),
            source: format!("{}: {}", d.source.publisher, d.source.title).into(),
            source_date: i18n::date(lang, &d.source.date).into(),
            url: d.source.url.clone().into(),
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
            <figure class="quote">
                <blockquote lang={d.quote_lang.clone()} cite={d.url.clone()}>
                    <p>{ d.quote.clone() }</p>
                </blockquote>
                <figcaption>
                    { t.source_label }{ ": " }
                    <a href={d.url.clone()} target="_blank" rel="noopener noreferrer" lang={d.quote_lang.clone()}>
                        { d.source.clone() }
                    </a>
                    { format!(" ({})", d.source_date) }
                </figcaption>
            </figure>
        </article>
    }
}
