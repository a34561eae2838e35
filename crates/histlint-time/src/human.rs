//! Reading a single date written by a person: "25 October 1917 O.S.",
//! "October 25, 1917", "the twenty-fifth of October 1917", "March 1921", "1910s",
//! "the 20th century", "15 March 44 BC", as well as ISO and Wikidata forms.
//!
//! This reads one whole date (the `histlint date` command, KB values). Finding dates
//! inside running text is the temporal-expression extractor's job.

use crate::TimeError;
use crate::calendar::{Calendar, Day};
use crate::date::{HDate, MONTHS, Precision};

/// A date read from text, and whether its calendar was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDate {
    pub date: HDate,
    /// `None` when the text gave no calendar; `date.calendar` is then Gregorian.
    pub stated_calendar: Option<Calendar>,
}

/// Month number from an English name or abbreviation ("Oct", "Sept.", "october").
pub fn month_from_name(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_ascii_lowercase();
            m == w || (w.len() == 3 && m.starts_with(&w))
        })
        .map(|i| i as u8 + 1)
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const TENS_ORD: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// A number in English words or digits, cardinal or ordinal, below 100:
/// "twenty-fifth", "25th", "three", "21st". Returns the value and whether it was ordinal.
pub fn small_number(word: &str) -> Option<(u32, bool)> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches([',', '.']);
    let ordinal_digits = w
        .strip_suffix("st")
        .or(w.strip_suffix("nd"))
        .or(w.strip_suffix("rd"))
        .or(w.strip_suffix("th"));
    if let Some(d) = ordinal_digits
        && !d.is_empty()
        && d.len() <= 3
        && d.bytes().all(|b| b.is_ascii_digit())
    {
        return d.parse().ok().map(|n| (n, true));
    }
    if !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok().map(|n| (n, false));
    }
    let word_value = |s: &str| -> Option<(u32, bool)> {
        if let Some(i) = UNITS.iter().position(|u| *u == s) {
            return Some((i as u32, false));
        }
        if let Some(i) = ORDINALS.iter().position(|u| *u == s) {
            return Some((i as u32, true));
        }
        if let Some(i) = TENS.iter().position(|u| !u.is_empty() && *u == s) {
            return Some((i as u32 * 10, false));
        }
        if let Some(i) = TENS_ORD.iter().position(|u| !u.is_empty() && *u == s) {
            return Some((i as u32 * 10, true));
        }
        None
    };
    if let Some((t, u)) = w.split_once(['-', ' ']) {
        let (tv, tord) = word_value(t)?;
        let (uv, uord) = word_value(u)?;
        if tv % 10 == 0 && tv >= 20 && !tord && uv < 10 && uv > 0 {
            return Some((tv + uv, uord));
        }
        return None;
    }
    word_value(w)
}

/// Reads one date written by a person. See the module documentation for the forms.
pub fn parse_date(text: &str) -> Result<ParsedDate, TimeError> {
    let bad = || TimeError::Syntax(text.to_string());
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.len() > 200 {
        return Err(bad());
    }
    // ISO, Wikidata, and ISO with a calendar marker.
    if let Ok(d) = HDate::parse_iso(trimmed) {
        let stated = crate::date::split_calendar(trimmed).and_then(|(_, c)| c);
        return Ok(ParsedDate {
            date: d,
            stated_calendar: stated,
        });
    }
    let (body, calendar) = strip_calendar_words(trimmed);
    let cal = calendar.unwrap_or(Calendar::Gregorian);
    let lower = body.to_lowercase();
    let mut words: Vec<String> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_string())
        .collect();
    words.retain(|w| !matches!(w.as_str(), "the" | "of" | "in" | "on" | "year"));
    // Era: BC / BCE / AD / CE.
    let mut bc = false;
    words.retain(
        |w| match w.trim_end_matches('.').replace('.', "").as_str() {
            "bc" | "bce" => {
                bc = true;
                false
            }
            "ad" | "ce" => false,
            _ => true,
        },
    );
    // Join "twenty fifth" into one number word.
    let mut joined: Vec<String> = Vec::new();
    for w in words {
        if let Some(last) = joined.last_mut()
            && TENS.contains(&last.as_str())
            && !last.is_empty()
            && (UNITS[1..10].contains(&w.as_str()) || ORDINALS[1..10].contains(&w.as_str()))
        {
            last.push('-');
            last.push_str(&w);
            continue;
        }
        joined.push(w);
    }
    let words = joined;
    let year_of = |w: &str| -> Option<i64> {
        let w = w.trim_end_matches('.');
        if w.is_empty() || w.len() > 12 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i64 = w.parse().ok()?;
        if bc {
            if y == 0 {
                return None;
            }
            Some(1 - y)
        } else {
            Some(y)
        }
    };
    let finish = |d: HDate| -> Result<ParsedDate, TimeError> {
        d.validate()?;
        Ok(ParsedDate {
            date: d,
            stated_calendar: calendar,
        })
    };
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    match w.as_slice() {
        // 25.10.1917
        [one] if one.matches('.').count() == 2 => {
            let p: Vec<&str> = one.split('.').collect();
            let (d, m, y) = (
                p[0].parse::<u8>().map_err(|_| bad())?,
                p[1].parse::<u8>().map_err(|_| bad())?,
                year_of(p[2]).ok_or_else(bad)?,
            );
            finish(HDate::ymd(cal, y, m, d)?)
        }
        // 1917, 44 BC
        [y] if year_of(y).is_some() => finish(HDate::year(cal, year_of(y).expect("checked"))),
        // 1910s
        [d] if d.ends_with('s')
            && year_of(&d[..d.len() - 1]).is_some_and(|y| y.rem_euclid(10) == 0 || bc) =>
        {
            let y = year_of(&d[..d.len() - 1]).expect("checked");
            let y = if bc { y - 9 } else { y };
            finish(HDate::coarse(cal, y, Precision::Decade))
        }
        // 20th century, twentieth century, 5th century BC, 2nd millennium
        [n, unit] if matches!(*unit, "century" | "millennium") => {
            let (n, _) = small_number(n).ok_or_else(bad)?;
            if n == 0 {
                return Err(bad());
            }
            let (size, p) = if *unit == "century" {
                (100, Precision::Century)
            } else {
                (1000, Precision::Millennium)
            };
            let n = i64::from(n);
            // A year inside the ordinal century: AD n -> (n-1)*size+1; BC n -> -(n-1)*size.
            let y = if bc {
                -(n - 1) * size
            } else {
                (n - 1) * size + 1
            };
            finish(HDate::coarse(cal, y, p))
        }
        // October 1917
        [m, y] if month_from_name(m).is_some() && year_of(y).is_some() => finish(HDate::ym(
            cal,
            year_of(y).expect("checked"),
            month_from_name(m).expect("checked"),
        )?),
        // 25 October 1917, twenty-fifth October 1917, October 25, 1917
        [a, b, y] if year_of(y).is_some() => {
            let (m, d) = if month_from_name(a).is_some() {
                (a, b)
            } else {
                (b, a)
            };
            let month = month_from_name(m).ok_or_else(bad)?;
            let (d, _) = small_number(d).ok_or_else(bad)?;
            let d = u8::try_from(d).map_err(|_| bad())?;
            finish(HDate::ymd(cal, year_of(y).expect("checked"), month, d)?)
        }
        _ => Err(bad()),
    }
}

/// Removes calendar words ("O.S.", "(Old Style)", "N.S.", "Julian", "Gregorian",
/// "new style") from the end or the start of a date.
fn strip_calendar_words(text: &str) -> (String, Option<Calendar>) {
    let mut body = text.trim().to_string();
    let mut cal = None;
    let patterns: [(&str, Calendar); 12] = [
        ("(old style)", Calendar::Julian),
        ("(new style)", Calendar::Gregorian),
        ("old style", Calendar::Julian),
        ("new style", Calendar::Gregorian),
        ("(o.s.)", Calendar::Julian),
        ("(n.s.)", Calendar::Gregorian),
        ("o.s.", Calendar::Julian),
        ("n.s.", Calendar::Gregorian),
        ("(julian)", Calendar::Julian),
        ("(gregorian)", Calendar::Gregorian),
        ("julian", Calendar::Julian),
        ("gregorian", Calendar::Gregorian),
    ];
    loop {
        let lower = body.to_lowercase();
        let mut changed = false;
        for (p, c) in patterns {
            if lower.ends_with(p) && lower.is_char_boundary(lower.len() - p.len()) {
                let cut = body.len() - p.len();
                if body.is_char_boundary(cut) {
                    body.truncate(cut);
                    body = body.trim_end().trim_end_matches(',').trim_end().to_string();
                    cal = Some(c);
                    changed = true;
                    break;
                }
            }
            if lower.starts_with(p) && body.is_char_boundary(p.len()) {
                body = body[p.len()..].trim_start().to_string();
                cal = Some(c);
                changed = true;
                break;
            }
        }
        // Standalone "OS"/"NS" as the last word.
        for (p, c) in [(" os", Calendar::Julian), (" ns", Calendar::Gregorian)] {
            let lower = body.to_lowercase();
            if lower.ends_with(p) {
                let cut = body.len() - p.len();
                body.truncate(cut);
                cal = Some(c);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    (body, cal)
}

/// The same day in both calendars, for a date at day precision.
pub fn both_calendars(d: &HDate) -> Option<(HDate, HDate)> {
    if !d.precision.has_day() {
        return None;
    }
    let day = Day::from_ymd(d.calendar, d.year, d.month, d.day).ok()?;
    let (gy, gm, gd) = day.to_ymd(Calendar::Gregorian);
    let (jy, jm, jd) = day.to_ymd(Calendar::Julian);
    Some((
        HDate::ymd(Calendar::Gregorian, gy, gm, gd).ok()?,
        HDate::ymd(Calendar::Julian, jy, jm, jd).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> String {
        parse_date(s).unwrap().date.to_iso()
    }

    #[test]
    fn forms() {
        assert_eq!(iso("25 October 1917 O.S."), "1917-10-25[u-ca=julian]");
        assert_eq!(
            iso("25 October 1917 (Old Style)"),
            "1917-10-25[u-ca=julian]"
        );
        assert_eq!(iso("October 25, 1917, Julian"), "1917-10-25[u-ca=julian]");
        assert_eq!(iso("7 November 1917"), "1917-11-07");
        assert_eq!(iso("the twenty-fifth of October 1917"), "1917-10-25");
        assert_eq!(iso("the twenty fifth of October, 1917"), "1917-10-25");
        assert_eq!(iso("Oct. 25th 1917"), "1917-10-25");
        assert_eq!(iso("March 1921"), "1921-03");
        assert_eq!(iso("1917"), "1917");
        assert_eq!(iso("1910s"), "191");
        assert_eq!(iso("the 20th century"), "19");
        assert_eq!(iso("twentieth century"), "19");
        assert_eq!(iso("15 March 44 BC"), "-0043-03-15");
        assert_eq!(iso("25.10.1917"), "1917-10-25");
        assert_eq!(iso("1917-03"), "1917-03");
        assert_eq!(iso("+1917-11-07T00:00:00Z"), "1917-11-07");
        assert_eq!(
            parse_date("1917-10-25 OS").unwrap().stated_calendar,
            Some(Calendar::Julian)
        );
        assert_eq!(parse_date("7 November 1917").unwrap().stated_calendar, None);
    }

    #[test]
    fn bc_centuries() {
        let d = parse_date("5th century BC").unwrap().date;
        let i = d.interval().unwrap();
        // The 5th century BC is 500-401 BC: astronomical -499..-400, inside the interval.
        assert!(i.start <= Day::from_ymd(Calendar::Gregorian, -499, 1, 1).unwrap());
        assert!(i.end >= Day::from_ymd(Calendar::Gregorian, -400, 12, 31).unwrap());
    }

    #[test]
    fn rejects() {
        for s in [
            "",
            "31 February 1917",
            "Octember 1917",
            "yesterday",
            "0 BC",
            "the 0th century",
            "1917 Hebrew",
        ] {
            assert!(parse_date(s).is_err(), "{s}");
        }
    }

    #[test]
    fn small_numbers() {
        assert_eq!(small_number("twenty-fifth"), Some((25, true)));
        assert_eq!(small_number("21st"), Some((21, true)));
        assert_eq!(small_number("three"), Some((3, false)));
        assert_eq!(small_number("ninety"), Some((90, false)));
        assert_eq!(small_number("twenty-twenty"), None);
    }
}
