//! Running the `histlint` binary from tests.

use std::path::Path;
use std::process::Command;

/// What a run printed and returned.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs histlint with `args` in `dir` (so that reported paths are relative and stable).
pub fn histlint(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_histlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run histlint");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}
