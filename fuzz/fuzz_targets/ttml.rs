//! Fuzzes the Ttml reader of histlint-ingest (strict and lenient).
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::read_both(data, "f.ttml", Some(histlint_ingest::Format::Ttml));
});
