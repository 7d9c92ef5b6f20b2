//! The map in docs/architecture.md, checked: no import circles between
//! coach's top-level modules, and nothing outside the store reads the
//! environment.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of `src/` and the top-level modules it imports,
/// from its non-test code.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in sources(&src) {
        let rel = path.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if top == "lib" || top == "main" {
            continue;
        }
        let deps = out.entry(top.clone()).or_default();
        for module in crate_paths(&code(&text)) {
            if module != top {
                deps.insert(module);
            }
        }
    }
    out
}

/// Every `.rs` file under `dir` that is not a test file.
fn sources(dir: &Path) -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".rs") && name != "tests.rs" && !name.ends_with("_tests.rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path, text));
        }
    }
    out
}

/// The code of a file without its comments and its `mod tests`.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules named after `crate::` (`crate::store::x`, and the
/// items of `use crate::{a::x, b}`).
fn crate_paths(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            out.extend(group.split(',').map(|p| ident(p.trim())));
        } else {
            out.push(ident(rest));
        }
    }
    out.retain(|m| !m.is_empty() && m.chars().next().is_some_and(|c| c.is_ascii_lowercase()));
    out
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = imports();
    let mut circles = Vec::new();
    for (from, deps) in &graph {
        for to in deps {
            // Is there a way back from `to` to `from`?
            let mut seen = BTreeSet::new();
            let mut todo = vec![to.clone()];
            let mut path_back = false;
            while let Some(m) = todo.pop() {
                if m == *from {
                    path_back = true;
                    break;
                }
                if seen.insert(m.clone()) {
                    todo.extend(graph.get(&m).into_iter().flatten().cloned());
                }
            }
            if path_back {
                circles.push(format!("{from} -> {to} -> … -> {from}"));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
    // The store is the edge: the core below it never imports it.
    for core in [
        "flow",
        "playbook",
        "session",
        "followups",
        "config",
        "coaching",
        "report",
        "card",
        "account",
        "calendar",
    ] {
        let deps = graph.get(core).cloned().unwrap_or_default();
        for edge in ["store", "workflow", "cmd"] {
            assert!(!deps.contains(edge), "{core} imports {edge}");
        }
    }
}

#[test]
fn only_the_store_reads_the_environment() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let all = sources(&src);
    // Files that only tests compile (`#[cfg(test)] mod name;`): a test may
    // read a switch of its own, as `UPDATE_DOCS` is read.
    let test_only: Vec<std::path::PathBuf> = all
        .iter()
        .flat_map(|(path, text)| {
            let dir = path.parent().unwrap().to_path_buf();
            let dir = if path.ends_with("mod.rs") || path.ends_with("lib.rs") {
                dir
            } else {
                dir.join(path.file_stem().unwrap())
            };
            text.split("#[cfg(test)]\nmod ")
                .skip(1)
                .filter_map(|rest| rest.split_once(";\n").map(|(name, _)| name.to_string()))
                .filter(|name| !name.contains(' '))
                .map(move |name| dir.join(format!("{name}.rs")))
                .collect::<Vec<_>>()
        })
        .collect();
    for (path, text) in all {
        let rel = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rel == "store/env.rs" || test_only.contains(&path) {
            continue;
        }
        let code_end = text.find("#[cfg(test)]\nmod tests").unwrap_or(text.len());
        for (n, line) in text[..code_end].lines().enumerate() {
            let comment = line.trim_start().starts_with("//");
            if !comment && (line.contains("std::env::var") || line.contains("env::var_os")) {
                found.push(format!("src/{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "environment read outside store::env:\n{}",
        found.join("\n")
    );
}
