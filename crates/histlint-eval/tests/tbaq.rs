//! TempEval-3 timex scores on TimeBank + AQUAINT (TBAQ-cleaned), read in place from
//! `../shared/data/timeml/TBAQ-cleaned` (test-only data: never copied into the repo).

use std::collections::HashMap;
use std::path::PathBuf;

use histlint_eval::{ErrorKind, evaluate};

fn tbaq() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/timeml/TBAQ-cleaned")
}

#[test]
fn tbaq_scores() {
    let dir = tbaq();
    assert!(
        dir.is_dir(),
        "TBAQ-cleaned not found at {} (shared/ must sit beside the repository)",
        dir.display()
    );
    let eval = evaluate(&[dir]).expect("TBAQ reads");
    let t = &eval.total;
    println!(
        "TBAQ: {} files ({} skipped as copies), gold {}, system {}",
        eval.files.len(),
        eval.skipped.len(),
        t.gold,
        t.system
    );
    for (name, s) in [
        ("strict", t.strict),
        ("relaxed", t.relaxed),
        ("type", t.type_),
        ("value", t.value),
    ] {
        println!(
            "{name:<8} P {:.4}  R {:.4}  F1 {:.4}",
            s.precision, s.recall, s.f1
        );
    }
    println!(
        "throughput {:.2} MB/s ({} bytes in {:.4} s; debug builds are slow)",
        eval.throughput_mb_s, eval.text_bytes, eval.extract_seconds
    );
    let mut by_kind: HashMap<ErrorKind, usize> = HashMap::new();
    for e in &eval.errors {
        *by_kind.entry(e.kind).or_default() += 1;
    }
    println!("errors by kind: {by_kind:?}");
    assert_eq!(eval.files.len(), 256, "TimeBank 183 + AQUAINT 73");
    assert_eq!(eval.skipped.len(), 1, "testpipeline/ holds a copy");
    assert!(t.gold > 1000);
    // Floors just under what the extractor reaches (relaxed 0.940, value 0.801 when set);
    // the value floor is the target. Raise them as it improves, never lower them.
    assert!(
        t.relaxed.f1 >= 0.93,
        "relaxed F1 {:.4} < 0.93",
        t.relaxed.f1
    );
    assert!(t.value.f1 >= 0.80, "value F1 {:.4} < 0.80", t.value.f1);
}
