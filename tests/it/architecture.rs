//! The code's structure: no two modules import each other, directly or around a circle, so
//! that each layer can be read, tested and changed on its own (STYLE.md: imports point down).
//!
//! Read from the source itself: every `use crate::...`, `use super::...` and inline
//! `crate::a::b` path of every file under src/, resolved to the file that defines it (through
//! a module's `pub use` re-exports). A cycle between files, or between the top-level modules
//! (`app`, `ui`, `history`, ...), fails with the circle named.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path as files name it: `history/store` for src/history/store.rs.
type Module = String;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every module file under src/, by module path (`lib`, `main` and `bin/...` left out: they
/// are the roots that import everything).
fn modules() -> BTreeMap<Module, String> {
    fn walk(dir: &Path, into: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, into);
            } else if path.extension().is_some_and(|e| e == "rs") {
                into.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&src(), &mut files);
    let mut modules = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(src()).expect("under src");
        let mut name = rel.with_extension("").to_string_lossy().replace('\\', "/");
        if let Some(parent) = name.strip_suffix("/mod") {
            name = parent.to_string();
        }
        if name == "lib" || name == "main" || name.starts_with("bin/") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read");
        modules.insert(name, strip_comments_and_strings(&text));
    }
    modules
}

/// The code without comments and string literals, so that a path in a doc comment or a
/// message is not read as an import.
fn strip_comments_and_strings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            !prev.is_some_and(|p| p.is_alphanumeric() || p == '_')
        } {
            // A raw string: r"...", r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A char literal ('a', '\n', '"'), or a lifetime ('a): only the literal is skipped.
            let close = if next == Some('\\') {
                chars[i + 2..]
                    .iter()
                    .position(|&c| c == '\'')
                    .map(|p| i + 2 + p)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match close {
                Some(end) => {
                    out.push_str("' '");
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The paths a use tree names: `a::{b, c::{d, self}}` gives `a::b`, `a::c::d`, `a::c`.
fn use_tree(prefix: &str, tree: &str, into: &mut Vec<String>) {
    let tree = tree.trim();
    if tree.is_empty() {
        return;
    }
    let join = |a: &str, b: &str| {
        if a.is_empty() {
            b.to_string()
        } else {
            format!("{a}::{b}")
        }
    };
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let base = join(prefix, head);
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    use_tree(&base, &inner[start..i], into);
                    start = i + 1;
                }
                _ => {}
            }
        }
        use_tree(&base, &inner[start..], into);
    } else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        let path = path.strip_suffix("::self").unwrap_or(path);
        if path == "self" {
            into.push(prefix.to_string());
        } else {
            into.push(join(prefix, path));
        }
    }
}

/// Every path the code names from `crate::` or `super::`, as written.
fn paths_named(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    // use statements, with their trees.
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        let after = &rest[at + 4..];
        rest = after;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let Some(end) = after.find(';') else { break };
        let tree: String = after[..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if tree.starts_with("crate") || tree.starts_with("super") || tree.starts_with("self") {
            use_tree("", &tree, &mut paths);
        }
    }
    // Paths inline in the code: crate::a::b, super::a.
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start) {
            let begin = from + at;
            let preceded = code[..begin]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
            let mut end = begin;
            let bytes = code.as_bytes();
            while end < bytes.len()
                && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_' || bytes[end] == b':')
            {
                end += 1;
            }
            if !preceded {
                paths.push(code[begin..end].trim_end_matches(':').to_string());
            }
            from = end.max(begin + start.len());
        }
    }
    paths
}

/// The module a path names, from module `from`: the deepest module file along the path, and
/// through a module's `pub use` re-exports, the module that defines the item.
fn resolve(
    from: &str,
    path: &str,
    modules: &BTreeMap<Module, String>,
    reexports: &BTreeMap<Module, BTreeMap<String, String>>,
) -> Option<Module> {
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<String> = match segments.first() {
        Some(&"crate") => {
            segments.remove(0);
            Vec::new()
        }
        Some(&"super") | Some(&"self") => {
            // A file's `super` is its folder's module; `mod.rs`'s own is one up.
            let mut base: Vec<String> = from.split('/').map(String::from).collect();
            while segments.first() == Some(&"super") {
                segments.remove(0);
                base.pop();
            }
            if segments.first() == Some(&"self") {
                segments.remove(0);
            }
            base
        }
        _ => return None,
    };
    let mut found: Option<Module> = (!base.is_empty()).then(|| base.join("/"));
    let mut i = 0;
    while i < segments.len() {
        base.push(segments[i].to_string());
        let candidate = base.join("/");
        if modules.contains_key(&candidate) {
            found = Some(candidate);
            i += 1;
            continue;
        }
        // Not a module: an item of `found`, maybe re-exported from a child module.
        if let Some(target) = found
            .as_ref()
            .and_then(|m| reexports.get(m))
            .and_then(|r| r.get(segments[i]))
        {
            return Some(target.clone());
        }
        break;
    }
    found.filter(|m| m.as_str() != from)
}

/// For each module, the items it re-exports with `pub use` and the module that defines each.
fn reexports(modules: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeMap<String, String>> {
    let mut all = BTreeMap::new();
    for (name, code) in modules {
        let mut items = BTreeMap::new();
        let mut rest = code.as_str();
        while let Some(at) = rest.find("pub use ") {
            let after = &rest[at + 8..];
            rest = after;
            let Some(end) = after.find(';') else { break };
            let tree: String = after[..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let tree = if tree.starts_with("crate") || tree.starts_with("super") {
                tree
            } else {
                format!("self::{tree}")
            };
            let mut paths = Vec::new();
            use_tree("", &tree, &mut paths);
            for path in paths {
                // `self::store::Store` seen from `history`: the module is history/store.
                let full = path.replacen("self::", "", 1);
                let mut parts: Vec<&str> = full.split("::").collect();
                let Some(item) = parts.pop() else { continue };
                let module = if full.starts_with("crate") || full.starts_with("super") {
                    resolve(name, &parts.join("::"), modules, &BTreeMap::new())
                } else {
                    let m = format!("{name}/{}", parts.join("/"));
                    modules.contains_key(&m).then_some(m)
                };
                if let Some(module) = module {
                    items.insert(item.to_string(), module);
                }
            }
        }
        all.insert(name.clone(), items);
    }
    all
}

/// Which module imports which (a module's own `mod` and `pub use` of its children are not
/// imports).
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let modules = modules();
    let reexports = reexports(&modules);
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (name, code) in &modules {
        let edges = graph.entry(name.clone()).or_default();
        for path in paths_named(code) {
            if let Some(to) = resolve(name, &path, &modules, &reexports) {
                let is_child = to.starts_with(&format!("{name}/"));
                if to != *name && !is_child {
                    edges.insert(to);
                }
            }
        }
    }
    graph
}

/// The circles of a graph (strongly connected parts of more than one node), each sorted.
fn circles(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    // Two nodes are on one circle when each reaches the other.
    let reach = |from: &Module| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(m) = todo.pop() {
            for next in graph.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&Module, BTreeSet<Module>> =
        graph.keys().map(|m| (m, reach(m))).collect();
    let mut done = BTreeSet::new();
    let mut found = Vec::new();
    for m in graph.keys() {
        if done.contains(m) || !reached[m].contains(m) {
            continue;
        }
        let circle: Vec<Module> = graph
            .keys()
            .filter(|o| reached[m].contains(*o) && reached[*o].contains(m))
            .cloned()
            .collect();
        done.extend(circle.iter().cloned());
        found.push(circle);
    }
    found
}

/// A circle with the imports that make it, for the failure message.
fn explain(circle: &[Module], graph: &BTreeMap<Module, BTreeSet<Module>>) -> String {
    let mut text = circle.join(", ");
    for from in circle {
        for to in graph.get(from).into_iter().flatten() {
            if circle.contains(to) {
                text.push_str(&format!("\n    {from} -> {to}"));
            }
        }
    }
    text
}

#[test]
fn no_two_files_import_each_other_around_a_circle() {
    let graph = graph();
    assert!(graph.len() > 30, "read too few modules: {:?}", graph.keys());
    let circles = circles(&graph);
    assert!(
        circles.is_empty(),
        "import circles between files:\n{}",
        circles
            .iter()
            .map(|c| format!("  {}", explain(c, &graph)))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn no_two_top_level_modules_import_each_other_around_a_circle() {
    let top = |m: &str| m.split('/').next().unwrap_or(m).to_string();
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (from, tos) in self::graph() {
        let entry = graph.entry(top(&from)).or_default();
        for to in tos {
            if top(&to) != top(&from) {
                entry.insert(top(&to));
            }
        }
    }
    let circles = circles(&graph);
    assert!(
        circles.is_empty(),
        "import circles between modules:\n{}",
        circles
            .iter()
            .map(|c| format!("  {}", explain(c, &graph)))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The checker itself finds what it must: a use tree, an inline path, a re-export, a circle.
#[test]
fn the_checker_reads_use_trees_inline_paths_and_circles() {
    let mut paths = Vec::new();
    use_tree(
        "",
        "crate::{app::App, audio::{self, Cue}, keys}",
        &mut paths,
    );
    assert_eq!(
        paths,
        [
            "crate::app::App",
            "crate::audio",
            "crate::audio::Cue",
            "crate::keys"
        ]
    );
    let code = strip_comments_and_strings(
        "// crate::not::this\nlet x = \"crate::nor::this\";\nlet y = crate::safety::STOP;",
    );
    assert_eq!(paths_named(&code), ["crate::safety::STOP"]);
    let graph: BTreeMap<Module, BTreeSet<Module>> = [
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["a".to_string()])),
        ("c".to_string(), BTreeSet::from(["a".to_string()])),
    ]
    .into_iter()
    .collect();
    assert_eq!(circles(&graph), [vec!["a".to_string(), "b".to_string()]]);
    let real = self::graph();
    assert!(
        real["history/store"].contains("history/disk"),
        "{:?}",
        real["history/store"]
    );
}

/// Each file reads as one thing: none over 600 lines (a long one is split along its seams, as
/// keys/, ui/flextest/ and remind/schedule/ were), and `main.rs` only parses and dispatches.
#[test]
fn no_source_file_is_over_600_lines_and_main_is_thin() {
    fn walk(dir: &Path, too_long: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("read src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, too_long);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let lines = std::fs::read_to_string(&path)
                    .expect("read")
                    .lines()
                    .count();
                if lines > 600 {
                    too_long.push(format!("{}: {lines} lines", path.display()));
                }
            }
        }
    }
    let mut too_long = Vec::new();
    walk(&src(), &mut too_long);
    assert!(too_long.is_empty(), "split these: {too_long:?}");
    let main = std::fs::read_to_string(src().join("main.rs")).expect("main.rs");
    assert!(
        main.lines().count() < 100,
        "main.rs: {} lines",
        main.lines().count()
    );
}
