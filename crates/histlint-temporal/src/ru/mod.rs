//! The Russian grammar.
//!
//! Built as the English one ([`crate::en`]): [`extract_into`] tokenizes the text
//! segment by segment and walks the tokens left to right; at a token that can start an
//! expression (a number, a Roman numeral, or a word whose lexicon entry is a month,
//! weekday, season, numeral, unit or cue) every rule that can begin there is tried and
//! the longest match wins. Every rule reads a bounded number of tokens, so the pass is
//! linear.
//!
//! Russian inflects: the lexicon ([`lexicon`]) lists every case form, so the grammar
//! asks for roles ("a month", "a year unit", "a plural unit") and not for word forms.
//! Conventions follow the crate's: a governing preposition is outside the span ("в
//! 1917 году" is "1917 году"), except where it carries the meaning: "с 1917 года"
//! (since), "с 1905 по 1907 год" and "между 1905 и 1907 годами" (ranges), "через два
//! дня", "спустя год".
//!
//! The rules live in three files: [`dates`] (dates, years, ranges, decades, centuries,
//! seasons, months, weekdays, calendar markers), [`amounts`] (numerals, durations,
//! relative expressions counted in units, sets) and [`deictic`] (calendar neighbours
//! such as "в прошлом году", "вчера", references such as "сейчас", "с …").

mod amounts;
mod dates;
mod deictic;
mod holidays;
mod lexicon;

#[cfg(test)]
mod tests;

use crate::token::TokenView;
use std::cell::Cell;
use std::sync::OnceLock;

use histlint_time::{Calendar, HDate};

use crate::resolve::Pick;
use crate::token::{self, Kind, Tok};
use crate::{Timex, TimexType, Value};
use lexicon::{Kw, Lex, Table, U};

/// Appends the temporal expressions of Russian `text` to `out`, sorted by start and
/// not overlapping.
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
            pick: Cell::new(Pick::Same),
            reference: Cell::new(None),
        };
        cx.scan(base, out);
    }
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
                    || e.holiday > 0
                    || e.weekday > 0
                    || e.season > 0
                    || e.card.is_some()
                    || e.ord > 0
                    || e.unit != U::None
                    || !matches!(
                        e.kw,
                        Kw::None
                            | Kw::I
                            | Kw::Po
                            | Kw::Do
                            | Kw::K
                            | Kw::V
                            | Kw::Zhe
                            | Kw::G
                            | Kw::GG
                            | Kw::VV
                            | Kw::N
                            | Kw::E
                            | Kw::Era
                            | Kw::Ending
                            | Kw::Style
                            | Kw::Old
                            | Kw::New
                            | Kw::Calendar
                            | Kw::Julian
                            | Kw::Gregorian
                            | Kw::CountNoun
                            | Kw::Half
                            | Kw::Later
                            | Kw::Ago
                            | Kw::Earlier
                            | Kw::Tomu
                            | Kw::Time
                            | Kw::Za
                            | Kw::Posle
                            | Kw::Ne
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
        }
    }

    pub(super) fn date(s: usize, e: usize, d: HDate) -> M {
        M::new(s, e, TimexType::Date, Value::Date(d))
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
    /// How a month or season without a year is placed around the anchor ("с октября"
    /// takes the latest October begun).
    pub pick: Cell<Pick>,
    /// The last date the text named with its year, or resolved to a day: the reference
    /// time of anaphoric expressions ("в том же году", "на следующий день"), which
    /// deictic ones ("в прошлом году", "вчера") do not use.
    pub reference: Cell<Option<HDate>>,
}

static EMPTY: Lex = Lex {
    kw: Kw::None,
    month: 0,
    mabbr: false,
    weekday: 0,
    season: 0,
    season_adv: false,
    card: None,
    ord: 0,
    decade: 0,
    unit: U::None,
    plural: false,
    instr_pl: false,
    acc1: false,
    half: false,
    holiday: 0,
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
            match self.best(i) {
                Some(m) if m.s >= i && m.e > m.s && m.e <= n => {
                    let e = m.e;
                    // a date with its year written in digits names the reference time
                    let named = (m.s..m.e).any(|k| self.ndigits(k) >= 3);
                    if let Some(d) = crate::resolve::reference_of(&m.value, named) {
                        self.reference.set(Some(d));
                    }
                    out.push(self.timex(base, m));
                    i = e;
                }
                _ => i += 1,
            }
        }
    }

    /// What a relative expression counts from ([`crate::resolve::count_from`]).
    pub(super) fn base(&self, anaphoric: bool, unit: histlint_time::Unit) -> Option<HDate> {
        crate::resolve::count_from(self.reference.get(), self.anchor, anaphoric, unit)
    }

    fn timex(&self, base: usize, m: M) -> Timex {
        let start = base + self.toks[m.s].start as usize;
        let end = base + self.toks[m.e - 1].end as usize;
        let timex3 = m.timex3.unwrap_or_else(|| crate::timex3::value(&m.value));
        Timex {
            start,
            end,
            ttype: m.ttype,
            value: m.value,
            timex3,
            calendar: m.calendar,
            vague: m.vague,
            ends: None,
        }
    }

    fn starter(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            Kind::Num | Kind::Frac => true,
            Kind::Word => t.lex != 0 && self.starts[usize::from(t.lex)],
            Kind::Punct => false,
        }
    }

    /// The longest match of any rule starting at token `i`.
    pub(super) fn best(&self, i: usize) -> Option<M> {
        let mut best: Option<M> = None;
        let mut take = |m: Option<M>| {
            if let Some(m) = m
                && m.s == i
                && best.as_ref().is_none_or(|b| m.e > b.e)
            {
                best = Some(m);
            }
        };
        let t = self.toks.get(i)?;
        match t.kind {
            Kind::Num => {
                take(self.date_rule(i));
                take(self.year_range(i));
                take(self.year_rule(i));
                take(self.decade_rule(i));
                take(self.century_rule(i));
                take(self.duration_rule(i));
            }
            Kind::Word => {
                let l = *self.lx(i);
                if l.holiday > 0 {
                    take(self.holiday_rule(i));
                }
                if l.month > 0 {
                    take(self.date_rule(i));
                    take(self.month_alone(i));
                }
                if l.weekday > 0 {
                    take(self.date_rule(i));
                    take(self.weekday_rule(i));
                }
                if l.season > 0 {
                    take(self.season_rule(i));
                }
                if l.card.is_some() || l.ord > 0 {
                    take(self.date_rule(i));
                    take(self.year_rule(i));
                    take(self.decade_rule(i));
                    take(self.century_rule(i));
                    take(self.duration_rule(i));
                }
                if l.unit != U::None {
                    take(self.duration_rule(i));
                }
                match l.kw {
                    Kw::Roman => take(self.century_rule(i)),
                    Kw::Night => take(self.date_rule(i)),
                    Kw::S | Kw::Ot => {
                        take(self.span_range(i));
                        take(self.since_rule(i));
                    }
                    Kw::Mezhdu => take(self.span_range(i)),
                    Kw::Next | Kw::Last | Kw::This | Kw::That => {
                        take(self.neighbour_rule(i));
                        take(self.season_rule(i));
                        take(self.duration_rule(i));
                    }
                    Kw::Yesterday
                    | Kw::Today
                    | Kw::Tomorrow
                    | Kw::DayBeforeYesterday
                    | Kw::DayAfterTomorrow
                    | Kw::Eve => take(self.neighbour_rule(i)),
                    Kw::Now | Kw::Recently | Kw::Our | Kw::Future | Kw::Present => {
                        take(self.ref_rule(i))
                    }
                    Kw::Each | Kw::Every => take(self.set_rule(i)),
                    Kw::About => {
                        take(self.about_date(i));
                        take(self.duration_rule(i));
                    }
                    Kw::None => {}
                    _ => take(self.duration_rule(i)),
                }
            }
            Kind::Frac => {}
            Kind::Punct => {}
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

    /// The keyword of the token before `i` (none at the start).
    pub(super) fn prev_kw(&self, i: usize) -> Kw {
        if i == 0 { Kw::None } else { self.kw(i - 1) }
    }

    /// `k + 1` when token `k` is a dot right after the token before it, else `k`.
    pub(super) fn dot(&self, k: usize) -> usize {
        if self.punct(k, '.') && self.adj(k) {
            k + 1
        } else {
            k
        }
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
                    | '»'
                    | '\u{201d}'
                    | '\u{2014}'
                    | '\u{2013}'
            )
    }

    /// Token `i` begins a sentence: the first on its line, or after `.`, `!`, `?`,
    /// `:` (and an opening quote or dash).
    pub(super) fn sentence_start(&self, i: usize) -> bool {
        if self.line_start(i) {
            return true;
        }
        let mut p = i - 1;
        if self.punct(p, '«') || self.punct(p, '"') || self.dash(p) {
            if self.line_start(p) {
                return true;
            }
            p -= 1;
        }
        self.punct(p, '.') || self.punct(p, '!') || self.punct(p, '?') || self.punct(p, ':')
    }

    /// The number ending before `j` is not continued by `,5`, `.5` or `:30`.
    pub(super) fn num_ends(&self, j: usize) -> bool {
        !((self.punct(j, ',') || self.punct(j, '.') || self.punct(j, ':'))
            && self.adj(j)
            && self.adj(j + 1)
            && self.tok(j + 1).is_some_and(|t| t.kind == Kind::Num))
    }
}
