//! "Not known" under an open question: a button that lets the form go on without guessing, and
//! once pressed, the note saying the question counts as unanswered, with a button that reopens
//! it. Shared by both kinds of question ([`super::choice`], [`super::entry`]). Both buttons name
//! their question to a screen reader ("Vet inte: Ålder"), whose list of buttons would otherwise
//! hold many alike; the note has an id (`unknown-<field>`) so that the question's description
//! includes it and focus can go to it when it appears.

use yew::prelude::*;

use super::icon::{icon, Shape};
use crate::form::Unknown;

/// The id of the note of a question marked not known.
pub fn note_id(name: &str) -> String {
    format!("unknown-{name}")
}

/// The markup for `unknown` of the question `name`: `onunknown` marks it, `onundo` reopens it.
pub fn not_known(unknown: &Unknown, name: &str, onunknown: &Callback<MouseEvent>, onundo: &Callback<MouseEvent>) -> Html {
    match unknown {
        Unknown::NotOffered => Html::default(),
        // The name starts with the visible words (WCAG 2.5.3, label in name).
        Unknown::Offer { words, about } => html! {
            <button type="button" class="button tertiary not-known" aria-label={format!("{words}: {about}")} onclick={onunknown.clone()}>
                { *words }
            </button>
        },
        Unknown::Marked { note, undo, about } => html! {
            <p class="not-known-note" id={note_id(name)} tabindex="-1">
                { icon(Shape::Question) }
                <span class="not-known-text">{ note.clone() }</span>
                { " " }
                <button type="button" class="button tertiary not-known-undo" aria-label={format!("{undo}: {about}")} onclick={onundo.clone()}>
                    { *undo }
                </button>
            </p>
        },
    }
}
