//! An answered question folded to one line, in the manner of GOV.UK's "Check your answers":
//! "Ålder: 45 år · Ändra". The whole line is one button (a large target on a tablet) that
//! reopens the question; its name is what it shows, so a screen reader hears the question, its
//! answer and what the button does ("Ålder: 45 år Ändra"). Its id (`fold-<field>`) lets focus go
//! to it when the question folds.

use yew::prelude::*;

use crate::form::questions::Fold;
use crate::vocab::Field;

/// The id of the folded line of the question `name`.
pub fn fold_id(name: &str) -> String {
    format!("fold-{name}")
}

#[derive(PartialEq, Properties)]
pub struct FoldedProps {
    pub field: Field,
    /// The question's short name, its answer and the word that reopens it.
    pub fold: Fold,
    /// Marked not known: the note said when focus comes to the line (`data-say`).
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// Reopens the question.
    pub onopen: Callback<MouseEvent>,
}

/// One folded question.
#[component]
pub fn Folded(props: &FoldedProps) -> Html {
    let name = props.field.as_str();
    let Fold { name: question, answer, change } = &props.fold;
    html! {
        <button
            type="button"
            class={classes!("fold", props.note.is_some().then_some("fold--unknown"))}
            id={fold_id(name)}
            data-field={name}
            data-say={props.note.clone()}
            onclick={props.onopen.clone()}
        >
            <span class="fold-words">
                <span class="fold-name">{ *question }{ ":" }</span>
                { " " }
                <span class="fold-answer">{ answer.clone() }</span>
            </span>
            <span class="fold-dot" aria-hidden="true">{ "·" }</span>
            <span class="fold-change">{ *change }</span>
        </button>
    }
}
