//! Writes a generated catalogue of titles for testing and measuring catalogue mode.
//!
//! ```sh
//! cargo run --release -p histlint-cli --example gen_catalogue -- OUT_DIR [N] [SEED] [BROKEN]
//! histlint check OUT_DIR --format jsonl > findings.jsonl
//! ```
//!
//! Writes `N` titles (default 200) under `OUT_DIR/season-NN/`, in turn SubRip, WebVTT and
//! Fountain, each a random run of scenes made of the bundled example's kinds of lines
//! (dated captions, dialogue that is right, and planted anachronisms, wrong dates, wrong
//! offices and wrong elapsed times). `BROKEN` titles (default: one in 25, at least one)
//! are deliberately unreadable: a bad SubRip timecode, a bad WebVTT timing line, or a
//! NUL byte in a screenplay. The same `N`, `SEED` and `BROKEN` give the same files, byte
//! for byte. Prints the paths of the broken titles, one a line.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A scene: its caption (place and date, as shown on screen), a Fountain heading and
/// its lines (speaker, words).
struct Scene {
    caption: &'static str,
    heading: &'static str,
    lines: &'static [(&'static str, &'static str)],
}

const SCENES: &[Scene] = &[
    Scene {
        caption: "ST PETERSBURG, 3 DECEMBER 1905 (O.S.)",
        heading: "INT. SOVIET MEETING HALL - NIGHT",
        lines: &[
            (
                "DEPUTY",
                "Bloody Sunday was eleven months ago, and look at this hall: a parliament of workers.",
            ),
            (
                "PRINTER",
                "The abdication of the Tsar has changed nothing in the print shops.",
            ),
            (
                "TROTSKY",
                "The fall of the Winter Palace will come, comrades, if not this winter then another.",
            ),
            (
                "TROTSKY",
                "The chairman of the St Petersburg Soviet, Trotsky, declares this session closed.",
            ),
        ],
    },
    Scene {
        caption: "VIENNA, 1913",
        heading: "INT. CAFE CENTRAL, VIENNA - NIGHT",
        lines: &[
            (
                "TROTSKY",
                "The Great War will come, Herr Doktor, and after it the revolutions.",
            ),
            (
                "TROTSKY",
                "Bloody Sunday happened in January 1906, and that morning all of Russia woke up.",
            ),
        ],
    },
    Scene {
        caption: "PETROGRAD, 25 OCTOBER 1917 (O.S.)",
        heading: "INT. SMOLNY INSTITUTE - NIGHT",
        lines: &[
            (
                "TROTSKY",
                "The Second Congress of Soviets is opening upstairs as we speak.",
            ),
            (
                "SAILOR",
                "The Kronstadt rebellion has taught us what those ministers are worth!",
            ),
            (
                "LENIN",
                "Comrade Trotsky, chairman of the Petrograd Soviet, you have done well.",
            ),
        ],
    },
    Scene {
        caption: "BREST-LITOVSK, JANUARY 1918",
        heading: "INT. OFFICERS' CASINO, BREST-LITOVSK - DAY",
        lines: &[
            (
                "HOFFMANN",
                "Your speeches change nothing, War Commissar Trotsky. Our army stands on the Dvina.",
            ),
            (
                "KUHLMANN",
                "Your Bolsheviks have been in power for two years and have nothing to show for it.",
            ),
            (
                "RADEK",
                "The murder of Rosa Luxemburg has silenced the only honest voice in Berlin.",
            ),
            (
                "RADEK",
                "He means the armistice of 15 December 1917, General, by your calendar.",
            ),
        ],
    },
    Scene {
        caption: "PETROGRAD, MARCH 1921",
        heading: "INT. SMOLNY INSTITUTE - NIGHT",
        lines: &[
            (
                "ZINOVIEV",
                "The Kronstadt rebellion is spreading to the factories. We have to crush it before the ice melts.",
            ),
            (
                "ZINOVIEV",
                "General Secretary Stalin wants the ultimatum signed tonight.",
            ),
            (
                "TROTSKY",
                "We have been in power for three and a half years. We will not lose it to a fortress.",
            ),
        ],
    },
    Scene {
        caption: "ALMA-ATA, JULY 1928",
        heading: "INT. ADOBE HOUSE ON THE EDGE OF ALMA-ATA - NIGHT",
        lines: &[
            (
                "LEV SEDOV",
                "Lenin's death was ten years ago, and already they have rewritten everything he said.",
            ),
            (
                "TROTSKY",
                "No, Lyova. Lenin's death was four and a half years ago.",
            ),
            (
                "TROTSKY",
                "The October insurrection of 25 November 1917 was the best night of my life.",
            ),
        ],
    },
    Scene {
        caption: "COYOACAN, APRIL 1937",
        heading: "INT. CASA AZUL - DINING ROOM - DAY",
        lines: &[
            (
                "DEWEY",
                "Your son was named at the Trial of the Sixteen in August 1936.",
            ),
            (
                "TROTSKY",
                "The assassination of Kirov in December 1935 gave Stalin the pretext for everything that followed.",
            ),
            (
                "SEDOVA",
                "We have been in exile for eight years, and the whole world is a prison with open doors.",
            ),
        ],
    },
];

/// A small deterministic generator (SplitMix64), so the catalogue needs no dependency
/// and is the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Srt,
    Vtt,
    Fountain,
}

fn timecode(ms: u64, sep: char) -> String {
    format!(
        "{:02}:{:02}:{:02}{sep}{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

/// Renders one title; `broken` plants one unreadable entry in the middle.
fn render(kind: Kind, scenes: &[&Scene], broken: bool, rng: &mut Rng) -> Vec<u8> {
    let mut out = String::new();
    let mut n = 0;
    let mut ms = 2_000;
    let total: usize = scenes.iter().map(|s| 1 + s.lines.len()).sum();
    let break_at = total / 2;
    let mut cue = |out: &mut String, text: &str, speaker: Option<&str>| {
        n += 1;
        let len = 2_000 + rng.below(3_000) as u64;
        let bad = broken && n == break_at + 1;
        match kind {
            Kind::Srt => {
                let end = if bad {
                    "00:00:0x,000".to_string()
                } else {
                    timecode(ms + len, ',')
                };
                let who = speaker.map(|s| format!("{s}: ")).unwrap_or_default();
                let _ = write!(out, "{n}\n{} --> {end}\n{who}{text}\n\n", timecode(ms, ','));
            }
            Kind::Vtt => {
                let arrow = if bad { "->" } else { "-->" };
                let who = speaker
                    .map(|s| format!("<v {}>", title_case(s)))
                    .unwrap_or_default();
                let _ = write!(
                    out,
                    "{}.{n}\n{} {arrow} {}\n{who}{text}\n\n",
                    if speaker.is_some() { "line" } else { "caption" },
                    timecode(ms, '.'),
                    timecode(ms + len, '.')
                );
            }
            Kind::Fountain => {
                if bad {
                    out.push('\0');
                }
                match speaker {
                    Some(s) => {
                        let _ = write!(out, "{s}\n{text}\n\n");
                    }
                    None => {
                        let _ = write!(out, "SUPER: {text}\n\n");
                    }
                }
            }
        }
        ms += len + 400;
    };
    match kind {
        Kind::Srt => {}
        Kind::Vtt => out.push_str("WEBVTT\n\n"),
        Kind::Fountain => out.push_str("Title: Generated\nCredit: gen_catalogue\n\n"),
    }
    for s in scenes {
        if let Kind::Fountain = kind {
            let _ = write!(out, "{}\n\n", s.heading);
        }
        cue(&mut out, s.caption, None);
        for (who, text) in s.lines {
            cue(&mut out, text, Some(who));
        }
    }
    out.into_bytes()
}

fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_string() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes the catalogue; returns the paths of the broken titles. (The end-to-end test
/// `tests/catalogue.rs` includes this file to call it.)
pub fn generate(dir: &Path, n: usize, seed: u64, broken: usize) -> std::io::Result<Vec<PathBuf>> {
    let mut rng = Rng(seed);
    // Which titles are broken: `broken` distinct indices chosen by the seed.
    let mut bad = std::collections::BTreeSet::new();
    while bad.len() < broken.min(n) {
        bad.insert(rng.below(n));
    }
    let mut broken_paths = Vec::new();
    for i in 0..n {
        let kind = [Kind::Srt, Kind::Vtt, Kind::Fountain][i % 3];
        let count = 2 + rng.below(5);
        let mut picked: Vec<usize> = (0..count).map(|_| rng.below(SCENES.len())).collect();
        // Scenes in story order, as a season would have them.
        picked.sort_unstable();
        let scenes: Vec<&Scene> = picked.iter().map(|&k| &SCENES[k]).collect();
        let bytes = render(kind, &scenes, bad.contains(&i), &mut rng);
        let ext = match kind {
            Kind::Srt => "srt",
            Kind::Vtt => "vtt",
            Kind::Fountain => "fountain",
        };
        let season = dir.join(format!("season-{:02}", i / 10 + 1));
        std::fs::create_dir_all(&season)?;
        let path = season.join(format!("ep{:04}.{ext}", i + 1));
        std::fs::write(&path, bytes)?;
        if bad.contains(&i) {
            broken_paths.push(path);
        }
    }
    Ok(broken_paths)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_catalogue OUT_DIR [N=200] [SEED=1] [BROKEN=N/25]";
    let Some(dir) = args.first() else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let num = |i: usize, default: u64| -> u64 {
        args.get(i).map_or(default, |s| {
            s.parse().unwrap_or_else(|_| {
                eprintln!("{usage}: {s:?} is not a number");
                std::process::exit(2)
            })
        })
    };
    let n = num(1, 200) as usize;
    let seed = num(2, 1);
    let broken = num(3, (n as u64 / 25).max(1)) as usize;
    match generate(Path::new(dir), n, seed, broken) {
        Ok(bad) => {
            for p in bad {
                println!("{}", p.display());
            }
        }
        Err(e) => {
            eprintln!("gen_catalogue: {dir}: {e}");
            std::process::exit(2);
        }
    }
}
