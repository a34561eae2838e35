//! The English lexicon: every word the grammar reacts to, with its roles.
//!
//! A word may have several roles ("second" is an ordinal and a unit, "night" a unit and
//! a part of the day). Words not listed here never start an expression, which is what
//! makes the scan fast: most words cost one table probe.

use std::sync::OnceLock;

use crate::token::Lexicon;

/// Function and cue words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Kw {
    #[default]
    None,
    The,
    A,
    Of,
    In,
    On,
    At,
    By,
    Since,
    Until,
    From,
    To,
    Through,
    Throughout,
    Between,
    And,
    Or,
    During,
    Before,
    After,
    Early,
    Late,
    Mid,
    Middle,
    End,
    Beginning,
    Turn,
    Circa,
    C,
    About,
    Some,
    Last,
    Next,
    This,
    That,
    These,
    Those,
    Previous,
    Following,
    Same,
    Coming,
    Past,
    Ago,
    Later,
    Earlier,
    Previously,
    Every,
    Each,
    Other,
    Once,
    Twice,
    Thrice,
    Times,
    Per,
    Half,
    Quarter,
    Few,
    Several,
    Many,
    Couple,
    Dozen,
    Dozens,
    Over,
    More,
    Than,
    Less,
    Least,
    Most,
    Almost,
    Under,
    Just,
    Well,
    Exactly,
    Full,
    Up,
    Within,
    Into,
    For,
    Now,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Nowadays,
    Currently,
    Present,
    Moment,
    Formerly,
    Recently,
    Recent,
    Current,
    Future,
    Soon,
    Someday,
    Ever,
    Oclock,
    Am,
    Pm,
    Sharp,
    Style,
    Old,
    New,
    Calendar,
    Julian,
    Gregorian,
    Bc,
    Ad,
    Ce,
    Hundred,
    Thousand,
    Annually,
    Daily,
    Weekly,
    Monthly,
    Nightly,
    Hourly,
    Fortnightly,
    According,
    Then,
    Back,
    Very,
    Right,
    Long,
    Date,
    Only,
    Good,
    /// "lasted", "took", "spent": a bare plural unit after them is a duration.
    DurVerb,
    /// "best", "school": "Sunday best" is no date.
    WeekdayNoun,
    /// "men", "people", "percent": a number before them is a count, not a year.
    CountNoun,
    /// "page", "No.", "room": a number after them is a label, not a year.
    NumberNoun,
    /// "was", "saw", "brought": a year standing alone may be the subject.
    YearVerb,
    /// Function words ending in -s ("has", "its") that are not plural nouns.
    Func,
    Weekend,
}

/// Units of duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum U {
    #[default]
    None,
    Second,
    Minute,
    Hour,
    Day,
    Night,
    Week,
    Fortnight,
    Month,
    Year,
    Decade,
    Century,
    Millennium,
}

/// Parts of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum P {
    #[default]
    None,
    Morning,
    Afternoon,
    Evening,
    Night,
    /// dawn, daybreak, sunrise: a morning, and a time on its own
    Dawn,
    /// dusk, sunset, nightfall
    Dusk,
    Midnight,
    Noon,
    Daytime,
}

/// Month name classes.
pub(crate) const MONTH_FULL: u8 = 1;
/// May, March, August, June, April: also words or names, so they need context.
pub(crate) const MONTH_AMBIGUOUS: u8 = 2;
/// Jan, Oct, Sept: only with a following dot or number.
pub(crate) const MONTH_ABBR: u8 = 3;

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Lex {
    pub kw: Kw,
    pub month: u8,
    pub mclass: u8,
    /// 1 = Monday … 7 = Sunday
    pub weekday: u8,
    pub wabbr: bool,
    /// 1 spring, 2 summer, 3 autumn, 4 winter
    pub season: u8,
    /// "spring" and "fall" are also common nouns and verbs.
    pub season_ambiguous: bool,
    pub card: Option<u16>,
    pub ord: u8,
    pub unit: U,
    pub plural: bool,
    pub part: P,
    /// "twenties" = 2
    pub decade: u8,
    /// May begin a holiday's name ("Christmas", "Good" Friday, "May" Day).
    pub holiday: bool,
}

const L0: Lex = Lex {
    kw: Kw::None,
    month: 0,
    mclass: 0,
    weekday: 0,
    wabbr: false,
    season: 0,
    season_ambiguous: false,
    card: None,
    ord: 0,
    unit: U::None,
    plural: false,
    part: P::None,
    decade: 0,
    holiday: false,
};

const fn k(kw: Kw) -> Lex {
    Lex { kw, ..L0 }
}
const fn mon(month: u8, mclass: u8) -> Lex {
    Lex {
        month,
        mclass,
        ..L0
    }
}
const fn wd(weekday: u8, wabbr: bool) -> Lex {
    Lex {
        weekday,
        wabbr,
        ..L0
    }
}
const fn sea(season: u8, season_ambiguous: bool) -> Lex {
    Lex {
        season,
        season_ambiguous,
        ..L0
    }
}
const fn card(v: u16) -> Lex {
    Lex {
        card: Some(v),
        ..L0
    }
}
const fn ord(v: u8) -> Lex {
    Lex { ord: v, ..L0 }
}
const fn unit(unit: U, plural: bool) -> Lex {
    Lex { unit, plural, ..L0 }
}
const fn part(part: P) -> Lex {
    Lex { part, ..L0 }
}
const fn dec(decade: u8) -> Lex {
    Lex { decade, ..L0 }
}

static WORDS: &[(&str, Lex)] = &[
    ("the", k(Kw::The)),
    ("a", k(Kw::A)),
    ("an", k(Kw::A)),
    ("of", k(Kw::Of)),
    ("in", k(Kw::In)),
    ("on", k(Kw::On)),
    ("at", k(Kw::At)),
    ("by", k(Kw::By)),
    ("since", k(Kw::Since)),
    ("until", k(Kw::Until)),
    ("till", k(Kw::Until)),
    ("from", k(Kw::From)),
    ("to", k(Kw::To)),
    ("through", k(Kw::Through)),
    ("thru", k(Kw::Through)),
    ("throughout", k(Kw::Throughout)),
    ("between", k(Kw::Between)),
    ("and", k(Kw::And)),
    ("or", k(Kw::Or)),
    ("during", k(Kw::During)),
    ("before", k(Kw::Before)),
    ("after", k(Kw::After)),
    ("early", k(Kw::Early)),
    ("late", k(Kw::Late)),
    ("mid", k(Kw::Mid)),
    ("middle", k(Kw::Middle)),
    ("end", k(Kw::End)),
    ("close", k(Kw::End)),
    ("beginning", k(Kw::Beginning)),
    ("start", k(Kw::Beginning)),
    ("turn", k(Kw::Turn)),
    ("circa", k(Kw::Circa)),
    ("ca", k(Kw::Circa)),
    ("c", k(Kw::C)),
    ("about", k(Kw::About)),
    ("around", k(Kw::About)),
    ("approximately", k(Kw::About)),
    ("roughly", k(Kw::About)),
    ("some", k(Kw::Some)),
    ("last", k(Kw::Last)),
    ("next", k(Kw::Next)),
    ("this", k(Kw::This)),
    ("that", k(Kw::That)),
    ("these", k(Kw::These)),
    ("those", k(Kw::Those)),
    ("previous", k(Kw::Previous)),
    ("preceding", k(Kw::Previous)),
    ("following", k(Kw::Following)),
    ("subsequent", k(Kw::Following)),
    ("ensuing", k(Kw::Following)),
    ("succeeding", k(Kw::Following)),
    ("same", k(Kw::Same)),
    ("coming", k(Kw::Coming)),
    ("past", k(Kw::Past)),
    ("ago", k(Kw::Ago)),
    ("later", k(Kw::Later)),
    ("afterwards", k(Kw::Later)),
    ("afterward", k(Kw::Later)),
    ("thereafter", k(Kw::Later)),
    ("hence", k(Kw::Later)),
    ("earlier", k(Kw::Earlier)),
    ("beforehand", k(Kw::Earlier)),
    ("prior", k(Kw::Earlier)),
    ("previously", k(Kw::Previously)),
    ("every", k(Kw::Every)),
    ("each", k(Kw::Each)),
    ("other", k(Kw::Other)),
    ("once", k(Kw::Once)),
    ("twice", k(Kw::Twice)),
    ("thrice", k(Kw::Thrice)),
    ("times", k(Kw::Times)),
    ("per", k(Kw::Per)),
    ("half", k(Kw::Half)),
    ("quarter", k(Kw::Quarter)),
    ("few", k(Kw::Few)),
    ("several", k(Kw::Several)),
    ("many", k(Kw::Many)),
    ("couple", k(Kw::Couple)),
    ("dozen", k(Kw::Dozen)),
    ("dozens", k(Kw::Dozens)),
    ("hundreds", k(Kw::Dozens)),
    ("thousands", k(Kw::Dozens)),
    ("over", k(Kw::Over)),
    ("more", k(Kw::More)),
    ("than", k(Kw::Than)),
    ("less", k(Kw::Less)),
    ("fewer", k(Kw::Less)),
    ("least", k(Kw::Least)),
    ("most", k(Kw::Most)),
    ("almost", k(Kw::Almost)),
    ("nearly", k(Kw::Almost)),
    ("under", k(Kw::Under)),
    ("just", k(Kw::Just)),
    ("well", k(Kw::Well)),
    ("exactly", k(Kw::Exactly)),
    ("precisely", k(Kw::Exactly)),
    ("full", k(Kw::Full)),
    ("fully", k(Kw::Full)),
    ("whole", k(Kw::Full)),
    ("entire", k(Kw::Full)),
    ("up", k(Kw::Up)),
    ("within", k(Kw::Within)),
    ("into", k(Kw::Into)),
    ("for", k(Kw::For)),
    ("now", k(Kw::Now)),
    ("today", k(Kw::Today)),
    ("yesterday", k(Kw::Yesterday)),
    ("tomorrow", k(Kw::Tomorrow)),
    ("tonight", k(Kw::Tonight)),
    ("nowadays", k(Kw::Nowadays)),
    ("currently", k(Kw::Currently)),
    ("present", k(Kw::Present)),
    ("moment", k(Kw::Moment)),
    ("formerly", k(Kw::Formerly)),
    ("recently", k(Kw::Recently)),
    ("lately", k(Kw::Recently)),
    ("recent", k(Kw::Recent)),
    ("current", k(Kw::Current)),
    ("future", k(Kw::Future)),
    ("soon", k(Kw::Soon)),
    ("someday", k(Kw::Someday)),
    ("ever", k(Kw::Ever)),
    ("o'clock", k(Kw::Oclock)),
    ("am", k(Kw::Am)),
    ("pm", k(Kw::Pm)),
    ("sharp", k(Kw::Sharp)),
    ("style", k(Kw::Style)),
    ("old", k(Kw::Old)),
    ("new", k(Kw::New)),
    ("weekend", k(Kw::Weekend)),
    ("calendar", k(Kw::Calendar)),
    ("julian", k(Kw::Julian)),
    ("gregorian", k(Kw::Gregorian)),
    ("bc", k(Kw::Bc)),
    ("bce", k(Kw::Bc)),
    ("ad", k(Kw::Ad)),
    ("ce", k(Kw::Ce)),
    ("hundred", k(Kw::Hundred)),
    ("thousand", k(Kw::Thousand)),
    ("annually", k(Kw::Annually)),
    ("yearly", k(Kw::Annually)),
    ("daily", k(Kw::Daily)),
    ("weekly", k(Kw::Weekly)),
    ("monthly", k(Kw::Monthly)),
    ("nightly", k(Kw::Nightly)),
    ("hourly", k(Kw::Hourly)),
    ("fortnightly", k(Kw::Fortnightly)),
    ("according", k(Kw::According)),
    ("then", k(Kw::Then)),
    ("back", k(Kw::Back)),
    ("very", k(Kw::Very)),
    ("right", k(Kw::Right)),
    ("long", k(Kw::Long)),
    ("date", k(Kw::Date)),
    ("only", k(Kw::Only)),
    ("good", k(Kw::Good)),
    ("number", k(Kw::NumberNoun)),
    ("lasted", k(Kw::DurVerb)),
    ("lasts", k(Kw::DurVerb)),
    ("lasting", k(Kw::DurVerb)),
    ("took", k(Kw::DurVerb)),
    ("takes", k(Kw::DurVerb)),
    ("spent", k(Kw::DurVerb)),
    ("spend", k(Kw::DurVerb)),
    ("spending", k(Kw::DurVerb)),
    ("waited", k(Kw::DurVerb)),
    ("wait", k(Kw::DurVerb)),
    ("waiting", k(Kw::DurVerb)),
    ("served", k(Kw::DurVerb)),
    ("best", k(Kw::WeekdayNoun)),
    ("school", k(Kw::WeekdayNoun)),
    ("clothes", k(Kw::WeekdayNoun)),
    ("dress", k(Kw::WeekdayNoun)),
    ("suit", k(Kw::WeekdayNoun)),
    ("paper", k(Kw::WeekdayNoun)),
    ("papers", k(Kw::WeekdayNoun)),
    ("roast", k(Kw::WeekdayNoun)),
    ("lunch", k(Kw::WeekdayNoun)),
    ("dinner", k(Kw::WeekdayNoun)),
    ("service", k(Kw::WeekdayNoun)),
    ("edition", k(Kw::WeekdayNoun)),
    ("supplement", k(Kw::WeekdayNoun)),
    ("men", k(Kw::CountNoun)),
    ("women", k(Kw::CountNoun)),
    ("people", k(Kw::CountNoun)),
    ("children", k(Kw::CountNoun)),
    ("feet", k(Kw::CountNoun)),
    ("cattle", k(Kw::CountNoun)),
    ("head", k(Kw::CountNoun)),
    ("percent", k(Kw::CountNoun)),
    ("strong", k(Kw::CountNoun)),
    ("page", k(Kw::NumberNoun)),
    ("pages", k(Kw::NumberNoun)),
    ("p", k(Kw::NumberNoun)),
    ("pp", k(Kw::NumberNoun)),
    ("no", k(Kw::NumberNoun)),
    ("nos", k(Kw::NumberNoun)),
    ("room", k(Kw::NumberNoun)),
    ("platform", k(Kw::NumberNoun)),
    ("route", k(Kw::NumberNoun)),
    ("item", k(Kw::NumberNoun)),
    ("article", k(Kw::NumberNoun)),
    ("paragraph", k(Kw::NumberNoun)),
    ("chapter", k(Kw::NumberNoun)),
    ("verse", k(Kw::NumberNoun)),
    ("volume", k(Kw::NumberNoun)),
    ("vol", k(Kw::NumberNoun)),
    ("was", k(Kw::YearVerb)),
    ("is", k(Kw::YearVerb)),
    ("saw", k(Kw::YearVerb)),
    ("brought", k(Kw::YearVerb)),
    ("began", k(Kw::YearVerb)),
    ("ended", k(Kw::YearVerb)),
    ("marked", k(Kw::YearVerb)),
    ("proved", k(Kw::YearVerb)),
    ("became", k(Kw::YearVerb)),
    ("witnessed", k(Kw::YearVerb)),
    ("changed", k(Kw::YearVerb)),
    ("has", k(Kw::Func)),
    ("his", k(Kw::Func)),
    ("its", k(Kw::Func)),
    ("thus", k(Kw::Func)),
    ("yes", k(Kw::Func)),
    ("does", k(Kw::Func)),
    ("whereas", k(Kw::Func)),
    ("always", k(Kw::Func)),
    ("perhaps", k(Kw::Func)),
    ("towards", k(Kw::Func)),
    ("besides", k(Kw::Func)),
    ("unless", k(Kw::Func)),
    ("across", k(Kw::Func)),
    ("nevertheless", k(Kw::Func)),
    ("ours", k(Kw::Func)),
    ("yours", k(Kw::Func)),
    ("theirs", k(Kw::Func)),
    // months
    ("january", mon(1, MONTH_FULL)),
    ("february", mon(2, MONTH_FULL)),
    ("march", mon(3, MONTH_AMBIGUOUS)),
    ("april", mon(4, MONTH_AMBIGUOUS)),
    ("may", mon(5, MONTH_AMBIGUOUS)),
    ("june", mon(6, MONTH_AMBIGUOUS)),
    ("july", mon(7, MONTH_FULL)),
    ("august", mon(8, MONTH_AMBIGUOUS)),
    ("september", mon(9, MONTH_FULL)),
    ("october", mon(10, MONTH_FULL)),
    ("november", mon(11, MONTH_FULL)),
    ("december", mon(12, MONTH_FULL)),
    ("jan", mon(1, MONTH_ABBR)),
    ("feb", mon(2, MONTH_ABBR)),
    ("mar", mon(3, MONTH_ABBR)),
    ("apr", mon(4, MONTH_ABBR)),
    ("jun", mon(6, MONTH_ABBR)),
    ("jul", mon(7, MONTH_ABBR)),
    ("aug", mon(8, MONTH_ABBR)),
    ("sep", mon(9, MONTH_ABBR)),
    ("sept", mon(9, MONTH_ABBR)),
    ("oct", mon(10, MONTH_ABBR)),
    ("nov", mon(11, MONTH_ABBR)),
    ("dec", mon(12, MONTH_ABBR)),
    // weekdays
    ("monday", wd(1, false)),
    ("tuesday", wd(2, false)),
    ("wednesday", wd(3, false)),
    ("thursday", wd(4, false)),
    ("friday", wd(5, false)),
    ("saturday", wd(6, false)),
    ("sunday", wd(7, false)),
    ("mon", wd(1, true)),
    ("tue", wd(2, true)),
    ("tues", wd(2, true)),
    ("wed", wd(3, true)),
    ("thu", wd(4, true)),
    ("thur", wd(4, true)),
    ("thurs", wd(4, true)),
    ("fri", wd(5, true)),
    ("sat", wd(6, true)),
    ("sun", wd(7, true)),
    // seasons
    ("spring", sea(1, true)),
    ("springtime", sea(1, false)),
    ("summer", sea(2, false)),
    ("summertime", sea(2, false)),
    ("autumn", sea(3, false)),
    ("fall", sea(3, true)),
    ("winter", sea(4, false)),
    ("wintertime", sea(4, false)),
    // numbers
    ("zero", card(0)),
    ("one", card(1)),
    ("two", card(2)),
    ("three", card(3)),
    ("four", card(4)),
    ("five", card(5)),
    ("six", card(6)),
    ("seven", card(7)),
    ("eight", card(8)),
    ("nine", card(9)),
    ("ten", card(10)),
    ("eleven", card(11)),
    ("twelve", card(12)),
    ("thirteen", card(13)),
    ("fourteen", card(14)),
    ("fifteen", card(15)),
    ("sixteen", card(16)),
    ("seventeen", card(17)),
    ("eighteen", card(18)),
    ("nineteen", card(19)),
    ("twenty", card(20)),
    ("thirty", card(30)),
    ("forty", card(40)),
    ("fifty", card(50)),
    ("sixty", card(60)),
    ("seventy", card(70)),
    ("eighty", card(80)),
    ("ninety", card(90)),
    ("first", ord(1)),
    (
        "second",
        Lex {
            ord: 2,
            unit: U::Second,
            ..L0
        },
    ),
    ("third", ord(3)),
    ("fourth", ord(4)),
    ("fifth", ord(5)),
    ("sixth", ord(6)),
    ("seventh", ord(7)),
    ("eighth", ord(8)),
    ("ninth", ord(9)),
    ("tenth", ord(10)),
    ("eleventh", ord(11)),
    ("twelfth", ord(12)),
    ("thirteenth", ord(13)),
    ("fourteenth", ord(14)),
    ("fifteenth", ord(15)),
    ("sixteenth", ord(16)),
    ("seventeenth", ord(17)),
    ("eighteenth", ord(18)),
    ("nineteenth", ord(19)),
    ("twentieth", ord(20)),
    ("thirtieth", ord(30)),
    ("fortieth", ord(40)),
    ("fiftieth", ord(50)),
    ("sixtieth", ord(60)),
    ("seventieth", ord(70)),
    ("eightieth", ord(80)),
    ("ninetieth", ord(90)),
    // units
    ("seconds", unit(U::Second, true)),
    ("minute", unit(U::Minute, false)),
    ("minutes", unit(U::Minute, true)),
    ("min", unit(U::Minute, false)),
    ("mins", unit(U::Minute, true)),
    ("hr", unit(U::Hour, false)),
    ("hrs", unit(U::Hour, true)),
    ("yr", unit(U::Year, false)),
    ("yrs", unit(U::Year, true)),
    ("hour", unit(U::Hour, false)),
    ("hours", unit(U::Hour, true)),
    ("day", unit(U::Day, false)),
    ("days", unit(U::Day, true)),
    (
        "night",
        Lex {
            unit: U::Night,
            part: P::Night,
            ..L0
        },
    ),
    ("nights", unit(U::Night, true)),
    ("week", unit(U::Week, false)),
    ("weeks", unit(U::Week, true)),
    ("fortnight", unit(U::Fortnight, false)),
    ("fortnights", unit(U::Fortnight, true)),
    ("month", unit(U::Month, false)),
    ("months", unit(U::Month, true)),
    ("year", unit(U::Year, false)),
    ("years", unit(U::Year, true)),
    ("decade", unit(U::Decade, false)),
    ("decades", unit(U::Decade, true)),
    ("century", unit(U::Century, false)),
    ("centuries", unit(U::Century, true)),
    ("millennium", unit(U::Millennium, false)),
    ("millennia", unit(U::Millennium, true)),
    // parts of the day
    ("morning", part(P::Morning)),
    ("afternoon", part(P::Afternoon)),
    ("evening", part(P::Evening)),
    ("dawn", part(P::Dawn)),
    ("daybreak", part(P::Dawn)),
    ("sunrise", part(P::Dawn)),
    ("dusk", part(P::Dusk)),
    ("sunset", part(P::Dusk)),
    ("nightfall", part(P::Dusk)),
    ("twilight", part(P::Dusk)),
    ("midnight", part(P::Midnight)),
    ("noon", part(P::Noon)),
    ("midday", part(P::Noon)),
    ("daytime", part(P::Daytime)),
    // decades by name
    ("twenties", dec(2)),
    ("thirties", dec(3)),
    ("forties", dec(4)),
    ("fifties", dec(5)),
    ("sixties", dec(6)),
    ("seventies", dec(7)),
    ("eighties", dec(8)),
    ("nineties", dec(9)),
];

const BITS: u32 = 11;
const SLOTS: usize = 1 << BITS;

pub(crate) struct Table {
    keys: Vec<u128>,
    ids: Vec<u16>,
    entries: Vec<Lex>,
}

fn hash(key: u128) -> usize {
    const M: u64 = 0x9E37_79B9_7F4A_7C15;
    let x = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(M).rotate_left(29);
    (x.wrapping_mul(M) >> (64 - BITS)) as usize
}

/// Packs an ASCII word lower-cased, as the tokenizer does.
fn pack(word: &str) -> u128 {
    let mut key = 0u128;
    for (i, b) in word.bytes().take(16).enumerate() {
        key |= u128::from(b.to_ascii_lowercase()) << (8 * i);
    }
    key
}

impl Table {
    fn build() -> Table {
        assert!(
            (WORDS.len() + super::holidays::FIRST_WORDS.len()) * 2 < SLOTS
                && WORDS.len() < usize::from(u16::MAX)
        );
        let mut keys = vec![0u128; SLOTS];
        let mut ids = vec![0u16; SLOTS];
        // entry 0 is "no entry"
        let mut entries = vec![L0];
        for (word, lex) in WORDS {
            debug_assert!(word.len() <= 16 && word.is_ascii(), "{word}");
            let key = pack(word);
            let mut h = hash(key);
            while ids[h] != 0 {
                assert_ne!(keys[h], key, "duplicate lexicon word {word}");
                h = (h + 1) & (SLOTS - 1);
            }
            keys[h] = key;
            ids[h] = entries.len() as u16;
            let mut lex = *lex;
            lex.holiday = super::holidays::FIRST_WORDS.contains(word);
            entries.push(lex);
        }
        // first words of holiday names with no other role
        for word in super::holidays::FIRST_WORDS {
            let key = pack(word);
            let mut h = hash(key);
            let mut known = false;
            while ids[h] != 0 {
                if keys[h] == key {
                    known = true;
                    break;
                }
                h = (h + 1) & (SLOTS - 1);
            }
            if !known {
                keys[h] = key;
                ids[h] = entries.len() as u16;
                entries.push(Lex {
                    holiday: true,
                    ..L0
                });
            }
        }
        Table { keys, ids, entries }
    }

    pub(crate) fn get() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(Table::build)
    }

    /// Every entry, indexed by lexicon id (entry 0 is the empty one).
    pub(crate) fn entries(&self) -> &[Lex] {
        &self.entries
    }

    /// The entry for a token's lexicon id (id 0 gives the empty entry).
    #[inline]
    pub(crate) fn entry(&self, id: u16) -> &Lex {
        &self.entries[usize::from(id)]
    }
}

impl Lexicon for Table {
    #[inline]
    fn lookup_key(&self, key: u128) -> u16 {
        let mut h = hash(key);
        loop {
            let id = self.ids[h];
            if id == 0 || self.keys[h] == key {
                return id;
            }
            h = (h + 1) & (SLOTS - 1);
        }
    }

    fn lookup_str(&self, word: &str) -> u16 {
        // Only ASCII words (and o’clock-style apostrophes, which the tokenizer already
        // folds) are in the English lexicon.
        if word.is_ascii() && word.len() <= 16 {
            self.lookup_key(pack(word))
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_found() {
        let t = Table::get();
        for (w, lex) in WORDS {
            let id = t.lookup_key(pack(w));
            assert_ne!(id, 0, "{w}");
            let e = t.entry(id);
            assert_eq!(
                (
                    e.kw, e.month, e.weekday, e.season, e.card, e.ord, e.unit, e.part
                ),
                (
                    lex.kw,
                    lex.month,
                    lex.weekday,
                    lex.season,
                    lex.card,
                    lex.ord,
                    lex.unit,
                    lex.part
                ),
                "{w}"
            );
        }
        assert_eq!(t.lookup_key(pack("soldiers")), 0);
        assert_eq!(t.lookup_key(pack("OCTOBER")), t.lookup_key(pack("october")));
    }
}
