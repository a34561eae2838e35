//! `elapsed-time` (HL003).
//!
//! **What it checks.** A stated duration since an event or a lasting state ("in power
//! for three and a half years", "two years since the revolution", "the mutiny, three
//! months ago") does not fit the time between that event or state and the scene's
//! date. Durations keep their granularity: "three and a half years" is 3.25-3.75 years,
//! "eighteen months" 17.5-18.5 months; vague ones ("a few years") fire only when even
//! their loosest reading misses. The finding says when the line would have been true.
//!
//! **Why it matters.** A duration is arithmetic the audience can do: "three and a half
//! years" of Bolshevik rule, said four months after October, puts the seizure of power
//! in 1914.
//!
//! **Fires:** scene dated March 1918, a sailor says "The Bolsheviks have held power for
//! three and a half years" (the KB's state "Bolsheviks in power" began 25 October 1917
//! O.S.); the finding adds that the line would be true in about spring 1921.
//! **Does not fire:** the same line in a scene dated March 1921; "for a few months" in
//! March 1918; "in three years we will ..." (future).

use histlint_kb::{FactKind, Record, normalize::normalize};
use histlint_time::{DurationCheck, elapsed};

use crate::annotate::{Annotated, DurationExpr, Target};
use crate::finding::{Finding, Severity, Verdict};
use crate::input::CueKind;
use crate::lexicon::Mood;
use crate::rules::{Ctx, RuleInfo};

pub static RULE: RuleInfo = RuleInfo {
    name: "elapsed-time",
    code: "HL003",
    summary: "a stated duration since an event or state does not fit the scene's date",
    doc: "What it checks: a duration stated since an event or a lasting state (\"in power for three and a half \
years\", \"two years since the revolution\", \"three months ago\") does not fit the time between it and the \
scene's date. \"Three and a half years\" means 3.25-3.75 years; vague durations fire only when even their \
loosest reading misses. The finding says when the line would have been true.\n\
Why it matters: the audience can do the arithmetic; a wrong duration moves the event it counts from.\n\
Fires: scene dated March 1918, \"The Bolsheviks have held power for three and a half years\" (in power \
since 25 October 1917 O.S.).\n\
Does not fire: the same line in March 1921; \"for a few months\" in March 1918; \"in three years we will...\".",
    check,
};

/// What a duration counts from.
struct Anchor {
    record: u32,
    from: histlint_time::DayInterval,
    what: String,
}

fn tokens_of(ann: &Annotated, clause: usize) -> Vec<&str> {
    ann.clauses[clause]
        .tokens
        .iter()
        .map(|(_, _, t)| t.as_str())
        .collect()
}

fn contains_phrase(tokens: &[&str], phrase: &str) -> bool {
    let p = normalize(phrase);
    let words: Vec<&str> = p.split(' ').filter(|w| !w.is_empty()).collect();
    !words.is_empty() && tokens.windows(words.len()).any(|w| w == words.as_slice())
}

/// Anchors for a duration: an event named with since/after/ago, or a state of a named
/// entity whose keywords appear in the clause.
fn anchors(ctx: &Ctx, cue: &crate::input::Cue, ann: &Annotated, d: &DurationExpr) -> Vec<Anchor> {
    let mut out = Vec::new();
    let toks = tokens_of(ann, d.clause);
    let relation = d.ago || toks.iter().any(|t| matches!(*t, "since" | "ago"));
    let perfect = toks
        .windows(2)
        .any(|w| matches!(w[0], "have" | "has" | "had" | "ve" | "been"))
        || ann.clauses[d.clause]
            .tokens
            .iter()
            .rev()
            .find(|(_, e, _)| *e <= d.start)
            .is_some_and(|(_, _, t)| t == "for");
    for m in ann.mentions.iter().filter(|m| m.clause == d.clause) {
        if relation
            && let Some(ev) = m.unique(Target::Event)
            && let Some(begin) = ctx.kb.beginning(ev)
        {
            let name = ctx
                .kb
                .get(ev)
                .map(|r| r.value.label().to_string())
                .unwrap_or_default();
            out.push(Anchor {
                record: ev,
                from: begin,
                what: name,
            });
        }
        if !perfect && !relation {
            continue;
        }
        if let Some(subject) = m.records.iter().map(|(r, _)| *r).next() {
            states(ctx, subject, &toks, &mut out);
        }
    }
    // "We have been in exile for three years": the first person is the speaker and
    // the speaker's spouse or partner.
    if (perfect || relation)
        && toks.iter().any(|t| matches!(*t, "we" | "i" | "us" | "our"))
        && let Some(speaker) = cue
            .speaker
            .as_deref()
            .and_then(|s| crate::rules::presence::speaker_person(ctx, s))
    {
        let mut people = vec![speaker];
        for (_, f) in ctx.kb.linked(speaker) {
            if let Record::Fact(x) = &f.value
                && x.kind == FactKind::Relative
                && matches!(x.value.as_deref(), Some("spouse" | "partner"))
            {
                for id in [Some(x.subject.as_str()), x.object.as_deref()]
                    .into_iter()
                    .flatten()
                {
                    if let Some(i) = ctx.kb.kb.id_index(id)
                        && !people.contains(&i)
                    {
                        people.push(i);
                    }
                }
            }
        }
        for p in people {
            states(ctx, p, &toks, &mut out);
        }
    }
    out
}

/// States of `subject` whose keywords appear in the clause.
fn states(ctx: &Ctx, subject: u32, toks: &[&str], out: &mut Vec<Anchor>) {
    for (fi, f) in ctx.kb.facts_about(subject, FactKind::State) {
        let Record::Fact(fact) = &f.value else {
            continue;
        };
        if !fact.keywords.iter().any(|k| contains_phrase(toks, k)) {
            continue;
        }
        let Some(from) = fact.start.and_then(|s| s.interval().ok()) else {
            continue;
        };
        if !out.iter().any(|a: &Anchor| a.record == fi) {
            out.push(Anchor {
                record: fi,
                from,
                what: ctx.kb.fact_statement(fact),
            });
        }
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, cue) in ctx.cues.iter().enumerate() {
        if !matches!(cue.kind, CueKind::Dialogue | CueKind::Action) {
            continue;
        }
        let Some(date) = &ctx.scenes[i].date else {
            continue;
        };
        let ann = &ctx.anns[i];
        for d in &ann.durations {
            if ann.clauses[d.clause].mood != Mood::Asserted {
                continue;
            }
            let anchors = anchors(ctx, cue, ann, d);
            let Some(a) = anchors.first() else { continue };
            let e = elapsed(a.from, date.days);
            let said = &cue.text[d.start..d.end];
            match d.duration.check(e) {
                DurationCheck::Contradicted => {
                    let when = d.duration.when_true(a.from).map(|w| {
                        let (s, e) = (
                            w.start.iso(histlint_time::Calendar::Gregorian),
                            w.end.iso(histlint_time::Calendar::Gregorian),
                        );
                        format!("the line would be true between {s} and {e}")
                    });
                    let years = |days: i64| days as f64 / 365.2425;
                    out.push(Finding {
                        rule: RULE.name,
                        code: RULE.code,
                        severity: if d.duration.vague { Severity::Warning } else { Severity::Error },
                        verdict: Verdict::Contradicted,
                        cue: i,
                        line: cue.line,
                        span: (d.start, d.end),
                        message: format!(
                            "“{said}” since {} does not fit a scene dated {}: {:.1} to {:.1} years had passed",
                            a.what,
                            date.shown,
                            years(e.min.max(0)),
                            years(e.max.max(0))
                        ),
                        evidence: ctx.kb.evidence(a.record).into_iter().collect(),
                        suggestion: when,
                        scene: ctx.scenes[i].clone(),
                    });
                }
                DurationCheck::Undecidable if ctx.undecided => out.push(Finding {
                    rule: RULE.name,
                    code: RULE.code,
                    severity: Severity::Info,
                    verdict: Verdict::Undecided,
                    cue: i,
                    line: cue.line,
                    span: (d.start, d.end),
                    message: format!(
                        "“{said}” since {}: the scene date {} is too coarse to tell",
                        a.what, date.shown
                    ),
                    evidence: ctx.kb.evidence(a.record).into_iter().collect(),
                    suggestion: None,
                    scene: ctx.scenes[i].clone(),
                }),
                _ => {}
            }
        }
    }
}
