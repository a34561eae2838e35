//! The sidecar scene map (`--scenes FILE`): dates and places for scenes, by Fountain
//! scene number, by timecode range, or by source line range. See docs/scene-map.md.

use histlint_time::{Calendar, DayInterval, HDate};
use serde::Deserialize;

use crate::input::Cue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMap {
    #[serde(default)]
    scene: Vec<toml::Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    scene: Option<usize>,
    from: Option<String>,
    to: Option<String>,
    lines: Option<[usize; 2]>,
    date: Option<String>,
    calendar: Option<String>,
    place: Option<String>,
    note: Option<String>,
}

/// Which cues an entry covers.
#[derive(Debug, Clone, PartialEq)]
pub enum Selector {
    Scene(usize),
    Time(u64, u64),
    Lines(usize, usize),
}

/// One entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub selector: Selector,
    pub days: Option<DayInterval>,
    pub shown: String,
    pub place: Option<String>,
}

/// A parsed scene map.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SceneMap {
    pub entries: Vec<Entry>,
}

/// A scene-map error at a line.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct MapError {
    pub line: usize,
    pub message: String,
}

/// Parses `hh:mm:ss(.mmm|,mmm)` or `mm:ss` or seconds.
pub fn parse_timecode(s: &str) -> Option<u64> {
    let s = s.trim().replace(',', ".");
    let (main, frac) = match s.split_once('.') {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (s.clone(), String::new()),
    };
    let parts: Vec<&str> = main.split(':').collect();
    if parts.is_empty()
        || parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 9)
    {
        return None;
    }
    let mut secs: u64 = 0;
    for p in &parts {
        secs = secs.checked_mul(60)?.checked_add(p.parse().ok()?)?;
    }
    let ms = if frac.is_empty() {
        0
    } else {
        if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        frac.parse::<u64>().ok()? * 10u64.pow(3 - frac.len() as u32)
    };
    secs.checked_mul(1000)?.checked_add(ms)
}

impl SceneMap {
    /// Parses a scene map; errors name the line.
    pub fn parse(text: &str) -> Result<SceneMap, MapError> {
        let line_of = |off: usize| text[..off.min(text.len())].matches('\n').count() + 1;
        let raw: RawMap = toml::from_str(text).map_err(|e| MapError {
            line: e.span().map_or(1, |s| line_of(s.start)),
            message: e.message().trim().to_string(),
        })?;
        let mut entries = Vec::new();
        for e in raw.scene {
            let line = line_of(e.span().start);
            let e = e.into_inner();
            let _ = e.note;
            let err = |message: String| MapError { line, message };
            let selector = match (e.scene, &e.from, &e.to, e.lines) {
                (Some(n), None, None, None) => Selector::Scene(n),
                (None, Some(a), Some(b), None) => {
                    let (a, b) = (
                        parse_timecode(a).ok_or_else(|| err(format!("bad timecode {a:?} (use hh:mm:ss.mmm)")))?,
                        parse_timecode(b).ok_or_else(|| err(format!("bad timecode {b:?} (use hh:mm:ss.mmm)")))?,
                    );
                    if b < a {
                        return Err(err("`to` is before `from`".into()));
                    }
                    Selector::Time(a, b)
                }
                (None, None, None, Some([a, b])) if a <= b => Selector::Lines(a, b),
                _ => return Err(err("give exactly one of `scene = N`, `from`/`to` timecodes, or `lines = [first, last]`".into())),
            };
            let cal = match &e.calendar {
                None => Calendar::Gregorian,
                Some(c) => {
                    Calendar::parse(c).ok_or_else(|| err(format!("unknown calendar {c:?}")))?
                }
            };
            let (days, shown) = match &e.date {
                None => (None, String::new()),
                Some(d) => {
                    let hd =
                        HDate::parse_iso_in(d, cal).map_err(|x| err(format!("`date`: {x}")))?;
                    (
                        Some(hd.interval().map_err(|x| err(x.to_string()))?),
                        hd.describe(),
                    )
                }
            };
            if e.date.is_none() && e.place.is_none() {
                return Err(err("an entry needs a `date` or a `place`".into()));
            }
            entries.push(Entry {
                selector,
                days,
                shown,
                place: e.place,
            });
        }
        Ok(SceneMap { entries })
    }

    /// The entry (1-based number and entry) that covers a cue, the last one winning.
    pub fn lookup(&self, cue: &Cue) -> Option<(usize, &Entry)> {
        self.entries.iter().enumerate().rev().find_map(|(i, e)| {
            let hit = match e.selector {
                Selector::Scene(n) => cue.scene == Some(n),
                Selector::Time(a, b) => cue.start_ms.is_some_and(|t| a <= t && t <= b),
                Selector::Lines(a, b) => a <= cue.line && cue.line <= b,
            };
            hit.then_some((i + 1, e))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        let m = SceneMap::parse("[[scene]]\nscene = 3\ndate = \"1918-03\"\nplace = \"kronstadt\"\n\n[[scene]]\nfrom = \"00:10:00\"\nto = \"00:12:00.5\"\ndate = \"1917-10-25\"\ncalendar = \"julian\"\n").unwrap();
        assert_eq!(m.entries.len(), 2);
        assert_eq!(m.entries[1].selector, Selector::Time(600_000, 720_500));
        assert_eq!(m.entries[1].shown, "25 October 1917 (Julian)");
    }

    #[test]
    fn errors_name_the_line() {
        let e = SceneMap::parse("[[scene]]\nscene = 1\ndate = \"1918-13\"\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("date"), "{e}");
        let e =
            SceneMap::parse("\n\n[[scene]]\nfrom = \"00:xx\"\nto = \"00:10\"\ndate = \"1918\"\n")
                .unwrap_err();
        assert_eq!(e.line, 3);
        let e = SceneMap::parse("[[scene]]\nbogus = 1\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(
            parse_timecode("99:99:99"),
            Some((99 * 3600 + 99 * 60 + 99) * 1000)
        );
        assert_eq!(parse_timecode("1:2:3:4"), None);
    }
}
