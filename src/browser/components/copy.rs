//! "Copy summary": puts the plain-text summary on the clipboard, or, where the clipboard is not
//! available (an insecure page, a refusal), shows the text selected in a read-only box so it
//! can be copied by hand. A status message says which happened.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::shared::Shared;
use crate::i18n::strings;
use crate::patient::Patient;
use crate::summary;
use crate::vocab::Lang;

#[derive(PartialEq, Properties)]
pub struct CopySummaryProps {
    pub lang: Lang,
    /// The answer to summarise.
    pub assessment: Shared,
    /// The patient it is about.
    pub patient: Patient,
    /// The day of the check, whether the data is past its date (the summary says so too), what
    /// was marked not known.
    #[prop_or_default]
    pub context: summary::Context,
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Idle,
    Copied,
    ByHand,
}

/// The copy button with its status and fallback.
#[component]
pub fn CopySummary(props: &CopySummaryProps) -> Html {
    let t = strings(props.lang);
    let status = use_state_eq(|| Status::Idle);
    // The summary is written when it is asked for, not on every change of the answer.
    let text = use_state_eq(|| AttrValue::Static(""));
    let area = use_node_ref();

    // A new answer makes the old status wrong.
    {
        let status = status.clone();
        use_effect_with(props.assessment.clone(), move |_| status.set(Status::Idle));
    }
    // The fallback box is selected as soon as it shows.
    {
        let area = area.clone();
        use_effect_with(*status, move |s| {
            if *s == Status::ByHand {
                if let Some(area) = area.cast::<web_sys::HtmlTextAreaElement>() {
                    let _ = area.focus();
                    area.select();
                }
            }
        });
    }

    let onclick = {
        let status = status.clone();
        let text = text.clone();
        let (a, p, lang, cx) = (props.assessment.clone(), props.patient.clone(), props.lang, props.context);
        Callback::from(move |_: MouseEvent| {
            let summary = summary::plain_text(&a.0, &p, lang, &cx);
            copy(&summary, status.clone());
            text.set(AttrValue::from(summary));
        })
    };
    html! {
        <div class="copy">
            <button type="button" class="button" {onclick}>{ t.copy_summary }</button>
            <p class="status" role="status">
                { match *status {
                    Status::Idle => "",
                    Status::Copied => t.copied,
                    Status::ByHand => t.copy_fallback,
                } }
            </p>
            if *status == Status::ByHand {
                <label class="summary-box">
                    <span class="question-label">{ t.summary_label }</span>
                    <textarea ref={area} readonly=true rows="12" value={(*text).clone()} />
                </label>
            }
        </div>
    }
}

/// Writes `text` to the clipboard; falls back to the box when the clipboard is missing or refuses.
fn copy(text: &str, status: UseStateHandle<Status>) {
    let Some(window) = web_sys::window() else {
        status.set(Status::ByHand);
        return;
    };
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        status.set(Status::ByHand);
        return;
    }
    let promise = navigator.clipboard().write_text(text);
    let ok = {
        let status = status.clone();
        Closure::once_into_js(move |_: JsValue| status.set(Status::Copied))
    };
    let failed = Closure::once_into_js(move |_: JsValue| status.set(Status::ByHand));
    // promise.then(ok, failed), through Reflect to stay independent of js-sys' typed promises.
    let then = js_sys::Reflect::get(&promise, &JsValue::from_str("then"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(then) = then {
        let _ = then.call2(&promise, &ok, &failed);
    }
}
