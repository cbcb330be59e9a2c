//! The widget: the Sweden / Norway switch, the questions answered and the next few the checker
//! still needs, "start over", the verdict bar, the answer and the overview. Evaluates on every
//! change and reports every new result through `onassess`. Reads the device's date once, when it
//! mounts, for the currency notice.

use std::rc::Rc;

use yew::prelude::*;
use wasm_bindgen::JsCast;

use super::answer::{Answer, Shared};
use super::bar::VerdictBar;
use super::choice::Choice;
use super::control::Control;
use super::entry::{Entry, UnitChoice};
use super::overview::Overview;
use crate::assessment::Assessment;
use crate::form::{self, Action, Kind, Progress, Question, State, Switch};
use crate::i18n::{strings, AgeUnit};
use crate::patient::Value;
use crate::summary::{self, currency};
use crate::vocab::{Field, Jurisdiction, Lang, Verdict};

/// The form's pure reducer ([`form::reduce`]), as Yew's hooks call it.
impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        form::reduce(self, action)
    }
}

#[derive(PartialEq, Properties)]
pub struct AppProps {
    /// The language of every word the widget shows.
    pub lang: Lang,
    /// The `jurisdiction` attribute: the switch's starting value, followed when it changes.
    pub jurisdiction: Jurisdiction,
    /// Called with every new result (not when only the language changes).
    pub onassess: Callback<Rc<Assessment<'static>>>,
    /// The element's JS API (`input`, `reset()`): answers the form and reads what it holds.
    pub control: Control,
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let state = use_reducer_eq(|| State::new(props.jurisdiction));
    {
        let state = state.clone();
        use_effect_with(props.jurisdiction, move |j| state.dispatch(Action::FollowAttribute(*j)));
    }
    let patient = state.patient();
    let assessment = use_memo(patient.clone(), crate::evaluate);
    {
        let onassess = props.onassess.clone();
        let assessment = Rc::clone(&assessment);
        use_effect_with(patient.clone(), move |_| onassess.emit(assessment));
    }

    // The device's date, read once: the currency notice does not come and go while the form is
    // in use.
    let today = *use_memo((), |_| device_today());
    let stale = currency::is_stale(assessment.dataset.checked, assessment.dataset.stale_after_months, today);
    let once = use_mut_ref(currency::OnceNotice::default);

    // One callback per field, made once: the dispatcher never changes, so a question whose
    // props are otherwise unchanged is not re-rendered when another answer changes.
    let handlers = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| Handlers::new(&dispatcher))
    };

    let question = |q: Question| -> Html {
        let Question { field, shown, label, hint, kind, unknown } = q;
        let onunknown = handlers.unknown[field as usize].clone();
        let hidden = !shown;
        match kind {
            Kind::Typed { text, error, suffix, whole, unit } => {
                let unit = unit.map(|unit| UnitChoice {
                    unit,
                    label: t.age_unit_label.into(),
                    years: t.unit_years.into(),
                    months: t.unit_months.into(),
                    onunit: handlers.unit.clone(),
                });
                html! {
                    <Entry
                        key={field.as_str()}
                        {field} {label} {hint} {error} {unit} {hidden} {text} {suffix} {whole} {unknown} {onunknown}
                        onedit={handlers.typed[field as usize].clone()}
                    />
                }
            }
            Kind::Choice { options, value, default, default_note } => html! {
                <Choice
                    key={field.as_str()}
                    {field} legend={label} {hint} {hidden} {options} {value} {default} {default_note} {unknown} {onunknown}
                    onpick={handlers.picked[field as usize].clone()}
                />
            },
        }
    };
    // A question's controls are built the first time it is asked and kept from then on, hidden
    // while it is not asked: the first screen builds the few questions it shows instead of all
    // sixteen (load time), and a question that comes back is shown again, not rebuilt (update).
    let built = use_mut_ref(|| [false; Field::ALL.len()]);
    let first_asked = |field: Field, asked: bool| {
        let mut built = built.borrow_mut();
        built[field as usize] |= asked;
        built[field as usize]
    };
    let switch = Switch::of(&state, lang);

    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let form_ref = use_node_ref();
    let bar_ref = use_node_ref();
    let answer_ref = use_node_ref();
    // Start over: the first step again, in view, with focus on its first question.
    let restarts = use_state_eq(|| 0u32);
    let start_over = {
        let (dispatch, restarts) = (handlers.start_over.clone(), restarts.clone());
        Callback::from(move |()| {
            dispatch.emit(());
            restarts.set(*restarts + 1);
        })
    };
    let onstartover = start_over.reform(|_: MouseEvent| ());
    // The element's `reset()` is this button; its `input` answers the form through the reducer.
    props.control.rendered(&patient, start_over);
    {
        let (control, dispatcher) = (props.control.clone(), state.dispatcher());
        use_effect_with((), move |_| control.attach(dispatcher));
    }
    {
        let form_ref = form_ref.clone();
        use_effect_with(*restarts, move |n| {
            if *n > 0 {
                first_step(&form_ref);
            }
        });
    }
    // The form's controls are kept clear of the verdict bar (WCAG 2.4.11, Focus Not Obscured),
    // which sticks to the bottom of the screen over the rest of the form, by the browser itself:
    // they have a `scroll-margin-bottom` of the bar's height (widget.css), which focus, find in
    // page and WebDriver's element click all honour. The bar's height goes into that CSS when it
    // changes; a focused control that a taller bar now covers is scrolled clear then.
    {
        let bar_ref = bar_ref.clone();
        use_effect_with((), move |_| {
            let watch = BarWatch::start(&bar_ref);
            move || drop(watch)
        });
    }
    let onactivate = {
        let answer_ref = answer_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(answer) = answer_ref.cast::<web_sys::HtmlElement>() {
                answer.scroll_into_view();
                let _ = answer.focus();
            }
        })
    };
    // The bar and the live region say the same: the headline, or how many questions are left.
    // The live region says the currency notice once: with the first decided answer.
    // Last of the effects: the element's `updateComplete` waits for it.
    {
        let control = props.control.clone();
        use_effect(move || control.effects_ran());
    }
    let progress = Progress::of(&assessment, lang);
    let decided = assessment.verdict != Verdict::Incomplete;
    let live = if once.borrow_mut().carries(stale, decided, &progress.words) {
        format!("{}. {}", progress.words, summary::currency_notice(&assessment, lang))
    } else {
        progress.words.clone()
    };

    html! {
        <div class="blincyto" lang={lang.as_str()}>
            <header class="head">
                <h2 class="title">{ t.title }</h2>
                <p class="intro">{ t.intro }</p>
            </header>
            <form class="questions" part="form" aria-label={t.questions} novalidate=true ref={form_ref} {onsubmit}>
                <Choice
                    field={Field::Jurisdiction}
                    legend={switch.legend}
                    class={classes!("switch")}
                    options={switch.options}
                    value={switch.value}
                    onpick={handlers.picked[Field::Jurisdiction as usize].clone()}
                />
                // In their own element: `for` children are spliced into the parent, and a list
                // that mixes keyed and unkeyed children is diffed by position, which would
                // re-create (and unfocus) every control whenever a question appears.
                <div class="question-list">
                    { for form::questions_kept(&state, &assessment, lang, first_asked).into_iter().map(question) }
                </div>
                <div class="actions">
                    <button type="button" class="button secondary" onclick={onstartover}>{ t.start_over }</button>
                </div>
            </form>
            <VerdictBar {progress} to_answer={t.to_answer} node_ref={bar_ref} {onactivate} />
            <div class="visually-hidden" role="status" aria-live="polite">{ live }</div>
            <Answer {lang} assessment={Shared(Rc::clone(&assessment))} patient={patient.clone()} {stale} node_ref={answer_ref} />
            <Overview {lang} />
        </div>
    }
}

/// The device's date (local time), if it has a usable one.
fn device_today() -> Option<currency::Day> {
    let now = js_sys::Date::new_0();
    currency::Day::new(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
}

/// After "start over": the form's top in view and focus on its first question.
fn first_step(form_ref: &NodeRef) {
    let Some(form) = form_ref.cast::<web_sys::HtmlElement>() else { return };
    form.scroll_into_view();
    let first = form.query_selector(".question-list .question:not([hidden]) input").ok().flatten();
    if let Some(input) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = input.focus();
    }
}

/// Keeps `--bar-height` (the form controls' `scroll-margin-bottom` in widget.css) equal to the
/// verdict bar's height, in a stylesheet of this widget's own, from a `ResizeObserver`: it runs
/// after layout, only when the bar's size changed, and forces no layout of its own.
struct BarWatch {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl BarWatch {
    fn start(bar_ref: &NodeRef) -> Option<BarWatch> {
        let bar = bar_ref.cast::<web_sys::HtmlElement>()?;
        let root = bar.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok()?;
        let sheet = BarSheet::add_to(&root)?;
        let mut last = 0;
        let observed = bar.clone();
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            let height = bar.offset_height().max(0) as u32;
            if height == last {
                return;
            }
            last = height;
            // A focused control that the bar now covers (its words grew) is scrolled clear, by
            // its scroll margin; read while the layout is still clean, before the sheet changes.
            let focused = root.active_element().filter(|e| e.closest("form").ok().flatten().is_some());
            let covered = focused.filter(|control| {
                let (c, b) = (control.get_bounding_client_rect(), bar.get_bounding_client_rect());
                c.bottom() > b.top() && c.top() < b.bottom()
            });
            sheet.set(height);
            if let Some(control) = covered {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                control.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(&observed);
        Some(BarWatch { observer, _callback: callback })
    }
}

impl Drop for BarWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The widget's own one-rule stylesheet: adopted beside the shared one, or, where the shared CSS
/// is a `<style>` (no constructable stylesheets), a text node at the end of that `<style>`.
enum BarSheet {
    Adopted(web_sys::CssStyleSheet),
    Text(web_sys::Node),
}

impl BarSheet {
    fn add_to(root: &web_sys::ShadowRoot) -> Option<BarSheet> {
        let style = root.query_selector("style").ok().flatten();
        if style.is_none() {
            if let Ok(sheet) = web_sys::CssStyleSheet::new() {
                let sheets = root.adopted_style_sheets();
                sheets.push(&sheet);
                root.set_adopted_style_sheets(&sheets);
                return Some(BarSheet::Adopted(sheet));
            }
        }
        let style = match style {
            Some(style) => style,
            None => {
                let style = root.owner_document()?.create_element("style").ok()?;
                root.append_child(&style).ok()?;
                style
            }
        };
        style.append_with_str_1("\n").ok()?;
        Some(BarSheet::Text(style.last_child()?))
    }

    fn set(&self, height: u32) {
        let rule = format!(":host{{--bar-height:{height}px}}");
        match self {
            BarSheet::Adopted(sheet) => {
                let _ = sheet.replace_sync(&rule);
            }
            BarSheet::Text(text) => text.set_node_value(Some(&format!("\n{rule}"))),
        }
    }
}

/// The form's callbacks, one per field and action, made once per widget.
struct Handlers {
    picked: Vec<Callback<Value>>,
    typed: Vec<Callback<String>>,
    unknown: Vec<Callback<MouseEvent>>,
    unit: Callback<AgeUnit>,
    start_over: Callback<()>,
}

impl Handlers {
    fn new(dispatcher: &UseReducerDispatcher<State>) -> Handlers {
        Handlers {
            picked: Field::ALL
                .iter()
                .map(|&f| {
                    let d = dispatcher.clone();
                    Callback::from(move |v: Value| d.dispatch(Action::Pick(f, Some(v))))
                })
                .collect(),
            typed: Field::ALL
                .iter()
                .map(|&f| {
                    let d = dispatcher.clone();
                    Callback::from(move |text: String| d.dispatch(Action::Type(f, text)))
                })
                .collect(),
            unknown: Field::ALL
                .iter()
                .map(|&f| {
                    let d = dispatcher.clone();
                    Callback::from(move |_: MouseEvent| d.dispatch(Action::MarkUnknown(f)))
                })
                .collect(),
            unit: {
                let d = dispatcher.clone();
                Callback::from(move |u| d.dispatch(Action::SetAgeUnit(u)))
            },
            start_over: {
                let d = dispatcher.clone();
                Callback::from(move |()| d.dispatch(Action::StartOver))
            },
        }
    }
}
