//! `histlint`: a linter for history on screen.
//!
//! Exit codes: 0 clean, 1 problems found, 2 usage or input error.

mod catalogue;
mod check_cmd;
mod date_cmd;
mod eval_cmd;
mod kb_cmd;
mod quote_cmd;
mod report_out;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "histlint",
    version,
    about = "A linter for history on screen: checks what dramas and documentaries say against a sourced record of facts."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Check subtitles, screenplays or narration against the KB and report what contradicts it.
    ///
    /// Reads SRT, WebVTT, TTML/IMSC, Fountain, and plain text or Markdown (format and
    /// encoding detected from the content). Exit code 0: no findings; 1: findings; 2: error.
    Check(check_cmd::CheckArgs),
    /// Explain a rule: what it checks, why it matters, an example that fires and one that does not.
    Rule {
        /// A rule name or code (e.g. anachronism, HL001); none: list all rules.
        name: Option<String>,
    },
    /// Explain a date: both calendars, the interval it stands for, the weekday.
    ///
    /// Examples: `histlint date "25 October 1917 O.S."`, `histlint date 1917-03`,
    /// `histlint date "+1917-11-07T00:00:00Z"`.
    Date {
        /// The date, e.g. "25 October 1917 O.S.", "October 1917", 1917-03, "the 1910s".
        text: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Evaluate the temporal extractor on annotated corpora.
    Eval {
        #[command(subcommand)]
        command: EvalCommand,
    },
    /// Run the review app: upload titles, confirm or dismiss findings, export ClaimReview.
    ///
    /// Binds 127.0.0.1:8765 by default; reviews are kept in a SQLite file (--db).
    /// See docs/report.md.
    Serve(report_out::ServeArgs),
    /// Is this quote the words of the person it is attributed to? Searches the KB's quote
    /// records and a corpus of their works (default: the bundled corpus).
    ///
    /// Verdicts: attested, misattributed, unattested (with how much was searched),
    /// no-corpus. Exit code 0: attested or no verdict; 1: misattributed or unattested;
    /// 2: error. Example: `histlint quote "All power to the Soviets!" --by Lenin`.
    Quote(quote_cmd::QuoteArgs),
    /// Work with knowledge bases.
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
}

#[derive(Subcommand)]
pub enum EvalCommand {
    /// TempEval-3 timex scores (strict/relaxed span, type, value) on TimeML files
    /// (.tml, .sgm, .key.xml; folders are walked). Exit code 0; 2: unreadable input.
    Timeml {
        /// TimeML files or folders (e.g. TBAQ-cleaned/).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// List every miss, spurious hit, wrong span, type and value.
        #[arg(long)]
        errors: bool,
    },
}

#[derive(Subcommand)]
pub enum KbCommand {
    /// Validate a KB folder (default: the bundled KB) and list every problem at file:line.
    Check {
        dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Treat warnings (e.g. alias collisions) as problems for the exit code.
        #[arg(long)]
        strict: bool,
    },
    /// Count what a KB holds.
    Stats {
        /// A KB folder or a compiled .hlkb file (default: the bundled KB).
        #[arg(long)]
        kb: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show an entity or event with all its facts and their sources, by id or by any name.
    Show {
        name: Vec<String>,
        /// A KB folder or a compiled .hlkb file (default: the bundled KB).
        #[arg(long)]
        kb: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Compile a KB folder into a memory-mappable .hlkb file.
    Compile {
        dir: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// A command's outcome: what to print and the exit code.
pub struct Outcome {
    pub stdout: String,
    pub code: u8,
}

/// A usage or input error: printed to stderr, exit code 2.
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure(e.to_string())
    }
}

fn rule(name: Option<&str>) -> Result<Outcome, Failure> {
    let rules = histlint_check::rules::all();
    let stdout = match name {
        None => rules
            .iter()
            .map(|r| format!("{:<16} {}  {}\n", r.name, r.code, r.summary))
            .collect(),
        Some(n) => {
            let r = histlint_check::rules::find(n).ok_or_else(|| {
                Failure(format!("unknown rule {n:?}; `histlint rule` lists them"))
            })?;
            format!("{} ({}): {}\n\n{}\n", r.name, r.code, r.summary, r.doc)
        }
    };
    Ok(Outcome { stdout, code: 0 })
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Date { text, format } => date_cmd::run(&text.join(" "), format),
        Command::Check(args) => check_cmd::run(args),
        Command::Eval {
            command:
                EvalCommand::Timeml {
                    paths,
                    format,
                    errors,
                },
        } => eval_cmd::run(&paths, format, errors),
        Command::Rule { name } => rule(name.as_deref()),
        Command::Kb { command } => kb_cmd::run(command),
        Command::Quote(args) => quote_cmd::run(args),
        Command::Serve(args) => report_out::serve(args),
    };
    match result {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(out.stdout.as_bytes())
                .and_then(|_| stdout.flush())
                .is_err()
            {
                // A closed pipe (e.g. `| head`) is not an error worth a message.
                return ExitCode::from(out.code);
            }
            ExitCode::from(out.code)
        }
        Err(Failure(msg)) => {
            eprintln!("histlint: error: {msg}");
            ExitCode::from(2)
        }
    }
}
