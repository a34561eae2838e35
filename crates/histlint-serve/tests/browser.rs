//! The review app in real headless Chromium, driven over WebDriver (chromedriver):
//! upload the bundled example, see the findings and the timeline, filter, dismiss one
//! with a note, restart the server, reload, the dismissal is still there; confirm
//! another, export ClaimReview and validate it. Saves the timeline screenshot used by
//! the docs (`docs/img/report-timeline.png`).
//!
//! Needs Debian's `chromium` and `chromium-driver`. Without them the test prints a loud
//! "SKIPPED" note and passes, unless `HISTLINT_REQUIRE_BROWSER=1` (CI sets it), when it
//! fails saying what to install.

use std::net::{SocketAddr, TcpListener as StdListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use histlint_report::ReviewConfig;
use histlint_serve::{AppConfig, AppState, Db};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const CONFIG: &str = "[organization]\nname = \"Example History Desk\"\nurl = \"https://factcheck.example/\"\n\n[review]\nurl = \"https://factcheck.example/reviews/the-prophet\"\ndate_published = \"2026-11-27\"\n";

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in names {
        for dir in std::env::split_paths(&path).chain([
            PathBuf::from("/usr/bin"),
            PathBuf::from("/usr/lib/chromium"),
        ]) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Kills chromedriver when the test ends, however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running server: stop it to "restart" on the same database and address.
struct Server {
    addr: SocketAddr,
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

async fn start(db: &Path, addr: SocketAddr) -> Server {
    let state = AppState::new(
        Db::open(db).unwrap(),
        histlint_bundled::compiled().unwrap(),
        AppConfig {
            review: Some(ReviewConfig::parse(CONFIG).unwrap()),
            ..Default::default()
        },
    );
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(histlint_serve::serve(listener, Arc::clone(&state), async {
        let _ = rx.await;
    }));
    Server { addr, stop, task }
}

async fn stop(s: Server) {
    let _ = s.stop.send(());
    // Graceful shutdown closes idle browser connections; never wait forever.
    let abort = s.task.abort_handle();
    if tokio::time::timeout(Duration::from_secs(10), s.task)
        .await
        .is_err()
    {
        abort.abort();
    }
}

async fn connect(driver_port: u16, chromium: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1600", "--force-device-scale-factor=1", "--lang=en-GB"]
        }),
    );
    let url = format!("http://127.0.0.1:{driver_port}");
    // chromedriver takes a moment to listen: retry for up to 20 s.
    let mut last = None;
    for _ in 0..100 {
        match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(c) => return c,
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("cannot start a Chromium session through chromedriver: {last:?}");
}

async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn review_in_a_real_browser() {
    // HISTLINT_CHROMIUM / HISTLINT_CHROMEDRIVER name other binaries (or, pointing at
    // nothing, let the skip path be tried on a machine that has Chromium).
    let pick = |var: &str, names: &[&str]| match std::env::var_os(var) {
        Some(p) => Some(PathBuf::from(p)).filter(|p| p.is_file()),
        None => find_program(names),
    };
    let chromium = pick("HISTLINT_CHROMIUM", &["chromium", "chromium-browser"]);
    let driver = pick("HISTLINT_CHROMEDRIVER", &["chromedriver"]);
    let (Some(chromium), Some(driver)) = (chromium, driver) else {
        let msg = "chromium and chromedriver are not installed (Debian: apt-get install -y chromium chromium-driver)";
        if std::env::var("HISTLINT_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("HISTLINT_REQUIRE_BROWSER=1 but {msg}");
        }
        // Straight to the process's stderr, past the test harness's capture, so the
        // note shows in a plain `cargo test`.
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "\n=====================================================================\n\
             SKIPPED: chromium not installed: the browser test did not run.\n\
             {msg}; set HISTLINT_REQUIRE_BROWSER=1 to make this a failure.\n\
             ====================================================================="
        );
        return;
    };
    let port = free_port();
    let _driver = Driver(
        Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("reviews.db");
    let server = start(&db, "127.0.0.1:0".parse().unwrap()).await;
    let addr = server.addr;
    let base = format!("http://{addr}");
    let c = connect(port, &chromium).await;

    // Upload the example.
    c.goto(&format!("{base}/")).await.unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/the-prophet.fountain");
    let example = example.canonicalize().unwrap();
    c.find(Locator::Css("input#files"))
        .await
        .unwrap()
        .send_keys(example.to_str().unwrap())
        .await
        .unwrap();
    c.find(Locator::Css("form[action='/upload'] button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("figure.timeline svg"))
        .await
        .unwrap();
    assert_eq!(c.current_url().await.unwrap().path(), "/s/1");

    // The findings and the timeline.
    let articles = c.find_all(Locator::Css("article.finding")).await.unwrap();
    assert!(
        articles.len() >= 10,
        "only {} findings shown",
        articles.len()
    );
    let segments = c
        .find_all(Locator::Css("figure.timeline a.segment"))
        .await
        .unwrap();
    assert!(!segments.is_empty());
    assert!(text_of(&c, "h1").await.contains("the-prophet.fountain"));
    let shown = text_of(&c, "#shown").await;
    assert_eq!(shown, format!("{0} of {0} findings shown", articles.len()));

    // Filters (script): one rule only.
    let rule = articles[0].attr("data-rule").await.unwrap().unwrap();
    c.find(Locator::Css("#filters select[name=rule]"))
        .await
        .unwrap()
        .select_by_value(&rule)
        .await
        .unwrap();
    let visible = c
        .execute(
            "return Array.from(document.querySelectorAll('article.finding')).filter(a => !a.hidden).map(a => a.dataset.rule);",
            vec![],
        )
        .await
        .unwrap();
    let visible = visible.as_array().unwrap();
    assert!(!visible.is_empty() && visible.len() < articles.len());
    assert!(visible.iter().all(|r| r.as_str() == Some(rule.as_str())));
    c.find(Locator::Css("#filters button[type=reset]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    // Keyboard: Enter on a timeline bar moves the focus to the finding it counts.
    let seg = &segments[0];
    let target = seg.attr("href").await.unwrap().unwrap();
    seg.send_keys(&fantoccini::key::Key::Enter.to_string())
        .await
        .unwrap();
    let mut focused = serde_json::Value::Null;
    for _ in 0..50 {
        focused = c
            .execute(
                "return document.activeElement && document.activeElement.id;",
                vec![],
            )
            .await
            .unwrap();
        if focused.as_str() == Some(&target[1..]) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        focused.as_str(),
        Some(&target[1..]),
        "focus after Enter on a bar"
    );

    // The timeline screenshot for the docs.
    let png = c
        .find(Locator::Css("#timelines"))
        .await
        .unwrap()
        .screenshot()
        .await
        .unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/img/report-timeline.png");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    std::fs::write(&out, &png).unwrap();

    // Dismiss the first finding with a note.
    let first_id = articles[0].attr("id").await.unwrap().unwrap();
    let second_id = articles[1].attr("id").await.unwrap().unwrap();
    let first = c.find(Locator::Id(&first_id)).await.unwrap();
    first
        .find(Locator::Css("input[type=radio][value=dismissed]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    first
        .find(Locator::Css("textarea[name=note]"))
        .await
        .unwrap()
        .send_keys("Sedova's narration is framed as hindsight")
        .await
        .unwrap();
    first
        .find(Locator::Css("button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("p.notice"))
        .await
        .unwrap();
    assert_eq!(text_of(&c, "p.notice").await, "Review saved.");

    // Restart the server on the same database and address; reload.
    stop(server).await;
    let server = start(&db, addr).await;
    c.refresh().await.unwrap();
    c.wait()
        .for_element(Locator::Css("figure.timeline svg"))
        .await
        .unwrap();
    let first = c.find(Locator::Id(&first_id)).await.unwrap();
    assert_eq!(
        first.attr("data-status").await.unwrap().as_deref(),
        Some("dismissed")
    );
    assert!(
        first
            .text()
            .await
            .unwrap()
            .contains("Sedova's narration is framed as hindsight")
    );
    assert!(
        first
            .find(Locator::Css("input[type=radio][value=dismissed]"))
            .await
            .unwrap()
            .prop("checked")
            .await
            .unwrap()
            .as_deref()
            == Some("true")
    );

    // Confirm the second, then export ClaimReview and validate it.
    let second = c.find(Locator::Id(&second_id)).await.unwrap();
    second
        .find(Locator::Css("input[type=radio][value=confirmed]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    second
        .find(Locator::Css("button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The page already says "Review saved." (for the first): wait for the new URL.
    let want = format!("saved={}", second_id.trim_start_matches("f-"));
    let mut url = String::new();
    for _ in 0..100 {
        url = c.current_url().await.unwrap().to_string();
        if url.contains(&want) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(url.contains(&want), "after confirming: {url}");
    c.wait()
        .for_element(Locator::Css("p.notice"))
        .await
        .unwrap();
    c.find(Locator::LinkText("Export ClaimReview (confirmed findings)"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let body = c
        .execute("return document.body.innerText;", vec![])
        .await
        .unwrap();
    let reviews: serde_json::Value = serde_json::from_str(body.as_str().unwrap()).unwrap();
    let reviews = reviews.as_array().unwrap();
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    let r = &reviews[0];
    assert!(
        histlint_report::claimreview::missing_required(r).is_empty(),
        "{r:#}"
    );
    let second_key = second_id.trim_start_matches("f-");
    assert_eq!(
        r["url"],
        format!("https://factcheck.example/reviews/the-prophet#{second_key}")
    );
    assert_eq!(r["author"]["name"], "Example History Desk");
    assert_eq!(r["datePublished"], "2026-11-27");

    c.close().await.unwrap();
    stop(server).await;
}
