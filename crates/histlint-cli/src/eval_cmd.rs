//! `histlint eval timeml PATH...`: TempEval-3 timex scores of the temporal extractor on
//! TimeML files (`.tml`, `.sgm`, `.key.xml`; folders are walked).

use std::fmt::Write as _;
use std::path::PathBuf;

use histlint_eval::{Annotation, ErrorItem, Evaluation, Prf, Scores, evaluate};
use serde_json::{Value, json};

use crate::{Failure, Format, Outcome};

/// Runs the evaluation and renders it. Exit code 0; an unreadable file is a
/// [`Failure`] naming `file:line`.
pub fn run(paths: &[PathBuf], format: Format, errors: bool) -> Result<Outcome, Failure> {
    if paths.is_empty() {
        return Err(Failure(
            "no input: give TimeML files or folders (e.g. TBAQ-cleaned/)".into(),
        ));
    }
    let eval = evaluate(paths).map_err(Failure::from)?;
    let stdout = match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&to_json(&eval, errors))?;
            s.push('\n');
            s
        }
        Format::Text => to_text(&eval, errors),
    };
    Ok(Outcome { stdout, code: 0 })
}

fn to_json(eval: &Evaluation, errors: bool) -> Value {
    let mut v = serde_json::to_value(&eval.total).unwrap_or_else(|_| json!({}));
    v["files"] = serde_json::to_value(&eval.files).unwrap_or_default();
    v["file_count"] = json!(eval.files.len());
    v["throughput_mb_s"] = json!(eval.throughput_mb_s);
    v["text_bytes"] = json!(eval.text_bytes);
    v["extract_seconds"] = json!(eval.extract_seconds);
    v["skipped"] = json!(
        eval.skipped
            .iter()
            .map(|(copy, original)| json!({ "file": copy, "copy_of": original }))
            .collect::<Vec<_>>()
    );
    if errors {
        v["errors"] = serde_json::to_value(&eval.errors).unwrap_or_default();
    }
    v
}

/// The folder prefix all file names share, to keep the table narrow.
fn common_dir(names: &[&str]) -> usize {
    let Some(first) = names.first() else { return 0 };
    let mut len = first.len();
    for n in &names[1..] {
        len = first
            .bytes()
            .zip(n.bytes())
            .take(len)
            .take_while(|(a, b)| a == b)
            .count();
    }
    // back to just after a separator
    first[..len].rfind(['/', '\\']).map_or(0, |k| k + 1)
}

fn annotation(a: &Option<Annotation>) -> String {
    match a {
        Some(a) => format!("{} {:?} {:?}", a.ttype, a.value, a.text),
        None => "-".into(),
    }
}

fn error_line(e: &ErrorItem, strip: usize) -> String {
    let file = e.file.get(strip..).unwrap_or(&e.file);
    let line = e
        .gold
        .as_ref()
        .and_then(|g| g.line)
        .map(|l| format!(":{l}"))
        .unwrap_or_default();
    format!(
        "{:<11} {file}{line}  {:?}\n    gold:   {}\n    system: {}\n    in:     {}\n",
        e.kind.name(),
        e.text,
        annotation(&e.gold),
        annotation(&e.system),
        e.context
    )
}

fn prf_row(out: &mut String, name: &str, p: Prf, note: String) {
    let _ = writeln!(
        out,
        "{name:<8} {:>7.4} {:>7.4} {:>7.4}   {note}",
        p.precision, p.recall, p.f1
    );
}

fn totals(out: &mut String, eval: &Evaluation) {
    let t: &Scores = &eval.total;
    let _ = writeln!(out, "total over {} files", eval.files.len());
    let _ = writeln!(out, "{:<8} {:>7} {:>7} {:>7}", "", "P", "R", "F1");
    prf_row(
        out,
        "strict",
        t.strict,
        format!("{} exact spans", t.strict_matches),
    );
    prf_row(
        out,
        "relaxed",
        t.relaxed,
        format!(
            "{} system overlap gold, {} gold found",
            t.relaxed_system, t.relaxed_gold
        ),
    );
    prf_row(
        out,
        "type",
        t.type_,
        format!("{} of {} pairs", t.type_correct, t.pairs),
    );
    prf_row(
        out,
        "value",
        t.value,
        format!("{} of {} pairs", t.value_correct, t.pairs),
    );
    let _ = writeln!(
        out,
        "gold {}, system {}; extraction {:.2} MB/s ({} bytes of text in {:.4} s)",
        t.gold, t.system, eval.throughput_mb_s, eval.text_bytes, eval.extract_seconds
    );
}

fn to_text(eval: &Evaluation, errors: bool) -> String {
    let names: Vec<&str> = eval.files.iter().map(|f| f.file.as_str()).collect();
    let strip = common_dir(&names);
    let width = names
        .iter()
        .map(|n| n.len().saturating_sub(strip))
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<width$} {:>5} {:>5} {:>7} {:>7} {:>7} {:>7}",
        "file", "gold", "sys", "strict", "relaxed", "type", "value"
    );
    for f in &eval.files {
        let s = &f.scores;
        let _ = writeln!(
            out,
            "{:<width$} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3} {:>7.3}",
            &f.file[strip..],
            s.gold,
            s.system,
            s.strict.f1,
            s.relaxed.f1,
            s.type_.f1,
            s.value.f1
        );
    }
    for (copy, original) in &eval.skipped {
        let _ = writeln!(out, "skipped {copy}: same bytes as {original}");
    }
    if errors {
        let _ = writeln!(out, "\n{} errors", eval.errors.len());
        for e in &eval.errors {
            out.push_str(&error_line(e, strip));
        }
    }
    out.push('\n');
    totals(&mut out, eval);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_dir_stops_at_a_separator() {
        assert_eq!(common_dir(&["a/b/x1.tml", "a/b/x2.tml"]), 4);
        assert_eq!(common_dir(&["a/b/x.tml", "a/c/y.tml"]), 2);
        assert_eq!(common_dir(&["x.tml"]), 0);
        assert_eq!(common_dir(&[]), 0);
    }

    #[test]
    fn text_and_json_on_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.tml");
        std::fs::write(
            &path,
            r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>It rained in <TIMEX3 tid="t1" type="DATE" value="1917">1917</TIMEX3>.</TEXT></TimeML>"#,
        )
        .unwrap();
        let out = run(std::slice::from_ref(&path), Format::Text, true)
            .ok()
            .unwrap();
        assert_eq!(out.code, 0);
        assert!(out.stdout.contains("total over 1 files"), "{}", out.stdout);
        let out = run(&[path], Format::Json, true).ok().unwrap();
        let v: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(v["gold"], 1);
        assert!(v["relaxed"]["f1"].is_number());
        assert!(v["type"]["precision"].is_number());
        assert_eq!(v["files"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn unreadable_input_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.tml");
        std::fs::write(&path, "<TimeML>\n<TEXT>\n<TIMEX3 type=\"DATE>1917</TIMEX3>").unwrap();
        let Err(Failure(msg)) = run(&[path], Format::Text, false) else {
            panic!("expected a failure")
        };
        assert!(msg.contains("bad.tml:3:"), "{msg}");
    }
}
