//! No import circle in either crate: the modules of `src/` and of `model/src/` (a file is a
//! module) form a directed acyclic graph under "names a path in". A module naming its own
//! descendants (declaring and re-exporting its children) is structure, not a dependency; every
//! other `crate::…`, `super::…` and `self::…` path counts, in `use` lines and in code, but not in
//! the unit tests at the end of a file, which may use the test fixtures. (The model
//! keeps a stricter rule of its own: each module imports only the ones below it,
//! `model/src/lib.rs`.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Every `.rs` file below `root` but the binaries, as a module path (`form::answer`) and its
/// code with comments left out.
fn modules(root: &Path) -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if path.file_name().unwrap() != "bin" {
                    walk(&path, out);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(root, &mut files);
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(root).unwrap().with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // The unit tests (by convention a `#[cfg(test)]` module at the end) and the
            // test-only fixtures may use anything: they are not part of the layering.
            let text = text.split("#[cfg(test)]\nmod").next().unwrap();
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .map(|l| format!("{l}\n"))
                .collect();
            (parts.join("::"), code)
        })
        .collect()
}

/// The identifiers named right after each `prefix` in `code`: `crate::a::b` gives `a::b`, and a
/// group `super::{a, b::c}` gives `a` and `b::c`.
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    let ident = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    let mut out = Vec::new();
    for (i, _) in code.match_indices(prefix) {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[i + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            out.extend(group[..end].split(',').map(|p| p.trim().trim_end_matches("::{").to_string()));
        } else {
            out.push(rest.chars().take_while(|c| ident(*c)).collect::<String>().trim_end_matches(':').to_string());
        }
    }
    out.into_iter().filter(|p| !p.is_empty()).collect()
}

/// The longest known module that `path` starts with.
fn module_of(path: &str, known: &BTreeMap<String, String>) -> Option<String> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len()).rev().map(|n| parts[..n].join("::")).find(|m| known.contains_key(m))
}

fn graph(root: &Path) -> Graph {
    let known = modules(root);
    let mut graph = Graph::new();
    for (name, code) in &known {
        let parent = name.rsplit_once("::").map_or("", |(p, _)| p);
        let join = |base: &str, p: &str| if base.is_empty() { p.to_string() } else { format!("{base}::{p}") };
        let targets = paths_after(code, "crate::")
            .into_iter()
            .chain(paths_after(code, "super::").into_iter().map(|p| join(parent, &p)))
            .chain(paths_after(code, "self::").into_iter().map(|p| join(name, &p)));
        let edges = graph.entry(name.clone()).or_default();
        for target in targets {
            let Some(m) = module_of(&target, &known) else { continue };
            let descendant = name.is_empty() || m.starts_with(&format!("{name}::"));
            if m != *name && !descendant {
                edges.insert(m);
            }
        }
    }
    graph
}

/// A circle in `graph`, if there is one, as the modules along it.
fn circle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(at: &str, graph: &Graph, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|m| m == at) {
            let mut circle = path[i..].to_vec();
            circle.push(at.to_string());
            return Some(circle);
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.to_string());
        for next in graph.get(at).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(at.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|m| visit(m, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_import_circle_in_either_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["src", "model/src"] {
        let g = graph(&root.join(dir));
        assert!(g.len() > 5, "{dir}: read only {:?}", g.keys());
        if let Some(c) = circle(&g) {
            panic!("{dir}: an import circle: {}", c.join(" → "));
        }
    }
}

/// The reader itself: a group import, a path in code and a `super::` path are edges; a parent
/// naming its child is not; a circle through them is found.
#[test]
fn the_reader_sees_a_circle_through_a_group_import() {
    let code = "use super::{copy::CopySummary, icon};\nfn f() { crate::form::answer::x(); }";
    assert_eq!(paths_after(code, "super::"), ["copy::CopySummary", "icon"]);
    assert_eq!(paths_after(code, "crate::"), ["form::answer::x"]);
    let mut g = Graph::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    assert_eq!(circle(&g), None);
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(circle(&g).unwrap(), ["a", "b", "c", "a"]);
}
