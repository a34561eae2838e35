//! The English grammar.
//!
//! [`extract_into`] tokenizes the text (segment by segment, see [`crate::segments`]) and
//! walks the tokens left to right. At a token that can start an expression (a number,
//! or a word whose lexicon entry is a month, weekday, season, number, unit, part of the
//! day, or a cue such as "since", "last", "every"), every rule that can begin there is
//! tried and the longest match wins; the walk then continues after it. Each rule reads
//! a bounded number of tokens forwards and at most three backwards (for cues such as
//! the preposition before a bare year), so the whole pass is linear.
//!
//! The rules live in three files: [`dates`] (absolute dates, ranges, calendar markers,
//! years, decades, centuries, seasons, months, weekdays), [`amounts`] (numbers,
//! durations, relative expressions counted in units, sets) and [`deictic`] (calendar
//! neighbours such as "last year", references such as "now", times of day).

mod amounts;
mod dates;
mod deictic;
mod holidays;
mod lexicon;
mod tense;

use crate::token::TokenView;
use std::cell::Cell;
use std::sync::OnceLock;

use histlint_time::{Calendar, HDate};

use crate::resolve::Pick;
use crate::token::{self, Kind, Tok};
use crate::{Partial, Timex, TimexType, Value};
use lexicon::{Kw, Lex, Table};

/// Appends the temporal expressions of `text` to `out`, sorted by start and not
/// overlapping.
pub(crate) fn extract_into(text: &str, anchor: Option<&HDate>, out: &mut Vec<Timex>) {
    let table = Table::get();
    let starts = starters();
    let mut toks = Vec::new();
    for (base, seg) in crate::segments(text) {
        token::tokenize(seg, table, &mut toks);
        let cx = Cx {
            text: seg,
            toks: &toks,
            table,
            starts,
            anchor,
            last: Cell::new((usize::MAX, false)),
            pick: Cell::new(Pick::Same),
            lean: Cell::new(None),
            quarter: Cell::new(None),
            reference: Cell::new(None),
        };
        let first = out.len();
        cx.scan(base, out);
        date_clock_times(text, anchor, out, first);
    }
}

/// The day a value falls on, when it is one day: "Friday" (resolved), "Nov. 9",
/// "yesterday".
fn day_of(v: &Value) -> Option<HDate> {
    let d = match v {
        Value::Date(d) => *d,
        Value::Partial(p) if p.time.is_none() => p.date?,
        Value::Relative {
            resolved: Some(r), ..
        } => return day_of(r),
        _ => return None,
    };
    d.precision.has_day().then_some(d)
}

/// Only a glue between a clock time and the day it falls on: blanks, a comma, a
/// time-zone abbreviation ("EST", "GMT"), and with `words` also "on" or "at".
fn glue(s: &str, words: bool) -> bool {
    s.len() <= 16
        && s.split(|c: char| c.is_whitespace() || c == ',').all(|w| {
            w.is_empty()
                || (words && (w.eq_ignore_ascii_case("on") || w.eq_ignore_ascii_case("at")))
                || (w.len() <= 4
                    && w.len() >= 2
                    && w.bytes().all(|b| b.is_ascii_uppercase())
                    && w.ends_with('T'))
        })
}

/// TIMEX3 dates a clock time by the day it falls on, value `YYYY-MM-DDTHH:MM`:
/// - a day right after it is one expression with it ("10 p.m. Friday", "noon
///   Thursday", "5 p.m. EST, Nov. 9");
/// - a day named next to it dates it ("Friday at 10 p.m.", "at 9 a.m. on Monday");
/// - else the anchor's day, when the anchor has one (a news story's "at 10:35 a.m."
///   is on its date).
///
/// Only times with an hour (not "in the morning") are dated. `out[first..]` are the
/// expressions of one segment.
fn date_clock_times(text: &str, anchor: Option<&HDate>, out: &mut Vec<Timex>, first: usize) {
    let mut k = first;
    while k < out.len() {
        let Value::Partial(p) = &out[k].value else {
            k += 1;
            continue;
        };
        let Some(t) = p.time else {
            k += 1;
            continue;
        };
        if t.hour.is_none()
            || p.date.is_some()
            || p.weekday.is_some()
            || p.month.is_some()
            || p.day.is_some()
        {
            k += 1;
            continue;
        }
        let (s, e) = (out[k].start, out[k].end);
        let near = |j: usize, words: bool| -> Option<HDate> {
            let n = out.get(j)?;
            let gap = if n.start >= e {
                &text[e..n.start]
            } else if n.end <= s {
                &text[n.end..s]
            } else {
                return None;
            };
            // a full date after "on" or "at" is a date of its own ("ended at 00:45 on
            // 6 October 1882")
            if glue(gap, words) && !(words && matches!(n.value, Value::Date(_))) {
                day_of(&n.value)
            } else {
                None
            }
        };
        let date = |day: HDate| Partial {
            date: Some(day),
            time: Some(t),
            ..Partial::default()
        };
        if let Some(day) = near(k + 1, false) {
            let q = date(day);
            let next = out.remove(k + 1);
            let m = &mut out[k];
            m.end = next.end;
            m.ttype = TimexType::Time;
            m.timex3 = crate::timex3::partial(&q);
            m.value = Value::Partial(q);
            m.calendar = m.calendar.or(next.calendar);
            k += 1;
            continue;
        }
        let day = near(k + 1, true)
            .or_else(|| {
                k.checked_sub(1)
                    .filter(|&j| j >= first)
                    .and_then(|j| near(j, true))
            })
            .or_else(|| anchor.and_then(crate::resolve::anchor_day));
        if let Some(day) = day {
            let q = date(day);
            out[k].timex3 = crate::timex3::partial(&q);
            out[k].value = Value::Partial(q);
        }
        k += 1;
    }
}

fn quarter_of(tx: &str) -> Option<(i64, u32)> {
    let (y, q) = tx.split_once("-Q")?;
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let q: u32 = q.parse().ok()?;
    (1..=4)
        .contains(&q)
        .then(|| (y.parse().ok(), q))
        .and_then(|(y, q)| Some((y?, q)))
}

/// For each lexicon id, whether a word with that entry can start an expression.
fn starters() -> &'static [bool] {
    static STARTS: OnceLock<Vec<bool>> = OnceLock::new();
    STARTS.get_or_init(|| {
        Table::get()
            .entries()
            .iter()
            .map(|e| {
                e.month > 0
                    || e.weekday > 0
                    || e.season > 0
                    || e.card.is_some()
                    || e.ord > 0
                    || e.unit != lexicon::U::None
                    || e.part != lexicon::P::None
                    || e.decade > 0
                    || e.holiday
                    || matches!(
                        e.kw,
                        Kw::The
                            | Kw::A
                            | Kw::At
                            | Kw::Since
                            | Kw::From
                            | Kw::Between
                            | Kw::Early
                            | Kw::Late
                            | Kw::Mid
                            | Kw::Circa
                            | Kw::C
                            | Kw::About
                            | Kw::Some
                            | Kw::Last
                            | Kw::Next
                            | Kw::This
                            | Kw::That
                            | Kw::Every
                            | Kw::Each
                            | Kw::Once
                            | Kw::Twice
                            | Kw::Thrice
                            | Kw::Half
                            | Kw::Quarter
                            | Kw::Few
                            | Kw::Several
                            | Kw::Many
                            | Kw::Couple
                            | Kw::Dozen
                            | Kw::Dozens
                            | Kw::Over
                            | Kw::More
                            | Kw::Less
                            | Kw::Almost
                            | Kw::Under
                            | Kw::Just
                            | Kw::Well
                            | Kw::Exactly
                            | Kw::Full
                            | Kw::Up
                            | Kw::Now
                            | Kw::Today
                            | Kw::Yesterday
                            | Kw::Tomorrow
                            | Kw::Tonight
                            | Kw::Nowadays
                            | Kw::Currently
                            | Kw::Formerly
                            | Kw::Recently
                            | Kw::Recent
                            | Kw::Current
                            | Kw::Soon
                            | Kw::Someday
                            | Kw::Annually
                            | Kw::Daily
                            | Kw::Weekly
                            | Kw::Monthly
                            | Kw::Nightly
                            | Kw::Hourly
                            | Kw::Fortnightly
                            | Kw::Ad
                            | Kw::To
                            | Kw::Coming
                            | Kw::These
                            | Kw::Then
                    )
            })
            .collect()
    })
}

/// A match of a rule: tokens `s..e` and what they mean.
#[derive(Debug, Clone)]
pub(super) struct M {
    pub s: usize,
    pub e: usize,
    pub ttype: TimexType,
    pub value: Value,
    /// TIMEX3 value when it says more than [`crate::timex3::value`] of `value`.
    pub timex3: Option<String>,
    pub calendar: Option<Calendar>,
    pub vague: bool,
    /// A year, or a date with a year: a following bare number after "and" or a comma
    /// continues the list ("in 1905, 1917 and 1921").
    pub yearish: bool,
    /// The token spans of a worded range's two ends ([`Timex::ends`]).
    pub ends: Option<[(usize, usize); 2]>,
}

impl M {
    pub(super) fn new(s: usize, e: usize, ttype: TimexType, value: Value) -> M {
        M {
            s,
            e,
            ttype,
            value,
            timex3: None,
            calendar: None,
            vague: false,
            yearish: false,
            ends: None,
        }
    }

    pub(super) fn date(s: usize, e: usize, d: HDate) -> M {
        let mut m = M::new(s, e, TimexType::Date, Value::Date(d));
        m.yearish = true;
        m
    }

    pub(super) fn with_timex(mut self, t: String) -> M {
        self.timex3 = Some(t);
        self
    }

    pub(super) fn vague_if(mut self, v: bool) -> M {
        self.vague |= v;
        self
    }
}

/// The grammar's view of one segment.
pub(super) struct Cx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub table: &'static Table,
    starts: &'static [bool],
    pub anchor: Option<&'a HDate>,
    /// Token index just past the last expression found, and whether it was a year or
    /// a date with one.
    pub last: Cell<(usize, bool)>,
    /// How a month or season without a year is placed around the anchor ("since
    /// October" takes the latest October begun).
    pub pick: Cell<Pick>,
    /// The tense around the token being matched ([`Cx::lean`]), once read.
    pub lean: Cell<Option<(usize, i8)>>,
    /// The last calendar quarter found (year, quarter, token just past it): "a year
    /// earlier" after it is the same quarter a year before.
    pub quarter: Cell<Option<(i64, u32, usize)>>,
    /// The last date the text named (with its year, or resolved to a day): the
    /// reference time of anaphoric expressions ("that year", "the following day"),
    /// which deictic ones ("last year", "tomorrow") do not use.
    pub reference: Cell<Option<HDate>>,
}

const EMPTY: Lex = Lex {
    kw: Kw::None,
    month: 0,
    mclass: 0,
    weekday: 0,
    wabbr: false,
    season: 0,
    season_ambiguous: false,
    card: None,
    ord: 0,
    unit: lexicon::U::None,
    plural: false,
    part: lexicon::P::None,
    decade: 0,
    holiday: false,
};

impl<'a> crate::token::TokenView<'a> for Cx<'a> {
    fn text(&self) -> &'a str {
        self.text
    }

    fn toks(&self) -> &'a [Tok] {
        self.toks
    }
}

impl<'a> Cx<'a> {
    fn scan(&self, base: usize, out: &mut Vec<Timex>) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if !self.starter(i) {
                i += 1;
                continue;
            }
            self.lean.set(None);
            match self.best(i) {
                Some(m) if m.s >= i && m.e > m.s && m.e <= n => {
                    let e = m.e;
                    self.last.set((e, m.yearish));
                    // the quarter in focus; a quarter of an earlier year ("a year
                    // earlier", "the year-ago quarter") is a comparison, not a new focus
                    if let Some(q) = m.timex3.as_deref().and_then(quarter_of)
                        && self.quarter.get().is_none_or(|(y, _, _)| q.0 >= y)
                    {
                        self.quarter.set(Some((q.0, q.1, e)));
                    }
                    if let Some(d) = crate::resolve::reference_of(&m.value, m.yearish) {
                        self.reference.set(Some(d));
                    }
                    out.push(self.timex(base, m));
                    i = e;
                }
                _ => i += 1,
            }
        }
    }

    fn timex(&self, base: usize, m: M) -> Timex {
        let start = base + self.toks[m.s].start as usize;
        let end = base + self.toks[m.e - 1].end as usize;
        let timex3 = m.timex3.unwrap_or_else(|| crate::timex3::value(&m.value));
        let span = |(s, e): (usize, usize)| {
            (
                base + self.toks[s].start as usize,
                base + self.toks[e - 1].end as usize,
            )
        };
        Timex {
            start,
            end,
            ttype: m.ttype,
            value: m.value,
            timex3,
            calendar: m.calendar,
            vague: m.vague,
            ends: m.ends.map(|[a, b]| [span(a), span(b)]),
        }
    }

    fn starter(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            Kind::Num => true,
            Kind::Word => t.lex != 0 && self.starts[usize::from(t.lex)],
            _ => false,
        }
    }

    /// The longest match of any rule starting at token `i`.
    pub(super) fn best(&self, i: usize) -> Option<M> {
        let mut best: Option<M> = None;
        let mut take = |m: Option<M>| {
            if let Some(m) = m
                && best.as_ref().is_none_or(|b| m.e > b.e)
            {
                best = Some(m);
            }
        };
        let t = self.toks.get(i)?;
        match t.kind {
            Kind::Num => {
                take(self.quarter_rule(i));
                take(self.date_rule(i));
                take(self.year_range(i));
                take(self.day_range(i));
                take(self.year_rule(i, false));
                take(self.decade_rule(i));
                take(self.period_rule(i));
                take(self.time_rule(i));
                take(self.duration_rule(i));
            }
            Kind::Word => {
                let l = self.lx(i);
                let kw = l.kw;
                if l.month > 0 {
                    take(self.month_rel_year(i));
                    take(self.date_rule(i));
                    take(self.month_range(i));
                    take(self.month_alone(i, false));
                }
                if l.weekday > 0 {
                    take(self.date_rule(i));
                    take(self.weekday_rule(i));
                }
                if l.season > 0 {
                    take(self.season_rule(i, false));
                }
                if l.card.is_some() || l.ord > 0 {
                    take(self.half_rule(i));
                    take(self.quarter_rule(i));
                    take(self.date_rule(i));
                    take(self.year_rule(i, false));
                    take(self.period_rule(i));
                    take(self.time_rule(i));
                    take(self.duration_rule(i));
                }
                if l.unit != lexicon::U::None {
                    take(self.year_end_rule(i));
                    take(self.year_ago_rule(i));
                    take(self.duration_rule(i));
                }
                if l.part != lexicon::P::None {
                    take(self.part_rule(i));
                }
                if l.holiday {
                    take(self.holiday_rule(i));
                }
                match kw {
                    Kw::The => {
                        take(self.half_rule(i));
                        take(self.weekend_rule(i));
                        take(self.year_ago_rule(i));
                        take(self.quarter_rule(i));
                        take(self.date_rule(i));
                        take(self.period_rule(i));
                        take(self.season_rule(i, false));
                        take(self.modified_rule(i));
                        take(self.neighbour_rule(i));
                        take(self.duration_rule(i));
                        take(self.part_rule(i));
                        take(self.ref_rule(i));
                    }
                    Kw::Early | Kw::Late | Kw::Mid => {
                        take(self.period_rule(i));
                        take(self.season_rule(i, false));
                        take(self.modified_rule(i));
                    }
                    Kw::Since => take(self.since_rule(i)),
                    Kw::From | Kw::Between => take(self.span_range(i)),
                    Kw::Circa | Kw::C => {
                        take(self.modified_rule(i));
                        take(self.duration_rule(i));
                    }
                    Kw::Last | Kw::Next | Kw::This | Kw::That => {
                        take(self.weekend_rule(i));
                        take(self.holiday_rule(i));
                        take(self.quarter_rule(i));
                        take(self.neighbour_rule(i));
                        take(self.duration_rule(i));
                    }
                    Kw::Every
                    | Kw::Each
                    | Kw::Once
                    | Kw::Twice
                    | Kw::Thrice
                    | Kw::Annually
                    | Kw::Daily
                    | Kw::Weekly
                    | Kw::Monthly
                    | Kw::Nightly
                    | Kw::Hourly
                    | Kw::Fortnightly => take(self.set_rule(i)),
                    Kw::Now
                    | Kw::Nowadays
                    | Kw::Currently
                    | Kw::Formerly
                    | Kw::Recently
                    | Kw::Recent
                    | Kw::Current
                    | Kw::Soon
                    | Kw::Someday
                    | Kw::At => {
                        take(self.ref_rule(i));
                        take(self.duration_rule(i));
                    }
                    Kw::To | Kw::These => take(self.ref_rule(i)),
                    Kw::Then => take(self.then_rule(i)),
                    Kw::Today | Kw::Yesterday | Kw::Tomorrow | Kw::Tonight => {
                        take(self.neighbour_rule(i))
                    }
                    Kw::Half | Kw::Quarter => {
                        take(self.time_rule(i));
                        take(self.duration_rule(i));
                    }
                    Kw::Ad => take(self.year_rule(i, false)),
                    Kw::A => {
                        take(self.ref_rule(i));
                        take(self.year_ago_rule(i));
                        take(self.year_rule(i, false));
                        take(self.time_rule(i));
                        take(self.duration_rule(i));
                    }
                    Kw::None => {}
                    _ => take(self.duration_rule(i)),
                }
            }
            _ => {}
        }
        best
    }

    // ---- token access ------------------------------------------------------------

    /// The lexicon entry of token `i` (the empty entry for anything but a known word).
    pub(super) fn lx(&self, i: usize) -> &Lex {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word && t.lex != 0 => self.table.entry(t.lex),
            _ => &EMPTY,
        }
    }

    pub(super) fn kw(&self, i: usize) -> Kw {
        self.lx(i).kw
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Token `i` is the word `w` (ASCII, any case).
    pub(super) fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.txt(i).eq_ignore_ascii_case(w)
    }

    /// Token `j` ends a clause: punctuation, a line break or the end.
    pub(super) fn clause_end(&self, j: usize) -> bool {
        if self.line_end(j) {
            return true;
        }
        let t = &self.toks[j];
        t.kind == Kind::Punct
            && matches!(
                char::from_u32(t.num).unwrap_or(' '),
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | ')'
                    | '"'
                    | '\u{201d}'
                    | '\u{2014}'
                    | '\u{2013}'
            )
    }

    /// Token `i` begins a sentence: the first on its line, or after `.`, `!`, `?`
    /// (and an opening quote).
    pub(super) fn sentence_start(&self, i: usize) -> bool {
        if self.line_start(i) {
            return true;
        }
        let mut p = i - 1;
        if (self.punct(p, '"') || self.punct(p, '\u{201c}')) && !self.line_start(p) {
            p -= 1;
        } else if self.punct(p, '"') || self.punct(p, '\u{201c}') {
            return true;
        }
        self.punct(p, '.') || self.punct(p, '!') || self.punct(p, '?') || self.punct(p, ':')
    }

    /// A lower-case word that looks like a plural noun ("soldiers"): a number before
    /// it is a count, not a year.
    pub(super) fn plural_like(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if t.kind != Kind::Word || t.has(token::CAP) {
            return false;
        }
        let l = self.lx(i);
        if l.kw == Kw::CountNoun {
            return true;
        }
        if t.lex != 0 {
            return false;
        }
        let w = self.txt(i).as_bytes();
        w.len() >= 3
            && w[w.len() - 1] == b's'
            && !matches!(&w[w.len() - 2..], b"ss" | b"us" | b"is")
    }

    /// Tokens between the last expression found and `i` are only list separators
    /// (`,`, `and`, `or`, `&`, `to`, a dash), and that expression was a year or a date.
    pub(super) fn continues_list(&self, i: usize) -> bool {
        let (end, yearish) = self.last.get();
        if !yearish || end == usize::MAX || end > i || i - end > 2 {
            return false;
        }
        (end..i).all(|k| {
            self.punct(k, ',')
                || self.punct(k, '&')
                || self.dash(k)
                || matches!(self.kw(k), Kw::And | Kw::Or | Kw::To)
        })
    }
}

#[cfg(test)]
mod tests;
