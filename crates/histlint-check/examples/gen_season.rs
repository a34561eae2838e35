//! Writes the generated season of the `season` benchmark as SRT files, for the
//! whole-program benchmark (`scripts/bench-e2e.sh`):
//! `cargo run --release -p histlint-check --example gen_season -- OUT_DIR` writes
//! `OUT_DIR/ep1.srt` .. `OUT_DIR/ep8.srt` (8 episodes, 6,000 cues).

#[path = "../benches/common/mod.rs"]
mod common;

use common::{EPISODES, srt};

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: gen_season OUT_DIR");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("gen_season: {}: {e}", dir.display());
        std::process::exit(2);
    }
    for ep in 0..EPISODES {
        let path = dir.join(format!("ep{}.srt", ep + 1));
        if let Err(e) = std::fs::write(&path, srt(ep)) {
            eprintln!("gen_season: {}: {e}", path.display());
            std::process::exit(2);
        }
    }
    println!(
        "{}: {EPISODES} episodes, {} cues",
        dir.display(),
        EPISODES * common::CUES
    );
}
