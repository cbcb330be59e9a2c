//! Questions answered by typing a number: age (with its unit, part of the same question: the
//! unit select has no `name`, as it is no field of the contract), MRD in percent and the counts.
//! Text inputs with `inputmode` so a decimal comma works on every keyboard; an impossible
//! value gets an inline error tied to the field (`aria-invalid`, `aria-describedby`).

use yew::prelude::*;

use super::unknown::{not_known, NotKnown};
use crate::form::entry::AgeUnit;
use crate::vocab::Field;

#[derive(PartialEq, Properties)]
pub struct EntryProps {
    /// The field asked; its contract name is the input's `name`.
    pub field: Field,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Folded to its one line (answered), or not asked now: kept in the DOM, hidden.
    #[prop_or_default]
    pub hidden: bool,
    /// The text as typed.
    pub text: AttrValue,
    /// Why the text cannot be used, in words.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Words after the input ("%").
    #[prop_or_default]
    pub suffix: Option<AttrValue>,
    /// Whole numbers only (the on-screen keyboard shows digits).
    #[prop_or_default]
    pub whole: bool,
    /// For the age: the unit and its choice.
    #[prop_or_default]
    pub unit: Option<UnitChoice>,
    /// Called with the new text.
    pub onedit: Callback<String>,
    /// "Not known": whether it is offered or marked, and its buttons.
    #[prop_or_default]
    pub not_known: NotKnown,
}

/// The age unit choice beside the age input.
#[derive(Clone, PartialEq)]
pub struct UnitChoice {
    pub unit: AgeUnit,
    pub label: AttrValue,
    pub years: AttrValue,
    pub months: AttrValue,
    pub onunit: Callback<AgeUnit>,
}

/// A typed question.
#[component]
pub fn Entry(props: &EntryProps) -> Html {
    let name = props.field.as_str();
    let id = format!("in-{name}");
    let hint_id = format!("hint-{name}");
    let error_id = format!("error-{name}");
    let label_id = format!("label-{name}");
    // The error first (what to fix), then the hint.
    let described: Vec<&str> = [
        props.error.as_ref().map(|_| error_id.as_str()),
        props.hint.as_ref().map(|_| hint_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let oninput = {
        let onedit = props.onedit.clone();
        Callback::from(move |e: InputEvent| onedit.emit(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    // The unit shown is set on the select itself: Firefox keeps showing the option it showed
    // when only the options' `selected` attributes move (after an `input` in months, or "Börja
    // om" from months), so a person would read "år" beside an age given in months.
    let unit_ref = use_node_ref();
    {
        let unit_ref = unit_ref.clone();
        use_effect_with(props.unit.as_ref().map(|u| u.unit), move |unit| {
            if let (Some(unit), Some(select)) = (unit, unit_ref.cast::<web_sys::HtmlSelectElement>()) {
                if select.value() != unit.as_str() {
                    select.set_value(unit.as_str());
                }
            }
        });
    }
    let unit = props.unit.as_ref().map(|u| {
        let onunit = u.onunit.clone();
        let onchange = Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(unit) = AgeUnit::parse(&value) {
                onunit.emit(unit);
            }
        });
        html! {
            <>
                <label class="visually-hidden" for="in-ageUnit">{ u.label.clone() }</label>
                <select id="in-ageUnit" class="unit" ref={unit_ref.clone()} {onchange}>
                    <option value={AgeUnit::Years.as_str()} selected={u.unit == AgeUnit::Years}>{ u.years.clone() }</option>
                    <option value={AgeUnit::Months.as_str()} selected={u.unit == AgeUnit::Months}>{ u.months.clone() }</option>
                </select>
            </>
        }
    });
    html! {
        <div class={classes!("question", "entry", props.error.is_some().then_some("has-error"))} hidden={props.hidden}>
            <label class="question-label" id={label_id.clone()} for={id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id.clone()}>{ hint.clone() }</p>
            }
            if let Some(error) = &props.error {
                <p class="error" id={error_id.clone()}>
                    { super::icon::icon(super::icon::Shape::Info) }
                    { error.clone() }
                </p>
            }
            <div class="entry-row">
                <input
                    id={id}
                    name={name}
                    type="text"
                    inputmode={if props.whole { "numeric" } else { "decimal" }}
                    autocomplete="off"
                    spellcheck="false"
                    class="number"
                    value={props.text.clone()}
                    aria-invalid={props.error.as_ref().map(|_| "true")}
                    aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                    {oninput}
                />
                if let Some(suffix) = &props.suffix {
                    <span class="suffix" aria-hidden="true">{ suffix.clone() }</span>
                }
                { for unit }
            </div>
            { not_known(&props.not_known) }
        </div>
    }
}
