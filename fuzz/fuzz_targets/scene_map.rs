//! Fuzzes the scene map parser (`--scenes`, TOML) of histlint-check.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = histlint_check::SceneMap::parse(text) {
        let lines = text.split('\n').count();
        assert!(
            e.line >= 1 && e.line <= lines,
            "error line {} of {lines}",
            e.line
        );
    }
    let _ = histlint_check::scenemap::parse_timecode(text);
});
