//! `check --format html | claimreview`, `-o`, `--review-config`, `--date`, and `serve`
//! start-up errors, on the real binary.

mod common;

use std::path::{Path, PathBuf};

use common::histlint;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const CONFIG: &str = "[organization]\nname = \"Example History Desk\"\nurl = \"https://factcheck.example/\"\n\n[review]\nurl = \"https://factcheck.example/reviews/the-prophet\"\ndate_published = \"2026-11-27\"\n";

#[test]
fn html_to_a_file_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.html");
    let b = dir.path().join("b.html");
    for out in [&a, &b] {
        let r = histlint(
            &root(),
            &[
                "check",
                "examples/the-prophet.fountain",
                "examples/the-prophet.srt",
                "--format",
                "html",
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert_eq!(r.stdout, "", "with -o nothing goes to stdout");
    }
    let page = std::fs::read_to_string(&a).unwrap();
    assert_eq!(page, std::fs::read_to_string(&b).unwrap());
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(page.matches("<figure class=\"timeline\">").count(), 2);
    assert!(page.contains("examples/the-prophet.srt"));
    assert!(
        page.contains("The Prophet"),
        "the Fountain title page's name"
    );
}

#[test]
fn claimreview_needs_a_config_and_has_the_required_fields() {
    let r = histlint(
        &root(),
        &[
            "check",
            "examples/the-prophet.srt",
            "--format",
            "claimreview",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--review-config"), "{}", r.stderr);

    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("review.toml");
    std::fs::write(&cfg, CONFIG).unwrap();
    let r = histlint(
        &root(),
        &[
            "check",
            "examples/the-prophet.srt",
            "--format",
            "claimreview",
            "--review-config",
            cfg.to_str().unwrap(),
            "--date",
            "2027-01-31",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let reviews = v.as_array().unwrap();
    assert!(reviews.len() >= 10);
    for rv in reviews {
        for field in [
            "claimReviewed",
            "url",
            "reviewRating",
            "author",
            "itemReviewed",
            "datePublished",
        ] {
            assert!(rv.get(field).is_some(), "{field} missing in {rv:#}");
        }
        assert_eq!(
            rv["datePublished"], "2027-01-31",
            "--date wins over the config"
        );
        assert!(
            rv["reviewRating"]["alternateName"]
                .as_str()
                .is_some_and(|s| !s.is_empty())
        );
        assert_eq!(rv["itemReviewed"]["@type"], "Claim");
    }
}

#[test]
fn bad_configs_and_dates_are_errors_with_lines() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("review.toml");
    std::fs::write(
        &cfg,
        CONFIG.replace("https://factcheck.example/reviews", "ftp://x"),
    )
    .unwrap();
    let r = histlint(
        &root(),
        &[
            "check",
            "examples/the-prophet.srt",
            "--format",
            "claimreview",
            "--review-config",
            cfg.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("review.toml:6: review.url must be an http:// or https:// URL"),
        "{}",
        r.stderr
    );
    let r = histlint(
        &root(),
        &[
            "check",
            "examples/the-prophet.srt",
            "--format",
            "html",
            "--date",
            "31.01.2027",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--date \"31.01.2027\" is not a date"),
        "{}",
        r.stderr
    );
}

#[test]
fn reports_take_files_not_folders() {
    let r = histlint(&root(), &["check", "examples", "--format", "html"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("--format html and claimreview take files"),
        "{}",
        r.stderr
    );
}

#[test]
fn serve_reports_an_unusable_database() {
    let r = histlint(
        &root(),
        &[
            "serve",
            "--db",
            "/nonexistent-dir/reviews.db",
            "--bind",
            "127.0.0.1:0",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("histlint: error: /nonexistent-dir/reviews.db: "),
        "{}",
        r.stderr
    );
}
