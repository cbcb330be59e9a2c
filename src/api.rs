//! The JS API: `evaluate(input)` exported from `blincyto-checker.js`.
//!
//! Input goes through serde-wasm-bindgen into an [`InputObject`] and is validated by the pure
//! core, so the browser and the native tests reject exactly the same inputs with the same
//! messages. The result is a plain JSON-compatible object.

use wasm_bindgen::prelude::*;

use crate::patient::{InputObject, NOT_AN_OBJECT};

/// Checks one patient. Throws an `Error` whose message names the offending field.
#[wasm_bindgen(js_name = evaluate)]
pub fn evaluate_js(input: JsValue) -> Result<JsValue, JsValue> {
    if !input.is_object() || js_sys::Array::is_array(&input) {
        return Err(js_sys::Error::new(NOT_AN_OBJECT).into());
    }
    let object: InputObject =
        serde_wasm_bindgen::from_value(input).map_err(|_| js_sys::Error::new(NOT_AN_OBJECT))?;
    let patient = object.to_patient().map_err(|e| js_sys::Error::new(&e.to_string()))?;
    let assessment = crate::evaluate(&patient);
    assessment
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&format!("internal: could not serialise the result: {e}")).into())
}

use serde::Serialize as _;
