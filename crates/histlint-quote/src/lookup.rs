//! Verdicts: is a quote the words of the person it is attributed to?
//!
//! Order of evidence: the KB's quote records first (a quote the KB records as
//! misattributed or unattested gets that verdict, citing the record's origin; an
//! attested record settles who said it), then the corpus: matches in the speaker's own
//! words (attested), matches only in someone else's (misattributed), none in a searched
//! corpus of the speaker (unattested, with how much was searched), or nothing to search
//! (no-corpus).

use std::collections::BTreeSet;

use histlint_kb::{CompiledKb, EntityKind, Quote, QuoteStatus, Record};
use serde::Serialize;

use crate::align::{Pattern, align};
use crate::corpus::{Corpus, Passage, Speaker, Work};
use crate::index::{IndexError, IndexLocation, QuoteIndex, passage_ids};
use crate::norm;

/// Lowest alignment score that counts as the same words (see `docs/quotes.md`).
pub const THRESHOLD: f32 = 0.7;
/// Fewest words a quote must have to be searched in the corpus.
pub const MIN_WORDS: usize = 3;
/// Fewest passage words a corpus match must cover: three or four words in a row ("the
/// Congress is") are common English, not evidence of who said a sentence.
pub const MIN_MATCHED: usize = 5;
/// Passages retrieved from the index for alignment.
pub const CANDIDATES: usize = 40;
/// Most words a quote may have to be looked up (alignment is quadratic).
pub const MAX_WORDS: usize = 500;

/// What a lookup concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Found in the speaker's own words.
    Attested,
    /// Found, but someone else's words; or recorded as misattributed.
    Misattributed,
    /// The speaker's corpus was searched and holds nothing close enough; or the KB
    /// records the quote as found in no primary source.
    Unattested,
    /// Nothing to search for that speaker (or not in the quote's language).
    NoCorpus,
}

impl Verdict {
    /// The verdict's word.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Attested => "attested",
            Verdict::Misattributed => "misattributed",
            Verdict::Unattested => "unattested",
            Verdict::NoCorpus => "no-corpus",
        }
    }
}

/// A place in the corpus where the words are found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// Whose words they are: a KB id or a plain name.
    pub author: String,
    pub author_name: String,
    /// The work's author, when the words are a quotation inside the work (Reed
    /// reporting Lenin); `None` when they are the author's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quoted_by: Option<String>,
    /// The work's title.
    pub work: String,
    pub work_id: String,
    /// The work's date (ISO 8601, with its precision).
    pub date: String,
    pub location: String,
    /// The matching words, as the corpus has them.
    pub passage: String,
    /// Alignment score, 0..=1 (two decimals).
    pub score: f64,
    /// The work's file in the corpus.
    pub file: String,
    /// The work's language.
    pub language: String,
    /// 1-based line of the match in the work's file.
    pub line: usize,
    /// Where the work's text comes from.
    pub source: String,
    #[serde(skip)]
    pub year: i64,
    /// The days the work's date may be (for anachronism checks).
    #[serde(skip)]
    pub days: Option<histlint_time::DayInterval>,
}

/// The KB quote record a lookup used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordHit {
    pub id: String,
    /// attested | misattributed | unattested
    pub status: String,
    /// Who really said it (a KB id), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub work: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Sources, cited.
    pub sources: Vec<String>,
    /// KB file and line.
    pub file: String,
    pub line: usize,
    /// Alignment score against the record's text or a recorded translation.
    pub score: f64,
    /// KB record index (for evidence in `histlint check`).
    #[serde(skip)]
    pub index: u32,
    /// The first year of the record's date.
    #[serde(skip)]
    pub year: Option<i64>,
    /// The record's date as days, for anachronism checks.
    #[serde(skip)]
    pub days: Option<histlint_time::DayInterval>,
}

/// How much was searched for a speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Searched {
    /// Works by the speaker, or holding their reported words.
    pub works: usize,
    /// Words of the speaker in those works.
    pub words: usize,
    /// First and last year of those works.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<(i64, i64)>,
    /// Titles searched.
    pub titles: Vec<String>,
    /// Languages of those works.
    pub languages: Vec<String>,
    /// Words in the whole corpus (searched for matches by anyone).
    pub corpus_words: usize,
    pub corpus_works: usize,
}

impl Searched {
    /// "3 works, 185,412 words, 1914-1919".
    pub fn describe(&self) -> String {
        let years = match self.years {
            Some((a, b)) if a == b => format!(", {a}"),
            Some((a, b)) => format!(", {a}-{b}"),
            None => String::new(),
        };
        format!(
            "{} work{}, {} words{years}",
            self.works,
            if self.works == 1 { "" } else { "s" },
            thousands(self.words)
        )
    }
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The answer for one quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lookup {
    pub verdict: Verdict,
    /// Why, in a sentence.
    pub reason: String,
    /// Who the quote was attributed to.
    pub speaker: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_id: Option<String>,
    /// The quote's language (guessed from its script).
    pub language: String,
    /// The KB record that decided or supports the verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<RecordHit>,
    /// Where the words are found, best first.
    pub matches: Vec<Match>,
    /// What was searched (absent when there was no corpus for the speaker).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub searched: Option<Searched>,
}

/// A quote record: index, KB file, line, the record, and its texts by language.
type RecordForms = (u32, String, usize, Quote, Vec<(String, Pattern)>);

/// The KB's quote records, prepared for matching.
pub struct KbQuotes {
    quotes: Vec<RecordForms>,
}

impl KbQuotes {
    /// Collects the quote records of a KB.
    pub fn new(kb: &CompiledKb) -> KbQuotes {
        let mut quotes = Vec::new();
        for (i, r) in kb.quotes() {
            if let Record::Quote(q) = r.value {
                let mut forms = vec![(q.language.clone(), Pattern::new(&q.text))];
                if let Some(o) = &q.original {
                    forms.push((o.language.clone(), Pattern::new(&o.text)));
                }
                for t in &q.translations {
                    forms.push((t.language.clone(), Pattern::new(&t.text)));
                }
                quotes.push((i, r.file, r.line, q, forms));
            }
        }
        KbQuotes { quotes }
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.quotes.len()
    }

    /// No records.
    pub fn is_empty(&self) -> bool {
        self.quotes.is_empty()
    }

    /// Records whose text (or original, or a translation) holds the quote, best first:
    /// (score, record, texts of the record in every language).
    fn find(&self, text: &str) -> Vec<(f32, usize)> {
        let qwords: Vec<String> = norm::words(text).into_iter().map(|w| w.norm).collect();
        let qpat = Pattern::new(text);
        let mut out = Vec::new();
        for (k, (_, _, _, _, forms)) in self.quotes.iter().enumerate() {
            let mut best = 0.0f32;
            for (_, p) in forms {
                // The quote inside the record (a part of it), or the record inside the
                // quote (the quote adds words around it).
                let a = align(
                    &qpat,
                    &p.words.iter().map(String::as_str).collect::<Vec<_>>(),
                )
                .map_or(0.0, |a| a.score);
                let b = if p.len() >= MIN_WORDS {
                    align(p, &qwords.iter().map(String::as_str).collect::<Vec<_>>())
                        .map_or(0.0, |a| a.score)
                } else {
                    0.0
                };
                best = best.max(a).max(b);
            }
            if best >= THRESHOLD && (qwords.len() >= MIN_WORDS || best >= 0.999) {
                out.push((best, k));
            }
        }
        out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        out
    }
}

/// A corpus with its index: searches for the places a quote occurs.
pub struct CorpusIndex {
    pub corpus: Corpus,
    pub index: QuoteIndex,
    ids: Vec<(u32, u32)>,
    /// [`CorpusIndex::extent`] by speaker, computed once each (a season asks for the
    /// same few people thousands of times).
    extents: std::sync::Mutex<std::collections::HashMap<(Option<String>, String), Searched>>,
}

impl std::fmt::Debug for CorpusIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusIndex")
            .field("works", &self.corpus.works.len())
            .field("index", &self.index)
            .finish()
    }
}

fn round2(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

impl CorpusIndex {
    /// Indexes a corpus (or opens its cached index).
    pub fn new(corpus: Corpus, loc: &IndexLocation) -> Result<CorpusIndex, IndexError> {
        let index = QuoteIndex::open_or_build(&corpus, loc)?;
        let ids = passage_ids(&corpus);
        Ok(CorpusIndex {
            corpus,
            index,
            ids,
            extents: Default::default(),
        })
    }

    /// Who the words at `[s, e)` of a passage belong to.
    fn owner(work: &Work, p: &Passage, s: usize, e: usize) -> (Option<Speaker>, bool) {
        // The quoted person whose quotations cover most of the match, if they cover
        // at least half of it.
        let mut best: Option<(usize, &Option<Speaker>)> = None;
        for q in &p.quotes {
            let cover: usize = p
                .quotes
                .iter()
                .filter(|r| r.speaker == q.speaker)
                .map(|r| e.min(r.end).saturating_sub(s.max(r.start)))
                .sum();
            if cover > 0 && best.is_none_or(|(c, _)| cover > c) {
                best = Some((cover, &q.speaker));
            }
        }
        if let Some((cover, sp)) = best
            && cover * 2 >= e - s
        {
            return (sp.clone(), true);
        }
        if p.editorial
            && let Some(ed) = &work.meta.editor
        {
            return (
                Some(Speaker {
                    id: None,
                    name: ed.clone(),
                }),
                true,
            );
        }
        (Some(work.author()), false)
    }

    /// Every place in the corpus that holds the quote, best first.
    pub fn search(&self, text: &str) -> Vec<Match> {
        let pat = Pattern::new(text);
        if pat.len() < MIN_WORDS {
            return Vec::new();
        }
        let mut out = Vec::new();
        for pid in self.index.candidates(&pat.words, CANDIDATES) {
            let Some(&(w, p)) = self.ids.get(pid as usize) else {
                continue;
            };
            let work = &self.corpus.works[w as usize];
            let passage = &work.passages[p as usize];
            let ptext = &work.text[passage.start..passage.end];
            let ws = norm::words(ptext);
            let refs: Vec<&str> = ws.iter().map(|w| w.norm.as_str()).collect();
            let Some(a) = align(&pat, &refs) else {
                continue;
            };
            if a.score < THRESHOLD || a.end - a.start < MIN_MATCHED {
                continue;
            }
            let (s, e) = (ws[a.start].start, ws[a.end - 1].end);
            let (owner, inner) = Self::owner(work, passage, passage.start + s, passage.start + e);
            let (author, author_name) = match &owner {
                Some(sp) => (
                    sp.id.clone().unwrap_or_else(|| sp.name.clone()),
                    sp.name.clone(),
                ),
                None => (String::new(), "an unnamed source".to_string()),
            };
            out.push(Match {
                author,
                author_name,
                quoted_by: inner.then(|| work.meta.author_name.clone()),
                work: work.meta.title.clone(),
                work_id: work.meta.id.clone(),
                date: work.meta.date.clone(),
                location: work.location(passage),
                passage: ptext[s..e].split_whitespace().collect::<Vec<_>>().join(" "),
                score: round2(a.score),
                file: work.path.clone(),
                language: work.meta.language.clone(),
                line: work.text[..passage.start + s].matches('\n').count() + 1,
                source: work.meta.source.clone(),
                year: work.year(),
                days: work.date.interval().ok(),
            });
        }
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.file.cmp(&b.file))
                .then_with(|| a.location.cmp(&b.location))
        });
        out
    }

    /// What the corpus holds of a speaker: their works and their reported words.
    pub fn extent(&self, speaker: &Speaker) -> Searched {
        let key = (speaker.id.clone(), speaker.name.clone());
        if let Ok(cache) = self.extents.lock()
            && let Some(s) = cache.get(&key)
        {
            return s.clone();
        }
        let s = self.extent_uncached(speaker);
        if let Ok(mut cache) = self.extents.lock() {
            cache.insert(key, s.clone());
        }
        s
    }

    fn extent_uncached(&self, speaker: &Speaker) -> Searched {
        let mut works = 0;
        let mut words = 0;
        let mut years: Option<(i64, i64)> = None;
        let mut titles = Vec::new();
        let mut languages = BTreeSet::new();
        for w in &self.corpus.works {
            let own = w.author().same(speaker);
            let reported: usize = w
                .passages
                .iter()
                .flat_map(|p| &p.quotes)
                .filter(|q| q.speaker.as_ref().is_some_and(|s| s.same(speaker)))
                .map(|q| norm::words(&w.text[q.start..q.end]).len())
                .sum();
            if !own && reported == 0 {
                continue;
            }
            works += 1;
            words += if own { w.words } else { reported };
            let y = w.year();
            years = Some(years.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
            titles.push(w.meta.title.clone());
            languages.insert(w.meta.language.clone());
        }
        Searched {
            works,
            words,
            years,
            titles,
            languages: languages.into_iter().collect(),
            corpus_words: self.corpus.words(),
            corpus_works: self.corpus.works.len(),
        }
    }
}

/// The KB person a name names, or the name itself.
pub fn resolve_speaker(kb: &CompiledKb, name: &str) -> Speaker {
    let person = |r: Option<Record>| match r {
        Some(Record::Entity(e)) if e.kind == EntityKind::Person => Some(e),
        _ => None,
    };
    if let Some(e) = person(kb.get(name)) {
        return Speaker {
            id: Some(e.id),
            name: e.name,
        };
    }
    let people: Vec<_> = kb
        .lookup_name(name)
        .into_iter()
        .filter_map(|i| person(kb.record(i)))
        .collect();
    if let [e] = people.as_slice() {
        return Speaker {
            id: Some(e.id.clone()),
            name: e.name.clone(),
        };
    }
    Speaker {
        id: None,
        name: name.trim().to_string(),
    }
}

fn person_name(kb: &CompiledKb, id: &str) -> String {
    kb.get(id)
        .map(|r| r.label().to_string())
        .unwrap_or_else(|| id.to_string())
}

fn record_hit(kb: &CompiledKb, kq: &KbQuotes, k: usize, score: f32) -> RecordHit {
    let (i, file, line, q, _) = &kq.quotes[k];
    let sources = q
        .sources
        .iter()
        .map(|s| match kb.get(&s.source) {
            Some(Record::Source(src)) => src.cite(s.at.as_deref()),
            _ => s.source.clone(),
        })
        .collect();
    let work = q
        .work
        .as_deref()
        .map(|w| person_name(kb, w))
        .or_else(|| q.work_title.clone());
    // A quote record without a date takes its work's date.
    let date = q
        .date
        .or_else(|| match q.work.as_deref().and_then(|w| kb.get(w)) {
            Some(Record::Entity(e)) => e.start.and_then(|s| s.date),
            _ => None,
        });
    RecordHit {
        id: q.id.clone(),
        status: q.status.name().to_string(),
        speaker: q.speaker.clone(),
        text: q.text.clone(),
        origin: q.origin.clone(),
        work,
        date: date.map(|d| d.date.to_iso()),
        location: q.location.clone(),
        sources,
        file: file.clone(),
        line: *line,
        score: round2(score),
        index: *i,
        year: date.map(|d| d.date.year),
        days: date.and_then(|d| d.interval().ok()),
    }
}

/// Decides whether `text` is the words of `speaker`.
pub fn lookup(
    text: &str,
    speaker: &Speaker,
    kb: &CompiledKb,
    kq: &KbQuotes,
    corpus: Option<&CorpusIndex>,
) -> Lookup {
    let language = norm::guess_language(text).to_string();
    let mut out = Lookup {
        verdict: Verdict::NoCorpus,
        reason: String::new(),
        speaker: speaker.name.clone(),
        speaker_id: speaker.id.clone(),
        language: language.clone(),
        record: None,
        matches: Vec::new(),
        searched: None,
    };
    let n = norm::count_words(text);
    if n > MAX_WORDS {
        out.reason =
            format!("too long to look up: {n} words (at most {MAX_WORDS}); quote a passage of it");
        return out;
    }
    // 1. The KB's records.
    let hits = kq.find(text);
    let mut alt_texts: Vec<String> = Vec::new();
    if let Some(&(score, k)) = hits.first() {
        let q = &kq.quotes[k].3;
        let hit = record_hit(kb, kq, k, score);
        let real = q.speaker.as_deref();
        let is_real = real.is_some_and(|r| speaker.id.as_deref() == Some(r));
        let credited = q
            .attributed_to
            .iter()
            .any(|a| speaker.id.as_deref() == Some(a.as_str()));
        // The first sentence of the origin note: the full note is in the record.
        let origin = q.origin.as_deref().map_or(String::new(), first_sentence);
        let (verdict, reason) = match q.status {
            QuoteStatus::Attested if is_real || real.is_none() => (
                Verdict::Attested,
                format!(
                    "the KB records these words as {}'s{}",
                    speaker.name,
                    hit.work
                        .as_ref()
                        .map(|w| format!(
                            ", in {w}{}",
                            hit.location
                                .as_ref()
                                .map(|l| format!(" ({l})"))
                                .unwrap_or_default()
                        ))
                        .unwrap_or_default()
                ),
            ),
            QuoteStatus::Attested => (
                Verdict::Misattributed,
                format!(
                    "the KB records these words as {}'s, not {}'s{}",
                    person_name(kb, real.unwrap_or_default()),
                    speaker.name,
                    hit.work
                        .as_ref()
                        .map(|w| format!(" ({w})"))
                        .unwrap_or_default()
                ),
            ),
            _ if is_real => (
                Verdict::Attested,
                format!(
                    "the KB records {} as the real origin: {origin}",
                    speaker.name
                ),
            ),
            QuoteStatus::Misattributed => (
                Verdict::Misattributed,
                if credited {
                    format!(
                        "the KB records this as misattributed to {}: {origin}",
                        speaker.name
                    )
                } else {
                    format!("the KB records this as misattributed: {origin}")
                },
            ),
            QuoteStatus::Unattested => (
                Verdict::Unattested,
                format!(
                    "the KB records this as found in no primary source{}: {origin}",
                    if credited {
                        format!(" of {}", speaker.name)
                    } else {
                        String::new()
                    }
                ),
            ),
        };
        out.verdict = verdict;
        out.reason = reason;
        // Recorded forms in other languages can be searched too.
        let (_, _, _, q, forms) = &kq.quotes[k];
        let _ = q;
        for (lang, p) in forms {
            if *lang != language {
                alt_texts.push(p.words.join(" "));
            }
        }
        out.record = Some(hit);
    }
    // 2. The corpus.
    let Some(ci) = corpus else {
        if out.record.is_none() {
            out.reason = format!(
                "no corpus to search; the KB has no record of these words, so no verdict can be given for {}",
                speaker.name
            );
        }
        return out;
    };
    let mut matches = ci.search(text);
    for alt in &alt_texts {
        for m in ci.search(alt) {
            if !matches
                .iter()
                .any(|x| x.file == m.file && x.location == m.location)
            {
                matches.push(m);
            }
        }
    }
    let extent = ci.extent(speaker);
    let translated = !alt_texts.is_empty();
    out.matches = matches;
    if extent.works > 0 {
        out.searched = Some(extent.clone());
    }
    if out.record.is_some() {
        return out;
    }
    let mine = |m: &Match| {
        let sp = Speaker {
            id: crate::corpus::is_kb_id(&m.author).then(|| m.author.clone()),
            name: m.author_name.clone(),
        };
        !m.author.is_empty() && sp.same(speaker)
    };
    if let Some(m) = out.matches.iter().find(|m| mine(m)) {
        out.verdict = Verdict::Attested;
        out.reason = format!(
            "found in {}'s words: {} ({}), {}",
            speaker.name, m.work, m.date, m.location
        );
        // The speaker's own matches first.
        out.matches.sort_by_key(|m| !mine(m));
        return out;
    }
    if let Some(m) = out.matches.iter().find(|m| !m.author.is_empty()) {
        out.verdict = Verdict::Misattributed;
        out.reason = format!(
            "found, but as {}'s words, not {}'s: {} ({}), {}",
            m.author_name, speaker.name, m.work, m.date, m.location
        );
        return out;
    }
    if extent.works == 0 {
        out.verdict = Verdict::NoCorpus;
        out.reason = format!(
            "the corpus holds nothing by {}; only the KB's quote records were consulted",
            speaker.name
        );
        return out;
    }
    if !extent.languages.contains(&language) && !translated {
        out.verdict = Verdict::NoCorpus;
        out.reason = format!(
            "no verdict can be given: {}'s corpus is in {} and the quote is in {}, and the KB records no translation of it",
            speaker.name,
            language_name(&extent.languages.join(", ")),
            language_name(&language)
        );
        return out;
    }
    out.verdict = Verdict::Unattested;
    out.reason = format!(
        "not found in {}'s words: searched {} ({}){}",
        speaker.name,
        extent.describe(),
        extent.titles.join("; "),
        if out.matches.is_empty() {
            String::new()
        } else {
            "; the closest matches are quotations from unnamed sources".to_string()
        }
    );
    out
}

fn first_sentence(s: &str) -> String {
    let b = s.as_bytes();
    for (i, _) in s.match_indices(". ") {
        // Not after an initial ("J. Smith") or a short abbreviation.
        let word = s[..i].rsplit(' ').next().unwrap_or("");
        let abbreviation = word.len() <= 3 && word.starts_with(|c: char| c.is_uppercase());
        if !word.is_empty() && !abbreviation && b.get(i + 2).is_some_and(u8::is_ascii_uppercase) {
            return s[..=i].to_string();
        }
    }
    s.to_string()
}

fn language_name(code: &str) -> String {
    match code {
        "en" => "English".into(),
        "ru" => "Russian".into(),
        "de" => "German".into(),
        "fr" => "French".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentences() {
        assert_eq!(
            first_sentence("No Stalin text has it. The earliest form is 1925."),
            "No Stalin text has it."
        );
        assert_eq!(
            first_sentence("Said by Dr. Smith in 1925. Later."),
            "Said by Dr. Smith in 1925."
        );
        assert_eq!(first_sentence("One sentence"), "One sentence");
    }

    #[test]
    fn searched_extent_reads_well() {
        let s = Searched {
            works: 3,
            words: 185_412,
            years: Some((1914, 1919)),
            titles: vec![],
            languages: vec![],
            corpus_words: 0,
            corpus_works: 0,
        };
        assert_eq!(s.describe(), "3 works, 185,412 words, 1914-1919");
    }
}
