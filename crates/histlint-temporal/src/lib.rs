//! # histlint-temporal
//!
//! Finds temporal expressions in text and normalises them: dates at their precision
//! ("25 October 1917 O.S.", "March 1921", "the 1920s", "the 5th century BC"), ranges
//! ("1918–21", "between March and May 1918"), seasons ("the spring of 1918"), durations
//! as people state them ("three and a half years" = 3.25–3.75 years), relative and
//! anaphoric expressions resolved against an anchor ("a year later", "the following
//! spring", "last winter"), times of day, recurring sets ("every spring"), and the
//! Old Style / New Style markers of Russian and British history.
//!
//! ```
//! use histlint_temporal::{extract, Lang, Value};
//! use histlint_time::HDate;
//!
//! let text = "On 25 October 1917 (O.S.) the cruiser fired. A year later the war was over.";
//! let anchor = HDate::parse_iso("1917-11-07").unwrap();
//! let found = extract(text, Lang::En, Some(&anchor));
//! assert_eq!(&text[found[0].start..found[0].end], "25 October 1917 (O.S.)");
//! assert_eq!(found[0].timex3, "1917-10-25");
//! assert_eq!(found[0].calendar, Some(histlint_time::Calendar::Julian));
//! assert_eq!(&text[found[1].start..found[1].end], "A year later");
//! assert_eq!(found[1].timex3, "1918");
//! ```
//!
//! ## How it works, and why
//!
//! One pass of a hand-written tokenizer (`token`) turns the text into tokens and looks
//! every word up in the language's lexicon (a perfect-enough open-addressing table keyed
//! by the lower-cased word packed into a `u128`). A hand-written grammar then tries its
//! rules only at tokens that can start a temporal expression (a number, or a word the
//! lexicon knows) and keeps the longest match there, leftmost first. Every rule looks at
//! a bounded number of tokens, so the whole is linear in the text, with no regular
//! expression engine, backtracking, or allocation except for the expressions found.
//! A regex over the whole lexicon would also be linear, but the context rules (is this
//! "May" a month? is this "1500" a year?) need token lookbehind and lookahead that
//! regexes express badly; and the lexicon lookup per word is cheaper than an automaton
//! state per byte.
//!
//! A language is a module with its own lexicon and grammar (`en`, `ru`); the tokenizer, the
//! value types, TIMEX3 rendering and anchor arithmetic ([`resolve`]) are shared.
//!
//! ## Conventions
//!
//! - Spans follow TIMEX3: a leading "the" of a date is inside ("the spring of 1918",
//!   "the 1920s"), a governing preposition is outside ("in 1917", "at dawn"), except
//!   where it carries the meaning: "since 1917" ([`Value::Since`]), "from 1905 to 1907"
//!   and "between March and May 1918" ([`Value::Range`]), "two days ago", "a year
//!   later" (counted from the anchor). An amount counted from an event the text names
//!   ("three weeks after the coup", "days into the talks") is only the amount: the
//!   signal word stays outside the span, as in TimeML.
//! - Calendars: a date without a stated calendar is an [`HDate`] in the Gregorian
//!   calendar with [`Timex::calendar`] `None`; one resolved against an anchor takes the
//!   anchor's calendar. A stated marker sets both.
//! - TIMEX3 values: `1917-10-25`, `1917-03`, `1917`, `191` (decade), `19` (the century
//!   1900–1999, i.e. "the 20th century"), `1918-SP`, `XXXX-10-25`, `XXXX-WXX-4`,
//!   `T14:30`, `TMO`, `P3Y6M`, `PT5H30M`, `PXD`, `PRESENT_REF`, `-0043` (44 BC); a range is
//!   `START/END` (ISO 8601 interval notation).
//! - "The winter of 1917" is `1917-WI` and stands for December 1916 to February 1918,
//!   which covers both readings (the winter that ends in 1917 and the one that begins in
//!   it), as a century covers both of its conventions in `histlint-time`.
//! - "The 1900s" is read as the century (1900–1999), which contains the decade reading.
//! - A calendar marker and a bracketed twin date are inside the span ("25 October 1917
//!   (O.S.)", "25 October (7 November) 1917"); a bracketed date that is not the same day
//!   in the other calendar is a date of its own ("9 November 1907 (29 April, New
//!   Style)" is two).
//! - Ranges are one expression ("from May 1850 to February 1932", "between 1905 and
//!   1907", "1918–21") unless the end is before the start ("between 1934 and 1872" is
//!   two years).
//! - Durations: sub-day units are `PT5H`, `PT30M`; "a year and a day" is `P1Y1D` (its
//!   [`Duration`] counted in days); "seven days and six nights" is `P7D`. A relative
//!   expression counted in units ("two days ago", "days into the talks") is a
//!   [`Value::Relative`] whose `amount` is the duration.
//! - "to this day" is [`Ref::Present`]; "last week" resolves to the ISO week
//!   (`1917-W44`); "the third quarter" is `1989-Q3`.
//! - A bare number is a year only with a cue (a preposition such as "in", "since", "by";
//!   "circa"; "the year"; an era; a determiner before an attributive year, "the 1917
//!   revolution"; a list of years; a caption line such as "VIENNA, 1913"), and never
//!   before a plural noun ("1500 soldiers"). "May", "March", "June", "August" and
//!   "April" are months only capitalised and with a day, a year or a cue.

use histlint_time::{Calendar, DayInterval, Duration, HDate, Unit, Weekday};
use serde::{Deserialize, Serialize};

mod amount;
mod en;
pub mod resolve;
mod ru;
mod timex3;
mod token;

/// A language of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    En,
    /// Russian.
    Ru,
}

/// The language of `text` by its letters: Russian when Cyrillic letters outnumber
/// Latin ones, else English.
pub fn detect_lang(text: &str) -> Lang {
    let (cyr, lat) = script_counts(text);
    if cyr > lat { Lang::Ru } else { Lang::En }
}

/// Cyrillic and Latin letters in `text`.
fn script_counts(text: &str) -> (usize, usize) {
    let (mut cyr, mut lat) = (0, 0);
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            lat += 1;
        } else if ('\u{400}'..='\u{4ff}').contains(&c) && c.is_alphabetic() {
            cyr += 1;
        }
    }
    (cyr, lat)
}

/// The language of one line of a text in `lang`: the other language only when its
/// script clearly dominates the line (at least twice the letters, and three or more).
fn line_lang(line: &str, lang: Lang) -> Lang {
    let (cyr, lat) = script_counts(line);
    match lang {
        Lang::En if cyr >= 3 && cyr >= 2 * lat => Lang::Ru,
        Lang::Ru if lat >= 3 && lat >= 2 * cyr => Lang::En,
        l => l,
    }
}

fn extract_lang(text: &str, lang: Lang, anchor: Option<&HDate>, out: &mut Vec<Timex>) {
    match lang {
        Lang::En => en::extract_into(text, anchor, out),
        Lang::Ru => ru::extract_into(text, anchor, out),
    }
}

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimexType {
    /// A calendar date or period: "25 October 1917", "the 1920s", "last year".
    Date,
    /// A time of day: "at 2 a.m.", "at dawn", "14:30", "that night".
    Time,
    /// An amount of time: "three and a half years", "a fortnight".
    Duration,
    /// Something that recurs: "every year", "each spring", "annually".
    Set,
}

/// The present, the past or the future, not further specified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ref {
    /// "now", "at present", "nowadays", "to this day" (`PRESENT_REF`).
    Present,
    /// "formerly", "in the past", "recently" (`PAST_REF`).
    Past,
    /// "in the future", "soon", "one day" said of what is to come (`FUTURE_REF`).
    Future,
}

/// A season of the (northern) year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    /// TIMEX3 code: `SP`, `SU`, `FA`, `WI`.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }

    /// First and last month (meteorological seasons: winter is December to February).
    pub fn months(self) -> (u8, u8) {
        match self {
            Season::Spring => (3, 5),
            Season::Summer => (6, 8),
            Season::Autumn => (9, 11),
            Season::Winter => (12, 2),
        }
    }
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DayPart {
    /// "morning", "dawn", "daybreak" (`MO`).
    Morning,
    /// "midday" when not a clock time (`MI`).
    Midday,
    /// `AF`
    Afternoon,
    /// "evening", "dusk", "sunset" (`EV`).
    Evening,
    /// `NI`
    Night,
    /// "daytime" (`DT`).
    Daytime,
}

impl DayPart {
    /// TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Midday => "MI",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
            DayPart::Daytime => "DT",
        }
    }
}

/// A time of day: a clock time, a part of the day, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeOfDay {
    /// 0-24 (24:00 is midnight at the end of the day, as TIMEX3 writes it).
    pub hour: Option<u8>,
    pub minute: Option<u8>,
    pub part: Option<DayPart>,
}

/// A date or time with some of its fields unknown, and no anchor to fill them in:
/// "25 October" (no year), "Thursday", "14:30", "dawn", "the twenties". When the date it
/// falls on is known ("that night" with an anchor, "the morning of 25 October 1917"),
/// `date` holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Partial {
    /// The day (or coarser date) this falls on, when known.
    pub date: Option<HDate>,
    /// Decade within an unknown century: "the twenties" = 2.
    pub decade: Option<u8>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub season: Option<Season>,
    pub weekday: Option<Weekday>,
    pub time: Option<TimeOfDay>,
}

/// What a temporal expression means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// An absolute date at its precision: year, month, day, decade, century.
    Date(HDate),
    /// From one date to another, both inclusive, at their own precisions: "1918–1921",
    /// "from March to May 1918", "between 1905 and 1907", "the spring of 1918"
    /// (1918-03..1918-05). The start is never after the end.
    Range(HDate, HDate),
    /// A stated amount of time, with its granularity and vagueness.
    Duration(Duration),
    /// A time counted from the anchor (or from an event the text names): "a year later",
    /// "two days ago", "last year", "the following spring", "days into the talks".
    ///
    /// `amount` is the stated amount ("two days"), `None` for calendar neighbours ("last
    /// year", "the next day"). `direction` is -1 before, +1 after, 0 the same. `unit` is
    /// the unit counted ("the following spring" counts years). `resolved` is the date or
    /// range (or, for a part of a day, a [`Value::Partial`] with its date) it comes to
    /// against the anchor; `None` without an anchor, or when the expression counts from
    /// an event ("three weeks after the coup").
    Relative {
        amount: Option<Duration>,
        direction: i8,
        unit: Unit,
        resolved: Option<Box<Value>>,
    },
    /// A start point: "since 1917", "since the spring", "since October".
    Since(Box<Value>),
    /// Present, past or future, unspecified.
    Ref(Ref),
    /// A date or time with unknown fields (see [`Partial`]).
    Partial(Partial),
    /// What recurs: "every year" is `Set(Duration(1 year))`, "each spring" is
    /// `Set(Partial { season })`, "every Sunday" is `Set(Partial { weekday })`.
    Set(Box<Value>),
}

impl Value {
    /// The days this value stands for, when it is (or resolves to) a date: a date or
    /// range, a resolved relative expression, the start of a "since", a partial whose
    /// date is known. `None` for durations, sets, references and unresolved values.
    pub fn interval(&self) -> Option<DayInterval> {
        match self {
            Value::Date(d) => d.interval().ok(),
            Value::Range(a, b) => Some(a.interval().ok()?.hull(&b.interval().ok()?)),
            Value::Relative { resolved, .. } => resolved.as_ref()?.interval(),
            Value::Since(v) => v.interval(),
            Value::Partial(p) => p.date?.interval().ok(),
            Value::Duration(_) | Value::Ref(_) | Value::Set(_) => None,
        }
    }
}

/// A temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte offset of the first byte (always a char boundary).
    pub start: usize,
    /// Byte offset just past the last byte (always a char boundary).
    pub end: usize,
    pub ttype: TimexType,
    pub value: Value,
    /// TIMEX3 value (see the crate documentation for the forms).
    pub timex3: String,
    /// The calendar, only when the text states it ("O.S.", "New Style", "(Julian)",
    /// "by the old calendar", or a pair like "25 October (7 November) 1917" whose two
    /// dates are the same day in the two calendars).
    pub calendar: Option<Calendar>,
    /// Approximate or modified: "the early 1930s", "circa 1850", "a few days", "about a
    /// year", an ambiguous order like "03/04/1917".
    pub vague: bool,
    /// For a range written with words ("from 1905 to 1907", "between March and May
    /// 1918"): the byte spans of its two ends, which TimeML annotates as two
    /// expressions. `None` otherwise.
    pub ends: Option<[(usize, usize); 2]>,
}

impl Value {
    /// The TIMEX3 `value` attribute of this value (`1917-10`, `P3Y6M`, `PAST_REF`, ...).
    pub fn timex3(&self) -> String {
        timex3::value(self)
    }
}

/// Finds the temporal expressions of `text` in `lang`, sorted by start, not overlapping
/// (at each position the longest expression wins). Relative and anaphoric expressions
/// resolve against `anchor` (the scene or document date) when one is given; without one
/// they stay unresolved and their TIMEX3 value has X's.
///
/// A text that mixes scripts is read line by line: a line whose letters are clearly
/// in the other language's script (e.g. a Russian line in an English file) is read in
/// that language, so `extract(text, detect_lang(text), ..)` works on mixed files.
pub fn extract(text: &str, lang: Lang, anchor: Option<&HDate>) -> Vec<Timex> {
    let mut out = Vec::new();
    let other_script = match lang {
        Lang::En => text.bytes().any(|b| b == 0xD0 || b == 0xD1),
        Lang::Ru => text.bytes().any(|b| b.is_ascii_alphabetic()),
    };
    if !other_script {
        extract_lang(text, lang, anchor, &mut out);
        return out;
    }
    // runs of consecutive lines in one language
    let mut run_start = 0;
    let mut run_lang = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let l = line_lang(line, lang);
        if run_lang.is_some_and(|r| r != l) {
            run(
                text,
                run_start,
                pos,
                run_lang.unwrap_or(lang),
                anchor,
                &mut out,
            );
            run_start = pos;
        }
        run_lang = Some(l);
        pos += line.len();
    }
    run(
        text,
        run_start,
        pos,
        run_lang.unwrap_or(lang),
        anchor,
        &mut out,
    );
    out
}

/// Extracts `text[a..b]` in `lang`, with offsets into `text`.
fn run(text: &str, a: usize, b: usize, lang: Lang, anchor: Option<&HDate>, out: &mut Vec<Timex>) {
    if a >= b {
        return;
    }
    let first = out.len();
    extract_lang(&text[a..b], lang, anchor, out);
    for t in &mut out[first..] {
        t.start += a;
        t.end += a;
    }
}

/// Splits long texts into segments (at line breaks, else at spaces) so that token
/// offsets fit `u32` and the token buffer stays small and hot in cache. Expressions do
/// not cross segment boundaries, which fall only where a line is longer than
/// `SEGMENT` bytes.
pub(crate) fn segments(text: &str) -> impl Iterator<Item = (usize, &str)> {
    const SEGMENT: usize = 1 << 16;
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        let rest = &text[start..];
        if rest.len() <= SEGMENT {
            pos = text.len();
            return Some((start, rest));
        }
        let bytes = rest.as_bytes();
        // the first line break after SEGMENT bytes, or within four times that a space
        let cut = bytes[SEGMENT..]
            .iter()
            .position(|&b| b == b'\n')
            .map(|k| SEGMENT + k + 1)
            .filter(|&k| k <= 4 * SEGMENT)
            .or_else(|| {
                bytes[SEGMENT..]
                    .iter()
                    .position(|&b| b == b' ')
                    .map(|k| SEGMENT + k + 1)
            })
            .unwrap_or(rest.len());
        pos = start + cut;
        Some((start, &rest[..cut]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cover_the_text() {
        let line = "word ".repeat(30_000);
        let text = format!("{line}\n{line}\n{}", "x".repeat(300_000));
        let segs: Vec<(usize, &str)> = segments(&text).collect();
        assert!(segs.len() >= 3);
        let mut pos = 0;
        for (start, s) in &segs {
            assert_eq!(*start, pos);
            pos += s.len();
        }
        assert_eq!(pos, text.len());
    }
}
