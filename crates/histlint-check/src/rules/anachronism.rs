//! `anachronism` (HL001).
//!
//! **What it checks.** An event, organisation or work from the KB is spoken of as past
//! or present (not foretold, hoped for, conditional, denied or asked about) in a scene
//! dated wholly before it began.
//!
//! **Why it matters.** Moving events by months or years (a mutiny of November 1918
//! shown during talks of December 1917) changes what caused what; it is the commonest
//! falsification of chronology on screen.
//!
//! **Fires:** scene captioned `BREST-LITOVSK, DECEMBER 1917`; a character says "The
//! sailors at Kiel have mutinied!" (the Kiel mutiny began on 3 November 1918).
//! **Does not fire:** "One day the sailors at Kiel will rise" (foretold), "If Kiel
//! rises…" (conditional), or the same line in a scene dated November 1918.

use histlint_kb::Record;
use histlint_time::{Extent, Relation};

use crate::annotate::Target;
use crate::finding::{Finding, Severity, Verdict};
use crate::input::CueKind;
use crate::lexicon::Mood;
use crate::rules::{Ctx, RuleInfo};

pub static RULE: RuleInfo = RuleInfo {
    name: "anachronism",
    code: "HL001",
    summary: "an event, organisation or work is spoken of before it existed",
    doc: "What it checks: a KB event, organisation or work is spoken of as past or present (not foretold, \
hoped for, conditional, denied or asked about) in a scene dated wholly before it began.\n\
Why it matters: moving events by months or years changes what caused what.\n\
Fires: scene `SUPER: BREST-LITOVSK, DECEMBER 1917`, line \"The sailors at Kiel have mutinied!\" \
(the Kiel mutiny began on 3 November 1918).\n\
Does not fire: \"One day the sailors at Kiel will rise\" (foretold); \"If Kiel rises...\" (conditional); \
the same line in a scene dated November 1918.",
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, cue, ann, date) in ctx.dated_claims() {
        for m in &ann.mentions {
            let thing = m
                .unique(Target::Event)
                .or_else(|| m.unique(Target::Organisation))
                .or_else(|| m.unique(Target::Work));
            let Some(thing) = thing else { continue };
            let mood = ann.clauses[m.clause].mood;
            let Some(begin) = ctx.kb.beginning(thing) else {
                continue;
            };
            let relation = Extent::within(date.days).compare(&Extent::within(begin));
            let rec = ctx.kb.get(thing);
            let (name, kind) = match rec.as_ref().map(|r| &r.value) {
                Some(Record::Event(e)) => (e.name.clone(), "began"),
                Some(Record::Entity(e)) if e.kind == histlint_kb::EntityKind::Work => {
                    (e.name.clone(), "was written")
                }
                Some(Record::Entity(e)) => (e.name.clone(), "was founded"),
                _ => continue,
            };
            if relation == Relation::Before && mood == Mood::Asserted {
                let began = ctx.kb.evidence(thing);
                let how = if cue.kind == CueKind::Dialogue {
                    "spoken of"
                } else {
                    "shown"
                };
                out.push(Finding {
                    rule: RULE.name,
                    code: RULE.code,
                    severity: Severity::Error,
                    verdict: Verdict::Contradicted,
                    cue: i,
                    line: cue.line,
                    span: (m.start, m.end),
                    message: format!("{name} is {how} as past or present, but this scene is dated {} and it {kind} later", date.shown),
                    evidence: began.into_iter().collect(),
                    suggestion: Some(format!(
                        "the record gives {}; date the scene after that, or make the line a prediction or a hope",
                        ctx.kb.evidence(thing).map(|e| e.statement).unwrap_or_else(|| name.clone())
                    )),
                    scene: ctx.scenes[i].clone(),
                });
            } else if ctx.undecided && relation == Relation::Undecidable && mood == Mood::Asserted {
                out.push(Finding {
                    rule: RULE.name,
                    code: RULE.code,
                    severity: Severity::Info,
                    verdict: Verdict::Undecided,
                    cue: i,
                    line: cue.line,
                    span: (m.start, m.end),
                    message: format!("{name} is spoken of in a scene dated {}; the KB cannot tell whether it had begun", date.shown),
                    evidence: ctx.kb.evidence(thing).into_iter().collect(),
                    suggestion: None,
                    scene: ctx.scenes[i].clone(),
                });
            }
        }
    }
}
