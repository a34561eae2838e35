//! Who is on screen in a cue: the speaker, if the speaker is a KB person, and the
//! people a stage direction has act ("LENIN enters"). Shared by the rules about
//! people's lives, whereabouts and meetings.

use histlint_kb::Record;

use crate::annotate::Target;
use crate::input::CueKind;
use crate::lexicon;
use crate::rules::Ctx;

/// How a person is present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    Speaks,
    Acts,
}

/// A person present in a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Present {
    pub person: u32,
    pub how: How,
    /// Byte span in the cue text to point at.
    pub span: (usize, usize),
}

/// The KB person a speaker name names, when it names exactly one.
pub fn speaker_person(ctx: &Ctx, speaker: &str) -> Option<u32> {
    let lower = speaker.to_lowercase();
    if lexicon::ABSENT_PRESENCE
        .iter()
        .any(|w| lower.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w))
    {
        return None;
    }
    let people: Vec<u32> = ctx
        .kb
        .kb
        .lookup_name(speaker)
        .into_iter()
        .filter(|&i| matches!(ctx.kb.get(i).map(|r| r.value.clone()), Some(Record::Entity(e)) if e.kind == histlint_kb::EntityKind::Person))
        .collect();
    (people.len() == 1).then(|| people[0])
}

/// Everyone present in cue `i`.
pub fn present(ctx: &Ctx, i: usize) -> Vec<Present> {
    let cue = &ctx.cues[i];
    let ann = &ctx.anns[i];
    let mut out = Vec::new();
    if cue.kind == CueKind::Dialogue
        && let Some(p) = cue.speaker.as_deref().and_then(|s| speaker_person(ctx, s))
    {
        let first = cue.text.lines().next().map_or(0, str::len);
        out.push(Present {
            person: p,
            how: How::Speaks,
            span: (0, first),
        });
    }
    if cue.kind == CueKind::Action {
        for m in &ann.mentions {
            let Some(p) = m.unique(Target::Person) else {
                continue;
            };
            let clause = &ann.clauses[m.clause];
            // "the ghost of Lenin", "Lenin's portrait": a word of absence right by the name.
            let pos = clause
                .tokens
                .iter()
                .position(|(s, _, _)| *s >= m.start)
                .unwrap_or(0);
            let last = clause
                .tokens
                .iter()
                .rposition(|(_, e, _)| *e <= m.end)
                .unwrap_or(pos);
            let near = &clause.tokens[pos.saturating_sub(3)..(last + 3).min(clause.tokens.len())];
            if near
                .iter()
                .any(|(_, _, t)| lexicon::ABSENT_PRESENCE.contains(&t.as_str()))
            {
                continue;
            }
            let next = clause
                .tokens
                .iter()
                .find(|(s, _, _)| *s >= m.end)
                .map(|(_, _, t)| t.as_str());
            if next.is_some_and(lexicon::is_action_verb)
                && !out.iter().any(|x: &Present| x.person == p)
            {
                out.push(Present {
                    person: p,
                    how: How::Acts,
                    span: (m.start, m.end),
                });
            }
        }
    }
    out
}
