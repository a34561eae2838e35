//! Historical dates: a value with a precision and the calendar it was given in.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::TimeError;
use crate::calendar::{Calendar, Day};
use crate::interval::DayInterval;

/// How precisely a date is known. The numbering is Wikidata's, one to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    BillionYears = 0,
    HundredMillionYears = 1,
    TenMillionYears = 2,
    MillionYears = 3,
    HundredThousandYears = 4,
    TenThousandYears = 5,
    Millennium = 6,
    Century = 7,
    Decade = 8,
    Year = 9,
    Month = 10,
    Day = 11,
    Hour = 12,
    Minute = 13,
    Second = 14,
}

impl Precision {
    /// From Wikidata's precision number (0-14).
    pub fn from_wikidata(p: u8) -> Option<Precision> {
        use Precision::*;
        Some(match p {
            0 => BillionYears,
            1 => HundredMillionYears,
            2 => TenMillionYears,
            3 => MillionYears,
            4 => HundredThousandYears,
            5 => TenThousandYears,
            6 => Millennium,
            7 => Century,
            8 => Decade,
            9 => Year,
            10 => Month,
            11 => Day,
            12 => Hour,
            13 => Minute,
            14 => Second,
            _ => return None,
        })
    }

    /// Wikidata's precision number.
    pub fn wikidata(self) -> u8 {
        self as u8
    }

    /// A short English name (`day`, `month`, `year`, `decade`, `century`, `millennium`, …).
    pub fn name(self) -> &'static str {
        use Precision::*;
        match self {
            BillionYears => "billion-years",
            HundredMillionYears => "hundred-million-years",
            TenMillionYears => "ten-million-years",
            MillionYears => "million-years",
            HundredThousandYears => "hundred-thousand-years",
            TenThousandYears => "ten-thousand-years",
            Millennium => "millennium",
            Century => "century",
            Decade => "decade",
            Year => "year",
            Month => "month",
            Day => "day",
            Hour => "hour",
            Minute => "minute",
            Second => "second",
        }
    }

    /// Whether the date names a month (month or finer).
    pub fn has_month(self) -> bool {
        self >= Precision::Month
    }

    /// Whether the date names a day (day or finer).
    pub fn has_day(self) -> bool {
        self >= Precision::Day
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A historical date: a year (astronomical numbering, year 0 = 1 BC), month and day
/// where the precision has them, and the calendar the date was given in.
///
/// A date stands for an interval of days ([`HDate::interval`]): "March 1921" is
/// 1921-03-01..1921-03-31. Fields finer than the precision are kept as given (Wikidata
/// writes `+1214-00-00` or `+1879-11-07` at year precision alike), so reading and
/// writing a Wikidata time value is one to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HDate {
    pub year: i64,
    /// 1-12, or 0 when not given.
    pub month: u8,
    /// 1-31, or 0 when not given.
    pub day: u8,
    /// Time of day, kept for hour-to-second precision (Wikidata 12-14).
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub precision: Precision,
    pub calendar: Calendar,
}

impl HDate {
    /// A day-precision date; fails if the day does not exist in `calendar`.
    pub fn ymd(calendar: Calendar, year: i64, month: u8, day: u8) -> Result<HDate, TimeError> {
        Day::from_ymd(calendar, year, month, day)?;
        Ok(HDate {
            year,
            month,
            day,
            hour: 0,
            minute: 0,
            second: 0,
            precision: Precision::Day,
            calendar,
        })
    }

    /// A month-precision date.
    pub fn ym(calendar: Calendar, year: i64, month: u8) -> Result<HDate, TimeError> {
        if !(1..=12).contains(&month) {
            return Err(TimeError::NoSuchDate {
                calendar,
                year,
                month,
                day: 0,
            });
        }
        Ok(HDate {
            year,
            month,
            day: 0,
            hour: 0,
            minute: 0,
            second: 0,
            precision: Precision::Month,
            calendar,
        })
    }

    /// A year-precision date.
    pub fn year(calendar: Calendar, year: i64) -> HDate {
        HDate::coarse(calendar, year, Precision::Year)
    }

    /// A date at year precision or coarser (decade, century …), named by a year in it.
    pub fn coarse(calendar: Calendar, year: i64, precision: Precision) -> HDate {
        HDate {
            year,
            month: 0,
            day: 0,
            hour: 0,
            minute: 0,
            second: 0,
            precision,
            calendar,
        }
    }

    /// The same date with another precision (fields kept).
    pub fn with_precision(mut self, precision: Precision) -> HDate {
        self.precision = precision;
        self
    }

    /// Checks that the fields the precision needs exist in the calendar.
    pub fn validate(&self) -> Result<(), TimeError> {
        let err = || TimeError::NoSuchDate {
            calendar: self.calendar,
            year: self.year,
            month: self.month,
            day: self.day,
        };
        // Coarse precisions reach a further 5 * 10^8 years either side (`interval`).
        if self.year.abs() > crate::calendar::MAX_YEAR {
            return Err(TimeError::YearOutOfRange(self.year));
        }
        if self.precision.has_day() {
            Day::from_ymd(self.calendar, self.year, self.month, self.day)?;
        } else if self.precision.has_month() && !(1..=12).contains(&self.month) {
            return Err(err());
        }
        if self.hour > 23 || self.minute > 59 || self.second > 60 {
            return Err(err());
        }
        Ok(())
    }

    /// The interval of days this date stands for, as day numbers (calendar-independent).
    ///
    /// Decades are `YYY0..YYY9`. A century is counted the inclusive way, so that both
    /// readings of "the 20th century" (1901-2000 and 1900-1999) fall inside it:
    /// the century named by year 1950 (or 1901, or 2000) is 1900-01-01..2000-12-31.
    /// Millennia likewise. Coarser precisions are centred on the year.
    pub fn interval(&self) -> Result<DayInterval, TimeError> {
        self.validate()?;
        let cal = self.calendar;
        let y = self.year;
        let years = |a: i64, b: i64| {
            DayInterval::new(
                crate::calendar::Day::from_ymd_unchecked(cal, a, 1, 1),
                crate::calendar::Day::from_ymd_unchecked(cal, b, 12, 31),
            )
        };
        use Precision::*;
        Ok(match self.precision {
            Day | Hour | Minute | Second => {
                let d = crate::calendar::Day::from_ymd_unchecked(cal, y, self.month, self.day);
                DayInterval::new(d, d)
            }
            Month => {
                let last = cal.days_in_month(y, self.month).expect("validated");
                DayInterval::new(
                    crate::calendar::Day::from_ymd_unchecked(cal, y, self.month, 1),
                    crate::calendar::Day::from_ymd_unchecked(cal, y, self.month, last),
                )
            }
            Year => years(y, y),
            Decade => {
                let d = y.div_euclid(10) * 10;
                years(d, d + 9)
            }
            Century => {
                let c = (y - 1).div_euclid(100) * 100;
                years(c, c + 100)
            }
            Millennium => {
                let m = (y - 1).div_euclid(1000) * 1000;
                years(m, m + 1000)
            }
            p => {
                let half = 10_i64.pow(9 - p as u32) / 2;
                years(y - half, y + half)
            }
        })
    }

    /// The same day in the other calendar (only for day precision; a coarser date
    /// keeps its calendar, since "1917 in the Julian calendar" is not a Gregorian year).
    pub fn to_calendar(&self, calendar: Calendar) -> Result<HDate, TimeError> {
        if calendar == self.calendar {
            return Ok(*self);
        }
        if !self.precision.has_day() {
            return Err(TimeError::NotADay(self.to_iso()));
        }
        let d = Day::from_ymd(self.calendar, self.year, self.month, self.day)?;
        let (y, m, dd) = d.to_ymd(calendar);
        Ok(HDate {
            year: y,
            month: m,
            day: dd,
            calendar,
            ..*self
        })
    }

    /// ISO 8601 with reduced precision, astronomical years, and an RFC 9557 calendar
    /// annotation for Julian dates: `1917-10-25[u-ca=julian]`, `1917-03`, `191` (the
    /// 1910s), `19` (the century 1900-1999).
    pub fn to_iso(&self) -> String {
        let mut s = self.iso_value();
        if self.calendar == Calendar::Julian {
            s.push_str("[u-ca=julian]");
        }
        s
    }

    /// ISO value without calendar annotation.
    pub fn iso_value(&self) -> String {
        use Precision::*;
        match self.precision {
            Second => format!(
                "{}-{:02}-{:02}T{:02}:{:02}:{:02}",
                format_year(self.year),
                self.month,
                self.day,
                self.hour,
                self.minute,
                self.second
            ),
            Minute => format!(
                "{}-{:02}-{:02}T{:02}:{:02}",
                format_year(self.year),
                self.month,
                self.day,
                self.hour,
                self.minute
            ),
            Hour => format!(
                "{}-{:02}-{:02}T{:02}",
                format_year(self.year),
                self.month,
                self.day,
                self.hour
            ),
            Day => format!(
                "{}-{:02}-{:02}",
                format_year(self.year),
                self.month,
                self.day
            ),
            Month => format!("{}-{:02}", format_year(self.year), self.month),
            Year => format_year(self.year),
            Decade | Century | Millennium => {
                let (v, width) = match self.precision {
                    Decade => (self.year.div_euclid(10), 3),
                    Century => ((self.year - 1).div_euclid(100) + 1 - 1, 2),
                    _ => ((self.year - 1).div_euclid(1000), 1),
                };
                // Reduced precision is told by the number of digits, so a value too
                // wide for its width (the 29th millennium, "28") would read back as
                // another precision: write the general form instead.
                // (A negative value is as wide as its digits: "-191001" would read back
                // as a year.)
                if v.abs() < 10_i64.pow(width) {
                    format_reduced(v, width as usize)
                } else {
                    format!("{}~{}", format_year(self.year), self.precision.name())
                }
            }
            _ => format!("{}~{}", format_year(self.year), self.precision.name()),
        }
    }

    /// Parses ISO 8601 with reduced precision, as written by [`HDate::to_iso`]:
    /// `1917-11-07`, `1917-11`, `1917`, `191`, `19`, `-0043`, `+12345`, optionally with a
    /// time, and with a calendar marker: `[u-ca=julian]`, ` O.S.`, ` (Old Style)`,
    /// ` julian`; also a Wikidata time value (`+1917-11-07T00:00:00Z`, read at day
    /// precision, or month or year when those parts are `00`; use
    /// [`HDate::from_wikidata`] to give its precision).
    pub fn parse_iso(text: &str) -> Result<HDate, TimeError> {
        HDate::parse_iso_in(text, Calendar::Gregorian)
    }

    /// As [`HDate::parse_iso`], reading a date without a calendar marker in `default`.
    pub fn parse_iso_in(text: &str, default: Calendar) -> Result<HDate, TimeError> {
        let bad = || TimeError::Syntax(text.to_string());
        let (value, calendar) = split_calendar(text).ok_or_else(bad)?;
        let calendar = calendar.unwrap_or(default);
        if value.ends_with('Z') && value.contains('T') && value.starts_with(['+', '-']) {
            // A Wikidata time value without its precision: infer it from the zeros
            // Wikidata writes for the parts it does not give.
            let date_part = value[1..].split('T').next().unwrap_or_default();
            let mut it = date_part.rsplitn(3, '-');
            let precision = match (it.next(), it.next()) {
                (_, Some("00")) => Precision::Year,
                (Some("00"), _) => Precision::Month,
                _ => Precision::Day,
            };
            return HDate::from_wikidata(value, precision.wikidata(), calendar);
        }
        let (sign, digits_and_rest) = match value.as_bytes().first() {
            Some(b'-') => (-1, &value[1..]),
            Some(b'+') => (1, &value[1..]),
            _ => (1, value),
        };
        let (date_part, time_part) = match digits_and_rest.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (digits_and_rest, None),
        };
        let mut parts = date_part.split('-');
        let ypart = parts.next().ok_or_else(bad)?;
        if ypart.is_empty() || !ypart.bytes().all(|b| b.is_ascii_digit()) || ypart.len() > 17 {
            return Err(bad());
        }
        let n: i64 = ypart.parse().map_err(|_| bad())?;
        let month = parts.next();
        let day = parts.next();
        if parts.next().is_some() {
            return Err(bad());
        }
        let num2 = |s: &str| -> Result<u8, TimeError> {
            if s.len() != 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            s.parse().map_err(|_| bad())
        };
        let date = match (ypart.len(), month, day) {
            (1, None, None) if sign > 0 => {
                HDate::coarse(calendar, n * 1000 + 1, Precision::Millennium)
            }
            (2, None, None) if sign > 0 => HDate::coarse(calendar, n * 100 + 1, Precision::Century),
            (3, None, None) if sign > 0 => HDate::coarse(calendar, n * 10, Precision::Decade),
            (l, m, d) if l >= 4 => {
                let y = sign * n;
                match (m, d) {
                    (None, None) => HDate::year(calendar, y),
                    (Some(m), None) => HDate::ym(calendar, y, num2(m)?)?,
                    (Some(m), Some(d)) => HDate::ymd(calendar, y, num2(m)?, num2(d)?)?,
                    (None, Some(_)) => return Err(bad()),
                }
            }
            _ => return Err(bad()),
        };
        match time_part {
            None => Ok(date),
            Some(t) => {
                if !date.precision.has_day() {
                    return Err(bad());
                }
                let t = t.trim_end_matches('Z');
                let fields: Vec<&str> = t.split(':').collect();
                if fields.is_empty() || fields.len() > 3 {
                    return Err(bad());
                }
                let mut out = date;
                out.hour = num2(fields[0])?;
                out.precision = Precision::Hour;
                if let Some(m) = fields.get(1) {
                    out.minute = num2(m)?;
                    out.precision = Precision::Minute;
                }
                if let Some(s) = fields.get(2) {
                    out.second = num2(s)?;
                    out.precision = Precision::Second;
                }
                out.validate()?;
                Ok(out)
            }
        }
    }

    /// Reads a Wikidata time value (`+1917-11-07T00:00:00Z`), its precision (0-14) and
    /// calendar model. Wikidata's JSON writes years before the common era in historical
    /// numbering (`-0044` is 44 BC, there is no year 0) and writes a Julian date in the
    /// Julian calendar; both are kept exactly.
    pub fn from_wikidata(
        time: &str,
        precision: u8,
        calendar: Calendar,
    ) -> Result<HDate, TimeError> {
        let bad = || TimeError::Syntax(time.to_string());
        let precision =
            Precision::from_wikidata(precision).ok_or(TimeError::Precision(precision))?;
        let (sign, rest) = match time.as_bytes().first() {
            Some(b'+') => (1, &time[1..]),
            Some(b'-') => (-1, &time[1..]),
            _ => return Err(bad()),
        };
        let (date, clock) = rest.split_once('T').ok_or_else(bad)?;
        let mut it = date.rsplitn(3, '-');
        let (d, m, y) = (
            it.next().ok_or_else(bad)?,
            it.next().ok_or_else(bad)?,
            it.next().ok_or_else(bad)?,
        );
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(y)
            || !all_digits(m)
            || !all_digits(d)
            || y.len() > 17
            || m.len() != 2
            || d.len() != 2
        {
            return Err(bad());
        }
        let hist_year: i64 = sign * y.parse::<i64>().map_err(|_| bad())?;
        if hist_year == 0 && precision >= Precision::Year {
            return Err(TimeError::YearZero(time.to_string()));
        }
        let year = if hist_year < 0 {
            hist_year + 1
        } else {
            hist_year
        };
        let clock = clock.strip_suffix('Z').ok_or_else(bad)?;
        let hms: Vec<&str> = clock.split(':').collect();
        if hms.len() != 3 || !hms.iter().all(|p| p.len() == 2 && all_digits(p)) {
            return Err(bad());
        }
        let num = |s: &str| s.parse::<u8>().map_err(|_| bad());
        let out = HDate {
            year,
            month: num(m)?,
            day: num(d)?,
            hour: num(hms[0])?,
            minute: num(hms[1])?,
            second: num(hms[2])?,
            precision,
            calendar,
        };
        out.validate()?;
        Ok(out)
    }

    /// Writes the Wikidata time value (inverse of [`HDate::from_wikidata`]).
    pub fn to_wikidata(&self) -> String {
        let hist = if self.year <= 0 {
            self.year - 1
        } else {
            self.year
        };
        let sign = if hist < 0 { '-' } else { '+' };
        format!(
            "{sign}{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            hist.unsigned_abs(),
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second
        )
    }

    /// A human rendering in English: "25 October 1917 (Julian)", "March 1921", "1910s",
    /// "20th century", "44 BC".
    pub fn describe(&self) -> String {
        use Precision::*;
        let y = describe_year(self.year);
        let s = match self.precision {
            Day | Hour | Minute | Second => {
                format!("{} {} {}", self.day, month_name(self.month), y)
            }
            Month => format!("{} {}", month_name(self.month), y),
            Year => y,
            Decade => {
                let d = self.year.div_euclid(10) * 10;
                if d >= 0 {
                    format!("{d}s")
                } else {
                    format!("{}s BC", describe_year(d + 9).trim_end_matches(" BC"))
                }
            }
            Century => {
                let c = (self.year - 1).div_euclid(100) + 1;
                if c > 0 {
                    format!("{} century", ordinal(c))
                } else {
                    format!("{} century BC", ordinal(1 - c))
                }
            }
            Millennium => {
                let m = (self.year - 1).div_euclid(1000) + 1;
                if m > 0 {
                    format!("{} millennium", ordinal(m))
                } else {
                    format!("{} millennium BC", ordinal(1 - m))
                }
            }
            p => format!("about {y} (to the nearest {})", p.name().replace('-', " ")),
        };
        if self.calendar == Calendar::Julian {
            format!("{s} (Julian)")
        } else {
            s
        }
    }
}

impl fmt::Display for HDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(m: u8) -> &'static str {
    MONTHS
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "1917", "44 BC" (astronomical year -43).
pub fn describe_year(year: i64) -> String {
    if year <= 0 {
        format!("{} BC", 1 - year)
    } else {
        year.to_string()
    }
}

/// ISO 8601 year: four digits at least, a sign before negative years and after 9999.
pub fn format_year(y: i64) -> String {
    if y < 0 {
        format!("-{:04}", y.unsigned_abs())
    } else if y > 9999 {
        format!("+{y}")
    } else {
        format!("{y:04}")
    }
}

fn format_reduced(v: i64, width: usize) -> String {
    if v < 0 {
        format!("-{:0width$}", v.unsigned_abs())
    } else {
        format!("{v:0width$}")
    }
}

/// Splits a calendar marker off a date string: `[u-ca=julian]`, `O.S.`, `(Old Style)`,
/// `julian`, `N.S.` … Returns `None` for an unknown annotation.
pub fn split_calendar(text: &str) -> Option<(&str, Option<Calendar>)> {
    let t = text.trim();
    if let Some(start) = t.find('[') {
        let ann = t[start..].trim();
        let inner = ann.strip_prefix('[')?.strip_suffix(']')?;
        let inner = inner.strip_prefix('!').unwrap_or(inner);
        let cal = inner.strip_prefix("u-ca=")?;
        return Some((t[..start].trim(), Some(Calendar::parse(cal)?)));
    }
    if let Some((v, rest)) = t.split_once(char::is_whitespace) {
        let marker = rest.trim().trim_start_matches('(').trim_end_matches(')');
        return Some((v, Some(Calendar::parse(marker)?)));
    }
    Some((t, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (found by the `date` fuzz target): "29 millennium" (the 29th
    /// millennium) was written "28", which reads back as the 29th century.
    #[test]
    fn reduced_forms_too_wide_for_their_digits() {
        for (year, p) in [
            (28_001, Precision::Millennium),
            (10_001, Precision::Millennium),
            (10_001, Precision::Century),
            (10_000, Precision::Decade),
        ] {
            let d = HDate::coarse(Calendar::Gregorian, year, p);
            let iso = d.iso_value();
            if let Ok(back) = HDate::parse_iso(&iso) {
                assert_eq!(back.interval().ok(), d.interval().ok(), "{iso}");
            }
        }
        // Those that fit keep the short form.
        assert_eq!(
            HDate::coarse(Calendar::Gregorian, 1950, Precision::Century).iso_value(),
            "19"
        );
        assert_eq!(
            HDate::coarse(Calendar::Gregorian, 1917, Precision::Decade).iso_value(),
            "191"
        );
        assert_eq!(
            HDate::coarse(Calendar::Gregorian, 1917, Precision::Millennium).iso_value(),
            "1"
        );
    }

    /// Regression (found by the `date` fuzz target): a 17-digit year such as
    /// `44444444444444918` overflowed the day-number arithmetic and panicked; years
    /// beyond 10^15 are now an error.
    #[test]
    fn distant_bc_decades_keep_their_precision_in_iso() {
        // found by fuzzing (`date` target): "bc 1910000s" wrote its ISO form as
        // "-191001", which reads back as a year
        for text in ["bc 1910000s", "1910s BC", "10s BC", "bc 190s"] {
            let d = match crate::parse_date(text) {
                Ok(p) => p.date,
                Err(_) => HDate::parse_iso(text).unwrap(),
            };
            let iso = d.to_iso();
            if let Ok(back) = HDate::parse_iso(&iso) {
                assert_eq!(back.to_iso(), iso, "{text}");
                assert_eq!(back.interval().ok(), d.interval().ok(), "{text}: {iso}");
            }
        }
    }

    #[test]
    fn huge_years_are_errors_not_overflows() {
        for text in [
            "44444444444444918",
            "-99999999999999999-01-01",
            "+44444444444444918-01-01T00:00:00Z",
        ] {
            if let Ok(d) = HDate::parse_iso(text) {
                assert!(
                    matches!(d.interval(), Err(TimeError::YearOutOfRange(_))),
                    "{text}"
                );
            }
            if let Ok(p) = crate::parse_date(text) {
                assert!(p.date.interval().is_err(), "{text}");
            }
        }
        assert!(matches!(
            Day::from_ymd(Calendar::Gregorian, 44_444_444_444_444_918, 1, 1),
            Err(TimeError::YearOutOfRange(_))
        ));
        // The largest year still works, at every precision.
        let max = crate::calendar::MAX_YEAR;
        assert!(
            HDate::ymd(Calendar::Julian, max, 12, 31)
                .unwrap()
                .interval()
                .is_ok()
        );
        assert!(
            HDate::coarse(
                Calendar::Gregorian,
                -max,
                Precision::from_wikidata(0).unwrap()
            )
            .interval()
            .is_ok()
        );
    }

    fn iv(s: &str) -> (String, String) {
        let d = HDate::parse_iso(s).unwrap();
        let i = d.interval().unwrap();
        (
            i.start.iso(Calendar::Gregorian),
            i.end.iso(Calendar::Gregorian),
        )
    }

    #[test]
    fn precision_gives_the_interval() {
        assert_eq!(iv("1921-03"), ("1921-03-01".into(), "1921-03-31".into()));
        assert_eq!(iv("1917"), ("1917-01-01".into(), "1917-12-31".into()));
        assert_eq!(iv("1917-11-07"), ("1917-11-07".into(), "1917-11-07".into()));
        assert_eq!(iv("191"), ("1910-01-01".into(), "1919-12-31".into()));
        assert_eq!(iv("19"), ("1900-01-01".into(), "2000-12-31".into()));
        assert_eq!(
            iv("1917-02[u-ca=julian]"),
            ("1917-02-14".into(), "1917-03-13".into())
        );
        // Julian February 1900 has 29 days, and the calendars drift apart by a day on its 29th.
        assert_eq!(
            iv("1900-02 O.S."),
            ("1900-02-13".into(), "1900-03-13".into())
        );
    }

    #[test]
    fn bce_years_are_astronomical() {
        let d = HDate::parse_iso("-0043-03-15[u-ca=julian]").unwrap();
        assert_eq!(d.describe(), "15 March 44 BC (Julian)");
        assert_eq!(d.to_iso(), "-0043-03-15[u-ca=julian]");
        assert_eq!(d.to_wikidata(), "-0044-03-15T00:00:00Z");
    }

    #[test]
    fn iso_round_trips() {
        for s in [
            "1917-11-07",
            "1917-10-25[u-ca=julian]",
            "1917-03",
            "1917",
            "191",
            "19",
            "-0043",
            "+12345",
            "1940-08-20T17:30",
            "0001-01-01",
        ] {
            assert_eq!(HDate::parse_iso(s).unwrap().to_iso(), s);
        }
    }

    #[test]
    fn iso_rejects_junk() {
        for s in [
            "",
            "17-",
            "1917-3",
            "1917-13",
            "1917-02-30",
            "abcd",
            "1917-01-01-01",
            "1917 Hebrew",
            "19x7",
            "1917-04-31",
            "-19",
            "1917-01-01T25",
        ] {
            assert!(HDate::parse_iso(s).is_err(), "{s:?}");
        }
    }

    #[test]
    fn wikidata_values_round_trip() {
        let d = HDate::from_wikidata("+1214-00-00T00:00:00Z", 9, Calendar::Julian).unwrap();
        assert_eq!(
            (d.year, d.precision, d.calendar),
            (1214, Precision::Year, Calendar::Julian)
        );
        assert_eq!(d.to_wikidata(), "+1214-00-00T00:00:00Z");
        let d = HDate::from_wikidata("+1879-11-07T00:00:00Z", 11, Calendar::Gregorian).unwrap();
        assert_eq!(d.to_iso(), "1879-11-07");
        let d =
            HDate::from_wikidata("-13798000000-00-00T00:00:00Z", 3, Calendar::Gregorian).unwrap();
        assert_eq!(d.to_wikidata(), "-13798000000-00-00T00:00:00Z");
        assert!(d.interval().is_ok());
        assert!(HDate::from_wikidata("+1917-02-30T00:00:00Z", 11, Calendar::Gregorian).is_err());
        assert!(HDate::from_wikidata("+0000-00-00T00:00:00Z", 9, Calendar::Gregorian).is_err());
        assert!(HDate::from_wikidata("+1917-11-07T00:00:00Z", 15, Calendar::Gregorian).is_err());
    }

    #[test]
    fn describes() {
        assert_eq!(
            HDate::parse_iso("1917-10-25 O.S.").unwrap().describe(),
            "25 October 1917 (Julian)"
        );
        assert_eq!(HDate::parse_iso("191").unwrap().describe(), "1910s");
        assert_eq!(HDate::parse_iso("19").unwrap().describe(), "20th century");
        assert_eq!(
            HDate::coarse(Calendar::Gregorian, 1214, Precision::Century).describe(),
            "13th century"
        );
    }

    #[test]
    fn converts_days_between_calendars() {
        let os = HDate::parse_iso("1917-10-25[u-ca=julian]").unwrap();
        assert_eq!(
            os.to_calendar(Calendar::Gregorian).unwrap().to_iso(),
            "1917-11-07"
        );
        assert!(
            HDate::parse_iso("1917[u-ca=julian]")
                .unwrap()
                .to_calendar(Calendar::Gregorian)
                .is_err()
        );
        // 29 February 1900 exists only in the Julian calendar.
        assert!(HDate::parse_iso_in("1900-02-29", Calendar::Julian).is_ok());
        assert!(HDate::parse_iso_in("1900-02-29", Calendar::Gregorian).is_err());
        assert!(HDate::parse_iso_in("1900-02-29 N.S.", Calendar::Julian).is_err());
    }
}
