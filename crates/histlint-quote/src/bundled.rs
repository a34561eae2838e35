//! The corpus shipped in the binary: the public-domain works in `corpus/` at the
//! repository root (see `corpus/README.md`), embedded at build time.

use histlint_kb::CompiledKb;

use crate::corpus::{Corpus, CorpusError};

include!(concat!(env!("OUT_DIR"), "/bundled_corpus.rs"));

/// Loads the bundled corpus. `kb` resolves the names of the people quoted in it.
pub fn corpus(kb: Option<&CompiledKb>) -> Result<Corpus, CorpusError> {
    Corpus::from_files(
        FILES
            .iter()
            .map(|(p, b)| ((*p).to_string(), b.to_vec()))
            .collect(),
        kb,
    )
}
