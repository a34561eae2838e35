//! End-to-end tests of `histlint check` on the bundled example and on a script of
//! another century with its own KB: every planted error is found with the right rule
//! and evidence, and nothing else is reported.

use std::collections::BTreeSet;
mod common;

use std::path::{Path, PathBuf};

use common::histlint;

use serde::Deserialize;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[derive(Deserialize)]
struct Expected {
    #[serde(default)]
    finding: Vec<ExpectedFinding>,
    #[serde(default)]
    silent: Vec<Silent>,
}

#[derive(Deserialize)]
struct ExpectedFinding {
    line: usize,
    rule: String,
    evidence: String,
    #[allow(dead_code)]
    why: String,
}

#[derive(Deserialize)]
struct Silent {
    line: usize,
    #[allow(dead_code)]
    why: String,
}

/// Checks `file` and compares the findings with `expected`.
fn check_against(dir: &Path, file: &str, expected: &str, extra: &[&str]) {
    let exp: Expected =
        toml::from_str(&std::fs::read_to_string(dir.join(expected)).unwrap()).unwrap();
    let mut args = vec!["check", "--format", "json", file];
    args.extend_from_slice(extra);
    let r = histlint(dir, &args);
    assert_eq!(r.code, 1, "findings expected; stderr: {}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["schema"], "histlint-findings/1");
    let findings = v["findings"].as_array().unwrap();
    let got: BTreeSet<(usize, String)> = findings
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap() as usize,
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want: BTreeSet<(usize, String)> = exp
        .finding
        .iter()
        .map(|f| (f.line, f.rule.clone()))
        .collect();
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    let dump: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{}:{} {}: {}",
                f["line"],
                f["rule"].as_str().unwrap(),
                f["claim"].as_str().unwrap_or(""),
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{file}\nmissing: {missing:?}\nunexpected: {extra:?}\nall findings:\n{}",
        dump.join("\n")
    );
    // Each planted error cites the KB record that contradicts it, with a source.
    for e in &exp.finding {
        let f = findings
            .iter()
            .find(|f| f["line"] == e.line && f["rule"] == e.rule.as_str())
            .unwrap();
        let ev = f["evidence"].as_array().unwrap();
        assert!(
            ev.iter().any(|x| x["id"] == e.evidence.as_str()),
            "{file}:{} {}: evidence {} not in {ev:?}",
            e.line,
            e.rule,
            e.evidence
        );
        assert!(
            ev.iter()
                .all(|x| !x["sources"].as_array().unwrap().is_empty()),
            "{file}:{}: evidence without a source",
            e.line
        );
        assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    // Silent lines stay silent.
    for s in &exp.silent {
        assert!(
            !got.iter().any(|(l, _)| *l == s.line),
            "{file}:{} must stay silent",
            s.line
        );
    }
}

#[test]
fn bundled_example_screenplay() {
    check_against(
        &root().join("examples"),
        "the-prophet.fountain",
        "the-prophet.expected.toml",
        &[],
    );
}

#[test]
fn bundled_example_subtitles() {
    check_against(
        &root().join("examples"),
        "the-prophet.srt",
        "the-prophet.srt.expected.toml",
        &[],
    );
}

#[test]
fn another_century_with_its_own_kb() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/other-century");
    check_against(
        &dir,
        "script.fountain",
        "script.expected.toml",
        &["--kb", "kb"],
    );
}

#[test]
fn terminal_report_snapshot() {
    let r = histlint(
        &root().join("examples"),
        &["check", "--color", "never", "the-prophet.fountain"],
    );
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("check_the_prophet_text", r.stdout);
}

#[test]
fn json_report_is_deterministic() {
    let a = histlint(
        &root().join("examples"),
        &[
            "check",
            "--format",
            "json",
            "the-prophet.fountain",
            "the-prophet.srt",
        ],
    );
    let b = histlint(
        &root().join("examples"),
        &[
            "check",
            "--format",
            "json",
            "the-prophet.fountain",
            "the-prophet.srt",
        ],
    );
    assert_eq!(a.stdout, b.stdout);
    let v: Value = serde_json::from_str(&a.stdout).unwrap();
    for f in v["findings"].as_array().unwrap() {
        for key in ["rule", "code", "severity", "line", "message", "evidence"] {
            assert!(!f[key].is_null(), "{key} missing in {f}");
        }
    }
}

#[test]
fn select_ignore_and_rules() {
    let ex = root().join("examples");
    let r = histlint(
        &ex,
        &[
            "check",
            "--format",
            "json",
            "--select",
            "anachronism",
            "the-prophet.fountain",
        ],
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] == "anachronism")
    );
    let r = histlint(
        &ex,
        &[
            "check",
            "--format",
            "json",
            "--ignore",
            "HL001",
            "the-prophet.fountain",
        ],
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "anachronism")
    );
    let r = histlint(
        &ex,
        &["check", "--select", "no-such-rule", "the-prophet.fountain"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown rule"));
    let r = histlint(&ex, &["rule"]);
    assert_eq!(r.code, 0);
    for name in [
        "anachronism",
        "misdated-event",
        "elapsed-time",
        "after-death",
        "before-birth",
        "whereabouts",
        "role-tenure",
        "never-met",
    ] {
        assert!(r.stdout.contains(name), "{name}");
        let d = histlint(&ex, &["rule", name]);
        assert!(
            d.stdout.contains("What it checks")
                && d.stdout.contains("Fires")
                && d.stdout.contains("Does not fire"),
            "{name} docs"
        );
    }
}

#[test]
fn clean_text_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("clean.txt");
    std::fs::write(
        &p,
        "## Petrograd, 26 October 1917\n\nTROTSKY: The Congress has taken power.\n",
    )
    .unwrap();
    let r = histlint(dir.path(), &["check", "clean.txt"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.ends_with("0 findings in 1 file\n"), "{}", r.stdout);
}

#[test]
fn bad_input_is_exit_2_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.srt"), "1\n00:00:01,000 --> 00:00:0x,000\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nThe Kiel mutiny.\n").unwrap();
    let r = histlint(dir.path(), &["check", "bad.srt"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("bad.srt:2"), "{}", r.stderr);
    let r = histlint(
        dir.path(),
        &["check", "--lenient", "--format", "json", "bad.srt"],
    );
    assert_ne!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("bad.srt:2: warning"), "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["files"][0]["cues"], 1);
    std::fs::write(
        dir.path().join("junk.srt"),
        [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 255, 0],
    )
    .unwrap();
    let r = histlint(dir.path(), &["check", "junk.srt"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("junk.srt"), "{}", r.stderr);
    let r = histlint(dir.path(), &["check", "missing.srt"]);
    assert_eq!(r.code, 2);
    std::fs::write(
        dir.path().join("map.toml"),
        "[[scene]]\nscene = 1\ndate = \"1918-13\"\n",
    )
    .unwrap();
    let r = histlint(
        dir.path(),
        &["check", "--scenes", "map.toml", "bad.srt", "--lenient"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("map.toml:1"), "{}", r.stderr);
}

#[test]
fn hostile_files_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    // A 10 MB single line between two good cues.
    let mut big = String::from(
        "1\n00:00:01,000 --> 00:00:02,000\nThe Kiel mutiny.\n\n2\n00:00:03,000 --> 00:00:04,000\n",
    );
    big.push_str(&"x".repeat(10 * 1024 * 1024));
    big.push_str("\n\n3\n00:00:05,000 --> 00:00:06,000\nPETROGRAD, DECEMBER 1917\n\n4\n00:00:07,000 --> 00:00:08,000\nThe sailors at Kiel have mutinied!\n");
    std::fs::write(dir.path().join("big.srt"), &big).unwrap();
    let r = histlint(dir.path(), &["check", "big.srt"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("big.srt:7"), "{}", r.stderr);
    let r = histlint(
        dir.path(),
        &["check", "--lenient", "--format", "json", "big.srt"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("big.srt:7: warning"), "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["files"][0]["cues"], 3);
    assert_eq!(v["findings"][0]["rule"], "anachronism");
    // Truncated: timing with no text at the end of the file.
    std::fs::write(
        dir.path().join("cut.srt"),
        "1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:03,000 --> 00:0",
    )
    .unwrap();
    let r = histlint(dir.path(), &["check", "cut.srt"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cut.srt:"), "{}", r.stderr);
    // Mixed encodings: a Windows-1251 file and a UTF-16 file in one run.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "1\n00:00:01,000 --> 00:00:02,000\nПривет\n"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        )
        .collect();
    std::fs::write(dir.path().join("u16.srt"), utf16).unwrap();
    let r = histlint(dir.path(), &["check", "--format", "json", "u16.srt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// A Russian subtitle file in Windows-1251: Old Style caption, Old and New Style dates
/// for the same event (both right), dates wrong in both calendars, an anachronism and
/// a foretold event (silent).
#[test]
fn russian_subtitles_with_old_style_dates() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/russian");
    let r = histlint(&dir, &["check", "--format", "json", "subs-cp1251.srt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let got: Vec<(u64, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want: Vec<(u64, String)> = [
        (15, "misdated-event"),
        (19, "misdated-event"),
        (23, "anachronism"),
    ]
    .iter()
    .map(|(l, r)| (*l, r.to_string()))
    .collect();
    assert_eq!(got, want, "{}", r.stdout);
    let scene = &v["findings"][0]["scene"]["date"];
    assert_eq!(scene["reason"]["kind"], "caption");
}
