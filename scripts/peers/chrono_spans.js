// chrono-node's side of the peer benchmark (scripts/bench-peers.sh).
// usage: node chrono_spans.js TEXT [--runs N] [--spans OUT.jsonl]
// Times chrono.parse() over each line of TEXT (text already read and split; module
// load excluded), N runs (default 3), writes the first run's spans as JSON Lines
// {"line": i, "spans": [[start, end, value], ...]} (offsets in UTF-16 units, equal to
// characters on the ASCII corpus), and prints one JSON object with the timings.
// A value is rendered at the precision chrono is certain of: "1917", "1917-10",
// "1917-10-25", "XXXX-10-25" when the year is only implied; a range is "START/END".
'use strict';
const fs = require('fs');
const chrono = require('chrono-node');

function parseArgs(argv) {
  const a = { runs: 3, spans: null, text: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') a.runs = parseInt(argv[++i], 10);
    else if (argv[i] === '--spans') a.spans = argv[++i];
    else a.text = argv[i];
  }
  if (!a.text || !(a.runs > 0)) {
    console.error('usage: chrono_spans.js TEXT [--runs N] [--spans OUT.jsonl]');
    process.exit(2);
  }
  return a;
}

const pad = (n, w) => String(n).padStart(w, '0');

function render(c) {
  if (!c) return null;
  const y = c.isCertain('year') ? pad(c.get('year'), 4) : 'XXXX';
  if (!c.isCertain('month')) return c.isCertain('year') ? y : null;
  const m = y + '-' + pad(c.get('month'), 2);
  if (!c.isCertain('day')) return m;
  return m + '-' + pad(c.get('day'), 2);
}

function value(r) {
  const s = render(r.start);
  if (r.end) {
    const e = render(r.end);
    if (s && e) return s + '/' + e;
  }
  return s;
}

const args = parseArgs(process.argv.slice(2));
const text = fs.readFileSync(args.text, 'utf8');
const lines = text.split('\n');
const runs = [];
let first = null;
for (let run = 0; run < args.runs; run++) {
  const t = process.hrtime.bigint();
  const out = lines.map((l) => chrono.parse(l));
  runs.push(Number(process.hrtime.bigint() - t) / 1e9);
  if (run === 0) first = out;
}
if (args.spans) {
  const rows = first.map((rs, i) => JSON.stringify({
    line: i,
    spans: rs.map((r) => [r.index, r.index + r.text.length, value(r)]),
  }));
  fs.writeFileSync(args.spans, rows.join('\n') + '\n');
}
const sorted = [...runs].sort((a, b) => a - b);
console.log(JSON.stringify({
  tool: 'chrono-node',
  chars: text.length,
  runs_s: runs,
  median_s: sorted[Math.floor(sorted.length / 2)],
  timed: 'chrono.parse() per line, in-process, module loaded and text in memory',
}));
