#![cfg(target_arch = "wasm32")]
//! Tier 2: the widget in headless Chromium (wasm-bindgen-test). Mounting, attributes, several
//! instances, the `blincyto-assessment` event, and the CSP-relevant rules of the markup.
//!
//!     CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!       cargo test --target wasm32-unknown-unknown --test web
//!
//! The custom element is registered by the JS bridge, which these tests do not load: they call
//! `mount_widget` on a created `<blincyto-checker>` element, as the bridge does.

use std::cell::RefCell;
use std::rc::Rc;

use blincyto_checker::browser::embed::{mount_widget, WidgetHandle, EVENT};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element, Event, HtmlElement, HtmlInputElement, ShadowRoot, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits for the widget's own signal, its `updateComplete`: everything asked of it so far is
/// rendered and its `blincyto-assessment` event dispatched. Fails when it gives up (it keeps
/// rendering).
async fn rendered(handle: &WidgetHandle) {
    assert_eq!(update_complete(handle).await, JsValue::TRUE, "updateComplete did not settle");
}

async fn update_complete(handle: &WidgetHandle) -> JsValue {
    wasm_bindgen_futures::JsFuture::from(handle.update_complete()).await.unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A `<blincyto-checker>` with these attributes, in the page (inside `parent` if given).
fn element(attributes: &[(&str, &str)], parent: Option<&Element>) -> HtmlElement {
    let el: HtmlElement = document().create_element("blincyto-checker").unwrap().unchecked_into();
    for (name, value) in attributes {
        el.set_attribute(name, value).unwrap();
    }
    el.set_inner_html("<a href=\"https://www.vgregion.se/lakemedel/nyhetsbrev\">fallback</a>");
    match parent {
        Some(p) => p.append_child(&el).unwrap(),
        None => document().body().unwrap().append_child(&el).unwrap(),
    };
    el
}

async fn mount(el: &HtmlElement) -> WidgetHandle {
    let handle = mount_widget(el.clone());
    rendered(&handle).await;
    handle
}

fn shadow(el: &HtmlElement) -> ShadowRoot {
    el.shadow_root().expect("an open shadow root")
}

fn find(el: &HtmlElement, selector: &str) -> Option<Element> {
    shadow(el).query_selector(selector).unwrap()
}

fn get(el: &HtmlElement, selector: &str) -> Element {
    find(el, selector).unwrap_or_else(|| panic!("no {selector} in the widget"))
}

fn verdict(el: &HtmlElement) -> String {
    get(el, "[data-verdict]").get_attribute("data-verdict").unwrap()
}

fn heading(el: &HtmlElement) -> String {
    get(el, "h2").text_content().unwrap_or_default()
}

fn radio(el: &HtmlElement, name: &str, value: &str) -> HtmlInputElement {
    get(el, &format!("input[name=\"{name}\"][value=\"{value}\"]")).unchecked_into()
}

/// Picks a radio as a person does (a click: the browser checks it and fires `change`).
async fn pick(el: &HtmlElement, handle: &WidgetHandle, name: &str, value: &str) {
    radio(el, name, value).click();
    rendered(handle).await;
}

/// Types into a text input (sets the value and fires `input`).
async fn type_into(el: &HtmlElement, handle: &WidgetHandle, name: &str, text: &str) {
    let input: HtmlInputElement = get(el, &format!("input[name=\"{name}\"]")).unchecked_into();
    input.set_value(text);
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
    rendered(handle).await;
}

async fn set_attribute(el: &HtmlElement, handle: &mut WidgetHandle, name: &str, value: &str) {
    el.set_attribute(name, value).unwrap();
    handle.update();
    rendered(handle).await;
}

#[wasm_bindgen_test]
async fn mounting_creates_an_open_shadow_root_with_the_form() {
    let el = element(&[("lang", "sv"), ("jurisdiction", "se")], None);
    let _handle = mount(&el).await;
    let root = shadow(&el);
    assert_eq!(root.mode(), ShadowRootMode::Open);
    assert!(find(&el, "form").is_some());
    assert!(radio(&el, "jurisdiction", "se").checked());
    assert!(!radio(&el, "jurisdiction", "no").checked());
    let age: HtmlInputElement = get(&el, "input[name=\"ageYears\"]").unchecked_into();
    assert_eq!(age.type_(), "text");
    assert_eq!(age.get_attribute("inputmode").as_deref(), Some("decimal"));
    assert!(find(&el, "input[name=\"diagnosis\"][value=\"b-precursor-all\"]").is_some());
    assert_eq!(verdict(&el), "incomplete");
    assert!(heading(&el).contains("Kan Blincyto användas"), "{}", heading(&el));
    // The first step: the switch, age and diagnosis. A question is built when first asked, so
    // the later ones are not in the form yet.
    assert!(find(&el, "input[name=\"cd19\"]").is_none(), "a question not asked yet is built");
    // Every radio group is a fieldset with a legend (the switch and the diagnosis here).
    let fieldsets = root.query_selector_all("fieldset").unwrap();
    assert!(fieldsets.length() >= 2);
    for i in 0..fieldsets.length() {
        let fs: Element = fieldsets.get(i).unwrap().unchecked_into();
        assert!(fs.query_selector("legend").unwrap().is_some());
    }
    // Strict CSP: no inline style, no <style> element; the CSS is an adopted stylesheet.
    assert!(root.query_selector("[style]").unwrap().is_none(), "a style attribute");
    assert!(root.query_selector("style").unwrap().is_none(), "a <style> element");
    // The shared stylesheet, the only one.
    assert_eq!(root.adopted_style_sheets().length(), 1);
    // The verdict bar comes right before the form (it sticks to the top over it).
    let bar: HtmlElement = get(&el, "[part=\"verdict-bar\"]").unchecked_into();
    assert_eq!(bar.next_element_sibling().map(|e| e.local_name()).as_deref(), Some("form"));
    // The light-DOM fallback is still there but not slotted, so it is hidden.
    assert!(root.query_selector("slot").unwrap().is_none());
    assert!(el.query_selector("a").unwrap().is_some());
    // A polite live region announces the answer.
    assert!(find(&el, "[aria-live=\"polite\"]").is_some());
}

#[wasm_bindgen_test]
async fn a_lang_change_re_renders_the_words() {
    let el = element(&[("lang", "sv")], None);
    let mut handle = mount(&el).await;
    assert!(heading(&el).contains("Kan Blincyto användas"));
    set_attribute(&el, &mut handle, "lang", "en").await;
    assert!(heading(&el).contains("Can Blincyto be used"), "{}", heading(&el));
    set_attribute(&el, &mut handle, "lang", "nb-NO").await;
    assert!(heading(&el).contains("Kan Blincyto brukes"), "{}", heading(&el));
    set_attribute(&el, &mut handle, "lang", "no").await;
    assert!(heading(&el).contains("Kan Blincyto brukes"), "{}", heading(&el));
    assert_eq!(get(&el, ".blincyto").get_attribute("lang").as_deref(), Some("nb"));
    // Unsupported: Swedish (with a console warning, not an error).
    set_attribute(&el, &mut handle, "lang", "de").await;
    assert!(heading(&el).contains("Kan Blincyto användas"), "{}", heading(&el));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn without_lang_the_widget_follows_the_nearest_ancestor() {
    let wrapper = document().create_element("div").unwrap();
    wrapper.set_attribute("lang", "en-GB").unwrap();
    document().body().unwrap().append_child(&wrapper).unwrap();
    let el = element(&[], Some(&wrapper));
    let _handle = mount(&el).await;
    assert!(heading(&el).contains("Can Blincyto be used"), "{}", heading(&el));
}

#[wasm_bindgen_test]
async fn a_jurisdiction_change_moves_the_switch() {
    let el = element(&[("jurisdiction", "se")], None);
    let mut handle = mount(&el).await;
    assert!(radio(&el, "jurisdiction", "se").checked());
    set_attribute(&el, &mut handle, "jurisdiction", "no").await;
    assert!(radio(&el, "jurisdiction", "no").checked());
    assert!(!radio(&el, "jurisdiction", "se").checked());
    // The switch inside the widget works on its own…
    pick(&el, &handle, "jurisdiction", "se").await;
    assert!(radio(&el, "jurisdiction", "se").checked());
    // …and an invalid attribute falls back to Sweden without breaking anything.
    set_attribute(&el, &mut handle, "jurisdiction", "dk").await;
    assert!(radio(&el, "jurisdiction", "se").checked());
    set_attribute(&el, &mut handle, "jurisdiction", "no").await;
    assert!(radio(&el, "jurisdiction", "no").checked());
    // Start over keeps the attribute's jurisdiction.
    pick(&el, &handle, "diagnosis", "t-all").await;
    assert_eq!(verdict(&el), "off-label");
    let start_over: HtmlElement = get(&el, ".actions button").unchecked_into();
    start_over.click();
    rendered(&handle).await;
    assert_eq!(verdict(&el), "incomplete");
    assert!(!radio(&el, "diagnosis", "t-all").checked());
    assert!(radio(&el, "jurisdiction", "no").checked());
}

#[wasm_bindgen_test]
async fn two_instances_are_independent() {
    let a = element(&[("lang", "sv"), ("jurisdiction", "se")], None);
    let b = element(&[("lang", "en"), ("jurisdiction", "no")], None);
    let handle_a = mount(&a).await;
    let handle_b = mount(&b).await;
    pick(&a, &handle_a, "diagnosis", "t-all").await;
    assert_eq!(verdict(&a), "off-label");
    assert_eq!(verdict(&b), "incomplete");
    assert!(!radio(&b, "diagnosis", "t-all").checked());
    assert!(radio(&b, "jurisdiction", "no").checked());
    assert!(heading(&b).contains("Can Blincyto"));
    // Unmounting is synchronous: the other widget goes on at once.
    handle_a.destroy();
    pick(&b, &handle_b, "diagnosis", "other").await;
    assert_eq!(verdict(&b), "off-label");
}

/// Collects every `blincyto-assessment` event that reaches the document.
struct Events {
    details: Rc<RefCell<Vec<(JsValue, bool, bool)>>>,
    _listener: Closure<dyn FnMut(Event)>,
}

impl Events {
    fn listen() -> Events {
        let details = Rc::new(RefCell::new(Vec::new()));
        let sink = Rc::clone(&details);
        let listener = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            let e: CustomEvent = e.unchecked_into();
            sink.borrow_mut().push((e.detail(), e.bubbles(), e.composed()));
        });
        document().add_event_listener_with_callback(EVENT, listener.as_ref().unchecked_ref()).unwrap();
        Events { details, _listener: listener }
    }

    fn last_verdict(&self) -> Option<String> {
        let details = self.details.borrow();
        let (detail, _, _) = details.last()?;
        js_sys::Reflect::get(detail, &"verdict".into()).ok()?.as_string()
    }
}

impl Drop for Events {
    fn drop(&mut self) {
        let _ = document().remove_event_listener_with_callback(EVENT, self._listener.as_ref().unchecked_ref());
    }
}

#[wasm_bindgen_test]
async fn every_new_result_dispatches_the_assessment_event() {
    let events = Events::listen();
    let el = element(&[("lang", "nb"), ("jurisdiction", "no")], None);
    let mut handle = mount(&el).await;
    assert_eq!(events.last_verdict().as_deref(), Some("incomplete"));
    {
        let details = events.details.borrow();
        let (_, bubbles, composed) = details.last().unwrap();
        assert!(*bubbles && *composed);
    }

    // An adult in first remission with MRD ≥ 0,1 % in Norway: introduced on conditions.
    type_into(&el, &handle, "ageYears", "34").await;
    pick(&el, &handle, "diagnosis", "b-precursor-all").await;
    pick(&el, &handle, "cd19", "positive").await;
    pick(&el, &handle, "philadelphia", "negative").await;
    pick(&el, &handle, "diseaseStatus", "newly-diagnosed").await;
    pick(&el, &handle, "inRemission", "true").await;
    type_into(&el, &handle, "mrdPercent", "0,5").await;
    for field in ["consolidation", "plannedAlloHsct"] {
        if find(&el, &format!("input[name=\"{field}\"]")).is_some() {
            pick(&el, &handle, field, "false").await;
        }
    }
    assert_eq!(verdict(&el), "yes-with-conditions");
    assert_eq!(events.last_verdict().as_deref(), Some("yes-with-conditions"));

    // The detail is exactly what the JS evaluate() returns for the same input.
    let mut input = adult_mrd_positive_cr1_norway();
    for field in ["consolidation", "plannedAlloHsct"] {
        if find(&el, &format!("input[name=\"{field}\"][value=\"false\"]")).is_some()
            && radio(&el, field, "false").checked()
        {
            input.push((field, false.into()));
        }
    }
    let expected = blincyto_checker::browser::api::evaluate_js(object(&input)).unwrap();
    let detail = events.details.borrow().last().unwrap().0.clone();
    assert_eq!(js_sys::JSON::stringify(&detail).unwrap(), js_sys::JSON::stringify(&expected).unwrap());

    // A language change is no new result: no event.
    let before = events.details.borrow().len();
    set_attribute(&el, &mut handle, "lang", "en").await;
    assert_eq!(events.details.borrow().len(), before);
    // A jurisdiction change is.
    set_attribute(&el, &mut handle, "jurisdiction", "se").await;
    assert_eq!(events.details.borrow().len(), before + 1);
    assert_ne!(events.last_verdict().as_deref(), Some("yes-with-conditions"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn typed_numbers_accept_a_decimal_comma_and_flag_impossible_values() {
    let el = element(&[("lang", "sv"), ("jurisdiction", "se")], None);
    let handle = mount(&el).await;
    type_into(&el, &handle, "ageYears", "200").await;
    let age = get(&el, "input[name=\"ageYears\"]");
    assert_eq!(age.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = age.get_attribute("aria-describedby").unwrap();
    let error = described
        .split(' ')
        .find_map(|id| shadow(&el).get_element_by_id(id).filter(|e| e.class_name().contains("error")));
    let error = error.expect("the error is tied to the field");
    assert!(error.text_content().unwrap().contains("120"), "{:?}", error.text_content());
    // An impossible value counts as missing: the age is still asked for.
    assert!(get(&el, "section[data-verdict]").text_content().unwrap().contains("Ålder"));

    type_into(&el, &handle, "ageYears", "6").await;
    assert!(age.get_attribute("aria-invalid").is_none());
    // Months for infants: 0,5 months is under the 1-month limit of every indication…
    let unit: web_sys::HtmlSelectElement = get(&el, "select#in-ageUnit").unchecked_into();
    unit.set_value("months");
    unit.dispatch_event(&Event::new("change").unwrap()).unwrap();
    rendered(&handle).await;
    type_into(&el, &handle, "ageYears", "0,5").await;
    assert_eq!(verdict(&el), "off-label");
    // …and 6 months is not: the answer needs more.
    type_into(&el, &handle, "ageYears", "6").await;
    assert_eq!(verdict(&el), "incomplete");
    // The control kept its identity (and so its focus) through all of this.
    assert!(age.is_same_node(Some(&get(&el, "input[name=\"ageYears\"]"))));
}

#[wasm_bindgen_test]
async fn destroy_empties_the_shadow_root_and_a_new_mount_reuses_it() {
    let el = element(&[], None);
    let handle = mount(&el).await;
    let mounted = blincyto_checker::browser::embed::mounted_count();
    // Unmounting is synchronous: no wait before the checks.
    handle.destroy();
    assert_eq!(blincyto_checker::browser::embed::mounted_count(), mounted - 1);
    assert!(find(&el, "form").is_none());
    let _again = mount(&el).await;
    assert!(find(&el, "form").is_some());
    assert_eq!(shadow(&el).query_selector_all(".blincyto-root").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn a_panic_replaces_every_widget_with_a_message_and_the_sources() {
    let sv = element(&[("lang", "sv")], None);
    let nb = element(&[("lang", "nb")], None);
    let _a = mount(&sv).await;
    let _b = mount(&nb).await;
    // Panic inside a callback from JS, as an event handler would; the exception stops there.
    let boom = Closure::<dyn Fn()>::new(|| panic!("test panic"));
    let function: &js_sys::Function = boom.as_ref().unchecked_ref();
    assert!(function.call0(&JsValue::NULL).is_err());
    for (el, words) in [(&sv, "Verktyget kunde inte fortsätta"), (&nb, "Verktøyet kunne ikke fortsette")] {
        let root = shadow(el);
        assert!(root.query_selector("form").unwrap().is_none(), "the form is gone");
        let text = root.text_content().unwrap_or_default();
        assert!(text.contains(words), "{text}");
        let links: Vec<String> = (0..root.query_selector_all("a").unwrap().length())
            .map(|i| {
                root.query_selector_all("a")
                    .unwrap()
                    .get(i)
                    .unwrap()
                    .unchecked_into::<Element>()
                    .get_attribute("href")
                    .unwrap()
            })
            .collect();
        assert!(links.iter().any(|l| l.contains("nyemetoder.no")), "{links:?}");
        assert!(links.iter().any(|l| l.contains("vgregion.se")), "{links:?}");
        assert!(links.iter().any(|l| l.contains("samverkanlakemedel.se")), "{links:?}");
        assert!(root.query_selector("[role=\"alert\"]").unwrap().is_some());
    }
}

/// JSON values equal, numbers compared as the f64 they denote (serde_json writes 8.0 where
/// JavaScript writes 8).
fn same_json(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (a, b) {
        (V::Number(x), V::Number(y)) => x.as_f64() == y.as_f64(),
        (V::Array(x), V::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y)),
        (V::Object(x), V::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((kx, x), (ky, y))| kx == ky && same_json(x, y))
        }
        _ => a == b,
    }
}

#[wasm_bindgen_test]
fn evaluate_returns_the_result_as_a_plain_object_with_exact_numbers() {
    // The adult of the form tests with an MRD of a third of a percent (no short decimal form).
    let mut third = adult_mrd_positive_cr1_norway();
    third.iter_mut().filter(|(k, _)| *k == "mrdPercent").for_each(|(_, v)| *v = (1.0f64 / 3.0).into());
    let cases: Vec<Vec<(&str, JsValue)>> = vec![
        vec![],
        vec![("jurisdiction", "se".into()), ("ageYears", (0.1 + 0.2).into()), ("diagnosis", "b-precursor-all".into())],
        third,
        vec![("ageYears", (-0.0f64).into()), ("diagnosis", "t-all".into()), ("relapseNumber", 1000.into())],
    ];
    for pairs in &cases {
        let input = js_sys::Object::new();
        let mut patient = Vec::new();
        for (k, v) in pairs.iter() {
            js_sys::Reflect::set(&input, &(*k).into(), v).unwrap();
            let raw = if let Some(n) = v.as_f64() {
                blincyto_checker::RawValue::Number(n)
            } else if let Some(b) = v.as_bool() {
                blincyto_checker::RawValue::Bool(b)
            } else {
                blincyto_checker::RawValue::String(v.as_string().unwrap())
            };
            patient.push((k.to_string(), raw));
        }
        let result = blincyto_checker::browser::api::evaluate_js(input.into()).unwrap();
        // A plain object, as JSON would give it.
        assert_eq!(js_sys::Object::get_prototype_of(&result), js_sys::Object::get_prototype_of(&js_sys::Object::new()));
        // The same result as the core's, in the shape its Serialize derives define.
        let p = blincyto_checker::InputObject(patient).to_patient().unwrap();
        let expected = serde_json::to_value(blincyto_checker::evaluate(&p)).unwrap();
        let text = String::from(js_sys::JSON::stringify(&result).unwrap());
        let got: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(same_json(&got, &expected), "{text}\n!=\n{expected}");
        // Numbers come back as the very values given, a negative zero included.
        let echo = js_sys::Reflect::get(&result, &"input".into()).unwrap();
        for (k, v) in pairs.iter().filter(|(_, v)| v.as_f64().is_some()) {
            let back = js_sys::Reflect::get(&echo, &(*k).into()).unwrap();
            assert!(js_sys::Object::is(&back, v), "{k}: {back:?} is not {v:?}");
        }
    }
}

/// "adult MRD-positive CR1, Norway" (the test patients' home) without consolidation: the facts
/// both the typed form and `input` are given, as contract fields and JS values in the contract's
/// order; "yes, with conditions".
fn adult_mrd_positive_cr1_norway() -> Vec<(&'static str, JsValue)> {
    let p = blincyto_checker::Patient { consolidation: None, ..blincyto_model::patients::adult_mrd_positive_cr1_norway() };
    let json = serde_json::to_value(&p).unwrap();
    blincyto_checker::vocab::Field::ALL
        .iter()
        .filter(|f| !json[f.as_str()].is_null())
        .map(|f| (f.as_str(), js_sys::JSON::parse(&json[f.as_str()].to_string()).unwrap()))
        .collect()
}

/// A plain object with these fields (numbers, strings and booleans as JS values).
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().into()
}

#[wasm_bindgen_test]
async fn the_element_api_answers_the_form_reads_it_back_and_starts_over() {
    let events = Events::listen();
    let el = element(&[("lang", "sv"), ("jurisdiction", "se")], None);
    let mut handle = mount(&el).await;
    let seen = events.details.borrow().len();
    // An adult in first remission with MRD ≥ 0,1 % in Norway, given through `input`.
    let input = object(&adult_mrd_positive_cr1_norway());
    handle.set_input(input.clone()).unwrap();
    let expected = blincyto_checker::browser::api::evaluate_js(input).unwrap();
    let expected_input = js_sys::Reflect::get(&expected, &"input".into()).unwrap();
    // Read back at once, before the render…
    assert_eq!(json(&handle.input()), json(&expected_input));
    // …and once rendered, with the event dispatched: updateComplete resolves to true.
    assert_eq!(update_complete(&handle).await, JsValue::TRUE);
    assert_eq!(verdict(&el), "yes-with-conditions");
    assert!(radio(&el, "jurisdiction", "no").checked());
    assert!(radio(&el, "inRemission", "true").checked());
    let mrd: HtmlInputElement = get(&el, "input[name=\"mrdPercent\"]").unchecked_into();
    assert_eq!(mrd.value(), "0,5", "typed as a Swedish keyboard writes it");
    assert_eq!(json(&handle.input()), json(&expected_input));
    assert_eq!(json(&handle.assessment()), json(&expected));
    // The assessment is the very object the last event carried.
    assert_eq!(events.details.borrow().len(), seen + 1, "one event for the whole input");
    assert!(js_sys::Object::is(&handle.assessment(), &events.details.borrow().last().unwrap().0));

    // A bad input throws an Error naming the field and changes nothing.
    for (field, value) in [("mrdPercent", JsValue::from(150.0)), ("philadelphia", "maybe".into()), ("agee", 5.into())] {
        let err = handle.set_input(object(&[(field, value)])).unwrap_err();
        let message: String = err.dyn_into::<js_sys::Error>().unwrap().message().into();
        assert!(message.contains(field), "{message}");
    }
    let err = handle.set_input(object(&[("ageYears", (0.1 + 0.2).into())])).unwrap_err();
    assert!(String::from(err.unchecked_into::<js_sys::Error>().message()).contains("ageYears"));
    update_complete(&handle).await;
    assert_eq!(verdict(&el), "yes-with-conditions");
    assert_eq!(json(&handle.input()), json(&expected_input));
    assert_eq!(events.details.borrow().len(), seen + 1);

    // An age in whole months goes in as months, exactly.
    handle.set_input(object(&[("ageYears", (7.0 / 12.0).into()), ("diagnosis", "b-precursor-all".into())])).unwrap();
    update_complete(&handle).await;
    let age = js_sys::Reflect::get(&handle.input(), &"ageYears".into()).unwrap();
    assert_eq!(age.as_f64(), Some(7.0 / 12.0));
    // What the widget renders: "7" in months, and the select shows months (in Firefox too,
    // which keeps the option it showed when only the options' `selected` attributes move).
    let age_text: HtmlInputElement = get(&el, "input[name=\"ageYears\"]").unchecked_into();
    let months: web_sys::HtmlOptionElement = get(&el, "select#in-ageUnit option[value=\"months\"]").unchecked_into();
    assert_eq!((age_text.value(), months.has_attribute("selected")), ("7".into(), true));
    let unit: web_sys::HtmlSelectElement = get(&el, "select#in-ageUnit").unchecked_into();
    assert_eq!(unit.value(), "months");
    // Without a jurisdiction the attribute's applies.
    assert!(radio(&el, "jurisdiction", "se").checked());

    // reset() is "start over".
    handle.reset();
    update_complete(&handle).await;
    assert_eq!(verdict(&el), "incomplete");
    assert_eq!(json(&handle.input()), r#"{"jurisdiction":"se"}"#);
    set_attribute(&el, &mut handle, "lang", "en").await;
    handle.destroy();
}
