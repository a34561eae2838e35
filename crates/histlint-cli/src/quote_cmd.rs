//! `histlint quote "TEXT" --by NAME`: is this quote the words of NAME?

use std::path::{Path, PathBuf};

use histlint_kb::CompiledKb;
use histlint_quote::{CorpusIndex, IndexLocation, KbQuotes, Lookup, Verdict};
use serde_json::json;

use crate::{Failure, Format, Outcome};

/// The JSON schema version of `histlint quote --format json`.
pub const SCHEMA: &str = "histlint-quote/1";

/// The arguments of `histlint quote`.
#[derive(clap::Args)]
pub struct QuoteArgs {
    /// The quoted words.
    pub text: String,
    /// Who they are attributed to: a KB id or any name of the person (e.g. Lenin).
    #[arg(long)]
    pub by: String,
    /// A corpus folder (default: the bundled corpus; see docs/quotes.md).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// A KB folder or compiled .hlkb file (default: the bundled KB).
    #[arg(long)]
    pub kb: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// How `histlint check` reports a historical person's line of dialogue found in none
/// of their works (`--unattested-dialogue`).
#[derive(Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum DialogueArg {
    /// Not reported.
    Off,
    /// Reported with --show-undecided only (drama invents dialogue).
    #[default]
    Undecided,
    /// Reported as info.
    Info,
    /// Reported as a warning.
    Warning,
}

/// Where a `--corpus` folder's index is kept: `$HISTLINT_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/histlint`, else `~/.cache/histlint`; in memory when none is set.
pub fn cache_location() -> IndexLocation {
    std::env::var_os("HISTLINT_CACHE_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(histlint_quote::index::default_cache_dir)
        .map_or(IndexLocation::Ram, IndexLocation::Cache)
}

/// Opens a corpus and its index: a folder (index cached on disk, keyed by the
/// corpus's content hash), or the bundled corpus (index built in memory).
pub fn open_corpus(dir: Option<&Path>, kb: &CompiledKb) -> Result<CorpusIndex, Failure> {
    match dir {
        Some(d) => {
            if !d.is_dir() {
                return Err(Failure(format!("{}: not a corpus folder", d.display())));
            }
            let corpus = histlint_quote::Corpus::load_dir(d, Some(kb))?;
            if corpus.works.is_empty() {
                return Err(Failure(format!(
                    "{}: no works (a work is NAME.txt with NAME.toml; see docs/quotes.md)",
                    d.display()
                )));
            }
            let loc = cache_location();
            match CorpusIndex::new(corpus.clone(), &loc) {
                Ok(ci) => Ok(ci),
                // An unwritable cache is no reason to fail: index in memory.
                Err(_) if loc != IndexLocation::Ram => {
                    Ok(CorpusIndex::new(corpus, &IndexLocation::Ram)?)
                }
                Err(e) => Err(e.into()),
            }
        }
        None => {
            let corpus = histlint_quote::bundled::corpus(Some(kb))
                .map_err(|e| Failure(format!("the bundled corpus: {e}")))?;
            Ok(CorpusIndex::new(corpus, &IndexLocation::Ram)?)
        }
    }
}

pub fn run(args: QuoteArgs) -> Result<Outcome, Failure> {
    if histlint_quote::norm::words(&args.text).is_empty() {
        return Err(Failure(
            "give the quoted words, e.g. `histlint quote \"All power to the Soviets!\" --by Lenin`"
                .into(),
        ));
    }
    if args.by.trim().is_empty() {
        return Err(Failure("--by needs a name, e.g. --by Lenin".into()));
    }
    let kb = crate::kb_cmd::open_kb(args.kb.as_deref())?;
    let ci = open_corpus(args.corpus.as_deref(), &kb)?;
    let speaker = histlint_quote::resolve_speaker(&kb, &args.by);
    let kq = KbQuotes::new(&kb);
    let l = histlint_quote::lookup(&args.text, &speaker, &kb, &kq, Some(&ci));
    let corpus_name = args
        .corpus
        .as_ref()
        .map_or("bundled".to_string(), |p| p.display().to_string());
    let stdout = match args.format {
        Format::Json => {
            let mut v = serde_json::to_value(&l)?;
            v["schema"] = json!(SCHEMA);
            v["quote"] = json!(args.text);
            v["corpus"] = json!({
                "source": corpus_name,
                "works": ci.corpus.works.len(),
                "words": ci.corpus.words(),
            });
            let mut s = serde_json::to_string_pretty(&v)?;
            s.push('\n');
            s
        }
        Format::Text => text(&args.text, &l, &ci, &corpus_name),
    };
    let code = u8::from(matches!(
        l.verdict,
        Verdict::Misattributed | Verdict::Unattested
    ));
    Ok(Outcome { stdout, code })
}

fn text(quote: &str, l: &Lookup, ci: &CorpusIndex, corpus_name: &str) -> String {
    let mut s = String::new();
    s.push_str(&format!("\u{201c}{}\u{201d}\n", quote.trim()));
    s.push_str(&format!(
        "  attributed to: {}{}\n",
        l.speaker,
        l.speaker_id
            .as_ref()
            .map(|i| format!(" ({i})"))
            .unwrap_or_default()
    ));
    s.push_str(&format!("  verdict: {}\n", l.verdict.name()));
    s.push_str(&format!("  why: {}\n", l.reason));
    if let Some(r) = &l.record {
        s.push_str(&format!(
            "  KB record: {} [{}] at {}:{}\n",
            r.id, r.status, r.file, r.line
        ));
        if let Some(o) = &r.origin {
            s.push_str(&format!("    origin: {o}\n"));
        }
        for src in &r.sources {
            s.push_str(&format!("    source: {src}\n"));
        }
    }
    if l.matches.is_empty() {
        s.push_str("  matches: none\n");
    } else {
        s.push_str("  matches:\n");
        for m in &l.matches {
            let by = match &m.quoted_by {
                Some(q) => format!("{}, quoted by {q}", m.author_name),
                None => m.author_name.clone(),
            };
            s.push_str(&format!(
                "    {:.2}  {by}: {} ({}), {}\n          \u{201c}{}\u{201d}\n",
                m.score, m.work, m.date, m.location, m.passage
            ));
        }
    }
    if let Some(x) = &l.searched {
        s.push_str(&format!(
            "  searched: {} by or reported of {} ({})\n",
            x.describe(),
            l.speaker,
            x.titles.join("; ")
        ));
    }
    s.push_str(&format!(
        "  corpus: {corpus_name}, {} works, {} words\n",
        ci.corpus.works.len(),
        ci.corpus.words()
    ));
    s
}

/// The quote rules' settings for `histlint check`: a `--corpus` folder is read (and
/// its errors reported) at once; the bundled corpus is loaded only when a title has a
/// quote claim the KB's records do not settle.
pub fn quote_settings(
    corpus: Option<&Path>,
    dialogue: DialogueArg,
    kb: &CompiledKb,
) -> Result<histlint_check::quotes::QuoteSettings, Failure> {
    use histlint_check::quotes::DialogueUnattested as D;
    use histlint_check::quotes::{CorpusSource, QuoteSettings};
    let source = match corpus {
        Some(dir) => CorpusSource::ready(open_corpus(Some(dir), kb)?),
        None => CorpusSource::lazy(|| {
            let kb = histlint_bundled::compiled().ok()?;
            open_corpus(None, &kb).ok()
        }),
    };
    Ok(QuoteSettings {
        corpus: Some(source),
        dialogue_unattested: match dialogue {
            DialogueArg::Off => D::Off,
            DialogueArg::Undecided => D::Undecided,
            DialogueArg::Info => D::Info,
            DialogueArg::Warning => D::Warning,
        },
    })
}
