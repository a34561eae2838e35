//! Shared by the ingest targets: read the bytes as one format, strict and lenient, and
//! check the invariants `histlint_ingest::read` promises.

use histlint_ingest::{Format, Options, read};

/// Reads `data` as `format` in both modes; panics if an invariant does not hold.
pub fn read_both(data: &[u8], name: &str, format: Option<Format>) {
    // Small limits, so that the limit paths are reached by small inputs too.
    let strict = Options {
        format,
        max_bytes: 1 << 20,
        max_line_bytes: 4096,
        max_depth: 16,
        ..Options::default()
    };
    let lenient = Options {
        lenient: true,
        ..strict.clone()
    };
    let s = read(data, name, &strict);
    let l = read(data, name, &lenient);
    for doc in [&s, &l].into_iter().flatten() {
        let lines = histlint_ingest::decode(data).0.split('\n').count();
        for (i, c) in doc.cues.iter().enumerate() {
            assert_eq!(c.index, i, "cue index");
            assert!(
                c.line >= 1 && c.line <= lines,
                "cue line {} of {lines}",
                c.line
            );
        }
        for w in &doc.warnings {
            assert!(w.line <= lines, "warning line {} of {lines}", w.line);
        }
    }
    if let Err(e) = &s {
        assert!(!e.message.is_empty());
    }
    // Lenient mode keeps every cue strict mode reads.
    if let (Ok(s), Ok(l)) = (&s, &l) {
        assert_eq!(
            s.cues, l.cues,
            "a strict read and a lenient read of the same file differ"
        );
    }
}
