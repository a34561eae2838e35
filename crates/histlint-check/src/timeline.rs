//! Dating the scenes: each cue gets a narrative date (an interval of days) and a place,
//! with the reason, from a scene map, on-screen captions, scene headings, or events
//! spoken of as happening now.

use histlint_time::{Calendar, DayInterval, HDate};
use serde::Serialize;

use crate::annotate::{Annotated, Target};
use crate::input::{Cue, CueKind};
use crate::kbview::KbView;
use crate::lexicon::Mood;
use crate::scenemap::SceneMap;

/// Why a scene has the date or place it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Reason {
    /// The sidecar scene map.
    SceneMap { entry: usize },
    /// An on-screen caption on this line.
    Caption { line: usize, text: String },
    /// A scene heading on this line.
    Heading { line: usize, text: String },
    /// Carried over from an earlier scene dated on this line.
    CarriedOver { line: usize },
    /// An event spoken of as happening now on this line.
    Inferred { line: usize, event: String },
}

impl Reason {
    pub fn describe(&self) -> String {
        match self {
            Reason::SceneMap { entry } => format!("scene map entry {entry}"),
            Reason::Caption { line, text } => format!("the caption “{text}” on line {line}"),
            Reason::Heading { line, text } => format!("the scene heading “{text}” on line {line}"),
            Reason::CarriedOver { line } => {
                format!("carried over from the scene dated on line {line}")
            }
            Reason::Inferred { line, event } => {
                format!("inferred from {event}, spoken of as happening now on line {line}")
            }
        }
    }
}

/// A scene's date: the days it may be on, and how it was given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SceneDate {
    pub days: DayInterval,
    /// The date as given (for messages).
    pub shown: String,
    pub reason: Reason,
}

/// A scene's place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenePlace {
    pub place: u32,
    pub id: String,
    pub name: String,
    pub reason: Reason,
}

/// The narrative date and place of one cue.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scene {
    pub date: Option<SceneDate>,
    pub place: Option<ScenePlace>,
}

/// The days a stated date may be: when the text gives no calendar, a day, month or
/// year could be Old or New Style, and both readings are kept (the hull), so that a
/// finding needs both readings to be wrong.
pub fn reading_days(
    date: &HDate,
    until: Option<&HDate>,
    stated: Option<Calendar>,
) -> Option<DayInterval> {
    let one = |d: &HDate| -> Option<DayInterval> {
        let base = d.interval().ok()?;
        if stated.is_some() || d.precision < histlint_time::Precision::Year {
            return Some(base);
        }
        let other = HDate {
            calendar: Calendar::Julian,
            ..*d
        }
        .interval()
        .ok()?;
        Some(base.hull(&other))
    };
    let a = one(date)?;
    match until {
        Some(u) => Some(a.hull(&one(u)?)),
        None => Some(a),
    }
}

fn date_of(ann: &Annotated) -> Option<(DayInterval, String)> {
    let d = ann.dates.first()?;
    let days = reading_days(&d.date, d.until.as_ref(), d.stated)?;
    let mut shown = d.date.describe();
    if let Some(u) = &d.until {
        shown = format!("{shown} to {}", u.describe());
    }
    Some((days, shown))
}

fn place_of(ann: &Annotated, kb: &KbView) -> Option<u32> {
    // The last place named is usually the most specific ("SMOLNY, PETROGRAD" names both).
    let places: Vec<u32> = ann
        .mentions
        .iter()
        .filter_map(|m| m.unique(Target::Place))
        .collect();
    // Prefer a place contained in another named one.
    places
        .iter()
        .copied()
        .find(|&p| {
            places
                .iter()
                .any(|&q| q != p && kb.place_chain(p).contains(&q))
        })
        .or_else(|| places.first().copied())
}

/// Dates and places every cue. `anns` are the cues' annotations (made without a scene
/// anchor, which is fine for captions and headings).
pub fn date_scenes(
    cues: &[Cue],
    anns: &[Annotated],
    kb: &KbView,
    map: Option<&SceneMap>,
) -> Vec<Scene> {
    let mut out = vec![Scene::default(); cues.len()];
    // Group cues into scenes: a heading starts one; so does a dated caption in a
    // file without headings.
    let mut current = Scene::default();
    let mut last_dated_line = None;
    for (i, cue) in cues.iter().enumerate() {
        let ann = &anns[i];
        let heading_text = cue.text.lines().next().unwrap_or("").trim().to_string();
        match cue.kind {
            CueKind::SceneHeading => {
                // A new scene: the place is reset, the date carries over unless given.
                let mut next = Scene::default();
                if let Some(p) = place_of(ann, kb) {
                    next.place = Some(place(
                        kb,
                        p,
                        Reason::Heading {
                            line: cue.line,
                            text: heading_text.clone(),
                        },
                    ));
                }
                if let Some((days, shown)) = date_of(ann) {
                    next.date = Some(SceneDate {
                        days,
                        shown,
                        reason: Reason::Heading {
                            line: cue.line,
                            text: heading_text,
                        },
                    });
                    last_dated_line = Some(cue.line);
                } else if let (Some(d), Some(line)) = (&current.date, last_dated_line) {
                    next.date = Some(SceneDate {
                        reason: Reason::CarriedOver { line },
                        ..d.clone()
                    });
                }
                current = next;
            }
            CueKind::Caption => {
                if let Some((days, shown)) = date_of(ann) {
                    current.date = Some(SceneDate {
                        days,
                        shown,
                        reason: Reason::Caption {
                            line: cue.line,
                            text: heading_text.clone(),
                        },
                    });
                    last_dated_line = Some(cue.line);
                    // A dated caption in a subtitle file starts a new scene: its place is
                    // the caption's, if any.
                    current.place = None;
                }
                if let Some(p) = place_of(ann, kb) {
                    current.place = Some(place(
                        kb,
                        p,
                        Reason::Caption {
                            line: cue.line,
                            text: heading_text,
                        },
                    ));
                }
            }
            _ => {}
        }
        out[i] = current.clone();
    }
    // Undated stretches: infer from events spoken of as happening now.
    let mut i = 0;
    while i < cues.len() {
        if out[i].date.is_some() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < cues.len()
            && out[j].date.is_none()
            && (j == i || cues[j].kind != CueKind::SceneHeading)
        {
            j += 1;
        }
        if let Some(inferred) = (i..j).find_map(|k| infer(&cues[k], &anns[k], kb)) {
            for s in &mut out[i..j] {
                s.date = Some(inferred.clone());
            }
        }
        i = j.max(i + 1);
    }
    // The scene map wins.
    if let Some(map) = map {
        for (i, cue) in cues.iter().enumerate() {
            if let Some((entry, e)) = map.lookup(cue) {
                if let Some(days) = e.days {
                    out[i].date = Some(SceneDate {
                        days,
                        shown: e.shown.clone(),
                        reason: Reason::SceneMap { entry },
                    });
                }
                if let Some(p) = e.place.as_deref().and_then(|p| resolve_place(kb, p)) {
                    out[i].place = Some(place(kb, p, Reason::SceneMap { entry }));
                }
            }
        }
    }
    out
}

fn resolve_place(kb: &KbView, name: &str) -> Option<u32> {
    if let Some(i) = kb.kb.id_index(name) {
        return Some(i);
    }
    let c: Vec<u32> = kb.kb.lookup_name(name);
    (c.len() == 1).then(|| c[0])
}

fn place(kb: &KbView, p: u32, reason: Reason) -> ScenePlace {
    let rec = kb.get(p);
    ScenePlace {
        place: p,
        id: rec
            .as_ref()
            .and_then(|r| r.value.id().map(str::to_string))
            .unwrap_or_default(),
        name: rec
            .as_ref()
            .map(|r| r.value.label().to_string())
            .unwrap_or_default(),
        reason,
    }
}

/// An event spoken of as happening now ("The congress is opening"): present
/// progressive or "now"/"today" in an asserted clause.
fn infer(cue: &Cue, ann: &Annotated, kb: &KbView) -> Option<SceneDate> {
    for m in &ann.mentions {
        let Some(ev) = m.unique(Target::Event) else {
            continue;
        };
        let clause = &ann.clauses[m.clause];
        if clause.mood != Mood::Asserted {
            continue;
        }
        let words: Vec<&str> = clause.tokens.iter().map(|(_, _, t)| t.as_str()).collect();
        let progressive = words
            .windows(2)
            .any(|w| matches!(w[0], "is" | "are") && w[1].ends_with("ing"));
        let now = words
            .iter()
            .any(|w| matches!(*w, "now" | "today" | "tonight"));
        if progressive || now {
            let ext = kb.extent(ev)?;
            let name = kb.get(ev)?.value.label().to_string();
            return Some(SceneDate {
                days: ext.hull(),
                shown: format!("during {name}"),
                reason: Reason::Inferred {
                    line: cue.line,
                    event: name,
                },
            });
        }
    }
    None
}
