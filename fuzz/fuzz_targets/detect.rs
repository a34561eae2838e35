//! Fuzzes format detection and the plain-text/Markdown reader: the first byte picks the
//! file name (and so the extension that breaks detection ties).
#![no_main]

mod common;

const NAMES: &[&str] = &[
    "f.srt",
    "f.vtt",
    "f.ttml",
    "f.xml",
    "f.fountain",
    "f.md",
    "f.txt",
    "f",
];

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(first) % NAMES.len()];
    common::read_both(rest, name, None);
    common::read_both(rest, name, Some(histlint_ingest::Format::Text));
});
