//! `never-met` (HL008).
//!
//! **What it checks.** Two KB people whom a sourced `never-met` fact records as never
//! having met both speak or act in the same scene, or a line asserts that they met.
//!
//! **Why it matters.** An invented encounter lends one person's authority to another's
//! story; a sourced statement that they never met answers it.
//!
//! **Fires:** `FREUD` and `TROTSKY` both speak in one scene (no record of a meeting;
//! the KB cites the source that says so).
//! **Does not fire:** Trotsky reading Freud's work; Freud's ghost (not a person on
//! stage); two people without a `never-met` fact (undecided, never assumed).

use std::collections::BTreeSet;

use histlint_kb::{FactKind, Record};

use crate::annotate::Target;
use crate::finding::{Finding, Severity, Verdict};
use crate::input::CueKind;
use crate::lexicon::{self, Mood};
use crate::rules::presence::present;
use crate::rules::{Ctx, RuleInfo};

pub static RULE: RuleInfo = RuleInfo {
    name: "never-met",
    code: "HL008",
    summary: "two people the record says never met are shown meeting",
    doc: "What it checks: two KB people whom a sourced `never-met` fact records as never having met both speak \
or act in the same scene, or a line says that they met.\n\
Why it matters: an invented encounter borrows one person's authority for another's story.\n\
Fires: FREUD and TROTSKY both speak in one scene.\n\
Does not fire: Trotsky reading Freud; Freud's ghost; two people with no `never-met` fact.",
    check,
};

/// The never-met fact between two people, if any.
fn never_met(ctx: &Ctx, a: u32, b: u32) -> Option<u32> {
    let b_id = ctx.kb.get(b)?.value.id()?.to_string();
    let a_id = ctx.kb.get(a)?.value.id()?.to_string();
    ctx.kb
        .linked(a)
        .into_iter()
        .find_map(|(fi, f)| match &f.value {
            Record::Fact(x) if x.kind == FactKind::NeverMet => {
                let pair = (x.subject.as_str(), x.object.as_deref().unwrap_or_default());
                (pair == (a_id.as_str(), b_id.as_str()) || pair == (b_id.as_str(), a_id.as_str()))
                    .then_some(fi)
            }
            _ => None,
        })
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    // Scenes: runs of cues between scene headings (or dated captions).
    let mut reported: BTreeSet<(usize, u32, u32)> = BTreeSet::new();
    let mut scene_start = 0;
    let mut seen: Vec<(u32, usize, (usize, usize))> = Vec::new();
    for (i, cue) in ctx.cues.iter().enumerate() {
        if cue.kind == CueKind::SceneHeading
            || (i > 0 && ctx.scenes[i].date != ctx.scenes[i - 1].date)
        {
            scene_start = i;
            seen.clear();
        }
        for p in present(ctx, i) {
            for &(q, _, _) in &seen {
                if q == p.person {
                    continue;
                }
                if let Some(fact) = never_met(ctx, p.person, q) {
                    let key = (scene_start, p.person.min(q), p.person.max(q));
                    if reported.insert(key) {
                        out.push(finding(
                            ctx,
                            i,
                            p.span,
                            p.person,
                            q,
                            fact,
                            "appear together in this scene",
                        ));
                    }
                }
            }
            if !seen.iter().any(|s| s.0 == p.person) {
                seen.push((p.person, i, p.span));
            }
        }
        // "X met Y": a line asserting a meeting.
        let ann = &ctx.anns[i];
        for (ci, clause) in ann.clauses.iter().enumerate() {
            if clause.mood != Mood::Asserted
                || !clause
                    .tokens
                    .iter()
                    .any(|(_, _, t)| lexicon::MEETING.contains(&t.as_str()))
            {
                continue;
            }
            let people: Vec<(u32, (usize, usize))> = ann
                .mentions
                .iter()
                .filter(|m| m.clause == ci)
                .filter_map(|m| m.unique(Target::Person).map(|p| (p, (m.start, m.end))))
                .collect();
            for (x, (a, _)) in people.iter().enumerate() {
                for (b, span) in &people[x + 1..] {
                    if let Some(fact) = never_met(ctx, *a, *b) {
                        out.push(finding(
                            ctx,
                            i,
                            (people[x].1.0, span.1),
                            *a,
                            *b,
                            fact,
                            "are said to have met",
                        ));
                    }
                }
            }
        }
    }
}

fn finding(
    ctx: &Ctx,
    i: usize,
    span: (usize, usize),
    a: u32,
    b: u32,
    fact: u32,
    how: &str,
) -> Finding {
    let name = |p: u32| {
        ctx.kb
            .get(p)
            .map(|r| r.value.label().to_string())
            .unwrap_or_default()
    };
    Finding {
        rule: RULE.name,
        code: RULE.code,
        severity: Severity::Error,
        verdict: Verdict::Contradicted,
        cue: i,
        line: ctx.cues[i].line,
        span,
        message: format!(
            "{} and {} {how}, but the record says they never met",
            name(a),
            name(b)
        ),
        evidence: ctx.kb.evidence(fact).into_iter().collect(),
        suggestion: Some("cut the encounter, or present it as imagined".into()),
        scene: ctx.scenes[i].clone(),
    }
}
