//! End to end on a generated season: 8 episodes of 750 subtitle cues (6,000 cues,
//! about 400 minutes), each episode read from SRT bytes and checked against the
//! bundled KB, KB load included.

mod common;

use common::{EPISODES, srt};
use criterion::{Criterion, criterion_group, criterion_main};
use histlint_check::{Cue, Options, Title};

fn season(c: &mut Criterion) {
    let episodes: Vec<Vec<u8>> = (0..EPISODES).map(srt).collect();
    let mut g = c.benchmark_group("season");
    g.sample_size(10);
    g.bench_function(
        "8 episodes, 6000 cues: read + check, bundled KB load included",
        |b| {
            b.iter(|| {
                let kb = histlint_bundled::compiled().unwrap();
                let mut findings = 0;
                for (i, bytes) in episodes.iter().enumerate() {
                    let name = format!("ep{i}.srt");
                    let doc =
                        histlint_ingest::read(bytes, &name, &histlint_ingest::Options::default())
                            .unwrap();
                    let title = Title {
                        name,
                        cues: doc.cues.into_iter().map(Cue::from).collect(),
                    };
                    findings += histlint_check::check(&title, &kb, &Options::default())
                        .findings
                        .len();
                }
                findings
            })
        },
    );
    g.finish();
}

criterion_group!(benches, season);
criterion_main!(benches);
