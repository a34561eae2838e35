//! SubRip (`.srt`).
//!
//! A cue is an optional number line, a timing line `00:00:01,000 --> 00:00:02,000`
//! (`.` accepted for `,`, hours optional, trailing position settings ignored) and
//! text lines up to a blank line. Tolerated: missing numbers, missing or extra blank
//! lines (a text block without timing after a cue continues that cue), stray tags
//! such as a cue opening with `</i>`, ASS override blocks (`{\an8}`), entities.

use crate::util::{
    Ctx, RawCue, assemble, brace_directive, new_cue, speaker_from_prefixes, strip_subtitle_markup,
    subtitle_is_caption,
};
use crate::{CueKind, IngestError};

pub(crate) fn read(text: &str, ctx: &mut Ctx) -> Result<Vec<RawCue>, IngestError> {
    let lines: Vec<&str> = text.split('\n').collect();
    let n = lines.len();
    let blank = |i: usize| lines[i].trim().is_empty();
    let is_index = |i: usize| {
        let t = lines[i].trim();
        !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit())
    };
    let has_arrow = |i: usize| i < n && lines[i].contains("-->");
    // A line that starts the next cue: a timing line, or a number before one.
    let starts_cue = |i: usize| has_arrow(i) || (is_index(i) && has_arrow(i + 1));
    // Everything from line index `j` on is blank (computed once: no quadratic scans).
    let last_nonblank = (0..n).rev().find(|&k| !blank(k));
    let rest_blank = |j: usize| last_nonblank.is_none_or(|l| j > l);

    // Cues with their text lines; texts are assembled at the end, so that text
    // continued after extra blank lines is appended in constant time.
    let mut out: Vec<(RawCue, Vec<(usize, String)>)> = Vec::new();
    // Whether the last block read became the last cue of `out`.
    let mut prev_ok = false;
    let mut i = 0;
    while i < n {
        if blank(i) {
            i += 1;
            continue;
        }
        let block_start = i;
        let timing_at = if has_arrow(i) {
            i
        } else if is_index(i) && has_arrow(i + 1) {
            i + 1
        } else {
            // A block without timing.
            let mut j = i;
            while j < n && !blank(j) && !(j > i && starts_cue(j)) {
                j += 1;
            }
            // A block of suppression notes only: they apply to the next cue.
            let notes: Option<Vec<(usize, Vec<String>)>> = (i..j)
                .map(|k| brace_directive(lines[k]).map(|r| (k + 1, r)))
                .collect();
            if let Some(notes) = notes {
                for (line, rules) in notes {
                    ctx.directive(line, true, rules);
                }
                prev_ok = false;
                i = j;
                continue;
            }
            if is_index(i) && j == i + 1 && rest_blank(j) {
                ctx.problem(
                    i + 1,
                    format!(
                        "truncated file: cue {} at the end has no timing or text",
                        lines[i].trim()
                    ),
                )?;
            } else if is_index(i)
                && j == i + 2
                && rest_blank(j)
                && lines[i + 1]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
                && lines[i + 1].contains(':')
            {
                ctx.problem(
                    i + 2,
                    format!(
                        "truncated file: the timing line of cue {} is cut off: {:?}",
                        lines[i].trim(),
                        truncate(lines[i + 1].trim(), 60)
                    ),
                )?;
            } else if is_index(i) {
                ctx.problem(
                    i + 1,
                    format!(
                        "cue {} has no timing line (expected `00:00:01,000 --> 00:00:02,000`, found {:?})",
                        lines[i].trim(),
                        truncate(lines.get(i + 1).copied().unwrap_or("").trim(), 60)
                    ),
                )?;
            } else if let Some((prev, prev_lines)) = out.last_mut().filter(|_| prev_ok) {
                // Extra blank lines inside a cue: the text continues the previous
                // cue (the gap is kept as empty lines by `assemble`).
                for (k, l) in lines.iter().enumerate().take(j).skip(i) {
                    prev_lines.push((k + 1, clean_line(l)));
                }
                prev.last_line = j;
                i = j;
                continue;
            } else {
                ctx.problem(
                    i + 1,
                    format!(
                        "text without a cue timing line: {:?}",
                        truncate(lines[i].trim(), 60)
                    ),
                )?;
            }
            prev_ok = false;
            i = j;
            continue;
        };
        prev_ok = false;

        // Text lines: up to a blank line or the start of the next cue.
        let mut text_at = timing_at + 1;
        let mut j = text_at;
        while j < n && !blank(j) && !starts_cue(j) {
            j += 1;
        }
        if j == text_at {
            // No text right after the timing: a blank line too many, an empty cue,
            // or the end of a truncated file.
            let mut k = j;
            while k < n && blank(k) {
                k += 1;
            }
            if k < n && !starts_cue(k) {
                text_at = k;
                j = k;
                while j < n && !blank(j) && !starts_cue(j) {
                    j += 1;
                }
            }
        }
        let (start, end) = match parse_timing(lines[timing_at]) {
            Ok(t) => t,
            Err(msg) => {
                ctx.problem(timing_at + 1, msg)?;
                i = j;
                continue;
            }
        };
        if j == text_at {
            if rest_blank(j) {
                ctx.problem(
                    timing_at + 1,
                    "truncated file: the last cue has a timing line but no text",
                )?;
            } else {
                ctx.warn(timing_at + 1, "cue has no text; skipped");
            }
            i = j;
            continue;
        }

        let mut at_top = false;
        let mut text_lines: Vec<(usize, String)> = Vec::new();
        for (k, raw) in lines.iter().enumerate().take(j).skip(text_at) {
            if let Some(rules) = brace_directive(raw) {
                ctx.directive(k + 1, false, rules);
                text_lines.push((k + 1, String::new()));
                continue;
            }
            if raw.contains("{\\an7}") || raw.contains("{\\an8}") || raw.contains("{\\an9}") {
                at_top = true;
            }
            text_lines.push((k + 1, clean_line(raw)));
        }
        let joined: String = text_lines
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let kind = if subtitle_is_caption(&joined, at_top) {
            CueKind::Caption
        } else {
            CueKind::Dialogue
        };
        let speaker = if kind == CueKind::Dialogue {
            speaker_from_prefixes(&mut text_lines)
        } else {
            None
        };
        let mut cue = new_cue(text_at + 1, kind, String::new());
        cue.start_ms = Some(start);
        cue.end_ms = Some(end);
        cue.speaker = speaker;
        let raw = RawCue {
            cue,
            first_line: block_start + 1,
            last_line: j,
        };
        out.push((raw, text_lines));
        prev_ok = true;
        i = j;
    }

    let mut cues = Vec::with_capacity(out.len());
    for (mut rc, text_lines) in out {
        match assemble(&text_lines) {
            Some((line, text)) => {
                rc.cue.line = line;
                rc.cue.text = text;
                cues.push(rc);
            }
            None => ctx.warn(
                rc.first_line,
                "cue has no text once markup is removed; skipped",
            ),
        }
    }
    Ok(cues)
}

/// Markup removed, trimmed.
fn clean_line(raw: &str) -> String {
    strip_subtitle_markup(raw).trim().to_string()
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

/// Parses `start --> end [settings]`; errors name the bad text.
pub(crate) fn parse_timing(line: &str) -> Result<(u64, u64), String> {
    let Some((a, b)) = line.split_once("-->") else {
        return Err(format!(
            "malformed timing line {:?}",
            truncate(line.trim(), 80)
        ));
    };
    let a = a.trim();
    let b = b.split_whitespace().next().unwrap_or("");
    let start = parse_timestamp(a)?;
    let end = parse_timestamp(b)?;
    if end < start {
        return Err(format!(
            "cue ends ({}) before it starts ({})",
            b.trim(),
            a.trim()
        ));
    }
    Ok((start, end))
}

/// `H:MM:SS,mmm`, `H:MM:SS.mmm`, `MM:SS,mmm`, `H:MM:SS` (1-4 hour digits, 1-3
/// fraction digits).
pub(crate) fn parse_timestamp(s: &str) -> Result<u64, String> {
    let bad = || format!("malformed timecode {:?}", truncate(s, 40));
    let (clock, frac) = match s.find([',', '.']) {
        Some(p) => (&s[..p], Some(&s[p + 1..])),
        None => (s, None),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(|p| digits(p)) {
        return Err(bad());
    }
    let (h, m, sec) = if parts.len() == 3 {
        (parts[0], parts[1], parts[2])
    } else {
        ("0", parts[0], parts[1])
    };
    if h.len() > 4 || m.len() != 2 || sec.len() != 2 {
        return Err(bad());
    }
    let h: u64 = h.parse().map_err(|_| bad())?;
    let m: u64 = m.parse().map_err(|_| bad())?;
    let sec: u64 = sec.parse().map_err(|_| bad())?;
    if m >= 60 {
        return Err(format!(
            "timecode {:?} has {m} minutes (must be under 60)",
            truncate(s, 40)
        ));
    }
    if sec >= 60 {
        return Err(format!(
            "timecode {:?} has {sec} seconds (must be under 60)",
            truncate(s, 40)
        ));
    }
    let ms = match frac {
        None => 0,
        Some(f) if digits(f) && f.len() <= 3 => {
            let v: u64 = f.parse().map_err(|_| bad())?;
            v * 10u64.pow(3 - f.len() as u32)
        }
        Some(_) => return Err(bad()),
    };
    Ok(((h * 60 + m) * 60 + sec) * 1000 + ms)
}

#[cfg(test)]
mod tests {
    use crate::{CueKind, Options, read};

    fn srt(s: &str) -> crate::Document {
        read(s.as_bytes(), "x.srt", &Options::default()).unwrap()
    }

    fn err(s: &str) -> crate::IngestError {
        read(s.as_bytes(), "x.srt", &Options::default()).unwrap_err()
    }

    fn lenient(s: &str) -> crate::Document {
        let opts = Options {
            lenient: true,
            ..Options::default()
        };
        read(s.as_bytes(), "x.srt", &opts).unwrap()
    }

    #[test]
    fn basic() {
        let d = srt(
            "1\n00:00:01,000 --> 00:00:02,500\nHello\nworld\n\n2\n00:00:03,000 --> 00:00:04,000\n<i>Bye</i>\n",
        );
        assert_eq!(d.cues.len(), 2);
        assert_eq!(d.cues[0].text, "Hello\nworld");
        assert_eq!(d.cues[0].line, 3);
        assert_eq!(
            (d.cues[0].start_ms, d.cues[0].end_ms),
            (Some(1000), Some(2500))
        );
        assert_eq!(d.cues[1].text, "Bye");
        assert_eq!(d.cues[1].index, 1);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn tolerant_layout() {
        // No numbers, no blank lines, '.' for ',', extra blank lines, stray tags.
        let d = srt(
            "\n\n00:00:01.000 --> 00:00:02.000\n</i>One\n2\n00:00:03,000 --> 00:00:04,000 X1:10 X2:20\n{\\an8}Two\n\n\n\nthree\n00:00:05,000-->00:00:06,000\nFour",
        );
        let texts: Vec<&str> = d.cues.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["One", "Two\n\n\n\nthree", "Four"]);
        assert_eq!(d.cues[1].line, 7);
        assert_eq!(d.cues[2].start_ms, Some(5000));
        // Short hours-less times.
        let d = srt("1\n01:02,5 --> 01:03,25\nX\n");
        assert_eq!(
            (d.cues[0].start_ms, d.cues[0].end_ms),
            (Some(62_500), Some(63_250))
        );
    }

    #[test]
    fn speakers_and_dashes() {
        let d = srt(
            "1\n00:00:01,000 --> 00:00:02,000\nTROTSKY: We march!\nTonight.\n\n2\n00:00:03,000 --> 00:00:04,000\n- Who?\n- Lenin: Me.\n\n3\n00:00:05,000 --> 00:00:06,000\nLenin: Go.\n",
        );
        assert_eq!(d.cues[0].speaker.as_deref(), Some("TROTSKY"));
        assert_eq!(d.cues[0].text, "We march!\nTonight.");
        assert_eq!(d.cues[1].speaker, None);
        assert_eq!(d.cues[1].text, "- Who?\n- Lenin: Me.");
        assert_eq!(d.cues[2].speaker.as_deref(), Some("Lenin"));
        assert_eq!(d.cues[2].text, "Go.");
    }

    #[test]
    fn captions() {
        let d = srt(
            "1\n00:00:01,000 --> 00:00:02,000\nPETROGRAD, OCTOBER 1917\n\n2\n00:00:03,000 --> 00:00:04,000\n{\\an8}THE WINTER PALACE\n\n3\n00:00:05,000 --> 00:00:06,000\n[GUNFIRE]\n",
        );
        let kinds: Vec<CueKind> = d.cues.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [CueKind::Caption, CueKind::Caption, CueKind::Dialogue]
        );
        assert_eq!(d.cues[1].text, "THE WINTER PALACE");
    }

    #[test]
    fn suppression() {
        let d = srt(
            "1\n00:00:01,000 --> 00:00:02,000\n{histlint: allow anachronism}\nThe telephone rang.\n\n2\n00:00:03,000 --> 00:00:04,000\nNone here.\n",
        );
        assert_eq!(d.cues[0].allow, ["anachronism"]);
        assert_eq!(d.cues[0].text, "The telephone rang.");
        assert_eq!(d.cues[0].line, 4);
        assert!(d.cues[1].allow.is_empty());
        // On its own between cues: the next cue.
        let d = srt(
            "1\n00:00:01,000 --> 00:00:02,000\nA\n\n{histlint: allow after-death}\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n",
        );
        assert_eq!(d.cues.len(), 2);
        assert!(d.cues[0].allow.is_empty());
        assert_eq!(d.cues[1].allow, ["after-death"]);
        assert_eq!(d.cues[0].text, "A");
    }

    #[test]
    fn bad_timecodes() {
        let e = err("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:01:xx,000 --> 00:01:02,000\nB\n");
        assert_eq!(e.line, 6);
        assert!(e.message.contains("00:01:xx,000"), "{e}");
        let e = err("1\n99:99:99,000 --> 99:99:99,500\nA\n");
        assert_eq!(e.line, 2);
        assert!(
            e.message.contains("99:99:99,000") && e.message.contains("minutes"),
            "{e}"
        );
        let e = err("1\n00:00:05,000 --> 00:00:01,000\nA\n");
        assert!(e.message.contains("before it starts"), "{e}");
        let e = err("1\n00:00:01,0000 --> 00:00:02,000\nA\n");
        assert!(e.message.contains("malformed timecode"), "{e}");
        // Lenient: the bad cues go, with warnings; the good ones stay.
        let d = lenient(
            "1\n00:61:00,000 --> 00:62:00,000\nA\n\n2\n00:00:01,000 --> 00:00:02,000\nB\n\n3\n00:00:02,000 --> 00:00:01,000\nC\n",
        );
        assert_eq!(d.cues.len(), 1);
        assert_eq!(d.cues[0].text, "B");
        assert_eq!(d.warnings.len(), 2);
        assert_eq!((d.warnings[0].line, d.warnings[1].line), (2, 10));
    }

    #[test]
    fn truncated() {
        let e = err("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:04,000\n");
        assert_eq!(e.line, 6);
        assert!(e.message.contains("truncated"), "{e}");
        let e = err("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n");
        assert_eq!(e.line, 5);
        assert!(e.message.contains("truncated"), "{e}");
        let e = err("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:0");
        assert!(e.message.contains("malformed timecode"), "{e}");
        let d =
            lenient("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:04,000\n");
        assert_eq!(d.cues.len(), 1);
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn missing_timing() {
        let e = err(
            "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\nB\n\n3\n00:00:03,000 --> 00:00:04,000\nC\n",
        );
        assert_eq!(e.line, 5);
        let e = err("Subtitles by nobody\n\n1\n00:00:03,000 --> 00:00:04,000\nC\n");
        assert_eq!(e.line, 1);
        let d = lenient("Subtitles by nobody\n\n1\n00:00:03,000 --> 00:00:04,000\nC\n");
        assert_eq!(d.cues.len(), 1);
    }
}
