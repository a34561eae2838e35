//! Intervals of days and the relations between uncertain intervals.
//!
//! A [`DayInterval`] is a closed range of days. An [`Extent`] is something that
//! happened over time (an event, a life, a tenure) whose start and end are each
//! known only to within an interval: "the Kronstadt rebellion, March 1921" has a start
//! somewhere in 1921-03-01..1921-03-31. Comparing two extents gives the set of
//! Allen relations that remain possible; a relation is *decided* only when every
//! possibility agrees. Nothing here guesses.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, Day};

/// A closed interval of days, `start <= end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DayInterval {
    pub start: Day,
    pub end: Day,
}

impl DayInterval {
    /// The interval from `a` to `b`, in whichever order they are given.
    pub fn new(a: Day, b: Day) -> DayInterval {
        if a <= b {
            DayInterval { start: a, end: b }
        } else {
            DayInterval { start: b, end: a }
        }
    }

    /// A single day.
    pub fn day(d: Day) -> DayInterval {
        DayInterval { start: d, end: d }
    }

    /// Number of days in the interval.
    pub fn len_days(&self) -> i64 {
        self.end.0 - self.start.0 + 1
    }

    /// Whether `d` lies inside.
    pub fn contains_day(&self, d: Day) -> bool {
        self.start <= d && d <= self.end
    }

    /// Whether the two intervals share at least one day.
    pub fn intersects(&self, other: &DayInterval) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The smallest interval covering both.
    pub fn hull(&self, other: &DayInterval) -> DayInterval {
        DayInterval {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The days in both, if any.
    pub fn intersection(&self, other: &DayInterval) -> Option<DayInterval> {
        let s = self.start.max(other.start);
        let e = self.end.min(other.end);
        (s <= e).then_some(DayInterval { start: s, end: e })
    }

    /// `start..end` as ISO days in `calendar`.
    pub fn iso(&self, calendar: Calendar) -> String {
        if self.start == self.end {
            self.start.iso(calendar)
        } else {
            format!("{}..{}", self.start.iso(calendar), self.end.iso(calendar))
        }
    }

    /// Where two uncertain points (each somewhere in an interval) stand to each other.
    pub fn point_order(&self, other: &DayInterval) -> PointOrder {
        PointOrder {
            less: self.start < other.end,
            equal: self.intersects(other),
            greater: self.end > other.start,
        }
    }
}

impl fmt::Display for DayInterval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso(Calendar::Gregorian))
    }
}

/// The possible orders of two uncertain points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointOrder {
    pub less: bool,
    pub equal: bool,
    pub greater: bool,
}

impl PointOrder {
    fn allows(self, o: std::cmp::Ordering) -> bool {
        match o {
            std::cmp::Ordering::Less => self.less,
            std::cmp::Ordering::Equal => self.equal,
            std::cmp::Ordering::Greater => self.greater,
        }
    }
}

/// Something that lasted from a start to an end, each known to within an interval of days.
///
/// A one-day event known to the day has `start == end == [d, d]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Extent {
    pub start: DayInterval,
    pub end: DayInterval,
}

impl Extent {
    /// An extent from a start date's interval to an end date's interval.
    pub fn new(start: DayInterval, end: DayInterval) -> Extent {
        // The end cannot be before the start: clip impossible parts.
        let end = DayInterval {
            start: end.start.max(start.start),
            end: end.end.max(start.start),
        };
        Extent { start, end }
    }

    /// Something that happened within one interval with no more known: it may have
    /// lasted any part of it. "In March 1921" as a scene date.
    pub fn within(i: DayInterval) -> Extent {
        Extent { start: i, end: i }
    }

    /// The widest span of days the extent may cover.
    pub fn hull(&self) -> DayInterval {
        DayInterval {
            start: self.start.start,
            end: self.end.end,
        }
    }

    /// The days the extent certainly covers, if any (from the latest possible start to
    /// the earliest possible end).
    pub fn core(&self) -> Option<DayInterval> {
        (self.start.end <= self.end.start).then_some(DayInterval {
            start: self.start.end,
            end: self.end.start,
        })
    }

    /// The Allen relations of `self` to `other` that the uncertainty leaves possible.
    pub fn relations(&self, other: &Extent) -> AllenSet {
        use std::cmp::Ordering::*;
        let ss = self.start.point_order(&other.start);
        let se = self.start.point_order(&other.end);
        let es = self.end.point_order(&other.start);
        let ee = self.end.point_order(&other.end);
        // Whether the half-open day ranges [s, e+1) can meet: the end day of one is the
        // day before the start of the other.
        let meets = |a_end: &DayInterval, b_start: &DayInterval| {
            a_end.start.0 < b_start.end.0 && b_start.start.0 <= a_end.end.0 + 1
        };
        let before = |a_end: &DayInterval, b_start: &DayInterval| a_end.start.0 + 1 < b_start.end.0;
        let mut set = AllenSet::EMPTY;
        let mut add = |r: Allen, ok: bool| {
            if ok {
                set.insert(r);
            }
        };
        // Working in whole days, "a ends before b starts" (a.end < b.start) splits into
        // `before` (a gap of at least one day) and `meets` (b starts the day after a ends).
        add(Allen::Before, before(&self.end, &other.start));
        add(Allen::Meets, meets(&self.end, &other.start));
        add(Allen::After, before(&other.end, &self.start));
        add(Allen::MetBy, meets(&other.end, &self.start));
        // The overlapping family: a.start <= b.end and b.start <= a.end.
        let overlap_possible = se.allows(Less) || se.allows(Equal);
        let overlap_possible = overlap_possible && (es.allows(Greater) || es.allows(Equal));
        if overlap_possible {
            add(Allen::Overlaps, ss.allows(Less) && ee.allows(Less));
            add(
                Allen::OverlappedBy,
                ss.allows(Greater) && ee.allows(Greater),
            );
            add(Allen::Starts, ss.allows(Equal) && ee.allows(Less));
            add(Allen::StartedBy, ss.allows(Equal) && ee.allows(Greater));
            add(Allen::During, ss.allows(Greater) && ee.allows(Less));
            add(Allen::Contains, ss.allows(Less) && ee.allows(Greater));
            add(Allen::Finishes, ss.allows(Greater) && ee.allows(Equal));
            add(Allen::FinishedBy, ss.allows(Less) && ee.allows(Equal));
            add(Allen::Equals, ss.allows(Equal) && ee.allows(Equal));
        }
        set
    }

    /// The coarse verdict every rule uses: certainly before, certainly after,
    /// certainly overlapping, or undecidable.
    pub fn compare(&self, other: &Extent) -> Relation {
        self.relations(other).verdict()
    }
}

/// Allen's thirteen interval relations (of `a` to `b`), on whole days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Allen {
    Before = 0,
    Meets,
    Overlaps,
    Starts,
    During,
    Finishes,
    Equals,
    FinishedBy,
    Contains,
    StartedBy,
    OverlappedBy,
    MetBy,
    After,
}

impl Allen {
    pub const ALL: [Allen; 13] = [
        Allen::Before,
        Allen::Meets,
        Allen::Overlaps,
        Allen::Starts,
        Allen::During,
        Allen::Finishes,
        Allen::Equals,
        Allen::FinishedBy,
        Allen::Contains,
        Allen::StartedBy,
        Allen::OverlappedBy,
        Allen::MetBy,
        Allen::After,
    ];

    /// The relation of `b` to `a` when this is the relation of `a` to `b`.
    pub fn inverse(self) -> Allen {
        Allen::ALL[12 - self as usize]
    }

    /// Whether the two share at least one day.
    pub fn is_overlapping(self) -> bool {
        !matches!(
            self,
            Allen::Before | Allen::Meets | Allen::MetBy | Allen::After
        )
    }
}

/// A set of Allen relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct AllenSet(u16);

impl AllenSet {
    pub const EMPTY: AllenSet = AllenSet(0);

    pub fn insert(&mut self, r: Allen) {
        self.0 |= 1 << r as u16;
    }

    pub fn contains(&self, r: Allen) -> bool {
        self.0 & (1 << r as u16) != 0
    }

    pub fn iter(&self) -> impl Iterator<Item = Allen> + '_ {
        Allen::ALL.into_iter().filter(|r| self.contains(*r))
    }

    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The single relation, when it is decided.
    pub fn decided(&self) -> Option<Allen> {
        (self.len() == 1).then(|| self.iter().next().expect("one element"))
    }

    /// Collapses the set to the verdict rules use.
    pub fn verdict(&self) -> Relation {
        if self.is_empty() {
            return Relation::Undecidable;
        }
        if self
            .iter()
            .all(|r| matches!(r, Allen::Before | Allen::Meets))
        {
            Relation::Before
        } else if self
            .iter()
            .all(|r| matches!(r, Allen::After | Allen::MetBy))
        {
            Relation::After
        } else if self.iter().all(Allen::is_overlapping) {
            Relation::Overlapping
        } else {
            Relation::Undecidable
        }
    }
}

/// The decided (or not) relation of one extent to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Certainly wholly before the other.
    Before,
    /// Certainly wholly after the other.
    After,
    /// Certainly sharing at least one day with the other.
    Overlapping,
    /// The record does not decide.
    Undecidable,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::HDate;

    fn iv(s: &str) -> DayInterval {
        HDate::parse_iso(s).unwrap().interval().unwrap()
    }

    fn ext(a: &str, b: &str) -> Extent {
        Extent::new(iv(a), iv(b))
    }

    #[test]
    fn kiel_is_after_brest_talks() {
        let talks = ext("1917-12-22", "1918-03-03");
        let kiel = ext("1918-11-03", "1918-11-04");
        assert_eq!(kiel.compare(&talks), Relation::After);
        assert_eq!(talks.compare(&kiel), Relation::Before);
        assert_eq!(kiel.relations(&talks).decided(), Some(Allen::After));
    }

    #[test]
    fn month_precision_against_day() {
        // A scene "in March 1921" against the Kronstadt rebellion (1-18 March 1921):
        // they certainly overlap? No: a scene on 25 March is after. Undecidable.
        let scene = Extent::within(iv("1921-03"));
        let kronstadt = ext("1921-03-01", "1921-03-18");
        assert_eq!(scene.compare(&kronstadt), Relation::Undecidable);
        // A scene on 10 March 1921 is during it.
        let scene = ext("1921-03-10", "1921-03-10");
        assert_eq!(scene.compare(&kronstadt), Relation::Overlapping);
        assert_eq!(scene.relations(&kronstadt).decided(), Some(Allen::During));
        // March 1918 is certainly before.
        let scene = Extent::within(iv("1918-03"));
        assert_eq!(scene.compare(&kronstadt), Relation::Before);
    }

    #[test]
    fn meeting_days() {
        let a = ext("1917-01-01", "1917-01-10");
        let b = ext("1917-01-11", "1917-01-20");
        assert_eq!(a.relations(&b).decided(), Some(Allen::Meets));
        assert_eq!(b.relations(&a).decided(), Some(Allen::MetBy));
        assert_eq!(a.compare(&b), Relation::Before);
    }

    #[test]
    fn inverse_is_involutive() {
        for r in Allen::ALL {
            assert_eq!(r.inverse().inverse(), r);
        }
        assert_eq!(Allen::During.inverse(), Allen::Contains);
    }
}
