//! The shared vocabulary of the contract: the input fields and their values, the verdicts, the
//! indication ids and the typed criteria the dataset is written in.
//!
//! The bottom of the model: it imports nothing of it. `build.rs` reads `data/blincyto.toml` with
//! these very types, so the dataset file and the checker can never disagree on a name.

use serde::Deserialize;
use std::borrow::Cow;

/// Text of the dataset: borrowed from the compiled-in data, owned when read from TOML.
pub type Str = Cow<'static, str>;
/// A list of the dataset: a static slice when compiled in, a vector when read from TOML.
pub type List<T> = Cow<'static, [T]>;

/// Several [`contract_enum`]s, one after the other.
macro_rules! contract_enums {
    ($($(#[$meta:meta])* $name:ident { $($body:tt)* })+) => {
        $(contract_enum!($(#[$meta])* $name { $($body)* });)+
    };
}

macro_rules! contract_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        #[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::vocab))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in the contract's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every value as the contract spells it, in the contract's order.
            pub const SPELLINGS: &'static [&'static str] = &[$($text),+];

            /// The value as the contract spells it.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the contract's spelling.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        /// A string union of the contract's spellings (the result's TypeScript types are generated
        /// from these schemas, `tests/types.rs`).
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": $name::SPELLINGS })
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

contract_enums! {
    /// Whose recommendation applies.
    Jurisdiction { Se = "se", No = "no" }
    /// The leukaemia.
    Diagnosis { BPrecursorAll = "b-precursor-all", TAll = "t-all", Other = "other" }
    /// CD19 expression of the blasts.
    Cd19 { Positive = "positive", Negative = "negative" }
    /// Philadelphia chromosome (BCR::ABL1).
    Philadelphia { Negative = "negative", Positive = "positive" }
    /// The episode being treated.
    DiseaseStatus { NewlyDiagnosed = "newly-diagnosed", Relapsed = "relapsed", Refractory = "refractory" }
    /// The answer. The order of the decided verdicts from `Yes` to `No` is the order of
    /// permissiveness used when a patient is on several routes.
    Verdict {
        Yes = "yes",
        YesWithConditions = "yes-with-conditions",
        Pending = "pending",
        NoRecommendation = "no-recommendation",
        No = "no",
        OffLabel = "off-label",
        Incomplete = "incomplete",
    }
    /// The result's `label.status`: on label, off label, or not yet known.
    LabelStatus { OnLabel = "on-label", OffLabel = "off-label", Incomplete = "incomplete" }
    /// Met / not met / unknown: a criterion's state in every completion of a partial patient
    /// (the result's `indications[].status` and `criteria[].status`).
    Check { Met = "met", NotMet = "not-met", Unknown = "unknown" }
    /// The five EU indications.
    IndicationId {
        AdultRelapsedRefractory = "adult-relapsed-refractory",
        AdultMrdPositive = "adult-mrd-positive",
        AdultNewlyDiagnosedConsolidation = "adult-newly-diagnosed-consolidation",
        PaediatricHighRiskFirstRelapse = "paediatric-high-risk-first-relapse",
        PaediatricRelapsedRefractory = "paediatric-relapsed-refractory",
    }
    /// The widget's languages.
    Lang { Sv = "sv", Nb = "nb", En = "en" }
    /// Status of a recommendation or method assessment, as the dataset records it.
    RecommendationStatus {
        Recommended = "recommended",
        RecommendedWithConditions = "recommended-with-conditions",
        NotRecommended = "not-recommended",
        NotIntroduced = "not-introduced",
        IntroducedWithConditions = "introduced-with-conditions",
        UnderAssessment = "under-assessment",
        CancellationAdvised = "cancellation-advised",
        NoAssessment = "no-assessment",
        Approved = "approved",
    }
}

/// The one declaration of the input fields, in the contract's (and the form's clinical) order:
/// the contract's spelling, the [`Patient`](crate::patient::Patient) slot and its Rust type, and
/// what the field takes ([`Kind`], with the contract's limits). A callback macro: each place that
/// needs the list (the [`Field`] enum and [`Field::kind`] here; the `Patient` struct with `get`
/// and `set` in `patient.rs`) expands it with its own `$callback`, so adding a field here adds
/// it everywhere, and every `match` on [`Field`] that states something per field (the string
/// tables, the change report's wording) fails to compile until it says it too.
macro_rules! input_fields {
    ($callback:ident) => {
        $callback! {
            Jurisdiction = "jurisdiction", jurisdiction: Jurisdiction, Kind::Choice(Jurisdiction::SPELLINGS);
            AgeYears = "ageYears", age_years: f64, Kind::Decimal { min: 0.0, max: 120.0, unit: Unit::Years };
            Diagnosis = "diagnosis", diagnosis: Diagnosis, Kind::Choice(Diagnosis::SPELLINGS);
            Cd19 = "cd19", cd19: Cd19, Kind::Choice(Cd19::SPELLINGS);
            Philadelphia = "philadelphia", philadelphia: Philadelphia, Kind::Choice(Philadelphia::SPELLINGS);
            DiseaseStatus = "diseaseStatus", disease_status: DiseaseStatus, Kind::Choice(DiseaseStatus::SPELLINGS);
            RelapseNumber = "relapseNumber", relapse_number: u32, Kind::Count { min: 1, max: MAX_COUNT };
            InRemission = "inRemission", in_remission: bool, Kind::Flag;
            MrdPercent = "mrdPercent", mrd_percent: f64, Kind::Decimal { min: 0.0, max: 100.0, unit: Unit::Percent };
            Consolidation = "consolidation", consolidation: bool, Kind::Flag;
            HighRiskRelapse = "highRiskRelapse", high_risk_relapse: bool, Kind::Flag;
            PriorTherapyLines = "priorTherapyLines", prior_therapy_lines: u32, Kind::Count { min: 0, max: MAX_COUNT };
            PriorAlloHsct = "priorAlloHsct", prior_allo_hsct: bool, Kind::Flag;
            TkiFailures = "tkiFailures", tki_failures: u32, Kind::Count { min: 0, max: MAX_COUNT };
            OtherOptionsAvailable = "otherOptionsAvailable", other_options_available: bool, Kind::Flag;
            PlannedAlloHsct = "plannedAlloHsct", planned_allo_hsct: bool, Kind::Flag;
            /// `None` is read as `true` (monotherapy), an assumption the result lists, but only in
            /// Ph-negative disease ([`Patient::monotherapy_or_assumed`]).
            Monotherapy = "monotherapy", monotherapy: bool, Kind::Flag;
        }
    };
}
pub(crate) use input_fields;

/// [`Field`] and [`Field::kind`] from [`input_fields`].
macro_rules! field_enum {
    ($($(#[$doc:meta])* $variant:ident = $text:literal, $slot:ident: $ty:ty, $kind:expr;)+) => {
        contract_enum!(
            /// The input fields, in the contract's (and the form's clinical) order.
            Field { $($variant = $text),+ }
        );

        impl Field {
            /// What the field takes, as the field table ([`input_fields`]) declares it.
            pub const fn kind(self) -> Kind {
                match self { $(Field::$variant => $kind),+ }
            }
        }
    };
}
input_fields!(field_enum);

/// What a field takes. Declared once, in the field table ([`input_fields`]): the strict reading
/// of input, the form's controls and its parsing of typed numbers, the change report's axes and
/// the representative values the decision is computed over all derive from it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// One of a contract enum's values, as spelt (its `SPELLINGS`).
    Choice(&'static [&'static str]),
    /// `true` or `false`.
    Flag,
    /// A number from `min` to `max`, both included, fractions allowed, in `unit`.
    Decimal { min: f64, max: f64, unit: Unit },
    /// A whole number from `min` to `max`, both included.
    Count { min: u32, max: u32 },
}

/// The unit a decimal field is given in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Years,
    Percent,
}

impl Unit {
    /// The unit in the error messages' words ("a number of years from 0 to 120").
    pub const fn as_str(self) -> &'static str {
        match self {
            Unit::Years => "years",
            Unit::Percent => "percent",
        }
    }

    /// The symbol written after a number in this unit, where it has one ("%").
    pub const fn symbol(self) -> Option<&'static str> {
        match self {
            Unit::Years => None,
            Unit::Percent => Some("%"),
        }
    }
}

/// The largest whole number the counting fields accept; any larger count means the same to every
/// rule, and the cap keeps arithmetic safe.
pub const MAX_COUNT: u32 = 1000;

impl Field {
    /// A yes/no field (`true`/`false`).
    pub fn is_flag(self) -> bool {
        matches!(self.kind(), Kind::Flag)
    }

    /// A field whose value is a number (typed into the form, not picked).
    pub fn is_numeric(self) -> bool {
        self.range().is_some()
    }

    /// A field that takes whole numbers only.
    pub fn is_whole(self) -> bool {
        matches!(self.kind(), Kind::Count { .. })
    }

    /// The unit of a decimal field.
    pub fn unit(self) -> Option<Unit> {
        match self.kind() {
            Kind::Decimal { unit, .. } => Some(unit),
            _ => None,
        }
    }

    /// The numbers a numeric field accepts, both ends included (whole numbers only for a
    /// count); `None` for the fields whose values the contract lists one by one.
    pub fn range(self) -> Option<(f64, f64)> {
        match self.kind() {
            Kind::Decimal { min, max, .. } => Some((min, max)),
            Kind::Count { min, max } => Some((f64::from(min), f64::from(max))),
            Kind::Choice(_) | Kind::Flag => None,
        }
    }
}

impl Verdict {
    /// Rank for "the most permissive route wins": lower is more permissive.
    pub fn permissiveness(self) -> u8 {
        self as u8
    }
}

/// One condition on the patient, the typed vocabulary the dataset's criteria and rules are
/// written in. In TOML each is a one-key table, e.g. `{ philadelphia = "negative" }`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::vocab))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Criterion {
    /// Blincyto given alone (`true`) — absent input counts as `true`, an assumption the result lists.
    Monotherapy(bool),
    /// The diagnosis is this one.
    Diagnosis(Diagnosis),
    /// CD19 expression is this.
    Cd19(Cd19),
    /// Philadelphia status is this.
    Philadelphia(Philadelphia),
    /// Age is at least this many months (one month = 1/12 year).
    AgeAtLeastMonths(u32),
    /// Age is at least this many years.
    AgeAtLeastYears(u32),
    /// Age is below this many years.
    AgeUnderYears(u32),
    /// The episode is newly diagnosed (`true`) or not.
    NewlyDiagnosed(bool),
    /// Active relapsed/refractory: `refractory`, or `relapsed` and not in remission.
    ActiveRelapsedRefractory(bool),
    /// Active relapse (relapsed and not in remission) after an allogeneic transplant.
    ActiveRelapseAfterAlloHsct(bool),
    /// In complete remission number N (CR1 when newly diagnosed, CR(n+1) after relapse n) for one of these N.
    CompleteRemission(List<u32>),
    /// MRD is at least this many percent.
    MrdAtLeastPercent(f64),
    /// Blincyto is given as part of consolidation therapy (`true`) or not.
    Consolidation(bool),
    /// A first relapse that is classified high-risk.
    HighRiskFirstRelapse(bool),
    /// At least this many prior lines of treatment.
    PriorTherapyLinesAtLeast(u32),
    /// At least this many failed tyrosine kinase inhibitors.
    TkiFailuresAtLeast(u32),
    /// Other treatment options remain (`true`) or not.
    OtherOptionsAvailable(bool),
    /// Blincyto would bridge to a planned allogeneic transplant (`true`) or not.
    PlannedAlloHsct(bool),
    /// Every one of these holds.
    AllOf(List<Criterion>),
    /// At least one of these holds.
    AnyOf(List<Criterion>),
}

/// A set of fields, as bits (no allocation); iterates in contract order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FieldSet(u32);

impl FieldSet {
    /// The set with these bits (`1 << field as u32` each), as `build.rs` writes it.
    pub const fn from_bits(bits: u32) -> FieldSet {
        FieldSet(bits)
    }
    pub fn bits(self) -> u32 {
        self.0
    }
    pub fn of(fields: &[Field]) -> FieldSet {
        FieldSet(fields.iter().fold(0, |bits, f| bits | 1 << (*f as u32)))
    }
    pub fn contains(self, f: Field) -> bool {
        self.0 & (1 << (f as u32)) != 0
    }
    pub fn union(self, other: FieldSet) -> FieldSet {
        FieldSet(self.0 | other.0)
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn iter(self) -> impl Iterator<Item = Field> {
        Field::ALL.iter().copied().filter(move |f| self.contains(*f))
    }
}

/// Baked as [`FieldSet::from_bits`]: its bits are private.
#[cfg(feature = "bake")]
impl databake::Bake for FieldSet {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("blincyto_model");
        let bits = self.0;
        databake::quote! { blincyto_model::vocab::FieldSet::from_bits(#bits) }
    }
}

/// Bits only: it borrows nothing.
#[cfg(feature = "bake")]
impl databake::BakeSize for FieldSet {
    fn borrows_size(&self) -> usize {
        0
    }
}

impl serde::Serialize for FieldSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// Serialised as the list of its fields.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for FieldSet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FieldSet".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "array", "items": generator.subschema_for::<Field>() })
    }
}

impl Criterion {
    /// The input fields this criterion reads, in contract order.
    pub fn fields(&self) -> Vec<Field> {
        self.field_set().iter().collect()
    }

    /// The input fields this criterion reads.
    pub fn field_set(&self) -> FieldSet {
        use Criterion::*;
        use Field as F;
        match self {
            Monotherapy(_) => FieldSet::of(&[F::Monotherapy]),
            Diagnosis(_) => FieldSet::of(&[F::Diagnosis]),
            Cd19(_) => FieldSet::of(&[F::Cd19]),
            Philadelphia(_) => FieldSet::of(&[F::Philadelphia]),
            AgeAtLeastMonths(_) | AgeAtLeastYears(_) | AgeUnderYears(_) => FieldSet::of(&[F::AgeYears]),
            NewlyDiagnosed(_) => FieldSet::of(&[F::DiseaseStatus]),
            ActiveRelapsedRefractory(_) => FieldSet::of(&[F::DiseaseStatus, F::InRemission]),
            ActiveRelapseAfterAlloHsct(_) => FieldSet::of(&[F::DiseaseStatus, F::InRemission, F::PriorAlloHsct]),
            CompleteRemission(_) => FieldSet::of(&[F::DiseaseStatus, F::RelapseNumber, F::InRemission]),
            MrdAtLeastPercent(_) => FieldSet::of(&[F::MrdPercent]),
            Consolidation(_) => FieldSet::of(&[F::Consolidation]),
            HighRiskFirstRelapse(_) => FieldSet::of(&[F::DiseaseStatus, F::RelapseNumber, F::HighRiskRelapse]),
            PriorTherapyLinesAtLeast(_) => FieldSet::of(&[F::PriorTherapyLines]),
            TkiFailuresAtLeast(_) => FieldSet::of(&[F::TkiFailures]),
            OtherOptionsAvailable(_) => FieldSet::of(&[F::OtherOptionsAvailable]),
            PlannedAlloHsct(_) => FieldSet::of(&[F::PlannedAlloHsct]),
            AllOf(all) | AnyOf(all) => all.iter().fold(FieldSet::default(), |s, c| s.union(c.field_set())),
        }
    }
}
