//! Plain text and Markdown narration.
//!
//! Paragraphs (separated by blank lines) are cues of kind [`CueKind::Action`]
//! (narration). Inside a paragraph, a line `NAME: text` starts a
//! [`CueKind::Dialogue`] cue with that speaker; a line `SUPER: ...` or `CAPTION: ...`
//! (also `TITLE:`, `CHYRON:`, `ON SCREEN:`, `INSERT:`) starts a
//! [`CueKind::Caption`]; lines without such a prefix continue the current cue.
//! Markdown headings (`#`..`######`, or a line underlined with `===`/`---`) and
//! upper-case `PLACE, DATE` lines are [`CueKind::SceneHeading`] cues and number the
//! scenes. HTML comments are removed (`<!-- histlint: allow X -->` is read); YAML
//! front matter and fenced code blocks are skipped; inline Markdown (emphasis,
//! links, images, code spans, list markers, block quotes) is reduced to its text.

use crate::fountain::{Marker, strip_spans};
use crate::util::{
    Ctx, RawCue, assemble, caption_prefix, decode_entities, has_date_signal, is_upper_text,
    new_cue, split_speaker,
};
use crate::{CueKind, IngestError};

/// A cue being built: kind, speaker, (line, text) items, first source line.
type Building = (CueKind, Option<String>, Vec<(usize, String)>, usize);

pub(crate) fn read(text: &str, ctx: &mut Ctx) -> Result<Vec<RawCue>, IngestError> {
    let stripped = strip_spans(
        text,
        &[Marker {
            open: "<!--",
            close: "-->",
            note: true,
        }],
        ctx,
    );
    let mut lines: Vec<(usize, String)> = Vec::with_capacity(stripped.lines.len());
    // Front matter and fenced code become blank lines (so they separate paragraphs).
    let mut in_fence: Option<&str> = None;
    let mut in_front = false;
    for (i, l) in stripped.lines.iter().enumerate() {
        if stripped.void[i] {
            continue;
        }
        let t = l.trim();
        if i == 0 && t == "---" {
            in_front = true;
            lines.push((i + 1, String::new()));
            continue;
        }
        if in_front {
            if t == "---" || t == "..." {
                in_front = false;
            }
            lines.push((i + 1, String::new()));
            continue;
        }
        if let Some(f) = in_fence {
            if t.starts_with(f) {
                in_fence = None;
            }
            lines.push((i + 1, String::new()));
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = Some(&t[..3]);
            lines.push((i + 1, String::new()));
            continue;
        }
        lines.push((i + 1, l.clone()));
    }

    let mut out: Vec<RawCue> = Vec::new();
    let mut scenes = 0usize;
    let mut scene: Option<usize> = None;
    let mut cur: Option<Building> = None;
    let flush = |cur: &mut Option<Building>, out: &mut Vec<RawCue>, scene: Option<usize>| {
        if let Some((kind, speaker, items, first)) = cur.take()
            && let Some((line, text)) = assemble(&items)
        {
            let last = items.last().map_or(first, |x| x.0);
            let mut cue = new_cue(line, kind, text);
            cue.speaker = speaker;
            cue.scene = scene;
            out.push(RawCue {
                cue,
                first_line: first,
                last_line: last,
            });
        }
    };

    let n = lines.len();
    let mut k = 0;
    while k < n {
        let (ln, ref raw) = lines[k];
        let t = raw.trim();
        if t.is_empty() {
            flush(&mut cur, &mut out, scene);
            k += 1;
            continue;
        }
        // Setext heading: this line underlined by the next.
        let underline = lines.get(k + 1).is_some_and(|(_, u)| {
            let u = u.trim();
            u.len() >= 2 && (u.bytes().all(|b| b == b'=') || u.bytes().all(|b| b == b'-'))
        });
        // ATX heading.
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        let atx = (1..=6).contains(&hashes)
            && t[hashes..]
                .chars()
                .next()
                .is_none_or(|c| c == ' ' || c == '\t');
        if atx || (underline && cur.is_none()) {
            flush(&mut cur, &mut out, scene);
            let h = if atx {
                t[hashes..].trim().trim_end_matches('#').trim()
            } else {
                t
            };
            scenes += 1;
            scene = Some(scenes);
            cur = Some((CueKind::SceneHeading, None, vec![(ln, inline(h))], ln));
            flush(&mut cur, &mut out, scene);
            k += if atx { 1 } else { 2 };
            continue;
        }
        // Horizontal rule.
        if t.len() >= 3
            && (t.bytes().all(|b| b == b'-' || b == b' ')
                || t.bytes().all(|b| b == b'*' || b == b' ')
                || t.bytes().all(|b| b == b'_' || b == b' '))
        {
            flush(&mut cur, &mut out, scene);
            k += 1;
            continue;
        }
        let clean = inline(&block_prefix_removed(t));
        // PLACE, DATE scene headings.
        if is_upper_text(&clean) && clean.contains(',') && has_date_signal(&clean) && cur.is_none()
        {
            scenes += 1;
            scene = Some(scenes);
            cur = Some((CueKind::SceneHeading, None, vec![(ln, clean)], ln));
            flush(&mut cur, &mut out, scene);
            k += 1;
            continue;
        }
        if let Some(rest) = caption_prefix(&clean) {
            flush(&mut cur, &mut out, scene);
            cur = Some((CueKind::Caption, None, vec![(ln, rest.to_string())], ln));
        } else if let Some((name, rest)) = split_speaker(&clean) {
            flush(&mut cur, &mut out, scene);
            cur = Some((
                CueKind::Dialogue,
                Some(name),
                vec![(ln, rest.to_string())],
                ln,
            ));
        } else if let Some((_, _, items, _)) = cur.as_mut() {
            items.push((ln, clean));
        } else {
            cur = Some((CueKind::Action, None, vec![(ln, clean)], ln));
        }
        k += 1;
    }
    flush(&mut cur, &mut out, scene);
    Ok(out)
}

/// Removes block quote markers and list markers at the start of a line.
fn block_prefix_removed(t: &str) -> String {
    let mut s = t;
    loop {
        let before = s;
        s = s.trim_start();
        if let Some(r) = s.strip_prefix('>') {
            s = r;
        }
        for m in ["- ", "* ", "+ "] {
            if let Some(r) = s.strip_prefix(m) {
                s = r;
            }
        }
        let digits = s.bytes().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0
            && digits <= 3
            && let Some(r) = s[digits..]
                .strip_prefix(". ")
                .or_else(|| s[digits..].strip_prefix(") "))
        {
            s = r;
        }
        if s == before {
            break;
        }
    }
    s.trim().to_string()
}

/// Inline Markdown to text: `![alt](src)` → alt, `[text](url)` → text, emphasis
/// and code markers removed (`\` escapes kept literal), entities decoded. Linear
/// time (the next `]` and `)` of every position are found in one backward pass).
fn inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mut next_bracket = vec![usize::MAX; n + 1];
    let mut next_paren = vec![usize::MAX; n + 1];
    for i in (0..n).rev() {
        next_bracket[i] = if chars[i] == ']' {
            i
        } else {
            next_bracket[i + 1]
        };
        next_paren[i] = if chars[i] == ')' {
            i
        } else {
            next_paren[i + 1]
        };
    }
    let mut out = String::with_capacity(s.len());
    // The `](url)` part of a link being read: (position of `]`, position of `)`).
    let mut skip: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < n {
        if let Some((from, to)) = skip
            && i == from
        {
            i = to + 1;
            skip = None;
            continue;
        }
        let c = chars[i];
        match c {
            '\\' if i + 1 < n && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '*' | '_' | '`' => i += 1,
            '!' if chars.get(i + 1) == Some(&'[') => i += 1,
            '[' => {
                // [text](url): keep the text, drop the url.
                let close = next_bracket[i + 1];
                if skip.is_none()
                    && close < n
                    && chars.get(close + 1) == Some(&'(')
                    && next_paren[close + 1] < n
                {
                    skip = Some((close, next_paren[close + 1]));
                    i += 1;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    decode_entities(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use crate::{CueKind, Options, read};

    fn md(s: &str) -> crate::Document {
        read(s.as_bytes(), "x.md", &Options::default()).unwrap()
    }

    #[test]
    fn paragraphs_speakers_headings() {
        let d = md(
            "---\ntitle: x\n---\n# Ten Days\n\nPETROGRAD, OCTOBER 1917\n\nThe crowd *surges*\ntowards the [palace](http://x).\n\n**LENIN:** Comrades!\nThe hour has come.\nTROTSKY: Indeed.\n\nSUPER: The Winter Palace, 25 October 1917\n\n<!-- histlint: allow anachronism -->\nA telephone rings.\n\n```\ncode: ignored\n```\n",
        );
        type Row<'a> = (CueKind, Option<&'a str>, &'a str, usize, Option<usize>);
        let got: Vec<Row<'_>> = d
            .cues
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.speaker.as_deref(),
                    c.text.as_str(),
                    c.line,
                    c.scene,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (CueKind::SceneHeading, None, "Ten Days", 4, Some(1)),
                (
                    CueKind::SceneHeading,
                    None,
                    "PETROGRAD, OCTOBER 1917",
                    6,
                    Some(2)
                ),
                (
                    CueKind::Action,
                    None,
                    "The crowd surges\ntowards the palace.",
                    8,
                    Some(2)
                ),
                (
                    CueKind::Dialogue,
                    Some("LENIN"),
                    "Comrades!\nThe hour has come.",
                    11,
                    Some(2)
                ),
                (CueKind::Dialogue, Some("TROTSKY"), "Indeed.", 13, Some(2)),
                (
                    CueKind::Caption,
                    None,
                    "The Winter Palace, 25 October 1917",
                    15,
                    Some(2)
                ),
                (CueKind::Action, None, "A telephone rings.", 18, Some(2)),
            ]
        );
        assert_eq!(d.cues[6].allow, ["anachronism"]);
        assert!(d.cues[5].allow.is_empty());
    }

    #[test]
    fn inline_comment_and_setext() {
        let d = md(
            "Chapter One\n===========\n\nLenin spoke <!-- histlint: allow quote-misattributed --> at length.\n",
        );
        assert_eq!(d.cues[0].kind, CueKind::SceneHeading);
        assert_eq!(d.cues[0].text, "Chapter One");
        assert_eq!(d.cues[1].text, "Lenin spoke  at length.");
        assert_eq!(d.cues[1].allow, ["quote-misattributed"]);
    }
}
