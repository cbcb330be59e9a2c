//! The `<blincyto-checker>` bridge: mounts the widget into an element's open shadow root.
//!
//! `www/blincyto-checker.js` calls [`mount_widget`] when the element connects, and the handle's
//! `update` on an attribute change and `destroy` when the element leaves the page; the element's
//! properties (`input`, `assessment`, `updateComplete`, `reset()`) call the handle's methods of
//! the same names. This module only mounts: it reads the two attributes (checked, with one
//! console warning for a bad value), applies the stylesheet, dispatches `blincyto-assessment`
//! with every new result, and makes a panic replace every widget with a message and the sources'
//! addresses instead of a frozen form.
//!
//! The DOM is built through DOM calls only, never from HTML strings (no `innerHTML`), so a page
//! that enforces Trusted Types (`require-trusted-types-for 'script'; trusted-types 'none'`)
//! runs the widget, and its failure message, without a violation.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback, Renderer};

use crate::assessment::Assessment;
use super::components::{App, AppProps, Control, CSS};
use crate::form::Action;
use crate::form::entry::{parse_jurisdiction, read_entry, AgeUnit};
use crate::i18n::{parse_lang, strings};
use crate::patient::{format_number, Patient, Value};
use crate::vocab::{Field, Jurisdiction, Lang};

/// The event dispatched on the element with every new result.
pub const EVENT: &str = "blincyto-assessment";

thread_local! {
    /// Every mounted widget: its id, shadow root and language (for the panic message).
    static MOUNTED: RefCell<Vec<(u32, ShadowRoot, Lang)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// The stylesheet all widgets share; `None` where constructable stylesheets are missing.
    static SHEET: RefCell<Option<Option<JsValue>>> = const { RefCell::new(None) };
    /// The panic message of each language, built as DOM before anything can panic (the panic
    /// hook only clones it: creating elements is what may have failed).
    static FAILURE: RefCell<Vec<(Lang, Element)>> = const { RefCell::new(Vec::new()) };
}

/// A mounted widget, as the JS bridge holds it.
#[wasm_bindgen]
pub struct WidgetHandle {
    inner: Option<Mounted>,
}

struct Mounted {
    id: u32,
    host: HtmlElement,
    container: Element,
    app: AppHandle<App>,
    onassess: Callback<Rc<Assessment<'static>>>,
    control: Control,
    latest: Rc<RefCell<Latest>>,
    lang: Lang,
    /// Attribute values already warned about (one warning each).
    warned: Vec<String>,
}

/// The latest result, and once built, its JS object (the event's `detail` and `assessment`).
#[derive(Default)]
struct Latest {
    assessment: Option<Rc<Assessment<'static>>>,
    js: Option<JsValue>,
    /// Events scheduled and not dispatched yet.
    unsent: u32,
}

impl Latest {
    /// `a` as a JS object: the one already built if `a` is the latest result.
    fn js_of(cell: &RefCell<Latest>, a: &Rc<Assessment<'static>>) -> JsValue {
        let mut latest = cell.borrow_mut();
        let is_latest = latest.assessment.as_ref().is_some_and(|l| Rc::ptr_eq(l, a));
        if let (true, Some(js)) = (is_latest, latest.js.as_ref()) {
            return js.clone();
        }
        let js = super::api::result_to_js(a).unwrap_or(JsValue::NULL);
        if is_latest {
            latest.js = Some(js.clone());
        }
        js
    }
}

/// Mounts the widget into `host`'s open shadow root (attached here, or reused).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: HtmlElement) -> WidgetHandle {
    install_panic_hook();
    let root = match host.shadow_root() {
        Some(root) => root,
        None => match host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
            Ok(root) => root,
            Err(_) => {
                web_sys::console::error_1(&JsValue::from_str(
                    "<blincyto-checker>: cannot attach a shadow root to this element; the fallback content stays.",
                ));
                return WidgetHandle { inner: None };
            }
        },
    };
    clear(&root, false);
    adopt_styles(&root);
    let Some(container) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("div").ok())
    else {
        return WidgetHandle { inner: None };
    };
    container.set_class_name("blincyto-root");
    if root.append_child(&container).is_err() {
        return WidgetHandle { inner: None };
    }

    let mut warned = Vec::new();
    let (lang, jurisdiction) = settings(&host, &mut warned);
    let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
    MOUNTED.with(|m| m.borrow_mut().push((id, root, lang)));

    let latest = Rc::new(RefCell::new(Latest::default()));
    let onassess = {
        let (host, latest) = (host.clone(), Rc::clone(&latest));
        Callback::from(move |a: Rc<Assessment<'static>>| dispatch_assessment(&host, &latest, a))
    };
    let control = Control::default();
    let props = AppProps { lang, jurisdiction, onassess: onassess.clone(), control: control.clone() };
    let app = Renderer::<App>::with_root_and_props(container.clone(), props).render();
    WidgetHandle { inner: Some(Mounted { id, host, container, app, onassess, control, latest, lang, warned }) }
}

/// Resolves in a task of its own (a zero-delay timer), after every microtask queued before it.
async fn next_task() {
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
}

/// Reads an `input` for the form: the checks of `evaluate()` (an `Error` naming the field), and
/// a number must be one the form can hold as typed text. Returns the patient and the actions
/// that enter it into an empty form, as a person would (the age in months where it is a whole
/// number of months that is no short decimal in years, e.g. 7/12).
fn form_input(input: &JsValue, lang: Lang) -> Result<(Patient, Vec<Action>), JsValue> {
    let patient = super::api::read_patient(input)?;
    let mut actions = vec![Action::StartOver];
    for &field in Field::ALL {
        match patient.get(field) {
            None => {}
            Some(Value::Number(n)) => {
                let typed = |unit: AgeUnit, shown: f64| {
                    number_texts(shown, lang)
                        .into_iter()
                        .find(|text| read_entry(field, text, unit) == Ok(Some(Value::Number(n))))
                };
                if let Some(text) = typed(AgeUnit::Years, n) {
                    actions.push(Action::Type(field, text));
                } else if let Some(text) = (field == Field::AgeYears).then(|| typed(AgeUnit::Months, n * 12.0)).flatten() {
                    actions.push(Action::SetAgeUnit(AgeUnit::Months));
                    actions.push(Action::Type(field, text));
                } else {
                    let shown = js_sys::Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_default();
                    return Err(js_sys::Error::new(&format!(
                        "{}: {shown} cannot be typed into the form (at most 15 significant digits, no exponent)",
                        field.as_str()
                    ))
                    .into());
                }
            }
            Some(v) => actions.push(Action::enter(field, v)),
        }
    }
    Ok((patient, actions))
}

/// How `n` may be typed: JavaScript's shortest round-trip text, and six decimals at most; with a
/// decimal comma in Swedish and Norwegian.
fn number_texts(n: f64, lang: Lang) -> Vec<String> {
    let shortest = js_sys::Number::from(n).to_string_with_radix(10).map(String::from).ok();
    let comma = |t: String| if lang == Lang::En { t } else { t.replace('.', ",") };
    shortest.into_iter().chain([format_number(n)]).map(comma).collect()
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Reads the attributes again (after `lang` or `jurisdiction` changed) and re-renders.
    pub fn update(&mut self) {
        let Some(m) = self.inner.as_mut() else { return };
        let (lang, jurisdiction) = settings(&m.host, &mut m.warned);
        MOUNTED.with(|all| {
            if let Some(entry) = all.borrow_mut().iter_mut().find(|e| e.0 == m.id) {
                entry.2 = lang;
            }
        });
        m.lang = lang;
        m.app.update(AppProps { lang, jurisdiction, onassess: m.onassess.clone(), control: m.control.clone() });
    }

    /// The element's `input` setter: answers the form with a contract input (as after "start
    /// over", then each field entered). A bad input throws an `Error` naming the field and
    /// changes nothing.
    #[wasm_bindgen(js_name = setInput)]
    pub fn set_input(&mut self, input: JsValue) -> Result<(), JsValue> {
        let Some(m) = self.inner.as_ref() else { return Ok(()) };
        let (patient, actions) = form_input(&input, m.lang)?;
        m.control.fill(actions, patient);
        Ok(())
    }

    /// The element's `input` getter: what the form holds now, as a contract input object.
    pub fn input(&self) -> JsValue {
        let patient = self.inner.as_ref().and_then(|m| m.control.patient());
        patient.map_or(JsValue::NULL, |p| super::api::to_js(&p).unwrap_or(JsValue::NULL))
    }

    /// The element's `assessment`: the latest result (the last event's `detail`), else `null`.
    pub fn assessment(&self) -> JsValue {
        let Some(m) = self.inner.as_ref() else { return JsValue::NULL };
        let latest = m.latest.borrow().assessment.clone();
        latest.map_or(JsValue::NULL, |a| Latest::js_of(&m.latest, &a))
    }

    /// The element's `reset()`: what the "start over" button does.
    pub fn reset(&self) {
        if let Some(m) = self.inner.as_ref() {
            m.control.start_over();
        }
    }

    /// The element's `updateComplete`: resolves (to `true`) once everything asked of the widget
    /// so far has been rendered and its `blincyto-assessment` event dispatched. Yew renders in
    /// a microtask started by the change, but yields to the browser (a zero-delay timer) when a
    /// render runs long, between a render and its effects too. So this waits task by task (each
    /// after every microtask) until a whole task has passed with no new render, the last
    /// render's effects run and no event left to dispatch.
    #[wasm_bindgen(js_name = updateComplete)]
    pub fn update_complete(&self) -> js_sys::Promise {
        let Some(m) = self.inner.as_ref() else { return js_sys::Promise::resolve(&JsValue::TRUE) };
        let (control, latest) = (m.control.clone(), Rc::clone(&m.latest));
        let mut seen = control.settled_renders();
        wasm_bindgen_futures::future_to_promise(async move {
            // A bound, in case something kept rendering: then it resolves to false.
            for _ in 0..1000 {
                next_task().await;
                let now = control.settled_renders();
                if now.is_some() && now == seen && latest.borrow().unsent == 0 {
                    return Ok(JsValue::TRUE);
                }
                seen = now;
            }
            Ok(JsValue::FALSE)
        })
    }

    /// Unmounts the widget; the shadow root is left empty for a later mount.
    pub fn destroy(mut self) {
        if let Some(m) = self.inner.take() {
            MOUNTED.with(|all| all.borrow_mut().retain(|e| e.0 != m.id));
            m.app.destroy();
            m.container.remove();
        }
    }
}

/// The language and jurisdiction the element asks for. A bad value falls back to the default
/// (Swedish, Sweden) with one console warning; no `lang` follows the nearest ancestor's.
fn settings(host: &HtmlElement, warned: &mut Vec<String>) -> (Lang, Jurisdiction) {
    let mut warn_once = |attribute: &str, value: &str, accepted: &str, fallback: &str| {
        let key = format!("{attribute}={value}");
        if !warned.contains(&key) {
            web_sys::console::warn_1(&JsValue::from_str(&format!(
                "<blincyto-checker>: {attribute}=\"{value}\" is not supported (use {accepted}); showing {fallback}."
            )));
            warned.push(key);
        }
    };
    let lang = match host.get_attribute("lang").filter(|v| !v.trim().is_empty()) {
        Some(value) => parse_lang(&value).unwrap_or_else(|| {
            warn_once("lang", &value, "sv, nb or en", "Swedish");
            Lang::Sv
        }),
        None => inherited_lang(host).and_then(|v| parse_lang(&v)).unwrap_or(Lang::Sv),
    };
    let jurisdiction = match host.get_attribute("jurisdiction").filter(|v| !v.trim().is_empty()) {
        Some(value) => parse_jurisdiction(&value).unwrap_or_else(|| {
            warn_once("jurisdiction", &value, "se or no", "Sweden");
            Jurisdiction::Se
        }),
        None => Jurisdiction::Se,
    };
    (lang, jurisdiction)
}

/// The `lang` of the nearest ancestor that has one, else the page's `<html lang>`.
fn inherited_lang(host: &HtmlElement) -> Option<String> {
    let from_ancestor = host
        .parent_element()
        .and_then(|p| p.closest("[lang]").ok().flatten())
        .and_then(|e| e.get_attribute("lang"))
        .filter(|v| !v.trim().is_empty());
    from_ancestor.or_else(|| {
        web_sys::window()?.document()?.document_element()?.get_attribute("lang").filter(|v| !v.trim().is_empty())
    })
}

/// Dispatches `blincyto-assessment` (bubbles, composed) whose detail is the result exactly as
/// the JS `evaluate()` returns it, in a task of its own after the render that produced the
/// result: building the detail (the whole result as a JS object through serde-wasm-bindgen)
/// took ~2 ms at 4× CPU slowdown of every change, inside the frame that shows the new answer.
/// Results still arrive one event each, in order (timers of equal delay run in order).
fn dispatch_assessment(host: &HtmlElement, latest: &Rc<RefCell<Latest>>, a: Rc<Assessment<'static>>) {
    {
        let mut l = latest.borrow_mut();
        (l.assessment, l.js, l.unsent) = (Some(Rc::clone(&a)), None, l.unsent + 1);
    }
    let (host, latest) = (host.clone(), Rc::clone(latest));
    let send = move || {
        let detail = Latest::js_of(&latest, &a);
        latest.borrow_mut().unsent -= 1;
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(EVENT, &init) {
            let _ = host.dispatch_event(&event);
        }
    };
    match web_sys::window() {
        Some(window) => {
            let task = Closure::once_into_js(send);
            let _ = window.set_timeout_with_callback(task.unchecked_ref());
        }
        None => send(),
    }
}

/// Applies the widget's CSS to `root` as a shared constructable stylesheet, which a strict CSP
/// (`style-src 'self'`) allows. Browsers without one get a `<style>` element instead.
fn adopt_styles(root: &ShadowRoot) {
    let sheet = SHEET.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                let sheet = web_sys::CssStyleSheet::new().ok()?;
                sheet.replace_sync(CSS).ok()?;
                Some(sheet.into())
            })
            .clone()
    });
    let adoptable = js_sys::Reflect::has(root, &JsValue::from_str("adoptedStyleSheets")).unwrap_or(false);
    match sheet {
        Some(sheet) if adoptable => root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        _ => {
            if let Some(style) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("style").ok())
            {
                style.set_text_content(Some(CSS));
                let _ = root.append_child(&style);
            }
        }
    }
}

/// Installs, once, the panic hook that replaces every mounted widget with a short message and
/// the addresses of the sources, so a panic never leaves a frozen form.
fn install_panic_hook() {
    thread_local!(static INSTALLED: Cell<bool> = const { Cell::new(false) });
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    FAILURE.with(|f| {
        *f.borrow_mut() = [Lang::Sv, Lang::Nb, Lang::En].iter().filter_map(|l| Some((*l, failure_message(*l)?))).collect();
    });
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("<blincyto-checker>: {info}")));
        let _ = FAILURE.try_with(|failure| {
            let Ok(failure) = failure.try_borrow() else { return };
            let _ = MOUNTED.try_with(|mounted| {
                if let Ok(mounted) = mounted.try_borrow() {
                    for (_, root, lang) in mounted.iter() {
                        if let Some((_, message)) = failure.iter().find(|(l, _)| l == lang) {
                            clear(root, true);
                            if let Ok(copy) = message.clone_node_with_deep(true) {
                                let _ = root.append_child(&copy);
                            }
                        }
                    }
                }
            });
        });
    }));
}

/// Empties `root`; with `keep_styles`, its `<style>` (the stylesheet where none is adopted) stays.
fn clear(root: &ShadowRoot, keep_styles: bool) {
    let mut next = root.first_child();
    while let Some(node) = next {
        next = node.next_sibling();
        let is_style = node.dyn_ref::<Element>().is_some_and(|e| e.local_name() == "style");
        if !(keep_styles && is_style) {
            let _ = root.remove_child(&node);
        }
    }
}

/// The failure message of `lang` with links to the sources, as DOM (no inline style).
fn failure_message(lang: Lang) -> Option<Element> {
    let document = web_sys::window()?.document()?;
    let element = |tag: &str, text: Option<&str>| -> Option<Element> {
        let e = document.create_element(tag).ok()?;
        if text.is_some() {
            e.set_text_content(text);
        }
        Some(e)
    };
    let d = crate::data::dataset();
    let mut links: Vec<(String, String)> = Vec::new();
    let mut add = |label: String, url: &str| {
        if !links.iter().any(|(_, u)| u == url) {
            links.push((label, url.to_string()));
        }
    };
    for j in d.jurisdictions.iter() {
        add(format!("{} – {}", j.authority, j.name.get(lang)), &j.url);
    }
    if let Some(vgr) = d.source("nt-radet-vgr") {
        add(vgr.publisher.to_string(), &vgr.url);
    }
    let div = element("div", None)?;
    div.set_class_name("blincyto failure");
    div.set_attribute("lang", lang.as_str()).ok()?;
    div.set_attribute("role", "alert").ok()?;
    div.append_child(&element("p", Some(strings(lang).failure))?.into()).ok()?;
    let list = element("ul", None)?;
    for (label, url) in &links {
        let a = element("a", Some(label))?;
        for (name, value) in [("href", url.as_str()), ("target", "_blank"), ("rel", "noopener noreferrer")] {
            a.set_attribute(name, value).ok()?;
        }
        let item = element("li", None)?;
        item.append_child(&a).ok()?;
        list.append_child(&item).ok()?;
    }
    div.append_child(&list).ok()?;
    Some(div)
}

/// For tests: the ids of the mounted widgets' shadow roots are internal; this says how many.
#[doc(hidden)]
pub fn mounted_count() -> usize {
    MOUNTED.with(|m| m.borrow().len())
}
