//! Prints the cues of subtitle or script files: `cargo run -p histlint-ingest
//! --example dump -- [--lenient] FILE...`.

use histlint_ingest::{Options, read};

fn main() {
    let mut opts = Options::default();
    for arg in std::env::args().skip(1) {
        if arg == "--lenient" {
            opts.lenient = true;
            continue;
        }
        let bytes = match std::fs::read(&arg) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{arg}: {e}");
                continue;
            }
        };
        match read(&bytes, &arg, &opts) {
            Err(e) => println!("{arg}: error: {e}"),
            Ok(doc) => {
                println!(
                    "{arg}: {} ({}), {} cues",
                    doc.format,
                    doc.encoding,
                    doc.cues.len()
                );
                for w in &doc.warnings {
                    println!("  warning: {w}");
                }
                for c in &doc.cues {
                    let time = match (c.start_ms, c.end_ms) {
                        (Some(s), Some(e)) => format!("{s}-{e}"),
                        (Some(s), None) => format!("{s}-"),
                        _ => String::new(),
                    };
                    println!(
                        "  #{} l{} {time} {:?} speaker={:?} scene={:?} lang={:?} allow={:?}\n    {:?}",
                        c.index, c.line, c.kind, c.speaker, c.scene, c.lang, c.allow, c.text
                    );
                }
            }
        }
    }
}
