// kill -9 in the middle of processing, then a restart: nothing lost, nothing doubled. With the
// SQLite queue (one instance) and with the PostgreSQL queue (two instances sharing it, one
// killed). `serve` runs as the real CLI in child processes against the emulator in this one.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';
import { createContact, HIGH_INTENT_CONTACT, setAnalytics, startFunctionEmulator, storedContact, taskIdsOf, type FunctionEmulator } from '../functions/helpers.ts';
import { buildStorm, deliverAll, metric, PUBLIC_URL, SECRET, waitFor } from './storm.ts';
import { postgresTestUrl } from './postgres.ts';

interface ServeChild { child: ChildProcessWithoutNullStreams; url: string; exited: Promise<unknown> }
const children: ChildProcessWithoutNullStreams[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const f of cleanups.splice(0).reverse()) await f();
});

async function startServeChild(fx: FunctionEmulator, queue: string): Promise<ServeChild> {
  const child = spawn(process.execPath, ['bin/lead-decisions.js', 'serve', '--port', '0', '--queue', queue, '--lease-seconds', '2', '--settle-ms', '0'], {
    cwd: ROOT,
    env: { ...process.env, ...fx.env, HUBSPOT_CLIENT_SECRET: SECRET, LEAD_DECISIONS_PUBLIC_URL: PUBLIC_URL, NODE_NO_WARNINGS: '1' },
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const url = await waitFor(`serve to listen (stderr: ${err})`, async () => {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${err}`);
    return /listening on (http:\/\/\S+)/.exec(out)?.[1];
  }, 30_000);
  return { child, url, exited };
}

/** A batch update reached the emulator: the worker is past its reads, before its tasks and completion. */
const wroteContacts = async (fx: FunctionEmulator) => fx.emu.requestLog.entries().some((e) => e.path === '/crm/v3/objects/contacts/batch/update');

const metricsOf = async (url: string) => (await fetch(`${url}/metrics`)).text();

async function setUpContacts(fx: FunctionEmulator): Promise<{ hot: string[]; cold: string[]; forged: string[] }> {
  const hot: string[] = [];
  const cold: string[] = [];
  for (let i = 0; i < 12; i++) hot.push(await createContact(fx, HIGH_INTENT_CONTACT(`crash${i}`)));
  for (let i = 0; i < 12; i++) cold.push(await createContact(fx, { email: `cold${i}@gmail.com`, jobtitle: 'Student' }));
  const forged = [await createContact(fx, { email: 'forged@example.org' })];
  return { hot, cold, forged };
}

function expectNothingLostNothingDoubled(fx: FunctionEmulator, c: { hot: string[]; cold: string[]; forged: string[] }): void {
  for (const id of [...c.hot, ...c.cold]) expect({ id, decided: Boolean(storedContact(fx.emu, id)['decision_key']) }).toEqual({ id, decided: true });
  for (const id of c.hot) expect({ id, tasks: taskIdsOf(fx, id).length }).toEqual({ id, tasks: 1 });
  for (const id of c.cold) expect(taskIdsOf(fx, id)).toHaveLength(0);
  for (const id of c.forged) expect(storedContact(fx.emu, id)['decision_key'] ?? null).toBeNull();
}

async function stormFor(fx: FunctionEmulator, c: { hot: string[]; cold: string[]; forged: string[] }) {
  const storm = buildStorm({ contacts: [...c.hot, ...c.cold], forgedContacts: c.forged, events: 1000, startAt: Date.now() - 60_000, seed: 3 });
  for (const [id, views] of storm.finalPageViews) setAnalytics(fx, id, { hs_analytics_num_page_views: String(views + 5), hs_analytics_last_visit_timestamp: new Date().toISOString() });
  return storm;
}

describe('kill -9 and restart', () => {
  it('SQLite queue: a killed instance restarted on the same file finishes the work, no task twice', async () => {
    const fx = await startFunctionEmulator({ contacts: 0, rateLimit: { enabled: false } });
    cleanups.push(() => fx.emu.close());
    const dir = mkdtempSync(join(tmpdir(), 'ld-crash-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const contacts = await setUpContacts(fx);
    const storm = await stormFor(fx, contacts);
    fx.emu.setFaults({ latencyMs: 100 });
    fx.emu.requestLog.clear();
    const queue = `sqlite:${join(dir, 'queue.sqlite')}`;
    const first = await startServeChild(fx, queue);
    const statuses = await deliverAll([first.url], storm.deliveries);
    expect(statuses.filter((s) => s === 401)).toHaveLength(storm.deliveries.filter((d) => d.forged).length);
    // The most dangerous moment: contacts written, tasks about to be created, nothing completed.
    await waitFor('a batch update', async () => wroteContacts(fx));
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await startServeChild(fx, queue);
    await waitFor('the queue to drain after the restart', async () => metric(await metricsOf(second.url), 'queue_depth') === 0, 40_000);
    // The killed instance left work behind, and the restarted one did it.
    expect(metric(await metricsOf(second.url), 'contacts_rescored_total')).toBeGreaterThan(0);
    expectNothingLostNothingDoubled(fx, contacts);
  }, 90_000);

  const pgUrl = postgresTestUrl('the PostgreSQL queue crash test');
  it.skipIf(!pgUrl)('PostgreSQL queue: two instances share it; one killed mid-batch, the other and its restart finish, no task twice', async () => {
    const url = pgUrl!;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS lead_decisions CASCADE');
    await admin.end();
    const fx = await startFunctionEmulator({ contacts: 0, rateLimit: { enabled: false } });
    cleanups.push(() => fx.emu.close());
    const contacts = await setUpContacts(fx);
    const storm = await stormFor(fx, contacts);
    fx.emu.setFaults({ latencyMs: 100 });
    fx.emu.requestLog.clear();
    const a = await startServeChild(fx, url);
    const b = await startServeChild(fx, url);
    const statuses = await deliverAll([a.url, b.url], storm.deliveries);
    expect(statuses.filter((s) => s === 401)).toHaveLength(storm.deliveries.filter((d) => d.forged).length);
    expect(statuses.filter((s) => s === 200)).toHaveLength(storm.deliveries.filter((d) => !d.forged).length);
    await waitFor('a batch update', async () => wroteContacts(fx));
    a.child.kill('SIGKILL');
    await a.exited;
    const restarted = await startServeChild(fx, url);
    await waitFor('the shared queue to drain', async () => metric(await metricsOf(b.url), 'queue_depth') === 0, 60_000);
    const rescoredByB = metric(await metricsOf(b.url), 'contacts_rescored_total');
    const rescoredByRestart = metric(await metricsOf(restarted.url), 'contacts_rescored_total');
    expect(rescoredByB + rescoredByRestart).toBeGreaterThan(0);
    expectNothingLostNothingDoubled(fx, contacts);
  }, 120_000);
});
