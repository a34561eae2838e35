//! Properties of [`extract`] on arbitrary text: it never panics, and its spans are in
//! bounds, on char boundaries, sorted and not overlapping.

use histlint_temporal::{Lang, Timex, extract};
use histlint_time::HDate;
use proptest::prelude::*;

fn check_spans(text: &str, found: &[Timex]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for t in found {
        prop_assert!(t.start < t.end, "empty span {t:?}");
        prop_assert!(t.end <= text.len(), "out of bounds {t:?}");
        prop_assert!(
            text.is_char_boundary(t.start) && text.is_char_boundary(t.end),
            "not a char boundary {t:?}"
        );
        prop_assert!(t.start >= last_end, "overlapping or unsorted {t:?}");
        prop_assert!(!t.timex3.is_empty(), "no TIMEX3 value {t:?}");
        last_end = t.end;
    }
    Ok(())
}

/// Words and signs the grammar reacts to, so that random text reaches deep into rules.
const PIECES: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "by",
    "since",
    "from",
    "to",
    "between",
    "and",
    "or",
    "early",
    "late",
    "mid",
    "-",
    "–",
    "—",
    "(",
    ")",
    "[",
    "]",
    ",",
    ".",
    ":",
    "/",
    "'",
    "’",
    "½",
    "O",
    "S",
    "N",
    "B",
    "C",
    "A",
    "D",
    "E",
    "BC",
    "AD",
    "CE",
    "old",
    "new",
    "style",
    "Julian",
    "calendar",
    "according",
    "1917",
    "25",
    "7",
    "44",
    "800",
    "1920s",
    "20s",
    "19th",
    "1st",
    "2d",
    "twenty",
    "fifth",
    "nineteen",
    "seventeen",
    "hundred",
    "oh",
    "three",
    "half",
    "quarter",
    "past",
    "next",
    "last",
    "following",
    "previous",
    "same",
    "that",
    "this",
    "every",
    "each",
    "other",
    "twice",
    "times",
    "few",
    "several",
    "many",
    "couple",
    "dozens",
    "over",
    "more",
    "than",
    "almost",
    "about",
    "exactly",
    "up",
    "least",
    "year",
    "years",
    "day",
    "days",
    "night",
    "nights",
    "week",
    "fortnight",
    "month",
    "months",
    "decade",
    "century",
    "millennium",
    "hour",
    "hours",
    "later",
    "ago",
    "after",
    "before",
    "into",
    "yesterday",
    "today",
    "tonight",
    "now",
    "present",
    "future",
    "October",
    "May",
    "March",
    "Oct",
    "Sept",
    "Wednesday",
    "Sun",
    "Sat",
    "spring",
    "winter",
    "fall",
    "morning",
    "dawn",
    "midnight",
    "noon",
    "o'clock",
    "am",
    "p",
    "m",
    "soldiers",
    "men",
    "No",
    "$",
    "\n",
    "\n\n",
    "PETROGRAD",
    "Ж",
    "🙂",
    "e\u{301}",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(&[" ", "", " ", "\n"][..]),
        ),
        0..40,
    )
    .prop_map(|v| v.into_iter().map(|(w, sep)| format!("{w}{sep}")).collect())
}

proptest! {
    // 2000 cases each; PROPTEST_CASES=… for a longer run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check_spans(&text, &extract(&text, Lang::En, None))?;
    }

    #[test]
    fn temporal_word_soup(text in soup(), anchor in prop::option::of(-3000i64..3000)) {
        let a = anchor.map(|y| HDate::parse_iso(&format!("{}-10-25", histlint_time::date::format_year(y))).unwrap());
        check_spans(&text, &extract(&text, Lang::En, a.as_ref()))?;
    }
}

#[test]
fn long_lines_and_repetition() {
    let text = format!(
        "{}\n{}",
        "since ".repeat(50_000),
        "25 October 1917 ".repeat(10_000)
    );
    let found = extract(&text, Lang::En, None);
    check_spans(&text, &found).unwrap();
    assert_eq!(found.len(), 10_000);
}
