//! How long the bundled KB takes to load: open the embedded compiled form, and decode
//! every record (what a full check of a title needs at most).

use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    c.bench_function("bundled KB: open", |b| {
        b.iter(|| histlint_bundled::compiled().unwrap())
    });
    c.bench_function("bundled KB: open + decode every record", |b| {
        b.iter(|| {
            let kb = histlint_bundled::compiled().unwrap();
            kb.iter().count()
        })
    });
    c.bench_function("bundled KB: validate sources from TOML", |b| {
        b.iter(histlint_bundled::sources)
    });
}

criterion_group!(bundled, benches);
criterion_main!(bundled);
