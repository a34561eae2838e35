//! Mapping Wikidata entity JSON onto the KB model.
//!
//! Wikidata's JSON (the dump format and `Special:EntityData`) gives labels and
//! aliases per language, and statements whose time values carry a precision (0-14)
//! and a calendar model; its qualifiers give start and end times (P580, P582, P585)
//! and its references name sources. This module maps those one to one onto
//! [`Entity`], [`Fact`] and [`Source`] records. The bulk importer builds on it.

use std::collections::BTreeMap;

use histlint_time::{Calendar, HDate};
use serde_json::Value;

use crate::model::*;

/// A Wikidata time value as it appears in a snak.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WikidataTime {
    pub time: String,
    pub precision: u8,
    pub calendar: Calendar,
}

impl WikidataTime {
    /// Reads a `datavalue` of type `time`.
    pub fn from_value(v: &Value) -> Option<WikidataTime> {
        let val = v.get("value")?;
        Some(WikidataTime {
            time: val.get("time")?.as_str()?.to_string(),
            precision: u8::try_from(val.get("precision")?.as_u64()?).ok()?,
            calendar: Calendar::parse(val.get("calendarmodel")?.as_str()?)?,
        })
    }

    pub fn to_date(&self) -> Result<HDate, histlint_time::TimeError> {
        HDate::from_wikidata(&self.time, self.precision, self.calendar)
    }
}

/// Labels and aliases of an entity, per language.
pub fn names(item: &Value) -> (BTreeMap<String, String>, BTreeMap<String, Vec<String>>) {
    let mut labels = BTreeMap::new();
    if let Some(obj) = item.get("labels").and_then(Value::as_object) {
        for (lang, v) in obj {
            if let Some(s) = v.get("value").and_then(Value::as_str) {
                labels.insert(lang.clone(), s.to_string());
            }
        }
    }
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    if let Some(obj) = item.get("aliases").and_then(Value::as_object) {
        for (lang, v) in obj {
            for a in v.as_array().into_iter().flatten() {
                if let Some(s) = a.get("value").and_then(Value::as_str) {
                    aliases.entry(lang.clone()).or_default().push(s.to_string());
                }
            }
        }
    }
    (labels, aliases)
}

/// The statements of a property, best rank first (preferred, then normal; deprecated
/// ones are kept last, marked).
pub fn statements<'a>(item: &'a Value, property: &str) -> Vec<&'a Value> {
    let mut v: Vec<&Value> = item
        .get("claims")
        .and_then(|c| c.get(property))
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let rank = |s: &Value| match s.get("rank").and_then(Value::as_str) {
        Some("preferred") => 0,
        Some("normal") => 1,
        _ => 2,
    };
    v.sort_by_key(|s| rank(s));
    v
}

/// The time value of a statement's main snak.
pub fn statement_time(statement: &Value) -> Option<WikidataTime> {
    WikidataTime::from_value(statement.get("mainsnak")?.get("datavalue")?)
}

/// A qualifier's time value (P580 start, P582 end, P585 point in time).
pub fn qualifier_time(statement: &Value, property: &str) -> Option<WikidataTime> {
    let q = statement
        .get("qualifiers")?
        .get(property)?
        .as_array()?
        .first()?;
    WikidataTime::from_value(q.get("datavalue")?)
}

/// The item id a statement's main snak points to.
pub fn statement_item(statement: &Value) -> Option<String> {
    let v = statement.get("mainsnak")?.get("datavalue")?.get("value")?;
    // Current JSON gives "id"; older dumps give only "numeric-id".
    match v.get("id").and_then(Value::as_str) {
        Some(id) => Some(id.to_string()),
        None => v
            .get("numeric-id")
            .and_then(Value::as_u64)
            .map(|n| format!("Q{n}")),
    }
}

/// The references of a statement as KB source references: each Wikidata reference
/// becomes a reference to the `wikidata` source at the item and property, with the
/// reference's own "stated in" (P248) item and URL (P854) recorded in `at`.
pub fn references(item_id: &str, property: &str, statement: &Value) -> Vec<SourceRef> {
    let mut out = Vec::new();
    for r in statement
        .get("references")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let snaks = r.get("snaks");
        let stated_in = snaks
            .and_then(|s| s.get("P248"))
            .and_then(|a| a.get(0))
            .and_then(|s| s.get("datavalue"))
            .and_then(|d| d.get("value"))
            .and_then(|v| v.get("id"))
            .and_then(Value::as_str);
        let url = snaks
            .and_then(|s| s.get("P854"))
            .and_then(|a| a.get(0))
            .and_then(|s| s.get("datavalue"))
            .and_then(|d| d.get("value"))
            .and_then(Value::as_str);
        let mut at = format!("{item_id}, {property}");
        if let Some(s) = stated_in {
            at.push_str(&format!(", stated in {s}"));
        }
        if let Some(u) = url {
            at.push_str(&format!(", {u}"));
        }
        out.push(SourceRef {
            source: "wikidata".into(),
            at: Some(at),
        });
    }
    if out.is_empty() {
        out.push(SourceRef {
            source: "wikidata".into(),
            at: Some(format!("{item_id}, {property}")),
        });
    }
    out
}

/// Maps a Wikidata human (P31 = Q5) to a person entity: names, birth (P569, place
/// P19), death (P570, place P20), with the statements' references. Place ids are
/// Wikidata ids lower-cased (`q649`), for the importer to resolve.
pub fn person(item: &Value) -> Option<Entity> {
    let id = item.get("id")?.as_str()?.to_string();
    let (labels, aliases) = names(item);
    let name = labels
        .get("en")
        .cloned()
        .or_else(|| labels.values().next().cloned())
        .unwrap_or_else(|| id.clone());
    let dated = |time_p: &str, place_p: &str| -> Option<Dated> {
        let st = *statements(item, time_p).first()?;
        let t = statement_time(st)?;
        let date = t.to_date().ok().map(|d| KbDate {
            date: d,
            circa: false,
        });
        let place = statements(item, place_p)
            .first()
            .and_then(|s| statement_item(s))
            .map(|q| q.to_lowercase());
        Some(Dated {
            date,
            place,
            sources: references(&id, time_p, st),
        })
    };
    Some(Entity {
        id: id.to_lowercase(),
        kind: EntityKind::Person,
        name,
        labels,
        aliases,
        description: item
            .get("descriptions")
            .and_then(|d| d.get("en"))
            .and_then(|d| d.get("value"))
            .and_then(Value::as_str)
            .map(str::to_string),
        wikidata: Some(id.clone()),
        subkind: None,
        gender: None,
        start: dated("P569", "P19"),
        end: dated("P570", "P20"),
        part_of: None,
        place: None,
        coordinates: None,
        names: Vec::new(),
        authors: Vec::new(),
        language: None,
        sources: vec![SourceRef {
            source: "wikidata".into(),
            at: Some(id),
        }],
    })
}
