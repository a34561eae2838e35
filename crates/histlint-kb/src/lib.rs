//! # histlint-kb
//!
//! The knowledge base: the human-editable TOML format (`docs/kb-format.md`), its
//! loader and validator ([`load_dir`], [`Kb::problems`]), and the compiled index
//! ([`compiled`]) that histlint ships inside its binary and memory-maps for large KBs.
//!
//! Invariants:
//! - Every fact, birth, death, event and quote that reaches a [`Kb`] without an error
//!   problem has at least one source that exists.
//! - Records keep the file and line they came from, so every message points there.
//! - Loading is deterministic: files are read in sorted order; problems are sorted.
//! - No global state; I/O only in [`load_dir`] and [`compiled::CompiledKb::open`].

pub mod compiled;
pub mod load;
pub mod model;
pub mod normalize;
pub mod wikidata;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use compiled::{CompiledKb, Mention};
pub use load::{LoadError, load_dir, load_texts};
pub use model::*;

/// A value and where it was defined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Located<T> {
    pub file: String,
    pub line: usize,
    pub value: T,
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A problem found in KB files, at `file:line`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl Problem {
    pub fn error(file: &str, line: usize, message: String) -> Problem {
        Problem {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            message,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}: {sev}: {}", self.file, self.line, self.message)
    }
}

/// Counts of what a KB holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// People, places, organisations and works.
    pub entities: u64,
    pub people: u64,
    pub places: u64,
    pub organisations: u64,
    pub works: u64,
    pub events: u64,
    /// `[[fact]]` records plus dated births, deaths, foundings and dissolutions.
    pub facts: u64,
    /// `[[fact]]` records alone.
    pub fact_records: u64,
    pub sources: u64,
    pub quotes: u64,
    /// Distinct normalised names in the alias dictionary.
    pub aliases: u64,
}

impl Stats {
    /// Adds one record to the counts (aliases are counted by the index).
    pub fn count(&mut self, r: &Record) {
        match r {
            Record::Source(_) => self.sources += 1,
            Record::Entity(e) => {
                self.entities += 1;
                match e.kind {
                    EntityKind::Person => self.people += 1,
                    EntityKind::Place => self.places += 1,
                    EntityKind::Organisation => self.organisations += 1,
                    EntityKind::Work => self.works += 1,
                }
                self.facts += [&e.start, &e.end]
                    .iter()
                    .filter(|d| d.as_ref().is_some_and(|d| d.date.is_some()))
                    .count() as u64;
            }
            Record::Event(_) => self.events += 1,
            Record::Fact(_) => {
                self.facts += 1;
                self.fact_records += 1;
            }
            Record::Quote(_) => self.quotes += 1,
        }
    }
}

/// A loaded KB: its records in file order and the problems found.
#[derive(Debug, Clone)]
pub struct Kb {
    pub records: Vec<Located<Record>>,
    pub problems: Vec<Problem>,
    by_id: HashMap<String, usize>,
}

impl Kb {
    /// A KB from records and problems.
    pub fn new(records: Vec<Located<Record>>, problems: Vec<Problem>) -> Kb {
        let mut by_id = HashMap::new();
        for (i, r) in records.iter().enumerate() {
            if let Some(id) = r.value.id() {
                by_id.entry(id.to_string()).or_insert(i);
            }
        }
        Kb {
            records,
            problems,
            by_id,
        }
    }

    /// The record with this id.
    pub fn get(&self, id: &str) -> Option<&Located<Record>> {
        self.by_id.get(id).map(|&i| &self.records[i])
    }

    /// Whether there is any error (not only warnings).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// Counts.
    pub fn stats(&self) -> Stats {
        let mut s = Stats::default();
        for r in &self.records {
            s.count(&r.value);
        }
        let mut names = std::collections::HashSet::new();
        for r in &self.records {
            for n in r.value.names() {
                names.insert(normalize::normalize(n));
            }
        }
        s.aliases = names.len() as u64;
        s
    }
}
