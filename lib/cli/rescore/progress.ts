// Progress for a long rescore: a cli-progress bar (contacts, rate, ETA, API calls and budget)
// when stderr is a terminal; otherwise a plain line every few seconds, fit for cron mail and CI logs.
import cliProgress from 'cli-progress';
import type { BatchRescoreReport } from '../../services/batch-rescore.ts';
import type { CallStats } from './pacer.ts';
import type { Rate } from './scope.ts';

export interface ProgressView {
  update(report: BatchRescoreReport): void;
  stop(): void;
}

export interface ProgressOptions {
  total: number | null;
  rate: Rate;
  stats: CallStats;
  /** Calls left today when the run started (X-HubSpot-RateLimit-Daily-Remaining), if HubSpot said. */
  dailyRemaining: number | null;
  stream: NodeJS.WriteStream;
  /** Milliseconds between plain lines. */
  plainEveryMs?: number;
  now?: () => number;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The numbers both views show. */
export function progressFigures(report: BatchRescoreReport, o: Pick<ProgressOptions, 'total' | 'rate' | 'stats' | 'dailyRemaining'>, elapsedMs: number) {
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  const perSecond = report.read / seconds;
  const callsPerSecond = o.stats.calls / seconds;
  const ceiling = (o.rate.max / o.rate.intervalMs) * 1000;
  const eta = o.total !== null && perSecond > 0 ? (o.total - report.read) / perSecond : NaN;
  const budget = o.dailyRemaining ? `${((o.stats.calls / o.dailyRemaining) * 100).toFixed(2)}% of today's ${o.dailyRemaining.toLocaleString('en-US')}` : 'daily budget unknown';
  return { perSecond, callsPerSecond, ceiling, eta, budget, pace: callsPerSecond / ceiling };
}

export function createProgress(o: ProgressOptions): ProgressView {
  const now = o.now ?? Date.now;
  const started = now();
  if (o.stream.isTTY) return barView(o, started, now);
  let lastLine = started;
  const every = o.plainEveryMs ?? 5000;
  return {
    update(report) {
      if (now() - lastLine < every) return;
      lastLine = now();
      const f = progressFigures(report, o, now() - started);
      o.stream.write(`rescore: ${report.read}${o.total !== null ? `/${o.total}` : ''} contacts, ${f.perSecond.toFixed(1)}/s, `
        + `${o.stats.calls} API calls (${f.callsPerSecond.toFixed(1)}/s of ${f.ceiling.toFixed(1)}/s; ${f.budget}), ETA ${formatDuration(f.eta)}\n`);
    },
    stop() {},
  };
}

function barView(o: ProgressOptions, started: number, now: () => number): ProgressView {
  const bar = new cliProgress.SingleBar({
    stream: o.stream,
    format: '{bar} {value}/{total} contacts | {speed}/s | ETA {etaText} | {calls} calls, {pace}% of {ceiling}/s | {budget}',
    hideCursor: true,
    clearOnComplete: false,
    etaBuffer: 50,
  }, cliProgress.Presets.shades_classic);
  bar.start(o.total ?? 0, 0, { speed: '0', etaText: '?', calls: 0, pace: '0', ceiling: '?', budget: '' });
  return {
    update(report) {
      const f = progressFigures(report, o, now() - started);
      if (o.total === null || report.read > o.total) bar.setTotal(Math.max(report.read, o.total ?? 0));
      bar.update(report.read, {
        speed: f.perSecond.toFixed(1), etaText: formatDuration(f.eta), calls: o.stats.calls,
        pace: (f.pace * 100).toFixed(0), ceiling: f.ceiling.toFixed(1), budget: f.budget,
      });
    },
    stop() { bar.stop(); },
  };
}
