//! Expressions placed by the anchor without a count ("yesterday", "last year", "the
//! next day", "that night", "the following spring", "now"), "since …", and times of day
//! ("at 2 a.m.", "14:30", "six o'clock", "at dawn", "midnight").

use crate::token::TokenView;
use histlint_time::{HDate, Unit};

use super::lexicon::{Kw, P, U};
use super::{Cx, M};
use crate::resolve::{self, Pick};
use crate::token::Suffix;
use crate::{DayPart, Partial, Ref, TimeOfDay, TimexType, Value};

/// The part of the day a word names, as a time of day.
pub(super) fn day_part(p: P) -> Option<TimeOfDay> {
    let part = |d| {
        Some(TimeOfDay {
            hour: None,
            minute: None,
            part: Some(d),
        })
    };
    match p {
        P::Morning | P::Dawn => part(DayPart::Morning),
        P::Afternoon => part(DayPart::Afternoon),
        P::Evening | P::Dusk => part(DayPart::Evening),
        P::Night => part(DayPart::Night),
        P::Daytime => part(DayPart::Daytime),
        P::Midnight => Some(TimeOfDay {
            hour: Some(24),
            minute: Some(0),
            part: None,
        }),
        P::Noon => Some(TimeOfDay {
            hour: Some(12),
            minute: Some(0),
            part: None,
        }),
        P::None => None,
    }
}

/// A calendar unit a word names for "last …", "the next …".
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
    /// A day `off` days from the anchor's, with an optional part of the day: "yesterday",
    /// "tomorrow evening", "last night", "the following morning".
    fn day_rel(
        &self,
        s: usize,
        e: usize,
        off: i64,
        part: Option<TimeOfDay>,
        anchored: bool,
        anaphoric: bool,
    ) -> M {
        let day: Option<HDate> = if anchored {
            self.base(anaphoric, Unit::Day)
                .and_then(|a| resolve::days_from(&a, off))
        } else {
            None
        };
        let direction = off.signum() as i8;
        match part {
            Some(t) => {
                let resolved = day.map(|d| {
                    Box::new(Value::Partial(Partial {
                        date: Some(d),
                        time: Some(t),
                        ..Partial::default()
                    }))
                });
                let tx = match &resolved {
                    Some(r) => crate::timex3::value(r),
                    None => format!("XXXX-XX-XX{}", crate::timex3::time(&t)),
                };
                M::new(
                    s,
                    e,
                    TimexType::Time,
                    Value::Relative {
                        amount: None,
                        direction,
                        unit: Unit::Day,
                        resolved,
                    },
                )
                .with_timex(tx)
            }
            None => M::new(
                s,
                e,
                TimexType::Date,
                Value::Relative {
                    amount: None,
                    direction,
                    unit: Unit::Day,
                    resolved: day.map(|d| Box::new(Value::Date(d))),
                },
            ),
        }
    }

    /// What a relative expression counts from ([`resolve::count_from`]).
    pub(super) fn base(&self, anaphoric: bool, unit: Unit) -> Option<HDate> {
        resolve::count_from(self.reference.get(), self.anchor, anaphoric, unit)
    }

    /// The unit before, of, or after the anchor's: "last year", "the next day".
    fn unit_rel(
        &self,
        s: usize,
        e: usize,
        unit: Unit,
        dir: i8,
        anchored: bool,
        anaphoric: bool,
    ) -> M {
        let resolved = if anchored {
            self.base(anaphoric, unit)
                .and_then(|a| resolve::neighbour(&a, unit, i64::from(dir)))
        } else {
            None
        };
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

    /// "yesterday", "today", "tonight", "last year", "the next day", "the following
    /// spring", "that night", "last Monday", "the day before", "the same evening".
    pub(super) fn neighbour_rule(&self, i: usize) -> Option<M> {
        let k0 = self.kw(i);
        if matches!(k0, Kw::Yesterday | Kw::Today | Kw::Tomorrow | Kw::Tonight) {
            let off = match k0 {
                Kw::Yesterday => -1,
                Kw::Tomorrow => 1,
                _ => 0,
            };
            if k0 == Kw::Tonight {
                return Some(self.day_rel(i, i + 1, 0, day_part(P::Night), true, false));
            }
            if let Some(t) = day_part(self.lx(i + 1).part)
                && t.part.is_some()
            {
                return Some(self.day_rel(i, i + 2, off, Some(t), true, false));
            }
            return Some(self.day_rel(i, i + 1, off, None, true, false));
        }
        let the = k0 == Kw::The;
        let j = if the { i + 1 } else { i };
        let lj = self.lx(j);
        // "the days before the slaying": some days, counted from an event
        if the && matches!(self.kw(j + 1), Kw::Before | Kw::After) && lj.plural {
            let sp = super::amounts::spec(lj.unit)?;
            let dir: i8 = if self.kw(j + 1) == Kw::Before { -1 } else { 1 };
            let amount = histlint_time::Duration::vague(2.0 * sp.factor, f64::INFINITY, sp.unit);
            return Some(
                M::new(
                    i,
                    j + 2,
                    if sp.time {
                        TimexType::Time
                    } else {
                        TimexType::Date
                    },
                    Value::Relative {
                        amount: Some(amount),
                        direction: dir,
                        unit: sp.unit,
                        resolved: None,
                    },
                )
                .with_timex(crate::timex3::unknown(sp.unit).to_string())
                .vague_if(true),
            );
        }
        // "the day before", "the night after", "the year before", "the day before yesterday"
        if the && matches!(self.kw(j + 1), Kw::Before | Kw::After) && !lj.plural {
            let dir: i8 = if self.kw(j + 1) == Kw::Before { -1 } else { 1 };
            let e = j + 2;
            if lj.unit == U::Day {
                if dir < 0 && self.kw(e) == Kw::Yesterday {
                    return Some(self.day_rel(i, e + 1, -2, None, true, false));
                }
                if dir > 0 && self.kw(e) == Kw::Tomorrow {
                    return Some(self.day_rel(i, e + 1, 2, None, true, false));
                }
            }
            let anchored = self.clause_end(e);
            if let Some(t) = day_part(lj.part)
                && t.part.is_some()
            {
                return Some(self.day_rel(i, e, i64::from(dir), Some(t), anchored, true));
            }
            if let Some(u) = cal_unit(lj.unit) {
                return Some(self.unit_rel(i, e, u, dir, anchored, true));
            }
        }
        let (dir, pick): (i8, Pick) = match lj.kw {
            Kw::Next => (1, Pick::Next),
            Kw::Following | Kw::Coming if the => (1, Pick::Next),
            Kw::Previous if the => (-1, Pick::Previous),
            // "the past year": last year (a number makes it a duration: "the past two
            // years")
            Kw::Past if the && matches!(self.lx(j + 1).unit, U::Year | U::Month | U::Week) => {
                (-1, Pick::Previous)
            }
            Kw::Same if the => (0, Pick::Same),
            Kw::Last | Kw::This | Kw::That if !the => (
                if lj.kw == Kw::Last { -1 } else { 0 },
                if lj.kw == Kw::Last {
                    Pick::Previous
                } else {
                    Pick::Same
                },
            ),
            _ => return None,
        };
        // "that year", "the following day", "the previous month", "the same week"
        // count from the text's reference time; "last year", "next week", "this
        // month" from the anchor
        let anaphoric = (the && lj.kw != Kw::Past) || lj.kw == Kw::That;
        let mut k = j + 1;
        // "this past spring", "this past week"
        let (dir, pick) = if lj.kw == Kw::This && !the && self.kw(k) == Kw::Past {
            k += 1;
            (-1, Pick::Previous)
        } else {
            (dir, pick)
        };
        let l = self.lx(k);
        if l.plural {
            return None;
        }
        if let Some(t) = day_part(l.part)
            && t.part.is_some()
        {
            return Some(self.day_rel(i, k + 1, i64::from(dir), Some(t), true, anaphoric));
        }
        if let Some(u) = cal_unit(l.unit) {
            return Some(self.unit_rel(i, k + 1, u, dir, true, anaphoric));
        }
        if l.season > 0 {
            let s = super::dates::season_of(l.season);
            return Some(self.season_value(i, k + 1, s, dir, pick, anaphoric));
        }
        if l.weekday > 0 && self.cap(k) && !l.wabbr {
            let w = super::dates::weekday_of(l.weekday);
            let resolved = self
                .base(anaphoric, Unit::Week)
                .and_then(|a| resolve::weekday_around(&a, w, pick))
                .map(|d| Box::new(Value::Date(d)));
            let tx = match &resolved {
                Some(r) => crate::timex3::value(r),
                None => format!("XXXX-WXX-{}", resolve::weekday_index(w) + 1),
            };
            return Some(
                M::new(
                    i,
                    k + 1,
                    TimexType::Date,
                    Value::Relative {
                        amount: None,
                        direction: dir,
                        unit: Unit::Week,
                        resolved,
                    },
                )
                .with_timex(tx),
            );
        }
        if let Some((m, e)) = self.month_at(k, false) {
            let resolved = self
                .base(anaphoric, Unit::Month)
                .and_then(|a| resolve::month_around(&a, m, pick))
                .map(|d| Box::new(Value::Date(d)));
            let tx = match &resolved {
                Some(r) => crate::timex3::value(r),
                None => format!("XXXX-{m:02}"),
            };
            return Some(
                M::new(
                    i,
                    e,
                    TimexType::Date,
                    Value::Relative {
                        amount: None,
                        direction: dir,
                        unit: Unit::Year,
                        resolved,
                    },
                )
                .with_timex(tx),
            );
        }
        None
    }

    /// "now", "nowadays", "at present", "the present day", "recently", "in the past",
    /// "in the future".
    pub(super) fn ref_rule(&self, i: usize) -> Option<M> {
        let r = |e: usize, r: Ref| Some(M::new(i, e, TimexType::Date, Value::Ref(r)));
        match self.kw(i) {
            Kw::Now | Kw::Nowadays | Kw::Currently => r(i + 1, Ref::Present),
            Kw::Recently | Kw::Formerly => r(i + 1, Ref::Past),
            // "soon", not "as soon as", "soon after"
            Kw::Soon
                if (i == 0 || !self.word_is(i - 1, "as"))
                    && !self.word_is(i + 1, "as")
                    && !matches!(self.kw(i + 1), Kw::After | Kw::Before) =>
            {
                r(i + 1, Ref::Future)
            }
            // "current prices", "recent years": adjectives ("future", as often a noun's
            // attribute as a time, is left out)
            Kw::Current | Kw::Recent if self.attributive(i + 1) => {
                let re = match self.kw(i) {
                    Kw::Current => Ref::Present,
                    _ => Ref::Past,
                };
                let l = self.lx(i + 1);
                // "recent years", "recent months": some of those units, up to now
                // (TimeML: a vague DURATION, `PXY`)
                if self.kw(i) == Kw::Recent && l.plural && l.unit != U::None {
                    let sp = super::amounts::spec(l.unit)?;
                    let d = histlint_time::Duration::vague(2.0 * sp.factor, f64::INFINITY, sp.unit);
                    let t = if sp.time { "T" } else { "" };
                    return Some(
                        M::new(i, i + 2, TimexType::Duration, Value::Duration(d))
                            .with_timex(format!("P{t}X{}", sp.vcode))
                            .vague_if(true),
                    );
                }
                if l.unit != U::None || self.kw(i + 1) == Kw::Quarter {
                    return None;
                }

                r(i + 1, re)
            }
            Kw::Someday => r(i + 1, Ref::Future),
            // "these days"
            Kw::These
                if self.lx(i + 1).unit == U::Day
                    && self.lx(i + 1).plural
                    && self.noun_end(i + 2)
                    && self.kw(i + 2) != Kw::Of =>
            {
                r(i + 2, Ref::Present)
            }
            // "at a later date"
            Kw::A if self.word_is(i + 1, "later") && self.lx(i + 2).kw == Kw::Date => {
                r(i + 3, Ref::Future)
            }
            // "to this day"
            Kw::To
                if self.kw(i + 1) == Kw::This
                    && self.lx(i + 2).unit == U::Day
                    && !self.lx(i + 2).plural =>
            {
                r(i + 3, Ref::Present)
            }
            Kw::At if self.kw(i + 1) == Kw::Present && self.clause_end(i + 2) => {
                r(i + 2, Ref::Present)
            }
            Kw::At if self.kw(i + 1) == Kw::The && self.kw(i + 2) == Kw::Moment => {
                r(i + 3, Ref::Present)
            }
            Kw::The => {
                let k1 = self.kw(i + 1);
                if k1 == Kw::Present && (self.clause_end(i + 2) || self.lx(i + 2).unit == U::Day) {
                    let e = if self.lx(i + 2).unit == U::Day {
                        i + 3
                    } else {
                        i + 2
                    };
                    return r(e, Ref::Present);
                }
                if k1 == Kw::Past && self.noun_end(i + 2) {
                    return r(i + 2, Ref::Past);
                }
                if k1 == Kw::Future && self.noun_end(i + 2) {
                    return r(i + 2, Ref::Future);
                }
                if let Some(m) = self.the_year(i) {
                    return Some(m);
                }
                if self.word_is(i + 1, "near") && self.kw(i + 2) == Kw::Future {
                    return r(i + 3, Ref::Future);
                }
                // "in the near term", "over the short term"
                if (self.word_is(i + 1, "near") || self.word_is(i + 1, "short"))
                    && self.word_is(i + 2, "term")
                    && self.noun_end(i + 3)
                {
                    return r(i + 3, Ref::Future);
                }
                None
            }
            _ => None,
        }
    }

    /// Token `j` ends a noun phrase: punctuation, the end, or a word that cannot go on
    /// with a noun ("the future that awaits", "in the past it was", "about the future
    /// of").
    fn noun_end(&self, j: usize) -> bool {
        if self.clause_end(j) || !self.is_word(j) {
            return true;
        }
        const FUNCTION: &[&str] = &[
            "that", "which", "who", "of", "is", "was", "are", "were", "will", "would", "and", "or",
            "but", "it", "he", "she", "they", "we", "i", "you", "as", "to", "for", "in", "on",
            "at", "by", "with", "if", "when", "has", "have", "had", "can", "could", "may", "might",
            "should", "must", "there", "this", "these", "those", "its", "his", "her", "their",
            "our", "the", "a", "an", "than", "is", "be", "because", "so", "too",
        ];
        FUNCTION.iter().any(|w| self.word_is(j, w))
    }

    /// Token `j` is a noun an adjective such as "current" can qualify: a lower-case word
    /// that does not end the phrase ("current prices", not "the current is strong").
    pub(super) fn attributive(&self, j: usize) -> bool {
        self.is_word(j) && !self.cap(j) && !self.noun_end(j)
    }

    /// "the year", "the fiscal year", "the full year" after "for", "in", "during",
    /// "of", "through": the anchor's year; "the year ended June 30" is a year's duration
    /// (TimeBank practice for fiscal years named by their end).
    fn the_year(&self, i: usize) -> Option<M> {
        // "the year 1905", "the year two thousand"
        if self.lx(i + 1).unit == U::Year && !self.lx(i + 1).plural {
            let k = i + 2;
            if let Some((y, e, _)) = self.year_num(k)
                && self.after_year_ok(e)
            {
                return Some(M::date(
                    i,
                    e,
                    HDate::year(histlint_time::Calendar::Gregorian, y),
                ));
            }
            if let Some((v, e)) = self.card_word(k)
                && v.fract() == 0.0
                && (1000.0..3000.0).contains(&v)
                && self.after_year_ok(e)
            {
                return Some(M::date(
                    i,
                    e,
                    HDate::year(histlint_time::Calendar::Gregorian, v as i64),
                ));
            }
        }
        let prev = if i > 0 { self.kw(i - 1) } else { Kw::None };
        if !matches!(
            prev,
            Kw::For | Kw::In | Kw::During | Kw::Of | Kw::Through | Kw::Throughout
        ) {
            return None;
        }
        let mut j = i + 1;
        // "the full year", "the current year", "the current fiscal year": the anchor's
        // year wherever it stands
        let own = self.word_is(j, "full") || self.word_is(j, "current");
        if own || self.word_is(j, "fiscal") {
            j += 1;
            if self.word_is(j, "fiscal") {
                j += 1;
            }
        }
        let l = self.lx(j);
        if l.unit != U::Year || l.plural {
            return None;
        }
        let e = j + 1;
        if own
            && !(self.word_is(e, "ended") || self.word_is(e, "ending"))
            && let Some(a) = self.anchor
        {
            return Some(M::new(
                i,
                e,
                TimexType::Date,
                Value::Date(HDate::year(a.calendar, a.year)),
            ));
        }
        if self.word_is(e, "ended") || self.word_is(e, "ending") {
            let d = histlint_time::Duration::about(1.0, Unit::Year);
            return Some(
                M::new(i, e, TimexType::Duration, Value::Duration(d)).with_timex("P1Y".into()),
            );
        }
        if !self.clause_end(e) && !matches!(self.kw(e), Kw::And | Kw::Or | Kw::To) {
            return None;
        }
        Some(match self.anchor {
            Some(a) => M::new(
                i,
                e,
                TimexType::Date,
                Value::Date(HDate::year(a.calendar, a.year)),
            ),
            None => M::new(
                i,
                e,
                TimexType::Date,
                Value::Relative {
                    amount: None,
                    direction: 0,
                    unit: Unit::Year,
                    resolved: None,
                },
            )
            .with_timex("XXXX".into()),
        })
    }

    /// "since 1917", "since the spring", "since October", "since last year".
    pub(super) fn since_rule(&self, i: usize) -> Option<M> {
        if self.kw(i + 1) == Kw::Since {
            return None;
        }
        let old = self.pick.replace(Pick::LatestStarted);
        let inner = self.best(i + 1);
        self.pick.set(old);
        let m = inner?;
        if m.s != i + 1 || matches!(m.value, Value::Duration(_) | Value::Set(_)) {
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
            yearish: m.yearish,
            ends: None,
        })
    }

    /// A part of the day standing alone: "midnight", "noon", "at dawn", "in the
    /// morning", "at night", "the night of 6 November 1917".
    pub(super) fn part_rule(&self, i: usize) -> Option<M> {
        let the = self.kw(i) == Kw::The;
        let j = if the { i + 1 } else { i };
        let p = self.lx(j).part;
        let t = day_part(p)?;
        let time = |e: usize, t: TimeOfDay| {
            Some(M::new(
                i,
                e,
                TimexType::Time,
                Value::Partial(Partial {
                    time: Some(t),
                    ..Partial::default()
                }),
            ))
        };
        // "the night of 6 November 1917"
        if the && t.part.is_some() && self.kw(j + 1) == Kw::Of {
            let d = self.date_rule(j + 2)?;
            let mut partial = match d.value {
                Value::Date(h) => Partial {
                    date: Some(h),
                    ..Partial::default()
                },
                Value::Partial(p) => p,
                _ => return None,
            };
            partial.time = Some(t);
            let mut m = M::new(i, d.e, TimexType::Time, Value::Partial(partial));
            m.calendar = d.calendar;
            return Some(m);
        }
        let prev = if i > 0 { self.kw(i - 1) } else { Kw::None };
        match p {
            P::Midnight | P::Noon if !the => time(j + 1, t),
            P::Dawn | P::Dusk if !the => {
                let cue = matches!(
                    prev,
                    Kw::At
                        | Kw::By
                        | Kw::Before
                        | Kw::After
                        | Kw::Until
                        | Kw::From
                        | Kw::Since
                        | Kw::About
                ) || (i > 0
                    && (self.word_is(i - 1, "toward")
                        || self.word_is(i - 1, "towards")
                        || self.word_is(i - 1, "near")));
                if cue { time(j + 1, t) } else { None }
            }
            P::Morning | P::Afternoon | P::Evening | P::Night | P::Daytime => {
                if (the && matches!(prev, Kw::In | Kw::During))
                    || (!the && p == P::Night && prev == Kw::At)
                {
                    time(j + 1, t)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// `a.m.`, `am`, `p.m.`, `PM` at `k`: (is p.m., end).
    fn ampm(&self, k: usize) -> Option<(bool, usize)> {
        match self.kw(k) {
            Kw::Am | Kw::Pm => return Some((self.kw(k) == Kw::Pm, k + 1)),
            _ => {}
        }
        let a = self.word_is(k, "a");
        if (a || self.word_is(k, "p"))
            && self.punct(k + 1, '.')
            && self.adj(k + 1)
            && self.word_is(k + 2, "m")
            && self.adj(k + 2)
        {
            let mut e = k + 3;
            if self.punct(e, '.') && self.adj(e) {
                e += 1;
            }
            return Some((!a, e));
        }
        None
    }

    /// "in the morning", "in the evening", "at night" after a clock time: whether it
    /// is after noon, and the end.
    fn clock_tail(&self, e: usize) -> Option<(bool, usize)> {
        if self.kw(e) == Kw::In && self.kw(e + 1) == Kw::The {
            return match self.lx(e + 2).part {
                P::Morning => Some((false, e + 3)),
                P::Afternoon | P::Evening => Some((true, e + 3)),
                _ => None,
            };
        }
        if self.kw(e) == Kw::At && self.lx(e + 1).part == P::Night {
            return Some((true, e + 2));
        }
        None
    }

    /// An hour in digits or words (1-12, or 0-24 for clock times).
    fn hour_at(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(h) = self.plain(i, 2) {
            return Some((h, i + 1));
        }
        let c = u32::from(self.lx(i).card?);
        (c <= 12).then_some((c, i + 1))
    }

    /// `14:30`, `2 a.m.`, `2pm`, `2.30 p.m.`, `six o'clock`, `half past six`, `12 noon`.
    pub(super) fn time_rule(&self, i: usize) -> Option<M> {
        let mut hour: u32;
        let mut minute = 0u32;
        let mut e: usize;
        let mut pm: Option<bool> = None;
        let t = self.tok(i)?;
        if matches!(self.kw(i), Kw::Half | Kw::Quarter | Kw::A) {
            // half past six, (a) quarter past/to six
            let q = if self.kw(i) == Kw::A { i + 1 } else { i };
            let m = match self.kw(q) {
                Kw::Half => 30,
                Kw::Quarter => 15,
                _ => return None,
            };
            let to = match self.kw(q + 1) {
                Kw::Past => false,
                Kw::To if m == 15 => true,
                _ => return None,
            };
            let (h, k) = self.hour_at(q + 2)?;
            if !(1..=12).contains(&h) {
                return None;
            }
            hour = if to { (h + 11) % 12 } else { h };
            minute = if to { 45 } else { m };
            e = k;
            if self.kw(e) == Kw::Oclock {
                e += 1;
            }
        } else if t.kind == crate::token::Kind::Num && matches!(t.suffix, Suffix::Am | Suffix::Pm) {
            if !(1..=12).contains(&t.num) || t.ndigits > 2 {
                return None;
            }
            hour = t.num;
            pm = Some(t.suffix == Suffix::Pm);
            e = i + 1;
        } else {
            let (h, k) = self.hour_at(i)?;
            hour = h;
            e = k;
            let digits = t.kind == crate::token::Kind::Num;
            if digits
                && self.punct(k, ':')
                && self.adj(k)
                && self.adj(k + 1)
                && self.ndigits(k + 1) == 2
                && let Some(mm) = self.plain(k + 1, 2)
            {
                // 14:30, 14:30:15
                if hour > 24 || mm > 59 {
                    return None;
                }
                minute = mm;
                e = k + 2;
                if self.punct(e, ':') && self.adj(e) && self.adj(e + 1) && self.ndigits(e + 1) == 2
                {
                    e += 2;
                }
                if self.punct(e, ':') && self.adj(e) {
                    return None;
                }
                if let Some((p, e2)) = self.ampm(e) {
                    pm = Some(p);
                    e = e2;
                }
            } else {
                if digits
                    && self.punct(k, '.')
                    && self.adj(k)
                    && self.adj(k + 1)
                    && self.ndigits(k + 1) == 2
                    && let Some(mm) = self.plain(k + 1, 2)
                    && mm < 60
                    && self.ampm(k + 2).is_some()
                {
                    minute = mm;
                    e = k + 2;
                }
                if !(1..=12).contains(&hour) {
                    return None;
                }
                if let Some((p, e2)) = self.ampm(e) {
                    pm = Some(p);
                    e = e2;
                } else if self.kw(e) == Kw::Oclock {
                    e += 1;
                } else if hour == 12 && matches!(self.lx(e).part, P::Noon | P::Midnight) {
                    let t = day_part(self.lx(e).part)?;
                    return Some(M::new(
                        i,
                        e + 1,
                        TimexType::Time,
                        Value::Partial(Partial {
                            time: Some(t),
                            ..Partial::default()
                        }),
                    ));
                } else {
                    return None;
                }
            }
        }
        if self.kw(e) == Kw::Sharp {
            e += 1;
        }
        if pm.is_none()
            && let Some((p, e2)) = self.clock_tail(e)
        {
            pm = Some(p);
            e = e2;
        }
        match pm {
            Some(true) if hour < 12 => hour += 12,
            Some(false) if hour == 12 => hour = 0,
            _ => {}
        }
        Some(M::new(
            i,
            e,
            TimexType::Time,
            Value::Partial(Partial {
                time: Some(TimeOfDay {
                    hour: Some(hour as u8),
                    minute: Some(minute as u8),
                    part: None,
                }),
                ..Partial::default()
            }),
        ))
    }
}

impl Cx<'_> {
    /// "until then", "by then", "before then": the date the text last named (its
    /// reference time), when there is one. A "then" meaning "next" ("and then he
    /// left") is not a date.
    pub(super) fn then_rule(&self, i: usize) -> Option<M> {
        if i == 0 || !matches!(self.kw(i - 1), Kw::Until | Kw::By | Kw::Before) {
            return None;
        }
        let r = self.reference.get()?;
        Some(M::new(i, i + 1, TimexType::Date, Value::Date(r)))
    }
}
