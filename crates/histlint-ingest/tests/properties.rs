//! `read` never panics: arbitrary bytes, token soup, and mutations of valid files.

use histlint_ingest::{Document, Format, Options, read};
use proptest::prelude::*;

const FORMATS: [Option<Format>; 6] = [
    None,
    Some(Format::Srt),
    Some(Format::WebVtt),
    Some(Format::Ttml),
    Some(Format::Fountain),
    Some(Format::Text),
];

const SRT: &str = "1\n00:00:01,000 --> 00:00:04,000\n<i>TROTSKY: Comrades!</i>\n{histlint: allow anachronism}\n\n2\n00:00:05,500 --> 00:00:07,250\n- Who goes there?\n- A friend.\n\n3\n00:00:08,000 --> 00:00:09,000\n{\\an8}PETROGRAD, OCTOBER 1917\n\n4\n00:00:10,000 --> 00:00:12,000\n</i>My peaches &amp; cream\n";

const VTT: &str = "WEBVTT\nLanguage: en\n\nNOTE histlint: allow x\n\n1\n00:01.000 --> 00:02.000 line:0\n<v Lenin>Peace, <i>land</i> &amp; bread</v>\n\n00:03.000 --> 00:04.000\n<ruby>漢<rt>kan</rt></ruby> <00:03.500><c.x>done\n";

const TTML: &str = "<?xml version=\"1.0\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\" ttp:frameRate=\"25\" xml:lang=\"en\"><head><layout><region xml:id=\"r\" itts:forcedDisplay=\"true\"/></layout></head><body><div timeContainer=\"seq\"><p dur=\"1s\">a<br/>b</p><p begin=\"00:00:01:12\" end=\"5s\" region=\"r\"><span begin=\"1s\">c</span> &amp; d</p></div></body></tt>\n";

const FOUNTAIN: &str = "Title: X\n\nINT. ROOM - DAY #1#\n\nAction *here*.\nSUPER: 1917\n\nLENIN (V.O.)\n(beat)\nWords. [[histlint: allow a]]\n\n> CUT TO:\n\n~la la\n\n/* bone\nyard */\n";

fn check(d: &Document) {
    for (i, c) in d.cues.iter().enumerate() {
        assert_eq!(c.index, i);
        assert!(c.line >= 1);
        if let (Some(s), Some(e)) = (c.start_ms, c.end_ms) {
            assert!(s <= e, "{s} > {e}");
        }
    }
}

fn read_all_ways(bytes: &[u8]) {
    for format in FORMATS {
        for lenient in [false, true] {
            let opts = Options {
                format,
                lenient,
                max_line_bytes: 300,
                ..Options::default()
            };
            if let Ok(d) = read(bytes, "input", &opts) {
                check(&d);
            }
        }
    }
}

/// Mutations of a valid file: (kind, position, length, replacement bytes).
fn mutate(base: &[u8], ops: &[(u8, usize, usize, Vec<u8>)]) -> Vec<u8> {
    let mut v = base.to_vec();
    for (kind, pos, len, bytes) in ops {
        if v.is_empty() {
            v.extend_from_slice(bytes);
            continue;
        }
        let p = pos % v.len();
        let l = (*len).min(v.len() - p);
        match kind % 4 {
            0 => {
                v.drain(p..p + l);
            }
            1 => {
                v.splice(p..p, bytes.iter().copied());
            }
            2 => {
                let chunk: Vec<u8> = v[p..p + l].to_vec();
                v.splice(p..p, chunk);
            }
            _ => {
                for (k, b) in bytes.iter().enumerate() {
                    if p + k < v.len() {
                        v[p + k] = *b;
                    }
                }
            }
        }
    }
    v
}

fn token_soup() -> impl Strategy<Value = String> {
    let tokens = prop::sample::select(vec![
        "WEBVTT",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "-->",
        " --> ",
        "00:00:01,000",
        "00:01.000",
        "99:99:99",
        "1",
        "2",
        "<",
        ">",
        "</",
        "<v ",
        "<i>",
        "</i>",
        "<ruby>",
        "<rt>",
        "&",
        "&amp;",
        "&lt",
        ";",
        "{\\an8}",
        "{",
        "}",
        "[[",
        "]]",
        "/*",
        "*/",
        "INT. ",
        "EXT. ",
        "TROTSKY",
        "(V.O.)",
        "@",
        "^",
        "~",
        ">",
        "<",
        "#",
        "=",
        "===",
        "!",
        ".",
        "SUPER:",
        "NOTE",
        "STYLE",
        "<tt>",
        "</tt>",
        "<body>",
        "<p begin=\"1s\">",
        "</p>",
        "<br/>",
        "<span dur=\"2f\">",
        "</span>",
        "<!--",
        "-->",
        "histlint: allow x",
        "\u{feff}",
        "é",
        "Троцкий",
        "  ",
        "\t",
        "Lenin: ",
        "- ",
        "*",
        "_",
        "[a](b)",
    ]);
    prop::collection::vec(tokens, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        read_all_ways(&bytes);
    }

    #[test]
    fn arbitrary_text(s in "\\PC{0,300}") {
        read_all_ways(s.as_bytes());
    }

    #[test]
    fn token_soups(s in token_soup()) {
        read_all_ways(s.as_bytes());
    }

    #[test]
    fn mutated_srt(ops in prop::collection::vec(
        (any::<u8>(), any::<usize>(), 0usize..20, prop::collection::vec(any::<u8>(), 0..8)), 1..6)
    ) {
        let bytes = mutate(SRT.as_bytes(), &ops);
        read_all_ways(&bytes);
        // Lenient SRT reading of a mutated SRT fails only for whole-file reasons.
        let opts = Options { format: Some(Format::Srt), lenient: true, ..Options::default() };
        if let Err(e) = read(&bytes, "x.srt", &opts) {
            prop_assert!(e.message.contains("binary"), "{}", e);
        }
    }

    #[test]
    fn mutated_other_formats(which in 0usize..3, ops in prop::collection::vec(
        (any::<u8>(), any::<usize>(), 0usize..20, prop::collection::vec(any::<u8>(), 0..8)), 1..6)
    ) {
        let base = [VTT, TTML, FOUNTAIN][which];
        read_all_ways(&mutate(base.as_bytes(), &ops));
    }
}

#[test]
fn bases_read_cleanly() {
    for (base, name, n) in [
        (SRT, "a.srt", 4),
        (VTT, "a.vtt", 2),
        (TTML, "a.ttml", 3),
        (FOUNTAIN, "a.fountain", 6),
    ] {
        let d = read(base.as_bytes(), name, &Options::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(d.cues.len(), n, "{name}: {:#?}", d.cues);
    }
}
