//! The compiled KB: one byte buffer, read in place (memory-mapped, or embedded in
//! the binary), so opening it costs a header check however large the KB is.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! magic    8 bytes  "HLKB" 0 0 0 VERSION
//! table    SECTIONS x (u64 offset, u64 length)
//! ids      fst::Map: record id -> record index
//! aliases  fst::Map: normalised name -> offset into `postings`
//! postings u32 array: at each offset, a count n and n record indices
//! offsets  u64 array, records + 1 entries: record i is data[offsets[i]..offsets[i+1]]
//! data     JSON of each Located<Record>, one after another
//! links    u64 array, records + 1 entries, into `linked`
//! linked   u32 array: for each record, the records that refer to it (facts, events, quotes)
//! time     (i64 start day, i64 end day, u32 record) triples, sorted by start: the extents
//!          of events and dated facts
//! stats    JSON of Stats
//! kinds    u8 array, one per record: its kind (0 source, 1 entity, 2 event, 3 fact,
//!          4 quote), so one kind's records are found without decoding the others
//!          (empty in files written before it: then readers decode every record)
//! ```
//!
//! Building streams records through [`IndexBuilder`]; memory is proportional to the
//! names and ids, not to the records, and every step is a sort or a linear pass.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use fst::raw::Output;
use fst::{Map, MapBuilder};

use crate::normalize::{normalize, tokenize};
use crate::{Located, Record, Stats};

const MAGIC: &[u8; 7] = b"HLKB\0\0\0";
const VERSION: u8 = 1;
const SECTIONS: usize = 10;
const HEADER: usize = 8 + SECTIONS * 16;

enum Sec {
    Ids = 0,
    Aliases,
    Postings,
    Offsets,
    Data,
    Links,
    Linked,
    Time,
    Stats,
    Kinds,
}

/// The `kinds` section's byte for a record.
fn kind_tag(r: &Record) -> u8 {
    match r {
        Record::Source(_) => 0,
        Record::Entity(_) => 1,
        Record::Event(_) => 2,
        Record::Fact(_) => 3,
        Record::Quote(_) => 4,
    }
}

/// An error opening or building a compiled KB.
#[derive(Debug, thiserror::Error)]
pub enum CompiledError {
    #[error("not a compiled histlint KB (bad magic number)")]
    Magic,
    #[error(
        "compiled KB version {0} is not supported (this histlint reads version {VERSION}); rebuild it with `histlint kb compile`"
    )]
    Version(u8),
    #[error("compiled KB is truncated or corrupt ({0})")]
    Corrupt(&'static str),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Fst(#[from] fst::Error),
    #[error("duplicate id `{0}` in compiled KB input")]
    DuplicateId(String),
}

// ------------------------------------------------------------------ building

/// Streams records into a compiled KB.
#[derive(Default)]
pub struct IndexBuilder {
    data: Vec<u8>,
    offsets: Vec<u64>,
    /// Normalised names: bytes in `name_bytes`, (start, len, record).
    name_bytes: Vec<u8>,
    names: Vec<(u64, u32, u32)>,
    ids: Vec<(Box<str>, u32)>,
    /// (referenced id, referring record).
    refs: Vec<(Box<str>, u32)>,
    time: Vec<(i64, i64, u32)>,
    stats: Stats,
    kinds: Vec<u8>,
}

impl IndexBuilder {
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Adds one record.
    pub fn add(&mut self, r: &Located<Record>) {
        let idx = self.offsets.len() as u32;
        self.offsets.push(self.data.len() as u64);
        serde_json::to_writer(&mut self.data, r).expect("records serialise to JSON");
        self.stats.count(&r.value);
        self.kinds.push(kind_tag(&r.value));
        if let Some(id) = r.value.id() {
            self.ids.push((id.into(), idx));
        }
        for n in r.value.names() {
            let key = normalize(n);
            if key.is_empty() {
                continue;
            }
            self.names
                .push((self.name_bytes.len() as u64, key.len() as u32, idx));
            self.name_bytes.extend_from_slice(key.as_bytes());
        }
        let mut refer = |id: &str| self.refs.push((id.into(), idx));
        match &r.value {
            Record::Fact(f) => {
                for id in f.referenced_ids() {
                    refer(id);
                }
                if let Some(Ok(e)) = f.extent() {
                    self.time.push((e.start.start.0, e.end.end.0, idx));
                }
            }
            Record::Event(e) => {
                for p in &e.participants {
                    refer(p);
                }
                for p in e.place.iter().chain(e.part_of.iter()) {
                    refer(p);
                }
                if let Ok(x) = e.extent() {
                    self.time.push((x.start.start.0, x.end.end.0, idx));
                }
            }
            Record::Quote(q) => {
                for p in q
                    .speaker
                    .iter()
                    .chain(q.work.iter())
                    .chain(q.attributed_to.iter())
                {
                    refer(p);
                }
            }
            Record::Entity(e) => {
                for a in &e.authors {
                    refer(a);
                }
            }
            Record::Source(_) => {}
        }
    }

    /// Writes the compiled KB.
    pub fn finish(mut self) -> Result<Vec<u8>, CompiledError> {
        let n = self.offsets.len();
        self.offsets.push(self.data.len() as u64);
        // ids
        self.ids.sort_unstable();
        let mut ids_fst = MapBuilder::memory();
        for w in self.ids.windows(2) {
            if w[0].0 == w[1].0 {
                return Err(CompiledError::DuplicateId(w[0].0.to_string()));
            }
        }
        let id_map: HashMap<&str, u32> = self.ids.iter().map(|(k, v)| (&**k, *v)).collect();
        for (k, v) in &self.ids {
            ids_fst.insert(k.as_bytes(), u64::from(*v))?;
        }
        let ids_fst = ids_fst.into_inner()?;
        // aliases
        let nb = &self.name_bytes;
        let key = |e: &(u64, u32, u32)| &nb[e.0 as usize..e.0 as usize + e.1 as usize];
        self.names
            .sort_unstable_by(|a, b| key(a).cmp(key(b)).then(a.2.cmp(&b.2)));
        self.names.dedup_by(|a, b| key(a) == key(b) && a.2 == b.2);
        let mut postings: Vec<u32> = Vec::new();
        let mut alias_fst = MapBuilder::memory();
        let mut i = 0;
        let mut distinct = 0u64;
        while i < self.names.len() {
            let k = key(&self.names[i]);
            let mut j = i;
            while j < self.names.len() && key(&self.names[j]) == k {
                j += 1;
            }
            alias_fst.insert(k, postings.len() as u64)?;
            postings.push((j - i) as u32);
            postings.extend(self.names[i..j].iter().map(|e| e.2));
            distinct += 1;
            i = j;
        }
        self.stats.aliases = distinct;
        let alias_fst = alias_fst.into_inner()?;
        // links: who refers to each record
        let mut pairs: Vec<(u32, u32)> = self
            .refs
            .iter()
            .filter_map(|(id, from)| id_map.get(&**id).map(|&to| (to, *from)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut links = Vec::with_capacity(n + 1);
        let mut linked = Vec::with_capacity(pairs.len());
        let mut p = 0;
        for rec in 0..n as u32 {
            links.push(linked.len() as u64);
            while p < pairs.len() && pairs[p].0 == rec {
                linked.push(pairs[p].1);
                p += 1;
            }
        }
        links.push(linked.len() as u64);
        self.time.sort_unstable();
        let stats = serde_json::to_vec(&self.stats).expect("stats serialise");

        let mut sections: Vec<Vec<u8>> = vec![Vec::new(); SECTIONS];
        sections[Sec::Ids as usize] = ids_fst;
        sections[Sec::Aliases as usize] = alias_fst;
        sections[Sec::Postings as usize] = postings.iter().flat_map(|v| v.to_le_bytes()).collect();
        sections[Sec::Offsets as usize] =
            self.offsets.iter().flat_map(|v| v.to_le_bytes()).collect();
        sections[Sec::Data as usize] = std::mem::take(&mut self.data);
        sections[Sec::Links as usize] = links.iter().flat_map(|v| v.to_le_bytes()).collect();
        sections[Sec::Linked as usize] = linked.iter().flat_map(|v| v.to_le_bytes()).collect();
        sections[Sec::Time as usize] = self
            .time
            .iter()
            .flat_map(|(s, e, r)| {
                s.to_le_bytes()
                    .into_iter()
                    .chain(e.to_le_bytes())
                    .chain(r.to_le_bytes())
            })
            .collect();
        sections[Sec::Stats as usize] = stats;
        sections[Sec::Kinds as usize] = std::mem::take(&mut self.kinds);
        let total: usize = HEADER + sections.iter().map(Vec::len).sum::<usize>();
        let mut out = Vec::with_capacity(total);
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        let mut off = HEADER as u64;
        for s in &sections {
            out.extend_from_slice(&off.to_le_bytes());
            out.extend_from_slice(&(s.len() as u64).to_le_bytes());
            off += s.len() as u64;
        }
        for s in sections {
            out.extend_from_slice(&s);
        }
        Ok(out)
    }
}

/// Compiles loaded records.
pub fn compile<'a>(
    records: impl IntoIterator<Item = &'a Located<Record>>,
) -> Result<Vec<u8>, CompiledError> {
    let mut b = IndexBuilder::new();
    for r in records {
        b.add(r);
    }
    b.finish()
}

// ------------------------------------------------------------------ reading

enum Backing {
    Static(&'static [u8]),
    Mmap(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl Backing {
    fn bytes(&self) -> &[u8] {
        match self {
            Backing::Static(b) => b,
            Backing::Mmap(m) => m,
            Backing::Owned(v) => v,
        }
    }
}

/// A section of the shared buffer, usable as an fst's storage.
#[derive(Clone)]
struct Slice {
    buf: Arc<Backing>,
    range: Range<usize>,
}

impl AsRef<[u8]> for Slice {
    fn as_ref(&self) -> &[u8] {
        &self.buf.bytes()[self.range.clone()]
    }
}

/// A compiled KB, read in place.
pub struct CompiledKb {
    buf: Arc<Backing>,
    sections: [Range<usize>; SECTIONS],
    ids: Map<Slice>,
    aliases: Map<Slice>,
    records: usize,
}

/// A KB name found in text: byte span and the records it may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub records: Vec<u32>,
}

/// Runs an FST lookup, reading a panic inside `fst` as "nothing found". The `fst`
/// crate trusts its bytes, and a crafted file can carry a valid checksum (a fuzzer
/// forges one in seconds), so a lookup in a corrupt FST may index out of bounds: a
/// bounds-checked panic, never memory unsafety. Such a panic is contained here: the
/// record is missing, as for any other corruption (the panic hook still prints it).
fn fst_guard<T: Default>(f: impl FnOnce() -> T) -> T {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_default()
}

fn read_u64(b: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(b[i * 8..i * 8 + 8].try_into().expect("8 bytes"))
}

fn read_u32(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(b[i * 4..i * 4 + 4].try_into().expect("4 bytes"))
}

impl CompiledKb {
    /// Opens compiled bytes embedded in the binary.
    pub fn from_static(bytes: &'static [u8]) -> Result<CompiledKb, CompiledError> {
        CompiledKb::new(Backing::Static(bytes))
    }

    /// Opens compiled bytes held in memory.
    pub fn from_vec(bytes: Vec<u8>) -> Result<CompiledKb, CompiledError> {
        CompiledKb::new(Backing::Owned(bytes))
    }

    /// Memory-maps a compiled KB file.
    pub fn open(path: &Path) -> Result<CompiledKb, CompiledError> {
        let f = std::fs::File::open(path)?;
        // SAFETY: the file is opened read-only and histlint never writes to it while
        // mapped; a concurrent external writer could change the bytes under us, which
        // the format checks below turn into errors or wrong answers, not memory
        // unsafety, since every access is bounds-checked.
        let m = unsafe { memmap2::Mmap::map(&f)? };
        // Lookups jump around the file: ask the kernel not to read ahead.
        #[cfg(unix)]
        let _ = m.advise(memmap2::Advice::Random);
        CompiledKb::new(Backing::Mmap(m))
    }

    fn new(backing: Backing) -> Result<CompiledKb, CompiledError> {
        let b = backing.bytes();
        if b.len() < HEADER || &b[..7] != MAGIC {
            return Err(CompiledError::Magic);
        }
        if b[7] != VERSION {
            return Err(CompiledError::Version(b[7]));
        }
        let mut sections: [Range<usize>; SECTIONS] = Default::default();
        for (i, s) in sections.iter_mut().enumerate() {
            let off = read_u64(&b[8..HEADER], i * 2) as usize;
            let len = read_u64(&b[8..HEADER], i * 2 + 1) as usize;
            let end = off
                .checked_add(len)
                .ok_or(CompiledError::Corrupt("section bounds"))?;
            if end > b.len() || off < HEADER {
                return Err(CompiledError::Corrupt("section bounds"));
            }
            *s = off..end;
        }
        let offsets_len = sections[Sec::Offsets as usize].len();
        if !offsets_len.is_multiple_of(8) || offsets_len < 8 {
            return Err(CompiledError::Corrupt("record offsets"));
        }
        let records = offsets_len / 8 - 1;
        let links_len = sections[Sec::Links as usize].len();
        if links_len != offsets_len {
            return Err(CompiledError::Corrupt("links"));
        }
        let buf = Arc::new(backing);
        let slice = |s: &Range<usize>| Slice {
            buf: buf.clone(),
            range: s.clone(),
        };
        let ids = Map::new(slice(&sections[Sec::Ids as usize]))?;
        let aliases = Map::new(slice(&sections[Sec::Aliases as usize]))?;
        // The fst crate trusts its bytes: a corrupt FST can make a lookup panic. A file
        // from disk or memory is checked against the FSTs' checksums first (linear in
        // the FST sections, a CRC pass); the KB embedded at build time is trusted.
        if !matches!(*buf, Backing::Static(_))
            && (ids.as_fst().verify().is_err() || aliases.as_fst().verify().is_err())
        {
            return Err(CompiledError::Corrupt("name index checksum"));
        }
        Ok(CompiledKb {
            buf,
            sections,
            ids,
            aliases,
            records,
        })
    }

    fn section(&self, s: Sec) -> &[u8] {
        &self.buf.bytes()[self.sections[s as usize].clone()]
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.records
    }

    pub fn is_empty(&self) -> bool {
        self.records == 0
    }

    /// Counts.
    pub fn stats(&self) -> Stats {
        serde_json::from_slice(self.section(Sec::Stats)).unwrap_or_default()
    }

    /// Decodes record `i` (with its file and line).
    pub fn located(&self, i: u32) -> Option<Located<Record>> {
        let i = i as usize;
        if i >= self.records {
            return None;
        }
        let off = self.section(Sec::Offsets);
        let (a, b) = (read_u64(off, i) as usize, read_u64(off, i + 1) as usize);
        let data = self.section(Sec::Data);
        if a > b || b > data.len() {
            return None;
        }
        serde_json::from_slice(&data[a..b]).ok()
    }

    /// Decodes record `i`.
    pub fn record(&self, i: u32) -> Option<Record> {
        self.located(i).map(|l| l.value)
    }

    /// The index of the record with this id.
    pub fn id_index(&self, id: &str) -> Option<u32> {
        fst_guard(|| self.ids.get(id).map(|v| v as u32))
    }

    /// The record with this id.
    pub fn get(&self, id: &str) -> Option<Record> {
        self.id_index(id).and_then(|i| self.record(i))
    }

    /// The records a name (any language, any case or diacritics) may refer to.
    pub fn lookup_name(&self, name: &str) -> Vec<u32> {
        let key = normalize(name);
        match fst_guard(|| self.aliases.get(key.as_bytes())) {
            Some(off) => self.posting(off as usize),
            None => Vec::new(),
        }
    }

    fn posting(&self, off: usize) -> Vec<u32> {
        let p = self.section(Sec::Postings);
        // Checked arithmetic: offsets come from the file and may be anything.
        let fits = |words: Option<usize>| {
            words
                .and_then(|w| w.checked_mul(4))
                .is_some_and(|e| e <= p.len())
        };
        if !fits(off.checked_add(1)) {
            return Vec::new();
        }
        let n = read_u32(p, off) as usize;
        if !fits(off.checked_add(1).and_then(|x| x.checked_add(n))) {
            return Vec::new();
        }
        (0..n).map(|k| read_u32(p, off + 1 + k)).collect()
    }

    /// The records that refer to record `i` (facts about it, events it took part in,
    /// quotes by it).
    pub fn linked(&self, i: u32) -> Vec<u32> {
        let i = i as usize;
        if i >= self.records {
            return Vec::new();
        }
        let links = self.section(Sec::Links);
        let (a, b) = (read_u64(links, i) as usize, read_u64(links, i + 1) as usize);
        let linked = self.section(Sec::Linked);
        if a > b || b.checked_mul(4).is_none_or(|e| e > linked.len()) {
            return Vec::new();
        }
        (a..b).map(|k| read_u32(linked, k)).collect()
    }

    /// Records whose extent may overlap `[start, end]` (day numbers), in start order.
    pub fn overlapping(&self, start: i64, end: i64) -> Vec<u32> {
        let t = self.section(Sec::Time);
        let n = t.len() / 20;
        let at = |k: usize| {
            let b = &t[k * 20..k * 20 + 20];
            (
                i64::from_le_bytes(b[0..8].try_into().expect("8")),
                i64::from_le_bytes(b[8..16].try_into().expect("8")),
                u32::from_le_bytes(b[16..20].try_into().expect("4")),
            )
        };
        // Entries are sorted by start; everything starting after `end` is out.
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if at(mid).0 <= end {
                lo = mid + 1
            } else {
                hi = mid
            }
        }
        (0..lo)
            .map(at)
            .filter(|(_, e, _)| *e >= start)
            .map(|(_, _, r)| r)
            .collect()
    }

    /// Finds KB names in running text: token-bounded, case- and diacritic-insensitive,
    /// the longest match at each position, left to right without overlaps.
    pub fn find_mentions(&self, text: &str) -> Vec<Mention> {
        self.find_mentions_with(text, |_| Vec::new())
    }

    /// As [`CompiledKb::find_mentions`], also trying for each token the base forms that
    /// `base` gives (light inflection: "mutinied" -> "mutiny", "Троцкого" ->
    /// "троцкий"). A match through a base form counts the same as an exact one; the
    /// longest match still wins.
    pub fn find_mentions_with(
        &self,
        text: &str,
        base: impl Fn(&str) -> Vec<String>,
    ) -> Vec<Mention> {
        let tokens = tokenize(text);
        let alts: Vec<Vec<String>> = tokens
            .iter()
            .map(|t| {
                let mut v = base(&t.norm);
                v.retain(|b| b != &t.norm && !b.is_empty());
                v
            })
            .collect();
        fst_guard(|| self.mentions_in(&tokens, &alts))
    }

    /// The FST walk of [`CompiledKb::find_mentions_with`].
    fn mentions_in(
        &self,
        tokens: &[crate::normalize::Token],
        alts: &[Vec<String>],
    ) -> Vec<Mention> {
        let fst = self.aliases.as_fst();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            // Depth-first over the token alternatives, following FST transitions.
            let mut best: Option<(usize, u64)> = None;
            let mut stack = vec![(i, fst.root(), Output::zero())];
            while let Some((j, node, acc)) = stack.pop() {
                if j >= tokens.len() {
                    continue;
                }
                let forms = std::iter::once(tokens[j].norm.as_str())
                    .chain(alts[j].iter().map(String::as_str));
                for form in forms {
                    let mut n = node;
                    let mut a = acc;
                    let sep: &[u8] = if j > i { b" " } else { b"" };
                    let mut ok = true;
                    for &byte in sep.iter().chain(form.as_bytes()) {
                        match n.find_input(byte) {
                            Some(ti) => {
                                let t = n.transition(ti);
                                a = a.cat(t.out);
                                n = fst.node(t.addr);
                            }
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    if !ok {
                        continue;
                    }
                    if n.is_final() && best.is_none_or(|(bj, _)| j > bj) {
                        best = Some((j, a.cat(n.final_output()).value()));
                    }
                    stack.push((j + 1, n, a));
                }
            }
            match best {
                Some((j, off)) => {
                    out.push(Mention {
                        start: tokens[i].start,
                        end: tokens[j].end,
                        records: self.posting(off as usize),
                    });
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Every record, decoded, in index order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, Located<Record>)> + '_ {
        (0..self.records as u32).filter_map(|i| self.located(i).map(|r| (i, r)))
    }

    /// The quote records, decoded, in index order: only they are decoded, so this costs
    /// the number of quotes, not the size of the KB (in a file without the `kinds`
    /// section, or with a damaged one, every record is decoded to find them).
    pub fn quotes(&self) -> impl Iterator<Item = (u32, Located<Record>)> + '_ {
        const QUOTE: u8 = 4;
        let kinds = self.section(Sec::Kinds);
        let indexed = kinds.len() == self.records;
        (0..self.records as u32)
            .filter(move |&i| !indexed || kinds[i as usize] == QUOTE)
            .filter_map(|i| self.located(i).map(|r| (i, r)))
            .filter(|(_, r)| matches!(r.value, Record::Quote(_)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> CompiledKb {
        let text = r#"
[[source]]
id = "s"
title = "A book"
author = "Someone"

[[person]]
id = "trotsky"
name = "Leon Trotsky"
aliases = { en = ["Trotsky", "Lev Bronstein"], ru = ["Троцкий"] }
born = { date = "1879-10-26", calendar = "julian", source = "s" }

[[person]]
id = "kuhlmann"
name = "Richard von Kühlmann"
aliases = { en = ["Kühlmann"] }
source = "s"

[[event]]
id = "kiel-mutiny"
name = "Kiel mutiny"
start = "1918-11-03"
end = "1918-11-04"
participants = ["trotsky"]
source = "s"
"#;
        let kb = crate::load_texts([("t.toml", text.as_bytes())]);
        assert!(kb.problems.is_empty(), "{:?}", kb.problems);
        CompiledKb::from_vec(compile(&kb.records).unwrap()).unwrap()
    }

    #[test]
    fn finds_longest_mentions() {
        let kb = kb();
        let text = "Leon Trotsky said KUHLMANN knew of the Kiel Mutiny; Троцкий agreed.";
        let m = kb.find_mentions(text);
        let spans: Vec<&str> = m.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(
            spans,
            ["Leon Trotsky", "KUHLMANN", "Kiel Mutiny", "Троцкий"]
        );
        let id = |m: &Mention| kb.record(m.records[0]).unwrap().id().unwrap().to_string();
        assert_eq!(id(&m[0]), "trotsky");
        assert_eq!(id(&m[2]), "kiel-mutiny");
        // Light inflection through a base-form function.
        let text = "the Kiel mutinies";
        assert!(kb.find_mentions(text).is_empty());
        let m = kb.find_mentions_with(text, |t| {
            t.strip_suffix("ies")
                .map(|s| format!("{s}y"))
                .into_iter()
                .collect()
        });
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].start..m[0].end], "Kiel mutinies");
    }

    #[test]
    fn links_and_time() {
        let kb = kb();
        let t = kb.id_index("trotsky").unwrap();
        let linked: Vec<String> = kb
            .linked(t)
            .iter()
            .map(|i| kb.record(*i).unwrap().id().unwrap().to_string())
            .collect();
        assert_eq!(linked, ["kiel-mutiny"]);
        let day = histlint_time::HDate::parse_iso("1918-11-04")
            .unwrap()
            .interval()
            .unwrap()
            .start
            .0;
        assert_eq!(kb.overlapping(day, day).len(), 1);
        assert!(kb.overlapping(day + 1, day + 10).is_empty());
        assert_eq!(kb.lookup_name("lev  BRONSTEIN"), vec![t]);
        assert_eq!(kb.stats().people, 2);
    }

    #[test]
    fn rejects_garbage() {
        assert!(matches!(
            CompiledKb::from_vec(b"nope".to_vec()),
            Err(CompiledError::Magic)
        ));
        let mut bytes = compile(std::iter::empty()).unwrap();
        assert!(CompiledKb::from_vec(bytes.clone()).is_ok());
        bytes[7] = 99;
        assert!(matches!(
            CompiledKb::from_vec(bytes.clone()),
            Err(CompiledError::Version(99))
        ));
        bytes[7] = VERSION;
        bytes.truncate(HEADER + 3);
        assert!(CompiledKb::from_vec(bytes).is_err());
    }

    /// Regression (found by the `kb_compiled` fuzz target): a byte changed inside the
    /// alias FST made a lookup index out of bounds inside `fst` and panic; opening now
    /// checks the FSTs' checksums.
    #[test]
    fn corrupt_name_index_is_refused_at_open() {
        let good = kb();
        let bytes = good.buf.bytes().to_vec();
        for s in [Sec::Ids as usize, Sec::Aliases as usize] {
            let r = good.sections[s].clone();
            for at in [r.start, r.start + r.len() / 2, r.end - 5] {
                let mut b = bytes.clone();
                b[at] ^= 0x5a;
                assert!(CompiledKb::from_vec(b).is_err(), "section {s} byte {at}");
            }
        }
        assert!(CompiledKb::from_vec(bytes).is_ok());
    }

    /// Regression (found by the `kb_compiled` fuzz target): a corrupt alias FST whose
    /// checksum the fuzzer forged opens, and a lookup in it indexed out of bounds
    /// inside `fst`; the panic is now contained and the names read as unknown.
    #[test]
    fn forged_checksum_lookups_do_not_panic() {
        let bytes = include_bytes!("../tests/fixtures/forged-checksum.hlkb").to_vec();
        let kb = CompiledKb::from_vec(bytes).expect("its checksums match");
        for name in ["trotsky", "Leon Trotsky", "Троцкий", "lev bronstein", "x"] {
            let _ = kb.lookup_name(name);
            let _ = kb.id_index(name);
        }
        let _ = kb.find_mentions("Trotsky met Lenin in Petrograd in October 1917.");
    }

    /// Regression (found by the `kb_compiled` fuzz target): link and posting offsets
    /// near `u64::MAX` overflowed `offset * 4` and panicked instead of reading as
    /// missing records.
    #[test]
    fn huge_offsets_are_missing_records_not_panics() {
        let good = kb();
        let bytes = good.buf.bytes().to_vec();
        let section = |s: Sec| good.sections[s as usize].clone();
        let trotsky = good.id_index("trotsky").unwrap() as usize;
        // Every link offset huge.
        let mut b = bytes.clone();
        let links = section(Sec::Links);
        for k in (links.start..links.end).step_by(8) {
            b[k..k + 8].copy_from_slice(&(u64::MAX / 2).to_le_bytes());
        }
        let kb = CompiledKb::from_vec(b).unwrap();
        assert!(kb.linked(trotsky as u32).is_empty());
        // Every posting's count huge.
        let mut b = bytes;
        let postings = section(Sec::Postings);
        for k in (postings.start..postings.end).step_by(4) {
            b[k..k + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        }
        let kb = CompiledKb::from_vec(b).unwrap();
        assert!(kb.lookup_name("Trotsky").is_empty());
        assert!(
            kb.find_mentions("Trotsky and Kühlmann")
                .iter()
                .all(|m| m.records.is_empty())
        );
    }

    /// `quotes()` finds exactly the quote records, through the `kinds` section, and
    /// still finds them in a file without it (written before it existed).
    #[test]
    fn quotes_by_kind() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../kb");
        let loaded = crate::load_dir(&dir).unwrap();
        let bytes = compile(&loaded.records).unwrap();
        let kb = CompiledKb::from_vec(bytes.clone()).unwrap();
        let all: Vec<u32> = kb
            .iter()
            .filter(|(_, r)| matches!(r.value, Record::Quote(_)))
            .map(|(i, _)| i)
            .collect();
        assert!(!all.is_empty(), "the bundled KB folder has quotes");
        let by_kind: Vec<u32> = kb.quotes().map(|(i, _)| i).collect();
        assert_eq!(by_kind, all);
        // The same file with an empty `kinds` section, as older files have.
        let mut old = bytes;
        let at = 8 + Sec::Kinds as usize * 16 + 8;
        old[at..at + 8].copy_from_slice(&0u64.to_le_bytes());
        let kb = CompiledKb::from_vec(old).unwrap();
        assert!(kb.section(Sec::Kinds).is_empty());
        let fallback: Vec<u32> = kb.quotes().map(|(i, _)| i).collect();
        assert_eq!(fallback, all);
    }
}
