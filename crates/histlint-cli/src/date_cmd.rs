//! `histlint date`: a date explained in both calendars.

use histlint_time::{Calendar, Day, HDate, ParsedDate, human::both_calendars, parse_date};
use serde_json::{Value, json};

use crate::{Failure, Format, Outcome};

fn span_json(d: &HDate) -> Value {
    let i = d.interval().expect("validated date");
    json!({
        "gregorian": { "start": i.start.iso(Calendar::Gregorian), "end": i.end.iso(Calendar::Gregorian) },
        "julian": { "start": i.start.iso(Calendar::Julian), "end": i.end.iso(Calendar::Julian) },
    })
}

pub fn run(text: &str, format: Format) -> Result<Outcome, Failure> {
    let ParsedDate { date, stated_calendar } = parse_date(text).map_err(|e| {
        Failure(format!(
            "{e}\n  expected a date such as \"25 October 1917 O.S.\", \"October 25, 1917\", \"March 1921\", 1917-03, 1917, \"the 1910s\", \"20th century\", \"44 BC\" or a Wikidata time value"
        ))
    })?;
    let interval = date.interval().map_err(Failure::from)?;
    let day_twins = both_calendars(&date);
    // A day given with no calendar could be either: say what the other reading gives.
    let alternative = match (stated_calendar, date.precision.has_day()) {
        (None, true) => Some(HDate {
            calendar: Calendar::Julian,
            ..date
        })
        .filter(|d| d.validate().is_ok()),
        _ => None,
    };
    let weekday = date.precision.has_day().then(|| {
        Day::from_ymd(date.calendar, date.year, date.month, date.day).map(|d| d.weekday())
    });
    let weekday = weekday.transpose().map_err(Failure::from)?;
    let stdout = match format {
        Format::Json => {
            let spans = span_json(&date);
            let mut v = json!({
                "input": text,
                "description": date.describe(),
                "iso": date.to_iso(),
                "precision": date.precision.name(),
                "calendar": date.calendar.name(),
                "calendar_stated": stated_calendar.is_some(),
                "gregorian": spans["gregorian"],
                "julian": spans["julian"],
                "wikidata": {
                    "time": date.to_wikidata(),
                    "precision": date.precision.wikidata(),
                    "calendarmodel": date.calendar.wikidata_model(),
                },
            });
            if let Some(w) = weekday {
                v["weekday"] = json!(w.name());
            }
            if let Some((g, j)) = &day_twins {
                v["gregorian"]["date"] = json!(g.iso_value());
                v["julian"]["date"] = json!(j.iso_value());
            }
            if let Some(alt) = alternative {
                let s = span_json(&alt);
                v["if_julian"] = json!({ "iso": alt.to_iso(), "gregorian": s["gregorian"], "julian": s["julian"] });
            }
            let mut s = serde_json::to_string_pretty(&v).expect("JSON");
            s.push('\n');
            s
        }
        Format::Text => {
            let mut s = String::new();
            s.push_str(&format!("{}\n", date.describe()));
            let given = match stated_calendar {
                Some(c) => format!("{c} calendar ({})", c.style()),
                None => "no calendar stated; read as Gregorian (New Style)".to_string(),
            };
            s.push_str(&format!(
                "  given in:   {given}, {} precision\n",
                date.precision.name()
            ));
            if let Some((g, j)) = &day_twins {
                s.push_str(&format!(
                    "  Gregorian:  {}  ({}, New Style)\n",
                    g.iso_value(),
                    g.describe()
                ));
                s.push_str(&format!(
                    "  Julian:     {}  ({}, Old Style)\n",
                    j.iso_value(),
                    j.describe().trim_end_matches(" (Julian)")
                ));
            } else {
                s.push_str(&format!(
                    "  Gregorian:  {}\n",
                    interval.iso(Calendar::Gregorian)
                ));
                s.push_str(&format!(
                    "  Julian:     {}\n",
                    interval.iso(Calendar::Julian)
                ));
            }
            if let Some(w) = weekday {
                s.push_str(&format!("  weekday:    {w}\n"));
            }
            let n = interval.len_days();
            s.push_str(&format!(
                "  interval:   {n} day{}\n",
                if n == 1 { "" } else { "s" }
            ));
            s.push_str(&format!("  ISO 8601:   {}\n", date.to_iso()));
            s.push_str(&format!(
                "  Wikidata:   {} (precision {}, {})\n",
                date.to_wikidata(),
                date.precision.wikidata(),
                if date.calendar == Calendar::Julian {
                    "Q1985786 Julian"
                } else {
                    "Q1985727 Gregorian"
                }
            ));
            if let Some(alt) = alternative {
                let i = alt.interval().map_err(Failure::from)?;
                s.push_str(&format!(
                    "  note:       read as Old Style, {} would be {} in the Gregorian calendar\n",
                    alt.describe().trim_end_matches(" (Julian)"),
                    i.iso(Calendar::Gregorian)
                ));
            }
            s
        }
    };
    Ok(Outcome { stdout, code: 0 })
}
