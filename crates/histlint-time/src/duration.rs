//! Durations as people state them: with a unit, a granularity and sometimes vaguely.
//!
//! "Three and a half years" is not 1278.4 days: it is whatever a speaker would
//! round to three and a half years, about 3.25 to 3.75 years. "Eighteen months" is
//! 17.5 to 18.5 months. "A few days" is vague. A [`Duration`] keeps that range, and
//! [`Duration::days`] turns it into a range of days with the slack that calendar
//! months and years need. [`elapsed`] gives the range of days between two uncertain
//! dates, and [`Duration::check`] compares the two.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::calendar::Day;
use crate::interval::DayInterval;

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Mean length in days.
    pub fn mean_days(self) -> f64 {
        match self {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Month => 365.2425 / 12.0,
            Unit::Year => 365.2425,
            Unit::Decade => 3652.425,
            Unit::Century => 36524.25,
        }
    }

    /// How far a run of whole units can differ from its mean length, in days
    /// (a month is 28 to 31 days, a year 365 or 366).
    pub fn slack_days(self) -> f64 {
        match self {
            Unit::Day | Unit::Week => 0.0,
            Unit::Month => 2.5,
            Unit::Year | Unit::Decade | Unit::Century => 1.0,
        }
    }

    /// English name, singular.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
            Unit::Decade => "decade",
            Unit::Century => "century",
        }
    }

    /// TIMEX3 / ISO 8601 duration designator (`P3Y`, `P2W` …).
    pub fn designator(self) -> &'static str {
        match self {
            Unit::Day => "D",
            Unit::Week => "W",
            Unit::Month => "M",
            Unit::Year => "Y",
            Unit::Decade => "DE",
            Unit::Century => "CE",
        }
    }
}

/// A stated duration: between `min` and `max` units (inclusive); `max` may be infinite
/// ("more than three years"). `stated` is the value as said, if a number was said.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    pub unit: Unit,
    pub min: f64,
    pub max: f64,
    pub stated: Option<f64>,
    pub vague: bool,
}

/// How a stated duration compares with the time that actually elapsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DurationCheck {
    /// No reading of the statement fits any possible elapsed time.
    Contradicted,
    /// Every possible elapsed time fits the statement.
    Consistent,
    /// Some do and some do not.
    Undecidable,
}

impl Duration {
    /// A number of units as a speaker rounds it: the granularity is the finest
    /// fraction the number shows. Whole numbers are ±½ ("eighteen months" = 17.5-18.5),
    /// halves ±¼ ("three and a half years" = 3.25-3.75), quarters ±⅛.
    pub fn about(value: f64, unit: Unit) -> Duration {
        let frac = value.fract().abs();
        let half_step = if frac == 0.0 {
            0.5
        } else if (frac - 0.5).abs() < 1e-9 {
            0.25
        } else if (frac - 0.25).abs() < 1e-9 || (frac - 0.75).abs() < 1e-9 {
            0.125
        } else {
            0.05_f64.max(value.abs() * 0.02)
        };
        Duration {
            unit,
            min: (value - half_step).max(0.0),
            max: value + half_step,
            stated: Some(value),
            vague: false,
        }
    }

    /// An exact count ("exactly three days"): no rounding.
    pub fn exact(value: f64, unit: Unit) -> Duration {
        Duration {
            unit,
            min: value,
            max: value,
            stated: Some(value),
            vague: false,
        }
    }

    /// A vague quantity between `min` and `max` units ("a few days": 2-7, "several
    /// years": 3-9, "many years": 3-∞).
    pub fn vague(min: f64, max: f64, unit: Unit) -> Duration {
        Duration {
            unit,
            min,
            max,
            stated: None,
            vague: true,
        }
    }

    /// At least `value` units ("more than three years").
    pub fn at_least(value: f64, unit: Unit) -> Duration {
        Duration {
            unit,
            min: value,
            max: f64::INFINITY,
            stated: Some(value),
            vague: false,
        }
    }

    /// The range of days this duration may mean.
    pub fn days(&self) -> (f64, f64) {
        let mean = self.unit.mean_days();
        let slack = self.unit.slack_days();
        let lo = (self.min * mean - slack).max(0.0);
        let hi = if self.max.is_finite() {
            self.max * mean + slack
        } else {
            f64::INFINITY
        };
        (lo, hi)
    }

    /// Compares with an elapsed range of days. A vague duration is only ever
    /// contradicted when even its loosest reading misses.
    pub fn check(&self, elapsed: ElapsedDays) -> DurationCheck {
        let (lo, hi) = self.days();
        let (emin, emax) = (elapsed.min as f64, elapsed.max as f64);
        if emax < lo.floor() || emin > hi.ceil() {
            DurationCheck::Contradicted
        } else if lo <= emin && emax <= hi {
            DurationCheck::Consistent
        } else {
            DurationCheck::Undecidable
        }
    }

    /// The days on which, counting from `from`, this much time would have passed:
    /// "at what date the line would have been true".
    pub fn when_true(&self, from: DayInterval) -> Option<DayInterval> {
        let (lo, hi) = self.days();
        if !hi.is_finite() {
            return None;
        }
        Some(DayInterval::new(
            from.start.add_days(lo.ceil() as i64),
            from.end.add_days(hi.floor() as i64),
        ))
    }

    /// TIMEX3 value: `P3.5Y`, `P18M`, `PXY` for vague.
    pub fn timex(&self) -> String {
        match self.stated {
            Some(v) if !self.vague => {
                let v = if v.fract() == 0.0 {
                    format!("{}", v as i64)
                } else {
                    format!("{v}")
                };
                match self.unit {
                    Unit::Decade => format!("P{}Y", self.stated.unwrap_or(0.0) * 10.0),
                    Unit::Century => format!("P{}Y", self.stated.unwrap_or(0.0) * 100.0),
                    u => format!("P{v}{}", u.designator()),
                }
            }
            _ => match self.unit {
                Unit::Decade => "PXDE".to_string(),
                Unit::Century => "PXCE".to_string(),
                u => format!("PX{}", u.designator()),
            },
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.max.is_finite() {
            write!(f, "{}-{} {}s", self.min, self.max, self.unit.name())
        } else {
            write!(f, "at least {} {}s", self.min, self.unit.name())
        }
    }
}

/// The range of whole days that may have passed between two uncertain dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElapsedDays {
    pub min: i64,
    pub max: i64,
}

/// Days elapsed from a point somewhere in `from` to a point somewhere in `to`
/// (negative when `to` may be before `from`).
pub fn elapsed(from: DayInterval, to: DayInterval) -> ElapsedDays {
    ElapsedDays {
        min: to.start.0 - from.end.0,
        max: to.end.0 - from.start.0,
    }
}

/// Days from `a` to `b`.
pub fn days_between(a: Day, b: Day) -> i64 {
    b.0 - a.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::HDate;

    fn iv(s: &str) -> DayInterval {
        HDate::parse_iso(s).unwrap().interval().unwrap()
    }

    #[test]
    fn granularity() {
        let d = Duration::about(3.5, Unit::Year);
        assert_eq!((d.min, d.max), (3.25, 3.75));
        let d = Duration::about(18.0, Unit::Month);
        assert_eq!((d.min, d.max), (17.5, 18.5));
    }

    #[test]
    fn three_and_a_half_years_four_months_after_october() {
        // The seizure of power, 25 October 1917 (Julian), and a scene in March 1918.
        let seizure = iv("1917-10-25[u-ca=julian]");
        let scene = iv("1918-03");
        let e = elapsed(seizure, scene);
        let said = Duration::about(3.5, Unit::Year);
        assert_eq!(said.check(e), DurationCheck::Contradicted);
        // It would have been true in 1921.
        let when = said.when_true(seizure).unwrap();
        assert!(when.contains_day(iv("1921-03-01").start), "{when}");
        // In March 1921 it fits.
        assert_eq!(
            said.check(elapsed(seizure, iv("1921-03-10"))),
            DurationCheck::Consistent
        );
        // Vague statements check loosely.
        let few = Duration::vague(2.0, 7.0, Unit::Year);
        assert_eq!(
            few.check(elapsed(seizure, iv("1921-03"))),
            DurationCheck::Consistent
        );
    }

    #[test]
    fn timex_values() {
        assert_eq!(Duration::about(3.5, Unit::Year).timex(), "P3.5Y");
        assert_eq!(Duration::about(18.0, Unit::Month).timex(), "P18M");
        assert_eq!(Duration::vague(2.0, 7.0, Unit::Day).timex(), "PXD");
    }
}
