//! The KB model against real Wikidata JSON (../shared/data/wikidata).

use std::path::PathBuf;

use histlint_kb::wikidata::{self, WikidataTime};
use histlint_kb::{EntityKind, SourceRef};
use histlint_time::{Calendar, HDate, Precision};
use serde_json::Value;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/wikidata")
}

fn read(rel: &str) -> Value {
    let p = data_dir().join(rel);
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap()
}

/// Every time value in every sample file reads into an HDate and writes back to the
/// same value (legacy 11-digit years normalised to ISO width).
#[test]
fn every_time_value_round_trips() {
    let mut seen = 0;
    let mut julian = 0;
    for entry in walkdir(&data_dir()) {
        if entry.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&entry).unwrap();
        let Ok(v) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let mut stack = vec![&v];
        while let Some(x) = stack.pop() {
            match x {
                Value::Object(o) => {
                    if let (Some(Value::String(t)), Some(p), Some(Value::String(cal))) = (
                        o.get("time"),
                        o.get("precision").and_then(Value::as_u64),
                        o.get("calendarmodel"),
                    ) {
                        let calendar =
                            Calendar::parse(cal).unwrap_or_else(|| panic!("calendar model {cal}"));
                        let d = HDate::from_wikidata(t, p as u8, calendar)
                            .unwrap_or_else(|e| panic!("{t}: {e}"));
                        let again =
                            HDate::from_wikidata(&d.to_wikidata(), p as u8, calendar).unwrap();
                        assert_eq!(again, d);
                        let digits = t.trim_start_matches(['+', '-']).split('-').next().unwrap();
                        let canonical = format!(
                            "{}{:04}{}",
                            &t[..1],
                            digits.parse::<u64>().unwrap(),
                            &t[1 + digits.len()..]
                        );
                        assert_eq!(d.to_wikidata(), canonical);
                        assert!(d.interval().is_ok());
                        seen += 1;
                        julian += usize::from(calendar == Calendar::Julian);
                    }
                    stack.extend(o.values());
                }
                Value::Array(a) => stack.extend(a.iter()),
                _ => {}
            }
        }
    }
    assert!(seen > 100, "only {seen} time values found");
    assert!(julian >= 3, "Julian values in Q2112 and Q4115189");
}

fn walkdir(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walkdir(&p))
        } else {
            out.push(p)
        }
    }
    out.sort();
    out
}

/// Q4115189 (the Wikidata sandbox item) has Julian year-precision birth dates:
/// `+1291-00-00` and `+0512-00-00`, precision 9, calendar Q1985786. They stay Julian
/// years; their interval is the Julian year.
#[test]
fn julian_year_values_keep_their_calendar() {
    let item = read("wikibase-sdk/Q4115189.json");
    let st = wikidata::statements(&item, "P569");
    assert_eq!(st.len(), 2);
    let t = wikidata::statement_time(st[0]).unwrap();
    assert_eq!(
        t,
        WikidataTime {
            time: "+1291-00-00T00:00:00Z".into(),
            precision: 9,
            calendar: Calendar::Julian
        }
    );
    let d = t.to_date().unwrap();
    assert_eq!(
        (d.year, d.precision, d.calendar),
        (1291, Precision::Year, Calendar::Julian)
    );
    assert_eq!(d.to_iso(), "1291[u-ca=julian]");
    let i = d.interval().unwrap();
    // Julian 1 January 1291 was Gregorian 8 January 1291.
    assert_eq!(i.start.iso(Calendar::Gregorian), "1291-01-08");
    assert_eq!(i.start.iso(Calendar::Julian), "1291-01-01");
}

/// Q2112 (Bielefeld): founding year P1249 is a Julian year, and P6 (head of
/// government) statements carry start and end qualifiers.
#[test]
fn qualifiers_and_julian_founding() {
    let item = read("wikibase-sdk/Q2112.json");
    let f = wikidata::statement_time(wikidata::statements(&item, "P1249")[0]).unwrap();
    assert_eq!(f.to_date().unwrap().to_iso(), "1214[u-ca=julian]");
    let heads = wikidata::statements(&item, "P6");
    let with_end: Vec<_> = heads
        .iter()
        .filter_map(|s| wikidata::qualifier_time(s, "P582"))
        .collect();
    assert!(!with_end.is_empty());
    for s in &heads {
        if let (Some(a), Some(b)) = (
            wikidata::qualifier_time(s, "P580"),
            wikidata::qualifier_time(s, "P582"),
        ) {
            assert!(
                a.to_date().unwrap().interval().unwrap().start
                    <= b.to_date().unwrap().interval().unwrap().end
            );
        }
    }
    let (labels, aliases) = wikidata::names(&item);
    assert_eq!(labels.get("en").map(String::as_str), Some("Bielefeld"));
    assert!(labels.len() > 20 && !aliases.is_empty());
}

/// Douglas Adams (Q42): a person with labels in many languages, birth and death
/// dates, places, and references.
#[test]
fn person_from_wbgetentities() {
    let v = read("wikidata-toolkit/wbgetentities-Douglas-Adams.json");
    let item = &v["entities"]["Q42"];
    let p = wikidata::person(item).unwrap();
    assert_eq!(p.kind, EntityKind::Person);
    assert_eq!(p.name, "Douglas Adams");
    assert!(p.labels.len() > 50);
    let born = p.start.unwrap();
    assert_eq!(born.date.unwrap().date.to_iso(), "1952-03-11");
    assert_eq!(born.place.as_deref(), Some("q350"));
    assert!(
        born.sources
            .iter()
            .all(|s: &SourceRef| s.source == "wikidata")
    );
    let died = p.end.unwrap();
    assert_eq!(died.date.unwrap().date.to_iso(), "2001-05-11");
    let spouse = wikidata::statements(item, "P26")[0];
    assert_eq!(
        wikidata::qualifier_time(spouse, "P580")
            .unwrap()
            .to_date()
            .unwrap()
            .to_iso(),
        "1991-11-25"
    );
}
