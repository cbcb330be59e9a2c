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

/// A question's "not known": its state, and what its two buttons do. One prop of both kinds of
/// question.
#[derive(Clone, PartialEq)]
pub struct NotKnown {
    /// Whether the person can say they do not know, or has.
    pub state: Unknown,
    /// Called when the person says they do not know.
    pub onunknown: Callback<MouseEvent>,
    /// Called when the person takes "not known" back.
    pub onundo: Callback<MouseEvent>,
}

impl Default for NotKnown {
    fn default() -> Self {
        NotKnown { state: Unknown::NotOffered, onunknown: Callback::noop(), onundo: Callback::noop() }
    }
}

impl NotKnown {
    /// The id of the note, for the question's description, once it is marked.
    pub fn described_by(&self, name: &str) -> Option<String> {
        matches!(self.state, Unknown::Marked { .. }).then(|| note_id(name))
    }
}

/// The markup of the question `name`'s "not known": `onunknown` marks it, `onundo` reopens it.
pub fn not_known(not_known: &NotKnown, name: &str) -> Html {
    let NotKnown { state, onunknown, onundo } = not_known;
    match state {
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
