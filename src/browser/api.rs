//! The JS API: `evaluate(input)` exported from `blincyto-checker.js`.
//!
//! The input object is read key by key into an [`InputObject`] and validated by the pure core, so
//! the browser and the native tests reject exactly the same inputs with the same messages. Values
//! that JSON cannot carry (BigInt, Symbol, functions, Date, Map, boxed primitives) reach the core
//! as their type name and are rejected there, naming the field. The result goes out through
//! `serde-wasm-bindgen` in its JSON-compatible mode, from the same `Serialize` derives that define
//! its shape natively: a plain object, `null` where a value is absent.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::patient::{InputObject, RawValue, NOT_AN_OBJECT};

/// Checks one patient. Throws an `Error` whose message names the offending field.
#[wasm_bindgen(js_name = evaluate)]
pub fn evaluate_js(input: JsValue) -> Result<JsValue, JsValue> {
    result_to_js(&crate::evaluate(&read_patient(&input)?))
}

/// The patient of a JS input object, or the `Error` that `evaluate()` throws for it (the
/// element's `input` reads its value here too).
pub fn read_patient(input: &JsValue) -> Result<crate::Patient, JsValue> {
    let object = read_object(input).ok_or_else(|| js_sys::Error::new(NOT_AN_OBJECT))?;
    Ok(object.to_patient().map_err(|e| js_sys::Error::new(&e.to_string()))?)
}

/// A result (also the `detail` of the element's event) as a plain object.
pub fn result_to_js(assessment: &crate::Assessment<'_>) -> Result<JsValue, JsValue> {
    to_js(assessment)
}

/// A value as plain JS data, as JSON would give it (`null` where a value is absent).
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}

/// A plain object (its prototype is `Object.prototype` or null), read into key/value pairs.
fn read_object(input: &JsValue) -> Option<InputObject> {
    if !is_plain_object(input) {
        return None;
    }
    let object: &js_sys::Object = input.unchecked_ref();
    let pairs = js_sys::Object::keys(object)
        .iter()
        .filter_map(|key| {
            let name = key.as_string()?;
            let value = js_sys::Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
            Some((name, raw(&value)))
        })
        .collect();
    Some(InputObject(pairs))
}

fn is_plain_object(v: &JsValue) -> bool {
    if !v.is_object() || js_sys::Array::is_array(v) {
        return false;
    }
    let proto = js_sys::Object::get_prototype_of(v);
    proto.is_null() || JsValue::from(proto) == JsValue::from(js_sys::Object::get_prototype_of(&js_sys::Object::new()))
}

fn raw(v: &JsValue) -> RawValue {
    if v.is_null() || v.is_undefined() {
        RawValue::Null
    } else if let Some(b) = v.as_bool() {
        RawValue::Bool(b)
    } else if let Some(n) = v.as_f64() {
        RawValue::Number(n)
    } else if let Some(s) = v.as_string() {
        RawValue::String(s.chars().take(200).collect())
    } else if js_sys::Array::is_array(v) {
        RawValue::Other("array")
    } else if is_plain_object(v) {
        RawValue::Other("object")
    } else if v.is_bigint() {
        RawValue::Other("BigInt")
    } else if v.is_symbol() {
        RawValue::Other("Symbol")
    } else if v.is_function() {
        RawValue::Other("function")
    } else {
        RawValue::Other("object that is not plain data (Date, Map, boxed value…)")
    }
}
