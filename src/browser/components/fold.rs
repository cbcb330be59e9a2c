//! An answered question folded to one line, in the manner of GOV.UK's "Check your answers":
//! "Ålder: 45 år · Ändra". The whole line is one button (a large target on a tablet) that
//! reopens the question; its name is what it shows, so a screen reader hears the question, its
//! answer and what the button does ("Ålder: 45 år Ändra"). Its id (`fold-<field>`) lets focus go
//! to it when the question folds.

use yew::prelude::*;

use super::shared::keep_together;
use crate::form::questions::Fold;
use crate::vocab::Field;

/// The id of the folded line of the question `name`.
pub fn fold_id(name: &str) -> String {
    format!("fold-{name}")
}

/// The folded line of the question `field`: its short name, its answer and the word that reopens
/// it; `note`, for a question marked not known, is said when focus comes to the line
/// (`data-say`); `onopen` reopens the question. A plain function, not a component: it has no
/// state, and its parent re-renders it with the question anyway.
pub fn folded(field: Field, fold: &Fold, note: Option<AttrValue>, onopen: &Callback<MouseEvent>) -> Html {
    let name = field.as_str();
    let Fold { name: question, answer, change } = fold;
    let unknown = note.is_some().then_some("fold--unknown");
    html! {
        <button
            type="button"
            class={classes!("fold", unknown)}
            id={fold_id(name)}
            data-field={name}
            data-say={note}
            onclick={onopen.clone()}
        >
            <span class="fold-words">
                <span class="fold-name">{ *question }{ ":" }</span>
                { " " }
                <span class="fold-answer">{ keep_together(answer) }</span>
            </span>
            <span class="fold-dot" aria-hidden="true">{ "·" }</span>
            <span class="fold-change">{ *change }</span>
        </button>
    }
}
