//! Hostile and awkward inputs built in the test: legacy encodings, UTF-16, CRLF,
//! huge lines, binary junk, truncation, absurd timecodes, XML bombs.

use histlint_ingest::{BINARY_MESSAGE, CueKind, Format, Options, read};
use std::time::{Duration, Instant};

fn strict() -> Options {
    Options::default()
}

fn lenient() -> Options {
    Options {
        lenient: true,
        ..Options::default()
    }
}

const RU_SRT: &str = "1\n00:00:01,000 --> 00:00:04,000\nТРОЦКИЙ: Товарищи! Революция победила.\n\n2\n00:00:05,000 --> 00:00:08,000\nЛенин говорит о мире, о земле и о хлебе.\n\n3\n00:00:09,000 --> 00:00:12,000\nПЕТРОГРАД, 25 ОКТЯБРЯ 1917 ГОДА\n\n4\n00:00:13,000 --> 00:00:15,000\nТроцкий уходит.\n";

#[test]
fn windows_1251_russian_srt() {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(RU_SRT);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let d = read(&bytes, "ru.srt", &strict()).unwrap();
    assert_eq!(d.encoding, "windows-1251");
    assert_eq!(d.format, Format::Srt);
    assert_eq!(d.cues.len(), 4);
    assert_eq!(d.cues[0].speaker.as_deref(), Some("ТРОЦКИЙ"));
    assert_eq!(d.cues[0].text, "Товарищи! Революция победила.");
    assert_eq!(d.cues[2].kind, CueKind::Caption);
    assert_eq!(d.cues[3].text, "Троцкий уходит.");
    assert!(d.cues.iter().any(|c| c.text.contains("Троцкий")));
}

#[test]
fn koi8_russian_srt() {
    let (bytes, _, _) = encoding_rs::KOI8_R.encode(RU_SRT);
    let d = read(&bytes, "ru.srt", &strict()).unwrap();
    // chardetng names KOI8-U, which decodes Russian text as KOI8-R does.
    assert!(d.encoding.starts_with("KOI8"), "{}", d.encoding);
    assert_eq!(d.cues[3].text, "Троцкий уходит.");
}

#[test]
fn windows_1252_french() {
    let fr = "1\n00:00:01,000 --> 00:00:03,000\nLa révolution a éclaté à Pétrograd.\n\n2\n00:00:04,000 --> 00:00:06,000\nLe gouvernement provisoire est tombé, déjà très affaibli.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(fr);
    let d = read(&bytes, "fr.srt", &strict()).unwrap();
    assert_eq!(d.encoding, "windows-1252");
    assert_eq!(d.cues[0].text, "La révolution a éclaté à Pétrograd.");
    assert!(d.cues[1].text.contains("tombé, déjà très"));
}

#[test]
fn utf16le_with_bom_and_crlf() {
    let src = RU_SRT.replace('\n', "\r\n");
    let mut bytes = vec![0xff, 0xfe];
    for u in src.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let d = read(&bytes, "ru.srt", &strict()).unwrap();
    assert_eq!(d.encoding, "UTF-16LE");
    assert_eq!(d.cues.len(), 4);
    assert_eq!(d.cues[3].text, "Троцкий уходит.");
    assert_eq!(d.cues[3].line, 15);
    // UTF-16BE with BOM too.
    let mut be = vec![0xfe, 0xff];
    for u in src.encode_utf16() {
        be.extend_from_slice(&u.to_be_bytes());
    }
    let d2 = read(&be, "ru.srt", &strict()).unwrap();
    assert_eq!(d2.encoding, "UTF-16BE");
    assert_eq!(d2.cues, d.cues);
}

#[test]
fn crlf_and_lone_cr() {
    let lf =
        "1\n00:00:01,000 --> 00:00:02,000\nOne\ntwo\n\n2\n00:00:03,000 --> 00:00:04,000\nThree\n";
    let a = read(lf.as_bytes(), "a.srt", &strict()).unwrap();
    let b = read(lf.replace('\n', "\r\n").as_bytes(), "a.srt", &strict()).unwrap();
    let c = read(lf.replace('\n', "\r").as_bytes(), "a.srt", &strict()).unwrap();
    assert_eq!(a.cues, b.cues);
    assert_eq!(a.cues, c.cues);
    assert_eq!(b.cues[0].text, "One\ntwo");
}

fn srt_with_long_line(len: usize) -> Vec<u8> {
    let mut s = String::from(
        "1\n00:00:01,000 --> 00:00:02,000\nBefore\n\n2\n00:00:03,000 --> 00:00:04,000\n",
    );
    s.push_str(&"x".repeat(len));
    s.push_str("\n\n3\n00:00:05,000 --> 00:00:06,000\nAfter\n");
    s.into_bytes()
}

#[test]
fn ten_megabyte_line() {
    let bytes = srt_with_long_line(10 * 1024 * 1024);
    let t = Instant::now();
    let e = read(&bytes, "big.srt", &strict()).unwrap_err();
    assert_eq!(e.line, 7);
    assert!(
        e.message.contains("10485760 bytes") && e.message.contains("limit"),
        "{e}"
    );
    let d = read(&bytes, "big.srt", &lenient()).unwrap();
    let texts: Vec<&str> = d.cues.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Before", "After"]);
    assert_eq!(d.cues[1].index, 1);
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(d.warnings[0].line, 7);
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
    // The same line in other formats.
    for (name, prefix) in [
        ("big.md", "Para one.\n\n"),
        ("big.fountain", "INT. ROOM - DAY\n\n"),
    ] {
        let mut s = String::from(prefix);
        s.push_str(&"y".repeat(2 * 1024 * 1024));
        s.push_str("\n\nLast words.\n");
        let e = read(s.as_bytes(), name, &strict()).unwrap_err();
        assert_eq!(e.line, 3, "{name}");
        let d = read(s.as_bytes(), name, &lenient()).unwrap();
        assert_eq!(d.cues.last().unwrap().text, "Last words.", "{name}");
        assert!(d.cues.iter().all(|c| c.text.len() < 100), "{name}");
    }
}

#[test]
fn binary_junk() {
    // Deterministic pseudo-random bytes.
    let mut x: u32 = 0x1234_5678;
    let junk: Vec<u8> = (0..100_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect();
    let e = read(&junk, "movie.srt", &strict()).unwrap_err();
    assert_eq!(e.message, BINARY_MESSAGE);
    let e = read(&junk, "movie.srt", &lenient()).unwrap_err();
    assert_eq!(e.message, BINARY_MESSAGE);
    // Junk without any NUL: over 10% control characters.
    let ctl: Vec<u8> = (0..4000u32)
        .map(|i| if i % 5 == 0 { 0x01 } else { b'a' })
        .collect();
    let e = read(&ctl, "x.txt", &strict()).unwrap_err();
    assert_eq!((e.line, e.message.as_str()), (1, BINARY_MESSAGE));
    // A PNG header.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    assert_eq!(
        read(png, "x.png", &strict()).unwrap_err().message,
        BINARY_MESSAGE
    );
}

#[test]
fn nul_bytes_name_their_line() {
    let s =
        b"1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n00:00:03,000 --> 00:00:04,000\nbad\0text\n";
    let e = read(s, "x.srt", &strict()).unwrap_err();
    assert_eq!((e.line, e.message.as_str()), (7, BINARY_MESSAGE));
    assert_eq!(e.to_string(), format!("line 7: {BINARY_MESSAGE}"));
}

#[test]
fn truncated_files() {
    for (s, line) in [
        (
            "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:04,000",
            6,
        ),
        ("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n", 5),
        ("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,0", 6),
    ] {
        let e = read(s.as_bytes(), "x.srt", &strict()).unwrap_err();
        assert_eq!(e.line, line, "{s:?}: {e}");
        let d = read(s.as_bytes(), "x.srt", &lenient()).unwrap();
        assert_eq!(d.cues.len(), 1, "{s:?}");
        assert_eq!(d.warnings.len(), 1, "{s:?}");
    }
    let e = read(
        b"WEBVTT\n\n00:01.000 --> 00:02.000\nA\n\n00:03.000 --> 00:04.000\n",
        "x.vtt",
        &strict(),
    )
    .unwrap_err();
    assert_eq!(e.line, 6);
    let e = read(
        b"<tt><body><div><p begin=\"1s\">Half a",
        "x.ttml",
        &strict(),
    )
    .unwrap_err();
    assert!(
        e.message.contains("truncated XML") || e.message.contains("malformed XML"),
        "{e}"
    );
}

#[test]
fn absurd_timecodes() {
    for bad in [
        "99:99:99,000",
        "00:99:00,000",
        "00:00:99,000",
        "00:01:xx,000",
        "-1:00:00,000",
        "99999999999:00:00,000",
    ] {
        let s = format!("1\n{bad} --> 00:00:02,000\nText\n");
        let e = read(s.as_bytes(), "x.srt", &strict()).unwrap_err();
        assert_eq!(e.line, 2, "{bad}");
        assert!(e.message.contains(bad), "{bad}: {e}");
    }
    let e = read(
        b"WEBVTT\n\n99:99:99.000 --> 100:00:00.000\nText\n",
        "x.vtt",
        &strict(),
    )
    .unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.message.contains("99:99:99.000"), "{e}");
    let e = read(
        b"<tt><body><p begin=\"99:99:99\" end=\"100:00:00\">x</p></body></tt>",
        "x.ttml",
        &strict(),
    )
    .unwrap_err();
    assert!(e.message.contains("99:99:99"), "{e}");
    // Huge but well-formed hours are fine.
    let d = read(
        b"1\n9999:00:00,000 --> 9999:00:01,000\nLate\n",
        "x.srt",
        &strict(),
    )
    .unwrap();
    assert_eq!(d.cues[0].start_ms, Some(9999 * 3_600_000));
}

#[test]
fn deeply_nested_ttml() {
    let depth = 10_000;
    let mut s = String::from("<tt xmlns=\"http://www.w3.org/ns/ttml\"><body>");
    s.push_str(&"<div>".repeat(depth));
    s.push_str("<p>deep</p>");
    s.push_str(&"</div>".repeat(depth));
    s.push_str("</body></tt>");
    let t = Instant::now();
    for opts in [strict(), lenient()] {
        let e = read(s.as_bytes(), "deep.ttml", &opts).unwrap_err();
        assert!(e.message.contains("nested deeper than 64"), "{e}");
        assert_eq!(e.line, 1);
    }
    assert!(t.elapsed() < Duration::from_secs(5));
    // A raised limit is capped (the timing model is recursive): still a clean error.
    let opts = Options {
        max_depth: 20_000,
        ..Options::default()
    };
    let e = read(s.as_bytes(), "deep.ttml", &opts).unwrap_err();
    assert!(e.message.contains("nested deeper than 500"), "{e}");
    // Nesting within the cap reads.
    let mut s = String::from("<tt xmlns=\"http://www.w3.org/ns/ttml\"><body>");
    s.push_str(&"<div>".repeat(490));
    s.push_str("<p>deep <span>in</span></p>");
    s.push_str(&"</div>".repeat(490));
    s.push_str("</body></tt>");
    let d = read(s.as_bytes(), "deep.ttml", &opts).unwrap();
    assert_eq!(d.cues.len(), 1);
    assert_eq!(d.cues[0].text, "deep in");
}

#[test]
fn billion_laughs() {
    let mut s = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE tt [\n <!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        s.push_str(&format!(
            " <!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    s.push_str(
        "]>\n<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div><p>&lol9;</p></div></body></tt>\n",
    );
    let t = Instant::now();
    for opts in [strict(), lenient()] {
        let e = read(s.as_bytes(), "bomb.ttml", &opts).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.message.contains("entities") && e.message.contains("billion laughs"),
            "{e}"
        );
    }
    assert!(t.elapsed() < Duration::from_secs(1));
    // A DOCTYPE without entity declarations is harmless; an undeclared entity is an
    // error (strict) or kept as written (lenient).
    let ok = "<!DOCTYPE tt>\n<tt><body><p>fine &amp; dandy</p></body></tt>";
    assert_eq!(
        read(ok.as_bytes(), "x.ttml", &strict()).unwrap().cues[0].text,
        "fine & dandy"
    );
    let undeclared = "<tt><body><p>&lol9;</p></body></tt>";
    assert!(read(undeclared.as_bytes(), "x.ttml", &strict()).is_err());
    let d = read(undeclared.as_bytes(), "x.ttml", &lenient()).unwrap();
    assert_eq!(d.cues[0].text, "&lol9;");
}

#[test]
fn empty_files_are_ok_with_no_cues() {
    for (bytes, name) in [
        (&b""[..], "a.srt"),
        (b"\xef\xbb\xbf", "a.vtt"),
        (b"\n\n  \r\n", "a.fountain"),
        (b"", "noext"),
    ] {
        let d = read(bytes, name, &strict()).unwrap();
        assert!(d.cues.is_empty());
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].message, "file is empty");
    }
    assert_eq!(read(b"", "a.srt", &strict()).unwrap().format, Format::Srt);
    assert_eq!(read(b"", "noext", &strict()).unwrap().format, Format::Text);
    // A VTT file with only its header: no cues, no complaint.
    let d = read(b"WEBVTT\n", "a.vtt", &strict()).unwrap();
    assert!(d.cues.is_empty() && d.warnings.is_empty());
}

#[test]
fn size_limit() {
    let opts = Options {
        max_bytes: 100,
        ..Options::default()
    };
    let e = read(&[b'a'; 101], "x.txt", &opts).unwrap_err();
    assert_eq!(e.line, 0);
    assert!(
        e.message.contains("101 bytes") && e.message.contains("limit of 100"),
        "{e}"
    );
    assert!(read(&[b'a'; 100], "x.txt", &opts).is_ok());
}

#[test]
fn many_blocks_are_linear() {
    // 200,000 lines of prose forced through the SRT reader in lenient mode: every
    // block is a problem, and the run stays fast.
    let text = "Just a line of prose.\n\n".repeat(100_000);
    let opts = Options {
        format: Some(Format::Srt),
        lenient: true,
        ..Options::default()
    };
    let t = Instant::now();
    let d = read(text.as_bytes(), "x.srt", &opts).unwrap();
    assert!(d.cues.is_empty());
    assert_eq!(d.warnings.len(), 100_000);
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    // A cue continued by 100,000 blocks after extra blank lines.
    let text = format!(
        "1\n00:00:01,000 --> 00:00:02,000\n{}",
        "more\n\n".repeat(100_000)
    );
    let t = Instant::now();
    let d = read(text.as_bytes(), "x.srt", &strict()).unwrap();
    assert_eq!(d.cues.len(), 1);
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    // Pathological markup.
    let text = format!(
        "1\n00:00:01,000 --> 00:00:02,000\n{}\n",
        "<i".repeat(400_000)
    );
    assert!(read(text.as_bytes(), "x.srt", &strict()).is_ok());
    let text = format!("{}\n", "[x".repeat(400_000));
    assert!(read(text.as_bytes(), "x.md", &strict()).is_ok());
    let text = format!("{}\n", "[[a /* b".repeat(100_000));
    assert!(read(text.as_bytes(), "x.fountain", &strict()).is_ok());
}

#[test]
fn ttml_timing_is_linear() {
    // 60 nested seq containers without explicit timing, 20,000 paragraphs at the
    // bottom, each with a span: the implicit durations are computed once each.
    let mut s = String::from("<tt xmlns=\"http://www.w3.org/ns/ttml\"><body>");
    s.push_str(&"<div timeContainer=\"seq\">".repeat(60));
    for i in 0..20_000 {
        s.push_str(&format!("<p dur=\"1s\">line {i} <span>more</span></p>\n"));
    }
    s.push_str(&"</div>".repeat(60));
    s.push_str("</body></tt>");
    let t = Instant::now();
    let d = read(s.as_bytes(), "wide.ttml", &strict()).unwrap();
    assert_eq!(d.cues.len(), 20_000);
    assert_eq!(d.cues[19_999].start_ms, Some(19_999_000));
    assert_eq!(d.cues[19_999].text, "line 19999 more");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
}
