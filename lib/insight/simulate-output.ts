// How a simulation reads: a terminal summary, and the blocks of its HTML page.
import { TIERS } from '../core/contract.ts';
import type { SimulationReport } from '../services/simulate.ts';
import type { ChartSpec, PageBlock } from './chart-page.ts';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function simulationText(r: SimulationReport): string {
  const out: string[] = [];
  out.push(`Simulated ${r.contacts} contacts: current ${r.currentVersion} → candidate ${r.candidateVersion}`);
  out.push(`${r.changed} would change (tier ${r.tierChanges}, owner ${r.ownerChanged}); MQLs ${r.mql.current} → ${r.mql.candidate} (${signed(r.mql.delta)})`, '');
  out.push('Tier transitions (rows: current, columns: candidate)');
  out.push(`${pad('', 10)}${TIERS.map((t) => lpad(t, 9)).join('')}`);
  for (const a of TIERS) out.push(`${pad(a, 10)}${TIERS.map((b) => lpad(String(r.tierMatrix[a][b]), 9)).join('')}`);
  if (r.ownerChanges.length > 0) {
    out.push('', 'Owner changes per rep');
    for (const o of r.ownerChanges) out.push(`  ${pad(clip(o.name, 28), 30)}${lpad(`+${o.gained}`, 7)}${lpad(`-${o.lost}`, 7)}  net ${signed(o.net)}`);
  }
  if (r.lifecycleMoves.length > 0) {
    out.push('', 'Lifecycle moves (current / candidate)');
    for (const m of r.lifecycleMoves) out.push(`  ${pad(`${m.from} → ${m.to}`, 48)}${lpad(String(m.current), 7)} /${lpad(String(m.candidate), 7)}`);
  }
  if (r.reasonChanges.length > 0) {
    out.push('', 'Reasons that changed most (contacts gaining / losing the reason)');
    for (const x of r.reasonChanges) out.push(`  ${pad(clip(x.code, 34), 36)}${lpad(`+${x.gained}`, 7)}${lpad(`-${x.lost}`, 7)}  e.g. ${clip(x.example, 70)}`);
  }
  if (r.sample.length > 0) {
    out.push('', `Sample of changed contacts (${r.sample.length} of ${r.changed})`);
    for (const s of r.sample) {
      out.push(`  ${s.id} ${clip(s.name, 40)}: ${s.current.tier} ${s.current.leadScore} → ${s.candidate.tier} ${s.candidate.leadScore}`);
      out.push(`    now:       ${clip(s.current.reason, 150)}`);
      out.push(`    candidate: ${clip(s.candidate.reason, 150)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const COLORS: Record<string, string> = { high: '#d64545', medium: '#e8a33d', low: '#6b7c93' };

/** A horizontal bar per label: what was gained (green) beside what was lost (red). */
function gainedLostChart(id: string, labels: string[], gained: [string, number[]], lost: [string, number[]], options: ChartSpec['options']): PageBlock {
  return {
    kind: 'chart', id, height: Math.max(200, 28 * labels.length), chart: {
      type: 'bar',
      data: { labels, datasets: [
        { label: gained[0], backgroundColor: '#3e8e63', data: gained[1] },
        { label: lost[0], backgroundColor: '#c2504a', data: lost[1] },
      ] },
      options,
    },
  };
}

export function simulationBlocks(r: SimulationReport): PageBlock[] {
  const blocks: PageBlock[] = [
    { kind: 'text', text: `${r.contacts} contacts · ${r.changed} would change (tier ${r.tierChanges}, owner ${r.ownerChanged}) · MQLs ${r.mql.current} → ${r.mql.candidate} (${signed(r.mql.delta)})` },
    { kind: 'heading', text: 'Tier transitions' },
    { kind: 'table', head: ['current \\ candidate', ...TIERS], rows: TIERS.map((a) => [a, ...TIERS.map((b) => r.tierMatrix[a][b])]) },
    {
      kind: 'chart', id: 'tiers', chart: {
        type: 'bar',
        data: { labels: TIERS.map((t) => `now ${t}`), datasets: TIERS.map((b) => ({ label: `candidate ${b}`, backgroundColor: COLORS[b], data: TIERS.map((a) => r.tierMatrix[a][b]) })) },
        options: { scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'contacts' } } } },
      },
    },
  ];
  if (r.ownerChanges.length > 0) {
    blocks.push({ kind: 'heading', text: 'Owner changes per rep' },
      gainedLostChart('owners', r.ownerChanges.map((o) => o.name), ['gained', r.ownerChanges.map((o) => o.gained)], ['lost', r.ownerChanges.map((o) => -o.lost)], { indexAxis: 'y', scales: { x: { stacked: true }, y: { stacked: true } } }),
      { kind: 'table', head: ['rep', 'gained', 'lost', 'net'], rows: r.ownerChanges.map((o) => [o.name, o.gained, o.lost, signed(o.net)]) });
  }
  blocks.push({ kind: 'heading', text: 'Lifecycle moves' },
    { kind: 'table', head: ['from', 'to', 'current rules', 'candidate rules'], rows: r.lifecycleMoves.map((m) => [m.from, m.to, m.current, m.candidate]) });
  if (r.reasonChanges.length > 0) {
    blocks.push({ kind: 'heading', text: 'Reasons that changed most' },
      gainedLostChart('reasons', r.reasonChanges.map((x) => x.code), ['contacts gaining it', r.reasonChanges.map((x) => x.gained)], ['contacts losing it', r.reasonChanges.map((x) => x.lost)], { indexAxis: 'y' }));
  }
  blocks.push({ kind: 'heading', text: `Sample of changed contacts (${r.sample.length} of ${r.changed})` },
    { kind: 'table', head: ['contact', 'now', 'candidate', 'reason now', 'reason with the candidate'],
      rows: r.sample.map((s) => [`${s.id} ${s.name}`, `${s.current.tier} ${s.current.leadScore}`, `${s.candidate.tier} ${s.candidate.leadScore}`, s.current.reason, s.candidate.reason]) });
  return blocks;
}
