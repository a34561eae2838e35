//! Fuzzes the KB loader and validator (one TOML file), and, when the file is a valid
//! KB, compiling it and looking names up in the compiled index.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let kb = histlint_kb::load_texts([("fuzz.toml", data)]);
    for p in &kb.problems {
        assert!(!p.message.is_empty());
    }
    if kb.has_errors() {
        return;
    }
    let _ = kb.stats();
    let Ok(bytes) = histlint_kb::compiled::compile(kb.records.iter()) else {
        return;
    };
    let compiled = histlint_kb::CompiledKb::from_vec(bytes).expect("a KB histlint compiled opens");
    assert_eq!(compiled.len(), kb.records.len());
    for (i, r) in compiled.iter() {
        assert!(compiled.record(i).is_some());
        let _ = compiled.linked(i);
        let _ = r;
    }
    let text = String::from_utf8_lossy(data);
    let _ = compiled.find_mentions(&text);
});
