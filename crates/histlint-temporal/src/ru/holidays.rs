//! Named days in Russian: "на Пасху 1917 года", "под Рождество", "Новый год",
//! "Первомай", "Вербное воскресенье".
//!
//! The church's feasts are kept by the Julian calendar (the Orthodox Church never took
//! the Gregorian one): Easter by the Julian computus, Christmas on 25 December Old Style
//! (7 January New Style since 1900). Their values are Julian dates with the calendar
//! stated ([`crate::Timex::calendar`]): the feast's name says it as "по ст. ст." would. New Year's Day is the civil one:
//! Julian until Russia changed calendars in February 1918, Gregorian after. May Day is
//! the international 1 May (New Style; in 1917 it was kept on 18 April O.S. for that).

use histlint_time::{Calendar, Day, HDate};

use super::{Cx, M};
use crate::token::TokenView;

/// Which calendar a fixed feast is kept in.
#[derive(Debug, Clone, Copy)]
pub(super) enum Cal {
    Julian,
    Gregorian,
    /// The civil calendar: Julian before 1918, Gregorian from 1918.
    Civil,
}

/// How a feast's day is found in a year.
#[derive(Debug, Clone, Copy)]
pub(super) enum Rule {
    Fixed(u8, u8, Cal),
    /// Days after (before) Easter by the Julian computus.
    Easter(i64),
}

/// What must follow the head word.
#[derive(Debug, Clone, Copy)]
pub(super) enum Then {
    Nothing,
    /// "Новый год": a form of "год".
    YearWord,
    /// "Вербное воскресенье", "Страстная пятница": that weekday (1 Monday … 7 Sunday).
    Weekday(u8),
}

/// Head words in their case forms (lower case, `ё` as `е`), the rule, and what follows.
pub(super) const HEADS: &[(&[&str], Rule, Then)] = &[
    (
        &[
            "рождество",
            "рождества",
            "рождеству",
            "рождеством",
            "рождестве",
        ],
        Rule::Fixed(12, 25, Cal::Julian),
        Then::Nothing,
    ),
    (
        &[
            "сочельник",
            "сочельника",
            "сочельнику",
            "сочельником",
            "сочельнике",
        ],
        Rule::Fixed(12, 24, Cal::Julian),
        Then::Nothing,
    ),
    (
        &["пасха", "пасхи", "пасху", "пасхой", "пасхе"],
        Rule::Easter(0),
        Then::Nothing,
    ),
    (
        &["троица", "троицы", "троицу", "троицей", "троице"],
        Rule::Easter(49),
        Then::Nothing,
    ),
    (
        &["вербное", "вербного", "вербному", "вербным", "вербном"],
        Rule::Easter(-7),
        Then::Weekday(7),
    ),
    (
        &["страстная", "страстной", "страстную"],
        Rule::Easter(-2),
        Then::Weekday(5),
    ),
    (
        &[
            "крещение",
            "крещения",
            "крещению",
            "крещением",
            "крещенье",
            "крещенья",
        ],
        Rule::Fixed(1, 6, Cal::Julian),
        Then::Nothing,
    ),
    (
        &[
            "благовещение",
            "благовещения",
            "благовещению",
            "благовещением",
            "благовещенье",
            "благовещенья",
        ],
        Rule::Fixed(3, 25, Cal::Julian),
        Then::Nothing,
    ),
    (
        &["покров", "покрова", "покрову", "покровом"],
        Rule::Fixed(10, 1, Cal::Julian),
        Then::Nothing,
    ),
    (
        &["первомай", "первомая", "первомаю", "первомаем", "первомае"],
        Rule::Fixed(5, 1, Cal::Gregorian),
        Then::Nothing,
    ),
    (
        &["новый", "нового", "новому", "новым", "новом"],
        Rule::Fixed(1, 1, Cal::Civil),
        Then::YearWord,
    ),
];

/// The day `rule` gives in `year`.
fn day_in(rule: Rule, year: i64) -> Option<HDate> {
    match rule {
        Rule::Fixed(m, d, cal) => {
            let cal = match cal {
                Cal::Julian => Calendar::Julian,
                Cal::Gregorian => Calendar::Gregorian,
                Cal::Civil if year < 1918 => Calendar::Julian,
                Cal::Civil => Calendar::Gregorian,
            };
            HDate::ymd(cal, year, m, d).ok()
        }
        Rule::Easter(off) => {
            let day = Day::easter(Calendar::Julian, year)?.add_days(off);
            crate::resolve::date_of(day, Calendar::Julian)
        }
    }
}

impl Cx<'_> {
    /// A feast, capitalised, with an optional year after it ("Пасха 1917 года"); without
    /// one, the occurrence nearest the anchor (the past on a tie).
    pub(super) fn holiday_rule(&self, i: usize) -> Option<M> {
        let h = self.lx(i).holiday;
        if h == 0 || !self.cap(i) {
            return None;
        }
        let (_, rule, then) = HEADS[usize::from(h - 1)];
        let mut e = i + 1;
        match then {
            Then::Nothing => {}
            Then::YearWord => {
                let l = self.lx(e);
                // "Новый год" at a sentence's start is as often "the new year"
                if l.unit != super::lexicon::U::Year || l.plural || l.half || self.sentence_start(i)
                {
                    return None;
                }
                e += 1;
            }
            Then::Weekday(w) => {
                if self.lx(e).weekday != w {
                    return None;
                }
                e += 1;
            }
        }
        // "Покров" and "Крещение" are also common nouns: mid-sentence capitals only
        if matches!(rule, Rule::Fixed(10, 1, _) | Rule::Fixed(1, 6, _)) && self.sentence_start(i) {
            return None;
        }
        if let Some(y) = self.year_full(e)
            && y.marked
            && !y.plural
        {
            return Some(feast(i, y.e, day_in(rule, y.y)?));
        }
        let a = self.anchor?;
        let near = [a.year - 1, a.year, a.year + 1]
            .into_iter()
            .filter_map(|y| day_in(rule, y))
            .filter_map(|d| {
                let dd = d.interval().ok()?.start;
                let ad = a.interval().ok()?.start;
                Some(((dd.0 - ad.0).abs() * 2 + i64::from(dd.0 > ad.0), d))
            })
            .min_by_key(|(k, _)| *k)?;
        Some(feast(i, e, near.1))
    }
}

/// A feast's match: a Julian day says its calendar, as "по старому стилю" would (the
/// feast's name is the statement).
fn feast(s: usize, e: usize, d: HDate) -> M {
    let mut m = M::date(s, e, d);
    if d.calendar == Calendar::Julian {
        m.calendar = Some(Calendar::Julian);
    }
    m
}
