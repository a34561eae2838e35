//! Named days and the weekend: "Christmas 1914", "on Easter Monday", "last
//! Thanksgiving", "Bastille Day", "Lady Day, 1649", "over the weekend".
//!
//! A holiday is a rule for finding its day in a year: a fixed month and day, a day
//! counted from Easter (by the Gregorian computus, or the Julian one before 1583 or
//! when the text says Old Style), or the n-th weekday of a month (US federal
//! holidays). Without a year the occurrence is placed around the anchor by tense, as a
//! month or a weekday is: "was found on Thanksgiving Day" is the last one before the
//! anchor.

use histlint_time::{Calendar, Day, HDate, Weekday};

use super::lexicon::Kw;
use super::{Cx, M};
use crate::token::{Kind, TokenView};
use crate::{TimexType, Value};

/// How a holiday's day is found in a year.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// A fixed month and day.
    Fixed(u8, u8),
    /// Days after (or before) Easter Sunday.
    Easter(i64),
    /// The n-th (1-based; -1 = the last) weekday of a month.
    Nth(u8, Weekday, i8),
    /// The Tuesday after the first Monday of November (US general elections).
    ElectionDay,
}

/// A holiday's name as words (lower case; `'s` is written as a separate "s" word after
/// an apostrophe), and its rule. Longer names come before their prefixes.
const HOLIDAYS: &[(&[&str], Rule)] = &[
    (&["christmas", "eve"], Rule::Fixed(12, 24)),
    (&["christmas", "day"], Rule::Fixed(12, 25)),
    (&["christmas"], Rule::Fixed(12, 25)),
    (&["boxing", "day"], Rule::Fixed(12, 26)),
    (&["new", "year", "s", "eve"], Rule::Fixed(12, 31)),
    (&["new", "year", "s", "day"], Rule::Fixed(1, 1)),
    (&["epiphany"], Rule::Fixed(1, 6)),
    (&["candlemas"], Rule::Fixed(2, 2)),
    (&["valentine", "s", "day"], Rule::Fixed(2, 14)),
    (&["st", "valentine", "s", "day"], Rule::Fixed(2, 14)),
    (&["st", "patrick", "s", "day"], Rule::Fixed(3, 17)),
    (&["lady", "day"], Rule::Fixed(3, 25)),
    (&["st", "george", "s", "day"], Rule::Fixed(4, 23)),
    (&["may", "day"], Rule::Fixed(5, 1)),
    (&["midsummer", "day"], Rule::Fixed(6, 24)),
    (&["midsummer", "s", "day"], Rule::Fixed(6, 24)),
    (&["independence", "day"], Rule::Fixed(7, 4)),
    (&["bastille", "day"], Rule::Fixed(7, 14)),
    (&["st", "bartholomew", "s", "day"], Rule::Fixed(8, 24)),
    (&["michaelmas"], Rule::Fixed(9, 29)),
    (&["halloween"], Rule::Fixed(10, 31)),
    (&["guy", "fawkes", "night"], Rule::Fixed(11, 5)),
    (&["guy", "fawkes", "day"], Rule::Fixed(11, 5)),
    (&["armistice", "day"], Rule::Fixed(11, 11)),
    (&["remembrance", "day"], Rule::Fixed(11, 11)),
    (&["veterans", "day"], Rule::Fixed(11, 11)),
    (&["st", "andrew", "s", "day"], Rule::Fixed(11, 30)),
    (&["easter", "sunday"], Rule::Easter(0)),
    (&["easter", "day"], Rule::Easter(0)),
    (&["easter", "monday"], Rule::Easter(1)),
    (&["easter"], Rule::Easter(0)),
    (&["good", "friday"], Rule::Easter(-2)),
    (&["maundy", "thursday"], Rule::Easter(-3)),
    (&["palm", "sunday"], Rule::Easter(-7)),
    (&["ash", "wednesday"], Rule::Easter(-46)),
    (&["ascension", "day"], Rule::Easter(39)),
    (&["whit", "sunday"], Rule::Easter(49)),
    (&["whitsunday"], Rule::Easter(49)),
    (&["pentecost"], Rule::Easter(49)),
    (
        &["thanksgiving", "day"],
        Rule::Nth(11, Weekday::Thursday, 4),
    ),
    (&["thanksgiving"], Rule::Nth(11, Weekday::Thursday, 4)),
    (&["labor", "day"], Rule::Nth(9, Weekday::Monday, 1)),
    (&["labour", "day"], Rule::Nth(9, Weekday::Monday, 1)),
    (&["memorial", "day"], Rule::Nth(5, Weekday::Monday, -1)),
    (&["election", "day"], Rule::ElectionDay),
];

/// The first words of [`HOLIDAYS`]' names: the lexicon marks them as starters.
pub(super) const FIRST_WORDS: &[&str] = &[
    "christmas",
    "boxing",
    "new",
    "epiphany",
    "candlemas",
    "valentine",
    "st",
    "lady",
    "may",
    "midsummer",
    "independence",
    "bastille",
    "michaelmas",
    "halloween",
    "guy",
    "armistice",
    "remembrance",
    "veterans",
    "easter",
    "good",
    "maundy",
    "palm",
    "ash",
    "ascension",
    "whit",
    "whitsunday",
    "pentecost",
    "thanksgiving",
    "labor",
    "labour",
    "memorial",
    "election",
];

/// The day `rule` gives in `year`, as a date in `cal` (Easter's computus follows the
/// calendar: Julian before 1583 in the West, or when the text says Old Style).
fn day_in(rule: Rule, year: i64, cal: Calendar) -> Option<HDate> {
    let day = match rule {
        Rule::Fixed(m, d) => Day::from_ymd(cal, year, m, d).ok()?,
        Rule::Easter(off) => Day::easter(cal, year)?.add_days(off),
        Rule::ElectionDay => {
            let first = Day::from_ymd(cal, year, 11, 1).ok()?;
            let cur = crate::resolve::weekday_index(first.weekday()) as i64;
            // the first Monday, then the day after
            first.add_days((0 - cur).rem_euclid(7) + 1)
        }
        Rule::Nth(m, w, n) => {
            let want = crate::resolve::weekday_index(w) as i64;
            if n > 0 {
                let first = Day::from_ymd(cal, year, m, 1).ok()?;
                let cur = crate::resolve::weekday_index(first.weekday()) as i64;
                first.add_days((want - cur).rem_euclid(7) + 7 * (i64::from(n) - 1))
            } else {
                let dim = cal.days_in_month(year, m)?;
                let last = Day::from_ymd(cal, year, m, dim).ok()?;
                let cur = crate::resolve::weekday_index(last.weekday()) as i64;
                last.add_days(-(cur - want).rem_euclid(7))
            }
        }
    };
    crate::resolve::date_of(day, cal)
}

/// The calendar a year's holidays are reckoned in, unless the text says: the Julian
/// before the Gregorian reform of 1582.
fn calendar_for(year: i64) -> Calendar {
    if year < 1583 {
        Calendar::Julian
    } else {
        Calendar::Gregorian
    }
}

impl Cx<'_> {
    /// The holiday whose name starts at token `i` (capitalised), and the token after it.
    fn holiday_at(&self, i: usize) -> Option<(Rule, usize)> {
        if !self.cap(i) {
            return None;
        }
        'names: for (words, rule) in HOLIDAYS {
            let mut k = i;
            for (n, w) in words.iter().enumerate() {
                if *w == "s" {
                    // the possessive: an apostrophe, then "s"
                    if !(self.punct(k, '\'') || self.punct(k, '\u{2019}'))
                        || !self.adj(k)
                        || !self.word_is(k + 1, "s")
                    {
                        continue 'names;
                    }
                    k += 2;
                    continue;
                }
                if !self.word_is(k, w) || (n > 0 && !self.cap(k)) {
                    continue 'names;
                }
                k += 1;
                // "St." and "St"
                if *w == "st" && self.punct(k, '.') {
                    k += 1;
                }
            }
            return Some((*rule, k));
        }
        None
    }

    /// A holiday, with an optional year ("Christmas 1914", "Easter Monday, 1916",
    /// "Christmas of 1914") and an optional "last", "next" or "this" before it.
    pub(super) fn holiday_rule(&self, i: usize) -> Option<M> {
        let dir: i8 = match self.kw(i) {
            Kw::Last => -1,
            Kw::Next => 1,
            Kw::This => 0,
            _ => 2,
        };
        let h = if dir == 2 { i } else { i + 1 };
        let (rule, e) = self.holiday_at(h)?;
        // a name of something else: "the Easter Rising", "Christmas Island"
        if self.cap(e) && self.is_word(e) && !self.line_start(e) && self.holiday_at(e).is_none() {
            return None;
        }
        // "the Christmas truce" is still Christmas; "Easter eggs" is not a date
        if self.tok(e).is_some_and(|t| t.kind == Kind::Word)
            && [
                "egg", "eggs", "card", "cards", "tree", "trees", "present", "presents",
            ]
            .iter()
            .any(|w| self.word_is(e, w))
        {
            return None;
        }
        // an explicit year
        let k = if self.punct(e, ',') || self.kw(e) == Kw::Of {
            e + 1
        } else {
            e
        };
        if dir == 2
            && let Some((y, e2, _)) = self.year_num(k)
            && self.ndigits(k) >= 3
            && self.after_year_ok(e2)
        {
            let mut cal = calendar_for(y);
            let mut e3 = e2;
            if let Some((c, e4)) = self.marker(e2) {
                cal = c;
                e3 = e4;
            }
            let d = day_in(rule, y, cal)?;
            let mut m = M::date(i, e3, d);
            if cal == Calendar::Julian && y >= 1583 {
                m.calendar = Some(cal);
            }
            return Some(m);
        }
        // around the anchor
        let Some(a) = self.anchor.filter(|a| a.precision.has_day()) else {
            // no anchor, or only a year: the anchor's year's, else unresolved
            return match self.anchor {
                Some(a) if dir != 1 && dir != -1 => {
                    let d = day_in(rule, a.year, calendar_for(a.year))?;
                    Some(M::date(i, e, d))
                }
                _ => None,
            };
        };
        let cal = a.calendar;
        let ad = Day::from_ymd(cal, a.year, a.month, a.day).ok()?;
        let day = |y: i64| -> Option<(i64, HDate)> {
            let d = day_in(rule, y, cal)?;
            let dd = Day::from_ymd(cal, d.year, d.month, d.day).ok()?;
            Some((dd.0 - ad.0, d))
        };
        let (before, same, after) = (day(a.year - 1)?, day(a.year)?, day(a.year + 1)?);
        let lean = match dir {
            2 => self.lean(h),
            d => d,
        };
        let pick = match (dir, lean) {
            // "this Christmas": the one of the anchor's year
            (0, _) => same,
            // no tense to go by: the nearest, the past on a tie
            (_, 0) => [before, same, after]
                .into_iter()
                .min_by_key(|(d, _)| d.abs() * 2 + i64::from(*d > 0))
                .unwrap_or(same),
            (_, l) if l < 0 => {
                if same.0 <= 0 {
                    same
                } else {
                    before
                }
            }
            _ => {
                if same.0 >= 0 {
                    same
                } else {
                    after
                }
            }
        };
        // "last Christmas" said on Christmas Day is the year before
        let pick = if dir == -1 && pick.0 == 0 {
            before
        } else if dir == 1 && pick.0 == 0 {
            after
        } else {
            pick
        };
        Some(M::date(i, e, pick.1))
    }

    /// "the weekend", "this weekend", "last weekend", "next weekend": the Saturday and
    /// Sunday of a week, TIMEX3 `YYYY-Www-WE`. "The weekend" told in the past is the
    /// last one begun by the anchor, in the future the next one.
    pub(super) fn weekend_rule(&self, i: usize) -> Option<M> {
        let dir: i8 = match self.kw(i) {
            Kw::The => 2,
            Kw::Last | Kw::Previous => -1,
            Kw::Next | Kw::Coming => 1,
            Kw::This => 0,
            _ => return None,
        };
        let e = i + 2;
        if self.kw(i + 1) != Kw::Weekend || self.kw(e) == Kw::Of {
            return None;
        }
        let a = self.anchor.filter(|a| a.precision.has_day());
        let Some(a) = a else {
            return Some(
                M::new(
                    i,
                    e,
                    TimexType::Date,
                    Value::Relative {
                        amount: None,
                        direction: dir.clamp(-1, 1),
                        unit: histlint_time::Unit::Day,
                        resolved: None,
                    },
                )
                .with_timex("XXXX-WXX-WE".into()),
            );
        };
        let cal = a.calendar;
        let ad = Day::from_ymd(cal, a.year, a.month, a.day).ok()?;
        let idx = crate::resolve::weekday_index(ad.weekday()) as i64;
        // the Saturday of the anchor's week (Monday-first)
        let sat = ad.add_days(5 - idx);
        let on_weekend = idx >= 5;
        let sat = match dir {
            -1 => sat.add_days(-7),
            1 => sat.add_days(7),
            0 => sat,
            _ => {
                let ahead = i >= 2 && self.kw(i - 1) == Kw::Of && self.word_is(i - 2, "ahead");
                if on_weekend || ahead || self.lean(i) > 0 {
                    sat
                } else {
                    sat.add_days(-7)
                }
            }
        };
        let monday = crate::resolve::date_of(sat.add_days(-5), cal)?;
        let week = crate::resolve::iso_week(&monday)?;
        let v = Value::Range(
            crate::resolve::date_of(sat, cal)?,
            crate::resolve::date_of(sat.add_days(1), cal)?,
        );
        Some(M::new(i, e, TimexType::Date, v).with_timex(format!("{week}-WE")))
    }
}
