//! Times loading the bundled corpus and building its index in memory and on disk.
use std::time::Instant;
fn main() {
    let kb = histlint_bundled::compiled().unwrap();
    let t = Instant::now();
    let corpus = histlint_quote::bundled::corpus(Some(&kb)).unwrap();
    println!(
        "load+segment+attribute: {:?} ({} works, {} words)",
        t.elapsed(),
        corpus.works.len(),
        corpus.words()
    );
    let t = Instant::now();
    let ci = histlint_quote::CorpusIndex::new(corpus.clone(), &histlint_quote::IndexLocation::Ram)
        .unwrap();
    println!(
        "index in RAM: {:?} ({} passages)",
        t.elapsed(),
        ci.index.len()
    );
    let dir = std::env::temp_dir().join(format!("hq-probe-{}", std::process::id()));
    let t = Instant::now();
    let d = histlint_quote::CorpusIndex::new(
        corpus.clone(),
        &histlint_quote::IndexLocation::Cache(dir.clone()),
    )
    .unwrap();
    println!(
        "index on disk (build): {:?}, {} bytes",
        t.elapsed(),
        d.index.size_on_disk()
    );
    let t = Instant::now();
    let d2 = histlint_quote::CorpusIndex::new(
        corpus,
        &histlint_quote::IndexLocation::Cache(dir.clone()),
    )
    .unwrap();
    println!(
        "index on disk (open): {:?} built={}",
        t.elapsed(),
        d2.index.built
    );
    let t = Instant::now();
    let m = ci.search("We shall now proceed to construct the Socialist order!");
    println!("search: {:?} {}", t.elapsed(), m.len());
    std::fs::remove_dir_all(dir).unwrap();
}
