//! The report model: checked titles as episodes of findings ready to render.

use histlint_check::input::timecode;
use histlint_check::{CueKind, Evidence, Report, Severity, Title, Verdict};
use serde::Serialize;

/// Source lines per estimated minute for titles without timing (screenplays): the
/// screenplay rule of thumb, one page of about 55 lines per minute of screen time.
pub const LINES_PER_MINUTE: usize = 55;

/// How many cues before and after a finding's cue are shown as its context.
pub const CONTEXT_CUES: usize = 2;

/// Metadata of a title that the findings do not carry: its display name and the date
/// it was published (for ClaimReview's `itemReviewed.datePublished`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TitleMeta {
    /// A human name (a Fountain title page's `Title:`), if known.
    pub name: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, if known.
    pub date_published: Option<String>,
    /// Where the title can be watched or read, if known.
    pub url: Option<String>,
}

impl TitleMeta {
    /// Reads a Fountain title page (`Key: value` lines at the top of the file): `Title`
    /// and `Date` (or `Draft date`) when the value is an ISO date (`YYYY[-MM[-DD]]`).
    /// Anything else gives empty metadata.
    pub fn from_source(source: &str) -> TitleMeta {
        let mut meta = TitleMeta::default();
        for line in source.lines() {
            let Some((key, value)) = line.split_once(':') else {
                break;
            };
            let (key, value) = (key.trim().to_ascii_lowercase(), value.trim());
            if key.is_empty() || key.contains(char::is_whitespace) && key != "draft date" {
                break;
            }
            match key.as_str() {
                "title" if !value.is_empty() => meta.name = Some(value.to_string()),
                "date" | "draft date" if iso_date(value) => {
                    meta.date_published = Some(value.to_string())
                }
                _ => {}
            }
        }
        meta
    }
}

/// Whether `s` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (digits in the right places).
pub fn iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// A reviewer's decision on a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewStatus {
    /// Not reviewed yet.
    Open,
    /// The reviewer agrees: the line is wrong.
    Confirmed,
    /// The reviewer disagrees: the finding is not published.
    Dismissed,
}

impl ReviewStatus {
    /// The lowercase name used in forms, JSON and the database.
    pub fn name(self) -> &'static str {
        match self {
            ReviewStatus::Open => "open",
            ReviewStatus::Confirmed => "confirmed",
            ReviewStatus::Dismissed => "dismissed",
        }
    }

    /// Parses [`ReviewStatus::name`].
    pub fn parse(s: &str) -> Option<ReviewStatus> {
        match s {
            "open" => Some(ReviewStatus::Open),
            "confirmed" => Some(ReviewStatus::Confirmed),
            "dismissed" => Some(ReviewStatus::Dismissed),
            _ => None,
        }
    }
}

/// A review attached to an item (by the review app).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Review {
    /// The decision.
    pub status: ReviewStatus,
    /// The reviewer's note.
    pub note: String,
    /// Optimistic-concurrency version: a write must name the version it read.
    pub version: i64,
}

/// One cue shown around a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContextCue {
    /// 1-based source line.
    pub line: usize,
    /// Start as `hh:mm:ss,mmm`, where the title has timing.
    pub timecode: Option<String>,
    /// Who speaks, where known.
    pub speaker: Option<String>,
    /// The cue's text.
    pub text: String,
    /// The finding's own cue.
    pub current: bool,
}

/// One finding, ready to show and to publish.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// Stable review key (see [`review_key`]).
    pub key: String,
    /// A short stable id derived from the key (HTML anchors, ClaimReview URLs).
    pub id: String,
    /// The rule's name (`manual` for hand-added findings).
    pub rule: String,
    /// The rule's code (`MANUAL` for hand-added findings).
    pub code: String,
    /// How serious.
    pub severity: Severity,
    /// What the check concluded.
    pub verdict: Verdict,
    /// 1-based source line of the claim.
    pub line: usize,
    /// Position on the timeline in milliseconds (real or estimated, see `Episode::timed`).
    pub at_ms: u64,
    /// The cue's start as `hh:mm:ss,mmm`, where the title has timing.
    pub timecode: Option<String>,
    /// Who speaks, where known.
    pub speaker: Option<String>,
    /// The cue's text.
    pub text: String,
    /// The part of the text the finding is about.
    pub claim: String,
    /// Byte span of `claim` in `text`.
    pub span: (usize, usize),
    /// What is wrong, in one sentence.
    pub message: String,
    /// KB records that contradict the line, with their sources.
    pub evidence: Vec<Evidence>,
    /// A correction, where there is one.
    pub suggestion: Option<String>,
    /// The scene date used, in words, with its reason.
    pub scene_date: Option<String>,
    /// The scene place used.
    pub scene_place: Option<String>,
    /// The cues around the finding's cue, and that cue.
    pub context: Vec<ContextCue>,
    /// Added by hand by a reviewer (not by a rule).
    pub manual: bool,
    /// The review, where the review app has one.
    pub review: Option<Review>,
}

/// One checked title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Episode {
    /// The name shown (a path as given, or an uploaded file's name).
    pub name: String,
    /// Name, date and URL of the title, where known.
    pub meta: TitleMeta,
    /// Number of cues read.
    pub cues: usize,
    /// Whether the title has timing; if not, timeline positions are estimated from
    /// source lines ([`LINES_PER_MINUTE`]).
    pub timed: bool,
    /// Running time in milliseconds (real or estimated).
    pub running_ms: u64,
    /// The findings, in report order.
    pub items: Vec<Item>,
}

/// Several episodes: a title or a season.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Season {
    /// The titles, in the order given.
    pub episodes: Vec<Episode>,
}

/// Whitespace collapsed to single spaces, trimmed, lower-cased: the form of a line's
/// text in a review key, so re-wrapping or re-casing a line keeps its reviews.
pub fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The review key of a finding: title name, rule, the normalised text of its cue and
/// the normalised claim, joined by U+001F. Line numbers are left out on purpose, so
/// inserting or deleting lines elsewhere keeps the reviews of unchanged lines.
pub fn review_key(title: &str, rule: &str, text: &str, claim: &str) -> String {
    format!(
        "{title}\u{1f}{rule}\u{1f}{}\u{1f}{}",
        normalise(text),
        normalise(claim)
    )
}

/// FNV-1a (64 bit) of a string as 16 hex digits: a short stable id for a key.
pub fn short_id(key: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn estimated_ms(line: usize) -> u64 {
    (line.saturating_sub(1) as u64) * 60_000 / LINES_PER_MINUTE as u64
}

impl Episode {
    /// Builds an episode from a checked title. `name` is shown and keys the reviews.
    pub fn build(name: &str, meta: TitleMeta, title: &Title, report: &Report) -> Episode {
        let timed = title.cues.iter().any(|c| c.start_ms.is_some());
        let running_ms = if timed {
            title
                .cues
                .iter()
                .filter_map(|c| c.end_ms.or(c.start_ms))
                .max()
                .unwrap_or(0)
        } else {
            title
                .cues
                .iter()
                .map(|c| estimated_ms(c.line + c.text.matches('\n').count() + 1))
                .max()
                .unwrap_or(0)
        };
        let mut seen: std::collections::HashMap<String, usize> = Default::default();
        let items = report
            .findings
            .iter()
            .filter_map(|f| {
                let cue = title.cues.get(f.cue)?;
                let claim = cue.text.get(f.span.0..f.span.1).unwrap_or_default();
                let base = review_key(name, f.rule, &cue.text, claim);
                let n = seen.entry(base.clone()).or_insert(0);
                *n += 1;
                let key = if *n == 1 {
                    base
                } else {
                    format!("{base}\u{1f}{n}")
                };
                let line = cue.line
                    + cue.text[..f.span.0.min(cue.text.len())]
                        .matches('\n')
                        .count();
                let context = context(title, f.cue);
                Some(Item {
                    id: short_id(&key),
                    key,
                    rule: f.rule.to_string(),
                    code: f.code.to_string(),
                    severity: f.severity,
                    verdict: f.verdict,
                    line,
                    at_ms: if timed {
                        cue.start_ms.unwrap_or(0)
                    } else {
                        estimated_ms(line)
                    },
                    timecode: cue.start_ms.map(timecode),
                    speaker: cue.speaker.clone(),
                    text: cue.text.clone(),
                    claim: claim.to_string(),
                    span: f.span,
                    message: f.message.clone(),
                    evidence: f.evidence.clone(),
                    suggestion: f.suggestion.clone(),
                    scene_date: f
                        .scene
                        .date
                        .as_ref()
                        .map(|d| format!("{} ({})", d.shown, d.reason.describe())),
                    scene_place: f.scene.place.as_ref().map(|p| p.name.clone()),
                    context,
                    manual: false,
                    review: None,
                })
            })
            .collect();
        Episode {
            name: name.to_string(),
            meta,
            cues: title.cues.len(),
            timed,
            running_ms,
            items,
        }
    }

    /// Builds a hand-added finding on this episode (the review app): its context is
    /// taken from `title` at `line` when a cue starts there or contains it.
    #[allow(clippy::too_many_arguments)]
    pub fn manual_item(
        &self,
        title: &Title,
        key: &str,
        line: usize,
        claim: &str,
        message: &str,
        severity: Severity,
        suggestion: Option<String>,
    ) -> Item {
        let cue_index = title
            .cues
            .iter()
            .rposition(|c| c.line <= line.max(1))
            .unwrap_or(0);
        let cue = title.cues.get(cue_index);
        let text = cue.map(|c| c.text.clone()).unwrap_or_default();
        let span = text
            .find(claim)
            .filter(|_| !claim.is_empty())
            .map_or((0, 0), |p| (p, p + claim.len()));
        Item {
            id: short_id(key),
            key: key.to_string(),
            rule: "manual".into(),
            code: "MANUAL".into(),
            severity,
            verdict: Verdict::Contradicted,
            line,
            at_ms: match cue {
                Some(c) if self.timed => c.start_ms.unwrap_or(0),
                _ => estimated_ms(line),
            },
            timecode: cue.and_then(|c| c.start_ms).map(timecode),
            speaker: cue.and_then(|c| c.speaker.clone()),
            text,
            claim: claim.to_string(),
            span,
            message: message.to_string(),
            evidence: Vec::new(),
            suggestion,
            scene_date: None,
            scene_place: None,
            context: if title.cues.is_empty() {
                Vec::new()
            } else {
                context(title, cue_index)
            },
            manual: true,
            review: None,
        }
    }
}

/// The cues around cue `i` that a reader sees (scene headings and notes are skipped).
fn context(title: &Title, i: usize) -> Vec<ContextCue> {
    let shown = |k: usize| {
        k == i
            || !matches!(
                title.cues[k].kind,
                CueKind::Note | CueKind::Transition | CueKind::SceneHeading
            )
    };
    let before: Vec<usize> = (0..i)
        .rev()
        .filter(|&k| shown(k))
        .take(CONTEXT_CUES)
        .collect();
    let after: Vec<usize> = (i + 1..title.cues.len())
        .filter(|&k| shown(k))
        .take(CONTEXT_CUES)
        .collect();
    before
        .into_iter()
        .rev()
        .chain(std::iter::once(i))
        .chain(after)
        .map(|k| {
            let c = &title.cues[k];
            ContextCue {
                line: c.line,
                timecode: c.start_ms.map(timecode),
                speaker: c.speaker.clone(),
                text: c.text.clone(),
                current: k == i,
            }
        })
        .collect()
}

impl Season {
    /// All items with their episode index, in episode order then report order.
    pub fn items(&self) -> impl Iterator<Item = (usize, &Item)> {
        self.episodes
            .iter()
            .enumerate()
            .flat_map(|(e, ep)| ep.items.iter().map(move |i| (e, i)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_line_numbers_and_spacing() {
        let a = review_key(
            "ep1.srt",
            "anachronism",
            "The  Kronstadt\nrebellion",
            "Kronstadt",
        );
        let b = review_key(
            "ep1.srt",
            "anachronism",
            "the kronstadt rebellion",
            "kronstadt",
        );
        assert_eq!(a, b);
        assert_ne!(
            a,
            review_key(
                "ep2.srt",
                "anachronism",
                "the kronstadt rebellion",
                "kronstadt"
            )
        );
        assert_eq!(short_id(&a), short_id(&b));
        assert_eq!(short_id(&a).len(), 16);
    }

    #[test]
    fn title_page_metadata() {
        let m = TitleMeta::from_source(
            "Title: The Prophet\nCredit: me\nDraft date: 2026-01-02\n\nINT. HALL",
        );
        assert_eq!(m.name.as_deref(), Some("The Prophet"));
        assert_eq!(m.date_published.as_deref(), Some("2026-01-02"));
        let m = TitleMeta::from_source("1\n00:00:01,000 --> 00:00:02,000\nHello\n");
        assert_eq!(m, TitleMeta::default());
        let m = TitleMeta::from_source("Title: X\nDate: next spring\n");
        assert_eq!(m.date_published, None);
    }

    #[test]
    fn iso_dates() {
        assert!(iso_date("1917"));
        assert!(iso_date("1917-10"));
        assert!(iso_date("1917-10-25"));
        assert!(!iso_date("25.10.1917"));
        assert!(!iso_date("1917-1-25"));
    }
}
