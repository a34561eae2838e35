//! Format detection: content first, the file name's extension as tiebreaker.

use crate::Format;
use crate::decode::decode;
use crate::fountain::{is_character_line, is_scene_heading};

/// How much of the text detection looks at.
const HEAD_BYTES: usize = 64 * 1024;
const HEAD_LINES: usize = 500;

/// Detects the format of decoded `text`; `file_name`'s extension breaks ties.
///
/// Content signs, strongest first: a `WEBVTT` header → [`Format::WebVtt`]; an XML
/// document whose root element is `tt` → [`Format::Ttml`]; a SubRip timing line
/// (`00:00:01,000 --> 00:00:02,000`) → [`Format::Srt`] (or WebVTT for a `.vtt` file
/// without a header); a Fountain title page or `INT.`/`EXT.` scene heading →
/// [`Format::Fountain`]. Without such signs the extension decides (`.srt`, `.vtt`,
/// `.ttml`/`.dfxp`/`.xml`, `.fountain`/`.spmd`, `.md`/`.txt`); then two or more
/// screenplay character cues (an upper-case name line followed by dialogue) mean
/// Fountain unless the file is Markdown; else [`Format::Text`].
pub fn detect(text: &str, file_name: &str) -> Format {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut end = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let ext = extension(file_name);
    let trimmed = head.trim_start();
    if trimmed.starts_with("WEBVTT") {
        return Format::WebVtt;
    }
    if trimmed.starts_with('<') && xml_root_is_tt(trimmed) {
        return Format::Ttml;
    }
    let lines: Vec<&str> = head.lines().take(HEAD_LINES).collect();
    if let Some(t) = lines.iter().find(|l| is_timing_line(l)) {
        if ext.as_deref() == Some("vtt") && !t.contains(',') {
            return Format::WebVtt;
        }
        return Format::Srt;
    }
    if fountain_title_page(&lines) || has_scene_heading(&lines) {
        return Format::Fountain;
    }
    if let Some(f) = ext.as_deref().and_then(format_of_extension)
        && (f != Format::Text || ext.as_deref() != Some("txt"))
    {
        return f;
    }
    let markdown = ext.as_deref().is_some_and(|e| e == "md" || e == "markdown");
    if !markdown && character_cues(&lines) >= 2 {
        return Format::Fountain;
    }
    Format::Text
}

/// Decodes `bytes` (see [`decode`]) and detects their format (see [`detect`]).
pub fn detect_bytes(bytes: &[u8], file_name: &str) -> Format {
    detect(&decode(bytes).0, file_name)
}

/// The format a file name's extension stands for, if any.
pub(crate) fn from_extension(file_name: &str) -> Option<Format> {
    extension(file_name)
        .as_deref()
        .and_then(format_of_extension)
}

fn extension(file_name: &str) -> Option<String> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let (_, ext) = base.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

fn format_of_extension(ext: &str) -> Option<Format> {
    Some(match ext {
        "srt" => Format::Srt,
        "vtt" | "webvtt" => Format::WebVtt,
        "ttml" | "dfxp" | "xml" | "imsc" => Format::Ttml,
        "fountain" | "spmd" => Format::Fountain,
        "md" | "markdown" | "txt" | "text" => Format::Text,
        _ => return None,
    })
}

/// `H:MM:SS,mmm --> H:MM:SS,mmm` (or with `.`, or `MM:SS.mmm`).
fn is_timing_line(line: &str) -> bool {
    let Some((a, b)) = line.split_once("-->") else {
        return false;
    };
    let ts = |s: &str| {
        let s = s.trim();
        let s = s.split_whitespace().next().unwrap_or("");
        let parts: Vec<&str> = s.split(':').collect();
        (2..=3).contains(&parts.len())
            && parts[..parts.len() - 1]
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit()))
            && {
                let last = parts[parts.len() - 1];
                let mut it = last.splitn(2, [',', '.']);
                let sec = it.next().unwrap_or("");
                let frac = it.next().unwrap_or("");
                sec.len() == 2
                    && sec.bytes().all(|c| c.is_ascii_digit())
                    && !frac.is_empty()
                    && frac.bytes().all(|c| c.is_ascii_digit())
            }
    };
    ts(a) && ts(b)
}

/// The first element of an XML document is `tt` (any prefix).
fn xml_root_is_tt(head: &str) -> bool {
    let mut s = head;
    loop {
        s = s.trim_start();
        if let Some(rest) = s.strip_prefix("<?") {
            match rest.find("?>") {
                Some(p) => s = &rest[p + 2..],
                None => return false,
            }
        } else if let Some(rest) = s.strip_prefix("<!--") {
            match rest.find("-->") {
                Some(p) => s = &rest[p + 3..],
                None => return false,
            }
        } else if let Some(rest) = s.strip_prefix("<!") {
            // DOCTYPE, possibly with an internal subset in brackets.
            let close = match (rest.find('['), rest.find('>')) {
                (Some(b), Some(g)) if b < g => rest[b..].find("]>").map(|p| b + p + 2),
                (_, Some(g)) => Some(g + 1),
                _ => None,
            };
            match close {
                Some(p) => s = &rest[p..],
                None => return false,
            }
        } else if let Some(rest) = s.strip_prefix('<') {
            let name: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            let local = name.rsplit(':').next().unwrap_or("");
            return local == "tt";
        } else {
            return false;
        }
    }
}

const TITLE_KEYS: &[&str] = &[
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

fn fountain_title_page(lines: &[&str]) -> bool {
    let Some(first) = lines.iter().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    first.split_once(':').is_some_and(|(k, _)| {
        TITLE_KEYS.contains(&k.trim().to_ascii_lowercase().as_str()) && !k.starts_with(' ')
    }) && lines.iter().filter(|l| l.contains(':')).count() >= 2
}

fn has_scene_heading(lines: &[&str]) -> bool {
    (0..lines.len()).any(|i| {
        let prev_blank = i == 0 || lines[i - 1].trim().is_empty();
        let t = lines[i].trim();
        prev_blank
            && is_scene_heading(t)
            && t.split([' ', '.', '/']).next().is_some_and(|w| {
                w.chars().all(|c| c.is_ascii_uppercase()) // upper-case INT/EXT/EST/I
            })
    })
}

fn character_cues(lines: &[&str]) -> usize {
    (1..lines.len().saturating_sub(1))
        .filter(|&i| {
            let t = lines[i].trim();
            lines[i - 1].trim().is_empty()
                && !lines[i + 1].trim().is_empty()
                && is_character_line(t)
                && !t.contains(',')
                && t.split_whitespace().count() <= 4
                && !crate::util::is_upper_text(lines[i + 1])
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_content() {
        assert_eq!(
            detect("WEBVTT\n\n00:01.000 --> 00:02.000\nx", "a.txt"),
            Format::WebVtt
        );
        assert_eq!(
            detect("\u{feff}WEBVTT\n", "a.srt"),
            Format::WebVtt,
            "BOM before the header"
        );
        assert_eq!(
            detect(
                "<?xml version=\"1.0\"?>\n<!-- c -->\n<tt:tt xmlns:tt=\"x\"><body/></tt:tt>",
                "a.txt"
            ),
            Format::Ttml
        );
        assert_eq!(detect("<html><body/></html>", "a.txt"), Format::Text);
        assert_eq!(
            detect("1\n00:00:01,000 --> 00:00:02,000\nHi\n", "a.txt"),
            Format::Srt
        );
        assert_eq!(
            detect("00:00:01.000 --> 00:00:02.000\nHi\n", "a.srt"),
            Format::Srt
        );
        assert_eq!(
            detect("00:01.000 --> 00:02.000\nHi\n", "a.vtt"),
            Format::WebVtt
        );
        assert_eq!(
            detect(
                "Title: Red October\nAuthor: X\n\nINT. SMOLNY - NIGHT\n",
                "a.txt"
            ),
            Format::Fountain
        );
        assert_eq!(
            detect("Intro.\n\nEXT. PALACE SQUARE - DAY\n\nCrowds.\n", "a.md"),
            Format::Fountain
        );
        let screenplay = "\nLENIN\nComrades, the time has come.\n\nTROTSKY\nIt has.\n";
        assert_eq!(detect(screenplay, "script"), Format::Fountain);
        assert_eq!(detect(screenplay, "script.txt"), Format::Fountain);
        assert_eq!(detect(screenplay, "script.md"), Format::Text);
        assert_eq!(
            detect("# October\n\nThe crowd.\n", "notes.md"),
            Format::Text
        );
        assert_eq!(detect("Just some prose.\n", "x"), Format::Text);
    }

    #[test]
    fn extension_breaks_ties() {
        assert_eq!(detect("Just some prose.\n", "x.fountain"), Format::Fountain);
        assert_eq!(detect("Just some prose.\n", "x.srt"), Format::Srt);
        assert_eq!(detect("Just some prose.\n", "dir.v/x.VTT"), Format::WebVtt);
        assert_eq!(
            detect("1\n00:00:01,000 --> 00:00:02,000\nHi\n", "x.fountain"),
            Format::Srt,
            "content wins over the extension"
        );
    }

    #[test]
    fn bytes() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("WEBVTT\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(detect_bytes(&le, "x"), Format::WebVtt);
    }
}
