//! Prints the temporal expressions of standard input, one per line:
//! `cargo run -p histlint-temporal --example extract [ANCHOR] < text.txt`.

use std::io::Read;

use histlint_temporal::{Lang, extract};
use histlint_time::HDate;

fn main() {
    let anchor = std::env::args()
        .nth(1)
        .and_then(|a| HDate::parse_iso(&a).ok());
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("extract: standard input is not UTF-8 text");
        std::process::exit(2);
    }
    for t in extract(&text, Lang::En, anchor.as_ref()) {
        let cal = t
            .calendar
            .map(|c| format!(" [{}]", c.style()))
            .unwrap_or_default();
        let vague = if t.vague { " ~" } else { "" };
        println!(
            "{}..{}\t{:?}\t{}{cal}{vague}\t{:?}",
            t.start,
            t.end,
            t.ttype,
            t.timex3,
            &text[t.start..t.end]
        );
    }
}
