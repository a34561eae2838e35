//! The HTML report: one self-contained file (inline CSS, JS and SVG; no external
//! assets), readable offline from disk, keyboard-usable, WCAG AA contrast, clean print.
//!
//! Escaping: every string from a title, a KB or a reviewer goes through maud's
//! escaping (`&`, `<`, `>`, `"`; attributes are always double-quoted); the only
//! unescaped strings are the constants [`CSS`] and [`JS`]. Links are made only from
//! `http://` and `https://` URLs, so no `javascript:` link can come from the input.

use std::collections::BTreeMap;

use histlint_check::{Severity, Verdict};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::model::{Episode, Item, ReviewStatus, Season};

/// The review app's additions to a report: forms for reviews and hand-added findings,
/// export links and a notice.
#[derive(Debug, Clone, Default)]
pub struct ReviewUi {
    /// Form action for a review: POST `id`, `version`, `status`, `note`.
    pub review_action: String,
    /// Form action for a hand-added finding: POST `episode`, `line`, `claim`,
    /// `message`, `severity`, `suggestion`.
    pub add_action: String,
    /// Links shown above the report, e.g. exports: `(label, href)`.
    pub links: Vec<(String, String)>,
    /// A message at the top of the page: `(is_error, text)`.
    pub notice: Option<(bool, String)>,
}

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct HtmlOptions {
    /// The page title; empty: "histlint report".
    pub title: String,
    /// The review app's forms; `None`: a static report.
    pub review: Option<ReviewUi>,
}

/// Colours of the rules, in `histlint_check::rules::all()` order; all have at least
/// 4.5:1 contrast on white (text and bars). Rules past the palette and hand-added
/// findings are grey.
const PALETTE: &[&str] = &[
    "#0b5394", "#b3400b", "#04775a", "#9d174d", "#6d28d9", "#b91c1c", "#0e6f8a", "#4d6b0f",
    "#8a5a00", "#5b3a8f", "#1f5f3f", "#7a3b1c",
];
const GREY: &str = "#4b5563";

/// The report's style sheet (constant; the only CSS in the page).
pub const CSS: &str = include_str!("report.css");
/// The report's script: filters (constant; the only JS in the page, no input in it).
pub const JS: &str = include_str!("report.js");

fn rule_order() -> Vec<&'static str> {
    histlint_check::rules::all()
        .iter()
        .map(|r| r.name)
        .collect()
}

fn colour(order: &[&str], rule: &str) -> &'static str {
    order
        .iter()
        .position(|r| *r == rule)
        .and_then(|i| PALETTE.get(i))
        .copied()
        .unwrap_or(GREY)
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Text with `http(s)://` URLs turned into links (the only links made from input).
pub fn linkify(text: &str) -> Markup {
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let mut rest = text;
    while let Some(p) = [rest.find("https://"), rest.find("http://")]
        .into_iter()
        .flatten()
        .min()
    {
        let end = rest[p..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
            .map_or(rest.len(), |e| p + e);
        let url = rest[p..end].trim_end_matches(['.', ',', ';', ':', ')', ']']);
        let scheme = if url.starts_with("https://") { 8 } else { 7 };
        if url.len() <= scheme {
            parts.push((false, &rest[..p + scheme.min(url.len()).max(1)]));
            rest = &rest[p + scheme.min(url.len()).max(1)..];
            continue;
        }
        parts.push((false, &rest[..p]));
        parts.push((true, url));
        rest = &rest[p + url.len()..];
    }
    parts.push((false, rest));
    html! {
        @for (is_url, s) in &parts { @if *is_url { a href=(s) { (s) } } @else { (s) } }
    }
}

/// A cue's text with the claim marked.
fn marked(text: &str, span: (usize, usize)) -> Markup {
    match (
        text.get(..span.0),
        text.get(span.0..span.1),
        text.get(span.1..),
    ) {
        (Some(a), Some(b), Some(c)) if !b.is_empty() => html! { (a) mark { (b) } (c) },
        _ => html! { (text) },
    }
}

fn mmss(ms: u64) -> String {
    let m = ms / 60_000;
    format!("{}:{:02}", m / 60, m % 60)
}

/// The timeline of one episode: findings per minute of running time, stacked by rule
/// and severity; each segment links to the first finding it counts.
/// One minute of a timeline: (rule rank, severity, rule) to the items counted.
type Bin<'a> = BTreeMap<(usize, Severity, &'a str), Vec<&'a Item>>;

fn timeline(ep: &Episode, e: usize, order: &[&str], scale_max: usize) -> Markup {
    const H: f64 = 80.0; // plot height
    const LEFT: u64 = 34;
    let last = ep.items.iter().map(|i| i.at_ms).max().unwrap_or(0);
    let minutes = (ep.running_ms.max(last + 1).div_ceil(60_000)).max(1);
    // Pixels per minute: at least 10; short titles are spread over about 640 pixels.
    let w_min = (640 / minutes).clamp(10, 96);
    let width = LEFT + minutes * w_min + 10;
    // minute -> (rule rank, severity, rule) -> items
    let mut bins: BTreeMap<u64, Bin> = BTreeMap::new();
    for i in &ep.items {
        let rank = order
            .iter()
            .position(|r| *r == i.rule)
            .unwrap_or(order.len());
        bins.entry(i.at_ms / 60_000)
            .or_default()
            .entry((rank, i.severity, i.rule.as_str()))
            .or_default()
            .push(i);
    }
    let unit = H / scale_max.max(1) as f64;
    // The stacked segments: (minute, severity, rule, items, top y, height).
    let mut segments = Vec::new();
    for (minute, groups) in &bins {
        let mut y = 90.0;
        for ((_, sev, rule), items) in groups {
            let h = unit * items.len() as f64;
            y -= h;
            segments.push((*minute, *sev, *rule, items, y, h));
        }
    }
    let step = if minutes <= 12 {
        1
    } else if minutes <= 30 {
        5
    } else {
        10
    };
    let label = format!(
        "Findings per minute in {}, {} of {} running time",
        ep.name,
        if ep.timed {
            "over"
        } else {
            "over an estimated"
        },
        mmss(ep.running_ms)
    );
    html! {
        figure.timeline {
            figcaption {
                strong { (ep.name) } " — findings per minute"
                @if !ep.timed { " (running time estimated: one screenplay page of 55 lines ≈ one minute)" }
            }
            div.timeline-scroll {
                svg xmlns="http://www.w3.org/2000/svg" width=(width) height="112"
                    viewBox=(format!("0 0 {width} 112")) role="group" aria-label=(label) {
                    line x1=(LEFT) y1="90" x2=(LEFT + minutes * w_min) y2="90" stroke="#1a1a1a" stroke-width="1" {}
                    line x1=(LEFT) y1="10" x2=(LEFT) y2="90" stroke="#1a1a1a" stroke-width="1" {}
                    text x=(LEFT - 4) y="14" text-anchor="end" font-size="10" fill="#1a1a1a" { (scale_max) }
                    text x=(LEFT - 4) y="92" text-anchor="end" font-size="10" fill="#1a1a1a" { "0" }
                    @for m in (0..=minutes).step_by(step) {
                        line x1=(LEFT + m * w_min) y1="90" x2=(LEFT + m * w_min) y2="94" stroke="#1a1a1a" {}
                        text x=(LEFT + m * w_min) y="106" text-anchor="middle" font-size="10" fill="#1a1a1a" { (m) "′" }
                    }
                    @for (minute, sev, rule, items, y, h) in &segments {
                        @let (y, h) = (*y, *h);
                        @let x = LEFT + minute * w_min + 1;
                        {
                            @let c = colour(order, rule);
                            @let what = format!("minute {}: {} {}", minute + 1,
                                plural(items.len(), severity_name(*sev), &format!("{}s", severity_name(*sev))), rule);
                            a.segment href=(format!("#f-{}", items[0].id)) aria-label=(what)
                                data-rule=(rule) data-severity=(severity_name(*sev)) data-episode=(e) {
                                title { (what) }
                                @match sev {
                                    Severity::Error => rect x=(x) y=(format!("{y:.1}")) width=(w_min - 2) height=(format!("{h:.1}")) fill=(c) {},
                                    Severity::Warning => rect x=(x as f64 + 0.5) y=(format!("{:.1}", y + 0.5)) width=(w_min as f64 - 3.0) height=(format!("{:.1}", (h - 1.0).max(0.5))) fill=(c) fill-opacity="0.45" stroke=(c) stroke-width="1" {},
                                    Severity::Info => rect x=(x as f64 + 0.5) y=(format!("{:.1}", y + 0.5)) width=(w_min as f64 - 3.0) height=(format!("{:.1}", (h - 1.0).max(0.5))) fill="#ffffff" stroke=(c) stroke-width="1" stroke-dasharray="2 1" {},
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn legend(order: &[&str], season: &Season) -> Markup {
    let mut present: Vec<&str> = season.items().map(|(_, i)| i.rule.as_str()).collect();
    present.sort_by_key(|r| order.iter().position(|o| o == r).unwrap_or(order.len()));
    present.dedup();
    html! {
        ul.legend aria-label="Legend" {
            @for r in &present {
                li { span.swatch style=(format!("background:{}", colour(order, r))) {} (r) }
            }
            li { span.swatch.sev-error {} "error: solid" }
            li { span.swatch.sev-warning {} "warning: light with outline" }
            li { span.swatch.sev-info {} "undecided: dashed outline" }
        }
    }
}

/// Which items a row of the totals table counts.
type Counter = Box<dyn Fn(&Item) -> bool>;

fn totals(order: &[&str], season: &Season) -> Markup {
    let mut rules: Vec<&str> = season.items().map(|(_, i)| i.rule.as_str()).collect();
    rules.sort_by_key(|r| order.iter().position(|o| o == r).unwrap_or(order.len()));
    rules.dedup();
    let count = |ep: Option<usize>, f: &dyn Fn(&Item) -> bool| {
        season
            .items()
            .filter(|(e, i)| ep.is_none_or(|x| x == *e) && f(i))
            .count()
    };
    // Rules down, episodes across: a season adds columns of short numbers, and any
    // number of rules fits.
    let eps: Vec<Option<usize>> = (0..season.episodes.len())
        .map(Some)
        .chain(std::iter::once(None))
        .collect();
    let rows: Vec<(String, Counter)> = rules
        .iter()
        .map(|r| {
            let r = r.to_string();
            (r.clone(), Box::new(move |i: &Item| i.rule == r) as Counter)
        })
        .chain([
            (
                "errors".to_string(),
                Box::new(|i: &Item| i.severity == Severity::Error) as Counter,
            ),
            (
                "warnings".to_string(),
                Box::new(|i: &Item| i.severity == Severity::Warning),
            ),
        ])
        .collect();
    html! {
        div.table-scroll {
            table.totals {
                caption { "Findings per rule and episode" }
                thead { tr {
                    th scope="col" { "rule" }
                    @for ep in &season.episodes { th scope="col" { (ep.name) } }
                    @if season.episodes.len() > 1 { th scope="col" { "all" } }
                } }
                tbody {
                    @for (name, f) in &rows {
                        tr {
                            th scope="row" { (name) }
                            @for e in &eps {
                                @if e.is_some() || season.episodes.len() > 1 { td { (count(*e, f.as_ref())) } }
                            }
                        }
                    }
                }
                tfoot { tr {
                    th scope="row" { "total" }
                    @for e in &eps {
                        @if e.is_some() || season.episodes.len() > 1 { td { (count(*e, &|_| true)) } }
                    }
                } }
            }
        }
    }
}

fn filters(season: &Season, review: bool) -> Markup {
    let mut rules: Vec<&str> = season.items().map(|(_, i)| i.rule.as_str()).collect();
    rules.sort();
    rules.dedup();
    let mut speakers: Vec<&str> = season
        .items()
        .map(|(_, i)| i.speaker.as_deref().unwrap_or(""))
        .collect();
    speakers.sort();
    speakers.dedup();
    html! {
        form #filters hidden aria-label="Filter findings" {
            label { "Rule " select name="rule" { option value="" { "all" } @for r in &rules { option value=(r) { (r) } } } }
            label { "Severity " select name="severity" {
                option value="" { "all" } option value="error" { "error" } option value="warning" { "warning" } option value="info" { "info" }
            } }
            label { "Speaker " select name="speaker" {
                option value="" { "all" }
                @for s in &speakers { @if s.is_empty() { option value="-" { "(none)" } } @else { option value=(s) { (s) } } }
            } }
            label { "Episode " select name="episode" {
                option value="" { "all" }
                @for (e, ep) in season.episodes.iter().enumerate() { option value=(e) { (ep.name) } }
            } }
            @if review {
                label { "Review " select name="status" {
                    option value="" { "all" } option value="open" { "open" }
                    option value="confirmed" { "confirmed" } option value="dismissed" { "dismissed" }
                } }
            }
            button type="reset" { "Show all" }
            output #shown aria-live="polite" {}
        }
    }
}

fn review_form(item: &Item, ui: &ReviewUi) -> Markup {
    let status = item
        .review
        .as_ref()
        .map_or(ReviewStatus::Open, |r| r.status);
    let version = item.review.as_ref().map_or(0, |r| r.version);
    let note = item.review.as_ref().map_or("", |r| r.note.as_str());
    let note_id = format!("note-{}", item.id);
    html! {
        form.review-form method="post" action=(ui.review_action) {
            input type="hidden" name="id" value=(item.id);
            input type="hidden" name="version" value=(version);
            fieldset {
                legend { "Review" }
                @for s in [ReviewStatus::Open, ReviewStatus::Confirmed, ReviewStatus::Dismissed] {
                    label.choice {
                        input type="radio" name="status" value=(s.name()) checked[s == status];
                        " " (s.name())
                    }
                }
                label for=(note_id) { "Note" }
                textarea id=(note_id) name="note" rows="2" { (note) }
                button type="submit" { "Save review" }
            }
        }
    }
}

fn finding(e: usize, ep: &Episode, item: &Item, order: &[&str], ui: Option<&ReviewUi>) -> Markup {
    let sev = severity_name(item.severity);
    let status = item
        .review
        .as_ref()
        .map_or(ReviewStatus::Open, |r| r.status);
    let heading_id = format!("h-{}", item.id);
    html! {
        article.finding id=(format!("f-{}", item.id)) tabindex="-1" aria-labelledby=(heading_id)
            data-rule=(item.rule) data-severity=(sev)
            data-speaker=(item.speaker.as_deref().unwrap_or("-")) data-episode=(e)
            data-status=(status.name()) {
            p.meta {
                span.rule style=(format!("border-color:{}", colour(order, &item.rule))) { (item.code) "/" (item.rule) }
                " " span class=(format!("sev sev-{sev}")) { (sev) }
                @if item.verdict == Verdict::Undecided { " " span.sev.sev-info { "undecided" } }
                @if item.manual { " " span.sev.sev-info { "added by hand" } }
                @if ui.is_some() { " " span class=(format!("status status-{}", status.name())) { (status.name()) } }
                " " span.where { (ep.name) ":" (item.line) }
                @if let Some(tc) = &item.timecode { " " span.tc { "at " (tc) } }
                @if let Some(s) = &item.speaker { " " span.speaker { (s) } }
            }
            h3 id=(heading_id) { (item.message) }
            @if !item.context.is_empty() {
                ol.context aria-label="The line in context" {
                    @for c in &item.context {
                        li.current[c.current] value=(c.line) {
                            span.cline { (c.line) @if let Some(tc) = &c.timecode { " · " (tc) } }
                            @if let Some(s) = &c.speaker { span.cspeaker { (s) } }
                            span.ctext { @if c.current { (marked(&c.text, item.span)) } @else { (c.text) } }
                        }
                    }
                }
            }
            dl.facts {
                @if let Some(d) = &item.scene_date { dt { "Scene date" } dd { (d) } }
                @if let Some(p) = &item.scene_place { dt { "Scene place" } dd { (p) } }
                @if !item.evidence.is_empty() {
                    dt { "Evidence" }
                    dd { ul.evidence {
                        @for ev in &item.evidence {
                            li {
                                (ev.statement) " " span.kbref { "[" (ev.kb_file) ":" (ev.kb_line) "]" }
                                @if !ev.sources.is_empty() {
                                    ul.sources { @for s in &ev.sources { li { "Source: " (linkify(&s.citation)) } } }
                                }
                            }
                        }
                    } }
                }
                @if let Some(s) = &item.suggestion { dt { "Suggestion" } dd { (s) } }
                @if let Some(r) = &item.review { @if !r.note.is_empty() { dt { "Reviewer's note" } dd.note { (r.note) } } }
            }
            @if let Some(ui) = ui { (review_form(item, ui)) }
        }
    }
}

fn add_form(season: &Season, ui: &ReviewUi) -> Markup {
    html! {
        details.add-form {
            summary { "Add a finding by hand" }
            form method="post" action=(ui.add_action) {
                label { "Episode " select name="episode" required {
                    @for (e, ep) in season.episodes.iter().enumerate() { option value=(e) { (ep.name) } }
                } }
                label { "Line " input type="number" name="line" min="1" required; }
                label { "Claim (the words in the line) " input type="text" name="claim" required maxlength="500"; }
                label { "What is wrong " input type="text" name="message" required maxlength="2000"; }
                label { "Severity " select name="severity" {
                    option value="error" { "error" } option value="warning" { "warning" }
                } }
                label { "Suggestion " input type="text" name="suggestion" maxlength="2000"; }
                button type="submit" { "Add finding" }
            }
        }
    }
}

/// Renders a season (one or more titles) as one self-contained HTML page.
pub fn render(season: &Season, opts: &HtmlOptions) -> String {
    let order = rule_order();
    let title = if opts.title.is_empty() {
        "histlint report"
    } else {
        opts.title.as_str()
    };
    let total = season.items().count();
    let scale_max = season
        .episodes
        .iter()
        .flat_map(|ep| {
            let mut per: BTreeMap<u64, usize> = BTreeMap::new();
            for i in &ep.items {
                *per.entry(i.at_ms / 60_000).or_default() += 1;
            }
            per.into_values()
        })
        .max()
        .unwrap_or(1);
    let ui = opts.review.as_ref();
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="histlint";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                a.skip href="#findings" { "Skip to the findings" }
                header {
                    h1 { (title) }
                    p.summary {
                        (plural(total, "finding", "findings")) " in "
                        (plural(season.episodes.len(), "title", "titles")) ": "
                        @for (e, ep) in season.episodes.iter().enumerate() {
                            @if e > 0 { ", " }
                            (ep.name) @if let Some(n) = &ep.meta.name { " (" (n) ")" }
                        }
                    }
                    @if let Some(ui) = ui {
                        @if let Some((err, msg)) = &ui.notice {
                            p.notice.error[*err] role=(if *err { "alert" } else { "status" }) { (msg) }
                        }
                        @if !ui.links.is_empty() {
                            nav.exports aria-label="Exports" { ul {
                                @for (label, href) in &ui.links { li { a href=(href) { (label) } } }
                            } }
                        }
                    }
                }
                main {
                    section aria-labelledby="timeline-h" {
                        h2 #timeline-h { "Timeline" }
                        div #timelines {
                            (legend(&order, season))
                            @for (e, ep) in season.episodes.iter().enumerate() {
                                (timeline(ep, e, &order, scale_max))
                            }
                        }
                        (totals(&order, season))
                    }
                    section #findings aria-labelledby="findings-h" {
                        h2 #findings-h { "Findings" }
                        (filters(season, ui.is_some()))
                        @if let Some(ui) = ui { (add_form(season, ui)) }
                        @for (e, ep) in season.episodes.iter().enumerate() {
                            section.episode aria-label=(ep.name) {
                                h2.ep { (ep.name) " — " (plural(ep.items.len(), "finding", "findings"))
                                    " in " (plural(ep.cues, "cue", "cues")) }
                                @if ep.items.is_empty() { p { "Nothing contradicts the record." } }
                                @for item in &ep.items { (finding(e, ep, item, &order, ui)) }
                            }
                        }
                    }
                }
                footer { p { "Made by histlint. Evidence comes from the knowledge base named in each finding." } }
                script { (PreEscaped(JS)) }
            }
        }
    };
    let mut out = page.into_string();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkify_makes_only_http_links_and_escapes() {
        let m = linkify(
            "See https://a.example/x?q=1&r=<2>. And javascript:alert(1) and http://b.example/.",
        )
        .into_string();
        assert!(m.contains(r#"<a href="https://a.example/x?q=1&amp;r=">https://a.example/x?q=1&amp;r=</a>&lt;2&gt;"#), "{m}");
        assert!(m.contains(r#"<a href="http://b.example/">"#), "{m}");
        assert!(!m.contains(r#"href="javascript"#), "{m}");
        assert!(m.contains("javascript:alert(1)"), "{m}");
        let m = linkify("httpd logs, then https://c.example/").into_string();
        assert!(m.contains(r#"<a href="https://c.example/">"#), "{m}");
        assert!(m.starts_with("httpd logs"), "{m}");
    }

    /// WCAG relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
    }

    #[test]
    fn rule_colours_have_aa_text_contrast_on_white() {
        for c in PALETTE.iter().chain([&GREY]) {
            let ratio = 1.05 / (luminance(c) + 0.05);
            assert!(ratio >= 4.5, "{c}: {ratio:.2}");
        }
    }

    #[test]
    fn marked_handles_bad_spans() {
        assert_eq!(
            marked("a<b>c", (1, 4)).into_string(),
            "a<mark>&lt;b&gt;</mark>c"
        );
        assert_eq!(marked("äb", (1, 2)).into_string(), "äb");
        assert_eq!(marked("ab", (5, 9)).into_string(), "ab");
    }
}
