//! `check --format html | claimreview` and `-o FILE`: the publishable reports of
//! `histlint-report`, and writing any report to a file.

use std::path::Path;

use histlint_report::claimreview::{self, Selection};
use histlint_report::html::{self, HtmlOptions};
use histlint_report::{Episode, ReviewConfig, Season, TitleMeta};

use crate::Failure;
use crate::check_cmd::{CheckArgs, CheckFormat, Checked};

/// Reads the review config and checks the arguments of the report formats before any
/// title is read: a bad config or date is an error naming the file and line.
pub(crate) fn prepare(args: &CheckArgs) -> Result<Option<ReviewConfig>, Failure> {
    let report = matches!(args.format, CheckFormat::Html | CheckFormat::Claimreview);
    if report && crate::catalogue::wanted(args) {
        return Err(Failure(
            "--format html and claimreview take files (a title or the episodes of a season), not folders or --jobs".into(),
        ));
    }
    if let Some(d) = &args.date
        && !histlint_report::model::iso_date(d)
    {
        return Err(Failure(format!(
            "--date {d:?} is not a date; give YYYY-MM-DD"
        )));
    }
    let cfg = match &args.review_config {
        None => None,
        Some(p) => {
            let text =
                std::fs::read_to_string(p).map_err(|e| Failure(format!("{}: {e}", p.display())))?;
            Some(
                ReviewConfig::parse(&text)
                    .map_err(|e| Failure(format!("{}:{}: {}", p.display(), e.line, e.message)))?,
            )
        }
    };
    if args.format == CheckFormat::Claimreview && cfg.is_none() {
        return Err(Failure(
            "--format claimreview needs --review-config FILE (the reviewing organisation and the page that publishes the reviews; see docs/claimreview.md)".into(),
        ));
    }
    Ok(cfg)
}

/// The checked titles as a season, with metadata from the config over the titles' own.
fn season(cfg: Option<&ReviewConfig>, checked: &[Checked]) -> Season {
    Season {
        episodes: checked
            .iter()
            .map(|c| {
                let found = TitleMeta::from_source(&c.source);
                let meta = match cfg {
                    Some(cfg) => cfg.title_meta(&c.name, found),
                    None => found,
                };
                Episode::build(&c.name, meta, &c.title, &c.report)
            })
            .collect(),
    }
}

/// Renders the HTML or ClaimReview output.
pub(crate) fn render(args: &CheckArgs, cfg: Option<&ReviewConfig>, checked: &[Checked]) -> String {
    let s = season(cfg, checked);
    match (args.format, cfg) {
        (CheckFormat::Claimreview, Some(cfg)) => {
            claimreview::export(&s, cfg, args.date.as_deref(), Selection::AllButDismissed)
        }
        _ => {
            let title = match checked {
                [one] => format!("histlint report: {}", one.name),
                _ => format!("histlint report: {} titles", checked.len()),
            };
            html::render(
                &s,
                &HtmlOptions {
                    title,
                    review: None,
                },
            )
        }
    }
}

/// With `-o FILE`, writes the output there and returns nothing to print; otherwise
/// returns the output unchanged.
pub(crate) fn write_output(path: Option<&Path>, out: String) -> Result<String, Failure> {
    match path {
        None => Ok(out),
        Some(p) => {
            std::fs::write(p, out.as_bytes())
                .map_err(|e| Failure(format!("{}: cannot write: {e}", p.display())))?;
            Ok(String::new())
        }
    }
}

/// The arguments of `histlint serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on (default: this machine only).
    #[arg(long, default_value = "127.0.0.1:8765")]
    pub bind: std::net::SocketAddr,
    /// The SQLite file keeping uploads and reviews (created if missing).
    #[arg(long, default_value = "histlint-reviews.db")]
    pub db: std::path::PathBuf,
    /// A KB folder or compiled .hlkb file (default: the bundled KB).
    #[arg(long)]
    pub kb: Option<std::path::PathBuf>,
    /// The review configuration for the ClaimReview export (docs/claimreview.md).
    #[arg(long)]
    pub review_config: Option<std::path::PathBuf>,
    /// Largest upload (all files together; bytes, or with K/M/G; default 16M).
    #[arg(long, value_parser = crate::catalogue::parse_size)]
    pub max_upload: Option<usize>,
}

/// `histlint serve`: runs until stopped.
pub(crate) fn serve(args: ServeArgs) -> Result<crate::Outcome, Failure> {
    let kb = crate::kb_cmd::open_kb(args.kb.as_deref())?;
    let review = match &args.review_config {
        None => None,
        Some(p) => {
            let text =
                std::fs::read_to_string(p).map_err(|e| Failure(format!("{}: {e}", p.display())))?;
            Some(
                ReviewConfig::parse(&text)
                    .map_err(|e| Failure(format!("{}:{}: {}", p.display(), e.line, e.message)))?,
            )
        }
    };
    let mut cfg = histlint_serve::AppConfig {
        review,
        ..Default::default()
    };
    if let Some(m) = args.max_upload {
        cfg.max_upload = m;
    }
    let db = args.db.clone();
    histlint_serve::run(args.bind, &args.db, kb, cfg, move |addr| {
        eprintln!(
            "histlint serve: http://{addr}/ (reviews in {}; stop with Ctrl-C)",
            db.display()
        );
    })
    .map_err(Failure)?;
    Ok(crate::Outcome {
        stdout: String::new(),
        code: 0,
    })
}
