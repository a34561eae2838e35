//! TempEval-3 timex scores: strict and relaxed span match, and `type` and `value`
//! attribute scores.
//!
//! - Strict: a system timex is correct when a gold timex has exactly its boundaries.
//!   P = strict matches / system timexes, R = strict matches / gold timexes.
//! - Relaxed: P = system timexes that overlap some gold timex / system timexes,
//!   R = gold timexes that some system timex overlaps / gold timexes.
//! - Attributes (as TempEval-3's timex scorer): system and gold timexes are paired one
//!   to one among overlapping ones (an exact-boundary pair first, then the largest
//!   overlap, then document order); an attribute is correct when the pair has the same
//!   attribute. P = correct / system timexes, R = correct / gold timexes.
//! - Attribute values are compared after trimming white space and ignoring ASCII case
//!   (`pt1h` = `PT1H`), and nothing else: `P1D` ≠ `PT24H`, `1998-W32` ≠ `1998-08`.

use serde::{Deserialize, Serialize};

/// Precision, recall and F1 (0 where undefined).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    /// From `correct` matches among `system` answers and `gold` expected ones; a
    /// relaxed score has different numerators for P and R, hence two.
    pub fn new(correct_p: usize, system: usize, correct_r: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(correct_p, system);
        let recall = ratio(correct_r, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Scores and the counts they come from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    pub strict: Prf,
    pub relaxed: Prf,
    #[serde(rename = "type")]
    pub type_: Prf,
    pub value: Prf,
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// System timexes with a gold timex of exactly the same span.
    pub strict_matches: usize,
    /// System timexes that overlap some gold timex.
    pub relaxed_system: usize,
    /// Gold timexes that some system timex overlaps.
    pub relaxed_gold: usize,
    /// One-to-one overlapping pairs (the attribute scores' candidates).
    pub pairs: usize,
    /// Pairs with the same `type`.
    pub type_correct: usize,
    /// Pairs with the same `value`.
    pub value_correct: usize,
}

impl Scores {
    /// Adds another file's counts (micro-average) and recomputes the scores.
    pub fn add(&mut self, other: &Scores) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict_matches += other.strict_matches;
        self.relaxed_system += other.relaxed_system;
        self.relaxed_gold += other.relaxed_gold;
        self.pairs += other.pairs;
        self.type_correct += other.type_correct;
        self.value_correct += other.value_correct;
        self.compute();
    }

    /// Recomputes P/R/F1 from the counts.
    pub fn compute(&mut self) {
        let (s, g) = (self.system, self.gold);
        self.strict = Prf::new(self.strict_matches, s, self.strict_matches, g);
        self.relaxed = Prf::new(self.relaxed_system, s, self.relaxed_gold, g);
        self.type_ = Prf::new(self.type_correct, s, self.type_correct, g);
        self.value = Prf::new(self.value_correct, s, self.value_correct, g);
    }
}

/// A timex, gold or system, as the scorer sees it: a byte span and two attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub ttype: String,
    pub value: String,
}

/// What one pairing (or its absence) came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A gold timex no system timex overlaps.
    Miss(usize),
    /// A system timex that overlaps no gold timex.
    Spurious(usize),
    /// A gold and a system timex paired: (gold, system).
    Pair(usize, usize),
}

/// Attribute equality as TempEval-3 compares: trimmed, ASCII case ignored.
pub fn same_attr(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

fn overlap(a: &Span, b: &Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Scores one document: `gold` and `system` each sorted by start.
pub fn score(gold: &[Span], system: &[Span]) -> (Scores, Vec<Outcome>) {
    let mut gold_hit = vec![false; gold.len()];
    let mut sys_hit = vec![false; system.len()];
    let mut strict_matches = 0;
    // candidate pairs: (not exact, -overlap, gold, system)
    let mut candidates = Vec::new();
    for (si, s) in system.iter().enumerate() {
        let mut exact = false;
        for (gi, g) in gold.iter().enumerate() {
            if g.start >= s.end {
                break;
            }
            let o = overlap(g, s);
            // a zero-width span overlaps nothing
            if o == 0 {
                continue;
            }
            gold_hit[gi] = true;
            sys_hit[si] = true;
            let is_exact = g.start == s.start && g.end == s.end;
            exact |= is_exact;
            candidates.push((!is_exact, usize::MAX - o, gi, si));
        }
        strict_matches += usize::from(exact);
    }
    candidates.sort_unstable();
    let mut gold_paired = vec![false; gold.len()];
    let mut sys_paired = vec![false; system.len()];
    let mut outcomes = Vec::new();
    let (mut type_correct, mut value_correct) = (0, 0);
    for (_, _, gi, si) in candidates {
        if gold_paired[gi] || sys_paired[si] {
            continue;
        }
        gold_paired[gi] = true;
        sys_paired[si] = true;
        type_correct += usize::from(same_attr(&gold[gi].ttype, &system[si].ttype));
        value_correct += usize::from(same_attr(&gold[gi].value, &system[si].value));
        outcomes.push(Outcome::Pair(gi, si));
    }
    outcomes.extend((0..gold.len()).filter(|&i| !gold_hit[i]).map(Outcome::Miss));
    outcomes.extend(
        (0..system.len())
            .filter(|&i| !sys_hit[i])
            .map(Outcome::Spurious),
    );
    let position = |o: &Outcome| match *o {
        Outcome::Miss(g) | Outcome::Pair(g, _) => (gold[g].start, 0),
        Outcome::Spurious(s) => (system[s].start, 1),
    };
    outcomes.sort_by_key(position);
    let mut scores = Scores {
        gold: gold.len(),
        system: system.len(),
        strict_matches,
        relaxed_system: sys_hit.iter().filter(|&&h| h).count(),
        relaxed_gold: gold_hit.iter().filter(|&&h| h).count(),
        pairs: gold_paired.iter().filter(|&&p| p).count(),
        type_correct,
        value_correct,
        ..Scores::default()
    };
    scores.compute();
    (scores, outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, ttype: &str, value: &str) -> Span {
        Span {
            start,
            end,
            ttype: ttype.into(),
            value: value.into(),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn hand_computed_scores() {
        // gold: A [0,10) DATE 1998, B [20,30) DURATION P1D, C [40,50) DATE 1999-01,
        //       D [60,70) TIME T10:00
        let gold = vec![
            span(0, 10, "DATE", "1998"),
            span(20, 30, "DURATION", "P1D"),
            span(40, 50, "DATE", "1999-01"),
            span(60, 70, "TIME", "T10:00"),
        ];
        // system: a = A exactly, right; b overlaps B, type DATE (wrong), value p1d (right,
        // case ignored); c overlaps C exactly, wrong value; e [80,85) spurious; D missed.
        let system = vec![
            span(0, 10, "DATE", "1998"),
            span(22, 30, "DATE", "p1d"),
            span(40, 50, "DATE", "1999-02"),
            span(80, 85, "DATE", "2000"),
        ];
        let (s, outcomes) = score(&gold, &system);
        assert_eq!((s.gold, s.system), (4, 4));
        assert_eq!(s.strict_matches, 2);
        assert_eq!((s.relaxed_system, s.relaxed_gold), (3, 3));
        assert_eq!((s.pairs, s.type_correct, s.value_correct), (3, 2, 2));
        // strict: P = 2/4, R = 2/4, F1 = 0.5
        assert!(close(s.strict.precision, 0.5) && close(s.strict.recall, 0.5));
        assert!(close(s.strict.f1, 0.5));
        // relaxed: 3/4 and 3/4
        assert!(close(s.relaxed.f1, 0.75));
        // type and value: 2/4 each
        assert!(close(s.type_.precision, 0.5) && close(s.value.recall, 0.5));
        assert_eq!(
            outcomes,
            vec![
                Outcome::Pair(0, 0),
                Outcome::Pair(1, 1),
                Outcome::Pair(2, 2),
                Outcome::Miss(3),
                Outcome::Spurious(3),
            ]
        );
    }

    #[test]
    fn unequal_counts_and_one_to_one_pairing() {
        // one system span covering two gold spans: both gold are relaxed-found, the
        // system span pairs only with the larger overlap
        let gold = vec![span(0, 4, "DATE", "1998"), span(5, 15, "DATE", "1998-05")];
        let system = vec![span(0, 15, "DATE", "1998-05")];
        let (s, outcomes) = score(&gold, &system);
        assert_eq!(
            (s.relaxed_system, s.relaxed_gold, s.strict_matches),
            (1, 2, 0)
        );
        // relaxed P = 1/1, R = 2/2
        assert!(close(s.relaxed.f1, 1.0));
        // value: 1 correct; P = 1/1, R = 1/2, F1 = 2/3
        assert!(close(s.value.precision, 1.0) && close(s.value.recall, 0.5));
        assert!(close(s.value.f1, 2.0 / 3.0));
        assert_eq!(outcomes, vec![Outcome::Pair(1, 0)]);
    }

    #[test]
    fn totals_are_micro_averaged() {
        let (a, _) = score(&[span(0, 4, "DATE", "1998")], &[span(0, 4, "DATE", "1998")]);
        let (b, _) = score(
            &[span(0, 4, "DATE", "1998"), span(9, 12, "DATE", "1999")],
            &[],
        );
        let mut total = Scores::default();
        total.add(&a);
        total.add(&b);
        // strict P = 1/1, R = 1/3, F1 = 0.5
        assert!(close(total.strict.precision, 1.0));
        assert!(close(total.strict.recall, 1.0 / 3.0));
        assert!(close(total.strict.f1, 0.5));
        let empty = score(&[], &[]).0;
        assert_eq!(empty.strict.f1, 0.0);
    }
}
