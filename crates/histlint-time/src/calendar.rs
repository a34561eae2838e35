//! Calendars and day numbers.
//!
//! A [`Day`] is a calendar-independent day number (Rata Die: day 1 is
//! 0001-01-01 in the proleptic Gregorian calendar). Every date in histlint is
//! reduced to day numbers, so comparing a Julian date with a Gregorian one is
//! plain integer arithmetic. The conversions between day numbers and
//! year-month-day triples are ICU4X's `calendrical_calculations` (Reingold &
//! Dershowitz), extended exactly by whole calendar cycles beyond its `i32`
//! range.

use std::fmt;

use calendrical_calculations::{gregorian, julian, rata_die::RataDie};
use serde::{Deserialize, Serialize};

use crate::TimeError;

/// A calendar in which a date can be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    /// The Gregorian calendar, proleptic before 1582 ("New Style").
    Gregorian,
    /// The Julian calendar, proleptic before 45 BC ("Old Style").
    Julian,
}

impl Calendar {
    /// Both calendars, Gregorian first.
    pub const ALL: [Calendar; 2] = [Calendar::Gregorian, Calendar::Julian];

    /// Lower-case name, as written in KB files and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::Julian => "julian",
        }
    }

    /// The name historians use: "New Style" / "Old Style".
    pub fn style(self) -> &'static str {
        match self {
            Calendar::Gregorian => "New Style",
            Calendar::Julian => "Old Style",
        }
    }

    /// Wikidata's calendar-model item.
    pub fn wikidata_model(self) -> &'static str {
        match self {
            Calendar::Gregorian => "http://www.wikidata.org/entity/Q1985727",
            Calendar::Julian => "http://www.wikidata.org/entity/Q1985786",
        }
    }

    /// Reads a calendar name: `gregorian`, `julian`, `ns`, `os`, `new style`, `old style`,
    /// or a Wikidata calendar-model URI or item id.
    pub fn parse(s: &str) -> Option<Calendar> {
        let t = s.trim().trim_end_matches('/');
        let t = t.rsplit('/').next().unwrap_or(t);
        let lower: String = t
            .chars()
            .filter(|c| !matches!(c, '.' | ' ' | '_' | '-'))
            .flat_map(char::to_lowercase)
            .collect();
        match lower.as_str() {
            "gregorian" | "g" | "ns" | "newstyle" | "q1985727" | "iso" | "gregory" => {
                Some(Calendar::Gregorian)
            }
            "julian" | "j" | "os" | "oldstyle" | "q1985786" => Some(Calendar::Julian),
            _ => None,
        }
    }

    /// Whether `year` is a leap year in this calendar (astronomical numbering).
    pub fn is_leap_year(self, year: i64) -> bool {
        match self {
            Calendar::Gregorian => {
                year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
            }
            Calendar::Julian => year.rem_euclid(4) == 0,
        }
    }

    /// Days in a month of a year (astronomical numbering); `None` for a month outside 1..=12.
    pub fn days_in_month(self, year: i64, month: u8) -> Option<u8> {
        Some(match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if self.is_leap_year(year) => 29,
            2 => 28,
            _ => return None,
        })
    }

    /// Length of the calendar's repeating cycle, in years and days.
    fn cycle(self) -> (i64, i64) {
        match self {
            Calendar::Gregorian => (400, 146_097),
            Calendar::Julian => (4, 1_461),
        }
    }
}

impl fmt::Display for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Calendar::Gregorian => "Gregorian",
            Calendar::Julian => "Julian",
        })
    }
}

/// A day, as a Rata Die number (day 1 = Gregorian 0001-01-01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Day(pub i64);

/// Years within which the ICU4X functions are used directly; beyond, whole
/// cycles are added, which is exact for both calendars.
const DIRECT_YEARS: i64 = 1_000_000;

/// The largest year (either way) whose days are counted: day numbers of years beyond
/// it would overflow `i64` arithmetic (a 400-year cycle is 146,097 days).
pub const MAX_YEAR: i64 = 1_000_000_000_000_000;

impl Day {
    /// The day of a valid year-month-day in `calendar` (astronomical year numbering:
    /// year 0 is 1 BC). Fails if the month or day does not exist in that calendar.
    pub fn from_ymd(calendar: Calendar, year: i64, month: u8, day: u8) -> Result<Day, TimeError> {
        let dim = calendar
            .days_in_month(year, month)
            .ok_or(TimeError::NoSuchDate {
                calendar,
                year,
                month,
                day,
            })?;
        if day == 0 || day > dim {
            return Err(TimeError::NoSuchDate {
                calendar,
                year,
                month,
                day,
            });
        }
        if year.abs() > MAX_YEAR {
            return Err(TimeError::YearOutOfRange(year));
        }
        Ok(Day::from_ymd_unchecked(calendar, year, month, day))
    }

    /// As [`Day::from_ymd`], for a triple already known to be valid.
    pub(crate) fn from_ymd_unchecked(calendar: Calendar, year: i64, month: u8, day: u8) -> Day {
        let (cycle_years, cycle_days) = calendar.cycle();
        let (shift, base_year) = if year.abs() < DIRECT_YEARS {
            (0, year)
        } else {
            let cycles = year.div_euclid(cycle_years);
            (cycles * cycle_days, year.rem_euclid(cycle_years))
        };
        let y = base_year as i32; // |base_year| < DIRECT_YEARS
        let rd = match calendar {
            Calendar::Gregorian => gregorian::fixed_from_gregorian(y, month, day),
            Calendar::Julian => julian::fixed_from_julian(y, month, day),
        };
        Day(rd.to_i64_date() + shift)
    }

    /// The year-month-day of this day in `calendar` (astronomical year numbering).
    pub fn to_ymd(self, calendar: Calendar) -> (i64, u8, u8) {
        let (cycle_years, cycle_days) = calendar.cycle();
        // Bring the day near the epoch by whole cycles, convert, and shift the year back.
        let window = DIRECT_YEARS / 2 * 365;
        let (cycles, rd) = if self.0.abs() < window {
            (0, self.0)
        } else {
            let c = self.0.div_euclid(cycle_days);
            (c, self.0.rem_euclid(cycle_days))
        };
        let rd = RataDie::new(rd);
        let (y, m, d) = match calendar {
            Calendar::Gregorian => gregorian::gregorian_from_fixed(rd),
            Calendar::Julian => julian::julian_from_fixed(rd),
        }
        .expect("a day within the direct window converts to an i32 year");
        (i64::from(y) + cycles * cycle_years, m, d)
    }

    /// Easter Sunday of `year` reckoned in `calendar`: the Gregorian computus (the
    /// Western churches since 1583) or the Julian one (the Western churches before
    /// 1583, the Orthodox churches to this day; the day is then a Julian date).
    /// `None` for years outside ±1,000,000.
    pub fn easter(calendar: Calendar, year: i64) -> Option<Day> {
        if year.abs() >= DIRECT_YEARS {
            return None;
        }
        let y = year as i32;
        let rd = match calendar {
            Calendar::Gregorian => gregorian::easter(y),
            Calendar::Julian => julian::easter(y),
        };
        Some(Day(rd.to_i64_date()))
    }

    /// Day of the week.
    pub fn weekday(self) -> Weekday {
        // Rata Die 1 (0001-01-01 Gregorian) was a Monday.
        Weekday::ALL[(self.0 - 1).rem_euclid(7) as usize]
    }

    /// This day plus `n` days.
    pub fn add_days(self, n: i64) -> Day {
        Day(self.0 + n)
    }

    /// Formats this day as ISO 8601 `YYYY-MM-DD` in `calendar` (astronomical years).
    pub fn iso(self, calendar: Calendar) -> String {
        let (y, m, d) = self.to_ymd(calendar);
        format!("{}-{m:02}-{d:02}", crate::date::format_year(y))
    }
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// English name.
    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }
}

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(cal: Calendar, y: i64, m: u8, d: u8) -> Day {
        Day::from_ymd(cal, y, m, d).unwrap()
    }

    #[test]
    fn anchor_pairs() {
        use Calendar::*;
        // The Gregorian reform: Thursday 4 October 1582 (Julian) was followed by Friday 15 October 1582.
        assert_eq!(
            day(Julian, 1582, 10, 4).add_days(1),
            day(Gregorian, 1582, 10, 15)
        );
        assert_eq!(day(Julian, 1582, 10, 4).weekday(), Weekday::Thursday);
        assert_eq!(day(Gregorian, 1582, 10, 15).weekday(), Weekday::Friday);
        // The October insurrection.
        assert_eq!(day(Julian, 1917, 10, 25), day(Gregorian, 1917, 11, 7));
        assert_eq!(day(Gregorian, 1917, 11, 7).weekday(), Weekday::Wednesday);
        // Soviet Russia's calendar change: 31 January 1918 (Julian) was followed by 14 February 1918.
        assert_eq!(
            day(Julian, 1918, 1, 31).add_days(1),
            day(Gregorian, 1918, 2, 14)
        );
        // Newton's birth.
        assert_eq!(day(Julian, 1642, 12, 25), day(Gregorian, 1643, 1, 4));
        // Poltava.
        assert_eq!(day(Julian, 1709, 6, 27), day(Gregorian, 1709, 7, 8));
        // Rata Die epoch.
        assert_eq!(day(Gregorian, 1, 1, 1), Day(1));
    }

    #[test]
    fn converts_both_ways() {
        let d = day(Calendar::Julian, 1917, 10, 25);
        assert_eq!(d.to_ymd(Calendar::Gregorian), (1917, 11, 7));
        assert_eq!(d.to_ymd(Calendar::Julian), (1917, 10, 25));
        assert_eq!(d.iso(Calendar::Gregorian), "1917-11-07");
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert!(Day::from_ymd(Calendar::Gregorian, 1900, 2, 29).is_err());
        assert!(Day::from_ymd(Calendar::Julian, 1900, 2, 29).is_ok());
        assert!(Day::from_ymd(Calendar::Gregorian, 2000, 2, 29).is_ok());
        assert!(Day::from_ymd(Calendar::Gregorian, 1917, 4, 31).is_err());
        assert!(Day::from_ymd(Calendar::Gregorian, 1917, 13, 1).is_err());
        assert!(Day::from_ymd(Calendar::Gregorian, 1917, 0, 1).is_err());
        assert!(Day::from_ymd(Calendar::Gregorian, 1917, 1, 0).is_err());
    }

    #[test]
    fn far_years_use_whole_cycles() {
        for cal in Calendar::ALL {
            for y in [-13_798_000_000_i64, -5_000_000, 2_000_001, 9_999_999_999] {
                let d = day(cal, y, 3, 1);
                assert_eq!(d.to_ymd(cal), (y, 3, 1), "{cal} {y}");
                let next = day(cal, y + 1, 3, 1);
                let expected = if cal.is_leap_year(y + 1) { 366 } else { 365 };
                assert_eq!(next.0 - d.0, expected);
            }
        }
    }

    #[test]
    fn parses_calendar_names() {
        assert_eq!(Calendar::parse("O.S."), Some(Calendar::Julian));
        assert_eq!(Calendar::parse("Old Style"), Some(Calendar::Julian));
        assert_eq!(Calendar::parse("N.S."), Some(Calendar::Gregorian));
        assert_eq!(
            Calendar::parse("http://www.wikidata.org/entity/Q1985786"),
            Some(Calendar::Julian)
        );
        assert_eq!(Calendar::parse("Q1985727"), Some(Calendar::Gregorian));
        assert_eq!(Calendar::parse("hebrew"), None);
    }

    #[test]
    fn easter_in_both_reckonings() {
        // Easter 1916 (the Rising was on Easter Monday, 24 April)
        let g = Day::easter(Calendar::Gregorian, 1916).unwrap();
        assert_eq!(g.iso(Calendar::Gregorian), "1916-04-23");
        assert_eq!(g.weekday(), Weekday::Sunday);
        // Orthodox Easter 1917: 2 April O.S. = 15 April N.S.
        let j = Day::easter(Calendar::Julian, 1917).unwrap();
        assert_eq!(j.iso(Calendar::Julian), "1917-04-02");
        assert_eq!(j.iso(Calendar::Gregorian), "1917-04-15");
        assert_eq!(j.weekday(), Weekday::Sunday);
        assert_eq!(Day::easter(Calendar::Gregorian, 2_000_000), None);
    }
}
