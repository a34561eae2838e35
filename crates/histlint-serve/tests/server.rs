//! The review app in process: upload, review, conflicts, limits, traversal, exports.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use histlint_report::ReviewConfig;
use histlint_serve::{AppConfig, AppState, Db, app};
use http_body_util::BodyExt;
use tower::ServiceExt;

const EXAMPLE: &str = include_str!("../../../examples/the-prophet.fountain");
const CONFIG: &str = "[organization]\nname = \"Desk\"\nurl = \"https://desk.example/\"\n\n[review]\nurl = \"https://desk.example/r\"\ndate_published = \"2026-11-27\"\n";

fn state_with(db: Db, max_upload: usize) -> Arc<AppState> {
    AppState::new(
        db,
        histlint_bundled::compiled().unwrap(),
        AppConfig {
            max_upload,
            max_files: 4,
            review: Some(ReviewConfig::parse(CONFIG).unwrap()),
        },
    )
}

fn state() -> Arc<AppState> {
    state_with(Db::in_memory().unwrap(), 1 << 20)
}

struct Resp {
    status: StatusCode,
    location: Option<String>,
    body: String,
}

async fn send(state: &Arc<AppState>, req: Request<Body>) -> Resp {
    let r = app(state.clone()).oneshot(req).await.unwrap();
    let status = r.status();
    let location = r
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_string());
    let body = r.into_body().collect().await.unwrap().to_bytes();
    Resp {
        status,
        location,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

async fn get(state: &Arc<AppState>, uri: &str) -> Resp {
    send(state, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post_form(state: &Arc<AppState>, uri: &str, form: &[(&str, &str)]) -> Resp {
    let body: Vec<String> = form
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    send(
        state,
        Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.join("&")))
            .unwrap(),
    )
    .await
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn upload(state: &Arc<AppState>, files: &[(&str, &[u8])]) -> Resp {
    let boundary = "XhistlintBoundaryX";
    let mut body = Vec::new();
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    send(
        state,
        Request::post("/upload")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

/// The first finding's id and version in a report page.
fn first_form(body: &str) -> (String, String) {
    let id = body
        .split("name=\"id\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a review form");
    let version = body
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    (id.to_string(), version.to_string())
}

#[tokio::test]
async fn upload_review_and_export() {
    let st = state();
    let r = get(&st, "/").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("multipart/form-data"));
    let r = upload(&st, &[("the-prophet.fountain", EXAMPLE.as_bytes())]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let loc = r.location.unwrap();
    assert_eq!(loc, "/s/1");
    let page = get(&st, &loc).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<figure class=\"timeline\">"));
    assert!(page.body.contains("Kronstadt rebellion"));
    let (id, version) = first_form(&page.body);
    assert_eq!(version, "0");
    // Dismiss the first finding, confirm it elsewhere? No: confirm it with a note.
    let r = post_form(
        &st,
        "/s/1/review",
        &[
            ("id", &id),
            ("version", "0"),
            ("status", "confirmed"),
            ("note", "checked <in> Avrich"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location.unwrap(), format!("/s/1?saved={id}#f-{id}"));
    let page = get(&st, "/s/1?saved=x").await;
    assert!(page.body.contains("Review saved."));
    assert!(page.body.contains("checked &lt;in&gt; Avrich"));
    // Exports: the confirmed finding only, with every required field.
    let cr = get(&st, "/s/1/claimreview.json").await;
    assert_eq!(cr.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&cr.body).unwrap();
    let reviews = v.as_array().unwrap();
    assert_eq!(reviews.len(), 1);
    assert!(histlint_report::claimreview::missing_required(&reviews[0]).is_empty());
    assert!(
        reviews[0]["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("#{id}"))
    );
    let js = get(&st, "/s/1/findings.json").await;
    let v: serde_json::Value = serde_json::from_str(&js.body).unwrap();
    assert_eq!(v["schema"], "histlint-reviewed/1");
    let items = v["episodes"][0]["items"].as_array().unwrap();
    let reviewed: Vec<&serde_json::Value> =
        items.iter().filter(|i| !i["review"].is_null()).collect();
    assert_eq!(reviewed.len(), 1);
    assert_eq!(reviewed[0]["review"]["status"], "confirmed");
    assert_eq!(reviewed[0]["review"]["version"], 1);
}

#[tokio::test]
async fn stale_writes_get_409_and_keep_the_first() {
    let st = state();
    upload(&st, &[("a.fountain", EXAMPLE.as_bytes())]).await;
    let page = get(&st, "/s/1").await;
    let (id, _) = first_form(&page.body);
    let first = post_form(
        &st,
        "/s/1/review",
        &[
            ("id", &id),
            ("version", "0"),
            ("status", "dismissed"),
            ("note", "first"),
        ],
    )
    .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    // A second reviewer still holding version 0.
    let second = post_form(
        &st,
        "/s/1/review",
        &[
            ("id", &id),
            ("version", "0"),
            ("status", "confirmed"),
            ("note", "second"),
        ],
    )
    .await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert!(
        second
            .body
            .contains("Not saved: someone else changed the review"),
        "{}",
        second.body
    );
    assert!(
        second
            .body
            .contains("It is now dismissed with the note “first”")
    );
    let js = get(&st, "/s/1/findings.json").await;
    assert!(js.body.contains("\"note\": \"first\""));
    assert!(!js.body.contains("\"note\": \"second\""));
}

#[tokio::test]
async fn reviews_follow_unchanged_lines_into_an_edited_script() {
    let st = state();
    upload(&st, &[("ep.fountain", EXAMPLE.as_bytes())]).await;
    let page = get(&st, "/s/1").await;
    let (id, _) = first_form(&page.body);
    post_form(
        &st,
        "/s/1/review",
        &[
            ("id", &id),
            ("version", "0"),
            ("status", "dismissed"),
            ("note", "poetic licence"),
        ],
    )
    .await;
    // The edited script: three new lines at the top move every line down.
    let edited = EXAMPLE.replacen(
        "INT. SOVIET",
        "INT. STAIRWELL - NIGHT\n\nFootsteps.\n\nINT. SOVIET",
        1,
    );
    let r = upload(&st, &[("ep.fountain", edited.as_bytes())]).await;
    assert_eq!(r.location.as_deref(), Some("/s/2"));
    let page = get(&st, "/s/2").await;
    assert!(page.body.contains(&format!("id=\"f-{id}\"")));
    assert!(page.body.contains("poetic licence"));
}

#[tokio::test]
async fn bad_files_are_refused_in_the_page() {
    let st = state();
    let bad = b"1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n00:00:03,000 --> garbage\nbad\n";
    let r = upload(
        &st,
        &[("good.fountain", EXAMPLE.as_bytes()), ("bad.srt", bad)],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Nothing was uploaded"), "{}", r.body);
    assert!(r.body.contains("bad.srt:6: "), "{}", r.body);
    // Nothing was stored.
    assert_eq!(get(&st, "/s/1").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn limits_are_enforced() {
    let st = state_with(Db::in_memory().unwrap(), 4096);
    let big = vec![b'a'; 8192];
    let r = upload(&st, &[("big.txt", &big)]).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        r.body.contains("larger than the limit of 4 KiB"),
        "{}",
        r.body
    );
    let small = b"A line of narration.\n";
    let files: Vec<(&str, &[u8])> = (0..5).map(|_| ("n.txt", &small[..])).collect();
    let r = upload(&st, &files).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.body.contains("Too many files: at most 4"));
    let r = upload(&st, &[]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Choose at least one file."));
    // A text field past the limit (under the body limit).
    let st = state();
    upload(&st, &[("ok.fountain", b"INT. HALL\n\nTROTSKY\nHello.\n")]).await;
    let long = "x".repeat(10_001);
    let r = post_form(
        &st,
        "/s/1/add",
        &[
            ("episode", "0"),
            ("line", "3"),
            ("claim", "Hello"),
            ("message", &long),
            ("severity", "error"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn no_path_traversal() {
    let dir = tempfile::tempdir().unwrap();
    let st = state_with(Db::open(&dir.path().join("r.db")).unwrap(), 1 << 20);
    let r = upload(
        &st,
        &[("../../../../tmp/evil.fountain", EXAMPLE.as_bytes())],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = get(&st, "/s/1").await;
    // Shown (and keyed) under its last component only; nothing was written anywhere.
    assert!(page.body.contains("evil.fountain"));
    assert!(!page.body.contains("../"));
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        files
            .iter()
            .all(|f| f.to_string_lossy().starts_with("r.db")),
        "{files:?}"
    );
    // URLs never reach the file system.
    for uri in [
        "/../../etc/passwd",
        "/s/..%2F..%2Fetc%2Fpasswd",
        "/s/1/..%2F..%2Fr.db",
        "/static/../../etc/passwd",
    ] {
        let r = get(&st, uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(!r.body.contains("root:"));
    }
}

#[tokio::test]
async fn hand_added_findings_are_confirmed_and_exported() {
    let st = state();
    upload(&st, &[("ep.fountain", EXAMPLE.as_bytes())]).await;
    let r = post_form(
        &st,
        "/s/1/add",
        &[
            ("episode", "0"),
            ("line", "13"),
            ("claim", "a house near Paris"),
            ("message", "<b>Sedova</b> lived near Paris only from 1939"),
            ("severity", "warning"),
            ("suggestion", ""),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = get(&st, "/s/1?added=1").await;
    assert!(page.body.contains("Finding added."));
    assert!(
        page.body
            .contains("&lt;b&gt;Sedova&lt;/b&gt; lived near Paris")
    );
    assert!(page.body.contains("added by hand"));
    let cr = get(&st, "/s/1/claimreview.json").await;
    let v: serde_json::Value = serde_json::from_str(&cr.body).unwrap();
    let reviews = v.as_array().unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0]["reviewRating"]["alternateName"], "Mostly false");
    assert!(histlint_report::claimreview::missing_required(&reviews[0]).is_empty());
    let r = post_form(
        &st,
        "/s/1/add",
        &[
            ("episode", "7"),
            ("line", "1"),
            ("claim", "x"),
            ("message", "y"),
            ("severity", "error"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn reviews_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reviews.db");
    let id;
    {
        let st = state_with(Db::open(&path).unwrap(), 1 << 20);
        upload(&st, &[("ep.fountain", EXAMPLE.as_bytes())]).await;
        let page = get(&st, "/s/1").await;
        id = first_form(&page.body).0;
        let r = post_form(
            &st,
            "/s/1/review",
            &[
                ("id", &id),
                ("version", "0"),
                ("status", "dismissed"),
                ("note", "kept"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let st = state_with(Db::open(&path).unwrap(), 1 << 20);
    let page = get(&st, "/s/1").await;
    assert_eq!(page.status, StatusCode::OK);
    let at = page.body.find(&format!("id=\"f-{id}\"")).unwrap();
    let article = &page.body[at..at + page.body[at..].find("</article>").unwrap()];
    assert!(article.contains("data-status=\"dismissed\""));
    assert!(article.contains("kept"));
    assert!(article.contains("name=\"version\" value=\"1\""));
}
