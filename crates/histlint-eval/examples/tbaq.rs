//! Development tool: scores the extractor on TimeML files and prints every error.
//! `cargo run --release -p histlint-eval --example tbaq -- DIR [kind]`
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("a TimeML folder"));
    let kind = args.next();
    let eval = histlint_eval::evaluate(&[dir]).expect("evaluation");
    for e in &eval.errors {
        if kind.as_deref().is_some_and(|k| k != e.kind.name()) {
            continue;
        }
        let g = e.gold.as_ref().map(|a| format!("{}:{}", a.ttype, a.value));
        let s = e
            .system
            .as_ref()
            .map(|a| format!("{}:{}", a.ttype, a.value));
        println!(
            "{}\t{}\t{:?}\tgold={}\tsys={}\t| {}",
            e.kind.name(),
            e.file.rsplit('/').next().unwrap_or(""),
            e.text,
            g.unwrap_or_default(),
            s.unwrap_or_default(),
            e.context
        );
    }
    let t = &eval.total;
    eprintln!("{t:?}");
    eprintln!("throughput {:.1} MB/s", eval.throughput_mb_s);
}
