//! The quote rules (HL009-HL011) on an invented KB and a small corpus: explicit
//! attributions, reported speech, drama dialogue, words quoted inside a work, recorded
//! fabrications, and quotations from the future.

use histlint_check::quotes::{CorpusSource, DialogueUnattested, QuoteSettings};
use histlint_check::{Cue, CueKind, Finding, Options, Severity, Title, Verdict, check};
use histlint_kb::CompiledKb;
use histlint_quote::{Corpus, CorpusIndex, IndexLocation};

const KB: &str = r#"
[[source]]
id = "ref"
title = "Reference"
author = "A. Historian"

[[person]]
id = "ada"
name = "Ada Example"
aliases = { en = ["Ada"] }
born = { date = "1850-05-01", source = "ref" }
died = { date = "1930-01-01", source = "ref" }

[[person]]
id = "bram"
name = "Bram Sample"
aliases = { en = ["Bram"] }
born = { date = "1860", source = "ref" }
died = { date = "1930", source = "ref" }

[[quote]]
id = "bram-fake-ferry"
text = "Every ferry carries the seed of its own sinking."
language = "en"
status = "unattested"
attributed_to = ["bram"]
origin = "Found in no text of Bram's; first printed in a 1970 calendar."
source = "ref"
"#;

const WORK: &str = "CHAPTER I\n\nTHE RIVER\n\nThe river will not wait for the timid boatman, \
and the bank does not remember who crossed it.\n\nThen Bram said, \u{201c}Bridges are built by \
those who have been drowned twice over.\u{201d}\n";

const META: &str = "id = \"ada-river\"\nauthor = \"ada\"\nauthor_name = \"Ada Example\"\n\
title = \"The River\"\ndate = \"1890\"\nlanguage = \"en\"\nsource = \"(invented)\"\nlicence = \"CC0\"\n";

fn kb() -> CompiledKb {
    let kb = histlint_kb::load_texts([("test.toml", KB.as_bytes())]);
    assert!(!kb.has_errors(), "{:?}", kb.problems);
    CompiledKb::from_vec(histlint_kb::compiled::compile(&kb.records).unwrap()).unwrap()
}

fn opts(kb: &CompiledKb, undecided: bool, dialogue: DialogueUnattested) -> Options {
    let corpus = Corpus::from_files(
        vec![
            ("ada/river.txt".into(), WORK.as_bytes().to_vec()),
            ("ada/river.toml".into(), META.as_bytes().to_vec()),
        ],
        Some(kb),
    )
    .unwrap();
    let ci = CorpusIndex::new(corpus, &IndexLocation::Ram).unwrap();
    Options {
        undecided,
        quotes: QuoteSettings {
            corpus: Some(CorpusSource::ready(ci)),
            dialogue_unattested: dialogue,
        },
        ..Options::default()
    }
}

fn cue(line: usize, kind: CueKind, speaker: Option<&str>, text: &str) -> Cue {
    Cue {
        line,
        start_ms: None,
        end_ms: None,
        speaker: speaker.map(str::to_string),
        kind,
        text: text.into(),
        scene: None,
        allow: Vec::new(),
    }
}

/// Checks lines under a caption dated `year`; returns (line, code) of quote findings.
fn run(year: &str, lines: &[(Option<&str>, &str)], o: &Options) -> Vec<Finding> {
    let k = kb();
    let mut cues = vec![cue(
        1,
        CueKind::Caption,
        None,
        &format!("NORTHTOWN, {year}"),
    )];
    for (i, (sp, t)) in lines.iter().enumerate() {
        let kind = if sp.is_some() {
            CueKind::Dialogue
        } else {
            CueKind::Action
        };
        cues.push(cue(i + 2, kind, *sp, t));
    }
    let title = Title {
        name: "t".into(),
        cues,
    };
    check(&title, &k, o)
        .findings
        .into_iter()
        .filter(|f| f.code >= "HL009" && f.code <= "HL011")
        .collect()
}

fn codes(f: &[Finding]) -> Vec<(usize, &'static str)> {
    f.iter().map(|f| (f.line, f.code)).collect()
}

#[test]
fn explicit_attributions() {
    let k = kb();
    let o = opts(&k, false, DialogueUnattested::default());
    let f = run(
        "1900",
        &[
            (
                None,
                "As Ada said, \"the river will not wait for the timid boatman\".",
            ),
            (
                None,
                "In the words of Bram: 'The river will not wait for the timid boatman.'",
            ),
            (
                None,
                "\u{201c}Bridges are built by those who have been drowned twice over,\u{201d} Ada wrote.",
            ),
            (
                None,
                "As Bram said, \u{201c}bridges are built by those who have been drowned twice over\u{201d}.",
            ),
            (
                None,
                "As Ada wrote, \u{00ab}the mountains are older than any grievance of men\u{00bb}.",
            ),
        ],
        &o,
    );
    assert_eq!(
        codes(&f),
        [(3, "HL009"), (4, "HL009"), (6, "HL010")],
        "{f:#?}"
    );
    // The misattribution names the real author and cites the corpus passage.
    assert!(
        f[0].message.contains("Ada Example's words"),
        "{}",
        f[0].message
    );
    assert_eq!(f[0].evidence[0].id, "ada-river");
    assert_eq!(f[0].evidence[0].kb_file, "corpus/ada/river.txt");
    assert_eq!(f[0].evidence[0].kb_line, 5);
    assert_eq!(f[0].severity, Severity::Error);
    // Words Ada reports from Bram are Bram's.
    assert!(f[1].message.contains("Bram Sample"), "{}", f[1].message);
    // The unattested one says how much was searched.
    assert!(f[2].message.contains("searched 1 work"), "{}", f[2].message);
    assert_eq!(f[2].severity, Severity::Warning);
}

#[test]
fn reported_speech_counts_only_against_a_misattribution() {
    let k = kb();
    let o = opts(&k, false, DialogueUnattested::default());
    let f = run(
        "1900",
        &[
            (
                None,
                "Ada wrote that the river would wait for nobody at all.",
            ),
            (
                None,
                "Bram wrote that the river will not wait for the timid boatman.",
            ),
        ],
        &o,
    );
    assert_eq!(codes(&f), [(3, "HL009")], "{f:#?}");
}

#[test]
fn dialogue_is_implicitly_the_speakers() {
    let k = kb();
    let lines: &[(Option<&str>, &str)] = &[
        (
            Some("ADA"),
            "The river will not wait for the timid boatman.",
        ),
        (Some("ADA"), "Pass me the salt and the good bread, please."),
        (
            Some("BRAM"),
            "Every ferry carries the seed of its own sinking.",
        ),
        (
            Some("BRAM"),
            "The river will not wait for the timid boatman, you know.",
        ),
    ];
    // Default: invented dialogue is not reported; a recorded fabrication is, and words
    // that are someone else's are.
    let f = run(
        "1900",
        lines,
        &opts(&k, false, DialogueUnattested::default()),
    );
    assert_eq!(codes(&f), [(4, "HL010"), (5, "HL009")], "{f:#?}");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(f[0].evidence[0].id, "bram-fake-ferry");
    // With --show-undecided, invented dialogue is an undecided info.
    let f = run(
        "1900",
        lines,
        &opts(&k, true, DialogueUnattested::default()),
    );
    let info: Vec<_> = f.iter().filter(|f| f.line == 3).collect();
    assert_eq!(info.len(), 1, "{f:#?}");
    assert_eq!(
        (info[0].severity, info[0].verdict),
        (Severity::Info, Verdict::Undecided)
    );
    // Configurable: off, or a warning.
    let f = run("1900", lines, &opts(&k, true, DialogueUnattested::Off));
    assert!(!f.iter().any(|f| f.line == 3), "{f:#?}");
    let f = run("1900", lines, &opts(&k, false, DialogueUnattested::Warning));
    assert!(
        f.iter()
            .any(|f| f.line == 3 && f.severity == Severity::Warning),
        "{f:#?}"
    );
}

#[test]
fn quoting_a_work_not_yet_written() {
    let k = kb();
    let o = opts(&k, false, DialogueUnattested::default());
    let line: &[(Option<&str>, &str)] = &[(
        Some("ADA"),
        "The river will not wait for the timid boatman.",
    )];
    let f = run("1870", line, &o);
    assert_eq!(codes(&f), [(2, "HL011")], "{f:#?}");
    assert!(
        f[0].message.contains("The River (1890)"),
        "{}",
        f[0].message
    );
    assert!(run("1895", line, &o).is_empty());
}

#[test]
fn without_a_corpus_only_records_count() {
    let f = run(
        "1900",
        &[
            (
                Some("BRAM"),
                "Every ferry carries the seed of its own sinking.",
            ),
            (
                None,
                "As Ada said, \"the mountains are older than any grievance of men\".",
            ),
        ],
        &Options::default(),
    );
    assert_eq!(codes(&f), [(2, "HL010")], "{f:#?}");
}
