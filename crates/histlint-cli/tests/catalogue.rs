//! End-to-end tests of catalogue mode (`histlint check DIR...`) on generated titles:
//! the output is the same whatever `--jobs`, broken titles are reported and skipped,
//! ignore files are respected, exit codes say what happened, JSON Lines parse line by
//! line.

mod common;

#[allow(dead_code)]
#[path = "../examples/gen_catalogue.rs"]
mod gen_catalogue;

use std::path::Path;

use common::histlint;
use serde_json::Value;

/// Generates `n` titles (`broken` of them unreadable) under `dir/cat`; returns the
/// broken titles' paths as histlint shows them (relative to `dir`).
fn catalogue(dir: &Path, n: usize, broken: usize) -> Vec<String> {
    let bad = gen_catalogue::generate(&dir.join("cat"), n, 7, broken).unwrap();
    bad.iter()
        .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
        .collect()
}

fn jsonl(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn same_output_whatever_the_jobs_and_broken_titles_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let broken = catalogue(dir.path(), 20, 2);
    assert_eq!(broken.len(), 2);
    // Things the walk must leave out.
    let cat = dir.path().join("cat");
    std::fs::write(cat.join(".histlintignore"), "season-02/ep0020.vtt\n").unwrap();
    std::fs::write(cat.join(".gitignore"), "*.bak.srt\n").unwrap();
    std::fs::copy(
        cat.join("season-01/ep0001.srt"),
        cat.join("season-01/old.bak.srt"),
    )
    .unwrap();
    std::fs::create_dir(cat.join(".drafts")).unwrap();
    std::fs::copy(cat.join("season-01/ep0001.srt"), cat.join(".drafts/x.srt")).unwrap();
    std::fs::write(
        cat.join("README.md"),
        "# Season notes\n\nThe Kronstadt rebellion.\n",
    )
    .unwrap();
    std::fs::write(cat.join("notes.xml"), "<?xml version=\"1.0\"?><notes/>").unwrap();

    let runs: Vec<_> = ["1", "2", "3"]
        .iter()
        .map(|j| {
            histlint(
                dir.path(),
                &["check", "cat", "--format", "jsonl", "--jobs", j],
            )
        })
        .collect();
    for r in &runs[1..] {
        assert_eq!(
            r.stdout, runs[0].stdout,
            "stdout differs between --jobs values"
        );
        assert_eq!(
            r.stderr, runs[0].stderr,
            "stderr differs between --jobs values"
        );
    }
    let r = &runs[0];
    assert_eq!(
        r.code, 2,
        "a broken title makes exit 2; stderr: {}",
        r.stderr
    );
    // Each broken title is named with its line on stderr, and skipped.
    for b in &broken {
        let line = r
            .stderr
            .lines()
            .find(|l| l.starts_with(&format!("histlint: error: {b}:")))
            .unwrap_or_else(|| panic!("no error for {b}: {}", r.stderr));
        assert!(line.ends_with("(title skipped)"), "{line}");
    }
    // No progress bar when stderr is not a terminal.
    assert!(
        !r.stderr.contains('\r') && !r.stderr.contains("eta"),
        "{}",
        r.stderr
    );

    let lines = jsonl(&r.stdout);
    let titles: Vec<&Value> = lines.iter().filter(|v| v["type"] == "title").collect();
    let names: Vec<&str> = titles.iter().map(|t| t["file"].as_str().unwrap()).collect();
    // 20 generated, one ignored by .histlintignore; nothing else picked up.
    assert_eq!(names.len(), 19, "{names:?}");
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "titles in sorted path order");
    assert!(!names.contains(&"cat/season-02/ep0020.vtt"));
    assert!(
        names.iter().all(|n| n.starts_with("cat/season-0")),
        "{names:?}"
    );
    for t in &titles {
        let failed = broken.iter().any(|b| b == t["file"].as_str().unwrap());
        if failed {
            assert_eq!(t["status"], "failed");
            assert!(t["error"]["line"].as_u64().unwrap() > 0, "{t}");
            assert!(!t["error"]["message"].as_str().unwrap().is_empty());
        } else {
            assert_eq!(t["status"], "checked", "{t}");
            assert!(t["cues"].as_u64().unwrap() > 0);
        }
    }
    // Each finding comes before its title's line, with the JSON finding shape.
    let mut current: Vec<&Value> = Vec::new();
    let mut total = 0;
    for v in &lines {
        match v["type"].as_str().unwrap() {
            "finding" => current.push(v),
            "title" => {
                for f in current.drain(..) {
                    assert_eq!(f["file"], v["file"]);
                    assert!(
                        f["rule"].is_string() && f["line"].is_u64() && f["evidence"].is_array()
                    );
                    total += 1;
                }
                if v["status"] == "checked" {
                    let by_rule: u64 = v["by_rule"]
                        .as_object()
                        .unwrap()
                        .values()
                        .map(|n| n.as_u64().unwrap())
                        .sum();
                    assert_eq!(by_rule, v["findings"].as_u64().unwrap());
                }
            }
            "summary" => {}
            other => panic!("unknown line type {other}"),
        }
    }
    assert!(
        total > 20,
        "the generated titles have planted errors: {total}"
    );
    let summary = lines.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["titles"], 19);
    assert_eq!(summary["failed"], 2);
    assert_eq!(summary["checked"], 17);
    assert_eq!(summary["findings"], total);
    // The summary table goes to stderr with --format jsonl.
    assert!(
        r.stderr.contains("19 titles: 17 checked, 2 failed"),
        "{}",
        r.stderr
    );
}

#[test]
fn text_report_ends_with_a_summary_table_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    catalogue(dir.path(), 6, 0);
    let r = histlint(dir.path(), &["check", "cat", "--color", "never"]);
    assert_eq!(r.code, 1, "findings, nothing broken; stderr: {}", r.stderr);
    assert!(r.stdout.contains("error[HL"), "{}", r.stdout);
    let table: Vec<&str> = r
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("title "))
        .collect();
    assert_eq!(table.len(), 1 + 6 + 1, "{}", r.stdout);
    assert!(
        table[1].starts_with("cat/season-01/ep0001.srt "),
        "{}",
        table[1]
    );
    assert!(table[1].trim_end().ends_with(" ok"), "{}", table[1]);
    assert!(
        table[7].starts_with("6 titles: 6 checked, 0 failed"),
        "{}",
        table[7]
    );
    let j1 = histlint(dir.path(), &["check", "cat", "-j", "1", "--color", "never"]);
    assert_eq!(j1.stdout, r.stdout);

    // JSON: the document of plain `check --format json`, with `failed`.
    let r = histlint(dir.path(), &["check", "cat", "--format", "json"]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["schema"], "histlint-findings/1");
    assert_eq!(v["files"].as_array().unwrap().len(), 6);
    assert_eq!(v["failed"].as_array().unwrap().len(), 0);
    assert!(!v["findings"].as_array().unwrap().is_empty());

    // A clean title alone in a folder: exit 0.
    let clean = dir.path().join("clean");
    std::fs::create_dir(&clean).unwrap();
    std::fs::write(
        clean.join("ok.srt"),
        "1\n00:00:01,000 --> 00:00:02,000\nPETROGRAD, 26 OCTOBER 1917\n\n2\n00:00:03,000 --> 00:00:04,000\nThe Congress has taken power.\n",
    )
    .unwrap();
    let r = histlint(dir.path(), &["check", "clean"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .ends_with("1 title: 1 checked, 0 failed, 0 with warnings; 0 findings\n"),
        "{}",
        r.stdout
    );

    // Files and folders mixed: a named file is checked whatever its extension, and the
    // list is sorted and each title checked once.
    std::fs::write(
        dir.path().join("narration.txt"),
        "## Petrograd, 26 October 1917\n\nThe Kronstadt rebellion has begun.\n",
    )
    .unwrap();
    let r = histlint(
        dir.path(),
        &[
            "check",
            "narration.txt",
            "clean",
            "clean/ok.srt",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let titles: Vec<String> = jsonl(&r.stdout)
        .iter()
        .filter(|v| v["type"] == "title")
        .map(|v| v["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles, ["clean/ok.srt", "narration.txt"]);
    // .txt files in folders only with --text.
    std::fs::copy(dir.path().join("narration.txt"), clean.join("n.txt")).unwrap();
    let r = histlint(
        dir.path(),
        &["check", "clean", "--text", "--format", "jsonl"],
    );
    assert_eq!(
        jsonl(&r.stdout).last().unwrap()["titles"],
        2,
        "{}",
        r.stdout
    );

    // A folder without titles, and a missing file: exit 2, named.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let r = histlint(dir.path(), &["check", "empty"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("no subtitle or script files found in empty"),
        "{}",
        r.stderr
    );
    let r = histlint(dir.path(), &["check", "clean", "missing.srt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("histlint: error: missing.srt: "),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout
            .ends_with("2 titles: 1 checked, 1 failed, 0 with warnings; 0 findings\n"),
        "{}",
        r.stdout
    );
}
