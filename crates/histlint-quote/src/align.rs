//! Word-level local alignment of a quote against a passage (Smith-Waterman over
//! normalised words), scoring how closely the passage holds the quote.
//!
//! Costs, in half-words: a word in both +2; a changed word -1; a quote word missing
//! from the passage -2; a passage word the quote leaves out -1, or 0 where the quote
//! marks an elision (`...`) at that point. The score is the best local alignment
//! divided by a perfect one (2 per quote word), so 1.0 is verbatim; in an `m`-word quote each changed word costs `3/2m`, each added
//! word `1/m`, each silently dropped word `1/2m`.
//! Local alignment finds a quote taken from the middle of a sentence or paragraph.

/// A quote prepared for alignment.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Normalised words.
    pub words: Vec<String>,
    /// `elided[i]`: an elision mark stands before word `i`.
    pub elided: Vec<bool>,
}

impl Pattern {
    /// Prepares a quote.
    pub fn new(text: &str) -> Pattern {
        let ws = crate::norm::words(text);
        Pattern {
            elided: ws.iter().map(|w| w.elided_before).collect(),
            words: ws.into_iter().map(|w| w.norm).collect(),
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// No words at all.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The best alignment of a pattern in a passage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Alignment {
    /// 0.0 ..= 1.0; 1.0 is verbatim.
    pub score: f32,
    /// First passage word of the alignment.
    pub start: usize,
    /// One past the last passage word.
    pub end: usize,
}

const MATCH: i32 = 2;
const MISMATCH: i32 = -1;
const QUOTE_GAP: i32 = -2;
const PASSAGE_GAP: i32 = -1;

/// Aligns `pat` against the passage words `text`; `None` when nothing matches.
pub fn align(pat: &Pattern, text: &[&str]) -> Option<Alignment> {
    let (m, n) = (pat.words.len(), text.len());
    if m == 0 || n == 0 {
        return None;
    }
    // Rows over the passage (j = 0..=n), for quote words i = 0..=m.
    let mut prev = vec![(0i32, 0usize); n + 1];
    let mut cur = vec![(0i32, 0usize); n + 1];
    let mut best = (0i32, 0usize, 0usize); // score, start, end
    for i in 1..=m {
        // Skipping passage words between quote word i-1 and i... is free where the quote
        // marks an elision before word i (i < m) — applied on row i-1 -> we handle it on
        // the current row as "passage word skipped after quote word i".
        let skip_cost = if i < m && pat.elided[i] {
            0
        } else {
            PASSAGE_GAP
        };
        cur[0] = (0, 0);
        for j in 1..=n {
            let diag = prev[j - 1];
            let same = pat.words[i - 1] == text[j - 1];
            let start_diag = if diag.0 == 0 { j - 1 } else { diag.1 };
            let mut cell = (0i32, j);
            let d = diag.0 + if same { MATCH } else { MISMATCH };
            if d > cell.0 {
                cell = (d, start_diag);
            }
            let up = prev[j].0 + QUOTE_GAP;
            if up > cell.0 {
                cell = (up, prev[j].1);
            }
            let left = cur[j - 1].0 + skip_cost;
            if cur[j - 1].0 > 0 && left > cell.0 {
                cell = (left, cur[j - 1].1);
            }
            cur[j] = cell;
            if cell.0 > best.0 && same {
                best = (cell.0, cell.1, j);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    if best.0 <= 0 {
        return None;
    }
    let score = best.0 as f32 / (MATCH * m as i32) as f32;
    Some(Alignment {
        score: score.clamp(0.0, 1.0),
        start: best.1,
        end: best.2,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(q: &str, t: &str) -> f32 {
        let text: Vec<String> = crate::norm::words(t).into_iter().map(|w| w.norm).collect();
        let refs: Vec<&str> = text.iter().map(String::as_str).collect();
        align(&Pattern::new(q), &refs).map_or(0.0, |a| a.score)
    }

    const T: &str = "The state is a product and a manifestation of the irreconcilability of \
                     class antagonisms. The state arises where, when and insofar as class \
                     antagonism objectively cannot be reconciled.";

    #[test]
    fn verbatim_and_case_and_punctuation() {
        assert_eq!(score("The state is a product and a manifestation", T), 1.0);
        assert_eq!(
            score("THE STATE IS A PRODUCT -- AND A MANIFESTATION!", T),
            1.0
        );
    }

    #[test]
    fn middle_of_a_sentence() {
        assert_eq!(
            score("class antagonism objectively cannot be reconciled", T),
            1.0
        );
    }

    #[test]
    fn elision_is_free_where_marked_and_costs_where_not() {
        let q = "The state is a product ... of class antagonisms";
        assert_eq!(score(q, T), 1.0);
        let unmarked = score("The state is a product of class antagonisms", T);
        assert!(unmarked < 1.0 && unmarked > 0.2, "{unmarked}");
    }

    #[test]
    fn small_edits_cost_a_little() {
        let s = score(
            "The state is a product and an expression of the irreconcilability of class antagonisms",
            T,
        );
        assert!((0.7..1.0).contains(&s), "{s}");
    }

    #[test]
    fn unrelated_text_scores_low() {
        assert!(score("The fish will bite best in a gentle rain at dawn", T) < 0.3);
    }

    #[test]
    fn span_points_at_the_passage_words() {
        let text = ["a", "b", "x", "c", "d"];
        let a = align(&Pattern::new("b c d"), &text).unwrap();
        assert_eq!((a.start, a.end), (1, 5));
    }
}
