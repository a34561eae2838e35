//! The bad-input corpus (`tests/fixtures/bad/`, described in its README): wrong
//! encodings, truncated files, absurd timecodes, NUL bytes, binary junk, deeply nested
//! TTML, XML entity expansion, empty files, a hostile KB; and, generated here, 10 MB
//! lines and files over the size limits.
//!
//! For each file: either exit 2 with `histlint: error: FILE:LINE: what is wrong`, or
//! (with `--lenient`, where the problem is one entry) a warning naming the file and
//! line and every good cue still checked: the findings of the good cues are asserted
//! line by line. Nothing panics. `tests/check.rs` ("hostile files") covers a 10 MB
//! SRT line, a truncated SRT and mixed encodings in one run; they are not repeated.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{Run, histlint};
use serde_json::Value;

fn bad_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad")
}

/// What a run must give.
enum Expect<'a> {
    /// Exit 2, `histlint: error: FILE:LINE: ...` (or `FILE: ...` when `line` is 0)
    /// with `what` in the message.
    Fails { line: usize, what: &'static str },
    /// Exit 1 with findings on exactly these lines (each a good cue's claim); with a
    /// warning `FILE:LINE: warning: ...what...` when given.
    Findings {
        lines: &'a [usize],
        warning: Option<(usize, &'static str)>,
    },
    /// Exit 0, no findings, the warning given.
    Clean { warning: &'static str },
}

/// Runs `check --format json [--lenient] FILE` in `dir` and checks `expect`.
fn expect(dir: &Path, file: &str, lenient: bool, extra: &[&str], expect: &Expect<'_>) {
    // Only the rule the planted errors are for, so that the findings asserted are the
    // good cues' and no other rule's.
    let mut args = vec!["check", "--format", "json", "--select", "anachronism", file];
    if lenient {
        args.push("--lenient");
    }
    args.extend_from_slice(extra);
    let r = histlint(dir, &args);
    let ctx = format!(
        "{file} (lenient: {lenient}): exit {}\nstderr: {}",
        r.code, r.stderr
    );
    assert_no_panic(&r, &ctx);
    match expect {
        Expect::Fails { line, what } => {
            assert_eq!(r.code, 2, "{ctx}");
            let at = if *line == 0 {
                format!("histlint: error: {file}: ")
            } else {
                format!("histlint: error: {file}:{line}: ")
            };
            assert!(r.stderr.starts_with(&at), "expected {at:?}: {ctx}");
            assert!(r.stderr.contains(what), "expected {what:?}: {ctx}");
            assert!(r.stdout.is_empty(), "{ctx}: {}", r.stdout);
        }
        Expect::Findings { lines, warning } => {
            assert_eq!(r.code, 1, "{ctx}");
            let v: Value = serde_json::from_str(&r.stdout).unwrap();
            let got: BTreeSet<u64> = v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["line"].as_u64().unwrap())
                .collect();
            let want: BTreeSet<u64> = lines.iter().map(|&l| l as u64).collect();
            assert_eq!(got, want, "findings on the good cues: {ctx}");
            match warning {
                Some((line, what)) => {
                    let w = format!("{file}:{line}: warning: ");
                    let l = r
                        .stderr
                        .lines()
                        .find(|l| l.starts_with(&w))
                        .unwrap_or_else(|| panic!("expected {w:?}: {ctx}"));
                    assert!(l.contains(what), "expected {what:?}: {ctx}");
                }
                None => assert!(r.stderr.is_empty(), "{ctx}"),
            }
        }
        Expect::Clean { warning } => {
            assert_eq!(r.code, 0, "{ctx}");
            assert!(
                r.stderr.starts_with(&format!("{file}: warning: {warning}")),
                "{ctx}"
            );
            let v: Value = serde_json::from_str(&r.stdout).unwrap();
            assert_eq!(v["files"][0]["cues"], 0, "{ctx}");
        }
    }
}

fn assert_no_panic(r: &Run, ctx: &str) {
    assert!(
        !r.stderr.contains("panicked") && !r.stderr.contains("internal error"),
        "{ctx}"
    );
    assert!(r.code == 0 || r.code == 1 || r.code == 2, "{ctx}");
}

use Expect::{Clean, Fails, Findings};

#[test]
fn wrong_encodings_are_read_and_every_cue_checked() {
    let dir = bad_dir();
    // Legacy code pages without a BOM, UTF-16 with and without one: each decoded, each
    // planted anachronism found (line 7: Kronstadt in October 1917; line 15: the murder
    // of Rosa Luxemburg), strict and lenient alike.
    for (file, lines) in [
        ("cp1251-no-bom.srt", &[7][..]),
        ("cp1252-no-bom.srt", &[7]),
        ("utf16le-bom.srt", &[7, 15]),
        ("utf16be-bom.srt", &[7, 15]),
        ("utf16le-no-bom.srt", &[7, 15]),
        ("utf16be-no-bom.vtt", &[7]),
        // A UTF-8 file cut inside its last character stays UTF-8 (it was once read as
        // Windows-1252, garbling every line).
        ("truncated-utf8.srt", &[7]),
    ] {
        for lenient in [false, true] {
            expect(
                &dir,
                file,
                lenient,
                &[],
                &Findings {
                    lines,
                    warning: None,
                },
            );
        }
    }
    // The Cyrillic text came through: the finding quotes it.
    let r = histlint(&dir, &["check", "--format", "json", "cp1251-no-bom.srt"]);
    assert!(r.stdout.contains("Кронштадтский мятеж"), "{}", r.stdout);
    let r = histlint(&dir, &["check", "--format", "json", "truncated-utf8.srt"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["files"][0]["cues"], 3, "the cut cue is kept, with U+FFFD");
}

#[test]
fn one_bad_entry_is_an_error_or_with_lenient_a_warning() {
    let dir = bad_dir();
    for (file, line, what, good) in [
        ("truncated.srt", 10, "malformed timecode \"00:0\"", &[7][..]),
        (
            "absurd-timecodes.srt",
            10,
            "\"99:99:99,000\" has 99 minutes",
            &[7, 15],
        ),
        (
            "absurd-timecodes.vtt",
            9,
            "malformed cue timing \"00:00:99.000 --> 00:01:00.000\"",
            &[7, 13],
        ),
        (
            "end-before-start.srt",
            10,
            "cue ends (00:00:08,000) before it starts (00:00:10,000)",
            &[7, 15],
        ),
        (
            "truncated.ttml",
            7,
            "malformed XML: syntax error: attribute value not closed",
            &[6],
        ),
    ] {
        expect(&dir, file, false, &[], &Fails { line, what });
        expect(
            &dir,
            file,
            true,
            &[],
            &Findings {
                lines: good,
                warning: Some((line, what)),
            },
        );
    }
}

#[test]
fn whole_file_problems_fail_in_both_modes() {
    let dir = bad_dir();
    for (file, line, what) in [
        (
            "nul-bytes.srt",
            11,
            "binary data, not a subtitle or script file",
        ),
        ("binary-junk.srt", 3, "binary data"),
        (
            "deeply-nested.ttml",
            66,
            "XML elements nested deeper than 64 levels",
        ),
        (
            "billion-laughs.ttml",
            2,
            "the DOCTYPE declares XML entities; refused",
        ),
    ] {
        for lenient in [false, true] {
            expect(&dir, file, lenient, &[], &Fails { line, what });
        }
    }
}

#[test]
fn empty_files_are_clean_with_a_warning() {
    let dir = bad_dir();
    for file in ["empty.srt", "blank.vtt"] {
        for lenient in [false, true] {
            expect(
                &dir,
                file,
                lenient,
                &[],
                &Clean {
                    warning: "file is empty",
                },
            );
        }
    }
}

#[test]
fn limits_have_flags_and_clear_errors() {
    let dir = bad_dir();
    // Nesting: 100 levels pass with a higher limit, and the good cues are checked.
    expect(
        &dir,
        "deeply-nested.ttml",
        false,
        &["--max-depth", "200"],
        &Findings {
            lines: &[105],
            warning: None,
        },
    );
    expect(
        &dir,
        "deeply-nested.ttml",
        false,
        &["--max-depth", "10"],
        &Fails {
            // tt, body and eight divs (lines 2-11); the eleventh element is on line 12.
            line: 12,
            what: "nested deeper than 10 levels",
        },
    );
    // File size: refused before reading, naming the flag.
    expect(
        &dir,
        "absurd-timecodes.srt",
        false,
        &["--max-file-size", "100"],
        &Fails {
            line: 0,
            what: "file is 350 bytes, over the limit of 100 bytes (--max-file-size)",
        },
    );
    // Line length: the long line named; with --lenient its cue skipped, the rest checked.
    let args = ["--max-line-length", "80"];
    expect(
        &dir,
        "absurd-timecodes.srt",
        false,
        &args,
        &Fails {
            line: 15,
            what: "line is 81 bytes long, over the limit of 80 bytes",
        },
    );
    expect(
        &dir,
        "absurd-timecodes.srt",
        true,
        &args,
        &Findings {
            lines: &[7],
            warning: Some((
                15,
                "over the limit of 80 bytes; the cue holding it is skipped",
            )),
        },
    );
    // Bad values are usage errors.
    for bad in [
        ["--max-file-size", "lots"],
        ["--max-line-length", "0"],
        ["--max-file-size", "12X"],
    ] {
        let r = histlint(&dir, &["check", bad[0], bad[1], "empty.srt"]);
        assert_eq!(r.code, 2, "{bad:?}: {}", r.stderr);
        assert!(r.stderr.contains(bad[0]), "{bad:?}: {}", r.stderr);
    }
}

/// 10 MB lines in WebVTT and Fountain (the SRT case is in tests/check.rs), generated
/// here rather than committed.
#[test]
fn ten_megabyte_lines() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(10 * 1024 * 1024);
    let vtt = format!(
        "WEBVTT\n\n00:01.000 --> 00:03.000\nPETROGRAD, 25 OCTOBER 1917 (O.S.)\n\n00:04.000 --> 00:05.000\n{long}\n\n00:06.000 --> 00:09.000\n<v Sailor>The Kronstadt rebellion has taught us what those ministers are worth!\n"
    );
    std::fs::write(dir.path().join("long.vtt"), vtt).unwrap();
    let fountain = format!(
        "INT. SMOLNY INSTITUTE - NIGHT\n\nSUPER: PETROGRAD, 25 OCTOBER 1917 (O.S.)\n\n{long}\n\nSAILOR\nThe Kronstadt rebellion has taught us what those ministers are worth!\n"
    );
    std::fs::write(dir.path().join("long.fountain"), fountain).unwrap();
    for (file, line, good) in [("long.vtt", 7, 10), ("long.fountain", 5, 8)] {
        let what = "line is 10485760 bytes long, over the limit of 1048576 bytes";
        expect(dir.path(), file, false, &[], &Fails { line, what });
        expect(
            dir.path(),
            file,
            true,
            &[],
            &Findings {
                lines: &[good],
                warning: Some((line, what)),
            },
        );
        // The limit can be raised.
        let r = histlint(
            dir.path(),
            &[
                "check",
                "--max-line-length",
                "16M",
                "--format",
                "json",
                file,
            ],
        );
        assert_eq!(r.code, 1, "{file}: {}", r.stderr);
    }
}

#[test]
fn hostile_kb_folder() {
    let dir = bad_dir();
    // `kb check` lists every problem at file:line and exits 1; nothing panics.
    let r = histlint(&dir, &["kb", "check", "kb-hostile"]);
    assert_no_panic(&r, &r.stderr);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    for expected in [
        "kb-hostile/01-deep-arrays.toml:1: error: cannot recurse further",
        "kb-hostile/02-nul-and-bad-utf8.toml:3: error: not UTF-8",
        "kb-hostile/03-huge-numbers.toml:4: error: `born`: cannot read \"99999999999999999999-01-01\" as a date",
        "kb-hostile/03-huge-numbers.toml:5: error: `died`",
        "kb-hostile/04-redefined.toml:4: error: duplicate key",
        "kb-hostile/05-deep-tables.toml:1: error: cannot recurse further",
        "kb-hostile/06-truncated.toml:3: error: invalid basic string",
    ] {
        assert!(r.stdout.contains(expected), "{expected}: {}", r.stdout);
    }
    assert!(!r.stdout.contains("00-good.toml"), "{}", r.stdout);
    // Checking against it: exit 2, naming the KB's files and lines.
    let r = histlint(&dir, &["check", "--kb", "kb-hostile", "truncated-utf8.srt"]);
    assert_no_panic(&r, &r.stderr);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("histlint: error: the KB in kb-hostile has 7 error(s):"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("kb-hostile/01-deep-arrays.toml:1: error: cannot recurse further"),
        "{}",
        r.stderr
    );
}

/// The whole corpus as a catalogue: each unreadable file named with its line and
/// skipped, every readable one checked, exit 2, and nothing panics.
#[test]
fn the_corpus_as_a_catalogue() {
    let dir = bad_dir();
    let r = histlint(&dir, &["check", ".", "--format", "jsonl", "--jobs", "2"]);
    assert_no_panic(&r, &r.stderr);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let mut failed = BTreeSet::new();
    let mut checked = BTreeSet::new();
    for l in r.stdout.lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        if v["type"] == "title" {
            let f = v["file"]
                .as_str()
                .unwrap()
                .trim_start_matches("./")
                .to_string();
            if v["status"] == "failed" {
                assert!(v["error"]["line"].as_u64().unwrap() > 0, "{v}");
                assert!(
                    r.stderr
                        .contains(&format!("histlint: error: ./{f}:{}: ", v["error"]["line"])),
                    "{f}: {}",
                    r.stderr
                );
                failed.insert(f);
            } else {
                checked.insert(f);
            }
        }
    }
    let names = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(
        failed,
        names(&[
            "absurd-timecodes.srt",
            "absurd-timecodes.vtt",
            "billion-laughs.ttml",
            "binary-junk.srt",
            "deeply-nested.ttml",
            "end-before-start.srt",
            "nul-bytes.srt",
            "truncated.srt",
            "truncated.ttml",
        ])
    );
    assert_eq!(
        checked,
        names(&[
            "blank.vtt",
            "cp1251-no-bom.srt",
            "cp1252-no-bom.srt",
            "empty.srt",
            "truncated-utf8.srt",
            "utf16be-bom.srt",
            "utf16be-no-bom.vtt",
            "utf16le-bom.srt",
            "utf16le-no-bom.srt",
        ])
    );
}
