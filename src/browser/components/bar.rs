//! The verdict bar: the answer in one line (icon, colour and words) that stays in sight at the
//! bottom of the screen while the form is scrolled. It is sticky inside the widget, never fixed
//! to the viewport, so it cannot cover the host page's own header; it settles just above the
//! full answer. Tapping it moves focus to the full answer. Like the full answer it carries
//! `data-verdict`.

use yew::prelude::*;

use super::icon::{icon, Shape};
use crate::form::Progress;

#[derive(PartialEq, Properties)]
pub struct BarProps {
    pub progress: Progress,
    /// Where it leads, for screen readers ("Gå till svaret").
    pub to_answer: AttrValue,
    /// The bar's element, so the form can keep a focused control clear of it.
    pub node_ref: NodeRef,
    pub onactivate: Callback<MouseEvent>,
}

/// The verdict bar.
#[component]
pub fn VerdictBar(props: &BarProps) -> Html {
    let verdict = props.progress.verdict;
    html! {
        <button
            type="button"
            ref={props.node_ref.clone()}
            class={classes!("bar", format!("verdict--{}", verdict.as_str()))}
            part="verdict-bar"
            data-verdict={verdict.as_str()}
            onclick={props.onactivate.clone()}
        >
            <span class="bar-icon">{ icon(Shape::of_verdict(verdict)) }</span>
            <span class="bar-words">{ props.progress.words.clone() }</span>
            <span class="visually-hidden">{ " – " }{ props.to_answer.clone() }</span>
            <span class="bar-go" aria-hidden="true">{ "↓" }</span>
        </button>
    }
}
