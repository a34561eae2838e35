//! Bytes to text: BOM, UTF-16 without BOM, UTF-8, else a `chardetng` guess decoded
//! by `encoding_rs`; line ends normalised to `'\n'`.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Decodes `bytes` to text and names the encoding used (an `encoding_rs` name).
///
/// Order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins; then UTF-16 without a
/// BOM if the zero bytes say so; then UTF-8 if the bytes are valid UTF-8; else the
/// encoding `chardetng` guesses (Windows-1251, Windows-1252, KOI8-R, Shift_JIS...).
/// Malformed sequences become U+FFFD. CRLF and lone CR become LF; a leading U+FEFF is
/// removed.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let (text, enc) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (t, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        (t.into_owned(), enc)
    } else if let Some(enc) = sniff_utf16(bytes) {
        let (t, _) = enc.decode_without_bom_handling(bytes);
        (t.into_owned(), enc)
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_string(), UTF_8)
    } else if utf8_cut_at_end(bytes) {
        // A UTF-8 file cut in the middle of its last character is UTF-8, not a legacy
        // code page: decode it as UTF-8 (the cut character becomes U+FFFD).
        (String::from_utf8_lossy(bytes).into_owned(), UTF_8)
    } else {
        let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        let enc = det.guess(None, Utf8Detection::Deny);
        let (t, _) = enc.decode_without_bom_handling(bytes);
        (t.into_owned(), enc)
    };
    let text = normalize_newlines(text);
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    (text, enc.name())
}

/// Valid UTF-8 but for an incomplete sequence at the very end (a truncated file).
fn utf8_cut_at_end(bytes: &[u8]) -> bool {
    matches!(std::str::from_utf8(bytes), Err(e) if e.error_len().is_none() && e.valid_up_to() > 0)
}

/// UTF-16 without a BOM: mostly-Latin text in UTF-16 has a zero byte in (nearly)
/// every other position. Looks at the first 4 KiB: at least 40% of the high bytes
/// (odd positions for LE, even for BE) must be zero and at most 2% of the others.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 8 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    let (mut zero_even, mut zero_odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if pair[0] == 0 {
            zero_even += 1;
        }
        if pair[1] == 0 {
            zero_odd += 1;
        }
    }
    let many = |z: usize| z * 10 >= pairs * 4;
    let few = |z: usize| z * 50 <= pairs;
    if many(zero_odd) && few(zero_even) {
        Some(UTF_16LE)
    } else if many(zero_even) && few(zero_odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a UTF-8 file cut inside its last character was decoded as
    /// Windows-1252, turning every Cyrillic line into mojibake.
    #[test]
    fn utf8_cut_inside_the_last_character() {
        let mut bytes = "Троцкий: Кронштадт.\nЁ".as_bytes().to_vec();
        bytes.pop();
        let (text, enc) = decode(&bytes);
        assert_eq!(enc, "UTF-8");
        assert_eq!(text, "Троцкий: Кронштадт.\n\u{fffd}");
        // An invalid byte in the middle is still left to the detector.
        assert_ne!(decode(b"caf\xe9 cr\xe8me\n").1, "UTF-8");
    }

    #[test]
    fn utf8_and_bom() {
        assert_eq!(decode(b"abc"), ("abc".to_string(), "UTF-8"));
        assert_eq!(decode(b"\xef\xbb\xbfabc"), ("abc".to_string(), "UTF-8"));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let s = "Троцкий said: é\r\nok";
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le), ("Троцкий said: é\nok".to_string(), "UTF-16LE"));
        assert_eq!(decode(&be), ("Троцкий said: é\nok".to_string(), "UTF-16BE"));
        let ascii = "1\n00:00:01,000 --> 00:00:02,000\nHello there\n";
        let le: Vec<u8> = ascii.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = ascii.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&le), (ascii.to_string(), "UTF-16LE"));
        assert_eq!(decode(&be), (ascii.to_string(), "UTF-16BE"));
    }

    #[test]
    fn legacy_encodings() {
        let ru = "Троцкий и Ленин говорили о революции в Петрограде. Это было в октябре.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(ru);
        assert_eq!(decode(&bytes), (ru.to_string(), "windows-1251"));
        // chardetng names KOI8-U, a superset that decodes Russian identically.
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(ru);
        let (text, enc) = decode(&bytes);
        assert_eq!(text, ru);
        assert!(enc == "KOI8-R" || enc == "KOI8-U", "{enc}");
        let fr = "La révolution d'Octobre a éclaté à Pétrograd, où le gouvernement était déjà très faible.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(fr);
        assert_eq!(decode(&bytes), (fr.to_string(), "windows-1252"));
    }

    #[test]
    fn newlines() {
        assert_eq!(decode(b"a\r\nb\rc\n\rd").0, "a\nb\nc\n\nd");
    }
}
