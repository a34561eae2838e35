//! What the checker reads: a title as a list of cues, independent of the file format.
//! (`histlint-ingest` produces these from SRT, WebVTT, TTML, Fountain and text.)

use serde::{Deserialize, Serialize};

/// What a cue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CueKind {
    /// Spoken words.
    Dialogue,
    /// On-screen text: a caption, super, chyron, forced narrative.
    Caption,
    /// A screenplay scene heading.
    SceneHeading,
    /// Stage directions and narration.
    Action,
    Transition,
    Note,
}

/// One cue: a subtitle, a line of dialogue, an action paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// 1-based line in the source file where the cue's text starts; text line k of the
    /// cue is source line `line + k`.
    pub line: usize,
    pub start_ms: Option<u64>,
    pub end_ms: Option<u64>,
    pub speaker: Option<String>,
    pub kind: CueKind,
    pub text: String,
    /// 1-based scene number (screenplays).
    pub scene: Option<usize>,
    /// Rules silenced for this cue by a suppression note.
    pub allow: Vec<String>,
}

/// A title to check.
#[derive(Debug, Clone, Default)]
pub struct Title {
    /// The name shown in reports (a path as given).
    pub name: String,
    pub cues: Vec<Cue>,
}

/// `hh:mm:ss,mmm` for a time in milliseconds.
pub fn timecode(ms: u64) -> String {
    let (h, rest) = (ms / 3_600_000, ms % 3_600_000);
    let (m, rest) = (rest / 60_000, rest % 60_000);
    let (s, ms) = (rest / 1000, rest % 1000);
    format!("{h:02}:{m:02}:{s:02},{ms:03}")
}

#[cfg(feature = "ingest")]
impl From<histlint_ingest::Cue> for Cue {
    fn from(c: histlint_ingest::Cue) -> Cue {
        use histlint_ingest::CueKind as I;
        Cue {
            line: c.line,
            start_ms: c.start_ms,
            end_ms: c.end_ms,
            speaker: c.speaker,
            kind: match c.kind {
                I::Dialogue => CueKind::Dialogue,
                I::Caption => CueKind::Caption,
                I::SceneHeading => CueKind::SceneHeading,
                I::Action => CueKind::Action,
                I::Transition => CueKind::Transition,
                I::Note => CueKind::Note,
            },
            text: c.text,
            scene: c.scene,
            allow: c.allow,
        }
    }
}
