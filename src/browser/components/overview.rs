//! The overview a clinician can open: the five EU indications against the EU label, Sweden and
//! Norway, each cell a list of status badges with dates, derived from the dataset's rules and
//! recommendations ([`badges`]; icon and words, never colour alone).

use yew::prelude::*;

use super::icon::{icon, Shape};
use crate::dataset::JurisdictionData;
use crate::form::overview::badges;
use crate::i18n::{self, capitalize, strings};
use crate::vocab::{Jurisdiction, Lang};

#[derive(PartialEq, Properties)]
pub struct OverviewProps {
    pub lang: Lang,
}

/// The overview, folded by default. Its ~190 elements are built only once it is opened: half
/// the widget's DOM would otherwise be created at page load for a part most visits never open
/// (docs/benchmarks.md). It is left out of print anyway.
#[component]
pub fn Overview(props: &OverviewProps) -> Html {
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(e.target_unchecked_into::<web_sys::Element>().has_attribute("open")))
    };
    let t = strings(props.lang);
    html! {
        <details class="overview" part="overview" {ontoggle}>
            <summary>{ t.overview_summary }</summary>
            if *open {
                <Matrix lang={props.lang} />
            }
        </details>
    }
}

/// The opened overview: an introduction and the matrix.
#[component]
fn Matrix(props: &OverviewProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let d = crate::data::dataset();
    let columns: Vec<(&JurisdictionData, &str)> =
        Jurisdiction::ALL.iter().filter_map(|j| d.jurisdiction(*j)).map(|jd| (jd, jd.name.get(lang))).collect();
    html! {
        <>
            <p class="overview-intro">{ t.overview_intro }</p>
            <table class="matrix">
                <thead>
                    <tr>
                        <th scope="col" id="col-eu">{ t.col_eu }</th>
                        { for columns.iter().map(|(jd, name)| html! {
                            <th scope="col" id={format!("col-{}", jd.id)}>{ format!("{name} ({})", jd.authority) }</th>
                        }) }
                    </tr>
                </thead>
                // One row group per indication: its name across the columns, then its cells,
                // so three columns fit an article column and no cell is squeezed.
                { for d.indications.iter().map(|ind| html! {
                    <tbody>
                        <tr>
                            // Each cell names its indication and column by `headers`: screen
                            // readers that ignore `scope="rowgroup"` (NVDA) still read them.
                            <th class="indication-row" scope="rowgroup" id={format!("ind-{}", ind.id)} colspan={(columns.len() + 1).to_string()}>
                                { ind.name.get(lang) }
                            </th>
                        </tr>
                        <tr>
                            <td data-label={t.col_eu} headers={format!("ind-{} col-eu", ind.id)}>
                                <span class="badge badge--yes">
                                    { icon(Shape::Check) }
                                    { t.eu_approved }
                                </span>
                                <span class="badge-by">{ i18n::date(lang, &ind.approved) }</span>
                            </td>
                            { for columns.iter().map(|(jd, name)| html! {
                                <td data-label={format!("{name} ({})", jd.authority)} headers={format!("ind-{} col-{}", ind.id, jd.id)}>
                                    <ul class="badges">
                                        { for badges(jd, ind.id, lang).into_iter().map(|b| html! {
                                            <li>
                                                <span class={classes!("badge", format!("badge--{}", b.verdict.as_str()))}>
                                                    { icon(Shape::of_verdict(b.verdict)) }
                                                    { (t.verdict)(b.verdict) }
                                                </span>
                                                if let Some(when) = &b.when {
                                                    <span class="badge-when">{ capitalize(when) }</span>
                                                }
                                                if !b.by.is_empty() {
                                                    <span class="badge-by">{ format!("({})", b.by) }</span>
                                                }
                                            </li>
                                        }) }
                                    </ul>
                                </td>
                            }) }
                        </tr>
                    </tbody>
                }) }
            </table>
        </>
    }
}
