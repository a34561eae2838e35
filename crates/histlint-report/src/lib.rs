//! # histlint-report
//!
//! Reports people read and publish, rendered from checked titles
//! ([`histlint_check::Title`] + [`histlint_check::Report`]):
//!
//! - [`html::render`]: one self-contained HTML file for a title or a season (inline
//!   CSS, JS and SVG; nothing fetched), with a findings-per-minute timeline, per-episode
//!   and per-rule totals, every finding in context with its evidence, and filters.
//! - [`claimreview::export`]: schema.org `ClaimReview` JSON-LD, one review per finding,
//!   with the rating scale documented in `docs/claimreview.md`.
//!
//! Both read a [`Season`]: the checked titles turned into [`Item`]s with everything a
//! reader needs (context cues, timeline position, a stable review key), so the review
//! app (`histlint-serve`) can add its reviews and reuse the same rendering.
//!
//! Invariants:
//! - Pure and deterministic: the same season gives byte-identical output; no clock is
//!   read (dates come from the config or the caller).
//! - Every piece of text from a title or the KB is escaped (maud escapes by
//!   construction; the only unescaped strings are this crate's constant CSS and JS);
//!   links are made only from `http://` and `https://` URLs.

#![warn(missing_docs)]

pub mod claimreview;
pub mod config;
pub mod html;
pub mod model;

pub use config::ReviewConfig;
pub use model::{ContextCue, Episode, Item, Review, ReviewStatus, Season, TitleMeta, review_key};
