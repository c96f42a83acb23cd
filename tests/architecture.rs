//! The house rules, checked on the source: the domain's imports form a one-way
//! graph; pages never look questions up in the catalog, build route strings or
//! call storage directly.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn name(p: &Path) -> String {
    p.file_stem().unwrap().to_string_lossy().into_owned()
}

/// Module → the sibling domain modules it names (`super::x` or `crate::domain::x`).
fn domain_graph() -> BTreeMap<String, BTreeSet<String>> {
    let files = rust_files("src/domain");
    let modules: BTreeSet<String> = files.iter().map(|p| name(p)).filter(|m| m != "mod").collect();
    let mut graph = BTreeMap::new();
    for f in &files {
        let m = name(f);
        if m == "mod" {
            continue;
        }
        let text = fs::read_to_string(f).unwrap();
        let deps = modules
            .iter()
            .filter(|other| **other != m)
            .filter(|other| {
                text.contains(&format!("super::{other}")) || text.contains(&format!("crate::domain::{other}"))
            })
            .cloned()
            .collect();
        graph.insert(m, deps);
    }
    graph
}

#[test]
fn domain_modules_import_one_way() {
    let graph = domain_graph();
    assert!(graph.len() >= 10, "found the domain modules: {:?}", graph.keys());
    // Depth-first search for a cycle; report it as a path.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(m.to_string(), 1);
        path.push(m.to_string());
        for d in &g[m] {
            match state.get(d.as_str()) {
                Some(1) => {
                    let mut cycle = path.clone();
                    cycle.push(d.clone());
                    return Some(cycle);
                }
                None => {
                    if let Some(c) = visit(d, g, state, path) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(m.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in graph.keys() {
        if !state.contains_key(m) {
            if let Some(cycle) = visit(m, &graph, &mut state, &mut Vec::new()) {
                panic!("domain modules import each other: {}", cycle.join(" → "));
            }
        }
    }
    assert!(graph["evaluate"].contains("results") && !graph["results"].contains("evaluate"));
}

/// Lines of `src/ui` files (other than `except`) that contain `needle`.
fn ui_lines_with(needle: &str, except: &[&str]) -> Vec<String> {
    let mut hits = Vec::new();
    for f in rust_files("src/ui") {
        if except.iter().any(|e| f.ends_with(e)) {
            continue;
        }
        for (i, line) in fs::read_to_string(&f).unwrap().lines().enumerate() {
            if line.contains(needle) {
                hits.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
            }
        }
    }
    hits
}

#[test]
fn pages_read_question_texts_from_the_results() {
    assert_eq!(ui_lines_with("questions_for", &[]), Vec::<String>::new());
}

#[test]
fn route_strings_are_built_in_the_route_module_only() {
    assert_eq!(ui_lines_with("format!(\"/a/", &["route.rs"]), Vec::<String>::new());
    // The router's own declaration (`path!("/a/:id")` in app.rs) is the one other place.
    let literal: Vec<String> =
        ui_lines_with("\"/a/", &["route.rs"]).into_iter().filter(|l| !l.contains("path!(\"/a/:id\")")).collect();
    assert_eq!(literal, Vec::<String>::new());
}

#[test]
fn only_the_state_and_the_library_call_storage() {
    let calls: Vec<String> = ui_lines_with("storage::", &["state.rs", "library.rs"])
        .into_iter()
        .filter(|l| !l.contains("use crate::storage::IndexEntry"))
        .collect();
    assert_eq!(calls, Vec::<String>::new());
}
