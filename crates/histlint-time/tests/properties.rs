//! Property tests for calendar conversion, date syntax and interval relations.

use histlint_time::{
    Allen, Calendar, Day, DayInterval, Duration, DurationCheck, Extent, HDate, Precision, Relation,
    Unit, elapsed,
};
use proptest::prelude::*;

/// Every day from 1 January 1000 BC (astronomical -999) to 31 December 3000, in both
/// calendars: day number -> Julian -> day number and -> Gregorian -> day number.
#[test]
fn every_day_round_trips_between_calendars() {
    let first = Day::from_ymd(Calendar::Julian, -1000, 1, 1).unwrap();
    let last = Day::from_ymd(Calendar::Gregorian, 3000, 12, 31).unwrap();
    let mut prev_j = first.add_days(-1).to_ymd(Calendar::Julian);
    for n in first.0..=last.0 {
        let d = Day(n);
        let (jy, jm, jd) = d.to_ymd(Calendar::Julian);
        let (gy, gm, gd) = d.to_ymd(Calendar::Gregorian);
        assert_eq!(Day::from_ymd(Calendar::Julian, jy, jm, jd).unwrap(), d);
        assert_eq!(Day::from_ymd(Calendar::Gregorian, gy, gm, gd).unwrap(), d);
        // Julian dates advance one day at a time, with no gaps.
        assert!((jy, jm, jd) > prev_j);
        prev_j = (jy, jm, jd);
    }
}

fn any_calendar() -> impl Strategy<Value = Calendar> {
    prop_oneof![Just(Calendar::Gregorian), Just(Calendar::Julian)]
}

fn any_day_date() -> impl Strategy<Value = HDate> {
    (any_calendar(), -5000_i64..5000, 1_u8..=12, 1_u8..=31)
        .prop_filter_map("day exists", |(c, y, m, d)| HDate::ymd(c, y, m, d).ok())
}

fn any_date() -> impl Strategy<Value = HDate> {
    prop_oneof![
        any_day_date(),
        any_day_date().prop_map(|d| HDate {
            day: 0,
            precision: Precision::Month,
            ..d
        }),
        any_day_date().prop_map(|d| HDate::year(d.calendar, d.year)),
        any_day_date().prop_map(|d| HDate::coarse(d.calendar, d.year.max(1), Precision::Decade)),
    ]
}

fn any_extent() -> impl Strategy<Value = Extent> {
    (any_date(), any_date()).prop_map(|(a, b)| {
        let (a, b) = (a.interval().unwrap(), b.interval().unwrap());
        if a.start <= b.start {
            Extent::new(a, b)
        } else {
            Extent::new(b, a)
        }
    })
}

proptest! {
    #[test]
    fn iso_round_trips(d in any_date()) {
        let back = HDate::parse_iso(&d.to_iso()).unwrap();
        prop_assert_eq!(back.interval().unwrap(), d.interval().unwrap());
        prop_assert_eq!(back.to_iso(), d.to_iso());
    }

    #[test]
    fn wikidata_round_trips(d in any_day_date(), p in 6_u8..=11) {
        let d = HDate { precision: Precision::from_wikidata(p).unwrap(), ..d };
        prop_assume!(d.year != 0 || p < 9);
        let back = HDate::from_wikidata(&d.to_wikidata(), p, d.calendar).unwrap();
        prop_assert_eq!(back, d);
    }

    #[test]
    fn day_twins_are_the_same_day(d in any_day_date()) {
        let other = if d.calendar == Calendar::Julian { Calendar::Gregorian } else { Calendar::Julian };
        let twin = d.to_calendar(other).unwrap();
        prop_assert_eq!(twin.interval().unwrap(), d.interval().unwrap());
        prop_assert_eq!(twin.to_calendar(d.calendar).unwrap(), d);
    }

    #[test]
    fn intervals_nest_by_precision(d in any_day_date()) {
        let day = d.interval().unwrap();
        let month = HDate { precision: Precision::Month, ..d }.interval().unwrap();
        let year = HDate { precision: Precision::Year, ..d }.interval().unwrap();
        prop_assert!(month.start <= day.start && day.end <= month.end);
        prop_assert!(year.start <= month.start && month.end <= year.end);
        if d.year > 0 {
            let decade = HDate { precision: Precision::Decade, ..d }.interval().unwrap();
            let century = HDate { precision: Precision::Century, ..d }.interval().unwrap();
            prop_assert!(decade.start <= year.start && year.end <= decade.end);
            prop_assert!(century.start <= year.start && year.end <= century.end);
        }
    }

    #[test]
    fn relations_are_converse(a in any_extent(), b in any_extent()) {
        let ab = a.relations(&b);
        let ba = b.relations(&a);
        let inv: Vec<Allen> = ab.iter().map(Allen::inverse).collect();
        let mut back: Vec<Allen> = ba.iter().collect();
        let mut inv_sorted = inv.clone();
        inv_sorted.sort_by_key(|r| *r as u8);
        back.sort_by_key(|r| *r as u8);
        prop_assert_eq!(inv_sorted, back);
        let expected = match a.compare(&b) {
            Relation::Before => Relation::After,
            Relation::After => Relation::Before,
            r => r,
        };
        prop_assert_eq!(b.compare(&a), expected);
    }

    /// Any concrete choice of days inside the uncertainty gives a relation in the set:
    /// the set never leaves out a possibility, so a "decided" verdict is never a guess.
    #[test]
    fn relations_cover_every_concrete_choice(
        a in any_extent(), b in any_extent(),
        fa in 0.0_f64..1.0, fb in 0.0_f64..1.0, fc in 0.0_f64..1.0, fd in 0.0_f64..1.0,
    ) {
        let pick = |i: DayInterval, f: f64| Day(i.start.0 + ((i.end.0 - i.start.0) as f64 * f) as i64);
        let (s1, e1) = (pick(a.start, fa), pick(a.end, fb));
        let (s2, e2) = (pick(b.start, fc), pick(b.end, fd));
        prop_assume!(s1 <= e1 && s2 <= e2);
        let concrete = Extent::new(DayInterval::day(s1), DayInterval::day(e1))
            .relations(&Extent::new(DayInterval::day(s2), DayInterval::day(e2)));
        let r = concrete.decided().expect("exact extents have exactly one relation");
        prop_assert!(a.relations(&b).contains(r), "{:?} not in {:?}", r, a.relations(&b));
    }

    #[test]
    fn elapsed_contains_every_concrete_gap(a in any_date(), b in any_date(), f in 0.0_f64..1.0, g in 0.0_f64..1.0) {
        let (ia, ib) = (a.interval().unwrap(), b.interval().unwrap());
        let e = elapsed(ia, ib);
        let pa = ia.start.0 + ((ia.end.0 - ia.start.0) as f64 * f) as i64;
        let pb = ib.start.0 + ((ib.end.0 - ib.start.0) as f64 * g) as i64;
        prop_assert!(e.min <= pb - pa && pb - pa <= e.max);
    }

    #[test]
    fn a_duration_is_never_contradicted_by_its_own_length(v in 1_u32..200, unit_i in 0_usize..4, half in any::<bool>()) {
        let unit = [Unit::Day, Unit::Week, Unit::Month, Unit::Year][unit_i];
        let value = f64::from(v) + if half { 0.5 } else { 0.0 };
        let d = Duration::about(value, unit);
        let start = Day::from_ymd(Calendar::Gregorian, 1917, 11, 7).unwrap();
        let target = start.add_days((value * unit.mean_days()).round() as i64);
        let e = elapsed(DayInterval::day(start), DayInterval::day(target));
        prop_assert_ne!(d.check(e), DurationCheck::Contradicted);
    }
}
