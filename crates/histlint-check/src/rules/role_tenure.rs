//! `role-tenure` (HL007).
//!
//! **What it checks.** A KB person is given an office by a title next to their name
//! ("War Commissar Trotsky", "Trotsky, the People's Commissar for Foreign Affairs")
//! in a scene dated wholly outside every tenure the KB records for that office. Titles
//! are matched against the `role` text of the person's role facts and their `aliases`.
//!
//! **Why it matters.** Offices carry power; giving a man an office before he held it,
//! or after he lost it, misstates who decided what.
//!
//! **Fires:** scene dated 1927, "War Commissar Trotsky" (he held the office from March
//! 1918 to January 1925).
//! **Does not fire:** the same words in a scene dated 1920; a title the KB does not
//! record for that person (undecided, not false).

use histlint_kb::{FactKind, Record, normalize::normalize};
use histlint_time::{Extent, Relation};

use crate::annotate::Target;
use crate::finding::{Finding, Severity, Verdict};
use crate::rules::{Ctx, RuleInfo};

pub static RULE: RuleInfo = RuleInfo {
    name: "role-tenure",
    code: "HL007",
    summary: "a person is given an office outside their tenure",
    doc: "What it checks: a KB person is given an office by a title next to their name (\"War Commissar \
Trotsky\", \"Trotsky, the People's Commissar for Foreign Affairs\") in a scene dated wholly outside every \
tenure the KB records for that office (matched on the role facts' `role` and `aliases`).\n\
Why it matters: offices carry power; a wrong tenure misstates who decided what.\n\
Fires: scene dated 1927, \"War Commissar Trotsky\" (held March 1918 - January 1925).\n\
Does not fire: the same words in 1920; a title the KB does not record for that person.",
    check,
};

/// Whether the token sequence contains the phrase.
fn has_phrase(tokens: &[&str], phrase: &str) -> bool {
    let p = normalize(phrase);
    let words: Vec<&str> = p.split(' ').filter(|w| !w.is_empty()).collect();
    !words.is_empty() && tokens.windows(words.len()).any(|w| w == words.as_slice())
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, cue, ann, date) in ctx.dated_claims() {
        for m in &ann.mentions {
            let Some(person) = m.unique(Target::Person) else {
                continue;
            };
            // The title must stand next to the name: up to six words before it, or
            // after it following a comma ("Trotsky, the War Commissar").
            let clause = &ann.clauses[m.clause];
            let before: Vec<&str> = clause
                .tokens
                .iter()
                .filter(|(_, e, _)| *e <= m.start)
                .map(|(_, _, t)| t.as_str())
                .collect();
            let before = &before[before.len().saturating_sub(6)..];
            let after_text = &cue.text[m.end..clause.end.min(cue.text.len())];
            let after: Vec<&str> = if after_text.trim_start().starts_with(',') {
                clause
                    .tokens
                    .iter()
                    .filter(|(s, _, _)| *s >= m.end)
                    .take(8)
                    .map(|(_, _, t)| t.as_str())
                    .collect()
            } else {
                Vec::new()
            };
            let mut matching = Vec::new();
            for (fi, f) in ctx.kb.facts_about(person, FactKind::Role) {
                let Record::Fact(fact) = &f.value else {
                    continue;
                };
                let titles = fact.value.iter().chain(fact.aliases.iter());
                let hit = titles
                    .clone()
                    .find(|t| has_phrase(before, t) || has_phrase(&after, t));
                if let Some(t) = hit {
                    matching.push((fi, fact.clone(), t.clone()));
                }
            }
            if matching.is_empty() {
                continue;
            }
            let scene = Extent::within(date.days);
            let mut all_outside = true;
            for (_, fact, _) in &matching {
                match fact.extent() {
                    Some(Ok(ext)) => {
                        if !matches!(scene.compare(&ext), Relation::Before | Relation::After) {
                            all_outside = false;
                        }
                    }
                    _ => all_outside = false,
                }
            }
            if !all_outside {
                continue;
            }
            let name = ctx
                .kb
                .get(person)
                .map(|r| r.value.label().to_string())
                .unwrap_or_default();
            let title = &matching[0].2;
            let tenures: Vec<String> = matching
                .iter()
                .map(|(_, f, _)| ctx.kb.fact_statement(f))
                .collect();
            out.push(Finding {
                rule: RULE.name,
                code: RULE.code,
                severity: Severity::Error,
                verdict: Verdict::Contradicted,
                cue: i,
                line: cue.line,
                span: (m.start, m.end),
                message: format!("{name} is called {title} in a scene dated {}, outside the tenure the record gives", date.shown),
                evidence: matching.iter().filter_map(|(fi, _, _)| ctx.kb.evidence(*fi)).collect(),
                suggestion: Some(format!("tenure: {}", tenures.join("; "))),
                scene: ctx.scenes[i].clone(),
            });
        }
    }
}
