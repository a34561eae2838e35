//! Absolute dates and the periods named by the calendar: "25 октября 1917 года",
//! "25.10.1917", "в марте 1921 г.", "в 1917 году", ranges ("1918–1921 гг.", "с 1905 по
//! 1907 год", "между 1905 и 1907 годами"), decades ("1920-е годы", "двадцатые годы"),
//! centuries ("XX век", "в 20 веке", "V век до н. э."), seasons ("весной 1918 года"),
//! months and weekdays, and the Old Style / New Style markers ("по ст. ст.", "25
//! октября (7 ноября) 1917 года").

use crate::token::TokenView;
use histlint_time::{Calendar, Day, HDate, Precision, Weekday};

use super::lexicon::{Kw, U, roman_value};
use super::{Cx, M};
use crate::resolve::{self, Pick};
use crate::token::{Kind, Suffix};
use crate::{Partial, Season, TimexType, Value};

/// A date as written: year, month and day where given (0 = not given).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct DL {
    pub y: Option<i64>,
    pub m: u8,
    pub d: u8,
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

/// The century (or millennium) `n`, BC when `bc`.
fn century(n: i64, bc: bool, millennium: bool) -> HDate {
    let span = if millennium { 1000 } else { 100 };
    let y = if bc { 1 - n * span } else { (n - 1) * span + 1 };
    let p = if millennium {
        Precision::Millennium
    } else {
        Precision::Century
    };
    HDate::coarse(Calendar::Gregorian, y, p)
}

/// A year as written and the tail after it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Year {
    /// Astronomical year.
    pub y: i64,
    pub e: usize,
    /// Followed by "год", "г.", an ending ("1917-го") or an era: a year for sure.
    pub marked: bool,
    /// The tail is plural ("годы", "гг."), as after a range.
    pub plural: bool,
    pub ndigits: u8,
    /// An era was written ("до н. э.").
    pub era: bool,
}

impl Cx<'_> {
    // ---- pieces --------------------------------------------------------------------

    /// An ending after a hyphen: "-го", "-е", "-х". Returns its text and the end.
    pub(super) fn ending(&self, j: usize) -> Option<(&str, usize)> {
        if self.hyphen_joins(j) && self.kw(j + 1) == Kw::Ending {
            Some((self.txt(j + 1), j + 2))
        } else {
            None
        }
    }

    /// An ordinal in words, with the tens, hundreds and thousands before it:
    /// "пятого", "двадцать пятого", "тысяча девятьсот семнадцатого".
    pub(super) fn ord_words(&self, i: usize) -> Option<(u32, usize)> {
        let mut sum = 0u32;
        let mut last = u32::MAX;
        let mut j = i;
        while let Some(c) = self.lx(j).card {
            let c = u32::from(c);
            if c >= last || j - i >= 4 {
                return None;
            }
            sum += c;
            last = c;
            j += 1;
        }
        let o = u32::from(self.lx(j).ord);
        if o == 0 || o >= last {
            return None;
        }
        Some((sum + o, j + 1))
    }

    /// A day of the month: `25`, `25-го`, "двадцать пятого".
    pub(super) fn day_at(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num {
            if t.ndigits > 2 || t.suffix != Suffix::None || !(1..=31).contains(&t.num) {
                return None;
            }
            if let Some((_, e)) = self.ending(i + 1) {
                return Some((t.num as u8, e));
            }
            if !self.num_ends(i + 1) {
                return None;
            }
            return Some((t.num as u8, i + 1));
        }
        let (v, e) = self.ord_words(i)?;
        (1..=31).contains(&v).then_some((v as u8, e))
    }

    /// A month name at `i`; an abbreviation only with its dot or after a day.
    pub(super) fn month_at(&self, i: usize, after_day: bool) -> Option<(u8, usize)> {
        let l = self.lx(i);
        if l.month == 0 {
            return None;
        }
        if l.mabbr {
            if self.punct(i + 1, '.') && self.adj(i + 1) {
                return Some((l.month, i + 2));
            }
            if !after_day {
                return None;
            }
        }
        Some((l.month, i + 1))
    }

    /// A year in digits (optionally "1917-го") or in words ("тысяча девятьсот
    /// семнадцатого"), without its tail.
    fn year_at(&self, i: usize) -> Option<(i64, usize, bool, u8)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num {
            if t.suffix != Suffix::None || t.ndigits > 4 || t.num == 0 {
                return None;
            }
            if i > 1 && self.adj(i) && (self.punct(i - 1, '.') || self.punct(i - 1, ',')) {
                // "1.1917" or "3,1917": not a year
                if self.tok(i - 2).is_some_and(|p| p.kind == Kind::Num) && self.adj(i - 1) {
                    return None;
                }
            }
            if let Some((s, e)) = self.ending(i + 1)
                && matches!(s, "го" | "м" | "й" | "ого" | "ом" | "ый")
            {
                return Some((i64::from(t.num), e, true, t.ndigits));
            }
            if !self.num_ends(i + 1) {
                return None;
            }
            return Some((i64::from(t.num), i + 1, false, t.ndigits));
        }
        let (v, e) = self.ord_words(i)?;
        (v >= 100).then_some((i64::from(v), e, false, 0))
    }

    /// The tail of a year: "год", "года", "году", "г.", "гг.", "годы".
    /// Returns the end, whether there is one, and whether it is plural.
    pub(super) fn year_tail(&self, j: usize) -> (usize, bool, bool) {
        match self.kw(j) {
            Kw::G => return (self.dot(j + 1), true, false),
            Kw::GG => return (self.dot(j + 1), true, true),
            _ => {}
        }
        let l = self.lx(j);
        if l.unit == U::Year && !l.half && !l.instr_pl {
            let w = self.txt(j);
            if w == "лет" {
                return (j, false, false);
            }
            return (j + 1, true, l.plural);
        }
        if l.unit == U::Year && l.instr_pl {
            return (j + 1, true, true);
        }
        (j, false, false)
    }

    /// An era after a year or century: "до н. э.", "до нашей эры", "н. э.", "нашей
    /// эры". `true` for BC.
    pub(super) fn era_after(&self, j: usize) -> Option<(bool, usize)> {
        let core = |k: usize| -> Option<usize> {
            if self.kw(k) == Kw::N {
                let k2 = self.dot(k + 1);
                if self.kw(k2) == Kw::E {
                    return Some(self.dot(k2 + 1));
                }
                return None;
            }
            if self.kw(k) == Kw::Nashey && self.kw(k + 1) == Kw::Era {
                return Some(k + 2);
            }
            None
        };
        if self.kw(j) == Kw::Do {
            return core(j + 1).map(|e| (true, e));
        }
        core(j).map(|e| (false, e))
    }

    /// A year with its tail and era: "1917 года", "1917 г.", "1917-го", "44 г. до н.
    /// э.", "1917".
    pub(super) fn year_full(&self, i: usize) -> Option<Year> {
        let (n, e, ending, nd) = self.year_at(i)?;
        let (mut e, tail, plural) = self.year_tail(e);
        let mut y = n;
        let mut era = false;
        if let Some((bc, e2)) = self.era_after(e) {
            era = true;
            if bc {
                y = 1 - n;
            }
            e = e2;
        }
        if nd == 0 && !tail {
            return None;
        }
        Some(Year {
            y,
            e,
            marked: tail || ending || era,
            plural,
            ndigits: nd,
            era,
        })
    }

    /// A bare number at `i` may be a year here: a preposition before it.
    fn year_cue(&self, i: usize) -> bool {
        matches!(
            self.prev_kw(i),
            Kw::V | Kw::S | Kw::Do | Kw::K | Kw::Posle | Kw::Po | Kw::Ot | Kw::Mezhdu | Kw::I
        )
    }

    /// After a year: not a count ("1500 солдат").
    fn after_year_ok(&self, e: usize) -> bool {
        let l = self.lx(e);
        l.kw != Kw::CountNoun && l.unit == U::None && l.month == 0
    }

    // ---- full dates -----------------------------------------------------------------

    /// A date: `25.10.1917`, `1917-10-25`, "25 октября 1917 года", "25 октября",
    /// "марте 1921 г.".
    pub(super) fn date_core(&self, i: usize) -> Option<(DL, usize)> {
        // 25.10.1917
        if let Some(d) = self.plain(i, 2)
            && self.punct(i + 1, '.')
            && self.adj(i + 1)
            && let Some(m) = self.plain(i + 2, 2)
            && self.adj(i + 2)
            && self.punct(i + 3, '.')
            && self.adj(i + 3)
            && self.adj(i + 4)
            && self.ndigits(i + 4) == 4
            && let Some(y) = self.plain(i + 4, 4)
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
            && !(self.punct(i + 5, '.') && self.adj(i + 5) && self.adj(i + 6))
        {
            let (e, _, _) = self.year_tail(i + 5);
            let dl = DL {
                y: Some(i64::from(y)),
                m: m as u8,
                d: d as u8,
            };
            return Some((dl, e));
        }
        // 1917-10-25
        if self.ndigits(i) == 4
            && let Some(y) = self.plain(i, 4)
            && self.punct(i + 1, '-')
            && self.adj(i + 1)
            && self.ndigits(i + 2) == 2
            && let Some(m) = self.plain(i + 2, 2)
            && self.adj(i + 2)
            && self.punct(i + 3, '-')
            && self.adj(i + 3)
            && self.ndigits(i + 4) == 2
            && let Some(d) = self.plain(i + 4, 2)
            && self.adj(i + 4)
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
        {
            let dl = DL {
                y: Some(i64::from(y)),
                m: m as u8,
                d: d as u8,
            };
            return Some((dl, i + 5));
        }
        // 25 октября [1917 года]
        if let Some((d, k)) = self.day_at(i)
            && let Some((m, k2)) = self.month_at(k, true)
        {
            if d > max_days(m) {
                return None;
            }
            let yk = if self.punct(k2, ',') { k2 + 1 } else { k2 };
            if let Some(y) = self.year_full(yk)
                && (y.marked || y.ndigits >= 3)
                && self.after_year_ok(y.e)
            {
                return Some((DL { y: Some(y.y), m, d }, y.e));
            }
            return Some((DL { y: None, m, d }, k2));
        }
        // марте 1921 г.
        if let Some((m, k)) = self.month_at(i, false)
            && let Some(y) = self.year_full(k)
            && (y.marked || y.ndigits >= 3)
            && self.after_year_ok(y.e)
        {
            return Some((
                DL {
                    y: Some(y.y),
                    m,
                    d: 0,
                },
                y.e,
            ));
        }
        None
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

    /// A calendar marker at `k`, without brackets: "по старому стилю", "по ст. ст.",
    /// "ст. ст.", "н. ст.", "по новому стилю", "старого стиля", "по юлианскому
    /// календарю".
    pub(super) fn marker_core(&self, k: usize) -> Option<(Calendar, usize)> {
        let k = if self.kw(k) == Kw::Po { k + 1 } else { k };
        match self.kw(k) {
            Kw::St => {
                let k2 = self.dot(k + 1);
                if self.kw(k2) == Kw::St {
                    return Some((Calendar::Julian, self.dot(k2 + 1)));
                }
                if self.kw(k2) == Kw::Style {
                    return None;
                }
                None
            }
            Kw::N => {
                let k2 = self.dot(k + 1);
                (self.kw(k2) == Kw::St).then(|| (Calendar::Gregorian, self.dot(k2 + 1)))
            }
            Kw::Old | Kw::New => {
                let cal = if self.kw(k) == Kw::Old {
                    Calendar::Julian
                } else {
                    Calendar::Gregorian
                };
                if self.kw(k + 1) == Kw::Style {
                    return Some((cal, k + 2));
                }
                // "по старому ст."
                if self.kw(k + 1) == Kw::St {
                    return Some((cal, self.dot(k + 2)));
                }
                None
            }
            Kw::Julian | Kw::Gregorian => {
                let cal = if self.kw(k) == Kw::Julian {
                    Calendar::Julian
                } else {
                    Calendar::Gregorian
                };
                (self.kw(k + 1) == Kw::Calendar).then_some((cal, k + 2))
            }
            _ => None,
        }
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

    /// "25 октября (7 ноября) 1917 года": a date followed by the same day in the other
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
            if let Some(y) = self.year_full(k)
                && (y.marked || y.ndigits >= 3)
            {
                dl1.y = Some(y.y);
                k = y.e;
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
        // a marker after the pair ("(7 ноября) 1917 года по ст. ст.") is redundant
        if let Some((_, k2)) = self.marker(k) {
            k = k2;
        }
        Some((cal1, dl1, k))
    }

    /// A full date, day and month, or month and year, with an optional weekday ("в
    /// среду, 7 ноября 1917 года") or night ("в ночь на 25 октября") before and a
    /// calendar marker after.
    pub(super) fn date_rule(&self, i: usize) -> Option<M> {
        let mut j = i;
        let l = self.lx(i);
        let mut need_day = false;
        if l.weekday > 0 {
            j = i + 1;
            if self.punct(j, ',') {
                j += 1;
            }
            need_day = true;
        } else if l.kw == Kw::Night {
            // "в ночь на 25 октября", "в ночь с 24 на 25 октября": the day named after "на"
            if self.kw(i + 1) == Kw::Na {
                j = i + 2;
            } else if self.kw(i + 1) == Kw::S
                && let Some((_, k)) = self.day_at(i + 2)
                && self.kw(k) == Kw::Na
            {
                j = k + 1;
            } else {
                return None;
            }
            need_day = true;
        }
        if let Some(m) = self.day_pair(i, j) {
            return Some(m);
        }
        let (mut dl, mut e) = self.date_core(j)?;
        if need_day && dl.d == 0 {
            return None;
        }
        let mut cal = None;
        if let Some((c, dl2, e2)) = self.pair(dl, e) {
            cal = Some(c);
            dl = dl2;
            e = e2;
        } else if let Some((c, e2)) = self.marker(e) {
            cal = Some(c);
            e = e2;
        }
        let value = self.dl_value(dl, cal)?;
        let mut m = M::new(i, e, TimexType::Date, value);
        m.calendar = cal;
        Some(m)
    }

    /// "2 (15) марта 1917 года": two days of one month, the second in brackets, merged
    /// when they are the same day in the two calendars.
    fn day_pair(&self, i: usize, j: usize) -> Option<M> {
        let (d1, k) = self.day_at(j)?;
        if !self.punct(k, '(') {
            return None;
        }
        let (d2, k2) = self.day_at(k + 1)?;
        if !self.punct(k2, ')') {
            return None;
        }
        let (m, mut e) = self.month_at(k2 + 1, true)?;
        let y = match self.year_full(e) {
            Some(y) if y.marked || y.ndigits >= 3 => {
                e = y.e;
                y.y
            }
            _ => self.anchor?.year,
        };
        let day = |c: Calendar, d: u8| Day::from_ymd(c, y, m, d).ok();
        let cal = if day(Calendar::Julian, d1)? == day(Calendar::Gregorian, d2)? {
            Calendar::Julian
        } else if day(Calendar::Gregorian, d1)? == day(Calendar::Julian, d2)? {
            Calendar::Gregorian
        } else {
            return None;
        };
        let mut mt = M::date(i, e, HDate::ymd(cal, y, m, d1).ok()?);
        mt.calendar = Some(cal);
        Some(mt)
    }

    // ---- years and ranges ------------------------------------------------------------

    /// A year: "1917 год", "1917 г.", "1917-го", "в 1917" (with a preposition), "44
    /// г. до н. э.", "в тысяча девятьсот семнадцатом году".
    pub(super) fn year_rule(&self, i: usize) -> Option<M> {
        let y = self.year_full(i)?;
        if y.plural || !self.after_year_ok(y.e) {
            return None;
        }
        let ok = match y.ndigits {
            4 => y.marked || self.year_cue(i),
            3 => y.marked && (self.year_cue(i) || y.era),
            0 => y.marked,
            _ => y.era,
        };
        if !ok {
            return None;
        }
        let mut m = M::date(i, y.e, HDate::year(Calendar::Gregorian, y.y));
        if let Some((c, e2)) = self.marker(y.e) {
            m.e = e2;
            m.calendar = Some(c);
            m.value = Value::Date(HDate::year(c, y.y));
        }
        Some(m)
    }

    /// "1918–1921 гг.", "1918–21", "1917—1918 годов", "500–400 гг. до н. э.".
    pub(super) fn year_range(&self, i: usize) -> Option<M> {
        let a = self.plain(i, 4)?;
        let na = self.ndigits(i);
        if na < 3 || !self.dash(i + 1) {
            return None;
        }
        let b = self.plain(i + 2, 4)?;
        let nb = self.ndigits(i + 2);
        if !self.num_ends(i + 3) {
            return None;
        }
        let b = match nb {
            2 if na == 4 => a / 100 * 100 + b,
            3 | 4 => b,
            _ => return None,
        };
        let (mut e, tail, _) = self.year_tail(i + 3);
        let mut bc = false;
        if let Some((x, e2)) = self.era_after(e) {
            bc = x;
            e = e2;
        }
        if !tail && !bc && (na != 4 || !self.after_year_ok(e)) {
            return None;
        }
        let (ya, yb) = if bc {
            (1 - i64::from(a), 1 - i64::from(b))
        } else {
            (i64::from(a), i64::from(b))
        };
        if yb <= ya || yb - ya > 1000 {
            return None;
        }
        let g = Calendar::Gregorian;
        Some(M::new(
            i,
            e,
            TimexType::Date,
            Value::Range(HDate::year(g, ya), HDate::year(g, yb)),
        ))
    }

    /// One end of a range: a date, a month and year, a year, a month, or a day.
    fn range_part(&self, j: usize) -> Option<(DL, usize)> {
        if let Some(r) = self.date_core(j) {
            return Some(r);
        }
        if let Some(y) = self.year_full(j)
            && (y.ndigits >= 3 || y.marked)
        {
            return Some((
                DL {
                    y: Some(y.y),
                    m: 0,
                    d: 0,
                },
                y.e,
            ));
        }
        if let Some((m, e)) = self.month_at(j, false) {
            return Some((DL { y: None, m, d: 0 }, e));
        }
        if let Some((d, e)) = self.day_at(j) {
            return Some((DL { y: None, m: 0, d }, e));
        }
        None
    }

    /// "с 1905 по 1907 год", "с марта по май 1918 года", "с 25 октября по 7 ноября",
    /// "между 1905 и 1907 годами", "от 1905 до 1907 года".
    pub(super) fn span_range(&self, i: usize) -> Option<M> {
        let sep = match self.kw(i) {
            Kw::S | Kw::Ot => [Kw::Po, Kw::Do],
            Kw::Mezhdu => [Kw::I, Kw::I],
            _ => return None,
        };
        let (mut a, k) = self.range_part(i + 1)?;
        if !sep.contains(&self.kw(k)) {
            return None;
        }
        let (b, e) = self.range_part(k + 1)?;
        if b.d == 0 && b.m == 0 && b.y.is_none() {
            return None;
        }
        // the start takes what it leaves out from the end
        if a.y.is_none() && a.m == 0 {
            // a day alone: "с 5 по 7 ноября"
            if b.m == 0 || b.d == 0 {
                return None;
            }
            a.m = b.m;
        }
        if a.y.is_none() {
            a.y = b.y;
        }
        if a.m == 0 && a.y.is_none() {
            return None;
        }
        // both ends at a comparable precision
        if (a.d > 0) != (b.d > 0) && b.m > 0 && a.m > 0 {
            return None;
        }
        let va = self.dl_value(a, None)?;
        let vb = self.dl_value(b, None)?;
        let (Value::Date(da), Value::Date(db)) = (va, vb) else {
            return None;
        };
        let (ia, ib) = (da.interval().ok()?, db.interval().ok()?);
        if ib.start < ia.start || ib.end < ia.end || da == db {
            return None;
        }
        Some(M::new(i, e, TimexType::Date, Value::Range(da, db)))
    }

    // ---- decades and centuries -------------------------------------------------------

    /// "двадцатые годы": the decade of that name nearest before the anchor, or a
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

    /// A plural year word after a decade: "годы", "годов", "годах", "годами", "гг.".
    fn years_plural(&self, j: usize) -> Option<usize> {
        let (e, tail, plural) = self.year_tail(j);
        (tail && plural).then_some(e)
    }

    /// "1920-е годы", "1920-х", "в 1900-е" (the century, as in English), "20-е годы",
    /// "двадцатые годы", "20-е годы XX века".
    pub(super) fn decade_rule(&self, i: usize) -> Option<M> {
        let (dec_short, mut e, full): (Option<u8>, usize, Option<i64>) = if let Some(t) =
            self.tok(i)
            && t.kind == Kind::Num
        {
            if t.suffix != Suffix::None || t.num % 10 != 0 {
                return None;
            }
            let (s, e) = self.ending(i + 1)?;
            if !matches!(s, "е" | "х" | "ые" | "ых") {
                return None;
            }
            match t.ndigits {
                3 | 4 if t.num >= 100 => (None, e, Some(i64::from(t.num))),
                2 => (Some((t.num / 10) as u8), e, None),
                _ => return None,
            }
        } else {
            let dec = self.lx(i).decade;
            if dec == 0 {
                return None;
            }
            (Some(dec), i + 1, None)
        };
        let had_years = match self.years_plural(e) {
            Some(e2) => {
                e = e2;
                true
            }
            None => false,
        };
        let g = Calendar::Gregorian;
        if let Some(v) = full {
            let d = if v % 100 == 0 {
                HDate::coarse(g, v + 1, Precision::Century)
            } else {
                HDate::coarse(g, v, Precision::Decade)
            };
            return Some(M::date(i, e, d));
        }
        let dec = dec_short?;
        if !had_years {
            return None;
        }
        // "20-е годы XX века"
        if let Some((n, e2, bc)) = self.century_at(e, true)
            && !bc
            && n > 0
        {
            let y = (n - 1) * 100 + i64::from(dec) * 10;
            return Some(M::date(i, e2, HDate::coarse(g, y, Precision::Decade)));
        }
        Some(M::new(i, e, TimexType::Date, self.decade_word(dec)))
    }

    /// A century number: Roman, digits or an ordinal in words.
    fn century_num(&self, i: usize, digits_ok: bool) -> Option<(i64, usize, bool)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num {
            if !digits_ok || t.suffix != Suffix::None || t.ndigits > 2 || t.num == 0 {
                return None;
            }
            let e = self.ending(i + 1).map_or(i + 1, |(_, e)| e);
            return Some((i64::from(t.num), e, false));
        }
        if self.kw(i) == Kw::Roman {
            let v = roman_value(self.txt(i))?;
            return (v <= 40).then_some((i64::from(v), i + 1, true));
        }
        let (v, e) = self.ord_words(i)?;
        (v <= 40).then_some((i64::from(v), e, false))
    }

    /// A century word (or "в."/"вв." after a Roman numeral): whether plural, and
    /// whether a millennium, and the end.
    fn century_word(&self, j: usize, roman: bool) -> Option<(bool, bool, usize)> {
        let l = self.lx(j);
        if matches!(l.unit, U::Century | U::Millennium) && !l.half && !l.instr_pl {
            return Some((l.plural, l.unit == U::Millennium, j + 1));
        }
        if roman && self.kw(j) == Kw::V && self.punct(j + 1, '.') && self.adj(j + 1) {
            return Some((false, false, j + 2));
        }
        if roman && self.kw(j) == Kw::VV {
            return Some((true, false, self.dot(j + 1)));
        }
        None
    }

    /// A century at `i`: number, century word, era. `(n, end, bc)` (`n` negative for
    /// none). With `genitive`, only as it follows a decade ("XX века").
    fn century_at(&self, i: usize, _genitive: bool) -> Option<(i64, usize, bool)> {
        let (n, k, roman) = self.century_num(i, true)?;
        let (plural, mill, mut e) = self.century_word(k, roman)?;
        if plural || mill {
            return None;
        }
        let mut bc = false;
        if let Some((b, e2)) = self.era_after(e) {
            bc = b;
            e = e2;
        }
        Some((n, e, bc))
    }

    /// "XX век", "в XIX веке", "в 20 веке", "двадцатый век", "V век до н. э.",
    /// "XIX–XX вв.", "II тысячелетие до н. э.".
    pub(super) fn century_rule(&self, i: usize) -> Option<M> {
        let (n, k, roman) = self.century_num(i, true)?;
        // a range of centuries: "XIX–XX вв.", "XIX-XX веков"
        if self.dash(k)
            && let Some((n2, k2, roman2)) = self.century_num(k + 1, roman)
            && roman2 == roman
            && let Some((_, mill, mut e)) = self.century_word(k2, roman)
            && n2 > n
        {
            let mut bc = false;
            if let Some((b, e2)) = self.era_after(e) {
                bc = b;
                e = e2;
            }
            let (a, b) = if bc { (n2, n) } else { (n, n2) };
            return Some(M::new(
                i,
                e,
                TimexType::Date,
                Value::Range(century(a, bc, mill), century(b, bc, mill)),
            ));
        }
        let (plural, mill, mut e) = self.century_word(k, roman)?;
        let t = self.tok(i)?;
        // "20 веков", "двух веков" are amounts; digits take only singular forms
        if plural && !roman {
            return None;
        }
        if t.kind == Kind::Num && self.txt(k) == "века" && self.lx(i).card.is_some() {
            return None;
        }
        if plural && roman && !matches!(self.kw(k), Kw::VV) && self.lx(k).unit != U::Century {
            return None;
        }
        let mut bc = false;
        if let Some((b, e2)) = self.era_after(e) {
            bc = b;
            e = e2;
        }
        if n > 40 || n == 0 {
            return None;
        }
        Some(M::date(i, e, century(n, bc, mill)))
    }

    // ---- seasons, months, weekdays -------------------------------------------------------

    /// "весной 1918 года", "весна 1918 г.", "зимой 1917/18 года", "летом", "прошлой
    /// зимой", "следующей весной", "той же осенью".
    pub(super) fn season_rule(&self, i: usize) -> Option<M> {
        let mut j = i;
        let (dir, pick) = match self.kw(i) {
            Kw::Next => (1, Pick::Next),
            Kw::Last => (-1, Pick::Previous),
            Kw::This | Kw::That => (0, Pick::Same),
            _ => (0, Pick::Same),
        };
        let modified = matches!(self.kw(i), Kw::Next | Kw::Last | Kw::This | Kw::That);
        if modified {
            j += 1;
            if self.kw(j) == Kw::Zhe {
                j += 1;
            }
        }
        let l = self.lx(j);
        if l.season == 0 {
            return None;
        }
        let s = season_of(l.season);
        if modified {
            return Some(self.season_value(i, j + 1, s, dir, pick));
        }
        let g = Calendar::Gregorian;
        // "зимой 1917/18 года"
        if let Some(a) = self.plain(j + 1, 4)
            && self.ndigits(j + 1) == 4
            && self.punct(j + 2, '/')
            && self.adj(j + 2)
            && self.adj(j + 3)
            && let Some(b) = self.plain(j + 3, 4)
        {
            let a = i64::from(a);
            let b = i64::from(b);
            let b = if b < 100 { a / 100 * 100 + b } else { b };
            if b == a + 1 {
                let (e, _, _) = self.year_tail(j + 4);
                let v = resolve::season_occurrence(a, s, g)?;
                return Some(M::new(i, e, TimexType::Date, v).with_timex(season_timex(a, s)));
            }
        }
        if let Some(y) = self.year_full(j + 1)
            && (y.marked || y.ndigits >= 3)
            && !y.plural
        {
            let v = resolve::season_of_year(y.y, s, g)?;
            return Some(M::new(i, y.e, TimexType::Date, v).with_timex(season_timex(y.y, s)));
        }
        if l.season_adv
            || matches!(self.prev_kw(i), Kw::K | Kw::Do | Kw::Posle | Kw::S)
                && self.clause_end(j + 1)
        {
            return Some(self.season_value(i, j + 1, s, 0, self.pick.get()));
        }
        None
    }

    /// A season placed around the anchor ("летом", "прошлой зимой").
    pub(super) fn season_value(&self, s0: usize, e: usize, s: Season, dir: i8, pick: Pick) -> M {
        match self.anchor.and_then(|a| resolve::season_around(a, s, pick)) {
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
            None if dir == 0 && self.anchor.is_none() => M::new(
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

    /// A month named alone after a preposition: "в марте", "с октября", "к маю", "до
    /// июня". Capitalised mid-sentence it is a name ("Мая").
    pub(super) fn month_alone(&self, i: usize) -> Option<M> {
        let (m, e) = self.month_at(i, false)?;
        if !matches!(
            self.prev_kw(i),
            Kw::V | Kw::S | Kw::Do | Kw::K | Kw::Po | Kw::Posle | Kw::Ot | Kw::I
        ) {
            return None;
        }
        if self.cap(i) && !self.sentence_start(i - 1) {
            return None;
        }
        let v = self.dl_value(DL { y: None, m, d: 0 }, None)?;
        Some(M::new(i, e, TimexType::Date, v))
    }

    /// A weekday after "в"/"во": "в среду", "во вторник".
    pub(super) fn weekday_rule(&self, i: usize) -> Option<M> {
        let l = self.lx(i);
        if l.weekday == 0 || !matches!(self.prev_kw(i), Kw::V | Kw::S) {
            return None;
        }
        let w = weekday_of(l.weekday);
        let v = match self
            .anchor
            .and_then(|a| resolve::weekday_around(a, w, Pick::Same))
        {
            Some(d) => Value::Date(d),
            None => Value::Partial(Partial {
                weekday: Some(w),
                ..Partial::default()
            }),
        };
        Some(M::new(i, i + 1, TimexType::Date, v))
    }

    /// "около 1850 года", "примерно в 1920-е годы": a date made vague.
    pub(super) fn about_date(&self, i: usize) -> Option<M> {
        let j = if self.kw(i + 1) == Kw::V {
            i + 2
        } else {
            i + 1
        };
        let m = [
            self.date_rule(j),
            self.year_rule(j),
            self.decade_rule(j),
            self.century_rule(j),
            self.year_range(j),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|m| m.e)?;
        if m.s != j {
            return None;
        }
        Some(M { s: i, ..m }.vague_if(true))
    }
}
