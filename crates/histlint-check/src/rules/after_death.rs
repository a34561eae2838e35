//! `after-death` (HL004) and `before-birth` (HL005).
//!
//! **What they check.** A historical person (a KB person) speaks (is the cue's speaker)
//! or acts (is the subject of a stage direction) in a scene dated wholly after their
//! death, or wholly before their birth.
//!
//! **Why it matters.** Putting the dead on stage as living is the plainest way a drama
//! rewrites the record; a consultant needs it flagged with the death date and source.
//!
//! **Fires:** a scene captioned `SUPER: MOSCOW, 1925` where `LENIN` speaks (Lenin died
//! 21 January 1924).
//! **Does not fire:** the same scene where characters talk *about* Lenin, or where
//! "Lenin's portrait" or "Lenin's ghost" appears; or a scene dated "the 1920s", which
//! may be before his death.

use histlint_time::Extent;

use crate::finding::{Finding, Severity, Verdict};
use crate::rules::presence::{How, present};
use crate::rules::{Ctx, RuleInfo};

pub static AFTER_DEATH: RuleInfo = RuleInfo {
    name: "after-death",
    code: "HL004",
    summary: "a person speaks or acts in a scene dated after their death",
    doc: "What it checks: a KB person is the speaker of a line, or the subject of a stage direction \
(\"LENIN enters\"), in a scene whose date lies wholly after the person's death.\n\
Why it matters: staging the dead as living rewrites the record.\n\
Fires: `SUPER: MOSCOW, 1925` then `LENIN: Comrades!` (Lenin died 21 January 1924).\n\
Does not fire: characters talking about Lenin in 1925; \"Lenin's portrait\", \"Lenin's ghost\"; \
a scene dated \"the 1920s\" (it may be before his death: undecided).",
    check: check_after_death,
};

pub static BEFORE_BIRTH: RuleInfo = RuleInfo {
    name: "before-birth",
    code: "HL005",
    summary: "a person speaks or acts in a scene dated before their birth",
    doc: "What it checks: a KB person is the speaker of a line, or the subject of a stage direction, in \
a scene whose date lies wholly before the person's birth.\n\
Why it matters: an anachronistic person is as false as an anachronistic event.\n\
Fires: `SUPER: PETERSBURG, 1905` then `ESTEBAN VOLKOV: Grandfather!` (Volkov was born in 1926).\n\
Does not fire: a scene dated 1926 or later; a line that only mentions him.",
    check: check_before_birth,
};

fn check_after_death(ctx: &Ctx, out: &mut Vec<Finding>) {
    check(ctx, out, true)
}

fn check_before_birth(ctx: &Ctx, out: &mut Vec<Finding>) {
    check(ctx, out, false)
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>, death: bool) {
    let rule = if death { &AFTER_DEATH } else { &BEFORE_BIRTH };
    for (i, cue) in ctx.cues.iter().enumerate() {
        let Some(date) = &ctx.scenes[i].date else {
            continue;
        };
        for p in present(ctx, i) {
            let (born, died) = ctx.kb.life(p.person);
            let limit = if death { died } else { born };
            let Some(limit) = limit else { continue };
            let scene = Extent::within(date.days);
            let life_edge = Extent::within(limit);
            let relation = scene.compare(&life_edge);
            let decided = if death {
                relation == histlint_time::Relation::After
            } else {
                relation == histlint_time::Relation::Before
            };
            let name = ctx
                .kb
                .get(p.person)
                .map(|r| r.value.label().to_string())
                .unwrap_or_default();
            let verb = if p.how == How::Speaks {
                "speaks"
            } else {
                "acts"
            };
            if decided {
                let (message, suggestion) = if death {
                    (
                        format!(
                            "{name} {verb} in a scene dated {}, after their death",
                            date.shown
                        ),
                        "move the scene before the death, or make the figure a memory, a voice from a letter, or another character",
                    )
                } else {
                    (
                        format!(
                            "{name} {verb} in a scene dated {}, before their birth",
                            date.shown
                        ),
                        "move the scene after the birth, or give the line to another character",
                    )
                };
                out.push(Finding {
                    rule: rule.name,
                    code: rule.code,
                    severity: Severity::Error,
                    verdict: Verdict::Contradicted,
                    cue: i,
                    line: cue.line,
                    span: p.span,
                    message,
                    evidence: ctx.kb.evidence(p.person).into_iter().collect(),
                    suggestion: Some(suggestion.to_string()),
                    scene: ctx.scenes[i].clone(),
                });
            } else if ctx.undecided && relation == histlint_time::Relation::Undecidable {
                out.push(Finding {
                    rule: rule.name,
                    code: rule.code,
                    severity: Severity::Info,
                    verdict: Verdict::Undecided,
                    cue: i,
                    line: cue.line,
                    span: p.span,
                    message: format!("{name} {verb} in a scene dated {}; the KB cannot tell whether that is {} the {}", date.shown, if death { "after" } else { "before" }, if death { "death" } else { "birth" }),
                    evidence: ctx.kb.evidence(p.person).into_iter().collect(),
                    suggestion: None,
                    scene: ctx.scenes[i].clone(),
                });
            }
        }
    }
}
