//! Grouping the changed patients (by jurisdiction, indication and old → new verdict) and
//! describing each group as a few cubes, checked against the enumeration.

use std::collections::BTreeMap;

use blincyto_checker::dataset::Dataset;
use blincyto_checker::patient::Value;
use blincyto_checker::vocab::{Field, IndicationId, Jurisdiction, Verdict};
use blincyto_model::logic::IndicationSet;

use super::grid::{slice, Cube, Grid};
use super::line;

pub(super) fn verdict_changes(w: &mut String, old: &Dataset, new: &Dataset) {
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
pub(super) struct Point {
    /// Its value (index) on each axis.
    pub(super) at: Vec<usize>,
    /// In the group: listed under the indication, with the group's old and new verdicts.
    pub(super) inside: bool,
    /// The indications it is listed under.
    pub(super) listed: IndicationSet,
}

impl Point {
    pub(super) fn in_cube(&self, cube: &Cube) -> bool {
        self.at.iter().zip(cube).all(|(v, set)| set[*v])
    }
}

/// One group: a jurisdiction, an indication, an old → new verdict. Its lines read "among the
/// patients on this indication (in either dataset), those with … change from … to …", so
/// together they must hold every patient of the group and no other patient on the indication;
/// patients of other jurisdictions, or on other indications only, are free to lie in a line's
/// cube (that is what keeps the lines short). So only the patients on the indication matter,
/// a few thousand at most, whatever the size of a cube.
pub(super) struct Group<'g> {
    pub(super) grid: &'g Grid,
    pub(super) points: Vec<Point>,
}

impl<'g> Group<'g> {
    pub(super) fn new(grid: &'g Grid, jv: usize, ind: IndicationId, from: Verdict, to: Verdict) -> Group<'g> {
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
    pub(super) fn holds_outsider(&self, cube: &Cube) -> bool {
        self.points.iter().any(|p| !p.inside && p.in_cube(cube))
    }

    /// For each axis, the values that the patients on the indication in `cube` have.
    pub(super) fn used(&self, cube: &Cube) -> Vec<Vec<bool>> {
        let mut used: Vec<Vec<bool>> = self.grid.dims.iter().map(|d| vec![false; d.len]).collect();
        for p in self.points.iter().filter(|p| p.in_cube(cube)) {
            p.at.iter().enumerate().for_each(|(d, v)| used[d][*v] = true);
        }
        used
    }

    /// Would widening axis `d` of `cube` to the values `to` add no patient on the indication?
    pub(super) fn settled(&self, cube: &Cube, d: usize, to: impl Fn(usize) -> bool) -> bool {
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
    pub(super) fn describe(&self) -> Vec<Cube> {
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
    pub(super) fn tighten(&self, cube: Cube) -> Cube {
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
    pub(super) fn also_on(&self, cube: &Cube, ind: IndicationId) -> String {
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
}
