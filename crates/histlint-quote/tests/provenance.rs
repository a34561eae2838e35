//! Quote provenance on the bundled corpus and the bundled KB: real passages found
//! verbatim, with changed punctuation and case, with an elision, from the middle of a
//! sentence; genuine words given to the wrong person; invented words; quotations
//! inside a work credited to the person quoted; control authors never matching.

use std::sync::OnceLock;

use histlint_kb::CompiledKb;
use histlint_quote::{
    CorpusIndex, IndexLocation, KbQuotes, Lookup, Verdict, bundled, lookup, resolve_speaker,
};

struct Env {
    kb: CompiledKb,
    kq: KbQuotes,
    ci: CorpusIndex,
}

fn env() -> &'static Env {
    static ENV: OnceLock<Env> = OnceLock::new();
    ENV.get_or_init(|| {
        let kb = histlint_bundled::compiled().unwrap();
        let corpus = bundled::corpus(Some(&kb)).unwrap();
        let ci = CorpusIndex::new(corpus, &IndexLocation::Ram).unwrap();
        let kq = KbQuotes::new(&kb);
        Env { kb, kq, ci }
    })
}

fn ask(text: &str, by: &str) -> Lookup {
    let e = env();
    let who = resolve_speaker(&e.kb, by);
    lookup(text, &who, &e.kb, &e.kq, Some(&e.ci))
}

/// As [`ask`], without the KB's quote records: the corpus alone decides.
fn ask_corpus(text: &str, by: &str) -> Lookup {
    let e = env();
    let who = resolve_speaker(&e.kb, by);
    let empty = KbQuotes::new(
        &CompiledKb::from_vec(histlint_kb::compiled::compile(std::iter::empty()).unwrap()).unwrap(),
    );
    lookup(text, &who, &e.kb, &empty, Some(&e.ci))
}

#[test]
fn verbatim_lenin() {
    let l = ask_corpus(
        "The state is a product and a manifestation of the irreconcilability of class antagonisms.",
        "Lenin",
    );
    assert_eq!(l.verdict, Verdict::Attested, "{l:#?}");
    let m = &l.matches[0];
    assert_eq!(m.author, "lenin");
    assert_eq!(m.work, "The State and Revolution");
    assert_eq!(m.score, 1.0);
    assert!(m.location.starts_with("paragraph "), "{}", m.location);
    assert!(
        m.passage.starts_with("The state is a product"),
        "{}",
        m.passage
    );
}

#[test]
fn changed_punctuation_and_case() {
    let l = ask_corpus(
        "the STATE is a product -- and a manifestation -- of the irreconcilability of class antagonisms!!",
        "V. I. Lenin",
    );
    assert_eq!(l.verdict, Verdict::Attested, "{l:#?}");
    assert_eq!(l.matches[0].score, 1.0);
}

#[test]
fn with_an_elision() {
    let l = ask_corpus(
        "The state arises where, when and insofar as class antagonism … cannot be reconciled.",
        "Lenin",
    );
    assert_eq!(l.verdict, Verdict::Attested, "{l:#?}");
    assert_eq!(l.matches[0].score, 1.0);
    assert!(
        l.matches[0].passage.contains("objectively"),
        "the passage is the original: {}",
        l.matches[0].passage
    );
}

#[test]
fn from_the_middle_of_a_sentence() {
    // Trotsky, From October to Brest-Litovsk: a clause from inside a longer sentence.
    let text = "the repeated interruptions in the Brest-Litovsk negotiations create a suspense";
    let l = ask_corpus(text, "Trotsky");
    assert_eq!(l.verdict, Verdict::Attested, "{l:#?}");
    let m = &l.matches[0];
    assert_eq!(m.work, "From October to Brest-Litovsk");
    assert!(m.score >= 0.99, "{}", m.score);
    assert!(
        m.location
            .contains("THE MIDDLE-CLASS INTELLECTUALS IN THE REVOLUTION"),
        "{}",
        m.location
    );
}

#[test]
fn genuine_words_given_to_the_wrong_person() {
    // Trotsky's sentence, credited to Lenin.
    let text = "Events move so quickly at this time, that it is hard to set them down from memory even in chronological sequence.";
    let l = ask_corpus(text, "Lenin");
    assert_eq!(l.verdict, Verdict::Misattributed, "{l:#?}");
    assert_eq!(l.matches[0].author, "trotsky");
    assert!(l.reason.contains("Trotsky"), "{}", l.reason);
}

#[test]
fn kb_record_of_a_misattribution_is_cited() {
    let l = ask(
        "You may not be interested in war, but war is interested in you.",
        "Trotsky",
    );
    assert_eq!(l.verdict, Verdict::Unattested, "{l:#?}");
    let r = l.record.as_ref().unwrap();
    assert_eq!(r.id, "trotsky-war-interested-in-you");
    assert!(r.origin.as_deref().unwrap().contains("Fannie Hurst"));
    assert!(r.file.ends_with("misattributed.toml"));
    let s = ask(
        "A single death is a tragedy; a million deaths is a statistic.",
        "Stalin",
    );
    assert_eq!(s.verdict, Verdict::Misattributed, "{s:#?}");
}

#[test]
fn invented_words_are_unattested_with_the_searched_extent() {
    let l = ask(
        "The revolution is a locomotive that never waits for the timid and the tired.",
        "Lenin",
    );
    assert_eq!(l.verdict, Verdict::Unattested, "{l:#?}");
    let s = l.searched.as_ref().unwrap();
    // Lenin's three works, and his speeches as Reed reports them.
    assert!(s.works >= 4, "{s:?}");
    assert!(
        s.titles
            .iter()
            .any(|t| t == "Ten Days That Shook the World"),
        "{s:?}"
    );
    assert!(s.words > 80_000, "{s:?}");
    assert_eq!(s.years.map(|y| y.0), Some(1914));
    assert!(l.reason.contains("searched"), "{}", l.reason);
}

#[test]
fn a_speaker_without_a_corpus() {
    let l = ask(
        "Lev, the garden needs water before the heat of the afternoon.",
        "Natalia Sedova",
    );
    assert_eq!(l.verdict, Verdict::NoCorpus, "{l:#?}");
    assert!(l.reason.contains("only the KB"), "{}", l.reason);
}

#[test]
fn a_quote_in_another_language_than_the_corpus() {
    let l = ask(
        "Революция не ждёт тех, кто опоздал на поезд истории.",
        "Lenin",
    );
    assert_eq!(l.verdict, Verdict::NoCorpus, "{l:#?}");
    assert!(l.reason.contains("English"), "{}", l.reason);
    assert!(l.reason.contains("Russian"), "{}", l.reason);
}

#[test]
fn engels_inside_lenin_is_engels() {
    let text = "the officials now stand, as organs of society, above society";
    let l = ask_corpus(text, "Lenin");
    assert_ne!(l.verdict, Verdict::Attested, "{l:#?}");
    let m = &l.matches[0];
    assert_eq!(m.author_name, "Engels");
    assert_eq!(m.quoted_by.as_deref(), Some("V. I. Lenin"));
    assert_eq!(ask_corpus(text, "Engels").verdict, Verdict::Attested);
}

#[test]
fn trotsky_inside_reed_is_trotsky() {
    let text = "Our debates are now in the streets. The decisive step has been taken.";
    let l = ask_corpus(text, "Trotsky");
    assert_eq!(l.verdict, Verdict::Attested, "{l:#?}");
    assert_eq!(l.matches[0].author, "trotsky");
    assert_eq!(l.matches[0].quoted_by.as_deref(), Some("John Reed"));
    let r = ask_corpus(text, "John Reed");
    assert_eq!(r.verdict, Verdict::Misattributed, "{r:#?}");
    let lenin = ask_corpus(
        "We shall now proceed to construct the Socialist order!",
        "Lenin",
    );
    assert_eq!(lenin.verdict, Verdict::Attested, "{lenin:#?}");
    assert!(
        lenin.matches[0]
            .location
            .starts_with("Chapter V: Plunging Ahead"),
        "{}",
        lenin.matches[0].location
    );
}

#[test]
fn control_authors_never_match_revolution_quotes() {
    let e = env();
    let control = ["Ambrose Bierce", "Izaak Walton", "Adam Smith"];
    let mut texts: Vec<String> =
        e.kb.iter()
            .filter_map(|(_, r)| match r.value {
                histlint_kb::Record::Quote(q) if q.language == "en" => Some(q.text),
                _ => None,
            })
            .collect();
    texts.push("All power to the Soviets!".into());
    texts.push(
        "The dictatorship of the proletariat is the rule of the proletariat over the bourgeoisie."
            .into(),
    );
    assert!(texts.len() > 20);
    for t in &texts {
        for m in e.ci.search(t) {
            assert!(
                !control.contains(&m.author_name.as_str()),
                "{t:?} matched {m:?}"
            );
        }
    }
}

#[test]
fn a_few_common_words_in_a_row_are_no_evidence() {
    // "the Congress is" stands in Lenin's and Reed's words, but three or four common
    // words in a row say nothing of who spoke a line (MIN_MATCHED).
    for text in [
        "The Congress is opening.",
        "The Congress is now in session.",
    ] {
        let l = ask_corpus(text, "trotsky");
        assert_ne!(
            l.verdict,
            Verdict::Misattributed,
            "{text:?}: {:?}",
            l.matches
        );
        assert!(
            l.matches
                .iter()
                .all(|m| m.passage.split_whitespace().count() >= 5),
            "{text:?}: {:?}",
            l.matches
        );
    }
}
