//! `whereabouts` (HL006).
//!
//! **What it checks.** A KB person speaks or acts in a scene whose place is far (more
//! than 100 km by coordinates, or in another country) from where a KB whereabouts fact
//! puts them for the whole of the scene's date.
//!
//! **Why it matters.** Staging a meeting with a man who was never there is a
//! fabrication of the same order as a false date, and harder to spot.
//!
//! **Fires:** `SUPER: MOSCOW, JUNE 1928` and `TROTSKY` speaks (he was in exile in
//! Alma-Ata from January 1928 to January 1929).
//! **Does not fire:** a scene in Alma-Ata in June 1928; a scene dated "1928" in
//! Moscow (he was in Moscow in early January 1928: undecided); a scene whose place
//! the KB cannot locate.

use histlint_kb::{FactKind, Record};

use crate::finding::{Finding, Severity, Verdict};
use crate::rules::presence::present;
use crate::rules::{Ctx, RuleInfo};

pub static RULE: RuleInfo = RuleInfo {
    name: "whereabouts",
    code: "HL006",
    summary: "a person is placed where the record says they could not have been",
    doc: "What it checks: a KB person speaks or acts in a scene whose place is far (over 100 km, or another \
country) from where a KB whereabouts fact puts them for the whole of the scene's date.\n\
Why it matters: staging a meeting with someone who was never there is a fabrication.\n\
Fires: `SUPER: MOSCOW, JUNE 1928`, then TROTSKY speaks (exiled in Alma-Ata, January 1928 - January 1929).\n\
Does not fire: the scene in Alma-Ata; a scene dated only \"1928\" in Moscow (undecided); a place the KB \
cannot locate.",
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, cue) in ctx.cues.iter().enumerate() {
        let scene = &ctx.scenes[i];
        let (Some(date), Some(place)) = (&scene.date, &scene.place) else {
            continue;
        };
        for p in present(ctx, i) {
            for (fi, f) in ctx.kb.facts_about(p.person, FactKind::Whereabouts) {
                let Record::Fact(fact) = &f.value else {
                    continue;
                };
                let Some(Ok(ext)) = fact.extent() else {
                    continue;
                };
                // The fact must cover every day the scene may be on.
                let Some(core) = ext.core() else { continue };
                if !(core.start <= date.days.start && date.days.end <= core.end) {
                    continue;
                }
                let Some(there) = fact.place.as_deref().and_then(|id| ctx.kb.kb.id_index(id))
                else {
                    continue;
                };
                let Some(far) = ctx.kb.far_apart(there, place.place) else {
                    continue;
                };
                let name = ctx
                    .kb
                    .get(p.person)
                    .map(|r| r.value.label().to_string())
                    .unwrap_or_default();
                let there_name = ctx.kb.label(fact.place.as_deref().unwrap_or_default());
                out.push(Finding {
                    rule: RULE.name,
                    code: RULE.code,
                    severity: Severity::Error,
                    verdict: Verdict::Contradicted,
                    cue: i,
                    line: cue.line,
                    span: p.span,
                    message: format!(
                        "{name} is placed in {} ({}), but was in {there_name} then ({far})",
                        place.name, date.shown
                    ),
                    evidence: ctx.kb.evidence(fi).into_iter().collect(),
                    suggestion: Some(format!(
                        "set the scene in {there_name}, or at a date when {name} could be in {}",
                        place.name
                    )),
                    scene: scene.clone(),
                });
                break;
            }
        }
    }
}
