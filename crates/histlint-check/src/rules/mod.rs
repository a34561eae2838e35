//! The lint rules. One module per rule; each documents itself (what it checks, why it
//! matters, an example that fires and one that does not) in its module docs and in
//! [`RuleInfo::doc`], which `histlint rule NAME` prints.

use crate::annotate::Annotated;
use crate::finding::Finding;
use crate::input::{Cue, CueKind};
use crate::kbview::KbView;
use crate::timeline::{Scene, SceneDate};

pub mod after_death;
pub mod anachronism;
pub mod elapsed_time;
pub mod misdated_event;
pub mod never_met;
pub mod presence;
pub mod quote;
pub mod role_tenure;
pub mod whereabouts;

/// What a rule sees of a title.
pub struct Ctx<'a> {
    pub kb: &'a KbView<'a>,
    pub cues: &'a [Cue],
    pub anns: &'a [Annotated],
    pub scenes: &'a [Scene],
    /// Report undecided claims too.
    pub undecided: bool,
    /// Quote claims, found and looked up on first use.
    pub quotes: &'a crate::quotes::QuoteState<'a>,
}

impl<'a> Ctx<'a> {
    /// The cues that make claims (dialogue, stage directions, captions), with their
    /// index and annotations.
    pub fn claims(&self) -> impl Iterator<Item = (usize, &'a Cue, &'a Annotated)> + 'a {
        let (cues, anns) = (self.cues, self.anns);
        cues.iter()
            .enumerate()
            .filter(|(_, c)| {
                matches!(
                    c.kind,
                    CueKind::Dialogue | CueKind::Action | CueKind::Caption
                )
            })
            .map(move |(i, c)| (i, c, &anns[i]))
    }

    /// As [`Ctx::claims`], for cues whose scene is dated, with the date.
    pub fn dated_claims(
        &self,
    ) -> impl Iterator<Item = (usize, &'a Cue, &'a Annotated, &'a SceneDate)> + 'a {
        let scenes = self.scenes;
        self.claims()
            .filter_map(move |(i, c, a)| scenes[i].date.as_ref().map(|d| (i, c, a, d)))
    }
}

/// A rule's identity and documentation.
pub struct RuleInfo {
    pub name: &'static str,
    pub code: &'static str,
    pub summary: &'static str,
    /// What it checks, why it matters, an example that fires and one that does not.
    pub doc: &'static str,
    pub check: fn(&Ctx, &mut Vec<Finding>),
}

/// Every rule, in code order.
pub fn all() -> Vec<&'static RuleInfo> {
    vec![
        &anachronism::RULE,
        &misdated_event::RULE,
        &elapsed_time::RULE,
        &after_death::AFTER_DEATH,
        &after_death::BEFORE_BIRTH,
        &whereabouts::RULE,
        &role_tenure::RULE,
        &never_met::RULE,
        &quote::MISATTRIBUTED,
        &quote::UNATTESTED,
        &quote::ANACHRONISM,
    ]
}

/// The rule with this name or code.
pub fn find(name_or_code: &str) -> Option<&'static RuleInfo> {
    all().into_iter().find(|r| {
        r.name.eq_ignore_ascii_case(name_or_code) || r.code.eq_ignore_ascii_case(name_or_code)
    })
}
