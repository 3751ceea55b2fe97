// `serve` figures against the emulator: HubSpot calls per 100 webhook events (target ≤ 4) in a
// page-view storm, events per second accepted (until every delivery got its 200) and processed
// (until the queue drained), and the workflow action's answer latency (p50/p99).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figures } from './run.ts';
import { functionConfig } from '../lib/functions/shell.ts';
import { startServe } from '../lib/server/index.ts';
import { signV2 } from '../lib/server/signatures.ts';
import { createContact, HIGH_INTENT_CONTACT, startFunctionEmulator } from '../test/functions/helpers.ts';
import { buildStorm, deliverAll, PUBLIC_URL, SECRET, waitFor } from '../test/server/storm.ts';

const CONTACTS = 100;
const EVENTS = 2_000;
const ACTIONS = 200;

const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};

interface StormRun { calls: number; sent: number; copies: number; deliveries: number; refused: number; acceptedS: number; processedS: number; rescored: number; ids: string[] }

async function stormRun(processing: 'batch' | 'single', events: number, after?: (serveUrl: string, ids: string[]) => Promise<void>): Promise<StormRun> {
  const fx = await startFunctionEmulator({ contacts: 0, rateLimit: { enabled: false } });
  const dir = mkdtempSync(join(tmpdir(), 'ld-serve-bench-'));
  const serve = await startServe({
    port: 0, queue: { kind: 'sqlite', file: join(dir, 'queue.sqlite') }, config: functionConfig(), settleMs: 500, idleMs: 20, processing,
    env: { ...fx.env, HUBSPOT_CLIENT_SECRET: SECRET, LEAD_DECISIONS_PUBLIC_URL: PUBLIC_URL },
  });
  try {
    const ids: string[] = [];
    for (let i = 0; i < CONTACTS; i++) ids.push(await createContact(fx, i % 4 === 0 ? HIGH_INTENT_CONTACT(`bench${i}`) : { email: `lead${i}@example${i % 7}.com`, jobtitle: 'Engineer' }));
    const storm = buildStorm({ contacts: ids, forgedContacts: [], events, startAt: Date.now() - 60_000, seed: 5 });
    const deliveries = storm.deliveries.filter((d) => !d.forged);
    const sent = deliveries.reduce((n, d) => n + d.events.length, 0);
    fx.emu.requestLog.clear();
    const started = performance.now();
    const statuses = await deliverAll([serve.url], deliveries);
    const accepted = performance.now();
    await waitFor('the queue to drain', async () => (await serve.queue.depth()) === 0 && serve.metrics.get('contacts_rescored_total') >= CONTACTS, 120_000);
    const processed = performance.now();
    const run: StormRun = {
      calls: fx.emu.requestLog.entries().length, sent, copies: storm.copies, deliveries: deliveries.length, refused: statuses.filter((x) => x !== 200).length,
      acceptedS: (accepted - started) / 1000, processedS: (processed - started) / 1000, rescored: serve.metrics.get('contacts_rescored_total'), ids,
    };
    await after?.(serve.url, ids);
    return run;
  } finally {
    await serve.close();
    await fx.emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function actionLatencies(serveUrl: string, ids: readonly string[]): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < ACTIONS; i++) {
    const body = JSON.stringify({ callbackId: `bench-${i}`, object: { objectId: Number(ids[i % ids.length]), objectType: 'CONTACT' }, inputFields: {} });
    const t = performance.now();
    const res = await fetch(`${serveUrl}/workflow-actions/decide`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hubspot-signature': signV2(SECRET, 'POST', `${PUBLIC_URL}/workflow-actions/decide`, body) } });
    await res.arrayBuffer();
    latencies.push(performance.now() - t);
  }
  return latencies;
}

const per100 = (calls: number, events: number) => Math.round((calls / events) * 100 * 100) / 100;

export async function run(): Promise<Figures> {
  let latencies: number[] = [];
  const batch = await stormRun('batch', EVENTS, async (url, ids) => { latencies = await actionLatencies(url, ids); });
  const single = await stormRun('single', EVENTS);
  // The least favourable case: one change per contact, nothing to coalesce.
  const spread = await stormRun('batch', CONTACTS);
  const note = `${batch.sent} events (${batch.copies} duplicates, reordered) for ${CONTACTS} contacts in ${batch.deliveries} deliveries; ${batch.refused} not 200`;
  return {
    'serve.hubspot_calls_per_100_events': { value: per100(batch.calls, batch.sent), unit: 'calls', note: `target ≤ 4; ${batch.calls} calls, ${batch.rescored} contact re-scores (batch re-score). ${note}` },
    'serve.hubspot_calls_per_100_events_single_baseline': { value: per100(single.calls, single.sent), unit: 'calls', note: `same storm, one contact at a time through the card's re-score: ${single.calls} calls, ${single.rescored} re-scores` },
    'serve.hubspot_calls_per_100_events_one_per_contact': { value: per100(spread.calls, spread.sent), unit: 'calls', note: `${spread.sent} events, one change per contact for ${CONTACTS} contacts (plus duplicates): nothing to coalesce; ${spread.calls} calls` },
    'serve.events_accepted_per_s': { value: Math.round(batch.sent / batch.acceptedS), unit: 'events/s', note: 'until every delivery was durably queued and answered 200 (4 concurrent deliveries, SQLite queue)' },
    'serve.events_processed_per_s': { value: Math.round(batch.sent / batch.processedS), unit: 'events/s', note: 'until the queue drained, re-scores included (500 ms coalescing window)' },
    'serve.workflow_action_p50_ms': { value: percentile(latencies, 50), unit: 'ms', note: `${ACTIONS} Decide lead calls, one after another, against the emulator` },
    'serve.workflow_action_p99_ms': { value: percentile(latencies, 99), unit: 'ms' },
  };
}
