//! Shared machinery: the reading context (lenient/strict, warnings, suppression
//! notes), text clean-up, speaker prefixes, caption detection.

use crate::{Cue, CueKind, Diagnostic, IngestError, Options};
use std::borrow::Cow;

/// A cue as a reader produces it, with the source lines its block covers.
#[derive(Debug, Clone)]
pub(crate) struct RawCue {
    pub cue: Cue,
    /// First source line of the cue's block (index or timing line, character cue...).
    pub first_line: usize,
    /// Last source line of the cue's block.
    pub last_line: usize,
}

/// A `histlint: allow` note found in the source.
#[derive(Debug, Clone)]
pub(crate) struct Directive {
    pub line: usize,
    /// On a line of its own (applies to the next cue) or inside a cue (applies to it).
    pub own_line: bool,
    pub rules: Vec<String>,
}

/// The highest nesting depth honoured, whatever [`Options::max_depth`] says: the
/// TTML timing model recurses once per level, and this keeps the stack small.
pub(crate) const MAX_DEPTH_CAP: usize = 500;

/// State shared by a reader and the driver.
pub(crate) struct Ctx {
    pub lenient: bool,
    pub max_depth: usize,
    pub warnings: Vec<Diagnostic>,
    pub directives: Vec<Directive>,
}

impl Ctx {
    pub fn new(opts: &Options) -> Self {
        Ctx {
            lenient: opts.lenient,
            max_depth: opts.max_depth.min(MAX_DEPTH_CAP),
            warnings: Vec::new(),
            directives: Vec::new(),
        }
    }

    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Diagnostic {
            line,
            message: message.into(),
        });
    }

    /// A bad cue: an error in strict mode, a warning (and the caller skips the cue)
    /// in lenient mode.
    pub fn problem(&mut self, line: usize, message: impl Into<String>) -> Result<(), IngestError> {
        let message = message.into();
        if self.lenient {
            self.warn(line, format!("{message}; skipped"));
            Ok(())
        } else {
            Err(IngestError::new(line, message))
        }
    }

    pub fn directive(&mut self, line: usize, own_line: bool, rules: Vec<String>) {
        if !rules.is_empty() {
            self.directives.push(Directive {
                line,
                own_line,
                rules,
            });
        }
    }

    /// Drops cues that hold an over-long line, attaches suppression notes, numbers
    /// the cues.
    pub fn finish(&mut self, raw: Vec<RawCue>, long_lines: &[usize]) -> Vec<Cue> {
        let mut kept: Vec<RawCue> = Vec::with_capacity(raw.len());
        for rc in raw {
            // long_lines is sorted: is any of them inside [first_line, last_line]?
            let i = long_lines.partition_point(|&l| l < rc.first_line);
            if i < long_lines.len() && long_lines[i] <= rc.last_line {
                continue;
            }
            kept.push(rc);
        }
        // Cues by start line, for binary searches.
        let mut by_line: Vec<usize> = (0..kept.len()).collect();
        by_line.sort_by_key(|&i| (kept[i].cue.line, i));
        let mut by_first: Vec<usize> = (0..kept.len()).collect();
        by_first.sort_by_key(|&i| (kept[i].first_line, i));

        let directives = std::mem::take(&mut self.directives);
        for d in directives {
            let mut target = None;
            if !d.own_line {
                // The last cue whose block starts at or before the note...
                let p = by_first.partition_point(|&i| kept[i].first_line <= d.line);
                if p > 0 {
                    let i = by_first[p - 1];
                    if kept[i].last_line >= d.line {
                        target = Some(i);
                    }
                }
            }
            if target.is_none() {
                // ...else the first cue whose text starts after the note.
                let p = by_line.partition_point(|&i| kept[i].cue.line <= d.line);
                target = by_line.get(p).copied();
            }
            match target {
                Some(i) => {
                    for r in d.rules {
                        if !kept[i].cue.allow.contains(&r) {
                            kept[i].cue.allow.push(r);
                        }
                    }
                }
                None => self.warn(
                    d.line,
                    "`histlint: allow` note is not followed by any cue; ignored",
                ),
            }
        }
        kept.into_iter()
            .enumerate()
            .map(|(i, rc)| {
                let mut c = rc.cue;
                c.index = i;
                c
            })
            .collect()
    }
}

/// A fresh cue with the given fields and nothing else set.
pub(crate) fn new_cue(line: usize, kind: CueKind, text: String) -> Cue {
    Cue {
        index: 0,
        line,
        start_ms: None,
        end_ms: None,
        speaker: None,
        kind,
        text,
        scene: None,
        lang: None,
        allow: Vec::new(),
    }
}

/// Joins `(source line, text)` pairs (in increasing line order) into a cue text,
/// dropping empty lines at both ends and keeping one `'\n'` per source line in
/// between (a missing line number becomes an empty text line), so that text line
/// `k` is source line `first + k`. `None` if nothing but empty lines.
pub(crate) fn assemble(lines: &[(usize, String)]) -> Option<(usize, String)> {
    let start = lines.iter().position(|(_, t)| !t.trim().is_empty())?;
    let end = lines.iter().rposition(|(_, t)| !t.trim().is_empty())?;
    let first = lines[start].0;
    let mut out = String::new();
    let mut cur = first;
    for (n, t) in &lines[start..=end] {
        if *n < cur {
            // Out of order (should not happen): keep text, put it on the next line.
            out.push('\n');
        } else {
            for _ in cur..*n {
                out.push('\n');
            }
        }
        out.push_str(t);
        cur = (*n).max(cur);
    }
    Some((first, out))
}

/// Decodes HTML character references that end in `;`: `&amp; &lt; &gt; &quot;
/// &apos; &nbsp; &lrm; &rlm;` and a few typographic ones, and numeric references.
/// Anything else is kept as written.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        // Entity names are short; look at most 12 bytes ahead for ';'.
        let window = after
            .char_indices()
            .take_while(|&(i, c)| i < 12 && (c.is_ascii_alphanumeric() || c == '#'))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        if after[window..].starts_with(';')
            && let Some(c) = entity(&after[..window])
        {
            out.push(c);
            rest = &after[window + 1..];
            continue;
        }
        out.push('&');
        rest = after;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        return match char::from_u32(v) {
            Some('\0') | None => None,
            Some(c) => Some(c),
        };
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => return None,
    })
}

/// Removes subtitle markup from one line: HTML-like tags (`<i>`, `</i>`, `<b>`,
/// `<u>`, `<font ...>`, stray closing tags), ASS/SSA override blocks (`{\an8}`,
/// `{\i1}`), then decodes entities. A `<` that does not open a tag (`a < b`, `<3`)
/// is kept. Linear time.
pub(crate) fn strip_subtitle_markup(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut run_start = 0;
    let mut no_gt_after = false;
    let mut no_brace_after = false;
    while i < bytes.len() {
        let b = bytes[i];
        let mut skip_to = None;
        if b == b'<' && !no_gt_after {
            let next = bytes.get(i + 1).copied();
            let next2 = bytes.get(i + 2).copied();
            let opens_tag = matches!(next, Some(c) if c.is_ascii_alphabetic())
                || (next == Some(b'/') && matches!(next2, Some(c) if c.is_ascii_alphabetic()));
            if opens_tag {
                match line[i..].find('>') {
                    Some(p) => skip_to = Some(i + p + 1),
                    None => no_gt_after = true,
                }
            }
        } else if b == b'{' && !no_brace_after && bytes.get(i + 1) == Some(&b'\\') {
            match line[i..].find('}') {
                Some(p) => skip_to = Some(i + p + 1),
                None => no_brace_after = true,
            }
        }
        match skip_to {
            Some(j) => {
                out.push_str(&line[run_start..i]);
                i = j;
                run_start = j;
            }
            None => i += 1,
        }
    }
    out.push_str(&line[run_start..]);
    match decode_entities(&out) {
        Cow::Borrowed(_) => out,
        Cow::Owned(s) => s,
    }
}

/// Lower-case particles allowed inside a speaker name ("Maria von Trapp").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "of", "the",
    "y", "bin", "ibn", "al",
];

/// Words that look like a name before a colon but are labels, not speakers.
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "notes",
    "warning",
    "see",
    "source",
    "sources",
    "date",
    "super",
    "title",
    "caption",
    "chyron",
    "insert",
    "on screen",
    "subtitle",
    "subtitles",
    "translation",
    "http",
    "https",
];

/// `NAME: text` with NAME 1-4 words of letters (inner `'`, `-`, `.` allowed), the
/// first word starting with a capital and every other word capitalised or a
/// particle. Returns the name and the text after the colon.
pub(crate) fn split_speaker(line: &str) -> Option<(String, &str)> {
    let colon = line.find(':')?;
    if colon == 0 || colon > 60 {
        return None;
    }
    let after = &line[colon + 1..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let name = line[..colon].trim();
    if name.is_empty() || line[..colon].starts_with(char::is_whitespace) {
        return None;
    }
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() > 4 {
        return None;
    }
    for (k, w) in words.iter().enumerate() {
        let mut chars = w.chars();
        let first = chars.next()?;
        if !first.is_alphabetic() {
            return None;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-' || c == '.')
        {
            return None;
        }
        if w.ends_with('-') || w.ends_with('\'') {
            return None;
        }
        let capital = first.is_uppercase();
        if k == 0 && !capital {
            return None;
        }
        if k > 0 && !capital && !PARTICLES.contains(w) {
            return None;
        }
    }
    if NOT_SPEAKERS.contains(&name.to_lowercase().as_str()) {
        return None;
    }
    Some((name.to_string(), after.trim_start()))
}

/// Sets the speaker of a subtitle cue from `NAME:` prefixes and removes them.
/// Dialogue dashes (lines starting with `-`) mean several speakers: no speaker, text
/// unchanged. Prefixes naming different people: no speaker, text unchanged.
pub(crate) fn speaker_from_prefixes(lines: &mut [(usize, String)]) -> Option<String> {
    let non_empty: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].1.trim().is_empty())
        .collect();
    let first = *non_empty.first()?;
    let dashes = non_empty
        .iter()
        .filter(|&&i| {
            let t = lines[i].1.trim_start();
            t.starts_with('-') && !t.starts_with("--") || t.starts_with('–') || t.starts_with('—')
        })
        .count();
    if dashes > 0 {
        return None;
    }
    let (name, _) = split_speaker(lines[first].1.trim_start())?;
    for &i in &non_empty[1..] {
        if let Some((other, _)) = split_speaker(lines[i].1.trim_start())
            && other != name
        {
            return None;
        }
    }
    for &i in &non_empty {
        let t = lines[i].1.trim_start();
        if let Some((n, rest)) = split_speaker(t)
            && n == name
        {
            lines[i].1 = rest.to_string();
        }
    }
    Some(name)
}

/// If `line` starts with an on-screen-text prefix (`SUPER:`, `TITLE:`, `CAPTION:`,
/// `CHYRON:`, `ON SCREEN:`, `ON-SCREEN:`, `INSERT:`, any case), the text after it.
pub(crate) fn caption_prefix(line: &str) -> Option<&str> {
    const PREFIXES: &[&str] = &[
        "super:",
        "title:",
        "caption:",
        "chyron:",
        "on screen:",
        "on-screen:",
        "onscreen:",
        "insert:",
    ];
    let t = line.trim_start();
    for p in PREFIXES {
        if t.len() >= p.len() && t.is_char_boundary(p.len()) && t[..p.len()].eq_ignore_ascii_case(p)
        {
            return Some(t[p.len()..].trim());
        }
    }
    None
}

/// Has letters, and none of them lower case.
pub(crate) fn is_upper_text(text: &str) -> bool {
    let mut letters = false;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters = true;
        }
    }
    letters
}

/// Month-name stems (upper case) in English, French, German, Spanish, Italian and
/// Russian; a token matches if it starts with a stem and is not much longer.
const MONTHS: &[&str] = &[
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
    "JANVIER",
    "FÉVRIER",
    "MARS",
    "AVRIL",
    "MAI",
    "JUIN",
    "JUILLET",
    "AOÛT",
    "SEPTEMBRE",
    "OCTOBRE",
    "NOVEMBRE",
    "DÉCEMBRE",
    "JANUAR",
    "FEBRUAR",
    "OKTOBER",
    "DEZEMBER",
    "ENERO",
    "FEBRERO",
    "MARZO",
    "ABRIL",
    "MAYO",
    "JUNIO",
    "JULIO",
    "AGOSTO",
    "SEPTIEMBRE",
    "OCTUBRE",
    "NOVIEMBRE",
    "DICIEMBRE",
    "GENNAIO",
    "FEBBRAIO",
    "APRILE",
    "MAGGIO",
    "GIUGNO",
    "LUGLIO",
    "SETTEMBRE",
    "OTTOBRE",
    "DICEMBRE",
    "ЯНВАР",
    "ФЕВРАЛ",
    "МАРТ",
    "АПРЕЛ",
    "МАЙ",
    "МАЯ",
    "ИЮН",
    "ИЮЛ",
    "АВГУСТ",
    "СЕНТЯБР",
    "ОКТЯБР",
    "НОЯБР",
    "ДЕКАБР",
];

/// Month names that are also common words ("MAY I?", "WE MARCH"): they count only
/// next to a number.
const AMBIGUOUS_MONTHS: &[&str] = &["MAY", "MARCH", "MAI", "MARS", "MAYO", "MARZO"];
/// Short month names matched exactly (a prefix match would catch other words).
const EXACT_MONTHS: &[&str] = &["JUNI", "JULI", "MÄRZ", "МАЙ", "МАЯ"];

/// How a token names a month.
#[derive(PartialEq)]
enum Month {
    No,
    /// A month name that is also a common word.
    Ambiguous,
    Yes,
}

fn month(token: &str) -> Month {
    let up = token.to_uppercase();
    if AMBIGUOUS_MONTHS.contains(&up.as_str()) {
        return Month::Ambiguous;
    }
    if EXACT_MONTHS.contains(&up.as_str()) {
        return Month::Yes;
    }
    let prefix = MONTHS.iter().any(|m| {
        !AMBIGUOUS_MONTHS.contains(m)
            && !EXACT_MONTHS.contains(m)
            && up.starts_with(m)
            && up.chars().count() <= m.chars().count() + 2
    });
    if prefix { Month::Yes } else { Month::No }
}

/// Contains a year (a number 1000-2199, or a number next to BC/AD/BCE/CE/Г/ГОД) or
/// a month name (an ambiguous one such as MAY or MARCH only next to a number).
pub(crate) fn has_date_signal(text: &str) -> bool {
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    for (k, t) in tokens.iter().enumerate() {
        let is_num = t.chars().all(|c| c.is_ascii_digit());
        if is_num {
            if t.len() == 4
                && let Ok(y) = t.parse::<u32>()
                && (1000..=2199).contains(&y)
            {
                return true;
            }
            if t.len() <= 4 {
                let era = |s: &str| {
                    matches!(
                        s.to_uppercase().as_str(),
                        "BC" | "AD" | "BCE" | "CE" | "Г" | "ГОД" | "ГОДА" | "ГОДУ"
                    )
                };
                if tokens.get(k + 1).is_some_and(|n| era(n)) || k > 0 && era(tokens[k - 1]) {
                    return true;
                }
            }
        } else if month(t) == Month::Yes {
            return true;
        } else if month(t) == Month::Ambiguous {
            let num = |s: &&str| {
                let d = s.trim_end_matches(|c: char| c.is_alphabetic());
                !d.is_empty() && d.len() <= 4 && d.chars().all(|c| c.is_ascii_digit())
            };
            if tokens.get(k + 1).is_some_and(num) || k > 0 && num(&tokens[k - 1]) {
                return true;
            }
        }
    }
    false
}

/// On-screen text in a subtitle: upper case with a year or a dated month, or upper
/// case and positioned at the top of the picture.
pub(crate) fn subtitle_is_caption(text: &str, at_top: bool) -> bool {
    is_upper_text(text) && (at_top || has_date_signal(text))
}

/// Reads the inside of a suppression note: `histlint: allow rule-a, rule-b`.
/// `None` if the note is not a histlint directive.
pub(crate) fn parse_directive(inner: &str) -> Option<Vec<String>> {
    let t = inner.trim();
    let head = t.get(..8)?;
    if !head.eq_ignore_ascii_case("histlint") {
        return None;
    }
    let rest = t[8..].trim_start().strip_prefix(':')?.trim_start();
    let rest =
        if rest.len() >= 5 && rest.is_char_boundary(5) && rest[..5].eq_ignore_ascii_case("allow") {
            &rest[5..]
        } else {
            return None;
        };
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let mut rules: Vec<String> = Vec::new();
    for r in rest.split(|c: char| c == ',' || c.is_whitespace()) {
        let r = r.trim();
        if !r.is_empty() {
            let r = r.to_lowercase();
            if !rules.contains(&r) {
                rules.push(r);
            }
        }
    }
    Some(rules)
}

/// A whole line `{histlint: allow X}` (SRT/WebVTT suppression).
pub(crate) fn brace_directive(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let inner = t.strip_prefix('{')?.strip_suffix('}')?;
    parse_directive(inner)
}

/// Collapses runs of white space into one space and trims.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Byte offsets of line starts, to turn an offset into a 1-based line number.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(decode_entities("a &amp; b &lt;c&gt;"), "a & b <c>");
        assert_eq!(decode_entities("&#233;t&#xE9;"), "été");
        assert_eq!(decode_entities("&nbsp &am; &lt"), "&nbsp &am; &lt");
        assert_eq!(decode_entities("x&nbsp;y"), "x\u{a0}y");
        assert_eq!(decode_entities("&#0; &#xD800;"), "&#0; &#xD800;");
        assert_eq!(decode_entities("&&amp;"), "&&");
    }

    #[test]
    fn markup() {
        assert_eq!(strip_subtitle_markup("</i>My peaches</i>"), "My peaches");
        assert_eq!(
            strip_subtitle_markup("{\\an8}<font color=\"#fff\">Hi</font>"),
            "Hi"
        );
        assert_eq!(strip_subtitle_markup("a < b and <3"), "a < b and <3");
        assert_eq!(strip_subtitle_markup("<i unclosed"), "<i unclosed");
        assert_eq!(strip_subtitle_markup("{\\an8 unclosed"), "{\\an8 unclosed");
        assert_eq!(strip_subtitle_markup("Тро<b>цкий</b>"), "Троцкий");
    }

    #[test]
    fn speakers() {
        assert_eq!(
            split_speaker("TROTSKY: Comrades!"),
            Some(("TROTSKY".into(), "Comrades!"))
        );
        assert_eq!(split_speaker("Lenin: Yes."), Some(("Lenin".into(), "Yes.")));
        assert_eq!(
            split_speaker("Maria von Trapp: Hi"),
            Some(("Maria von Trapp".into(), "Hi"))
        );
        assert_eq!(split_speaker("He said: go"), None);
        assert_eq!(split_speaker("At 10:30 we go"), None);
        assert_eq!(split_speaker("Note: this"), None);
        assert_eq!(split_speaker("One Two Three Four Five: x"), None);
        assert_eq!(split_speaker("http://example"), None);
        let mut lines = vec![(1, "- LENIN: Go.".to_string()), (2, "- No.".to_string())];
        assert_eq!(speaker_from_prefixes(&mut lines), None);
        assert_eq!(lines[0].1, "- LENIN: Go.");
        let mut lines = vec![(1, "LENIN: Go.".to_string()), (2, "Now.".to_string())];
        assert_eq!(speaker_from_prefixes(&mut lines), Some("LENIN".into()));
        assert_eq!(lines[0].1, "Go.");
        let mut lines = vec![
            (1, "LENIN: Go.".to_string()),
            (2, "STALIN: No.".to_string()),
        ];
        assert_eq!(speaker_from_prefixes(&mut lines), None);
    }

    #[test]
    fn captions() {
        assert!(subtitle_is_caption("PETROGRAD, OCTOBER 1917", false));
        assert!(subtitle_is_caption("ПЕТРОГРАД, 25 ОКТЯБРЯ", false));
        assert!(subtitle_is_caption("ROME, 44 BC", false));
        assert!(!subtitle_is_caption("MAY I COME IN?", false));
        assert!(!subtitle_is_caption("WE MARCHED ON THE PALACE!", false));
        assert!(subtitle_is_caption("MOSCOW, OCTOBER", false));
        assert!(subtitle_is_caption("1 MAY", false));
        assert!(subtitle_is_caption("МОСКВА, МАРТ", false));
        assert!(!subtitle_is_caption("Petrograd, October 1917", false));
        assert!(!subtitle_is_caption("[BARKING]", false));
        assert!(subtitle_is_caption("THE WINTER PALACE", true));
        assert!(!subtitle_is_caption("1917", false));
    }

    #[test]
    fn directives() {
        assert_eq!(
            parse_directive("histlint: allow anachronism, after-death"),
            Some(vec!["anachronism".into(), "after-death".into()])
        );
        assert_eq!(
            parse_directive(" HistLint:Allow X "),
            Some(vec!["x".to_string()])
        );
        assert_eq!(parse_directive("histlint: deny x"), None);
        assert_eq!(parse_directive("just a note"), None);
        assert_eq!(
            brace_directive("{histlint: allow anachronism}"),
            Some(vec!["anachronism".into()])
        );
        assert_eq!(brace_directive("{\\an8}"), None);
    }

    #[test]
    fn assembling() {
        let lines = vec![
            (3, String::new()),
            (4, "a".to_string()),
            (6, "b".to_string()),
            (7, " ".to_string()),
        ];
        assert_eq!(assemble(&lines), Some((4, "a\n\nb".to_string())));
        assert_eq!(assemble(&[(1, " ".to_string())]), None);
    }

    #[test]
    fn line_index() {
        let li = LineIndex::new("ab\ncd\n\nx");
        assert_eq!(li.line_of(0), 1);
        assert_eq!(li.line_of(2), 1);
        assert_eq!(li.line_of(3), 2);
        assert_eq!(li.line_of(6), 3);
        assert_eq!(li.line_of(7), 4);
        assert_eq!(li.line_of(100), 4);
    }
}
