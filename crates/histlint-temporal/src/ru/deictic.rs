//! Expressions placed by the anchor without a count ("вчера", "в прошлом году", "на
//! следующий день", "в тот же день"), references ("сейчас", "теперь", "в наши дни",
//! "в прошлом", "в будущем"), and "с …" (since).

use crate::token::TokenView;
use histlint_time::{HDate, Unit};

use super::lexicon::{Kw, U};
use super::{Cx, M};
use crate::resolve::{self, Pick};
use crate::{Partial, Ref, TimexType, Value};

/// A calendar unit a word names for "прошлый …", "следующий …".
fn cal_unit(u: U) -> Option<Unit> {
    Some(match u {
        U::Day => Unit::Day,
        U::Week => Unit::Week,
        U::Month => Unit::Month,
        U::Year => Unit::Year,
        U::Decade => Unit::Decade,
        U::Century => Unit::Century,
        _ => return None,
    })
}

impl Cx<'_> {
    /// A day `off` days from the anchor's: "вчера", "на следующий день".
    fn day_rel(&self, s: usize, e: usize, off: i64, anchored: bool, anaphoric: bool) -> M {
        let day: Option<HDate> = if anchored {
            self.base(anaphoric, Unit::Day)
                .and_then(|a| resolve::days_from(&a, off))
        } else {
            None
        };
        M::new(
            s,
            e,
            TimexType::Date,
            Value::Relative {
                amount: None,
                direction: off.signum() as i8,
                unit: Unit::Day,
                resolved: day.map(|d| Box::new(Value::Date(d))),
            },
        )
    }

    /// The unit before, of, or after the anchor's: "в прошлом году", "на этой неделе".
    fn unit_rel(&self, s: usize, e: usize, unit: Unit, dir: i8, anaphoric: bool) -> M {
        let resolved = self
            .base(anaphoric, unit)
            .and_then(|a| resolve::neighbour(&a, unit, i64::from(dir)));
        let tx = match &resolved {
            Some(Value::Range(a, _)) if unit == Unit::Week => {
                resolve::iso_week(a).unwrap_or_else(|| crate::timex3::value(&Value::Range(*a, *a)))
            }
            Some(r) => crate::timex3::value(r),
            None => crate::timex3::unknown(unit).to_string(),
        };
        M::new(
            s,
            e,
            TimexType::Date,
            Value::Relative {
                amount: None,
                direction: dir,
                unit,
                resolved: resolved.map(Box::new),
            },
        )
        .with_timex(tx)
    }

    /// "вчера", "сегодня", "завтра", "позавчера", "накануне", "в прошлом году", "на
    /// следующий день", "в следующем месяце", "в тот же день", "в прошлую пятницу".
    pub(super) fn neighbour_rule(&self, i: usize) -> Option<M> {
        let k0 = self.kw(i);
        let off = match k0 {
            Kw::Yesterday => Some(-1),
            Kw::Today => Some(0),
            Kw::Tomorrow => Some(1),
            Kw::DayBeforeYesterday => Some(-2),
            Kw::DayAfterTomorrow => Some(2),
            // "накануне" alone is the day before; "накануне выборов" counts from an event
            Kw::Eve => {
                return Some(self.day_rel(i, i + 1, -1, self.clause_end(i + 1), false));
            }
            _ => None,
        };
        if let Some(off) = off {
            return Some(self.day_rel(i, i + 1, off, true, false));
        }
        let dir: i8 = match k0 {
            Kw::Next => 1,
            Kw::Last => -1,
            Kw::This | Kw::That => 0,
            _ => return None,
        };
        let mut j = i + 1;
        if self.kw(j) == Kw::Zhe {
            j += 1;
        }
        // "в прошлом" (in the past) at the end of a clause
        if k0 == Kw::Last && self.prev_kw(i) == Kw::V && self.clause_end(i + 1) {
            return Some(M::new(i, i + 1, TimexType::Date, Value::Ref(Ref::Past)));
        }
        // "это"/"то" are pronouns more often than determiners
        if matches!(self.txt(i), "это" | "Это" | "то" | "То") {
            return None;
        }
        // "в том же году", "на следующий день", "в предыдущем месяце" count from the
        // text's reference time; "в прошлом году", "в этом месяце" from the anchor
        let anaphoric =
            matches!(k0, Kw::That | Kw::Next) || self.txt(i).to_lowercase().starts_with("предыдущ");
        let l = self.lx(j);
        if l.weekday > 0 {
            let w = super::dates::weekday_of(l.weekday);
            let pick = match dir {
                1 => Pick::Next,
                -1 => Pick::Previous,
                _ => Pick::Same,
            };
            let v = match self
                .anchor
                .and_then(|a| resolve::weekday_around(a, w, pick))
            {
                Some(d) => Value::Date(d),
                None => Value::Partial(Partial {
                    weekday: Some(w),
                    ..Partial::default()
                }),
            };
            return Some(M::new(i, j + 1, TimexType::Date, v));
        }
        if l.plural || l.half || l.instr_pl {
            return None;
        }
        let unit = cal_unit(l.unit)?;
        if unit == Unit::Day {
            // "на другой день" is the next day; "в тот день" the anchor's
            let off = i64::from(dir);
            return Some(self.day_rel(i, j + 1, off, true, anaphoric));
        }
        if self.txt(i).starts_with("друг") || self.txt(i).starts_with("Друг") {
            return None;
        }
        Some(self.unit_rel(i, j + 1, unit, dir, anaphoric))
    }

    /// "сейчас", "теперь", "ныне", "недавно", "в наши дни", "в настоящее время",
    /// "в будущем".
    pub(super) fn ref_rule(&self, i: usize) -> Option<M> {
        let r = |e: usize, r: Ref| Some(M::new(i, e, TimexType::Date, Value::Ref(r)));
        match self.kw(i) {
            Kw::Now => r(i + 1, Ref::Present),
            Kw::Recently => r(i + 1, Ref::Past),
            Kw::Our if self.lx(i + 1).unit == U::Day && self.lx(i + 1).plural => {
                r(i + 2, Ref::Present)
            }
            Kw::Future if self.prev_kw(i) == Kw::V => r(i + 1, Ref::Future),
            Kw::Present if self.kw(i + 1) == Kw::Time => r(i + 2, Ref::Present),
            _ => None,
        }
    }

    /// "с 1917 года", "с весны", "с октября", "со вторника".
    pub(super) fn since_rule(&self, i: usize) -> Option<M> {
        let old = self.pick.replace(Pick::LatestStarted);
        let inner = self.best(i + 1);
        self.pick.set(old);
        let m = inner?;
        if m.s != i + 1
            || !matches!(
                m.value,
                Value::Date(_) | Value::Range(..) | Value::Partial(_) | Value::Relative { .. }
            )
            || matches!(
                m.value,
                Value::Relative {
                    amount: Some(_),
                    ..
                }
            )
        {
            return None;
        }
        let tx = m.timex3.unwrap_or_else(|| crate::timex3::value(&m.value));
        Some(M {
            s: i,
            e: m.e,
            ttype: m.ttype,
            value: Value::Since(Box::new(m.value)),
            timex3: Some(tx),
            calendar: m.calendar,
            vague: m.vague,
        })
    }
}
