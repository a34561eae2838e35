//! Amounts of time as every language's grammar reads them: a number or a vague range,
//! a modifier ("over", "almost", "около"), a unit, and the [`Duration`] and TIMEX3
//! value they make.

use histlint_time::{Duration, Unit};

/// An amount as said: a number, or a vague quantity between two bounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Amt {
    N(f64),
    V(f64, f64),
}

/// A modifier of a stated amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mod {
    None,
    AtLeast,
    AtMost,
    Almost,
    About,
    Exact,
}

/// A unit as the grammar reads it: the [`Unit`] it counts in, how many of those one
/// of it is (an hour is 1/24 day, a fortnight 2 weeks), and how TIMEX3 writes it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spec {
    pub unit: Unit,
    pub factor: f64,
    /// TIMEX3 designator and how many of it one unit is (a decade is 10 `Y`).
    pub code: &'static str,
    pub tx_mult: f64,
    /// Vague TIMEX3 designator (`PXDE`).
    pub vcode: &'static str,
    pub time: bool,
}

/// `3`, `3.5`, `0.25`.
pub(crate) fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// `P3.5Y`, `PT5H`, `PXD`.
pub(crate) fn tx_of(a: Amt, s: &Spec) -> String {
    let t = if s.time { "T" } else { "" };
    match a {
        Amt::N(v) => format!("P{t}{}{}", fmt_num(v * s.tx_mult), s.code),
        Amt::V(..) => format!("P{t}X{}", s.vcode),
    }
}

/// The duration an amount with a modifier stands for: a stated number keeps its
/// granularity ([`Duration::about`]) unless modified; a modifier widens or bounds it.
pub(crate) fn duration(amt: Amt, modi: Mod, sp: &Spec) -> Duration {
    let f = sp.factor;
    match amt {
        Amt::N(v) => {
            let base = Duration::about(v, sp.unit);
            let w = (v - base.min).max(0.25 * v);
            let (lo, hi) = match modi {
                Mod::None => (base.min, base.max),
                Mod::Exact => (v, v),
                Mod::AtLeast => (v, f64::INFINITY),
                Mod::AtMost => (0.0, v),
                Mod::Almost => ((v - w).max(0.0), v),
                Mod::About => ((v - w).max(0.0), v + w),
            };
            Duration {
                unit: sp.unit,
                min: lo * f,
                max: hi * f,
                stated: Some(v * f),
                vague: false,
            }
        }
        Amt::V(lo, hi) => Duration::vague(lo * f, hi * f, sp.unit),
    }
}
