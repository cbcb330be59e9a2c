//! The browser shell, compiled for `wasm32` only: everything that touches JavaScript, the DOM or
//! Yew, kept thin over the pure crate.
//!
//! - [`api`]: the JS `evaluate()`: reads a JS object into the model's input and the result back out;
//! - [`embed`]: the `<blincyto-checker>` bridge: mounts the widget into the element's shadow root;
//! - `components`: the Yew function components that render the form and the answer.

pub mod api;
mod components;
pub mod embed;
