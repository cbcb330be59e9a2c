//! The widget: the Sweden / Norway switch, the questions the checker still needs (and every
//! one answered), "start over", the answer and the overview. Evaluates on every change and
//! reports every new result through `onassess`. Reads the device's date once, when it mounts,
//! for the currency notice.

use std::rc::Rc;

use yew::prelude::*;

use super::answer::{Answer, Shared};
use super::choice::Choice;
use super::entry::{Entry, UnitChoice};
use super::overview::Overview;
use crate::assessment::Assessment;
use crate::form::{self, Action, Kind, Question, State, Switch};
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
        let Question { field, shown, label, hint, kind } = q;
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
                        {field} {label} {hint} {error} {unit} {hidden} {text} {suffix} {whole}
                        onedit={handlers.typed[field as usize].clone()}
                    />
                }
            }
            Kind::Choice { options, value, default, default_note } => html! {
                <Choice
                    key={field.as_str()}
                    {field} legend={label} {hint} {hidden} {options} {value} {default} {default_note}
                    onpick={handlers.picked[field as usize].clone()}
                />
            },
        }
    };
    let switch = Switch::of(&state, lang);

    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let onstartover = handlers.start_over.clone();
    let headline = summary::headline(&assessment, lang);
    // The live region says the currency notice once: with the first decided answer.
    let decided = assessment.verdict != Verdict::Incomplete;
    let live = if once.borrow_mut().carries(stale, decided, &headline) {
        format!("{headline}. {}", summary::currency_notice(&assessment, lang))
    } else {
        headline
    };

    html! {
        <div class="blincyto" lang={lang.as_str()}>
            <header class="head">
                <h2 class="title">{ t.title }</h2>
                <p class="intro">{ t.intro }</p>
            </header>
            <form class="questions" part="form" aria-label={t.questions} novalidate=true {onsubmit}>
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
                    { for form::questions(&state, &assessment.missing, lang).into_iter().map(question) }
                </div>
                <div class="actions">
                    <button type="button" class="button secondary" onclick={onstartover}>{ t.start_over }</button>
                </div>
            </form>
            <div class="visually-hidden" role="status" aria-live="polite">{ live }</div>
            <Answer {lang} assessment={Shared(Rc::clone(&assessment))} patient={patient.clone()} {stale} />
            <Overview {lang} />
        </div>
    }
}

/// The device's date (local time), if it has a usable one.
fn device_today() -> Option<currency::Day> {
    let now = js_sys::Date::new_0();
    currency::Day::new(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
}

/// The form's callbacks, one per field and action, made once per widget.
struct Handlers {
    picked: Vec<Callback<Value>>,
    typed: Vec<Callback<String>>,
    unit: Callback<AgeUnit>,
    start_over: Callback<MouseEvent>,
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
            unit: {
                let d = dispatcher.clone();
                Callback::from(move |u| d.dispatch(Action::SetAgeUnit(u)))
            },
            start_over: {
                let d = dispatcher.clone();
                Callback::from(move |_: MouseEvent| d.dispatch(Action::StartOver))
            },
        }
    }
}
