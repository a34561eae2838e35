//! # histlint-time
//!
//! Historical time: dates that know their precision and calendar, the intervals of
//! days they stand for, relations between uncertain intervals (Allen's algebra,
//! decided or not), and durations as people state them.
//!
//! Invariants:
//! - Every date converts to a closed interval of day numbers ([`Day`], Rata Die);
//!   day numbers are calendar-independent, so every comparison is integer arithmetic.
//! - A date keeps the calendar and precision it was given in; nothing is rounded or
//!   converted silently. Julian/Gregorian conversion uses ICU4X's
//!   `calendrical_calculations`.
//! - Comparisons answer "undecidable" rather than guess.
//! - No I/O, no global state.

pub mod calendar;
pub mod date;
pub mod duration;
pub mod human;
pub mod interval;

pub use calendar::{Calendar, Day, Weekday};
pub use date::{HDate, Precision};
pub use duration::{Duration, DurationCheck, ElapsedDays, Unit, elapsed};
pub use human::{ParsedDate, parse_date};
pub use interval::{Allen, AllenSet, DayInterval, Extent, Relation};

/// What can go wrong with a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("{year}-{month:02}-{day:02} does not exist in the {calendar} calendar")]
    NoSuchDate {
        calendar: Calendar,
        year: i64,
        month: u8,
        day: u8,
    },
    #[error("cannot read {0:?} as a date")]
    Syntax(String),
    #[error("Wikidata precision {0} is not one of 0-14")]
    Precision(u8),
    #[error("{0:?}: year 0 does not exist in Wikidata's historical year numbering")]
    YearZero(String),
    #[error("{0} is not a single day, so it has no twin in the other calendar")]
    NotADay(String),
    #[error("year {0} is outside the years histlint can count days for (up to 10^15 either way)")]
    YearOutOfRange(i64),
}
