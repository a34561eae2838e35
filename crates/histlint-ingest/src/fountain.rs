//! Fountain screenplays (<https://fountain.io/syntax>).
//!
//! Elements: title page (skipped), scene headings (`INT.`, `EXT.`, `EST.`,
//! `INT./EXT.`, `I/E`, forced `.HEADING`, scene numbers `#12#` removed), action
//! (forced `!`), character cues (upper case, extensions such as `(V.O.)` removed,
//! forced `@Name`, dual dialogue `^`) with their dialogue (parentheticals dropped),
//! transitions (`CUT TO:`, forced `>`), centred text `>THE END<` (action), lyrics
//! `~` (dialogue), notes `[[...]]` (removed; `[[histlint: allow X]]` read),
//! boneyard `/* */`, sections `#`, synopses `=` and page breaks `===` (ignored),
//! emphasis markers (`*`, `_`) removed. Action lines starting `SUPER:`, `TITLE:`,
//! `CAPTION:`, `CHYRON:`, `ON SCREEN:` or `INSERT:` are captions.

use crate::util::{Ctx, RawCue, assemble, caption_prefix, is_upper_text, new_cue, parse_directive};
use crate::{CueKind, IngestError};

/// Text with marked spans removed, line by line.
pub(crate) struct Stripped {
    /// The lines of the text with the spans removed (same count as the source).
    pub lines: Vec<String>,
    /// Lines that had content and lost all of it to removed spans: they are neither
    /// text nor blank, so readers skip them (a note between a character cue and its
    /// dialogue does not break the dialogue).
    pub void: Vec<bool>,
}

/// A kind of span to remove: opener, closer, and whether its content may be a
/// `histlint: allow` note.
pub(crate) struct Marker {
    pub open: &'static str,
    pub close: &'static str,
    pub note: bool,
}

/// Removes `open ... close` spans (which may cross lines); an opener without a
/// closer is kept as text. Suppression notes go to `ctx`: on a line of their own
/// they apply to the next cue, else to the cue holding them. Linear time: each
/// closer is searched for once, and an opener whose closer is missing stops the
/// search for that marker.
pub(crate) fn strip_spans(text: &str, markers: &[Marker], ctx: &mut Ctx) -> Stripped {
    let bytes = text.as_bytes();
    let mut lines: Vec<String> = vec![String::new()];
    let mut removed: Vec<bool> = vec![false];
    let mut no_close = vec![false; markers.len()];
    // (start line index, end line index, content) of notes, resolved at the end.
    let mut notes: Vec<(usize, usize, String)> = Vec::new();
    let mut pos = 0;
    let mut run = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b == b'\n' {
            lines
                .last_mut()
                .expect("one line")
                .push_str(&text[run..pos]);
            lines.push(String::new());
            removed.push(false);
            pos += 1;
            run = pos;
            continue;
        }
        let mut matched = false;
        for (mi, m) in markers.iter().enumerate() {
            if no_close[mi] || b != m.open.as_bytes()[0] || !text[pos..].starts_with(m.open) {
                continue;
            }
            let from = pos + m.open.len();
            match text[from..].find(m.close) {
                None => no_close[mi] = true,
                Some(p) => {
                    lines
                        .last_mut()
                        .expect("one line")
                        .push_str(&text[run..pos]);
                    let content = &text[from..from + p];
                    let start_line = lines.len() - 1;
                    *removed.last_mut().expect("one line") = true;
                    for _ in content.matches('\n') {
                        lines.push(String::new());
                        removed.push(true);
                    }
                    if m.note {
                        notes.push((start_line, lines.len() - 1, content.to_string()));
                    }
                    pos = from + p + m.close.len();
                    run = pos;
                    matched = true;
                    break;
                }
            }
        }
        if !matched {
            pos += 1;
        }
    }
    lines.last_mut().expect("one line").push_str(&text[run..]);
    let void: Vec<bool> = lines
        .iter()
        .zip(&removed)
        .map(|(l, r)| *r && l.trim().is_empty())
        .collect();
    for (start, end, content) in notes {
        if let Some(rules) = parse_directive(&content) {
            if void[start] {
                ctx.directive(end + 1, true, rules);
            } else {
                ctx.directive(start + 1, false, rules);
            }
        }
    }
    Stripped { lines, void }
}

/// Case-insensitive scene-heading start: `INT`, `EXT`, `EST`, `INT./EXT`,
/// `INT/EXT`, `I/E`, followed by `.` or a space.
pub(crate) fn is_scene_heading(t: &str) -> bool {
    let head: String = t.chars().take(10).collect::<String>().to_uppercase();
    ["INT./EXT", "INT/EXT", "I/E", "INT", "EXT", "EST"]
        .iter()
        .any(|p| {
            head.strip_prefix(p)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with(' '))
        })
}

/// A character cue line: upper case name (at least one letter), optional
/// parenthesised extension in any case, optional `^`; or forced with `@`.
pub(crate) fn is_character_line(t: &str) -> bool {
    let t = t.trim();
    let t = t.strip_suffix('^').unwrap_or(t).trim_end();
    if let Some(rest) = t.strip_prefix('@') {
        return !rest.trim().is_empty();
    }
    let name = t.find('(').map_or(t, |p| &t[..p]).trim();
    !name.is_empty()
        && is_upper_text(name)
        && !name.ends_with("TO:")
        && name.split_whitespace().count() <= 6
        && !name.starts_with(['!', '.', '>', '~', '=', '#', '[', '-', '('])
        && !name.ends_with(['!', '?'])
        && caption_prefix(t).is_none()
        && !is_scene_heading(t)
}

/// The speaker of a character cue: `@`, `^`, the extension and a trailing colon
/// removed.
fn character_name(t: &str) -> String {
    let t = t.trim();
    let t = t.strip_suffix('^').unwrap_or(t).trim_end();
    let t = t.strip_prefix('@').unwrap_or(t);
    let name = t.find('(').map_or(t, |p| &t[..p]).trim();
    name.strip_suffix(':').unwrap_or(name).trim().to_string()
}

/// Removes Fountain emphasis markers (`*`, `**`, `***`, `_`); `\*` and `\_` are
/// literal.
pub(crate) fn strip_emphasis(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('*') | Some('_')) => {
                out.extend(chars.next());
            }
            '*' | '_' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Title page keys: a word with a lower-case letter (`Draft date:`) or a known key.
fn is_title_key_line(t: &str) -> bool {
    let Some((k, _)) = t.split_once(':') else {
        return false;
    };
    let known = [
        "title",
        "credit",
        "author",
        "authors",
        "source",
        "draft date",
        "date",
        "contact",
        "copyright",
        "notes",
        "revision",
        "episode",
    ];
    !k.is_empty()
        && !k.starts_with([' ', '\t'])
        && k.len() <= 30
        && k.chars().next().is_some_and(|c| c.is_alphabetic())
        && k.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.'))
        && (k.chars().any(|c| c.is_lowercase()) || known.contains(&k.to_lowercase().as_str()))
}

pub(crate) fn read(text: &str, ctx: &mut Ctx) -> Result<Vec<RawCue>, IngestError> {
    let stripped = strip_spans(
        text,
        &[
            Marker {
                open: "/*",
                close: "*/",
                note: false,
            },
            Marker {
                open: "[[",
                close: "]]",
                note: true,
            },
        ],
        ctx,
    );
    // Logical lines: (1-based source line, text), void lines left out.
    let ll: Vec<(usize, &str)> = stripped
        .lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !stripped.void[*i])
        .map(|(i, l)| (i + 1, l.as_str()))
        .collect();
    let n = ll.len();
    // Blank separates elements; a line of exactly two spaces does not.
    let blank = |k: usize| ll[k].1.trim().is_empty() && ll[k].1 != "  ";

    let mut k = 0;
    while k < n && blank(k) {
        k += 1;
    }
    // Title page: key lines and their indented values, up to the first blank line.
    if k < n && is_title_key_line(ll[k].1) {
        while k < n && !blank(k) {
            k += 1;
        }
    }

    let mut out: Vec<RawCue> = Vec::new();
    let mut scene: Option<usize> = None;
    let mut scenes = 0usize;
    let push = |out: &mut Vec<RawCue>,
                kind: CueKind,
                items: &[(usize, String)],
                speaker: Option<String>,
                scene: Option<usize>,
                first_line: usize,
                last_line: usize| {
        if let Some((line, text)) = assemble(items) {
            let mut cue = new_cue(line, kind, text);
            cue.speaker = speaker;
            cue.scene = scene;
            out.push(RawCue {
                cue,
                first_line,
                last_line,
            });
        }
    };

    while k < n {
        if blank(k) {
            k += 1;
            continue;
        }
        let (ln, raw) = ll[k];
        let t = raw.trim();
        let prev_blank = k == 0 || blank(k - 1);
        let next_blank = k + 1 >= n || blank(k + 1);

        // Ignored: page breaks, sections, synopses.
        if t.starts_with('#') || t.starts_with('=') {
            k += 1;
            continue;
        }
        // Scene headings.
        let forced_heading = t.starts_with('.')
            && !t.starts_with("..")
            && t[1..].chars().next().is_some_and(|c| c.is_alphanumeric());
        if forced_heading || (prev_blank && is_scene_heading(t)) {
            let mut h = if forced_heading { &t[1..] } else { t }.trim();
            if h.ends_with('#')
                && let Some(p) = h[..h.len() - 1].rfind('#')
            {
                h = h[..p].trim_end();
            }
            scenes += 1;
            scene = Some(scenes);
            push(
                &mut out,
                CueKind::SceneHeading,
                &[(ln, strip_emphasis(h))],
                None,
                scene,
                ln,
                ln,
            );
            k += 1;
            continue;
        }
        // Centred text, forced and ordinary transitions.
        if t.len() >= 2 && t.starts_with('>') && t.ends_with('<') {
            let inner = t[1..t.len() - 1].trim();
            push(
                &mut out,
                CueKind::Action,
                &[(ln, strip_emphasis(inner))],
                None,
                scene,
                ln,
                ln,
            );
            k += 1;
            continue;
        }
        if let Some(rest) = t.strip_prefix('>') {
            push(
                &mut out,
                CueKind::Transition,
                &[(ln, rest.trim().to_string())],
                None,
                scene,
                ln,
                ln,
            );
            k += 1;
            continue;
        }
        if prev_blank && next_blank && is_upper_text(t) && t.ends_with("TO:") {
            push(
                &mut out,
                CueKind::Transition,
                &[(ln, t.to_string())],
                None,
                scene,
                ln,
                ln,
            );
            k += 1;
            continue;
        }
        // Lyrics.
        if t.starts_with('~') {
            let mut items = Vec::new();
            let mut m = k;
            while m < n && ll[m].1.trim_start().starts_with('~') {
                let l = ll[m].1.trim_start()[1..].trim();
                items.push((ll[m].0, strip_emphasis(l)));
                m += 1;
            }
            push(
                &mut out,
                CueKind::Dialogue,
                &items,
                None,
                scene,
                ln,
                ll[m - 1].0,
            );
            k = m;
            continue;
        }
        // Character cue and dialogue.
        if prev_blank && !next_blank && !t.starts_with('!') && is_character_line(t) {
            let speaker = character_name(t);
            let mut items: Vec<(usize, String)> = Vec::new();
            let mut m = k + 1;
            let mut in_paren = false;
            while m < n && !blank(m) {
                let (lm, s) = ll[m];
                let s = s.trim();
                if in_paren || s.starts_with('(') {
                    // A parenthetical (possibly over several lines): dropped, its
                    // lines kept empty.
                    in_paren = !s.ends_with(')');
                    items.push((lm, String::new()));
                } else {
                    let s = s.strip_prefix('~').unwrap_or(s).trim();
                    items.push((lm, strip_emphasis(s)));
                }
                m += 1;
            }
            let speaker = (!speaker.is_empty()).then_some(speaker);
            push(
                &mut out,
                CueKind::Dialogue,
                &items,
                speaker,
                scene,
                ln,
                ll[m - 1].0,
            );
            k = m;
            continue;
        }
        // Action paragraph, split at on-screen-text lines.
        let mut m = k;
        let mut seg: Vec<(usize, String)> = Vec::new();
        let mut seg_first = ln;
        while m < n && !blank(m) {
            let (lm, s) = ll[m];
            let mut s = s.trim();
            if m == k {
                s = s.strip_prefix('!').unwrap_or(s);
            }
            if let Some(rest) = caption_prefix(s) {
                push(&mut out, CueKind::Action, &seg, None, scene, seg_first, lm);
                seg.clear();
                push(
                    &mut out,
                    CueKind::Caption,
                    &[(lm, strip_emphasis(rest))],
                    None,
                    scene,
                    lm,
                    lm,
                );
                seg_first = lm + 1;
            } else {
                if s.len() >= 2 && s.starts_with('>') && s.ends_with('<') {
                    s = s[1..s.len() - 1].trim();
                }
                seg.push((lm, strip_emphasis(s)));
            }
            m += 1;
        }
        push(
            &mut out,
            CueKind::Action,
            &seg,
            None,
            scene,
            seg_first,
            ll[m - 1].0,
        );
        k = m;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, Options, read};

    fn fountain(s: &str) -> crate::Document {
        read(s.as_bytes(), "x.fountain", &Options::default()).unwrap()
    }

    #[test]
    fn recognisers() {
        assert!(is_scene_heading("INT. SMOLNY - NIGHT"));
        assert!(is_scene_heading("ext. square"));
        assert!(is_scene_heading("INT./EXT. CAR"));
        assert!(is_scene_heading("I/E TRAIN"));
        assert!(!is_scene_heading("INTERIOR"));
        assert!(!is_scene_heading("Estate"));
        assert!(is_character_line("TROTSKY"));
        assert!(is_character_line("TROTSKY (V.O.)"));
        assert!(is_character_line("MOM (cont'd) ^"));
        assert!(is_character_line("@McCLANE"));
        assert!(is_character_line("R2D2"));
        assert!(!is_character_line("Trotsky"));
        assert!(!is_character_line("CUT TO:"));
        assert!(!is_character_line("SUPER: 1917"));
        assert!(!is_character_line("1917"));
        assert_eq!(character_name("TROTSKY (CONT'D)"), "TROTSKY");
        assert_eq!(character_name("@McCLANE ^"), "McCLANE");
        assert_eq!(
            strip_emphasis("***bold*** _under_ \\*lit\\*"),
            "bold under *lit*"
        );
    }

    #[test]
    fn notes_and_boneyard() {
        let mut ctx = Ctx::new(&Options::default());
        let s = strip_spans(
            "a [[x]] b\n/* gone\nstill gone */c\n[[histlint: allow z]]\n[[unclosed",
            &[
                Marker {
                    open: "/*",
                    close: "*/",
                    note: false,
                },
                Marker {
                    open: "[[",
                    close: "]]",
                    note: true,
                },
            ],
            &mut ctx,
        );
        assert_eq!(s.lines, ["a  b", "", "c", "", "[[unclosed"]);
        assert_eq!(s.void, [false, true, false, true, false]);
        assert_eq!(ctx.directives.len(), 1);
        assert!(ctx.directives[0].own_line);
        assert_eq!(ctx.directives[0].line, 4);
    }

    #[test]
    fn dialogue_with_parentheticals_keeps_lines() {
        let d = fountain("\nLENIN\n(beat)\nComrades.\n(pause)\nThe time is now.\n(exits)\n");
        assert_eq!(d.format, Format::Fountain);
        assert_eq!(d.cues.len(), 1);
        assert_eq!(d.cues[0].text, "Comrades.\n\nThe time is now.");
        assert_eq!(d.cues[0].line, 4);
    }
}
