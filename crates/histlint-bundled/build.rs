//! Compiles the bundled KB (`kb/` at the workspace root) into the binary.
//!
//! The build fails if the KB has errors: a histlint binary never ships a KB that
//! `histlint kb check` would reject. The KB's source files are embedded too, so
//! `histlint kb check` with no folder re-validates exactly what was compiled.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let kb_dir = std::env::var("HISTLINT_BUNDLED_KB")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest.join("../../kb"));
    println!("cargo:rerun-if-env-changed=HISTLINT_BUNDLED_KB");
    println!("cargo:rerun-if-changed={}", kb_dir.display());
    let mut files = Vec::new();
    collect(&kb_dir, &mut files);
    files.sort();
    let mut texts = Vec::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f.strip_prefix(&kb_dir).expect("under kb dir");
        let name = format!("kb/{}", rel.to_string_lossy().replace('\\', "/"));
        texts.push((name, std::fs::read(f).expect("read KB file"), f.clone()));
    }
    let kb = histlint_kb::load_texts(texts.iter().map(|(n, b, _)| (n.as_str(), b.as_slice())));
    let errors: Vec<_> = kb
        .problems
        .iter()
        .filter(|p| p.severity == histlint_kb::Severity::Error)
        .collect();
    println!("cargo:rerun-if-env-changed=HISTLINT_BUNDLED_KB_LENIENT");
    let lenient = std::env::var_os("HISTLINT_BUNDLED_KB_LENIENT").is_some();
    if !errors.is_empty() && lenient {
        // For KB authors only: build anyway, so that `histlint kb check DIR` can run
        // while the bundled KB is being written. Releases and CI never set this.
        println!(
            "cargo:warning=bundled KB has {} error(s); built anyway (HISTLINT_BUNDLED_KB_LENIENT)",
            errors.len()
        );
    } else if !errors.is_empty() {
        for e in &errors {
            eprintln!("{e}");
        }
        panic!(
            "the bundled KB has {} error(s); run `histlint kb check kb` for the list",
            errors.len()
        );
    }
    // (Only a lenient build can get here with duplicate ids: keep the first of each.)
    let mut seen = std::collections::HashSet::new();
    let records = kb
        .records
        .iter()
        .filter(|r| r.value.id().is_none_or(|id| seen.insert(id.to_string())));
    let compiled = histlint_kb::compiled::compile(records).expect("compile bundled KB");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("bundled.hlkb"), compiled).expect("write compiled KB");
    let mut src = String::from(
        "/// The bundled KB's source files: (path, contents).\npub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for (name, _, path) in &texts {
        writeln!(
            src,
            "    ({name:?}, include_bytes!({:?})),",
            path.canonicalize().expect("canonical path")
        )
        .expect("write");
    }
    src.push_str("];\n");
    std::fs::write(out.join("files.rs"), src).expect("write files.rs");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        panic!("cannot read the bundled KB folder {}", dir.display());
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            println!("cargo:rerun-if-changed={}", p.display());
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}
