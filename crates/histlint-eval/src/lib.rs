//! # histlint-eval
//!
//! Evaluates `histlint-temporal` on TimeML corpora with TempEval-3's timex measures:
//! strict and relaxed span F1, and `type` and `value` attribute F1 (see [`score`] for
//! the exact definitions), per file and in total (micro-averaged over all timexes).
//!
//! ```no_run
//! let eval = histlint_eval::evaluate(&["../shared/data/timeml/TBAQ-cleaned".into()]).unwrap();
//! println!("relaxed F1 {:.3}, value F1 {:.3}", eval.total.relaxed.f1, eval.total.value.f1);
//! ```
//!
//! Conventions:
//! - Input: TimeML 1.2 `.tml` files and ACE-style `.sgm` / `.key.xml` files with inline
//!   TIMEX3 ([`reader`]). Folders are walked recursively in sorted order; a file given
//!   by name is read whatever its extension. A file whose bytes are identical to one
//!   already read is skipped and listed in [`Evaluation::skipped`] (TBAQ-cleaned has a
//!   copy of `AP900815-0044.tml` in `testpipeline/`), so a corpus folder is not
//!   counted twice.
//! - The system reads the plain text of the `TEXT` element (tags removed, entities
//!   decoded), as a TempEval-3 system does, and its spans are compared with the gold
//!   spans on that same string.
//! - The anchor is the document creation time (`functionInDocument="CREATION_TIME"`),
//!   read with [`HDate::parse_iso`], else its date part.
//! - Throughput is plain-text bytes over the time spent in `extract` only (no XML
//!   parsing, no scoring), in MB/s (10^6 bytes); it means something only in a release
//!   build.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use histlint_temporal::{Lang, TimexType, extract};
use histlint_time::HDate;
use serde::{Deserialize, Serialize};

pub mod reader;
pub mod score;

pub use reader::{Document, GoldTimex, ReadError, read_timeml};
pub use score::{Prf, Scores};

use score::{Outcome, Span};

/// One file's scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileScore {
    /// The path as walked.
    pub file: String,
    /// The document creation time as written, when there is one.
    pub dct: Option<String>,
    /// The anchor given to the extractor (ISO), when the DCT reads as a date.
    pub anchor: Option<String>,
    /// Bytes of plain text.
    pub text_bytes: usize,
    #[serde(flatten)]
    pub scores: Scores,
}

/// What went wrong with one timex.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// A gold timex that no system timex overlaps.
    Miss,
    /// A system timex that overlaps no gold timex.
    Spurious,
    /// A paired timex whose boundaries differ from the gold ones.
    WrongSpan,
    /// A paired timex whose `type` differs.
    WrongType,
    /// A paired timex whose `value` differs.
    WrongValue,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Miss => "miss",
            ErrorKind::Spurious => "spurious",
            ErrorKind::WrongSpan => "wrong-span",
            ErrorKind::WrongType => "wrong-type",
            ErrorKind::WrongValue => "wrong-value",
        }
    }
}

/// A timex as shown in an error: its text, character offsets in the plain text, type
/// and value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub text: String,
    /// Character (not byte) offset in the plain text.
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub ttype: String,
    pub value: String,
    /// Source line (gold timexes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// One error, for error analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorItem {
    pub file: String,
    pub kind: ErrorKind,
    /// The gold text, or the system's for a spurious timex.
    pub text: String,
    /// Up to 40 characters either side, line breaks as spaces.
    pub context: String,
    pub gold: Option<Annotation>,
    pub system: Option<Annotation>,
}

/// The result of an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub files: Vec<FileScore>,
    pub total: Scores,
    pub errors: Vec<ErrorItem>,
    /// Plain-text bytes per second of extraction, in MB/s.
    pub throughput_mb_s: f64,
    /// Plain-text bytes given to the extractor.
    pub text_bytes: usize,
    /// Seconds spent in the extractor.
    pub extract_seconds: f64,
    /// Files skipped as byte-identical copies of one already read: (copy, original).
    pub skipped: Vec<(String, String)>,
}

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Read {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}: no TimeML files (.tml, .sgm, .key.xml) found")]
    NoFiles { path: String },
}

fn is_timeml_name(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".tml") || name.ends_with(".sgm") || name.ends_with(".key.xml")
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> EvalError + '_ {
    move |source| EvalError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    let mut entries = std::fs::read_dir(dir)
        .map_err(io_err(dir))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(io_err(dir))?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if is_timeml_name(&p) {
            out.push(p);
        }
    }
    Ok(())
}

/// The files `paths` name: files as given, folders walked recursively (sorted).
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, EvalError> {
    let mut files = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(io_err(p))?;
        if meta.is_dir() {
            let before = files.len();
            walk(p, &mut files)?;
            if files.len() == before {
                return Err(EvalError::NoFiles {
                    path: p.display().to_string(),
                });
            }
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

/// Evaluates the extractor on the TimeML files under `paths`.
pub fn evaluate(paths: &[PathBuf]) -> Result<Evaluation, EvalError> {
    let files = collect_files(paths)?;
    let mut seen: HashMap<Vec<u8>, String> = HashMap::new();
    let mut eval = Evaluation {
        files: Vec::new(),
        total: Scores::default(),
        errors: Vec::new(),
        throughput_mb_s: 0.0,
        text_bytes: 0,
        extract_seconds: 0.0,
        skipped: Vec::new(),
    };
    let mut time = Duration::ZERO;
    for path in files {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).map_err(io_err(&path))?;
        if let Some(original) = seen.get(&bytes) {
            eval.skipped.push((name, original.clone()));
            continue;
        }
        let src = String::from_utf8_lossy(&bytes);
        let doc = read_timeml(&src).map_err(|e| EvalError::Read {
            path: name.clone(),
            line: e.line,
            message: e.message,
        })?;
        let file = evaluate_document(&name, &doc);
        time += file.extract_time;
        eval.text_bytes += doc.text.len();
        eval.total.add(&file.score.scores);
        eval.files.push(file.score);
        eval.errors.extend(file.errors);
        drop(src);
        seen.insert(bytes, name);
    }
    eval.extract_seconds = time.as_secs_f64();
    if eval.extract_seconds > 0.0 {
        eval.throughput_mb_s = eval.text_bytes as f64 / 1e6 / eval.extract_seconds;
    }
    Ok(eval)
}

/// The TIMEX3 spans TimeML would annotate for one extracted expression: itself, or,
/// for a range written with words ("between 1994 and 1997"), its two ends, which
/// TimeML annotates as two expressions.
fn timeml_spans(t: &histlint_temporal::Timex) -> Vec<Span> {
    if let (Some([a, b]), histlint_temporal::Value::Range(x, y)) = (t.ends, &t.value) {
        return [(a, x), (b, y)]
            .into_iter()
            .map(|((start, end), d)| Span {
                start,
                end,
                ttype: type_name(t.ttype).to_string(),
                value: histlint_temporal::Value::Date(*d).timex3(),
            })
            .collect();
    }
    vec![Span {
        start: t.start,
        end: t.end,
        ttype: type_name(t.ttype).to_string(),
        value: t.timex3.clone(),
    }]
}

/// One document's evaluation.
#[derive(Debug, Clone)]
pub struct DocumentEval {
    pub score: FileScore,
    pub errors: Vec<ErrorItem>,
    /// Time spent in the extractor.
    pub extract_time: Duration,
}

/// The anchor a DCT value gives: [`HDate::parse_iso`] of the value, else of its date
/// part (`1998-08-07T13:37` → `1998-08-07`), else a date read loosely from it.
pub fn anchor_of(dct: &str) -> Option<HDate> {
    let v = dct.trim();
    HDate::parse_iso(v)
        .ok()
        .or_else(|| HDate::parse_iso(v.split('T').next()?).ok())
        .or_else(|| HDate::parse_iso(&reader::loose_date(v)?).ok())
}

fn type_name(t: TimexType) -> &'static str {
    match t {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// Runs the extractor on a read document and scores it.
pub fn evaluate_document(file: &str, doc: &Document) -> DocumentEval {
    let anchor = doc.dct.as_deref().and_then(anchor_of);
    let t0 = Instant::now();
    let found = extract(&doc.text, Lang::En, anchor.as_ref());
    let extract_time = t0.elapsed();
    let system: Vec<Span> = found.iter().flat_map(timeml_spans).collect();
    let mut gold: Vec<(Span, usize)> = doc
        .gold
        .iter()
        .map(|g| {
            (
                Span {
                    start: g.start,
                    end: g.end,
                    ttype: g.ttype.clone(),
                    value: g.value.clone(),
                },
                g.line,
            )
        })
        .collect();
    gold.sort_by_key(|(s, _)| (s.start, s.end));
    let gold_lines: Vec<usize> = gold.iter().map(|(_, l)| *l).collect();
    let gold: Vec<Span> = gold.into_iter().map(|(s, _)| s).collect();
    let (scores, outcomes) = score::score(&gold, &system);
    let chars = CharIndex::new(&doc.text);
    let annotate = |s: &Span, line: Option<usize>| Annotation {
        text: doc.text[s.start..s.end].to_string(),
        start: chars.of(s.start),
        end: chars.of(s.end),
        ttype: s.ttype.clone(),
        value: s.value.clone(),
        line,
    };
    let mut errors = Vec::new();
    let mut push = |kind: ErrorKind, g: Option<usize>, s: Option<usize>| {
        let main = g.map(|g| &gold[g]).or(s.map(|s| &system[s]));
        let Some(main) = main else { return };
        errors.push(ErrorItem {
            file: file.to_string(),
            kind,
            text: doc.text[main.start..main.end].to_string(),
            context: context(&doc.text, main.start, main.end),
            gold: g.map(|g| annotate(&gold[g], Some(gold_lines[g]))),
            system: s.map(|s| annotate(&system[s], None)),
        });
    };
    for o in outcomes {
        match o {
            Outcome::Miss(g) => push(ErrorKind::Miss, Some(g), None),
            Outcome::Spurious(s) => push(ErrorKind::Spurious, None, Some(s)),
            Outcome::Pair(g, s) => {
                let (gs, ss) = (&gold[g], &system[s]);
                if (gs.start, gs.end) != (ss.start, ss.end) {
                    push(ErrorKind::WrongSpan, Some(g), Some(s));
                }
                if !score::same_attr(&gs.ttype, &ss.ttype) {
                    push(ErrorKind::WrongType, Some(g), Some(s));
                }
                if !score::same_attr(&gs.value, &ss.value) {
                    push(ErrorKind::WrongValue, Some(g), Some(s));
                }
            }
        }
    }
    DocumentEval {
        score: FileScore {
            file: file.to_string(),
            dct: doc.dct.clone(),
            anchor: anchor.map(|a| a.to_iso()),
            text_bytes: doc.text.len(),
            scores,
        },
        errors,
        extract_time,
    }
}

/// Up to 40 characters either side of `start..end`, with the span in `[...]`.
fn context(text: &str, start: usize, end: usize) -> String {
    let before: String = {
        let mut v: Vec<char> = text[..start].chars().rev().take(40).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = text[end..].chars().take(40).collect();
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = if before.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if after.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!(
        "{}{lead}[{}]{trail}{}",
        flat(&before),
        &text[start..end],
        flat(&after)
    )
}

/// Byte offset to character offset.
struct CharIndex {
    /// Byte offsets of every char start, ascending.
    starts: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str) -> Self {
        CharIndex {
            starts: text.char_indices().map(|(i, _)| i).collect(),
        }
    }

    fn of(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s < byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_to_end_on_a_snippet() {
        let src = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07T10:00" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>Caf&#233; owners met on <TIMEX3 tid="t1" type="DATE" value="1998-08-06">Thursday</TIMEX3> and stayed <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>. It rained in <TIMEX3 tid="t3" type="DATE" value="1917">1917</TIMEX3>.</TEXT></TimeML>"#;
        let doc = read_timeml(src).unwrap();
        let e = evaluate_document("snippet.tml", &doc);
        assert!(e.score.anchor.as_deref().unwrap().starts_with("1998-08-07"));
        assert_eq!(e.score.scores.gold, 3);
        // whatever the extractor finds, offsets agree with the text: "1917" is found
        // exactly after a multibyte character and an entity
        assert!(e.score.scores.strict_matches >= 1, "{:?}", e.errors);
        for err in &e.errors {
            if let Some(g) = &err.gold {
                let t: String = doc
                    .text
                    .chars()
                    .skip(g.start)
                    .take(g.end - g.start)
                    .collect();
                assert_eq!(t, g.text);
            }
        }
    }

    #[test]
    fn char_offsets_and_context() {
        let text = "é 1917\nnext";
        let c = CharIndex::new(text);
        assert_eq!(c.of(3), 2);
        assert_eq!(c.of(text.len()), text.chars().count());
        assert_eq!(context(text, 3, 7), "é [1917] next");
    }

    #[test]
    fn anchors() {
        assert!(
            anchor_of("1990-08-15T13:37")
                .unwrap()
                .to_iso()
                .starts_with("1990-08-15")
        );
        assert_eq!(anchor_of("1998-01-08").unwrap().to_iso(), "1998-01-08");
        assert!(anchor_of("garbage").is_none());
    }
}
