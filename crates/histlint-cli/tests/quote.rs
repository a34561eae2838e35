//! End-to-end tests of `histlint quote`: text and JSON output on the bundled corpus,
//! a corpus folder of one's own (index cached in a temporary folder, reused), and bad
//! input.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Run, histlint};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs histlint with the index cache in `cache`.
fn histlint_cached(dir: &Path, cache: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_histlint"))
        .args(args)
        .current_dir(dir)
        .env("HISTLINT_CACHE_DIR", cache)
        .output()
        .expect("run histlint");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

fn json(r: &Run) -> Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

#[test]
fn attested_text_output() {
    let r = histlint(
        &root(),
        &[
            "quote",
            "We shall now proceed to construct the Socialist order!",
            "--by",
            "Lenin",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("quote_attested_text", r.stdout);
}

#[test]
fn engels_quoted_by_lenin_is_not_lenin_json() {
    let r = histlint(
        &root(),
        &[
            "quote",
            "the officials now stand, as organs of society, above society",
            "--by",
            "lenin",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = json(&r);
    assert_eq!(v["schema"], "histlint-quote/1");
    assert_eq!(v["verdict"], "misattributed");
    let m = &v["matches"][0];
    assert_eq!(m["author"], "Engels");
    assert_eq!(m["quoted_by"], "V. I. Lenin");
    assert_eq!(m["work"], "The State and Revolution");
    assert_eq!(m["date"], "1917-08");
    assert!(m["location"].as_str().unwrap().starts_with("paragraph "));
    assert_eq!(
        m["passage"],
        "the officials now stand, as organs of society, above society"
    );
    assert_eq!(m["score"], 1.0);
    // Deterministic: the same bytes twice.
    let again = histlint(
        &root(),
        &[
            "quote",
            "the officials now stand, as organs of society, above society",
            "--by",
            "lenin",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.stdout, again.stdout);
}

#[test]
fn invented_quote_is_unattested_with_what_was_searched() {
    let r = histlint(
        &root(),
        &[
            "quote",
            "The revolution is a locomotive that never waits for the timid and the tired.",
            "--by",
            "Trotsky",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = json(&r);
    assert_eq!(v["verdict"], "unattested");
    assert_eq!(v["matches"].as_array().unwrap().len(), 0);
    let s = &v["searched"];
    assert_eq!(s["works"], 3, "{s}");
    assert!(s["words"].as_u64().unwrap() > 60_000);
    assert_eq!(s["years"], serde_json::json!([1918, 1919]));
    let text = histlint(
        &root(),
        &[
            "quote",
            "The revolution is a locomotive that never waits for the timid and the tired.",
            "--by",
            "Trotsky",
        ],
    );
    assert!(
        text.stdout.contains("verdict: unattested"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("searched: 3 works"), "{}", text.stdout);
}

#[test]
fn recorded_misattribution_cites_its_origin() {
    let r = histlint(
        &root(),
        &[
            "quote",
            "A single death is a tragedy; a million deaths is a statistic.",
            "--by",
            "Stalin",
        ],
    );
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("verdict: misattributed"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("KB record: stalin-death-tragedy-million-statistic"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Tucholsky"), "{}", r.stdout);
}

fn write_corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(
        dir.join("a/speech.txt"),
        "CHAPTER I\n\nTHE SPEECH\n\nThe harvest will be gathered by those who sowed it, and no \
         landlord shall take a sheaf of it.\n\nThen Kerensky said, \u{201c}The army will hold \
         the line until the Constituent Assembly meets.\u{201d}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("a/speech.toml"),
        "id = \"test-speech\"\nauthor = \"Ann Example\"\nauthor_name = \"Ann Example\"\n\
         title = \"A Speech\"\ndate = \"1917-06\"\nlanguage = \"en\"\nsource = \"(test)\"\n\
         licence = \"CC0\"\n",
    )
    .unwrap();
}

#[test]
fn own_corpus_folder_with_a_reused_index() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let cache = tmp.path().join("cache");
    write_corpus(&corpus);
    let args = [
        "quote",
        "the harvest will be gathered by those who sowed it",
        "--by",
        "Ann Example",
        "--corpus",
        "corpus",
        "--format",
        "json",
    ];
    let first = histlint_cached(tmp.path(), &cache, &args);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let v = json(&first);
    assert_eq!(v["verdict"], "attested");
    assert_eq!(
        v["matches"][0]["location"],
        "CHAPTER I: THE SPEECH, paragraph 1"
    );
    assert_eq!(v["corpus"]["works"], 1);
    let dirs: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    assert!(dirs[0].starts_with("quote-index-"), "{dirs:?}");
    // The second run opens the same index and answers the same.
    let second = histlint_cached(tmp.path(), &cache, &args);
    assert_eq!(first.stdout, second.stdout);
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 1);
    // Words Ann reports from Kerensky are Kerensky's.
    let k = histlint_cached(
        tmp.path(),
        &cache,
        &[
            "quote",
            "The army will hold the line until the Constituent Assembly meets",
            "--by",
            "Ann Example",
            "--corpus",
            "corpus",
        ],
    );
    assert_eq!(k.code, 1, "{}", k.stdout);
    assert!(k.stdout.contains("verdict: misattributed"), "{}", k.stdout);
    assert!(
        k.stdout
            .contains("Alexander Kerensky, quoted by Ann Example"),
        "{}",
        k.stdout
    );
    // A changed corpus gets a new index.
    std::fs::write(
        corpus.join("a/speech.txt"),
        "Another text entirely, of several words.\n",
    )
    .unwrap();
    let third = histlint_cached(tmp.path(), &cache, &args);
    assert_eq!(json(&third)["verdict"], "unattested");
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 2);
}

#[test]
fn bad_input_is_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    write_corpus(&corpus);
    std::fs::write(
        corpus.join("a/speech.toml"),
        "id = \"test-speech\"\nauthor = \"x\"\nauthor_name = \"X\"\ntitle = \"T\"\n\
         date = \"June 1917\"\nlanguage = \"en\"\nsource = \"s\"\nlicence = \"l\"\n",
    )
    .unwrap();
    let r = histlint_cached(
        tmp.path(),
        &tmp.path().join("cache"),
        &[
            "quote",
            "some words here",
            "--by",
            "X",
            "--corpus",
            "corpus",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("histlint: error: a/speech.toml:5: date"),
        "{}",
        r.stderr
    );
    std::fs::write(corpus.join("b.txt"), "orphan\n").unwrap();
    let missing = histlint(
        &root(),
        &["quote", "words", "--by", "Lenin", "--corpus", "no/such/dir"],
    );
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("no/such/dir"), "{}", missing.stderr);
    let no_by = histlint(&root(), &["quote", "words"]);
    assert_eq!(no_by.code, 2);
    let empty = histlint(&root(), &["quote", "...", "--by", "Lenin"]);
    assert_eq!(empty.code, 2);
    assert!(
        empty.stderr.contains("give the quoted words"),
        "{}",
        empty.stderr
    );
}

#[test]
fn rule_docs_are_printed() {
    for name in ["quote-misattributed", "HL010", "quote-anachronism"] {
        let r = histlint(&root(), &["rule", name]);
        assert_eq!(r.code, 0);
        assert!(
            r.stdout.contains("Fires:") && r.stdout.contains("Does not fire:"),
            "{}",
            r.stdout
        );
    }
}

#[test]
fn check_reports_unattested_dialogue_as_configured() {
    let examples = root().join("examples");
    let count = |extra: &[&str]| {
        let mut args = vec![
            "check",
            "the-prophet.fountain",
            "--select",
            "quote-unattested",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let r = histlint(&examples, &args);
        let v = json(&r);
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["line"].as_u64().unwrap(),
                    f["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    // Default: drama dialogue found nowhere is not reported.
    assert!(count(&[]).is_empty());
    // As warnings: Trotsky's invented line in the first scene among them.
    let w = count(&["--unattested-dialogue", "warning"]);
    assert!(w.contains(&(22, "warning".to_string())), "{w:?}");
    // Lenin's words quoted right, and a speaker with no corpus (Lev Sedov), stay silent.
    assert!(!w.iter().any(|(l, _)| *l == 209 || *l == 194), "{w:?}");
    let off = count(&["--unattested-dialogue", "off", "--show-undecided"]);
    assert!(off.is_empty(), "{off:?}");
}

#[test]
fn an_overlong_quote_gets_no_verdict() {
    let long = "word ".repeat(600);
    let r = histlint(
        &root(),
        &["quote", &long, "--by", "Lenin", "--format", "json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r);
    assert_eq!(v["verdict"], "no-corpus");
    assert!(v["reason"].as_str().unwrap().contains("too long"), "{v}");
}

#[test]
fn check_with_a_corpus_folder() {
    let tmp = tempfile::tempdir().unwrap();
    write_corpus(&tmp.path().join("corpus"));
    std::fs::write(
        tmp.path().join("narration.txt"),
        "As Lenin said, \"The army will hold the line until the Constituent Assembly meets.\"\n\n\
         As Kerensky said, \"The army will hold the line until the Constituent Assembly meets.\"\n",
    )
    .unwrap();
    let r = histlint_cached(
        tmp.path(),
        &tmp.path().join("cache"),
        &[
            "check",
            "narration.txt",
            "--corpus",
            "corpus",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = json(&r);
    let f: Vec<(u64, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["line"].as_u64().unwrap(), f["rule"].as_str().unwrap()))
        .collect();
    assert_eq!(f, [(1, "quote-misattributed")], "{}", r.stdout);
    let ev = &v["findings"][0]["evidence"][0];
    assert_eq!(ev["id"], "test-speech");
    assert!(
        ev["statement"]
            .as_str()
            .unwrap()
            .contains("Alexander Kerensky, quoted by Ann Example"),
        "{ev}"
    );
    // A corpus folder that cannot be read is an input error.
    let bad = histlint(
        tmp.path(),
        &["check", "narration.txt", "--corpus", "nowhere"],
    );
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("nowhere"), "{}", bad.stderr);
}
