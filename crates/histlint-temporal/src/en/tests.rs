use histlint_time::{Calendar, Duration, HDate, Unit};

use crate::{Lang, Ref, Timex, TimexType, Value, extract};

fn run(text: &str, anchor: Option<&str>) -> Vec<Timex> {
    let a = anchor.map(|a| HDate::parse_iso(a).unwrap());
    extract(text, Lang::En, a.as_ref())
}

/// (span text, TIMEX3) of every expression, without anchor.
fn spans(text: &str) -> Vec<(String, String)> {
    spans_at(text, None)
}

fn spans_at(text: &str, anchor: Option<&str>) -> Vec<(String, String)> {
    run(text, anchor)
        .into_iter()
        .map(|t| (text[t.start..t.end].to_string(), t.timex3))
        .collect()
}

/// The single expression of `text`.
fn one(text: &str, anchor: Option<&str>) -> Timex {
    let v = run(text, anchor);
    assert_eq!(v.len(), 1, "{text:?}: {:?}", spans_at(text, anchor));
    v.into_iter().next().unwrap()
}

/// Asserts that `text` holds exactly one expression, with this span and TIMEX3 value.
#[track_caller]
fn check(text: &str, span: &str, timex3: &str) {
    check_at(text, None, span, timex3);
}

#[track_caller]
fn check_at(text: &str, anchor: Option<&str>, span: &str, timex3: &str) {
    let got = spans_at(text, anchor);
    assert_eq!(
        got,
        vec![(span.to_string(), timex3.to_string())],
        "{text:?}"
    );
}

fn duration(text: &str) -> Duration {
    match one(text, None).value {
        Value::Duration(d) => d,
        v => panic!("{text:?}: {v:?}"),
    }
}

// ---- full dates ------------------------------------------------------------------------

#[test]
fn full_dates_in_every_order() {
    for (text, span) in [
        ("It began on 25 October 1917.", "25 October 1917"),
        ("It began on October 25, 1917.", "October 25, 1917"),
        (
            "It began on the 25th of October 1917.",
            "the 25th of October 1917",
        ),
        (
            "It began on the twenty-fifth of October, 1917.",
            "the twenty-fifth of October, 1917",
        ),
        ("It began on Oct. 25, 1917.", "Oct. 25, 1917"),
        ("It began on 25.10.1917.", "25.10.1917"),
        ("It began on 1917-10-25.", "1917-10-25"),
        ("It began on 25th October, 1917.", "25th October, 1917"),
        ("It began on October 25th 1917.", "October 25th 1917"),
        ("It began on 25 Oct 1917.", "25 Oct 1917"),
        ("It began on 25/10/1917.", "25/10/1917"),
        (
            "It began on 25 October nineteen seventeen.",
            "25 October nineteen seventeen",
        ),
    ] {
        check(text, span, "1917-10-25");
    }
}

#[test]
fn weekday_before_a_date_is_part_of_it() {
    check(
        "On Wednesday, 7 November 1917 the Winter Palace fell.",
        "Wednesday, 7 November 1917",
        "1917-11-07",
    );
    check("Wed. 7 Nov. 1917", "Wed. 7 Nov. 1917", "1917-11-07");
}

#[test]
fn day_and_month_take_the_anchor_year() {
    check("They met on 25 October.", "25 October", "XXXX-10-25");
    check_at(
        "They met on 25 October.",
        Some("1917-11-07"),
        "25 October",
        "1917-10-25",
    );
    // an anchor in the Julian calendar gives a Julian date
    let t = one("on 25 October", Some("1917-11-07[u-ca=julian]"));
    assert_eq!(
        t.value,
        Value::Date(HDate::ymd(Calendar::Julian, 1917, 10, 25).unwrap())
    );
    assert_eq!(t.calendar, None);
}

#[test]
fn impossible_dates_are_not_dates() {
    assert!(
        spans("on 31 February 1917").is_empty()
            || spans("on 31 February 1917")[0].1 != "1917-02-31"
    );
    assert!(spans("on 30.02.1917").is_empty());
}

#[test]
fn ambiguous_numeric_order_is_vague() {
    let t = one("on 03/04/1917", None);
    assert!(t.vague);
    assert!(!one("on 25/10/1917", None).vague);
}

// ---- months, years, decades, centuries ---------------------------------------------------

#[test]
fn months_and_years() {
    check("It was March 1921.", "March 1921", "1921-03");
    check("It was March of 1921.", "March of 1921", "1921-03");
    check("They left in March.", "March", "XXXX-03");
    check_at(
        "They left in March.",
        Some("1917-11-07"),
        "March",
        "1917-03",
    );
    check("They left in 1917.", "1917", "1917");
    check("They were gone by 1921.", "1921", "1921");
    check(
        "In the year 1905 there was a revolution.",
        "the year 1905",
        "1905",
    );
    check(
        "They left in nineteen seventeen.",
        "nineteen seventeen",
        "1917",
    );
    check(
        "It was built in nineteen hundred and five.",
        "nineteen hundred and five",
        "1905",
    );
}

#[test]
fn bare_numbers_need_a_year_cue() {
    assert!(spans("He had 1917 reasons.").is_empty());
    assert!(spans("He counted 1500 soldiers.").is_empty());
    assert!(spans("In 1500 soldiers we trust.").is_empty());
    assert!(spans("Shares rose to 350 pence.").is_empty());
    assert!(spans("Injured: 4,877").is_empty());
    assert!(spans("Order No. 1917 was read.").is_empty());
    assert!(spans("It cost $1917.").is_empty());
    check("In 800 Charlemagne was crowned.", "800", "0800");
    check("circa 1850", "circa 1850", "1850");
    check("c. 1850", "c. 1850", "1850");
    check("the 1917 revolution", "1917", "1917");
    check("1917 was hard.", "1917", "1917");
}

#[test]
fn captions_date_scenes() {
    let text = "PETROGRAD, 25 OCTOBER 1917 (O.S.)\nVIENNA, 1913\nBREST-LITOVSK, DECEMBER 1917\nPetrograd, 1917.\n1905";
    let got = spans(text);
    assert_eq!(
        got,
        [
            (
                "25 OCTOBER 1917 (O.S.)".to_string(),
                "1917-10-25".to_string()
            ),
            ("1913".to_string(), "1913".to_string()),
            ("DECEMBER 1917".to_string(), "1917-12".to_string()),
            ("1917".to_string(), "1917".to_string()),
            ("1905".to_string(), "1905".to_string()),
        ]
    );
    assert_eq!(run(text, None)[0].calendar, Some(Calendar::Julian));
}

#[test]
fn eras() {
    check("Caesar died in 44 BC.", "44 BC", "-0043");
    check("Caesar died in 44 B.C.", "44 B.C.", "-0043");
    check("crowned AD 800", "AD 800", "0800");
    check("crowned in 800 AD", "800 AD", "0800");
    check("built in 500 BCE", "500 BCE", "-0499");
    check("by 30 CE", "30 CE", "0030");
}

#[test]
fn decades() {
    check("in the 1920s", "the 1920s", "192");
    check("in the 1920's", "the 1920's", "192");
    check("in the twenties", "the twenties", "XX2");
    check_at("in the twenties", Some("1935"), "the twenties", "192");
    check("in the '20s", "the '20s", "XX2");
    let t = one("in the early 1930s", None);
    assert_eq!((t.timex3.as_str(), t.vague), ("193", true));
    check("in the mid-1920s", "the mid-1920s", "192");
    // "the 1900s" is the century, which contains the decade
    check("in the 1900s", "the 1900s", "19");
}

#[test]
fn centuries() {
    check("in the 19th century", "the 19th century", "18");
    check("in the nineteenth century", "the nineteenth century", "18");
    check(
        "in the twenty-first century",
        "the twenty-first century",
        "20",
    );
    check("in the 5th century BC", "the 5th century BC", "-05");
    check("a 19th-century novel", "19th-century", "18");
    let t = one("the early 19th century", None);
    assert!(t.vague);
    let Value::Date(d) = t.value else { panic!() };
    let iv = d.interval().unwrap();
    assert!(
        iv.contains_day(
            HDate::parse_iso("1850-06-01")
                .unwrap()
                .interval()
                .unwrap()
                .start
        )
    );
}

// ---- seasons -----------------------------------------------------------------------------

#[test]
fn seasons() {
    check("in the spring of 1918", "the spring of 1918", "1918-SP");
    check(
        "in the winter of 1917-18",
        "the winter of 1917-18",
        "1917-WI",
    );
    check("in summer 1918", "summer 1918", "1918-SU");
    check("that spring", "that spring", "XXXX-SP");
    check("last winter", "last winter", "XXXX-WI");
    check_at("that spring", Some("1918-07-01"), "that spring", "1918-SP");
    check_at("last winter", Some("1918-03-10"), "last winter", "1917-WI");
    check_at(
        "the following spring",
        Some("1918-03-10"),
        "the following spring",
        "1919-SP",
    );
    check("in the autumn, they left", "the autumn", "XXXX-FA");
    let t = one("the spring of 1918", None);
    assert_eq!(
        t.value,
        Value::Range(
            HDate::ym(Calendar::Gregorian, 1918, 3).unwrap(),
            HDate::ym(Calendar::Gregorian, 1918, 5).unwrap()
        )
    );
}

#[test]
fn season_words_that_are_not_seasons() {
    assert!(spans("after the fall of Constantinople").is_empty());
    assert!(spans("water from the spring").is_empty());
    assert!(spans("ready to spring into action").is_empty());
}

// ---- ranges ------------------------------------------------------------------------------

#[test]
fn ranges() {
    check("the war of 1918-1921", "1918-1921", "1918/1921");
    check("the war of 1918–21", "1918–21", "1918/1921");
    check("from 1905 to 1907", "from 1905 to 1907", "1905/1907");
    check(
        "between 1905 and 1907",
        "between 1905 and 1907",
        "1905/1907",
    );
    check(
        "between March and May 1918",
        "between March and May 1918",
        "1918-03/1918-05",
    );
    check(
        "from 25 October to 7 November 1917",
        "from 25 October to 7 November 1917",
        "1917-10-25/1917-11-07",
    );
    check(
        "on 25–27 October 1917",
        "25–27 October 1917",
        "1917-10-25/1917-10-27",
    );
    check("in March–May 1918", "March–May 1918", "1918-03/1918-05");
    check("Lenin (1870–1924)", "1870–1924", "1870/1924");
    check("in 500–400 BC", "500–400 BC", "-0499/-0399");
    // an end before the start is two dates
    assert_eq!(
        spans("Between 1934 and 1872 they met."),
        [
            ("1934".into(), "1934".into()),
            ("1872".into(), "1872".into())
        ]
    );
}

// ---- calendars ---------------------------------------------------------------------------

#[test]
fn calendar_markers() {
    for (text, span, cal) in [
        (
            "on 25 October 1917 O.S. they rose",
            "25 October 1917 O.S.",
            Calendar::Julian,
        ),
        (
            "on 25 October 1917 (Old Style) they rose",
            "25 October 1917 (Old Style)",
            Calendar::Julian,
        ),
        (
            "on 25 October 1917 (O.S.) they rose",
            "25 October 1917 (O.S.)",
            Calendar::Julian,
        ),
        (
            "on 7 November 1917 N.S. they rose",
            "7 November 1917 N.S.",
            Calendar::Gregorian,
        ),
        (
            "on 7 November 1917, New Style, they rose",
            "7 November 1917, New Style",
            Calendar::Gregorian,
        ),
        (
            "on 25 October 1917 by the old calendar",
            "25 October 1917 by the old calendar",
            Calendar::Julian,
        ),
        (
            "on 25 October 1917 (Julian) they rose",
            "25 October 1917 (Julian)",
            Calendar::Julian,
        ),
        (
            "on 25 October (7 November) 1917 they rose",
            "25 October (7 November) 1917",
            Calendar::Julian,
        ),
        (
            "on 7 November (25 October) 1917 they rose",
            "7 November (25 October) 1917",
            Calendar::Gregorian,
        ),
        (
            "on 7 November 1917 (25 October O.S.)",
            "7 November 1917 (25 October O.S.)",
            Calendar::Gregorian,
        ),
    ] {
        let t = one(text, None);
        assert_eq!(&text[t.start..t.end], span, "{text}");
        assert_eq!(t.calendar, Some(cal), "{text}");
        let Value::Date(d) = t.value else {
            panic!("{text}")
        };
        assert_eq!(d.calendar, cal, "{text}");
    }
    // two different days are not a pair: two dates
    let got = spans("On 9 November 1907 (29 April, New Style) they left.");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[1],
        ("29 April, New Style".to_string(), "XXXX-04-29".to_string())
    );
}

// ---- durations ---------------------------------------------------------------------------

#[test]
fn durations_in_words_and_digits() {
    for (text, tx, unit, min, max) in [
        ("three and a half years", "P3Y6M", Unit::Year, 3.25, 3.75),
        ("3½ years", "P3Y6M", Unit::Year, 3.25, 3.75),
        ("3.5 years", "P3Y6M", Unit::Year, 3.25, 3.75),
        ("two and a half months", "P2.5M", Unit::Month, 2.25, 2.75),
        ("a year and a half", "P1Y6M", Unit::Year, 1.25, 1.75),
        ("half a year", "P6M", Unit::Year, 0.25, 0.75),
        ("eighteen months", "P18M", Unit::Month, 17.5, 18.5),
        ("18 months", "P18M", Unit::Month, 17.5, 18.5),
        ("a fortnight", "P2W", Unit::Week, 1.0, 3.0),
        ("a decade", "P10Y", Unit::Decade, 0.5, 1.5),
        ("twenty-five years", "P25Y", Unit::Year, 24.5, 25.5),
        ("1,500 years", "P1500Y", Unit::Year, 1499.5, 1500.5),
        ("two hundred years", "P200Y", Unit::Year, 199.5, 200.5),
    ] {
        let t = one(&format!("It lasted {text}."), None);
        assert_eq!(t.ttype, TimexType::Duration, "{text}");
        assert_eq!(t.timex3, tx, "{text}");
        let Value::Duration(d) = t.value else {
            panic!("{text}")
        };
        assert_eq!((d.unit, d.min, d.max), (unit, min, max), "{text}");
    }
}

#[test]
fn vague_and_modified_durations() {
    let d = duration("a few days");
    assert!(d.vague && d.unit == Unit::Day && d.min == 2.0);
    assert_eq!(duration("several weeks").unit, Unit::Week);
    let d = duration("many years");
    assert!(d.vague && d.max.is_infinite());
    check("for decades", "decades", "PXDE");
    check("It took years.", "years", "PXY");
    let d = duration("over three years");
    assert_eq!((d.min, d.max), (3.0, f64::INFINITY));
    let d = duration("more than a month");
    assert_eq!((d.min, d.max, d.unit), (1.0, f64::INFINITY, Unit::Month));
    let d = duration("almost two years");
    assert!(d.min < 2.0 && d.max == 2.0);
    let d = duration("exactly three days");
    assert_eq!((d.min, d.max), (3.0, 3.0));
    let d = duration("about a year");
    assert!(d.min < 1.0 && d.max > 1.0);
    assert!(one("over three years", None).vague);
}

#[test]
fn compound_durations() {
    check("a year and a day", "a year and a day", "P1Y1D");
    check(
        "two years and three months",
        "two years and three months",
        "P2Y3M",
    );
    check(
        "seven days and six nights",
        "seven days and six nights",
        "P7D",
    );
    let d = duration("two years and three months");
    assert_eq!((d.unit, d.stated), (Unit::Month, Some(27.0)));
    check("five hours", "five hours", "PT5H");
    check("a 3-day strike", "3-day", "P3D");
    check("the five-year plan", "five-year", "P5Y");
}

#[test]
fn durations_that_are_not() {
    assert!(spans("the second regiment").is_empty());
    assert!(spans("Half of the garrison").is_empty());
    assert!(spans("one of the days was cold").is_empty());
}

// ---- relative ------------------------------------------------------------------------------

#[test]
fn relative_to_the_anchor() {
    let a = Some("1917-10-25");
    for (text, span, tx) in [
        ("A year later the war was over.", "A year later", "1918"),
        ("Two days later they left.", "Two days later", "1917-10-27"),
        ("two days ago", "two days ago", "1917-10-23"),
        (
            "a few days later",
            "a few days later",
            "1917-10-27/1917-11-01",
        ),
        ("the next day", "the next day", "1917-10-26"),
        ("the following year", "the following year", "1918"),
        ("the previous month", "the previous month", "1917-09"),
        ("last year", "last year", "1916"),
        ("next week", "next week", "1917-W44"),
        ("this week", "this week", "1917-W43"),
        ("yesterday", "yesterday", "1917-10-24"),
        ("tomorrow", "tomorrow", "1917-10-26"),
        ("today", "today", "1917-10-25"),
        ("tonight", "tonight", "1917-10-25TNI"),
        ("last night", "last night", "1917-10-24TNI"),
        (
            "the following morning",
            "the following morning",
            "1917-10-26TMO",
        ),
        ("the day before", "the day before", "1917-10-24"),
        (
            "the day after tomorrow",
            "the day after tomorrow",
            "1917-10-27",
        ),
        ("last Monday", "last Monday", "1917-10-22"),
        ("next March", "next March", "1918-03"),
        (
            "a year and a half later",
            "a year and a half later",
            "1919-04",
        ),
    ] {
        check_at(text, a, span, tx);
    }
}

#[test]
fn relative_without_anchor_or_from_an_event() {
    check("two days later", "two days later", "XXXX-XX-XX");
    check("the next day", "the next day", "XXXX-XX-XX");
    // counted from the coup, not from the anchor: TimeML tags the amount alone, a
    // DURATION, "after" being a signal
    let t = one("three weeks after the coup", Some("1917-10-25"));
    assert_eq!(&"three weeks after the coup"[t.start..t.end], "three weeks");
    assert_eq!((t.ttype, t.timex3.as_str()), (TimexType::Duration, "P3W"));
    assert!(matches!(
        t.value,
        Value::Relative {
            direction: 1,
            resolved: None,
            ..
        }
    ));
    let t = one("Days into the talks, they quarrelled.", Some("1917-10-25"));
    assert_eq!(
        &"Days into the talks, they quarrelled."[t.start..t.end],
        "Days"
    );
    assert_eq!(t.ttype, TimexType::Duration);
    assert!(matches!(t.value, Value::Relative { resolved: None, .. }));
    let t = one("now", None);
    assert_eq!(
        (t.value, t.timex3.as_str()),
        (Value::Ref(Ref::Present), "PRESENT_REF")
    );
    check(
        "It is remembered to this day.",
        "to this day",
        "PRESENT_REF",
    );
}

#[test]
fn since() {
    let t = one("since 1917", None);
    assert_eq!(
        t.value,
        Value::Since(Box::new(Value::Date(HDate::year(
            Calendar::Gregorian,
            1917
        ))))
    );
    check_at(
        "since the spring",
        Some("1918-07-01"),
        "since the spring",
        "1918-SP",
    );
    check_at(
        "since October",
        Some("1918-03-01"),
        "since October",
        "1917-10",
    );
    check(
        "since 25 October 1917",
        "since 25 October 1917",
        "1917-10-25",
    );
}

// ---- times and sets ----------------------------------------------------------------------------

#[test]
fn times_of_day() {
    for (text, span, tx) in [
        ("at 2 a.m.", "2 a.m.", "T02:00"),
        ("at 2am", "2am", "T02:00"),
        ("at 2 p.m.", "2 p.m.", "T14:00"),
        ("at 2.30 pm", "2.30 pm", "T14:30"),
        ("at 14:30", "14:30", "T14:30"),
        ("at dawn", "dawn", "TMO"),
        ("at midnight", "midnight", "T24:00"),
        ("at noon", "noon", "T12:00"),
        ("at six o'clock", "six o'clock", "T06:00"),
        (
            "at six o'clock in the evening",
            "six o'clock in the evening",
            "T18:00",
        ),
        ("at half past six", "half past six", "T06:30"),
        ("in the morning", "the morning", "TMO"),
        ("at night", "night", "TNI"),
    ] {
        check(text, span, tx);
        assert_eq!(one(text, None).ttype, TimexType::Time, "{text}");
    }
    check(
        "the night of 6 November 1917",
        "the night of 6 November 1917",
        "1917-11-06TNI",
    );
    check("on Sunday morning", "Sunday morning", "XXXX-WXX-7TMO");
    assert!(spans("Dawn broke over the city.").is_empty());
}

#[test]
fn sets() {
    for (text, tx) in [
        ("every year", "P1Y"),
        ("each year", "P1Y"),
        ("every other week", "P2W"),
        ("every two years", "P2Y"),
        ("annually", "P1Y"),
        ("daily", "P1D"),
        ("twice a year", "P1Y"),
        ("three times a week", "P1W"),
        ("each spring", "XXXX-SP"),
        ("every Sunday", "XXXX-WXX-7"),
        ("every morning", "TMO"),
    ] {
        let t = one(text, None);
        assert_eq!((t.ttype, t.timex3.as_str()), (TimexType::Set, tx), "{text}");
        assert!(matches!(t.value, Value::Set(_)));
    }
}

// ---- traps ---------------------------------------------------------------------------------------

#[test]
fn traps_are_not_extracted() {
    for text in [
        "They may have feared the worst.",
        "May have been the reason.",
        "They began to march toward the palace.",
        "The second regiment refused to obey the order.",
        "He sat down.",
        "Sat down, he wept.",
        "The 1500 soldiers marched.",
        "an august body of men",
        "He wore his Sunday best.",
        "March forward!",
        "He will march on Sunday best.",
        "Give me the second file, comrade.",
        "Half of the garrison had gone over.",
        "The Sun rose.",
        "Jan Smuts spoke.",
        "Bloody Sunday changed everything.",
        "It was Good Friday.",
        "the Thirty Years' War",
        "the first Five-Year Plan",
        "the October insurrection",
    ] {
        assert!(spans(text).is_empty(), "{text:?}: {:?}", spans(text));
    }
}

#[test]
fn longest_match_and_order() {
    let text = "From May 1850 to February 1932, the colonel lived in Warsaw; by 04.10.1871 he had spent several days in Omsk.";
    let got = spans(text);
    assert_eq!(
        got,
        [
            (
                "From May 1850 to February 1932".to_string(),
                "1850-05/1932-02".to_string()
            ),
            ("04.10.1871".to_string(), "1871-10-04".to_string()),
            ("several days".to_string(), "PXD".to_string()),
        ]
    );
}

#[test]
fn lists_of_years() {
    let got = spans("in 1905, 1917 and 1921");
    assert_eq!(got.len(), 3, "{got:?}");
}

#[test]
fn possessives() {
    check("Thursday's ruling", "Thursday", "XXXX-WXX-4");
    check_at(
        "last year's deadly blasts",
        Some("1998-08-07"),
        "last year",
        "1997",
    );
}

#[test]
fn non_ascii_text() {
    let text = "«Аврора» — 25 October 1917 — ½ год";
    let got = spans(text);
    assert_eq!(
        got,
        [("25 October 1917".to_string(), "1917-10-25".to_string())]
    );
}

#[test]
fn quarters() {
    check("in the third quarter", "the third quarter", "XXXX-Q3");
    check("THREE YEARS LATER", "THREE YEARS LATER", "XXXX");
    check_at(
        "in the third quarter",
        Some("1989-10-26"),
        "the third quarter",
        "1989-Q3",
    );
    check("third-quarter profits", "third-quarter", "XXXX-Q3");
    check(
        "the first quarter of 1918",
        "the first quarter of 1918",
        "1918-Q1",
    );
    // "the quarter" of a report is the last completed one
    check_at(
        "in the quarter",
        Some("1989-10-26"),
        "the quarter",
        "1989-Q3",
    );
    check_at(
        "last quarter",
        Some("1989-10-26"),
        "last quarter",
        "1989-Q3",
    );
    assert!(spans("the first quarter of the century").is_empty());
    assert!(spans("a quarter of the men").is_empty());
}

#[test]
fn modified_dates() {
    for (text, span, tx) in [
        ("in mid-1917", "mid-1917", "1917"),
        ("in late 1917", "late 1917", "1917"),
        ("in early March 1918", "early March 1918", "1918-03"),
        ("by the end of 1917", "the end of 1917", "1917"),
        (
            "at the beginning of the 1930s",
            "the beginning of the 1930s",
            "193",
        ),
        ("in the 1st century AD", "the 1st century AD", "00"),
    ] {
        let t = one(text, None);
        assert_eq!(
            (&text[t.start..t.end], t.timex3.as_str()),
            (span, tx),
            "{text}"
        );
        assert!(t.vague || text.contains("century"), "{text}");
    }
}

#[test]
fn subtitle_like_text() {
    let text = "1\n00:01:02,500 --> 00:01:05,000\nWe left Petrograd in May 1917.\n\n2\n00:01:06,000 --> 00:01:09,000\nThree years later, nothing had changed.";
    let got = spans(text);
    assert!(
        got.contains(&("May 1917".to_string(), "1917-05".to_string())),
        "{got:?}"
    );
    assert!(
        got.contains(&("Three years later".to_string(), "XXXX".to_string())),
        "{got:?}"
    );
}

#[test]
fn nothing_from_idioms() {
    for text in [
        "Since then he has changed.",
        "At the time nobody knew.",
        "In time they will see.",
        "He is 2nd in line.",
        "Room 101 is empty.",
    ] {
        assert!(spans(text).is_empty(), "{text:?}: {:?}", spans(text));
    }
}

#[test]
fn quarters_around_the_anchor() {
    let a = Some("1995-02-14");
    for (text, span, tx) in [
        (
            "Sales dropped in the latest quarter.",
            "the latest quarter",
            "1994-Q4",
        ),
        ("Costs rose during the quarter.", "the quarter", "1994-Q4"),
        (
            "Costs will rise during the quarter.",
            "the quarter",
            "1995-Q1",
        ),
        (
            "It is our best result this quarter.",
            "this quarter",
            "1995-Q1",
        ),
        (
            "Orders slowed in the fourth quarter.",
            "the fourth quarter",
            "1994-Q4",
        ),
        (
            "Orders will pick up in the third quarter.",
            "the third quarter",
            "1995-Q3",
        ),
        (
            "Orders fell in the year-ago quarter.",
            "the year-ago quarter",
            "1993-Q4",
        ),
        (
            "Orders fell in the comparable year-earlier quarter.",
            "the comparable year-earlier quarter",
            "1993-Q4",
        ),
        (
            "Orders fell in the 1992 quarter.",
            "the 1992 quarter",
            "1992-Q4",
        ),
        (
            "Orders fell in the 1992 second quarter.",
            "the 1992 second quarter",
            "1992-Q2",
        ),
        (
            "Orders fell in last year's quarter.",
            "last year's quarter",
            "1993-Q4",
        ),
        (
            "Orders rose in this year's first quarter.",
            "this year's first quarter",
            "1995-Q1",
        ),
        (
            "Orders will rise in next year's second quarter.",
            "next year's second quarter",
            "1996-Q2",
        ),
        // an adjectival quarter leaves the article to its noun
        (
            "They blamed the second-quarter loss on the weather.",
            "second-quarter",
            "1994-Q2",
        ),
    ] {
        check_at(text, a, span, tx);
    }
}

#[test]
fn a_year_earlier_after_a_quarter_is_that_quarter() {
    let got = spans_at(
        "Profit climbed in the third quarter to $4 million from $3 million a year earlier.",
        Some("1995-11-02"),
    );
    assert_eq!(
        got,
        vec![
            ("the third quarter".to_string(), "1995-Q3".to_string()),
            ("a year earlier".to_string(), "1994-Q3".to_string()),
        ]
    );
    // without a quarter, a year
    check_at(
        "A year ago the bridge was closed.",
        Some("1995-11-02"),
        "A year ago",
        "1994",
    );
}

#[test]
fn dates_without_a_year_are_the_nearest_in_the_tense() {
    // 2001-01-10 is a Wednesday
    let a = Some("2001-01-10");
    for (text, span, tx) in [
        (
            "The minister said Friday that talks had failed.",
            "Friday",
            "2001-01-05",
        ),
        (
            "The minister will travel Friday to the capital.",
            "Friday",
            "2001-01-12",
        ),
        ("The council met on Monday.", "Monday", "2001-01-08"),
        (
            "The committee is expected to vote on Monday.",
            "Monday",
            "2001-01-15",
        ),
        ("The bridge was closed in December.", "December", "2000-12"),
        (
            "The bridge will be closed in December.",
            "December",
            "2001-12",
        ),
        ("The plant will reopen in March.", "March", "2001-03"),
        (
            "The ship sank on Dec. 28 off the coast.",
            "Dec. 28",
            "2000-12-28",
        ),
        (
            "The ship sank in late November.",
            "late November",
            "2000-11",
        ),
        (
            "The new rules take effect Feb. 1, officials confirm.",
            "Feb. 1",
            "2001-02-01",
        ),
    ] {
        check_at(text, a, span, tx);
    }
    // "since" and "last" keep their own choice
    check_at("since October", a, "since October", "2000-10");
    check_at("last Monday", a, "last Monday", "2001-01-08");
}

#[test]
fn ages_are_not_durations() {
    assert!(spans("A 44-year-old teacher was elected.").is_empty());
    assert!(spans("The six-month-old puppy barked.").is_empty());
    assert!(spans("Her son is 7 years old.").is_empty());
    check("a 24-hour strike", "24-hour", "PT24H");
    check("She taught for 44 years.", "44 years", "P44Y");
}

#[test]
fn present_past_and_future_references() {
    check("Prices reflect current demand.", "current", "PRESENT_REF");
    assert!(spans("The current was strong.").is_empty());
    check("A recent survey found little.", "recent", "PAST_REF");
    check("Rents have doubled in recent years.", "recent years", "PXY");
    check(
        "Nobody knows what the future will bring.",
        "the future",
        "FUTURE_REF",
    );
    check("We worry about the future.", "the future", "FUTURE_REF");
    check("In the past it was a mill.", "the past", "PAST_REF");
    check("The lake will soon freeze.", "soon", "FUTURE_REF");
    assert!(spans("Call as soon as you can.").is_empty());
    check_at(
        "Sales fell for the year.",
        Some("1995-11-02"),
        "the year",
        "1995",
    );
    check_at(
        "Sales rose in the fiscal year.",
        Some("1995-11-02"),
        "the fiscal year",
        "1995",
    );
    check_at(
        "Sales grew for the full year.",
        Some("1995-11-02"),
        "the full year",
        "1995",
    );
    // a fiscal year named by its end is a year's length
    assert_eq!(
        spans_at("Sales in the year ended June 30 grew.", Some("1995-11-02")),
        vec![
            ("the year".to_string(), "P1Y".to_string()),
            ("June 30".to_string(), "1995-06-30".to_string()),
        ]
    );
}

#[test]
fn clock_times_take_the_day() {
    // a clock time with the day right after it is one expression
    let a = Some("1921-03-02");
    check_at(
        "The garrison rose at 4 a.m. Friday.",
        a,
        "4 a.m. Friday",
        "1921-02-25T04:00",
    );
    check_at(
        "They met at noon Tuesday, the envoy said.",
        a,
        "noon Tuesday",
        "1921-03-01T12:00",
    );
    // a day word next to it dates it
    assert_eq!(
        spans_at("Kronstadt answered on Monday at 9:15 p.m.", a),
        vec![
            ("Monday".to_string(), "1921-02-28".to_string()),
            ("9:15 p.m.".to_string(), "1921-02-28T21:15".to_string()),
        ]
    );
    // else the anchor's day
    check_at(
        "The shelling began at 6:40 a.m.",
        a,
        "6:40 a.m.",
        "1921-03-02T06:40",
    );
    // a full date after "on" stays an expression of its own; no anchor, no date
    assert_eq!(
        spans_at("The siege ended at 05:30 on 18 March 1921.", None),
        vec![
            ("05:30".to_string(), "T05:30".to_string()),
            ("18 March 1921".to_string(), "1921-03-18".to_string()),
        ]
    );
    check("The shelling began at 6:40 a.m.", "6:40 a.m.", "T06:40");
    // an anchor of month precision does not date it
    check_at(
        "The shelling began at 6:40 a.m.",
        Some("1921-03"),
        "6:40 a.m.",
        "T06:40",
    );
}

#[test]
fn amounts_counted_from_an_event_are_durations() {
    let a = Some("1905-01-22");
    let t = one("The strike spread two days after the massacre.", a);
    assert_eq!((t.ttype, t.timex3.as_str()), (TimexType::Duration, "P2D"));
    assert!(matches!(
        t.value,
        Value::Relative {
            direction: 1,
            resolved: None,
            ..
        }
    ));
    check_at(
        "Nearly two months before the mutiny the fleet sailed.",
        a,
        "Nearly two months",
        "P2M",
    );
    // counted from the anchor: the date, with the signal in the span
    check_at("Ten years ago the tsar fell.", a, "Ten years ago", "1895");
    check_at(
        "Three days later the tsar fled.",
        a,
        "Three days later",
        "1905-01-25",
    );
}

// ---- named days, the weekend, halves, reports' periods -------------------------------------

#[test]
fn holidays_with_and_without_a_year() {
    check("the Christmas of 1914", "Christmas of 1914", "1914-12-25");
    check(
        "The Rising began on Easter Monday, 1916.",
        "Easter Monday, 1916",
        "1916-04-24",
    );
    check(
        "Rent was due on Lady Day, 1649.",
        "Lady Day, 1649",
        "1649-03-25",
    );
    // Easter before 1583 by the Julian computus, as a Julian date
    let t = one("They met at Easter 1204.", None);
    assert_eq!(t.timex3, "1204-04-25");
    assert_eq!(
        t.value,
        Value::Date(HDate::ymd(Calendar::Julian, 1204, 4, 25).unwrap())
    );
    // without a year: around the anchor, by tense
    check_at(
        "Elian was found Thanksgiving Day clinging to a tube.",
        Some("2000-01-07"),
        "Thanksgiving Day",
        "1999-11-25",
    );
    check_at(
        "He will come next Christmas.",
        Some("2000-01-07"),
        "next Christmas",
        "2000-12-25",
    );
    check_at(
        "They will campaign until Election Day.",
        Some("1998-10-26"),
        "Election Day",
        "1998-11-03",
    );
    // names of other things
    assert!(spans_at("the Easter Rising", Some("1916-05-01")).is_empty());
    assert!(spans_at("They painted Easter eggs.", Some("1916-05-01")).is_empty());
    assert!(spans("It was Good Friday.").is_empty());
}

#[test]
fn the_weekend() {
    // told in the past on a Monday: the weekend just gone
    check_at(
        "Over the weekend, McCaw continued.",
        Some("1990-08-13"),
        "the weekend",
        "1990-W32-WE",
    );
    // "ahead of the weekend" on a Friday: the coming one
    check_at(
        "Dealers squared positions ahead of the weekend.",
        Some("1989-10-27"),
        "the weekend",
        "1989-W43-WE",
    );
    check_at(
        "We leave next weekend.",
        Some("1989-10-25"),
        "next weekend",
        "1989-W44-WE",
    );
}

#[test]
fn halves_and_years_in_words() {
    check(
        "for the last half of 1989 and",
        "the last half of 1989",
        "1989-H2",
    );
    check(
        "through the first two quarters of 1990, when",
        "the first two quarters of 1990",
        "1990-H1",
    );
    check_at(
        "in the second half of the year",
        Some("1917-03-01"),
        "the second half of the year",
        "1917-H2",
    );
    assert!(spans_at("in the first half the team scored", Some("1917-03-01")).is_empty());
    check("by the year two thousand", "the year two thousand", "2000");
    check("in the year 1905", "the year 1905", "1905");
}

#[test]
fn report_periods_a_year_back() {
    let a = Some("1989-11-02");
    // after a quarter, "a year earlier" and its kin are that quarter a year before
    let text = "Net rose in the third quarter. The year-ago period had a loss; a year-earlier \
                charge and the 1988 period too. For the quarter a year ago, sales fell.";
    let got: Vec<String> = spans_at(text, a).into_iter().map(|(_, v)| v).collect();
    assert_eq!(
        got,
        ["1989-Q3", "1988-Q3", "1988-Q3", "1988-Q3", "1988-Q3"],
        "{text}"
    );
    // without a quarter in focus, the year before the anchor
    check_at(
        "compared with a year-earlier loss",
        a,
        "year-earlier",
        "1988",
    );
    check_at(
        "in the corresponding period last year",
        a,
        "the corresponding period last year",
        "1988",
    );
}

#[test]
fn anaphora_counts_from_the_last_date_named() {
    let a = Some("2000-01-28");
    assert_eq!(
        spans_at(
            "He came in June 1998 and returned to Cuba later that year.",
            a
        ),
        [
            ("June 1998".to_string(), "1998-06".to_string()),
            ("that year".into(), "1998".into())
        ]
    );
    assert_eq!(
        spans_at("In 1905 he was arrested; the following year he escaped.", a)[1],
        ("the following year".to_string(), "1906".to_string())
    );
    assert_eq!(
        spans_at(
            "On 25 October 1917 they struck. The next day Lenin spoke.",
            a
        )[1],
        ("The next day".to_string(), "1917-10-26".to_string())
    );
    assert_eq!(
        spans_at(
            "It ends on Nov. 30. Until then, it trades.",
            Some("1989-10-26")
        )[1],
        ("then".to_string(), "1989-11-30".to_string())
    );
    assert_eq!(
        spans_at("In 1917 the Tsar fell. That spring the Soviet ruled.", a)[1],
        ("That spring".to_string(), "1917-SP".to_string())
    );
    // deictic ones keep to the anchor
    assert_eq!(
        spans_at("In 1905 he was arrested. Last year he left.", a)[1],
        ("Last year".to_string(), "1999".to_string())
    );
    check_at("over the past year.", a, "the past year", "1999");
}

#[test]
fn more_periods_and_amounts() {
    let a = Some("1998-02-19");
    check_at(
        "In January this year, police came.",
        a,
        "January this year",
        "1998-01",
    );
    check_at(
        "But in June last year, the rest left.",
        a,
        "June last year",
        "1997-06",
    );
    check_at("over the next few days", a, "the next few days", "PXD");
    check_at("in the coming years", a, "the coming years", "PXY");
    check_at("Rates fell in coming weeks.", a, "coming weeks", "PXW");
    check_at(
        "almost four years ago",
        Some("1999-03-12"),
        "almost four years ago",
        "1995",
    );
    check_at(
        "six weeks ago they met",
        Some("2000-01-07"),
        "six weeks ago",
        "1999-W47",
    );
    check("for 5 1/2 hours", "5 1/2 hours", "PT5H30M");
    check("a day and a half", "a day and a half", "P1DT12H");
    check_at("by year-end.", a, "year-end", "1998-12-31");
    check_at(
        "Costs rose this past spring.",
        a,
        "this past spring",
        "1997-SP",
    );
    check_at("It was in the near term.", a, "the near term", "FUTURE_REF");
    check_at(
        "Sales for the full year were up.",
        a,
        "the full year",
        "1998",
    );
    check_at("the October slaying of a doctor", a, "October", "1997-10");
    check_at(
        "a loss for the third quarter of $226.3 million",
        a,
        "the third quarter",
        "1997-Q3",
    );
    check(
        "sales above fiscal 1989 sales of $155 million",
        "1989",
        "1989",
    );
    check("in his unsuccessful 1996 campaign", "1996", "1996");
    assert!(spans("The 1500 soldiers marched.").is_empty());
}
