//! The patient as the contract describes it, and the strict reading of untrusted input into it.
//!
//! Every field is optional: absent (or `null`) means *missing*. Input comes as a list of
//! `(key, RawValue)` pairs so the same validation serves the JS API (read key by key), the
//! form and the native tests, and every error names the field and what it accepts.

use crate::vocab::{input_fields, Cd19, Diagnosis, DiseaseStatus, Field, Jurisdiction, Kind, Philadelphia};

/// [`Patient`] with [`Patient::get`] and [`Patient::set`], from the field table
/// ([`input_fields`](crate::vocab::input_fields)): one optional slot per field.
macro_rules! patient_struct {
    ($($(#[$doc:meta])* $variant:ident = $text:literal, $slot:ident: $ty:ty, $kind:expr;)+) => {
        // The schema's numeric limits come from the field table too (`schema_limits`).
        /// A patient, as far as known. Serialises with the contract's field names, absent ones left out.
        #[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "schema", schemars(transform = schema_limits))]
        pub struct Patient {
            $(
                $(#[$doc])*
                #[serde(rename = $text, skip_serializing_if = "Option::is_none")]
                pub $slot: Option<$ty>,
            )+
        }

        impl Patient {
            /// The value of `field`, if known. `monotherapy` is reported as given (absent stays `None`).
            pub fn get(&self, field: Field) -> Option<Value> {
                match field {
                    $(Field::$variant => self.$slot.map(FieldValue::into_value),)+
                }
            }

            /// Sets (or with `None` clears) `field`. A value of the wrong kind for the field is
            /// ignored; callers build values from [`Field`]-specific domains.
            pub fn set(&mut self, field: Field, value: Option<Value>) {
                match field {
                    $(Field::$variant => match value {
                        None => self.$slot = None,
                        Some(v) => if let Some(x) = FieldValue::from_value(v) { self.$slot = Some(x) },
                    },)+
                }
            }
        }

        impl Value {
            /// The value of a choice field spelt `text` as the contract spells it.
            pub fn choice(field: Field, text: &str) -> Option<Value> {
                match field {
                    $(Field::$variant => <$ty as FieldValue>::parse_choice(text),)+
                }
            }
        }
    };
}
input_fields!(patient_struct);

/// The numeric fields' limits in the input's JSON Schema (`minimum`, `maximum`), as the field
/// table states them, so the generated types and the e2e suite read them from one place.
#[cfg(feature = "schema")]
fn schema_limits(schema: &mut schemars::Schema) {
    let Some(props) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) else { return };
    for field in Field::ALL {
        let (min, max) = match field.kind() {
            Kind::Decimal { min, max, .. } => (min.into(), max.into()),
            Kind::Count { min, max } => (min.into(), max.into()),
            Kind::Choice(_) | Kind::Flag => continue,
        };
        if let Some(prop) = props.get_mut(field.as_str()).and_then(|p| p.as_object_mut()) {
            prop.insert("minimum".into(), min);
            prop.insert("maximum".into(), max);
        }
    }
}

/// The Rust type of a field's slot, as a [`Value`].
trait FieldValue: Sized {
    fn into_value(self) -> Value;
    fn from_value(v: Value) -> Option<Self>;
    /// The value of a choice spelt as the contract spells it; `None` for the other kinds.
    fn parse_choice(_text: &str) -> Option<Value> {
        None
    }
}

macro_rules! field_value {
    ($($ty:ty => $variant:ident $(, $parse:ident)?;)+) => {$(
        impl FieldValue for $ty {
            fn into_value(self) -> Value {
                Value::$variant(self)
            }
            fn from_value(v: Value) -> Option<Self> {
                match v {
                    Value::$variant(x) => Some(x),
                    _ => None,
                }
            }
            $(fn parse_choice(text: &str) -> Option<Value> {
                <$ty>::$parse(text).map(Value::$variant)
            })?
        }
    )+};
}
field_value!(
    Jurisdiction => Jurisdiction, parse;
    Diagnosis => Diagnosis, parse;
    Cd19 => Cd19, parse;
    Philadelphia => Philadelphia, parse;
    DiseaseStatus => DiseaseStatus, parse;
    f64 => Number;
    u32 => Count;
    bool => Flag;
);

/// One field's value.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::patient))]
pub enum Value {
    Jurisdiction(Jurisdiction),
    Diagnosis(Diagnosis),
    Cd19(Cd19),
    Philadelphia(Philadelphia),
    DiseaseStatus(DiseaseStatus),
    /// `ageYears`, `mrdPercent`.
    Number(f64),
    /// `relapseNumber`, `priorTherapyLines`, `tkiFailures`.
    Count(u32),
    Flag(bool),
}

impl Value {
    /// The value as the contract writes it in JSON (strings unquoted).
    pub fn to_contract_string(self) -> String {
        match self {
            Value::Jurisdiction(v) => v.as_str().into(),
            Value::Diagnosis(v) => v.as_str().into(),
            Value::Cd19(v) => v.as_str().into(),
            Value::Philadelphia(v) => v.as_str().into(),
            Value::DiseaseStatus(v) => v.as_str().into(),
            Value::Number(n) => format_number(n),
            Value::Count(n) => n.to_string(),
            Value::Flag(b) => if b { "true" } else { "false" }.into(),
        }
    }
}

/// A number in plain decimal form with at most six decimals: 8 → "8", 0.1 → "0.1".
///
/// Integer arithmetic only: core's float printing would cost the browser bundle ~8 KiB.
pub fn format_number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    if n.abs() >= 1e15 {
        return format!("{sign}{}", if n.is_infinite() { "Infinity" } else { "1000000000000000 or more" });
    }
    let scaled = (n.abs() * 1e6).round() as u64;
    let (whole, frac) = (scaled / 1_000_000, scaled % 1_000_000);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{frac:06}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// A value serialises as the contract writes it: strings for enums, numbers, booleans.
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Value::Jurisdiction(v) => v.serialize(s),
            Value::Diagnosis(v) => v.serialize(s),
            Value::Cd19(v) => v.serialize(s),
            Value::Philadelphia(v) => v.serialize(s),
            Value::DiseaseStatus(v) => v.serialize(s),
            Value::Number(n) => s.serialize_f64(n),
            Value::Count(n) => s.serialize_u32(n),
            Value::Flag(b) => s.serialize_bool(b),
        }
    }
}

impl Patient {
    /// `monotherapy` as the rules read it: as given, else `true` in Ph-negative disease (the
    /// contract's default, an assumption the result lists). Where the disease is Ph-positive, or
    /// could be, Blincyto is often combined with a TKI, so an absent `monotherapy` is missing like
    /// any other field: never assumed.
    pub fn monotherapy_or_assumed(&self) -> Option<bool> {
        match (self.monotherapy, self.philadelphia) {
            (Some(given), _) => Some(given),
            (None, Some(Philadelphia::Negative)) => Some(true),
            (None, _) => None,
        }
    }

    /// Whether `monotherapy` is not given and read as `true` ([`Patient::monotherapy_or_assumed`]).
    pub fn monotherapy_assumed(&self) -> bool {
        self.monotherapy.is_none() && self.monotherapy_or_assumed().is_some()
    }

    /// A copy with `field` set to `value`.
    pub fn with(&self, field: Field, value: Value) -> Patient {
        let mut p = self.clone();
        p.set(field, Some(value));
        p
    }

    /// Reads untrusted key/value pairs strictly: unknown keys, wrong types, out-of-range
    /// numbers, fractions where a count is needed and unknown enum values are all errors.
    pub fn from_pairs<'a, I>(pairs: I) -> Result<Patient, InputError>
    where
        I: IntoIterator<Item = (&'a str, &'a RawValue)>,
    {
        let mut p = Patient::default();
        for (key, raw) in pairs {
            let Some(field) = Field::parse(key) else {
                return Err(InputError::new(
                    key,
                    format!("unknown field \"{}\"; the accepted fields are {}", clip(key), accepted_fields()),
                ));
            };
            if matches!(raw, RawValue::Null) {
                continue;
            }
            p.set(field, Some(parse_value(field, raw)?));
        }
        Ok(p)
    }
}

/// A JSON-like value as it arrives from outside, before validation.
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    /// `null` or `undefined`: the field is missing.
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    /// An array or an object (never valid for any field); the name says which.
    Other(&'static str),
}

impl RawValue {
    fn describe(&self) -> String {
        match self {
            RawValue::Null => "null".into(),
            RawValue::Bool(b) => b.to_string(),
            RawValue::Number(n) => format_number(*n),
            RawValue::String(s) => format!("\"{}\"", clip(s)),
            RawValue::Other(kind) if kind.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {kind}"),
            RawValue::Other(kind) => format!("a {kind}"),
        }
    }
}

/// Invalid input: the offending field and a message that says what is accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    pub field: String,
    pub message: String,
}

impl InputError {
    pub fn new(field: &str, message: String) -> Self {
        InputError { field: clip(field), message }
    }
}

impl core::fmt::Display for InputError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for InputError {}

fn clip(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn accepted_fields() -> String {
    Field::ALL.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(", ")
}

/// What a field accepts, in words (for error messages).
pub fn accepted(field: Field) -> String {
    match field.kind() {
        Kind::Choice(spellings) => {
            let quoted: Vec<String> = spellings.iter().map(|v| format!("\"{v}\"")).collect();
            format!("one of {}", quoted.join(", "))
        }
        Kind::Flag => "true or false".into(),
        // format_number, not f64 Display: the bundle then carries no float formatting code.
        Kind::Decimal { min, max, unit } => {
            format!("a number of {} from {} to {} (fractions allowed)", unit.as_str(), format_number(min), format_number(max))
        }
        Kind::Count { min, max } => format!("a whole number from {min} to {max}"),
    }
}

/// Validates one raw value for `field`, as [`Field::kind`] says.
pub fn parse_value(field: Field, raw: &RawValue) -> Result<Value, InputError> {
    let bad = || InputError::new(field.as_str(), format!("expected {}, got {}", accepted(field), raw.describe()));
    let number = |min: f64, max: f64| match raw {
        RawValue::Number(n) if n.is_finite() && (min..=max).contains(n) => Ok(*n),
        _ => Err(bad()),
    };
    match (field.kind(), raw) {
        (Kind::Choice(_), RawValue::String(text)) => Value::choice(field, text).ok_or_else(bad),
        (Kind::Flag, RawValue::Bool(b)) => Ok(Value::Flag(*b)),
        (Kind::Decimal { min, max, .. }, _) => number(min, max).map(Value::Number),
        (Kind::Count { min, max }, _) => match number(f64::from(min), f64::from(max))? {
            n if n.fract() == 0.0 => Ok(Value::Count(n as u32)),
            _ => Err(bad()),
        },
        _ => Err(bad()),
    }
}

impl Value {
    /// Every value of a field answered by picking (a choice or a flag), in the contract's order;
    /// empty for a numeric field.
    pub fn choices(field: Field) -> Vec<Value> {
        match field.kind() {
            Kind::Choice(spellings) => spellings.iter().filter_map(|s| Value::choice(field, s)).collect(),
            Kind::Flag => vec![Value::Flag(true), Value::Flag(false)],
            Kind::Decimal { .. } | Kind::Count { .. } => Vec::new(),
        }
    }
}

/// Reads a number typed by a person: decimal comma or point, surrounding spaces ignored
/// ("0,1" and "0.1" are the same). `None` for anything else.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let t = text.trim().replace(',', ".");
    if t.is_empty()
        || t.matches('.').count() > 1
        || !t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        || t[1..].contains('-')
    {
        return None;
    }
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.as_str()),
    };
    let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    // mantissa / 10^k with both exact in f64 is one correctly rounded division: the same value
    // as `str::parse`, without core's float parser (~13 KiB of the browser bundle).
    let digits = format!("{whole}{frac}");
    let significant = digits.trim_start_matches('0');
    if significant.len() > 15 || frac.len() > 22 {
        return None;
    }
    let mantissa: u64 = if significant.is_empty() { 0 } else { significant.parse().ok()? };
    let n = mantissa as f64 / 10f64.powi(frac.len() as i32);
    Some(if negative { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The strict reading follows the table of kinds: every listed value of a choice or flag
    /// field reads back as itself, a numeric field takes both ends of its range and nothing
    /// beyond, a count no fraction, and no field takes another kind's value.
    #[test]
    fn the_reading_follows_the_table_of_kinds() {
        for field in Field::ALL.iter().copied() {
            let raw = |v: Value| match v {
                Value::Flag(b) => RawValue::Bool(b),
                Value::Number(n) => RawValue::Number(n),
                Value::Count(n) => RawValue::Number(f64::from(n)),
                other => RawValue::String(other.to_contract_string()),
            };
            match field.kind() {
                Kind::Choice(spellings) => {
                    assert_eq!(Value::choices(field).len(), spellings.len(), "{field}");
                    for v in Value::choices(field) {
                        assert_eq!(parse_value(field, &raw(v)), Ok(v), "{field}");
                    }
                    assert!(parse_value(field, &RawValue::String("other-thing".into())).is_err());
                    assert!(parse_value(field, &RawValue::Bool(true)).is_err(), "{field}");
                }
                Kind::Flag => {
                    assert_eq!(Value::choices(field), [Value::Flag(true), Value::Flag(false)]);
                    assert!(parse_value(field, &RawValue::String("true".into())).is_err(), "{field}");
                }
                Kind::Decimal { min, max, .. } => {
                    assert!(Value::choices(field).is_empty());
                    assert_eq!(parse_value(field, &RawValue::Number(min)), Ok(Value::Number(min)));
                    assert_eq!(parse_value(field, &RawValue::Number(max)), Ok(Value::Number(max)));
                    assert!(parse_value(field, &RawValue::Number(max + 0.001)).is_err(), "{field}");
                    assert!(parse_value(field, &RawValue::Number(min - 0.001)).is_err(), "{field}");
                    assert!(accepted(field).contains("fractions allowed"));
                }
                Kind::Count { min, max } => {
                    assert_eq!(parse_value(field, &RawValue::Number(f64::from(min))), Ok(Value::Count(min)));
                    assert_eq!(parse_value(field, &RawValue::Number(f64::from(max))), Ok(Value::Count(max)));
                    assert!(parse_value(field, &RawValue::Number(f64::from(max) + 1.0)).is_err(), "{field}");
                    assert!(parse_value(field, &RawValue::Number(f64::from(min) + 0.5)).is_err(), "{field}");
                    if min > 0 {
                        assert!(parse_value(field, &RawValue::Number(f64::from(min) - 1.0)).is_err(), "{field}");
                    }
                }
            }
        }
    }

    #[test]
    fn decimal_comma_and_point_are_the_same() {
        assert_eq!(parse_decimal("0,1"), Some(0.1));
        assert_eq!(parse_decimal(" 0.1 "), Some(0.1));
        assert_eq!(parse_decimal("12"), Some(12.0));
        assert_eq!(parse_decimal("-1"), Some(-1.0));
        for bad in ["", "1,2,3", "1.2.3", "abc", "1e5", "--1", "1-", ",", "inf", "NaN"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    /// The form takes digits, one decimal separator and a leading minus, nothing else
    /// (`parse_decimal`'s doc): a plus sign or other characters that Rust's integer parser would
    /// let through must not turn into a number the person did not type as the form asks.
    #[test]
    fn only_digits_a_separator_and_a_leading_minus_are_a_number() {
        for bad in ["+5", "0.+5", "+0,1", "1 5", "5%"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn decimals_parse_exactly_as_the_standard_parser() {
        for text in ["0.1", "0.2", "0.3", "1.5", "17.999", "0.0833", "99.99", "120", "0.000001", "33.3333333333333"] {
            assert_eq!(parse_decimal(text), text.parse::<f64>().ok(), "{text}");
        }
        assert_eq!(parse_decimal("00012,50"), Some(12.5));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("5."), Some(5.0));
        assert_eq!(parse_decimal("1234567890123456"), None, "more digits than f64 holds exactly");
    }

    #[test]
    fn numbers_print_plainly() {
        for (n, text) in [(8.0, "8"), (0.1, "0.1"), (-1.0, "-1"), (0.02, "0.02"), (150.0, "150"), (1.0 / 12.0, "0.083333")] {
            assert_eq!(format_number(n), text);
        }
        assert_eq!(format_number(f64::NAN), "NaN");
        assert_eq!(format_number(f64::NEG_INFINITY), "-Infinity");
        assert!(format_number(1e300).contains("or more"));
    }

    #[test]
    fn errors_name_the_field_and_what_is_accepted() {
        let raw = RawValue::String("maybe".into());
        let e = Patient::from_pairs([("philadelphia", &raw)]).unwrap_err();
        assert_eq!(e.field, "philadelphia");
        assert!(e.to_string().contains("\"negative\", \"positive\""), "{e}");
        let e = Patient::from_pairs([("agee", &RawValue::Number(5.0))]).unwrap_err();
        assert!(e.to_string().starts_with("agee: unknown field"), "{e}");
        let e = Patient::from_pairs([("priorTherapyLines", &RawValue::Number(1.5))]).unwrap_err();
        assert!(e.to_string().contains("whole number"), "{e}");
        let e = Patient::from_pairs([("ageYears", &RawValue::Number(f64::NAN))]).unwrap_err();
        assert_eq!(e.field, "ageYears");
        let e = Patient::from_pairs([("inRemission", &RawValue::String("true".into()))]).unwrap_err();
        assert!(e.to_string().contains("true or false"), "{e}");
    }

    #[test]
    fn null_is_missing() {
        let p = Patient::from_pairs([("ageYears", &RawValue::Null)]).unwrap();
        assert_eq!(p, Patient::default());
    }
}

/// The input object as it arrives: its keys in order, values not yet validated. The browser reads
/// it key by key (`api.rs`); it also deserializes from any serde source (serde_json in the
/// tests), where anything but an object is an error naming `input`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InputObject(pub Vec<(String, RawValue)>);

impl InputObject {
    /// Validates the object into a patient.
    pub fn to_patient(&self) -> Result<Patient, InputError> {
        Patient::from_pairs(self.0.iter().map(|(k, v)| (k.as_str(), v)))
    }
}

/// The message for input that is not an object.
pub const NOT_AN_OBJECT: &str =
    "input: expected an object such as {\"jurisdiction\": \"se\", \"ageYears\": 8}";

mod de {
    use super::{InputObject, RawValue};
    use core::fmt;
    use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

    struct RawVisitor;

    impl<'de> Visitor<'de> for RawVisitor {
        type Value = RawValue;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
            Ok(RawValue::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<RawValue, E> {
            Ok(RawValue::Number(v as f64))
        }
        fn visit_u64<E>(self, v: u64) -> Result<RawValue, E> {
            Ok(RawValue::Number(v as f64))
        }
        fn visit_f64<E>(self, v: f64) -> Result<RawValue, E> {
            Ok(RawValue::Number(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<RawValue, E> {
            Ok(RawValue::String(v.chars().take(200).collect()))
        }
        fn visit_unit<E>(self) -> Result<RawValue, E> {
            Ok(RawValue::Null)
        }
        fn visit_none<E>(self) -> Result<RawValue, E> {
            Ok(RawValue::Null)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(RawValue::Other("array"))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(RawValue::Other("object"))
        }
        fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<RawValue, E> {
            Ok(RawValue::Other("array"))
        }
    }

    impl<'de> Deserialize<'de> for RawValue {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(RawVisitor)
        }
    }

    struct ObjectVisitor;

    impl<'de> Visitor<'de> for ObjectVisitor {
        type Value = InputObject;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<InputObject, A::Error> {
            let mut pairs = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                let value = map.next_value::<RawValue>()?;
                pairs.push((key, value));
            }
            Ok(InputObject(pairs))
        }
    }

    impl<'de> Deserialize<'de> for InputObject {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_map(ObjectVisitor)
        }
    }
}
