//! The bundled KB: Russia 1879-1940, compiled into the binary at build time.

use histlint_kb::{CompiledKb, Kb, compiled::CompiledError};

include!(concat!(env!("OUT_DIR"), "/files.rs"));

/// The compiled bundled KB.
pub static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled.hlkb"));

/// Opens the compiled bundled KB (no copying, no parsing beyond the header).
pub fn compiled() -> Result<CompiledKb, CompiledError> {
    CompiledKb::from_static(COMPILED)
}

/// Loads and checks the bundled KB's source files.
pub fn sources() -> Kb {
    histlint_kb::load_texts(FILES.iter().map(|(n, b)| (*n, *b)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn bundled_kb_is_clean_and_compiled() {
        let kb = super::sources();
        assert!(!kb.has_errors(), "{:?}", kb.problems);
        let c = super::compiled().unwrap();
        assert_eq!(c.len(), kb.records.len());
        assert_eq!(c.stats(), {
            let mut s = kb.stats();
            s.aliases = c.stats().aliases;
            s
        });
    }
}
