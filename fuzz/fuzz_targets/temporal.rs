//! Fuzzes temporal-expression extraction (histlint-temporal) in English and Russian,
//! with and without an anchor date, checking the span invariants: sorted, not
//! overlapping, on char boundaries.
#![no_main]

use histlint_temporal::{Lang, extract};
use histlint_time::{Calendar, HDate};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let anchor = HDate::ymd(Calendar::Julian, 1917, 10, 25).expect("a real date");
    for lang in [Lang::En, Lang::Ru] {
        for a in [None, Some(&anchor)] {
            let found = extract(text, lang, a);
            let mut end = 0;
            for t in &found {
                assert!(
                    t.start >= end && t.start < t.end && t.end <= text.len(),
                    "span {}..{}",
                    t.start,
                    t.end
                );
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                end = t.end;
                let _ = t.value.interval();
            }
        }
    }
    let _ = histlint_temporal::detect_lang(text);
});
