//! Anchor arithmetic: what "a year later", "the following spring", "last March" or
//! "since October" come to against an anchor date.
//!
//! Every function works on the anchor's interval of days, in the anchor's calendar, so
//! an anchor coarser than the step gives a range rather than a guess: "two days later"
//! from "1917" is 1917-01-03..1918-01-02. An anchor finer than the step is truncated to
//! the step's precision: "a year later" from 25 October 1917 is 1918, "two months
//! later" is 1917-12.

use histlint_time::{Calendar, Day, HDate, Precision, Unit, Weekday};

use crate::{Season, Value};

/// Largest shift, in years, that is resolved (beyond it the text is not about dates).
const MAX_YEARS: f64 = 100_000.0;

/// The unit a shift is counted in once fractions are turned into whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    Day,
    Month,
    Year,
}

/// How to pick one occurrence of a recurring thing (a month, a season, a weekday)
/// around the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// The one in the anchor's year (week, for weekdays): "that spring", "in March".
    Same,
    /// The latest one that ends before the anchor: "last winter", "the previous spring".
    Previous,
    /// The earliest one that begins after the anchor: "next spring", "the following May".
    Next,
    /// The latest one that begins no later than the anchor: "since October".
    LatestStarted,
}

/// The date of a day number in a calendar.
pub fn date_of(day: Day, calendar: Calendar) -> Option<HDate> {
    let (y, m, d) = day.to_ymd(calendar);
    HDate::ymd(calendar, y, m, d).ok()
}

/// Adds `n` months to a year and month.
pub fn add_months(year: i64, month: u8, n: i64) -> (i64, u8) {
    let idx = year * 12 + i64::from(month) - 1 + n;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u8)
}

/// Turns an amount of `unit` into a whole count of days, months or years.
fn whole(n: f64, unit: Unit) -> Option<(i64, Base)> {
    let (v, base) = match unit {
        Unit::Day => (n, Base::Day),
        Unit::Week => (n * 7.0, Base::Day),
        Unit::Month => (n, Base::Month),
        Unit::Year if n.fract() != 0.0 => (n * 12.0, Base::Month),
        Unit::Year => (n, Base::Year),
        Unit::Decade => (n * 10.0, Base::Year),
        Unit::Century => (n * 100.0, Base::Year),
    };
    let limit = match base {
        Base::Day => MAX_YEARS * 366.0,
        Base::Month => MAX_YEARS * 12.0,
        Base::Year => MAX_YEARS,
    };
    if !v.is_finite() || v.fract().abs() > 1e-9 || v.abs() > limit {
        return None;
    }
    Some((v.round() as i64, base))
}

fn shift_point(y: i64, m: u8, d: u8, k: i64, base: Base, cal: Calendar) -> Option<HDate> {
    match base {
        Base::Day => date_of(Day::from_ymd(cal, y, m, d).ok()?.add_days(k), cal),
        Base::Month => {
            let (y2, m2) = add_months(y, m, k);
            HDate::ym(cal, y2, m2).ok()
        }
        Base::Year => Some(HDate::year(cal, y + k)),
    }
}

/// A year, month and day.
type Ymd = (i64, u8, u8);

fn ends(anchor: &HDate) -> Option<(Ymd, Ymd)> {
    let iv = anchor.interval().ok()?;
    Some((
        iv.start.to_ymd(anchor.calendar),
        iv.end.to_ymd(anchor.calendar),
    ))
}

fn date_or_range(a: HDate, b: HDate) -> Value {
    if a == b {
        Value::Date(a)
    } else {
        Value::Range(a, b)
    }
}

/// The anchor moved by between `lo` and `hi` units (signed; `lo <= hi`): "two days
/// later" is `shift(anchor, 2, 2, Day)`, "a few days earlier" `shift(anchor, -7, -2,
/// Day)`. `None` when an amount is not a whole number of days, months or years.
pub fn shift(anchor: &HDate, lo: f64, hi: f64, unit: Unit) -> Option<Value> {
    let (klo, blo) = whole(lo, unit)?;
    let (khi, bhi) = whole(hi, unit)?;
    // "a year and a half": both ends in months
    let (klo, khi, base) = match (blo, bhi) {
        (a, b) if a == b => (klo, khi, a),
        (Base::Year, Base::Month) => (klo * 12, khi, Base::Month),
        (Base::Month, Base::Year) => (klo, khi * 12, Base::Month),
        _ => return None,
    };
    let ((sy, sm, sd), (ey, em, ed)) = ends(anchor)?;
    let cal = anchor.calendar;
    let a = shift_point(sy, sm, sd, klo, base, cal)?;
    let b = shift_point(ey, em, ed, khi, base, cal)?;
    Some(date_or_range(a, b))
}

/// The calendar unit before (`dir` -1), of (0) or after (+1) the anchor's: "yesterday",
/// "last week", "this month", "next year", "the previous decade". `None` when the
/// anchor is coarser than the unit (no "next week" of "1917").
pub fn neighbour(anchor: &HDate, unit: Unit, dir: i64) -> Option<Value> {
    let cal = anchor.calendar;
    let p = anchor.precision;
    match unit {
        Unit::Day if p.has_day() => shift(anchor, dir as f64, dir as f64, Unit::Day),
        Unit::Week if p.has_day() => {
            let d = Day::from_ymd(cal, anchor.year, anchor.month, anchor.day).ok()?;
            let monday = d.add_days(-(weekday_index(d.weekday()) as i64) + 7 * dir);
            Some(Value::Range(
                date_of(monday, cal)?,
                date_of(monday.add_days(6), cal)?,
            ))
        }
        Unit::Month if p.has_month() => shift(anchor, dir as f64, dir as f64, Unit::Month),
        Unit::Year if p >= Precision::Year => {
            Some(Value::Date(HDate::year(cal, anchor.year + dir)))
        }
        Unit::Decade if p >= Precision::Decade => Some(Value::Date(HDate::coarse(
            cal,
            anchor.year.div_euclid(10) * 10 + 10 * dir,
            Precision::Decade,
        ))),
        Unit::Century if p >= Precision::Century => Some(Value::Date(HDate::coarse(
            cal,
            ((anchor.year - 1).div_euclid(100) + dir) * 100 + 1,
            Precision::Century,
        ))),
        _ => None,
    }
}

/// The day `off` days from the day of `base` (`None` unless `base` has a day):
/// "yesterday", "the next day".
pub(crate) fn days_from(base: &HDate, off: i64) -> Option<HDate> {
    let d = anchor_day(base)?;
    match shift(&d, off as f64, off as f64, Unit::Day)? {
        Value::Date(h) => Some(h),
        _ => None,
    }
}

/// What a relative expression counts from: the text's reference time (the last date
/// it named) for an anaphoric one ("that year", "the following day") when it is
/// precise enough for `unit`, else the anchor (deictic ones: "last year", "tomorrow").
pub(crate) fn count_from(
    reference: Option<HDate>,
    anchor: Option<&HDate>,
    anaphoric: bool,
    unit: Unit,
) -> Option<HDate> {
    if anaphoric
        && let Some(r) = reference
        && match unit {
            Unit::Day | Unit::Week => r.precision.has_day(),
            Unit::Month => r.precision.has_month(),
            _ => true,
        }
    {
        return Some(r);
    }
    anchor.copied()
}

/// The date a match gives the text's reference time: a date named with its year
/// (`named`, which the grammar decides: "June 1998", "в 1905 году"), or a relative
/// expression resolved to a day ("on Friday", "вчера"). Durations, sets, vague
/// references and ranges leave the reference as it was.
pub(crate) fn reference_of(v: &Value, named: bool) -> Option<HDate> {
    match v {
        Value::Date(h) if named => Some(*h),
        Value::Relative {
            resolved: Some(r), ..
        } => match r.as_ref() {
            Value::Date(h) if h.precision.has_day() => Some(*h),
            _ => None,
        },
        _ => None,
    }
}

/// Calendar quarter `q` (1-4) of `year`: its months as a range and its TIMEX3 value
/// (`1989-Q3`). `None` for a quarter outside 1-4.
pub fn quarter(year: i64, q: u32) -> Option<(Value, String)> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let cal = Calendar::Gregorian;
    let m = 3 * q as u8;
    Some((
        Value::Range(
            HDate::ym(cal, year, m - 2).ok()?,
            HDate::ym(cal, year, m).ok()?,
        ),
        format!("{}-Q{q}", histlint_time::date::format_year(year)),
    ))
}

/// 0 for Monday … 6 for Sunday.
pub fn weekday_index(w: Weekday) -> usize {
    Weekday::ALL.iter().position(|x| *x == w).unwrap_or(0)
}

/// Occurrence `k` of a season: the spring of 1918 is 1918-03..1918-05, the winter
/// labelled 1917 is 1917-12..1918-02 (as TIMEX3 `1917-WI`).
pub fn season_occurrence(k: i64, season: Season, cal: Calendar) -> Option<Value> {
    let (a, b) = season.months();
    Some(if season == Season::Winter {
        Value::Range(HDate::ym(cal, k, 12).ok()?, HDate::ym(cal, k + 1, 2).ok()?)
    } else {
        Value::Range(HDate::ym(cal, k, a).ok()?, HDate::ym(cal, k, b).ok()?)
    })
}

/// A season named with its year in the text: "the spring of 1918" is 1918-03..1918-05.
/// "The winter of 1917" is December 1916 to February 1918: it covers both the winter
/// that ends in 1917 and the one that begins in it, since writers use both.
pub fn season_of_year(year: i64, season: Season, cal: Calendar) -> Option<Value> {
    if season == Season::Winter {
        Some(Value::Range(
            HDate::ym(cal, year - 1, 12).ok()?,
            HDate::ym(cal, year + 1, 2).ok()?,
        ))
    } else {
        season_occurrence(year, season, cal)
    }
}

/// Which season occurrence `pick` means around the anchor, with its label year.
pub fn season_around(anchor: &HDate, season: Season, pick: Pick) -> Option<(i64, Value)> {
    let y = anchor.year;
    let cal = anchor.calendar;
    let k = if anchor.precision.has_month() {
        let a = y * 12 + i64::from(anchor.month) - 1;
        let (first, last) = season.months();
        let start = |k: i64| k * 12 + i64::from(first) - 1;
        let end = |k: i64| {
            if season == Season::Winter {
                (k + 1) * 12 + i64::from(last) - 1
            } else {
                k * 12 + i64::from(last) - 1
            }
        };
        match pick {
            Pick::Same => {
                if season == Season::Winter && anchor.month <= 2 {
                    y - 1
                } else {
                    y
                }
            }
            Pick::Previous => (y - 2..=y + 1).rev().find(|&k| end(k) < a)?,
            Pick::Next => (y - 1..=y + 2).find(|&k| start(k) > a)?,
            Pick::LatestStarted => (y - 2..=y + 1).rev().find(|&k| start(k) <= a)?,
        }
    } else if anchor.precision == Precision::Year {
        match pick {
            Pick::Same | Pick::LatestStarted => y,
            Pick::Previous => y - 1,
            Pick::Next => y + 1,
        }
    } else {
        return None;
    };
    Some((k, season_occurrence(k, season, cal)?))
}

/// Which month `pick` means around the anchor ("in March", "last March", "since
/// October"). With an anchor of year precision only `Same` and `LatestStarted` resolve
/// (to the anchor's year).
pub fn month_around(anchor: &HDate, month: u8, pick: Pick) -> Option<HDate> {
    let y = anchor.year;
    let cal = anchor.calendar;
    let year = if anchor.precision.has_month() {
        let am = anchor.month;
        match pick {
            Pick::Same => y,
            Pick::Previous => {
                if month < am {
                    y
                } else {
                    y - 1
                }
            }
            Pick::Next => {
                if month > am {
                    y
                } else {
                    y + 1
                }
            }
            Pick::LatestStarted => {
                if month <= am {
                    y
                } else {
                    y - 1
                }
            }
        }
    } else if anchor.precision == Precision::Year {
        match pick {
            Pick::Same | Pick::LatestStarted => y,
            Pick::Previous | Pick::Next => return None,
        }
    } else {
        return None;
    };
    HDate::ym(cal, year, month).ok()
}

/// Which weekday `pick` means around an anchor day ("last Monday", "next Friday",
/// "this Sunday"). `None` unless the anchor is a day.
pub fn weekday_around(anchor: &HDate, weekday: Weekday, pick: Pick) -> Option<HDate> {
    if !anchor.precision.has_day() {
        return None;
    }
    let cal = anchor.calendar;
    let d = Day::from_ymd(cal, anchor.year, anchor.month, anchor.day).ok()?;
    let cur = weekday_index(d.weekday()) as i64;
    let want = weekday_index(weekday) as i64;
    let day = match pick {
        Pick::Same => d.add_days(want - cur),
        Pick::Previous => {
            let back = (cur - want).rem_euclid(7);
            d.add_days(-if back == 0 { 7 } else { back })
        }
        Pick::Next => {
            let fwd = (want - cur).rem_euclid(7);
            d.add_days(if fwd == 0 { 7 } else { fwd })
        }
        Pick::LatestStarted => d.add_days(-(cur - want).rem_euclid(7)),
    };
    date_of(day, cal)
}

/// The occurrence of a weekday closest to an anchor day, leaning to the past
/// (`lean < 0`: the latest one on or before the anchor, "said Friday"), to the future
/// (`lean > 0`: the earliest one on or after it, "will meet Friday"), or neither (the
/// nearer one, the past on a tie). `None` unless the anchor is a day.
pub fn weekday_near(anchor: &HDate, weekday: Weekday, lean: i8) -> Option<HDate> {
    if !anchor.precision.has_day() {
        return None;
    }
    let cal = anchor.calendar;
    let d = Day::from_ymd(cal, anchor.year, anchor.month, anchor.day).ok()?;
    let cur = weekday_index(d.weekday()) as i64;
    let want = weekday_index(weekday) as i64;
    let back = (cur - want).rem_euclid(7);
    let fwd = (want - cur).rem_euclid(7);
    let off = match lean {
        l if l < 0 => -back,
        l if l > 0 => fwd,
        _ if back <= fwd => -back,
        _ => fwd,
    };
    date_of(d.add_days(off), cal)
}

/// How far back (in months) the past tense may pull a month or a day of a month away
/// from the nearer occurrence: "said ... in January" told in November is more often the
/// coming January (the past cue is the reporting verb) than the one ten months back.
/// The future tense is not so weak: "will" cannot mean a past date.
const LEAN_MONTHS: i64 = 9;
/// [`LEAN_MONTHS`] in days.
const LEAN_DAYS: i64 = 274;

/// The occurrence of a month closest to an anchor with a month, leaning as in
/// [`weekday_near`]: "in December" told in the past of a January anchor is the December
/// before it, told of the future of a November anchor the December after it. Without a
/// lean, the nearer one (the past on a tie). With an anchor of year precision, the
/// anchor's year.
pub fn month_near(anchor: &HDate, month: u8, lean: i8) -> Option<HDate> {
    let y = anchor.year;
    let cal = anchor.calendar;
    if !anchor.precision.has_month() {
        return month_around(anchor, month, Pick::Same);
    }
    let am = i64::from(anchor.month);
    let m = i64::from(month);
    let back = (am - m).rem_euclid(12);
    let fwd = (m - am).rem_euclid(12);
    let off = match lean {
        l if l < 0 && back <= LEAN_MONTHS => -back,
        l if l > 0 => fwd,
        _ if back <= fwd => -back,
        _ => fwd,
    };
    let (year, mo) = add_months(y, anchor.month, off);
    HDate::ym(cal, year, mo).ok()
}

/// The occurrence of a day of a month ("Nov. 25") closest to an anchor, leaning as in
/// [`weekday_near`]. With an anchor of month precision the anchor's month counts as
/// both before and after; with an anchor of year precision, the anchor's year.
pub fn day_near(anchor: &HDate, month: u8, day: u8, lean: i8) -> Option<HDate> {
    let y = anchor.year;
    let cal = anchor.calendar;
    if !anchor.precision.has_month() {
        return HDate::ymd(cal, y, month, day).ok();
    }
    let whole_month = !anchor.precision.has_day();
    let ad = Day::from_ymd(cal, y, anchor.month, anchor.day.max(1)).ok()?;
    let mut best: Option<(i64, HDate)> = None;
    for yy in y - 1..=y + 1 {
        let Ok(h) = HDate::ymd(cal, yy, month, day) else {
            continue;
        };
        let diff = if whole_month && yy == y && month == anchor.month {
            0
        } else {
            Day::from_ymd(cal, yy, month, day).ok()?.0 - ad.0
        };
        let ok = match lean {
            l if l < 0 => (-LEAN_DAYS..=0).contains(&diff),
            l if l > 0 => diff >= 0,
            _ => true,
        };
        // the nearer, the past on a tie
        let score = diff.abs() * 2 + i64::from(diff > 0);
        if ok && best.as_ref().is_none_or(|(b, _)| score < *b) {
            best = Some((score, h));
        }
    }
    match best {
        Some((_, h)) => Some(h),
        // nothing that near in the tense's direction: the nearest
        None if lean != 0 => day_near(anchor, month, day, 0),
        None => None,
    }
}

/// "The twenties" against an anchor: the decade of that name in the anchor's century,
/// or in the century before when it would begin after the anchor's year.
pub fn decade_around(anchor: &HDate, decade: u8) -> Option<HDate> {
    if anchor.precision < Precision::Decade {
        return None;
    }
    let mut y = anchor.year.div_euclid(100) * 100 + 10 * i64::from(decade);
    if y > anchor.year {
        y -= 100;
    }
    Some(HDate::coarse(anchor.calendar, y, Precision::Decade))
}

/// The anchor truncated to a day, if it has one.
pub fn anchor_day(anchor: &HDate) -> Option<HDate> {
    if anchor.precision.has_day() {
        HDate::ymd(anchor.calendar, anchor.year, anchor.month, anchor.day).ok()
    } else {
        None
    }
}

/// The ISO 8601 week (`1998-W32`) that begins on the Monday `monday`.
pub(crate) fn iso_week(monday: &HDate) -> Option<String> {
    let g = histlint_time::Calendar::Gregorian;
    let day = histlint_time::Day::from_ymd(monday.calendar, monday.year, monday.month, monday.day)
        .ok()?;
    let thursday = day.add_days(3);
    let (y, _, _) = thursday.to_ymd(g);
    let jan1 = histlint_time::Day::from_ymd(g, y, 1, 1).ok()?;
    let week = (thursday.0 - jan1.0) / 7 + 1;
    Some(format!(
        "{}-W{week:02}",
        histlint_time::date::format_year(y)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> HDate {
        HDate::parse_iso(s).unwrap()
    }

    fn iso(v: &Value) -> String {
        match v {
            Value::Date(a) => a.to_iso(),
            Value::Range(a, b) => format!("{}/{}", a.to_iso(), b.to_iso()),
            _ => panic!("{v:?}"),
        }
    }

    #[test]
    fn shifts_truncate_to_the_step() {
        let a = d("1917-10-25");
        assert_eq!(iso(&shift(&a, 1.0, 1.0, Unit::Year).unwrap()), "1918");
        assert_eq!(iso(&shift(&a, 2.0, 2.0, Unit::Month).unwrap()), "1917-12");
        assert_eq!(iso(&shift(&a, 2.0, 2.0, Unit::Day).unwrap()), "1917-10-27");
        assert_eq!(
            iso(&shift(&a, -3.0, -3.0, Unit::Week).unwrap()),
            "1917-10-04"
        );
        assert_eq!(iso(&shift(&a, 1.5, 1.5, Unit::Year).unwrap()), "1919-04");
        assert_eq!(
            iso(&shift(&a, 2.0, 7.0, Unit::Day).unwrap()),
            "1917-10-27/1917-11-01"
        );
        // A coarse anchor gives a range.
        assert_eq!(
            iso(&shift(&d("1917"), 2.0, 2.0, Unit::Day).unwrap()),
            "1917-01-03/1918-01-02"
        );
        // Julian anchors stay Julian.
        let j = d("1917-10-25[u-ca=julian]");
        assert_eq!(
            iso(&shift(&j, 1.0, 1.0, Unit::Day).unwrap()),
            "1917-10-26[u-ca=julian]"
        );
        assert!(shift(&a, 0.3, 0.3, Unit::Month).is_none());
    }

    #[test]
    fn neighbours() {
        let a = d("1917-10-25"); // a Thursday
        assert_eq!(iso(&neighbour(&a, Unit::Day, -1).unwrap()), "1917-10-24");
        assert_eq!(
            iso(&neighbour(&a, Unit::Week, 1).unwrap()),
            "1917-10-29/1917-11-04"
        );
        assert_eq!(iso(&neighbour(&a, Unit::Month, 1).unwrap()), "1917-11");
        assert_eq!(iso(&neighbour(&a, Unit::Year, -1).unwrap()), "1916");
        assert_eq!(iso(&neighbour(&a, Unit::Century, 0).unwrap()), "19");
        assert!(neighbour(&d("1917"), Unit::Week, 1).is_none());
    }

    #[test]
    fn seasons() {
        let a = d("1918-03-10");
        let (k, v) = season_around(&a, Season::Winter, Pick::Previous).unwrap();
        assert_eq!((k, iso(&v).as_str()), (1917, "1917-12/1918-02"));
        // In January 1918 the winter 1917-18 has not ended: "last winter" is 1916-17.
        let (k, _) = season_around(&d("1918-01"), Season::Winter, Pick::Previous).unwrap();
        assert_eq!(k, 1916);
        let (k, _) = season_around(&a, Season::Spring, Pick::Next).unwrap();
        assert_eq!(k, 1919);
        let (k, _) = season_around(&d("1918-07"), Season::Spring, Pick::LatestStarted).unwrap();
        assert_eq!(k, 1918);
        let (k, _) = season_around(&d("1918-01"), Season::Winter, Pick::Same).unwrap();
        assert_eq!(k, 1917);
        assert_eq!(
            iso(&season_of_year(1917, Season::Winter, Calendar::Gregorian).unwrap()),
            "1916-12/1918-02"
        );
    }

    #[test]
    fn months_weekdays_decades() {
        let a = d("1917-11-07"); // Wednesday
        assert_eq!(
            month_around(&a, 10, Pick::LatestStarted).unwrap().to_iso(),
            "1917-10"
        );
        assert_eq!(
            month_around(&a, 12, Pick::LatestStarted).unwrap().to_iso(),
            "1916-12"
        );
        assert_eq!(month_around(&a, 3, Pick::Next).unwrap().to_iso(), "1918-03");
        assert_eq!(
            weekday_around(&a, Weekday::Monday, Pick::Previous)
                .unwrap()
                .to_iso(),
            "1917-11-05"
        );
        assert_eq!(
            weekday_around(&a, Weekday::Wednesday, Pick::Next)
                .unwrap()
                .to_iso(),
            "1917-11-14"
        );
        assert_eq!(decade_around(&d("1935"), 2).unwrap().to_iso(), "192");
        assert_eq!(decade_around(&d("1917"), 2).unwrap().to_iso(), "182");
    }
}
