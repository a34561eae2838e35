//! English word lists and light morphology the rules use. Everything here is general
//! English, not tied to any period or KB.

/// Candidate base forms of a normalised token, for finding KB names under light
/// inflection: English ("mutinied" -> "mutiny", "rebels" -> "rebel") and Russian case
/// endings ("троцкого" -> "троцкий", "кронштадтского" -> "кронштадтское",
/// "восстания" -> "восстание", "петрограде" -> "петроград").
pub fn base_forms(token: &str) -> Vec<String> {
    if token
        .chars()
        .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    {
        return russian_bases(token);
    }
    base_form(token).into_iter().collect()
}

/// Russian nominative candidates for an oblique form: the ending is replaced by each
/// nominative ending it may come from.
fn russian_bases(token: &str) -> Vec<String> {
    const ENDINGS: &[(&str, &[&str])] = &[
        ("ого", &["ий", "ый", "ой", "ое", "о"]),
        ("его", &["ий", "ее", "е"]),
        ("ому", &["ий", "ый", "ой", "ое"]),
        ("ему", &["ий", "ее"]),
        ("ыми", &["ый", "ые"]),
        ("ими", &["ий", "ие"]),
        ("ией", &["ия"]),
        ("ием", &["ие"]),
        ("ию", &["ия", "ие"]),
        ("ии", &["ия", "ие", "ий"]),
        ("ия", &["ие", "ий"]),
        ("ым", &["ый", "ой", "ое"]),
        ("им", &["ий", "ее"]),
        ("ом", &["", "о"]),
        ("ем", &["ь", "е", "й"]),
        ("ой", &["ая", "а"]),
        ("ей", &["ь", "я", "ея"]),
        ("ую", &["ая"]),
        ("юю", &["яя"]),
        ("ою", &["а"]),
        ("а", &["", "о"]),
        ("я", &["ь", "й", "е"]),
        ("у", &["", "а"]),
        ("ю", &["ь", "я", "й"]),
        ("е", &["", "а", "я", "о"]),
        ("ы", &["а", ""]),
        ("и", &["я", "ь", "а"]),
    ];
    let mut out = Vec::new();
    if token.chars().count() < 4 {
        return out;
    }
    for (ending, bases) in ENDINGS {
        let Some(stem) = token.strip_suffix(ending) else {
            continue;
        };
        if stem.chars().count() < 3 {
            continue;
        }
        for b in *bases {
            let cand = format!("{stem}{b}");
            if cand != token && !out.contains(&cand) {
                out.push(cand);
            }
        }
    }
    out
}

/// Base forms for light English inflection, so that "mutinied" finds "mutiny" and
/// "rebels" finds "rebel". Returns `None` when there is nothing to strip.
pub fn base_form(token: &str) -> Option<String> {
    let t = token;
    if !t.is_ascii() || t.len() < 4 {
        return None;
    }
    let strip = |suffix: &str, add: &str| t.strip_suffix(suffix).map(|s| format!("{s}{add}"));
    if t.ends_with("ies") || t.ends_with("ied") {
        return strip(&t[t.len() - 3..], "y");
    }
    if t.ends_with("sses") || t.ends_with("ches") || t.ends_with("shes") || t.ends_with("xes") {
        return strip("es", "");
    }
    if t.ends_with("ss") || t.ends_with("us") || t.ends_with("is") {
        return None;
    }
    if let Some(s) = t.strip_suffix('s') {
        return Some(s.to_string());
    }
    if let Some(s) = t.strip_suffix("ed") {
        return Some(s.to_string());
    }
    if let Some(s) = t.strip_suffix("ing") {
        return Some(s.to_string());
    }
    None
}

/// Words naming a kind of event, by the event `kind` they signal. A clause that names
/// a place and one of these words names the event of that kind at that place
/// ("the sailors at Kiel mutinied" -> the Kiel mutiny).
pub fn kind_words(kind: &str) -> &'static [&'static str] {
    match kind {
        "mutiny" => &[
            "mutiny",
            "mutinies",
            "mutinied",
            "mutineers",
            "mutinous",
            "mutinying",
            "мятеж",
            "восстание",
            "бунт",
        ],
        "rebellion" | "revolt" | "uprising" | "insurrection" | "rising" => &[
            "rebellion",
            "rebels",
            "rebelled",
            "revolt",
            "revolted",
            "uprising",
            "rising",
            "rose",
            "insurrection",
            "insurgents",
            "mutiny",
            "mutinied",
            "mutineers",
            "восстание",
            "мятеж",
            "бунт",
        ],
        "revolution" => &["revolution", "revolutions", "revolutionary", "революция"],
        "strike" | "general strike" => &[
            "strike",
            "strikes",
            "striking",
            "strikers",
            "забастовка",
            "стачка",
        ],
        "battle" => &["battle", "fighting", "fought", "битва", "сражение", "бой"],
        "siege" => &["siege", "besieged"],
        "massacre" => &["massacre", "massacred"],
        "assassination" | "murder" | "killing" => &[
            "assassination",
            "assassinated",
            "murder",
            "murdered",
            "killed",
            "killing",
        ],
        "execution" => &["execution", "executed", "shot"],
        "congress" | "conference" => &["congress", "conference"],
        "treaty" | "peace treaty" => &["treaty", "peace"],
        "trial" | "show trial" => &["trial", "tried"],
        "abdication" => &["abdication", "abdicated"],
        "coup" | "putsch" => &["coup", "putsch"],
        "famine" => &["famine", "starvation"],
        "war" | "civil war" => &["war"],
        _ => &[],
    }
}

/// Words that make a clause not an assertion about the present or past: the future,
/// wishes, hopes, conditions, possibility, obligation.
const IRREALIS: &[&str] = &[
    "will",
    "shall",
    "ll",
    "gonna",
    "would",
    "could",
    "might",
    "may",
    "must",
    "should",
    "ought",
    "hope",
    "hopes",
    "hoping",
    "wish",
    "wishes",
    "expect",
    "expects",
    "expecting",
    "await",
    "awaits",
    "awaiting",
    "if",
    "unless",
    "soon",
    "tomorrow",
    "someday",
    "plan",
    "plans",
    "planning",
    "prepare",
    "prepares",
    "preparing",
    "dream",
    "dreams",
    "dreaming",
    "imagine",
    "imagines",
    "let",
    "perhaps",
    "maybe",
    "whether",
    "until",
    "till",
    "coming",
    "predict",
    "predicts",
    "predicted",
    "prophesy",
    "foresee",
    "foresees",
    // Russian: the future, conditions, wishes, possibility, obligation.
    "будет",
    "будут",
    "будем",
    "буду",
    "будешь",
    "станет",
    "станут",
    "если",
    "бы",
    "может",
    "могут",
    "должен",
    "должны",
    "надеемся",
    "надеюсь",
    "скоро",
    "завтра",
    "нибудь",
    "пусть",
    "хотим",
    "мечтаем",
];

/// Words that negate a clause.
const NEGATION: &[&str] = &[
    "not",
    "never",
    "no",
    "t",
    "nor",
    "neither",
    "не",
    "нет",
    "никогда",
    "ни",
];

/// Whether a word negates.
pub fn is_negation(w: &str) -> bool {
    NEGATION.contains(&w)
}

/// How a clause speaks of what it mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mood {
    /// Spoken of as having happened or happening: "the sailors have mutinied".
    Asserted,
    /// Foretold, hoped for, conditional, possible, ordered: "the revolution will come".
    Irrealis,
    /// Denied: "there was no mutiny".
    Negated,
    /// Asked: "has Kiel risen?"
    Question,
}

/// The mood of a clause, from its normalised tokens and its closing punctuation.
pub fn mood(tokens: &[&str], ends_with_question: bool) -> Mood {
    if ends_with_question {
        return Mood::Question;
    }
    let mut prev = "";
    for &t in tokens {
        if IRREALIS.contains(&t)
            || (t == "to" && prev == "going")
            || (t == "about" && matches!(prev, "is" | "are" | "am"))
        {
            return Mood::Irrealis;
        }
        if t == "long" && prev.is_empty() {
            // "Long live the revolution!"
            return Mood::Irrealis;
        }
        prev = t;
    }
    if tokens.iter().any(|t| NEGATION.contains(t)) {
        return Mood::Negated;
    }
    Mood::Asserted
}

/// Words that put a date in relation to something else rather than giving its date:
/// "after March 1918", "two years before the war".
pub const RELATIONAL: &[&str] = &[
    "after",
    "before",
    "since",
    "until",
    "till",
    "later",
    "earlier",
    "ago",
    "following",
    "preceding",
    "prior",
    "previous",
    "next",
    "then",
    "when",
    "while",
    "by",
    "between",
    "from",
    "anniversary",
    "eve",
    "years",
    "months",
    "weeks",
    "days",
    "decades",
];

/// Words allowed between an event's name and its date for the date to be the event's
/// own: "the Kronstadt rebellion of March 1921", "in March 1921 the rebellion broke out".
pub const ATTACHING: &[&str] = &[
    "of",
    "in",
    "on",
    "the",
    "a",
    "an",
    "at",
    "was",
    "were",
    "is",
    "are",
    "took",
    "take",
    "place",
    "broke",
    "break",
    "out",
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "happened",
    "happen",
    "occurred",
    "erupted",
    "ended",
    "end",
    "signed",
    "founded",
    "held",
    "opened",
    "closed",
    "came",
    "rose",
    "that",
    "which",
    "this",
    "year",
    "month",
    "day",
    "s",
    "old",
    "new",
    "style",
    "os",
    "ns",
    "o",
    "n",
    "and",
    "it",
    "its",
    "itself",
    "finally",
    "itself",
    "suppressed",
    "crushed",
    "declared",
    "proclaimed",
    "concluded",
];

/// Words near a person's name that show they are not present in person.
pub const ABSENT_PRESENCE: &[&str] = &[
    "ghost",
    "spirit",
    "portrait",
    "photograph",
    "photo",
    "statue",
    "bust",
    "body",
    "corpse",
    "coffin",
    "grave",
    "tomb",
    "funeral",
    "memory",
    "picture",
    "image",
    "poster",
    "voice",
    "letter",
    "telegram",
    "recording",
    "film",
    "newsreel",
    "dream",
    "vision",
    "mausoleum",
    "ashes",
];

/// Words that mark a clause as reporting a meeting.
pub const MEETING: &[&str] = &[
    "met", "meet", "meets", "meeting", "visited", "visits", "received", "receives",
];

/// Whether a word is (very likely) a finite verb or auxiliary: enough to tell whether a
/// clause split off at a conjunction has a verb of its own.
pub fn is_finite_verb(w: &str) -> bool {
    const FINITE: &[&str] = &[
        "is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "do", "does", "did",
        "will", "shall", "would", "can", "could", "may", "might", "must", "should", "rose", "fell",
        "began", "broke", "took", "came", "went", "fought", "won", "lost", "held", "led", "made",
        "gave", "saw", "said", "told", "ran", "fled", "sent", "brought", "wrote", "spoke", "met",
        "left", "got", "struck", "shot", "killed",
    ];
    FINITE.contains(&w) || (w.len() > 3 && w.ends_with("ed"))
}

/// A present-tense verb after a name in a stage direction: "LENIN enters", "Freud sits".
pub fn is_action_verb(token: &str) -> bool {
    const VERBS: &[&str] = &[
        "is", "has", "enters", "exits", "sits", "stands", "walks", "turns", "looks", "says",
        "speaks", "shouts", "reads", "writes", "smiles", "nods", "waits", "watches", "arrives",
        "leaves", "rises", "runs", "takes", "hands", "opens", "closes", "crosses", "pauses",
        "laughs", "listens", "stares", "signs", "lights", "paces", "goes", "comes", "appears",
        "steps", "moves", "points", "puts", "picks", "raises", "holds",
    ];
    VERBS.contains(&token) || (token.len() > 4 && token.ends_with("es") && !token.ends_with("ss"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Mood {
        let t: Vec<String> = s
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let r: Vec<&str> = t.iter().map(String::as_str).collect();
        mood(&r, s.trim_end().ends_with('?'))
    }

    #[test]
    fn moods() {
        assert_eq!(m("The revolution in Germany has failed."), Mood::Asserted);
        assert_eq!(m("The revolution in Germany will come."), Mood::Irrealis);
        assert_eq!(m("We'll see the Kiel sailors rise."), Mood::Irrealis);
        assert_eq!(m("If Kiel rises, Berlin follows."), Mood::Irrealis);
        assert_eq!(m("Long live the German revolution!"), Mood::Irrealis);
        assert_eq!(m("They are going to strike."), Mood::Irrealis);
        assert_eq!(m("There was no mutiny at Kiel."), Mood::Negated);
        assert_eq!(m("Has Kiel risen?"), Mood::Question);
        assert_eq!(m("The sailors at Kiel mutinied last week."), Mood::Asserted);
        assert_eq!(m("Восстание в Киле когда-нибудь будет."), Mood::Irrealis);
        assert_eq!(
            m("Кильское восстание уже изменило Германию."),
            Mood::Asserted
        );
        assert_eq!(
            m("Кронштадтское восстание нас не остановило."),
            Mood::Negated
        );
    }

    #[test]
    fn russian_base_forms() {
        for (form, base) in [
            ("троцкого", "троцкий"),
            ("кронштадтского", "кронштадтское"),
            ("восстания", "восстание"),
            ("петрограде", "петроград"),
            ("ленина", "ленин"),
            ("москву", "москва"),
        ] {
            assert!(base_forms(form).contains(&base.to_string()), "{form}");
        }
    }

    #[test]
    fn english_base_forms() {
        assert_eq!(base_form("mutinied").as_deref(), Some("mutiny"));
        assert_eq!(base_form("mutinies").as_deref(), Some("mutiny"));
        assert_eq!(base_form("rebels").as_deref(), Some("rebel"));
        assert_eq!(base_form("marches").as_deref(), Some("march"));
        assert_eq!(base_form("congress"), None);
        assert_eq!(base_form("trotsky"), None);
    }
}
