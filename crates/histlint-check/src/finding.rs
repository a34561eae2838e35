//! Findings: what a rule reports, with its evidence.

use serde::Serialize;

use crate::kbview::Evidence;
use crate::timeline::Scene;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// What the check concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The KB contradicts the line.
    Contradicted,
    /// The claim was checked, but the KB does not decide it.
    Undecided,
}

/// One problem on one line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub code: &'static str,
    pub severity: Severity,
    pub verdict: Verdict,
    /// Index of the cue in the title.
    pub cue: usize,
    /// 1-based source line of the claim.
    pub line: usize,
    /// Byte span of the claim in the cue text.
    pub span: (usize, usize),
    pub message: String,
    pub evidence: Vec<Evidence>,
    pub suggestion: Option<String>,
    /// The scene date and place the check used.
    pub scene: Scene,
}
