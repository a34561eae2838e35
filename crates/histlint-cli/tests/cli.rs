//! End-to-end tests of the `histlint` binary.

mod common;

use std::path::PathBuf;

use common::{Run, histlint};

use serde_json::Value;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn run(args: &[&str]) -> Run {
    histlint(&fixtures(), args)
}

fn json(args: &[&str]) -> Value {
    let r = run(args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).expect("JSON output")
}

// ------------------------------------------------------------------ histlint date

fn date_json(text: &str) -> Value {
    json(&["date", "--format", "json", text])
}

/// The anchor pairs of the Julian/Gregorian conversion, both directions.
#[test]
fn date_anchor_pairs_both_directions() {
    let pairs = [
        ("1917-10-25", "1917-11-07"),
        ("1642-12-25", "1643-01-04"),
        ("1709-06-27", "1709-07-08"),
        ("1582-10-05", "1582-10-15"),
        ("1918-02-01", "1918-02-14"),
    ];
    for (julian, gregorian) in pairs {
        let v = date_json(&format!("{julian} O.S."));
        assert_eq!(v["calendar"], "julian");
        assert_eq!(v["gregorian"]["start"], gregorian, "{julian} O.S.");
        assert_eq!(v["julian"]["start"], julian);
        let v = date_json(&format!("{gregorian} N.S."));
        assert_eq!(v["calendar"], "gregorian");
        assert_eq!(v["julian"]["start"], julian, "{gregorian} N.S.");
        assert_eq!(v["gregorian"]["end"], gregorian);
    }
    // The day before each change: 4 October 1582 (Julian) was a Thursday, the next day
    // Friday 15 October (Gregorian); 31 January 1918 (Julian) was followed by 14 February.
    let v = date_json("4 October 1582 Julian");
    assert_eq!(v["gregorian"]["start"], "1582-10-14");
    assert_eq!(v["weekday"], "Thursday");
    assert_eq!(date_json("15 October 1582")["weekday"], "Friday");
    assert_eq!(
        date_json("31 January 1918 O.S.")["gregorian"]["start"],
        "1918-02-13"
    );
}

#[test]
fn date_explains_precision_and_calendar() {
    let v = date_json("25 October 1917 O.S.");
    assert_eq!(v["precision"], "day");
    assert_eq!(v["calendar"], "julian");
    assert_eq!(v["gregorian"]["start"], "1917-11-07");
    assert_eq!(v["weekday"], "Wednesday");
    let v = date_json("1917-03");
    assert_eq!(v["precision"], "month");
    assert_eq!(v["calendar"], "gregorian");
    assert_eq!(
        (
            v["gregorian"]["start"].as_str(),
            v["gregorian"]["end"].as_str()
        ),
        (Some("1917-03-01"), Some("1917-03-31"))
    );
    assert_eq!(
        (v["julian"]["start"].as_str(), v["julian"]["end"].as_str()),
        (Some("1917-02-16"), Some("1917-03-18"))
    );
    let v = date_json("1917-03 O.S.");
    assert_eq!(
        (
            v["gregorian"]["start"].as_str(),
            v["gregorian"]["end"].as_str()
        ),
        (Some("1917-03-14"), Some("1917-04-13"))
    );
    let v = date_json("the 1910s");
    assert_eq!(v["precision"], "decade");
    assert_eq!(v["gregorian"]["end"], "1919-12-31");
    let v = date_json("+1214-00-00T00:00:00Z");
    assert_eq!(v["precision"], "year");
    assert_eq!(v["gregorian"]["start"], "1214-01-01");
    let v = date_json("+1917-11-07T00:00:00Z");
    assert_eq!(v["precision"], "day");
    let v = date_json("44 BC");
    assert_eq!(v["iso"], "-0043");
    assert_eq!(v["wikidata"]["time"], "-0044-00-00T00:00:00Z");
}

#[test]
fn date_text_output() {
    let r = run(&["date", "25 October 1917 O.S."]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("date_text_os", r.stdout);
    let r = run(&["date", "7 November 1917"]);
    insta::assert_snapshot!("date_text_unstated_calendar", r.stdout);
    let r = run(&["date", "1917-03"]);
    insta::assert_snapshot!("date_text_month", r.stdout);
}

#[test]
fn date_rejects_bad_input_with_exit_2() {
    for bad in [
        "31 February 1917",
        "Octember 1917",
        "",
        "yesterday",
        "1917-13",
    ] {
        let r = run(&["date", bad]);
        assert_eq!(r.code, 2, "{bad:?}");
        assert!(r.stderr.starts_with("histlint: error: "), "{}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    let r = run(&["date", "29 February 1900"]);
    assert!(
        r.stderr
            .contains("does not exist in the Gregorian calendar"),
        "{}",
        r.stderr
    );
    assert_eq!(run(&["date", "29 February 1900 O.S."]).code, 0);
}

// ------------------------------------------------------------------ histlint kb check

#[test]
fn kb_check_reports_every_problem_at_file_line() {
    let r = run(&["kb", "check", "kb-broken"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    insta::assert_snapshot!("kb_check_broken", r.stdout);
    // Each broken file contributes its own error, at the line of the fault.
    let expected = [
        "kb-broken/01-fact-without-source.toml:1: error: role fact has no source",
        "kb-broken/02-unknown-id.toml:4: error: `place` refers to unknown id `atlantis`",
        "kb-broken/03-death-before-birth.toml:5: error: death before birth",
        "kb-broken/04-end-before-start.toml:5: error: end before start",
        "kb-broken/05-duplicate-id.toml:1: error: duplicate id `town` (first defined at kb-broken/00-base.toml:14)",
        "kb-broken/06-no-such-date.toml:5: error: `start`: 1900-02-29 does not exist in the Gregorian calendar",
        "kb-broken/06-no-such-date.toml:11: error: `start`: 1900-02-30 does not exist in the Julian calendar",
        "kb-broken/07-wrong-kind.toml:4: error: `place` must refer to a place, but `alice` is a person",
        "kb-broken/08-typo-field.toml:4: error: unknown field `bron`",
        "kb-broken/09-attested-without-location.toml:1: error: attested quote `alice-saying` needs `location`",
        "kb-broken/10-source-without-title.toml:1: error: source `untitled` has no `title`",
        "kb-broken/11-not-toml.toml:3: error:",
        "kb-broken/12-bad-calendar.toml:4: error: `start`: unknown calendar \"hebrew\"",
        "kb-broken/13-unknown-source.toml:5: error: `source` refers to unknown id `hearsay`",
    ];
    for e in expected {
        assert!(
            r.stdout.lines().any(|l| l.starts_with(e)),
            "missing {e:?} in\n{}",
            r.stdout
        );
    }
    assert_eq!(
        r.stdout.lines().filter(|l| l.contains(": error: ")).count(),
        expected.len()
    );
}

#[test]
fn kb_check_json() {
    let r = run(&["kb", "check", "--format", "json", "kb-broken"]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"], 14);
    let first = &v["problems"][0];
    assert_eq!(first["file"], "kb-broken/01-fact-without-source.toml");
    assert_eq!(first["line"], 1);
    assert_eq!(first["severity"], "error");
}

#[test]
fn kb_check_clean_and_warnings() {
    let r = run(&["kb", "check", "kb-valid"]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (
            0,
            "kb-valid: 0 error(s), 0 warning(s); 3 records (1 entities, 1 events, 2 facts, 1 sources, 0 quotes)\n"
        )
    );
    let r = run(&["kb", "check", "kb-warn"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("kb-warn/kb.toml:11: warning: alias \"John Smith\" of `john-smith-2` is also a name of `john-smith-1`"), "{}", r.stdout);
    assert!(
        r.stdout.contains("kb-warn/facts.toml:15: warning: role fact about `john-smith-1` repeats the one at kb-warn/facts.toml:6 with different dates; keep one"),
        "{}",
        r.stdout
    );
    assert_eq!(r.stdout.matches(": warning: ").count(), 2, "{}", r.stdout);
    assert_eq!(run(&["kb", "check", "--strict", "kb-warn"]).code, 1);
}

#[test]
fn kb_check_unusable_input_is_exit_2() {
    let r = run(&["kb", "check", "no-such-folder"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no-such-folder: no such folder"),
        "{}",
        r.stderr
    );
    let empty = tempfile::tempdir().unwrap();
    let r = run(&["kb", "check", empty.path().to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no *.toml files found"), "{}", r.stderr);
    let r = run(&["kb", "check", "kb-valid/kb.toml"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a folder"));
}

#[test]
fn kb_check_survives_binary_junk() {
    let dir = tempfile::tempdir().unwrap();
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(dir.path().join("junk.toml"), &junk).unwrap();
    std::fs::write(dir.path().join("nul.toml"), b"[[person]]\nid = \"a\0\"\n").unwrap();
    let r = run(&["kb", "check", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("junk.toml:"), "{}", r.stdout);
    assert!(r.stdout.contains("nul.toml:"), "{}", r.stdout);
}

// ------------------------------------------------------------------ bundled KB

#[test]
fn bundled_kb_checks_clean() {
    let r = run(&["kb", "check"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout
            .lines()
            .last()
            .unwrap()
            .starts_with("bundled KB: 0 error(s)")
    );
}

#[test]
fn bundled_kb_stats_meet_the_brief() {
    let v = json(&["kb", "stats", "--format", "json"]);
    for field in ["entities", "events", "facts", "sources", "quotes"] {
        assert!(v[field].is_u64(), "{field} missing: {v}");
    }
    let n = |f: &str| v[f].as_u64().unwrap();
    assert!(n("entities") + n("events") >= 200, "{v}");
    assert!(n("fact_records") >= 400, "{v}");
    assert!(n("quotes") >= 20, "{v}");
}

#[test]
fn kb_show_by_id_and_alias() {
    let by_id = json(&["kb", "show", "--format", "json", "trotsky"]);
    assert_eq!(by_id["results"][0]["id"], "trotsky");
    assert_eq!(by_id["results"][0]["kind"], "person");
    let born = &by_id["results"][0]["record"]["start"]["date"]["date"];
    assert_eq!(born["calendar"], "julian");
    assert!(!by_id["results"][0]["linked"].as_array().unwrap().is_empty());
    assert!(!by_id["sources"].as_object().unwrap().is_empty());
    for alias in ["Троцкий", "lev bronstein", "LEON TROTSKY"] {
        let v = json(&["kb", "show", "--format", "json", alias]);
        assert_eq!(v["results"][0]["id"], "trotsky", "{alias}");
    }
    let r = run(&["kb", "show", "trotsky"]);
    assert!(
        r.stdout.starts_with("trotsky — Leon Trotsky (person)"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("source: "));
    let r = run(&["kb", "show", "Nobody At All"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("nothing in the KB is called"));
}

#[test]
fn kb_show_and_stats_on_another_kb() {
    let v = json(&["kb", "stats", "--format", "json", "--kb", "kb-valid"]);
    assert_eq!(
        (
            v["entities"].as_u64(),
            v["events"].as_u64(),
            v["sources"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    let v = json(&[
        "kb",
        "show",
        "--format",
        "json",
        "--kb",
        "kb-valid",
        "Алиса",
    ]);
    assert_eq!(v["results"][0]["id"], "alice");
    assert_eq!(v["results"][0]["linked"][0]["value"]["id"], "great-fair");
    let r = run(&["kb", "stats", "--kb", "kb-broken"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("has 14 error(s)"), "{}", r.stderr);
}

#[test]
fn compiled_kb_file_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("valid.hlkb");
    let r = run(&["kb", "compile", "kb-valid", "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&[
        "kb",
        "show",
        "--format",
        "json",
        "--kb",
        out.to_str().unwrap(),
        "alice",
    ]);
    assert_eq!(v["results"][0]["record"]["name"], "Alice Example");
    std::fs::write(dir.path().join("bad.hlkb"), b"HLKB junk").unwrap();
    let r = run(&[
        "kb",
        "stats",
        "--kb",
        dir.path().join("bad.hlkb").to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("not a compiled histlint KB"),
        "{}",
        r.stderr
    );
}

#[test]
fn output_is_deterministic() {
    let a = run(&["kb", "show", "--format", "json", "trotsky"]).stdout;
    let b = run(&["kb", "show", "--format", "json", "trotsky"]).stdout;
    assert_eq!(a, b);
    let a = run(&["kb", "check", "--format", "json", "kb-broken"]).stdout;
    let b = run(&["kb", "check", "--format", "json", "kb-broken"]).stdout;
    assert_eq!(a, b);
}
