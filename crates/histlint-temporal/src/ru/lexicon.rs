//! The Russian lexicon: every word form the grammar reacts to, with its roles.
//!
//! Russian inflects, so most entries are generated: ordinals from their stems and the
//! adjective endings (`двадцат` + `ый`, `ого`, `ом` …), nouns from their case forms as
//! listed. Words are looked up lower-cased with `ё` folded to `е`, so "трёх" and "трех"
//! are one entry. Roman numerals (in Latin letters, or with the Cyrillic `Х` that
//! typists use for `X`) share one entry; the grammar reads their value from the text.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::token::Lexicon;

/// Function and cue words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Kw {
    #[default]
    None,
    /// в, во
    V,
    /// с, со
    S,
    /// по
    Po,
    /// до
    Do,
    /// к, ко
    K,
    /// от
    Ot,
    /// на
    Na,
    /// между
    Mezhdu,
    /// и
    I,
    /// после
    Posle,
    /// за
    Za,
    /// около, примерно, приблизительно, порядка
    About,
    /// больше, более, свыше
    More,
    /// меньше, менее
    Less,
    /// почти
    Almost,
    /// ровно
    Exactly,
    /// не
    Ne,
    /// половиной
    Half,
    /// полтора, полторы, полутора
    OneAndHalf,
    /// несколько
    Few,
    /// много, многие
    Many,
    /// пару, пара
    Couple,
    /// десятки, десятков
    Tens,
    /// сотни, сотен
    Hundreds,
    /// долгих, целых, полных
    Adj,
    /// через
    Cherez,
    /// спустя
    Spustya,
    /// позже, позднее
    Later,
    /// назад
    Ago,
    /// раньше, ранее
    Earlier,
    /// тому (тому назад)
    Tomu,
    /// следующий, следующем …, другой (на другой день)
    Next,
    /// прошлый, прошлом …, минувший
    Last,
    /// этот, этом …
    This,
    /// тот, том …
    That,
    /// же
    Zhe,
    /// каждый, каждую …
    Each,
    /// ежегодно, ежедневно …: the unit is in `unit`
    Every,
    Yesterday,
    Today,
    Tomorrow,
    /// позавчера
    DayBeforeYesterday,
    /// послезавтра
    DayAfterTomorrow,
    /// накануне
    Eve,
    /// сейчас, теперь, ныне, нынче
    Now,
    /// недавно
    Recently,
    /// настоящее (в настоящее время)
    Present,
    /// прошлом as a noun ("в прошлом") is Last; будущем
    Future,
    /// время
    Time,
    /// наши (в наши дни)
    Our,
    /// ночь (в ночь на …)
    Night,
    /// г (год)
    G,
    /// гг (годы)
    GG,
    /// вв (века)
    VV,
    /// н (н. э., н. ст.)
    N,
    /// э (н. э.)
    E,
    /// ст (ст. ст.)
    St,
    /// нашей
    Nashey,
    /// эры
    Era,
    /// старому, старого, старый
    Old,
    /// новому, нового, новый
    New,
    /// стилю, стиля, стиль
    Style,
    /// юлианскому
    Julian,
    /// григорианскому
    Gregorian,
    /// календарю
    Calendar,
    /// го, м, й, е, х, ые, ых: the ending after a hyphen ("1917-го", "1920-е")
    Ending,
    /// A Roman numeral (value read from the text).
    Roman,
    /// солдат, человек, рублей …: a number before them is a count.
    CountNoun,
}

/// Units of duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum U {
    #[default]
    None,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
    Millennium,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Lex {
    pub kw: Kw,
    /// 1-12
    pub month: u8,
    /// "окт", "сент": only with a dot or after a day.
    pub mabbr: bool,
    /// 1 = Monday … 7 = Sunday
    pub weekday: u8,
    /// 1 spring, 2 summer, 3 autumn, 4 winter
    pub season: u8,
    /// "весной", "летом": the instrumental, which means "in the spring" on its own.
    pub season_adv: bool,
    pub card: Option<u16>,
    /// Ordinal value (any gender, case, number).
    pub ord: u16,
    /// "двадцатые" = 2 (plural forms of the tens' ordinals).
    pub decade: u8,
    pub unit: U,
    pub plural: bool,
    /// The instrumental plural of a unit ("годами", "веками"): "for years".
    pub instr_pl: bool,
    /// A singular accusative that is an amount on its own: "неделю", "минуту".
    pub acc1: bool,
    /// "полгода", "полвека": half a unit.
    pub half: bool,
    /// The head word of a holiday's name ([`super::holidays::HEADS`] index + 1), in any
    /// case: "Пасха", "на Пасху", "Рождества".
    pub holiday: u8,
}

const L0: Lex = Lex {
    kw: Kw::None,
    month: 0,
    mabbr: false,
    weekday: 0,
    season: 0,
    season_adv: false,
    card: None,
    ord: 0,
    decade: 0,
    unit: U::None,
    plural: false,
    instr_pl: false,
    acc1: false,
    half: false,
    holiday: 0,
};

fn k(kw: Kw) -> Lex {
    Lex { kw, ..L0 }
}

/// Every word form with its entry (several roles of one form are merged).
fn words() -> Vec<(String, Lex)> {
    let mut v: Vec<(String, Lex)> = Vec::new();
    let mut add = |w: &str, l: Lex| v.push((w.to_string(), l));
    let kws: &[(&[&str], Kw)] = &[
        (&["в", "во"], Kw::V),
        (&["с", "со"], Kw::S),
        (&["по"], Kw::Po),
        (&["до"], Kw::Do),
        (&["к", "ко"], Kw::K),
        (&["от"], Kw::Ot),
        (&["на"], Kw::Na),
        (&["между"], Kw::Mezhdu),
        (&["и"], Kw::I),
        (&["после"], Kw::Posle),
        (&["за"], Kw::Za),
        (
            &["около", "примерно", "приблизительно", "порядка", "приблиз"],
            Kw::About,
        ),
        (&["больше", "более", "свыше"], Kw::More),
        (&["меньше", "менее"], Kw::Less),
        (&["почти"], Kw::Almost),
        (&["ровно"], Kw::Exactly),
        (&["не"], Kw::Ne),
        (&["половиной"], Kw::Half),
        (&["полтора", "полторы", "полутора"], Kw::OneAndHalf),
        (
            &["несколько", "нескольких", "нескольким", "несколькими"],
            Kw::Few,
        ),
        (
            &["много", "многие", "многих", "многими", "многим"],
            Kw::Many,
        ),
        (&["пару", "пара", "пары"], Kw::Couple),
        (&["десятки", "десятков", "десятками"], Kw::Tens),
        (&["сотни", "сотен", "сотнями"], Kw::Hundreds),
        (
            &[
                "долгих",
                "долгие",
                "долгими",
                "целых",
                "целые",
                "полных",
                "целый",
                "целую",
                "целое",
                "долгий",
                "долгую",
            ],
            Kw::Adj,
        ),
        (&["через"], Kw::Cherez),
        (&["спустя"], Kw::Spustya),
        (&["позже", "позднее"], Kw::Later),
        (&["назад"], Kw::Ago),
        (&["раньше", "ранее", "прежде"], Kw::Earlier),
        (&["тому"], Kw::Tomu),
        (&["же"], Kw::Zhe),
        (&["вчера"], Kw::Yesterday),
        (&["сегодня"], Kw::Today),
        (&["завтра"], Kw::Tomorrow),
        (&["позавчера"], Kw::DayBeforeYesterday),
        (&["послезавтра"], Kw::DayAfterTomorrow),
        (&["накануне"], Kw::Eve),
        (&["сейчас", "теперь", "ныне", "нынче"], Kw::Now),
        (&["недавно"], Kw::Recently),
        (&["настоящее"], Kw::Present),
        (&["будущем"], Kw::Future),
        (&["время"], Kw::Time),
        (&["наши"], Kw::Our),
        (&["ночь"], Kw::Night),
        (&["г"], Kw::G),
        (&["гг"], Kw::GG),
        (&["вв"], Kw::VV),
        (&["н"], Kw::N),
        (&["э"], Kw::E),
        (&["ст"], Kw::St),
        (&["нашей"], Kw::Nashey),
        (&["эры"], Kw::Era),
        (&["старому", "старого", "старый"], Kw::Old),
        (&["новому", "нового", "новый"], Kw::New),
        (&["стилю", "стиля", "стиль"], Kw::Style),
        (&["юлианскому", "юлианского"], Kw::Julian),
        (&["григорианскому", "григорианского"], Kw::Gregorian),
        (&["календарю"], Kw::Calendar),
        (
            &["го", "м", "й", "е", "х", "ые", "ых", "ого", "ом", "ый"],
            Kw::Ending,
        ),
        (
            &[
                "солдат",
                "человек",
                "рублей",
                "штыков",
                "сабель",
                "орудий",
                "голов",
                "процентов",
                "верст",
                "вёрст",
                "километров",
                "метров",
                "жителей",
                "рабочих",
                "штук",
                "пудов",
            ],
            Kw::CountNoun,
        ),
    ];
    for (ws, kw) in kws {
        for w in *ws {
            add(w, k(*kw));
        }
    }
    // demonstratives and neighbours, every gender and case
    for (stem, kw) in [
        ("следующ", Kw::Next),
        ("прошл", Kw::Last),
        ("минувш", Kw::Last),
        ("предыдущ", Kw::Last),
    ] {
        let soft = stem.ends_with('щ') || stem.ends_with('ш');
        let ends: &[&str] = if soft {
            &["ий", "его", "ем", "ей", "ую", "ее", "ие", "их", "им"]
        } else {
            &["ый", "ого", "ом", "ой", "ую", "ое", "ые", "ых", "ым"]
        };
        for e in ends {
            add(&format!("{stem}{e}"), k(kw));
        }
    }
    for w in ["другой", "другого", "другом"] {
        add(w, k(Kw::Next));
    }
    for w in ["этот", "этого", "этом", "этой", "эту", "это", "эти", "этих"]
    {
        add(w, k(Kw::This));
    }
    for w in ["тот", "того", "том", "той", "ту", "те", "тех"] {
        add(w, k(Kw::That));
    }
    for w in [
        "каждый",
        "каждого",
        "каждом",
        "каждую",
        "каждой",
        "каждое",
        "каждые",
    ] {
        add(w, k(Kw::Each));
    }
    for (w, u) in [
        ("ежегодно", U::Year),
        ("ежемесячно", U::Month),
        ("еженедельно", U::Week),
        ("ежедневно", U::Day),
        ("ежечасно", U::Hour),
    ] {
        add(
            w,
            Lex {
                kw: Kw::Every,
                unit: u,
                ..L0
            },
        );
    }
    // months
    let months: [(&[&str], &[&str]); 12] = [
        (
            &["январь", "января", "январе", "январем", "январю"],
            &["янв"],
        ),
        (
            &["февраль", "февраля", "феврале", "февралем", "февралю"],
            &["фев", "февр"],
        ),
        (&["март", "марта", "марте", "мартом", "марту"], &["мар"]),
        (
            &["апрель", "апреля", "апреле", "апрелем", "апрелю"],
            &["апр"],
        ),
        (&["май", "мая", "мае", "маем", "маю"], &[]),
        (&["июнь", "июня", "июне", "июнем", "июню"], &["июн"]),
        (&["июль", "июля", "июле", "июлем", "июлю"], &["июл"]),
        (
            &["август", "августа", "августе", "августом", "августу"],
            &["авг"],
        ),
        (
            &["сентябрь", "сентября", "сентябре", "сентябрем", "сентябрю"],
            &["сен", "сент"],
        ),
        (
            &["октябрь", "октября", "октябре", "октябрем", "октябрю"],
            &["окт"],
        ),
        (
            &["ноябрь", "ноября", "ноябре", "ноябрем", "ноябрю"],
            &["ноя", "нояб"],
        ),
        (
            &["декабрь", "декабря", "декабре", "декабрем", "декабрю"],
            &["дек"],
        ),
    ];
    for (m, (full, abbr)) in months.iter().enumerate() {
        for w in *full {
            add(
                w,
                Lex {
                    month: m as u8 + 1,
                    ..L0
                },
            );
        }
        for w in *abbr {
            add(
                w,
                Lex {
                    month: m as u8 + 1,
                    mabbr: true,
                    ..L0
                },
            );
        }
    }
    // weekdays
    let weekdays: [&[&str]; 7] = [
        &["понедельник", "понедельника", "понедельнике"],
        &["вторник", "вторника", "вторнике"],
        &["среда", "среду", "среды", "среде"],
        &["четверг", "четверга", "четверге"],
        &["пятница", "пятницу", "пятницы", "пятнице"],
        &["суббота", "субботу", "субботы", "субботе"],
        &["воскресенье", "воскресенья"],
    ];
    for (d, ws) in weekdays.iter().enumerate() {
        for w in *ws {
            add(
                w,
                Lex {
                    weekday: d as u8 + 1,
                    ..L0
                },
            );
        }
    }
    // seasons
    let seasons: [(&[&str], &str); 4] = [
        (&["весна", "весны", "весну", "весне"], "весной"),
        (&["лето", "лета", "лете"], "летом"),
        (&["осень", "осени"], "осенью"),
        (&["зима", "зимы", "зиму", "зиме"], "зимой"),
    ];
    for (s, (forms, adv)) in seasons.iter().enumerate() {
        for w in *forms {
            add(
                w,
                Lex {
                    season: s as u8 + 1,
                    ..L0
                },
            );
        }
        add(
            adv,
            Lex {
                season: s as u8 + 1,
                season_adv: true,
                ..L0
            },
        );
    }
    // cardinals, every case
    let cards: &[(u16, &[&str])] = &[
        (
            1,
            &[
                "один",
                "одна",
                "одно",
                "одного",
                "одной",
                "одному",
                "одним",
                "одном",
                "одну",
            ],
        ),
        (2, &["два", "две", "двух", "двум", "двумя"]),
        (3, &["три", "трех", "трем", "тремя"]),
        (4, &["четыре", "четырех", "четырем", "четырьмя"]),
        (5, &["пять", "пяти", "пятью"]),
        (6, &["шесть", "шести", "шестью"]),
        (7, &["семь", "семи", "семью"]),
        (8, &["восемь", "восьми", "восемью", "восьмью"]),
        (9, &["девять", "девяти", "девятью"]),
        (10, &["десять", "десяти", "десятью"]),
        (40, &["сорок", "сорока"]),
        (50, &["пятьдесят", "пятидесяти", "пятьюдесятью"]),
        (60, &["шестьдесят", "шестидесяти"]),
        (70, &["семьдесят", "семидесяти"]),
        (80, &["восемьдесят", "восьмидесяти"]),
        (90, &["девяносто", "девяноста"]),
        (100, &["сто", "ста"]),
        (200, &["двести", "двухсот"]),
        (300, &["триста", "трехсот"]),
        (400, &["четыреста", "четырехсот"]),
        (500, &["пятьсот", "пятисот"]),
        (600, &["шестьсот", "шестисот"]),
        (700, &["семьсот", "семисот"]),
        (800, &["восемьсот", "восьмисот"]),
        (900, &["девятьсот", "девятисот"]),
        (1000, &["тысяча", "тысячи", "тысячу", "тысячей"]),
    ];
    for (n, ws) in cards {
        for w in *ws {
            add(
                w,
                Lex {
                    card: Some(*n),
                    ..L0
                },
            );
        }
    }
    // 11-19, 20, 30: stem + ь / и / ью
    for (n, stem) in [
        (11, "одиннадцат"),
        (12, "двенадцат"),
        (13, "тринадцат"),
        (14, "четырнадцат"),
        (15, "пятнадцат"),
        (16, "шестнадцат"),
        (17, "семнадцат"),
        (18, "восемнадцат"),
        (19, "девятнадцат"),
        (20, "двадцат"),
        (30, "тридцат"),
    ] {
        for e in ["ь", "и", "ью"] {
            add(
                &format!("{stem}{e}"),
                Lex {
                    card: Some(n),
                    ..L0
                },
            );
        }
    }
    // ordinals
    let ords: &[(u16, &str)] = &[
        (1, "перв"),
        (2, "втор"),
        (4, "четверт"),
        (5, "пят"),
        (6, "шест"),
        (7, "седьм"),
        (8, "восьм"),
        (9, "девят"),
        (10, "десят"),
        (11, "одиннадцат"),
        (12, "двенадцат"),
        (13, "тринадцат"),
        (14, "четырнадцат"),
        (15, "пятнадцат"),
        (16, "шестнадцат"),
        (17, "семнадцат"),
        (18, "восемнадцат"),
        (19, "девятнадцат"),
        (20, "двадцат"),
        (30, "тридцат"),
        (40, "сороков"),
        (50, "пятидесят"),
        (60, "шестидесят"),
        (70, "семидесят"),
        (80, "восьмидесят"),
        (90, "девяност"),
        (100, "сот"),
        (1000, "тысячн"),
    ];
    for (n, stem) in ords {
        for e in [
            "ый", "ой", "ого", "ому", "ым", "ом", "ая", "ую", "ое", "ые", "ых", "ыми",
        ] {
            let plural = matches!(e, "ые" | "ых" | "ыми");
            let decade = if plural && (10..=90).contains(n) && n % 10 == 0 {
                (n / 10) as u8
            } else {
                0
            };
            add(
                &format!("{stem}{e}"),
                Lex {
                    ord: *n,
                    decade,
                    ..L0
                },
            );
        }
    }
    for w in [
        "третий",
        "третьего",
        "третьему",
        "третьим",
        "третьем",
        "третья",
        "третьей",
        "третью",
        "третье",
        "третьи",
        "третьих",
    ] {
        add(w, Lex { ord: 3, ..L0 });
    }
    // units: (forms, unit, plural, instrumental plural, accusative one)
    let units: &[(U, &[&str], &[&str], &str)] = &[
        (
            U::Minute,
            &["минута", "минуты", "минуте", "минутой", "минуту"],
            &["минут", "минутам", "минутах"],
            "минутами",
        ),
        (
            U::Hour,
            &["час", "часа", "часу", "часом", "часе"],
            &["часы", "часов", "часам", "часах"],
            "",
        ),
        (
            U::Day,
            &["день", "дня", "дню", "днем", "дне"],
            &["дни", "дней", "дням", "днях"],
            "",
        ),
        (
            U::Day,
            &[],
            &["сутки", "суток", "суткам", "сутках"],
            "сутками",
        ),
        (
            U::Week,
            &["неделя", "недели", "неделе", "неделей", "неделю"],
            &["недель", "неделям", "неделях"],
            "неделями",
        ),
        (
            U::Month,
            &["месяц", "месяца", "месяцу", "месяцем", "месяце"],
            &["месяцы", "месяцев", "месяцам", "месяцах"],
            "месяцами",
        ),
        (
            U::Year,
            &["год", "года", "году", "годом", "годе"],
            &["годы", "годов", "годам", "годах", "лет"],
            "годами",
        ),
        (
            U::Decade,
            &[
                "десятилетие",
                "десятилетия",
                "десятилетию",
                "десятилетием",
                "десятилетии",
            ],
            &["десятилетия", "десятилетий", "десятилетиям", "десятилетиях"],
            "десятилетиями",
        ),
        (
            U::Century,
            &["век", "века", "веку", "веком", "веке"],
            &["веков", "векам", "веках"],
            "веками",
        ),
        (
            U::Century,
            &["столетие", "столетия", "столетию", "столетием", "столетии"],
            &["столетия", "столетий", "столетиям", "столетиях"],
            "столетиями",
        ),
        (
            U::Millennium,
            &[
                "тысячелетие",
                "тысячелетия",
                "тысячелетию",
                "тысячелетием",
                "тысячелетии",
            ],
            &["тысячелетия", "тысячелетий", "тысячелетиям", "тысячелетиях"],
            "тысячелетиями",
        ),
    ];
    for (u, sg, pl, instr) in units {
        for w in *sg {
            add(
                w,
                Lex {
                    unit: *u,
                    acc1: matches!(*w, "неделю" | "минуту"),
                    ..L0
                },
            );
        }
        for w in *pl {
            add(
                w,
                Lex {
                    unit: *u,
                    plural: true,
                    ..L0
                },
            );
        }
        if !instr.is_empty() {
            add(
                instr,
                Lex {
                    unit: *u,
                    plural: true,
                    instr_pl: true,
                    ..L0
                },
            );
        }
    }
    for (n, (forms, _, _)) in super::holidays::HEADS.iter().enumerate() {
        for w in *forms {
            add(
                w,
                Lex {
                    holiday: n as u8 + 1,
                    ..L0
                },
            );
        }
    }
    for (w, u) in [
        ("полгода", U::Year),
        ("полугода", U::Year),
        ("полвека", U::Century),
        ("полувека", U::Century),
        ("полмесяца", U::Month),
        ("полчаса", U::Hour),
        ("полдня", U::Day),
    ] {
        add(
            w,
            Lex {
                unit: u,
                half: true,
                ..L0
            },
        );
    }
    v
}

/// Lower-cases `word` into `buf` with `ё` folded to `е`; `None` when it does not fit.
fn fold<'b>(word: &str, buf: &'b mut [u8; 96]) -> Option<&'b str> {
    let mut n = 0;
    for c in word.chars() {
        for l in c.to_lowercase() {
            let l = if l == 'ё' { 'е' } else { l };
            if n + l.len_utf8() > buf.len() {
                return None;
            }
            l.encode_utf8(&mut buf[n..]);
            n += l.len_utf8();
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Merges the roles of two entries for one word form.
fn merge(a: Lex, b: Lex) -> Lex {
    Lex {
        kw: if a.kw == Kw::None { b.kw } else { a.kw },
        month: a.month.max(b.month),
        mabbr: a.mabbr || b.mabbr,
        weekday: a.weekday.max(b.weekday),
        season: a.season.max(b.season),
        season_adv: a.season_adv || b.season_adv,
        card: a.card.or(b.card),
        ord: a.ord.max(b.ord),
        decade: a.decade.max(b.decade),
        unit: if a.unit == U::None { b.unit } else { a.unit },
        plural: a.plural || b.plural,
        instr_pl: a.instr_pl || b.instr_pl,
        acc1: a.acc1 || b.acc1,
        half: a.half || b.half,
        holiday: a.holiday.max(b.holiday),
    }
}

pub(crate) struct Table {
    ids: HashMap<String, u16>,
    entries: Vec<Lex>,
    roman: u16,
}

impl Table {
    fn build() -> Table {
        let mut ids: HashMap<String, u16> = HashMap::new();
        let mut entries = vec![L0];
        for (w, lex) in words() {
            let mut buf = [0u8; 96];
            let key = fold(&w, &mut buf).expect("short words").to_string();
            match ids.get(&key) {
                Some(&id) => {
                    let e = &mut entries[usize::from(id)];
                    *e = merge(*e, lex);
                }
                None => {
                    ids.insert(key, entries.len() as u16);
                    entries.push(lex);
                }
            }
        }
        let roman = entries.len() as u16;
        entries.push(k(Kw::Roman));
        assert!(entries.len() < usize::from(u16::MAX));
        Table {
            ids,
            entries,
            roman,
        }
    }

    pub(crate) fn get() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(Table::build)
    }

    /// Every entry, indexed by lexicon id (entry 0 is the empty one).
    pub(crate) fn entries(&self) -> &[Lex] {
        &self.entries
    }

    #[inline]
    pub(crate) fn entry(&self, id: u16) -> &Lex {
        &self.entries[usize::from(id)]
    }
}

/// The value of a Roman numeral (`XX`, `xix`, or with Cyrillic `Х`), 1-3999.
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    let mut n = 0;
    for c in s.chars().rev() {
        let v = match c {
            'I' | 'i' | 'І' | 'і' => 1,
            'V' | 'v' => 5,
            'X' | 'x' | 'Х' | 'х' => 10,
            'L' | 'l' => 50,
            'C' | 'c' => 100,
            _ => return None,
        };
        n += 1;
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (n > 0 && n <= 12 && total > 0).then_some(total)
}

impl Lexicon for Table {
    fn lookup_key(&self, key: u128) -> u16 {
        // The only ASCII words are Roman numerals.
        let mut buf = [0u8; 16];
        let mut n = 0;
        while n < 16 {
            let b = (key >> (8 * n)) as u8;
            if b == 0 {
                break;
            }
            buf[n] = b;
            n += 1;
        }
        if n > 0
            && buf[..n]
                .iter()
                .all(|b| matches!(b, b'i' | b'v' | b'x' | b'l' | b'c'))
        {
            self.roman
        } else {
            0
        }
    }

    fn lookup_str(&self, word: &str) -> u16 {
        if word.len() > 48 {
            return 0;
        }
        // Roman numerals typed with the Cyrillic Х (and Latin I, V).
        if word
            .chars()
            .all(|c| matches!(c, 'Х' | 'I' | 'V' | 'X' | 'L' | 'C' | 'І'))
            && word.chars().any(|c| matches!(c, 'Х' | 'І'))
        {
            return self.roman;
        }
        let mut buf = [0u8; 96];
        match fold(word, &mut buf) {
            Some(w) => self.ids.get(w).copied().unwrap_or(0),
            None => 0,
        }
    }
}
