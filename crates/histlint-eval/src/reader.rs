//! Reading TimeML 1.2 (`.tml`) and ACE-style files with inline TIMEX3 (`.sgm`,
//! `.key.xml`) into plain text, gold TIMEX3 spans and the document creation time.
//!
//! Offsets are byte offsets into [`Document::text`], the decoded text of the `TEXT`
//! element(s) with every tag removed and every entity reference replaced by its
//! character (`&amp;` is one byte `&`), which is exactly the string the extractor sees.
//! Gold spans are recorded while that string is built, so they and the system's spans
//! are measured on the same text.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// A gold TIMEX3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte offset in [`Document::text`] of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// The `type` attribute as written (`DATE`, `TIME`, `DURATION`, `SET`).
    pub ttype: String,
    /// The `value` attribute as written.
    pub value: String,
    /// The `tid` attribute, when there is one.
    pub tid: Option<String>,
    /// 1-based line of the source file where the TIMEX3 opens.
    pub line: usize,
}

/// A TimeML document, as far as timex evaluation needs it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// The text of the `TEXT` element (or of the whole document when it has none),
    /// tags removed, entities decoded, line ends normalised to `\n`.
    pub text: String,
    /// The gold TIMEX3s inside it, in document order (empty, non-consuming TIMEX3s are
    /// left out: they have no span).
    pub gold: Vec<GoldTimex>,
    /// The document creation time: the `value` of the TIMEX3 with
    /// `functionInDocument="CREATION_TIME"`, else a date read from a `DCT`,
    /// `DATETIME`, `DATE_TIME` or `DATE` element or from the `DOCID` (`APW19980807.0261`).
    pub dct: Option<String>,
}

/// A file that is not readable as TimeML.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ReadError {
    /// 1-based line.
    pub line: usize,
    pub message: String,
}

/// Reads a TimeML document from its source text.
///
/// Lenient where real corpora need it: SGML-style files with unclosed or mismatched
/// end tags are read, a bare `&` (as in `AT&T`) is text, and an unknown entity
/// (`&nbsp;`, `&Cx1f;`) is kept literally. Malformed markup is an error with its line.
pub fn read_timeml(src: &str) -> Result<Document, ReadError> {
    let src = escape_bare_ampersands(src);
    let doc = parse(&src, Scope::TextElement)?;
    if doc.saw_text_element {
        Ok(doc.doc)
    } else {
        Ok(parse(&src, Scope::Whole)?.doc)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Only what is inside `TEXT` elements is text.
    TextElement,
    /// Everything is text (documents without a `TEXT` element).
    Whole,
}

struct Parsed {
    doc: Document,
    saw_text_element: bool,
}

/// An element whose text we collect to find a creation date.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DateSource {
    Dct,
    DateTime,
    DocId,
}

fn parse(src: &str, scope: Scope) -> Result<Parsed, ReadError> {
    let lines = LineIndex::new(src);
    let mut reader = Reader::from_str(src);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut doc = Document::default();
    let mut saw_text_element = false;
    let mut text_depth = 0usize;
    // open TIMEX3s: (index in doc.gold, or None for one that is not gold)
    let mut open: Vec<Option<usize>> = Vec::new();
    // element names, to close TEXT and TIMEX3 correctly in SGML without end names checks
    let mut stack: Vec<String> = Vec::new();
    let mut date_source: Option<(DateSource, String)> = None;
    let mut fallback_dates: Vec<(DateSource, String)> = Vec::new();
    loop {
        let pos = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|err| ReadError {
            line: lines.line_of(reader.error_position() as usize),
            message: format!("malformed XML: {err}"),
        })?;
        let in_text = scope == Scope::Whole || text_depth > 0;
        match event {
            Event::Start(e) => {
                let name = local_name(&e);
                match name.as_str() {
                    "TEXT" => {
                        text_depth += 1;
                        saw_text_element = true;
                    }
                    "TIMEX3" => {
                        open.push(start_timex(&e, &mut doc, in_text, lines.line_of(pos)));
                    }
                    "DCT" => date_source = Some((DateSource::Dct, String::new())),
                    "DATETIME" | "DATE_TIME" | "DATE" => {
                        date_source = Some((DateSource::DateTime, String::new()))
                    }
                    "DOCID" | "DOCNO" => date_source = Some((DateSource::DocId, String::new())),
                    _ => {}
                }
                stack.push(name);
            }
            // a non-consuming TIMEX3 has no span; only a creation time matters
            Event::Empty(e) if local_name(&e) == "TIMEX3" => {
                let _ = start_timex(&e, &mut doc, false, lines.line_of(pos));
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_string();
                // pop up to the matching open element (SGML may leave some unclosed)
                if let Some(k) = stack.iter().rposition(|n| *n == name) {
                    for closed in stack.drain(k..).rev() {
                        match closed.as_str() {
                            "TEXT" => text_depth = text_depth.saturating_sub(1),
                            "TIMEX3" => {
                                if let Some(Some(i)) = open.pop() {
                                    doc.gold[i].end = doc.text.len();
                                }
                            }
                            "DCT" | "DATETIME" | "DATE_TIME" | "DATE" | "DOCID" | "DOCNO" => {
                                if let Some(d) = date_source.take() {
                                    fallback_dates.push(d);
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            Event::Text(t) => {
                let s = t.xml10_content();
                push_text(&s, in_text, &mut doc, &mut date_source);
            }
            Event::CData(c) => {
                let s = c.into_inner().into_owned();
                push_text(&s, in_text, &mut doc, &mut date_source);
            }
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten()
                } else {
                    match &*r {
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "amp" => Some('&'),
                        "apos" => Some('\''),
                        "quot" => Some('"'),
                        _ => None,
                    }
                };
                let s = match resolved {
                    Some(c) => c.to_string(),
                    None => format!("&{};", &*r),
                };
                push_text(&s, in_text, &mut doc, &mut date_source);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // unclosed TIMEX3s (truncated SGML) end where the text ends
    for i in open.into_iter().flatten() {
        doc.gold[i].end = doc.text.len();
    }
    doc.gold.retain(|g| g.end > g.start);
    if doc.dct.is_none() {
        for source in [DateSource::Dct, DateSource::DateTime, DateSource::DocId] {
            if let Some(d) = fallback_dates
                .iter()
                .filter(|(s, _)| *s == source)
                .find_map(|(_, text)| loose_date(text))
            {
                doc.dct = Some(d);
                break;
            }
        }
    }
    Ok(Parsed {
        doc,
        saw_text_element,
    })
}

fn local_name(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

fn push_text(
    s: &str,
    in_text: bool,
    doc: &mut Document,
    date_source: &mut Option<(DateSource, String)>,
) {
    if let Some((_, buf)) = date_source {
        buf.push_str(s);
    }
    if in_text {
        doc.text.push_str(s);
    }
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == key).then(|| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .map(Cow::into_owned)
                .unwrap_or_else(|_| a.value.to_string())
        })
    })
}

/// Records a TIMEX3 start; returns its index in `doc.gold` when it is a gold timex.
fn start_timex(
    e: &BytesStart<'_>,
    doc: &mut Document,
    in_text: bool,
    line: usize,
) -> Option<usize> {
    let function = attr(e, "functionInDocument").unwrap_or_default();
    if function.eq_ignore_ascii_case("CREATION_TIME") {
        if doc.dct.is_none() {
            doc.dct = attr(e, "value").filter(|v| !v.trim().is_empty());
        }
        return None;
    }
    if !in_text {
        return None;
    }
    doc.gold.push(GoldTimex {
        start: doc.text.len(),
        end: doc.text.len(),
        ttype: attr(e, "type").unwrap_or_default(),
        value: attr(e, "value").unwrap_or_default(),
        tid: attr(e, "tid"),
        line,
    });
    Some(doc.gold.len() - 1)
}

/// A date `YYYY-MM-DD` read from loose text: `1998-08-07`, `19980807`, `APW19980807.0261`,
/// `2003-04-20T09:00`, `08/07/1998`, `10/30/89`.
pub fn loose_date(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let digits = |i: usize, n: usize| -> Option<u32> {
        let s = b.get(i..i + n)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| std::str::from_utf8(s).ok()?.parse().ok())?
    };
    let is_digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let valid = |y: u32, m: u32, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d) && y > 1000;
    for i in 0..b.len() {
        if i > 0 && is_digit(i - 1) {
            continue;
        }
        // YYYY-MM-DD
        if let (Some(y), Some(m), Some(d)) = (digits(i, 4), digits(i + 5, 2), digits(i + 8, 2))
            && b[i + 4] == b'-'
            && b[i + 7] == b'-'
            && valid(y, m, d)
        {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
        // YYYYMMDD
        if let (Some(y), Some(m), Some(d)) = (digits(i, 4), digits(i + 4, 2), digits(i + 6, 2))
            && !is_digit(i + 8)
            && (1900..2100).contains(&y)
            && valid(y, m, d)
        {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
        // MM/DD/YYYY or MM/DD/YY
        if let (Some(m), Some(d)) = (digits(i, 2), digits(i + 3, 2))
            && b[i + 2] == b'/'
            && b.get(i + 5) == Some(&b'/')
        {
            let y = match (digits(i + 6, 4), digits(i + 6, 2)) {
                (Some(y), _) => Some(y),
                (None, Some(y)) if !is_digit(i + 8) => {
                    Some(if y < 50 { 2000 + y } else { 1900 + y })
                }
                _ => None,
            };
            if let Some(y) = y.filter(|&y| valid(y, m, d)) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    None
}

/// Replaces each `&` that does not start an entity or character reference by `&amp;`,
/// so SGML text such as `AT&T` reads as XML. Only inserts within a line, so line numbers
/// stay right.
fn escape_bare_ampersands(src: &str) -> Cow<'_, str> {
    let is_ref = |rest: &[u8]| -> bool {
        let body = match rest.iter().take(40).position(|&c| c == b';') {
            Some(k) if k > 0 => &rest[..k],
            _ => return false,
        };
        match body {
            [b'#', b'x' | b'X', hex @ ..] => {
                !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit)
            }
            [b'#', dec @ ..] => !dec.is_empty() && dec.iter().all(u8::is_ascii_digit),
            [first, rest @ ..] => {
                (first.is_ascii_alphabetic() || *first == b'_')
                    && rest
                        .iter()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
            }
            [] => false,
        }
    };
    let b = src.as_bytes();
    if !b
        .iter()
        .enumerate()
        .any(|(i, &c)| c == b'&' && !is_ref(&b[i + 1..]))
    {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 64);
    let mut last = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == b'&' && !is_ref(&b[i + 1..]) {
            out.push_str(&src[last..=i]);
            out.push_str("amp;");
            last = i + 1;
        }
    }
    out.push_str(&src[last..]);
    Cow::Owned(out)
}

/// Byte offset to 1-based line.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, c)| *c == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    fn line_of(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>APW19980807.0261</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">08/07/1998</TIMEX3></DCT>
<TITLE>Not <TIMEX3 tid="t9" type="DATE" value="1998">text</TIMEX3></TITLE>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> that &lt;profits&gt; rose <TIMEX3 tid="t2" type="DURATION" value="P3Y">three <EVENT eid="e2">straight</EVENT> years</TIMEX3>&#44; caf&#233; <TIMEX3 tid="t3" type="DATE" value="PRESENT_REF">now</TIMEX3>.
<TIMEX3 tid="t4" type="DATE" value="1998-08-06" anchorTimeID="t0"/>
</TEXT>
<TLINK lid="l1" relType="BEFORE" timeID="t1" relatedToTime="t0"/>
</TimeML>
"#;

    #[test]
    fn reads_text_gold_and_dct() {
        let doc = read_timeml(SNIPPET).unwrap();
        assert_eq!(
            doc.text,
            "\nAT&T said on Friday that <profits> rose three straight years, café now.\n\n"
        );
        assert_eq!(doc.dct.as_deref(), Some("1998-08-07"));
        let spans: Vec<(&str, &str, &str, usize)> = doc
            .gold
            .iter()
            .map(|g| {
                (
                    &doc.text[g.start..g.end],
                    g.ttype.as_str(),
                    g.value.as_str(),
                    g.line,
                )
            })
            .collect();
        assert_eq!(
            spans,
            vec![
                ("Friday", "DATE", "1998-08-07", 7),
                ("three straight years", "DURATION", "P3Y", 7),
                ("now", "DATE", "PRESENT_REF", 7),
            ]
        );
        assert_eq!(doc.gold[0].tid.as_deref(), Some("t1"));
    }

    #[test]
    fn sgml_bare_ampersands_unknown_entities_and_docid_date() {
        let src = "<DOC>\n<DOCNO> NYT20000406.0002 </DOCNO>\n<BODY><TEXT>\n<P>AT&T &nbsp;rose <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2000-04-05\">yesterday</TIMEX3>.\n</TEXT></BODY></DOC>\n";
        let doc = read_timeml(src).unwrap();
        assert_eq!(doc.text, "\nAT&T &nbsp;rose yesterday.\n");
        assert_eq!(doc.dct.as_deref(), Some("2000-04-06"));
        let g = &doc.gold[0];
        assert_eq!(&doc.text[g.start..g.end], "yesterday");
    }

    #[test]
    fn no_text_element_reads_the_whole_document() {
        let src = "<root>In <TIMEX3 type=\"DATE\" value=\"1917\">1917</TIMEX3>.</root>";
        let doc = read_timeml(src).unwrap();
        assert_eq!(doc.text, "In 1917.");
        assert_eq!(doc.gold.len(), 1);
        assert_eq!(doc.dct, None);
    }

    #[test]
    fn malformed_xml_names_its_line() {
        let src =
            "<TimeML>\n<TEXT>\nok\n<TIMEX3 type=\"DATE\" value=\"1917>x</TIMEX3>\n</TEXT></TimeML>";
        let err = read_timeml(src).unwrap_err();
        assert!(err.line >= 4, "{err}");
    }

    #[test]
    fn loose_dates() {
        assert_eq!(loose_date("19980108").as_deref(), Some("1998-01-08"));
        assert_eq!(
            loose_date("APW19980807.0261").as_deref(),
            Some("1998-08-07")
        );
        assert_eq!(loose_date("10/30/89").as_deref(), Some("1989-10-30"));
        assert_eq!(
            loose_date("2003-04-20T09:00").as_deref(),
            Some("2003-04-20")
        );
        assert_eq!(loose_date("no date 12345"), None);
    }
}
