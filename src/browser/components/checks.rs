//! An indication and its criteria, each ✓ / ✗ / ? with the patient's values in words.

use yew::prelude::*;

use super::icon::{icon, Shape};
use crate::assessment::Check;
use crate::form::answer::IndicationView;
use crate::i18n::strings;
use crate::vocab::Lang;

#[derive(PartialEq, Properties)]
pub struct IndicationProps {
    pub lang: Lang,
    /// The indication's wording and its criteria, as checked.
    pub indication: IndicationView,
}

/// An indication with its criteria.
#[component]
pub fn Indication(props: &IndicationProps) -> Html {
    let t = strings(props.lang);
    html! {
        <div class="indication">
            <p class="indication-name">{ props.indication.name }</p>
            <ul class="criteria">
                { for props.indication.criteria.iter().map(|row| html! {
                    <li class={classes!("criterion", format!("is-{}", status_class(row.status)))}>
                        <span class="mark">{ icon(Shape::of_check(row.status)) }</span>
                        <span class="criterion-text">
                            <span class="visually-hidden">{ (t.check)(row.status) }{ ": " }</span>
                            { row.words.clone() }
                            <span class="criterion-values">{ format!("{}: {}", t.patient_values, row.values) }</span>
                        </span>
                    </li>
                }) }
            </ul>
        </div>
    }
}

fn status_class(c: Check) -> &'static str {
    c.as_str()
}
