//! Normalisation for comparison that keeps the original: every normalised word carries
//! the byte span it came from, so a match can always be shown in the original text.
//!
//! Folded: case, diacritics (NFKD, combining marks dropped; `ё` -> `е`), punctuation,
//! curly and straight quotes, apostrophes (`Trotsky's` -> `trotskys`), dashes,
//! whitespace, and hyphens, including hyphenation across a line break (`revo-\nlution`
//! -> `revolution`; `Brest-Litovsk` -> `brestlitovsk` on both sides of a comparison).
//! Elision marks (`...`, `…`, `. . .`, `[...]`) are remembered: [`Word::elided_before`].

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A normalised word and the byte span of the original it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the word's first character in the original text.
    pub start: usize,
    /// Byte offset just past the word's last character.
    pub end: usize,
    /// The folded form.
    pub norm: String,
    /// An elision mark (`...`, `…`) stands between this word and the previous one.
    pub elided_before: bool,
}

fn fold_into(c: char, out: &mut String) {
    for d in std::iter::once(c).nfkd() {
        if is_combining_mark(d) {
            continue;
        }
        for l in d.to_lowercase() {
            match l {
                'ё' => out.push('е'),
                'ß' => out.push_str("ss"),
                other => out.push(other),
            }
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{00AD}')
}

/// Splits text into normalised words with their original byte spans.
pub fn words(text: &str) -> Vec<Word> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out: Vec<Word> = Vec::new();
    let mut cur: Option<Word> = None;
    let mut dots = 0usize;
    let mut elision = false;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if is_word_char(c) {
            let w = cur.get_or_insert_with(|| Word {
                start: pos,
                end: pos,
                norm: String::new(),
                elided_before: std::mem::take(&mut elision),
            });
            fold_into(c, &mut w.norm);
            w.end = pos + c.len_utf8();
            dots = 0;
            i += 1;
            continue;
        }
        if let Some(w) = cur.as_ref() {
            let next_is_word = |k: usize| chars.get(k).is_some_and(|&(_, n)| is_word_char(n));
            // An apostrophe inside a word: dropped ("don't" -> "dont").
            if is_apostrophe(c) && next_is_word(i + 1) && !w.norm.is_empty() {
                i += 1;
                continue;
            }
            // A single hyphen inside a word, possibly before a line break: joined.
            if is_hyphen(c) && !chars.get(i + 1).is_some_and(|&(_, n)| is_hyphen(n)) {
                let mut k = i + 1;
                let mut newline = false;
                while let Some(&(_, n)) = chars.get(k) {
                    if n == '\n' || n == '\r' {
                        newline = true;
                    } else if !(n == ' ' || n == '\t') {
                        break;
                    }
                    k += 1;
                }
                if next_is_word(k) && (k == i + 1 || newline) {
                    i = k;
                    continue;
                }
            }
        }
        if let Some(w) = cur.take() {
            out.push(w);
        }
        match c {
            '.' => {
                dots += 1;
                if dots >= 3 {
                    elision = true;
                }
            }
            '…' => elision = true,
            ' ' | '\t' | '\n' | '\r' | '[' | ']' | '(' | ')' => {}
            _ => dots = 0,
        }
        i += 1;
    }
    out.extend(cur);
    out
}

/// Number of words [`words`] would find (without folding them).
pub fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let mut joiner = false;
    for c in text.chars() {
        if is_word_char(c) {
            if !in_word && !joiner {
                n += 1;
            }
            in_word = true;
            joiner = false;
        } else if in_word && (is_apostrophe(c) || is_hyphen(c)) {
            // Possibly inside a word ("don't", "revo-\nlution"): decided by the next char.
            joiner = true;
            in_word = false;
        } else if joiner && matches!(c, '\n' | '\r' | ' ' | '\t') {
            // A hyphen before a line break still joins.
        } else {
            in_word = false;
            joiner = false;
        }
    }
    n
}

/// The folded words of a text joined by single spaces (what the index stores).
pub fn normalized(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for w in words(text) {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&w.norm);
    }
    s
}

/// The language of a short text, by script: `ru` when most letters are Cyrillic,
/// `de` when it has German-only letters, else `en`.
pub fn guess_language(text: &str) -> &'static str {
    let (mut cyr, mut lat, mut german) = (0usize, 0usize, false);
    for c in text.chars() {
        if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyr += 1;
        } else if c.is_alphabetic() {
            lat += 1;
            german |= matches!(c, 'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü');
        }
    }
    if cyr > lat {
        "ru"
    } else if german {
        "de"
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(t: &str) -> Vec<String> {
        words(t).into_iter().map(|w| w.norm).collect()
    }

    #[test]
    fn folds_case_punctuation_quotes_and_diacritics() {
        assert_eq!(
            norms("“The STATE,” he said — Kühlmann’s"),
            ["the", "state", "he", "said", "kuhlmanns"]
        );
        assert_eq!(norms("Семёнов «сказал»"), ["семенов", "сказал"]);
        assert_eq!(norms("don't"), norms("don’t"));
    }

    #[test]
    fn joins_hyphens_and_line_break_hyphenation() {
        assert_eq!(norms("the revo-\n   lution"), ["the", "revolution"]);
        assert_eq!(norms("Brest-Litovsk"), ["brestlitovsk"]);
        assert_eq!(
            norms("peace--no annexations"),
            ["peace", "no", "annexations"]
        );
        assert_eq!(norms("peace - war"), ["peace", "war"]);
    }

    #[test]
    fn counts_words_like_words_does() {
        for t in [
            "the revo-\n   lution, don't -- Brest-Litovsk “là” peace - war... Семёнов",
            "a's 'tis -x x- --y",
        ] {
            assert_eq!(count_words(t), words(t).len(), "{t:?}");
        }
    }

    #[test]
    fn keeps_original_spans() {
        let t = "Il était “là”";
        let w = words(t);
        assert_eq!(&t[w[1].start..w[1].end], "était");
        assert_eq!(w[1].norm, "etait");
        assert_eq!(&t[w[2].start..w[2].end], "là");
    }

    #[test]
    fn marks_elisions() {
        let w = words("peace.... We shall … offer [...] it. . . now. No");
        let el: Vec<bool> = w.iter().map(|w| w.elided_before).collect();
        assert_eq!(el, [false, true, false, true, true, true, false]);
    }

    #[test]
    fn guesses_language_by_script() {
        assert_eq!(guess_language("Вся власть Советам!"), "ru");
        assert_eq!(guess_language("All power to the Soviets!"), "en");
        assert_eq!(
            guess_language("Hunderttausend Tote: das ist eine Statistik! Größe"),
            "de"
        );
    }
}
