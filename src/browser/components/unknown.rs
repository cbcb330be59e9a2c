//! "Not known" under an open question: a button that lets the form go on without guessing.
//! Shared by both kinds of question ([`super::choice`], [`super::entry`]). The button names its
//! question to a screen reader ("Vet inte: Ålder"), whose list of buttons would otherwise hold
//! many alike. Once pressed, the question folds to one line ("Ålder: inte känt · Ändra",
//! [`super::fold`]) that reopens it.

use yew::prelude::*;

use crate::form::Unknown;

/// A question's "not known": its state, and what its button does. One prop of both kinds of
/// question.
#[derive(Clone, PartialEq)]
pub struct NotKnown {
    /// Whether the person can say they do not know, or has.
    pub state: Unknown,
    /// Called when the person says they do not know.
    pub onunknown: Callback<MouseEvent>,
}

impl Default for NotKnown {
    fn default() -> Self {
        NotKnown { state: Unknown::NotOffered, onunknown: Callback::noop() }
    }
}

/// The markup of a question's "not known": `onunknown` marks it.
pub fn not_known(not_known: &NotKnown) -> Html {
    let NotKnown { state, onunknown } = not_known;
    match state {
        // Marked: the question is folded, its line says so.
        Unknown::NotOffered | Unknown::Marked { .. } => Html::default(),
        // The name starts with the visible words (WCAG 2.5.3, label in name).
        Unknown::Offer { words, about } => html! {
            <button type="button" class="button tertiary not-known" aria-label={format!("{words}: {about}")} onclick={onunknown.clone()}>
                { *words }
            </button>
        },
    }
}
