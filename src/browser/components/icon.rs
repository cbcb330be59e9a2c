//! Small inline SVG icons. Every icon is decorative (`aria-hidden`): the words beside it carry
//! the meaning, so nothing is said by colour or shape alone.
//!
//! A plain function, not a component: an icon has no state, and as a component each of the
//! dozens on screen would carry a scope of its own (and the bundle a component type).

use yew::prelude::*;

use crate::assessment::Check;
use crate::vocab::Verdict;

/// The shapes the widget uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Check,
    Cross,
    Clock,
    Dash,
    Ban,
    Question,
    Info,
    /// A triangle with an exclamation mark: the currency notice.
    Warning,
}

impl Shape {
    /// The icon of a verdict.
    pub fn of_verdict(v: Verdict) -> Shape {
        match v {
            Verdict::Yes | Verdict::YesWithConditions => Shape::Check,
            Verdict::No => Shape::Cross,
            Verdict::Pending => Shape::Clock,
            Verdict::NoRecommendation => Shape::Dash,
            Verdict::OffLabel => Shape::Ban,
            Verdict::Incomplete => Shape::Question,
        }
    }

    /// The icon of a criterion's state.
    pub fn of_check(c: Check) -> Shape {
        match c {
            Check::Met => Shape::Check,
            Check::NotMet => Shape::Cross,
            Check::Unknown => Shape::Question,
        }
    }
}

/// One icon, drawn in the current text colour.
pub fn icon(shape: Shape) -> Html {
    let body = match shape {
        Shape::Check => html! { <path d="M5 12.5l4.5 4.5L19 7.5" /> },
        Shape::Cross => html! { <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" /> },
        Shape::Clock => html! { <><circle cx="12" cy="12" r="8.5" /><path d="M12 7.5V12l3 2" /></> },
        Shape::Dash => html! { <path d="M6 12h12" /> },
        Shape::Ban => html! { <><circle cx="12" cy="12" r="8.5" /><path d="M6 6l12 12" /></> },
        Shape::Question => html! { <path d="M9 9.2a3 3 0 1 1 4.2 2.7c-.8.4-1.2 1-1.2 1.8v.8M12 17.6v.4" /> },
        Shape::Info => html! { <><circle cx="12" cy="12" r="8.5" /><path d="M12 11v5.5M12 7.6v.4" /></> },
        Shape::Warning => html! { <><path d="M12 3.6L21.4 20H2.6z" /><path d="M12 9.5v5M12 17.2v.3" /></> },
    };
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">{ body }</svg>
    }
}
