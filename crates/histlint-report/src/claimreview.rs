//! schema.org `ClaimReview` JSON-LD: one review per finding, in the markup fact-checkers
//! publish. The rating scale and the mapping from histlint's verdicts and severities
//! are documented in `docs/claimreview.md` and here in [`rating`].

use histlint_check::{Severity, Verdict};
use serde_json::{Map, Value, json};

use crate::config::ReviewConfig;
use crate::model::{Episode, Item, ReviewStatus, Season};

/// The best rating on the scale ("True"): never given by histlint, which only
/// reports contradictions, but part of the published scale.
pub const BEST_RATING: u8 = 5;
/// The worst rating on the scale ("False").
pub const WORST_RATING: u8 = 1;

/// The rating of a finding: `(ratingValue, alternateName)`.
///
/// | verdict | severity | rating | in words |
/// |---|---|---|---|
/// | contradicted | error | 1 | False |
/// | contradicted | warning or info | 2 | Mostly false |
/// | undecided | any | 3 | Unproven |
///
/// 4 ("Mostly true") and 5 ("True") complete the scale; histlint never gives them.
pub fn rating(verdict: Verdict, severity: Severity) -> (u8, &'static str) {
    match (verdict, severity) {
        (Verdict::Contradicted, Severity::Error) => (1, "False"),
        (Verdict::Contradicted, _) => (2, "Mostly false"),
        (Verdict::Undecided, _) => (3, "Unproven"),
    }
}

/// Which items to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// Every item that is not dismissed (the CLI: nothing is reviewed yet).
    AllButDismissed,
    /// Only items a reviewer confirmed, and hand-added ones (the review app's
    /// "reviewed set").
    Confirmed,
}

fn selected(item: &Item, sel: Selection) -> bool {
    let status = item.review.as_ref().map(|r| r.status);
    match sel {
        Selection::AllButDismissed => status != Some(ReviewStatus::Dismissed),
        Selection::Confirmed => {
            status == Some(ReviewStatus::Confirmed)
                || (item.manual && status != Some(ReviewStatus::Dismissed))
        }
    }
}

/// Whitespace collapsed to single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `ClaimReview` of one item.
pub fn review(ep: &Episode, item: &Item, cfg: &ReviewConfig, date: Option<&str>) -> Value {
    let (value, words) = rating(item.verdict, item.severity);
    let title_name = ep.meta.name.clone().unwrap_or_else(|| ep.name.clone());
    let mut work = Map::new();
    work.insert("@type".into(), json!("CreativeWork"));
    work.insert("name".into(), json!(title_name));
    if let Some(u) = &ep.meta.url {
        work.insert("url".into(), json!(u));
    }
    if let Some(d) = &ep.meta.date_published {
        work.insert("datePublished".into(), json!(d));
    }
    let mut appearance = Map::new();
    match (&item.timecode, ep.timed) {
        (Some(tc), true) => {
            let secs = item.at_ms / 1000;
            appearance.insert("@type".into(), json!("Clip"));
            appearance.insert("name".into(), json!(format!("{title_name} at {tc}")));
            appearance.insert("startOffset".into(), json!(secs));
            if let Some(u) = &ep.meta.url {
                // A W3C Media Fragment: the player starts at the line.
                appearance.insert("url".into(), json!(format!("{u}#t={secs}")));
            }
        }
        _ => {
            appearance.insert("@type".into(), json!("CreativeWork"));
            appearance.insert(
                "name".into(),
                json!(format!("{title_name}, line {}", item.line)),
            );
        }
    }
    appearance.insert("isPartOf".into(), Value::Object(work));
    let mut claim = Map::new();
    claim.insert("@type".into(), json!("Claim"));
    claim.insert("appearance".into(), Value::Object(appearance));
    if let Some(s) = &item.speaker {
        claim.insert("author".into(), json!({ "@type": "Person", "name": s }));
    }
    if let Some(d) = &ep.meta.date_published {
        claim.insert("datePublished".into(), json!(d));
    }
    let mut explanation = one_line(&item.message);
    if !explanation.ends_with(['.', '!', '?']) {
        explanation.push('.');
    }
    if let Some(s) = &item.suggestion {
        explanation.push_str(" Correction: ");
        explanation.push_str(&one_line(s));
    }
    let mut out = Map::new();
    out.insert("@context".into(), json!("https://schema.org"));
    out.insert("@type".into(), json!("ClaimReview"));
    out.insert(
        "url".into(),
        json!(format!("{}#{}", cfg.review.url, item.id)),
    );
    out.insert("claimReviewed".into(), json!(one_line(&item.text)));
    out.insert(
        "author".into(),
        json!({ "@type": "Organization", "name": cfg.organization.name, "url": cfg.organization.url }),
    );
    if let Some(d) = date.or(cfg.review.date_published.as_deref()) {
        out.insert("datePublished".into(), json!(d));
    }
    out.insert("itemReviewed".into(), Value::Object(claim));
    out.insert(
        "reviewRating".into(),
        json!({
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": words,
            "ratingExplanation": explanation,
        }),
    );
    if !item.evidence.is_empty() {
        let cites: Vec<Value> = item
            .evidence
            .iter()
            .flat_map(|e| &e.sources)
            .map(|s| json!({ "@type": "CreativeWork", "name": s.citation }))
            .collect();
        out.insert("citation".into(), Value::Array(cites));
    }
    Value::Object(out)
}

/// Every selected item of the season as a `ClaimReview`, in season order: a JSON
/// array, pretty-printed, with a final newline. `date` overrides the config's
/// `review.date_published`.
pub fn export(season: &Season, cfg: &ReviewConfig, date: Option<&str>, sel: Selection) -> String {
    let reviews: Vec<Value> = season
        .episodes
        .iter()
        .flat_map(|ep| {
            ep.items
                .iter()
                .filter(move |i| selected(i, sel))
                .map(move |i| review(ep, i, cfg, date))
        })
        .collect();
    serde_json::to_string_pretty(&Value::Array(reviews)).expect("JSON") + "\n"
}

/// The fields Google's Fact Check (ClaimReview) markup documentation marks as required:
/// on `ClaimReview` `claimReviewed`, `reviewRating` and `url`; on the `Rating`
/// `alternateName`. Returns what is missing from one review (empty: valid), so tests
/// and the review app can check every export.
pub fn missing_required(review: &Value) -> Vec<&'static str> {
    let mut missing = Vec::new();
    let nonempty = |v: Option<&Value>| match v {
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Number(_)) => true,
        _ => false,
    };
    if review.get("@type").and_then(Value::as_str) != Some("ClaimReview") {
        missing.push("@type");
    }
    if review.get("@context").and_then(Value::as_str) != Some("https://schema.org") {
        missing.push("@context");
    }
    if !nonempty(review.get("claimReviewed")) {
        missing.push("claimReviewed");
    }
    match review.get("url").and_then(Value::as_str) {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {}
        _ => missing.push("url"),
    }
    match review.get("reviewRating") {
        Some(r @ Value::Object(_)) => {
            if !nonempty(r.get("alternateName")) {
                missing.push("reviewRating.alternateName");
            }
        }
        _ => missing.push("reviewRating"),
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_covers_every_verdict_and_severity() {
        for v in [Verdict::Contradicted, Verdict::Undecided] {
            for s in [Severity::Error, Severity::Warning, Severity::Info] {
                let (value, words) = rating(v, s);
                assert!((WORST_RATING..=BEST_RATING).contains(&value));
                assert!(!words.is_empty());
                // histlint never affirms a claim.
                assert!(value < 4);
            }
        }
        assert_eq!(rating(Verdict::Contradicted, Severity::Error), (1, "False"));
        assert_eq!(
            rating(Verdict::Contradicted, Severity::Warning),
            (2, "Mostly false")
        );
        assert_eq!(rating(Verdict::Undecided, Severity::Info), (3, "Unproven"));
    }

    #[test]
    fn required_fields_are_checked() {
        let ok = json!({
            "@context": "https://schema.org", "@type": "ClaimReview",
            "url": "https://x.example/#1", "claimReviewed": "c",
            "reviewRating": { "@type": "Rating", "alternateName": "False" }
        });
        assert!(missing_required(&ok).is_empty());
        let mut bad = ok.clone();
        bad["reviewRating"]["alternateName"] = json!(" ");
        bad["url"] = json!("javascript:x");
        bad.as_object_mut().unwrap().remove("claimReviewed");
        assert_eq!(
            missing_required(&bad),
            vec!["claimReviewed", "url", "reviewRating.alternateName"]
        );
    }
}
