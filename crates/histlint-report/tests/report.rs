//! The HTML report and the ClaimReview export of the bundled example, as snapshots,
//! plus required fields and escaping of hostile input.

use histlint_check::{Cue, CueKind, Options, Title};
use histlint_report::claimreview::{self, Selection};
use histlint_report::html::{self, HtmlOptions};
use histlint_report::{Episode, ReviewConfig, Season, TitleMeta};

const CONFIG: &str = r#"
[organization]
name = "Example History Desk"
url = "https://factcheck.example/"

[review]
url = "https://factcheck.example/reviews/the-prophet"
date_published = "2026-11-27"

[[title]]
file = "the-prophet.srt"
name = "The Prophet (subtitles)"
date_published = "2026-03-01"
url = "https://broadcaster.example/the-prophet"
"#;

fn example(file: &str) -> (Title, String) {
    let path = format!("{}/../../examples/{file}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    let doc = histlint_ingest::read(&bytes, file, &Default::default()).unwrap();
    let (source, _) = histlint_ingest::decode(&bytes);
    let title = Title {
        name: file.to_string(),
        cues: doc.cues.into_iter().map(Cue::from).collect(),
    };
    (title, source)
}

fn season(files: &[&str], cfg: &ReviewConfig) -> Season {
    let kb = histlint_bundled::compiled().unwrap();
    Season {
        episodes: files
            .iter()
            .map(|f| {
                let (title, source) = example(f);
                let report = histlint_check::check(&title, &kb, &Options::default());
                let meta = cfg.title_meta(f, TitleMeta::from_source(&source));
                Episode::build(f, meta, &title, &report)
            })
            .collect(),
    }
}

#[test]
fn html_report_of_the_example() {
    let cfg = ReviewConfig::parse(CONFIG).unwrap();
    let s = season(&["the-prophet.fountain"], &cfg);
    assert!(!s.episodes[0].items.is_empty());
    let page = html::render(&s, &HtmlOptions::default());
    // Self-contained: nothing is loaded from elsewhere.
    for bad in ["<link", "src=", "@import", "url("] {
        assert!(!page.contains(bad), "the report loads something: {bad}");
    }
    assert_eq!(
        page,
        html::render(&s, &HtmlOptions::default()),
        "deterministic"
    );
    // One tag per line, so that snapshot diffs are readable.
    insta::assert_snapshot!("the-prophet.html", page.replace("><", ">\n<"));
}

#[test]
fn html_report_of_a_season() {
    let cfg = ReviewConfig::parse(CONFIG).unwrap();
    let s = season(&["the-prophet.fountain", "the-prophet.srt"], &cfg);
    let page = html::render(&s, &HtmlOptions::default());
    // One timeline per episode, and per-episode totals.
    assert_eq!(page.matches("<figure class=\"timeline\">").count(), 2);
    assert!(page.contains("<th scope=\"col\">the-prophet.srt</th><th scope=\"col\">all</th>"));
    assert!(page.contains("<option value=\"1\">the-prophet.srt</option>"));
}

#[test]
fn claimreview_of_the_example() {
    let cfg = ReviewConfig::parse(CONFIG).unwrap();
    let s = season(&["the-prophet.srt"], &cfg);
    let out = claimreview::export(&s, &cfg, None, Selection::AllButDismissed);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let reviews = v.as_array().unwrap();
    assert_eq!(reviews.len(), s.episodes[0].items.len());
    for r in reviews {
        assert_eq!(
            claimreview::missing_required(r),
            Vec::<&str>::new(),
            "{r:#}"
        );
        assert_eq!(r["datePublished"], "2026-11-27");
        assert_eq!(r["itemReviewed"]["datePublished"], "2026-03-01");
        assert_eq!(r["itemReviewed"]["appearance"]["@type"], "Clip");
        assert!(
            r["itemReviewed"]["appearance"]["url"]
                .as_str()
                .unwrap()
                .starts_with("https://broadcaster.example/the-prophet#t=")
        );
    }
    insta::assert_snapshot!("the-prophet.claimreview.json", out);
}

#[test]
fn claimreview_date_override_and_untimed_titles() {
    let cfg = ReviewConfig::parse(CONFIG).unwrap();
    let s = season(&["the-prophet.fountain"], &cfg);
    let out = claimreview::export(&s, &cfg, Some("2027-01-02"), Selection::AllButDismissed);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for r in v.as_array().unwrap() {
        assert!(claimreview::missing_required(r).is_empty());
        assert_eq!(r["datePublished"], "2027-01-02");
        // A screenplay has no timecodes: the appearance names the line.
        assert!(
            r["itemReviewed"]["appearance"]["name"]
                .as_str()
                .unwrap()
                .contains(", line ")
        );
        assert_eq!(
            r["itemReviewed"]["appearance"]["isPartOf"]["name"],
            "The Prophet"
        );
    }
}

#[test]
fn hostile_input_is_escaped() {
    let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
    let title = Title {
        name: evil.to_string(),
        cues: vec![Cue {
            line: 1,
            start_ms: Some(1000),
            end_ms: Some(2000),
            speaker: Some(evil.to_string()),
            kind: CueKind::Dialogue,
            text: format!("{evil} The Kronstadt rebellion"),
            scene: None,
            allow: vec![],
        }],
    };
    let report = histlint_check::Report {
        findings: vec![],
        scenes: vec![Default::default()],
    };
    let mut ep = Episode::build(evil, TitleMeta::default(), &title, &report);
    let item = ep.manual_item(
        &title,
        "k",
        1,
        "<script>alert(1)</script>",
        evil,
        histlint_check::Severity::Error,
        Some(format!("{evil} javascript:alert(3)")),
    );
    ep.items.push(item);
    let page = html::render(
        &Season { episodes: vec![ep] },
        &HtmlOptions {
            title: evil.to_string(),
            review: None,
        },
    );
    // The only <script> is the report's own, at the end.
    assert_eq!(page.matches("<script").count(), 1, "{page}");
    assert!(!page.contains("<img"));
    assert!(!page.contains("href=\"javascript"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("data-speaker=\"&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;'&amp;\""));
}
