//! The resolved KB model: what the TOML files say, checked and with dates read.
//!
//! These types are what the rest of histlint sees. They are serialisable, so the
//! compiled KB stores them as they are, and JSON output shows them as they are.

use std::collections::BTreeMap;

use histlint_time::{DayInterval, Extent, HDate, TimeError};
use serde::{Deserialize, Serialize};

/// Where in a source a fact is found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// A [`Source`] id.
    pub source: String,
    /// Page, chapter, section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// A work cited as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isbn: Option<String>,
}

impl Source {
    /// "Author, Title (Publisher, Year)" with the location appended.
    pub fn cite(&self, at: Option<&str>) -> String {
        let mut s = String::new();
        if let Some(a) = &self.author {
            s.push_str(a);
            s.push_str(", ");
        }
        s.push_str(&self.title);
        let mut pubyear = Vec::new();
        if let Some(p) = &self.publisher {
            pubyear.push(p.clone());
        }
        if let Some(y) = self.year {
            pubyear.push(y.to_string());
        }
        if !pubyear.is_empty() {
            s.push_str(&format!(" ({})", pubyear.join(", ")));
        }
        if let Some(at) = at {
            s.push_str(", ");
            s.push_str(at);
        }
        if let Some(u) = &self.url {
            s.push_str(&format!(" <{u}>"));
        }
        s
    }
}

/// A date as the KB holds it: the date as given, and whether the source says "about".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KbDate {
    pub date: HDate,
    #[serde(default)]
    pub circa: bool,
}

impl KbDate {
    /// The days this date may be: its interval, a year wider each side when "circa".
    pub fn interval(&self) -> Result<DayInterval, TimeError> {
        let i = self.date.interval()?;
        Ok(if self.circa {
            DayInterval::new(i.start.add_days(-366), i.end.add_days(366))
        } else {
            i
        })
    }
}

/// A date with where it happened and its sources: a birth, a death.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dated {
    /// `None` when the KB records the date as unknown.
    pub date: Option<KbDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub sources: Vec<SourceRef>,
}

/// The kinds of entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
    Work,
}

impl EntityKind {
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
            EntityKind::Work => "work",
        }
    }
}

/// A name a place or organisation bore for a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodName {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<KbDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<KbDate>,
    pub sources: Vec<SourceRef>,
}

/// A person, place, organisation or work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    /// Language -> preferred label.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// Language -> other names.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub aliases: BTreeMap<String, Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// Category within the kind: city, party, book, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subkind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Persons: birth. Organisations: founding. Works: writing or publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Dated>,
    /// Persons: death. Organisations: dissolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Dated>,
    /// Places and organisations: the larger whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Organisations: seat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<(f64, f64)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<PeriodName>,
    /// Works: authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub sources: Vec<SourceRef>,
}

impl Entity {
    /// Every name of the entity (name, labels, aliases, period names), once each.
    pub fn all_names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![self.name.as_str()];
        out.extend(self.labels.values().map(String::as_str));
        out.extend(self.aliases.values().flatten().map(String::as_str));
        out.extend(self.names.iter().map(|n| n.name.as_str()));
        let mut seen = std::collections::HashSet::new();
        out.retain(|n| seen.insert(*n));
        out
    }
}

/// Something that happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub aliases: BTreeMap<String, Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subkind: Option<String>,
    pub start: KbDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<KbDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    pub sources: Vec<SourceRef>,
}

impl Event {
    /// The event's extent: from its start date to its end date (or the end of the
    /// start date's interval).
    pub fn extent(&self) -> Result<Extent, TimeError> {
        let s = self.start.interval()?;
        let e = match &self.end {
            Some(e) => e.interval()?,
            None => s,
        };
        Ok(Extent::new(s, e))
    }

    pub fn all_names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![self.name.as_str()];
        out.extend(self.labels.values().map(String::as_str));
        out.extend(self.aliases.values().flatten().map(String::as_str));
        let mut seen = std::collections::HashSet::new();
        out.retain(|n| seen.insert(*n));
        out
    }
}

/// The kinds of fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    Role,
    Whereabouts,
    Met,
    NeverMet,
    Member,
    Relative,
    CauseOfDeath,
    Participant,
    EventDate,
    State,
}

impl FactKind {
    pub fn name(self) -> &'static str {
        match self {
            FactKind::Role => "role",
            FactKind::Whereabouts => "whereabouts",
            FactKind::Met => "met",
            FactKind::NeverMet => "never-met",
            FactKind::Member => "member",
            FactKind::Relative => "relative",
            FactKind::CauseOfDeath => "cause-of-death",
            FactKind::Participant => "participant",
            FactKind::EventDate => "event-date",
            FactKind::State => "state",
        }
    }
}

/// A statement with a time span about entities or events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub kind: FactKind,
    /// The entity the fact is about (for `event-date`: the event).
    pub subject: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Role title, relation (`spouse`, `child` …), cause of death, or aspect, by kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weapon: Option<String>,
    /// Role facts: other titles of the office ("War Commissar").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// State facts: words that name the state in text ("in power", "ruled").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<KbDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<KbDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub sources: Vec<SourceRef>,
}

impl Fact {
    /// The fact's extent, when it has dates. A fact with only a start is open-ended
    /// and has no extent here.
    pub fn extent(&self) -> Option<Result<Extent, TimeError>> {
        let s = self.start.as_ref()?;
        Some((|| {
            let si = s.interval()?;
            let ei = match &self.end {
                Some(e) => e.interval()?,
                None if matches!(
                    self.kind,
                    FactKind::Met | FactKind::EventDate | FactKind::CauseOfDeath
                ) =>
                {
                    si
                }
                None => {
                    return Ok(Extent::new(
                        si,
                        DayInterval::new(si.start, histlint_time::Day(i64::MAX / 4)),
                    ));
                }
            };
            Ok(Extent::new(si, ei))
        })())
    }

    /// Every id the fact mentions.
    pub fn referenced_ids(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.subject.as_str())
            .chain(self.object.as_deref())
            .chain(self.place.as_deref())
            .chain(self.organisation.as_deref())
            .chain(self.event.as_deref())
            .chain(self.by.iter().map(String::as_str))
    }
}

/// Whether words attributed to someone are theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteStatus {
    Attested,
    Misattributed,
    Unattested,
}

impl QuoteStatus {
    pub fn name(self) -> &'static str {
        match self {
            QuoteStatus::Attested => "attested",
            QuoteStatus::Misattributed => "misattributed",
            QuoteStatus::Unattested => "unattested",
        }
    }
}

/// Text in a language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangText {
    pub language: String,
    pub text: String,
}

/// Words attributed to a person, and what the record says of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    pub text: String,
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    pub status: QuoteStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<KbDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<LangText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<LangText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributed_to: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub sources: Vec<SourceRef>,
}

/// Any KB record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "lowercase")]
pub enum Record {
    Source(Source),
    Entity(Entity),
    Event(Event),
    Fact(Fact),
    Quote(Quote),
}

impl Record {
    /// The record's id (facts without an id have none).
    pub fn id(&self) -> Option<&str> {
        match self {
            Record::Source(s) => Some(&s.id),
            Record::Entity(e) => Some(&e.id),
            Record::Event(e) => Some(&e.id),
            Record::Fact(f) => f.id.as_deref(),
            Record::Quote(q) => Some(&q.id),
        }
    }

    /// The names under which the record is found in text.
    pub fn names(&self) -> Vec<&str> {
        match self {
            Record::Entity(e) => e.all_names(),
            Record::Event(e) => e.all_names(),
            _ => Vec::new(),
        }
    }

    /// Display name.
    pub fn label(&self) -> &str {
        match self {
            Record::Source(s) => &s.title,
            Record::Entity(e) => &e.name,
            Record::Event(e) => &e.name,
            Record::Fact(f) => f.id.as_deref().unwrap_or(f.kind.name()),
            Record::Quote(q) => &q.id,
        }
    }

    /// "person", "event", "fact" …
    pub fn kind_name(&self) -> &'static str {
        match self {
            Record::Source(_) => "source",
            Record::Entity(e) => e.kind.name(),
            Record::Event(_) => "event",
            Record::Fact(_) => "fact",
            Record::Quote(_) => "quote",
        }
    }
}
