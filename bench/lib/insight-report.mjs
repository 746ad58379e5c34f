// Prints a score of the early-warning benchmark (insight-score.mjs) as compact Markdown tables.

const num = (v, digits = 2) => (v === null || v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(digits));
const delay = (d) => (d.n === 0 ? '—' : `${num(d.median, 1)} / ${num(d.p90)} / ${num(d.max)} (${d.n})`);

/** A Markdown table from a header row and rows of cells, columns padded to their widest cell. */
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The rate of a detector over a kind: recall for an at-risk kind, "FA" false-alarm rate otherwise. */
const rate = (k, which) => `${k.atRisk ? '' : 'FA '}${num(k[which].rate)} (${k[which].detected}/${k[which].n})`;

/**
 * The score as text: per kind in `kindOrder` (n, recall or false alarms, delay median / p90 / max
 * (accounts with a delay), detections by pre-onset flags only, transient alarms), overall, the
 * targets, and per flag kind precision.
 */
export function formatInsightScore(score, kindOrder = []) {
  const rank = (kind) => (kindOrder.includes(kind) ? kindOrder.indexOf(kind) : kindOrder.length);
  const kinds = Object.entries(score.perKind).sort(([a], [b]) => rank(a) - rank(b));
  const rows = kinds.map(([kind, k]) => [
    kind,
    String(k.n),
    rate(k, 'any'),
    k.atRisk ? delay(k.any.delay) : '',
    k.atRisk ? String(k.any.earlyOnly) : '',
    rate(k, 'red'),
    k.atRisk ? delay(k.red.delay) : '',
    k.atRisk ? '' : num(k.transient),
  ]);
  const { any, red } = score.overall;
  const both = (o) => `recall ${num(o.recall)} (${o.hits}/${o.atRisk}), precision ${num(o.precision)} (${o.hits}/${o.flagged})`;
  rows.push(['at risk, overall', String(any.atRisk), both(any), delay(any.delay), String(any.earlyOnly), both(red), delay(red.delay), '']);
  const header = [
    'kind',
    'n',
    'any flag now: recall / FA',
    'delay med / p90 / max (n)',
    'early only',
    'red now: recall / FA',
    'red delay med / p90 / max (n)',
    'transient',
  ];
  const targets = score.targets.map((t) => `${t.name} ${num(t.value)} (${t.target}) ${t.pass ? 'PASS' : 'FAIL'}`);
  const flagKinds = Object.entries(score.perFlagKind).map(([k, f]) => `${k} ${num(f.precision)} (${f.atRisk}/${f.holders})`);
  return [
    table(header, rows),
    '',
    `targets: ${targets.join(' · ')}`,
    `flag kinds held now, share at risk: ${flagKinds.length > 0 ? flagKinds.join(' · ') : 'none'}`,
  ].join('\n');
}
