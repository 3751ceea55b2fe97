// App-function figures: HubSpot calls and sequential round trips per rescore_contact (target ≤ 4
// round trips), what a repeat costs, each committed bundle's size, and its cold start in a fresh
// Node process (require, then the first main() call against the emulator).
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Figures } from './run.ts';
import { handleRescore } from '../lib/functions/rescore_contact.ts';
import { functionsDist, functionUids } from '../scripts/function-bundles.ts';
import { callsIn, sequentialDepth, startFunctionEmulator, type FunctionEmulator } from '../test/functions/helpers.ts';

const CONTACTS = 50;
/** Added to every emulator answer so that concurrent requests overlap in the request log. */
const LATENCY_MS = 20;
const COLD_RUNS = 3;
const WRITES = /^(PATCH|POST \/crm\/v3\/objects\/tasks$)/;

interface Pass { calls: number[]; depths: number[]; writes: number; failed: number; tasks: number }

async function rescoreAll(fx: FunctionEmulator, ids: readonly string[]): Promise<Pass> {
  const pass: Pass = { calls: [], depths: [], writes: 0, failed: 0, tasks: 0 };
  for (const contactId of ids) {
    fx.emu.requestLog.clear();
    const reply = await handleRescore({ parameters: { contactId } }, fx.env);
    const entries = fx.emu.requestLog.entries();
    if (!reply.ok) pass.failed++;
    else if (reply.taskCreated) pass.tasks++;
    pass.calls.push(entries.length);
    pass.depths.push(sequentialDepth(entries, LATENCY_MS / 2));
    pass.writes += callsIn(entries).filter((c) => WRITES.test(c)).length;
  }
  return pass;
}

const avg = (xs: readonly number[]): number => Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 100) / 100;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function callFigures(fx: FunctionEmulator): Promise<Figures> {
  const page = await fx.client.crm.contacts.basicApi.getPage(CONTACTS);
  const ids = page.results.map((c) => c.id);
  fx.emu.setFaults({ latencyMs: LATENCY_MS });
  const first = await rescoreAll(fx, ids);
  const repeat = await rescoreAll(fx, ids);
  fx.emu.setFaults({ latencyMs: 0 });
  const note = `${ids.length} seeded contacts, ${first.tasks} tasks created, ${first.failed + repeat.failed} failed`;
  return {
    'functions.rescore_api_calls_avg': { value: avg(first.calls), unit: 'calls', note },
    'functions.rescore_api_calls_max': { value: Math.max(...first.calls), unit: 'calls' },
    'functions.rescore_round_trips_avg': { value: avg(first.depths), unit: 'round trips' },
    'functions.rescore_round_trips_max': { value: Math.max(...first.depths), unit: 'round trips', note: 'target ≤ 4 (from request-log spans, emulator latency 20 ms)' },
    'functions.rescore_repeat_api_calls_avg': { value: avg(repeat.calls), unit: 'calls', note: 'identical second rescore' },
    'functions.rescore_repeat_round_trips_max': { value: Math.max(...repeat.depths), unit: 'round trips' },
    'functions.rescore_repeat_writes': { value: repeat.writes, unit: 'writes', note: 'PATCH or task create on the identical second pass (should be 0)' },
  };
}

const execFileAsync = promisify(execFile);

/** Requires the bundle in a fresh Node process and calls main() once, timing each. */
async function coldStart(uid: string, parameters: Record<string, unknown>, env: Record<string, string>): Promise<{ requireMs: number; firstCallMs: number; ok: boolean }> {
  const script = `const t0 = performance.now(); const fn = require(${JSON.stringify(join(functionsDist, `${uid}.js`))}); const t1 = performance.now();
    fn.main({ parameters: ${JSON.stringify(parameters)} }).then((r) => process.stdout.write(JSON.stringify({ requireMs: t1 - t0, firstCallMs: performance.now() - t1, ok: r.ok })));`;
  const { stdout } = await execFileAsync(process.execPath, ['-e', script], { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 });
  return JSON.parse(stdout) as { requireMs: number; firstCallMs: number; ok: boolean };
}

async function bundleFigures(fx: FunctionEmulator): Promise<Figures> {
  const page = await fx.client.crm.contacts.basicApi.getPage(1);
  const contactId = page.results[0]!.id;
  const figures: Figures = {};
  for (const uid of functionUids()) {
    const runs = [];
    for (let i = 0; i < COLD_RUNS; i++) runs.push(await coldStart(uid, { contactId }, fx.env));
    const okRuns = runs.filter((r) => r.ok).length;
    figures[`functions.${uid}.bundle_kib`] = { value: Math.round(statSync(join(functionsDist, `${uid}.js`)).size / 1024), unit: 'KiB' };
    figures[`functions.${uid}.cold_require_ms`] = { value: Math.round(median(runs.map((r) => r.requireMs))), unit: 'ms', note: `median of ${COLD_RUNS} fresh processes` };
    figures[`functions.${uid}.cold_first_call_ms`] = { value: Math.round(median(runs.map((r) => r.firstCallMs))), unit: 'ms', note: `against the local emulator, ${okRuns}/${COLD_RUNS} ok` };
  }
  return figures;
}

export async function run(): Promise<Figures> {
  // No rate limit: a 429 here would be the bench's own burst (two passes back to back), not a re-score's cost.
  const fx = await startFunctionEmulator({ contacts: CONTACTS, seed: 3, rateLimit: { enabled: false } });
  try {
    return { ...(await callFigures(fx)), ...(await bundleFigures(fx)) };
  } finally {
    await fx.emu.close();
  }
}
