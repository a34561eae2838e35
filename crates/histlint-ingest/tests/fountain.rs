//! A small Fountain screenplay with every element kind.

use histlint_ingest::{CueKind, Format, Options, detect, read};

const SCRIPT: &str = "Title: Ten Days
Credit: Written by
Author: Nobody
Draft date: 1 May 2024
Contact:
    Somewhere 1
    Petrograd

/* A scene that was cut:
INT. GONE - DAY

GHOST
Boo.
*/

.OPENING #1#

SUPER: Petrograd, October 1917

EXT. PALACE SQUARE - NIGHT #12#

Crowds surge across the *square*.
Red flags _everywhere_.
TITLE: The Winter Palace

[[histlint: allow anachronism]]
A soldier checks his wristwatch.

TROTSKY (V.O.)
(quietly)
The hour has come.
(beat)
We move tonight. [[histlint: allow after-death, quote-unattested]]

LENIN ^
Agreed.

@McCLANE
Yippee.

# Act Two

= In which the palace falls.

CUT TO:

int. smolny institute - continuous

~The Internationale,
~unites the human race.

> FADE OUT.

===

>THE END<

[[a plain note, not a directive]]
";

fn line_of(needle: &str) -> usize {
    SCRIPT
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the script"))
        + 1
}

#[test]
fn every_element_kind() {
    let d = read(SCRIPT.as_bytes(), "ten-days.fountain", &Options::default()).unwrap();
    assert_eq!(d.format, Format::Fountain);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    type Row<'a> = (CueKind, Option<&'a str>, &'a str, Option<usize>);
    let got: Vec<Row<'_>> = d
        .cues
        .iter()
        .map(|c| (c.kind, c.speaker.as_deref(), c.text.as_str(), c.scene))
        .collect();
    let expected: Vec<Row<'_>> = vec![
        (CueKind::SceneHeading, None, "OPENING", Some(1)),
        (CueKind::Caption, None, "Petrograd, October 1917", Some(1)),
        (
            CueKind::SceneHeading,
            None,
            "EXT. PALACE SQUARE - NIGHT",
            Some(2),
        ),
        (
            CueKind::Action,
            None,
            "Crowds surge across the square.\nRed flags everywhere.",
            Some(2),
        ),
        (CueKind::Caption, None, "The Winter Palace", Some(2)),
        (
            CueKind::Action,
            None,
            "A soldier checks his wristwatch.",
            Some(2),
        ),
        (
            CueKind::Dialogue,
            Some("TROTSKY"),
            "The hour has come.\n\nWe move tonight.",
            Some(2),
        ),
        (CueKind::Dialogue, Some("LENIN"), "Agreed.", Some(2)),
        (CueKind::Dialogue, Some("McCLANE"), "Yippee.", Some(2)),
        (CueKind::Transition, None, "CUT TO:", Some(2)),
        (
            CueKind::SceneHeading,
            None,
            "int. smolny institute - continuous",
            Some(3),
        ),
        (
            CueKind::Dialogue,
            None,
            "The Internationale,\nunites the human race.",
            Some(3),
        ),
        (CueKind::Transition, None, "FADE OUT.", Some(3)),
        (CueKind::Action, None, "THE END", Some(3)),
    ];
    assert_eq!(got, expected);

    // Lines: where each cue's text starts, so text line k is source line line + k.
    let lines: Vec<usize> = d.cues.iter().map(|c| c.line).collect();
    assert_eq!(
        lines,
        [
            line_of(".OPENING"),
            line_of("SUPER:"),
            line_of("EXT. PALACE"),
            line_of("Crowds surge"),
            line_of("TITLE: The Winter"),
            line_of("A soldier"),
            line_of("The hour has come."),
            line_of("Agreed."),
            line_of("Yippee."),
            line_of("CUT TO:"),
            line_of("int. smolny"),
            line_of("~The Internationale"),
            line_of("> FADE OUT."),
            line_of(">THE END<"),
        ]
    );
    let trotsky = &d.cues[6];
    for (k, text_line) in trotsky.text.split('\n').enumerate() {
        let source = SCRIPT.lines().nth(trotsky.line + k - 1).unwrap();
        assert!(
            source.contains(text_line),
            "{k}: {source:?} vs {text_line:?}"
        );
    }

    // Suppression notes: on a line of its own (next cue) and inside a cue.
    let allows: Vec<(usize, Vec<&str>)> = d
        .cues
        .iter()
        .filter(|c| !c.allow.is_empty())
        .map(|c| (c.index, c.allow.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        allows,
        [
            (5, vec!["anachronism"]),
            (6, vec!["after-death", "quote-unattested"])
        ]
    );
    // No timing in screenplays; indexes in order.
    assert!(
        d.cues
            .iter()
            .all(|c| c.start_ms.is_none() && c.end_ms.is_none())
    );
    assert!(d.cues.iter().enumerate().all(|(i, c)| c.index == i));
    // Detected by content, whatever the extension says.
    assert_eq!(detect(SCRIPT, "script.txt"), Format::Fountain);
    assert_eq!(detect(SCRIPT, "script"), Format::Fountain);
}

#[test]
fn dialogue_note_between_character_and_speech() {
    let s = "\nLENIN\n[[histlint: allow quote-unattested]]\nPeace, land and bread!\n\nNext paragraph.\n";
    let d = read(s.as_bytes(), "x.fountain", &Options::default()).unwrap();
    assert_eq!(d.cues[0].speaker.as_deref(), Some("LENIN"));
    assert_eq!(d.cues[0].text, "Peace, land and bread!");
    assert_eq!(d.cues[0].line, 4);
    assert_eq!(d.cues[0].allow, ["quote-unattested"]);
    assert!(d.cues[1].allow.is_empty());
}

#[test]
fn two_space_line_keeps_dialogue_together() {
    let s = "\nLENIN\nFirst verse.\n  \nSecond verse.\n";
    let d = read(s.as_bytes(), "x.fountain", &Options::default()).unwrap();
    assert_eq!(d.cues.len(), 1);
    assert_eq!(d.cues[0].text, "First verse.\n\nSecond verse.");
}
