//! The generated season shared by `benches/season.rs` and `examples/gen_season.rs`:
//! 8 episodes of 750 subtitle cues (6,000 cues, about 400 minutes), lines of a drama
//! about 1917-1940 that name people, places and dates of the bundled KB.

/// Episodes in a season.
pub const EPISODES: usize = 8;

/// Cues in an episode.
pub const CUES: usize = 750;

/// The lines the cues cycle through.
pub const LINES: &[&str] = &[
    "PETROGRAD, OCTOBER 1917",
    "TROTSKY: The Second Congress of Soviets opens tonight at Smolny.",
    "LENIN: All power to the soviets, and peace to the peoples!",
    "The Winter Palace has fallen; the ministers are under arrest.",
    "SEDOVA: Three years ago we were in Vienna, and you were writing for Pravda.",
    "KAMENEV: The Kronstadt sailors are with us.",
    "We have waited eighteen months for this.",
    "BREST-LITOVSK, DECEMBER 1917",
    "HOFFMANN: The German army can march on Petrograd in a week.",
    "KUHLMANN: Let us speak of borders, Herr Trotsky.",
    "- Did you sleep?\n- Not since the twenty-fifth of October.",
    "Tomorrow the talks resume at nine.",
    "The revolution in Germany will come, and then this treaty will be paper.",
    "MOSCOW, MARCH 1921",
    "The Tenth Party Congress has banned factions.",
    "ZINOVIEV: The rebellion at Kronstadt must be crushed before the ice melts.",
    "They have held power for three and a half years.",
    "COYOACAN, AUGUST 1940",
    "Frank Jacson is waiting in the garden with his article.",
    "Natalia, the rabbits need feeding.",
];

/// Episode `episode` (0-based) as SRT bytes.
pub fn srt(episode: usize) -> Vec<u8> {
    let mut s = String::new();
    for i in 0..CUES {
        let t = (episode * CUES + i) as u64 * 3200;
        let (a, b) = (t, t + 2500);
        let tc = |ms: u64| {
            format!(
                "{:02}:{:02}:{:02},{:03}",
                ms / 3_600_000,
                ms / 60_000 % 60,
                ms / 1000 % 60,
                ms % 1000
            )
        };
        s.push_str(&format!(
            "{}\n{} --> {}\n{}\n\n",
            i + 1,
            tc(a),
            tc(b),
            LINES[(i * 7 + episode) % LINES.len()]
        ));
    }
    s.into_bytes()
}
