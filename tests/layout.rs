//! Keeps the module graph one-way. Reads `src/`, finds which top-level module each module's code
//! names (`crate::x`), and fails on any import cycle between top-level modules, printing it. Also
//! keeps the build pipeline the only orchestrator: only `build` loads content and data sets and
//! runs the derivation.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(path).expect("read src").flatten() {
            rust_files(&entry.path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// The code of a file without its comment lines (docs may name other modules freely).
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).expect("read a source file");
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// Every `crate::name` the code mentions.
fn named_modules(code: &str) -> BTreeSet<String> {
    code.match_indices("crate::")
        .filter(|(i, _)| !code[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        .map(|(i, m)| {
            let rest = &code[i + m.len()..];
            rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// Top-level module name -> the top-level modules its files name.
fn graph() -> Graph {
    let mut graph = Graph::new();
    for entry in fs::read_dir(src()).expect("read src").flatten() {
        let path = entry.path();
        let Some(name) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else { continue };
        if name == "lib" || name == "main" || !(path.is_dir() || path.extension().is_some_and(|e| e == "rs")) {
            continue;
        }
        let mut files = Vec::new();
        rust_files(&path, &mut files);
        let deps = graph.entry(name.clone()).or_default();
        for file in files {
            deps.extend(named_modules(&code(&file)).into_iter().filter(|d| *d != name));
        }
    }
    graph
}

/// A cycle through the graph, as the path that closes it, if there is one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(node: &str, graph: &Graph, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn top_level_modules_import_one_way() {
    let graph = graph();
    assert!(graph.contains_key("build") && graph.contains_key("problem"), "read the modules: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between top-level modules: {}\nwhole graph: {graph:#?}", cycle.join(" -> "));
    }
    assert!(graph["problem"].is_empty(), "problem is a leaf: {:?}", graph["problem"]);
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let edges = |pairs: &[(&str, &str)]| {
        let mut g = Graph::new();
        for (a, b) in pairs {
            g.entry(a.to_string()).or_default().insert(b.to_string());
            g.entry(b.to_string()).or_default();
        }
        g
    };
    assert_eq!(find_cycle(&edges(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    assert_eq!(
        find_cycle(&edges(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a", "b", "c", "a"].into_iter().map(String::from).collect())
    );
    assert_eq!(
        named_modules("use crate::data::x; crate::build::run(); not_crate::web"),
        ["build", "data"].into_iter().map(String::from).collect()
    );
}

#[test]
fn only_the_build_pipeline_orchestrates() {
    let graph = graph();
    for (module, deps) in &graph {
        if module != "build" {
            assert!(!deps.contains("derive"), "{module} runs the derivation; only build/ may");
        }
    }
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for file in files.iter().filter(|f| !f.starts_with(src().join("build")) && !f.ends_with("tests.rs")) {
        let code = code(file);
        // Unit tests may load what they test.
        let code = code.split("#[cfg(test)]").next().unwrap_or_default();
        for call in ["content::load(", "DataSets::load("] {
            assert!(!code.contains(call), "{} calls {call}; only build/ loads content and data", file.display());
        }
    }
}
