//! Absolute dates and the periods named by the calendar: full dates in their common
//! orders, month and year, bare years (only with a cue), ranges, decades, centuries,
//! seasons, months and weekdays, and the Old Style / New Style markers.

use crate::token::TokenView;
use histlint_time::{Calendar, Day, HDate, Precision, Weekday};

use super::lexicon::{Kw, MONTH_ABBR, MONTH_AMBIGUOUS, U};
use super::{Cx, M};
use crate::resolve::{self, Pick};
use crate::token::{Kind, Suffix, UPPER};
use crate::{Partial, Season, TimexType, Value};

/// A date as written: year, month and day where given (0 = not given).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct DL {
    pub y: Option<i64>,
    pub m: u8,
    pub d: u8,
    /// The order of day and month is a guess ("03/04/1917").
    pub vague: bool,
}

pub(super) fn season_of(code: u8) -> Season {
    match code {
        1 => Season::Spring,
        2 => Season::Summer,
        3 => Season::Autumn,
        _ => Season::Winter,
    }
}

/// 1 = Monday … 7 = Sunday.
pub(super) fn weekday_of(n: u8) -> Weekday {
    Weekday::ALL[usize::from(n.clamp(1, 7) - 1)]
}

/// The longest a month can be in any year.
fn max_days(m: u8) -> u8 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `1917-SP`, `-0043-WI`.
pub(super) fn season_timex(year: i64, s: Season) -> String {
    format!("{}-{}", histlint_time::date::format_year(year), s.code())
}

impl Cx<'_> {
    // ---- pieces --------------------------------------------------------------------

    /// A month name at `i` that is one here: "May" and "March" only capitalised,
    /// "Oct" only with a dot or a number after it (or a day before it).
    pub(super) fn month_at(&self, i: usize, after_day: bool) -> Option<(u8, usize)> {
        let l = self.lx(i);
        if l.month == 0 {
            return None;
        }
        match l.mclass {
            MONTH_AMBIGUOUS if !self.cap(i) => return None,
            MONTH_ABBR => {
                if !self.cap(i) && !after_day {
                    return None;
                }
                if self.punct(i + 1, '.') && self.adj(i + 1) {
                    return Some((l.month, i + 2));
                }
                if !after_day && self.plain(i + 1, 4).is_none() {
                    return None;
                }
            }
            _ => {}
        }
        Some((l.month, i + 1))
    }

    /// A day of the month in digits: `25`, `25th`.
    pub(super) fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num
            || t.ndigits > 2
            || !matches!(t.suffix, Suffix::None | Suffix::Ord)
            || !(1..=31).contains(&t.num)
        {
            return None;
        }
        if t.suffix == Suffix::None && !self.num_ends(i + 1) {
            return None;
        }
        Some((t.num, i + 1))
    }

    /// An ordinal: `25th`, `fifth`, `twenty-fifth`, `twenty fifth`.
    pub(super) fn ord_num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num {
            return (t.suffix == Suffix::Ord && t.num > 0).then_some((t.num, i + 1));
        }
        let l = self.lx(i);
        if l.ord > 0 {
            return Some((u32::from(l.ord), i + 1));
        }
        if let Some(c) = l.card
            && (20..100).contains(&c)
            && c % 10 == 0
        {
            let c = u32::from(c);
            if self.hyphen_joins(i + 1) && (1..=9).contains(&self.lx(i + 2).ord) {
                return Some((c + u32::from(self.lx(i + 2).ord), i + 3));
            }
            if (1..=9).contains(&self.lx(i + 1).ord) {
                return Some((c + u32::from(self.lx(i + 1).ord), i + 2));
            }
        }
        None
    }

    /// The number ending before `j` is not continued by `,500`, `.5` or `:30`.
    pub(super) fn num_ends(&self, j: usize) -> bool {
        !((self.punct(j, ',') || self.punct(j, '.') || self.punct(j, ':'))
            && self.adj(j)
            && self.adj(j + 1)
            && self.tok(j + 1).is_some_and(|t| t.kind == Kind::Num))
    }

    /// An era after a year: `BC`, `B.C.`, `BCE`, `AD`, `A.D.`, `CE`. `true` for BC.
    pub(super) fn era_after(&self, j: usize) -> Option<(bool, usize)> {
        let l = self.lx(j);
        if l.kw == Kw::Bc {
            return Some((true, j + 1));
        }
        let upper = self.tok(j).is_some_and(|t| t.has(UPPER));
        if matches!(l.kw, Kw::Ad | Kw::Ce) && upper {
            return Some((false, j + 1));
        }
        // dotted: B.C., B.C.E., A.D., C.E.
        let dotted = |k: usize, a: &str, b: &str| {
            self.word_is(k, a)
                && self.punct(k + 1, '.')
                && self.adj(k + 1)
                && self.word_is(k + 2, b)
                && self.adj(k + 2)
        };
        let end = |k: usize| {
            if self.punct(k, '.') && self.adj(k) {
                k + 1
            } else {
                k
            }
        };
        if dotted(j, "b", "c") {
            let mut e = end(j + 3);
            if self.word_is(e, "e") && self.adj(e) {
                e = end(e + 1);
            }
            return Some((true, e));
        }
        if dotted(j, "a", "d") || dotted(j, "c", "e") {
            return Some((false, end(j + 3)));
        }
        None
    }

    /// `AD` or `A.D.` before a number at `i`: the index of the number.
    fn era_before(&self, i: usize) -> Option<usize> {
        if self.kw(i) == Kw::Ad && self.tok(i).is_some_and(|t| t.has(UPPER)) {
            return Some(i + 1);
        }
        if self.word_is(i, "a")
            && self.punct(i + 1, '.')
            && self.adj(i + 1)
            && self.word_is(i + 2, "d")
            && self.adj(i + 2)
            && self.punct(i + 3, '.')
            && self.adj(i + 3)
        {
            return Some(i + 4);
        }
        None
    }

    /// A year in digits: three or four digits, or any with an era (`44 BC`, `AD 9`).
    /// Returns the astronomical year, the end, and whether an era was written.
    pub(super) fn year_num(&self, i: usize) -> Option<(i64, usize, bool)> {
        if let Some(k) = self.era_before(i) {
            let n = self.plain(k, 4)?;
            if n == 0 || !self.num_ends(k + 1) {
                return None;
            }
            return Some((i64::from(n), k + 1, true));
        }
        if self.lx(i).card.is_some() {
            return self.year_words(i);
        }
        let n = self.plain(i, 4)?;
        if !self.num_ends(i + 1) || self.num_continues_back(i) {
            return None;
        }
        if let Some((bc, e)) = self.era_after(i + 1) {
            if n == 0 {
                return None;
            }
            let n = i64::from(n);
            return Some((if bc { 1 - n } else { n }, e, true));
        }
        (self.ndigits(i) >= 3 && n >= 100).then_some((i64::from(n), i + 1, false))
    }

    /// The number at `i` is the end of a longer one: `4,877`, `3.500`.
    fn num_continues_back(&self, i: usize) -> bool {
        i >= 2
            && (self.punct(i - 1, ',') || self.punct(i - 1, '.'))
            && self.adj(i)
            && self.adj(i - 1)
            && self.tok(i - 2).is_some_and(|t| t.kind == Kind::Num)
    }

    /// A year in words, as said aloud: "nineteen seventeen", "nineteen hundred and
    /// five", "nineteen oh five", "eighteen twelve".
    fn year_words(&self, i: usize) -> Option<(i64, usize, bool)> {
        let c = i64::from(self.lx(i).card?);
        if !(11..=19).contains(&c) {
            return None;
        }
        let j = i + 1;
        if c < 13 && self.kw(j) != Kw::Hundred {
            return None;
        }
        if self.kw(j) == Kw::Hundred {
            let mut e = j + 1;
            let mut y = c * 100;
            let a = if self.kw(e) == Kw::And { e + 1 } else { e };
            if let Some((v, e2)) = self.card_word(a)
                && v < 100.0
            {
                y += v as i64;
                e = e2;
            }
            return Some((y, e, false));
        }
        if (self.word_is(j, "oh") || self.word_is(j, "o"))
            && self.lx(j + 1).card.is_some_and(|d| (1..10).contains(&d))
        {
            return Some((c * 100 + i64::from(self.lx(j + 1).card?), j + 2, false));
        }
        let (v, e) = self.card_word(j)?;
        if !(10.0..100.0).contains(&v) || v.fract() != 0.0 {
            return None;
        }
        Some((c * 100 + v as i64, e, false))
    }

    /// What follows a number at `e` does not make it a count or a measure: "1500
    /// soldiers", "1917 men", "300 years", "50%".
    pub(super) fn after_year_ok(&self, e: usize) -> bool {
        let Some(t) = self.tok(e) else {
            return true;
        };
        match t.kind {
            Kind::Word => {
                let l = self.lx(e);
                !(l.unit != U::None
                    || matches!(l.kw, Kw::Per | Kw::Hundred | Kw::Thousand)
                    || ["million", "billion", "trillion"]
                        .iter()
                        .any(|w| self.word_is(e, w))
                    || self.plural_like(e))
            }
            Kind::Punct => {
                !(self.punct(e, '%')
                    || (self.punct(e, ':') && self.adj(e + 1) && self.ndigits(e + 1) > 0))
            }
            _ => true,
        }
    }

    /// A currency sign or a label ("No.", "page") before the number at `i`.
    pub(super) fn label_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = i - 1;
        if ["$", "£", "€", "#", "№", "+", "="]
            .iter()
            .any(|s| self.txt(p) == *s)
        {
            return true;
        }
        if self.kw(p) == Kw::NumberNoun {
            return true;
        }
        p > 0 && self.punct(p, '.') && self.kw(p - 1) == Kw::NumberNoun
    }

    /// A year may follow `,` on a caption line: the line begins with an upper-case
    /// word ("PETROGRAD, 1917", "BREST-LITOVSK, DECEMBER 1917").
    fn caption_line(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..8 {
            if self.line_start(k) {
                return self.tok(k).is_some_and(|t| t.has(UPPER));
            }
            if k == 0 {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// A determiner or possessive at `p`: "the", "a", "that", "its", "the company's".
    fn determiner_like(&self, p: usize) -> bool {
        matches!(self.kw(p), Kw::The | Kw::A | Kw::That | Kw::This | Kw::Func)
            || (self.word_is(p, "s")
                && self.adj(p)
                && p > 0
                && (self.punct(p - 1, '\'') || self.punct(p - 1, '\u{2019}')))
    }

    /// Whether a bare number at `i` (ending at `e`) reads as a year in its context.
    pub(super) fn year_cue(&self, i: usize, e: usize) -> bool {
        if self.lx(i).card.is_some() {
            // a year in words is its own cue
            return true;
        }
        let four = self.ndigits(i) == 4;
        if !four {
            // "in 800", "circa 350", but not "to 350", "from 144 million"
            let strong = i > 0
                && (matches!(
                    self.kw(i - 1),
                    Kw::In
                        | Kw::Since
                        | Kw::During
                        | Kw::Circa
                        | Kw::Until
                        | Kw::Before
                        | Kw::After
                        | Kw::Early
                        | Kw::Late
                        | Kw::Mid
                ) || (self.punct(i - 1, '.')
                    && i > 1
                    && matches!(self.kw(i - 2), Kw::C | Kw::Circa))
                    || (self.lx(i - 1).unit == U::Year && !self.lx(i - 1).plural));
            let next_ok = match self.tok(e) {
                None => true,
                Some(t) => t.kind != Kind::Word || self.cap(e) || self.lx(e).kw != Kw::None,
            };
            return strong && next_ok;
        }
        if i > 0 {
            let p = i - 1;
            match self.kw(p) {
                Kw::In
                | Kw::Of
                | Kw::Since
                | Kw::By
                | Kw::Until
                | Kw::From
                | Kw::To
                | Kw::Through
                | Kw::Throughout
                | Kw::Between
                | Kw::During
                | Kw::Before
                | Kw::After
                | Kw::Early
                | Kw::Late
                | Kw::Mid
                | Kw::Circa => return true,
                Kw::About | Kw::For | Kw::Into => return four,
                _ if self.determiner_like(p) => {
                    // "the 1917 revolution", "its 1990 invasion", "a 1971 Convention"
                    let v = self.plain(i, 4).unwrap_or(0);
                    let le = self.lx(e);
                    if (1000..=2100).contains(&v)
                        && self.is_word(e)
                        && le.unit == U::None
                        && le.month == 0
                        && !self.plural_like(e)
                        && (le.kw == Kw::None || self.cap(e))
                    {
                        return true;
                    }
                }
                _ => {}
            }
            if self.punct(p, '.')
                && p > 0
                && self.adj(p)
                && matches!(self.kw(p - 1), Kw::C | Kw::Circa)
            {
                return true;
            }
            if four && (self.word_is(p, "fiscal") || self.word_is(p, "due")) {
                return true;
            }
            // "his unsuccessful 1996 campaign", "predicting 1990 BellSouth earnings": a
            // number of a year's size before a singular noun is a year (counts take
            // plurals: "1500 soldiers")
            if four
                && self.is_word(p)
                && (1000..=2100).contains(&self.plain(i, 4).unwrap_or(0))
                && self.is_word(e)
                && !self.plural_like(e)
                && self.lx(e).unit == U::None
                && self.lx(e).month == 0
                && (self.lx(e).kw == Kw::None || self.cap(e))
                && self.txt(e).len() > 2
            {
                return true;
            }
            // "in both 1990 and 1991"
            if four && self.word_is(p, "both") && self.kw(e) == Kw::And {
                return true;
            }
            if self.hyphen_joins(p) && p > 0 && self.kw(p - 1) == Kw::Mid {
                return true;
            }
            let lp = self.lx(p);
            if (lp.unit == U::Year && !lp.plural && p > 0 && self.kw(p - 1) == Kw::The)
                || lp.season > 0
            {
                return true;
            }
            if self.continues_list(i) {
                return true;
            }
            if self.punct(p, '(') && (self.punct(e, ')') || self.dash(e)) {
                return true;
            }
            if self.punct(p, ',')
                && (self.line_end(e)
                    || ((self.punct(e, '.') || self.punct(e, ':')) && self.line_end(e + 1))
                    || self.caption_line(p))
            {
                return true;
            }
        }
        if self.line_start(i)
            && (self.line_end(e)
                || self.punct(e, '.')
                || self.punct(e, ':')
                || self.punct(e, ',')
                || self.dash(e))
        {
            return true;
        }
        four && self.sentence_start(i) && self.kw(e) == Kw::YearVerb
    }

    // ---- full dates ------------------------------------------------------------------

    /// A year (after an optional comma) completing a date at `k`.
    fn year_tail(&self, dl: DL, k: usize) -> (DL, usize) {
        let j = if self.punct(k, ',') { k + 1 } else { k };
        if let Some((y, e, _)) = self.year_num(j)
            && self.after_year_ok(e)
        {
            return (DL { y: Some(y), ..dl }, e);
        }
        (dl, k)
    }

    /// `25.10.1917`, `25/10/1917`, `1917-10-25`.
    fn numeric_date(&self, i: usize) -> Option<(DL, usize)> {
        let a = self.plain(i, 4)?;
        let na = self.ndigits(i);
        let sep = self.tok(i + 1)?;
        if sep.kind != Kind::Punct || !matches!(sep.num, 0x2d..=0x2f) || !self.adj(i + 1) {
            return None;
        }
        let sepc = sep.num;
        let b = self.plain(i + 2, 2)?;
        if !self.adj(i + 2)
            || !self
                .tok(i + 3)
                .is_some_and(|t| t.kind == Kind::Punct && t.num == sepc)
            || !self.adj(i + 3)
            || !self.adj(i + 4)
        {
            return None;
        }
        let c = self.plain(i + 4, 4)?;
        let nc = self.ndigits(i + 4);
        if self
            .tok(i + 5)
            .is_some_and(|t| t.kind == Kind::Punct && matches!(t.num, 0x2e | 0x2f | 0x2d | 0x3a))
            && self.adj(i + 5)
            && self.adj(i + 6)
            && self.tok(i + 6).is_some_and(|t| t.kind == Kind::Num)
        {
            return None;
        }
        let (y, m, d, vague) = if na == 4 && nc <= 2 {
            (a, b, c, false)
        } else if na <= 2 && nc == 4 {
            if sepc == 0x2f {
                if a > 12 {
                    (c, b, a, false)
                } else if b > 12 {
                    (c, a, b, false)
                } else {
                    (c, b, a, a != b)
                }
            } else {
                (c, b, a, false)
            }
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        Some((
            DL {
                y: Some(i64::from(y)),
                m: m as u8,
                d: d as u8,
                vague,
            },
            i + 5,
        ))
    }

    /// A date with a day or a month: every order, without weekday or marker.
    pub(super) fn date_core(&self, i: usize) -> Option<(DL, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num {
            if let Some(r) = self.numeric_date(i) {
                return Some(r);
            }
            let (d, mut k) = self.day_num(i)?;
            if self.kw(k) == Kw::Of {
                k += 1;
            }
            let (m, k) = self.month_at(k, true)?;
            if u32::from(max_days(m)) < d {
                return None;
            }
            return Some(self.year_tail(
                DL {
                    m,
                    d: d as u8,
                    ..DL::default()
                },
                k,
            ));
        }
        let the = self.kw(i) == Kw::The;
        let j = if the { i + 1 } else { i };
        if let Some((d, k)) = self
            .ord_num(j)
            .or_else(|| if the { self.day_num(j) } else { None })
        {
            if !(1..=31).contains(&d) || self.kw(k) != Kw::Of {
                return None;
            }
            let (m, k) = self.month_at(k + 1, true)?;
            if u32::from(max_days(m)) < d {
                return None;
            }
            return Some(self.year_tail(
                DL {
                    m,
                    d: d as u8,
                    ..DL::default()
                },
                k,
            ));
        }
        if the || self.lx(i).month == 0 {
            return None;
        }
        let (m, k) = self.month_at(i, false)?;
        // "May 5 soldiers" is a count; "the August 7 bombings" a date
        let strong = self.lx(i).mclass != MONTH_AMBIGUOUS;
        if let Some((d, k2)) = self.day_num(k)
            && u32::from(max_days(m)) >= d
            && (self.after_year_ok(k2) || (strong && self.plural_like(k2)))
            && self.lx(k2).month == 0
        {
            return Some(self.year_tail(
                DL {
                    m,
                    d: d as u8,
                    ..DL::default()
                },
                k2,
            ));
        }
        let mut k2 = k;
        if self.kw(k2) == Kw::Of || (self.punct(k2, ',') && self.ndigits(k2 + 1) == 4) {
            k2 += 1;
        }
        let (y, e, _) = self.year_num(k2)?;
        if !self.after_year_ok(e) {
            return None;
        }
        Some((
            DL {
                y: Some(y),
                m,
                ..DL::default()
            },
            e,
        ))
    }

    /// The value of a written date in `cal`; without a year, the anchor's year (or a
    /// [`Partial`] without anchor).
    pub(super) fn dl_value(&self, dl: DL, cal: Option<Calendar>) -> Option<Value> {
        if let Some(y) = dl.y {
            let c = cal.unwrap_or(Calendar::Gregorian);
            let d = if dl.d > 0 {
                HDate::ymd(c, y, dl.m, dl.d).ok()?
            } else if dl.m > 0 {
                HDate::ym(c, y, dl.m).ok()?
            } else {
                HDate::year(c, y)
            };
            return Some(Value::Date(d));
        }
        if dl.m == 0 || dl.d > max_days(dl.m) {
            return None;
        }
        if let Some(a) = self.anchor {
            let c = cal.unwrap_or(a.calendar);
            let resolved = if dl.d > 0 {
                HDate::ymd(c, a.year, dl.m, dl.d).ok()
            } else {
                resolve::month_around(a, dl.m, self.pick.get()).map(|mut h| {
                    h.calendar = c;
                    h
                })
            };
            if let Some(h) = resolved {
                return Some(Value::Date(h));
            }
        }
        Some(Value::Partial(Partial {
            month: Some(dl.m),
            day: (dl.d > 0).then_some(dl.d),
            ..Partial::default()
        }))
    }

    /// [`Cx::dl_value`] for a date standing alone at token `i` ("on Nov. 25", "in
    /// December"): without a year and without a cue that picks the occurrence, the one
    /// nearest the anchor day in the direction of the tense around it (TimeML practice),
    /// so "was rescued on Nov. 25" told in January is last year's.
    pub(super) fn dl_value_near(&self, dl: DL, cal: Option<Calendar>, i: usize) -> Option<Value> {
        if dl.y.is_none()
            && cal.is_none()
            && dl.m > 0
            && dl.d <= max_days(dl.m)
            && self.pick.get() == Pick::Same
            && let Some(a) = self.anchor
            && a.precision.has_month()
        {
            // without a tense cue, the past: news and narration tell of dates gone by
            let lean = match self.lean(i) {
                0 => -1,
                l => l,
            };
            let near = if dl.d > 0 {
                resolve::day_near(a, dl.m, dl.d, lean)
            } else {
                resolve::month_near(a, dl.m, lean)
            };
            if let Some(h) = near {
                return Some(Value::Date(h));
            }
        }
        self.dl_value(dl, cal)
    }

    /// A calendar marker at `k`, without brackets: `O.S.`, `N.S.`, `Old Style`,
    /// `old-style`, `Julian`, `by the old calendar`, `according to the New Style`.
    pub(super) fn marker_core(&self, k: usize) -> Option<(Calendar, usize)> {
        let o = self.word_is(k, "o");
        if (o || self.word_is(k, "n"))
            && self.punct(k + 1, '.')
            && self.adj(k + 1)
            && self.word_is(k + 2, "s")
            && self.adj(k + 2)
        {
            let mut e = k + 3;
            if self.punct(e, '.') && self.adj(e) {
                e += 1;
            }
            return Some((
                if o {
                    Calendar::Julian
                } else {
                    Calendar::Gregorian
                },
                e,
            ));
        }
        match self.txt(k) {
            "OS" => return Some((Calendar::Julian, k + 1)),
            "NS" => return Some((Calendar::Gregorian, k + 1)),
            _ => {}
        }
        let style_cal = |j: usize| match self.kw(j) {
            Kw::Old | Kw::Julian => Some(Calendar::Julian),
            Kw::New | Kw::Gregorian => Some(Calendar::Gregorian),
            _ => None,
        };
        let kk = self.kw(k);
        if matches!(kk, Kw::Old | Kw::New) {
            let mut j = k + 1;
            if self.hyphen_joins(j) {
                j += 1;
            }
            if matches!(self.kw(j), Kw::Style | Kw::Calendar) {
                return Some((style_cal(k)?, j + 1));
            }
            return None;
        }
        if matches!(kk, Kw::Julian | Kw::Gregorian) {
            let j = if matches!(self.kw(k + 1), Kw::Calendar | Kw::Style) {
                k + 2
            } else {
                k + 1
            };
            return Some((style_cal(k)?, j));
        }
        let j = match kk {
            Kw::By | Kw::In | Kw::On => k + 1,
            Kw::According if self.kw(k + 1) == Kw::To => k + 2,
            _ => return None,
        };
        if self.kw(j) != Kw::The {
            return None;
        }
        let cal = style_cal(j + 1)?;
        let mut e = j + 2;
        if self.hyphen_joins(e) {
            e += 1;
        }
        matches!(self.kw(e), Kw::Calendar | Kw::Style).then_some((cal, e + 1))
    }

    /// A calendar marker after a date at `e`, bracketed or after a comma.
    pub(super) fn marker(&self, e: usize) -> Option<(Calendar, usize)> {
        let (close, k) = if self.punct(e, '(') {
            (Some(')'), e + 1)
        } else if self.punct(e, '[') {
            (Some(']'), e + 1)
        } else if self.punct(e, ',') {
            (None, e + 1)
        } else {
            (None, e)
        };
        let (c, mut k) = self.marker_core(k)?;
        if let Some(cl) = close {
            if !self.punct(k, cl) {
                return None;
            }
            k += 1;
        }
        Some((c, k))
    }

    /// "25 October (7 November) 1917": a date followed by the same day in the other
    /// calendar, in brackets. Returns the first date's calendar, the first date with
    /// its year, and the end.
    fn pair(&self, dl: DL, e: usize) -> Option<(Calendar, DL, usize)> {
        if !self.punct(e, '(') {
            return None;
        }
        let (mut dl2, mut k) = self.date_core(e + 1)?;
        let mut cal2 = None;
        let mk = if self.punct(k, ',') { k + 1 } else { k };
        if let Some((c, k2)) = self.marker_core(mk) {
            cal2 = Some(c);
            k = k2;
        }
        if !self.punct(k, ')') {
            return None;
        }
        k += 1;
        let mut dl1 = dl;
        if dl1.y.is_none() && dl2.y.is_none() {
            if let Some((y, e3, _)) = self.year_num(k) {
                dl1.y = Some(y);
                k = e3;
            } else if let Some(a) = self.anchor {
                dl1.y = Some(a.year);
            }
        }
        dl1.y = dl1.y.or(dl2.y);
        dl2.y = dl2.y.or(dl1.y);
        if dl1.d == 0 || dl2.d == 0 {
            return None;
        }
        let day = |c: Calendar, x: &DL| Day::from_ymd(c, x.y?, x.m, x.d).ok();
        let (j1, g1) = (
            day(Calendar::Julian, &dl1)?,
            day(Calendar::Gregorian, &dl1)?,
        );
        let (j2, g2) = (day(Calendar::Julian, &dl2), day(Calendar::Gregorian, &dl2));
        let cal1 = if Some(j1) == g2 && cal2 != Some(Calendar::Julian) {
            Calendar::Julian
        } else if Some(g1) == j2 && cal2 != Some(Calendar::Gregorian) {
            Calendar::Gregorian
        } else {
            return None;
        };
        Some((cal1, dl1, k))
    }

    /// A full date, day and month, or month and year, with an optional weekday before
    /// and calendar marker after.
    pub(super) fn date_rule(&self, i: usize) -> Option<M> {
        let mut j = i;
        let l = self.lx(i);
        if l.weekday > 0 {
            if !self.weekday_ok(i) {
                return None;
            }
            j = i + 1;
            if self.punct(j, '.') && self.adj(j) {
                j += 1;
            }
            if self.punct(j, ',') {
                j += 1;
            }
        }
        let (mut dl, mut e) = self.date_core(j)?;
        let mut cal = None;
        if let Some((c, dl2, e2)) = self.pair(dl, e) {
            cal = Some(c);
            dl = dl2;
            e = e2;
        } else if let Some((c, e2)) = self.marker(e) {
            cal = Some(c);
            e = e2;
        }
        let value = self.dl_value_near(dl, cal, i)?;
        let mut m = M::new(i, e, TimexType::Date, value);
        m.calendar = cal;
        m.vague = dl.vague;
        m.yearish = true;
        Some(m)
    }

    // ---- years and ranges ------------------------------------------------------------

    /// A year: with an era anywhere, else only with a cue (`cued` when the caller has
    /// one, e.g. "circa").
    pub(super) fn year_rule(&self, i: usize, cued: bool) -> Option<M> {
        let (y, e, era) = self.year_num(i)?;
        // "fiscal 1989 sales": "fiscal" makes it a year whatever follows
        let fiscal = i > 0 && self.word_is(i - 1, "fiscal") && self.ndigits(i) == 4;
        if !(fiscal || self.after_year_ok(e)) || self.label_before(i) {
            return None;
        }
        if !era && !cued && !self.year_cue(i, e) {
            return None;
        }
        Some(M::date(i, e, HDate::year(Calendar::Gregorian, y)))
    }

    /// `1918-1921`, `1918–21`, `500–400 BC`.
    pub(super) fn year_range(&self, i: usize) -> Option<M> {
        let a = self.plain(i, 4)?;
        let na = self.ndigits(i);
        if na < 3 || a < 100 || self.label_before(i) {
            return None;
        }
        let j = i + 1;
        if !self.dash(j) || (self.punct(j, '-') && !(self.adj(j) && self.adj(j + 1))) {
            return None;
        }
        let b = self.plain(j + 1, 4)?;
        let nb = self.ndigits(j + 1);
        let mut e = j + 2;
        if !self.num_ends(e)
            || (self.dash(e) && self.adj(e) && self.tok(e + 1).is_some_and(|t| t.kind == Kind::Num))
        {
            return None;
        }
        let b = if nb == na {
            b
        } else if nb == 2 && na == 4 {
            a / 100 * 100 + b
        } else {
            return None;
        };
        let (mut y1, mut y2) = (i64::from(a), i64::from(b));
        let mut era = false;
        if let Some((bc, e2)) = self.era_after(e) {
            era = true;
            e = e2;
            if bc {
                y1 = 1 - y1;
                y2 = 1 - y2;
            }
        }
        if y2 <= y1 || y2 - y1 > 1000 || !self.after_year_ok(e) {
            return None;
        }
        if na < 4 && !era && !self.year_cue(i, e) {
            return None;
        }
        let mut m = M::new(
            i,
            e,
            TimexType::Date,
            Value::Range(
                HDate::year(Calendar::Gregorian, y1),
                HDate::year(Calendar::Gregorian, y2),
            ),
        );
        m.yearish = true;
        Some(m)
    }

    /// `25–27 October 1917`.
    pub(super) fn day_range(&self, i: usize) -> Option<M> {
        let (d1, j) = self.day_num(i)?;
        if !self.dash(j) {
            return None;
        }
        let (d2, k) = self.day_num(j + 1)?;
        let (m, k2) = self.month_at(k, true)?;
        if d1 >= d2 || d2 > u32::from(max_days(m)) {
            return None;
        }
        let (dl, mut e) = self.year_tail(
            DL {
                m,
                d: d2 as u8,
                ..DL::default()
            },
            k2,
        );
        let mut cal = None;
        if let Some((c, e2)) = self.marker(e) {
            cal = Some(c);
            e = e2;
        }
        let Value::Date(b) = self.dl_value(dl, cal)? else {
            return None;
        };
        let Value::Date(a) = self.dl_value(DL { d: d1 as u8, ..dl }, cal)? else {
            return None;
        };
        let mut r = M::new(i, e, TimexType::Date, Value::Range(a, b));
        r.calendar = cal;
        r.yearish = true;
        Some(r)
    }

    /// `March–May 1918`.
    pub(super) fn month_range(&self, i: usize) -> Option<M> {
        let (m1, j) = self.month_at(i, false)?;
        if !self.dash(j) {
            return None;
        }
        let (m2, k) = self.month_at(j + 1, false)?;
        if m1 >= m2 {
            return None;
        }
        let (dl, e) = self.year_tail(
            DL {
                m: m2,
                ..DL::default()
            },
            k,
        );
        let Value::Date(b) = self.dl_value(dl, None)? else {
            return None;
        };
        let Value::Date(a) = self.dl_value(DL { m: m1, ..dl }, None)? else {
            return None;
        };
        let mut r = M::new(i, e, TimexType::Date, Value::Range(a, b));
        r.yearish = true;
        Some(r)
    }

    /// One end of a range after "from" or "between": a date, a year, or (for the first
    /// end) a bare day ("from 1 to 5 May").
    fn range_part(&self, j: usize, first: bool) -> Option<(DL, usize)> {
        if let Some(r) = self.date_core(j) {
            return Some(r);
        }
        if let Some((y, e, _)) = self.year_num(j)
            && self.after_year_ok(e)
        {
            return Some((
                DL {
                    y: Some(y),
                    ..DL::default()
                },
                e,
            ));
        }
        if let Some((m, e)) = self.month_at(j, false) {
            return Some((DL { m, ..DL::default() }, e));
        }
        if first && let Some((d, e)) = self.day_num(j) {
            return Some((
                DL {
                    d: d as u8,
                    ..DL::default()
                },
                e,
            ));
        }
        None
    }

    /// "from 1905 to 1907", "between March and May 1918", "from 25 October to 7
    /// November 1917".
    pub(super) fn span_range(&self, i: usize) -> Option<M> {
        let k0 = self.kw(i);
        let (mut x, j) = self.range_part(i + 1, true)?;
        let conn = match k0 {
            Kw::From => matches!(self.kw(j), Kw::To | Kw::Until | Kw::Through) || self.dash(j),
            Kw::Between => self.kw(j) == Kw::And || self.dash(j),
            _ => false,
        };
        if !conn {
            return None;
        }
        let (mut y, mut k) = self.range_part(j + 1, false)?;
        let y_end = k;
        if x.m == 0 && x.d > 0 {
            if y.d == 0 {
                return None;
            }
            x.m = y.m;
        }
        if x.y.is_none() && (x.m <= y.m || y.y.is_none()) {
            x.y = y.y;
        }
        if y.y.is_none() {
            y.y = x.y;
        }
        let mut cal = None;
        if let Some((c, k2)) = self.marker(k) {
            cal = Some(c);
            k = k2;
        }
        let Value::Date(a) = self.dl_value(x, cal)? else {
            return None;
        };
        let Value::Date(b) = self.dl_value(y, cal)? else {
            return None;
        };
        let (ia, ib) = (a.interval().ok()?, b.interval().ok()?);
        if ia.start > ib.end {
            return None;
        }
        let mut m = M::new(i, k, TimexType::Date, Value::Range(a, b));
        m.calendar = cal;
        m.vague = x.vague || y.vague;
        m.yearish = true;
        m.ends = Some([(i + 1, j), (j + 1, y_end)]);
        Some(m)
    }

    // ---- decades and centuries -------------------------------------------------------

    /// `1920s`, `1920's`, `1800s` (the century), and `20s` where `short_ok`.
    fn decade_at(&self, i: usize, short_ok: bool) -> Option<(Value, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || !matches!(t.suffix, Suffix::S | Suffix::ApS) || t.num % 10 != 0 {
            return None;
        }
        let v = i64::from(t.num);
        match t.ndigits {
            3 | 4 if v >= 100 => {
                let d = if v % 100 == 0 {
                    HDate::coarse(Calendar::Gregorian, v + 1, Precision::Century)
                } else {
                    HDate::coarse(Calendar::Gregorian, v, Precision::Decade)
                };
                Some((Value::Date(d), i + 1))
            }
            2 if short_ok => Some((self.decade_word(t.num as u8 / 10), i + 1)),
            _ => None,
        }
    }

    /// "the twenties": the decade of that name nearest before the anchor, or a
    /// [`Partial`].
    fn decade_word(&self, dec: u8) -> Value {
        match self.anchor.and_then(|a| resolve::decade_around(a, dec)) {
            Some(d) => Value::Date(d),
            None => Value::Partial(Partial {
                decade: Some(dec),
                ..Partial::default()
            }),
        }
    }

    /// A decade written `1920s` with no article.
    pub(super) fn decade_rule(&self, i: usize) -> Option<M> {
        let prev_apos =
            i > 0 && (self.punct(i - 1, '\'') || self.punct(i - 1, '\u{2019}')) && self.adj(i);
        let (v, e) = self.decade_at(i, prev_apos)?;
        let mut m = M::new(i, e, TimexType::Date, v);
        m.yearish = true;
        Some(m)
    }

    /// "the 1920s", "the early 1930s", "the mid-1920s", "the twenties", "the 19th
    /// century", "the fifth century BC", "19th-century", "the year 1905".
    pub(super) fn period_rule(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.kw(j) == Kw::The;
        if the {
            j += 1;
        }
        let mut vague = false;
        if matches!(self.kw(j), Kw::Early | Kw::Late | Kw::Mid) {
            vague = true;
            j += 1;
            if self.hyphen_joins(j) {
                j += 1;
            }
        }
        if the && !vague && self.lx(j).unit == U::Year && !self.lx(j).plural {
            let (y, e, _) = self.year_num(j + 1)?;
            if !self.after_year_ok(e) {
                return None;
            }
            return Some(M::date(i, e, HDate::year(Calendar::Gregorian, y)));
        }
        let mut k = j;
        if (self.punct(k, '\'') || self.punct(k, '\u{2019}')) && self.adj(k + 1) {
            k += 1;
        }
        if let Some((v, e)) = self.decade_at(k, the || k > j) {
            let mut m = M::new(i, e, TimexType::Date, v).vague_if(vague);
            m.yearish = true;
            return Some(m);
        }
        if the && self.lx(j).decade > 0 {
            let v = self.decade_word(self.lx(j).decade);
            return Some(M::new(i, j + 1, TimexType::Date, v).vague_if(vague));
        }
        let (n, k2) = self.ord_num(j)?;
        let mut c = k2;
        let hy = self.hyphen_joins(c);
        if hy {
            c += 1;
        }
        let u = self.lx(c);
        if u.plural || !matches!(u.unit, U::Century | U::Millennium) || n > 100 {
            return None;
        }
        let mut e = c + 1;
        let mut bc = false;
        if let Some((b, e2)) = self.era_after(e) {
            bc = b;
            e = e2;
        }
        let n = i64::from(n);
        let d = if u.unit == U::Century {
            let y = if bc { 1 - n * 100 } else { (n - 1) * 100 + 1 };
            HDate::coarse(Calendar::Gregorian, y, Precision::Century)
        } else {
            let y = if bc { 1 - n * 1000 } else { (n - 1) * 1000 + 1 };
            HDate::coarse(Calendar::Gregorian, y, Precision::Millennium)
        };
        // "the 19th-century novel": the article belongs to the noun
        let s = if hy && !vague { j } else { i };
        let mut m = M::date(s, e, d).vague_if(vague);
        m.yearish = false;
        Some(m)
    }

    // ---- seasons, months, weekdays -------------------------------------------------------

    /// "the spring of 1918", "spring 1918", "the winter of 1917–18", "in the spring",
    /// "in early summer".
    pub(super) fn season_rule(&self, i: usize, cued: bool) -> Option<M> {
        let mut j = i;
        let the = self.kw(j) == Kw::The;
        if the {
            j += 1;
        }
        let mut modi = false;
        if matches!(self.kw(j), Kw::Early | Kw::Late | Kw::Mid) {
            modi = true;
            j += 1;
            if self.hyphen_joins(j) {
                j += 1;
            }
        }
        let l = self.lx(j);
        if l.season == 0 {
            return None;
        }
        let s = season_of(l.season);
        let e = j + 1;
        let mut k = e;
        if self.kw(k) == Kw::Of || (self.punct(k, ',') && self.ndigits(k + 1) == 4) {
            k += 1;
        }
        if let Some((y, e2, _)) = self.year_num(k)
            && self.after_year_ok(e2)
            && (k > e || self.ndigits(k) == 4 || self.era_after(k + 1).is_some())
        {
            let cal = Calendar::Gregorian;
            // "the winter of 1917-18"
            if s == Season::Winter
                && self.dash(e2)
                && let Some(b) = self.plain(e2 + 1, 4)
                && ((self.ndigits(e2 + 1) == 2 && i64::from(b) == (y + 1).rem_euclid(100))
                    || i64::from(b) == y + 1)
                && self.num_ends(e2 + 2)
            {
                let v = resolve::season_occurrence(y, s, cal)?;
                let mut m = M::new(i, e2 + 2, TimexType::Date, v)
                    .with_timex(season_timex(y, s))
                    .vague_if(modi);
                m.yearish = true;
                return Some(m);
            }
            let v = resolve::season_of_year(y, s, cal)?;
            let mut m = M::new(i, e2, TimexType::Date, v)
                .with_timex(season_timex(y, s))
                .vague_if(modi);
            m.yearish = true;
            return Some(m);
        }
        // without a year, the context must make it a season
        if self.kw(e) == Kw::Of {
            return None;
        }
        if l.season_ambiguous
            && ((!the && !modi) || !(self.clause_end(e) || matches!(self.kw(e), Kw::And | Kw::Or)))
        {
            return None;
        }
        let p_cue = i > 0
            && matches!(
                self.kw(i - 1),
                Kw::In
                    | Kw::During
                    | Kw::By
                    | Kw::Since
                    | Kw::Until
                    | Kw::Through
                    | Kw::Throughout
                    | Kw::Before
                    | Kw::After
                    | Kw::From
                    | Kw::To
                    | Kw::Into
                    | Kw::Over
            );
        if !(cued || p_cue)
            || (l.season_ambiguous && i > 0 && matches!(self.kw(i - 1), Kw::From | Kw::To))
        {
            return None;
        }
        Some(
            self.season_value(i, e, s, 0, self.pick.get(), false)
                .vague_if(modi),
        )
    }

    /// A season placed around the anchor ("that spring", "last winter").
    pub(super) fn season_value(
        &self,
        s0: usize,
        e: usize,
        s: Season,
        dir: i8,
        pick: Pick,
        anaphoric: bool,
    ) -> M {
        let base = self.base(anaphoric, histlint_time::Unit::Year);
        match base.and_then(|a| resolve::season_around(&a, s, pick)) {
            Some((k, v)) => M::new(
                s0,
                e,
                TimexType::Date,
                Value::Relative {
                    amount: None,
                    direction: dir,
                    unit: histlint_time::Unit::Year,
                    resolved: Some(Box::new(v)),
                },
            )
            .with_timex(season_timex(k, s)),
            None if dir == 0 && base.is_none() => M::new(
                s0,
                e,
                TimexType::Date,
                Value::Partial(Partial {
                    season: Some(s),
                    ..Partial::default()
                }),
            ),
            None => M::new(
                s0,
                e,
                TimexType::Date,
                Value::Relative {
                    amount: None,
                    direction: dir,
                    unit: histlint_time::Unit::Year,
                    resolved: None,
                },
            )
            .with_timex(format!("XXXX-{}", s.code())),
        }
    }

    /// A month named alone after a cue: "in March", "since October", "by May".
    pub(super) fn month_alone(&self, i: usize, cued: bool) -> Option<M> {
        let (m, e) = self.month_at(i, false)?;
        // "the October slaying", "a June agreement": a month before a noun
        let attributive = i > 0
            && matches!(self.kw(i - 1), Kw::The | Kw::A)
            && self.lx(i).mclass != MONTH_ABBR
            && self.attributive(e)
            && self.lx(e).kw == Kw::None
            && self.lx(e).unit == U::None
            // "the October insurrection", "the July Days": names of events, whose
            // month is no date to resolve around the anchor
            && !EVENT_NOUNS.iter().any(|w| self.word_is(e, w));
        if !cued && !attributive && !self.month_cue(i) {
            return None;
        }
        let value = self.dl_value_near(DL { m, ..DL::default() }, None, i)?;
        let mut r = M::new(i, e, TimexType::Date, value);
        r.yearish = true;
        Some(r)
    }

    fn month_cue(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = i - 1;
        match self.kw(p) {
            Kw::In
            | Kw::Since
            | Kw::By
            | Kw::Until
            | Kw::From
            | Kw::To
            | Kw::Through
            | Kw::Throughout
            | Kw::During
            | Kw::Before
            | Kw::After
            | Kw::Early
            | Kw::Late
            | Kw::Of
            | Kw::For
            | Kw::Between => true,
            Kw::And | Kw::Or => self.continues_list(i) || (p > 0 && self.lx(p - 1).month > 0),
            _ => self.hyphen_joins(p) && p > 0 && self.kw(p - 1) == Kw::Mid,
        }
    }

    /// A weekday that is one here: capitalised, not "Sunday best", an abbreviation
    /// only with its dot.
    pub(super) fn weekday_ok(&self, i: usize) -> bool {
        let l = self.lx(i);
        if l.weekday == 0 || !self.cap(i) || self.kw(i + 1) == Kw::WeekdayNoun {
            return false;
        }
        // "Bloody Sunday", "Black Thursday", "Good Friday": a name
        const NAMING: &[&str] = &[
            "bloody", "black", "good", "easter", "palm", "holy", "ash", "maundy", "whit", "shrove",
            "low", "red", "great", "white", "clean", "trinity", "super",
        ];
        if i > 0 && self.cap(i - 1) && NAMING.iter().any(|w| self.word_is(i - 1, w)) {
            return false;
        }
        !l.wabbr || (self.punct(i + 1, '.') && self.adj(i + 1)) || self.punct(i + 1, ',')
    }

    /// A weekday alone ("on Thursday"), or with a part of the day ("Sunday morning").
    pub(super) fn weekday_rule(&self, i: usize) -> Option<M> {
        if !self.weekday_ok(i) {
            return None;
        }
        let l = self.lx(i);
        if l.wabbr {
            return None;
        }
        let w = weekday_of(l.weekday);
        let date = self.anchor.and_then(|a| match self.pick.get() {
            // without a tense cue, the past: reports tell of days gone by
            Pick::Same => resolve::weekday_near(
                a,
                w,
                match self.lean(i) {
                    0 => -1,
                    l => l,
                },
            ),
            pick => resolve::weekday_around(a, w, pick),
        });
        let e = i + 1;
        if let Some(part) = super::deictic::day_part(self.lx(e).part) {
            let p = Partial {
                weekday: Some(w),
                date,
                time: Some(part),
                ..Partial::default()
            };
            return Some(M::new(i, e + 1, TimexType::Time, Value::Partial(p)));
        }
        Some(M::new(
            i,
            e,
            TimexType::Date,
            Value::Partial(Partial {
                weekday: Some(w),
                date,
                ..Partial::default()
            }),
        ))
    }

    // ---- quarters ----------------------------------------------------------------------------

    /// "the third quarter", "third-quarter", "the first quarter of 1918", "last quarter",
    /// "the quarter", "the latest quarter", "the year-ago quarter", "the 1988 quarter",
    /// "last year's third quarter".
    ///
    /// Without a year: "the quarter" and "the latest quarter" are the last completed one
    /// (the one a report is about; the current one when the verb points to the future);
    /// "this quarter" and "the current quarter" the anchor's; an ordinal quarter the
    /// latest such quarter begun by the anchor (the next one in future tense); "year-ago"
    /// and "year-earlier" move it a year back. An adjectival "third-quarter" leaves the
    /// "the" of its noun outside ("the [third-quarter] loss").
    pub(super) fn quarter_rule(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.kw(j) == Kw::The;
        if the {
            j += 1;
        }
        // "this year's", "last year's", "next year's"
        let mut shift: Option<i64> = None;
        if !the
            && matches!(self.kw(j), Kw::This | Kw::Last | Kw::Next)
            && self.year_unit(j + 1)
            && (self.punct(j + 2, '\'') || self.punct(j + 2, '\u{2019}'))
            && self.word_is(j + 3, "s")
        {
            shift = Some(match self.kw(j) {
                Kw::Last => -1,
                Kw::Next => 1,
                _ => 0,
            });
            j += 4;
        }
        if the && (self.word_is(j, "comparable") || self.word_is(j, "corresponding")) {
            j += 1;
        }
        // "the year-ago quarter", "the year-earlier third quarter"
        if the
            && self.year_unit(j)
            && self.hyphen_joins(j + 1)
            && matches!(self.kw(j + 2), Kw::Ago | Kw::Earlier)
        {
            shift = Some(-1);
            j += 3;
        }
        // "the 1988 quarter", "the 1988 second quarter"
        let mut year = None;
        if the
            && shift.is_none()
            && self.ndigits(j) == 4
            && let Some((y, e2, _)) = self.year_num(j)
        {
            year = Some(y);
            j = e2;
        }
        let modified = shift.is_some() || year.is_some();
        let mut q: Option<u32> = None;
        let mut dir: i8 = 0;
        // -1: the last completed quarter; 0: the anchor's
        let mut completed = false;
        // "the latest quarter", "this quarter", "the current quarter": not the one in focus
        let mut completed_word = false;
        let mut s0 = i;
        if let Some((n, k)) = self.ord_num(j) {
            if !(1..=4).contains(&n) {
                return None;
            }
            q = Some(n);
            if self.hyphen_joins(k) {
                if the && !modified {
                    s0 = j;
                }
                j = k + 1;
            } else {
                j = k;
            }
        } else {
            match self.kw(j) {
                Kw::Last | Kw::Previous if !modified => {
                    dir = -1;
                    j += 1;
                }
                Kw::Next | Kw::Following | Kw::Coming if !modified => {
                    dir = 1;
                    j += 1;
                }
                Kw::This if !modified => {
                    completed_word = true;
                    j += 1;
                }
                _ if self.word_is(j, "current") => {
                    completed_word = true;
                    j += 1;
                }
                _ if self.word_is(j, "latest") || self.word_is(j, "recent") => {
                    completed = true;
                    completed_word = true;
                    j += 1;
                }
                _ if modified => completed = true,
                _ if the && i > 0 && matches!(self.kw(i - 1), Kw::In | Kw::For | Kw::During) => {
                    completed = self.lean(i) <= 0;
                }
                _ => return None,
            }
            if self.word_is(j, "fiscal") {
                j += 1;
            }
        }
        if self.kw(j) != Kw::Quarter || j == i || self.lx(j).plural {
            return None;
        }
        let mut e = j + 1;
        let k = if self.kw(e) == Kw::Of { e + 1 } else { e };
        if year.is_none()
            && shift.is_none()
            && let Some((y, e2, _)) = self.year_num(k)
            && self.after_year_ok(e2)
        {
            year = Some(y);
            e = e2;
        } else if self.kw(e) == Kw::Of
            && matches!(
                self.kw(k),
                Kw::The | Kw::This | Kw::That | Kw::Last | Kw::Next | Kw::Func
            )
        {
            // "the first quarter of the century", "the last quarter of his life"
            return None;
        }
        // "the quarter a year ago", "the third quarter a year earlier"
        if year.is_none()
            && shift.is_none()
            && self.kw(e) == Kw::A
            && self.year_unit(e + 1)
            && matches!(self.kw(e + 2), Kw::Ago | Kw::Earlier)
        {
            shift = Some(-1);
            e += 3;
        }
        let anchor_q = self
            .anchor
            .filter(|a| a.precision.has_month())
            .map(|a| (a.year, u32::from((a.month - 1) / 3) + 1));
        // "the quarter" in a report about a quarter: that quarter
        let focus = (q.is_none() && the && dir == 0 && !modified && !completed_word)
            .then(|| self.quarter_in_focus(i))
            .flatten();
        let resolved = match (q, year, shift, self.anchor) {
            (None, None, None, _) if focus.is_some() => focus,
            (Some(n), Some(y), _, _) => Some((y, n)),
            (Some(n), None, Some(d), Some(a)) => Some((a.year + d, n)),
            (Some(n), None, None, Some(a)) => match anchor_q {
                Some((y, cur)) if self.lean(i) > 0 => Some((if n >= cur { y } else { y + 1 }, n)),
                Some((y, cur)) => Some((if n <= cur { y } else { y - 1 }, n)),
                None => Some((a.year, n)),
            },
            (None, _, _, _) => anchor_q.map(|(ay, cur)| {
                let mut idx = ay * 4 + i64::from(cur) - 1 + i64::from(dir);
                if completed {
                    idx -= 1;
                }
                let n = idx.rem_euclid(4) as u32 + 1;
                match (year, shift) {
                    (Some(y), _) => (y, n),
                    (None, Some(d)) => (idx.div_euclid(4) + d, n),
                    (None, None) => (idx.div_euclid(4), n),
                }
            }),
            _ => None,
        };
        let m = match resolved {
            Some((y, n)) => {
                let (v, tx) = resolve::quarter(y, n)?;
                let v = if year.is_some() {
                    v
                } else {
                    Value::Relative {
                        amount: None,
                        direction: dir,
                        unit: histlint_time::Unit::Month,
                        resolved: Some(Box::new(v)),
                    }
                };
                M::new(s0, e, TimexType::Date, v).with_timex(tx)
            }
            None => M::new(
                s0,
                e,
                TimexType::Date,
                Value::Relative {
                    amount: None,
                    direction: dir,
                    unit: histlint_time::Unit::Month,
                    resolved: None,
                },
            )
            .with_timex(q.map_or_else(|| "XXXX-QX".to_string(), |n| format!("XXXX-Q{n}"))),
        };
        Some(m)
    }

    /// Token `k` is the word "year" (singular).
    fn year_unit(&self, k: usize) -> bool {
        self.lx(k).unit == U::Year && !self.lx(k).plural
    }

    // ---- modified dates --------------------------------------------------------------------

    /// "early 1917", "late March 1918", "mid-1920s", "circa 1850", "c. 1850", "the end of
    /// 1917", "the beginning of the 1930s", "the middle of March".
    pub(super) fn modified_rule(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.kw(j) == Kw::The;
        if the {
            j += 1;
        }
        let k = match self.kw(j) {
            Kw::Early | Kw::Late | Kw::Mid => {
                let mut k = j + 1;
                if self.hyphen_joins(k) {
                    k += 1;
                }
                k
            }
            Kw::Circa if !the => {
                if self.punct(j + 1, '.') && self.adj(j + 1) {
                    j + 2
                } else {
                    j + 1
                }
            }
            Kw::C if !the && self.punct(j + 1, '.') && self.adj(j + 1) => j + 2,
            Kw::End | Kw::Beginning | Kw::Middle | Kw::Turn if the && self.kw(j + 1) == Kw::Of => {
                j + 2
            }
            _ => return None,
        };
        let mut best: Option<M> = None;
        let mut take = |m: Option<M>| {
            if let Some(m) = m
                && m.s == k
                && best.as_ref().is_none_or(|b| m.e > b.e)
            {
                best = Some(m);
            }
        };
        take(self.date_rule(k));
        take(self.year_rule(k, true));
        take(self.month_alone(k, true));
        take(self.season_rule(k, true));
        take(self.period_rule(k));
        if matches!(self.kw(j), Kw::End | Kw::Beginning | Kw::Middle) {
            take(self.neighbour_rule(k));
        }
        let inner = best?;
        Some(M {
            s: i,
            vague: true,
            ..inner
        })
    }
}

/// Nouns that make "the October ...", "the February ..." the name of an event.
const EVENT_NOUNS: &[&str] = &[
    "revolution",
    "insurrection",
    "uprising",
    "rising",
    "revolt",
    "rebellion",
    "coup",
    "putsch",
    "days",
    "manifesto",
    "crisis",
    "offensive",
    "theses",
    "war",
    "events",
    "massacre",
    "pogrom",
    "decree",
    "decrees",
    "plenum",
    "plot",
    "affair",
    "putsch",
    "movement",
    "storm",
    "storming",
];

impl Cx<'_> {
    /// A month with a year counted from the anchor: "June last year", "January this
    /// year", "March next year".
    pub(super) fn month_rel_year(&self, i: usize) -> Option<M> {
        let (m, e) = self.month_at(i, false)?;
        let k = if self.kw(e) == Kw::Of { e + 1 } else { e };
        let dir: i64 = match self.kw(k) {
            Kw::Last => -1,
            Kw::This => 0,
            Kw::Next => 1,
            _ => return None,
        };
        let l = self.lx(k + 1);
        if l.unit != U::Year || l.plural {
            return None;
        }
        let a = self.anchor?;
        let d = HDate::ym(a.calendar, a.year + dir, m).ok()?;
        Some(M::date(i, k + 2, d))
    }
}

impl Cx<'_> {
    /// A half year: "the first half of 1918", "the second half of the year", "the last
    /// half of 1989", "the first two quarters of 1990" (TIMEX3 `1989-H2`). Without a
    /// year, the anchor's year.
    pub(super) fn half_rule(&self, i: usize) -> Option<M> {
        let mut j = if self.kw(i) == Kw::The { i + 1 } else { i };
        let first = if self.word_is(j, "first") || self.word_is(j, "front") {
            true
        } else if self.word_is(j, "second")
            || self.word_is(j, "last")
            || self.word_is(j, "latter")
            || self.word_is(j, "back")
        {
            false
        } else {
            return None;
        };
        j += 1;
        if self.kw(j) == Kw::Half {
            j += 1;
        } else if self.lx(j).card == Some(2) && self.word_is(j + 1, "quarters") {
            j += 2;
        } else {
            return None;
        }
        let e;
        let year = if self.kw(j) == Kw::Of {
            let k = j + 1;
            if let Some((y, e2, _)) = self.year_num(k)
                && self.after_year_ok(e2)
            {
                e = e2;
                Some(y)
            } else if self.kw(k) == Kw::The
                && self.lx(k + 1).unit == U::Year
                && !self.lx(k + 1).plural
            {
                e = k + 2;
                self.anchor.map(|a| a.year)
            } else if matches!(self.kw(k), Kw::This | Kw::Last | Kw::Next)
                && self.lx(k + 1).unit == U::Year
                && !self.lx(k + 1).plural
            {
                e = k + 2;
                let d = match self.kw(k) {
                    Kw::Last => -1,
                    Kw::Next => 1,
                    _ => 0,
                };
                self.anchor.map(|a| a.year + d)
            } else {
                return None;
            }
        } else {
            // "the first half" alone is as often a match's or a book's
            return None;
        };
        let cal = Calendar::Gregorian;
        let h = if first { 1 } else { 2 };
        let m = match year {
            Some(y) => {
                let (m1, m2) = if first { (1, 6) } else { (7, 12) };
                M::new(
                    i,
                    e,
                    TimexType::Date,
                    Value::Range(HDate::ym(cal, y, m1).ok()?, HDate::ym(cal, y, m2).ok()?),
                )
                .with_timex(format!("{}-H{h}", histlint_time::date::format_year(y)))
            }
            None => M::new(
                i,
                e,
                TimexType::Date,
                Value::Relative {
                    amount: None,
                    direction: 0,
                    unit: histlint_time::Unit::Month,
                    resolved: None,
                },
            )
            .with_timex(format!("XXXX-H{h}")),
        };
        Some(m)
    }
}
