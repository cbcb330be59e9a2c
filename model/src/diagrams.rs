//! Decision diagrams: the exact answers of `crate::assessment::evaluate` without searching the
//! completions one by one. Built once from the dataset by [`Diagrams::of`] (at build time, by
//! `build.rs`, as part of validation) over the representative values of [`crate::domains`], and
//! read per patient by `Query`. Imports the layers below it: vocabulary, patient, dataset types,
//! evaluation, representative values.

use crate::dataset::Dataset;
use crate::domains::{for_each_completion, Domains};
use crate::logic::{eval, verdict_by, Check};
use crate::patient::{Patient, Value};
use crate::vocab::{Criterion, Field, FieldSet, Jurisdiction, List, Verdict};

// ------------------------------------------------------------------------------------------------
// Decision diagrams: the exact answers of `evaluate` without searching the completions one by one.
//
// Over the representative values the dataset's decision is a function of finitely many fields.
// [`Diagrams`] holds it, and each criterion, as *reduced ordered decision diagrams* (one child per
// representative value, fields always tested in the same order, no node whose children are all
// the same, no two nodes alike), built once from the dataset. Such a diagram is canonical: two
// nodes are the same function exactly when they are the same node, and a function depends on a
// field exactly when a node of its diagram tests that field. So for a partial patient:
// - the verdicts its completions get are the constants reachable when the known fields follow
//   their value and the unknown ones every value ([`Query::image`]);
// - a criterion is met (not met) in every completion when only `true` (`false`) is reachable;
// - the fields in `missing` — those where two completions differing in that field alone get
//   different verdicts — are the fields the verdict still depends on once the known values are
//   put in: the fields tested in the reduced diagram of that restricted function
//   ([`Query::restrict`], [`Query::essential`]).
// These are the very definitions the completion search computes (`crate::search`, behind the
// feature `search`: the tests' oracle, not shipped): `possible_verdicts` collects the verdicts of
// the completions, `check_exact` whether a criterion holds in all, none or some of them, and
// `is_relevant` whether two completions differing in one field alone get different verdicts. (The
// search stops a branch early only where every completion of it agrees: `tests/sweep.rs` checks
// the criteria's early answers exhaustively, and a route decided before its earlier rules are
// rests on the rule coverage validation proves.) The diagrams read the completions' verdicts off
// `verdict_by`, the same code `verdict` uses, so the answers are the same; `tests/diagrams.rs`
// compares the two ways on every partial input made from several patients and on random ones.
//
// Known numbers that are not representative values (8 years, MRD 0.5 %) are placed on the
// representative value they provably stand for ([`Diagrams::read`]). That every number the strict
// reading accepts has one is proved when the diagrams are built ([`Diagrams::prove_reading`]): a
// dataset where it fails (two thresholds closer together than the 1e-9 tolerance, so that some
// numbers between them answer like no representative value) fails validation, and the build. So
// `evaluate` reads the diagrams only, and has no search to fall back on; a value outside the
// contract that no representative value stands for (NaN years) is read as not given.
// `tests/diagrams.rs` compares the diagrams with the search at every point where a criterion's
// answer changes, one double either side, and within the tolerance of every threshold. Cost: built in about 0.1–0.4 ms
// natively (221 nodes, ~10 KB for the current dataset); `evaluate` on a partial patient takes
// about a microsecond.
// ------------------------------------------------------------------------------------------------

/// The `level` of a constant (terminal) node: below every field.
const TERMINAL: u8 = u8::MAX;
/// A field with no known value, in [`Known::class`].
const ABSENT: u8 = u8::MAX;
/// The most fields the diagrams handle (there are 17).
const MAX_FIELDS: usize = 32;
/// Bounds the work and memory of [`Diagrams::build`] for any dataset: past this many entries in
/// one of its tables the diagrams are not built, and the dataset fails validation. The current
/// dataset needs at most 221 (its nodes).
const MAX_ENTRIES: usize = 4096;

/// A node: a test of the field at `level`, with one child per representative value of the
/// field, or (at level `TERMINAL`) a constant `value`.
///
/// Its fields, like those of [`Diagrams`], are public only for the code `build.rs` writes.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::diagrams))]
pub struct Node {
    #[doc(hidden)]
    pub level: u8,
    /// A constant's value: a truth value (0, 1) in a criterion's diagram, a [`Verdict`] in the
    /// verdict's, the index of a representative value in the jurisdiction's.
    #[doc(hidden)]
    pub value: u8,
    /// Index of the node's first child in [`Diagrams::kids`].
    #[doc(hidden)]
    pub first: u32,
}

/// The dataset's verdict and criteria as reduced ordered decision diagrams over the
/// representative values. See the comment above for how `evaluate` reads them, and why exactly.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::diagrams))]
pub struct Diagrams {
    /// The representative values the diagrams are over.
    #[doc(hidden)]
    pub domains: Domains,
    /// The fields from the top of the diagrams down: `monotherapy` (known in most queries: absent
    /// means `true` in Ph-negative disease), then the form's order. A form filled from the top thus leaves the known fields
    /// above the unknown ones, and the diagram below the deepest known field is used as it is.
    #[doc(hidden)]
    pub order: List<Field>,
    /// The number of representative values of the field at each level.
    #[doc(hidden)]
    pub width: List<u8>,
    /// Every node of every diagram, children before parents; the diagrams share their parts.
    #[doc(hidden)]
    pub nodes: List<Node>,
    #[doc(hidden)]
    pub kids: List<u32>,
    /// Per node: the fields its function depends on (those tested below it).
    #[doc(hidden)]
    pub support: List<FieldSet>,
    /// Per node: the values its function takes, one bit per constant value.
    #[doc(hidden)]
    pub image: List<u32>,
    /// The verdict of a complete patient.
    #[doc(hidden)]
    pub verdict: u32,
    /// On some indication (any indication's criteria all met).
    #[doc(hidden)]
    pub on_label: u32,
    /// Per indication of the dataset (in its order): its criteria all met; and each criterion.
    #[doc(hidden)]
    pub indications: List<u32>,
    #[doc(hidden)]
    pub criteria: List<List<u32>>,
    /// The fields each criterion of each indication reads
    /// ([`CriterionCheck::fields`](crate::assessment::CriterionCheck::fields)).
    #[doc(hidden)]
    pub fields: List<List<FieldSet>>,
    /// Per field (by `Field as usize`): the distinct elementary criteria (no all-of / any-of) of
    /// indications and rules that read it, to place a given number that is not a representative
    /// value (`Diagrams::read`).
    #[doc(hidden)]
    pub atoms: List<List<Criterion>>,
    /// Per field whose elementary criteria read no other field (at most 64 of them): the
    /// answers of those criteria on each representative value, one bit each. A shortcut of
    /// `Diagrams::stands_for` for ages, MRD and counts.
    #[doc(hidden)]
    pub answers: List<Option<List<u64>>>,
}

impl Diagrams {
    /// The decision diagrams of `d`, over its representative values ([`Domains::of`]), with the
    /// proof that they read every value the strict reading accepts exactly; a few milliseconds
    /// natively. An error names why they cannot be built or the first value they cannot read:
    /// then the dataset fails validation (`crate::validate`), so every dataset the widget
    /// compiles in has them.
    pub fn of(d: &Dataset) -> Result<Diagrams, String> {
        let dom = Domains::of(d);
        for f in Field::ALL {
            let n = dom.values(*f).len();
            if n > usize::from(u8::MAX) {
                return Err(format!(
                    "the decision diagrams cannot be built: {f} has {n} representative values (distinct thresholds), at most {} are handled",
                    u8::MAX
                ));
            }
        }
        let dg = Diagrams::build(d, &dom).ok_or_else(|| {
            format!(
                "the decision diagrams cannot be built: they need more than {MAX_ENTRIES} entries in one of their tables, \
                 or a criterion stays undecided with every field it reads known"
            )
        })?;
        dg.prove_reading()?;
        Ok(dg)
    }

    /// Builds the diagrams of `d` over the values of `dom`. Bottom-up with the classic
    /// operations: an elementary criterion by [`eval`] on each combination of the (at most three)
    /// fields it reads; all-of / any-of by "and" / "or" of their parts' diagrams; the verdict by
    /// walking the indications' and rules' diagrams together, down to where every criterion is
    /// decided, and applying the contract's precedence ([`verdict_by`]) there. Every node is made
    /// by [`Builder::mk`], which keeps the diagrams reduced and shared.
    ///
    /// `None` if an elementary criterion stays undecided with all the fields it names known (not
    /// with a valid dataset), or past [`MAX_ENTRIES`].
    fn build(d: &Dataset, dom: &Domains) -> Option<Diagrams> {
        let mut order = vec![Field::Monotherapy];
        order.extend(Field::ALL.iter().copied().filter(|f| *f != Field::Monotherapy));
        if order.len() > MAX_FIELDS {
            return None;
        }
        let mut level = vec![0u8; Field::ALL.len()];
        order.iter().enumerate().for_each(|(l, f)| level[*f as usize] = l as u8);
        let width: Vec<u8> = order.iter().map(|f| u8::try_from(dom.values(*f).len()).ok()).collect::<Option<_>>()?;
        if width.contains(&0) {
            return None;
        }
        let mut b = Builder {
            d,
            dom,
            order: &order,
            width: &width,
            nodes: Vec::new(),
            kids: Vec::new(),
            unique: Table::default(),
            ops: Table::default(),
            states: Table::default(),
        };

        let mut criteria = Vec::new();
        let mut indications = Vec::new();
        for ind in d.indications.iter() {
            let parts = ind.criteria.iter().map(|c| b.criterion(c)).collect::<Option<Vec<u32>>>()?;
            indications.push(b.fold(true, &parts)?);
            criteria.push(parts);
        }
        let on_label = b.fold(false, &indications)?;

        // The verdict: jurisdiction, indications, then every jurisdiction's rules, side by side.
        let jl = level[Field::Jurisdiction as usize];
        let jurisdiction = {
            let kids = (0..width[jl as usize]).map(|v| b.constant(v)).collect::<Option<Vec<u32>>>()?;
            b.mk(jl, &kids)?
        };
        let mut state = vec![jurisdiction];
        state.extend(indications.iter().copied());
        let mut base = Vec::new();
        for jd in d.jurisdictions.iter() {
            base.push(state.len());
            for rule in jd.rules.iter() {
                let parts = rule.when.iter().map(|c| b.criterion(c)).collect::<Option<Vec<u32>>>()?;
                state.push(b.fold(true, &parts)?);
            }
        }
        let verdict = b.decide(state, &base)?;

        let mut atoms: Vec<Vec<Criterion>> = vec![Vec::new(); Field::ALL.len()];
        let mut add = |c: &Criterion| {
            fn walk(c: &Criterion, atoms: &mut Vec<Vec<Criterion>>) {
                match c {
                    Criterion::AllOf(parts) | Criterion::AnyOf(parts) => parts.iter().for_each(|c| walk(c, atoms)),
                    atom => {
                        for f in atom.field_set().iter() {
                            if !atoms[f as usize].contains(atom) {
                                atoms[f as usize].push(atom.clone());
                            }
                        }
                    }
                }
            }
            walk(c, &mut atoms)
        };
        d.indications.iter().flat_map(|i| i.criteria.iter()).for_each(&mut add);
        d.jurisdictions.iter().flat_map(|j| j.rules.iter()).flat_map(|r| r.when.iter()).for_each(&mut add);

        let answers: Vec<Option<Vec<u64>>> = Field::ALL
            .iter()
            .map(|f| {
                let atoms = &atoms[*f as usize];
                let solo = atoms.len() <= 64 && atoms.iter().all(|a| a.field_set() == FieldSet::of(&[*f]));
                solo.then(|| dom.values(*f).iter().map(|v| answers(atoms, *f, *v)).collect::<Option<Vec<u64>>>())
                    .flatten()
            })
            .collect();
        let fields: Vec<Vec<FieldSet>> =
            d.indications.iter().map(|i| i.criteria.iter().map(|c| c.field_set()).collect()).collect();

        let (nodes, kids) = (b.nodes, b.kids);
        let mut support = Vec::with_capacity(nodes.len());
        let mut image = Vec::with_capacity(nodes.len());
        for node in nodes.iter() {
            if node.level == TERMINAL {
                support.push(FieldSet::default());
                image.push(1u32.checked_shl(u32::from(node.value))?);
            } else {
                let children = &kids[node.first as usize..][..usize::from(width[usize::from(node.level)])];
                let own = FieldSet::of(&[order[usize::from(node.level)]]);
                support.push(children.iter().fold(own, |s, k| s.union(support[*k as usize])));
                image.push(children.iter().fold(0, |s, k| s | image[*k as usize]));
            }
        }
        Some(Diagrams {
            domains: dom.clone(),
            order: order.into(),
            width: width.into(),
            nodes: nodes.into(),
            kids: kids.into(),
            support: support.into(),
            image: image.into(),
            verdict,
            on_label,
            indications: indications.into(),
            criteria: criteria.into_iter().map(List::from).collect(),
            fields: fields.into_iter().map(List::from).collect(),
            atoms: atoms.into_iter().map(List::from).collect(),
            answers: answers.into_iter().map(|a: Option<Vec<u64>>| a.map(List::from)).collect(),
        })
    }

    /// The representative values the diagrams are over.
    pub fn domains(&self) -> &Domains {
        &self.domains
    }

    /// The number of indications the diagrams were built for (those of their dataset).
    pub fn indication_count(&self) -> usize {
        self.indications.len()
    }

    /// The number of nodes of all the diagrams together.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    fn kid(&self, n: u32, i: u8) -> u32 {
        self.kids[self.nodes[n as usize].first as usize + usize::from(i)]
    }

    /// The diagrams restricted to the known values of `p`: what [`Query`] answers about its
    /// completions.
    pub(crate) fn query(&self, p: &Patient) -> Query<'_> {
        Query::new(self, self.read(p))
    }

    /// The known fields of `p` as the diagrams read them. A given value that is one of the
    /// representative values is read as itself. Any other number (8 years, MRD 0.5 %) is read
    /// as a representative value it provably stands for: every elementary criterion that reads
    /// the field gives the same answer with either value, whatever the other fields it reads
    /// (known ones as given, unknown ones each representative value). Then every criterion, and
    /// the verdict, is the same in every completion with either value.
    ///
    /// Every value the strict reading accepts (`crate::patient::parse_value`) is placed so:
    /// [`Diagrams::of`] proves it for the dataset ([`Diagrams::prove_reading`]), or fails. A
    /// value outside the contract that no representative value stands for (NaN years) is read
    /// as not given.
    pub(crate) fn read(&self, p: &Patient) -> Known {
        let dom = &self.domains;
        let mut known = Known { class: [ABSENT; MAX_FIELDS], deepest: 0, unread: FieldSet::default() };
        // `p` with the values already placed replaced by their representative value.
        let mut placed: Option<Patient> = None;
        for (level, field) in self.order.iter().copied().enumerate() {
            let value = match p.get(field) {
                Some(v) => v,
                // Read as `true` by every criterion in Ph-negative disease: a known value.
                None if field == Field::Monotherapy && p.monotherapy_assumed() => Value::Flag(true),
                None => continue,
            };
            let reps = dom.values(field);
            let class = if self.answers[field as usize].is_some() || reps.contains(&value) {
                self.place(p, field, value)
            } else {
                // Criteria reading other fields too: the values already placed stand as their
                // representative value.
                let q = placed.get_or_insert_with(|| p.clone());
                let c = self.place(q, field, value);
                q.set(field, c.map(|c| reps[c]));
                c
            };
            match class {
                Some(class) => {
                    known.class[level] = class as u8;
                    known.deepest = level as u8;
                }
                None => known.unread = known.unread.union(FieldSet::of(&[field])),
            }
        }
        known
    }

    /// The index of the representative value of `field` that stands for `value` in `q`: the
    /// value itself if it is one; else, for a field whose criteria read it alone, the one they
    /// all answer alike ([`Diagrams::answers`]); else the first that [`Diagrams::stands_for`]
    /// `value` whatever the fields `q` leaves open. `None` if none does.
    fn place(&self, q: &Patient, field: Field, value: Value) -> Option<usize> {
        let reps = self.domains.values(field);
        if let Some(c) = reps.iter().position(|r| *r == value) {
            return Some(c);
        }
        match &self.answers[field as usize] {
            Some(table) => {
                let mine = answers(&self.atoms[field as usize], field, value)?;
                table.iter().position(|a| *a == mine)
            }
            None => (0..reps.len()).find(|c| self.stands_for(q, field, value, reps[*c])),
        }
    }

    /// Proves that [`Diagrams::read`] places every value the strict reading accepts
    /// ([`Field::range`](crate::vocab::Field::range)): the error names the first one it cannot place. Enumerated and
    /// flag fields need nothing (each of their values is a representative value); counts are
    /// tried one by one (at most 1001 each); numbers where it matters:
    ///
    /// - a number field's criteria read it alone (else this fails: the proof needs it), so a
    ///   number is placed iff its answers to them are those of a representative value;
    /// - each of those criteria compares the number, scaled by a positive constant, with a
    ///   constant (`age-at-least-*`, `age-under-years`, `mrd-at-least-percent`, tolerance
    ///   included), so along the numbers its answer changes at most once, at a point found
    ///   exactly by bisection over the doubles;
    /// - between two consecutive such points (and the range's ends) every answer is constant, so
    ///   trying the range's ends and each point tries every answer a valid number can give.
    ///
    /// A criterion reading a count and other fields (`complete-remission` reads the relapse
    /// number, the status and remission) is tried with those fields open, all their values: the
    /// representative value found then stands for the count in every patient, so `read` finds
    /// one too — provided those other fields are enumerated ones, whose given values are all
    /// representative; a criterion reading two numeric fields fails the proof.
    fn prove_reading(&self) -> Result<(), String> {
        for field in Field::ALL.iter().copied() {
            let Some((lo, hi)) = field.range() else { continue };
            let atoms = &self.atoms[field as usize];
            for atom in atoms.iter() {
                let numeric = atom.field_set().iter().filter(|f| f.range().is_some()).count();
                if numeric > 1 {
                    return Err(format!(
                        "the decision diagrams cannot prove they read every {field} exactly: {atom:?} reads several numeric fields"
                    ));
                }
            }
            let fresh = Patient::default();
            let values: Vec<Value> = match self.domains.values(field).first() {
                Some(Value::Count(_)) => (lo as u32..=hi as u32).map(Value::Count).collect(),
                Some(Value::Number(_)) if self.answers[field as usize].is_some() => {
                    number_points(atoms, field, lo, hi).into_iter().map(Value::Number).collect()
                }
                _ => {
                    return Err(format!(
                        "the decision diagrams cannot prove they read every {field} exactly: its criteria read other fields too"
                    ))
                }
            };
            if let Some(v) = values.iter().find(|v| self.place(&fresh, field, **v).is_none()) {
                let shown = match v {
                    Value::Number(x) => format!("{x:?}"),
                    other => other.to_contract_string(),
                };
                return Err(format!(
                    "the decision diagrams cannot read {field} = {shown}: no representative value gives the same answer to every \
                     criterion that reads {field} (thresholds closer together than the 1e-9 tolerance?)"
                ));
            }
        }
        Ok(())
    }

    /// Whether `rep` may replace `value` in `field` of `q`: every elementary criterion reading
    /// `field` agrees on both, for every value of the other fields it reads that `q` leaves open.
    fn stands_for(&self, q: &Patient, field: Field, value: Value, rep: Value) -> bool {
        let dom = &self.domains;
        self.atoms[field as usize].iter().all(|atom| {
            let open: Vec<Field> = atom.field_set().iter().filter(|f| *f != field && q.get(*f).is_none()).collect();
            let mut same = true;
            for_each_completion(dom, q, &open, &mut |c| {
                same = same && eval(atom, &c.with(field, value)) == eval(atom, &c.with(field, rep));
            });
            same
        })
    }
}

/// The numbers of `[lo, hi]` where the answer of some criterion of `atoms` (each reading `field`
/// alone, each changing its answer at most once along the numbers) may change, with `lo` and
/// `hi`: the smallest number at which each criterion gives its answer at `hi`, if that differs
/// from its answer at `lo`, found by bisection over the doubles in order.
fn number_points(atoms: &[Criterion], field: Field, lo: f64, hi: f64) -> Vec<f64> {
    // The doubles in order as unsigned integers, and back.
    fn key(x: f64) -> u64 {
        let b = x.to_bits();
        if b >> 63 == 1 {
            !b
        } else {
            b | 1 << 63
        }
    }
    fn double(k: u64) -> f64 {
        f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k })
    }
    let mut points = vec![lo, hi];
    for atom in atoms {
        let answer = |x: f64| {
            let mut p = Patient::default();
            p.set(field, Some(Value::Number(x)));
            eval(atom, &p)
        };
        let high = answer(hi);
        if answer(lo) == high {
            continue;
        }
        // answer(double(low)) differs from `high`, answer(double(up)) is `high`.
        let (mut low, mut up) = (key(lo), key(hi));
        while up - low > 1 {
            let mid = low + (up - low) / 2;
            if answer(double(mid)) == high {
                up = mid;
            } else {
                low = mid;
            }
        }
        points.push(double(up));
    }
    points
}

/// The answers of `atoms`, each reading `field` alone, on `value`: one bit each.
fn answers(atoms: &[Criterion], field: Field, value: Value) -> Option<u64> {
    let mut p = Patient::default();
    p.set(field, Some(value));
    let mut bits = 0;
    for (i, atom) in atoms.iter().enumerate() {
        bits |= u64::from(eval(atom, &p).ok()?) << i;
    }
    Some(bits)
}

/// A table from node lists to node numbers, kept sorted: the few hundred entries the diagrams
/// need are found by binary search, with little code (this also runs in the browser).
#[derive(Default)]
struct Table(Vec<(Vec<u32>, u32)>);

impl Table {
    fn get(&self, key: &[u32]) -> Option<u32> {
        self.0.binary_search_by(|(k, _)| k.as_slice().cmp(key)).ok().map(|i| self.0[i].1)
    }

    fn insert(&mut self, key: Vec<u32>, value: u32) {
        if let Err(i) = self.0.binary_search_by(|(k, _)| k.as_slice().cmp(&key)) {
            self.0.insert(i, (key, value));
        }
    }

    /// Adds an entry unless the table is full ([`MAX_ENTRIES`]: then `None`).
    fn insert_bounded(&mut self, key: Vec<u32>, value: u32) -> Option<()> {
        (self.0.len() < MAX_ENTRIES).then(|| self.insert(key, value))
    }
}

/// Builds [`Diagrams`]: the unique table and the memo tables of the operations.
struct Builder<'a> {
    d: &'a Dataset,
    dom: &'a Domains,
    order: &'a [Field],
    width: &'a [u8],
    nodes: Vec<Node>,
    kids: Vec<u32>,
    /// `[level, value, children…]` of every node: no two nodes alike.
    unique: Table,
    /// "and" (`[1, a, b]`) / "or" (`[0, a, b]`) of two nodes.
    ops: Table,
    /// The verdict for each state of [`Builder::decide`].
    states: Table,
}

impl Builder<'_> {
    fn node(&mut self, level: u8, value: u8, kids: &[u32]) -> Option<u32> {
        let mut key = Vec::with_capacity(kids.len() + 2);
        key.extend_from_slice(&[u32::from(level), u32::from(value)]);
        key.extend_from_slice(kids);
        if let Some(id) = self.unique.get(&key) {
            return Some(id);
        }
        let id = self.nodes.len() as u32;
        self.unique.insert_bounded(key, id)?;
        self.nodes.push(Node { level, value, first: self.kids.len() as u32 });
        self.kids.extend_from_slice(kids);
        Some(id)
    }

    fn constant(&mut self, value: u8) -> Option<u32> {
        self.node(TERMINAL, value, &[])
    }

    /// The node testing `level` with these children: the child itself when they are all the
    /// same (the field does not matter there), else the one node so made.
    fn mk(&mut self, level: u8, kids: &[u32]) -> Option<u32> {
        if kids.iter().all(|k| *k == kids[0]) {
            Some(kids[0])
        } else {
            self.node(level, 0, kids)
        }
    }

    /// `n` with the field at `level` set to its `i`-th value.
    fn cofactor(&self, n: u32, level: u8, i: u8) -> u32 {
        let node = self.nodes[n as usize];
        if node.level == level {
            self.kids[node.first as usize + usize::from(i)]
        } else {
            n
        }
    }

    fn criterion(&mut self, c: &Criterion) -> Option<u32> {
        match c {
            Criterion::AllOf(parts) => self.combine(parts, true),
            Criterion::AnyOf(parts) => self.combine(parts, false),
            atom => self.atom(atom, atom.field_set(), &Patient::default(), 0),
        }
    }

    /// All (`and`) or any of `parts`; like [`all`] and [`any`], true / false when empty.
    fn combine(&mut self, parts: &[Criterion], and: bool) -> Option<u32> {
        let parts = parts.iter().map(|c| self.criterion(c)).collect::<Option<Vec<u32>>>()?;
        self.fold(and, &parts)
    }

    /// All (`and`) or any of the truth-valued diagrams `parts`; true / false when empty.
    fn fold(&mut self, and: bool, parts: &[u32]) -> Option<u32> {
        let mut acc = self.constant(u8::from(and))?;
        for x in parts {
            acc = self.apply(and, acc, *x)?;
        }
        Some(acc)
    }

    /// An elementary criterion: [`eval`] on `p` with every field it `reads` known, the fields
    /// taken in the diagrams' order from level `from` on.
    fn atom(&mut self, c: &Criterion, reads: FieldSet, p: &Patient, from: usize) -> Option<u32> {
        let Some(level) = (from..self.order.len()).find(|l| reads.contains(self.order[*l])) else {
            return self.constant(u8::from(eval(c, p).ok()?));
        };
        let field = self.order[level];
        let dom = self.dom;
        let mut kids = Vec::new();
        for v in dom.values(field) {
            kids.push(self.atom(c, reads, &p.with(field, *v), level + 1)?);
        }
        self.mk(level as u8, &kids)
    }

    /// "and" (`and`) or "or" of two truth-valued diagrams.
    fn apply(&mut self, and: bool, a: u32, b: u32) -> Option<u32> {
        let (na, nb) = (self.nodes[a as usize], self.nodes[b as usize]);
        // A constant decides (false for "and", true for "or") or leaves the other side.
        if na.level == TERMINAL {
            return Some(if (na.value == 1) == and { b } else { a });
        }
        if nb.level == TERMINAL {
            return Some(if (nb.value == 1) == and { a } else { b });
        }
        if a == b {
            return Some(a);
        }
        let key = vec![u32::from(and), a.min(b), a.max(b)];
        if let Some(r) = self.ops.get(&key) {
            return Some(r);
        }
        let level = na.level.min(nb.level);
        let mut kids = Vec::new();
        for i in 0..self.width[usize::from(level)] {
            let (x, y) = (self.cofactor(a, level, i), self.cofactor(b, level, i));
            kids.push(self.apply(and, x, y)?);
        }
        let r = self.mk(level, &kids)?;
        self.ops.insert_bounded(key, r)?;
        Some(r)
    }

    /// The verdict's diagram under `state`: `[jurisdiction, each indication, each rule of each
    /// jurisdiction (from `base[j]`)]`, the diagrams of what remains of each once the fields
    /// above are set. Where all are constant, [`verdict_by`] gives the verdict; elsewhere the
    /// topmost field tested by any of them is set to each of its values in turn.
    fn decide(&mut self, mut state: Vec<u32>, base: &[usize]) -> Option<u32> {
        let d = self.d;
        let never = self.constant(0)?;
        // A rule [`verdict_by`] will not consult may as well be false, so that states differing
        // only there meet in the memo: once the jurisdiction is known, the other jurisdictions'
        // rules; and the rules whose indications are all ruled out.
        let jurisdiction = self.jurisdiction(state[0]);
        let data = jurisdiction.map(|j| d.jurisdictions.iter().position(|x| x.id == j));
        for (k, jd) in d.jurisdictions.iter().enumerate() {
            for (r, rule) in jd.rules.iter().enumerate() {
                let elsewhere = data.is_some_and(|x| x != Some(k));
                let idle = d
                    .indications
                    .iter()
                    .enumerate()
                    .all(|(i, ind)| !rule.indications.contains(&ind.id) || state[1 + i] == never);
                if elsewhere || idle {
                    state[base[k] + r] = never;
                }
            }
        }
        if let Some(id) = self.states.get(&state) {
            return Some(id);
        }
        let level = state.iter().map(|s| self.nodes[*s as usize].level).min()?;
        let id = if level == TERMINAL {
            let holds = |s: u32| Ok(self.nodes[s as usize].value == 1);
            let v = verdict_by(d, jurisdiction, |i| holds(state[1 + i]), |k, r| holds(state[base[k] + r])).ok()?;
            self.constant(v as u8)?
        } else {
            let mut kids = Vec::new();
            for i in 0..self.width[usize::from(level)] {
                let child: Vec<u32> = state.iter().map(|s| self.cofactor(*s, level, i)).collect();
                kids.push(self.decide(child, base)?);
            }
            self.mk(level, &kids)?
        };
        self.states.insert_bounded(state, id)?;
        Some(id)
    }

    /// The jurisdiction a constant of the jurisdiction's diagram stands for.
    fn jurisdiction(&self, n: u32) -> Option<Jurisdiction> {
        let node = self.nodes[n as usize];
        match (node.level, self.dom.values(Field::Jurisdiction).get(usize::from(node.value))) {
            (TERMINAL, Some(Value::Jurisdiction(j))) => Some(*j),
            _ => None,
        }
    }
}

/// A patient's known fields as [`Diagrams::read`] places them.
#[derive(Clone, Copy)]
pub(crate) struct Known {
    /// Per level: the index of the representative value of the known value, or [`ABSENT`].
    class: [u8; MAX_FIELDS],
    /// The deepest level with a known value (`monotherapy` is at level 0). Below
    /// it nothing is known, so every node there is already the patient's own function.
    deepest: u8,
    /// The given fields read as not given: values outside the contract that no representative
    /// value stands for ([`Diagrams::read`]).
    unread: FieldSet,
}

/// The diagrams restricted to one patient's known values.
pub(crate) struct Query<'a> {
    dg: &'a Diagrams,
    known: Known,
    /// [`Query::image`] of the nodes above `deepest` met so far (0: not yet), made when needed.
    images: Vec<u32>,
    /// [`Query::restrict`] of the nodes above `deepest` met so far (`u32::MAX`: not yet).
    restricted: Vec<u32>,
    /// The nodes [`Query::restrict`] makes: `(level, first child in fresh_kids)`, numbered from
    /// `dg.nodes.len()` on, with their unique table.
    fresh: Vec<(u8, u32)>,
    fresh_kids: Vec<u32>,
    fresh_unique: Table,
}

impl<'a> Query<'a> {
    fn new(dg: &'a Diagrams, known: Known) -> Self {
        Query {
            dg,
            known,
            images: Vec::new(),
            restricted: Vec::new(),
            fresh: Vec::new(),
            fresh_kids: Vec::new(),
            fresh_unique: Table::default(),
        }
    }

    /// The values the function of `n` takes over the patient's completions, one bit each: the
    /// constants reachable when a known field follows its value and an unknown one every value.
    /// (Each path of an ordered diagram tests a field at most once, so every such path is
    /// followed by some completion.)
    fn image(&mut self, mut n: u32) -> u32 {
        let dg = self.dg;
        // Down the known fields (the whole way for a complete patient).
        let mut node = dg.nodes[n as usize];
        while node.level <= self.known.deepest {
            // (`level <= deepest < MAX_FIELDS`: the remainder only spares a bounds check.)
            let class = self.known.class[usize::from(node.level) % MAX_FIELDS];
            if class == ABSENT {
                return self.image_open(n, node);
            }
            n = dg.kids[node.first as usize + usize::from(class)];
            node = dg.nodes[n as usize];
        }
        dg.image[n as usize]
    }

    /// [`Query::image`] of a node testing an unknown field above `deepest`: every child.
    fn image_open(&mut self, n: u32, node: Node) -> u32 {
        let dg = self.dg;
        if self.images.is_empty() {
            self.images = vec![0; dg.nodes.len()];
        }
        if self.images[n as usize] == 0 {
            let mut bits = 0;
            for i in 0..dg.width[usize::from(node.level)] {
                bits |= self.image(dg.kid(n, i));
            }
            self.images[n as usize] = bits;
        }
        self.images[n as usize]
    }

    /// Indication `i` of the dataset: its criteria all met in every completion, in none, or in
    /// some only.
    pub(crate) fn indication(&mut self, i: usize) -> Check {
        self.check(self.dg.indications[i])
    }

    /// Criterion `k` of indication `i`, likewise.
    pub(crate) fn criterion(&mut self, i: usize, k: usize) -> Check {
        self.check(self.dg.criteria[i][k])
    }

    /// "On some indication", likewise.
    pub(crate) fn on_label(&mut self) -> Check {
        self.check(self.dg.on_label)
    }

    /// The fields criterion `k` of indication `i` reads.
    pub(crate) fn fields(&self, i: usize, k: usize) -> FieldSet {
        self.dg.fields[i][k]
    }

    /// Met / not met / unknown from a truth-valued diagram.
    fn check(&mut self, n: u32) -> Check {
        match self.image(n) {
            0b10 => Check::Met,
            0b01 => Check::NotMet,
            _ => Check::Unknown,
        }
    }

    /// The reduced diagram of `n` with the known values put in: a node of `dg` (below `deepest`
    /// nothing changes) or a fresh node. Fresh nodes are made as [`Builder::mk`] makes nodes, so
    /// two results are the same function exactly when they are the same number: a fresh node
    /// tests an unknown field above `deepest` with children that differ, which no node of `dg`
    /// below `deepest` and no other fresh node does.
    fn restrict(&mut self, n: u32) -> u32 {
        let dg = self.dg;
        let node = dg.nodes[n as usize];
        if node.level == TERMINAL || node.level > self.known.deepest {
            return n;
        }
        let class = self.known.class[usize::from(node.level)];
        if class != ABSENT {
            return self.restrict(dg.kid(n, class));
        }
        if self.restricted.is_empty() {
            self.restricted = vec![u32::MAX; dg.nodes.len()];
        }
        if self.restricted[n as usize] == u32::MAX {
            let mut key = vec![u32::from(node.level)];
            for i in 0..dg.width[usize::from(node.level)] {
                key.push(self.restrict(dg.kid(n, i)));
            }
            let kids = &key[1..];
            let r = if kids.iter().all(|k| *k == kids[0]) {
                kids[0]
            } else if let Some(r) = self.fresh_unique.get(&key) {
                r
            } else {
                let r = (dg.nodes.len() + self.fresh.len()) as u32;
                self.fresh.push((node.level, self.fresh_kids.len() as u32));
                self.fresh_kids.extend_from_slice(kids);
                self.fresh_unique.insert(key, r);
                r
            };
            self.restricted[n as usize] = r;
        }
        self.restricted[n as usize]
    }

    /// The fields tested in the reduced diagram `r` (from [`Query::restrict`]): exactly the
    /// fields its function depends on.
    fn essential(&self, r: u32, seen: &mut Vec<bool>, out: &mut FieldSet) {
        let dg = self.dg;
        let Some(f) = (r as usize).checked_sub(dg.nodes.len()) else {
            *out = out.union(dg.support[r as usize]);
            return;
        };
        if seen.len() < self.fresh.len() {
            seen.resize(self.fresh.len(), false);
        }
        if seen[f] {
            return;
        }
        seen[f] = true;
        let (level, first) = self.fresh[f];
        *out = out.union(FieldSet::of(&[dg.order[usize::from(level)]]));
        for i in 0..usize::from(dg.width[usize::from(level)]) {
            self.essential(self.fresh_kids[first as usize + i], seen, out);
        }
    }

    /// The given fields the query reads as not given ([`Diagrams::read`]): none for a patient the
    /// strict reading accepted.
    pub(crate) fn unread(&self) -> FieldSet {
        self.known.unread
    }

    /// The one verdict every completion gets, if they agree.
    pub(crate) fn decided(&mut self) -> Option<Verdict> {
        let bits = self.image(self.dg.verdict);
        (bits.count_ones() == 1).then(|| bits.trailing_zeros() as usize).and_then(|v| Verdict::ALL.get(v).copied())
    }

    /// Every verdict some completion gets, in the contract's order.
    pub(crate) fn possible(&mut self) -> Vec<Verdict> {
        let bits = self.image(self.dg.verdict);
        Verdict::ALL.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, v)| *v).collect()
    }

    /// The unknown fields the verdict depends on, in the form's order.
    pub(crate) fn missing(&mut self) -> Vec<Field> {
        let r = self.restrict(self.dg.verdict);
        let mut fields = FieldSet::default();
        self.essential(r, &mut Vec::new(), &mut fields);
        fields.iter().collect()
    }

    /// The level a node of [`Query::restrict`]'s results tests ([`TERMINAL`] for a constant).
    fn level_of(&self, r: u32) -> u8 {
        match (r as usize).checked_sub(self.dg.nodes.len()) {
            None => self.dg.nodes[r as usize].level,
            Some(f) => self.fresh[f].0,
        }
    }

    /// Child `i` of such a node, or the node itself where it does not test `level`: the node
    /// with the field at `level` set to its `i`-th value, when nothing above `level` is tested.
    fn cofactor(&self, r: u32, level: u8, i: usize) -> u32 {
        if self.level_of(r) != level {
            return r;
        }
        match (r as usize).checked_sub(self.dg.nodes.len()) {
            None => self.dg.kids[self.dg.nodes[r as usize].first as usize + i],
            Some(f) => self.fresh_kids[self.fresh[f].1 as usize + i],
        }
    }

    /// The fields such a node's function depends on (memo: `supports`, per fresh node).
    fn support_of(&self, r: u32, supports: &mut Vec<Option<FieldSet>>) -> FieldSet {
        let Some(f) = (r as usize).checked_sub(self.dg.nodes.len()) else {
            return self.dg.support[r as usize];
        };
        if supports.len() < self.fresh.len() {
            supports.resize(self.fresh.len(), None);
        }
        if let Some(s) = supports[f] {
            return s;
        }
        let mut out = FieldSet::default();
        self.essential(r, &mut Vec::new(), &mut out);
        supports[f] = Some(out);
        out
    }

    /// The most questions the form can still ask before the verdict stops depending on what it
    /// can ask: the longest path of the verdict's diagram restricted to the known values, counting
    /// the fields tested along it, when the questions are asked as the form asks them — always
    /// the first field the verdict depends on in the form's (clinical) order, `monotherapy`
    /// last, never a field of `skip` (marked not known: it stays unknown, so the verdict is read
    /// for each of its values at once), never the jurisdiction (the switch, not a question).
    ///
    /// `monotherapy` is level 0 of the diagrams, and while `philadelphia` is unknown an absent
    /// monotherapy is not assumed, so the restricted diagram may test it; but once Ph is
    /// answered negative it is assumed `true` and never asked. So the walk carries, for every
    /// value of the skipped fields, the pair of diagrams with `monotherapy` true and false side
    /// by side (the same node twice where it is known): an answer `philadelphia = negative`
    /// keeps the `true` side, and `monotherapy` counts only where, with every other askable
    /// field answered, some pair still differs.
    pub(crate) fn most_questions(&mut self, skip: FieldSet) -> usize {
        let dg = self.dg;
        let skip = FieldSet::from_bits(skip.bits() | FieldSet::of(&[Field::Jurisdiction]).bits());
        let root = self.restrict(dg.verdict);
        let mono = dg.order.iter().position(|f| *f == Field::Monotherapy).unwrap_or(0) as u8;
        let choices = dg.domains.values(Field::Monotherapy);
        let yes = choices.iter().position(|v| *v == Value::Flag(true)).unwrap_or(0);
        let no = choices.iter().position(|v| *v == Value::Flag(false)).unwrap_or(0);
        let start = vec![(self.cofactor(root, mono, yes), self.cofactor(root, mono, no))];
        let mut walk = Walk { skip, memo: Table::default(), supports: Vec::new() };
        walk.longest(self, start)
    }
}

/// The state of [`Query::most_questions`]: what it carries from step to step.
struct Walk {
    skip: FieldSet,
    /// The answer for each set of pairs met so far (the pairs flattened: the table the
    /// restriction already uses, rather than a map type of its own in the wasm).
    memo: Table,
    supports: Vec<Option<FieldSet>>,
}

impl Walk {
    /// The most questions from `pairs`: one pair `(monotherapy true, false)` of restricted
    /// diagrams per combination of values of the skipped fields tested so far.
    fn longest(&mut self, q: &Query<'_>, mut pairs: Vec<(u32, u32)>) -> usize {
        let dg = q.dg;
        // A skipped field on top of a side is read for each of its values: one pair for each.
        loop {
            let top = pairs
                .iter()
                .flat_map(|(t, f)| [q.level_of(*t), q.level_of(*f)])
                .filter(|l| *l != TERMINAL && self.skip.contains(dg.order[usize::from(*l)]))
                .min();
            let Some(level) = top else { break };
            let width = usize::from(dg.width[usize::from(level)]);
            pairs = pairs
                .iter()
                .flat_map(|(t, f)| (0..width).map(move |i| (q.cofactor(*t, level, i), q.cofactor(*f, level, i))))
                .collect();
        }
        pairs.sort_unstable();
        pairs.dedup();
        let key: Vec<u32> = pairs.iter().flat_map(|(t, f)| [*t, *f]).collect();
        if let Some(n) = self.memo.get(&key) {
            return n as usize;
        }
        let mut depends = 0u32;
        for (t, f) in pairs.iter() {
            depends |= q.support_of(*t, &mut self.supports).bits() | q.support_of(*f, &mut self.supports).bits();
        }
        let askable = FieldSet::from_bits(depends & !self.skip.bits() & !FieldSet::of(&[Field::Monotherapy]).bits());
        // The first askable field in the form's order: the topmost level (below monotherapy).
        let next = askable.iter().filter_map(|f| dg.order.iter().position(|o| *o == f)).min();
        let n = match next {
            Some(level) => {
                let level = level as u8;
                let field = dg.order[usize::from(level)];
                let values = dg.domains.values(field);
                let mut most = 0;
                for (i, value) in values.iter().enumerate() {
                    let negative = *value == Value::Philadelphia(crate::vocab::Philadelphia::Negative);
                    let next: Vec<(u32, u32)> = pairs
                        .iter()
                        .map(|(t, f)| {
                            let t = q.cofactor(*t, level, i);
                            // Ph-negative: an absent monotherapy is assumed `true` from now on.
                            (t, if negative { t } else { q.cofactor(*f, level, i) })
                        })
                        .collect();
                    most = most.max(self.longest(q, next));
                }
                1 + most
            }
            // Only monotherapy is left to ask, if the verdict still depends on it.
            None => usize::from(!self.skip.contains(Field::Monotherapy) && pairs.iter().any(|(t, f)| t != f)),
        };
        self.memo.insert(key, n as u32);
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The criteria that read a number, around and far from their thresholds.
    fn number_criteria() -> Vec<(Field, Criterion)> {
        let mut out = Vec::new();
        for t in [0, 1, 12, 18, 120] {
            out.push((Field::AgeYears, Criterion::AgeAtLeastMonths(t)));
            out.push((Field::AgeYears, Criterion::AgeAtLeastYears(t)));
            out.push((Field::AgeYears, Criterion::AgeUnderYears(t)));
        }
        for t in [0.0, 0.01, 0.1, 1.0, 100.0] {
            out.push((Field::MrdPercent, Criterion::MrdAtLeastPercent(t)));
        }
        out
    }

    fn answer(field: Field, c: &Criterion, x: f64) -> Tri {
        let mut p = Patient::default();
        p.set(field, Some(Value::Number(x)));
        eval(c, &p)
    }

    type Tri = crate::logic::Tri;

    /// [`Diagrams::prove_reading`] rests on this: along the numbers, a criterion that reads one
    /// changes its answer at most once.
    #[test]
    fn number_criteria_change_their_answer_at_most_once() {
        let mut xs: Vec<f64> = (0..=24_000).map(|i| f64::from(i) / 200.0).collect();
        for t in [0.0, 1.0 / 12.0, 1.0, 18.0, 0.01, 0.1, 100.0, 120.0] {
            for d in [0.0, 1e-12, 5e-11, 8e-11, 9e-11, 5e-10, 1e-9, 1.1e-9, 2e-9, 1e-6] {
                xs.extend([t - d, t + d]);
            }
        }
        xs.retain(|x| (0.0..=120.0).contains(x));
        xs.sort_by(f64::total_cmp);
        for (field, c) in number_criteria() {
            let changes = xs.windows(2).filter(|w| answer(field, &c, w[0]) != answer(field, &c, w[1])).count();
            assert!(changes <= 1, "{c:?} changes its answer {changes} times");
        }
    }

    /// The change point is exact: the criterion answers as at the top of the range there, and as
    /// at the bottom one double below.
    #[test]
    fn number_points_are_the_exact_change_points() {
        for (field, c) in number_criteria() {
            let (lo, hi) = field.range().unwrap();
            let points = number_points(core::slice::from_ref(&c), field, lo, hi);
            let (low, high) = (answer(field, &c, lo), answer(field, &c, hi));
            if low == high {
                assert_eq!(points, [lo, hi], "{c:?}");
                continue;
            }
            let x = points[2];
            let below = f64::from_bits(x.to_bits() - 1);
            assert_eq!(answer(field, &c, x), high, "{c:?} at {x:?}");
            assert_eq!(answer(field, &c, below), low, "{c:?} at {below:?}");
        }
    }
}
