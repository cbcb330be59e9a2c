//! What several components share: an assessment handed to the answer and its copy button,
//! compared by identity (a new evaluation is a new answer), and words kept whole across lines.

use std::rc::Rc;

use yew::prelude::*;

use crate::assessment::Assessment;

/// An assessment shared between components, compared by identity (a new evaluation is a new
/// answer).
#[derive(Clone)]
pub struct Shared(pub Rc<Assessment<'static>>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The words, with each hyphenated one ("(off-label)", "Ph-negativ") kept on one line: a line
/// may break at a space only (after a hyphen, at arm's length, it reads as two words). The text
/// is unchanged. For the verdict bar and the folded lines.
pub fn keep_together(words: &str) -> Html {
    if !words.contains('-') {
        return html! { { words.to_string() } };
    }
    let mut parts = Vec::new();
    for (i, word) in words.split(' ').enumerate() {
        if i > 0 {
            parts.push(html! { { " " } });
        }
        parts.push(if word.contains('-') {
            html! { <span class="keep">{ word.to_string() }</span> }
        } else {
            html! { { word.to_string() } }
        });
    }
    parts.into_iter().collect::<Html>()
}
