//! `histlint kb …`: check, stats, show, compile.

use std::collections::BTreeMap;
use std::path::Path;

use histlint_kb::{CompiledKb, Dated, KbDate, Located, Record, Severity, SourceRef, compiled};
use histlint_time::Calendar;
use serde_json::{Value, json};

use crate::{Failure, Format, KbCommand, Outcome};

pub fn run(cmd: KbCommand) -> Result<Outcome, Failure> {
    match cmd {
        KbCommand::Check {
            dir,
            format,
            strict,
        } => check(dir.as_deref(), format, strict),
        KbCommand::Stats { kb, format } => stats(kb.as_deref(), format),
        KbCommand::Show { name, kb, format } => show(&name.join(" "), kb.as_deref(), format),
        KbCommand::Compile { dir, output } => compile(&dir, &output),
    }
}

/// Opens a KB: the bundled one, a folder of TOML (checked first), or a compiled file.
pub fn open_kb(path: Option<&Path>) -> Result<CompiledKb, Failure> {
    let Some(path) = path else {
        return histlint_bundled::compiled().map_err(|e| Failure(format!("the bundled KB: {e}")));
    };
    if path.is_dir() {
        let kb = histlint_kb::load_dir(path)?;
        if kb.has_errors() {
            let n = kb
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count();
            let first: Vec<String> = kb
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .take(5)
                .map(|p| format!("  {p}"))
                .collect();
            return Err(Failure(format!(
                "the KB in {} has {n} error(s):\n{}\n  run `histlint kb check {}` for the full list",
                path.display(),
                first.join("\n"),
                path.display()
            )));
        }
        let bytes = compiled::compile(&kb.records)?;
        Ok(CompiledKb::from_vec(bytes)?)
    } else if path.exists() {
        CompiledKb::open(path).map_err(|e| Failure(format!("{}: {e}", path.display())))
    } else {
        Err(Failure(format!(
            "{}: no such KB folder or compiled KB file",
            path.display()
        )))
    }
}

fn check(dir: Option<&Path>, format: Format, strict: bool) -> Result<Outcome, Failure> {
    let kb = match dir {
        None => histlint_bundled::sources(),
        Some(d) => {
            if !d.exists() {
                return Err(Failure(format!("{}: no such folder", d.display())));
            }
            if !d.is_dir() {
                return Err(Failure(format!(
                    "{}: not a folder (give the folder that holds the KB's .toml files)",
                    d.display()
                )));
            }
            histlint_kb::load_dir(d)?
        }
    };
    let errors = kb
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = kb.problems.len() - errors;
    let failed = errors > 0 || (strict && warnings > 0);
    let stats = kb.stats();
    let stdout = match format {
        Format::Json => {
            let v = json!({
                "kb": dir.map(|d| d.display().to_string()).unwrap_or_else(|| "bundled".into()),
                "ok": !failed,
                "errors": errors,
                "warnings": warnings,
                "problems": kb.problems,
                "stats": stats,
            });
            serde_json::to_string_pretty(&v).expect("JSON") + "\n"
        }
        Format::Text => {
            let mut s = String::new();
            for p in &kb.problems {
                s.push_str(&format!("{p}\n"));
            }
            s.push_str(&format!(
                "{}: {} error(s), {} warning(s); {} records ({} entities, {} events, {} facts, {} sources, {} quotes)\n",
                dir.map(|d| d.display().to_string()).unwrap_or_else(|| "bundled KB".into()),
                errors,
                warnings,
                kb.records.len(),
                stats.entities,
                stats.events,
                stats.facts,
                stats.sources,
                stats.quotes
            ));
            s
        }
    };
    Ok(Outcome {
        stdout,
        code: u8::from(failed),
    })
}

fn stats(path: Option<&Path>, format: Format) -> Result<Outcome, Failure> {
    let kb = open_kb(path)?;
    let s = kb.stats();
    let stdout = match format {
        Format::Json => serde_json::to_string_pretty(&s).expect("JSON") + "\n",
        Format::Text => format!(
            "entities       {:>9}\n  people       {:>9}\n  places       {:>9}\n  organisations{:>9}\n  works        {:>9}\nevents         {:>9}\nfacts          {:>9}  ({} [[fact]] records, plus dated births, deaths, foundings)\nsources        {:>9}\nquotes         {:>9}\naliases        {:>9}  (distinct normalised names)\n",
            s.entities,
            s.people,
            s.places,
            s.organisations,
            s.works,
            s.events,
            s.facts,
            s.fact_records,
            s.sources,
            s.quotes,
            s.aliases
        ),
    };
    Ok(Outcome { stdout, code: 0 })
}

fn compile(dir: &Path, output: &Path) -> Result<Outcome, Failure> {
    let kb = open_kb(Some(dir))?;
    drop(kb);
    let loaded = histlint_kb::load_dir(dir)?;
    let bytes = compiled::compile(&loaded.records)?;
    std::fs::write(output, &bytes).map_err(|e| Failure(format!("{}: {e}", output.display())))?;
    Ok(Outcome {
        stdout: format!(
            "wrote {} ({} bytes, {} records)\n",
            output.display(),
            bytes.len(),
            loaded.records.len()
        ),
        code: 0,
    })
}

fn describe_date(d: &KbDate) -> String {
    let mut s = d.date.describe();
    if d.date.calendar == Calendar::Julian
        && d.date.precision.has_day()
        && let Ok(g) = d.date.to_calendar(Calendar::Gregorian)
    {
        s.push_str(&format!(" = {} (Gregorian)", g.describe()));
    }
    if d.circa {
        s = format!("c. {s}");
    }
    s
}

struct Ctx<'a> {
    kb: &'a CompiledKb,
    sources: BTreeMap<String, Value>,
}

impl Ctx<'_> {
    fn name(&self, id: &str) -> String {
        match self.kb.get(id) {
            Some(r) => r.label().to_string(),
            None => id.to_string(),
        }
    }

    fn cite(&mut self, refs: &[SourceRef]) -> String {
        let mut out = Vec::new();
        for r in refs {
            match self.kb.get(&r.source) {
                Some(Record::Source(s)) => {
                    out.push(s.cite(r.at.as_deref()));
                    self.sources
                        .insert(s.id.clone(), serde_json::to_value(&s).expect("JSON"));
                }
                _ => out.push(r.source.clone()),
            }
        }
        out.join("; ")
    }

    fn dated(&mut self, label: &str, d: &Dated) -> String {
        let date = d
            .date
            .as_ref()
            .map(describe_date)
            .unwrap_or_else(|| "unknown".into());
        let place = d
            .place
            .as_ref()
            .map(|p| format!(", {}", self.name(p)))
            .unwrap_or_default();
        format!(
            "  {label:<8} {date}{place}\n           source: {}\n",
            self.cite(&d.sources)
        )
    }

    fn fact_line(&mut self, r: &Record, about: &str) -> String {
        let span = |s: &Option<KbDate>, e: &Option<KbDate>| match (s, e) {
            (Some(s), Some(e)) if s == e => describe_date(s),
            (Some(s), Some(e)) => format!("{} – {}", describe_date(s), describe_date(e)),
            (Some(s), None) => format!("from {}", describe_date(s)),
            (None, Some(e)) => format!("until {}", describe_date(e)),
            (None, None) => String::new(),
        };
        match r {
            Record::Fact(f) => {
                let mut parts = vec![f.kind.name().to_string()];
                if f.subject != about {
                    parts.push(self.name(&f.subject));
                }
                if let Some(v) = &f.value {
                    parts.push(v.clone());
                }
                for o in [&f.object, &f.organisation, &f.event, &f.place]
                    .into_iter()
                    .flatten()
                {
                    if o != about {
                        parts.push(self.name(o));
                    }
                }
                if !f.by.is_empty() {
                    parts.push(format!(
                        "by {}",
                        f.by.iter()
                            .map(|b| self.name(b))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                if let Some(w) = &f.weapon {
                    parts.push(format!("with {w}"));
                }
                let when = span(&f.start, &f.end);
                if !when.is_empty() {
                    parts.push(when);
                }
                format!(
                    "  - {}\n      source: {}\n",
                    parts.join(" · "),
                    self.cite(&f.sources)
                )
            }
            Record::Event(e) => format!(
                "  - event: {} · {}\n      source: {}\n",
                e.name,
                span(&Some(e.start), &e.end.or(Some(e.start))),
                self.cite(&e.sources)
            ),
            Record::Quote(q) => format!(
                "  - quote ({}): “{}”{}\n      source: {}\n",
                q.status.name(),
                q.text,
                q.location
                    .as_ref()
                    .map(|l| format!(" — {l}"))
                    .unwrap_or_default(),
                self.cite(&q.sources)
            ),
            Record::Entity(e) => format!("  - {}: {}\n", e.kind.name(), e.name),
            Record::Source(_) => String::new(),
        }
    }
}

fn show(name: &str, path: Option<&Path>, format: Format) -> Result<Outcome, Failure> {
    let kb = open_kb(path)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(Failure("give an id or a name, e.g. `histlint kb show trotsky` or `histlint kb show \"Kiel mutiny\"`".into()));
    }
    let mut hits: Vec<u32> = kb.id_index(name).into_iter().collect();
    if hits.is_empty() {
        hits = kb.lookup_name(name);
    }
    hits.retain(|&i| !matches!(kb.record(i), Some(Record::Source(_)) | None));
    if hits.is_empty() {
        return Err(Failure(format!(
            "nothing in the KB is called {name:?}; try an id (`trotsky`) or another spelling"
        )));
    }
    let mut ctx = Ctx {
        kb: &kb,
        sources: BTreeMap::new(),
    };
    let mut text = String::new();
    let mut items = Vec::new();
    for &i in &hits {
        let Some(Located { file, line, value }) = kb.located(i) else {
            continue;
        };
        let id = value.id().unwrap_or_default().to_string();
        let linked: Vec<Located<Record>> = kb
            .linked(i)
            .into_iter()
            .filter_map(|j| kb.located(j))
            .collect();
        // Text.
        text.push_str(&format!(
            "{} — {} ({})  [{}:{}]\n",
            id,
            value.label(),
            value.kind_name(),
            file,
            line
        ));
        let (labels, aliases, description) = match &value {
            Record::Entity(e) => (&e.labels, &e.aliases, &e.description),
            Record::Event(e) => (&e.labels, &e.aliases, &e.description),
            _ => unreachable!("sources are filtered out; quotes and facts have no names"),
        };
        if let Some(d) = description {
            text.push_str(&format!("  {d}\n"));
        }
        for (lang, l) in labels {
            text.push_str(&format!("  {lang}: {l}\n"));
        }
        for (lang, a) in aliases {
            text.push_str(&format!("  aka ({lang}): {}\n", a.join(", ")));
        }
        match &value {
            Record::Entity(e) => {
                let (s, en) = match e.kind {
                    histlint_kb::EntityKind::Person => ("born", "died"),
                    histlint_kb::EntityKind::Organisation => ("founded", "dissolved"),
                    _ => ("date", "end"),
                };
                if let Some(d) = &e.start {
                    text.push_str(&ctx.dated(s, d));
                }
                if let Some(d) = &e.end {
                    text.push_str(&ctx.dated(en, d));
                }
                if let Some(p) = &e.part_of {
                    text.push_str(&format!("  part of  {}\n", ctx.name(p)));
                }
                if !e.sources.is_empty() {
                    text.push_str(&format!("  source:  {}\n", ctx.cite(&e.sources)));
                }
            }
            Record::Event(e) => {
                let when = match &e.end {
                    Some(end) if end != &e.start => {
                        format!("{} – {}", describe_date(&e.start), describe_date(end))
                    }
                    _ => describe_date(&e.start),
                };
                text.push_str(&format!("  when     {when}\n"));
                if let Ok(x) = e.extent() {
                    text.push_str(&format!(
                        "           = {} (Gregorian days)\n",
                        x.hull().iso(Calendar::Gregorian)
                    ));
                }
                if let Some(p) = &e.place {
                    text.push_str(&format!("  where    {}\n", ctx.name(p)));
                }
                if let Some(p) = &e.part_of {
                    text.push_str(&format!("  part of  {}\n", ctx.name(p)));
                }
                if !e.participants.is_empty() {
                    let names: Vec<String> = e.participants.iter().map(|p| ctx.name(p)).collect();
                    text.push_str(&format!("  who      {}\n", names.join(", ")));
                }
                if let Some(o) = &e.outcome {
                    text.push_str(&format!("  outcome  {o}\n"));
                }
                text.push_str(&format!("  source:  {}\n", ctx.cite(&e.sources)));
            }
            _ => {}
        }
        if !linked.is_empty() {
            text.push_str(&format!("  facts and records ({}):\n", linked.len()));
            for l in &linked {
                text.push_str(&ctx.fact_line(&l.value, &id));
            }
        }
        text.push('\n');
        // JSON.
        if let Record::Entity(e) = &value {
            for d in e.start.iter().chain(e.end.iter()) {
                ctx.cite(&d.sources);
            }
        }
        items.push(json!({
            "id": id,
            "kind": value.kind_name(),
            "file": file,
            "line": line,
            "record": value,
            "linked": linked,
        }));
    }
    let stdout = match format {
        Format::Text => text,
        Format::Json => {
            let v = json!({ "query": name, "results": items, "sources": ctx.sources });
            serde_json::to_string_pretty(&v).expect("JSON") + "\n"
        }
    };
    Ok(Outcome { stdout, code: 0 })
}
