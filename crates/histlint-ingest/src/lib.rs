//! # histlint-ingest
//!
//! Reads what a historical drama says — subtitles (SRT, WebVTT, TTML/IMSC),
//! screenplays (Fountain) and narration (Markdown or plain text) — into a flat list
//! of [`Cue`]s that the later stages annotate and check.
//!
//! ```
//! use histlint_ingest::{read, CueKind, Format, Options};
//!
//! let srt = "1\n00:00:01,000 --> 00:00:03,500\nTROTSKY: <i>The revolution</i> is permanent.\n";
//! let doc = read(srt.as_bytes(), "film.srt", &Options::default()).unwrap();
//! assert_eq!(doc.format, Format::Srt);
//! let cue = &doc.cues[0];
//! assert_eq!((cue.start_ms, cue.end_ms), (Some(1_000), Some(3_500)));
//! assert_eq!(cue.speaker.as_deref(), Some("TROTSKY"));
//! assert_eq!(cue.text, "The revolution is permanent.");
//! assert_eq!(cue.kind, CueKind::Dialogue);
//! assert_eq!(cue.line, 3);
//! ```
//!
//! Invariants:
//! - [`read`] never panics, whatever the bytes; every limit check is linear in the
//!   input (no quadratic loops), so hostile input costs at most a pass or two.
//! - Every problem names a line of the decoded source (1-based; `0` only when the
//!   problem is the file as a whole, such as its size).
//! - Strict by default: a bad cue is an error. With [`Options::lenient`], every bad
//!   cue is skipped with a [`Diagnostic`] in [`Document::warnings`] and every good
//!   cue is kept; nothing that was read is dropped without a warning. Problems with
//!   the file as a whole (too large, binary, an XML entity declaration, XML nested
//!   deeper than [`Options::max_depth`]) are errors in both modes.
//! - A cue's text keeps its line breaks: text line `k` is source line `line + k`
//!   (TTML: best effort, since XML white space is collapsed).
//! - An empty file (or one holding only white space) is read as `Ok` with no cues
//!   and a warning, not as an error.
//! - No I/O, no global state, no network.
//!
//! Libraries: `encoding_rs` decodes (BOMs, UTF-16, legacy code pages), `chardetng`
//! guesses the encoding of files that are not UTF-8, and `quick-xml` reads TTML as a
//! stream, which lets the depth and DTD checks run before anything is built.

#![warn(missing_docs)]

mod decode;
mod detect;
mod fountain;
mod markdown;
mod srt;
mod ttml;
mod util;
mod vtt;

pub use decode::decode;
pub use detect::{detect, detect_bytes};

/// The file formats histlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// SubRip subtitles (`.srt`).
    Srt,
    /// WebVTT subtitles (`.vtt`), read by the W3C WebVTT parsing rules.
    WebVtt,
    /// TTML / IMSC timed text (`.ttml`, `.dfxp`, `.xml`).
    Ttml,
    /// Fountain screenplays (`.fountain`), <https://fountain.io/syntax>.
    Fountain,
    /// Plain text or Markdown narration (`.txt`, `.md`).
    Text,
}

impl Format {
    /// A short lower-case name: `srt`, `webvtt`, `ttml`, `fountain`, `text`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Srt => "srt",
            Format::WebVtt => "webvtt",
            Format::Ttml => "ttml",
            Format::Fountain => "fountain",
            Format::Text => "text",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What a cue is, as far as the file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// Spoken words (subtitles, screenplay dialogue, `NAME: text` lines, lyrics).
    Dialogue,
    /// On-screen text: an upper-case dated subtitle ("PETROGRAD, OCTOBER 1917"), a
    /// top-positioned upper-case subtitle, a TTML forced-narrative subtitle, or a
    /// `SUPER:`/`TITLE:`/`CAPTION:`/`CHYRON:`/`ON SCREEN:`/`INSERT:` line.
    Caption,
    /// A scene heading (Fountain `INT.`/`EXT.`, Markdown headings, `PLACE, DATE` lines).
    SceneHeading,
    /// Action or narration (Fountain action, text paragraphs).
    Action,
    /// A screenplay transition (`CUT TO:`).
    Transition,
    /// A note kept as a cue (reserved; the readers currently drop notes from text).
    Note,
}

/// One unit of what the drama says or shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// 0-based order in the document.
    pub index: usize,
    /// 1-based line of the decoded source where the cue's text starts.
    pub line: usize,
    /// Start time in milliseconds, where the format has timing.
    pub start_ms: Option<u64>,
    /// End time in milliseconds, where the format has timing and the end is known.
    pub end_ms: Option<u64>,
    /// The speaker: a WebVTT `<v Name>`, a TTML `ttm:agent`, a Fountain character
    /// (extensions such as `(V.O.)` removed), or a `NAME:` prefix (removed from text).
    pub speaker: Option<String>,
    /// What kind of cue this is.
    pub kind: CueKind,
    /// The text with markup removed and entities decoded; line breaks kept as `'\n'`.
    pub text: String,
    /// Fountain and Markdown/text: the 1-based number of the scene (scene heading)
    /// this cue belongs to; `None` before the first heading and in subtitle formats.
    pub scene: Option<usize>,
    /// Language (TTML `xml:lang`, WebVTT `Language:` header or `<lang>` span).
    pub lang: Option<String>,
    /// Rule names suppressed for this cue by a `histlint: allow` note.
    pub allow: Vec<String>,
}

/// A problem that did not stop reading (a skipped cue in lenient mode, a quirk).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line of the decoded source (`0`: the file as a whole).
    pub line: usize,
    /// What happened, in plain words.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// A read document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The format it was read as.
    pub format: Format,
    /// The encoding used to decode it (an `encoding_rs` name such as `UTF-8`,
    /// `UTF-16LE`, `windows-1251`, `KOI8-R`).
    pub encoding: &'static str,
    /// The cues, in document order; `cues[i].index == i`.
    pub cues: Vec<Cue>,
    /// Problems that did not stop reading.
    pub warnings: Vec<Diagnostic>,
}

/// How to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Read as this format instead of detecting it.
    pub format: Option<Format>,
    /// Skip bad cues with a warning instead of failing.
    pub lenient: bool,
    /// Refuse inputs larger than this many bytes (default 64 MiB).
    pub max_bytes: usize,
    /// Refuse lines longer than this many bytes of UTF-8 (default 1 MiB). In lenient
    /// mode the cue holding such a line is skipped instead.
    pub max_line_bytes: usize,
    /// Refuse XML nested deeper than this many elements (default 64; values above
    /// 500 count as 500, since the TTML timing model recurses once per level).
    pub max_depth: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: None,
            lenient: false,
            max_bytes: 64 * 1024 * 1024,
            max_line_bytes: 1024 * 1024,
            max_depth: 64,
        }
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct IngestError {
    /// 1-based line of the decoded source (`0`: the file as a whole).
    pub line: usize,
    /// What is wrong, naming the offending text where there is one.
    pub message: String,
}

impl IngestError {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> Self {
        IngestError {
            line,
            message: message.into(),
        }
    }
}

/// The message of the binary-data error.
pub const BINARY_MESSAGE: &str = "binary data, not a subtitle or script file";

/// Reads `bytes` (the content of `file_name`; the name only helps format detection)
/// into a [`Document`].
///
/// Steps: size limit; decoding ([`decode`]); the binary-data check (any NUL, or more
/// than 10% control characters); the line-length limit; format detection ([`detect`],
/// unless [`Options::format`] is set); the format's reader; then `histlint: allow`
/// notes are attached to cues.
pub fn read(bytes: &[u8], file_name: &str, opts: &Options) -> Result<Document, IngestError> {
    if bytes.len() > opts.max_bytes {
        return Err(IngestError::new(
            0,
            format!(
                "file is {} bytes, over the limit of {} bytes",
                bytes.len(),
                opts.max_bytes
            ),
        ));
    }
    let (text, encoding) = decode(bytes);
    check_binary(&text)?;
    let mut ctx = util::Ctx::new(opts);
    let long_lines = check_line_lengths(&text, opts, &mut ctx)?;

    if text.trim().is_empty() {
        let format = opts
            .format
            .unwrap_or_else(|| detect::from_extension(file_name).unwrap_or(Format::Text));
        return Ok(Document {
            format,
            encoding,
            cues: Vec::new(),
            warnings: vec![Diagnostic {
                line: 0,
                message: "file is empty".into(),
            }],
        });
    }

    let format = opts.format.unwrap_or_else(|| detect(&text, file_name));
    let raw = match format {
        Format::Srt => srt::read(&text, &mut ctx)?,
        Format::WebVtt => vtt::read(&text, &mut ctx)?,
        Format::Ttml => ttml::read(&text, &mut ctx)?,
        Format::Fountain => fountain::read(&text, &mut ctx)?,
        Format::Text => markdown::read(&text, &mut ctx)?,
    };
    let cues = ctx.finish(raw, &long_lines);
    Ok(Document {
        format,
        encoding,
        cues,
        warnings: ctx.warnings,
    })
}

/// Any NUL, or more than 10% control characters (other than tab, line feed and
/// form feed), means binary data. Reports the line of the first offending character.
fn check_binary(text: &str) -> Result<(), IngestError> {
    let mut total = 0usize;
    let mut controls = 0usize;
    let mut line = 1usize;
    let mut first_control_line = None;
    for c in text.chars() {
        total += 1;
        if c == '\n' {
            line += 1;
            continue;
        }
        if c == '\0' {
            return Err(IngestError::new(line, BINARY_MESSAGE));
        }
        if c.is_control() && c != '\t' && c != '\x0c' {
            controls += 1;
            first_control_line.get_or_insert(line);
        }
    }
    if controls > 0 && controls * 10 > total {
        return Err(IngestError::new(
            first_control_line.unwrap_or(1),
            BINARY_MESSAGE,
        ));
    }
    Ok(())
}

/// Finds lines over the limit: an error in strict mode, a list of line numbers (each
/// with a warning) in lenient mode.
fn check_line_lengths(
    text: &str,
    opts: &Options,
    ctx: &mut util::Ctx,
) -> Result<Vec<usize>, IngestError> {
    let mut long = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if line.len() > opts.max_line_bytes {
            let message = format!(
                "line is {} bytes long, over the limit of {} bytes",
                line.len(),
                opts.max_line_bytes
            );
            if !opts.lenient {
                return Err(IngestError::new(i + 1, message));
            }
            ctx.warn(i + 1, format!("{message}; the cue holding it is skipped"));
            long.push(i + 1);
        }
    }
    Ok(long)
}
