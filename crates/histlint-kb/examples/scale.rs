//! Scale check for the compiled KB: generate a KB with N aliases, compile it to a
//! file (streamed), then open it memory-mapped and query it, reporting times and
//! peak memory of each step in its own process.
//!
//! ```text
//! cargo run --release -p histlint-kb --example scale -- build 10000000 /tmp/kb10m.hlkb
//! cargo run --release -p histlint-kb --example scale -- load /tmp/kb10m.hlkb
//! ```
//!
//! `build ALIASES FILE --with-kb DIR` also compiles the records of the KB folder `DIR`
//! into the file (`--with-kb kb` for the bundled KB's), so that a title checked against
//! the big KB still finds its real people, places and events
//! (`scripts/bench-e2e.sh` builds 1M entities / 5M aliases that way).

use std::time::Instant;

use histlint_kb::compiled::{CompiledKb, IndexBuilder};
use histlint_kb::{Dated, Entity, EntityKind, KbDate, Located, Record, SourceRef};
use histlint_time::{Calendar, HDate};

const SYLLABLES: [&str; 32] = [
    "ka", "ro", "vi", "len", "mar", "tov", "sky", "in", "ov", "ya", "zin", "bor", "dan", "gel",
    "hol", "ish", "jur", "kov", "lin", "mir", "nad", "pol", "rus", "sel", "tur", "ul", "vas",
    "yev", "zor", "che", "sha", "pet",
];

/// A unique pronounceable word for `n`.
fn word(mut n: u64, min_syllables: usize) -> String {
    let mut s = String::new();
    let mut k = 0;
    while n > 0 || k < min_syllables {
        s.push_str(SYLLABLES[(n % 32) as usize]);
        n /= 32;
        k += 1;
    }
    s
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A memory figure from /proc/self/status, in MB.
fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// Peak resident set (heap and mapped file pages together).
fn peak_rss_mb() -> f64 {
    status_mb("VmHWM:")
}

fn person(i: u64) -> Located<Record> {
    let first = capitalise(&word(i % 997, 2));
    let last = capitalise(&word(i, 3));
    let year = 1700 + (i % 300) as i64;
    let mut aliases = std::collections::BTreeMap::new();
    aliases.insert(
        "en".to_string(),
        vec![
            last.clone(),
            format!("{} {last}", &first[..1]),
            format!("{first} {last} the Elder"),
        ],
    );
    aliases.insert("de".to_string(), vec![format!("{last}-{}", word(i, 2))]);
    let src = vec![SourceRef {
        source: "gen".into(),
        at: Some(format!("row {i}")),
    }];
    Located {
        file: "generated".into(),
        line: i as usize,
        value: Record::Entity(Entity {
            id: format!("p{i}"),
            kind: EntityKind::Person,
            name: format!("{first} {last}"),
            labels: Default::default(),
            aliases,
            description: None,
            wikidata: None,
            subkind: None,
            gender: None,
            start: Some(Dated {
                date: Some(KbDate {
                    date: HDate::year(Calendar::Gregorian, year),
                    circa: false,
                }),
                place: None,
                sources: src.clone(),
            }),
            end: Some(Dated {
                date: Some(KbDate {
                    date: HDate::year(Calendar::Julian, year + 60),
                    circa: false,
                }),
                place: None,
                sources: src.clone(),
            }),
            part_of: None,
            place: None,
            coordinates: None,
            names: Vec::new(),
            authors: Vec::new(),
            language: None,
            sources: src,
        }),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("build") => {
            let aliases: u64 = args[2].parse().expect("alias count");
            let path = &args[3];
            let people = aliases / 5; // each person has 5 distinct names
            let t = Instant::now();
            let mut b = IndexBuilder::new();
            let mut real = 0;
            if let Some(dir) = args
                .iter()
                .position(|a| a == "--with-kb")
                .map(|i| &args[i + 1])
            {
                let kb = histlint_kb::load_dir(std::path::Path::new(dir)).expect("KB folder");
                assert!(!kb.has_errors(), "{dir}: the KB has errors");
                for r in &kb.records {
                    b.add(r);
                }
                real = kb.records.len();
            }
            for i in 0..people {
                b.add(&person(i));
            }
            let bytes = b.finish().expect("compile");
            let built = t.elapsed();
            std::fs::write(path, &bytes).expect("write");
            println!(
                "build: {people} generated entities, {aliases} aliases, {real} records of a KB folder -> {} MB in {:.2} s; peak RSS {:.0} MB",
                bytes.len() / 1_000_000,
                built.as_secs_f64(),
                peak_rss_mb()
            );
        }
        Some("load") => {
            let path = std::path::Path::new(&args[2]);
            let t = Instant::now();
            let kb = CompiledKb::open(path).expect("open");
            let open = t.elapsed();
            let stats = kb.stats();
            let t = Instant::now();
            let n = 10_000u64;
            let people = stats.people.max(1);
            let mut found = 0;
            for k in 0..n {
                let i = (k * 7919) % people;
                found += usize::from(!kb.lookup_name(&capitalise(&word(i, 3))).is_empty());
            }
            let lookup = t.elapsed() / n as u32;
            let t = Instant::now();
            let mut decoded = 0;
            for k in 0..n {
                decoded += usize::from(kb.get(&format!("p{}", (k * 104_729) % people)).is_some());
            }
            let get = t.elapsed() / n as u32;
            let text: String = (0..2000u64)
                .map(|k| {
                    format!(
                        "Then {} spoke to {}. ",
                        capitalise(&word((k * 31) % people, 3)),
                        word(k, 2)
                    )
                })
                .collect();
            let t = Instant::now();
            let mentions = kb.find_mentions(&text);
            let scan = t.elapsed();
            let t = Instant::now();
            let quotes = kb.quotes().count();
            let quotes_time = t.elapsed();
            println!(
                "load: {} records, {} aliases; open {:.3} ms; name lookup {:.2} µs ({found}/{n} found); record by id {:.2} µs ({decoded}/{n}); mentions in {} KB of text {:.2} ms ({} found, {:.1} MB/s); quote records {:.2} ms ({quotes} found); peak RSS {:.0} MB (now: heap {:.0} MB, mapped file pages {:.0} MB)",
                kb.len(),
                stats.aliases,
                open.as_secs_f64() * 1000.0,
                lookup.as_secs_f64() * 1e6,
                get.as_secs_f64() * 1e6,
                text.len() / 1000,
                scan.as_secs_f64() * 1000.0,
                mentions.len(),
                text.len() as f64 / scan.as_secs_f64() / 1e6,
                quotes_time.as_secs_f64() * 1000.0,
                peak_rss_mb(),
                status_mb("RssAnon:"),
                status_mb("RssFile:")
            );
        }
        _ => eprintln!("usage: scale build ALIASES FILE [--with-kb DIR] | scale load FILE"),
    }
}
