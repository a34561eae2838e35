//! The corpus: works with their metadata and text, cut into passages, with the
//! quotations inside them attributed to the people quoted.
//!
//! On disk a corpus is a folder (searched recursively) of works, each a pair
//! `NAME.txt` (UTF-8 text, paragraphs separated by blank lines) and `NAME.toml`
//! (its [`WorkMeta`]). Other files (a README) are ignored. See `docs/quotes.md`.

use std::path::Path;

use histlint_kb::{CompiledKb, EntityKind, Record};
use histlint_time::{Calendar, HDate};
use serde::Deserialize;

use crate::norm;

/// What a work's `.toml` file says.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkMeta {
    /// The work's id (the KB's work id where the KB has the work).
    pub id: String,
    /// The author: a KB person id where the KB has the person, else a plain name.
    pub author: String,
    /// The author's name for display.
    pub author_name: String,
    pub title: String,
    /// ISO 8601 date at the precision known: `1919`, `1917-08`, `1917-10-25`.
    pub date: String,
    /// `julian` when the date is Old Style (default Gregorian).
    #[serde(default)]
    pub calendar: Option<String>,
    /// Language of the text (`en`, `ru`, …).
    pub language: String,
    /// Language the work was written in, when the text is a translation.
    #[serde(default)]
    pub original_language: Option<String>,
    #[serde(default)]
    pub translator: Option<String>,
    /// Where the text comes from (URL).
    pub source: String,
    pub licence: String,
    /// How places in the work are best named: `chapter` or `paragraph`.
    #[serde(default)]
    pub location_unit: Option<String>,
    /// Someone other than the author who wrote parts of the book (an editor or
    /// translator), and the headings of those parts.
    #[serde(default)]
    pub editor: Option<String>,
    #[serde(default)]
    pub editor_sections: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Spellings of people's names in this work that the KB does not know, mapped to
    /// KB person ids (Reed writes "Trotzky").
    #[serde(default)]
    pub names: std::collections::BTreeMap<String, String>,
}

/// A person words are attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// KB person id, when the name resolves to one.
    pub id: Option<String>,
    /// The name (the KB's name, or as written).
    pub name: String,
}

impl Speaker {
    /// Whether two speakers are the same person: same KB id, or (when either has no
    /// id) the same last name after normalisation.
    pub fn same(&self, other: &Speaker) -> bool {
        match (&self.id, &other.id) {
            (Some(a), Some(b)) => a == b,
            _ => {
                let last = |s: &str| norm::normalized(s).rsplit(' ').next().map(str::to_string);
                last(&self.name).is_some() && last(&self.name) == last(&other.name)
            }
        }
    }
}

/// Words inside a passage that the author quotes from someone else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InnerQuote {
    /// Byte range in the work's text.
    pub start: usize,
    pub end: usize,
    /// The person quoted; `None`: a quotation whose source the text does not name.
    pub speaker: Option<Speaker>,
}

/// A paragraph of a work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Byte range in the work's text.
    pub start: usize,
    pub end: usize,
    /// 1-based paragraph number in the work (headings not counted).
    pub number: usize,
    /// The chapter or section heading the paragraph is under, if the text has them.
    pub heading: Option<String>,
    /// 1-based paragraph number under that heading.
    pub number_in_section: usize,
    /// Written by the editor or translator, not the author (a preface, notes).
    pub editorial: bool,
    /// Quotations inside the paragraph.
    pub quotes: Vec<InnerQuote>,
}

/// A work of the corpus.
#[derive(Debug, Clone)]
pub struct Work {
    pub meta: WorkMeta,
    /// The `.txt` path relative to the corpus folder.
    pub path: String,
    /// The date read from `meta.date`.
    pub date: HDate,
    pub text: String,
    pub passages: Vec<Passage>,
    /// Number of words.
    pub words: usize,
}

impl Work {
    /// The author as a [`Speaker`].
    pub fn author(&self) -> Speaker {
        Speaker {
            id: is_kb_id(&self.meta.author).then(|| self.meta.author.clone()),
            name: self.meta.author_name.clone(),
        }
    }

    /// Where a passage is: "Chapter V: Plunging Ahead, paragraph 3" or "paragraph 212".
    pub fn location(&self, p: &Passage) -> String {
        match &p.heading {
            Some(h) => format!("{h}, paragraph {}", p.number_in_section),
            None => format!("paragraph {}", p.number),
        }
    }

    /// The first year of the work's date.
    pub fn year(&self) -> i64 {
        self.date.year
    }
}

/// Whether an author field is a KB id (lower case, digits and hyphens) rather than a
/// plain name ("Adam Smith").
pub fn is_kb_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A loaded corpus.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Works in path order.
    pub works: Vec<Work>,
    /// Hash of every file's path and bytes: the key of the on-disk index.
    pub hash: u64,
}

/// A corpus that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    #[error("{path}:{line}: {message}")]
    Bad {
        path: String,
        line: usize,
        message: String,
    },
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Version of the segmentation and normalisation: part of the index key.
pub const FORMAT_VERSION: u32 = 1;

impl Corpus {
    /// Reads a corpus folder (recursively). `kb` resolves the names of people quoted.
    pub fn load_dir(dir: &Path, kb: Option<&CompiledKb>) -> Result<Corpus, CorpusError> {
        let mut files = Vec::new();
        collect(dir, dir, &mut files)?;
        Corpus::from_files(files, kb)
    }

    /// Builds a corpus from `(relative path, bytes)` pairs.
    pub fn from_files(
        mut files: Vec<(String, Vec<u8>)>,
        kb: Option<&CompiledKb>,
    ) -> Result<Corpus, CorpusError> {
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(&FORMAT_VERSION.to_le_bytes());
        for (p, b) in &files {
            if p.ends_with(".txt") || p.ends_with(".toml") {
                hasher.update(p.as_bytes());
                hasher.update(&(b.len() as u64).to_le_bytes());
                hasher.update(b);
            }
        }
        let find = |path: &str| files.iter().find(|(p, _)| p == path).map(|(_, b)| b);
        let mut works = Vec::new();
        for (path, bytes) in &files {
            if let Some(stem) = path.strip_suffix(".toml") {
                let txt = format!("{stem}.txt");
                let Some(text) = find(&txt) else {
                    return Err(CorpusError::Io {
                        path: path.clone(),
                        message: format!("metadata without its text: {txt} is missing"),
                    });
                };
                works.push(read_work(path, bytes, &txt, text, kb)?);
            } else if let Some(stem) = path.strip_suffix(".txt")
                && find(&format!("{stem}.toml")).is_none()
            {
                return Err(CorpusError::Io {
                    path: path.clone(),
                    message: format!("text without metadata: {stem}.toml is missing"),
                });
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for w in &works {
            if !ids.insert(w.meta.id.clone()) {
                return Err(CorpusError::Bad {
                    path: format!("{}.toml", w.path.trim_end_matches(".txt")),
                    line: 1,
                    message: format!("duplicate work id {:?}", w.meta.id),
                });
            }
        }
        Ok(Corpus {
            works,
            hash: hasher.digest(),
        })
    }

    /// Total words.
    pub fn words(&self) -> usize {
        self.works.iter().map(|w| w.words).sum()
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), CorpusError> {
    let io = |p: &Path, e: std::io::Error| CorpusError::Io {
        path: p.display().to_string(),
        message: e.to_string(),
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(root, &p, out)?;
        } else if p.extension().is_some_and(|e| e == "txt" || e == "toml") {
            let rel = p
                .strip_prefix(root)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(&p).map_err(|e| io(&p, e))?;
            out.push((rel, bytes));
        }
    }
    Ok(())
}

fn read_work(
    meta_path: &str,
    meta_bytes: &[u8],
    txt_path: &str,
    txt_bytes: &[u8],
    kb: Option<&CompiledKb>,
) -> Result<Work, CorpusError> {
    let bad = |path: &str, line: usize, message: String| CorpusError::Bad {
        path: path.to_string(),
        line,
        message,
    };
    let meta_text = std::str::from_utf8(meta_bytes)
        .map_err(|e| bad(meta_path, 1, format!("not UTF-8: {e}")))?;
    let meta: WorkMeta = toml::from_str(meta_text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(meta_text, s.start));
        bad(meta_path, line, e.message().to_string())
    })?;
    let field_line = |key: &str| {
        meta_text
            .lines()
            .position(|l| l.trim_start().starts_with(key))
            .map_or(1, |i| i + 1)
    };
    let calendar = match meta.calendar.as_deref() {
        None => Calendar::Gregorian,
        Some(c) => Calendar::parse(c).ok_or_else(|| {
            bad(
                meta_path,
                field_line("calendar"),
                format!("unknown calendar {c:?} (julian or gregorian)"),
            )
        })?,
    };
    let date = HDate::parse_iso_in(&meta.date, calendar).map_err(|e| {
        bad(
            meta_path,
            field_line("date"),
            format!("date {:?}: {e}", meta.date),
        )
    })?;
    let text = String::from_utf8(txt_bytes.to_vec()).map_err(|e| {
        let off = e.utf8_error().valid_up_to();
        let line = txt_bytes[..off].iter().filter(|&&b| b == b'\n').count() + 1;
        bad(txt_path, line, "not UTF-8 text".to_string())
    })?;
    let passages = segment(&text, &meta, kb);
    let words = norm::count_words(&text);
    Ok(Work {
        meta,
        path: txt_path.to_string(),
        date,
        text,
        passages,
        words,
    })
}

/// Paragraph blocks: byte ranges of runs of non-blank lines.
fn blocks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                out.push((s, end));
            }
        } else {
            if start.is_none() {
                start = Some(pos);
            }
            end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push((s, end));
    }
    out
}

fn is_chapter_line(s: &str) -> bool {
    let mut it = s.split_whitespace();
    let (Some(first), Some(second), None) = (it.next(), it.next(), it.next()) else {
        return false;
    };
    let first = first.to_lowercase();
    ["chapter", "part", "book", "section", "глава", "часть"].contains(&first.as_str())
        && second
            .trim_end_matches('.')
            .chars()
            .all(|c| c.is_ascii_digit() || "IVXLCivxlc".contains(c))
}

fn is_caps_heading(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4 && !s.chars().any(char::is_lowercase) && s.chars().count() <= 80
}

fn segment(text: &str, meta: &WorkMeta, kb: Option<&CompiledKb>) -> Vec<Passage> {
    let bl = blocks(text);
    let mut out: Vec<Passage> = Vec::new();
    let mut heading: Option<String> = None;
    let mut in_section = 0;
    let mut seen_chapter = false;
    let mut i = 0;
    let mut attr = Attributor::new(kb);
    for (spelling, id) in &meta.names {
        let name = kb
            .and_then(|k| k.get(id))
            .map_or_else(|| id.clone(), |r| r.label().to_string());
        attr.names.push((
            norm::normalized(spelling),
            Speaker {
                id: Some(id.clone()),
                name,
            },
        ));
    }
    while i < bl.len() {
        let (s, e) = bl[i];
        let block = &text[s..e];
        let single = !block.contains('\n') && block.chars().count() <= 80;
        if single && is_chapter_line(block.trim()) {
            let mut h = block.trim().to_string();
            if let Some(&(ns, ne)) = bl.get(i + 1) {
                let next = text[ns..ne].trim();
                if !next.contains('\n')
                    && next.chars().count() <= 80
                    && !next.ends_with('.')
                    && !is_chapter_line(next)
                {
                    h = format!("{h}: {next}");
                    i += 1;
                }
            }
            heading = Some(h);
            seen_chapter = true;
            in_section = 0;
            attr.reset();
            i += 1;
            continue;
        }
        // Capital-letter headings are sections only in works without chapter lines;
        // inside a chapter they are the titles of documents the text reproduces.
        if single && !seen_chapter && is_caps_heading(block.trim()) {
            heading = Some(block.trim().to_string());
            in_section = 0;
            attr.reset();
            i += 1;
            continue;
        }
        in_section += 1;
        let editorial = heading.as_deref().is_some_and(|h| {
            meta.editor_sections
                .iter()
                .any(|x| x.eq_ignore_ascii_case(h.trim()))
        });
        let quotes = attr.paragraph(text, s, e);
        out.push(Passage {
            start: s,
            end: e,
            number: out.len() + 1,
            heading: heading.clone(),
            number_in_section: in_section,
            editorial,
            quotes,
        });
        i += 1;
    }
    out
}

// ------------------------------------------------------------------ attribution

/// Verbs (and a few phrases' last words) that introduce reported words.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "wrote",
    "writes",
    "write",
    "writing",
    "written",
    "declared",
    "declares",
    "observed",
    "observes",
    "remarked",
    "remarks",
    "continued",
    "continues",
    "cried",
    "shouted",
    "answered",
    "answers",
    "replied",
    "replies",
    "exclaimed",
    "added",
    "adds",
    "ended",
    "began",
    "begins",
    "asked",
    "asks",
    "stated",
    "states",
    "announced",
    "proclaimed",
    "insisted",
    "argued",
    "argues",
    "tells",
    "told",
    "spoke",
    "speaks",
    "repeated",
    "concluded",
    "thundered",
    "warned",
    "explained",
    "explains",
    "emphasised",
    "emphasized",
    "noted",
    "notes",
    "admitted",
    "called",
    "yelled",
    "roared",
    "retorted",
    "interrupted",
    "responded",
    "whispered",
    "murmured",
    "sneered",
    "put",
    "puts",
    "words",
    "according",
    "formulated",
    "formulates",
    "speech",
    "letter",
    "went",
    "сказал",
    "сказала",
    "писал",
    "пишет",
    "заявил",
    "говорил",
    "говорит",
    "ответил",
    "воскликнул",
    "продолжал",
    "словами",
];

/// Whether a normalised word introduces reported words ("said", "wrote", "words"
/// as in "in the words of", "according").
pub fn is_speech_word(norm: &str) -> bool {
    SPEECH.contains(&norm)
}

const PRONOUNS: &[&str] = &["he", "she", "они", "он", "она"];

const NOT_NAMES: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "We",
    "They",
    "I",
    "And",
    "But",
    "As",
    "In",
    "On",
    "At",
    "A",
    "An",
    "This",
    "That",
    "Then",
    "When",
    "What",
    "Who",
    "Yes",
    "No",
    "Comrades",
    "Comrade",
    "Citizens",
    "Our",
    "His",
    "Her",
    "Their",
    "Its",
    "If",
    "So",
    "Now",
    "There",
    "Here",
    "Some",
    "One",
    "All",
    "Not",
    "To",
    "Of",
    "For",
    "With",
    "By",
    "From",
    "Mr",
    "Mrs",
    "Dr",
    "General",
    "Captain",
    "Said",
    "Says",
    "Wrote",
    "Writes",
    "Thus",
    "Hence",
    "Again",
    "Still",
    "Marxism",
    "Marxist",
    "Marxists",
    "Socialist",
    "Socialists",
    "Bolshevik",
    "Bolsheviki",
    "Bolsheviks",
    "Menshevik",
    "Mensheviki",
    "Soviet",
    "Soviets",
    "Russia",
    "Russian",
    "Germany",
    "German",
    "France",
    "French",
    "England",
    "English",
    "Europe",
    "Petrograd",
    "Moscow",
    "Party",
    "Government",
    "Congress",
    "Committee",
];

struct Attributor<'k> {
    kb: Option<&'k CompiledKb>,
    /// The last person named in the text so far (for "he said").
    last_person: Option<Speaker>,
    /// A quotation left open at the end of the last paragraph continues (the
    /// multi-paragraph convention), with its speaker.
    open: Option<Option<Speaker>>,
    /// The work's own spellings of names (normalised) and who they name.
    names: Vec<(String, Speaker)>,
    /// Recent paragraphs without quotations, not yet searched for names.
    recent: Vec<(usize, usize)>,
}

fn is_open_mark(c: char) -> bool {
    matches!(c, '“' | '«' | '„' | '"' | '‹')
}

fn closing_for(c: char) -> &'static [char] {
    match c {
        '“' => &['”'],
        '«' => &['»'],
        '„' => &['“', '”'],
        '‹' => &['›'],
        _ => &['"'],
    }
}

impl<'k> Attributor<'k> {
    fn new(kb: Option<&'k CompiledKb>) -> Attributor<'k> {
        Attributor {
            kb,
            last_person: None,
            open: None,
            names: Vec::new(),
            recent: Vec::new(),
        }
    }

    fn reset(&mut self) {
        self.last_person = None;
        self.open = None;
        self.recent.clear();
    }

    /// People named in `text` (offset `base`), in order: KB persons, and capitalised
    /// names right next to a speech verb.
    fn people(&self, text: &str, base: usize) -> Vec<(usize, usize, Speaker)> {
        let mut out = Vec::new();
        if let Some(kb) = self.kb {
            for m in kb.find_mentions(text) {
                let persons: Vec<Record> = m
                    .records
                    .iter()
                    .filter_map(|&r| kb.record(r))
                    .filter(|r| matches!(r, Record::Entity(e) if e.kind == EntityKind::Person))
                    .collect();
                if let [Record::Entity(e)] = persons.as_slice() {
                    out.push((
                        base + m.start,
                        base + m.end,
                        Speaker {
                            id: Some(e.id.clone()),
                            name: e.name.clone(),
                        },
                    ));
                }
            }
        }
        let ws = norm::words(text);
        for w in &ws {
            if let Some((_, sp)) = self.names.iter().find(|(n, _)| *n == w.norm)
                && !out
                    .iter()
                    .any(|(s, e, _)| *s <= base + w.start && base + w.end <= *e)
            {
                out.push((base + w.start, base + w.end, sp.clone()));
            }
        }
        for (k, w) in ws.iter().enumerate() {
            let orig = &text[w.start..w.end];
            let cap = orig.chars().next().is_some_and(char::is_uppercase)
                && orig.chars().skip(1).any(char::is_lowercase)
                && !NOT_NAMES.contains(&orig);
            if !cap
                || out
                    .iter()
                    .any(|(s, e, _)| *s <= base + w.start && base + w.end <= *e)
            {
                continue;
            }
            let near = |j: Option<usize>| {
                j.and_then(|j| ws.get(j))
                    .is_some_and(|x| SPEECH.contains(&x.norm.as_str()))
            };
            if near(k.checked_sub(1)) || near(Some(k + 1)) {
                out.push((
                    base + w.start,
                    base + w.end,
                    Speaker {
                        id: None,
                        name: orig.to_string(),
                    },
                ));
            }
        }
        out.sort_by_key(|p| p.0);
        out
    }

    fn has_speech_cue(text: &str) -> bool {
        text.trim_end().ends_with(':')
            || norm::words(text)
                .iter()
                .any(|w| SPEECH.contains(&w.norm.as_str()))
    }

    fn has_pronoun_speech(text: &str) -> bool {
        let ws = norm::words(text);
        ws.windows(2).any(|p| {
            (PRONOUNS.contains(&p[0].norm.as_str()) && SPEECH.contains(&p[1].norm.as_str()))
                || (SPEECH.contains(&p[0].norm.as_str()) && PRONOUNS.contains(&p[1].norm.as_str()))
        })
    }

    /// The last person named in the recent paragraphs without quotations (for "he
    /// said" in a paragraph that names nobody).
    fn recent_person(&mut self, text: &str) -> Option<Speaker> {
        while let Some((s, e)) = self.recent.pop() {
            if let Some(p) = self.people(&text[s..e], s).pop() {
                self.recent.clear();
                self.last_person = Some(p.2.clone());
                return Some(p.2);
            }
        }
        None
    }

    /// Finds and attributes the quotations of the paragraph `text[s..e]`.
    fn paragraph(&mut self, text: &str, s: usize, e: usize) -> Vec<InnerQuote> {
        let para = &text[s..e];
        // Spans of quotations: (mark, start, end, open-ended).
        let mut spans: Vec<(usize, usize, usize, bool)> = Vec::new();
        let chars: Vec<(usize, char)> = para.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let (pos, c) = chars[k];
            let word_start = k == 0 || !chars[k - 1].1.is_alphanumeric();
            if is_open_mark(c) && (c != '"' || word_start) {
                let closes = closing_for(c);
                match chars[k + 1..].iter().position(|(_, d)| closes.contains(d)) {
                    Some(off) => {
                        let cp = chars[k + 1 + off].0;
                        spans.push((pos, pos + c.len_utf8(), cp, false));
                        k += off + 2;
                        continue;
                    }
                    None => {
                        spans.push((pos, pos + c.len_utf8(), para.len(), true));
                        break;
                    }
                }
            }
            k += 1;
        }
        let continues = self.open.take();
        if spans.is_empty() {
            // Only remembered; searched for names when a later "he said" needs one.
            if self.recent.len() == 3 {
                self.recent.remove(0);
            }
            self.recent.push((s, e));
            return Vec::new();
        }
        // Everyone named in the paragraph, once (absolute offsets).
        let people = self.people(para, s);
        let in_range = |lo: usize, hi: usize| -> Vec<&(usize, usize, Speaker)> {
            people
                .iter()
                .filter(|p| p.0 >= s + lo && p.1 <= s + hi)
                .collect()
        };
        let mut out = Vec::new();
        let mut prev_end = 0;
        for (idx, &(ms, qs, qe, open_ended)) in spans.iter().enumerate() {
            let words = norm::words(&para[qs..qe]).len();
            let before_lo = floor_char(para, ms.saturating_sub(240).max(prev_end)).min(ms);
            let before = &para[before_lo..ms];
            let after_hi = spans
                .get(idx + 1)
                .map_or(para.len(), |n| n.0)
                .min(ceil_char(para, (qe + 100).min(para.len())))
                .max(qe);
            let after = &para[qe..after_hi];
            let earlier_lo = prev_end.min(ms);
            let named_earlier = in_range(earlier_lo, ms);
            let speaker: Option<Option<Speaker>> = if idx == 0 && qs <= 3 && continues.is_some() {
                continues.clone()
            } else {
                let named_before = in_range(before_lo, ms);
                let named_after = in_range(qe, after_hi);
                if let Some(p) = named_after.first().filter(|_| Self::has_speech_cue(after)) {
                    Some(Some(p.2.clone()))
                } else if let Some(p) = named_before.last().filter(|_| Self::has_speech_cue(before))
                {
                    Some(Some(p.2.clone()))
                } else if Self::has_pronoun_speech(before) || Self::has_pronoun_speech(after) {
                    let who = match named_earlier.last() {
                        Some(p) => Some(p.2.clone()),
                        None => self
                            .last_person
                            .clone()
                            .or_else(|| self.recent_person(text)),
                    };
                    match who {
                        Some(w) => Some(Some(w)),
                        None if words >= 8 => Some(None),
                        None => None,
                    }
                } else if words >= 8 {
                    Some(None)
                } else {
                    None
                }
            };
            if let Some(p) = named_earlier.last() {
                self.last_person = Some(p.2.clone());
            }
            prev_end = qe;
            if let Some(sp) = speaker
                && words >= 3
            {
                if let Some(p) = &sp {
                    self.last_person = Some(p.clone());
                }
                out.push(InnerQuote {
                    start: s + qs,
                    end: s + qe,
                    speaker: sp.clone(),
                });
                if open_ended {
                    self.open = Some(sp);
                }
            }
        }
        // People named after the last quotation, for later pronouns.
        let tail_from = spans.last().map_or(0, |l| l.2.min(para.len()));
        if let Some(p) = in_range(tail_from, para.len()).last() {
            self.last_person = Some(p.2.clone());
        }
        self.recent.clear();
        out
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> WorkMeta {
        toml::from_str(
            r#"id = "w"
author = "someone"
author_name = "Some One"
title = "T"
date = "1919"
language = "en"
source = "x"
licence = "PD"
"#,
        )
        .unwrap()
    }

    #[test]
    fn headings_and_paragraph_numbers() {
        let text = "Chapter V\n\nPlunging Ahead\n\nFirst para\nwraps.\n\nSecond para.\n\nCHAPTER VI\n\nTHE NEXT PART\n\nThird.\n\nA DECREE\n\nFourth.\n";
        let ps = segment(text, &meta(), None);
        assert_eq!(ps.len(), 5);
        assert_eq!(ps[4].heading.as_deref(), Some("CHAPTER VI: THE NEXT PART"));
        assert_eq!(
            &text[ps[3].start..ps[3].end],
            "A DECREE",
            "a document title inside a chapter"
        );
        let caps = segment("INTRODUCTION\n\nOne.\n\nTHE STATE\n\nTwo.\n", &meta(), None);
        assert_eq!(caps[1].heading.as_deref(), Some("THE STATE"));
        assert_eq!(caps[1].number_in_section, 1);
        assert_eq!(ps[0].heading.as_deref(), Some("Chapter V: Plunging Ahead"));
        assert_eq!(&text[ps[0].start..ps[0].end], "First para\nwraps.");
        assert_eq!((ps[1].number, ps[1].number_in_section), (2, 2));
        assert_eq!(ps[2].heading.as_deref(), Some("CHAPTER VI: THE NEXT PART"));
        assert_eq!((ps[2].number, ps[2].number_in_section), (3, 1));
    }

    #[test]
    fn attributes_quotes_to_names_next_to_speech_verbs() {
        let text = "In France, Engels observed, the workers emerged with arms: \"therefore the disarming of the workers was the first commandment for the bourgeois.\"\n\nThe term \"Social-Democrat\" was wrong.\n";
        let ps = segment(text, &meta(), None);
        assert_eq!(ps[0].quotes.len(), 1);
        assert_eq!(ps[0].quotes[0].speaker.as_ref().unwrap().name, "Engels");
        assert!(ps[1].quotes.is_empty(), "a two-word term is the author's");
    }

    #[test]
    fn pronouns_and_continued_quotations() {
        let text = "Trotsky mounted the tribune. When it was quiet, he said, “We are the government of the workers and nobody else.\n\n“The people will decide the question of peace themselves,” he ended.\n";
        let kb = histlint_bundled::compiled().unwrap();
        let ps = segment(text, &meta(), Some(&kb));
        assert_eq!(ps[0].quotes.len(), 1);
        let who = |q: &InnerQuote| q.speaker.clone().unwrap().id;
        assert_eq!(who(&ps[0].quotes[0]).as_deref(), Some("trotsky"));
        assert_eq!(who(&ps[1].quotes[0]).as_deref(), Some("trotsky"));
    }

    #[test]
    fn same_person_by_id_or_last_name() {
        let a = Speaker {
            id: None,
            name: "Friedrich Engels".into(),
        };
        let b = Speaker {
            id: None,
            name: "Engels".into(),
        };
        assert!(a.same(&b));
        let l = Speaker {
            id: Some("lenin".into()),
            name: "Lenin".into(),
        };
        let t = Speaker {
            id: Some("trotsky".into()),
            name: "Trotsky".into(),
        };
        assert!(!l.same(&t));
    }
}
