//! The form as plain Rust: what has been entered and how it changes ([`state`]), which questions
//! are asked and how ([`questions`]), where the form stands ([`progress`]: the verdict bar), and the answer and the overview in words ([`answer`],
//! [`overview`]). No Yew and no web-sys: the browser's components only render these view models
//! and dispatch [`Action`]s, and every rule of the form is tested natively.

pub mod answer;
pub mod entry;
pub mod mrd;
pub mod overview;
pub mod progress;
pub mod questions;
pub mod state;

pub use state::assess;
pub use progress::{entry_errors, OnceNotice, Progress};
pub use questions::{questions, questions_kept, Kind, Question, Switch, Unknown};
pub use state::{reduce, Action, State};
