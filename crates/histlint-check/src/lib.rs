//! # histlint-check
//!
//! The checking core: annotate each cue (mentions, dates, durations, mood), date the
//! scenes, and run the rules against the KB. Input is a [`Title`] (cues, whatever the
//! file format); output is a [`Report`] of [`Finding`]s with their evidence.
//!
//! Invariants:
//! - A rule reports `Contradicted` only on KB evidence, which the finding carries;
//!   where the KB is silent or the dates are too coarse, nothing (or `Undecided`, on
//!   request) is reported.
//! - Pure: no I/O, no global state; the same title and KB give the same report.

pub mod annotate;
pub mod finding;
pub mod input;
pub mod kbview;
pub mod lexicon;
pub mod quotes;
pub mod rules;
pub mod scenemap;
pub mod timeline;

use histlint_kb::CompiledKb;

pub use finding::{Finding, Severity, Verdict};
pub use input::{Cue, CueKind, Title};
pub use kbview::{Citation, Evidence};
pub use scenemap::SceneMap;
pub use timeline::Scene;

/// How to check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Also report claims the KB cannot decide.
    pub undecided: bool,
    /// Only these rules (names or codes); empty: all.
    pub select: Vec<String>,
    /// Not these rules.
    pub ignore: Vec<String>,
    /// A sidecar scene map.
    pub scenes: Option<SceneMap>,
    /// The language of the text; `None`: detected for each cue.
    pub lang: Option<histlint_temporal::Lang>,
    /// The quote rules' corpus and settings.
    pub quotes: quotes::QuoteSettings,
}

/// The result of checking one title.
#[derive(Debug, Clone)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// The narrative date and place of every cue, in cue order.
    pub scenes: Vec<Scene>,
}

fn matches(rule: &rules::RuleInfo, names: &[String]) -> bool {
    names
        .iter()
        .any(|n| n.eq_ignore_ascii_case(rule.name) || n.eq_ignore_ascii_case(rule.code))
}

/// Checks a title against a KB.
pub fn check(title: &Title, kb: &CompiledKb, opts: &Options) -> Report {
    let view = kbview::KbView::new(kb);
    let anns: Vec<annotate::Annotated> = title
        .cues
        .iter()
        .map(|c| annotate::annotate(&c.text, &view, None, opts.lang))
        .collect();
    let scenes = timeline::date_scenes(&title.cues, &anns, &view, opts.scenes.as_ref());
    let quote_state = quotes::QuoteState::new(&opts.quotes);
    let ctx = rules::Ctx {
        kb: &view,
        cues: &title.cues,
        anns: &anns,
        scenes: &scenes,
        undecided: opts.undecided,
        quotes: &quote_state,
    };
    let mut findings = Vec::new();
    for rule in rules::all() {
        if (!opts.select.is_empty() && !matches(rule, &opts.select)) || matches(rule, &opts.ignore)
        {
            continue;
        }
        (rule.check)(&ctx, &mut findings);
    }
    // Suppressions: `[[histlint: allow RULE]]` on or before the cue.
    findings.retain(|f| {
        let allow = &title.cues[f.cue].allow;
        !allow.iter().any(|a| {
            a.eq_ignore_ascii_case(f.rule)
                || a.eq_ignore_ascii_case(f.code)
                || a.eq_ignore_ascii_case("all")
        })
    });
    findings.sort_by(|a, b| {
        (a.line, a.span.0, a.code, &a.message).cmp(&(b.line, b.span.0, b.code, &b.message))
    });
    findings.dedup_by(|a, b| a.line == b.line && a.span == b.span && a.code == b.code);
    Report { findings, scenes }
}
