//! An indication and its criteria, each ✓ / ✗ / ? with the patient's values in words.

use yew::prelude::*;

use super::icon::{icon, Shape};
use crate::assessment::{Check, CriterionCheck, IndicationCheck};
use crate::i18n::{self, capitalize, strings};
use crate::patient::{Patient, Value};
use crate::vocab::{Field, Lang};

#[derive(PartialEq, Properties)]
pub struct IndicationProps {
    pub lang: Lang,
    /// The indication's wording.
    pub name: AttrValue,
    /// Its criteria, as checked.
    pub criteria: Vec<Row>,
}

/// One criterion line, ready to show.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub status: Check,
    pub words: String,
    pub values: String,
}

impl Row {
    /// A criterion check in words: the criterion, and the patient's values of the fields it reads.
    pub fn of(check: &CriterionCheck<'_>, patient: &Patient, lang: Lang) -> Row {
        let t = strings(lang);
        let values: Vec<String> = check
            .fields
            .iter()
            // A decided criterion did not need the unanswered fields: leave them out.
            .filter(|f| check.status == Check::Unknown || patient.get(*f).is_some() || *f == Field::Monotherapy)
            .map(|f| {
                let v = match patient.get(f) {
                    Some(v) => i18n::value(lang, f, v),
                    // Unanswered monotherapy is the checker's assumption, not an unknown.
                    None if f == Field::Monotherapy => {
                        format!("{} {}", i18n::value(lang, f, Value::Flag(true)), t.assumed)
                    }
                    None => t.not_given.to_string(),
                };
                format!("{}: {v}", (t.field_name)(f))
            })
            .collect();
        Row { status: check.status, words: capitalize(&(t.criterion)(check.criterion)), values: values.join("; ") }
    }

    /// Every criterion of an indication, or only those not met.
    pub fn all(ind: &IndicationCheck<'_>, patient: &Patient, lang: Lang, only_unmet: bool) -> Vec<Row> {
        ind.criteria
            .iter()
            .filter(|c| !only_unmet || c.status == Check::NotMet)
            .map(|c| Row::of(c, patient, lang))
            .collect()
    }
}

/// An indication with its criteria.
#[function_component]
pub fn Indication(props: &IndicationProps) -> Html {
    let t = strings(props.lang);
    html! {
        <div class="indication">
            <p class="indication-name">{ props.name.clone() }</p>
            <ul class="criteria">
                { for props.criteria.iter().map(|row| html! {
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
    match c {
        Check::Met => "met",
        Check::NotMet => "not-met",
        Check::Unknown => "unknown",
    }
}
