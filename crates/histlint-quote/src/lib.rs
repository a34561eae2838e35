//! # histlint-quote
//!
//! Quote provenance: are these the words of the person they are attributed to?
//!
//! - [`corpus`]: the corpus model (works with metadata, passages with their chapter
//!   and paragraph, quotations inside them attributed to the person quoted);
//! - [`norm`]: normalisation that keeps each word's original byte span;
//! - [`index`]: the tantivy full-text index, built once per corpus content;
//! - [`align`]: near-verbatim alignment and its score;
//! - [`lookup`]: the verdicts (`attested`, `misattributed`, `unattested`,
//!   `no-corpus`), consulting the KB's quote records first;
//! - [`bundled`]: the corpus shipped in the binary (`corpus/` at the repository root).
//!
//! Invariants: no I/O except reading a corpus folder and the index cache folder; the
//! same corpus, KB and quote give the same answer; matches are ordered by score, file
//! and location.

pub mod align;
pub mod bundled;
pub mod corpus;
pub mod index;
pub mod lookup;
pub mod norm;

pub use corpus::{Corpus, CorpusError, Speaker, Work, WorkMeta};
pub use index::{IndexError, IndexLocation, QuoteIndex};
pub use lookup::{
    CorpusIndex, KbQuotes, Lookup, Match, Searched, Verdict, lookup, resolve_speaker,
};
