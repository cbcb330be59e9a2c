//! The verdict bar: the answer in at most two lines (icon, colour and the short headline) above
//! the form, that stays in sight at the top of the screen while the form is scrolled. It is
//! sticky inside the form's part of the widget, never fixed to the viewport, so it leaves with
//! the form's end and never lies over the full answer; a host page with a sticky header of its
//! own sets `--blincyto-sticky-top`. Its button moves focus to the full answer. Like the full
//! answer it carries `data-verdict`.
//!
//! The bar itself is no control, only its button is: where the stuck bar lies over the form
//! while it scrolls, a tap on the bar's words does nothing rather than jump to the answer, and
//! the controls beneath are only hidden, not crowded by another target (WCAG 2.5.8, which axe's
//! `target-size` checks: a control partly under another control is too small to hit).

use yew::prelude::*;

use super::icon::{icon, Shape};
use super::shared::keep_together;
use crate::form::Progress;

#[derive(PartialEq, Properties)]
pub struct BarProps {
    pub progress: Progress,
    /// The button's words ("Till svaret").
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
        <div
            ref={props.node_ref.clone()}
            class={classes!("bar", format!("verdict--{}", verdict.as_str()))}
            part="verdict-bar"
            data-verdict={verdict.as_str()}
        >
            // What the bar says is the live region's and the answer's to say: a screen reader
            // reading down would hear the verdict three times in a row.
            <span class="bar-icon" aria-hidden="true">{ icon(Shape::of_verdict(verdict)) }</span>
            <span class="bar-words" aria-hidden="true">{ keep_together(&props.progress.words) }</span>
            <button type="button" class="button secondary bar-go" onclick={props.onactivate.clone()}>
                // On a narrow widget only the arrow shows (widget.css); the words stay its name.
                <span class="bar-go-words">{ props.to_answer.clone() }</span>
                <span aria-hidden="true">{ " ↓" }</span>
            </button>
        </div>
    }
}
