use histlint_time::{Calendar, HDate};
use proptest::prelude::*;

use crate::{Lang, Ref, Timex, TimexType, Value, detect_lang, extract};

fn run(text: &str, anchor: Option<&str>) -> Vec<Timex> {
    let a = anchor.map(|a| HDate::parse_iso(a).unwrap());
    extract(text, Lang::Ru, a.as_ref())
}

fn spans_at(text: &str, anchor: Option<&str>) -> Vec<(String, String)> {
    run(text, anchor)
        .into_iter()
        .map(|t| (text[t.start..t.end].to_string(), t.timex3))
        .collect()
}

fn spans(text: &str) -> Vec<(String, String)> {
    spans_at(text, None)
}

/// The single expression of `text`.
fn one(text: &str, anchor: Option<&str>) -> Timex {
    let v = run(text, anchor);
    assert_eq!(v.len(), 1, "{text:?}: {:?}", spans_at(text, anchor));
    v.into_iter().next().unwrap()
}

/// Asserts that `text` holds exactly one expression, with this span and TIMEX3 value.
#[track_caller]
fn check(text: &str, span: &str, timex3: &str) {
    check_at(text, None, span, timex3);
}

#[track_caller]
fn check_at(text: &str, anchor: Option<&str>, span: &str, timex3: &str) {
    let got = spans_at(text, anchor);
    assert_eq!(
        got,
        vec![(span.to_string(), timex3.to_string())],
        "{text:?}"
    );
}

#[track_caller]
fn none(text: &str) {
    assert_eq!(spans(text), vec![], "{text:?}");
}

// ---- full dates ------------------------------------------------------------------------

#[test]
fn full_dates_in_words_and_digits() {
    for (text, span) in [
        (
            "Восстание началось 25 октября 1917 года.",
            "25 октября 1917 года",
        ),
        (
            "Восстание началось 25 октября 1917 г.",
            "25 октября 1917 г.",
        ),
        ("Восстание началось 25.10.1917.", "25.10.1917"),
        ("Восстание началось 1917-10-25.", "1917-10-25"),
        (
            "Восстание началось двадцать пятого октября 1917 года.",
            "двадцать пятого октября 1917 года",
        ),
        (
            "Восстание началось 25-го октября 1917 года.",
            "25-го октября 1917 года",
        ),
        ("Восстание началось 25 окт. 1917 г.", "25 окт. 1917 г."),
        (
            "Восстание началось двадцать пятого октября тысяча девятьсот семнадцатого года.",
            "двадцать пятого октября тысяча девятьсот семнадцатого года",
        ),
    ] {
        check(text, span, "1917-10-25");
    }
}

#[test]
fn the_night_names_its_day() {
    check(
        "В ночь на 25 октября 1917 года крейсер «Аврора» встал у моста.",
        "ночь на 25 октября 1917 года",
        "1917-10-25",
    );
    check(
        "В ночь с 24 на 25 октября отряды заняли вокзалы.",
        "ночь с 24 на 25 октября",
        "XXXX-10-25",
    );
}

#[test]
fn weekday_before_a_date_is_part_of_it() {
    check(
        "В среду, 7 ноября 1917 года, Зимний был взят.",
        "среду, 7 ноября 1917 года",
        "1917-11-07",
    );
    check("Во вторник газеты не вышли.", "вторник", "XXXX-WXX-2");
}

#[test]
fn day_and_month_take_the_anchor_year() {
    check_at(
        "Съезд открылся 25 октября.",
        Some("1917-11-07"),
        "25 октября",
        "1917-10-25",
    );
    check("Съезд открылся 25 октября.", "25 октября", "XXXX-10-25");
    // every case of the month word
    for m in ["октябрь", "октября", "октябре", "октябрём", "октябрем"]
    {
        let text = format!("Это был {m} 1917 года.");
        let got = spans(&text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1, "1917-10");
    }
}

#[test]
fn impossible_dates_are_not_dates() {
    none("Это было 31.02.1917 где-то.");
    none("Номер 45 октября не бывает.");
}

// ---- months and years --------------------------------------------------------------------

#[test]
fn months_and_years() {
    check(
        "Восстание вспыхнуло в марте 1921 г.",
        "марте 1921 г.",
        "1921-03",
    );
    check(
        "Март 1921 года стал переломным.",
        "Март 1921 года",
        "1921-03",
    );
    check("Это случилось в марте 1921-го.", "марте 1921-го", "1921-03");
    check("Это случилось в 1917 году.", "1917 году", "1917");
    check("1917 год изменил всё.", "1917 год", "1917");
    check("Это случилось в 1917 г. в Петрограде.", "1917 г.", "1917");
    check("К 1921 году война закончилась.", "1921 году", "1921");
    check("Это случилось в 1917, не раньше.", "1917", "1917");
    check(
        "Это было в тысяча девятьсот семнадцатом году.",
        "тысяча девятьсот семнадцатом году",
        "1917",
    );
    let t = one("С 1917 года всё изменилось.", None);
    assert_eq!(t.timex3, "1917");
    assert!(matches!(t.value, Value::Since(_)));
    assert_eq!(spans("С 1917 года всё изменилось.")[0].0, "С 1917 года");
}

#[test]
fn months_alone_need_a_cue() {
    check("Это случилось в марте.", "марте", "XXXX-03");
    check_at(
        "Это случилось в марте.",
        Some("1921-06-01"),
        "марте",
        "1921-03",
    );
    let t = one("С октября цены росли.", Some("1917-12-01"));
    assert!(matches!(t.value, Value::Since(_)));
    assert_eq!(t.timex3, "1917-10");
}

#[test]
fn eras() {
    check("Город основан в 44 г. до н. э.", "44 г. до н. э.", "-0043");
    check(
        "Это было в 300 году до нашей эры.",
        "300 году до нашей эры",
        "-0299",
    );
    check("Это было в 988 году н. э.", "988 году н. э.", "0988");
    check("Крещение Руси в 988 году.", "988 году", "0988");
}

#[test]
fn decades() {
    check("В 1920-е годы город рос.", "1920-е годы", "192");
    check("Архитектура 1920-х годов.", "1920-х годов", "192");
    check("Архитектура 1920-х.", "1920-х", "192");
    check("Двадцатые годы были бурными.", "Двадцатые годы", "XX2");
    check_at(
        "Двадцатые годы были бурными.",
        Some("1935"),
        "Двадцатые годы",
        "192",
    );
    check("В 20-е годы XX века город рос.", "20-е годы XX века", "192");
}

#[test]
fn centuries() {
    check("XX век был жестоким.", "XX век", "19");
    check("В XIX веке жили иначе.", "XIX веке", "18");
    check("В 20 веке жили иначе.", "20 веке", "19");
    check("Двадцатый век был жестоким.", "Двадцатый век", "19");
    check(
        "В двадцать первом веке всё иначе.",
        "двадцать первом веке",
        "20",
    );
    check("В XIX в. жили иначе.", "XIX в.", "18");
    // Cyrillic Х typed for Latin X
    check("ХХ век был жестоким.", "ХХ век", "19");
    let text = "V век до н. э. был временем войн.";
    let t = one(text, None);
    assert_eq!(&text[t.start..t.end], "V век до н. э.");
    let bc5 = HDate::coarse(Calendar::Gregorian, -499, histlint_time::Precision::Century);
    assert_eq!(t.value, Value::Date(bc5));
    assert_eq!(t.timex3, bc5.iso_value());
    let t = one("Искусство XIX–XX вв. изменилось.", None);
    assert!(matches!(t.value, Value::Range(..)));
    // an amount of centuries is a duration
    let t = one("Прошло два века.", None);
    assert_eq!(t.timex3, "P200Y");
}

// ---- seasons -----------------------------------------------------------------------------

#[test]
fn seasons() {
    check(
        "Весной 1918 года началась война.",
        "Весной 1918 года",
        "1918-SP",
    );
    check("Это было осенью 1905 г.", "осенью 1905 г.", "1905-FA");
    check(
        "Это было зимой 1917/18 года.",
        "зимой 1917/18 года",
        "1917-WI",
    );
    let t = one("Это было зимой 1917/18 года.", None);
    assert_eq!(
        t.value.interval().unwrap(),
        HDate::ym(Calendar::Gregorian, 1917, 12)
            .unwrap()
            .interval()
            .unwrap()
            .hull(
                &HDate::ym(Calendar::Gregorian, 1918, 2)
                    .unwrap()
                    .interval()
                    .unwrap()
            )
    );
    check("Летом они уехали на дачу.", "Летом", "XXXX-SU");
    check_at("Летом они уехали.", Some("1918-03-01"), "Летом", "1918-SU");
    check_at(
        "Прошлой зимой было холодно.",
        Some("1918-03-10"),
        "Прошлой зимой",
        "1917-WI",
    );
    check_at(
        "Следующей весной всё кончилось.",
        Some("1918-07-10"),
        "Следующей весной",
        "1919-SP",
    );
    // nouns without a year or a cue are not dates
    none("Зима была холодной.");
}

// ---- ranges -----------------------------------------------------------------------------

#[test]
fn ranges() {
    check(
        "Гражданская война 1918–1921 гг. унесла миллионы.",
        "1918–1921 гг.",
        "1918/1921",
    );
    check("В 1918–21 годах шла война.", "1918–21 годах", "1918/1921");
    check(
        "С 1905 по 1907 год шла революция.",
        "С 1905 по 1907 год",
        "1905/1907",
    );
    check(
        "С марта по май 1918 года шли бои.",
        "С марта по май 1918 года",
        "1918-03/1918-05",
    );
    check(
        "Между 1905 и 1907 годами страна изменилась.",
        "Между 1905 и 1907 годами",
        "1905/1907",
    );
    check(
        "С 25 октября по 7 ноября 1917 года шли бои.",
        "С 25 октября по 7 ноября 1917 года",
        "1917-10-25/1917-11-07",
    );
    check(
        "С 5 по 7 ноября 1917 года шли бои.",
        "С 5 по 7 ноября 1917 года",
        "1917-11-05/1917-11-07",
    );
    // an end before the start is not a range
    assert_eq!(spans("Между 1934 и 1872 годами.").len(), 2);
}

// ---- calendar markers ----------------------------------------------------------------------

#[test]
fn calendar_markers() {
    for (text, span, cal) in [
        (
            "Это было 25 октября 1917 года по старому стилю.",
            "25 октября 1917 года по старому стилю",
            Calendar::Julian,
        ),
        (
            "Это было 25 октября 1917 г. по ст. ст.",
            "25 октября 1917 г. по ст. ст.",
            Calendar::Julian,
        ),
        (
            "Это было 25 октября 1917 г. (ст. ст.) в Петрограде.",
            "25 октября 1917 г. (ст. ст.)",
            Calendar::Julian,
        ),
        (
            "Это было 25 октября 1917 г., ст. ст., в Петрограде.",
            "25 октября 1917 г., ст. ст.",
            Calendar::Julian,
        ),
        (
            "Это было 7 ноября 1917 г. н. ст. в Петрограде.",
            "7 ноября 1917 г. н. ст.",
            Calendar::Gregorian,
        ),
        (
            "Это было 7 ноября 1917 года по новому стилю.",
            "7 ноября 1917 года по новому стилю",
            Calendar::Gregorian,
        ),
    ] {
        let t = one(text, None);
        assert_eq!(&text[t.start..t.end], span, "{text}");
        assert_eq!(t.calendar, Some(cal), "{text}");
        match t.value {
            Value::Date(d) => assert_eq!(d.calendar, cal, "{text}"),
            v => panic!("{v:?}"),
        }
    }
}

#[test]
fn paired_dates_merge_only_when_the_same_day() {
    let text = "Восстание 25 октября (7 ноября) 1917 года победило.";
    let t = one(text, None);
    assert_eq!(&text[t.start..t.end], "25 октября (7 ноября) 1917 года");
    assert_eq!(t.timex3, "1917-10-25");
    assert_eq!(t.calendar, Some(Calendar::Julian));
    let text = "Николай II отрёкся 2 (15) марта 1917 года.";
    let t = one(text, None);
    assert_eq!(&text[t.start..t.end], "2 (15) марта 1917 года");
    assert_eq!(t.timex3, "1917-03-02");
    assert_eq!(t.calendar, Some(Calendar::Julian));
    // not the same day in the two calendars: separate dates, no calendar stated
    let text = "Съезд открылся 25 октября (8 ноября) 1917 года.";
    let found = run(text, None);
    assert!(found.len() >= 2, "{:?}", spans(text));
    assert!(found.iter().all(|t| t.calendar.is_none()));
    assert_eq!(&text[found[0].start..found[0].end], "25 октября");
}

// ---- durations --------------------------------------------------------------------------

fn duration(text: &str) -> histlint_time::Duration {
    match one(text, None).value {
        Value::Duration(d) => d,
        v => panic!("{text:?}: {v:?}"),
    }
}

#[test]
fn durations_with_inflection_and_fractions() {
    for (text, span, tx) in [
        (
            "Война длилась три с половиной года.",
            "три с половиной года",
            "P3Y6M",
        ),
        ("Война длилась полтора года.", "полтора года", "P1Y6M"),
        (
            "Он ждал восемнадцать месяцев.",
            "восемнадцать месяцев",
            "P18M",
        ),
        ("Он ждал 18 месяцев.", "18 месяцев", "P18M"),
        ("Он ждал два года.", "два года", "P2Y"),
        ("Он ждал пять лет.", "пять лет", "P5Y"),
        ("Он ждал двадцать пять лет.", "двадцать пять лет", "P25Y"),
        ("Он ждал 1,5 года.", "1,5 года", "P1Y6M"),
        ("Он ждал полгода.", "полгода", "P6M"),
        ("Он болел неделю.", "неделю", "P1W"),
        ("Он болел три недели.", "три недели", "P3W"),
        ("Это заняло десять дней.", "десять дней", "P10D"),
        ("Это заняло двое суток.", "суток", "P1D"),
    ] {
        let got = spans(text);
        if text.contains("двое") {
            // "двое" (a collective numeral) is not read; the unit alone is not enough
            assert!(got.is_empty() || got[0].0 == span, "{text}: {got:?}");
            continue;
        }
        assert_eq!(got, vec![(span.to_string(), tx.to_string())], "{text}");
    }
    let d = duration("Война длилась три с половиной года.");
    assert_eq!((d.min, d.max), (3.25, 3.75));
    // genitive after a numeral or a comparison, ё and е alike
    for text in [
        "Это длилось больше трёх лет.",
        "Это длилось больше трех лет.",
    ] {
        let d = duration(text);
        assert_eq!(d.min, 3.0);
        assert!(d.max.is_infinite());
    }
    let d = duration("Это длилось почти два года.");
    assert!(d.max <= 2.0 && d.min < 2.0);
    let t = one("Это длилось около месяца.", None);
    assert_eq!(&"Это длилось около месяца."[t.start..t.end], "около месяца");
    assert!(t.vague);
    assert_eq!(t.timex3, "P1M");
    let t = one("Это длилось не менее двух лет.", None);
    assert_eq!(t.timex3, "P2Y");
}

#[test]
fn vague_durations() {
    check("Прошло несколько дней.", "несколько дней", "PXD");
    check("Прошло много лет.", "много лет", "PXY");
    check("Это тянулось десятилетиями.", "десятилетиями", "PXDE");
    check("Это растянулось на десятилетия.", "десятилетия", "PXDE");
    check("Прошли долгие годы.", "долгие годы", "PXY");
    let t = one("Прошло несколько дней.", None);
    assert!(t.vague);
}

// ---- relative -----------------------------------------------------------------------------

#[test]
fn relative_to_the_anchor() {
    let a = Some("1917-10-25");
    check_at("Год спустя всё изменилось.", a, "Год спустя", "1918");
    check_at("Спустя год всё изменилось.", a, "Спустя год", "1918");
    check_at(
        "Через два дня он вернулся.",
        a,
        "Через два дня",
        "1917-10-27",
    );
    check_at("Два дня назад он уехал.", a, "Два дня назад", "1917-10-23");
    check_at(
        "Два года тому назад он уехал.",
        a,
        "Два года тому назад",
        "1915",
    );
    check_at(
        "На следующий день он вернулся.",
        a,
        "следующий день",
        "1917-10-26",
    );
    check_at(
        "На другой день он вернулся.",
        a,
        "другой день",
        "1917-10-26",
    );
    check_at("В следующем году он вернулся.", a, "следующем году", "1918");
    check_at("В прошлом году он уехал.", a, "прошлом году", "1916");
    check_at("В этом году он уехал.", a, "этом году", "1917");
    check_at("В том же году он уехал.", a, "том же году", "1917");
    check_at(
        "На прошлой неделе он уехал.",
        a,
        "прошлой неделе",
        "1917-W42",
    );
    check_at("В прошлом месяце он уехал.", a, "прошлом месяце", "1917-09");
    check_at("Вчера он уехал.", a, "Вчера", "1917-10-24");
    check_at("Завтра он уедет.", a, "Завтра", "1917-10-26");
    check_at("Сегодня он уехал.", a, "Сегодня", "1917-10-25");
    check_at("Позавчера он уехал.", a, "Позавчера", "1917-10-23");
    check_at("Годом позже он вернулся.", a, "Годом позже", "1918");
    check_at(
        "В прошлую пятницу он уехал.",
        a,
        "прошлую пятницу",
        "1917-10-19",
    );
}

#[test]
fn relative_without_anchor() {
    check("Год спустя всё изменилось.", "Год спустя", "XXXX");
    check("Через два дня он вернулся.", "Через два дня", "XXXX-XX-XX");
    check(
        "На следующий день он вернулся.",
        "следующий день",
        "XXXX-XX-XX",
    );
    check("В следующем году он вернулся.", "следующем году", "XXXX");
    let t = one("Через два дня он вернулся.", None);
    match t.value {
        Value::Relative {
            amount, direction, ..
        } => {
            assert_eq!(direction, 1);
            assert_eq!(amount.unwrap().stated, Some(2.0));
        }
        v => panic!("{v:?}"),
    }
}

#[test]
fn references() {
    for w in ["Сейчас", "Теперь", "Ныне"] {
        let text = format!("{w} всё иначе.");
        let t = one(&text, None);
        assert_eq!(t.value, Value::Ref(Ref::Present), "{text}");
        assert_eq!(t.timex3, "PRESENT_REF");
    }
    check("В наши дни всё иначе.", "наши дни", "PRESENT_REF");
    check(
        "В настоящее время всё иначе.",
        "настоящее время",
        "PRESENT_REF",
    );
    check("Всё это осталось в прошлом.", "прошлом", "PAST_REF");
    check("Всё это будет в будущем.", "будущем", "FUTURE_REF");
}

#[test]
fn sets() {
    check("Каждый год они приезжали.", "Каждый год", "P1Y");
    check("Каждую весну они приезжали.", "Каждую весну", "XXXX-SP");
    check("Они приезжали ежегодно.", "ежегодно", "P1Y");
    check("Каждые два года они приезжали.", "Каждые два года", "P2Y");
    assert_eq!(one("Каждый год они приезжали.", None).ttype, TimexType::Set);
}

#[test]
fn about_a_date_is_vague() {
    let t = one("Дом построен около 1850 года.", None);
    assert_eq!(
        &"Дом построен около 1850 года."[t.start..t.end],
        "около 1850 года"
    );
    assert_eq!(t.timex3, "1850");
    assert!(t.vague);
}

// ---- traps ------------------------------------------------------------------------------

#[test]
fn traps_are_not_extracted() {
    none("Мая пришла домой поздно.");
    none("Полк шёл под марш.");
    none("Первый полк перешёл на сторону восставших.");
    none("1500 солдат перешли на сторону восставших.");
    none("Отряд из 200 человек занял мост.");
    none("Среда обитания изменилась.");
    none("Это год великих перемен, сказал он.");
    none("Дом номер 25 на углу.");
}

#[test]
fn every_case_of_the_units() {
    for (text, tx) in [
        ("Прошёл один год.", "P1Y"),
        ("Прошло два года.", "P2Y"),
        ("Прошло пять лет.", "P5Y"),
        ("Прошло двадцать один год.", "P21Y"),
        ("Прошёл один месяц.", "P1M"),
        ("Прошло три месяца.", "P3M"),
        ("Прошло шесть месяцев.", "P6M"),
        ("Прошёл один день.", "P1D"),
        ("Прошло три дня.", "P3D"),
        ("Прошло семь дней.", "P7D"),
        ("Прошла одна неделя.", "P1W"),
        ("Прошло две недели.", "P2W"),
        ("Прошло пять недель.", "P5W"),
        ("Прошло три века.", "P300Y"),
        ("Это длилось в течение двух лет.", "P2Y"),
        ("Это длилось в течение трёх лет.", "P3Y"),
        ("Это длилось около трех недель.", "P3W"),
        ("Это длилось свыше пяти месяцев.", "P5M"),
        ("Это случилось за четыре дня.", "P4D"),
    ] {
        let got = spans(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1, tx, "{text}");
    }
}

// ---- languages ----------------------------------------------------------------------------

#[test]
fn detects_the_language() {
    assert_eq!(detect_lang("В 1917 году произошла революция."), Lang::Ru);
    assert_eq!(detect_lang("In 1917 the revolution came."), Lang::En);
    assert_eq!(detect_lang("1917"), Lang::En);
}

#[test]
fn mixed_file_is_read_line_by_line() {
    let text = "On 25 October 1917 the cruiser fired.\n\
                В ночь на 25 октября 1917 года крейсер выстрелил.\n\
                A year later the war was over.\n";
    for lang in [detect_lang(text), Lang::En, Lang::Ru] {
        let got: Vec<(String, String)> = extract(text, lang, None)
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.timex3))
            .collect();
        assert_eq!(
            got,
            vec![
                ("25 October 1917".to_string(), "1917-10-25".to_string()),
                (
                    "ночь на 25 октября 1917 года".to_string(),
                    "1917-10-25".to_string()
                ),
                ("A year later".to_string(), "XXXX".to_string()),
            ],
            "{lang:?}"
        );
    }
}

// ---- properties ---------------------------------------------------------------------------

fn check_spans(text: &str, found: &[Timex]) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for t in found {
        prop_assert!(t.start < t.end && t.end <= text.len());
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prop_assert!(t.start >= prev_end, "overlap or unsorted: {found:?}");
        prev_end = t.end;
    }
    Ok(())
}

const WORDS: &[&str] = &[
    "в",
    "с",
    "по",
    "до",
    "к",
    "между",
    "и",
    "на",
    "ночь",
    "года",
    "году",
    "г",
    "гг",
    "вв",
    "в.",
    "н",
    "э",
    "ст",
    "до н. э.",
    "по ст. ст.",
    "октября",
    "марте",
    "мая",
    "Мая",
    "среду",
    "весной",
    "зимой",
    "летом",
    "XX",
    "XIX",
    "ХХ",
    "V",
    "век",
    "веке",
    "веков",
    "двадцатые",
    "годы",
    "годами",
    "лет",
    "месяцев",
    "дня",
    "недель",
    "неделю",
    "полтора",
    "полгода",
    "три",
    "трёх",
    "двух",
    "двадцать",
    "пятого",
    "первом",
    "тысяча",
    "девятьсот",
    "семнадцатого",
    "с половиной",
    "несколько",
    "много",
    "больше",
    "почти",
    "около",
    "не",
    "менее",
    "через",
    "спустя",
    "назад",
    "тому",
    "следующий",
    "прошлом",
    "том",
    "же",
    "вчера",
    "сейчас",
    "каждый",
    "ежегодно",
    "1917",
    "25",
    "1920",
    "20",
    "18",
    "1",
    "0",
    "99999",
    "-",
    "–",
    "—",
    "/",
    ".",
    ",",
    "(",
    ")",
    "е",
    "х",
    "го",
    "½",
    "ё",
    "Ё",
    "солдат",
    "день",
    "год",
];

fn word_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(WORDS).prop_map(str::to_string),
            1 => "[а-яёА-ЯЁ0-9 .,/()\\-–]{0,6}",
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..40,
    )
    .prop_map(|v| {
        let mut s = String::new();
        for (k, w) in v.iter().enumerate() {
            s.push_str(w);
            s.push(if k % 7 == 6 { '\n' } else { ' ' });
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_cyrillic_soup(text in word_soup()) {
        check_spans(&text, &extract(&text, Lang::Ru, None))?;
        let a = HDate::parse_iso("1917-10-25").unwrap();
        check_spans(&text, &extract(&text, Lang::Ru, Some(&a)))?;
        check_spans(&text, &extract(&text, detect_lang(&text), Some(&a)))?;
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        check_spans(&text, &extract(&text, Lang::Ru, None))?;
    }

    #[test]
    fn never_panics_on_cyrillic_chars(text in "[\\u{400}-\\u{4ff}0-9 .,\\-–()/IVXх½]{0,120}") {
        check_spans(&text, &extract(&text, Lang::Ru, None))?;
    }
}

// ---- feasts and anaphora ---------------------------------------------------------------

#[test]
fn orthodox_feasts_are_julian_days() {
    // Easter 1917 by the Julian computus: 2 April O.S. (15 April N.S.)
    let t = one("На Пасху 1917 года в Петрограде было тихо.", None);
    assert_eq!(t.timex3, "1917-04-02");
    assert_eq!(t.calendar, Some(Calendar::Julian));
    assert_eq!(
        t.value,
        Value::Date(HDate::ymd(Calendar::Julian, 1917, 4, 2).unwrap())
    );
    check(
        "Под Рождество 1916 года убили Распутина.",
        "Рождество 1916 года",
        "1916-12-25",
    );
    check(
        "В Вербное воскресенье 1917 года шёл снег.",
        "Вербное воскресенье 1917 года",
        "1917-03-26",
    );
    // May Day is the international one, New Style
    let t = one("Первомай 1917 года праздновали открыто.", None);
    assert_eq!(t.timex3, "1917-05-01");
    assert_eq!(t.calendar, None);
    // without a year: the nearest to the anchor
    check_at(
        "Мы встретим Новый год в Смольном.",
        Some("1917-12-20"),
        "Новый год",
        "1918-01-01",
    );
    check_at(
        "На Пасху мы поедем домой.",
        Some("1917-03-01"),
        "Пасху",
        "1917-04-02",
    );
    // common nouns and sentence-initial "Новый год" are not feasts
    none("Он снял покров.");
    none("Новый год начался с голода.");
}

#[test]
fn anaphora_counts_from_the_last_date_named() {
    let a = Some("1920-05-01");
    assert_eq!(
        spans_at(
            "В 1905 году его арестовали, а в следующем году он бежал.",
            a
        )[1],
        ("следующем году".to_string(), "1906".to_string())
    );
    assert_eq!(
        spans_at(
            "25 октября 1917 года власть перешла к Советам. На следующий день открылся съезд.",
            a
        )[1],
        ("следующий день".to_string(), "1917-10-26".to_string())
    );
    assert_eq!(
        spans_at("В 1905 году он уехал, а в том же году вернулся.", a)[1],
        ("том же году".to_string(), "1905".to_string())
    );
    // deictic ones keep to the anchor
    assert_eq!(
        spans_at("В 1905 году он уехал. В прошлом году он вернулся.", a)[1],
        ("прошлом году".to_string(), "1919".to_string())
    );
}
