//! Fuzzes reading one date: `histlint date`'s human forms (`parse_date`) and ISO 8601 /
//! RFC 9557 (`HDate::parse_iso`), then what is done with a date once read (its interval,
//! both calendars, its description and ISO form, which must read back).
#![no_main]

use histlint_time::{Calendar, HDate, parse_date};

fn exercise(d: &HDate) {
    let _ = d.interval();
    let _ = d.to_calendar(Calendar::Julian);
    let _ = d.to_calendar(Calendar::Gregorian);
    let _ = d.describe();
    let _ = d.to_wikidata();
    let _ = histlint_time::human::both_calendars(d);
    let iso = d.to_iso();
    // The ISO form never reads back as another date: it reads back to the same ISO
    // form and days, or (the general `YEAR~precision` form of very coarse or very
    // distant dates) not at all. (Fields finer than the precision, such as the seconds
    // of a day-precision Wikidata value, are kept as given and not part of the form.)
    if d.validate().is_ok()
        && let Ok(back) = HDate::parse_iso(&iso)
    {
        assert_eq!(back.to_iso(), iso);
        assert_eq!(back.interval().ok(), d.interval().ok(), "{iso:?}");
    }
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = parse_date(text) {
        exercise(&p.date);
    }
    if let Ok(d) = HDate::parse_iso(text) {
        exercise(&d);
    }
});
