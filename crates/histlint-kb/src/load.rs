//! Reading a KB folder: TOML files -> checked [`Kb`], with every problem located at
//! `file:line`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use histlint_time::{Calendar, HDate, Relation};
use serde::Deserialize;
use toml::Spanned;

use crate::model::*;
use crate::normalize::normalize;
use crate::{Kb, Located, Problem, Severity};

// ---------------------------------------------------------------- raw TOML shapes

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    person: Vec<Spanned<RawEntity>>,
    #[serde(default)]
    place: Vec<Spanned<RawEntity>>,
    #[serde(default, alias = "organization")]
    organisation: Vec<Spanned<RawEntity>>,
    #[serde(default)]
    work: Vec<Spanned<RawEntity>>,
    #[serde(default)]
    event: Vec<Spanned<RawEvent>>,
    #[serde(default)]
    fact: Vec<Spanned<RawFact>>,
    #[serde(default)]
    quote: Vec<Spanned<RawQuote>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: Spanned<String>,
    title: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    year: Option<i64>,
    kind: Option<String>,
    url: Option<String>,
    isbn: Option<String>,
    #[allow(dead_code)] // reviewers' notes: accepted, never used as evidence
    note: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawSourceItem {
    id: String,
    at: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum RawSources {
    One(String),
    Item(RawSourceItem),
    Many(Vec<RawSourceItem>),
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawDateTable {
    date: Option<String>,
    calendar: Option<String>,
    precision: Option<u8>,
    circa: Option<bool>,
    unknown: Option<bool>,
    place: Option<String>,
    source: Option<RawSources>,
    at: Option<String>,
    #[allow(dead_code)] // reviewers' notes: accepted, never used as evidence
    note: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum RawDate {
    Str(String),
    Table(RawDateTable),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawName {
    name: String,
    start: Option<RawDate>,
    end: Option<RawDate>,
    source: Option<RawSources>,
    at: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: Spanned<String>,
    name: Option<String>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
    #[serde(default)]
    aliases: BTreeMap<String, Vec<String>>,
    description: Option<String>,
    wikidata: Option<String>,
    kind: Option<String>,
    gender: Option<String>,
    born: Option<Spanned<RawDate>>,
    died: Option<Spanned<RawDate>>,
    founded: Option<Spanned<RawDate>>,
    dissolved: Option<Spanned<RawDate>>,
    date: Option<Spanned<RawDate>>,
    part_of: Option<Spanned<String>>,
    place: Option<Spanned<String>>,
    coordinates: Option<Vec<f64>>,
    #[serde(default)]
    names: Vec<RawName>,
    author: Option<Spanned<OneOrMany>>,
    language: Option<String>,
    source: Option<Spanned<RawSources>>,
    at: Option<String>,
    #[allow(dead_code)] // reviewers' notes: accepted, never used as evidence
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: Spanned<String>,
    name: Option<String>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
    #[serde(default)]
    aliases: BTreeMap<String, Vec<String>>,
    description: Option<String>,
    wikidata: Option<String>,
    kind: Option<String>,
    start: Option<Spanned<RawDate>>,
    end: Option<Spanned<RawDate>>,
    place: Option<Spanned<String>>,
    participants: Option<Spanned<Vec<String>>>,
    part_of: Option<Spanned<String>>,
    outcome: Option<String>,
    source: Option<Spanned<RawSources>>,
    at: Option<String>,
    #[allow(dead_code)] // reviewers' notes: accepted, never used as evidence
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    id: Option<Spanned<String>>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    subject: Option<Spanned<String>>,
    object: Option<Spanned<String>>,
    place: Option<Spanned<String>>,
    organisation: Option<Spanned<String>>,
    event: Option<Spanned<String>>,
    role: Option<String>,
    relation: Option<String>,
    cause: Option<String>,
    aspect: Option<String>,
    state: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    keywords: Vec<String>,
    by: Option<Spanned<OneOrMany>>,
    weapon: Option<String>,
    date: Option<Spanned<RawDate>>,
    start: Option<Spanned<RawDate>>,
    end: Option<Spanned<RawDate>>,
    rank: Option<String>,
    #[allow(dead_code)] // reviewers' notes: accepted, never used as evidence
    note: Option<String>,
    source: Option<Spanned<RawSources>>,
    at: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLangText {
    language: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuote {
    id: Spanned<String>,
    text: Option<String>,
    language: Option<String>,
    speaker: Option<Spanned<String>>,
    status: Spanned<String>,
    work: Option<Spanned<String>>,
    work_title: Option<String>,
    date: Option<Spanned<RawDate>>,
    location: Option<String>,
    original: Option<RawLangText>,
    #[serde(default)]
    translations: Vec<RawLangText>,
    attributed_to: Option<Spanned<OneOrMany>>,
    origin: Option<String>,
    #[allow(dead_code)] // reviewers' notes: accepted, never used as evidence
    note: Option<String>,
    source: Option<Spanned<RawSources>>,
    at: Option<String>,
}

// ---------------------------------------------------------------- conversion

/// What kinds a reference may point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Person,
    Place,
    Organisation,
    Work,
    Event,
    Source,
    Entity,
    EntityOrEvent,
}

impl Want {
    fn accepts(self, kind: &str) -> bool {
        match self {
            Want::Person => kind == "person",
            Want::Place => kind == "place",
            Want::Organisation => kind == "organisation",
            Want::Work => kind == "work",
            Want::Event => kind == "event",
            Want::Source => kind == "source",
            Want::Entity => matches!(kind, "person" | "place" | "organisation" | "work"),
            Want::EntityOrEvent => {
                matches!(kind, "person" | "place" | "organisation" | "work" | "event")
            }
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Want::Person => "a person",
            Want::Place => "a place",
            Want::Organisation => "an organisation",
            Want::Work => "a work",
            Want::Event => "an event",
            Want::Source => "a source",
            Want::Entity => "a person, place, organisation or work",
            Want::EntityOrEvent => "an entity or event",
        }
    }
}

struct PendingRef {
    id: String,
    want: Want,
    line: usize,
    field: &'static str,
}

struct FileCx<'a> {
    file: &'a str,
    line_starts: Vec<usize>,
    problems: &'a mut Vec<Problem>,
    refs: &'a mut Vec<(String, PendingRef)>,
}

impl FileCx<'_> {
    fn line(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    fn error(&mut self, line: usize, message: String) {
        self.problems.push(Problem {
            severity: Severity::Error,
            file: self.file.to_string(),
            line,
            message,
        });
    }

    fn refer(&mut self, id: &str, want: Want, line: usize, field: &'static str) {
        self.refs.push((
            self.file.to_string(),
            PendingRef {
                id: id.to_string(),
                want,
                line,
                field,
            },
        ));
    }

    fn refer_spanned(
        &mut self,
        id: &Option<Spanned<String>>,
        want: Want,
        field: &'static str,
    ) -> Option<String> {
        let s = id.as_ref()?;
        let line = self.line(s.span().start);
        self.refer(s.get_ref(), want, line, field);
        Some(s.get_ref().clone())
    }

    fn sources(
        &mut self,
        raw: Option<RawSources>,
        at: Option<String>,
        line: usize,
    ) -> Vec<SourceRef> {
        let out = match raw {
            None => Vec::new(),
            Some(RawSources::One(id)) => vec![SourceRef {
                source: id,
                at: at.clone(),
            }],
            Some(RawSources::Item(it)) => vec![SourceRef {
                source: it.id,
                at: it.at.or(at.clone()),
            }],
            Some(RawSources::Many(v)) => v
                .into_iter()
                .map(|it| SourceRef {
                    source: it.id,
                    at: it.at.or(at.clone()),
                })
                .collect(),
        };
        for s in &out {
            self.refer(&s.source, Want::Source, line, "source");
        }
        out
    }

    fn spanned_sources(
        &mut self,
        raw: Option<Spanned<RawSources>>,
        at: Option<String>,
    ) -> Vec<SourceRef> {
        match raw {
            None => Vec::new(),
            Some(s) => {
                let line = self.line(s.span().start);
                self.sources(Some(s.into_inner()), at, line)
            }
        }
    }

    /// Reads a date value; reports a problem and returns `None` when it is not valid.
    fn date(&mut self, raw: &RawDate, line: usize, field: &str) -> Option<KbDate> {
        let (text, calendar, precision, circa) = match raw {
            RawDate::Str(s) => (s.clone(), None, None, false),
            RawDate::Table(t) => match &t.date {
                Some(d) => (
                    d.clone(),
                    t.calendar.clone(),
                    t.precision,
                    t.circa.unwrap_or(false),
                ),
                None => {
                    if t.unknown != Some(true) {
                        self.error(line, format!("`{field}` has no `date` (write `unknown = true` if the record says the date is unknown)"));
                    }
                    return None;
                }
            },
        };
        let cal = match &calendar {
            None => None,
            Some(c) => {
                match Calendar::parse(c) {
                    Some(c) => Some(c),
                    None => {
                        self.error(line, format!("`{field}`: unknown calendar {c:?} (use \"gregorian\" or \"julian\")"));
                        return None;
                    }
                }
            }
        };
        let parsed = if let Some(p) = precision {
            let (value, inline_cal) =
                histlint_time::date::split_calendar(&text).unwrap_or((&text, None));
            HDate::from_wikidata(value, p, cal.or(inline_cal).unwrap_or(Calendar::Gregorian))
        } else {
            match (
                cal,
                histlint_time::date::split_calendar(&text).and_then(|x| x.1),
            ) {
                (Some(c), Some(inline)) if c != inline => Err(histlint_time::TimeError::Syntax(
                    format!("{text} (the date says {inline} but `calendar` says {c})"),
                )),
                (c, _) => HDate::parse_iso_in(&text, c.unwrap_or(Calendar::Gregorian)),
            }
        };
        match parsed {
            Ok(date) => match date.interval() {
                Ok(_) => Some(KbDate { date, circa }),
                Err(e) => {
                    self.error(line, format!("`{field}`: {e}"));
                    None
                }
            },
            Err(e @ histlint_time::TimeError::Syntax(_)) => {
                self.error(line, format!("`{field}`: {e}; expected an ISO date such as 1917-11-07, 1917-11 or 1917, with `calendar = \"julian\"` for Old Style"));
                None
            }
            Err(e) => {
                self.error(line, format!("`{field}`: {e}"));
                None
            }
        }
    }

    fn spanned_date(
        &mut self,
        raw: &Option<Spanned<RawDate>>,
        field: &str,
    ) -> Option<(KbDate, usize)> {
        let s = raw.as_ref()?;
        let line = self.line(s.span().start);
        self.date(s.get_ref(), line, field).map(|d| (d, line))
    }

    /// A birth/death/founding: a date plus place and sources.
    fn dated(
        &mut self,
        raw: &Option<Spanned<RawDate>>,
        field: &'static str,
        fallback: &[SourceRef],
    ) -> Option<(Dated, usize)> {
        let s = raw.as_ref()?;
        let line = self.line(s.span().start);
        let date = self.date(s.get_ref(), line, field);
        let (place, sources) = match s.get_ref() {
            RawDate::Str(_) => (None, Vec::new()),
            RawDate::Table(t) => {
                if let Some(p) = &t.place {
                    self.refer(p, Want::Place, line, "place");
                }
                (
                    t.place.clone(),
                    self.sources(t.source.clone(), t.at.clone(), line),
                )
            }
        };
        let sources = if sources.is_empty() {
            fallback.to_vec()
        } else {
            sources
        };
        if sources.is_empty() {
            self.error(
                line,
                format!("`{field}` has no source: give `source` on it or on the record"),
            );
        }
        Some((
            Dated {
                date,
                place,
                sources,
            },
            line,
        ))
    }

    fn check_order(&mut self, a: Option<&KbDate>, b: Option<&KbDate>, line: usize, what: &str) {
        let (Some(a), Some(b)) = (a, b) else { return };
        let (Ok(ai), Ok(bi)) = (a.interval(), b.interval()) else {
            return;
        };
        let ea = histlint_time::Extent::within(ai);
        let eb = histlint_time::Extent::within(bi);
        if eb.compare(&ea) == Relation::Before {
            self.error(
                line,
                format!(
                    "{what}: {} is before {}",
                    b.date.describe(),
                    a.date.describe()
                ),
            );
        }
    }

    fn need_source(&mut self, sources: &[SourceRef], line: usize, what: &str) {
        if sources.is_empty() {
            self.error(
                line,
                format!("{what} has no source: every fact needs `source = \"<source id>\"`"),
            );
        }
    }

    fn need_name(&mut self, name: Option<String>, line: usize, id: &str) -> String {
        name.unwrap_or_else(|| {
            self.error(line, format!("`{id}` has no `name`"));
            id.to_string()
        })
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn entity(
    cx: &mut FileCx,
    raw: Spanned<RawEntity>,
    kind: EntityKind,
    out: &mut Vec<Located<Record>>,
) {
    let line = cx.line(raw.span().start);
    let r = raw.into_inner();
    let id = r.id.get_ref().clone();
    let name = cx.need_name(r.name, line, &id);
    let sources = cx.spanned_sources(r.source, r.at);
    let wrong = |cx: &mut FileCx, present: bool, field: &str| {
        if present {
            cx.error(
                line,
                format!("`{field}` does not apply to a {} (`{id}`)", kind.name()),
            );
        }
    };
    wrong(
        cx,
        kind != EntityKind::Person && (r.born.is_some() || r.died.is_some()),
        "born/died",
    );
    wrong(
        cx,
        kind != EntityKind::Person && r.gender.is_some(),
        "gender",
    );
    wrong(
        cx,
        kind != EntityKind::Organisation && (r.founded.is_some() || r.dissolved.is_some()),
        "founded/dissolved",
    );
    wrong(
        cx,
        kind != EntityKind::Work && (r.author.is_some() || r.date.is_some()),
        "author/date",
    );
    wrong(
        cx,
        kind == EntityKind::Person && r.part_of.is_some(),
        "part_of",
    );
    let (start_raw, end_raw, sf, ef) = match kind {
        EntityKind::Person => (r.born, r.died, "born", "died"),
        EntityKind::Organisation => (r.founded, r.dissolved, "founded", "dissolved"),
        EntityKind::Work => (r.date, None, "date", "date"),
        EntityKind::Place => (None, None, "", ""),
    };
    let start = cx.dated(&start_raw, sf, &sources);
    let end = cx.dated(&end_raw, ef, &sources);
    if let (Some((s, _)), Some((e, eline))) = (&start, &end) {
        let what = if kind == EntityKind::Person {
            "death before birth"
        } else {
            "end before start"
        };
        cx.check_order(s.date.as_ref(), e.date.as_ref(), *eline, what);
    }
    if start.is_none() && end.is_none() && sources.is_empty() {
        cx.error(line, format!("{} `{id}` has no source", kind.name()));
    }
    let part_of = cx.refer_spanned(
        &r.part_of,
        if kind == EntityKind::Place {
            Want::Place
        } else {
            Want::EntityOrEvent
        },
        "part_of",
    );
    let place = cx.refer_spanned(&r.place, Want::Place, "place");
    let authors = match r.author {
        None => Vec::new(),
        Some(a) => {
            let l = cx.line(a.span().start);
            let v = a.into_inner().into_vec();
            for p in &v {
                cx.refer(p, Want::Person, l, "author");
            }
            v
        }
    };
    let coordinates = match r.coordinates.as_deref() {
        None => None,
        Some([la, lo]) if (-90.0..=90.0).contains(la) && (-180.0..=180.0).contains(lo) => {
            Some((*la, *lo))
        }
        Some(_) => {
            cx.error(
                line,
                "`coordinates` must be [latitude, longitude] in degrees".to_string(),
            );
            None
        }
    };
    let mut names = Vec::new();
    for n in r.names {
        let s = n
            .start
            .as_ref()
            .and_then(|d| cx.date(d, line, "names.start"));
        let e = n.end.as_ref().and_then(|d| cx.date(d, line, "names.end"));
        cx.check_order(s.as_ref(), e.as_ref(), line, "end before start");
        let src = cx.sources(n.source, n.at, line);
        let src = if src.is_empty() { sources.clone() } else { src };
        names.push(PeriodName {
            name: n.name,
            start: s,
            end: e,
            sources: src,
        });
    }
    out.push(Located {
        file: cx.file.to_string(),
        line,
        value: Record::Entity(Entity {
            id,
            kind,
            name,
            labels: r.labels,
            aliases: r.aliases,
            description: r.description,
            wikidata: r.wikidata,
            subkind: r.kind,
            gender: r.gender,
            start: start.map(|x| x.0),
            end: end.map(|x| x.0),
            part_of,
            place,
            coordinates,
            names,
            authors,
            language: r.language,
            sources,
        }),
    });
}

fn event(cx: &mut FileCx, raw: Spanned<RawEvent>, out: &mut Vec<Located<Record>>) {
    let line = cx.line(raw.span().start);
    let r = raw.into_inner();
    let id = r.id.get_ref().clone();
    let name = cx.need_name(r.name, line, &id);
    let sources = cx.spanned_sources(r.source, r.at);
    cx.need_source(&sources, line, &format!("event `{id}`"));
    let start = cx.spanned_date(&r.start, "start");
    let end = cx.spanned_date(&r.end, "end");
    if r.start.is_none() {
        cx.error(line, format!("event `{id}` has no `start` date"));
    }
    if let (Some((s, _)), Some((e, eline))) = (&start, &end) {
        cx.check_order(Some(s), Some(e), *eline, "end before start");
    }
    let place = cx.refer_spanned(&r.place, Want::Place, "place");
    let part_of = cx.refer_spanned(&r.part_of, Want::Event, "part_of");
    let participants = match r.participants {
        None => Vec::new(),
        Some(ps) => {
            let pline = cx.line(ps.span().start);
            let ps = ps.into_inner();
            for p in &ps {
                cx.refer(p, Want::Entity, pline, "participants");
            }
            ps
        }
    };
    let Some((start, _)) = start else { return };
    out.push(Located {
        file: cx.file.to_string(),
        line,
        value: Record::Event(Event {
            id,
            name,
            labels: r.labels,
            aliases: r.aliases,
            description: r.description,
            wikidata: r.wikidata,
            subkind: r.kind,
            start,
            end: end.map(|e| e.0),
            place,
            participants,
            part_of,
            outcome: r.outcome,
            sources,
        }),
    });
}

fn fact(cx: &mut FileCx, raw: Spanned<RawFact>, out: &mut Vec<Located<Record>>) {
    let line = cx.line(raw.span().start);
    let r = raw.into_inner();
    let kind = match r.kind.get_ref().as_str() {
        "role" => FactKind::Role,
        "whereabouts" => FactKind::Whereabouts,
        "met" => FactKind::Met,
        "never-met" => FactKind::NeverMet,
        "member" => FactKind::Member,
        "relative" => FactKind::Relative,
        "cause-of-death" => FactKind::CauseOfDeath,
        "participant" => FactKind::Participant,
        "event-date" => FactKind::EventDate,
        "state" => FactKind::State,
        other => {
            cx.error(line, format!("unknown fact type {other:?}; expected one of role, whereabouts, met, never-met, member, relative, cause-of-death, participant, event-date, state"));
            return;
        }
    };
    let what = format!("{} fact", kind.name());
    let sources = cx.spanned_sources(r.source, r.at);
    cx.need_source(&sources, line, &what);
    let need = |cx: &mut FileCx, present: bool, field: &str| {
        if !present {
            cx.error(line, format!("{what} needs `{field}`"));
        }
    };
    let subject_src = if kind == FactKind::EventDate {
        &r.event
    } else {
        &r.subject
    };
    need(
        cx,
        subject_src.is_some(),
        if kind == FactKind::EventDate {
            "event"
        } else {
            "subject"
        },
    );
    let subject_want = match kind {
        FactKind::EventDate => Want::Event,
        FactKind::Role
        | FactKind::Whereabouts
        | FactKind::Met
        | FactKind::NeverMet
        | FactKind::Relative
        | FactKind::CauseOfDeath => Want::Person,
        FactKind::Member | FactKind::Participant | FactKind::State => Want::Entity,
    };
    let subject = cx.refer_spanned(
        subject_src,
        subject_want,
        if kind == FactKind::EventDate {
            "event"
        } else {
            "subject"
        },
    );
    let object_want = match kind {
        FactKind::Met | FactKind::NeverMet | FactKind::Relative => Want::Person,
        _ => Want::EntityOrEvent,
    };
    if matches!(
        kind,
        FactKind::Met | FactKind::NeverMet | FactKind::Relative
    ) {
        need(cx, r.object.is_some(), "object");
    }
    let object = cx.refer_spanned(&r.object, object_want, "object");
    if kind == FactKind::Whereabouts {
        need(cx, r.place.is_some(), "place");
    }
    let place = cx.refer_spanned(&r.place, Want::Place, "place");
    if kind == FactKind::Member {
        need(cx, r.organisation.is_some(), "organisation");
    }
    let organisation = cx.refer_spanned(&r.organisation, Want::Organisation, "organisation");
    if kind == FactKind::Participant {
        need(cx, r.event.is_some(), "event");
    }
    let event = if kind == FactKind::EventDate {
        None
    } else {
        cx.refer_spanned(&r.event, Want::Event, "event")
    };
    let value = match kind {
        FactKind::Role => {
            need(cx, r.role.is_some(), "role");
            r.role
        }
        FactKind::Relative => {
            need(cx, r.relation.is_some(), "relation");
            const RELATIONS: [&str; 7] = [
                "spouse",
                "partner",
                "child",
                "parent",
                "sibling",
                "grandchild",
                "grandparent",
            ];
            if let Some(rel) = &r.relation
                && !RELATIONS.contains(&rel.as_str())
            {
                cx.error(
                    line,
                    format!(
                        "unknown relation {rel:?}; expected one of {}",
                        RELATIONS.join(", ")
                    ),
                );
            }
            r.relation
        }
        FactKind::CauseOfDeath => {
            need(cx, r.cause.is_some(), "cause");
            r.cause
        }
        FactKind::Participant => r.role,
        FactKind::EventDate => r.aspect,
        FactKind::State => {
            need(cx, r.state.is_some(), "state");
            need(cx, !r.keywords.is_empty(), "keywords");
            need(cx, r.start.is_some() || r.date.is_some(), "start");
            r.state
        }
        _ => r.role.or(r.aspect),
    };
    let by = match r.by {
        None => Vec::new(),
        Some(b) => {
            let l = cx.line(b.span().start);
            let v = b.into_inner().into_vec();
            for p in &v {
                cx.refer(p, Want::EntityOrEvent, l, "by");
            }
            v
        }
    };
    if r.date.is_some() && (r.start.is_some() || r.end.is_some()) {
        cx.error(
            line,
            format!("{what}: give either `date` or `start`/`end`, not both"),
        );
    }
    let date = cx.spanned_date(&r.date, "date");
    let start = cx.spanned_date(&r.start, "start");
    let end = cx.spanned_date(&r.end, "end");
    if let (Some((s, _)), Some((e, eline))) = (&start, &end) {
        cx.check_order(Some(s), Some(e), *eline, "end before start");
    }
    if kind == FactKind::EventDate && date.is_none() && start.is_none() {
        cx.error(line, format!("{what} needs `date` or `start`"));
    }
    let (start, end) = match date {
        Some((d, _)) => (Some(d), Some(d)),
        None => (start.map(|x| x.0), end.map(|x| x.0)),
    };
    let id = r.id.map(|s| s.into_inner());
    let Some(subject) = subject else { return };
    if let Some(rank) = &r.rank
        && !matches!(rank.as_str(), "preferred" | "normal" | "deprecated")
    {
        cx.error(
            line,
            format!("unknown rank {rank:?}; expected preferred, normal or deprecated"),
        );
    }
    out.push(Located {
        file: cx.file.to_string(),
        line,
        value: Record::Fact(Fact {
            id,
            kind,
            subject,
            object,
            place,
            organisation,
            event,
            value,
            by,
            weapon: r.weapon,
            aliases: r.aliases,
            keywords: r.keywords,
            start,
            end,
            rank: r.rank,
            note: r.note,
            sources,
        }),
    });
}

fn quote(cx: &mut FileCx, raw: Spanned<RawQuote>, out: &mut Vec<Located<Record>>) {
    let line = cx.line(raw.span().start);
    let r = raw.into_inner();
    let id = r.id.get_ref().clone();
    let status = match r.status.get_ref().as_str() {
        "attested" => QuoteStatus::Attested,
        "misattributed" => QuoteStatus::Misattributed,
        "unattested" => QuoteStatus::Unattested,
        other => {
            cx.error(line, format!("quote `{id}`: unknown status {other:?}; expected attested, misattributed or unattested"));
            return;
        }
    };
    let sources = cx.spanned_sources(r.source, r.at);
    cx.need_source(&sources, line, &format!("quote `{id}`"));
    let speaker = cx.refer_spanned(&r.speaker, Want::Person, "speaker");
    let work = cx.refer_spanned(&r.work, Want::Work, "work");
    let attributed_to = match r.attributed_to {
        None => Vec::new(),
        Some(a) => {
            let l = cx.line(a.span().start);
            let v = a.into_inner().into_vec();
            for p in &v {
                cx.refer(p, Want::Person, l, "attributed_to");
            }
            v
        }
    };
    let date = cx.spanned_date(&r.date, "date").map(|d| d.0);
    let text = r.text.unwrap_or_else(|| {
        cx.error(line, format!("quote `{id}` has no `text`"));
        String::new()
    });
    let language = r.language.unwrap_or_else(|| {
        cx.error(line, format!("quote `{id}` has no `language`"));
        String::new()
    });
    match status {
        QuoteStatus::Attested => {
            if speaker.is_none() {
                cx.error(line, format!("attested quote `{id}` needs `speaker`"));
            }
            if work.is_none() && r.work_title.is_none() {
                cx.error(
                    line,
                    format!("attested quote `{id}` needs `work` or `work_title`"),
                );
            }
            if r.location.is_none() {
                cx.error(
                    line,
                    format!("attested quote `{id}` needs `location` (chapter, page or section)"),
                );
            }
        }
        QuoteStatus::Misattributed | QuoteStatus::Unattested => {
            if attributed_to.is_empty() {
                cx.error(
                    line,
                    format!("{} quote `{id}` needs `attributed_to`", status.name()),
                );
            }
        }
    }
    out.push(Located {
        file: cx.file.to_string(),
        line,
        value: Record::Quote(Quote {
            id,
            text,
            language,
            speaker,
            status,
            work,
            work_title: r.work_title,
            date,
            location: r.location,
            original: r.original.map(|o| LangText {
                language: o.language,
                text: o.text,
            }),
            translations: r
                .translations
                .into_iter()
                .map(|o| LangText {
                    language: o.language,
                    text: o.text,
                })
                .collect(),
            attributed_to,
            origin: r.origin,
            note: r.note,
            sources,
        }),
    });
}

fn source(cx: &mut FileCx, raw: Spanned<RawSource>, out: &mut Vec<Located<Record>>) {
    let line = cx.line(raw.span().start);
    let r = raw.into_inner();
    let id = r.id.into_inner();
    let title = r.title.unwrap_or_else(|| {
        cx.error(line, format!("source `{id}` has no `title`"));
        String::new()
    });
    if r.author.is_none() && r.publisher.is_none() && r.url.is_none() {
        cx.error(
            line,
            format!("source `{id}` needs at least one of `author`, `publisher`, `url`"),
        );
    }
    out.push(Located {
        file: cx.file.to_string(),
        line,
        value: Record::Source(Source {
            id,
            title,
            author: r.author,
            publisher: r.publisher,
            year: r.year,
            kind: r.kind,
            url: r.url,
            isbn: r.isbn,
        }),
    });
}

/// An error that makes a KB folder unusable (not a problem inside it).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: no *.toml files found; is this a histlint KB folder?")]
    Empty { path: PathBuf },
}

/// Reads every `*.toml` file under `dir` (sorted), checks it, and returns the KB
/// with its problems. Files that are not valid TOML are reported as problems.
pub fn load_dir(dir: &Path) -> Result<Kb, LoadError> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    if files.is_empty() {
        return Err(LoadError::Empty {
            path: dir.to_path_buf(),
        });
    }
    files.sort();
    let mut texts = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| LoadError::Io {
            path: f.clone(),
            source: e,
        })?;
        let name = f.strip_prefix(dir).unwrap_or(&f);
        let shown = dir.join(name).display().to_string();
        texts.push((shown, bytes));
    }
    Ok(load_texts(
        texts.iter().map(|(n, b)| (n.as_str(), b.as_slice())),
    ))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let rd = std::fs::read_dir(dir).map_err(|e| LoadError::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    for entry in rd {
        let entry = entry.map_err(|e| LoadError::Io {
            path: dir.to_path_buf(),
            source: e,
        })?;
        let p = entry.path();
        let ft = entry.file_type().map_err(|e| LoadError::Io {
            path: p.clone(),
            source: e,
        })?;
        if ft.is_dir() {
            if !p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                collect(&p, out)?;
            }
        } else if p.extension().is_some_and(|e| e == "toml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Checks KB files given as (name, bytes), in the given order.
pub fn load_texts<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Kb {
    let mut problems = Vec::new();
    let mut refs = Vec::new();
    let mut records: Vec<Located<Record>> = Vec::new();
    for (name, bytes) in files {
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count()
                    + 1;
                problems.push(Problem {
                    severity: Severity::Error,
                    file: name.to_string(),
                    line,
                    message: format!(
                        "not UTF-8 (invalid byte at offset {}); KB files must be UTF-8",
                        e.valid_up_to()
                    ),
                });
                continue;
            }
        };
        let starts = line_starts(text);
        let raw: RawFile = match toml::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                let line = e.span().map(|s| match starts.binary_search(&s.start) {
                    Ok(i) => i + 1,
                    Err(i) => i,
                });
                problems.push(Problem {
                    severity: Severity::Error,
                    file: name.to_string(),
                    line: line.unwrap_or(1),
                    message: e.message().trim().to_string(),
                });
                continue;
            }
        };
        let mut cx = FileCx {
            file: name,
            line_starts: starts,
            problems: &mut problems,
            refs: &mut refs,
        };
        for s in raw.source {
            source(&mut cx, s, &mut records);
        }
        for (list, kind) in [
            (raw.person, EntityKind::Person),
            (raw.place, EntityKind::Place),
            (raw.organisation, EntityKind::Organisation),
            (raw.work, EntityKind::Work),
        ] {
            for e in list {
                entity(&mut cx, e, kind, &mut records);
            }
        }
        for e in raw.event {
            event(&mut cx, e, &mut records);
        }
        for f in raw.fact {
            fact(&mut cx, f, &mut records);
        }
        for q in raw.quote {
            quote(&mut cx, q, &mut records);
        }
    }
    // Ids: well-formed and unique.
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        let Some(id) = r.value.id() else { continue };
        if !is_valid_id(id) {
            problems.push(Problem::error(
                &r.file,
                r.line,
                format!("id {id:?} is not kebab-case ([a-z0-9]+ joined by single '-')"),
            ));
        }
        if let Some(&first) = by_id.get(id) {
            let f = &records[first];
            problems.push(Problem::error(
                &r.file,
                r.line,
                format!(
                    "duplicate id `{id}` (first defined at {}:{})",
                    f.file, f.line
                ),
            ));
        } else {
            by_id.insert(id.to_string(), i);
        }
    }
    // References.
    for (file, r) in refs {
        match by_id.get(&r.id) {
            None => problems.push(Problem::error(
                &file,
                r.line,
                format!("`{}` refers to unknown id `{}`", r.field, r.id),
            )),
            Some(&i) => {
                let kind = records[i].value.kind_name();
                if !r.want.accepts(kind) {
                    problems.push(Problem::error(
                        &file,
                        r.line,
                        format!(
                            "`{}` must refer to {}, but `{}` is a {kind}",
                            r.field,
                            r.want.describe(),
                            r.id
                        ),
                    ));
                }
            }
        }
    }
    // A birth after the death of a parent's child etc. is out of scope; facts dated
    // outside their subject's life are errors.
    for r in &records {
        let Record::Fact(f) = &r.value else { continue };
        if f.kind == FactKind::CauseOfDeath || f.kind == FactKind::EventDate {
            continue;
        }
        let Some(&pi) = by_id.get(&f.subject) else {
            continue;
        };
        let Record::Entity(p) = &records[pi].value else {
            continue;
        };
        if p.kind != EntityKind::Person {
            continue;
        }
        let born = p
            .start
            .as_ref()
            .and_then(|d| d.date)
            .and_then(|d| d.interval().ok());
        if let (Some(b), Some(s)) = (born, f.start.and_then(|d| d.interval().ok()))
            && s.end < b.start
        {
            problems.push(Problem::error(
                &r.file,
                r.line,
                format!(
                    "{} fact about `{}` starts before their birth",
                    f.kind.name(),
                    p.id
                ),
            ));
        }
    }
    // The same fact recorded twice (same kind, subject, object, organisation, place and
    // value, with overlapping dates): a warning naming where the first one is. Repeated
    // stays or terms in separate periods are separate facts and pass.
    type FactKey<'k> = (
        FactKind,
        &'k str,
        Option<&'k str>,
        Option<&'k str>,
        Option<&'k str>,
        Option<String>,
    );
    let mut seen_facts: HashMap<FactKey, Vec<usize>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        let Record::Fact(f) = &r.value else { continue };
        if matches!(f.kind, FactKind::EventDate | FactKind::Participant) {
            continue;
        }
        let key = (
            f.kind,
            f.subject.as_str(),
            f.object.as_deref(),
            f.organisation.as_deref(),
            f.place.as_deref(),
            f.value.as_deref().map(normalize),
        );
        let span = |x: &Fact| x.extent().and_then(Result::ok).map(|e| e.hull());
        let earlier = seen_facts.entry(key).or_default();
        let twin = earlier.iter().copied().find(|&j| {
            let Record::Fact(g) = &records[j].value else {
                return false;
            };
            match (span(f), span(g)) {
                (Some(a), Some(b)) => a.intersects(&b),
                (None, None) => true,
                _ => false,
            }
        });
        if let Some(j) = twin {
            let Record::Fact(g) = &records[j].value else {
                continue;
            };
            let differ = if (f.start, f.end) == (g.start, g.end) {
                ""
            } else {
                " with different dates"
            };
            problems.push(Problem {
                severity: Severity::Warning,
                file: r.file.clone(),
                line: r.line,
                message: format!(
                    "{} fact about `{}` repeats the one at {}:{}{differ}; keep one",
                    f.kind.name(),
                    f.subject,
                    records[j].file,
                    records[j].line
                ),
            });
        }
        earlier.push(i);
    }
    // Alias collisions (warnings).
    let mut seen: HashMap<String, (String, String, usize)> = HashMap::new();
    let mut collisions: BTreeMap<(String, usize, String), String> = BTreeMap::new();
    for r in &records {
        let Some(id) = r.value.id() else { continue };
        for n in r.value.names() {
            let key = normalize(n);
            if key.is_empty() {
                continue;
            }
            match seen.get(&key) {
                Some((other, _, _)) if other != id => {
                    collisions.entry((r.file.clone(), r.line, key.clone())).or_insert_with(|| {
                        format!("alias {n:?} of `{id}` is also a name of `{other}`; mentions of it will be ambiguous")
                    });
                }
                Some(_) => {}
                None => {
                    seen.insert(key, (id.to_string(), r.file.clone(), r.line));
                }
            }
        }
    }
    for ((file, line, _), message) in collisions {
        problems.push(Problem {
            severity: Severity::Warning,
            file,
            line,
            message,
        });
    }
    problems.sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    problems.dedup();
    Kb::new(records, problems)
}

/// Ids are kebab-case ASCII.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
