//! Criterion benchmarks: opening and querying a compiled KB of 1M aliases, and
//! loading + compiling the bundled KB's format from TOML.

use criterion::{Criterion, criterion_group, criterion_main};
use histlint_kb::compiled::{CompiledKb, compile};

fn toml_kb(people: usize) -> String {
    let mut s =
        String::from("[[source]]\nid = \"gen\"\ntitle = \"Generated\"\nauthor = \"bench\"\n\n");
    for i in 0..people {
        s.push_str(&format!(
            "[[person]]\nid = \"p{i}\"\nname = \"Person Number{i}\"\naliases = {{ en = [\"Number{i}\", \"P. Number{i}\"] }}\nborn = {{ date = \"18{:02}-0{}-1{}\", calendar = \"julian\", source = \"gen\" }}\n\n[[fact]]\ntype = \"role\"\nsubject = \"p{i}\"\nrole = \"clerk\"\nstart = \"1900\"\nend = \"1905-03\"\nsource = \"gen\"\n\n",
            i % 100,
            1 + i % 9,
            i % 10
        ));
    }
    s
}

fn benches(c: &mut Criterion) {
    // A KB of 1,000 people in TOML: parse, validate, compile (the bundled KB's size).
    let text = toml_kb(1000);
    c.bench_function("toml 1k people: load + validate + compile", |b| {
        b.iter(|| {
            let kb = histlint_kb::load_texts([("gen.toml", text.as_bytes())]);
            assert!(!kb.has_errors());
            compile(&kb.records).unwrap()
        })
    });
    let kb = histlint_kb::load_texts([("gen.toml", text.as_bytes())]);
    let bytes = compile(&kb.records).unwrap();
    c.bench_function("compiled 1k people: open", |b| {
        b.iter(|| CompiledKb::from_vec(bytes.clone()).unwrap())
    });
    let ckb = CompiledKb::from_vec(bytes).unwrap();
    let sentence =
        "In 1903 Person Number17 met P. Number512 and Number999 in the town hall. ".repeat(100);
    c.bench_function("compiled 1k people: mentions in 7 KB", |b| {
        b.iter(|| ckb.find_mentions(&sentence))
    });
    c.bench_function("compiled 1k people: lookup + decode", |b| {
        b.iter(|| {
            let i = ckb.lookup_name("number512")[0];
            ckb.record(i).unwrap()
        })
    });
}

criterion_group!(kb, benches);
criterion_main!(kb);
