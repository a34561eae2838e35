//! Normalisation of names for the alias dictionary: case, diacritics, punctuation and
//! spacing are folded, so "Kühlmann", "KUHLMANN" and "kuhlmann" meet, as do
//! "St. Petersburg" and "St Petersburg", and "Семёнов" and "Семенов".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds one character run: NFKD, no combining marks, lower case, ё -> е.
fn fold_char(c: char, out: &mut String) {
    for d in std::iter::once(c).nfkd() {
        if is_combining_mark(d) {
            continue;
        }
        for l in d.to_lowercase() {
            out.push(match l {
                'ё' => 'е',
                'ß' => 's',
                other => other,
            });
            if l == 'ß' {
                out.push('s');
            }
        }
    }
}

/// Whether a character belongs inside a token.
pub fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The normalised key of a name: folded tokens joined by single spaces.
/// Apostrophes separate tokens ("People's" -> "people s"), in names and in text alike,
/// so a possessive "Trotsky's" still holds the token "trotsky".
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars() {
        if is_token_char(c) {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            fold_char(c, &mut out);
        } else {
            pending_space = true;
        }
    }
    out
}

/// A token of running text: its byte span and its normalised form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub norm: String,
}

/// Splits text into tokens, normalised the way [`normalize`] does, keeping byte spans.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut cur: Option<Token> = None;
    for (i, c) in text.char_indices() {
        if is_token_char(c) {
            let t = cur.get_or_insert_with(|| Token {
                start: i,
                end: i,
                norm: String::new(),
            });
            fold_char(c, &mut t.norm);
            t.end = i + c.len_utf8();
        } else if let Some(t) = cur.take() {
            tokens.push(t);
        }
    }
    tokens.extend(cur);
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        assert_eq!(normalize("Kühlmann"), "kuhlmann");
        assert_eq!(normalize("  St. Petersburg "), "st petersburg");
        assert_eq!(normalize("Семёнов"), "семенов");
        assert_eq!(normalize("People's Commissar"), "people s commissar");
        assert_eq!(normalize("Ramón MERCADER"), "ramon mercader");
        assert_eq!(normalize("Büyükada"), "buyukada");
    }

    #[test]
    fn tokens_keep_spans() {
        let t = tokenize("Kühlmann met Trotsky's men.");
        assert_eq!(t.len(), 5);
        assert_eq!(t[0].norm, "kuhlmann");
        assert_eq!(
            &"Kühlmann met Trotsky's men."[t[2].start..t[2].end],
            "Trotsky"
        );
        assert_eq!(t[2].norm, "trotsky");
    }
}
