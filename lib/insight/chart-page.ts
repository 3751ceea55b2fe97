// Self-contained HTML pages with charts (simulate, report): Chart.js's UMD build is read from
// node_modules at run time and inlined, so a page opens offline, with no CDN and nothing committed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A Chart.js configuration (type, data, options), passed to the page as JSON. */
export interface ChartSpec { type: string; data: unknown; options?: Record<string, unknown> }

export type PageBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'table'; head: string[]; rows: (string | number)[][] }
  | { kind: 'chart'; id: string; chart: ChartSpec; height?: number };

let chartJs: string | undefined;

/** The Chart.js UMD bundle; `chart.js` resolves to its CJS entry, the UMD file sits beside it. */
export function chartLibrarySource(): string {
  if (chartJs === undefined) {
    const require = createRequire(import.meta.url);
    chartJs = readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
  }
  return chartJs;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// JSON inside <script> must not close the element or open a comment.
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

function blockHtml(b: PageBlock): string {
  switch (b.kind) {
    case 'heading': return `<h2>${escapeHtml(b.text)}</h2>`;
    case 'text': return `<p>${escapeHtml(b.text)}</p>`;
    case 'table': return `<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${
      b.rows.map((r) => `<tr>${r.map((c) => `<td${typeof c === 'number' ? ' class="n"' : ''}>${escapeHtml(String(c))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    case 'chart': return `<div class="chart" style="height:${b.height ?? 320}px"><canvas id="${escapeHtml(b.id)}" data-chart="${escapeHtml(b.id)}"></canvas></div>`;
  }
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#1f2933}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #e4e7eb;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d9dee3;padding:4px 8px;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f5f7fa}.chart{position:relative;margin:12px 0}.meta{color:#616e7c}`;

/** The whole page: blocks in order; every chart block is drawn once the inlined library has loaded. */
export function renderChartPage(title: string, subtitle: string, blocks: readonly PageBlock[]): string {
  const charts = Object.fromEntries(blocks.flatMap((b) => (b.kind === 'chart' ? [[b.id, b.chart]] : [])));
  const library = chartLibrarySource().replace(/<\/script/gi, '<\\/script');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(subtitle)}</p>
${blocks.map(blockHtml).join('\n')}
<script>${library}</script>
<script type="application/json" id="chart-data">${scriptJson(charts)}</script>
<script>
(function () {
  var specs = JSON.parse(document.getElementById('chart-data').textContent);
  Object.keys(specs).forEach(function (id) {
    var spec = specs[id];
    spec.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, spec.options || {});
    new Chart(document.getElementById(id), spec);
  });
})();
</script>
</body></html>
`;
}
