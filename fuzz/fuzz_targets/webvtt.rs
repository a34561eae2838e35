//! Fuzzes the WebVtt reader of histlint-ingest (strict and lenient).
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::read_both(data, "f.vtt", Some(histlint_ingest::Format::WebVtt));
});
