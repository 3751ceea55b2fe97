// How the business report reads: a terminal table per figure and version, and its HTML page.
import type { BusinessReport, Duration, VersionFigures } from '../services/report.ts';
import type { PageBlock } from './chart-page.ts';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
const money = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 0 });
const hours = (d: Duration) => (d.medianHours === null ? '–' : `${d.medianHours} h (p90 ${d.p90Hours} h, n=${d.count})`);

const ROWS: [string, (f: VersionFigures) => string][] = [
  ['MER (attributed revenue ÷ spend)', (f) => (f.mer === null ? '–' : `${f.mer.toFixed(2)}×`)],
  ['Attributed revenue', (f) => money(f.attributedRevenue)],
  ['Won revenue (won deals)', (f) => `${money(f.wonRevenue)} (${f.wonDeals})`],
  ['Spend (share by leads)', (f) => money(f.spendShare)],
  ['New leads', (f) => String(f.leads)],
  ['Lead → MQL', (f) => `${pct(f.leadToMql)} (${f.reachedMql})`],
  ['MQL → SQL (MQLs in period)', (f) => `${pct(f.mqlToSql)} (${f.mqlsInPeriod})`],
  ['Routing latency (median)', (f) => hours(f.routingLatency)],
  ['First response, high tier', (f) => `${hours(f.firstResponse)}; ${f.firstResponse.unanswered} of ${f.firstResponse.highTierLeads} unanswered`],
  ['Data completeness', (f) => pct(f.completeness)],
  ['Attribution coverage', (f) => pct(f.attributionCoverage)],
];

export function reportText(r: BusinessReport): string {
  const columns = [r.total, ...r.byVersion];
  const table = ROWS.map(([label, cell]) => [label, ...columns.map(cell)]);
  const head = ['', 'all', ...r.byVersion.map((v) => v.version)];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [`Report ${r.from.slice(0, 10)} → ${r.to.slice(0, 10)} (end exclusive) · spend ${money(r.spend)} · by the rule version that first decided each lead`, '',
    line(head), ...table.map(line), ''].join('\n');
}

export function reportBlocks(r: BusinessReport): PageBlock[] {
  const versions = [r.total, ...r.byVersion];
  const palette = ['#334e68', '#d64545', '#3e8e63', '#e8a33d', '#6b7c93'];
  return [
    { kind: 'heading', text: 'Funnel by rule version' },
    { kind: 'chart', id: 'funnel', chart: {
      type: 'bar',
      data: { labels: ['New leads', 'Reached MQL', 'Reached SQL', 'Became customer'], datasets: versions.map((v, i) => ({
        label: v.version, backgroundColor: palette[i % palette.length], data: [v.leads, v.reachedMql, v.reachedSql, v.reachedCustomer],
      })) },
      options: { indexAxis: 'y', scales: { x: { title: { display: true, text: 'contacts' } } } },
    } },
    { kind: 'heading', text: 'Revenue and MER' },
    { kind: 'chart', id: 'revenue', height: 260, chart: {
      type: 'bar',
      data: { labels: versions.map((v) => v.version), datasets: [
        { label: 'attributed revenue', backgroundColor: '#3e8e63', data: versions.map((v) => v.attributedRevenue) },
        { label: 'spend (share)', backgroundColor: '#c2504a', data: versions.map((v) => v.spendShare) },
      ] },
    } },
    { kind: 'heading', text: 'Figures' },
    { kind: 'table', head: ['', ...versions.map((v) => v.version)], rows: ROWS.map(([label, cell]) => [label, ...versions.map(cell)]) },
  ];
}
