//! The full-text index of a corpus (tantivy): one document per passage, holding the
//! passage's normalised words with positions, and the passage's number.
//!
//! Built once per corpus content: on disk it lives in a folder named after the corpus
//! hash (`quote-index-<hash>`), so a changed corpus gets a new index and an unchanged
//! one is opened, not rebuilt. A folder is only used once its `READY` marker exists;
//! it is built under a temporary name and renamed, so a build that is interrupted is
//! never read.

use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{FAST, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term, doc};

use crate::corpus::Corpus;
use crate::norm;

/// Where the index lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexLocation {
    /// In memory, built on every start.
    Ram,
    /// In a cache folder, keyed by the corpus hash, built on first use.
    Cache(PathBuf),
}

/// The index could not be built or opened.
#[derive(Debug, thiserror::Error)]
#[error("quote index {path}: {message}")]
pub struct IndexError {
    pub path: String,
    pub message: String,
}

/// An open index.
pub struct QuoteIndex {
    searcher: Searcher,
    text: Field,
    pids: Vec<Column<u64>>,
    /// The folder, for an on-disk index.
    pub dir: Option<PathBuf>,
    /// Whether this call built the index (false: an existing one was opened).
    pub built: bool,
}

impl std::fmt::Debug for QuoteIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QuoteIndex")
            .field("dir", &self.dir)
            .field("docs", &self.searcher.num_docs())
            .finish()
    }
}

/// Version of the index layout: part of the folder name.
pub const INDEX_VERSION: u32 = 1;

fn schema() -> (Schema, Field, Field) {
    let mut b = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("whitespace")
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = b.add_text_field(
        "text",
        TextOptions::default().set_indexing_options(indexing),
    );
    let pid = b.add_u64_field("pid", FAST);
    (b.build(), text, pid)
}

/// The passages of a corpus in index order: `(work, passage)` for each passage id.
pub fn passage_ids(corpus: &Corpus) -> Vec<(u32, u32)> {
    corpus
        .works
        .iter()
        .enumerate()
        .flat_map(|(w, work)| (0..work.passages.len()).map(move |p| (w as u32, p as u32)))
        .collect()
}

/// The cache folder: `$XDG_CACHE_HOME/histlint`, else `$HOME/.cache/histlint`.
pub fn default_cache_dir() -> Option<PathBuf> {
    let from = |v: &str| {
        std::env::var_os(v)
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
    };
    from("XDG_CACHE_HOME")
        .map(|p| p.join("histlint"))
        .or_else(|| from("HOME").map(|h| h.join(".cache").join("histlint")))
}

fn err(path: &Path, e: impl std::fmt::Display) -> IndexError {
    IndexError {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

fn fill(index: &Index, corpus: &Corpus, text: Field, pid: Field) -> tantivy::Result<()> {
    // One thread: documents keep their order and the build is reproducible.
    let mut writer: IndexWriter = index.writer_with_num_threads(1, 64_000_000)?;
    let mut id = 0u64;
    for work in &corpus.works {
        for p in &work.passages {
            writer.add_document(
                doc!(text => norm::normalized(&work.text[p.start..p.end]), pid => id),
            )?;
            id += 1;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

impl QuoteIndex {
    /// Opens the index of `corpus` at `loc`, building it if needed.
    pub fn open_or_build(corpus: &Corpus, loc: &IndexLocation) -> Result<QuoteIndex, IndexError> {
        let (schema, text, pid) = schema();
        match loc {
            IndexLocation::Ram => {
                let index = Index::create_in_ram(schema);
                fill(&index, corpus, text, pid).map_err(|e| err(Path::new("(memory)"), e))?;
                QuoteIndex::from_index(&index, text, None, true)
            }
            IndexLocation::Cache(root) => {
                let name = format!("quote-index-v{INDEX_VERSION}-{:016x}", corpus.hash);
                let dir = root.join(&name);
                if dir.join("READY").is_file() {
                    let index = Index::open_in_dir(&dir).map_err(|e| err(&dir, e))?;
                    return QuoteIndex::from_index(&index, text, Some(dir), false);
                }
                std::fs::create_dir_all(root).map_err(|e| err(root, e))?;
                let tmp = root.join(format!(".{name}.building-{}", std::process::id()));
                if tmp.exists() {
                    std::fs::remove_dir_all(&tmp).map_err(|e| err(&tmp, e))?;
                }
                std::fs::create_dir_all(&tmp).map_err(|e| err(&tmp, e))?;
                {
                    let index = Index::create_in_dir(&tmp, schema).map_err(|e| err(&tmp, e))?;
                    fill(&index, corpus, text, pid).map_err(|e| err(&tmp, e))?;
                }
                std::fs::write(tmp.join("READY"), format!("{:016x}\n", corpus.hash))
                    .map_err(|e| err(&tmp, e))?;
                if std::fs::rename(&tmp, &dir).is_err() {
                    // Another process finished first: use its index.
                    let _ = std::fs::remove_dir_all(&tmp);
                    if !dir.join("READY").is_file() {
                        return Err(err(&dir, "could not move the new index into place"));
                    }
                }
                let index = Index::open_in_dir(&dir).map_err(|e| err(&dir, e))?;
                QuoteIndex::from_index(&index, text, Some(dir), true)
            }
        }
    }

    fn from_index(
        index: &Index,
        text: Field,
        dir: Option<PathBuf>,
        built: bool,
    ) -> Result<QuoteIndex, IndexError> {
        let where_ = dir.clone().unwrap_or_else(|| PathBuf::from("(memory)"));
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| err(&where_, e))?;
        let searcher = reader.searcher();
        let mut pids = Vec::new();
        for seg in searcher.segment_readers() {
            pids.push(seg.fast_fields().u64("pid").map_err(|e| err(&where_, e))?);
        }
        Ok(QuoteIndex {
            searcher,
            text,
            pids,
            dir,
            built,
        })
    }

    /// Number of passages indexed.
    pub fn len(&self) -> u64 {
        self.searcher.num_docs()
    }

    /// No passages at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes the index takes on disk (0 in memory).
    pub fn size_on_disk(&self) -> u64 {
        fn walk(p: &Path) -> u64 {
            std::fs::read_dir(p).map_or(0, |rd| {
                rd.filter_map(Result::ok)
                    .map(|e| {
                        let p = e.path();
                        if p.is_dir() {
                            walk(&p)
                        } else {
                            e.metadata().map_or(0, |m| m.len())
                        }
                    })
                    .sum()
            })
        }
        self.dir.as_deref().map_or(0, walk)
    }

    /// The passage ids (see [`passage_ids`]) most likely to hold these words: the
    /// passages holding at least half of the rarest of them (up to 12, fewer when they
    /// are common: at most about two postings per passage are read), ranked by BM25.
    pub fn candidates(&self, words: &[String], limit: usize) -> Vec<u64> {
        let mut terms: Vec<(u64, Term)> = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for w in words {
            if !seen.insert(w.as_str()) {
                continue;
            }
            let t = Term::from_field_text(self.text, w);
            let df = self.searcher.doc_freq(&t).unwrap_or(0);
            if df > 0 {
                terms.push((df, t));
            }
        }
        terms.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        // The rarest terms, up to 12, while the postings to read stay within a budget
        // (at least 3 terms): a quote of only common words stays fast.
        let budget = (self.searcher.num_docs() * 2).max(50_000);
        let mut read = 0u64;
        let mut keep = 0;
        for (df, _) in &terms {
            if keep >= 12 || (keep >= 3 && read + df > budget) {
                break;
            }
            read += df;
            keep += 1;
        }
        terms.truncate(keep);
        if terms.is_empty() {
            return Vec::new();
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .into_iter()
            .map(|(_, t)| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
                (Occur::Should, q)
            })
            .collect();
        // Near-verbatim quotes hold most of their words: at least half of the chosen
        // terms must be in a passage. This keeps quotes of common words fast.
        let required = clauses.len().div_ceil(2).max(1);
        let query = BooleanQuery::with_minimum_required_clauses(clauses, required);
        let Ok(top) = self
            .searcher
            .search(&query, &TopDocs::with_limit(limit).order_by_score())
        else {
            return Vec::new();
        };
        let mut out: Vec<u64> = top
            .into_iter()
            .filter_map(|(_, addr)| {
                self.pids
                    .get(addr.segment_ord as usize)
                    .and_then(|c| c.first(addr.doc_id))
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

// Keep the document type in scope for `doc!`.
#[allow(dead_code)]
type Doc = TantivyDocument;
