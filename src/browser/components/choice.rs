//! A question answered by picking: a native radio group in a fieldset with a legend. Each
//! radio's `name` is the contract's field name and its `value` the contract's value.

use yew::prelude::*;

use super::unknown::{not_known, NotKnown};
use crate::patient::Value;
use crate::vocab::Field;

#[derive(PartialEq, Properties)]
pub struct ChoiceProps {
    /// The field asked; its contract name is the radios' `name`.
    pub field: Field,
    /// The question.
    pub legend: AttrValue,
    /// A hint under the question.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Folded to its one line (answered), or not asked now: kept in the DOM, hidden.
    #[prop_or_default]
    pub hidden: bool,
    /// The options in order, each with its words.
    pub options: Vec<(Value, &'static str)>,
    /// The answer picked.
    pub value: Option<Value>,
    /// Shown as chosen while nothing is picked (the monotherapy assumption).
    #[prop_or_default]
    pub default: Option<Value>,
    /// Words after the default option while it is only assumed.
    #[prop_or_default]
    pub default_note: Option<AttrValue>,
    /// Extra class on the fieldset (the jurisdiction switch looks like a switch).
    #[prop_or_default]
    pub class: Classes,
    /// Called with the value picked.
    pub onpick: Callback<Value>,
    /// "Not known": whether it is offered or marked, and its buttons.
    #[prop_or_default]
    pub not_known: NotKnown,
}

/// A radio group question.
#[component]
pub fn Choice(props: &ChoiceProps) -> Html {
    let name = props.field.as_str();
    let hint_id = format!("hint-{name}");
    let label_id = format!("label-{name}");
    let shown = props.value.or(props.default);
    let assumed = props.value.is_none() && props.default.is_some();
    let described = props.hint.as_ref().map(|_| hint_id.clone());
    html! {
        <fieldset
            class={classes!("question", "choice", props.class.clone())}
            hidden={props.hidden}
            aria-describedby={described}
        >
            <legend class="question-label" id={label_id.clone()}>{ props.legend.clone() }</legend>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id.clone()}>{ hint.clone() }</p>
            }
            <div class="options">
                { for props.options.iter().map(|(value, words)| {
                    let value = *value;
                    let onpick = props.onpick.clone();
                    let checked = shown == Some(value);
                    html! {
                        <label class={classes!("option", checked.then_some("is-checked"))}>
                            <input
                                type="radio"
                                name={name}
                                value={value.to_contract_string()}
                                checked={checked}
                                onchange={Callback::from(move |_: Event| onpick.emit(value))}
                            />
                            <span class="option-text">
                                { *words }
                                if assumed && checked {
                                    if let Some(note) = &props.default_note {
                                        <span class="option-note">{ " " }{ note.clone() }</span>
                                    }
                                }
                            </span>
                        </label>
                    }
                }) }
            </div>
            { not_known(&props.not_known) }
        </fieldset>
    }
}
