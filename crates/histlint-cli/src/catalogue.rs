//! Catalogue mode of `histlint check`: many titles at once.
//!
//! Used when a path given to `check` is a folder, or with `--format jsonl` or `--jobs`.
//! Folders are walked with the `ignore` crate (`.gitignore`, `.ignore` and
//! `.histlintignore` files are respected, hidden files skipped) and the subtitle and
//! script files in them are picked by extension ([`is_title_file`]). Files named on the
//! command line are always checked, whatever their extension.
//!
//! Invariants:
//! - Titles are checked in parallel (`--jobs`, default: one worker per core), but
//!   everything is printed in sorted path order: a title that finishes early waits in a
//!   buffer until the titles before it are out. The output is byte-identical whatever
//!   the number of jobs.
//! - A title that cannot be read is reported (`file:line: what is wrong`) and skipped;
//!   the rest of the catalogue is still checked. A panic inside one title (a bug) is
//!   caught and reported the same way, so one title never loses the catalogue.
//! - Exit code: 2 if any title failed, else 1 if any finding contradicts the KB, else 0.
//! - The progress bar is drawn on stderr only when stderr is a terminal; stdout never
//!   carries anything but the report.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use histlint_check::{Options, Verdict};
use histlint_kb::CompiledKb;
use serde_json::{Value, json};

use crate::check_cmd::{CheckArgs, CheckFormat, Checked, SCHEMA};
use crate::{ColorWhen, Failure, Outcome};

/// The name of histlint's own ignore file, read like `.gitignore` in every folder walked.
pub const IGNORE_FILE: &str = ".histlintignore";

/// Extensions of the files picked up when a folder is walked (compared lower-case).
/// `.xml` files are picked up only when their root element is TTML's `tt`; `.txt` and
/// `.md` only with `--text`, since folders of titles often hold READMEs and notes.
pub const TITLE_EXTENSIONS: &[&str] = &["srt", "vtt", "webvtt", "ttml", "dfxp", "fountain", "spmd"];

/// Whether catalogue mode applies to these arguments: a folder among the paths, or
/// `--format jsonl`, or `--jobs`.
pub fn wanted(args: &CheckArgs) -> bool {
    args.format == CheckFormat::Jsonl
        || args.jobs.is_some()
        || args.files.iter().any(|p| p.is_dir())
}

impl CheckArgs {
    /// The reading options (strictness and resource limits) these arguments ask for.
    pub fn ingest_options(&self) -> histlint_ingest::Options {
        let d = histlint_ingest::Options::default();
        histlint_ingest::Options {
            lenient: self.lenient,
            max_bytes: self.max_file_size.unwrap_or(d.max_bytes),
            max_line_bytes: self.max_line_length.unwrap_or(d.max_line_bytes),
            max_depth: self.max_depth.unwrap_or(d.max_depth),
            ..d
        }
    }
}

/// Parses a byte size for `--max-file-size` and `--max-line-length`: a number with an
/// optional `K`, `M` or `G` suffix (binary: 1K = 1024 bytes), e.g. `64M`.
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (digits, mult) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m: usize = match c.to_ascii_uppercase() {
                'K' => 1 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                _ => return Err(format!("unknown size suffix {c:?}; use K, M or G")),
            };
            (&t[..i], m)
        }
        _ => (t, 1),
    };
    let n: usize = digits
        .parse()
        .map_err(|_| format!("{s:?} is not a size; give bytes, e.g. 65536, 64K or 64M"))?;
    n.checked_mul(mult)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{s:?} is out of range"))
}

/// Reads a file, refusing it before reading when it is over `max_bytes`, so that a huge
/// file is never loaded into memory.
pub fn read_limited(path: &Path, max_bytes: usize) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let name = path.display();
    let f = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let over = |n: u64| {
        format!("{name}: file is {n} bytes, over the limit of {max_bytes} bytes (--max-file-size)")
    };
    if len > max_bytes as u64 {
        return Err(over(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    f.take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() > max_bytes {
        return Err(over(bytes.len() as u64));
    }
    Ok(bytes)
}

/// `file:line: message`, or `file: message` for problems with the file as a whole.
pub fn locate(name: &str, line: usize, message: &str) -> String {
    if line == 0 {
        format!("{name}: {message}")
    } else {
        format!("{name}:{line}: {message}")
    }
}

/// Whether a walked file is a title, by extension (see [`TITLE_EXTENSIONS`]); `.xml`
/// needs a look inside ([`xml_is_ttml`]).
pub fn is_title_file(path: &Path, text: bool) -> bool {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return false;
    };
    let ext = ext.to_ascii_lowercase();
    TITLE_EXTENSIONS.contains(&ext.as_str())
        || (text && matches!(ext.as_str(), "txt" | "md" | "markdown"))
        || (ext == "xml" && xml_is_ttml(path))
}

/// Whether an XML file's root element is TTML's `tt` (prefixed or not), looking only at
/// its first 64 KB.
pub fn xml_is_ttml(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    if f.take(64 * 1024).read_to_end(&mut head).is_err() {
        return false;
    }
    let (text, _) = histlint_ingest::decode(&head);
    root_is_tt(&text)
}

fn root_is_tt(text: &str) -> bool {
    let mut s = text.trim_start_matches('\u{feff}');
    loop {
        s = s.trim_start();
        if let Some(rest) = s.strip_prefix("<?") {
            let Some(end) = rest.find("?>") else {
                return false;
            };
            s = &rest[end + 2..];
        } else if let Some(rest) = s.strip_prefix("<!--") {
            let Some(end) = rest.find("-->") else {
                return false;
            };
            s = &rest[end + 3..];
        } else if let Some(rest) = s.strip_prefix("<!") {
            let Some(end) = rest.find('>') else {
                return false;
            };
            s = &rest[end + 1..];
        } else if let Some(rest) = s.strip_prefix('<') {
            let name: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            return name.rsplit(':').next() == Some("tt");
        } else {
            return false;
        }
    }
}

/// The titles to check: the files given, and the title files found in the folders
/// given; sorted by path, each once.
pub fn collect(paths: &[PathBuf], text: bool) -> Result<Vec<PathBuf>, Failure> {
    let mut out = BTreeSet::new();
    for p in paths {
        if !p.is_dir() {
            // A file named on the command line is always checked (a missing one is
            // reported as a failed title).
            out.insert(p.clone());
            continue;
        }
        let walker = ignore::WalkBuilder::new(p)
            .add_custom_ignore_filename(IGNORE_FILE)
            // Ignore files count in any folder, not only inside a git repository; the
            // user's global git excludes do not (the same folder gives the same titles
            // on every machine).
            .require_git(false)
            .git_global(false)
            .build();
        for entry in walker {
            let entry = entry
                .map_err(|e| Failure(format!("{}: cannot walk the folder: {e}", p.display())))?;
            if entry.file_type().is_some_and(|t| t.is_file()) && is_title_file(entry.path(), text) {
                out.insert(entry.into_path());
            }
        }
    }
    Ok(out.into_iter().collect())
}

/// What checking one title gave.
enum TitleResult {
    Checked(Box<Done>),
    Failed { line: usize, message: String },
}

/// A checked title, rendered for the chosen format.
struct Done {
    cues: usize,
    warnings: Vec<String>,
    by_rule: BTreeMap<String, usize>,
    findings: usize,
    contradicted: bool,
    /// Text: the diagnostics; JSON Lines: the finding lines.
    rendered: String,
    /// JSON: the finding objects.
    json: Vec<Value>,
}

/// One title's row in the summary.
struct Row {
    name: String,
    result: TitleResult,
}

fn check_title(
    path: &Path,
    args: &CheckArgs,
    kb: &CompiledKb,
    opts: &Options,
    color: bool,
) -> TitleResult {
    let name = path.display().to_string();
    let bytes = match read_limited(path, args.ingest_options().max_bytes) {
        Ok(b) => b,
        Err(message) => {
            return TitleResult::Failed {
                line: 0,
                message: message
                    .strip_prefix(&format!("{name}: "))
                    .unwrap_or(&message)
                    .to_string(),
            };
        }
    };
    let c = match crate::check_cmd::check_bytes(&name, &bytes, &args.ingest_options(), kb, opts) {
        Ok(c) => c,
        Err(e) => {
            return TitleResult::Failed {
                line: e.line,
                message: e.message,
            };
        }
    };
    let mut by_rule = BTreeMap::new();
    for f in &c.report.findings {
        *by_rule.entry(f.code.to_string()).or_insert(0) += 1;
    }
    let contradicted = c
        .report
        .findings
        .iter()
        .any(|f| f.verdict == Verdict::Contradicted);
    let mut rendered = String::new();
    let mut json = Vec::new();
    match args.format {
        CheckFormat::Jsonl => rendered = jsonl_findings(&c),
        CheckFormat::Json => {
            json = c
                .report
                .findings
                .iter()
                .map(|f| crate::check_cmd::finding_json(&c, f))
                .collect();
        }
        _ => {
            if !c.report.findings.is_empty() {
                rendered = crate::check_cmd::text_output(std::slice::from_ref(&c), color);
                // Drop the "N findings in 1 file" line: the summary table comes at the end.
                let body = rendered.trim_end_matches('\n');
                let keep = body.rfind('\n').map_or(0, |i| i + 1);
                rendered.truncate(keep);
            }
        }
    }
    TitleResult::Checked(Box::new(Done {
        cues: c.title.cues.len(),
        warnings: c.warnings,
        by_rule,
        findings: c.report.findings.len(),
        contradicted,
        rendered,
        json,
    }))
}

/// The findings of one title as JSON Lines: each the object of `--format json`'s
/// `findings` array with `"type": "finding"` added.
pub fn jsonl_findings(c: &Checked) -> String {
    let mut out = String::new();
    for f in &c.report.findings {
        let mut v = crate::check_cmd::finding_json(c, f);
        v["type"] = json!("finding");
        out.push_str(&serde_json::to_string(&v).expect("JSON"));
        out.push('\n');
    }
    out
}

fn title_json(row: &Row) -> Value {
    match &row.result {
        TitleResult::Checked(d) => json!({
            "type": "title",
            "file": row.name,
            "status": "checked",
            "cues": d.cues,
            "findings": d.findings,
            "by_rule": d.by_rule,
            "warnings": d.warnings,
        }),
        TitleResult::Failed { line, message } => json!({
            "type": "title",
            "file": row.name,
            "status": "failed",
            "error": { "line": line, "message": message },
        }),
    }
}

/// Runs `check` in catalogue mode with the KB and options `run` prepared.
pub fn run(args: &CheckArgs, kb: &CompiledKb, opts: &Options) -> Result<Outcome, Failure> {
    if !matches!(
        args.format,
        CheckFormat::Text | CheckFormat::Json | CheckFormat::Jsonl
    ) {
        return Err(Failure(
            "catalogue mode (folders, --jobs, --format jsonl) writes text, json or jsonl; \
             give this format the files of one title"
                .into(),
        ));
    }
    let paths = collect(&args.files, args.text)?;
    if paths.is_empty() {
        return Err(Failure(format!(
            "no subtitle or script files found in {} (looked for .{}, TTML .xml{})",
            args.files
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            TITLE_EXTENSIONS.join(", ."),
            if args.text {
                ", .txt, .md"
            } else {
                "; add --text for .txt and .md"
            }
        )));
    }
    let jobs = match args.jobs {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    }
    .min(paths.len());
    let color = match args.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let bar = if std::io::stderr().is_terminal() {
        let style = indicatif::ProgressStyle::with_template(
            "{bar:30} {pos}/{len} titles, {elapsed} (eta {eta}) {wide_msg}",
        )
        .expect("progress template");
        let b = indicatif::ProgressBar::new(paths.len() as u64).with_style(style);
        b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        Some(b)
    } else {
        None
    };

    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, TitleResult)>();
    let mut rows: Vec<Row> = Vec::with_capacity(paths.len());
    // The report goes to stdout, or to the file given with -o.
    let sink: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p).map_err(|e| Failure(format!("{}: {e}", p.display())))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut stdout = std::io::BufWriter::new(sink);
    let mut closed = false;
    std::thread::scope(|s| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, paths) = (&next, &paths);
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(p) = paths.get(i) else { break };
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        check_title(p, args, kb, opts, color)
                    }))
                    .unwrap_or_else(|_| TitleResult::Failed {
                        line: 0,
                        message: "internal error: histlint panicked on this file (a bug; please report it with the file)".into(),
                    });
                    if tx.send((i, r)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Titles that finished before the ones ahead of them wait here.
        let mut waiting: BTreeMap<usize, TitleResult> = BTreeMap::new();
        for (i, r) in rx {
            waiting.insert(i, r);
            if let Some(b) = &bar {
                b.inc(1);
            }
            while let Some(r) = waiting.remove(&rows.len()) {
                let row = Row {
                    name: paths[rows.len()].display().to_string(),
                    result: r,
                };
                let mut err_lines = Vec::new();
                match &row.result {
                    TitleResult::Checked(d) => err_lines.extend(d.warnings.iter().cloned()),
                    TitleResult::Failed { line, message } => err_lines.push(format!(
                        "histlint: error: {} (title skipped)",
                        locate(&row.name, *line, message)
                    )),
                }
                let emit =
                    |stdout: &mut std::io::BufWriter<Box<dyn Write>>| -> std::io::Result<()> {
                        for l in &err_lines {
                            eprintln!("{l}");
                        }
                        if let TitleResult::Checked(d) = &row.result {
                            stdout.write_all(d.rendered.as_bytes())?;
                        }
                        if args.format == CheckFormat::Jsonl {
                            writeln!(
                                stdout,
                                "{}",
                                serde_json::to_string(&title_json(&row)).expect("JSON")
                            )?;
                        }
                        // Stream: each title is out as soon as the titles before it are.
                        stdout.flush()
                    };
                if !closed {
                    let res = match &bar {
                        Some(b) => b.suspend(|| emit(&mut stdout)),
                        None => emit(&mut stdout),
                    };
                    // A closed pipe (e.g. `| head`): stop writing, keep the exit code.
                    closed = res.is_err();
                }
                rows.push(row);
            }
        }
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }

    let failed = rows
        .iter()
        .filter(|r| matches!(r.result, TitleResult::Failed { .. }))
        .count();
    let contradicted = rows
        .iter()
        .any(|r| matches!(&r.result, TitleResult::Checked(d) if d.contradicted));
    let code = if failed > 0 {
        2
    } else {
        u8::from(contradicted)
    };
    let table = summary_table(&rows);
    let stdout_text = match args.format {
        CheckFormat::Jsonl => {
            eprint!("{table}");
            serde_json::to_string(&summary_json(&rows)).expect("JSON") + "\n"
        }
        CheckFormat::Json => {
            eprint!("{table}");
            json_document(&rows)
        }
        _ => table,
    };
    if !closed {
        let res = stdout
            .write_all(stdout_text.as_bytes())
            .and_then(|_| stdout.flush());
        if let (Err(e), Some(p)) = (res, &args.output) {
            return Err(Failure(format!("{}: {e}", p.display())));
        }
    }
    Ok(Outcome {
        stdout: String::new(),
        code,
    })
}

fn summary_json(rows: &[Row]) -> Value {
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let mut findings = 0;
    for r in rows {
        if let TitleResult::Checked(d) = &r.result {
            findings += d.findings;
            for (k, n) in &d.by_rule {
                *by_rule.entry(k).or_insert(0) += n;
            }
        }
    }
    let failed = rows
        .iter()
        .filter(|r| matches!(r.result, TitleResult::Failed { .. }))
        .count();
    json!({
        "type": "summary",
        "schema": SCHEMA,
        "titles": rows.len(),
        "checked": rows.len() - failed,
        "failed": failed,
        "findings": findings,
        "by_rule": by_rule,
    })
}

/// `--format json` in catalogue mode: the document of plain `check --format json`, with
/// a `failed` array for the titles that could not be read.
fn json_document(rows: &[Row]) -> String {
    let mut files = Vec::new();
    let mut findings = Vec::new();
    let mut failed = Vec::new();
    for r in rows {
        match &r.result {
            TitleResult::Checked(d) => {
                files.push(json!({ "file": r.name, "cues": d.cues, "findings": d.findings, "warnings": d.warnings }));
                findings.extend(d.json.iter().cloned());
            }
            TitleResult::Failed { line, message } => {
                failed.push(json!({ "file": r.name, "line": line, "message": message }));
            }
        }
    }
    let v = json!({ "schema": SCHEMA, "files": files, "findings": findings, "failed": failed });
    serde_json::to_string_pretty(&v).expect("JSON") + "\n"
}

/// The summary table: one row per title (cues, findings, findings per rule code, status),
/// then the totals.
fn summary_table(rows: &[Row]) -> String {
    let mut lines: Vec<[String; 5]> = vec![[
        "title".into(),
        "cues".into(),
        "findings".into(),
        "by rule".into(),
        "status".into(),
    ]];
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut findings, mut failed, mut warned) = (0, 0, 0);
    for r in rows {
        lines.push(match &r.result {
            TitleResult::Checked(d) => {
                findings += d.findings;
                for (k, n) in &d.by_rule {
                    *totals.entry(k).or_insert(0) += n;
                }
                let status = if d.warnings.is_empty() {
                    "ok".to_string()
                } else {
                    warned += 1;
                    format!(
                        "ok, {} warning{}",
                        d.warnings.len(),
                        if d.warnings.len() == 1 { "" } else { "s" }
                    )
                };
                [
                    r.name.clone(),
                    d.cues.to_string(),
                    d.findings.to_string(),
                    rule_counts(d.by_rule.iter().map(|(k, n)| (k.as_str(), *n))),
                    status,
                ]
            }
            TitleResult::Failed { line, .. } => {
                failed += 1;
                let at = if *line == 0 {
                    String::new()
                } else {
                    format!(" (line {line})")
                };
                [
                    r.name.clone(),
                    "-".into(),
                    "-".into(),
                    "-".into(),
                    format!("FAILED{at}, skipped"),
                ]
            }
        });
    }
    let mut w = [0usize; 5];
    for l in &lines {
        for (i, c) in l.iter().enumerate() {
            w[i] = w[i].max(c.chars().count());
        }
    }
    let mut out = String::new();
    for l in &lines {
        let row = format!(
            "{:<w0$}  {:>w1$}  {:>w2$}  {:<w3$}  {}",
            l[0],
            l[1],
            l[2],
            l[3],
            l[4],
            w0 = w[0],
            w1 = w[1],
            w2 = w[2],
            w3 = w[3]
        );
        out.push_str(row.trim_end());
        out.push('\n');
    }
    let n = rows.len();
    out.push_str(&format!(
        "{n} title{}: {} checked, {failed} failed, {warned} with warnings; {findings} finding{}{}\n",
        if n == 1 { "" } else { "s" },
        n - failed,
        if findings == 1 { "" } else { "s" },
        if totals.is_empty() {
            String::new()
        } else {
            format!(" ({})", rule_counts(totals.iter().map(|(k, n)| (*k, *n))))
        }
    ));
    out
}

fn rule_counts<'a>(it: impl Iterator<Item = (&'a str, usize)>) -> String {
    let s: Vec<String> = it.map(|(k, n)| format!("{k}:{n}")).collect();
    if s.is_empty() {
        "-".into()
    } else {
        s.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("65536"), Ok(65536));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("64m"), Ok(64 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert!(parse_size("0").is_err());
        assert!(parse_size("12X").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn ttml_root_sniffing() {
        assert!(root_is_tt(
            "\u{feff}<?xml version=\"1.0\"?>\n<!-- c -->\n<tt xmlns=\"http://www.w3.org/ns/ttml\">"
        ));
        assert!(root_is_tt(
            "<tt:tt xmlns:tt=\"http://www.w3.org/ns/ttml\"/>"
        ));
        assert!(root_is_tt("<!DOCTYPE tt>\n<tt>"));
        assert!(!root_is_tt(
            "<?xml version=\"1.0\"?><project><tt/></project>"
        ));
        assert!(!root_is_tt("<tts>"));
        assert!(!root_is_tt("plain text"));
        assert!(!root_is_tt("<!-- unterminated"));
    }

    #[test]
    fn locations() {
        assert_eq!(locate("a.srt", 3, "bad"), "a.srt:3: bad");
        assert_eq!(locate("a.srt", 0, "too big"), "a.srt: too big");
    }

    #[test]
    fn title_files_by_extension() {
        assert!(is_title_file(Path::new("a/ep1.SRT"), false));
        assert!(is_title_file(Path::new("ep1.fountain"), false));
        assert!(!is_title_file(Path::new("README.md"), false));
        assert!(is_title_file(Path::new("README.md"), true));
        assert!(!is_title_file(Path::new("noext"), true));
        assert!(!is_title_file(Path::new("missing.xml"), false));
    }
}
