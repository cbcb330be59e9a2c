//! "Not known" under an open question: a button that lets the form go on without guessing, and
//! once pressed, the words saying the question counts as unanswered. Shared by both kinds of
//! question ([`super::choice`], [`super::entry`]).

use yew::prelude::*;

use super::icon::{icon, Shape};
use crate::form::Unknown;

/// The markup for `unknown`; `label_id` names the question the button is about.
pub fn not_known(unknown: &Unknown, label_id: &str, onunknown: &Callback<MouseEvent>) -> Html {
    match unknown {
        Unknown::NotOffered => Html::default(),
        Unknown::Offer(words) => html! {
            <button type="button" class="button tertiary not-known" aria-describedby={label_id.to_string()} onclick={onunknown.clone()}>
                { *words }
            </button>
        },
        Unknown::Marked(words) => html! {
            <p class="not-known-note">{ icon(Shape::Question) }{ *words }</p>
        },
    }
}
