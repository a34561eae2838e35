//! Throughput of [`extract`] on the benchmark corpus (`../shared/bench/corpus_200k.txt`,
//! 200 KB of synthetic drama prose dense with temporal expressions), with and without
//! an anchor, and on prose with few expressions.

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use histlint_temporal::{Lang, extract};
use histlint_time::HDate;

fn corpus() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/corpus_200k.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|_| {
        // Without the shared corpus, a stand-in of the same kind.
        "On 25 October 1917 (O.S.) the cruiser fired. A year later, in the spring of 1918, \
         the delegates had spent three and a half years in exile. The second regiment may have \
         refused to march. Between 1905 and 1907 they met every year at dawn.\n"
            .repeat(1000)
    })
}

fn benches(c: &mut Criterion) {
    let text = corpus();
    let anchor = HDate::parse_iso("1917-11-07").unwrap();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("corpus_200k", |b| b.iter(|| extract(&text, Lang::En, None)));
    g.bench_function("corpus_200k with anchor", |b| {
        b.iter(|| extract(&text, Lang::En, Some(&anchor)))
    });
    let plain = "The crowd gathered in the square outside the station, and nobody in the room said a word. \
                 The guns of the cruiser were trained on the bridge while the printing presses worked on.\n"
        .repeat(1000);
    g.throughput(Throughput::Bytes(plain.len() as u64));
    g.bench_function("plain prose", |b| {
        b.iter(|| extract(&plain, Lang::En, None))
    });
    g.finish();
}

criterion_group!(extract_benches, benches);
criterion_main!(extract_benches);
