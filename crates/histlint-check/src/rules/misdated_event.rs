//! `misdated-event` (HL002).
//!
//! **What it checks.** A date stated for a KB event, in the same clause and attached to
//! it ("the Kronstadt rebellion of March 1918", "in March 1918 the rebellion broke
//! out"), lies wholly outside the event's dates. Calendar-aware: a date whose calendar
//! the text does not state counts as right if either its Old Style or its New Style
//! reading fits.
//!
//! **Why it matters.** A wrong date for a named event is a checkable falsehood; viewers
//! and fact-checkers take dates on screen at face value.
//!
//! **Fires:** "The Kronstadt rebellion of March 1918" (it was 1-18 March 1921).
//! **Does not fire:** "25 October 1917" or "7 November 1917" for the October
//! insurrection (Old and New Style of the same day); "In 1920, after the Kiel mutiny"
//! (the date is not the mutiny's); "the mutiny was not in 1917" (denied).

use crate::annotate::Target;
use crate::finding::{Finding, Severity, Verdict};
use crate::lexicon;
use crate::rules::{Ctx, RuleInfo};
use crate::timeline::reading_days;

pub static RULE: RuleInfo = RuleInfo {
    name: "misdated-event",
    code: "HL002",
    summary: "a date given for an event contradicts the record",
    doc: "What it checks: a date attached to a KB event in the same clause (\"the Kronstadt rebellion of March \
1918\", \"in March 1918 the rebellion broke out\") lies wholly outside the event's dates. A date without a \
stated calendar is right if its Old Style or its New Style reading fits.\n\
Why it matters: a wrong date for a named event is a checkable falsehood.\n\
Fires: \"the Kronstadt rebellion of March 1918\" (1-18 March 1921).\n\
Does not fire: \"25 October 1917\" or \"7 November 1917\" for the October insurrection; \"in 1920, after \
the Kiel mutiny\" (the date is not the mutiny's).",
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, cue, ann) in ctx.claims() {
        for d in &ann.dates {
            // The nearest event mention in the same clause with only attaching words between.
            let mut best: Option<(usize, &crate::annotate::Mention)> = None;
            for m in ann.mentions.iter().filter(|m| m.clause == d.clause) {
                if m.unique(Target::Event).is_none() {
                    continue;
                }
                let between = if m.end <= d.start {
                    ann.words_between(m.end, d.start)
                } else if d.end <= m.start {
                    ann.words_between(d.end, m.start)
                } else {
                    continue;
                };
                if between.len() > 6 || !between.iter().all(|w| lexicon::ATTACHING.contains(w)) {
                    continue;
                }
                // Another event between them takes the date.
                let (lo, hi) = if m.end <= d.start {
                    (m.end, d.start)
                } else {
                    (d.end, m.start)
                };
                if ann
                    .mentions
                    .iter()
                    .any(|o| o.start >= lo && o.end <= hi && o.unique(Target::Event).is_some())
                {
                    continue;
                }
                if best.is_none_or(|(n, _)| between.len() < n) {
                    best = Some((between.len(), m));
                }
            }
            let Some((_, m)) = best else { continue };
            // A date the line denies ("not in 1903", "не в 1903 году") is not given
            // for the event. (Negation elsewhere in the clause, "has not forgotten the
            // battle of July 1643", still presupposes the date.)
            let before: Vec<&str> = ann.clauses[d.clause]
                .tokens
                .iter()
                .filter(|(_, e, _)| *e <= d.start)
                .map(|(_, _, t)| t.as_str())
                .collect();
            if before.iter().rev().take(3).any(|t| lexicon::is_negation(t)) {
                continue;
            }
            // "after March 1918", "since 1917": the date is a relation, not the event's date.
            let before_date = ann.clauses[d.clause]
                .tokens
                .iter()
                .rev()
                .find(|(_, e, _)| *e <= d.start)
                .map(|(_, _, t)| t.as_str());
            if before_date.is_some_and(|w| lexicon::RELATIONAL.contains(&w)) {
                continue;
            }
            let ev = m.unique(Target::Event).expect("filtered");
            let Some(extent) = ctx.kb.extent(ev) else {
                continue;
            };
            let Some(days) = reading_days(&d.date, d.until.as_ref(), d.stated) else {
                continue;
            };
            // The event's days, from its earliest possible start to its latest possible end:
            // a stated date is right if it shares any day with them.
            if !days.intersects(&extent.hull()) {
                let name = ctx
                    .kb
                    .get(ev)
                    .map(|r| r.value.label().to_string())
                    .unwrap_or_default();
                let stated = &cue.text[d.start..d.end];
                let calendars = match d.stated {
                    Some(c) => format!(" ({c} calendar, as stated)"),
                    None if d.date.precision.has_month() => {
                        " (in either the Old Style or the New Style reading)".to_string()
                    }
                    None => String::new(),
                };
                out.push(Finding {
                    rule: RULE.name,
                    code: RULE.code,
                    severity: Severity::Error,
                    verdict: Verdict::Contradicted,
                    cue: i,
                    line: cue.line,
                    span: (m.start.min(d.start), m.end.max(d.end)),
                    message: format!("“{stated}” is given as the date of {name}, which it does not match{calendars}"),
                    evidence: ctx.kb.evidence(ev).into_iter().collect(),
                    suggestion: ctx.kb.evidence(ev).map(|e| format!("the record gives {}", e.statement)),
                    scene: ctx.scenes[i].clone(),
                });
            }
        }
    }
}
