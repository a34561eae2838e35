//! A rough accuracy report on TimeBank 1.2 and AQUAINT (`../shared/data/timeml/
//! TBAQ-cleaned`): the TIMEX3 tags are stripped, the text is run through [`extract`]
//! with the document creation time as anchor, and the spans are compared (relaxed =
//! overlapping). Printed, not asserted: this is news text, not drama, and TimeBank's
//! conventions differ in places (it tags "now" and "recent", leaves "to this day").
//! Nothing derived from the corpus is kept.

use std::path::PathBuf;

use histlint_temporal::{Lang, extract};
use histlint_time::HDate;

struct Doc {
    text: String,
    golds: Vec<(usize, usize, String)>,
    anchor: Option<HDate>,
}

fn decode_entity(s: &str) -> Option<(char, usize)> {
    for (ent, c) in [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&apos;", '\''),
    ] {
        if s.starts_with(ent) {
            return Some((c, ent.len()));
        }
    }
    None
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn parse(tml: &str) -> Option<Doc> {
    let anchor = tml
        .find("<DCT>")
        .and_then(|k| attr(&tml[k..], "value"))
        .and_then(|v| HDate::parse_iso(v.get(..10)?).ok());
    let body_start = tml.find("<TEXT>")? + "<TEXT>".len();
    let body_end = tml.find("</TEXT>")?;
    let body = &tml[body_start..body_end];
    let mut text = String::new();
    let mut golds = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest.find('>')?;
            let tag = &rest[1..close];
            if tag.starts_with("TIMEX3") {
                open = Some((text.len(), attr(tag, "value").unwrap_or_default()));
            } else if tag.starts_with("/TIMEX3")
                && let Some((s, v)) = open.take()
            {
                golds.push((s, text.len(), v));
            }
            i += close + 1;
        } else if let Some((c, n)) = decode_entity(rest) {
            text.push(c);
            i += n;
        } else {
            let c = rest.chars().next()?;
            text.push(c);
            i += c.len_utf8();
        }
    }
    Some(Doc {
        text,
        golds,
        anchor,
    })
}

#[test]
fn timebank_report() {
    let root =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/timeml/TBAQ-cleaned");
    let mut files = Vec::new();
    for sub in ["TimeBank", "AQUAINT"] {
        if let Ok(rd) = std::fs::read_dir(root.join(sub)) {
            files.extend(rd.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    if files.is_empty() {
        eprintln!("skipped: no TimeML data at {}", root.display());
        return;
    }
    files.sort();
    let (mut preds, mut preds_ok, mut golds, mut found, mut exact, mut vals, mut vals_ok) =
        (0, 0, 0, 0, 0, 0, 0);
    let mut misses: Vec<String> = Vec::new();
    let mut alarms: Vec<String> = Vec::new();
    for f in &files {
        let Ok(tml) = std::fs::read_to_string(f) else {
            continue;
        };
        let Some(doc) = parse(&tml) else { continue };
        let found_t = extract(&doc.text, Lang::En, doc.anchor.as_ref());
        preds += found_t.len();
        for p in &found_t {
            if doc.golds.iter().any(|g| p.start < g.1 && g.0 < p.end) {
                preds_ok += 1;
            } else {
                alarms.push(doc.text[p.start..p.end].to_lowercase());
                if std::env::var_os("TIMEBANK_CONTEXT").is_some() {
                    let a = doc.text.floor_char_boundary(p.start.saturating_sub(40));
                    let b = doc
                        .text
                        .ceil_char_boundary((p.end + 40).min(doc.text.len()));
                    println!(
                        "FALSE [{}] in {:?}",
                        &doc.text[p.start..p.end],
                        &doc.text[a..b]
                    );
                }
            }
        }
        for g in &doc.golds {
            golds += 1;
            let best = found_t
                .iter()
                .filter(|p| p.start < g.1 && g.0 < p.end)
                .max_by_key(|p| p.end.min(g.1) - p.start.max(g.0));
            match best {
                Some(p) => {
                    found += 1;
                    if (p.start, p.end) == (g.0, g.1) {
                        exact += 1;
                    }
                    vals += 1;
                    if p.timex3 == g.2 {
                        vals_ok += 1;
                    } else if std::env::var_os("TIMEBANK_VALUES").is_some() {
                        println!(
                            "VALUE {:?} -> {} (gold {:?} = {})",
                            &doc.text[p.start..p.end],
                            p.timex3,
                            &doc.text[g.0..g.1],
                            g.2
                        );
                    }
                }
                None => {
                    misses.push(doc.text[g.0..g.1].to_lowercase());
                    if std::env::var_os("TIMEBANK_CONTEXT").is_some() {
                        let a = doc.text.floor_char_boundary(g.0.saturating_sub(40));
                        let b = doc.text.ceil_char_boundary((g.1 + 40).min(doc.text.len()));
                        println!("MISS [{}] in {:?}", &doc.text[g.0..g.1], &doc.text[a..b]);
                    }
                }
            }
        }
    }
    let p = preds_ok as f64 / preds.max(1) as f64;
    let r = found as f64 / golds.max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "TimeBank+AQUAINT: {} files, {golds} gold TIMEX3, {preds} found",
        files.len()
    );
    println!(
        "relaxed P {p:.3} R {r:.3} F1 {f1:.3}; exact spans {:.3} of gold; value equal {:.3} of matched",
        exact as f64 / golds.max(1) as f64,
        vals_ok as f64 / vals.max(1) as f64
    );
    if std::env::var_os("TIMEBANK_DETAIL").is_some() {
        for (name, v) in [("missed", &mut misses), ("false alarms", &mut alarms)] {
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
            for (n, x) in counts.iter().take(60) {
                println!("  {n:4} {x}");
            }
        }
    }
}
