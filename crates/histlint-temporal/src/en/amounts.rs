//! Numbers and amounts of time: durations ("three and a half years", "a fortnight",
//! "over three years"), expressions counted from the anchor in units ("a year later",
//! "two days ago", "days into the talks"), and sets ("every year", "twice a week").

use crate::token::TokenView;
use histlint_time::{Duration, HDate, Unit};

use super::lexicon::{Kw, U};
use super::{Cx, M};
use crate::amount::{Amt, Mod, Spec, duration, tx_of};
use crate::token::{Kind, Suffix};
use crate::{Partial, TimeOfDay, TimexType, Value};

/// Tokens after a calendar quarter within which "a year earlier" refers to it.
const QUARTER_REACH: usize = 300;

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
        U::Second => s(Unit::Day, 1.0 / 86400.0, "S", 1.0, "S", true),
        U::Minute => s(Unit::Day, 1.0 / 1440.0, "M", 1.0, "M", true),
        U::Hour => s(Unit::Day, 1.0 / 24.0, "H", 1.0, "H", true),
        U::Day | U::Night => s(Unit::Day, 1.0, "D", 1.0, "D", false),
        U::Week => s(Unit::Week, 1.0, "W", 1.0, "W", false),
        U::Fortnight => s(Unit::Week, 2.0, "W", 2.0, "W", false),
        U::Month => s(Unit::Month, 1.0, "M", 1.0, "M", false),
        U::Year => s(Unit::Year, 1.0, "Y", 1.0, "Y", false),
        U::Decade => s(Unit::Decade, 1.0, "Y", 10.0, "DE", false),
        U::Century => s(Unit::Century, 1.0, "Y", 100.0, "CE", false),
        U::Millennium => s(Unit::Century, 10.0, "Y", 1000.0, "ML", false),
        U::None => return None,
    })
}

/// How many of the finer unit `b` one of `a` is: (least, mean, most).
fn convert(a: U, b: U) -> Option<(f64, f64, f64)> {
    let exact = |k: f64| Some((k, k, k));
    match (a, b) {
        (U::Millennium, U::Century) => exact(10.0),
        (U::Millennium | U::Century, U::Year) => {
            exact(if a == U::Century { 100.0 } else { 1000.0 })
        }
        (U::Century, U::Decade) => exact(10.0),
        (U::Decade, U::Year) => exact(10.0),
        (U::Year, U::Month) => exact(12.0),
        (U::Year, U::Week) => Some((52.0, 52.18, 52.3)),
        (U::Year, U::Day) => Some((365.0, 365.2425, 366.0)),
        (U::Month, U::Week) => Some((4.0, 4.35, 4.43)),
        (U::Month, U::Day) => Some((28.0, 30.44, 31.0)),
        (U::Fortnight, U::Day) => exact(14.0),
        (U::Week, U::Day) => exact(7.0),
        (U::Day, U::Hour) => exact(24.0),
        (U::Hour, U::Minute) | (U::Minute, U::Second) => exact(60.0),
        _ => None,
    }
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
    /// Modified ("over", "almost", "about"): not an exact count.
    pub modified: bool,
    /// A bare plural unit ("for years", "decades later").
    pub bare: bool,
    /// Two units ("two years and three months").
    pub compound: bool,
}

impl Cx<'_> {
    /// A cardinal number in words: `three`, `twenty-five`, `twenty five`, `two
    /// hundred and fifty`.
    pub(super) fn card_word(&self, i: usize) -> Option<(f64, usize)> {
        let c = u32::from(self.lx(i).card?);
        let mut v = c;
        let mut j = i + 1;
        if (20..100).contains(&c) && c % 10 == 0 {
            if self.hyphen_joins(j) && self.lx(j + 1).card.is_some_and(|u| (1..10).contains(&u)) {
                v += u32::from(self.lx(j + 1).card.unwrap_or(0));
                j += 2;
            } else if self.lx(j).card.is_some_and(|u| (1..10).contains(&u)) {
                v += u32::from(self.lx(j).card.unwrap_or(0));
                j += 1;
            }
        }
        Some(self.scale_words(f64::from(v), j))
    }

    /// "hundred", "thousand" (and a smaller number after "and") after a number.
    fn scale_words(&self, v: f64, j: usize) -> (f64, usize) {
        let (mut v, mut j) = (v, j);
        for (kw, k) in [(Kw::Hundred, 100.0), (Kw::Thousand, 1000.0)] {
            if self.kw(j) == kw && v < 1000.0 {
                v *= k;
                j += 1;
                let a = if self.kw(j) == Kw::And { j + 1 } else { j };
                if self.lx(a).card.is_some()
                    && let Some((w, e)) = self.card_word(a)
                    && w < k
                {
                    v += w;
                    j = e;
                }
            }
        }
        (v, j)
    }

    /// A cardinal: digits (`1,500`, `3.5`) or words.
    pub(super) fn cardinal(&self, i: usize) -> Option<(f64, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num {
            return self.card_word(i);
        }
        if t.suffix != Suffix::None || t.ndigits > 9 {
            return None;
        }
        let mut v = f64::from(t.num);
        let mut j = i + 1;
        if t.ndigits <= 3 {
            while self.punct(j, ',') && self.adj(j) && self.adj(j + 1) && self.ndigits(j + 1) == 3 {
                let Some(g) = self.plain(j + 1, 3) else { break };
                v = v * 1000.0 + f64::from(g);
                j += 2;
            }
        }
        if self.punct(j, '.')
            && self.adj(j)
            && self.adj(j + 1)
            && !self.punct(j + 2, '.')
            && let Some(f) = self.plain(j + 1, 3)
        {
            v += f64::from(f) / 10f64.powi(i32::from(self.ndigits(j + 1)));
            j += 2;
        }
        if self.plain(i, 9).is_some() && j == i + 1 {
            return Some(self.scale_words(v, j));
        }
        Some((v, j))
    }

    /// A fraction after a whole number: `½`, "and a half", "and a quarter", "and three
    /// quarters".
    fn fraction_tail(&self, j: usize) -> Option<(f64, usize)> {
        if let Some(t) = self.tok(j)
            && t.kind == Kind::Frac
        {
            return Some((f64::from(t.num) / 4.0, j + 1));
        }
        // "5 1/2", "2 3/4": a typed fraction after a space
        if let (Some(n), Some(d)) = (self.plain(j, 1), self.plain(j + 2, 1))
            && self.punct(j + 1, '/')
            && self.adj(j + 1)
            && self.adj(j + 2)
            && !self.adj(j)
            && matches!((n, d), (1, 2) | (1, 4) | (3, 4) | (1, 3) | (2, 3))
        {
            return Some((f64::from(n) / f64::from(d), j + 3));
        }
        if self.kw(j) != Kw::And {
            return None;
        }
        match (self.kw(j + 1), self.kw(j + 2)) {
            (Kw::A, Kw::Half) => Some((0.5, j + 3)),
            (Kw::A, Kw::Quarter) => Some((0.25, j + 3)),
            _ if self.lx(j + 1).card == Some(3) => {
                let k = if self.hyphen_joins(j + 2) {
                    j + 3
                } else {
                    j + 2
                };
                self.word_is(k, "quarters").then_some((0.75, k + 1))
            }
            _ => None,
        }
    }

    /// An amount: `three`, `3½`, `three and a half`, `a`, `half a`, `a few`, `several`,
    /// `a couple of`, `dozens of`. The flag is set for the article ("a year").
    pub(super) fn amount(&self, i: usize) -> Option<(Amt, usize, bool)> {
        let of = |j: usize| if self.kw(j) == Kw::Of { j + 1 } else { j };
        match self.kw(i) {
            Kw::A => {
                return Some(match self.kw(i + 1) {
                    Kw::Few => (Amt::V(2.0, 7.0), i + 2, false),
                    Kw::Couple => (Amt::N(2.0), of(i + 2), false),
                    Kw::Dozen => (Amt::N(12.0), of(i + 2), false),
                    Kw::Hundred => {
                        let (v, e) = self.scale_words(1.0, i + 1);
                        (Amt::N(v), e, false)
                    }
                    Kw::Thousand => (Amt::N(1000.0), i + 2, false),
                    Kw::Half => (Amt::N(0.5), i + 2, false),
                    Kw::Quarter => (Amt::N(0.25), i + 2, false),
                    _ => (Amt::N(1.0), i + 1, true),
                });
            }
            Kw::Half => {
                return Some(if self.kw(i + 1) == Kw::A {
                    (Amt::N(0.5), i + 2, false)
                } else {
                    (Amt::N(0.5), i + 1, false)
                });
            }
            Kw::Several => return Some((Amt::V(3.0, 9.0), i + 1, false)),
            // "the next few days", "the past few weeks"
            Kw::Few
                if i > 0
                    && matches!(self.kw(i - 1), Kw::Past | Kw::Last | Kw::Next | Kw::Coming) =>
            {
                return Some((Amt::V(2.0, 7.0), i + 1, false));
            }
            Kw::Many => return Some((Amt::V(3.0, f64::INFINITY), i + 1, false)),
            Kw::Some if self.cardinal(i + 1).is_none() => {
                return Some((Amt::V(2.0, 9.0), i + 1, false));
            }
            Kw::Couple if self.kw(i + 1) == Kw::Of => return Some((Amt::N(2.0), i + 2, false)),
            Kw::Dozen => return Some((Amt::N(12.0), of(i + 1), false)),
            Kw::Dozens if self.kw(i + 1) == Kw::Of => {
                let lo = match self.txt(i).as_bytes().first().map(u8::to_ascii_lowercase) {
                    Some(b'h') => 200.0,
                    Some(b't') => 2000.0,
                    _ => 24.0,
                };
                return Some((Amt::V(lo, f64::INFINITY), i + 2, false));
            }
            _ => {}
        }
        let (v, j) = self.cardinal(i)?;
        if let Some((f, k)) = self.fraction_tail(j)
            && v.fract() == 0.0
        {
            return Some((Amt::N(v + f), k, false));
        }
        Some((Amt::N(v), j, false))
    }

    /// A modifier before an amount, and where the amount begins.
    fn dur_mod(&self, j: usize) -> (Mod, usize) {
        let k1 = self.kw(j + 1);
        match self.kw(j) {
            Kw::Over => (Mod::AtLeast, j + 1),
            Kw::More if k1 == Kw::Than => (Mod::AtLeast, j + 2),
            Kw::Less if k1 == Kw::Than => (Mod::AtMost, j + 2),
            Kw::At if k1 == Kw::Least => (Mod::AtLeast, j + 2),
            Kw::At if k1 == Kw::Most => (Mod::AtMost, j + 2),
            Kw::Almost => (Mod::Almost, j + 1),
            Kw::Under => (Mod::AtMost, j + 1),
            Kw::Just | Kw::Well if k1 == Kw::Over => (Mod::AtLeast, j + 2),
            Kw::Just | Kw::Well if k1 == Kw::Under => (Mod::Almost, j + 2),
            Kw::Exactly => (Mod::Exact, j + 1),
            Kw::Up if k1 == Kw::To => (Mod::AtMost, j + 2),
            Kw::About | Kw::Circa => (Mod::About, j + 1),
            Kw::Some if self.cardinal(j + 1).is_some() => (Mod::About, j + 1),
            _ => (Mod::None, j),
        }
    }

    /// A bare plural unit may stand for a vague amount here: "for years", "decades
    /// later", "days into the talks", "after years of exile".
    fn bare_plural_ok(&self, i: usize) -> bool {
        let l = self.lx(i);
        if !l.plural || matches!(l.unit, U::Second | U::Fortnight) {
            return false;
        }
        if matches!(
            self.kw(i + 1),
            Kw::Later | Kw::Earlier | Kw::Ago | Kw::Into | Kw::After | Kw::Before
        ) {
            return true;
        }
        i > 0
            && matches!(
                self.kw(i - 1),
                Kw::For | Kw::DurVerb | Kw::Over | Kw::Within | Kw::After | Kw::Throughout
            )
    }

    /// A capitalised unit inside a line that is not all capitals is part of a name:
    /// "the Thirty Years' War", "the Five-Year Plan", "the Hundred Days".
    fn title_case_unit(&self, k: usize) -> bool {
        self.cap(k)
            && !self.tok(k).is_some_and(|t| t.has(crate::token::UPPER))
            && !self.sentence_start(k)
    }

    /// A duration at `i`, with its modifiers.
    pub(super) fn dur_core(&self, i: usize) -> Option<Dur> {
        let mut j = i;
        let mut the_pre = false;
        let k0 = self.kw(j);
        if k0 == Kw::The
            && (matches!(self.kw(j + 1), Kw::Past | Kw::Last | Kw::Next | Kw::Coming)
                || self.word_is(j + 1, "first"))
        {
            j += 2;
            the_pre = true;
        } else if matches!(k0, Kw::Last | Kw::Next | Kw::Past)
            && self
                .amount(j + 1)
                .is_some_and(|(a, _, art)| !art && a != Amt::N(0.5))
        {
            j += 1;
            the_pre = true;
        } else if k0 == Kw::Coming && self.lx(j + 1).plural && self.lx(j + 1).unit != U::None {
            // "in coming weeks"
            j += 1;
        }
        let (modi, j) = self.dur_mod(j);
        let (amt, mut k, article, bare) = match self.amount(j) {
            Some((a, k, art)) => (a, k, art, false),
            None if self.bare_plural_ok(j) && modi == Mod::None => {
                (Amt::V(2.0, f64::INFINITY), j, false, true)
            }
            // "the coming years", "in coming weeks"
            None if j > 0
                && self.kw(j - 1) == Kw::Coming
                && self.lx(j).plural
                && self.lx(j).unit != U::None
                && modi == Mod::None =>
            {
                (Amt::V(2.0, f64::INFINITY), j, false, true)
            }
            None if the_pre
                && k0 == Kw::The
                && !self.lx(j).plural
                && self.lx(j).unit != U::None
                && self.kw(j - 1) == Kw::Past =>
            {
                (Amt::N(1.0), j, true, false)
            }
            None => return None,
        };
        // "three more days", "two long years", "three full days"
        let mut adjs = 0;
        while adjs < 2
            && !bare
            && (matches!(self.kw(k), Kw::More | Kw::Long | Kw::Full) || self.word_is(k, "further"))
        {
            k += 1;
            adjs += 1;
        }
        let l = self.lx(k);
        let sp = spec(l.unit)?;
        if self.title_case_unit(k) {
            return None;
        }
        if l.unit == U::Second && !l.plural && !matches!(amt, Amt::N(v) if v == 1.0 && !article) {
            return None;
        }
        if article && l.plural {
            return None;
        }
        let mut e = k + 1;
        let mut amt = amt;
        // "a year and a half"
        if let Amt::N(v) = amt
            && v.fract() == 0.0
            && self.kw(e) == Kw::And
            && self.kw(e + 1) == Kw::A
            && self.kw(e + 2) == Kw::Half
        {
            amt = Amt::N(v + 0.5);
            e += 3;
        }
        let vague_mod = !matches!(modi, Mod::None | Mod::Exact);
        // "two years and three months", "a year and a day", "seven days and six nights"
        if let Amt::N(v1) = amt
            && modi == Mod::None
            && self.kw(e) == Kw::And
            && let Some((Amt::N(v2), k2, art2)) = self.amount(e + 1)
        {
            let l2 = self.lx(k2);
            if !(art2 && l2.plural)
                && let Some(sp2) = spec(l2.unit)
            {
                if l.unit == U::Day && l2.unit == U::Night {
                    let d = Duration::about(v1, Unit::Day);
                    return Some(Dur {
                        s: i,
                        e: k2 + 1,
                        amt,
                        spec: sp,
                        dur: d,
                        tx: tx_of(amt, &sp),
                        modified: false,
                        bare: false,
                        compound: true,
                    });
                }
                if let Some((kmin, kmean, kmax)) = convert(l.unit, l2.unit) {
                    let b = Duration::about(v2, sp2.unit);
                    let f = sp2.factor;
                    let dur = Duration {
                        unit: sp2.unit,
                        min: (v1 * kmin + b.min) * f,
                        max: (v1 * kmax + b.max) * f,
                        stated: Some((v1 * kmean + v2) * f),
                        vague: false,
                    };
                    let first = tx_of(Amt::N(v1), &sp);
                    let second = tx_of(Amt::N(v2), &sp2);
                    let second = second.trim_start_matches('P');
                    let tx = if sp2.time && !sp.time {
                        format!("{first}{second}")
                    } else {
                        format!("{first}{}", second.trim_start_matches('T'))
                    };
                    return Some(Dur {
                        s: i,
                        e: k2 + 1,
                        amt: Amt::N(v1 * kmean + v2),
                        spec: sp2,
                        dur,
                        tx,
                        modified: false,
                        bare: false,
                        compound: true,
                    });
                }
            }
        }
        let dur = duration(amt, modi, &sp);
        Some(Dur {
            s: i,
            e,
            amt,
            spec: sp,
            dur,
            tx: tx_of(amt, &sp),
            modified: vague_mod,
            bare,
            compound: false,
        })
    }

    /// An age: "a 44-year-old teacher", "the six-month-old boy", "a 3 year old". TimeML
    /// does not mark ages as durations.
    fn age_adj(&self, i: usize) -> bool {
        let Some((_, k)) = self.cardinal(i) else {
            return false;
        };
        let u = if self.hyphen_joins(k) { k + 1 } else { k };
        if self.lx(u).unit == U::None {
            return false;
        }
        let o = if self.hyphen_joins(u + 1) {
            u + 2
        } else {
            u + 1
        };
        self.word_is(o, "old") || (self.word_is(o, "olds") && self.hyphen_joins(u + 1))
    }

    /// "3-day", "five-year", "twelve-hour".
    fn compound_adj(&self, i: usize) -> Option<M> {
        let (v, k) = self.cardinal(i)?;
        if !self.hyphen_joins(k) || v <= 0.0 {
            return None;
        }
        let l = self.lx(k + 1);
        if l.plural || self.title_case_unit(k + 1) {
            return None;
        }
        let sp = spec(l.unit)?;
        let d = Duration::about(v, sp.unit);
        let f = sp.factor;
        let dur = Duration {
            min: d.min * f,
            max: d.max * f,
            stated: Some(v * f),
            ..d
        };
        Some(
            M::new(i, k + 2, TimexType::Duration, Value::Duration(dur))
                .with_timex(tx_of(Amt::N(v), &sp)),
        )
    }

    /// A duration, or an expression counted in units from the anchor or an event.
    pub(super) fn duration_rule(&self, i: usize) -> Option<M> {
        if self.age_adj(i) {
            return None;
        }
        let adj = self.compound_adj(i);
        let Some(d) = self.dur_core(i) else {
            return adj.or_else(|| self.set_rule(i));
        };
        if let Some(m) = self.relative_after(&d) {
            return Some(m);
        }
        if d.bare
            && !matches!(self.kw(i), Kw::Coming | Kw::The)
            && !(i > 0
                && matches!(
                    self.kw(i - 1),
                    Kw::For | Kw::DurVerb | Kw::Over | Kw::Within | Kw::After | Kw::Throughout
                ))
        {
            return None;
        }
        let m = M::new(d.s, d.e, TimexType::Duration, Value::Duration(d.dur))
            .with_timex(d.tx)
            .vague_if(d.modified || matches!(d.amt, Amt::V(..)));
        match (adj, self.set_rule(i)) {
            (Some(a), _) if a.e > m.e => Some(a),
            (_, Some(s)) if s.e > m.e => Some(s),
            _ => Some(m),
        }
    }

    /// "a year later", "two days ago", "three weeks after", "days into the talks".
    /// "A year earlier" or "a year ago" within [`QUARTER_REACH`] tokens after a calendar
    /// quarter ("profit rose in the third quarter from $5 million a year earlier") is
    /// that quarter a year before, as TimeML annotates it.
    fn relative_after(&self, d: &Dur) -> Option<M> {
        let e = d.e;
        let (dir, mut e2, anchored): (i8, usize, bool) = match self.kw(e) {
            Kw::Later => (1, e + 1, true),
            Kw::Earlier | Kw::Previously => (-1, e + 1, true),
            Kw::Ago => (-1, e + 1, true),
            Kw::Back if self.clause_end(e + 1) => (-1, e + 1, true),
            Kw::After => (1, e + 1, self.clause_end(e + 1)),
            Kw::Before => (-1, e + 1, self.clause_end(e + 1)),
            Kw::Into => (1, e + 1, false),
            Kw::On if self.clause_end(e + 1) => (1, e + 1, true),
            _ => return None,
        };
        if self.kw(e2) == Kw::On && self.kw(e) == Kw::Later && self.clause_end(e2 + 1) {
            e2 += 1;
        }
        let unit = d.spec.unit;
        let resolved = if anchored && !d.modified {
            self.anchor.and_then(|a| {
                let (lo, hi) = match d.amt {
                    Amt::N(_) if d.compound => {
                        let s = d.dur.stated?;
                        (s, s)
                    }
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
        // "almost four years ago", "about two years later": the span the modifier
        // allows, written in TIMEX3 as the stated amount's point
        let mut qtx = None;
        let resolved = match (resolved, d.amt) {
            (None, Amt::N(v)) if anchored && d.modified && d.dur.max.is_finite() && !d.compound => {
                self.anchor.and_then(|a| {
                    let (lo, hi) = if dir < 0 {
                        (-d.dur.max, -d.dur.min)
                    } else {
                        (d.dur.min, d.dur.max)
                    };
                    let p = v * d.spec.factor * f64::from(dir);
                    let point = crate::resolve::shift(a, p, p, unit)?;
                    qtx = Some(crate::timex3::value(&point));
                    crate::resolve::shift(a, lo, hi, unit)
                })
            }
            (r, _) => r,
        };
        // "six weeks ago": the week six weeks back, not a day (TIMEX3 `YYYY-Www`)
        let resolved = match resolved {
            Some(Value::Date(h))
                if unit == Unit::Week && h.precision.has_day() && qtx.is_none() =>
            {
                let cal = h.calendar;
                let day = histlint_time::Day::from_ymd(cal, h.year, h.month, h.day).ok()?;
                let monday = day.add_days(-(crate::resolve::weekday_index(day.weekday()) as i64));
                let mon = crate::resolve::date_of(monday, cal)?;
                qtx = crate::resolve::iso_week(&mon);
                Some(Value::Range(
                    mon,
                    crate::resolve::date_of(monday.add_days(6), cal)?,
                ))
            }
            r => r,
        };
        // "a year earlier" after a quarter: the same quarter a year before
        let resolved = match (resolved, self.quarter.get()) {
            (Some(_), Some((y, q, end)))
                if dir < 0
                    && unit == Unit::Year
                    && matches!(d.amt, Amt::N(v) if v == 1.0)
                    && !d.compound
                    && end <= d.s
                    && d.s - end <= QUARTER_REACH =>
            {
                let (v, tx) = crate::resolve::quarter(y - 1, q)?;
                qtx = Some(tx);
                Some(v)
            }
            (r, _) => r,
        };
        let tx = match (&resolved, qtx) {
            (_, Some(q)) => q,
            (Some(r), None) => crate::timex3::value(r),
            (None, None) => crate::timex3::unknown(unit).to_string(),
        };
        let ttype = if d.spec.time {
            TimexType::Time
        } else {
            TimexType::Date
        };
        // Counted from an event the text names ("three weeks after the coup", "days
        // into the talks"): TimeML tags the amount alone as a DURATION ("three weeks",
        // `P3W`), the word after it being a signal outside the span. The value stays
        // relative (unresolved) for the checker.
        if !anchored && resolved.is_none() {
            return Some(
                M::new(
                    d.s,
                    e,
                    TimexType::Duration,
                    Value::Relative {
                        amount: Some(d.dur),
                        direction: dir,
                        unit,
                        resolved: None,
                    },
                )
                .with_timex(d.tx.clone())
                .vague_if(d.modified || matches!(d.amt, Amt::V(..))),
            );
        }
        Some(
            M::new(
                d.s,
                e2,
                ttype,
                Value::Relative {
                    amount: Some(d.dur),
                    direction: dir,
                    unit,
                    resolved: resolved.map(Box::new),
                },
            )
            .with_timex(tx)
            .vague_if(d.modified || matches!(d.amt, Amt::V(..))),
        )
    }

    /// "every year", "each spring", "every other week", "annually", "twice a year",
    /// "three times a week".
    pub(super) fn set_rule(&self, i: usize) -> Option<M> {
        let every = |e: usize, d: Duration, tx: String| {
            Some(
                M::new(
                    i,
                    e,
                    TimexType::Set,
                    Value::Set(Box::new(Value::Duration(d))),
                )
                .with_timex(tx),
            )
        };
        let per = |u: U, n: f64, e: usize| {
            let sp = spec(u)?;
            let d = Duration::exact(n * sp.factor, sp.unit);
            every(e, d, tx_of(Amt::N(n), &sp))
        };
        match self.kw(i) {
            Kw::Annually => return per(U::Year, 1.0, i + 1),
            Kw::Daily => return per(U::Day, 1.0, i + 1),
            Kw::Weekly => return per(U::Week, 1.0, i + 1),
            Kw::Monthly => return per(U::Month, 1.0, i + 1),
            Kw::Fortnightly => return per(U::Fortnight, 1.0, i + 1),
            Kw::Hourly => return per(U::Hour, 1.0, i + 1),
            Kw::Nightly => {
                let p = Partial {
                    time: Some(TimeOfDay {
                        hour: None,
                        minute: None,
                        part: Some(crate::DayPart::Night),
                    }),
                    ..Partial::default()
                };
                return Some(M::new(
                    i,
                    i + 1,
                    TimexType::Set,
                    Value::Set(Box::new(Value::Partial(p))),
                ));
            }
            Kw::Every | Kw::Each => {}
            _ => {
                // "twice a year", "three times a week"
                let j = match self.kw(i) {
                    Kw::Once | Kw::Twice | Kw::Thrice => i + 1,
                    _ => {
                        let (_, k) = self.cardinal(i)?;
                        if self.kw(k) != Kw::Times {
                            return None;
                        }
                        k + 1
                    }
                };
                if !matches!(self.kw(j), Kw::A | Kw::Per | Kw::Every | Kw::Each) {
                    return None;
                }
                let l = self.lx(j + 1);
                if l.plural {
                    return None;
                }
                return per(l.unit, 1.0, j + 2);
            }
        }
        let mut j = i + 1;
        let mut mult = 1.0;
        if self.kw(j) == Kw::Other {
            mult = 2.0;
            j += 1;
        }
        if let Some((amt, k, art)) = self.amount(j)
            && !art
            && let Some(sp) = spec(self.lx(k).unit)
        {
            let (d, tx) = match amt {
                Amt::N(v) => (
                    Duration::exact(v * mult * sp.factor, sp.unit),
                    tx_of(Amt::N(v * mult), &sp),
                ),
                Amt::V(lo, hi) => (
                    Duration::vague(lo * sp.factor, hi * sp.factor, sp.unit),
                    tx_of(amt, &sp),
                ),
            };
            return every(k + 1, d, tx);
        }
        let l = self.lx(j);
        if l.unit != U::None && !l.plural {
            if let Some(part) = super::deictic::day_part(l.part)
                && mult == 1.0
            {
                let p = Partial {
                    time: Some(part),
                    ..Partial::default()
                };
                return Some(M::new(
                    i,
                    j + 1,
                    TimexType::Set,
                    Value::Set(Box::new(Value::Partial(p))),
                ));
            }
            return per(l.unit, mult, j + 1);
        }
        let p = if l.season > 0 {
            Partial {
                season: Some(super::dates::season_of(l.season)),
                ..Partial::default()
            }
        } else if l.weekday > 0 && self.cap(j) {
            Partial {
                weekday: Some(super::dates::weekday_of(l.weekday)),
                ..Partial::default()
            }
        } else if let Some((m, _)) = self.month_at(j, false) {
            Partial {
                month: Some(m),
                ..Partial::default()
            }
        } else if let Some(part) = super::deictic::day_part(l.part) {
            Partial {
                time: Some(part),
                ..Partial::default()
            }
        } else {
            return None;
        };
        let e = if l.month > 0 {
            self.month_at(j, false)?.1
        } else {
            j + 1
        };
        Some(M::new(
            i,
            e,
            TimexType::Set,
            Value::Set(Box::new(Value::Partial(p))),
        ))
    }
}

impl Cx<'_> {
    /// The calendar quarter a financial report is about, when one was named within
    /// [`QUARTER_REACH`] tokens before token `i`: (year, quarter).
    pub(super) fn quarter_in_focus(&self, i: usize) -> Option<(i64, u32)> {
        let (y, q, end) = self.quarter.get()?;
        (end <= i && i - end <= QUARTER_REACH).then_some((y, q))
    }

    /// A period of a year before, as reports name it: "year-earlier" and "year-ago"
    /// before a noun ("a year-earlier loss"), "the year-ago period", "the year-earlier
    /// period", "the corresponding period last year", "the comparable period a year
    /// ago", and "the 1988 period". After a calendar quarter ([`QUARTER_REACH`]) it is
    /// that quarter in the year before (or in the year named); otherwise the year
    /// before the anchor's. TimeML annotates these as DATEs.
    pub(super) fn year_ago_rule(&self, i: usize) -> Option<M> {
        let the = self.kw(i) == Kw::The;
        // "a year-earlier loss": the article stays outside
        let article = self.kw(i) == Kw::A;
        let mut j = if the || article { i + 1 } else { i };
        let year_unit = |k: usize| self.lx(k).unit == U::Year && !self.lx(k).plural;
        let mut back = false;
        let mut named_year = None;
        if year_unit(j)
            && self.hyphen_joins(j + 1)
            && matches!(self.kw(j + 2), Kw::Ago | Kw::Earlier)
        {
            back = true;
            j += 3;
        } else if article {
            return None;
        } else if the && self.word_is(j, "latest") && self.word_is(j + 1, "period") {
            let (y, q) = self.quarter_in_focus(i)?;
            let (v, tx) = crate::resolve::quarter(y, q)?;
            return Some(M::new(i, j + 2, TimexType::Date, v).with_timex(tx));
        } else if the
            && (self.word_is(j, "corresponding")
                || self.word_is(j, "comparable")
                || self.word_is(j, "same"))
        {
            j += 1;
        } else if the
            && self.ndigits(j) == 4
            && let Some((y, e, _)) = self.year_num(j)
        {
            named_year = Some(y);
            j = e;
        } else {
            return None;
        }
        let period = self.word_is(j, "period");
        let mut e = j;
        if period {
            e = j + 1;
            // "the corresponding period last year / a year ago / a year earlier"
            if !back && named_year.is_none() {
                if self.kw(e) == Kw::Last && year_unit(e + 1) {
                    e += 2;
                    back = true;
                } else if self.kw(e) == Kw::A
                    && year_unit(e + 1)
                    && matches!(self.kw(e + 2), Kw::Ago | Kw::Earlier)
                {
                    e += 3;
                    back = true;
                } else {
                    return None;
                }
            }
        } else if the || named_year.is_some() || !back {
            // "the year-ago quarter" is the quarter rule's; "the 1988 sales" a year
            return None;
        }
        if article && period {
            return None;
        }
        let (s0, e) = if period {
            (i, e)
        } else {
            (if the || article { i + 1 } else { i }, j)
        };
        let cal = histlint_time::Calendar::Gregorian;
        let (value, tx) = match (self.quarter_in_focus(i), named_year) {
            (Some((_, q)), Some(y)) | (Some((y, q)), None) => {
                let y = if named_year.is_some() {
                    y
                } else {
                    y - i64::from(back)
                };
                crate::resolve::quarter(y, q)?
            }
            (None, Some(_)) => return None,
            (None, None) => {
                let a = self.anchor?;
                let d = HDate::year(cal, a.year - 1);
                (Value::Date(d), histlint_time::date::format_year(a.year - 1))
            }
        };
        Some(M::new(s0, e, TimexType::Date, value).with_timex(tx))
    }
}

impl Cx<'_> {
    /// "year-end", "year end", "year's end": the last day of the anchor's year, or of
    /// the year before after "since" ("the change since year-end").
    pub(super) fn year_end_rule(&self, i: usize) -> Option<M> {
        if self.lx(i).unit != U::Year || self.lx(i).plural {
            return None;
        }
        let e = if self.hyphen_joins(i + 1) && self.kw(i + 2) == Kw::End {
            i + 3
        } else if self.kw(i + 1) == Kw::End && self.txt(i + 1).eq_ignore_ascii_case("end") {
            i + 2
        } else if (self.punct(i + 1, '\'') || self.punct(i + 1, '\u{2019}'))
            && self.word_is(i + 2, "s")
            && self.word_is(i + 3, "end")
        {
            i + 4
        } else {
            return None;
        };
        // "the year end" is the year's; "a year end" is any
        if i > 0 && self.kw(i - 1) == Kw::A {
            return None;
        }
        let a = self.anchor?;
        let back = i > 0 && self.kw(i - 1) == Kw::Since;
        let y = a.year - i64::from(back);
        let d = HDate::ymd(a.calendar, y, 12, 31).ok()?;
        Some(M::new(i, e, TimexType::Date, Value::Date(d)))
    }
}
