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

/// `P3Y6M`, `PT5H30M`, `P1DT12H`, `PXD`: a fraction of a unit is written in the
/// next smaller unit where it comes out whole (as TimeML annotates "2 1/2 years");
/// otherwise as a decimal (`P2.5W`).
pub(crate) fn tx_of(a: Amt, s: &Spec) -> String {
    let t = if s.time { "T" } else { "" };
    match a {
        Amt::N(v) => {
            let n = v * s.tx_mult;
            let (whole, frac) = (n.trunc(), n.fract());
            // the next smaller unit: its code, how many make one, and whether it is
            // written after "T"
            let smaller = match (s.code, s.time) {
                ("Y", _) => Some(("M", 12.0, false)),
                ("H", true) => Some(("M", 60.0, true)),
                ("M", true) => Some(("S", 60.0, true)),
                ("D", false) => Some(("H", 24.0, true)),
                _ => None,
            };
            if let Some((code, per, time2)) = smaller
                && frac > 0.0
                && (frac * per).fract().abs() < 1e-9
                && n.abs() < 1e15
            {
                let part = format!("{}{code}", (frac * per).round() as i64);
                let lead = if whole == 0.0 {
                    String::new()
                } else {
                    format!("{}{}", whole as i64, s.code)
                };
                let sep = if time2 && !s.time { "T" } else { "" };
                return format!("P{t}{lead}{sep}{part}");
            }
            format!("P{t}{}{}", fmt_num(n), s.code)
        }
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
