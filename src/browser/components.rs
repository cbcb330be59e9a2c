//! The Yew components of the widget: small function components, each with its `XxxProps`, that
//! only render; the decisions live in the checker, the form's state and view models in
//! [`crate::form`] and the words in `i18n`.
//!
//! - [`app`]: the widget (form, answer, overview), the form's reducer adapted to Yew;
//! - [`control`]: how the element's JS API (`input`, `reset()`) reaches the form;
//! - [`choice`], [`entry`]: the two kinds of question, with [`unknown`]'s "not known", and
//!   [`fold`]: an answered question folded to one line;
//! - [`bar`]: the verdict bar that keeps the answer in sight; [`answer`], [`checks`],
//!   [`decision`], [`copy`]: the answer, which [`shared`] hands to them; [`overview`]: the indications × countries matrix;
//!   [`icon`]: icons.
//!
//! The widget's CSS is `widget.css` (shipped minified, [`CSS`]), applied by `embed` as a
//! constructable stylesheet (no inline style anywhere, so a strict CSP holds).

pub mod answer;
pub mod app;
pub mod bar;
pub mod checks;
pub mod choice;
pub mod control;
pub mod copy;
pub mod decision;
pub mod entry;
pub mod fold;
pub mod icon;
pub mod overview;
pub mod shared;
pub mod unknown;

pub use app::{App, AppProps};
pub use control::Control;

/// The widget's stylesheet: `components/widget.css` minified by `build.rs`.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
