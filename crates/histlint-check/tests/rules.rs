//! Each rule on a small invented KB: a line that fires and lines that must stay silent.

use histlint_check::{Cue, CueKind, Finding, Options, Title, check};
use histlint_kb::CompiledKb;

const KB: &str = r#"
[[source]]
id = "ref"
title = "Reference"
author = "A. Historian"

[[place]]
id = "northtown"
name = "Northtown"
kind = "city"
coordinates = [50.0, 10.0]
source = "ref"

[[place]]
id = "southport"
name = "Southport"
kind = "city"
coordinates = [40.0, 10.0]
source = "ref"

[[person]]
id = "ada"
name = "Ada Example"
aliases = { en = ["Ada"] }
born = { date = "1850-05-01", source = "ref" }
died = { date = "1910-01-01", source = "ref" }

[[person]]
id = "bram"
name = "Bram Sample"
aliases = { en = ["Bram"] }
born = { date = "1860", source = "ref" }
died = { date = "1930", source = "ref" }

[[organisation]]
id = "greens"
name = "Green Party"
aliases = { en = ["the Greens"] }
founded = { date = "1870", source = "ref" }

[[event]]
id = "dock-strike"
name = "Great Dock Strike"
kind = "strike"
start = "1900-05-10"
end = "1900-06-20"
place = "southport"
source = "ref"

[[fact]]
type = "whereabouts"
subject = "ada"
place = "southport"
start = "1890-01"
end = "1895-12"
source = "ref"

[[fact]]
type = "role"
subject = "ada"
role = "Mayor of Northtown"
aliases = ["Mayor"]
start = "1880"
end = "1885"
source = "ref"

[[fact]]
type = "never-met"
subject = "ada"
object = "bram"
source = "ref"

[[fact]]
id = "greens-in-power"
type = "state"
subject = "greens"
state = "the Greens in government"
keywords = ["in power", "governed"]
start = "1890-03-01"
source = "ref"
"#;

fn kb() -> CompiledKb {
    let kb = histlint_kb::load_texts([("test.toml", KB.as_bytes())]);
    assert!(!kb.has_errors(), "{:?}", kb.problems);
    CompiledKb::from_vec(histlint_kb::compiled::compile(&kb.records).unwrap()).unwrap()
}

fn cue(line: usize, kind: CueKind, speaker: Option<&str>, text: &str) -> Cue {
    Cue {
        line,
        start_ms: None,
        end_ms: None,
        speaker: speaker.map(str::to_string),
        kind,
        text: text.into(),
        scene: None,
        allow: Vec::new(),
    }
}

/// Checks lines in a scene captioned `caption` and returns (line, rule) of findings.
fn run(caption: &str, lines: &[(Option<&str>, CueKind, &str)]) -> Vec<(usize, &'static str)> {
    let mut cues = vec![cue(1, CueKind::Caption, None, caption)];
    for (i, (sp, kind, text)) in lines.iter().enumerate() {
        cues.push(cue(i + 2, *kind, *sp, text));
    }
    let title = Title {
        name: "t".into(),
        cues,
    };
    let findings: Vec<Finding> = check(&title, &kb(), &Options::default()).findings;
    findings.iter().map(|f| (f.line, f.rule)).collect()
}

use CueKind::{Action, Dialogue};

#[test]
fn anachronism() {
    let got = run(
        "NORTHTOWN, 1899",
        &[
            (
                Some("BRAM"),
                Dialogue,
                "The dock strike at Southport has ruined us.",
            ),
            (
                Some("BRAM"),
                Dialogue,
                "One day the dockers of Southport will strike.",
            ),
            (Some("BRAM"), Dialogue, "If Southport strikes, we starve."),
            (Some("BRAM"), Dialogue, "Was there a strike at Southport?"),
        ],
    );
    assert_eq!(got, [(2, "anachronism")]);
    assert!(
        run(
            "SOUTHPORT, JUNE 1900",
            &[(
                Some("BRAM"),
                Dialogue,
                "The dock strike at Southport has ruined us."
            )]
        )
        .is_empty()
    );
}

#[test]
fn misdated_event() {
    let got = run(
        "NORTHTOWN, 1925",
        &[
            (
                Some("BRAM"),
                Dialogue,
                "The Great Dock Strike of 1903 was a disaster.",
            ),
            (
                Some("BRAM"),
                Dialogue,
                "The Great Dock Strike of May 1900 was a disaster.",
            ),
            (
                Some("BRAM"),
                Dialogue,
                "In 1903, after the Great Dock Strike, we moved.",
            ),
            (
                Some("BRAM"),
                Dialogue,
                "The Great Dock Strike was not in 1903.",
            ),
            (
                Some("BRAM"),
                Dialogue,
                "Nobody has forgotten the Great Dock Strike of 1903.",
            ),
        ],
    );
    // A denied date is silent; a presupposed one under negation elsewhere still fires.
    assert_eq!(got, [(2, "misdated-event"), (6, "misdated-event")]);
}

#[test]
fn elapsed_time() {
    let got = run(
        "NORTHTOWN, MARCH 1892",
        &[
            (
                None,
                Dialogue,
                "The Greens have been in power for ten years.",
            ),
            (
                None,
                Dialogue,
                "The Greens have been in power for two years.",
            ),
            (
                None,
                Dialogue,
                "The Greens have been in power for a few years.",
            ),
            (None, Dialogue, "The Greens will be in power for ten years."),
        ],
    );
    assert_eq!(got, [(2, "elapsed-time")]);
}

#[test]
fn after_death_and_before_birth() {
    let got = run(
        "NORTHTOWN, 1920",
        &[
            (Some("ADA"), Dialogue, "I am back."),
            (None, Action, "Ada enters."),
            (None, Action, "The ghost of Ada watches."),
            (Some("CLERK"), Dialogue, "Ada would have laughed."),
        ],
    );
    assert_eq!(got, [(2, "after-death"), (3, "after-death")]);
    let got = run(
        "NORTHTOWN, 1845",
        &[
            (Some("CLERK"), Dialogue, "Hello."),
            (Some("ADA"), Dialogue, "Hello."),
        ],
    );
    assert_eq!(got, [(3, "before-birth")]);
    // Coarse dates that may fall either side decide nothing.
    assert!(run("NORTHTOWN, THE 1900S", &[(Some("ADA"), Dialogue, "Hello.")]).is_empty());
}

#[test]
fn whereabouts() {
    assert_eq!(
        run(
            "NORTHTOWN, JUNE 1893",
            &[(Some("ADA"), Dialogue, "Cold up here.")]
        ),
        [(2, "whereabouts")]
    );
    assert!(
        run(
            "SOUTHPORT, JUNE 1893",
            &[(Some("ADA"), Dialogue, "Warm down here.")]
        )
        .is_empty()
    );
    // The record covers 1890-1895; a scene dated only "1896" is outside it.
    assert!(
        run(
            "NORTHTOWN, 1896",
            &[(Some("ADA"), Dialogue, "Cold up here.")]
        )
        .is_empty()
    );
}

#[test]
fn role_tenure() {
    let got = run(
        "NORTHTOWN, 1899",
        &[
            (Some("BRAM"), Dialogue, "Make way for Mayor Ada!"),
            (Some("BRAM"), Dialogue, "Ada was our mayor once."),
        ],
    );
    assert_eq!(got, [(2, "role-tenure")]);
    assert!(
        run(
            "NORTHTOWN, 1882",
            &[(Some("BRAM"), Dialogue, "Make way for Mayor Ada!")]
        )
        .is_empty()
    );
}

#[test]
fn never_met() {
    let got = run(
        "SOUTHPORT, 1893",
        &[
            (Some("ADA"), Dialogue, "Good day."),
            (Some("BRAM"), Dialogue, "Good day to you."),
        ],
    );
    assert_eq!(got, [(3, "never-met")]);
    assert_eq!(
        run(
            "NORTHTOWN, 1925",
            &[(None, Action, "Bram met Ada at the station.")]
        ),
        [(2, "never-met")]
    );
    assert!(
        run(
            "NORTHTOWN, 1925",
            &[(None, Action, "Bram reads a letter from Ada.")]
        )
        .is_empty()
    );
}

#[test]
fn suppression_and_selection() {
    let mut cues = vec![
        cue(1, CueKind::Caption, None, "NORTHTOWN, 1899"),
        cue(
            2,
            Dialogue,
            Some("BRAM"),
            "The dock strike at Southport has ruined us.",
        ),
    ];
    cues[1].allow = vec!["anachronism".into()];
    let title = Title {
        name: "t".into(),
        cues,
    };
    assert!(
        check(&title, &kb(), &Options::default())
            .findings
            .is_empty()
    );
    let title = Title {
        name: "t".into(),
        cues: vec![
            cue(1, CueKind::Caption, None, "NORTHTOWN, 1899"),
            cue(
                2,
                Dialogue,
                Some("BRAM"),
                "The dock strike at Southport has ruined us.",
            ),
        ],
    };
    let opts = Options {
        ignore: vec!["HL001".into()],
        ..Options::default()
    };
    assert!(check(&title, &kb(), &opts).findings.is_empty());
}
