//! A view of the compiled KB shaped for the rules: decoded records cached on first
//! use, and the questions rules ask (a person's life, roles, whereabouts; an event's
//! extent; where a place lies) answered from the records' links.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use histlint_kb::{CompiledKb, EntityKind, Fact, FactKind, Located, Record};
use histlint_time::{DayInterval, Extent};

/// Evidence: a KB record and where it says so.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Evidence {
    /// The KB id of the record (facts without ids: their subject's id).
    pub id: String,
    /// What the record says, in words.
    pub statement: String,
    /// Each source as a citation: author, title, publisher, year, location, URL.
    pub sources: Vec<Citation>,
    /// Where the record is in the KB files.
    pub kb_file: String,
    pub kb_line: usize,
}

/// One source of a piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Citation {
    pub source: String,
    pub citation: String,
}

pub struct KbView<'a> {
    pub kb: &'a CompiledKb,
    cache: RefCell<HashMap<u32, Rc<Located<Record>>>>,
}

impl<'a> KbView<'a> {
    pub fn new(kb: &'a CompiledKb) -> KbView<'a> {
        KbView {
            kb,
            cache: RefCell::new(HashMap::new()),
        }
    }

    /// Record `i`, decoded once.
    pub fn get(&self, i: u32) -> Option<Rc<Located<Record>>> {
        if let Some(r) = self.cache.borrow().get(&i) {
            return Some(r.clone());
        }
        let r = Rc::new(self.kb.located(i)?);
        self.cache.borrow_mut().insert(i, r.clone());
        Some(r)
    }

    pub fn by_id(&self, id: &str) -> Option<(u32, Rc<Located<Record>>)> {
        let i = self.kb.id_index(id)?;
        Some((i, self.get(i)?))
    }

    pub fn label(&self, id: &str) -> String {
        self.by_id(id)
            .map(|(_, r)| r.value.label().to_string())
            .unwrap_or_else(|| id.to_string())
    }

    /// The records that refer to record `i`, decoded.
    pub fn linked(&self, i: u32) -> Vec<(u32, Rc<Located<Record>>)> {
        self.kb
            .linked(i)
            .into_iter()
            .filter_map(|j| self.get(j).map(|r| (j, r)))
            .collect()
    }

    /// Facts of a kind whose subject is record `i`.
    pub fn facts_about(&self, i: u32, kind: FactKind) -> Vec<(u32, Rc<Located<Record>>)> {
        let Some(rec) = self.get(i) else {
            return Vec::new();
        };
        let Some(id) = rec.value.id() else {
            return Vec::new();
        };
        self.linked(i)
            .into_iter()
            .filter(
                |(_, r)| matches!(&r.value, Record::Fact(f) if f.kind == kind && f.subject == id),
            )
            .collect()
    }

    /// A person's life: birth and death intervals, where known.
    pub fn life(&self, i: u32) -> (Option<DayInterval>, Option<DayInterval>) {
        let Some(rec) = self.get(i) else {
            return (None, None);
        };
        let Record::Entity(e) = &rec.value else {
            return (None, None);
        };
        let iv = |d: &Option<histlint_kb::Dated>| {
            d.as_ref()
                .and_then(|d| d.date)
                .and_then(|d| d.interval().ok())
        };
        (iv(&e.start), iv(&e.end))
    }

    /// When an event, organisation or work began (its start's interval).
    pub fn beginning(&self, i: u32) -> Option<DayInterval> {
        let rec = self.get(i)?;
        match &rec.value {
            Record::Event(e) => e.start.interval().ok(),
            Record::Entity(e) if matches!(e.kind, EntityKind::Organisation | EntityKind::Work) => {
                e.start.as_ref()?.date?.interval().ok()
            }
            _ => None,
        }
    }

    /// An event's extent.
    pub fn extent(&self, i: u32) -> Option<Extent> {
        match &self.get(i)?.value {
            Record::Event(e) => e.extent().ok(),
            _ => None,
        }
    }

    /// The chain of places containing `i`, itself first.
    pub fn place_chain(&self, i: u32) -> Vec<u32> {
        let mut out = vec![i];
        let mut cur = i;
        for _ in 0..16 {
            let Some(rec) = self.get(cur) else { break };
            let Record::Entity(e) = &rec.value else { break };
            let Some(parent) = e.part_of.as_deref().and_then(|p| self.kb.id_index(p)) else {
                break;
            };
            if out.contains(&parent) {
                break;
            }
            out.push(parent);
            cur = parent;
        }
        out
    }

    fn place_kind(&self, i: u32) -> Option<String> {
        match &self.get(i)?.value {
            Record::Entity(e) => e.subkind.clone(),
            _ => None,
        }
    }

    /// The country a place lies in, by its `part_of` chain.
    pub fn country(&self, i: u32) -> Option<u32> {
        self.place_chain(i)
            .into_iter()
            .find(|&p| self.place_kind(p).as_deref() == Some("country"))
    }

    /// Coordinates of a place, or of the settlement it is part of.
    pub fn coordinates(&self, i: u32) -> Option<(f64, f64)> {
        for p in self.place_chain(i) {
            let rec = self.get(p)?;
            let Record::Entity(e) = &rec.value else {
                return None;
            };
            if let Some(c) = e.coordinates {
                return Some(c);
            }
            if !matches!(
                e.subkind.as_deref(),
                Some(
                    "building"
                        | "street"
                        | "house"
                        | "palace"
                        | "district"
                        | "square"
                        | "fortress"
                        | "station"
                        | "institute"
                )
            ) {
                return None;
            }
        }
        None
    }

    /// Whether two places are certainly far apart: more than 100 km by coordinates,
    /// or in different countries. `None` when the KB cannot tell.
    pub fn far_apart(&self, a: u32, b: u32) -> Option<String> {
        let (ca, cb) = (self.place_chain(a), self.place_chain(b));
        if ca.contains(&b) || cb.contains(&a) {
            return None;
        }
        if let (Some(x), Some(y)) = (self.coordinates(a), self.coordinates(b)) {
            let d = haversine_km(x, y);
            return (d > 100.0).then(|| format!("{:.0} km apart", d));
        }
        match (self.country(a), self.country(b)) {
            (Some(x), Some(y)) if x != y => {
                Some(format!("in {} and {}", self.label_of(x), self.label_of(y)))
            }
            _ => None,
        }
    }

    fn label_of(&self, i: u32) -> String {
        self.get(i)
            .map(|r| r.value.label().to_string())
            .unwrap_or_default()
    }

    /// Evidence for record `i`.
    pub fn evidence(&self, i: u32) -> Option<Evidence> {
        let rec = self.get(i)?;
        let (id, statement, sources) = match &rec.value {
            Record::Event(e) => {
                let when = match &e.end {
                    Some(end) if end != &e.start => {
                        format!("{} to {}", describe(&e.start), describe(end))
                    }
                    _ => describe(&e.start),
                };
                let place = e
                    .place
                    .as_deref()
                    .map(|p| format!(", {}", self.label(p)))
                    .unwrap_or_default();
                (
                    e.id.clone(),
                    format!("{}: {when}{place}", e.name),
                    e.sources.clone(),
                )
            }
            Record::Entity(e) => {
                let mut s = e.name.clone();
                let (a, b) = match e.kind {
                    EntityKind::Person => ("born", "died"),
                    EntityKind::Organisation => ("founded", "dissolved"),
                    EntityKind::Work => ("written", ""),
                    EntityKind::Place => ("", ""),
                };
                let mut srcs = e.sources.clone();
                for (word, d) in [(a, &e.start), (b, &e.end)] {
                    if let Some(d) = d {
                        if let Some(date) = &d.date {
                            s.push_str(&format!(", {word} {}", describe(date)));
                        }
                        if let Some(p) = &d.place {
                            s.push_str(&format!(" in {}", self.label(p)));
                        }
                        for x in &d.sources {
                            if !srcs.contains(x) {
                                srcs.push(x.clone());
                            }
                        }
                    }
                }
                (e.id.clone(), s, srcs)
            }
            Record::Fact(f) => (
                f.id.clone().unwrap_or_else(|| f.subject.clone()),
                self.fact_statement(f),
                f.sources.clone(),
            ),
            Record::Quote(q) => (
                q.id.clone(),
                format!("“{}” ({})", q.text, q.status.name()),
                q.sources.clone(),
            ),
            Record::Source(s) => (s.id.clone(), s.title.clone(), Vec::new()),
        };
        let sources = sources
            .iter()
            .map(|r| Citation {
                source: r.source.clone(),
                citation: match self.by_id(&r.source).map(|(_, x)| x) {
                    Some(x) => match &x.value {
                        Record::Source(s) => s.cite(r.at.as_deref()),
                        _ => r.source.clone(),
                    },
                    None => r.source.clone(),
                },
            })
            .collect();
        Some(Evidence {
            id,
            statement,
            sources,
            kb_file: rec.file.clone(),
            kb_line: rec.line,
        })
    }

    /// A fact in words.
    pub fn fact_statement(&self, f: &Fact) -> String {
        let who = self.label(&f.subject);
        let span = match (&f.start, &f.end) {
            (Some(s), Some(e)) if s == e => format!(" on {}", describe(s)),
            (Some(s), Some(e)) => format!(" from {} to {}", describe(s), describe(e)),
            (Some(s), None) => format!(" from {}", describe(s)),
            (None, Some(e)) => format!(" until {}", describe(e)),
            (None, None) => String::new(),
        };
        let obj = |o: &Option<String>| o.as_deref().map(|x| self.label(x)).unwrap_or_default();
        match f.kind {
            FactKind::Role => format!(
                "{who} held the office of {}{span}",
                f.value.as_deref().unwrap_or("?")
            ),
            FactKind::Whereabouts => format!("{who} was in {}{span}", obj(&f.place)),
            FactKind::Met => format!("{who} met {}{span}", obj(&f.object)),
            FactKind::NeverMet => format!("{who} and {} never met", obj(&f.object)),
            FactKind::Member => format!("{who} was a member of {}{span}", obj(&f.organisation)),
            FactKind::Relative => format!(
                "{who} was the {} of {}",
                f.value.as_deref().unwrap_or("relative"),
                obj(&f.object)
            ),
            FactKind::CauseOfDeath => {
                format!("{who} died of {}{span}", f.value.as_deref().unwrap_or("?"))
            }
            FactKind::Participant => format!("{who} took part in {}", obj(&f.event)),
            FactKind::EventDate => format!("{}: {}{span}", who, f.value.as_deref().unwrap_or("")),
            FactKind::State => format!("{who}: {}{span}", f.value.as_deref().unwrap_or("")),
        }
    }
}

/// A KB date in words, with its New Style twin for Old Style days.
pub fn describe(d: &histlint_kb::KbDate) -> String {
    let mut s = d.date.describe();
    if d.date.calendar == histlint_time::Calendar::Julian
        && d.date.precision.has_day()
        && let Ok(g) = d.date.to_calendar(histlint_time::Calendar::Gregorian)
    {
        s = format!(
            "{} (O.S.) = {} (N.S.)",
            d.date.describe().trim_end_matches(" (Julian)"),
            g.describe()
        );
    }
    if d.circa {
        s = format!("c. {s}");
    }
    s
}

fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    #[test]
    fn haversine() {
        // Moscow - St Petersburg is about 635 km.
        let d = super::haversine_km((55.7558, 37.6173), (59.9375, 30.3086));
        assert!((600.0..670.0).contains(&d), "{d}");
    }
}
