//! The tokenizer every language shares: one pass over the bytes, no allocation but the
//! token buffer, no backtracking.
//!
//! A token is a run of letters and digits (a word, or a number that may carry a suffix:
//! `25th`, `1920s`, `2pm`), one punctuation character, or a vulgar fraction (`½`).
//! Apostrophes between letters stay inside the word (`o'clock`, `o’clock`). Hyphens,
//! dashes, dots and colons are tokens of their own; the grammar checks adjacency
//! ([`Tok::start`] of one token equal to [`Tok::end`] of the previous) where it matters
//! (`25.10.1917`, `14:30`, `twenty-fifth`).
//!
//! Words are looked up in the language's lexicon while they are scanned: ASCII words
//! of at most 16 bytes are packed lower-cased into a `u128` key, so a lookup is a
//! multiply, a mask and one integer compare.

/// Whitespace before this token.
pub(crate) const SPACE: u8 = 1;
/// A line break in the gap before this token (set on the first token too).
pub(crate) const NEWLINE: u8 = 2;
/// First letter upper case.
pub(crate) const CAP: u8 = 4;
/// Every letter upper case, and at least two letters.
pub(crate) const UPPER: u8 = 8;
/// A blank line in the gap before this token.
pub(crate) const PARA: u8 = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
    /// `½`, `¼`, `¾`: [`Tok::num`] holds the quarters.
    Frac,
}

/// What follows the digits of a number token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Suffix {
    None,
    /// `st`, `nd`, `rd`, `th` (and the old `2d`, `3d`).
    Ord,
    /// `1920s`
    S,
    /// `1920's`
    ApS,
    /// `2am`
    Am,
    /// `2pm`
    Pm,
    Other,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Byte offsets into the segment.
    pub start: u32,
    pub end: u32,
    /// Number: the value of the leading digits (saturating). Punctuation: the character.
    /// Fraction: quarters.
    pub num: u32,
    /// Word: the lexicon entry (0 = none).
    pub lex: u16,
    pub kind: Kind,
    pub flags: u8,
    /// Number: how many leading digits.
    pub ndigits: u8,
    pub suffix: Suffix,
}

impl Tok {
    pub(crate) fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// A language's word list, as the tokenizer sees it.
pub(crate) trait Lexicon {
    /// Entry for an ASCII word packed lower-case into `key` (little-endian, zero-padded).
    fn lookup_key(&self, key: u128) -> u16;
    /// Entry for any other word (non-ASCII, or longer than 16 bytes).
    fn lookup_str(&self, word: &str) -> u16;
}

const C_OTHER: u8 = 0;
const C_SPACE: u8 = 1;
const C_NL: u8 = 2;
const C_UPPER: u8 = 3;
const C_LOWER: u8 = 4;
const C_DIGIT: u8 = 5;
const C_HIGH: u8 = 6;

const CLASS: [u8; 256] = {
    let mut t = [C_OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c == b'\n' {
            C_NL
        } else if c == b' ' || c == b'\t' || c == b'\r' || c == 0x0b || c == 0x0c {
            C_SPACE
        } else if c.is_ascii_uppercase() {
            C_UPPER
        } else if c.is_ascii_lowercase() {
            C_LOWER
        } else if c.is_ascii_digit() {
            C_DIGIT
        } else if c >= 0x80 {
            C_HIGH
        } else {
            C_OTHER
        };
        i += 1;
    }
    t
};

fn is_apostrophe_at(b: &[u8], i: usize) -> usize {
    if b.get(i) == Some(&b'\'') {
        1
    } else if b.get(i..i + 3) == Some(&[0xE2, 0x80, 0x99]) {
        3
    } else {
        0
    }
}

/// Splits `text` into tokens, appending to `out` (cleared first). Offsets are `u32`, so
/// callers hand in segments shorter than 4 GiB.
pub(crate) fn tokenize<L: Lexicon>(text: &str, lexicon: &L, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut gap = NEWLINE;
    while i < n {
        let c = b[i];
        match CLASS[c as usize] {
            C_SPACE => {
                gap |= SPACE;
                i += 1;
            }
            C_NL => {
                if gap & NEWLINE != 0 && !out.is_empty() {
                    gap |= PARA;
                }
                gap |= SPACE | NEWLINE;
                i += 1;
            }
            C_UPPER | C_LOWER | C_DIGIT => {
                let start = i;
                let tok = scan_word(text, &mut i, lexicon, gap);
                debug_assert!(i > start);
                out.push(tok);
                gap = 0;
            }
            C_HIGH => {
                let ch = text[i..].chars().next().unwrap_or('\u{fffd}');
                let len = ch.len_utf8();
                if ch.is_whitespace() {
                    gap |= SPACE;
                    if matches!(ch, '\u{2028}' | '\u{2029}' | '\u{85}') {
                        gap |= NEWLINE;
                    }
                    i += len;
                } else if ch.is_alphabetic() {
                    let tok = scan_word(text, &mut i, lexicon, gap);
                    out.push(tok);
                    gap = 0;
                } else {
                    let (kind, num) = match ch {
                        '½' => (Kind::Frac, 2),
                        '¼' => (Kind::Frac, 1),
                        '¾' => (Kind::Frac, 3),
                        _ => (Kind::Punct, ch as u32),
                    };
                    out.push(Tok {
                        start: i as u32,
                        end: (i + len) as u32,
                        num,
                        lex: 0,
                        kind,
                        flags: gap,
                        ndigits: 0,
                        suffix: Suffix::None,
                    });
                    gap = 0;
                    i += len;
                }
            }
            _ => {
                out.push(Tok {
                    start: i as u32,
                    end: i as u32 + 1,
                    num: u32::from(c),
                    lex: 0,
                    kind: Kind::Punct,
                    flags: gap,
                    ndigits: 0,
                    suffix: Suffix::None,
                });
                gap = 0;
                i += 1;
            }
        }
    }
}

/// Scans one run of letters and digits starting at `*i` (which is a letter or digit).
fn scan_word<L: Lexicon>(text: &str, i: &mut usize, lexicon: &L, gap: u8) -> Tok {
    let b = text.as_bytes();
    let n = b.len();
    let start = *i;
    let mut j = start;
    let mut key: u128 = 0;
    let mut klen = 0usize;
    let mut ascii = true;
    let mut uppers = 0u32;
    let mut lowers = 0u32;
    let mut first_letter_upper: Option<bool> = None;
    let mut ndigits = 0u32;
    let mut value: u32 = 0;
    let mut in_leading_digits = true;
    let mut suffix_start = usize::MAX;
    while j < n {
        let c = b[j];
        let cls = CLASS[c as usize];
        match cls {
            C_UPPER | C_LOWER | C_DIGIT => {
                if cls == C_DIGIT {
                    if in_leading_digits {
                        ndigits += 1;
                        value = value.saturating_mul(10).saturating_add(u32::from(c - b'0'));
                    }
                } else {
                    if in_leading_digits {
                        in_leading_digits = false;
                        suffix_start = j;
                    }
                    if cls == C_UPPER {
                        uppers += 1;
                    } else {
                        lowers += 1;
                    }
                    if first_letter_upper.is_none() {
                        first_letter_upper = Some(cls == C_UPPER);
                    }
                }
                if klen < 16 {
                    key |= u128::from(c.to_ascii_lowercase()) << (8 * klen);
                }
                klen += 1;
                j += 1;
            }
            C_HIGH => {
                let ch = text[j..].chars().next().unwrap_or('\u{fffd}');
                let len = ch.len_utf8();
                if ch == '\u{2019}'
                    && j > start
                    && next_is_letter(text, j + len)
                    && !(ndigits == 0 && possessive_s(text, j + len))
                {
                    // typographic apostrophe inside a word: o’clock
                    if in_leading_digits {
                        in_leading_digits = false;
                        suffix_start = j;
                    }
                    if klen < 16 {
                        key |= u128::from(b'\'') << (8 * klen);
                    }
                    klen += 1;
                    j += len;
                } else if ch.is_alphabetic() {
                    if in_leading_digits {
                        in_leading_digits = false;
                        suffix_start = j;
                    }
                    ascii = false;
                    if ch.is_uppercase() {
                        uppers += 1;
                    } else {
                        lowers += 1;
                    }
                    if first_letter_upper.is_none() {
                        first_letter_upper = Some(ch.is_uppercase());
                    }
                    klen += len;
                    j += len;
                } else {
                    break;
                }
            }
            _ => {
                if c == b'\''
                    && j > start
                    && next_is_letter(text, j + 1)
                    && !(ndigits == 0 && possessive_s(text, j + 1))
                {
                    if in_leading_digits {
                        in_leading_digits = false;
                        suffix_start = j;
                    }
                    if klen < 16 {
                        key |= u128::from(b'\'') << (8 * klen);
                    }
                    klen += 1;
                    j += 1;
                } else {
                    break;
                }
            }
        }
    }
    *i = j;
    let mut flags = gap;
    if first_letter_upper == Some(true) {
        flags |= CAP;
        if lowers == 0 && uppers >= 2 {
            flags |= UPPER;
        }
    }
    if ndigits > 0 {
        let suffix = if suffix_start == usize::MAX {
            Suffix::None
        } else {
            classify_suffix(&text[suffix_start..j], value)
        };
        Tok {
            start: start as u32,
            end: j as u32,
            num: value,
            lex: 0,
            kind: Kind::Num,
            flags,
            ndigits: ndigits.min(255) as u8,
            suffix,
        }
    } else {
        let lex = if ascii && klen <= 16 {
            lexicon.lookup_key(key)
        } else {
            lexicon.lookup_str(&text[start..j])
        };
        Tok {
            start: start as u32,
            end: j as u32,
            num: 0,
            lex,
            kind: Kind::Word,
            flags,
            ndigits: 0,
            suffix: Suffix::None,
        }
    }
}

/// `s` at `j` ends the word: the apostrophe before it makes a possessive ("Thursday's"),
/// which is split off so that the word itself is looked up.
fn possessive_s(text: &str, j: usize) -> bool {
    matches!(text.as_bytes().get(j), Some(b's' | b'S')) && !next_is_letter(text, j + 1)
}

fn next_is_letter(text: &str, j: usize) -> bool {
    // `j` is always just past a whole character, so it is a char boundary.
    text.get(j..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_alphabetic)
}

fn classify_suffix(s: &str, value: u32) -> Suffix {
    let apos = is_apostrophe_at(s.as_bytes(), 0);
    if apos > 0 {
        let rest = &s[apos..];
        return if rest.eq_ignore_ascii_case("s") {
            Suffix::ApS
        } else {
            Suffix::Other
        };
    }
    if s.len() > 2 {
        return Suffix::Other;
    }
    let mut buf = [0u8; 2];
    for (k, c) in s.bytes().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    match &buf[..s.len()] {
        b"st" | b"nd" | b"rd" | b"th" => Suffix::Ord,
        b"d" if matches!(value % 10, 2 | 3) => Suffix::Ord,
        b"s" => Suffix::S,
        b"am" => Suffix::Am,
        b"pm" => Suffix::Pm,
        _ => Suffix::Other,
    }
}

/// The token-level questions every language's grammar asks of its token stream. A
/// grammar's context implements [`TokenView::text`] and [`TokenView::toks`]; the rest
/// is shared.
pub(crate) trait TokenView<'a> {
    /// The text the tokens index into.
    fn text(&self) -> &'a str;
    /// The tokens.
    fn toks(&self) -> &'a [Tok];

    fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks().get(i)
    }

    fn txt(&self, i: usize) -> &'a str {
        match self.toks().get(i) {
            Some(t) => &self.text()[t.start as usize..t.end as usize],
            None => "",
        }
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.toks()
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.num == c as u32)
    }

    /// A hyphen or dash.
    fn dash(&self, i: usize) -> bool {
        self.toks().get(i).is_some_and(|t| {
            t.kind == Kind::Punct
                && matches!(t.num, 0x2d | 0x2010 | 0x2011 | 0x2013 | 0x2014 | 0x2212)
        })
    }

    /// A hyphen (not a dash), between two adjacent tokens: `twenty-five`, `mid-1920s`.
    fn hyphen_joins(&self, i: usize) -> bool {
        self.toks()
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && matches!(t.num, 0x2d | 0x2010 | 0x2011))
            && self.adj(i)
            && self.adj(i + 1)
    }

    /// Token `i` follows token `i - 1` with nothing between them.
    fn adj(&self, i: usize) -> bool {
        i > 0 && i < self.toks().len() && self.toks()[i].start == self.toks()[i - 1].end
    }

    fn cap(&self, i: usize) -> bool {
        self.toks().get(i).is_some_and(|t| t.has(CAP))
    }

    /// A number token without suffix, with at most `max_digits` digits.
    fn plain(&self, i: usize, max_digits: u8) -> Option<u32> {
        let t = self.toks().get(i)?;
        (t.kind == Kind::Num && t.suffix == Suffix::None && t.ndigits <= max_digits)
            .then_some(t.num)
    }

    fn ndigits(&self, i: usize) -> u8 {
        self.toks().get(i).map_or(0, |t| t.ndigits)
    }

    /// Token `i` begins a line (or the segment).
    fn line_start(&self, i: usize) -> bool {
        i == 0 || self.toks().get(i).is_some_and(|t| t.has(NEWLINE))
    }

    /// Nothing more on the line from token `j`.
    fn line_end(&self, j: usize) -> bool {
        j >= self.toks().len() || self.toks()[j].has(NEWLINE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoWords;
    impl Lexicon for NoWords {
        fn lookup_key(&self, _: u128) -> u16 {
            0
        }
        fn lookup_str(&self, _: &str) -> u16 {
            0
        }
    }

    fn toks(s: &str) -> Vec<(String, Kind)> {
        let mut v = Vec::new();
        tokenize(s, &NoWords, &mut v);
        v.iter()
            .map(|t| (s[t.start as usize..t.end as usize].to_string(), t.kind))
            .collect()
    }

    #[test]
    fn splits() {
        let t = toks("On 25.10.1917, at 2pm o'clock — 3½ years; the 1920s’ end");
        let words: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            words,
            [
                "On", "25", ".", "10", ".", "1917", ",", "at", "2pm", "o'clock", "—", "3", "½",
                "years", ";", "the", "1920s", "’", "end"
            ]
        );
        assert_eq!(t[12].1, Kind::Frac);
    }

    #[test]
    fn suffixes_and_flags() {
        let mut v = Vec::new();
        tokenize("25th 1920s 1920's 2PM Oct\n\nMAY", &NoWords, &mut v);
        let s: Vec<Suffix> = v.iter().map(|t| t.suffix).collect();
        assert_eq!(&s[..4], &[Suffix::Ord, Suffix::S, Suffix::ApS, Suffix::Pm]);
        assert_eq!(v[0].num, 25);
        assert!(v[4].has(CAP) && !v[4].has(UPPER));
        assert!(v[5].has(UPPER) && v[5].has(PARA));
    }

    #[test]
    fn possessives_are_split() {
        let t = toks("Thursday's ruling, o'clock, 1920's, Friday’s");
        let words: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            words,
            [
                "Thursday", "'", "s", "ruling", ",", "o'clock", ",", "1920's", ",", "Friday", "’",
                "s"
            ]
        );
    }

    #[test]
    fn non_ascii_is_safe() {
        let t = toks("Октябрь 1917 — «Аврора» ½");
        assert_eq!(t.len(), 7);
        assert_eq!(t[0].0, "Октябрь");
    }
}
