//! The Yew floor: the same embedding as the widget (the bridge `www/blincyto-checker.js` calls
//! `mountWidget(element)`, the app renders into an open shadow root), with the least a form can
//! have and still be measured by `benches/browser.mjs`: the `ageYears` input whose appearance
//! counts as interactive, the `diagnosis` radios the update benchmark clicks, and an answer
//! whose `data-verdict` follows them. No stylesheet, no checker, no strings tables.

use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

/// The widget's allocator too, so that the difference between the two is the widget's code.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[component]
fn App() -> Html {
    let diagnosis = use_state(|| None::<&'static str>);
    let pick = |value: &'static str| {
        let diagnosis = diagnosis.clone();
        Callback::from(move |_: Event| diagnosis.set(Some(value)))
    };
    let verdict = match *diagnosis {
        None | Some("b-precursor-all") => "incomplete",
        Some(_) => "off-label",
    };
    html! {
        <div>
            <form>
                <label>{ "Ålder (år)" }<input name="ageYears" inputmode="decimal" /></label>
                <fieldset>
                    <legend>{ "Diagnos" }</legend>
                    <label><input type="radio" name="diagnosis" value="b-precursor-all" onchange={pick("b-precursor-all")} />{ "B-ALL" }</label>
                    <label><input type="radio" name="diagnosis" value="t-all" onchange={pick("t-all")} />{ "T-ALL" }</label>
                </fieldset>
            </form>
            <section data-verdict={verdict}><p>{ verdict }</p></section>
        </div>
    }
}

/// What the bridge holds; the floor never updates or destroys.
#[wasm_bindgen]
pub struct WidgetHandle;

#[wasm_bindgen]
impl WidgetHandle {
    pub fn update(&self) {}
    pub fn destroy(&self) {}
}

#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: HtmlElement) -> WidgetHandle {
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).expect("a shadow root");
    let container = web_sys::window().unwrap().document().unwrap().create_element("div").unwrap();
    root.append_child(&container).unwrap();
    yew::Renderer::<App>::with_root(container).render();
    WidgetHandle
}

/// The bridge exports `evaluate`; the floor has nothing to evaluate.
#[wasm_bindgen]
pub fn evaluate(_input: JsValue) -> JsValue {
    JsValue::NULL
}
