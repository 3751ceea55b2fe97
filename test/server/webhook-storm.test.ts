// 1,000 page-view events for 40 contacts, 30% duplicated, reordered, 5% of the deliveries
// forged, delivered to a real `serve` (SQLite queue) in front of the emulator. The end state must
// be what one re-score per contact of the final CRM values gives, with one task per hot lead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depsFromEnv } from '../../lib/functions/adapters.ts';
import { functionConfig } from '../../lib/functions/shell.ts';
import { startServe, type RunningServe } from '../../lib/server/index.ts';
import { rescoreContact } from '../../lib/services/rescore.ts';
import { createContact, HIGH_INTENT_CONTACT, setAnalytics, SOFTWARE_COMPANY, startFunctionEmulator, storedContact, taskIdsOf, type FunctionEmulator } from '../functions/helpers.ts';
import { buildStorm, deliverAll, metric, PUBLIC_URL, SECRET, waitFor, type Storm } from './storm.ts';

const NOW = new Date();
let fx: FunctionEmulator;
let serve: RunningServe;
let dir: string;
let contacts: string[];
let hot: string[];
let forged: string[];
let storm: Storm;
let statuses: number[];

beforeAll(async () => {
  // The rate limit is the bench's subject (calls per 100 events), not this test's.
  fx = await startFunctionEmulator({ contacts: 0, rateLimit: { enabled: false } });
  hot = [];
  for (let i = 0; i < 20; i++) hot.push(await createContact(fx, HIGH_INTENT_CONTACT(`storm${i}`), i === 0 ? SOFTWARE_COMPANY : undefined));
  const cold: string[] = [];
  for (let i = 0; i < 20; i++) cold.push(await createContact(fx, { email: `reader${i}@gmail.com`, firstname: 'Sam', jobtitle: 'Student' }));
  forged = [];
  for (let i = 0; i < 5; i++) forged.push(await createContact(fx, { email: `forged${i}@example.org`, jobtitle: 'CEO' }));
  contacts = [...hot, ...cold];
  storm = buildStorm({ contacts, forgedContacts: forged, events: 1000, startAt: NOW.getTime() - 60_000, seed: 7 });
  // HubSpot already holds the newest values when the webhooks arrive.
  for (const [id, views] of storm.finalPageViews) setAnalytics(fx, id, { hs_analytics_num_page_views: String(views + 5), hs_analytics_last_visit_timestamp: NOW.toISOString() });
  dir = mkdtempSync(join(tmpdir(), 'ld-storm-'));
  serve = await startServe({
    port: 0, queue: { kind: 'sqlite', file: join(dir, 'queue.sqlite') }, config: functionConfig(), now: () => NOW, settleMs: 4000, idleMs: 50,
    env: { ...fx.env, HUBSPOT_CLIENT_SECRET: SECRET, LEAD_DECISIONS_PUBLIC_URL: PUBLIC_URL },
  });
  statuses = await deliverAll([serve.url], storm.deliveries);
  await waitFor('the queue to drain', async () => (await serve.queue.depth()) === 0 && serve.metrics.get('contacts_rescored_total') >= contacts.length);
}, 60_000);

afterAll(async () => {
  await serve?.close();
  await fx?.emu.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a webhook storm through serve (SQLite queue)', () => {
  it('rejects every forged delivery with 401 and accepts every signed one with 200', () => {
    const forgedStatuses = statuses.filter((_, i) => storm.deliveries[i]!.forged);
    const signedStatuses = statuses.filter((_, i) => !storm.deliveries[i]!.forged);
    expect(forgedStatuses.length).toBeGreaterThan(0);
    expect(new Set(forgedStatuses)).toEqual(new Set([401]));
    expect(new Set(signedStatuses)).toEqual(new Set([200]));
    expect(serve.metrics.get('signatures_rejected_total')).toBe(forgedStatuses.length);
  });

  it('queued nothing from forged deliveries: those contacts were never decided', () => {
    for (const id of forged) expect(storedContact(fx.emu, id)['decision_key'] ?? null).toBeNull();
  });

  it('drops every copy as a duplicate and older changes as stale; each event counted once', () => {
    const m = serve.metrics;
    expect(m.get('duplicates_dropped_total')).toBe(storm.copies);
    expect(m.get('stale_dropped_total')).toBeGreaterThan(0);
    expect(m.get('events_applied_total') + m.get('stale_dropped_total')).toBe(storm.uniqueEvents);
  });

  it('decides each contact once for its whole storm (coalesced)', () => {
    expect(serve.metrics.get('contacts_rescored_total')).toBe(contacts.length);
  });

  it('ends where one re-score of the final values ends: re-scoring again changes nothing and creates no task', async () => {
    const deps = depsFromEnv(fx.env, functionConfig());
    for (const id of contacts) {
      expect(storedContact(fx.emu, id)['decision_key']).toBeTruthy();
      const again = await rescoreContact(id, { ...deps, clock: { now: () => NOW } });
      expect({ id, changed: again.changed, taskCreated: again.taskCreated }).toEqual({ id, changed: false, taskCreated: false });
    }
  });

  it('creates exactly one follow-up task per hot lead and none for the others', () => {
    for (const id of hot) expect(taskIdsOf(fx, id)).toHaveLength(1);
    for (const id of contacts.filter((c) => !hot.includes(c))) expect(taskIdsOf(fx, id)).toHaveLength(0);
  });

  it('reports the same figures on /metrics', async () => {
    const text = await (await fetch(`${serve.url}/metrics`)).text();
    expect(metric(text, 'duplicates_dropped_total')).toBe(storm.copies);
    expect(metric(text, 'queue_depth')).toBe(0);
    expect(metric(text, 'hubspot_calls_total')).toBeGreaterThan(0);
  });
});
