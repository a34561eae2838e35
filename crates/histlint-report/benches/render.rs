//! Rendering a large season: the bundled example's SRT findings (24 or so) copied ten
//! times over an episode's running time, eight episodes (about 1,900 findings, each
//! with context, evidence and sources), as HTML and as ClaimReview JSON-LD.

use criterion::{Criterion, criterion_group, criterion_main};
use histlint_check::{Cue, Options, Title};
use histlint_report::claimreview::{self, Selection};
use histlint_report::html::{self, HtmlOptions};
use histlint_report::{Episode, ReviewConfig, Season, TitleMeta};

const CONFIG: &str = "[organization]\nname = \"Desk\"\nurl = \"https://desk.example/\"\n\n[review]\nurl = \"https://desk.example/r\"\ndate_published = \"2026-11-27\"\n";

fn big_season() -> Season {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/the-prophet.srt"
    );
    let bytes = std::fs::read(path).unwrap();
    let doc = histlint_ingest::read(&bytes, "the-prophet.srt", &Default::default()).unwrap();
    let title = Title {
        name: "the-prophet.srt".into(),
        cues: doc.cues.into_iter().map(Cue::from).collect(),
    };
    let kb = histlint_bundled::compiled().unwrap();
    let report = histlint_check::check(&title, &kb, &Options::default());
    let one = Episode::build("ep", TitleMeta::default(), &title, &report);
    let episodes = (0..8)
        .map(|e| {
            let mut ep = one.clone();
            ep.name = format!("ep{}.srt", e + 1);
            ep.running_ms = one.running_ms * 10;
            ep.items = (0..10)
                .flat_map(|k| {
                    one.items.iter().map(move |i| {
                        let mut i = i.clone();
                        i.at_ms += k * one.running_ms;
                        i.id = format!("{}-{e}-{k}", i.id);
                        i
                    })
                })
                .collect();
            ep
        })
        .collect();
    Season { episodes }
}

fn render(c: &mut Criterion) {
    let season = big_season();
    let cfg = ReviewConfig::parse(CONFIG).unwrap();
    let n = season.items().count();
    let mut g = c.benchmark_group("render");
    g.sample_size(20);
    g.bench_function(format!("html, 8 episodes, {n} findings"), |b| {
        b.iter(|| html::render(&season, &HtmlOptions::default()).len())
    });
    g.bench_function(format!("claimreview, 8 episodes, {n} findings"), |b| {
        b.iter(|| claimreview::export(&season, &cfg, None, Selection::AllButDismissed).len())
    });
    g.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
