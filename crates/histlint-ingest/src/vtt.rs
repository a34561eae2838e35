//! WebVTT, read by the W3C WebVTT parsing rules (§6: file signature, header block,
//! "collect a WebVTT block", cue timings and settings, the cue text tokenizer and
//! tree rules), with two differences that histlint needs: a bad block is an error
//! in strict mode (the spec drops it silently; lenient mode drops it with a
//! warning), and ruby text (`<rt>`) is left out of the cue text, which keeps the
//! base text only.

use crate::util::{
    Ctx, RawCue, assemble, brace_directive, decode_entities, new_cue, parse_directive,
    speaker_from_prefixes, subtitle_is_caption,
};
use crate::{CueKind, IngestError};

/// What a block turned out to be.
enum Block {
    Cue {
        timing_line: usize,
        start: u64,
        end: u64,
        settings: String,
        /// (0-based line index, text) of the cue payload.
        text: Vec<(usize, String)>,
    },
    BadTiming {
        line: usize,
        message: String,
    },
    Other {
        first_line: usize,
        lines: Vec<(usize, String)>,
        style_or_region: bool,
    },
}

pub(crate) fn read(text: &str, ctx: &mut Ctx) -> Result<Vec<RawCue>, IngestError> {
    let lines: Vec<&str> = text.split('\n').collect();
    let n = lines.len();
    // Position "past the end": index n, or the empty segment after a final LF.
    let at_end = |i: usize| i >= n || (i == n - 1 && lines[i].is_empty());

    let mut lang: Option<String> = None;
    let mut i;
    let signature_ok = {
        let t = text;
        t.starts_with("WEBVTT") && (t.len() == 6 || t[6..].starts_with([' ', '\t', '\n']))
    };
    if signature_ok {
        i = 1;
        // Header: if the line after the signature is not empty, collect a block
        // with "in header" set (a `-->` line ends it and starts the cue blocks).
        if !at_end(i) && !lines[i].is_empty() {
            let (block, next) = collect_block(&lines, i, true, &mut false);
            if let Block::Other { lines: hl, .. } = block {
                for (_, l) in hl {
                    if let Some(v) = l.strip_prefix("Language:") {
                        let v = v.trim();
                        if !v.is_empty() {
                            lang = Some(v.to_string());
                        }
                    }
                }
            }
            i = next;
        } else if !at_end(i) {
            i += 1;
        }
    } else {
        let first = lines.first().copied().unwrap_or("");
        ctx.problem(
            1,
            format!(
                "not a WebVTT file: it must start with `WEBVTT`, found {:?}",
                first.chars().take(40).collect::<String>()
            ),
        )?;
        // Lenient: read the blocks anyway.
        i = 0;
    }

    let last_nonblank = (0..n).rev().find(|&k| !lines[k].trim().is_empty());
    let mut seen_cue = false;
    let mut out = Vec::new();
    loop {
        while !at_end(i) && lines[i].is_empty() {
            i += 1;
        }
        if at_end(i) {
            break;
        }
        let (block, next) = collect_block(&lines, i, false, &mut seen_cue);
        i = next;
        match block {
            Block::Cue {
                timing_line,
                start,
                end,
                settings,
                text,
            } => {
                let truncated = text.is_empty() && last_nonblank.is_none_or(|l| i > l);
                if truncated {
                    ctx.problem(
                        timing_line + 1,
                        "truncated file: the last cue has a timing line but no text",
                    )?;
                    continue;
                }
                out.push(make_cue(
                    timing_line,
                    start,
                    end,
                    &settings,
                    text,
                    lang.as_deref(),
                    ctx,
                ));
            }
            Block::BadTiming { line, message } => ctx.problem(line + 1, message)?,
            Block::Other {
                first_line,
                lines: bl,
                style_or_region,
            } => {
                let head = bl.first().map(|(_, l)| l.as_str()).unwrap_or("");
                let is_note =
                    head == "NOTE" || head.starts_with("NOTE ") || head.starts_with("NOTE\t");
                let ignorable = style_or_region
                    || matches!(head.trim(), "STYLE" | "REGION")
                    || bl.iter().all(|(_, l)| l.trim().is_empty());
                if is_note {
                    for (k, l) in &bl {
                        let body = if *k == first_line {
                            &l[4..]
                        } else {
                            l.as_str()
                        };
                        if let Some(rules) = parse_directive(body) {
                            ctx.directive(k + 1, true, rules);
                        }
                    }
                } else if !ignorable {
                    if let Some(rules) = brace_directive(head).filter(|_| bl.len() == 1) {
                        ctx.directive(first_line + 1, true, rules);
                    } else {
                        ctx.problem(
                            first_line + 1,
                            format!(
                                "block without a cue timing line (`00:00.000 --> 00:01.000`): {:?}",
                                head.chars().take(60).collect::<String>()
                            ),
                        )?;
                    }
                }
            }
        }
    }
    Ok(out)
}

/// The spec's "collect a WebVTT block" from line index `i`; returns the block and
/// the index where the next block starts.
fn collect_block(
    lines: &[&str],
    mut i: usize,
    in_header: bool,
    seen_cue: &mut bool,
) -> (Block, usize) {
    let n = lines.len();
    let first_line = i;
    let mut line_count = 0;
    let mut previous = i;
    let mut buffer: Vec<(usize, String)> = Vec::new();
    let mut seen_arrow = false;
    let mut cue: Option<(usize, u64, u64, String)> = None;
    let mut bad: Option<(usize, String)> = None;
    let mut style_or_region = false;
    while i < n {
        let cur = i;
        let line = lines[i];
        i += 1;
        line_count += 1;
        let seen_eof = cur == n - 1;
        if line.contains("-->") {
            if !in_header && (line_count == 1 || (line_count == 2 && !seen_arrow)) {
                seen_arrow = true;
                previous = i;
                match parse_timings(line) {
                    Ok((s, e, settings)) => {
                        cue = Some((cur, s, e, settings));
                        bad = None;
                        buffer.clear();
                        *seen_cue = true;
                    }
                    Err(m) => {
                        cue = None;
                        bad = Some((cur, m));
                    }
                }
            } else {
                i = previous;
                break;
            }
        } else if line.is_empty() {
            break;
        } else {
            if !in_header
                && line_count == 2
                && !*seen_cue
                && cue.is_none()
                && let Some((_, b)) = buffer.first()
            {
                let rest = |p: &str| b.strip_prefix(p).is_some_and(|r| r.trim().is_empty());
                if buffer.len() == 1 && (rest("STYLE") || rest("REGION")) {
                    style_or_region = true;
                }
            }
            buffer.push((cur, line.to_string()));
            previous = i;
        }
        if seen_eof {
            break;
        }
    }
    let block = if let Some((timing_line, start, end, settings)) = cue {
        Block::Cue {
            timing_line,
            start,
            end,
            settings,
            text: buffer,
        }
    } else if let Some((line, message)) = bad {
        Block::BadTiming { line, message }
    } else {
        Block::Other {
            first_line,
            lines: buffer,
            style_or_region,
        }
    };
    (block, i)
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r')
}

/// "Collect WebVTT cue timings and settings": start, `-->`, end, the rest.
fn parse_timings(line: &str) -> Result<(u64, u64, String), String> {
    let bad = |why: &str| {
        format!(
            "malformed cue timing {:?}: {why}",
            line.chars().take(80).collect::<String>()
        )
    };
    let s = line.trim_start_matches(is_ws);
    let (start, rest) = timestamp(s).ok_or_else(|| bad("bad start timestamp"))?;
    let rest = rest.trim_start_matches(is_ws);
    let rest = rest
        .strip_prefix("-->")
        .ok_or_else(|| bad("expected `-->` after the start time"))?;
    let rest = rest.trim_start_matches(is_ws);
    let (end, rest) = timestamp(rest).ok_or_else(|| bad("bad end timestamp"))?;
    if end < start {
        return Err(bad("the cue ends before it starts"));
    }
    Ok((start, end, rest.to_string()))
}

/// "Collect a WebVTT timestamp": `[hh+:]mm:ss.ttt`. Returns milliseconds and the
/// rest of the input.
pub(crate) fn timestamp(s: &str) -> Option<(u64, &str)> {
    fn digits(s: &str) -> (&str, &str) {
        let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        s.split_at(end)
    }
    let (d1, rest) = digits(s);
    if d1.is_empty() || d1.len() > 12 {
        return None;
    }
    let v1: u64 = d1.parse().ok()?;
    let hours_first = d1.len() != 2 || v1 > 59;
    let rest = rest.strip_prefix(':')?;
    let (d2, rest) = digits(rest);
    if d2.len() != 2 {
        return None;
    }
    let v2: u64 = d2.parse().ok()?;
    let (h, m, sec, rest) = if hours_first || rest.starts_with(':') {
        let rest = rest.strip_prefix(':')?;
        let (d3, rest) = digits(rest);
        if d3.len() != 2 {
            return None;
        }
        (v1, v2, d3.parse::<u64>().ok()?, rest)
    } else {
        (0, v1, v2, rest)
    };
    let rest = rest.strip_prefix('.')?;
    let (d4, rest) = digits(rest);
    if d4.len() != 3 {
        return None;
    }
    let ms: u64 = d4.parse().ok()?;
    if m > 59 || sec > 59 {
        return None;
    }
    let total = h
        .checked_mul(3600)?
        .checked_add(m * 60 + sec)?
        .checked_mul(1000)?
        .checked_add(ms)?;
    Some((total, rest))
}

/// Whether the cue settings put the cue at the top of the picture (`line:0`,
/// `line:1`, or a percentage under 20%).
fn settings_at_top(settings: &str) -> bool {
    settings.split(is_ws).any(|tok| {
        let Some(v) = tok.strip_prefix("line:") else {
            return false;
        };
        let v = v.split(',').next().unwrap_or("");
        if let Some(p) = v.strip_suffix('%') {
            p.parse::<f64>().is_ok_and(|x| (0.0..20.0).contains(&x))
        } else {
            matches!(v, "0" | "1")
        }
    })
}

fn make_cue(
    timing_line: usize,
    start: u64,
    end: u64,
    settings: &str,
    text: Vec<(usize, String)>,
    header_lang: Option<&str>,
    ctx: &mut Ctx,
) -> RawCue {
    let last_line = text.last().map_or(timing_line + 1, |(k, _)| k + 1);
    // Suppression lines `{histlint: allow X}` leave the text (an empty line in the
    // middle keeps the line mapping; at the ends they shift it).
    let mut kept: Vec<(usize, String)> = Vec::with_capacity(text.len());
    for (k, l) in text {
        if let Some(rules) = brace_directive(&l) {
            ctx.directive(k + 1, false, rules);
            kept.push((k, String::new()));
        } else {
            kept.push((k, l));
        }
    }
    let leading = kept
        .iter()
        .take(kept.len().saturating_sub(1))
        .take_while(|(_, l)| l.is_empty())
        .count();
    kept.drain(..leading);
    while kept.len() > 1 && kept.last().is_some_and(|(_, l)| l.is_empty()) {
        kept.pop();
    }
    let first_text_line = kept.first().map_or(timing_line + 1, |(k, _)| *k);
    let raw_text: String = kept
        .iter()
        .map(|(_, l)| l.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let parsed = parse_cue_text(&raw_text);

    let at_top = settings_at_top(settings);
    let kind = if subtitle_is_caption(&parsed.text, at_top) {
        CueKind::Caption
    } else {
        CueKind::Dialogue
    };
    let mut speaker = unique(&parsed.voices);
    let mut text_out = parsed.text;
    if speaker.is_none() && parsed.voices.is_empty() && kind == CueKind::Dialogue {
        let mut ls: Vec<(usize, String)> = text_out
            .split('\n')
            .enumerate()
            .map(|(k, t)| (k, t.to_string()))
            .collect();
        if let Some(name) = speaker_from_prefixes(&mut ls) {
            speaker = Some(name);
            text_out = assemble(&ls).map(|(_, t)| t).unwrap_or_default();
        }
    }
    let mut cue = new_cue(first_text_line + 1, kind, text_out);
    cue.start_ms = Some(start);
    cue.end_ms = Some(end);
    cue.speaker = speaker;
    cue.lang = unique(&parsed.langs).or_else(|| header_lang.map(str::to_string));
    RawCue {
        cue,
        first_line: timing_line + 1,
        last_line,
    }
}

/// The one value all entries share, if they are non-empty and agree.
fn unique(v: &[String]) -> Option<String> {
    let first = v.first()?;
    (!first.is_empty() && v.iter().all(|x| x == first)).then(|| first.clone())
}

/// The text of a cue after the WebVTT cue text parsing rules.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct CueText {
    /// Text content (tags removed, entities decoded, `<rt>` text left out).
    pub text: String,
    /// Annotations of closed `<v ...>` start tags, in order.
    pub voices: Vec<String>,
    /// Annotations of closed `<lang ...>` start tags, in order.
    pub langs: Vec<String>,
}

enum Token {
    Text(String),
    Start {
        name: String,
        annotation: String,
        closed: bool,
    },
    End(String),
    Timestamp,
}

/// The cue text tokenizer (spec §6.4): one token from `chars[*pos..]`.
fn next_token(chars: &[char], pos: &mut usize) -> Option<Token> {
    #[derive(PartialEq)]
    enum St {
        Data,
        Escape,
        Tag,
        StartTag,
        Class,
        Annotation,
        EndTag,
        Timestamp,
    }
    let mut state = St::Data;
    let mut result = String::new();
    let mut buffer = String::new();
    loop {
        let c = chars.get(*pos).copied();
        match state {
            St::Data => match c {
                Some('&') => {
                    buffer.clear();
                    buffer.push('&');
                    state = St::Escape;
                }
                Some('<') => {
                    if result.is_empty() {
                        state = St::Tag;
                    } else {
                        return Some(Token::Text(result));
                    }
                }
                None => {
                    return (!result.is_empty()).then_some(Token::Text(result));
                }
                Some(c) => result.push(c),
            },
            St::Escape => match c {
                Some('&') => {
                    result.push_str(&buffer);
                    buffer.clear();
                    buffer.push('&');
                }
                Some(c) if c.is_ascii_alphanumeric() || (c == '#' && buffer == "&") => {
                    buffer.push(c)
                }
                Some(';') => {
                    buffer.push(';');
                    result.push_str(&decode_entities(&buffer));
                    state = St::Data;
                }
                Some('<') => {
                    result.push_str(&buffer);
                    return Some(Token::Text(result));
                }
                None => {
                    result.push_str(&buffer);
                    return Some(Token::Text(result));
                }
                Some(c) => {
                    result.push_str(&buffer);
                    result.push(c);
                    state = St::Data;
                }
            },
            St::Tag => match c {
                Some(c) if is_ws(c) => state = St::Annotation,
                Some('.') => state = St::Class,
                Some('/') => state = St::EndTag,
                Some(c) if c.is_ascii_digit() => {
                    state = St::Timestamp;
                }
                Some('>') => {
                    *pos += 1;
                    return Some(Token::Start {
                        name: String::new(),
                        annotation: String::new(),
                        closed: true,
                    });
                }
                None => {
                    return Some(Token::Start {
                        name: String::new(),
                        annotation: String::new(),
                        closed: false,
                    });
                }
                Some(c) => {
                    result.push(c);
                    state = St::StartTag;
                }
            },
            St::StartTag => match c {
                Some(c) if is_ws(c) => state = St::Annotation,
                Some('.') => state = St::Class,
                Some('>') => {
                    *pos += 1;
                    return Some(start(result, &buffer, true));
                }
                None => return Some(start(result, &buffer, false)),
                Some(c) => result.push(c),
            },
            St::Class => match c {
                Some(c) if is_ws(c) => state = St::Annotation,
                Some('>') => {
                    *pos += 1;
                    return Some(start(result, &buffer, true));
                }
                None => return Some(start(result, &buffer, false)),
                Some(_) => {}
            },
            St::Annotation => match c {
                Some('>') => {
                    *pos += 1;
                    return Some(start(result, &buffer, true));
                }
                None => return Some(start(result, &buffer, false)),
                Some(c) => buffer.push(c),
            },
            St::EndTag => match c {
                Some('>') => {
                    *pos += 1;
                    return Some(Token::End(result));
                }
                None => return Some(Token::End(result)),
                Some(c) => result.push(c),
            },
            St::Timestamp => match c {
                Some('>') => {
                    *pos += 1;
                    return Some(Token::Timestamp);
                }
                None => return Some(Token::Timestamp),
                Some(_) => {}
            },
        }
        *pos += 1;
    }
}

fn start(name: String, annotation: &str, closed: bool) -> Token {
    Token::Start {
        name,
        annotation: decode_entities(&crate::util::collapse_ws(annotation)).into_owned(),
        closed,
    }
}

/// The cue text parsing rules (spec §6.4): tokens into a tree of `c`, `i`, `b`,
/// `u`, `ruby`, `rt`, `v`, `lang` nodes; here the tree is only a stack, since
/// histlint needs the text, the voices and the languages.
pub(crate) fn parse_cue_text(input: &str) -> CueText {
    let chars: Vec<char> = input.chars().collect();
    let mut pos = 0;
    let mut out = CueText::default();
    let mut stack: Vec<String> = Vec::new();
    let mut rt_depth = 0usize;
    while let Some(tok) = next_token(&chars, &mut pos) {
        match tok {
            Token::Text(t) => {
                if rt_depth == 0 {
                    out.text.push_str(&t);
                }
            }
            Token::Start {
                name,
                annotation,
                closed,
            } => match name.as_str() {
                "c" | "i" | "b" | "u" | "ruby" => stack.push(name),
                "rt" if stack.last().is_some_and(|s| s == "ruby") => {
                    stack.push(name);
                    rt_depth += 1;
                }
                "v" => {
                    if closed {
                        out.voices.push(annotation);
                    }
                    stack.push(name);
                }
                "lang" => {
                    if closed {
                        out.langs.push(annotation);
                    }
                    stack.push(name);
                }
                _ => {}
            },
            Token::End(name) => {
                if stack.last().is_some_and(|s| *s == name) {
                    if stack.pop().as_deref() == Some("rt") {
                        rt_depth -= 1;
                    }
                } else if name == "ruby" && stack.last().is_some_and(|s| s == "rt") {
                    stack.pop();
                    rt_depth -= 1;
                    stack.pop();
                }
            }
            Token::Timestamp => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, read};

    fn vtt(s: &str) -> crate::Document {
        read(s.as_bytes(), "x.vtt", &Options::default()).unwrap()
    }

    #[test]
    fn timestamps() {
        assert_eq!(timestamp("00:01.000"), Some((1000, "")));
        assert_eq!(timestamp("01:02:03.004 x"), Some((3_723_004, " x")));
        assert_eq!(timestamp("120:00:00.000"), Some((432_000_000, "")));
        assert_eq!(timestamp("1:00:00.000"), Some((3_600_000, "")));
        assert_eq!(timestamp("00:00.00"), None);
        assert_eq!(timestamp("00:000.000"), None);
        assert_eq!(timestamp("000:00.000"), None, "hours need a second colon");
        assert_eq!(timestamp("00:60.000"), None);
        assert_eq!(timestamp("99999999999999:00:00.000"), None);
    }

    #[test]
    fn cue_text() {
        let p = parse_cue_text("<v.loud Joe>That's <i>awesome</i> &amp; &lt;x&gt;</v>");
        assert_eq!(p.text, "That's awesome & <x>");
        assert_eq!(p.voices, ["Joe"]);
        assert_eq!(parse_cue_text("<v It's unclosed").text, "");
        assert!(parse_cue_text("<v It's unclosed").voices.is_empty());
        assert_eq!(parse_cue_text("<c>This is </c awesome!").text, "This is ");
        assert_eq!(
            parse_cue_text("<ruby>漢字<rt>かんじ</rt></ruby>です").text,
            "漢字です"
        );
        assert_eq!(parse_cue_text("<rt>Hee!</rt>").text, "Hee!");
        assert_eq!(
            parse_cue_text("<00:01.000>Hee!<00:01.500> Hee!").text,
            "Hee! Hee!"
        );
        assert_eq!(
            parse_cue_text("&nb&nbsp; &am&lt; &rlm;&lr&lrm;").text,
            "&nb\u{a0} &am< \u{200f}&lr\u{200e}"
        );
        assert_eq!(parse_cue_text("<lang en-US>Hi</lang>").langs, ["en-US"]);
    }

    #[test]
    fn file() {
        let d = vtt(
            "WEBVTT - title\nKind: captions\nLanguage: ru\n\nSTYLE\n::cue { color: red }\n\nNOTE a comment\n\nid-1\n00:00:01.000 --> 00:00:02.000 line:0 align:start\n<v Lenin>Comrades!</v>\n\n00:00:03.000 --> 00:00:04.000\nTROTSKY: Forward.\n\n00:00:05.000 --> 00:00:06.000 line:0\nTHE WINTER PALACE\n",
        );
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert_eq!(d.cues.len(), 3);
        assert_eq!(d.cues[0].speaker.as_deref(), Some("Lenin"));
        assert_eq!(d.cues[0].text, "Comrades!");
        assert_eq!(d.cues[0].line, 12);
        assert_eq!(d.cues[0].lang.as_deref(), Some("ru"));
        assert_eq!(d.cues[1].speaker.as_deref(), Some("TROTSKY"));
        assert_eq!(d.cues[1].text, "Forward.");
        assert_eq!(d.cues[2].kind, CueKind::Caption);
    }

    #[test]
    fn spec_blocks() {
        // A `-->` line ends the cue text and starts a new block.
        let d = vtt("WEBVTT\n\n00:00.000 --> 00:01.000\nA\n00:02.000 --> 00:03.000\nB\n");
        let t: Vec<&str> = d.cues.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(t, ["A", "B"]);
        // A timing line right after the header starts a cue.
        let d = vtt("WEBVTT\n00:11.000 --> 00:13.000\nTest");
        assert_eq!(d.cues.len(), 1);
        assert_eq!(d.cues[0].start_ms, Some(11_000));
    }

    #[test]
    fn errors_and_lenient() {
        let e = read(
            b"WEBVTT\n\n00:00.00 --> 00:02.000\nText\n",
            "x.vtt",
            &Options::default(),
        )
        .unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("00:00.00 --> 00:02.000"), "{e}");
        let e = read(
            b"garbage\n\n00:00.000 --> 00:02.000\nText\n",
            "x.vtt",
            &Options {
                format: Some(crate::Format::WebVtt),
                ..Options::default()
            },
        )
        .unwrap_err();
        assert_eq!(e.line, 1);
        let e = read(
            b"WEBVTT\n\n00:00.000 --> 00:02.000\nA\n\n00:03.000 --> 00:04.000\n",
            "x.vtt",
            &Options::default(),
        )
        .unwrap_err();
        assert!(e.message.contains("truncated"), "{e}");
        let opts = Options {
            lenient: true,
            ..Options::default()
        };
        let d = read(
            b"WEBVTT\n\n00:00.00 --> 00:02.000\nBad\n\n00:03.000 --> 00:04.000\nGood\n",
            "x.vtt",
            &opts,
        )
        .unwrap();
        assert_eq!(d.cues.len(), 1);
        assert_eq!(d.cues[0].text, "Good");
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].line, 3);
    }

    #[test]
    fn suppression() {
        let d = vtt(
            "WEBVTT\n\nNOTE histlint: allow after-death\n\n00:01.000 --> 00:02.000\nA\n{histlint: allow anachronism}\nB\n\n00:03.000 --> 00:04.000\nC\n",
        );
        assert_eq!(d.cues[0].allow, ["after-death", "anachronism"]);
        assert_eq!(d.cues[0].text, "A\n\nB");
        assert!(d.cues[1].allow.is_empty());
    }
}
