//! The widget: the Sweden / Norway switch, the questions answered and the next few the checker
//! still needs, "start over", the verdict bar, the answer and the overview. Evaluates on every
//! change and reports every new result through `onassess`. Reads the device's date once, when it
//! mounts, for the currency notice.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::answer::Answer;
use super::shared::Shared;
use super::bar::VerdictBar;
use super::choice::Choice;
use super::control::Control;
use super::entry::{Entry, UnitChoice};
use super::fold::{fold_id, folded};
use super::overview::Overview;
use super::unknown::NotKnown;
use crate::assessment::Assessment;
use crate::form::{self, Action, Kind, Progress, Question, State, Switch, Unknown};
use crate::form::entry::AgeUnit;
use crate::i18n::strings;
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
    // The answer the form shows: with an MRD typed as a bound ("< 0,01 %"), decided from every
    // MRD below it (form::mrd). The event carries the checker's own result, which claims no
    // MRD the person did not enter.
    let bound = state.mrd_below().map(f64::to_bits);
    let assessment = use_memo((patient.clone(), bound), |(p, b)| form::mrd::assess_with(p, b.map(f64::from_bits)));
    {
        let onassess = props.onassess.clone();
        let result = if bound.is_some() { Rc::new(crate::evaluate(&patient)) } else { Rc::clone(&assessment) };
        use_effect_with(patient.clone(), move |_| onassess.emit(result));
    }

    // The device's date, read once: the currency notice does not come and go while the form is
    // in use.
    let today = *use_memo((), |_| device_today());
    let stale = currency::is_stale(assessment.dataset.checked, assessment.dataset.stale_after_months, today);
    let once = use_mut_ref(form::OnceNotice::default);
    let context = summary::Context { today, stale, unknown: state.marked_unknown(), mrd_below: state.mrd_below() };

    // One callback per field, made once: the dispatcher never changes, so a question whose
    // props are otherwise unchanged is not re-rendered when another answer changes.
    // Where focus goes after the render an action causes (selectors in the shadow root, the
    // first found wins): a question folded by a tap or "Vet inte" to its line, a reopened
    // question to its answer.
    let focus_next = use_mut_ref(|| None::<String>);
    let handlers = {
        let dispatcher = state.dispatcher();
        let focus_next = focus_next.clone();
        use_memo((), move |_| Handlers::new(&dispatcher, &focus_next))
    };

    // Each question in a slot (`q-<field>`, hidden while not asked): its folded line when it is
    // answered and folded, and the question itself, kept and hidden while folded.
    let question = |q: Question| -> Html {
        let Question { field, shown, label, hint, kind, unknown, fold } = q;
        let note = match &unknown {
            Unknown::Marked { note } => Some(AttrValue::from(note.clone())),
            _ => None,
        };
        let not_known = NotKnown { state: unknown, onunknown: handlers.unknown[field as usize].clone() };
        let hidden = fold.is_some();
        let line = fold.map(|fold| folded(field, &fold, note, &handlers.reopen[field as usize]));
        let body = match kind {
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
                        {field} {label} {hint} {error} {unit} {hidden} {text} {suffix} {whole} {not_known}
                        onedit={handlers.typed[field as usize].clone()}
                    />
                }
            }
            Kind::Choice { options, value, default, default_note } => html! {
                <Choice
                    {field} legend={label} {hint} {hidden} {options} {value} {default} {default_note} {not_known}
                    onpick={handlers.picked[field as usize].clone()}
                />
            },
        };
        html! {
            <div key={field.as_str()} class="slot" id={format!("q-{}", field.as_str())} hidden={!shown}>
                { for line }
                { body }
            </div>
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
    let switch = Switch::of(&state, &patient, lang);

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
    // which sticks to the top of the screen over the form scrolled under it: a control that
    // focus reaches under the bar (Shift+Tab) is scrolled clear ([`keep_clear`], on `focusin`
    // only, never on the update path), and so is the focused one when the bar grows.
    // Whatever brings a control up from below (Tab, the next question, a WebDriver click) leaves
    // it at the bottom of the screen, clear of the bar.
    {
        let bar_ref = bar_ref.clone();
        use_effect_with((), move |_| {
            let watch = BarWatch::start(&bar_ref);
            move || drop(watch)
        });
    }
    // A question folding above the focused control moves it up, under the bar or off screen:
    // after a render that folded or reopened a question (only then: no layout is read on the
    // other updates), it is scrolled back into sight.
    // (In the last effect, below: one effect fewer in the bundle.)
    let folds = Field::ALL.iter().fold(0u32, |bits, &f| bits | (u32::from(state.folds(f)) << f as u32));
    let folds_before = use_mut_ref(|| folds);
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
    let progress = Progress::of(&state, &assessment, lang);
    let decided = assessment.verdict != Verdict::Incomplete;
    // What the live region would say now: the entries that cannot be read, else where the form
    // stands (with the currency notice the first time an answer is decided). It is said only
    // once the input has settled (below), never for a half-typed value.
    let errors = form::entry_errors(&state, lang);
    let now = if !errors.is_empty() {
        errors.join(" ")
    } else if once.borrow_mut().carries(stale, decided, &progress.spoken) {
        format!("{}. {}", progress.spoken, form::answer::currency_notice(&assessment, lang))
    } else {
        progress.spoken.clone()
    };
    let live_ref = use_node_ref();
    let (settle, live_initial) = use_live_region(now, (*state).clone(), live_ref.clone(), form_ref.clone(), focus_next.clone());
    // Last of the effects: the element's `updateComplete` waits for it.
    {
        let (control, bar_ref) = (props.control.clone(), bar_ref.clone());
        use_effect(move || {
            if std::mem::replace(&mut *folds_before.borrow_mut(), folds) != folds {
                if let Some(bar) = bar_ref.cast::<web_sys::Element>() {
                    keep_focus_clear(&bar);
                }
            }
            control.effects_ran()
        });
    }
    let onkeydown = hold_on_key(state.dispatcher());
    // Keyboard focus only (`:focus-visible`): a button that a press focuses on its mousedown is
    // where the pointer is, and moving it then would send the mouseup, and so the click, off it.
    let onfocusin = {
        let bar_ref = bar_ref.clone();
        Callback::from(move |e: FocusEvent| {
            if let (Some(target), Some(bar)) = (e.target_dyn_into::<web_sys::Element>(), bar_ref.cast::<web_sys::Element>()) {
                if target.matches(":focus-visible").unwrap_or(true) {
                    keep_clear(&target, &bar);
                }
            }
        })
    };
    let onfocusout = {
        // Leaving a text field settles it (a radio group settles after a pause: arrowing through
        // its options is no answer yet).
        Callback::from(move |e: FocusEvent| {
            let text = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.type_() == "text");
            if text {
                settle.emit(());
            }
        })
    };

    html! {
        <div class="blincyto" lang={lang.as_str()}>
            // A <div>, not a <header>: in a host page's <body> a header would add a second
            // "banner" landmark to the page.
            <div class="head">
                <h2 class="title">{ t.title }</h2>
                <p class="intro">{ t.intro }</p>
            </div>
            // The bar sticks to the top of the screen while the form scrolls under it, and only
            // then: it is the first of this part, and the answer that follows is not under it.
            <div class="ask">
                <VerdictBar {progress} to_answer={t.to_answer} node_ref={bar_ref} {onactivate} />
                <form class="questions" part="form" aria-label={t.questions} novalidate=true ref={form_ref} {onsubmit} {onfocusin} {onfocusout} {onkeydown}>
                    <div class="slot" id="q-jurisdiction">
                        if let Some(fold) = &switch.fold {
                            { folded(Field::Jurisdiction, fold, None, &handlers.reopen[Field::Jurisdiction as usize]) }
                        }
                        <Choice
                            field={Field::Jurisdiction}
                            legend={switch.legend}
                            class={classes!("switch")}
                            hidden={switch.fold.is_some()}
                            options={switch.options}
                            value={switch.value}
                            onpick={handlers.picked[Field::Jurisdiction as usize].clone()}
                        />
                    </div>
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
            </div>
            // Written by `use_live_region` once the input settles, never by a render.
            <div class="visually-hidden" role="status" aria-live="polite" ref={live_ref}>{ live_initial }</div>
            <Answer {lang} assessment={Shared(Rc::clone(&assessment))} patient={patient.clone()} {context} node_ref={answer_ref} />
            <Overview {lang} />
        </div>
    }
}

/// The device's date (local time), if it has a usable one.
fn device_today() -> Option<currency::Day> {
    let now = js_sys::Date::new_0();
    currency::Day::new(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
}

/// After "start over": the bar and the form's top in view and focus on its first question.
fn first_step(form_ref: &NodeRef) {
    let Some(form) = form_ref.cast::<web_sys::HtmlElement>() else { return };
    match form.parent_element() {
        Some(ask) => ask.scroll_into_view(),
        None => form.scroll_into_view(),
    }
    // The first question asked (its slot shown) and not folded.
    let first = form.query_selector(".question-list .slot:not([hidden]) .question:not([hidden]) input").ok().flatten();
    if let Some(input) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = input.focus();
    }
}

/// Brings `element` (a radio button's option, as drawn) into sight by the least scroll: from
/// under the verdict bar stuck to the top of the screen to just below it, or from beyond the
/// viewport's edge by `scrollIntoView` (which honours its bottom scroll margin).
///
/// The bar is not kept clear by a top scroll margin on the controls, which would do it without
/// script: WebKitGTK's WebDriver (2.50) then counts a control that lies below the screen's bottom
/// edge by less than that margin as in view, does not scroll to it and fails Element Click with
/// "element not interactable" (measured with e2e/engines/clicks.mjs).
fn keep_clear(element: &web_sys::Element, bar: &web_sys::Element) {
    let Some(window) = web_sys::window() else { return };
    let drawn = element.closest("label").ok().flatten().unwrap_or_else(|| element.clone());
    let (c, b) = (drawn.get_bounding_client_rect(), bar.get_bounding_client_rect());
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::MAX);
    // Below the bar's bottom: where it is stuck (below a host page's sticky header), or at the
    // top of the screen once it will be.
    let clear = b.bottom().max(b.height()) + ROOM;
    if c.top() < clear {
        window.scroll_by_with_x_and_y(0.0, c.top() - clear);
    } else if c.bottom() > height {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        drawn.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Room between the verdict bar and a control brought out from under it, in css px.
const ROOM: f64 = 16.0;

/// [`keep_clear`] of the form's focused control, if focus is in the form.
fn keep_focus_clear(bar: &web_sys::Element) {
    let Ok(root) = bar.get_root_node().dyn_into::<web_sys::ShadowRoot>() else { return };
    if let Some(focused) = root.active_element().filter(|e| e.closest("form").ok().flatten().is_some()) {
        keep_clear(&focused, bar);
    }
}

/// Keeps the focused control clear of the verdict bar when the bar's size changes (a longer
/// verdict wraps to a second line), from a `ResizeObserver`: it runs after layout, only when the
/// bar's size changed.
struct BarWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl BarWatch {
    fn start(bar_ref: &NodeRef) -> Option<BarWatch> {
        let bar = bar_ref.cast::<web_sys::Element>()?;
        let mut last = 0.0;
        let observed = bar.clone();
        let callback = Closure::<dyn FnMut()>::new(move || {
            let height = bar.get_bounding_client_rect().height();
            if height != last {
                last = height;
                keep_focus_clear(&bar);
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

/// How long the input must rest before the live region speaks: longer than the gap between two
/// keys or two arrow presses of a person, short enough to follow a tap.
const SETTLE_MS: i32 = 900;

/// Announces `now` in the live region `region` once the input has settled: `SETTLE_MS` after
/// the last change of `state`, or at once through the returned callback (a text field left).
/// Only words that differ from the last announcement are written, so a half-typed value's
/// verdict is never spoken, nor the same words twice. The region is written directly, not
/// rendered: an announcement costs no render. While an announcement waits, the region carries
/// `data-pending`; each decision counts up `data-settled` (the tests' signals). Also moves
/// focus after the render an action asked for (`focus_next`, inside `form`); a "not known"
/// note that gets focus is announced.
#[hook]
fn use_live_region(now: String, state: State, region: NodeRef, form: NodeRef, focus_next: Rc<RefCell<Option<String>>>) -> (Callback<()>, String) {
    // The words at mount are rendered once (a region must hold its first words before any
    // change is announced); every later text is written by `say`.
    let initial = (*use_state(|| now.clone())).clone();
    let said = use_mut_ref(|| (initial.clone(), 0u32));
    let latest = use_mut_ref(String::new);
    *latest.borrow_mut() = now;
    let timer = use_mut_ref(|| None::<(i32, Closure<dyn FnMut()>)>);
    let say = {
        let (region, said) = (region.clone(), said.clone());
        use_memo((), move |_| {
            Callback::from(move |text: String| {
                let Some(element) = region.cast::<web_sys::Element>() else { return };
                let mut said = said.borrow_mut();
                if said.0 != text {
                    element.set_text_content(Some(&text));
                    said.0 = text;
                }
                said.1 += 1;
                let _ = element.set_attribute("data-settled", &said.1.to_string());
                let _ = element.remove_attribute("data-pending");
            })
        })
    };
    let settle = {
        let (say, latest, timer) = ((*say).clone(), latest.clone(), timer.clone());
        use_memo((), move |_| {
            Callback::from(move |()| {
                if let (Some((handle, _)), Some(window)) = (timer.borrow_mut().take(), web_sys::window()) {
                    window.clear_timeout_with_handle(handle);
                }
                say.emit(latest.borrow().clone());
            })
        })
    };
    {
        let (settle, timer, region) = ((*settle).clone(), timer.clone(), region.clone());
        use_effect_with(state, move |_| {
            let Some(window) = web_sys::window() else { return };
            if let Some((old, _)) = timer.borrow_mut().take() {
                window.clear_timeout_with_handle(old);
            }
            let callback = Closure::<dyn FnMut()>::new(move || settle.emit(()));
            let f = callback.as_ref().unchecked_ref();
            if let Ok(handle) = window.set_timeout_with_callback_and_timeout_and_arguments_0(f, SETTLE_MS) {
                *timer.borrow_mut() = Some((handle, callback));
                if let Some(element) = region.cast::<web_sys::Element>() {
                    let _ = element.set_attribute("data-pending", "");
                }
            }
        });
    }
    {
        let say = (*say).clone();
        use_effect(move || {
            let Some(selectors) = focus_next.borrow_mut().take() else { return };
            let Some(form) = form.cast::<web_sys::Element>() else { return };
            let found = selectors.split(OR).find_map(|selector| form.query_selector(selector).ok().flatten());
            let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
            // The form's `focusin` keeps it clear of the verdict bar stuck to the top
            // ([`keep_clear`]).
            let _ = element.focus();
            // A question marked not known: its note is said.
            if let Some(words) = element.get_attribute("data-say") {
                say.emit(words);
            }
        });
    }
    ((*settle).clone(), initial)
}

/// The form's callbacks, one per field and action, made once per widget.
struct Handlers {
    picked: Vec<Callback<Value>>,
    typed: Vec<Callback<String>>,
    unknown: Vec<Callback<MouseEvent>>,
    reopen: Vec<Callback<MouseEvent>>,
    unit: Callback<AgeUnit>,
    start_over: Callback<()>,
}

impl Handlers {
    fn new(dispatcher: &UseReducerDispatcher<State>, focus_next: &Rc<RefCell<Option<String>>>) -> Handlers {
        // One callback per field: `action` of the field, with where focus goes after it.
        let per_field = |focus: fn(&str) -> Option<String>, action: fn(Field) -> Action| -> Vec<Callback<MouseEvent>> {
            Field::ALL
                .iter()
                .map(|&f| {
                    let (d, focus_next) = (dispatcher.clone(), focus_next.clone());
                    Callback::from(move |_: MouseEvent| {
                        *focus_next.borrow_mut() = focus(f.as_str());
                        d.dispatch(action(f))
                    })
                })
                .collect()
        };
        Handlers {
            // A pick by pointer folds the question: focus goes to its line (a keyboard pick keeps
            // the question open, and there is no line to go to).
            picked: Field::ALL
                .iter()
                .map(|&f| {
                    let (d, focus_next) = (dispatcher.clone(), focus_next.clone());
                    Callback::from(move |v: Value| {
                        *focus_next.borrow_mut() = Some(format!("#{}", fold_id(f.as_str())));
                        d.dispatch(Action::Pick(f, Some(v)))
                    })
                })
                .collect(),
            typed: Field::ALL
                .iter()
                .map(|&f| {
                    let (d, focus_next) = (dispatcher.clone(), focus_next.clone());
                    Callback::from(move |text: String| {
                        *focus_next.borrow_mut() = None;
                        d.dispatch(Action::Type(f, text))
                    })
                })
                .collect(),
            unknown: per_field(|name| Some(format!("#{}", fold_id(name))), Action::MarkUnknown),
            // Reopened: focus to the answer picked, else the question's first control.
            reopen: per_field(|name| Some(format!("#q-{name} input:checked{OR}#q-{name} input")), Action::Reopen),
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

/// Between two selectors of `focus_next`: the first that finds an element wins.
const OR: &str = " || ";

/// A key pressed in a question's control (a radio button, a text field, the unit) holds the
/// question open ([`Action::Hold`]): arrowing through the options is no answer to fold yet. Tab
/// and Shift (of Shift+Tab) only pass through: leaving a question holds nothing.
fn hold_on_key(dispatcher: UseReducerDispatcher<State>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if matches!(e.key().as_str(), "Tab" | "Shift") {
            return;
        }
        let Some(target) = e.target_dyn_into::<web_sys::Element>() else { return };
        if !matches!(target.local_name().as_str(), "input" | "select") {
            return;
        }
        let slot = target.closest(".slot").ok().flatten();
        if let Some(field) = slot.and_then(|s| Field::parse(s.id().strip_prefix("q-")?)) {
            dispatcher.dispatch(Action::Hold(field));
        }
    })
}
