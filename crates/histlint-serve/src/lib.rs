//! # histlint-serve
//!
//! `histlint serve`: the review app for fact-checking desks. Upload a title or a
//! season, read the HTML report (`histlint-report`), confirm or dismiss each finding
//! with a note, add findings by hand, export the reviewed set as ClaimReview JSON-LD or
//! JSON. Reviews live in SQLite ([`db`]) and survive restarts.
//!
//! Invariants:
//! - Binds where told (the CLI's default is 127.0.0.1); serves only the pages below,
//!   never files: an uploaded file's name is shown (escaped) and keys reviews, but is
//!   never used as a path; uploads are only parsed, never executed.
//! - Limits: the whole upload ([`AppConfig::max_upload`], HTTP 413 beyond it) and the
//!   number of files ([`AppConfig::max_files`]); a file that does not parse is
//!   refused with the checker's `file:line: message`, in the page.
//! - A review write names the version it read; a stale write gets HTTP 409 and a page
//!   saying what is stored now; nothing is overwritten silently.
//! - No clock is read: exports are deterministic given the database.
//!
//! Routes: `GET /` (upload form, seasons), `POST /upload` (multipart, field `files`),
//! `GET /s/{id}` (report with review forms), `POST /s/{id}/review`, `POST /s/{id}/add`,
//! `GET /s/{id}/claimreview.json`, `GET /s/{id}/findings.json`.

#![warn(missing_docs)]

pub mod db;

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path as UrlPath, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use histlint_check::{Cue, Options, Report, Severity, Title};
use histlint_kb::CompiledKb;
use histlint_report::claimreview::{self, Selection};
use histlint_report::html::{self, HtmlOptions, ReviewUi};
use histlint_report::{Episode, ReviewConfig, ReviewStatus, Season, TitleMeta};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde::Deserialize;

pub use db::Db;

/// Limits and publishing settings of the app.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Largest accepted upload (all files of a season together), in bytes.
    pub max_upload: usize,
    /// Most files in one upload.
    pub max_files: usize,
    /// Publishing settings for the ClaimReview export; `None`: that export is refused
    /// with a message saying how to start the app.
    pub review: Option<ReviewConfig>,
}

impl Default for AppConfig {
    fn default() -> AppConfig {
        AppConfig {
            max_upload: 16 * 1024 * 1024,
            max_files: 64,
            review: None,
        }
    }
}

/// One checked title, cached per season.
struct Checked {
    name: String,
    meta: TitleMeta,
    title: Title,
    report: Report,
}

/// The app's shared state.
pub struct AppState {
    db: Db,
    kb: CompiledKb,
    cfg: AppConfig,
    cache: Mutex<HashMap<i64, Arc<Vec<Checked>>>>,
}

impl AppState {
    /// The state of an app on this database and KB.
    pub fn new(db: Db, kb: CompiledKb, cfg: AppConfig) -> Arc<AppState> {
        Arc::new(AppState {
            db,
            kb,
            cfg,
            cache: Mutex::new(HashMap::new()),
        })
    }
}

/// An error shown as a page.
struct PageError(StatusCode, String);

impl From<db::DbError> for PageError {
    fn from(e: db::DbError) -> PageError {
        PageError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let body = simple_page(
            "histlint: error",
            html! {
                p.notice.error role="alert" { (self.1) }
                p { a href="/" { "Back to the upload page" } }
            },
        );
        respond(self.0, "text/html; charset=utf-8", body)
    }
}

/// A response with the app's security headers: nothing may be loaded from elsewhere,
/// forms post only here, content types are not sniffed, pages are not framed.
fn respond(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn see_other(to: &str) -> Response {
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

fn simple_page(title: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(html::CSS)) }
            }
            body { header { h1 { (title) } } main { (body) } }
        }
    }
    .into_string()
}

/// The name an uploaded file is shown and keyed under: its last path component,
/// without control characters, at most 200 characters; never used as a path.
pub fn display_name(raw: Option<&str>, index: usize) -> String {
    let base = raw.unwrap_or("").rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    let clean = clean.trim();
    if clean.is_empty() || clean == "." || clean == ".." {
        format!("upload-{}", index + 1)
    } else {
        clean.to_string()
    }
}

/// Reads a title from uploaded bytes; an error is the checker's `name:line: message`.
fn read_title(name: &str, bytes: &[u8]) -> Result<(Title, String), String> {
    let doc = histlint_ingest::read(bytes, name, &histlint_ingest::Options::default())
        .map_err(|e| format!("{name}:{}: {}", e.line, e.message))?;
    let (source, _) = histlint_ingest::decode(bytes);
    let title = Title {
        name: name.to_string(),
        cues: doc.cues.into_iter().map(Cue::from).collect(),
    };
    Ok((title, source))
}

impl AppState {
    fn checked(&self, season: i64) -> Result<Option<Arc<Vec<Checked>>>, PageError> {
        if let Some(c) = self
            .cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&season)
        {
            return Ok(Some(c.clone()));
        }
        let Some(files) = self.db.titles(season)? else {
            return Ok(None);
        };
        let mut out = Vec::new();
        for (name, bytes) in files {
            let (title, source) =
                read_title(&name, &bytes).map_err(|m| PageError(StatusCode::BAD_REQUEST, m))?;
            let report = histlint_check::check(&title, &self.kb, &Options::default());
            let found = TitleMeta::from_source(&source);
            let meta = match &self.cfg.review {
                Some(cfg) => cfg.title_meta(&name, found),
                None => found,
            };
            out.push(Checked {
                name,
                meta,
                title,
                report,
            });
        }
        let out = Arc::new(out);
        self.cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(season, out.clone());
        Ok(Some(out))
    }

    /// The season with its hand-added findings and reviews.
    fn season(&self, id: i64) -> Result<Season, PageError> {
        let Some(checked) = self.checked(id)? else {
            return Err(PageError(
                StatusCode::NOT_FOUND,
                format!("There is no season {id}."),
            ));
        };
        let mut episodes = Vec::new();
        for c in checked.iter() {
            let mut ep = Episode::build(&c.name, c.meta.clone(), &c.title, &c.report);
            for m in self.db.manual(&c.name)? {
                let key = format!("manual\u{1f}{}\u{1f}{}", c.name, m.id);
                let sev = if m.severity == "warning" {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                let item = ep.manual_item(
                    &c.title,
                    &key,
                    m.line,
                    &m.claim,
                    &m.message,
                    sev,
                    m.suggestion.clone(),
                );
                ep.items.push(item);
            }
            ep.items.sort_by_key(|i| i.line);
            for item in &mut ep.items {
                item.review = self.db.review(&item.key)?;
            }
            episodes.push(ep);
        }
        Ok(Season { episodes })
    }
}

/// [`AppState::season`] on the blocking pool: checking a season is CPU work.
async fn season_of(state: &Arc<AppState>, id: i64) -> Result<Season, PageError> {
    let st = Arc::clone(state);
    tokio::task::spawn_blocking(move || st.season(id))
        .await
        .map_err(|e| PageError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
}

fn parse_id(s: &str) -> Result<i64, PageError> {
    s.parse::<i64>()
        .ok()
        .filter(|&i| i > 0)
        .ok_or_else(|| PageError(StatusCode::NOT_FOUND, "There is no such season.".into()))
}

fn index_page(state: &AppState, errors: &[String]) -> Result<String, PageError> {
    let seasons = state.db.seasons()?;
    Ok(simple_page(
        "histlint review",
        html! {
            @if !errors.is_empty() {
                div.notice.error role="alert" {
                    p { "Nothing was uploaded:" }
                    ul { @for e in errors { li { (e) } } }
                }
            }
            form method="post" action="/upload" enctype="multipart/form-data" {
                p {
                    label for="files" { "Subtitles or scripts (one title, or the episodes of a season): " }
                    input #files type="file" name="files" multiple required
                        accept=".srt,.vtt,.ttml,.dfxp,.xml,.fountain,.spmd,.txt,.md";
                }
                p.summary { "SRT, WebVTT, TTML/IMSC, Fountain, plain text or Markdown; at most "
                    (state.cfg.max_files) " files and " (state.cfg.max_upload / 1024) " KiB in all." }
                button type="submit" { "Check" }
            }
            @if !seasons.is_empty() {
                h2 { "Checked so far" }
                ul.seasons {
                    @for s in &seasons {
                        li { a href=(format!("/s/{}", s.id)) { "Season " (s.id) ": " (s.names.join(", ")) } }
                    }
                }
            }
        },
    ))
}

async fn index(State(state): State<Arc<AppState>>) -> Result<Response, PageError> {
    Ok(respond(
        StatusCode::OK,
        "text/html; charset=utf-8",
        index_page(&state, &[])?,
    ))
}

async fn upload(
    State(state): State<Arc<AppState>>,
    mut mp: Multipart,
) -> Result<Response, PageError> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut errors = Vec::new();
    let refuse = |state: &AppState, status: StatusCode, errors: &[String]| {
        Ok(respond(
            status,
            "text/html; charset=utf-8",
            index_page(state, errors)?,
        ))
    };
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                let status = e.status();
                let msg = if status == StatusCode::PAYLOAD_TOO_LARGE {
                    format!(
                        "The upload is larger than the limit of {} KiB.",
                        state.cfg.max_upload / 1024
                    )
                } else {
                    format!("The upload could not be read: {}", e.body_text())
                };
                return refuse(&state, status, &[msg]);
            }
        };
        if field.name() != Some("files") {
            continue;
        }
        let raw = field.file_name().map(str::to_string);
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) => {
                let status = e.status();
                let msg = if status == StatusCode::PAYLOAD_TOO_LARGE {
                    format!(
                        "The upload is larger than the limit of {} KiB.",
                        state.cfg.max_upload / 1024
                    )
                } else {
                    format!("The upload could not be read: {}", e.body_text())
                };
                return refuse(&state, status, &[msg]);
            }
        };
        if bytes.is_empty() && raw.as_deref().unwrap_or("").is_empty() {
            continue; // an empty file input
        }
        if files.len() == state.cfg.max_files {
            return refuse(
                &state,
                StatusCode::PAYLOAD_TOO_LARGE,
                &[format!(
                    "Too many files: at most {} in one upload.",
                    state.cfg.max_files
                )],
            );
        }
        let mut name = display_name(raw.as_deref(), files.len());
        let base = name.clone();
        let mut n = 1;
        while files.iter().any(|(f, _)| *f == name) {
            n += 1;
            name = format!("{base} ({n})");
        }
        if let Err(m) = read_title(&name, &bytes) {
            errors.push(m);
        }
        files.push((name, bytes.to_vec()));
    }
    if files.is_empty() {
        errors.push("Choose at least one file.".into());
    }
    if !errors.is_empty() {
        return refuse(&state, StatusCode::BAD_REQUEST, &errors);
    }
    let id = state.db.add_season(&files)?;
    Ok(see_other(&format!("/s/{id}")))
}

#[derive(Deserialize)]
struct Notice {
    saved: Option<String>,
    added: Option<String>,
}

fn report_page(
    state: &AppState,
    id: i64,
    season: &Season,
    notice: Option<(bool, String)>,
) -> String {
    let names: Vec<&str> = season.episodes.iter().map(|e| e.name.as_str()).collect();
    html::render(
        season,
        &HtmlOptions {
            title: format!("histlint review: {}", names.join(", ")),
            review: Some(ReviewUi {
                review_action: format!("/s/{id}/review"),
                add_action: format!("/s/{id}/add"),
                links: vec![
                    (
                        if state.cfg.review.is_some() {
                            "Export ClaimReview (confirmed findings)".to_string()
                        } else {
                            "Export ClaimReview (needs --review-config)".to_string()
                        },
                        format!("/s/{id}/claimreview.json"),
                    ),
                    (
                        "Export findings and reviews as JSON".to_string(),
                        format!("/s/{id}/findings.json"),
                    ),
                    ("Upload other titles".to_string(), "/".to_string()),
                ],
                notice,
            }),
        },
    )
}

async fn show(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
    Query(q): Query<Notice>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let season = season_of(&state, id).await?;
    let notice = if q.saved.is_some() {
        Some((false, "Review saved.".to_string()))
    } else if q.added.is_some() {
        Some((false, "Finding added.".to_string()))
    } else {
        None
    };
    Ok(respond(
        StatusCode::OK,
        "text/html; charset=utf-8",
        report_page(&state, id, &season, notice),
    ))
}

#[derive(Deserialize)]
struct ReviewForm {
    id: String,
    version: i64,
    status: String,
    #[serde(default)]
    note: String,
}

/// Longest accepted note or hand-added text, in characters.
const MAX_NOTE: usize = 10_000;

async fn review(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
    Form(form): Form<ReviewForm>,
) -> Result<Response, PageError> {
    let sid = parse_id(&id)?;
    let season = season_of(&state, sid).await?;
    let Some((_, item)) = season.items().find(|(_, i)| i.id == form.id) else {
        return Err(PageError(
            StatusCode::NOT_FOUND,
            "There is no such finding in this season.".into(),
        ));
    };
    let Some(status) = ReviewStatus::parse(&form.status) else {
        return Err(PageError(
            StatusCode::BAD_REQUEST,
            format!("Unknown review status {:?}.", form.status),
        ));
    };
    if form.note.chars().count() > MAX_NOTE {
        return Err(PageError(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("The note is longer than {MAX_NOTE} characters."),
        ));
    }
    match state
        .db
        .save_review(&item.key, form.version, status, &form.note)
    {
        Ok(_) => Ok(see_other(&format!(
            "/s/{sid}?saved={}#f-{}",
            item.id, item.id
        ))),
        Err(db::SaveError::Conflict(now)) => {
            let msg = format!(
                "Not saved: someone else changed the review of “{}” ({}:{}) since you loaded the page. It is now {}{}. Your change ({}{}) was not applied; the page below shows the current review, so decide again.",
                item.message,
                season
                    .episodes
                    .iter()
                    .find(|e| e.items.iter().any(|i| i.id == item.id))
                    .map_or("", |e| e.name.as_str()),
                item.line,
                now.status.name(),
                if now.note.is_empty() {
                    String::new()
                } else {
                    format!(" with the note “{}”", now.note)
                },
                status.name(),
                if form.note.is_empty() {
                    String::new()
                } else {
                    format!(", note “{}”", form.note)
                },
            );
            Ok(respond(
                StatusCode::CONFLICT,
                "text/html; charset=utf-8",
                report_page(&state, sid, &season, Some((true, msg))),
            ))
        }
        Err(db::SaveError::Db(e)) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct AddForm {
    episode: usize,
    line: usize,
    claim: String,
    message: String,
    severity: String,
    #[serde(default)]
    suggestion: String,
}

async fn add(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
    Form(form): Form<AddForm>,
) -> Result<Response, PageError> {
    let sid = parse_id(&id)?;
    let Some(checked) = state.checked(sid)? else {
        return Err(PageError(
            StatusCode::NOT_FOUND,
            format!("There is no season {sid}."),
        ));
    };
    let Some(c) = checked.get(form.episode) else {
        return Err(PageError(
            StatusCode::BAD_REQUEST,
            "There is no such episode in this season.".into(),
        ));
    };
    let bad = |m: &str| Err(PageError(StatusCode::BAD_REQUEST, m.to_string()));
    if form.claim.trim().is_empty() || form.message.trim().is_empty() {
        return bad("A hand-added finding needs the claim and what is wrong with it.");
    }
    if form.line == 0 {
        return bad("Lines are counted from 1.");
    }
    if !matches!(form.severity.as_str(), "error" | "warning") {
        return bad("Severity is error or warning.");
    }
    if [&form.claim, &form.message, &form.suggestion]
        .iter()
        .any(|s| s.chars().count() > MAX_NOTE)
    {
        return bad("A field is longer than 10,000 characters.");
    }
    let m = db::Manual {
        id: 0,
        line: form.line,
        claim: form.claim.trim().to_string(),
        message: form.message.trim().to_string(),
        severity: form.severity.clone(),
        suggestion: Some(form.suggestion.trim().to_string()).filter(|s| !s.is_empty()),
    };
    let mid = state.db.add_manual(&c.name, &m)?;
    // A finding added by a reviewer is confirmed by them.
    let key = format!("manual\u{1f}{}\u{1f}{}", c.name, mid);
    let _ = state
        .db
        .save_review(&key, 0, ReviewStatus::Confirmed, "added by hand");
    Ok(see_other(&format!("/s/{sid}?added={mid}#findings")))
}

async fn export_claimreview(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
) -> Result<Response, PageError> {
    let sid = parse_id(&id)?;
    let Some(cfg) = &state.cfg.review else {
        return Err(PageError(
            StatusCode::CONFLICT,
            "ClaimReview needs the reviewing organisation and the page that publishes the reviews: start `histlint serve --review-config FILE` (see docs/claimreview.md).".into(),
        ));
    };
    let season = season_of(&state, sid).await?;
    Ok(respond(
        StatusCode::OK,
        "application/ld+json; charset=utf-8",
        claimreview::export(&season, cfg, None, Selection::Confirmed),
    ))
}

/// The schema name of the JSON export.
pub const REVIEWED_SCHEMA: &str = "histlint-reviewed/1";

async fn export_json(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
) -> Result<Response, PageError> {
    let sid = parse_id(&id)?;
    let season = season_of(&state, sid).await?;
    let v = serde_json::json!({ "schema": REVIEWED_SCHEMA, "season": sid, "episodes": season.episodes });
    Ok(respond(
        StatusCode::OK,
        "application/json; charset=utf-8",
        serde_json::to_string_pretty(&v).expect("JSON") + "\n",
    ))
}

async fn not_found() -> PageError {
    PageError(StatusCode::NOT_FOUND, "There is no such page.".into())
}

/// The app's routes.
pub fn app(state: Arc<AppState>) -> Router {
    let limit = state.cfg.max_upload;
    Router::new()
        .route("/", get(index))
        .route("/upload", post(upload))
        .route("/s/{id}", get(show))
        .route("/s/{id}/review", post(review))
        .route("/s/{id}/add", post(add))
        .route("/s/{id}/claimreview.json", get(export_claimreview))
        .route("/s/{id}/findings.json", get(export_json))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state)
}

/// Serves the app on a bound listener until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Runs the app (the `histlint serve` command): opens the database, binds, serves
/// until the process is stopped. `ready` is called with the bound address.
pub fn run(
    bind: SocketAddr,
    db_path: &Path,
    kb: CompiledKb,
    cfg: AppConfig,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), String> {
    let db = Db::open(db_path).map_err(|e| format!("{}: {e}", db_path.display()))?;
    let state = AppState::new(db, kb, cfg);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .map_err(|e| format!("cannot listen on {bind}: {e}"))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        ready(addr);
        serve(listener, state, std::future::pending())
            .await
            .map_err(|e| e.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploaded_names_are_never_paths() {
        assert_eq!(display_name(Some("../../etc/passwd"), 0), "passwd");
        assert_eq!(display_name(Some("..\\..\\boot.ini"), 0), "boot.ini");
        assert_eq!(display_name(Some(".."), 2), "upload-3");
        assert_eq!(display_name(Some("a/b/"), 0), "upload-1");
        assert_eq!(display_name(None, 0), "upload-1");
        assert_eq!(display_name(Some("ep\u{0}1\n.srt"), 0), "ep1.srt");
        assert_eq!(display_name(Some(&"x".repeat(500)), 0).len(), 200);
    }
}
