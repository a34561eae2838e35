//! `histlint check`: read titles, check them, report findings.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};
use histlint_check::{
    Finding, Options, Report, SceneMap, Severity, Title, Verdict, input::timecode,
};
use histlint_kb::CompiledKb;
use serde_json::{Value, json};

use crate::{ColorWhen, Failure, Outcome};

/// The JSON schema version of `--format json`.
pub const SCHEMA: &str = "histlint-findings/1";

/// Output format of `check`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    /// JSON Lines, streamed title by title (catalogue mode; docs/findings-json.md).
    Jsonl,
    /// One self-contained HTML report (docs/report.md).
    Html,
    /// schema.org ClaimReview JSON-LD; needs --review-config (docs/claimreview.md).
    Claimreview,
}

/// A language for `--lang`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    En,
    Ru,
}

/// The arguments of `histlint check`.
#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files to check.
    pub files: Vec<PathBuf>,
    /// A KB folder or compiled .hlkb file (default: the bundled KB).
    #[arg(long)]
    pub kb: Option<PathBuf>,
    /// A scene map giving dates and places of scenes (TOML; see docs/scene-map.md).
    #[arg(long)]
    pub scenes: Option<PathBuf>,
    /// A corpus folder for the quote rules (default: the bundled corpus; see docs/quotes.md).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// How to report a historical person's dialogue found in none of their works.
    #[arg(long, value_enum, default_value_t = crate::quote_cmd::DialogueArg::Undecided)]
    pub unattested_dialogue: crate::quote_cmd::DialogueArg,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Also list claims the KB cannot decide.
    #[arg(long)]
    pub show_undecided: bool,
    /// Only these rules (names or codes, comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules (names or codes, comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Skip malformed entries with a warning instead of stopping.
    #[arg(long)]
    pub lenient: bool,
    /// The language of the text (default: detected for each cue, so mixed files work;
    /// a line clearly in another script is still read in its own language).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Colour: auto (when writing to a terminal), always, never.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Write the report to this file instead of standard output.
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
    /// The review configuration (TOML: reviewing organisation, publication URL and date,
    /// title metadata) for --format claimreview (and titles in --format html).
    #[arg(long)]
    pub review_config: Option<PathBuf>,
    /// The ClaimReview datePublished (YYYY-MM-DD), over the config's; never the clock.
    #[arg(long)]
    pub date: Option<String>,
    /// Check titles in parallel on this many threads (default: one per core); implies
    /// catalogue mode (as does a folder among the paths, or --format jsonl).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// In folders, also check .txt and .md files (as narration).
    #[arg(long)]
    pub text: bool,
    /// Refuse files larger than this (bytes, or with K/M/G; default 64M).
    #[arg(long, value_parser = crate::catalogue::parse_size)]
    pub max_file_size: Option<usize>,
    /// Refuse lines longer than this (bytes, or with K/M/G; default 1M; with --lenient
    /// the cue holding such a line is skipped with a warning).
    #[arg(long, value_parser = crate::catalogue::parse_size)]
    pub max_line_length: Option<usize>,
    /// Refuse XML (TTML) nested deeper than this many elements (default 64, at most 500).
    #[arg(long)]
    pub max_depth: Option<usize>,
}

/// One checked file.
pub(crate) struct Checked {
    pub(crate) name: String,
    pub(crate) source: String,
    pub(crate) title: Title,
    pub(crate) report: Report,
    pub(crate) warnings: Vec<String>,
}

fn read_title(
    path: &Path,
    opts: &histlint_ingest::Options,
) -> Result<(Title, String, Vec<String>), Failure> {
    let name = path.display().to_string();
    let bytes = crate::catalogue::read_limited(path, opts.max_bytes).map_err(Failure)?;
    let (title, source, warnings) = read_bytes(&name, &bytes, opts)
        .map_err(|e| Failure(crate::catalogue::locate(&name, e.line, &e.message)))?;
    Ok((title, source, warnings))
}

/// Reads and checks one title from its bytes (catalogue mode).
pub(crate) fn check_bytes(
    name: &str,
    bytes: &[u8],
    ingest: &histlint_ingest::Options,
    kb: &CompiledKb,
    opts: &Options,
) -> Result<Checked, histlint_ingest::IngestError> {
    let (title, source, warnings) = read_bytes(name, bytes, ingest)?;
    let report = histlint_check::check(&title, kb, opts);
    Ok(Checked {
        name: title.name.clone(),
        source,
        title,
        report,
        warnings,
    })
}

fn read_bytes(
    name: &str,
    bytes: &[u8],
    opts: &histlint_ingest::Options,
) -> Result<(Title, String, Vec<String>), histlint_ingest::IngestError> {
    let name = name.to_string();
    let doc = histlint_ingest::read(bytes, &name, opts)?;
    let warnings = doc
        .warnings
        .iter()
        .map(|w| crate::catalogue::locate(&name, w.line, &format!("warning: {}", w.message)))
        .collect();
    // The decoded text, for showing source lines: the same decoding the reader used.
    let (source, _) = histlint_ingest::decode(bytes);
    let title = Title {
        name: name.clone(),
        cues: doc
            .cues
            .into_iter()
            .map(histlint_check::Cue::from)
            .collect(),
    };
    Ok((title, source, warnings))
}

pub fn run(args: CheckArgs) -> Result<Outcome, Failure> {
    if args.files.is_empty() {
        return Err(Failure(
            "give at least one file to check, e.g. `histlint check examples/the-prophet.fountain`"
                .into(),
        ));
    }
    for r in args.select.iter().chain(args.ignore.iter()) {
        if histlint_check::rules::find(r).is_none() {
            let names: Vec<&str> = histlint_check::rules::all()
                .iter()
                .map(|r| r.name)
                .collect();
            return Err(Failure(format!(
                "unknown rule {r:?}; rules are: {}",
                names.join(", ")
            )));
        }
    }
    let kb: CompiledKb = crate::kb_cmd::open_kb(args.kb.as_deref())?;
    let scenes = match &args.scenes {
        None => None,
        Some(p) => {
            let text =
                std::fs::read_to_string(p).map_err(|e| Failure(format!("{}: {e}", p.display())))?;
            Some(
                SceneMap::parse(&text)
                    .map_err(|e| Failure(format!("{}:{}: {}", p.display(), e.line, e.message)))?,
            )
        }
    };
    let lang = args.lang.map(|l| match l {
        LangArg::En => histlint_temporal::Lang::En,
        LangArg::Ru => histlint_temporal::Lang::Ru,
    });
    let opts = Options {
        undecided: args.show_undecided,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        scenes,
        lang,
        quotes: crate::quote_cmd::quote_settings(
            args.corpus.as_deref(),
            args.unattested_dialogue,
            &kb,
        )?,
    };
    let report_cfg = crate::report_out::prepare(&args)?;
    if crate::catalogue::wanted(&args) {
        return crate::catalogue::run(&args, &kb, &opts);
    }
    let mut checked = Vec::new();
    for f in &args.files {
        let (title, source, warnings) = read_title(f, &args.ingest_options())?;
        let report = histlint_check::check(&title, &kb, &opts);
        checked.push(Checked {
            name: title.name.clone(),
            source,
            title,
            report,
            warnings,
        });
    }
    let contradicted = checked
        .iter()
        .flat_map(|c| &c.report.findings)
        .any(|f| f.verdict == Verdict::Contradicted);
    let color = match args.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let stdout = match args.format {
        CheckFormat::Json => json_output(&checked),
        CheckFormat::Text => text_output(&checked, color),
        CheckFormat::Jsonl => checked
            .iter()
            .map(crate::catalogue::jsonl_findings)
            .collect(),
        CheckFormat::Html | CheckFormat::Claimreview => {
            crate::report_out::render(&args, report_cfg.as_ref(), &checked)
        }
    };
    let stdout = crate::report_out::write_output(args.output.as_deref(), stdout)?;
    for c in &checked {
        for w in &c.warnings {
            eprintln!("{w}");
        }
    }
    Ok(Outcome {
        stdout,
        code: u8::from(contradicted),
    })
}

/// Byte range in the source of a span of a cue's text: finds the cue's text line in the
/// source and the span's words in it.
fn source_range(
    source: &str,
    line_starts: &[usize],
    cue_line: usize,
    text: &str,
    span: (usize, usize),
) -> std::ops::Range<usize> {
    let line_in_cue = text[..span.0.min(text.len())].matches('\n').count();
    let line_no = cue_line + line_in_cue; // 1-based
    let Some(&ls) = line_starts.get(line_no.saturating_sub(1)) else {
        return 0..0;
    };
    let le = line_starts.get(line_no).copied().unwrap_or(source.len());
    let src_line = &source[ls..le];
    let cue_line_start = text[..span.0.min(text.len())]
        .rfind('\n')
        .map_or(0, |p| p + 1);
    let cue_line_end = text[cue_line_start..]
        .find('\n')
        .map_or(text.len(), |p| cue_line_start + p);
    let needle =
        &text[span.0.min(cue_line_end)..span.1.min(cue_line_end).max(span.0.min(cue_line_end))];
    match (!needle.is_empty())
        .then(|| src_line.find(needle))
        .flatten()
    {
        Some(p) => ls + p..ls + p + needle.len(),
        None => {
            let trimmed = src_line.trim_end_matches(['\n', '\r']);
            let lead = trimmed.len() - trimmed.trim_start().len();
            ls + lead..ls + trimmed.len()
        }
    }
}

pub(crate) fn text_output(checked: &[Checked], color: bool) -> String {
    let mut out = String::new();
    let config = Config::default();
    let mut total = 0;
    let mut colored: Vec<u8> = Vec::new();
    for c in checked {
        let mut files = SimpleFiles::new();
        let id = files.add(c.name.clone(), c.source.clone());
        let starts: Vec<usize> = std::iter::once(0)
            .chain(c.source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        for f in &c.report.findings {
            total += 1;
            let cue = &c.title.cues[f.cue];
            let range = source_range(&c.source, &starts, cue.line, &cue.text, f.span);
            let severity = match f.severity {
                Severity::Error => CsSeverity::Error,
                Severity::Warning => CsSeverity::Warning,
                Severity::Info => CsSeverity::Note,
            };
            let mut notes = Vec::new();
            if let Some(t) = cue.start_ms {
                notes.push(format!("timecode: {}", timecode(t)));
            }
            if let Some(d) = &f.scene.date {
                notes.push(format!("scene date: {} ({})", d.shown, d.reason.describe()));
            }
            if let Some(p) = &f.scene.place {
                notes.push(format!("scene place: {}", p.name));
            }
            for e in &f.evidence {
                notes.push(format!(
                    "evidence: {} [{}:{}]",
                    e.statement, e.kb_file, e.kb_line
                ));
                for s in &e.sources {
                    notes.push(format!("  source: {}", s.citation));
                }
            }
            if let Some(s) = &f.suggestion {
                notes.push(format!("help: {s}"));
            }
            let d = Diagnostic::new(severity)
                .with_code(format!("{}/{}", f.code, f.rule))
                .with_message(&f.message)
                .with_labels(vec![Label::primary(id, range)])
                .with_notes(notes);
            if color {
                let mut buf = termcolor::Ansi::new(&mut colored);
                let _ = term::emit_to_write_style(&mut buf, &config, &files, &d);
            } else {
                let _ = term::emit_to_string(&mut out, &config, &files, &d);
            }
        }
    }
    if color {
        out = String::from_utf8_lossy(&colored).into_owned();
    }
    let files = checked.len();
    out.push_str(&format!(
        "{} finding{} in {} file{}\n",
        total,
        if total == 1 { "" } else { "s" },
        files,
        if files == 1 { "" } else { "s" }
    ));
    out
}

pub(crate) fn finding_json(c: &Checked, f: &Finding) -> Value {
    let cue = &c.title.cues[f.cue];
    let claim = cue.text.get(f.span.0..f.span.1).unwrap_or_default();
    json!({
        "file": c.name,
        "rule": f.rule,
        "code": f.code,
        "severity": f.severity,
        "verdict": f.verdict,
        "line": cue.line + cue.text[..f.span.0.min(cue.text.len())].matches('\n').count(),
        "cue_line": cue.line,
        "timecode": cue.start_ms.map(timecode),
        "speaker": cue.speaker,
        "text": cue.text,
        "claim": claim,
        "span": { "start": f.span.0, "end": f.span.1 },
        "message": f.message,
        "evidence": f.evidence,
        "suggestion": f.suggestion,
        "scene": f.scene,
    })
}

fn json_output(checked: &[Checked]) -> String {
    let findings: Vec<Value> = checked
        .iter()
        .flat_map(|c| c.report.findings.iter().map(move |f| finding_json(c, f)))
        .collect();
    let files: Vec<Value> = checked
        .iter()
        .map(|c| json!({ "file": c.name, "cues": c.title.cues.len(), "findings": c.report.findings.len(), "warnings": c.warnings }))
        .collect();
    let v = json!({ "schema": SCHEMA, "files": files, "findings": findings });
    serde_json::to_string_pretty(&v).expect("JSON") + "\n"
}
