//! A cheap reading of tense around an expression, for placing a weekday, a month or a
//! day of a month without a year around the anchor: "said Friday" is the Friday before
//! the anchor, "will meet Friday" the one after it (TimeML practice: the nearest
//! occurrence, in the direction the verb points).
//!
//! The verb cues closest to the expression in its sentence decide: "will", "shall",
//! "'ll", "would", "next", "coming", "upcoming", "expected to", "scheduled to" point to the future; "said", "was", "were", "had", "did", "ago", a common
//! irregular past form, or a lower-case word in "-ed" (not after "be") point to the past. The search
//! reads at most [`REACH`] tokens either way, so it stays bounded.

use super::Cx;
use crate::token::Kind;
use crate::token::TokenView;

/// Tokens read on either side of the expression.
const REACH: usize = 30;

const FUTURE: &[&str] = &[
    "will",
    "shall",
    "ll",
    "would",
    "next",
    "coming",
    "upcoming",
    "tomorrow",
    "won",
    "effective",
];

const FUTURE_BEFORE_TO: &[&str] = &["expected", "scheduled", "planned", "set", "going"];

const PAST: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "ago",
    "yesterday",
    "told",
    "came",
    "went",
    "took",
    "made",
    "began",
    "got",
    "gave",
    "found",
    "left",
    "met",
    "held",
    "saw",
    "fell",
    "rose",
    "lost",
    "became",
    "sold",
    "bought",
    "paid",
    "ran",
    "spoke",
    "wrote",
    "brought",
    "thought",
    "knew",
    "felt",
    "kept",
    "led",
    "sent",
    "built",
    "struck",
    "fought",
    "spent",
    "stood",
    "flew",
    "drove",
    "chose",
    "broke",
    "shot",
    "killed",
    "died",
    "earlier",
];

/// Lower-case words in "-ed" that are not past forms.
const NOT_ED: &[&str] = &[
    "need", "speed", "indeed", "hundred", "feed", "proceed", "succeed", "exceed", "breed", "seed",
    "bleed", "deed", "red", "bed", "shed", "bred", "wed", "weed", "greed", "reed", "steed",
    "creed", "embed",
];

impl Cx<'_> {
    /// The tense around the expression starting at token `i`, read once per start.
    pub(super) fn lean(&self, i: usize) -> i8 {
        match self.lean.get() {
            Some((k, l)) if k == i => l,
            _ => {
                let l = self.lean_at(i);
                self.lean.set(Some((i, l)));
                l
            }
        }
    }

    /// The direction of the tense around token `i`: −1 past, 1 future, 0 unknown.
    pub(super) fn lean_at(&self, i: usize) -> i8 {
        let n = self.toks.len();
        // backwards to the sentence start
        let mut back = (0i8, usize::MAX);
        let mut k = i;
        let lo = i.saturating_sub(REACH);
        while k > lo {
            k -= 1;
            if self.sentence_break(k) {
                break;
            }
            let c = self.cue(k);
            if c != 0 {
                back = (c, i - k);
                break;
            }
        }
        let mut fwd = (0i8, usize::MAX);
        let hi = (i + REACH).min(n);
        let mut k = i + 1;
        while k < hi {
            if self.sentence_break(k) {
                break;
            }
            let c = self.cue(k);
            if c != 0 {
                fwd = (c, k - i);
                break;
            }
            k += 1;
        }
        match (back.0, fwd.0) {
            (0, f) => f,
            (b, 0) => b,
            (b, _) if back.1 <= fwd.1 => b,
            (_, f) => f,
        }
    }

    /// Token `k` ends a sentence: `.`, `!` or `?` not after an abbreviation or an
    /// initial or a dotted abbreviation ("a.m.", "p.m."), followed by a capital, a quote
    /// or the end; or a line break after it.
    fn sentence_break(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return true;
        };
        if t.kind != Kind::Punct {
            return false;
        }
        let c = char::from_u32(t.num).unwrap_or(' ');
        if c == '!' || c == '?' {
            return true;
        }
        if c != '.' {
            return false;
        }
        if k > 0 && self.is_word(k - 1) && self.adj(k) {
            let w = self.txt(k - 1);
            // "Nov.", "Mr.", "Co.", "U.S."
            if self.lx(k - 1).month > 0
                || self.lx(k - 1).weekday > 0
                || (w.len() <= 3 && self.cap(k - 1))
                || (w.len() == 1 && w.bytes().all(|b| b.is_ascii_lowercase()))
            {
                return false;
            }
        }
        true
    }

    /// The tense a word at `k` points to.
    fn cue(&self, k: usize) -> i8 {
        if !self.is_word(k) {
            return 0;
        }
        let w = self.txt(k);
        if w.len() > 12 || !w.is_ascii() {
            return 0;
        }
        let lw = w.to_ascii_lowercase();
        let l = lw.as_str();
        if FUTURE.contains(&l) {
            // "won" is "won't" only before an apostrophe
            if l == "won" && !self.punct(k + 1, '\'') && !self.punct(k + 1, '\u{2019}') {
                return -1;
            }
            return 1;
        }
        if FUTURE_BEFORE_TO.contains(&l) && self.kw(k + 1) == super::lexicon::Kw::To {
            return 1;
        }
        if PAST.contains(&l) {
            return -1;
        }
        // "-ed", but not a participle after "be" ("will be closed")
        if !self.cap(k)
            && l.len() >= 4
            && l.ends_with("ed")
            && !NOT_ED.contains(&l)
            && !(k > 0 && (self.word_is(k - 1, "be") || self.word_is(k - 1, "being")))
        {
            return -1;
        }
        0
    }
}
