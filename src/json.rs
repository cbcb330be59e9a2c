//! The result as JSON text, written by hand.
//!
//! The browser hands a result to JavaScript (the return value of `evaluate()` and the `detail` of
//! the element's event) as `JSON.parse` of this text. A generic serialiser (serde with
//! serde-wasm-bindgen) cost the bundle ~9 KB of wasm (1.9 KiB brotli) for the same output;
//! this writer is a few small functions over `dyn` values. The `serde::Serialize` derives on the result's types stay
//! the definition of its shape: `tests/json.rs` checks that this text is byte for byte what
//! `serde_json` writes from them, on every example and on thousands of random patients.
//!
//! Pure: no web dependency. Numbers are written by the caller's function, so the browser can
//! use JavaScript's own shortest round-trip form and the bundle needs no float printer.

use crate::assessment::{Assessment, Assumption, Check, CriterionCheck, Decision, IndicationCheck, LabelStatus};
use crate::dataset::{Cite, Definition, Note, Quote, Recommendation, Source, Text};
use crate::patient::{Patient, Value};
use crate::vocab::{Field, FieldSet};

/// Writes `f64` values; must produce a JSON number that reads back as the same value.
pub type NumberFormat = fn(f64) -> String;

/// The JSON text of a result.
pub fn assessment(a: &Assessment<'_>, number: NumberFormat) -> String {
    let mut w = Writer {
        out: String::with_capacity(8 * 1024),
        number,
    };
    a.write(&mut w);
    w.out
}

/// The output and how it writes numbers.
pub struct Writer {
    out: String,
    number: NumberFormat,
}

/// A value that writes itself as JSON.
pub trait Json {
    fn write(&self, w: &mut Writer);
}

impl Writer {
    /// An object of `(key, value)` pairs, in order.
    fn object(&mut self, fields: &[(&str, &dyn Json)]) {
        self.out.push('{');
        for (i, (key, value)) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.string(key);
            self.out.push(':');
            value.write(self);
        }
        self.out.push('}');
    }

    /// An array of the items.
    fn array<'a>(&mut self, items: impl Iterator<Item = &'a dyn Json>) {
        self.out.push('[');
        for (i, item) in items.enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            item.write(self);
        }
        self.out.push(']');
    }

    /// A string, escaped as JSON requires (and as serde_json escapes it).
    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if c < ' ' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.push_str("\\u00");
                    self.out.push(HEX[(c as usize) >> 4] as char);
                    self.out.push(HEX[(c as usize) & 15] as char);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn unsigned(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // Only ASCII digits were written.
        self.out
            .push_str(core::str::from_utf8(&digits[i..]).unwrap_or_default());
    }
}

// --- Leaves -------------------------------------------------------------------------------

impl Json for str {
    fn write(&self, w: &mut Writer) {
        w.string(self)
    }
}

impl Json for std::borrow::Cow<'_, str> {
    fn write(&self, w: &mut Writer) {
        w.string(self)
    }
}

impl Json for bool {
    fn write(&self, w: &mut Writer) {
        w.out.push_str(if *self { "true" } else { "false" })
    }
}

impl Json for u32 {
    fn write(&self, w: &mut Writer) {
        w.unsigned(u64::from(*self))
    }
}

impl Json for f64 {
    fn write(&self, w: &mut Writer) {
        let text = (w.number)(*self);
        w.out.push_str(&text)
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            Some(v) => v.write(w),
            None => w.out.push_str("null"),
        }
    }
}

impl<T: Json + ?Sized> Json for &T {
    fn write(&self, w: &mut Writer) {
        (**self).write(w)
    }
}

impl<T: Json> Json for [T] {
    fn write(&self, w: &mut Writer) {
        w.array(self.iter().map(|x| x as &dyn Json))
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, w: &mut Writer) {
        self.as_slice().write(w)
    }
}

impl<T: Json + Clone> Json for std::borrow::Cow<'_, [T]> {
    fn write(&self, w: &mut Writer) {
        (**self).write(w)
    }
}

/// The contract's enums write their contract spelling.
macro_rules! as_str {
    ($($t:ty),+) => {$(
        impl Json for $t {
            fn write(&self, w: &mut Writer) {
                w.string(self.as_str())
            }
        }
    )+};
}
as_str!(
    crate::vocab::Jurisdiction,
    crate::vocab::Verdict,
    crate::vocab::IndicationId,
    crate::vocab::RecommendationStatus,
    Field
);

/// The result's own enums, in kebab case.
impl Json for Check {
    fn write(&self, w: &mut Writer) {
        w.string(match self {
            Check::Met => "met",
            Check::NotMet => "not-met",
            Check::Unknown => "unknown",
        })
    }
}

impl Json for LabelStatus {
    fn write(&self, w: &mut Writer) {
        w.string(match self {
            LabelStatus::OnLabel => "on-label",
            LabelStatus::OffLabel => "off-label",
            LabelStatus::Incomplete => "incomplete",
        })
    }
}

impl Json for Assumption {
    fn write(&self, w: &mut Writer) {
        w.string(match self {
            Assumption::Monotherapy => "monotherapy",
        })
    }
}

impl Json for FieldSet {
    fn write(&self, w: &mut Writer) {
        let fields: Vec<Field> = self.iter().collect();
        fields.write(w)
    }
}

impl Json for Value {
    fn write(&self, w: &mut Writer) {
        match self {
            Value::Jurisdiction(v) => v.write(w),
            Value::Diagnosis(v) => w.string(v.as_str()),
            Value::Cd19(v) => w.string(v.as_str()),
            Value::Philadelphia(v) => w.string(v.as_str()),
            Value::DiseaseStatus(v) => w.string(v.as_str()),
            Value::Number(n) => n.write(w),
            Value::Count(n) => n.write(w),
            Value::Flag(b) => b.write(w),
        }
    }
}

// --- The dataset's parts ------------------------------------------------------------------

impl Json for Text {
    fn write(&self, w: &mut Writer) {
        w.object(&[("sv", &self.sv), ("nb", &self.nb), ("en", &self.en)])
    }
}

impl Json for Cite {
    fn write(&self, w: &mut Writer) {
        w.object(&[("source", &self.source), ("quote", &self.quote)])
    }
}

impl Json for Quote {
    fn write(&self, w: &mut Writer) {
        w.object(&[("id", &self.id), ("text", &self.text)])
    }
}

impl Json for Source {
    fn write(&self, w: &mut Writer) {
        w.object(&[
            ("id", &self.id),
            ("publisher", &self.publisher),
            ("title", &self.title),
            ("date", &self.date),
            ("lang", &self.lang),
            ("url", &self.url),
            ("quote", &self.quotes),
        ])
    }
}

impl Json for Recommendation {
    fn write(&self, w: &mut Writer) {
        w.object(&[
            ("id", &self.id),
            ("decidedBy", &self.decided_by),
            ("case", &self.case),
            ("title", &self.title),
            ("status", &self.status),
            ("date", &self.date),
            ("scope", &self.scope),
            ("conditions", &self.conditions),
            ("cite", &self.cite),
            ("alsoCite", &self.also_cite),
        ])
    }
}

impl Json for Note {
    fn write(&self, w: &mut Writer) {
        w.object(&[("id", &self.id), ("text", &self.text), ("cite", &self.cite), ("alsoCite", &self.also_cite)])
    }
}

impl Json for Definition {
    fn write(&self, w: &mut Writer) {
        w.object(&[("id", &self.id), ("fields", &self.fields), ("text", &self.text), ("cite", &self.cite)])
    }
}

// --- The result ---------------------------------------------------------------------------

/// The fields given, in the contract's order; absent ones are left out.
impl Json for Patient {
    fn write(&self, w: &mut Writer) {
        let given: Vec<(&str, Value)> = Field::ALL
            .iter()
            .filter_map(|&f| Some((f.as_str(), self.get(f)?)))
            .collect();
        let fields: Vec<(&str, &dyn Json)> = given.iter().map(|(k, v)| (*k, v as &dyn Json)).collect();
        w.object(&fields)
    }
}

impl Json for CriterionCheck<'_> {
    fn write(&self, w: &mut Writer) {
        w.object(&[("status", &self.status), ("fields", &self.fields)])
    }
}

impl Json for IndicationCheck<'_> {
    fn write(&self, w: &mut Writer) {
        w.object(&[("id", &self.id), ("status", &self.status), ("criteria", &self.criteria)])
    }
}

impl Json for Decision<'_> {
    fn write(&self, w: &mut Writer) {
        w.object(&[
            ("jurisdiction", &self.jurisdiction),
            ("indication", &self.indication),
            ("verdict", &self.verdict),
            ("reason", &self.reason),
            ("qualifier", &self.qualifier),
            ("recommendation", &self.recommendation),
            ("quote", &self.quote),
            ("source", &self.source),
        ])
    }
}

impl Json for Assessment<'_> {
    fn write(&self, w: &mut Writer) {
        let label: [(&str, &dyn Json); 2] = [("status", &self.label.status), ("indications", &self.label.indications)];
        let dataset: [(&str, &dyn Json); 5] = [
            ("version", &self.dataset.version),
            ("asOf", &self.dataset.as_of),
            ("checked", &self.dataset.checked),
            ("staleAfterMonths", &self.dataset.stale_after_months),
            ("authority", &self.dataset.authority),
        ];
        w.object(&[
            ("verdict", &self.verdict),
            ("label", &Object(&label)),
            ("missing", &self.missing),
            ("jurisdiction", &self.jurisdiction),
            ("input", &self.input),
            ("indications", &self.indications),
            ("decision", &self.decision),
            ("notes", &self.notes),
            ("assumptions", &self.assumptions),
            ("definitions", &self.definitions),
            ("sources", &self.sources),
            ("dataset", &Object(&dataset)),
        ])
    }
}

/// A nested object given as its pairs.
struct Object<'a>(&'a [(&'a str, &'a dyn Json)]);

impl Json for Object<'_> {
    fn write(&self, w: &mut Writer) {
        w.object(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let text: String = (0u32..0x80)
            .filter_map(char::from_u32)
            .chain("„å” – \u{2028}😀".chars())
            .collect();
        let mut w = Writer {
            out: String::new(),
            number: |_| unreachable!(),
        };
        w.string(&text);
        assert_eq!(w.out, serde_json::to_string(&text).unwrap());
    }

    #[test]
    fn whole_numbers_are_written_in_full() {
        for n in [0u32, 7, 10, 1000, u32::MAX] {
            let mut w = Writer {
                out: String::new(),
                number: |_| unreachable!(),
            };
            n.write(&mut w);
            assert_eq!(w.out, n.to_string());
        }
    }
}
