//! The review configuration (TOML): who publishes the fact checks and where.
//! Documented in `docs/claimreview.md`.
//!
//! ```toml
//! [organization]
//! name = "Example History Desk"
//! url = "https://factcheck.example/"
//!
//! [review]
//! url = "https://factcheck.example/reviews/the-prophet"
//! date_published = "2026-11-27"
//!
//! [[title]]
//! file = "examples/the-prophet.fountain"
//! name = "The Prophet"
//! date_published = "2026-03-01"
//! url = "https://broadcaster.example/the-prophet"
//! ```

use serde::Deserialize;

use crate::model::{TitleMeta, iso_date};

/// The reviewing organisation (ClaimReview `author`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// The organisation's name.
    pub name: String,
    /// Its web site (Organization) or the page hosting the reviews (Publication).
    pub url: String,
}

/// Where and when the fact check is published.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// The page hosting the fact check; each review's `url` is this URL with
    /// `#` and the finding's id.
    pub url: String,
    /// The review's `datePublished` (`YYYY-MM-DD`); `--date` overrides it; none:
    /// the field is left out (output never depends on the clock).
    pub date_published: Option<String>,
}

/// Metadata of one title, matched by the file name as given on the command line
/// (or the uploaded file's name in the review app).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleEntry {
    /// The file name as given on the command line or uploaded.
    pub file: String,
    /// The title's name, shown instead of the file name.
    pub name: Option<String>,
    /// When the title (or the review) was published, ISO.
    pub date_published: Option<String>,
    /// Where the title can be watched or read.
    pub url: Option<String>,
}

/// The whole review configuration.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewConfig {
    /// Who reviews.
    pub organization: Organization,
    /// Where and when the reviews are published.
    pub review: Publication,
    /// Metadata per title.
    #[serde(default)]
    pub title: Vec<TitleEntry>,
}

/// A configuration problem, with the 1-based line where known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ConfigError {
    /// 1-based line of the problem in the config file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn check_url(what: &str, url: &str) -> Result<(), String> {
    if url.starts_with("https://") || url.starts_with("http://") {
        Ok(())
    } else {
        Err(format!(
            "{what} must be an http:// or https:// URL, not {url:?}"
        ))
    }
}

impl ReviewConfig {
    /// Parses and validates a configuration: URLs must be http(s), dates ISO.
    pub fn parse(text: &str) -> Result<ReviewConfig, ConfigError> {
        let cfg: ReviewConfig = toml::from_str(text).map_err(|e| ConfigError {
            line: e.span().map_or(1, |s| line_of(text, s.start)),
            message: e.message().to_string(),
        })?;
        let find = |needle: &str| text.find(needle).map_or(1, |o| line_of(text, o));
        let err = |needle: &str, message: String| ConfigError {
            line: find(needle),
            message,
        };
        if cfg.organization.name.trim().is_empty() {
            return Err(err("[organization]", "organization.name is empty".into()));
        }
        check_url("organization.url", &cfg.organization.url)
            .map_err(|m| err(&cfg.organization.url, m))?;
        check_url("review.url", &cfg.review.url).map_err(|m| err(&cfg.review.url, m))?;
        if let Some(d) = &cfg.review.date_published
            && !iso_date(d)
        {
            return Err(err(
                d,
                format!("review.date_published {d:?} is not YYYY-MM-DD"),
            ));
        }
        for t in &cfg.title {
            if let Some(d) = &t.date_published
                && !iso_date(d)
            {
                return Err(err(
                    d,
                    format!("title.date_published {d:?} is not YYYY-MM-DD"),
                ));
            }
            if let Some(u) = &t.url {
                check_url("title.url", u).map_err(|m| err(u, m))?;
            }
        }
        Ok(cfg)
    }

    /// The metadata of the title named `file`: the config's entry over what the
    /// title itself says (`found`).
    pub fn title_meta(&self, file: &str, found: TitleMeta) -> TitleMeta {
        match self.title.iter().find(|t| t.file == file) {
            None => found,
            Some(t) => TitleMeta {
                name: t.name.clone().or(found.name),
                date_published: t.date_published.clone().or(found.date_published),
                url: t.url.clone().or(found.url),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "[organization]\nname = \"Desk\"\nurl = \"https://desk.example/\"\n\n[review]\nurl = \"https://desk.example/r\"\ndate_published = \"2026-11-27\"\n";

    #[test]
    fn parses_a_good_config() {
        let c = ReviewConfig::parse(GOOD).unwrap();
        assert_eq!(c.organization.name, "Desk");
        assert_eq!(c.review.date_published.as_deref(), Some("2026-11-27"));
    }

    #[test]
    fn rejects_bad_urls_dates_and_typos_with_lines() {
        let e = ReviewConfig::parse(&GOOD.replace("https://desk.example/r", "javascript:alert(1)"))
            .unwrap_err();
        assert_eq!(e.line, 6);
        assert!(e.message.contains("review.url"), "{e:?}");
        let e = ReviewConfig::parse(&GOOD.replace("2026-11-27", "yesterday")).unwrap_err();
        assert_eq!(e.line, 7);
        let e = ReviewConfig::parse(&GOOD.replace("name =", "nmae =")).unwrap_err();
        assert_eq!(e.line, 2, "{e:?}");
    }
}
