//! `quote-misattributed` (HL009), `quote-unattested` (HL010) and `quote-anachronism`
//! (HL011): words put in a historical person's mouth, checked against the KB's quote
//! records and the corpus of their works (see `docs/quotes.md`).
//!
//! **What they check.** A quotation attributed to a KB person ("As Lenin said, '…'",
//! "'…', Trotsky wrote", "in the words of …"), reported speech ("Trotsky wrote that
//! …"), or a drama line spoken by a historical person. HL009: the words are someone
//! else's (the KB records them as misattributed, or the corpus has them from another
//! author; words an author quotes from someone else belong to the one quoted).
//! HL010: the KB records the words as found in no primary source, or the person's
//! corpus was searched and holds nothing close. HL011: the words come from a work
//! dated after the scene.
//!
//! **Why it matters.** Invented words in a real person's mouth are the commonest
//! falsification, and the hardest to answer by hand.
//!
//! **Fires:** `STALIN: A single death is a tragedy; a million deaths is a statistic.`
//! (HL009: the KB traces it to Tucholsky, 1925).
//! **Does not fire:** `LENIN: We shall now proceed to construct the Socialist order!`
//! in a scene of 26 October 1917 (attested: Reed, *Ten Days*, ch. V).

use histlint_quote::{Lookup, Match, Verdict as QVerdict};
use histlint_time::{Extent, Relation};

use crate::finding::{Finding, Severity, Verdict};
use crate::kbview::{Citation, Evidence};
use crate::quotes::{ClaimKind, DialogueUnattested, QuoteClaim};
use crate::rules::{Ctx, RuleInfo};

pub static MISATTRIBUTED: RuleInfo = RuleInfo {
    name: "quote-misattributed",
    code: "HL009",
    summary: "words attributed to a person are someone else's",
    doc: "What it checks: a quotation attributed to a KB person (\"As Lenin said, '…'\", \"'…', Trotsky \
wrote\", \"in the words of …\", «…» and „…“ too), reported speech (\"Trotsky wrote that …\"), or a \
line of drama dialogue spoken by a historical person, whose words the KB's quote records or the \
corpus give to someone else. Words an author quotes inside their own work belong to the one quoted \
(Engels quoted by Lenin is Engels).\n\
Why it matters: putting a famous line in the wrong mouth is the commonest falsification of the \
record; the finding names the real origin and its source.\n\
Fires: `STALIN: A single death is a tragedy; a million deaths is a statistic.` (the KB traces it to \
Kurt Tucholsky, 1925; no Stalin text has it); `As Lenin wrote, \"the officials now stand, as organs \
of society, above society\"` (Engels's words, quoted in The State and Revolution).\n\
Does not fire: `As Lenin wrote, \"The state is a product and a manifestation of the \
irreconcilability of class antagonisms.\"` (his own words); a line of a person the KB and the \
corpus know nothing about.",
    check: check_misattributed,
};

pub static UNATTESTED: RuleInfo = RuleInfo {
    name: "quote-unattested",
    code: "HL010",
    summary: "words attributed to a person are found in none of their works",
    doc: "What it checks: a quotation attributed to a KB person that the KB records as found in no \
primary source (\"You may not be interested in war…\" credited to Trotsky), or that is found nowhere \
in the person's corpus (their works and their speeches as others report them); the finding says \
how much was searched (works, words, years). A speaker with no corpus, or a corpus in another \
language than the quote with no translation recorded, gives no finding.\n\
Drama dialogue is invented by nature: a historical person's line found in no corpus is reported \
as undecided (info, with --show-undecided) by default; a line the KB records as a known \
fabrication is reported as a warning.\n\
Why it matters: a made-up quotation in a documentary or a caption passes for the record.\n\
Fires: `CAPTION: As Lenin said, \"The revolution is a locomotive that never waits for the timid.\"` \
(not in Lenin's works or reported speeches in the corpus).\n\
Does not fire: `As Lenin said, \"We shall now proceed to construct the Socialist order!\"` (Reed, \
Ten Days, ch. V); `Trotsky wrote that the workers would win` (a paraphrase is not expected \
verbatim: only a misattribution is reported for reported speech).",
    check: check_unattested,
};

pub static ANACHRONISM: RuleInfo = RuleInfo {
    name: "quote-anachronism",
    code: "HL011",
    summary: "a character quotes words written or said after the scene's date",
    doc: "What it checks: words attested in a KB quote record or in a work of the corpus by the person \
they are attributed to, whose date lies wholly after the date of the scene where they are spoken \
or quoted (a character quoting a work not yet written). Words an author reports from others (Reed's \
record of Lenin's speeches) are dated by the KB record, not by the book.\n\
Why it matters: a quotation from the future is an anachronism like any other, and a subtle one.\n\
Fires: `SUPER: GENEVA, 1908` then `LENIN: The state is a product and a manifestation of the \
irreconcilability of class antagonisms.` (The State and Revolution, 1917).\n\
Does not fire: the same line in a scene of 1918; a scene whose date is unknown or too coarse.",
    check: check_anachronism,
};

fn evidence_of_match(m: &Match) -> Evidence {
    let by = match &m.quoted_by {
        Some(q) => format!("{}, quoted by {q}", m.author_name),
        None => m.author_name.clone(),
    };
    Evidence {
        id: m.work_id.clone(),
        statement: format!(
            "\u{201c}{}\u{201d}: {by}, {} ({}), {} (match score {:.2})",
            m.passage, m.work, m.date, m.location, m.score
        ),
        sources: vec![Citation {
            source: m.work_id.clone(),
            citation: format!(
                "{}, {} ({}), {} <{}>",
                m.author_name, m.work, m.date, m.location, m.source
            ),
        }],
        kb_file: format!("corpus/{}", m.file),
        kb_line: m.line,
    }
}

fn evidence(ctx: &Ctx, l: &Lookup) -> Vec<Evidence> {
    let mut out = Vec::new();
    if let Some(r) = &l.record
        && let Some(e) = ctx.kb.evidence(r.index)
    {
        out.push(e);
    }
    out.extend(l.matches.iter().take(3).map(evidence_of_match));
    out
}

fn show(text: &str) -> String {
    let t: String = text.trim().chars().take(70).collect();
    if t.len() < text.trim().len() {
        format!("\u{201c}{t}…\u{201d}")
    } else {
        format!("\u{201c}{t}\u{201d}")
    }
}

fn finding(
    ctx: &Ctx,
    rule: &RuleInfo,
    c: &QuoteClaim,
    (severity, verdict): (Severity, Verdict),
    message: String,
    evidence: Vec<Evidence>,
    suggestion: Option<String>,
) -> Finding {
    Finding {
        rule: rule.name,
        code: rule.code,
        severity,
        verdict,
        cue: c.cue,
        line: ctx.cues[c.cue].line,
        span: c.span,
        message,
        evidence,
        suggestion,
        scene: ctx.scenes[c.cue].clone(),
    }
}

fn check_misattributed(ctx: &Ctx, out: &mut Vec<Finding>) {
    for c in ctx.quotes.claims(ctx) {
        if c.lookup.verdict != QVerdict::Misattributed {
            continue;
        }
        let ev = evidence(ctx, &c.lookup);
        if ev.is_empty() {
            continue;
        }
        let how = match c.kind {
            ClaimKind::Dialogue => "spoken by",
            _ => "attributed to",
        };
        out.push(finding(
            ctx,
            &MISATTRIBUTED,
            c,
            (Severity::Error, Verdict::Contradicted),
            format!("{} is {how} {}, but {}", show(&c.text), c.speaker.name, c.lookup.reason),
            ev,
            Some("give the words to the person who said them, or use words the person is recorded to have said".into()),
        ));
    }
}

fn check_unattested(ctx: &Ctx, out: &mut Vec<Finding>) {
    let policy = ctx.quotes.settings().dialogue_unattested;
    for c in ctx.quotes.claims(ctx) {
        if c.lookup.verdict != QVerdict::Unattested {
            continue;
        }
        let recorded = c.lookup.record.is_some();
        let (severity, verdict) = match (c.kind, recorded) {
            (_, true) => (Severity::Warning, Verdict::Contradicted),
            (ClaimKind::Reported, false) => continue,
            (ClaimKind::Explicit, false) => (Severity::Warning, Verdict::Contradicted),
            (ClaimKind::Dialogue, false) => match policy {
                DialogueUnattested::Off => continue,
                DialogueUnattested::Undecided if !ctx.undecided => continue,
                DialogueUnattested::Undecided => (Severity::Info, Verdict::Undecided),
                DialogueUnattested::Info => (Severity::Info, Verdict::Contradicted),
                DialogueUnattested::Warning => (Severity::Warning, Verdict::Contradicted),
            },
        };
        let mut ev = evidence(ctx, &c.lookup);
        if ev.is_empty()
            && let Some(s) = &c.lookup.searched
        {
            // What was searched is the evidence of absence.
            ev.push(Evidence {
                id: c
                    .speaker
                    .id
                    .clone()
                    .unwrap_or_else(|| c.speaker.name.clone()),
                statement: format!("searched {}: {}", s.describe(), s.titles.join("; ")),
                sources: s
                    .titles
                    .iter()
                    .map(|t| Citation {
                        source: "corpus".into(),
                        citation: t.clone(),
                    })
                    .collect(),
                kb_file: "corpus".into(),
                kb_line: 0,
            });
        }
        let how = match c.kind {
            ClaimKind::Dialogue => "spoken by",
            _ => "attributed to",
        };
        out.push(finding(
            ctx,
            &UNATTESTED,
            c,
            (severity, verdict),
            format!(
                "{} is {how} {}, but {}",
                show(&c.text),
                c.speaker.name,
                c.lookup.reason
            ),
            ev,
            Some("cite where the person said or wrote it, or present the words as invented".into()),
        ));
    }
}

fn check_anachronism(ctx: &Ctx, out: &mut Vec<Finding>) {
    for c in ctx.quotes.claims(ctx) {
        let Some(date) = &ctx.scenes[c.cue].date else {
            continue;
        };
        if c.lookup.verdict != QVerdict::Attested {
            continue;
        }
        // The date of the words: the KB record's, else the speaker's own work's.
        let (days, what, ev) = if let Some(r) = &c.lookup.record {
            let Some(d) = r.days else { continue };
            let what = match (&r.work, &r.date) {
                (Some(w), Some(dt)) => format!("{w} ({dt})"),
                (None, Some(dt)) => dt.clone(),
                _ => continue,
            };
            (
                d,
                what,
                ctx.kb.evidence(r.index).into_iter().collect::<Vec<_>>(),
            )
        } else if let Some(m) = c
            .lookup
            .matches
            .iter()
            .find(|m| m.quoted_by.is_none() && m.days.is_some())
        {
            let Some(d) = m.days else { continue };
            (
                d,
                format!("{} ({})", m.work, m.date),
                vec![evidence_of_match(m)],
            )
        } else {
            continue;
        };
        if ev.is_empty() {
            continue;
        }
        if Extent::within(date.days).compare(&Extent::within(days)) == Relation::Before {
            out.push(finding(
                ctx,
                &ANACHRONISM,
                c,
                (Severity::Error, Verdict::Contradicted),
                format!(
                    "{} quotes {what}, dated after this scene ({})",
                    show(&c.text),
                    date.shown
                ),
                ev,
                Some("move the scene after the words were said or written, or use words from before the scene".into()),
            ));
        }
    }
}
