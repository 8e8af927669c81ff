//! Reads a crate's module tree and the imports between its modules from the source text: each
//! `use` tree expanded, `crate::`, `super::` and `self::` paths (and a `mod.rs`'s paths into
//! its children) made absolute, and re-exports followed to the module that defines the name.
//! Comments and `#[cfg(test)] mod` blocks are no imports. Text-based on purpose: it needs no
//! parser crate and reads in milliseconds; macros and glob re-exports are not followed.

use std::collections::BTreeMap;
use std::path::Path;

/// An import from one child of `parent` to another (at the level where the two paths part).
#[derive(Debug, Clone)]
pub struct Edge {
    /// The module both sit in (empty: the crate root).
    pub parent: Vec<String>,
    /// The importing child of `parent`.
    pub from: String,
    /// The imported child of `parent`.
    pub to: String,
    /// The file where the import is written.
    pub file: String,
    /// The path as written.
    pub path: String,
}

/// Children of one module that import each other, directly or through others.
#[derive(Debug, Clone)]
pub struct Scc {
    /// The module whose children these are.
    pub parent: Vec<String>,
    /// Sorted.
    pub members: Vec<String>,
}

impl Scc {
    /// `maturity`, `plan::types`, or `crate` for the root.
    pub fn parent_name(&self) -> String {
        if self.parent.is_empty() { "crate".to_owned() } else { self.parent.join("::") }
    }
}

struct Module {
    file: String,
    /// Name brought in by a `use` → the absolute path it stands for.
    uses: BTreeMap<String, Vec<String>>,
    /// Absolute paths named in the file, with the text as written.
    refs: Vec<(Vec<String>, String)>,
}

/// The module tree and its imports.
pub struct Graph {
    modules: BTreeMap<Vec<String>, Module>,
    /// Every import between two children of one module, in file order.
    pub edges: Vec<Edge>,
}

impl Graph {
    /// Reads every `.rs` file under `src` (the folder holding `lib.rs`).
    pub fn read(src: &Path) -> Graph {
        let mut files = Vec::new();
        collect(src, src, &mut files);
        let paths: Vec<Vec<String>> = files.iter().map(|(rel, _)| module_path(rel)).collect();
        let mut modules = BTreeMap::new();
        for ((rel, text), path) in files.iter().zip(&paths) {
            let code = strip_test_modules(&strip_comments(text));
            let is_child = |first: &str| {
                paths.iter().any(|p| p.len() == path.len() + 1 && p.starts_with(path) && p[path.len()] == first)
            };
            modules.insert(path.clone(), read_module(rel, &code, path, &is_child));
        }
        let mut graph = Graph { modules, edges: Vec::new() };
        graph.edges = graph.find_edges();
        graph
    }

    /// How many modules (files) were read.
    pub fn module_count(&self) -> usize {
        self.modules.len()
    }

    fn find_edges(&self) -> Vec<Edge> {
        let mut edges = Vec::new();
        for (from, module) in &self.modules {
            for (abs, written) in &module.refs {
                let to = self.resolve(abs, 0);
                let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
                if from.len() > common && to.len() > common {
                    edges.push(Edge {
                        parent: from[..common].to_vec(),
                        from: from[common].clone(),
                        to: to[common].clone(),
                        file: module.file.clone(),
                        path: written.clone(),
                    });
                }
            }
        }
        edges
    }

    /// The module that defines what `abs` names: the longest module prefix, through the
    /// `use`s of that module when the next segment is a name it imports.
    fn resolve(&self, abs: &[String], depth: usize) -> Vec<String> {
        let len = (0..=abs.len()).rev().find(|&n| self.modules.contains_key(&abs[..n])).unwrap_or(0);
        let module = &abs[..len];
        if let (Some(next), Some(m)) = (abs.get(len), self.modules.get(module)) {
            if let Some(target) = m.uses.get(next) {
                if depth < 16 && target.as_slice() != abs {
                    let mut path = target.clone();
                    path.extend_from_slice(&abs[len + 1..]);
                    return self.resolve(&path, depth + 1);
                }
            }
        }
        module.to_vec()
    }

    /// Circles among the children of each module (strongly connected components of two or
    /// more), ordered by parent and first member.
    pub fn circles(&self) -> Vec<Scc> {
        let mut by_parent: BTreeMap<&Vec<String>, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
        for e in &self.edges {
            let g = by_parent.entry(&e.parent).or_default();
            g.entry(&e.from).or_default().push(&e.to);
            g.entry(&e.to).or_default();
        }
        let mut out = Vec::new();
        for (parent, g) in by_parent {
            for mut members in components(&g) {
                if members.len() > 1 {
                    members.sort();
                    out.push(Scc { parent: parent.clone(), members: members.into_iter().map(str::to_owned).collect() });
                }
            }
        }
        out.sort_by(|a, b| (&a.parent, &a.members).cmp(&(&b.parent, &b.members)));
        out
    }

    /// One edge per ordered pair inside `scc`, the first written.
    pub fn edges_within(&self, scc: &Scc) -> Vec<&Edge> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for e in self.edges.iter().filter(|e| e.parent == scc.parent) {
            if scc.members.contains(&e.from) && scc.members.contains(&e.to) && !seen.contains(&(&e.from, &e.to)) {
                seen.push((&e.from, &e.to));
                out.push(e);
            }
        }
        out
    }
}

/// Tarjan's strongly connected components.
fn components<'a>(g: &BTreeMap<&'a str, Vec<&'a str>>) -> Vec<Vec<&'a str>> {
    struct State<'a> {
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        out: Vec<Vec<&'a str>>,
    }
    fn visit<'a>(v: &'a str, g: &BTreeMap<&'a str, Vec<&'a str>>, s: &mut State<'a>) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        for &w in &g[v] {
            if !s.index.contains_key(w) {
                visit(w, g, s);
                let lw = s.low[w];
                s.low.entry(v).and_modify(|l| *l = (*l).min(lw));
            } else if s.stack.contains(&w) {
                let iw = s.index[w];
                s.low.entry(v).and_modify(|l| *l = (*l).min(iw));
            }
        }
        if s.low[v] == s.index[v] {
            let at = s.stack.iter().rposition(|&x| x == v).unwrap();
            s.out.push(s.stack.split_off(at));
        }
    }
    let mut s = State { index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), out: Vec::new() };
    for &v in g.keys() {
        if !s.index.contains_key(v) {
            visit(v, g, &mut s);
        }
    }
    s.out
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(root, &p, out);
        } else if p.extension().is_some_and(|e| e == "rs") && p.file_name().is_some_and(|n| n != "tests.rs") {
            // A `tests.rs` file is a `#[cfg(test)] mod tests;`: like an inline test module, no import of the house.
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&p).unwrap()));
        }
    }
}

/// `maturity/types.rs` → `[maturity, types]`; `maturity/mod.rs` → `[maturity]`; `lib.rs` → `[]`.
fn module_path(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel.trim_end_matches(".rs").split('/').map(str::to_owned).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

fn strip_comments(text: &str) -> String {
    text.lines().map(|l| l.split_once("//").map_or(l, |(code, _)| code)).collect::<Vec<_>>().join("\n")
}

/// Removes each `#[cfg(test)] mod NAME { … }` block.
fn strip_test_modules(code: &str) -> String {
    let mut out = code.to_owned();
    while let Some(at) = out.find("#[cfg(test)]") {
        let after = out[at + 12..].trim_start();
        if !after.starts_with("mod ") {
            out.replace_range(at..at + 12, "");
            continue;
        }
        let Some(open) = out[at..].find('{').map(|o| at + o) else { break };
        let mut depth = 0;
        let mut end = out.len();
        for (i, c) in out[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.replace_range(at..end, "");
    }
    out
}

fn read_module(file: &str, code: &str, path: &[String], is_child: &dyn Fn(&str) -> bool) -> Module {
    let mut module = Module { file: file.to_owned(), uses: BTreeMap::new(), refs: Vec::new() };
    let mut rest = String::with_capacity(code.len());
    let mut at = 0;
    for (start, end) in use_statements(code) {
        rest.push_str(&code[at..start]);
        at = end;
        let tokens = tokenize(&code[start + 3..end]);
        let mut leaves = Vec::new();
        tree(&tokens, &mut 0, Vec::new(), &mut leaves);
        for (segs, alias) in leaves {
            let Some(abs) = absolute(&segs, path, is_child) else { continue };
            let written = segs.join("::");
            if abs.last().map(String::as_str) == Some("*") {
                module.refs.push((abs[..abs.len() - 1].to_vec(), written));
                continue;
            }
            let mut abs = abs;
            if abs.last().map(String::as_str) == Some("self") {
                abs.pop();
            }
            if let Some(name) = alias.or_else(|| abs.last().cloned()) {
                if name != "_" {
                    module.uses.insert(name, abs.clone());
                }
            }
            module.refs.push((abs, written));
        }
    }
    rest.push_str(&code[at..]);
    for (segs, written) in inline_paths(&rest) {
        if let Some(abs) = absolute(&segs, path, is_child) {
            module.refs.push((abs, written));
        }
    }
    module
}

/// Byte ranges of `use …;` statements (from `use` to the `;`).
fn use_statements(code: &str) -> Vec<(usize, usize)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(found) = code[i..].find("use ") {
        let start = i + found;
        let before = start.checked_sub(1).map(|b| bytes[b]);
        let word_start = before.is_none_or(|b| !(b.is_ascii_alphanumeric() || b == b'_'));
        match code[start..].find(';') {
            Some(semi) if word_start && is_use_tree(&code[start + 4..start + semi]) => {
                out.push((start, start + semi));
                i = start + semi;
            }
            _ => i = start + 4,
        }
    }
    out
}

/// Only path characters: `use` in a string or a sentence is no statement.
fn is_use_tree(s: &str) -> bool {
    s.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '_' | ':' | '{' | '}' | ',' | '*'))
}

fn tokenize(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            let mut word = c.to_string();
            while let Some(&n) = chars.peek().filter(|n| n.is_alphanumeric() || **n == '_') {
                word.push(n);
                chars.next();
            }
            out.push(word);
        } else if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            out.push("::".to_owned());
        } else if matches!(c, '{' | '}' | ',' | '*') {
            out.push(c.to_string());
        }
    }
    out
}

/// Expands one use tree at `tokens[*i]` into its leaves (path, alias).
fn tree(tokens: &[String], i: &mut usize, mut prefix: Vec<String>, out: &mut Vec<(Vec<String>, Option<String>)>) {
    while let Some(t) = tokens.get(*i) {
        *i += 1;
        match t.as_str() {
            "::" => {}
            "{" => {
                while tokens.get(*i).is_some_and(|t| t != "}") {
                    tree(tokens, i, prefix.clone(), out);
                    if tokens.get(*i).is_some_and(|t| t == ",") {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            "*" => {
                prefix.push("*".to_owned());
                out.push((prefix, None));
                return;
            }
            "," | "}" => {
                *i -= 1;
                out.push((prefix, None));
                return;
            }
            "as" => {
                let alias = tokens.get(*i).cloned();
                *i += 1;
                out.push((prefix, alias));
                return;
            }
            word => prefix.push(word.to_owned()),
        }
    }
    if !prefix.is_empty() {
        out.push((prefix, None));
    }
}

/// Paths written in code that start with `crate::`, `super::` or `self::`.
fn inline_paths(code: &str) -> Vec<(Vec<String>, String)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    for key in ["crate::", "super::", "self::"] {
        let mut i = 0;
        while let Some(found) = code[i..].find(key) {
            let start = i + found;
            i = start + key.len();
            let before = start.checked_sub(1).map(|b| bytes[b]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b':') {
                continue;
            }
            let mut end = start;
            while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_' || bytes[end] == b':')
            {
                end += 1;
            }
            let written = code[start..end].trim_end_matches(':').to_owned();
            let segs: Vec<String> = written.split("::").map(str::to_owned).collect();
            out.push((segs, written));
        }
    }
    out
}

/// `crate::a::B`, `super::b::C`, `self::c::D`, or (in a module with children) `child::E`, as
/// a path from the crate root; `None` for another crate.
fn absolute(segs: &[String], path: &[String], is_child: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
    let first = segs.first()?;
    let mut base: Vec<String> = path.to_vec();
    let mut rest = segs;
    match first.as_str() {
        "crate" => {
            base.clear();
            rest = &segs[1..];
        }
        "self" if segs.len() > 1 => rest = &segs[1..],
        "super" => {
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        child if is_child(child) => {}
        _ => return None,
    }
    base.extend(rest.iter().cloned());
    Some(base)
}
