//! histlint's side of the peer benchmark (`scripts/bench-peers.sh`): reads a text file,
//! finds the temporal expressions of each line with [`extract`], times that in-process,
//! and writes the spans as JSON Lines in the format every peer's runner writes, so one
//! scorer (`scripts/peers/score.py`) reads them all.
//!
//! ```sh
//! cargo run --release -p histlint-temporal --example spans -- TEXT [--runs N] [--spans OUT.jsonl]
//! ```
//!
//! - Spans: one object per line of the text, `{"line": i, "spans": [[start, end, value], ...]}`,
//!   offsets in characters (code points) from the start of the line, `value` the TIMEX3 value.
//! - Timing: the text is read and split into lines first; then each of `N` runs (default 3)
//!   calls [`extract`] once per line, and only that loop is timed. Standard output gets one
//!   JSON object: the character count, each run's seconds, and the median. A separate
//!   figure, `whole_text_s`, times one [`extract`] call over the whole text.

use std::time::Instant;

use histlint_temporal::{Lang, Timex, extract};
use serde_json::json;

struct Args {
    text: String,
    runs: usize,
    spans: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut text = None;
    let mut runs = 3;
    let mut spans = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--runs" => {
                runs = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--runs needs a positive number")?;
            }
            "--spans" => spans = Some(it.next().ok_or("--spans needs a file")?),
            _ if text.is_none() && !a.starts_with('-') => text = Some(a),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    Ok(Args {
        text: text.ok_or("usage: spans TEXT [--runs N] [--spans OUT.jsonl]")?,
        runs,
        spans,
    })
}

/// Byte offset `b` of `line` as a character offset.
fn char_offset(line: &str, b: usize) -> usize {
    line[..b].chars().count()
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args = parse_args().unwrap_or_else(|e| {
        eprintln!("spans: {e}");
        std::process::exit(2);
    });
    let text = std::fs::read_to_string(&args.text).unwrap_or_else(|e| {
        eprintln!("spans: {}: {e}", args.text);
        std::process::exit(2);
    });
    let lines: Vec<&str> = text.split('\n').collect();

    let mut found: Vec<Vec<Timex>> = Vec::new();
    let mut runs = Vec::with_capacity(args.runs);
    for run in 0..args.runs {
        let t = Instant::now();
        let result: Vec<Vec<Timex>> = lines.iter().map(|l| extract(l, Lang::En, None)).collect();
        runs.push(t.elapsed().as_secs_f64());
        if run == 0 {
            found = result;
        } else {
            std::hint::black_box(result);
        }
    }
    let t = Instant::now();
    let whole = extract(&text, Lang::En, None);
    let whole_s = t.elapsed().as_secs_f64();
    std::hint::black_box(whole);

    if let Some(out) = &args.spans {
        let mut s = String::new();
        for (i, (line, timexes)) in lines.iter().zip(&found).enumerate() {
            let spans: Vec<_> = timexes
                .iter()
                .map(|t| {
                    json!([
                        char_offset(line, t.start),
                        char_offset(line, t.end),
                        t.timex3
                    ])
                })
                .collect();
            s.push_str(&json!({"line": i, "spans": spans}).to_string());
            s.push('\n');
        }
        std::fs::write(out, s).unwrap_or_else(|e| {
            eprintln!("spans: {out}: {e}");
            std::process::exit(2);
        });
    }
    let chars = text.chars().count();
    println!(
        "{}",
        json!({
            "tool": "histlint",
            "chars": chars,
            "runs_s": runs,
            "median_s": median(&runs),
            "whole_text_s": whole_s,
            "timed": "extract() per line, in-process, text already in memory",
        })
    );
}
