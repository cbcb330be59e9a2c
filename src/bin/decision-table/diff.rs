//! `decision-table --diff OLD.toml [--new NEW.toml]`: the drug committee's change report.
//!
//! What changes for patients is computed exactly, by enumeration: every field takes one
//! representative value per interval that the thresholds of *both* datasets make
//! ([`Domains::cut_union`]), and every complete patient built from them gets its verdict and its
//! indications from each dataset (`logic::verdict`, `logic::label`). The patients whose
//! verdict changes are grouped by jurisdiction, indication and old → new verdict, and each group
//! is described as a few "cubes" (for every field, a set of its values), merged as far as the
//! group allows, in the decision table's English ([`crate::words`]). The description is checked
//! against the enumeration before it is printed: every patient it describes is in the group and
//! every patient of the group is described.
//!
//! The rest of the report compares the entries that have ids (sources, quotes, indications,
//! recommendations, notes) and the rules (by their indications and conditions). Entries are
//! compared through their serialised form, so a field added to the schema later is compared too
//! without a change here. Output is deterministic: dataset order, no timestamps.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use blincyto_model::domains::{for_each_completion, Domains};
use blincyto_model::logic::{self, IndicationSet};
use blincyto_checker::dataset::{self, Dataset, JurisdictionData, Rule};
use blincyto_checker::i18n::percent;
use blincyto_checker::patient::{format_number, Patient, Value};
use blincyto_checker::vocab::{Criterion, DiseaseStatus, Field, IndicationId, Jurisdiction, Lang, Verdict};

use crate::words::{all_of, ordinal, words};

/// Adults are 18 or older (the contract's definition).
const ADULT_YEARS: f64 = 18.0;

/// Reads a dataset file and validates it as the build does; the error names the file and every
/// problem found.
pub fn load(path: &str) -> Result<Dataset, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let data: Dataset = toml::from_str(&text).map_err(|e| format!("{path} is not a dataset this build can read:\n{e}"))?;
    blincyto_model::validate::validate(&data).map_err(|errors| {
        let list: Vec<String> = errors.iter().map(|e| format!("  - {e}")).collect();
        format!("{path} is invalid:\n{}", list.join("\n"))
    })?;
    Ok(data)
}

/// The whole report, Markdown.
pub fn report(old: &Dataset, old_name: &str, new: &Dataset, new_name: &str) -> String {
    let mut out = String::new();
    let w = &mut out;
    line(w, "# Blincyto (blinatumomab): change report");
    line(w, "");
    line(w, &format!("- Old: {old_name}, version **{}**, as of **{}**", old.version, old.as_of));
    line(w, &format!("- New: {new_name}, version **{}**, as of **{}**", new.version, new.as_of));
    line(w, "");

    line(w, "## Dataset");
    line(w, "");
    line(w, &from_to("Version", &old.version, &new.version));
    line(w, &from_to("As of", &old.as_of, &new.as_of));
    // Any other top-level setting (format, authority, and whatever the schema gains later).
    for change in changes(&ser(old), &ser(new), &["source", "indication", "jurisdiction", "note", "definition", "version", "asOf", "unknowns"]) {
        line(w, &format!("- Changed: {change}"));
    }
    line(w, "");

    verdict_changes(w, old, new);
    indication_changes(w, old, new);
    jurisdiction_changes(w, old, new);
    source_changes(w, old, new);
    note_changes(w, old, new);
    definition_changes(w, old, new);
    unknown_changes(w, old, new);
    out
}

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

fn from_to(what: &str, old: &str, new: &str) -> String {
    if old == new {
        format!("- {what}: **{new}** (unchanged)")
    } else {
        format!("- {what}: **{old} → {new}**")
    }
}

// ---------------------------------------------------------------------------------------------
// Verdicts: the enumeration and its grid.
// ---------------------------------------------------------------------------------------------

/// What one complete patient gets from each dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Outcome {
    old: Verdict,
    new: Verdict,
    old_on: IndicationSet,
    new_on: IndicationSet,
}

impl Outcome {
    fn of(old: &Dataset, new: &Dataset, p: &Patient) -> Outcome {
        let get = |d: &Dataset| {
            let on = logic::label(d, p).unwrap_or_else(|f| panic!("a complete patient has no missing field, yet {f} is"));
            let verdict = logic::verdict(d, p).unwrap_or_else(|f| panic!("a complete patient has no missing field, yet {f} is"));
            (verdict, on)
        };
        let ((old_v, old_on), (new_v, new_on)) = (get(old), get(new));
        Outcome { old: old_v, new: new_v, old_on, new_on }
    }

    /// The indications a changed patient is listed under: those it is on in the new dataset,
    /// or, when it is on none there (off-label now), those it was on in the old.
    fn listed_under(self) -> IndicationSet {
        if self.new_on.is_empty() { self.old_on } else { self.new_on }
    }
}

/// The disease episode: `diseaseStatus`, `relapseNumber` and `inRemission` read together, as the
/// remission number reads them. The report describes patients by episode (CR1, CR2…) rather than
/// by the three fields, where that is exact (see [`Grid::build`]).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Episode {
    /// Newly diagnosed; in remission (CR1) or not.
    New { remission: bool },
    /// After relapse number `relapse` (a representative value: the last one stands for itself
    /// and every higher number); in remission (CR `relapse + 1`) or not.
    Relapse { relapse: u32, open: bool, remission: bool },
    Refractory,
}

/// One axis of the grid: a field, or the episode in place of its three fields.
#[derive(Clone, Debug)]
enum Axis {
    Field(Field),
    Episode(Vec<Episode>),
}

#[derive(Clone, Debug)]
struct Dim {
    axis: Axis,
    len: usize,
}

impl Dim {
    /// Numeric axes are widened only to contiguous intervals.
    fn is_interval(&self) -> bool {
        matches!(self.axis, Axis::Field(f) if f.is_numeric())
    }
}

/// Every complete patient's outcome, on the report's axes. Axis 0 is the jurisdiction.
struct Grid {
    dom: Domains,
    /// How many complete patients were enumerated.
    patients: usize,
    dims: Vec<Dim>,
    strides: Vec<usize>,
    outcomes: Vec<Outcome>,
}

impl Grid {
    /// Enumerates every complete patient over the representative values of both datasets.
    /// The episode axis replaces `diseaseStatus`, `relapseNumber` and `inRemission` when every
    /// patient of one episode gets the same outcomes whatever the fields the episode leaves
    /// free (a newly diagnosed patient's relapse number, say) — true of the criteria vocabulary
    /// today, and checked here, not assumed; otherwise the three fields stay separate axes.
    fn build(old: &Dataset, new: &Dataset) -> Grid {
        let dom = Domains::cut_union(&[old, new]);
        let mut raw = Vec::new();
        for_each_completion(&dom, &Patient::default(), Field::ALL, &mut |p| raw.push(Outcome::of(old, new, p)));
        let sizes: Vec<usize> = Field::ALL.iter().map(|f| dom.values(*f).len()).collect();
        assert_eq!(Field::ALL[0], Field::Jurisdiction);

        let relapses: Vec<u32> =
            dom.values(Field::RelapseNumber).iter().filter_map(|v| if let Value::Count(n) = v { Some(*n) } else { None }).collect();
        let mut episodes = vec![Episode::New { remission: true }, Episode::New { remission: false }];
        for (i, r) in relapses.iter().enumerate() {
            for remission in [true, false] {
                episodes.push(Episode::Relapse { relapse: *r, open: i + 1 == relapses.len(), remission });
            }
        }
        episodes.push(Episode::Refractory);
        let episode_dims: Vec<Dim> = Field::ALL
            .iter()
            .filter(|f| !matches!(f, Field::RelapseNumber | Field::InRemission))
            .map(|f| match f {
                Field::DiseaseStatus => Dim { axis: Axis::Episode(episodes.clone()), len: episodes.len() },
                f => Dim { axis: Axis::Field(*f), len: dom.values(*f).len() },
            })
            .collect();
        let field_dims: Vec<Dim> = Field::ALL.iter().map(|f| Dim { axis: Axis::Field(*f), len: dom.values(*f).len() }).collect();

        for dims in [episode_dims, field_dims] {
            let mut strides = vec![1; dims.len()];
            for d in (0..dims.len().saturating_sub(1)).rev() {
                strides[d] = strides[d + 1] * dims[d + 1].len;
            }
            let mut outcomes: Vec<Option<Outcome>> = vec![None; strides[0] * dims[0].len];
            let mut exact = true;
            // The raw patients' value indices, in `for_each_completion` order (an odometer).
            let mut digits = vec![0usize; sizes.len()];
            for (i, o) in raw.iter().enumerate() {
                if i > 0 {
                    for f in (0..sizes.len()).rev() {
                        digits[f] += 1;
                        if digits[f] < sizes[f] {
                            break;
                        }
                        digits[f] = 0;
                    }
                }
                let at: usize = dims.iter().zip(&strides).map(|(dim, s)| s * coordinate(&dom, dim, &digits)).sum();
                match outcomes[at] {
                    Some(seen) if seen != *o => {
                        exact = false;
                        break;
                    }
                    _ => outcomes[at] = Some(*o),
                }
            }
            if exact {
                let outcomes = outcomes.into_iter().map(|o| o.expect("every grid point is some patient")).collect();
                return Grid { dom, patients: raw.len(), dims, strides, outcomes };
            }
        }
        unreachable!("the field axes are the enumeration itself")
    }

    fn len(&self) -> usize {
        self.outcomes.len()
    }

    /// The value index of axis `d` at grid point `at`.
    fn digit(&self, at: usize, d: usize) -> usize {
        (at / self.strides[d]) % self.dims[d].len
    }
}

/// Where a raw patient (value indices in `Field::ALL` order) lies on axis `dim`.
fn coordinate(dom: &Domains, dim: &Dim, digits: &[usize]) -> usize {
    match &dim.axis {
        Axis::Field(f) => digits[*f as usize],
        Axis::Episode(episodes) => {
            let value = |f: Field| dom.values(f)[digits[f as usize]];
            let remission = value(Field::InRemission) == Value::Flag(true);
            let here = match value(Field::DiseaseStatus) {
                Value::DiseaseStatus(DiseaseStatus::NewlyDiagnosed) => Episode::New { remission },
                Value::DiseaseStatus(DiseaseStatus::Refractory) => Episode::Refractory,
                _ => {
                    let Value::Count(relapse) = value(Field::RelapseNumber) else { unreachable!("relapseNumber is a count") };
                    let open = digits[Field::RelapseNumber as usize] + 1 == dom.values(Field::RelapseNumber).len();
                    Episode::Relapse { relapse, open, remission }
                }
            };
            episodes.iter().position(|e| *e == here).expect("every episode is an axis value")
        }
    }
}

/// For each axis, which of its values are in (an axis-aligned box of patients).
type Cube = Vec<Vec<bool>>;

/// `cube` with axis `d` set to the one value `v`.
fn slice(cube: &Cube, d: usize, v: usize) -> Cube {
    let mut c = cube.clone();
    c[d] = (0..c[d].len()).map(|x| x == v).collect();
    c
}

fn verdict_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Verdict changes");
    line(w, "");
    let grid = Grid::build(old, new);
    // Groups in dataset order: (jurisdiction's place, indication's place, old, new) → the
    // jurisdiction's value index on axis 0, the jurisdiction, the indication.
    type Order = (usize, usize, Verdict, Verdict);
    let j_order = |j: Jurisdiction| new.jurisdictions.iter().position(|x| x.id == j).unwrap_or(usize::MAX);
    let i_order = |i: IndicationId| new.indications.iter().position(|x| x.id == i).unwrap_or(usize::MAX);
    let mut groups: BTreeMap<Order, (usize, Jurisdiction, IndicationId)> = BTreeMap::new();
    let jurisdictions = grid.dom.values(Field::Jurisdiction).to_vec();
    for at in 0..grid.len() {
        let o = grid.outcomes[at];
        if o.old == o.new {
            continue;
        }
        let jv = grid.digit(at, 0);
        let Value::Jurisdiction(j) = jurisdictions[jv] else { unreachable!("axis 0 is the jurisdiction") };
        for ind in o.listed_under().iter() {
            groups.insert((j_order(j), i_order(ind), o.old, o.new), (jv, j, ind));
        }
    }
    if groups.is_empty() {
        line(w, &format!(
            "No verdict changes: all {} combinations of the fields' representative values (one per interval cut by the thresholds of either dataset) get the same verdict from both datasets.",
            grid.patients
        ));
        line(w, "");
        return;
    }
    line(w, &format!(
        "Every patient whose verdict differs, found by evaluating all {} combinations of the fields' representative values (one per interval cut by the thresholds of either dataset). A patient is listed under each indication it is on in the new dataset, or, if it is on none there, under those it was on in the old one. Each line names the jurisdiction, the indication and the conditions beyond the indication's own criteria: among the patients on that indication (in either dataset), those meeting the conditions are exactly the patients listed there whose verdict changes as shown.",
        grid.patients
    ));
    line(w, "");
    for ((_, _, from, to), (jv, j, ind)) in groups {
        let name = new.jurisdiction(j).or(old.jurisdiction(j)).map_or(j.as_str().to_string(), |x| x.name.en.to_string());
        let group = Group::new(&grid, jv, ind, from, to);
        for cube in group.describe() {
            let also = group.also_on(&cube, ind);
            let also = if also.is_empty() { String::new() } else { format!(" (all also on {also})") };
            line(w, &format!("- {name}, `{ind}`: {}{also}: **{from} → {to}**", group.words(&cube)));
        }
    }
    line(w, "");
}

/// A patient of a group's jurisdiction who is on the group's indication in the old or the new
/// dataset.
struct Point {
    /// Its value (index) on each axis.
    at: Vec<usize>,
    /// In the group: listed under the indication, with the group's old and new verdicts.
    inside: bool,
    /// The indications it is listed under.
    listed: IndicationSet,
}

impl Point {
    fn in_cube(&self, cube: &Cube) -> bool {
        self.at.iter().zip(cube).all(|(v, set)| set[*v])
    }
}

/// One group: a jurisdiction, an indication, an old → new verdict. Its lines read "among the
/// patients on this indication (in either dataset), those with … change from … to …", so
/// together they must hold every patient of the group and no other patient on the indication;
/// patients of other jurisdictions, or on other indications only, are free to lie in a line's
/// cube (that is what keeps the lines short). So only the patients on the indication matter,
/// a few thousand at most, whatever the size of a cube.
struct Group<'g> {
    grid: &'g Grid,
    points: Vec<Point>,
}

impl<'g> Group<'g> {
    fn new(grid: &'g Grid, jv: usize, ind: IndicationId, from: Verdict, to: Verdict) -> Group<'g> {
        let slice = jv * grid.strides[0]..(jv + 1) * grid.strides[0];
        let points = slice
            .filter_map(|at| {
                let o = grid.outcomes[at];
                (o.old_on.contains(ind) || o.new_on.contains(ind)).then(|| Point {
                    at: (0..grid.dims.len()).map(|d| grid.digit(at, d)).collect(),
                    inside: o.listed_under().contains(ind) && o.old == from && o.new == to,
                    listed: o.listed_under(),
                })
            })
            .collect();
        Group { grid, points }
    }

    /// Does `cube` hold a patient on the indication who is not in the group?
    fn holds_outsider(&self, cube: &Cube) -> bool {
        self.points.iter().any(|p| !p.inside && p.in_cube(cube))
    }

    /// For each axis, the values that the patients on the indication in `cube` have.
    fn used(&self, cube: &Cube) -> Vec<Vec<bool>> {
        let mut used: Vec<Vec<bool>> = self.grid.dims.iter().map(|d| vec![false; d.len]).collect();
        for p in self.points.iter().filter(|p| p.in_cube(cube)) {
            p.at.iter().enumerate().for_each(|(d, v)| used[d][*v] = true);
        }
        used
    }

    /// Would widening axis `d` of `cube` to the values `to` add no patient on the indication?
    fn settled(&self, cube: &Cube, d: usize, to: impl Fn(usize) -> bool) -> bool {
        !self.points.iter().any(|p| {
            let v = p.at[d];
            !cube[d][v] && to(v) && p.at.iter().zip(cube).enumerate().all(|(e, (x, set))| e == d || set[*x])
        })
    }

    /// A small set of cubes whose patients on the indication are exactly the group.
    ///
    /// Greedy: from the first patient of the group not yet described, widen one axis at a time
    /// (in the contract's order) to the largest set of values — an interval for numbers — such
    /// that the cube holds no patient on the indication outside the group; repeat until every
    /// patient is described, then drop cubes the others cover. Each cube is then said more
    /// plainly ([`Group::tighten`]), and the result is checked against the group.
    fn describe(&self) -> Vec<Cube> {
        let dims = &self.grid.dims;
        let mut covered = vec![false; self.points.len()];
        let mut cubes: Vec<Cube> = Vec::new();
        for s in 0..self.points.len() {
            if !self.points[s].inside || covered[s] {
                continue;
            }
            let seed = &self.points[s].at;
            let mut cube: Cube = dims.iter().zip(seed).map(|(dim, v)| (0..dim.len).map(|x| x == *v).collect()).collect();
            for d in 1..dims.len() {
                let fits = |cube: &Cube, v: usize| !self.holds_outsider(&slice(cube, d, v));
                let s = seed[d];
                if dims[d].is_interval() {
                    let (mut lo, mut hi) = (s, s);
                    while lo > 0 && fits(&cube, lo - 1) {
                        lo -= 1;
                    }
                    while hi + 1 < dims[d].len && fits(&cube, hi + 1) {
                        hi += 1;
                    }
                    cube[d] = (0..dims[d].len).map(|v| (lo..=hi).contains(&v)).collect();
                } else {
                    cube[d] = (0..dims[d].len).map(|v| v == s || fits(&cube, v)).collect();
                }
            }
            for (k, p) in self.points.iter().enumerate() {
                covered[k] |= p.inside && p.in_cube(&cube);
            }
            cubes.push(cube);
        }
        // Drop any cube whose patients of the group the others describe too (the last first).
        let mut count: Vec<u32> = self.points.iter().map(|p| cubes.iter().filter(|c| p.in_cube(c)).count() as u32).collect();
        let mut i = cubes.len();
        while i > 0 {
            i -= 1;
            let redundant = self.points.iter().zip(&count).all(|(p, n)| !p.inside || *n > 1 || !p.in_cube(&cubes[i]));
            if redundant {
                for (p, n) in self.points.iter().zip(count.iter_mut()) {
                    if p.in_cube(&cubes[i]) {
                        *n -= 1;
                    }
                }
                cubes.remove(i);
            }
        }
        let cubes: Vec<Cube> = cubes.into_iter().map(|c| self.tighten(c)).collect();
        // What is printed must be the group: every patient of it, no other patient on the indication.
        for p in &self.points {
            let described = cubes.iter().any(|c| p.in_cube(c));
            assert_eq!(described, p.inside, "internal error: the description of a group {} a patient", if p.inside { "leaves out" } else { "takes in" });
        }
        cubes
    }

    /// The same patients on the indication, said more plainly. Each axis first keeps only the
    /// values those patients have — for numbers, the interval from the lowest to the highest of
    /// them (a widening through other indications' patients says nothing). Then an axis that
    /// the indication itself settles (widening it to every value adds no patient on it) is
    /// dropped, as "adult" is on an adult indication; and a numeric axis loses an upper bound the
    /// indication settles, so a paediatric group reads "≥ 1 year" rather than "1 year to < 18
    /// years" (lower bounds stay: "MRD 0.1% to < 0.5%", not "< 0.5%" for patients who were on
    /// the indication from 0.1 %).
    fn tighten(&self, cube: Cube) -> Cube {
        let dims = &self.grid.dims;
        let used = self.used(&cube);
        let mut cube: Cube = (0..dims.len())
            .map(|d| match (d, dims[d].is_interval(), used[d].iter().position(|b| *b), used[d].iter().rposition(|b| *b)) {
                (0, ..) => cube[0].clone(),
                (_, true, Some(lo), Some(hi)) => (0..dims[d].len).map(|v| (lo..=hi).contains(&v)).collect(),
                _ => used[d].clone(),
            })
            .collect();
        for d in 1..dims.len() {
            if self.settled(&cube, d, |_| true) {
                cube[d] = vec![true; dims[d].len];
            } else if dims[d].is_interval() {
                let top = cube[d].iter().rposition(|b| *b).unwrap_or(0);
                if self.settled(&cube, d, |v| v > top) {
                    cube[d].iter_mut().skip(top).for_each(|b| *b = true);
                }
            }
        }
        cube
    }

    /// The indications other than `ind` that every patient of the group in `cube` is listed
    /// under too.
    fn also_on(&self, cube: &Cube, ind: IndicationId) -> String {
        let mut common: Option<Vec<IndicationId>> = None;
        for p in self.points.iter().filter(|p| p.inside && p.in_cube(cube)) {
            let here: Vec<IndicationId> = p.listed.iter().filter(|i| *i != ind).collect();
            common = Some(match common.take() {
                None => here,
                Some(c) => c.into_iter().filter(|i| here.contains(i)).collect(),
            });
        }
        common.unwrap_or_default().iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
    }

    /// A cube in clinical English: who ("adults", "children ≥ 1 year"), then every constrained
    /// axis.
    fn words(&self, cube: &Cube) -> String {
        let grid = self.grid;
        let age_dim = grid.dims.iter().position(|d| matches!(d.axis, Axis::Field(Field::AgeYears)));
        let mut who = "patients".to_string();
        let mut said_age = false;
        if let Some(a) = age_dim {
            let ages = grid.dom.values(Field::AgeYears);
            let used = &self.used(cube)[a];
            let bounds: Vec<(f64, Option<f64>)> =
                (0..ages.len()).filter(|v| used[*v]).map(|v| (number(ages[v]), ages.get(v + 1).map(|x| number(*x)))).collect();
            let adults = !bounds.is_empty() && bounds.iter().all(|(lo, _)| *lo >= ADULT_YEARS);
            let children = !bounds.is_empty() && bounds.iter().all(|(_, hi)| hi.is_some_and(|h| h <= ADULT_YEARS));
            if adults {
                who = "adults".into();
            } else if children {
                who = "children".into();
            }
            if cube[a].iter().any(|b| !b) {
                let range = axis_words(grid, a, &cube[a]);
                // "adults ≥ 18 years" would say it twice: the noun is exact on its own.
                let said_by_noun = (adults && range == format!("≥ {}", age(ADULT_YEARS))) || (children && range == format!("< {}", age(ADULT_YEARS)));
                if !said_by_noun {
                    who = format!("{who} {range}");
                }
                said_age = true;
            }
        }
        // Order: the disease, the episode, MRD, then the rest in the contract's order.
        let rank = |d: &Dim| match d.axis {
            Axis::Field(Field::Diagnosis | Field::Cd19 | Field::Philadelphia) => 0,
            Axis::Episode(_) | Axis::Field(Field::DiseaseStatus | Field::RelapseNumber | Field::InRemission) => 1,
            Axis::Field(Field::MrdPercent) => 2,
            _ => 3,
        };
        let mut order: Vec<usize> = (1..grid.dims.len()).filter(|d| Some(*d) != age_dim).collect();
        order.sort_by_key(|d| rank(&grid.dims[*d]));
        let parts: Vec<String> = order.into_iter().filter(|d| cube[*d].iter().any(|b| !b)).map(|d| axis_words(grid, d, &cube[d])).collect();
        if parts.is_empty() && !said_age {
            return if who == "patients" { "every patient on the indication".into() } else { format!("all {who} on the indication") };
        }
        let mut text = who;
        for (k, p) in parts.iter().enumerate() {
            let joins_plainly = p.starts_with("with ") || (k == 0 && p.starts_with("in "));
            text.push_str(if joins_plainly { " " } else { ", " });
            text.push_str(p);
        }
        text
    }
}

fn number(v: Value) -> f64 {
    match v {
        Value::Number(x) => x,
        Value::Count(n) => f64::from(n),
        _ => f64::NAN,
    }
}

/// One axis's values in words.
fn axis_words(grid: &Grid, d: usize, set: &[bool]) -> String {
    match &grid.dims[d].axis {
        Axis::Episode(episodes) => episode_words(episodes, set),
        Axis::Field(f) => field_words(&grid.dom, *f, set),
    }
}

/// A field's values in words: numbers as intervals, the rest value by value in the decision
/// table's wording where it has one.
fn field_words(dom: &Domains, f: Field, set: &[bool]) -> String {
    let reps = dom.values(f);
    if f.is_numeric() {
        // Runs of contiguous values, each an interval [lo, next rep).
        let mut runs = Vec::new();
        let mut v = 0;
        while v < reps.len() {
            if !set[v] {
                v += 1;
                continue;
            }
            let start = v;
            while v + 1 < reps.len() && set[v + 1] {
                v += 1;
            }
            let lo = (start > 0).then(|| number(reps[start]));
            let hi = reps.get(v + 1).map(|x| number(*x));
            runs.push(interval_words(f, lo, hi));
            v += 1;
        }
        return runs.join(" or ");
    }
    let names: Vec<String> = (0..reps.len()).filter(|v| set[*v]).map(|v| value_words(f, reps[v])).collect();
    names.join(" or ")
}

/// `[lo, hi)` of a numeric field in words (`None`: unbounded on that side).
fn interval_words(f: Field, lo: Option<f64>, hi: Option<f64>) -> String {
    let count = |n: f64| n as u32;
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match f {
        Field::AgeYears => match (lo, hi) {
            (Some(l), Some(h)) => format!("{} to < {}", age(l), age(h)),
            (Some(l), None) => format!("≥ {}", age(l)),
            (None, Some(h)) => format!("< {}", age(h)),
            (None, None) => "of any age".into(),
        },
        Field::MrdPercent => match (lo, hi) {
            (Some(l), Some(h)) => format!("with MRD {} to < {}", percent(Lang::En, l), percent(Lang::En, h)),
            (Some(l), None) => format!("with {}", words(&Criterion::MrdAtLeastPercent(l), true)),
            (None, Some(h)) => format!("with MRD < {}", percent(Lang::En, h)),
            (None, None) => "with any MRD".into(),
        },
        Field::PriorTherapyLines => match (lo.map(count), hi.map(count)) {
            (l, Some(h)) if l.unwrap_or(0) + 1 == h => format!("exactly {}", plural(h - 1, "prior treatment", "prior treatments")),
            (Some(l), Some(h)) => format!("{l} to {} prior treatments", h - 1),
            (Some(l), None) => words(&Criterion::PriorTherapyLinesAtLeast(l), true),
            (None, Some(h)) => format!("fewer than {}", plural(h, "prior treatment", "prior treatments")),
            (None, None) => "any number of prior treatments".into(),
        },
        Field::TkiFailures => match (lo.map(count), hi.map(count)) {
            (l, Some(h)) if l.unwrap_or(0) + 1 == h => format!("failure of exactly {}", plural(h - 1, "TKI", "TKIs")),
            (Some(l), Some(h)) => format!("failure of {l} to {} TKIs", h - 1),
            (Some(l), None) => words(&Criterion::TkiFailuresAtLeast(l), true),
            (None, Some(h)) => format!("failure of fewer than {}", plural(h, "TKI", "TKIs")),
            (None, None) => "any number of failed TKIs".into(),
        },
        // Relapse numbers start at 1: the lowest value is a bound too.
        Field::RelapseNumber => match (lo.map(count).unwrap_or(1), hi.map(count)) {
            (l, Some(h)) if l + 1 == h => format!("relapse number {l}"),
            (l, Some(h)) => format!("relapse number {l} to {}", h - 1),
            (l, None) => format!("relapse number {l} or higher"),
        },
        _ => unreachable!("{f} is not numeric"),
    }
}

/// An age in years as a clinician says it: "1 month", "1 year", "18 years".
fn age(years: f64) -> String {
    let months = years * 12.0;
    if years < 1.0 && (months - months.round()).abs() < 1e-9 {
        let m = months.round() as u32;
        format!("{m} month{}", if m == 1 { "" } else { "s" })
    } else if years.fract() == 0.0 {
        crate::words::years(years as u32)
    } else {
        format!("{} years", format_number(years))
    }
}

/// One value of a non-numeric field in words.
fn value_words(f: Field, v: Value) -> String {
    use Criterion as C;
    let criterion = match (f, v) {
        (Field::Diagnosis, Value::Diagnosis(x)) => C::Diagnosis(x),
        (Field::Cd19, Value::Cd19(x)) => C::Cd19(x),
        (Field::Philadelphia, Value::Philadelphia(x)) => C::Philadelphia(x),
        (Field::Consolidation, Value::Flag(b)) => C::Consolidation(b),
        (Field::OtherOptionsAvailable, Value::Flag(b)) => C::OtherOptionsAvailable(b),
        (Field::PlannedAlloHsct, Value::Flag(b)) => C::PlannedAlloHsct(b),
        (Field::Monotherapy, Value::Flag(b)) => C::Monotherapy(b),
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::NewlyDiagnosed)) => C::NewlyDiagnosed(true),
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Relapsed)) => return "relapsed".into(),
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Refractory)) => return "refractory".into(),
        (Field::InRemission, Value::Flag(b)) => {
            return if b { "in complete remission" } else { "not in remission" }.into();
        }
        (Field::HighRiskRelapse, Value::Flag(b)) => {
            return if b { "relapse classified high-risk" } else { "relapse not classified high-risk" }.into();
        }
        (Field::PriorAlloHsct, Value::Flag(b)) => {
            return if b { "after an allogeneic stem cell transplant" } else { "no prior allogeneic stem cell transplant" }.into();
        }
        (f, v) => return format!("{f} = {}", v.to_contract_string()),
    };
    words(&criterion, true)
}

/// A set of episodes in words: the remission numbers where it can ("in second complete
/// remission (CR2)"), the decision table's wording for the usual groups ("newly diagnosed",
/// "active relapsed or refractory disease").
fn episode_words(episodes: &[Episode], set: &[bool]) -> String {
    let mut rest: Vec<Episode> = (0..episodes.len()).filter(|i| set[*i]).map(|i| episodes[i]).collect();
    let mut phrases: Vec<String> = Vec::new();
    let mut take = |rest: &mut Vec<Episode>, group: Vec<Episode>, phrase: String| {
        if group.len() > 1 && group.iter().all(|e| rest.contains(e)) {
            rest.retain(|e| !group.contains(e));
            phrases.push(phrase);
        }
    };
    let new_all: Vec<Episode> = episodes.iter().copied().filter(|e| matches!(e, Episode::New { .. })).collect();
    take(&mut rest, new_all, words(&Criterion::NewlyDiagnosed(true), true));
    let relapsed_all: Vec<Episode> = episodes.iter().copied().filter(|e| matches!(e, Episode::Relapse { .. })).collect();
    take(&mut rest, relapsed_all, "relapsed".into());
    let active: Vec<Episode> = episodes
        .iter()
        .copied()
        .filter(|e| matches!(e, Episode::Relapse { remission: false, .. } | Episode::Refractory))
        .collect();
    take(&mut rest, active, words(&Criterion::ActiveRelapsedRefractory(true), true));
    let in_relapse: Vec<Episode> = episodes.iter().copied().filter(|e| matches!(e, Episode::Relapse { remission: false, .. })).collect();
    take(&mut rest, in_relapse, "in relapse, not in remission".into());

    // Remissions, by number.
    let remissions: Vec<(u32, bool)> = rest
        .iter()
        .filter_map(|e| match e {
            Episode::New { remission: true } => Some((1, false)),
            Episode::Relapse { relapse, open, remission: true } => Some((relapse + 1, *open)),
            _ => None,
        })
        .collect();
    if !remissions.is_empty() {
        let all_remissions = episodes.iter().filter(|e| matches!(e, Episode::New { remission: true } | Episode::Relapse { remission: true, .. })).count();
        phrases.push(if remissions.len() == all_remissions && all_remissions > 1 {
            "in complete remission (any)".into()
        } else if remissions.iter().all(|(_, open)| !open) {
            words(&Criterion::CompleteRemission(remissions.iter().map(|(n, _)| *n).collect::<Vec<_>>().into()), true)
        } else {
            let later = |open: bool| if open { " or later" } else { "" };
            let long: Vec<String> = remissions.iter().map(|(n, open)| format!("{}{}", ordinal(*n), later(*open))).collect();
            let short: Vec<String> = remissions.iter().map(|(n, open)| format!("CR{n}{}", later(*open))).collect();
            format!("in {} complete remission ({})", long.join(" or "), short.join(" or "))
        });
        rest.retain(|e| !matches!(e, Episode::New { remission: true } | Episode::Relapse { remission: true, .. }));
    }
    for e in rest {
        phrases.push(match e {
            Episode::New { .. } => "newly diagnosed, not in remission".into(),
            Episode::Relapse { relapse, open, .. } => {
                format!("in {}{} relapse, not in remission", ordinal(relapse), if open { " or later" } else { "" })
            }
            Episode::Refractory => "refractory".into(),
        });
    }
    match phrases.len() {
        1 => phrases.remove(0),
        _ => format!("either {}", phrases.join(", or ")),
    }
}

// ---------------------------------------------------------------------------------------------
// Entries: compared by id, through their serialised form.
// ---------------------------------------------------------------------------------------------

/// An entry as TOML values (the criteria, which do not serialise, are compared on their own).
fn ser<T: serde::Serialize>(x: &T) -> toml::Value {
    toml::Value::try_from(x).expect("dataset entries serialise")
}

/// `decidedBy` → `decided_by`, as the dataset file spells it.
fn toml_key(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A short rendering of a value: a word as it is, a sentence in «quotes», a text by its
/// English; `None` for lists and other tables.
fn short(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) if s.contains(char::is_whitespace) => Some(format!("«{s}»")),
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(_) | toml::Value::Float(_) | toml::Value::Boolean(_) | toml::Value::Datetime(_) => Some(v.to_string()),
        toml::Value::Table(t) => match (t.get("en"), t.get("source"), t.get("quote")) {
            (Some(en), _, _) => en.as_str().map(|en| format!("«{en}»")),
            // A citation.
            (None, Some(source), Some(quote)) => Some(format!("{} / {}", source.as_str()?, quote.as_str()?)),
            _ => None,
        },
        toml::Value::Array(_) => None,
    }
}

/// What differs between two tables, key by key (`skip`: keys compared elsewhere).
fn changes(old: &toml::Value, new: &toml::Value, skip: &[&str]) -> Vec<String> {
    let empty = toml::map::Map::new();
    let (o, n) = (old.as_table().unwrap_or(&empty), new.as_table().unwrap_or(&empty));
    let mut keys: Vec<&String> = o.keys().chain(n.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Vec::new();
    for key in keys.into_iter().filter(|k| !skip.contains(&k.as_str())) {
        let name = format!("`{}`", toml_key(key));
        match (o.get(key), n.get(key)) {
            (Some(a), Some(b)) if a == b => {}
            // A list: the items added and removed, where they have a short form.
            (Some(toml::Value::Array(a)), Some(toml::Value::Array(b))) => {
                let mut moved: Vec<String> = Vec::new();
                for (items, others, sign) in [(b, a, "added"), (a, b, "removed")] {
                    let words: Option<Vec<String>> = items.iter().filter(|x| !others.contains(x)).map(short).collect();
                    match words {
                        Some(words) if !words.is_empty() => moved.push(format!("{sign} {}", words.join("; "))),
                        Some(_) => {}
                        None => moved.push(format!("items {sign}")),
                    }
                }
                if moved.is_empty() {
                    out.push(format!("{name} (reordered)"));
                } else {
                    out.push(format!("{name}: {}", moved.join(", ")));
                }
            }
            (Some(a), Some(b)) => match (short(a), short(b)) {
                (Some(x), Some(y)) if x != y => out.push(format!("{name} {x} → {y}")),
                (Some(_), Some(_)) => out.push(format!("{name} (its Swedish or Norwegian wording)")),
                _ => out.push(name),
            },
            (Some(a), None) => out.push(format!("{name} removed{}", short(a).map_or(String::new(), |s| format!(" (was {s})")))),
            (None, Some(b)) => out.push(format!("{name} set{}", short(b).map_or(String::new(), |s| format!(" to {s}")))),
            (None, None) => {}
        }
    }
    out
}

fn indication_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Indications");
    line(w, "");
    let mut any = false;
    for n in new.indications.iter() {
        let Some(o) = old.indication(n.id) else {
            line(w, &format!("- Indication added: `{}`: {}", n.id, n.name.en));
            any = true;
            continue;
        };
        let mut what = changes(&ser(o), &ser(n), &["id"]);
        if o.criteria != n.criteria {
            what.push(format!("criteria «{}» → «{}»", all_of(&o.criteria), all_of(&n.criteria)));
        }
        if !what.is_empty() {
            line(w, &format!("- Indication changed: `{}`: {}", n.id, what.join("; ")));
            any = true;
        }
    }
    for o in old.indications.iter().filter(|o| new.indication(o.id).is_none()) {
        line(w, &format!("- Indication removed: `{}`: {}", o.id, o.name.en));
        any = true;
    }
    if !any {
        line(w, "No indication changed.");
    }
    line(w, "");
}

/// A rule in words, as the decision table gives it.
fn rule_words(r: &Rule) -> String {
    let inds: Vec<String> = r.indications.iter().map(|i| format!("`{i}`")).collect();
    let when = if r.when.is_empty() { "for every patient on it".to_string() } else { format!("when {}", all_of(&r.when)) };
    format!("{} {when}: **{}** (basis `{}`)", inds.join(", "), r.verdict, r.basis)
}

fn when_words(when: &[Criterion]) -> String {
    if when.is_empty() { "none".into() } else { all_of(when) }
}

fn jurisdiction_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Rules and recommendations");
    line(w, "");
    let mut any = false;
    let ids: Vec<Jurisdiction> = new.jurisdictions.iter().map(|j| j.id).chain(old.jurisdictions.iter().map(|j| j.id)).fold(Vec::new(), |mut v, j| {
        if !v.contains(&j) {
            v.push(j);
        }
        v
    });
    for id in ids {
        let (o, n) = (old.jurisdiction(id), new.jurisdiction(id));
        let name = n.or(o).map_or(id.to_string(), |j| j.name.en.to_string());
        let items = match (o, n) {
            (Some(o), Some(n)) => jurisdiction_items(o, n),
            (None, Some(_)) => vec!["Jurisdiction added.".to_string()],
            (Some(_), None) => vec!["Jurisdiction removed.".to_string()],
            (None, None) => Vec::new(),
        };
        if items.is_empty() {
            continue;
        }
        any = true;
        line(w, &format!("### {name}"));
        line(w, "");
        for item in items {
            line(w, &format!("- {item}"));
        }
        line(w, "");
    }
    if !any {
        line(w, "No rule or recommendation changed.");
        line(w, "");
    }
}

fn jurisdiction_items(o: &JurisdictionData, n: &JurisdictionData) -> Vec<String> {
    let mut items = Vec::new();
    for c in changes(&ser(o), &ser(n), &["id", "recommendation", "rule", "note"]) {
        items.push(format!("Jurisdiction changed: {c}"));
    }
    for r in n.recommendations.iter() {
        match o.recommendation(&r.id) {
            None => items.push(format!("Recommendation added: `{}`: {} (status {}, {})", r.id, r.title.en, r.status, r.date)),
            Some(was) => {
                let what = changes(&ser(was), &ser(r), &["id"]);
                if !what.is_empty() {
                    items.push(format!("Recommendation changed: `{}`: {}", r.id, what.join("; ")));
                }
            }
        }
    }
    for r in o.recommendations.iter().filter(|r| n.recommendation(&r.id).is_none()) {
        items.push(format!("Recommendation removed: `{}`: {} (status {}, {})", r.id, r.title.en, r.status, r.date));
    }
    // Rules have no id: a rule is the same rule if it covers the same indications under the
    // same conditions, or else (when only one rule on each side matches) the same indications
    // on the same basis; anything else is one rule removed and another added.
    let same = |a: &Rule, b: &Rule| a.indications == b.indications && a.when == b.when;
    let like = |a: &Rule, b: &Rule| a.indications == b.indications && a.basis == b.basis;
    let counterpart = |r: &Rule, mine: &[Rule], theirs: &[Rule]| -> Option<usize> {
        if let Some(i) = theirs.iter().position(|x| same(x, r)) {
            return Some(i);
        }
        let unmatched = |x: &&Rule, other: &[Rule]| !other.iter().any(|y| same(x, y));
        let candidates: Vec<usize> = (0..theirs.len()).filter(|i| like(&theirs[*i], r) && unmatched(&&theirs[*i], mine)).collect();
        let rivals = mine.iter().filter(|x| like(x, r) && unmatched(x, theirs)).count();
        (candidates.len() == 1 && rivals == 1).then(|| candidates[0])
    };
    for r in n.rules.iter() {
        match counterpart(r, &n.rules, &o.rules) {
            None => items.push(format!("Rule added: {}", rule_words(r))),
            Some(i) => {
                let was = &o.rules[i];
                let mut what = changes(&ser(was), &ser(r), &["indications"]);
                if was.when != r.when {
                    what.insert(0, format!("conditions «{}» → «{}»", when_words(&was.when), when_words(&r.when)));
                }
                if !what.is_empty() {
                    items.push(format!("Rule changed: {}: {}", rule_words(r), what.join("; ")));
                }
            }
        }
    }
    for r in o.rules.iter().filter(|r| counterpart(r, &o.rules, &n.rules).is_none()) {
        items.push(format!("Rule removed: {}", rule_words(r)));
    }
    items
}

fn source_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Sources and quotes");
    line(w, "");
    let mut items = Vec::new();
    for s in new.sources.iter() {
        match old.source(&s.id) {
            None => items.push(format!("Source added: `{}`: *{}*, {}, {}, <{}>", s.id, s.title, s.publisher, s.date, s.url)),
            Some(was) => {
                let what = changes(&ser(was), &ser(s), &["id", "quote"]);
                if !what.is_empty() {
                    items.push(format!("Source changed: `{}`: {}", s.id, what.join("; ")));
                }
            }
        }
    }
    for s in old.sources.iter().filter(|s| new.source(&s.id).is_none()) {
        items.push(format!("Source removed: `{}`: *{}*, {}, {}, <{}>", s.id, s.title, s.publisher, s.date, s.url));
    }
    // Quotes, keyed by source and quote id (those of added and removed sources included).
    let quotes = |d: &Dataset| -> Vec<(String, String, String)> {
        d.sources.iter().flat_map(|s| s.quotes.iter().map(move |q| (s.id.to_string(), q.id.to_string(), q.text.to_string()))).collect()
    };
    let (oq, nq) = (quotes(old), quotes(new));
    for (s, q, text) in &nq {
        match oq.iter().find(|(os, oq, _)| os == s && oq == q) {
            None => items.push(format!("Quote added: `{s}` / `{q}`: «{text}»")),
            Some((_, _, was)) if was != text => items.push(format!("Quote changed: `{s}` / `{q}`: «{was}» → «{text}»")),
            Some(_) => {}
        }
    }
    for (s, q, text) in oq.iter().filter(|(s, q, _)| !nq.iter().any(|(ns, nq, _)| ns == s && nq == q)) {
        items.push(format!("Quote removed: `{s}` / `{q}`: «{text}»"));
    }
    list_or(w, items, "No source or quote added, removed or changed.");
}

fn note_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Notes");
    line(w, "");
    let mut items = Vec::new();
    let ids: Vec<Jurisdiction> = new.jurisdictions.iter().map(|j| j.id).chain(old.jurisdictions.iter().map(|j| j.id)).fold(Vec::new(), |mut v, j| {
        if !v.contains(&j) {
            v.push(j);
        }
        v
    });
    // Each jurisdiction's notes, then the dataset-wide ones (`[[note]]`, every jurisdiction).
    let mut scopes: Vec<(String, Vec<dataset::Note>, Vec<dataset::Note>)> = ids
        .into_iter()
        .map(|id| {
            let notes = |d: &Dataset| d.jurisdiction(id).map_or(&[][..], |j| &j.notes[..]).to_vec();
            let name = new.jurisdiction(id).or(old.jurisdiction(id)).map_or(id.to_string(), |j| j.name.en.to_string());
            (name, notes(old), notes(new))
        })
        .collect();
    scopes.push(("every jurisdiction".to_string(), old.notes.to_vec(), new.notes.to_vec()));
    let shown = |n: &dataset::Note| {
        let mut parts = Vec::new();
        if !n.indications.is_empty() {
            parts.push(format!("on {}", n.indications.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(" or ")));
        }
        if !n.when.is_empty() {
            parts.push(format!("when {}", all_of(&n.when)));
        }
        if parts.is_empty() { "always".to_string() } else { parts.join(", ") }
    };
    for (name, on, nn) in scopes {
        for n in &nn {
            match on.iter().find(|o| o.id == n.id) {
                None => items.push(format!("Note added: {name}, `{}`, {}: {}", n.id, shown(n), n.text.en)),
                Some(was) => {
                    let mut what = changes(&ser(was), &ser(n), &["id"]);
                    if was.when != n.when || was.indications != n.indications {
                        what.push(format!("shown {} → {}", shown(was), shown(n)));
                    }
                    if !what.is_empty() {
                        items.push(format!("Note changed: {name}, `{}`: {}", n.id, what.join("; ")));
                    }
                }
            }
        }
        for o in on.iter().filter(|o| !nn.iter().any(|n| n.id == o.id)) {
            items.push(format!("Note removed: {name}, `{}`, {}: {}", o.id, shown(o), o.text.en));
        }
    }
    list_or(w, items, "No note added, removed or changed.");
}

/// What the answers to the questions mean (`[[definition]]`): the hint under the question and
/// the words the answer states.
fn definition_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Definitions");
    line(w, "");
    let fields = |d: &dataset::Definition| d.fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
    let mut items = Vec::new();
    for n in new.definitions.iter() {
        match old.definitions.iter().find(|o| o.id == n.id) {
            None => items.push(format!("Definition added: `{}` ({}): {} Hint: {}", n.id, fields(n), n.text.en, n.hint.en)),
            Some(was) => {
                let mut what = changes(&ser(was), &ser(n), &["id"]);
                if was.hint != n.hint {
                    what.push(format!("hint «{}» → «{}»", was.hint.en, n.hint.en));
                }
                if !what.is_empty() {
                    items.push(format!("Definition changed: `{}`: {}", n.id, what.join("; ")));
                }
            }
        }
    }
    for o in old.definitions.iter().filter(|o| !new.definitions.iter().any(|n| n.id == o.id)) {
        items.push(format!("Definition removed: `{}` ({}): {}", o.id, fields(o), o.text.en));
    }
    list_or(w, items, "No definition added, removed or changed.");
}

fn unknown_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Known unknowns");
    line(w, "");
    let mut items = Vec::new();
    for u in new.unknowns.iter().filter(|u| !old.unknowns.contains(u)) {
        items.push(format!("Known unknown added: {}", u.en));
    }
    for u in old.unknowns.iter().filter(|u| !new.unknowns.contains(u)) {
        items.push(format!("Known unknown removed: {}", u.en));
    }
    list_or(w, items, "No known unknown added or removed.");
}

fn list_or(w: &mut String, items: Vec<String>, none: &str) {
    if items.is_empty() {
        line(w, none);
    }
    for item in items {
        let _ = writeln!(w, "- {item}");
    }
    line(w, "");
}
