//! The enumeration: every complete patient over the representative values of both datasets,
//! its outcome from each, on the report's axes (a field, or the episode in place of three).

use blincyto_checker::patient::{Patient, Value};
use blincyto_checker::vocab::{Criterion, DiseaseStatus, Field, Verdict};
use blincyto_model::domains::{for_each_completion, Domains};
use blincyto_model::logic::{self, IndicationSet};

use blincyto_checker::dataset::Dataset;


/// What one complete patient gets from each dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Outcome {
    pub(super) old: Verdict,
    pub(super) new: Verdict,
    pub(super) old_on: IndicationSet,
    pub(super) new_on: IndicationSet,
}

impl Outcome {
    pub(super) fn of(old: &Dataset, new: &Dataset, p: &Patient) -> Outcome {
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
    pub(super) fn listed_under(self) -> IndicationSet {
        if self.new_on.is_empty() { self.old_on } else { self.new_on }
    }
}

/// The disease episode: `diseaseStatus`, `relapseNumber` and `inRemission` read together, as the
/// remission number reads them. The report describes patients by episode (CR1, CR2…) rather than
/// by the three fields, where that is exact (see [`Grid::build`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Episode {
    /// Newly diagnosed; in remission (CR1) or not.
    New { remission: bool },
    /// After relapse number `relapse` (a representative value: the last one stands for itself
    /// and every higher number); in remission (CR `relapse + 1`) or not.
    Relapse { relapse: u32, open: bool, remission: bool },
    Refractory,
}

/// One axis of the grid: a field, or the episode in place of its three fields.
#[derive(Clone, Debug)]
pub(super) enum Axis {
    Field(Field),
    Episode(Vec<Episode>),
}

#[derive(Clone, Debug)]
pub(super) struct Dim {
    pub(super) axis: Axis,
    pub(super) len: usize,
}

impl Dim {
    /// Numeric axes are widened only to contiguous intervals.
    pub(super) fn is_interval(&self) -> bool {
        matches!(self.axis, Axis::Field(f) if f.is_numeric())
    }
}

/// Every complete patient's outcome, on the report's axes. Axis 0 is the jurisdiction.
pub(super) struct Grid {
    pub(super) dom: Domains,
    /// How many complete patients were enumerated.
    pub(super) patients: usize,
    pub(super) dims: Vec<Dim>,
    pub(super) strides: Vec<usize>,
    pub(super) outcomes: Vec<Outcome>,
    /// The age from which the indications of both datasets call a patient an adult, if they
    /// agree on one ([`adult_years`]).
    pub(super) adult_years: Option<f64>,
}

/// The age at which the dataset's indications divide adults from children: the one number every
/// `age-at-least-years` and `age-under-years` criterion of its indications states (18 today: the
/// adult indications from 18, the paediatric ones under 18); `None` if they state none or several.
pub(super) fn adult_years(d: &Dataset) -> Option<f64> {
    let mut ages = d.indications.iter().flat_map(|i| i.criteria.iter()).filter_map(|c| match c {
        Criterion::AgeAtLeastYears(y) | Criterion::AgeUnderYears(y) => Some(*y),
        _ => None,
    });
    let first = ages.next()?;
    ages.all(|y| y == first).then_some(f64::from(first))
}

impl Grid {
    /// Enumerates every complete patient over the representative values of both datasets.
    /// The episode axis replaces `diseaseStatus`, `relapseNumber` and `inRemission` when every
    /// patient of one episode gets the same outcomes whatever the fields the episode leaves
    /// free (a newly diagnosed patient's relapse number, say) — true of the criteria vocabulary
    /// today, and checked here, not assumed; otherwise the three fields stay separate axes.
    pub(super) fn build(old: &Dataset, new: &Dataset) -> Grid {
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
                let adult_years = adult_years(new).filter(|y| adult_years(old) == Some(*y));
                return Grid { dom, patients: raw.len(), dims, strides, outcomes, adult_years };
            }
        }
        unreachable!("the field axes are the enumeration itself")
    }

    pub(super) fn len(&self) -> usize {
        self.outcomes.len()
    }

    /// The value index of axis `d` at grid point `at`.
    pub(super) fn digit(&self, at: usize, d: usize) -> usize {
        (at / self.strides[d]) % self.dims[d].len
    }
}

/// Where a raw patient (value indices in `Field::ALL` order) lies on axis `dim`.
pub(super) fn coordinate(dom: &Domains, dim: &Dim, digits: &[usize]) -> usize {
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
pub(super) type Cube = Vec<Vec<bool>>;

/// `cube` with axis `d` set to the one value `v`.
pub(super) fn slice(cube: &Cube, d: usize, v: usize) -> Cube {
    let mut c = cube.clone();
    c[d] = (0..c[d].len()).map(|x| x == v).collect();
    c
}
