//! Annotating a cue: sentences and clauses with their mood, KB mentions (names,
//! light inflection, and events named by place and kind: "the sailors at Kiel
//! mutinied"), and temporal expressions.

use histlint_kb::{EntityKind, Record, normalize};
use histlint_temporal::{Timex, Value};
use histlint_time::{Calendar, Duration, HDate};

use crate::kbview::KbView;
use crate::lexicon::{self, Mood};

/// What a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Person,
    Place,
    Organisation,
    Work,
    Event,
}

/// A KB name found in a cue.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Byte span in the cue text.
    pub start: usize,
    pub end: usize,
    /// Candidate records (more than one: the name is ambiguous).
    pub records: Vec<(u32, Target)>,
    /// Index of the clause it is in.
    pub clause: usize,
    /// Found through a place and an event word rather than a name.
    pub via_kind: bool,
}

impl Mention {
    /// The record, when the name names exactly one record of the wanted kind.
    pub fn unique(&self, want: Target) -> Option<u32> {
        let mut it = self.records.iter().filter(|(_, t)| *t == want);
        let first = it.next()?;
        it.next().is_none().then_some(first.0)
    }
}

/// A date stated in a cue.
#[derive(Debug, Clone)]
pub struct DateExpr {
    pub start: usize,
    pub end: usize,
    /// The date (for a range, its first date).
    pub date: HDate,
    /// The last date of a range.
    pub until: Option<HDate>,
    /// The calendar the text states, if any.
    pub stated: Option<Calendar>,
    pub clause: usize,
}

/// A duration stated in a cue.
#[derive(Debug, Clone)]
pub struct DurationExpr {
    pub start: usize,
    pub end: usize,
    pub duration: Duration,
    /// "ten years ago": counted back from the scene's date.
    pub ago: bool,
    pub clause: usize,
}

/// A clause: a span of the cue text and how it speaks.
#[derive(Debug, Clone)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub mood: Mood,
    /// Normalised tokens with their byte spans.
    pub tokens: Vec<(usize, usize, String)>,
}

/// Everything found in one cue.
#[derive(Debug, Clone, Default)]
pub struct Annotated {
    pub clauses: Vec<Clause>,
    pub mentions: Vec<Mention>,
    pub dates: Vec<DateExpr>,
    pub durations: Vec<DurationExpr>,
}

impl Annotated {
    pub fn clause_of(&self, pos: usize) -> usize {
        self.clauses
            .iter()
            .position(|c| c.start <= pos && pos < c.end.max(c.start + 1))
            .unwrap_or(0)
    }

    /// Normalised words strictly between two byte offsets of the same clause.
    pub fn words_between(&self, a: usize, b: usize) -> Vec<&str> {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        self.clauses
            .iter()
            .flat_map(|c| c.tokens.iter())
            .filter(|(s, e, _)| *s >= lo && *e <= hi)
            .map(|(_, _, t)| t.as_str())
            .collect()
    }
}

const ABBREVIATIONS: &[&str] = &[
    "st", "mr", "mrs", "dr", "gen", "col", "capt", "lt", "no", "vol", "ch", "os", "ns", "o.s",
    "n.s", "s", "n", "o", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "c",
];

/// Splits text into clauses at sentence ends and at ";", ":", "—", " but ", ", and ".
fn clause_spans(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let boundary = match c {
            b'!' | b'?' | b';' => true,
            b'.' => {
                // Not after an abbreviation or an initial, not inside a number.
                let word_start = text[..i]
                    .char_indices()
                    .rfind(|&(_, ch)| !ch.is_alphanumeric() && ch != '.')
                    .map_or(0, |(p, ch)| p + ch.len_utf8());
                let word = text[word_start..i].to_lowercase();
                let next_is_digit = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                !(ABBREVIATIONS.contains(&word.as_str())
                    || next_is_digit
                    || (word.len() == 1 && word.chars().all(char::is_alphabetic)))
            }
            _ => false,
        };
        let em_dash = text[i..].starts_with('—') || text[i..].starts_with(" -- ");
        let conj = [", but ", ", and ", ", while ", ", yet "]
            .iter()
            .any(|p| text[i..].starts_with(p));
        if boundary || em_dash || conj {
            let end = if boundary { i + 1 } else { i };
            if end > start {
                out.push((start, end, c == b'?'));
            }
            // Past the whole character: an em dash is three bytes.
            start = i + text[i..].chars().next().map_or(1, char::len_utf8);
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    if start < text.len() {
        out.push((start, text.len(), text.trim_end().ends_with('?')));
    }
    if out.is_empty() {
        out.push((0, text.len(), false));
    }
    out
}

/// Annotates one cue's text. `anchor` is the scene date, for relative expressions;
/// `lang` the language (`None`: detected from the text).
pub fn annotate(
    text: &str,
    kb: &KbView,
    anchor: Option<&HDate>,
    lang: Option<histlint_temporal::Lang>,
) -> Annotated {
    let mut ann = Annotated::default();
    // Temporal expressions first: their words must not count as mood words ("in May").
    // Unless given, the language is detected per cue, so a file that mixes languages
    // works (and within a cue, a line clearly in the other script is read in its own).
    let lang = lang.unwrap_or_else(|| histlint_temporal::detect_lang(text));
    let timexes: Vec<Timex> = histlint_temporal::extract(text, lang, anchor);
    let tokens = normalize::tokenize(text);
    for (start, end, question) in clause_spans(text) {
        let toks: Vec<(usize, usize, String)> = tokens
            .iter()
            .filter(|t| t.start >= start && t.end <= end)
            .map(|t| (t.start, t.end, t.norm.clone()))
            .collect();
        let mood_words: Vec<&str> = toks
            .iter()
            .filter(|(s, e, _)| !timexes.iter().any(|x| x.start <= *s && *e <= x.end))
            .map(|(_, _, t)| t.as_str())
            .collect();
        let mut mood = lexicon::mood(&mood_words, question);
        // A clause split off at ", and" / ", but" with no verb of its own shares the
        // mood of the clause it continues: "I will read the Decree on Peace, and the
        // Land Decree after it."
        if let Some(prev) = ann.clauses.last()
            && text[prev.end..start]
                .trim_matches(|c: char| c == ',' || c.is_whitespace())
                .is_empty()
            && !mood_words.iter().any(|w| lexicon::is_finite_verb(w))
            && mood == Mood::Asserted
            && !text[prev.start..prev.end]
                .trim_end()
                .ends_with(['.', '!', '?', ';'])
        {
            mood = prev.mood;
        }
        ann.clauses.push(Clause {
            start,
            end,
            mood,
            tokens: toks,
        });
    }
    for t in &timexes {
        let clause = ann.clause_of(t.start);
        match &t.value {
            Value::Date(d) => ann.dates.push(DateExpr {
                start: t.start,
                end: t.end,
                date: *d,
                until: None,
                stated: t.calendar,
                clause,
            }),
            Value::Range(a, b) => ann.dates.push(DateExpr {
                start: t.start,
                end: t.end,
                date: *a,
                until: Some(*b),
                stated: t.calendar,
                clause,
            }),
            Value::Duration(d) => ann.durations.push(DurationExpr {
                start: t.start,
                end: t.end,
                duration: *d,
                ago: false,
                clause,
            }),
            // "ten years ago": an amount of time back from now.
            Value::Relative {
                amount: Some(d),
                direction: -1,
                ..
            } => ann.durations.push(DurationExpr {
                start: t.start,
                end: t.end,
                duration: *d,
                ago: true,
                clause,
            }),
            _ => {}
        }
    }
    // Names.
    for m in kb.kb.find_mentions_with(text, lexicon::base_forms) {
        let mut records = Vec::new();
        for r in m.records {
            let Some(rec) = kb.get(r) else { continue };
            let target = match &rec.value {
                Record::Entity(e) => match e.kind {
                    EntityKind::Person => Target::Person,
                    EntityKind::Place => Target::Place,
                    EntityKind::Organisation => Target::Organisation,
                    EntityKind::Work => Target::Work,
                },
                Record::Event(_) => Target::Event,
                _ => continue,
            };
            records.push((r, target));
        }
        if records.is_empty() {
            continue;
        }
        // A name inside a date expression ("May" the person in "in May 1918") is not a mention.
        if timexes.iter().any(|x| x.start <= m.start && m.end <= x.end) {
            continue;
        }
        let clause = ann.clause_of(m.start);
        ann.mentions.push(Mention {
            start: m.start,
            end: m.end,
            records,
            clause,
            via_kind: false,
        });
    }
    // Events named by a place and an event word in the same clause.
    let mut extra = Vec::new();
    for m in &ann.mentions {
        let Some(place) = m.unique(Target::Place) else {
            continue;
        };
        let clause = &ann.clauses[m.clause];
        let words: Vec<(usize, usize, String)> = clause
            .tokens
            .iter()
            .flat_map(|(s, e, t)| lexicon::base_forms(t).into_iter().map(move |b| (*s, *e, b)))
            .chain(clause.tokens.iter().cloned())
            .collect();
        let place_id = kb
            .get(place)
            .and_then(|r| r.value.id().map(str::to_string))
            .unwrap_or_default();
        let mut found: Vec<(u32, usize, usize)> = Vec::new();
        for (ev_i, ev) in kb.linked(place) {
            let Record::Event(e) = &ev.value else {
                continue;
            };
            if e.place.as_deref() != Some(place_id.as_str()) {
                continue;
            }
            let Some(kind) = e.subkind.as_deref() else {
                continue;
            };
            let kind_words = lexicon::kind_words(&kind.to_lowercase());
            if let Some((s, end, _)) = words
                .iter()
                .find(|(_, _, w)| kind_words.contains(&w.as_str()))
            {
                found.push((ev_i, *s, *end));
            }
        }
        found.sort_unstable();
        found.dedup_by_key(|f| f.0);
        if found.len() == 1 {
            let (ev, s, e) = found[0];
            let already = ann
                .mentions
                .iter()
                .any(|x| x.records.iter().any(|(r, _)| *r == ev));
            if !already {
                extra.push(Mention {
                    start: m.start.min(s),
                    end: m.end.max(e),
                    records: vec![(ev, Target::Event)],
                    clause: m.clause,
                    via_kind: true,
                });
            }
        }
    }
    ann.mentions.extend(extra);
    ann.mentions.sort_by_key(|m| (m.start, m.end));
    ann
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a full stop after a multi-byte non-letter (mojibake of a Cyrillic
    /// line, `»`) and an em dash used to cut clauses inside a character and panic.
    #[test]
    fn clauses_on_multibyte_punctuation() {
        for text in [
            "Ð¢Ñ€Ð¾Ñ†ÐºÐ¸Ð¹: ÐšÑ€Ð¾Ð½ÑˆÑ‚Ð°Ð´Ñ‚ÑÐºÐ¸Ð¹ Ð¼ÑÑ‚ÐµÐ¶ Ð½Ð°Ñ Ð½Ð°ÑƒÑ‡Ð¸Ð».",
            "«Мир»… and peace». Then—war—and «land».",
            "—",
            "a—b",
        ] {
            let spans = clause_spans(text);
            for (s, e, _) in &spans {
                assert!(
                    text.is_char_boundary(*s) && text.is_char_boundary(*e),
                    "{text:?}: {s}..{e}"
                );
                assert!(s <= e);
            }
        }
        let text = "Then—war";
        let spans: Vec<&str> = clause_spans(text)
            .iter()
            .map(|(s, e, _)| &text[*s..*e])
            .collect();
        assert_eq!(spans, ["Then", "war"]);
    }

    #[test]
    fn clauses() {
        let c = clause_spans(
            "The revolution will come, but Kiel has risen. Has it? On 25 Oct. 1917 O.S. we rose",
        );
        let texts: Vec<&str> = c.iter().map(|(s, e, _)| &"The revolution will come, but Kiel has risen. Has it? On 25 Oct. 1917 O.S. we rose"[*s..*e]).collect();
        assert_eq!(
            texts,
            [
                "The revolution will come",
                " but Kiel has risen.",
                " Has it?",
                " On 25 Oct. 1917 O.S. we rose"
            ]
        );
        assert!(c[2].2);
    }
}
