//! Accuracy on the synthetic benchmark corpus (`../shared/bench/corpus_200k.txt` and its
//! `.gold.jsonl`, see the README there): relaxed (overlap) precision, recall and F1,
//! exact-span F1, and the accuracy of the TIMEX3 values of matched spans.
//!
//! Value accuracy counts gold spans that have a value and that a prediction overlaps;
//! the prediction overlapping most is compared. Two conventions differ from the gold's
//! and are normalised, not counted as errors: sub-day durations are `PT5H` here (the
//! TIMEX3 form; the gold writes `P5H`), and a range found as one span ("from May 1850
//! to February 1932", `1850-05/1932-02`) matches each of its two gold dates. The strict
//! figure (plain string equality) is printed too.

use std::path::PathBuf;

use histlint_temporal::{Lang, Timex, extract};
use serde_json::Value as Json;

fn bench_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench")
}

struct Gold {
    start: usize,
    end: usize,
    value: Option<String>,
}

fn norm(v: &str) -> String {
    match v.strip_prefix("PT") {
        Some(rest) => format!("P{rest}"),
        None => v.to_string(),
    }
}

/// A TIMEX3 duration as (months, seconds), so that equal amounts written differently
/// compare equal: `P4Y6M` = `P4.5Y`, `PT1H30M` = `PT1.5H`.
fn duration_amount(v: &str) -> Option<(f64, f64)> {
    let rest = v.strip_prefix('P')?;
    let (date, time) = rest.split_once('T').unwrap_or((rest, ""));
    let (mut months, mut secs) = (0.0, 0.0);
    for (part, is_time) in [(date, false), (time, true)] {
        let mut num = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                num.push(c);
                continue;
            }
            let n: f64 = num.parse().ok()?;
            num.clear();
            match (c, is_time) {
                ('Y', false) => months += 12.0 * n,
                ('M', false) => months += n,
                ('W', false) => secs += 7.0 * 86400.0 * n,
                ('D', false) => secs += 86400.0 * n,
                ('H', true) => secs += 3600.0 * n,
                ('M', true) => secs += 60.0 * n,
                ('S', true) => secs += n,
                _ => return None,
            }
        }
        if !num.is_empty() {
            return None;
        }
    }
    Some((months, secs))
}

fn value_ok(pred: &Timex, gold: &str, lenient: bool) -> bool {
    if !lenient {
        return pred.timex3 == gold;
    }
    let p = norm(&pred.timex3);
    let g = norm(gold);
    if let (Some(a), Some(b)) = (duration_amount(&pred.timex3), duration_amount(gold)) {
        return (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-6;
    }
    p == g || p.split_once('/').is_some_and(|(a, b)| a == g || b == g)
}

#[derive(Default, Debug)]
struct Score {
    preds: usize,
    preds_overlapping: usize,
    golds: usize,
    golds_found: usize,
    exact: usize,
    with_value: usize,
    value_right: usize,
    value_right_strict: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn bench_corpus_scores() {
    let dir = bench_dir();
    let (Ok(text), Ok(gold)) = (
        std::fs::read_to_string(dir.join("corpus_200k.txt")),
        std::fs::read_to_string(dir.join("corpus_200k.gold.jsonl")),
    ) else {
        eprintln!("skipped: no benchmark corpus at {}", dir.display());
        return;
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut s = Score::default();
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    let mut wrong = Vec::new();
    let mut inexact = Vec::new();
    for gl in gold.lines() {
        let j: Json = serde_json::from_str(gl).expect("gold line is JSON");
        let li = j["line"].as_u64().expect("line number") as usize;
        let line = lines[li];
        let golds: Vec<Gold> = j["spans"]
            .as_array()
            .expect("spans")
            .iter()
            .map(|sp| Gold {
                start: sp[0].as_u64().unwrap() as usize,
                end: sp[1].as_u64().unwrap() as usize,
                value: sp[3].as_str().map(str::to_string),
            })
            .collect();
        let preds = extract(line, Lang::En, None);
        let overlaps = |p: &Timex, g: &Gold| p.start < g.end && g.start < p.end;
        s.preds += preds.len();
        for p in &preds {
            if golds.iter().any(|g| overlaps(p, g)) {
                s.preds_overlapping += 1;
            } else {
                false_alarms.push(line[p.start..p.end].to_string());
            }
        }
        for g in &golds {
            s.golds += 1;
            let best = preds
                .iter()
                .filter(|p| overlaps(p, g))
                .max_by_key(|p| p.end.min(g.end) - p.start.max(g.start));
            let Some(p) = best else {
                misses.push(line[g.start..g.end].to_string());
                continue;
            };
            s.golds_found += 1;
            if p.start == g.start && p.end == g.end {
                s.exact += 1;
            } else {
                inexact.push(format!(
                    "{:?} for gold {:?}",
                    &line[p.start..p.end],
                    &line[g.start..g.end]
                ));
            }
            if let Some(v) = &g.value {
                s.with_value += 1;
                if value_ok(p, v, true) {
                    s.value_right += 1;
                } else {
                    wrong.push(format!(
                        "{:?} -> {} (gold {v})",
                        &line[p.start..p.end],
                        p.timex3
                    ));
                }
                if value_ok(p, v, false) {
                    s.value_right_strict += 1;
                }
            }
        }
    }
    let p = s.preds_overlapping as f64 / s.preds.max(1) as f64;
    let r = s.golds_found as f64 / s.golds.max(1) as f64;
    let f = f1(p, r);
    let ep = s.exact as f64 / s.preds.max(1) as f64;
    let er = s.exact as f64 / s.golds.max(1) as f64;
    let ef = f1(ep, er);
    let va = s.value_right as f64 / s.with_value.max(1) as f64;
    let vs = s.value_right_strict as f64 / s.with_value.max(1) as f64;
    println!("{s:?}");
    println!("relaxed P {p:.3} R {r:.3} F1 {f:.3}");
    println!("exact-span P {ep:.3} R {er:.3} F1 {ef:.3}");
    println!("value accuracy {va:.3} (strict string equality {vs:.3})");
    let show = |name: &str, v: &mut Vec<String>| {
        v.sort();
        let mut counts: Vec<(usize, String)> = Vec::new();
        for x in v.iter() {
            match counts.last_mut() {
                Some((n, y)) if y == x => *n += 1,
                _ => counts.push((1, x.clone())),
            }
        }
        counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        println!("{name}: {}", v.len());
        for (n, x) in counts
            .iter()
            .take(if std::env::var_os("BENCH_ALL").is_some() {
                usize::MAX
            } else {
                25
            })
        {
            println!("  {n:4} {x}");
        }
    };
    show("missed gold spans", &mut misses);
    show("predictions overlapping no gold span", &mut false_alarms);
    show("wrong values", &mut wrong);
    show("inexact spans", &mut inexact);
    // Floors just under what the grammar reaches (0.969 and 0.994 when they were set);
    // raise them as it improves, never lower them.
    assert!(f >= 0.96, "relaxed F1 {f:.3}");
    assert!(va >= 0.99, "value accuracy {va:.3}");
    assert!(r >= 0.99, "relaxed recall {r:.3}");
}
