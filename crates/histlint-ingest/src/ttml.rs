//! TTML / IMSC, read with `quick-xml` as a stream into a small element tree.
//!
//! Safety first: a DOCTYPE that declares entities is refused (no entity expansion,
//! so no "billion laughs"), nesting deeper than [`crate::Options::max_depth`] is
//! refused before it is built, and only the predefined XML entities and character
//! references are decoded.
//!
//! One cue per `<p>`. Timing follows TTML time containment: `begin`/`end` are
//! relative to the parent's begin in a `par` container (the default) and to the end
//! of the previous sibling in a `seq` container; `dur` counts from the begin; an
//! element's interval is clipped to its parent's; an element without an explicit
//! end lasts as long as its parent (`par`) or its timed children (`seq`), and text
//! in a `seq` container lasts zero time. Time expressions: clock times
//! (`hh:mm:ss.fff`, `hh:mm:ss:ff[.sub]` with `ttp:frameRate`,
//! `ttp:frameRateMultiplier`, `ttp:subFrameRate`) and offsets (`10s`, `1.5h`,
//! `2m`, `100ms`, `100f`, `5000t` with `ttp:tickRate`). A paragraph whose interval is
//! empty is never displayed: it is skipped with a warning. Spans whose interval is
//! empty are left out of the text.
//!
//! Text: `<br/>` is a line break, white space is collapsed (unless
//! `xml:space="preserve"`), `<span>` text is kept except ruby annotations
//! (`tts:ruby="text"`, `"textContainer"`, `"delimiter"`: the base text stays), other
//! elements (metadata, images, foreign elements) are left out. `xml:lang` is inherited; `ttm:agent`
//! names the speaker (via the agent's `ttm:name`); `itts:forcedDisplay="true"` (on
//! the paragraph, an ancestor, its region or its style) or `ttm:role="caption"`
//! makes a [`CueKind::Caption`] (forced narrative). `<!-- histlint: allow X -->`
//! comments are read.

use crate::util::{Ctx, LineIndex, RawCue, collapse_ws, new_cue, parse_directive};
use crate::{CueKind, IngestError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

#[derive(Debug)]
struct Elem {
    /// Local name (prefix removed).
    name: String,
    /// (qualified name, value).
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    line: usize,
    end_line: usize,
    begin: Option<u64>,
    end: Option<u64>,
    dur: Option<u64>,
    bad_timing: bool,
    /// Never closed (the XML broke off inside it): its text is incomplete.
    open: bool,
}

#[derive(Debug)]
enum Node {
    Elem(usize),
    Text(String, usize),
}

impl Elem {
    /// An attribute by local name (`xml:lang` → `lang`); an exact qualified match
    /// wins over a local-name match.
    fn attr(&self, qualified: &str) -> Option<&str> {
        let local = qualified.rsplit(':').next().unwrap_or(qualified);
        self.attrs
            .iter()
            .find(|(k, _)| k == qualified)
            .or_else(|| {
                self.attrs
                    .iter()
                    .find(|(k, _)| k.rsplit(':').next() == Some(local))
            })
            .map(|(_, v)| v.as_str())
    }

    fn is_seq(&self) -> bool {
        self.attr("timeContainer") == Some("seq")
    }

    fn is_timed(&self) -> bool {
        matches!(self.name.as_str(), "body" | "div" | "p" | "span")
    }
}

struct Tree {
    elems: Vec<Elem>,
    root: Option<usize>,
}

fn local_name(q: &str) -> &str {
    q.rsplit(':').next().unwrap_or(q)
}

fn make_elem(e: &BytesStart<'_>, line: usize, ctx: &mut Ctx) -> Elem {
    let qname = e.name();
    let name = local_name(qname.as_ref()).to_string();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        match a {
            Ok(a) => {
                let key = a.key.as_ref().to_string();
                let value = match a.normalized_value(XmlVersion::Implicit1_0) {
                    Ok(v) => v.into_owned(),
                    Err(_) => a.value.to_string(),
                };
                attrs.push((key, value));
            }
            Err(err) => ctx.warn(
                line,
                format!("malformed attribute on <{name}>: {err}; ignored"),
            ),
        }
    }
    Elem {
        name,
        attrs,
        children: Vec::new(),
        line,
        end_line: line,
        begin: None,
        end: None,
        dur: None,
        bad_timing: false,
        open: false,
    }
}

fn parse_tree(text: &str, ctx: &mut Ctx) -> Result<Tree, IngestError> {
    let index = LineIndex::new(text);
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut elems: Vec<Elem> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut root: Option<usize> = None;
    let mut in_p = 0usize;
    let mut broke = false;
    let attach = |elems: &mut Vec<Elem>, stack: &[usize], node: Node| {
        if let Some(&top) = stack.last() {
            elems[top].children.push(node);
        }
    };
    loop {
        let pos = reader.buffer_position() as usize;
        let line = index.line_of(pos);
        let event = match reader.read_event() {
            Ok(ev) => ev,
            Err(err) => {
                let at = index.line_of(reader.error_position() as usize);
                let message = format!("malformed XML: {err}");
                if ctx.lenient {
                    ctx.warn(
                        at,
                        format!("{message}; the rest of the document is skipped"),
                    );
                    broke = true;
                    break;
                }
                return Err(IngestError::new(at, message));
            }
        };
        match event {
            Event::Start(e) | Event::Empty(e) if stack.len() >= ctx.max_depth => {
                let _ = e;
                return Err(IngestError::new(
                    line,
                    format!(
                        "XML elements nested deeper than {} levels; refused",
                        ctx.max_depth
                    ),
                ));
            }
            Event::Start(e) => {
                let el = make_elem(&e, line, ctx);
                if el.name == "p" {
                    in_p += 1;
                }
                let id = elems.len();
                elems.push(el);
                if stack.is_empty() {
                    if root.is_none() {
                        root = Some(id);
                    }
                } else {
                    attach(&mut elems, &stack, Node::Elem(id));
                }
                stack.push(id);
            }
            Event::Empty(e) => {
                let el = make_elem(&e, line, ctx);
                let id = elems.len();
                elems.push(el);
                if stack.is_empty() {
                    if root.is_none() {
                        root = Some(id);
                    }
                } else {
                    attach(&mut elems, &stack, Node::Elem(id));
                }
            }
            Event::End(_) => {
                if let Some(id) = stack.pop() {
                    elems[id].end_line = index.line_of(reader.buffer_position() as usize);
                    if elems[id].name == "p" {
                        in_p = in_p.saturating_sub(1);
                    }
                }
            }
            Event::Text(t) => {
                let s = t.xml10_content();
                if !s.is_empty() {
                    attach(&mut elems, &stack, Node::Text(s.into_owned(), line));
                }
            }
            Event::CData(c) => {
                let s = c.into_inner().into_owned();
                attach(&mut elems, &stack, Node::Text(s, line));
            }
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten()
                } else {
                    match &*r {
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "amp" => Some('&'),
                        "apos" => Some('\''),
                        "quot" => Some('"'),
                        _ => None,
                    }
                };
                match resolved {
                    Some(c) => attach(&mut elems, &stack, Node::Text(c.to_string(), line)),
                    None => {
                        ctx.problem(
                            line,
                            format!("undefined or invalid entity reference &{};", &*r),
                        )?;
                        attach(&mut elems, &stack, Node::Text(format!("&{};", &*r), line));
                    }
                }
            }
            Event::DocType(d) if d.contains("<!ENTITY") => {
                return Err(IngestError::new(
                    line,
                    "the DOCTYPE declares XML entities; refused (entity expansion can blow up, \
                         as in the \"billion laughs\" attack)",
                ));
            }
            Event::Comment(c) => {
                if let Some(rules) = parse_directive(&c) {
                    ctx.directive(line, in_p == 0, rules);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(&top) = stack.last().filter(|_| !broke) {
        let message = format!(
            "truncated XML: <{}> opened at line {} is never closed",
            elems[top].name, elems[top].line
        );
        ctx.problem(index.line_of(text.len()), message)?;
    }
    for &id in &stack {
        elems[id].open = true;
    }
    Ok(Tree { elems, root })
}

/// Frame and tick rates from the root's `ttp:` parameters.
struct TimeParams {
    frame_rate: f64,
    sub_frame_rate: f64,
    tick_rate: f64,
}

impl TimeParams {
    fn from_root(root: &Elem) -> Self {
        let num = |k: &str| root.attr(k).and_then(|v| v.trim().parse::<f64>().ok());
        let base_rate = num("ttp:frameRate").filter(|r| *r > 0.0);
        let mult = root
            .attr("ttp:frameRateMultiplier")
            .and_then(|v| {
                let mut it = v.split_whitespace().map(|x| x.parse::<f64>().ok());
                Some((it.next()??, it.next()??))
            })
            .filter(|(_, d)| *d > 0.0)
            .map_or(1.0, |(n, d)| n / d);
        let frame_rate = base_rate.unwrap_or(30.0) * mult;
        let sub_frame_rate = num("ttp:subFrameRate").filter(|r| *r > 0.0).unwrap_or(1.0);
        let tick_rate =
            num("ttp:tickRate")
                .filter(|r| *r > 0.0)
                .unwrap_or(if base_rate.is_some() {
                    frame_rate * sub_frame_rate
                } else {
                    1.0
                });
        TimeParams {
            frame_rate,
            sub_frame_rate,
            tick_rate,
        }
    }

    /// A TTML time expression in milliseconds.
    fn parse(&self, s: &str) -> Option<u64> {
        let s = s.trim();
        let num = |t: &str| -> Option<f64> {
            let (int, frac) = t.split_once('.').unwrap_or((t, ""));
            if int.is_empty()
                || int.len() > 12
                || !int.bytes().all(|b| b.is_ascii_digit())
                || !frac.bytes().all(|b| b.is_ascii_digit())
                || (t.contains('.') && frac.is_empty())
            {
                return None;
            }
            t.parse::<f64>().ok()
        };
        let ms = if s.contains(':') {
            let parts: Vec<&str> = s.split(':').collect();
            if !(3..=4).contains(&parts.len()) {
                return None;
            }
            let two = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
            if parts[0].len() < 2 || !parts[0].bytes().all(|b| b.is_ascii_digit()) || !two(parts[1])
            {
                return None;
            }
            let h = num(parts[0])?;
            let m = num(parts[1])?;
            if m >= 60.0 {
                return None;
            }
            let secs = if parts.len() == 3 {
                let (si, _) = parts[2].split_once('.').unwrap_or((parts[2], ""));
                if !two(si) {
                    return None;
                }
                num(parts[2])?
            } else {
                if !two(parts[2]) {
                    return None;
                }
                let (ff, sub) = match parts[3].split_once('.') {
                    Some((f, sub)) => (f, Some(sub)),
                    None => (parts[3], None),
                };
                if ff.len() < 2 || !ff.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let frames = ff.parse::<f64>().ok()?;
                let sub = match sub {
                    Some(x) if !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit()) => {
                        x.parse::<f64>().ok()?
                    }
                    Some(_) => return None,
                    None => 0.0,
                };
                num(parts[2])? + (frames + sub / self.sub_frame_rate) / self.frame_rate
            };
            if secs >= 61.0 {
                return None;
            }
            (h * 3600.0 + m * 60.0 + secs) * 1000.0
        } else {
            let unit_start = s.find(|c: char| c.is_ascii_alphabetic())?;
            let (value, unit) = s.split_at(unit_start);
            let v = num(value)?;
            match unit {
                "h" => v * 3_600_000.0,
                "m" => v * 60_000.0,
                "s" => v * 1000.0,
                "ms" => v,
                "f" => v / self.frame_rate * 1000.0,
                "t" => v / self.tick_rate * 1000.0,
                _ => return None,
            }
        };
        (ms.is_finite() && (0.0..1e15).contains(&ms)).then(|| ms.round() as u64)
    }
}

/// What a paragraph inherits from its ancestors.
#[derive(Clone, Default)]
struct Inherit {
    lang: Option<String>,
    region: Option<String>,
    styles: Vec<String>,
    agent: Option<String>,
    role: Option<String>,
    forced: bool,
    preserve: bool,
}

struct Doc<'a> {
    elems: &'a [Elem],
    forced_regions: HashSet<String>,
    forced_styles: HashSet<String>,
    agents: HashMap<String, String>,
    /// Implicit durations, computed once per element (`None` inside: indefinite),
    /// so that timing costs linear time however deep the tree.
    implicit: RefCell<Vec<Option<Option<u64>>>>,
}

fn min_opt(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn inactive(begin: u64, end: Option<u64>) -> bool {
    begin == u64::MAX || end.is_some_and(|e| e <= begin)
}

impl Doc<'_> {
    /// The active interval of element `id` whose begin is measured from `base`,
    /// clipped to `parent_end` (`None`: unbounded).
    fn interval(&self, id: usize, base: u64, parent_end: Option<u64>) -> (u64, Option<u64>) {
        let e = &self.elems[id];
        let begin = base.saturating_add(e.begin.unwrap_or(0));
        let mut end = e.end.map(|x| base.saturating_add(x));
        if let Some(d) = e.dur {
            end = min_opt(end, Some(begin.saturating_add(d)));
        }
        if end.is_none() {
            end = self.implicit_end(id, begin);
        }
        (begin, min_opt(end, parent_end))
    }

    /// The end an element gets from its content when it has no explicit end.
    fn implicit_end(&self, id: usize, begin: u64) -> Option<u64> {
        let cached = self.implicit.borrow().get(id).copied().flatten();
        let dur = match cached {
            Some(d) => d,
            None => {
                let d = self.implicit_duration(id);
                if let Some(slot) = self.implicit.borrow_mut().get_mut(id) {
                    *slot = Some(d);
                }
                d
            }
        };
        dur.map(|d| begin.saturating_add(d))
    }

    /// The implicit duration of an element: its `seq` children one after another
    /// (text lasting zero time), or the longest of its `par` children (text lasting
    /// indefinitely). `None`: indefinite.
    fn implicit_duration(&self, id: usize) -> Option<u64> {
        let begin = 0;
        let e = &self.elems[id];
        if e.is_seq() {
            let mut t = begin;
            for c in &e.children {
                if let Node::Elem(cid) = c
                    && self.elems[*cid].is_timed()
                {
                    let (b, en) = self.interval(*cid, t, None);
                    t = en?.max(b);
                }
            }
            Some(t)
        } else {
            let mut m = begin;
            for c in &e.children {
                match c {
                    Node::Text(s, _) if !s.trim().is_empty() => return None,
                    Node::Elem(cid) if self.elems[*cid].is_timed() => {
                        let (b, en) = self.interval(*cid, begin, None);
                        m = m.max(en?.max(b));
                    }
                    _ => {}
                }
            }
            Some(m)
        }
    }

    fn inherit(&self, e: &Elem, parent: &Inherit) -> Inherit {
        let mut h = parent.clone();
        if let Some(l) = e.attr("xml:lang") {
            h.lang = (!l.trim().is_empty()).then(|| l.trim().to_string());
        }
        if let Some(r) = e.attr("region") {
            h.region = Some(r.trim().to_string());
        }
        if let Some(s) = e.attr("style") {
            h.styles.extend(s.split_whitespace().map(str::to_string));
        }
        if let Some(a) = e.attr("ttm:agent") {
            h.agent = Some(a.trim().to_string());
        }
        if let Some(r) = e.attr("ttm:role") {
            h.role = Some(r.trim().to_string());
        }
        if let Some(f) = e.attr("forcedDisplay") {
            h.forced = f.trim() == "true";
        }
        if let Some(sp) = e.attr("xml:space") {
            h.preserve = sp.trim() == "preserve";
        }
        h
    }

    fn walk(
        &self,
        id: usize,
        base: u64,
        parent_end: Option<u64>,
        parent: &Inherit,
        out: &mut Vec<RawCue>,
        ctx: &mut Ctx,
    ) {
        let e = &self.elems[id];
        let (b, en) = self.interval(id, base, parent_end);
        let inh = self.inherit(e, parent);
        match e.name.as_str() {
            "p" => self.paragraph(id, b, en, &inh, out, ctx),
            "body" | "div" => {
                let mut t = b;
                for c in &e.children {
                    let Node::Elem(cid) = c else { continue };
                    if !self.elems[*cid].is_timed() {
                        continue;
                    }
                    if e.is_seq() {
                        self.walk(*cid, t, en, &inh, out, ctx);
                        let (cb, ce) = self.interval(*cid, t, en);
                        t = ce.map_or(u64::MAX, |x| x.max(cb));
                    } else {
                        self.walk(*cid, b, en, &inh, out, ctx);
                    }
                }
            }
            _ => {}
        }
    }

    fn paragraph(
        &self,
        id: usize,
        b: u64,
        en: Option<u64>,
        inh: &Inherit,
        out: &mut Vec<RawCue>,
        ctx: &mut Ctx,
    ) {
        let e = &self.elems[id];
        if e.bad_timing || e.open {
            return; // already reported
        }
        let mut pieces = Vec::new();
        self.collect(id, b, en, inh.preserve, &mut pieces);
        if !pieces
            .iter()
            .any(|p| matches!(p, Piece::Text { text, .. } if !text.trim().is_empty()))
        {
            return; // no text (an image, an empty paragraph)
        }
        // Consecutive text with the same active interval makes one cue; text that
        // is never active (empty interval) is left out.
        let mut groups: Vec<(u64, Option<u64>, usize, String)> = Vec::new();
        for p in pieces {
            match p {
                Piece::Break => {
                    if let Some(g) = groups.last_mut() {
                        g.3.push('\n');
                    }
                }
                Piece::Text {
                    text,
                    begin,
                    end,
                    line,
                } => {
                    if text.trim().is_empty() {
                        if let Some(g) = groups.last_mut() {
                            g.3.push_str(&text);
                        }
                        continue;
                    }
                    if inactive(begin, end) {
                        continue;
                    }
                    match groups.last_mut() {
                        Some(g) if g.0 == begin && g.1 == end => g.3.push_str(&text),
                        _ => groups.push((begin, end, line, text)),
                    }
                }
            }
        }
        if groups.is_empty() {
            ctx.warn(
                e.line,
                "paragraph is never displayed (its timing interval is empty); skipped",
            );
            return;
        }
        let forced = inh.forced
            || inh
                .region
                .as_ref()
                .is_some_and(|r| self.forced_regions.contains(r))
            || inh.styles.iter().any(|s| self.forced_styles.contains(s))
            || inh
                .role
                .as_deref()
                .is_some_and(|r| r.split_whitespace().any(|x| x == "caption"));
        let kind = if forced {
            CueKind::Caption
        } else {
            CueKind::Dialogue
        };
        let speaker = inh.agent.as_deref().and_then(|a| {
            let mut ids = a.split_whitespace();
            let one = ids.next()?;
            if ids.next().is_some() {
                return None;
            }
            Some(
                self.agents
                    .get(one)
                    .cloned()
                    .unwrap_or_else(|| one.to_string()),
            )
        });
        for (begin, end, line, raw) in groups {
            let lines: Vec<String> = raw
                .split('\n')
                .map(|l| {
                    if inh.preserve {
                        l.trim_end().to_string()
                    } else {
                        collapse_ws(l)
                    }
                })
                .collect();
            let Some(start) = lines.iter().position(|l| !l.trim().is_empty()) else {
                continue;
            };
            let stop = lines
                .iter()
                .rposition(|l| !l.trim().is_empty())
                .unwrap_or(start);
            let mut cue = new_cue(line, kind, lines[start..=stop].join("\n"));
            cue.start_ms = Some(begin);
            cue.end_ms = end;
            cue.lang = inh.lang.clone();
            cue.speaker = speaker.clone();
            out.push(RawCue {
                cue,
                first_line: e.line,
                last_line: e.end_line.max(e.line),
            });
        }
    }

    /// The text of `id` (a `p` or `span` active over `[b, en)`) as pieces, each with
    /// its own active interval. Text directly inside a `seq` container lasts zero
    /// time (TTML's anonymous spans), so it gets an empty interval.
    fn collect(&self, id: usize, b: u64, en: Option<u64>, preserve: bool, out: &mut Vec<Piece>) {
        let e = &self.elems[id];
        let preserve = match e.attr("xml:space") {
            Some(v) => v.trim() == "preserve",
            None => preserve,
        };
        let seq = e.is_seq();
        // Inside ruby markup, white space between the parts is layout, not text.
        let ruby_frame = matches!(e.attr("tts:ruby"), Some("container" | "baseContainer"));
        let mut t = b;
        for c in &e.children {
            match c {
                Node::Text(s, _) if ruby_frame && s.trim().is_empty() => {}
                Node::Text(s, line) => {
                    let text = if preserve {
                        s.clone()
                    } else {
                        s.chars()
                            .map(|c| if c.is_whitespace() { ' ' } else { c })
                            .collect()
                    };
                    let (begin, end) = if seq { (t, Some(t)) } else { (b, en) };
                    out.push(Piece::Text {
                        text,
                        begin,
                        end,
                        line: *line,
                    });
                }
                Node::Elem(cid) => {
                    let ce = &self.elems[*cid];
                    match ce.name.as_str() {
                        "br" => out.push(Piece::Break),
                        "span" => {
                            let base = if seq { t } else { b };
                            let (sb, se) = self.interval(*cid, base, en);
                            if seq {
                                t = se.map_or(u64::MAX, |x| x.max(sb));
                            }
                            // Ruby annotations (the reading above or beside the
                            // base text) are left out, as WebVTT's <rt> is.
                            let annotation = matches!(
                                ce.attr("tts:ruby"),
                                Some("text" | "textContainer" | "delimiter")
                            );
                            if !ce.bad_timing && !annotation {
                                self.collect(*cid, sb, se, preserve, out);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

/// A piece of paragraph text with its active interval, or a line break.
enum Piece {
    Text {
        text: String,
        begin: u64,
        end: Option<u64>,
        line: usize,
    },
    Break,
}

pub(crate) fn read(text: &str, ctx: &mut Ctx) -> Result<Vec<RawCue>, IngestError> {
    let mut tree = parse_tree(text, ctx)?;
    let Some(root) = tree.root else {
        return Err(IngestError::new(
            1,
            "no XML root element: not a TTML document",
        ));
    };
    if tree.elems[root].name != "tt" {
        return Err(IngestError::new(
            tree.elems[root].line,
            format!(
                "not a TTML document: the root element is <{}>, not <tt>",
                tree.elems[root].name
            ),
        ));
    }
    let params = TimeParams::from_root(&tree.elems[root]);

    // Timing attributes, parsed once.
    for i in 0..tree.elems.len() {
        if !tree.elems[i].is_timed() {
            continue;
        }
        for key in ["begin", "end", "dur"] {
            let Some(v) = tree.elems[i]
                .attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
            else {
                continue;
            };
            match params.parse(&v) {
                Some(ms) => {
                    let e = &mut tree.elems[i];
                    match key {
                        "begin" => e.begin = Some(ms),
                        "end" => e.end = Some(ms),
                        _ => e.dur = Some(ms),
                    }
                }
                None => {
                    let line = tree.elems[i].line;
                    let name = tree.elems[i].name.clone();
                    ctx.problem(
                        line,
                        format!("malformed TTML time expression {key}={v:?} on <{name}>"),
                    )?;
                    tree.elems[i].bad_timing = true;
                }
            }
        }
    }

    // Forced-display styles and regions, and agent names.
    let elems = &tree.elems;
    let id_of = |e: &Elem| e.attr("xml:id").map(|s| s.trim().to_string());
    let is_true = |e: &Elem| e.attr("forcedDisplay").is_some_and(|v| v.trim() == "true");
    let mut forced_styles: HashSet<String> = HashSet::new();
    for _ in 0..8 {
        let before = forced_styles.len();
        for e in elems.iter().filter(|e| e.name == "style") {
            if let Some(id) = id_of(e) {
                let via_ref = e
                    .attr("style")
                    .is_some_and(|s| s.split_whitespace().any(|x| forced_styles.contains(x)));
                if is_true(e) || via_ref {
                    forced_styles.insert(id);
                }
            }
        }
        if forced_styles.len() == before {
            break;
        }
    }
    let mut forced_regions = HashSet::new();
    for e in elems.iter().filter(|e| e.name == "region") {
        let Some(id) = id_of(e) else { continue };
        let via_ref = e
            .attr("style")
            .is_some_and(|s| s.split_whitespace().any(|x| forced_styles.contains(x)));
        let via_child = e.children.iter().any(|c| match c {
            Node::Elem(cid) => elems[*cid].name == "style" && is_true(&elems[*cid]),
            Node::Text(..) => false,
        });
        if is_true(e) || via_ref || via_child {
            forced_regions.insert(id);
        }
    }
    let mut agents = HashMap::new();
    for e in elems.iter().filter(|e| e.name == "agent") {
        let Some(id) = id_of(e) else { continue };
        let name = e.children.iter().find_map(|c| match c {
            Node::Elem(cid) if elems[*cid].name == "name" => {
                let t: String = elems[*cid]
                    .children
                    .iter()
                    .filter_map(|n| match n {
                        Node::Text(s, _) => Some(s.as_str()),
                        Node::Elem(_) => None,
                    })
                    .collect();
                let t = collapse_ws(&t);
                (!t.is_empty()).then_some(t)
            }
            _ => None,
        });
        agents.insert(id.clone(), name.unwrap_or(id));
    }

    let doc = Doc {
        elems,
        forced_regions,
        forced_styles,
        agents,
        implicit: RefCell::new(vec![None; elems.len()]),
    };
    let root_inherit = doc.inherit(&elems[root], &Inherit::default());
    let mut out = Vec::new();
    for c in &elems[root].children {
        if let Node::Elem(cid) = c
            && elems[*cid].name == "body"
        {
            doc.walk(*cid, 0, None, &root_inherit, &mut out, ctx);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, Options, read};

    fn ttml(s: &str) -> Result<crate::Document, crate::IngestError> {
        read(s.as_bytes(), "x.ttml", &Options::default())
    }

    fn params(attrs: &str) -> TimeParams {
        let xml = format!("<tt {attrs}/>");
        let mut ctx = Ctx::new(&Options::default());
        let tree = parse_tree(&xml, &mut ctx).unwrap();
        TimeParams::from_root(&tree.elems[0])
    }

    #[test]
    fn time_expressions() {
        let p = params(
            "ttp:frameRate=\"24\" ttp:frameRateMultiplier=\"1000 1001\" ttp:tickRate=\"60\"",
        );
        assert_eq!(p.parse("1.2s"), Some(1200));
        assert_eq!(p.parse("1.2m"), Some(72_000));
        assert_eq!(p.parse("1.2h"), Some(4_320_000));
        assert_eq!(p.parse("24f"), Some(1001));
        assert_eq!(p.parse("120t"), Some(2000));
        assert_eq!(p.parse("100ms"), Some(100));
        assert_eq!(p.parse("01:02:03"), Some(3_723_000));
        assert_eq!(p.parse("01:02:03.2350"), Some(3_723_235));
        assert_eq!(p.parse("01:02:03:20"), Some(3_723_834));
        assert_eq!(p.parse("100:00:00:00"), Some(360_000_000));
        assert_eq!(p.parse("00:61:00"), None);
        assert_eq!(p.parse("1:02:03"), None);
        assert_eq!(p.parse("10"), None);
        assert_eq!(p.parse("10x"), None);
        assert_eq!(p.parse("s"), None);
        assert_eq!(p.parse("1e300s"), None);
        let d = params("");
        assert_eq!(d.parse("30f"), Some(1000), "default frame rate 30");
        assert_eq!(d.parse("5t"), Some(5000), "default tick rate 1");
        let t = params("ttp:frameRate=\"25\"");
        assert_eq!(
            t.parse("50t"),
            Some(2000),
            "tick rate defaults to the frame rate"
        );
    }

    #[test]
    fn containment_lang_forced_agents() {
        let doc = r#"<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"
    xmlns:itts="http://www.w3.org/ns/ttml/profile/imsc1#styling" xml:lang="en">
  <head>
    <metadata><ttm:agent xml:id="lenin" type="person"><ttm:name type="full">Lenin</ttm:name></ttm:agent></metadata>
    <layout><region xml:id="top" itts:forcedDisplay="true"/></layout>
  </head>
  <body>
    <div begin="10s">
      <p begin="1s" end="3s" ttm:agent="lenin">Comrades,<br/>the   hour
        has come &amp; gone.</p>
      <p begin="4s" dur="2s" region="top" xml:lang="ru">ПЕТРОГРАД, 1917</p>
    </div>
    <div timeContainer="seq" begin="20s">
      <p dur="1s">one</p>
      <p dur="2s">two <span begin="5s">never</span></p>
      <p timeContainer="seq">zero-length text in a seq</p>
    </div>
    <!-- histlint: allow anachronism -->
    <div><p begin="00:00:30.000" end="00:00:31.000">three</p></div>
  </body>
</tt>"#;
        let d = ttml(doc).unwrap();
        assert_eq!(d.format, Format::Ttml);
        let got: Vec<(&str, Option<u64>, Option<u64>)> = d
            .cues
            .iter()
            .map(|c| (c.text.as_str(), c.start_ms, c.end_ms))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Comrades,\nthe hour has come & gone.",
                    Some(11_000),
                    Some(13_000)
                ),
                ("ПЕТРОГРАД, 1917", Some(14_000), Some(16_000)),
                ("one", Some(20_000), Some(21_000)),
                ("two", Some(21_000), Some(23_000)),
                ("three", Some(30_000), Some(31_000)),
            ]
        );
        assert_eq!(d.cues[0].speaker.as_deref(), Some("Lenin"));
        assert_eq!(d.cues[0].lang.as_deref(), Some("en"));
        assert_eq!(d.cues[0].line, 10);
        assert_eq!(d.cues[1].kind, CueKind::Caption);
        assert_eq!(d.cues[1].lang.as_deref(), Some("ru"));
        assert_eq!(d.cues[0].kind, CueKind::Dialogue);
        assert_eq!(d.cues[4].allow, ["anachronism"]);
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
        assert!(d.warnings[0].message.contains("never displayed"));
    }

    #[test]
    fn hostile() {
        let e = ttml("<?xml version=\"1.0\"?>\n<!DOCTYPE tt [\n<!ENTITY lol \"lol\">\n<!ENTITY lol2 \"&lol;&lol;\">\n]>\n<tt><body><p>&lol2;</p></body></tt>").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("entities"), "{e}");
        let deep = format!(
            "<tt><body>{}{}</body></tt>",
            "<div>".repeat(100),
            "</div>".repeat(100)
        );
        let e = ttml(&deep).unwrap_err();
        assert!(e.message.contains("nested deeper than 64"), "{e}");
        let e = ttml("<html><body/></html>").unwrap_err();
        assert!(e.message.contains("not a TTML document"), "{e}");
        let e = ttml("<tt><body><p begin=\"0s\" end=\"1s\">a</b></body></tt>").unwrap_err();
        assert!(e.message.contains("malformed XML"), "{e}");
        let e = ttml("<tt><body><p begin=\"00:01:xx\" end=\"1s\">a</p></body></tt>").unwrap_err();
        assert!(e.message.contains("00:01:xx"), "{e}");
        let e = ttml("<tt><body><p>&nosuch;</p></body></tt>").unwrap_err();
        assert!(e.message.contains("&nosuch;"), "{e}");
        // Lenient keeps the good paragraphs.
        let opts = Options {
            lenient: true,
            ..Options::default()
        };
        let d = read(
            b"<tt><body><p begin=\"bad\">a</p><p begin=\"1s\" end=\"2s\">b</p><p>c</b></body></tt>",
            "x.ttml",
            &opts,
        )
        .unwrap();
        let texts: Vec<&str> = d.cues.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["b"]);
        assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
    }
}
