//! Quote lookup speed: one lookup on the bundled corpus, and on a generated corpus of
//! 10 million words (made deterministically at bench time in a temporary folder, never
//! committed), with index build time and size printed.
//!
//! Run: `cargo bench -p histlint-quote --bench lookup`.

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use histlint_quote::{Corpus, CorpusIndex, IndexLocation, KbQuotes, lookup, resolve_speaker};

/// A deterministic generator (64-bit LCG, high bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

const WORDS: usize = 10_000_000;
const WORKS: usize = 50;
const VOCAB: usize = 60_000;
const PLANTED: &str = "the committee of the garrison resolved to hold the bridges until morning";

/// Writes a corpus of `WORKS` works, `WORDS` words in all, Zipf-distributed over a
/// vocabulary of `VOCAB` invented words, paragraphs of 60-180 words; the sentence
/// `PLANTED` is in the middle of the last work.
fn generate(dir: &std::path::Path) -> Vec<String> {
    let mut rng = Lcg(42);
    let vocab: Vec<String> = (0..VOCAB)
        .map(|_| {
            let len = 2 + (rng.next() % 9) as usize;
            (0..len)
                .map(|_| (b'a' + (rng.next() % 26) as u8) as char)
                .collect()
        })
        .collect();
    // Zipf(1): cumulative weights 1/(r+1).
    let mut cum = Vec::with_capacity(VOCAB);
    let mut total = 0.0f64;
    for r in 0..VOCAB {
        total += 1.0 / (r as f64 + 1.0);
        cum.push(total);
    }
    let per_work = WORDS / WORKS;
    for w in 0..WORKS {
        let mut text = String::with_capacity(per_work * 7);
        let mut n = 0;
        while n < per_work {
            let para = 60 + (rng.next() % 120) as usize;
            for k in 0..para {
                let x = (rng.next() as f64 / (1u64 << 31) as f64) * total;
                let i = cum.partition_point(|&c| c < x).min(VOCAB - 1);
                if k > 0 {
                    text.push(' ');
                }
                text.push_str(&vocab[i]);
                if k % 15 == 14 {
                    text.push('.');
                }
            }
            text.push_str(".\n\n");
            n += para;
            if w == WORKS - 1 && n >= per_work / 2 && n < per_work / 2 + para {
                text.push_str(&format!("And {PLANTED}, as was reported.\n\n"));
            }
        }
        let name = format!("gen/work{w:03}");
        std::fs::create_dir_all(dir.join("gen")).unwrap();
        std::fs::write(dir.join(format!("{name}.txt")), text).unwrap();
        std::fs::write(
            dir.join(format!("{name}.toml")),
            format!(
                "id = \"gen-{w}\"\nauthor = \"Author {}\"\nauthor_name = \"Author {}\"\ntitle = \"Work {w}\"\n\
                 date = \"{}\"\nlanguage = \"en\"\nsource = \"generated\"\nlicence = \"CC0\"\n",
                w % 7,
                w % 7,
                1850 + w
            ),
        )
        .unwrap();
    }
    vocab
}

fn bench(c: &mut Criterion) {
    let kb = histlint_bundled::compiled().unwrap();
    let kq = KbQuotes::new(&kb);

    // The bundled corpus, index in memory (as the CLI does).
    let t = Instant::now();
    let corpus = histlint_quote::bundled::corpus(Some(&kb)).unwrap();
    let load = t.elapsed();
    let t = Instant::now();
    let ci = CorpusIndex::new(corpus.clone(), &IndexLocation::Ram).unwrap();
    let build = t.elapsed();
    let disk = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let on_disk =
        CorpusIndex::new(corpus, &IndexLocation::Cache(disk.path().to_path_buf())).unwrap();
    let build_disk = t.elapsed();
    eprintln!(
        "bundled corpus: {} works, {} words, {} passages; load+segment+attribute {load:?}; \
         index build in RAM {build:?}, on disk {build_disk:?}, {} bytes on disk",
        ci.corpus.works.len(),
        ci.corpus.words(),
        ci.index.len(),
        on_disk.index.size_on_disk()
    );
    let lenin = resolve_speaker(&kb, "Lenin");
    let trotsky = resolve_speaker(&kb, "Trotsky");
    let mut g = c.benchmark_group("bundled");
    g.bench_function("lookup attested (KB record + corpus)", |b| {
        b.iter(|| {
            lookup(
                black_box("We shall now proceed to construct the Socialist order!"),
                &lenin,
                &kb,
                &kq,
                Some(&ci),
            )
        })
    });
    g.bench_function("lookup unattested (corpus only)", |b| {
        b.iter(|| {
            lookup(
                black_box(
                    "The revolution is a locomotive that never waits for the timid and the tired.",
                ),
                &trotsky,
                &kb,
                &kq,
                Some(&ci),
            )
        })
    });
    g.finish();

    // 10 million generated words, index on disk.
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let vocab = generate(dir.path());
    let gen_time = t.elapsed();
    let t = Instant::now();
    let big = Corpus::load_dir(&dir.path().join("gen"), None).unwrap();
    let load = t.elapsed();
    let cache = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let big = CorpusIndex::new(big, &IndexLocation::Cache(cache.path().to_path_buf())).unwrap();
    let build = t.elapsed();
    eprintln!(
        "generated corpus: {} works, {} words, {} passages; generate {gen_time:?}; load {load:?}; \
         index build {build:?}, {} bytes on disk",
        big.corpus.works.len(),
        big.corpus.words(),
        big.index.len(),
        big.index.size_on_disk()
    );
    let t = Instant::now();
    let reopened = CorpusIndex::new(
        big.corpus.clone(),
        &IndexLocation::Cache(cache.path().to_path_buf()),
    )
    .unwrap();
    eprintln!(
        "generated corpus: reopening the cached index {:?} (built: {})",
        t.elapsed(),
        reopened.index.built
    );
    let who = histlint_quote::Speaker {
        id: None,
        name: "Author 0".into(),
    };
    let mut g = c.benchmark_group("10M words");
    g.sample_size(30);
    g.bench_function("lookup found", |b| {
        b.iter(|| lookup(black_box(PLANTED), &who, &kb, &kq, Some(&big)))
    });
    g.bench_function("lookup not found", |b| {
        b.iter(|| {
            lookup(
                black_box(
                    "the garrison of the committee will never surrender the bridges to anyone",
                ),
                &who,
                &kb,
                &kq,
                Some(&big),
            )
        })
    });
    // The worst case: only the commonest words of the corpus.
    let common: String = [0, 3, 1, 7, 2, 11, 5, 0, 9, 4, 6, 1, 8, 13]
        .iter()
        .map(|&i| vocab[i].as_str())
        .collect::<Vec<_>>()
        .join(" ");
    g.bench_function("lookup of common words", |b| {
        b.iter(|| lookup(black_box(&common), &who, &kb, &kq, Some(&big)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
