//! The form as plain Rust: what has been entered and how it changes ([`state`]). No Yew and no
//! web-sys: the browser's components render it and dispatch [`Action`]s, and every rule of the
//! form is tested natively.

pub mod state;

pub use state::{reduce, Action, State};
