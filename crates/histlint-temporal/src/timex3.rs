//! TIMEX3 values of [`Value`]s.

use histlint_time::{Duration, HDate, Unit};

use crate::resolve::weekday_index;
use crate::{Partial, Ref, TimeOfDay, Value};

/// `1917-10-25`, `1917-03`, `1917`, `191`, `19`, `-0043`.
pub(crate) fn date(d: &HDate) -> String {
    d.iso_value()
}

/// `T14:30`, `T02:00`, `TMO`.
pub(crate) fn time(t: &TimeOfDay) -> String {
    match (t.hour, t.minute, t.part) {
        (Some(h), m, _) => format!("T{h:02}:{:02}", m.unwrap_or(0)),
        (None, _, Some(p)) => format!("T{}", p.code()),
        (None, _, None) => "T".to_string(),
    }
}

/// An unresolved date at the granularity of `unit`.
pub(crate) fn unknown(unit: Unit) -> &'static str {
    match unit {
        Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    }
}

pub(crate) fn partial(p: &Partial) -> String {
    let mut s = if let Some(d) = &p.date {
        d.iso_value()
    } else if let Some(dec) = p.decade {
        format!("XX{dec}")
    } else if let Some(season) = p.season {
        format!("XXXX-{}", season.code())
    } else if let Some(w) = p.weekday {
        format!("XXXX-WXX-{}", weekday_index(w) + 1)
    } else {
        match (p.month, p.day) {
            (Some(m), Some(d)) => format!("XXXX-{m:02}-{d:02}"),
            (Some(m), None) => format!("XXXX-{m:02}"),
            (None, Some(d)) => format!("XXXX-XX-{d:02}"),
            (None, None) => String::new(),
        }
    };
    if let Some(t) = &p.time {
        s.push_str(&time(t));
    }
    s
}

pub(crate) fn duration(d: &Duration) -> String {
    d.timex()
}

/// The TIMEX3 value of any value (the grammar overrides it where the text says more
/// than the value holds, e.g. a season).
pub(crate) fn value(v: &Value) -> String {
    match v {
        Value::Date(d) => date(d),
        Value::Range(a, b) => format!("{}/{}", a.iso_value(), b.iso_value()),
        Value::Duration(d) => duration(d),
        Value::Relative { resolved, unit, .. } => match resolved {
            Some(r) => value(r),
            None => unknown(*unit).to_string(),
        },
        Value::Since(inner) => value(inner),
        Value::Ref(r) => match r {
            Ref::Present => "PRESENT_REF",
            Ref::Past => "PAST_REF",
            Ref::Future => "FUTURE_REF",
        }
        .to_string(),
        Value::Partial(p) => partial(p),
        Value::Set(inner) => value(inner),
    }
}
