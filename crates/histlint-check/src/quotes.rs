//! Quote claims: words a title puts in a historical person's mouth, and what the KB's
//! quote records and the corpus say of them (through `histlint-quote`).
//!
//! Claims come from
//! - explicit attributions: a quotation (“…”, "…", '…', ‘…’, «…», „…“) with a person
//!   named next to a speech word ("As Lenin said, '…'", "'…', Trotsky wrote", "in the
//!   words of Engels: …");
//! - reported speech: "Trotsky wrote that …" (only a match elsewhere or a KB record
//!   counts against it: a paraphrase is not expected to be found verbatim);
//! - drama dialogue: each line spoken by a speaker who is a KB person is implicitly
//!   theirs.

use std::cell::OnceCell;
use std::sync::{Arc, OnceLock};

use histlint_kb::{EntityKind, Record};
use histlint_quote::{CorpusIndex, KbQuotes, Lookup, Speaker, Verdict};

use crate::annotate::Target;
use crate::input::CueKind;
use crate::rules::Ctx;

/// How unattested drama dialogue (a historical person's line found nowhere in their
/// corpus) is reported. Recorded fabrications (a KB record `unattested`) are always
/// reported as warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DialogueUnattested {
    /// Not reported.
    Off,
    /// Reported as undecided (info), shown with `--show-undecided` (default: drama
    /// invents dialogue, so this is a question, not an error).
    #[default]
    Undecided,
    /// Reported as info.
    Info,
    /// Reported as a warning.
    Warning,
}

/// A corpus, loaded on first use (loading and indexing cost time; a title without
/// quote claims never pays it).
#[derive(Clone)]
pub struct CorpusSource {
    cell: Arc<OnceLock<Option<Arc<CorpusIndex>>>>,
    load: Arc<dyn Fn() -> Option<CorpusIndex> + Send + Sync>,
}

impl std::fmt::Debug for CorpusSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusSource")
            .field("loaded", &self.cell.get().is_some())
            .finish()
    }
}

impl CorpusSource {
    /// A corpus already loaded.
    pub fn ready(ci: CorpusIndex) -> CorpusSource {
        let cell = OnceLock::new();
        let _ = cell.set(Some(Arc::new(ci)));
        CorpusSource {
            cell: Arc::new(cell),
            load: Arc::new(|| None),
        }
    }

    /// A corpus loaded by `f` when first needed (`None`: none after all).
    pub fn lazy(f: impl Fn() -> Option<CorpusIndex> + Send + Sync + 'static) -> CorpusSource {
        CorpusSource {
            cell: Arc::new(OnceLock::new()),
            load: Arc::new(f),
        }
    }

    /// The corpus, loading it if needed.
    pub fn get(&self) -> Option<&CorpusIndex> {
        self.cell
            .get_or_init(|| (self.load)().map(Arc::new))
            .as_deref()
    }
}

/// Settings of the quote rules.
#[derive(Debug, Clone, Default)]
pub struct QuoteSettings {
    /// The corpus searched; `None`: only the KB's quote records are consulted.
    pub corpus: Option<CorpusSource>,
    pub dialogue_unattested: DialogueUnattested,
}

/// Where a claim comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimKind {
    /// A quotation with its speaker named.
    Explicit,
    /// "X wrote that …".
    Reported,
    /// A line of dialogue spoken by a historical person.
    Dialogue,
}

/// Words attributed to a person in a cue, and the verdict on them.
#[derive(Debug, Clone)]
pub struct QuoteClaim {
    pub cue: usize,
    /// Byte span of the words in the cue text.
    pub span: (usize, usize),
    pub text: String,
    pub speaker: Speaker,
    pub kind: ClaimKind,
    pub lookup: Lookup,
}

/// The quote claims of a title, found and looked up once, on first use.
pub struct QuoteState<'s> {
    settings: &'s QuoteSettings,
    claims: OnceCell<Vec<QuoteClaim>>,
}

impl<'s> QuoteState<'s> {
    pub fn new(settings: &'s QuoteSettings) -> QuoteState<'s> {
        QuoteState {
            settings,
            claims: OnceCell::new(),
        }
    }

    pub fn settings(&self) -> &QuoteSettings {
        self.settings
    }

    /// Every quote claim of the title with its verdict.
    pub fn claims(&self, ctx: &Ctx) -> &[QuoteClaim] {
        self.claims.get_or_init(|| find_claims(ctx, self.settings))
    }
}

/// Quotation spans in a text: (opening mark start, words start, words end, closing
/// mark end).
pub fn quotation_spans(text: &str) -> Vec<(usize, usize, usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let alnum = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_alphanumeric());
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (pos, c) = chars[k];
        let closes: &[char] = match c {
            '“' => &['”'],
            '«' => &['»'],
            '„' => &['“', '”'],
            '‹' => &['›'],
            '"' if k == 0 || !alnum(k - 1) => &['"'],
            '‘' => &['’'],
            '\'' if (k == 0 || !alnum(k - 1)) && alnum(k + 1) => &['\''],
            _ => {
                k += 1;
                continue;
            }
        };
        let single = matches!(c, '‘' | '\'');
        let close = (k + 1..chars.len()).find(|&j| {
            closes.contains(&chars[j].1)
                // A single quote inside a word is an apostrophe ("Lenin's").
                && !(single && alnum(j + 1) && alnum(j - 1))
        });
        match close {
            Some(j) => {
                let (cp, cc) = chars[j];
                out.push((pos, pos + c.len_utf8(), cp, cp + cc.len_utf8()));
                k = j + 1;
            }
            None => k += 1,
        }
    }
    out
}

fn person_speaker(ctx: &Ctx, p: u32) -> Option<Speaker> {
    match ctx.kb.get(p).map(|r| r.value.clone()) {
        Some(Record::Entity(e)) if e.kind == EntityKind::Person => Some(Speaker {
            id: Some(e.id),
            name: e.name,
        }),
        _ => None,
    }
}

fn has_speech(text: &str) -> bool {
    text.trim_end().ends_with(':')
        || histlint_quote::norm::words(text)
            .iter()
            .any(|w| histlint_quote::corpus::is_speech_word(&w.norm))
}

/// People named in `text[lo..hi]` of cue `i`: KB persons, and capitalised names next
/// to a speech word ("Engels wrote").
fn named(ctx: &Ctx, i: usize, lo: usize, hi: usize) -> Vec<(usize, Speaker)> {
    let text = &ctx.cues[i].text;
    let mut out: Vec<(usize, Speaker)> = ctx.anns[i]
        .mentions
        .iter()
        .filter(|m| m.start >= lo && m.end <= hi)
        .filter_map(|m| {
            m.unique(Target::Person)
                .and_then(|p| person_speaker(ctx, p))
                .map(|s| (m.start, s))
        })
        .collect();
    let ws = histlint_quote::norm::words(&text[lo..hi]);
    for (k, w) in ws.iter().enumerate() {
        let orig = &text[lo + w.start..lo + w.end];
        let cap = orig.chars().next().is_some_and(char::is_uppercase)
            && orig.chars().skip(1).any(char::is_lowercase);
        let speech_next = |j: Option<usize>| {
            j.and_then(|j| ws.get(j))
                .is_some_and(|x| histlint_quote::corpus::is_speech_word(&x.norm))
        };
        let covered = out
            .iter()
            .any(|(s, sp)| *s <= lo + w.start && lo + w.start < *s + sp.name.len().max(1));
        if cap
            && !covered
            && ![
                "As", "In", "The", "He", "She", "I", "We", "They", "It", "Comrades",
            ]
            .contains(&orig)
            && (speech_next(k.checked_sub(1)) || speech_next(Some(k + 1)))
            && !ctx.anns[i]
                .mentions
                .iter()
                .any(|m| m.start <= lo + w.start && lo + w.end <= m.end)
        {
            out.push((
                lo + w.start,
                Speaker {
                    id: None,
                    name: orig.to_string(),
                },
            ));
        }
    }
    out.sort_by_key(|x| x.0);
    out
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

const REPORTING: &[&str] = &[
    "said",
    "says",
    "wrote",
    "writes",
    "declared",
    "declares",
    "argued",
    "argues",
    "insisted",
    "claimed",
    "claims",
    "stated",
    "told",
    "announced",
    "proclaimed",
];

fn find_claims(ctx: &Ctx, settings: &QuoteSettings) -> Vec<QuoteClaim> {
    let kq = KbQuotes::new(ctx.kb.kb);
    let mut raw: Vec<(usize, (usize, usize), Speaker, ClaimKind)> = Vec::new();
    for (i, cue, ann) in ctx.claims() {
        let text = &cue.text;
        let mut explicit = false;
        for (ms, qs, qe, me) in quotation_spans(text) {
            if histlint_quote::norm::words(&text[qs..qe]).len() < 3 {
                continue;
            }
            let blo = floor(text, ms.saturating_sub(120));
            let ahi = ceil(text, me + 80);
            let after = named(ctx, i, me, ahi);
            let before = named(ctx, i, blo, ms);
            let who = if let Some((_, s)) = after.first().filter(|_| has_speech(&text[me..ahi])) {
                Some(s.clone())
            } else if let Some((_, s)) = before.last().filter(|_| has_speech(&text[blo..ms])) {
                Some(s.clone())
            } else {
                None
            };
            if let Some(s) = who {
                raw.push((i, (qs, qe), s, ClaimKind::Explicit));
                explicit = true;
            }
        }
        // "Trotsky wrote that …"
        for m in &ann.mentions {
            let Some(p) = m.unique(Target::Person) else {
                continue;
            };
            let clause = &ann.clauses[m.clause];
            let pos = clause.tokens.iter().position(|(s, _, _)| *s >= m.end);
            let Some(pos) = pos else { continue };
            let toks = &clause.tokens[pos..];
            if toks.len() >= 3
                && REPORTING.contains(&toks[0].2.as_str())
                && toks[1].2 == "that"
                && let Some(sp) = person_speaker(ctx, p)
            {
                let start = toks[2].0;
                let end = text[start..]
                    .find(['.', '!', '?', ';'])
                    .map_or(text.len(), |e| start + e);
                if histlint_quote::norm::words(&text[start..end]).len() >= 4 {
                    raw.push((i, (start, end), sp, ClaimKind::Reported));
                    explicit = true;
                }
            }
        }
        // A historical person's own line.
        if !explicit
            && cue.kind == CueKind::Dialogue
            && let Some(p) = cue
                .speaker
                .as_deref()
                .and_then(|s| crate::rules::presence::speaker_person(ctx, s))
            && let Some(sp) = person_speaker(ctx, p)
        {
            let t = text.trim_end();
            if histlint_quote::norm::words(t).len() >= 4 {
                raw.push((i, (0, t.len()), sp, ClaimKind::Dialogue));
            }
        }
    }
    let mut out = Vec::new();
    // the same words by the same person get the same verdict: look them up once
    let mut seen: std::collections::HashMap<
        (String, Option<String>, String),
        histlint_quote::Lookup,
    > = std::collections::HashMap::new();
    for (cue, span, speaker, kind) in raw {
        let words = &ctx.cues[cue].text[span.0..span.1];
        let normalized: Vec<String> = histlint_quote::norm::words(words)
            .into_iter()
            .map(|w| w.norm)
            .collect();
        let key = (
            normalized.join(" "),
            speaker.id.clone(),
            speaker.name.clone(),
        );
        let l = match seen.get(&key) {
            Some(l) => l.clone(),
            None => {
                let mut l = histlint_quote::lookup(words, &speaker, ctx.kb.kb, &kq, None);
                // too few words to match a passage (MIN_MATCHED): the corpus cannot
                // say who said them, so it is not opened for them
                if l.record.is_none()
                    && normalized.len() >= histlint_quote::lookup::MIN_MATCHED
                    && let Some(ci) = settings.corpus.as_ref().and_then(CorpusSource::get)
                {
                    l = histlint_quote::lookup(words, &speaker, ctx.kb.kb, &kq, Some(ci));
                }
                seen.insert(key, l.clone());
                l
            }
        };
        out.push(QuoteClaim {
            cue,
            span,
            text: words.to_string(),
            speaker,
            kind,
            lookup: l,
        });
    }
    out
}

/// Whether a verdict from the corpus alone (no KB record).
pub fn from_corpus(l: &Lookup) -> bool {
    l.record.is_none() && l.verdict != Verdict::NoCorpus
}

#[cfg(test)]
mod tests {
    use super::quotation_spans;

    fn inner(t: &str) -> Vec<&str> {
        quotation_spans(t)
            .into_iter()
            .map(|(_, s, e, _)| &t[s..e])
            .collect()
    }

    #[test]
    fn every_common_kind_of_quotation_mark() {
        assert_eq!(
            inner("He said “one two” and \"three four\"."),
            ["one two", "three four"]
        );
        assert_eq!(
            inner("Ленин писал: «Вся власть Советам»."),
            ["Вся власть Советам"]
        );
        assert_eq!(inner("Er sagte: „Alle Macht“ – gut."), ["Alle Macht"]);
        assert_eq!(
            inner("As Lenin said, 'we shan't wait', and ‘so on’."),
            ["we shan't wait", "so on"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        assert!(inner("Lenin's and Trotsky's books").is_empty());
        assert!(inner("an unclosed “quotation").is_empty());
    }
}
