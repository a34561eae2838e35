//! Extraction throughput on a text file, in process:
//! `cargo run --release -p histlint-temporal --example throughput -- FILE [ROUNDS]`.
use std::time::Instant;

use histlint_temporal::{Lang, extract};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: throughput FILE [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let mut best = f64::INFINITY;
    let mut n = 0;
    for _ in 0..rounds {
        let t0 = Instant::now();
        n = extract(&text, Lang::En, None).len();
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!(
        "{} bytes, {n} expressions, best of {rounds}: {:.1} ms, {:.1} MB/s",
        text.len(),
        best * 1e3,
        text.len() as f64 / best / 1e6
    );
}
