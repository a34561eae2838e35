//! Numerals and amounts of time: durations ("три с половиной года", "полтора года",
//! "восемнадцать месяцев", "несколько дней", "больше трёх лет", "неделю"), expressions
//! counted from the anchor in units ("год спустя", "через два дня", "два дня назад"),
//! and sets ("каждый год", "ежегодно").

use crate::token::TokenView;
use histlint_time::{Duration, Unit};

use super::lexicon::{Kw, U};
use super::{Cx, M};
use crate::amount::{Amt, Mod, Spec, duration, tx_of};
use crate::token::{Kind, Suffix};
use crate::{TimexType, Value};

pub(super) fn spec(u: U) -> Option<Spec> {
    let s = |unit, factor, code, tx_mult, vcode, time| Spec {
        unit,
        factor,
        code,
        tx_mult,
        vcode,
        time,
    };
    Some(match u {
        U::Minute => s(Unit::Day, 1.0 / 1440.0, "M", 1.0, "M", true),
        U::Hour => s(Unit::Day, 1.0 / 24.0, "H", 1.0, "H", true),
        U::Day => s(Unit::Day, 1.0, "D", 1.0, "D", false),
        U::Week => s(Unit::Week, 1.0, "W", 1.0, "W", false),
        U::Month => s(Unit::Month, 1.0, "M", 1.0, "M", false),
        U::Year => s(Unit::Year, 1.0, "Y", 1.0, "Y", false),
        U::Decade => s(Unit::Decade, 1.0, "Y", 10.0, "DE", false),
        U::Century => s(Unit::Century, 1.0, "Y", 100.0, "CE", false),
        U::Millennium => s(Unit::Century, 10.0, "Y", 1000.0, "ML", false),
        U::None => return None,
    })
}

/// A duration found in the text, before it is turned into a match.
#[derive(Debug, Clone)]
pub(super) struct Dur {
    pub s: usize,
    pub e: usize,
    pub amt: Amt,
    pub spec: Spec,
    pub dur: Duration,
    pub tx: String,
    /// Modified ("больше", "почти", "около"): not an exact count.
    pub modified: bool,
}

impl Cx<'_> {
    /// A cardinal in words: "три", "двадцать пять", "сто двадцать".
    fn card_words(&self, i: usize) -> Option<(f64, usize)> {
        let mut sum = 0u32;
        let mut last = u32::MAX;
        let mut j = i;
        while let Some(c) = self.lx(j).card {
            let c = u32::from(c);
            if c >= last || j - i >= 4 {
                break;
            }
            sum += c;
            last = c;
            j += 1;
        }
        (j > i).then_some((f64::from(sum), j))
    }

    /// A cardinal: digits (`18`, `1,5`, `3½`) or words.
    pub(super) fn cardinal(&self, i: usize) -> Option<(f64, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num {
            return self.card_words(i);
        }
        if t.suffix != Suffix::None || t.ndigits > 9 {
            return None;
        }
        let mut v = f64::from(t.num);
        let mut j = i + 1;
        if (self.punct(j, ',') || self.punct(j, '.'))
            && self.adj(j)
            && self.adj(j + 1)
            && !self.punct(j + 2, '.')
            && let Some(f) = self.plain(j + 1, 3)
        {
            v += f64::from(f) / 10f64.powi(i32::from(self.ndigits(j + 1)));
            j += 2;
        }
        if let Some(t2) = self.tok(j)
            && t2.kind == Kind::Frac
            && self.adj(j)
        {
            v += f64::from(t2.num) / 4.0;
            j += 1;
        }
        Some((v, j))
    }

    /// An amount: "три", "3", "три с половиной", "полтора", "несколько", "много",
    /// "пару", "десятки".
    fn amount(&self, i: usize) -> Option<(Amt, usize)> {
        match self.kw(i) {
            Kw::OneAndHalf => return Some((Amt::N(1.5), i + 1)),
            Kw::Few => return Some((Amt::V(2.0, 9.0), i + 1)),
            Kw::Many => return Some((Amt::V(3.0, f64::INFINITY), i + 1)),
            Kw::Couple => return Some((Amt::N(2.0), i + 1)),
            Kw::Tens => return Some((Amt::V(20.0, f64::INFINITY), i + 1)),
            Kw::Hundreds => return Some((Amt::V(200.0, f64::INFINITY), i + 1)),
            _ => {}
        }
        let (v, j) = self.cardinal(i)?;
        if v.fract() == 0.0 && self.kw(j) == Kw::S && self.kw(j + 1) == Kw::Half {
            return Some((Amt::N(v + 0.5), j + 2));
        }
        Some((Amt::N(v), j))
    }

    /// A modifier before an amount, and where the amount begins.
    fn dur_mod(&self, j: usize) -> (Mod, usize) {
        let k1 = self.kw(j + 1);
        match self.kw(j) {
            Kw::More => (Mod::AtLeast, j + 1),
            Kw::Less => (Mod::AtMost, j + 1),
            Kw::Ne if k1 == Kw::More => (Mod::AtMost, j + 2),
            Kw::Ne if k1 == Kw::Less => (Mod::AtLeast, j + 2),
            Kw::Almost => (Mod::Almost, j + 1),
            Kw::About => (Mod::About, j + 1),
            Kw::Exactly => (Mod::Exact, j + 1),
            _ => (Mod::None, j),
        }
    }

    /// A duration at `i`, with its modifiers.
    pub(super) fn dur_core(&self, i: usize) -> Option<Dur> {
        let (modi, j) = self.dur_mod(i);
        let before = if modi == Mod::None {
            self.prev_kw(i)
        } else {
            Kw::None
        };
        let (amt, mut k) = match self.amount(j) {
            Some(r) => r,
            None if self.kw(j) == Kw::Adj
                && modi == Mod::None
                && self.lx(j + 1).plural
                && self.lx(j + 1).unit != U::None =>
            {
                // "долгие годы", "долгих десять лет" is read by the numeral
                (Amt::V(2.0, f64::INFINITY), j)
            }
            None => {
                let l = self.lx(j);
                if l.unit == U::None {
                    return None;
                }
                let next = self.kw(j + 1);
                let rel_next = matches!(next, Kw::Spustya | Kw::Later | Kw::Ago | Kw::Earlier)
                    || next == Kw::Tomu && self.kw(j + 2) == Kw::Ago;
                let cue_before = matches!(before, Kw::Cherez | Kw::Spustya | Kw::Na | Kw::Za);
                if l.half {
                    (Amt::N(0.5), j)
                } else if !l.plural && (modi != Mod::None || l.acc1 || rel_next || cue_before) {
                    (Amt::N(1.0), j)
                } else if l.plural
                    && modi == Mod::None
                    && (l.instr_pl || rel_next || cue_before)
                    && self.txt(j) != "часы"
                {
                    (Amt::V(2.0, f64::INFINITY), j)
                } else {
                    return None;
                }
            }
        };
        // "три долгих года"
        if self.kw(k) == Kw::Adj {
            k += 1;
        }
        let l = self.lx(k);
        let sp = spec(l.unit)?;
        if let Amt::N(v) = amt {
            if v <= 0.0 {
                return None;
            }
            // "1917 году" is a year, not 1917 years; digits and a singular "год" go
            // together only for small numbers
            if self.tok(j).is_some_and(|t| t.kind == Kind::Num) && self.ndigits(j) >= 4 {
                return None;
            }
        }
        let e = k + 1;
        let mut amt = amt;
        if l.half {
            amt = match amt {
                Amt::N(v) if k == j => Amt::N(v),
                _ => return None,
            };
        }
        let vague_mod = !matches!(modi, Mod::None | Mod::Exact);
        let dur = duration(amt, modi, &sp);
        Some(Dur {
            s: i,
            e,
            amt,
            spec: sp,
            dur,
            tx: tx_of(amt, &sp),
            modified: vague_mod,
        })
    }

    /// A duration, or an expression counted in units from the anchor: "через два
    /// дня", "спустя год", "год спустя", "два дня назад".
    pub(super) fn duration_rule(&self, i: usize) -> Option<M> {
        if matches!(self.kw(i), Kw::Cherez | Kw::Spustya) {
            let d = self.dur_core(i + 1)?;
            return Some(self.relative(i, d.e, &d, 1, true));
        }
        let d = self.dur_core(i)?;
        let e = d.e;
        let rel = match self.kw(e) {
            Kw::Spustya | Kw::Later => Some((1, e + 1)),
            Kw::Ago => Some((-1, e + 1)),
            Kw::Tomu if self.kw(e + 1) == Kw::Ago => Some((-1, e + 2)),
            Kw::Earlier => Some((-1, e + 1)),
            _ => None,
        };
        if let Some((dir, e2)) = rel {
            return Some(self.relative(i, e2, &d, dir, true));
        }
        Some(
            M::new(d.s, d.e, TimexType::Duration, Value::Duration(d.dur))
                .with_timex(d.tx)
                .vague_if(d.modified || matches!(d.amt, Amt::V(..))),
        )
    }

    /// An expression counted in units from the anchor.
    fn relative(&self, s: usize, e: usize, d: &Dur, dir: i8, anchored: bool) -> M {
        let unit = d.spec.unit;
        let resolved = if anchored && !d.modified {
            self.anchor.and_then(|a| {
                let (lo, hi) = match d.amt {
                    Amt::N(v) => (v * d.spec.factor, v * d.spec.factor),
                    Amt::V(lo, hi) if hi.is_finite() => (lo * d.spec.factor, hi * d.spec.factor),
                    Amt::V(..) => return None,
                };
                let (lo, hi) = if dir < 0 { (-hi, -lo) } else { (lo, hi) };
                crate::resolve::shift(a, lo, hi, unit)
            })
        } else {
            None
        };
        let tx = match &resolved {
            Some(r) => crate::timex3::value(r),
            None => crate::timex3::unknown(unit).to_string(),
        };
        let ttype = if d.spec.time {
            TimexType::Time
        } else {
            TimexType::Date
        };
        M::new(
            s,
            e,
            ttype,
            Value::Relative {
                amount: Some(d.dur),
                direction: dir,
                unit,
                resolved: resolved.map(Box::new),
            },
        )
        .with_timex(tx)
        .vague_if(d.modified || matches!(d.amt, Amt::V(..)))
    }

    /// "каждый год", "каждую неделю", "каждые два года", "каждую весну", "ежегодно".
    pub(super) fn set_rule(&self, i: usize) -> Option<M> {
        let set = |e: usize, n: f64, u: U| {
            let sp = spec(u)?;
            let d = Duration::exact(n * sp.factor, sp.unit);
            Some(
                M::new(
                    i,
                    e,
                    TimexType::Set,
                    Value::Set(Box::new(Value::Duration(d))),
                )
                .with_timex(tx_of(Amt::N(n), &sp)),
            )
        };
        match self.kw(i) {
            Kw::Every => set(i + 1, 1.0, self.lx(i).unit),
            Kw::Each => {
                let l = self.lx(i + 1);
                if l.season > 0 {
                    let s = super::dates::season_of(l.season);
                    return Some(
                        M::new(
                            i,
                            i + 2,
                            TimexType::Set,
                            Value::Set(Box::new(Value::Partial(crate::Partial {
                                season: Some(s),
                                ..crate::Partial::default()
                            }))),
                        )
                        .with_timex(format!("XXXX-{}", s.code())),
                    );
                }
                if l.unit != U::None && !l.plural && !l.half {
                    return set(i + 2, 1.0, l.unit);
                }
                let (Amt::N(n), k) = self.amount(i + 1)? else {
                    return None;
                };
                let u = self.lx(k).unit;
                if u == U::None || self.lx(k).half {
                    return None;
                }
                set(k + 1, n, u)
            }
            _ => None,
        }
    }
}
