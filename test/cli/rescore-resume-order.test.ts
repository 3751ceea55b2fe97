// `rescore --resume` after a kill -9 that landed between the update parts of one flush, written out
// of order (HubSpot received part 2 of the second batch, never part 1), while a capped rep fills up
// inside that batch: the resumed run must end exactly as an uninterrupted run (owners and tasks).
// The team is balanced (each lead goes to the rep furthest behind), so every assignment depends on
// the owner load the run believes in, in the interrupted batch and in the batch after it. The kill point is deterministic: a gate in front of the
// emulator holds parts 1 and 3 of the flush, lets part 2 through, and from then on answers nothing
// until the child process is gone; no timing decides what reached the portal.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulatorApp, EmulatorRuntime, EmulatorStore, seedIfEmpty } from '../../local/emulator/index.ts';
import { createHubSpotGateway } from '../../lib/adapters/index.ts';
import { runProvision } from '../../lib/cli/commands/provision.ts';
import { runRescore, type RescoreRequest } from '../../lib/cli/rescore/run.ts';
import { loadConfig } from '../../lib/config/load.ts';
import type { Config } from '../../lib/core/config.ts';
import { CONFIG_PATH, rawDefaultTeam } from '../core/helpers.ts';
import { runCli } from '../support/cli.ts';
import { crmState, firstDifference } from '../support/crm-state.ts';

const NOW = '2026-11-27T09:00:00.000Z';
const TOKEN = 'resume-order-token';
/** Three batches of the list source (500 + 500 + 100): the second batch's flush is 5 parts of 100. */
const CONTACTS = 1100;
const CAPPED = '201';
const OPEN = ['202', '203'];
/** Balanced 1:1:1, the capped rep has 200 after part 1 of batch 2: full halfway through part 2. */
const CAPACITY = 215;
const DAY = 86_400_000;

let dir: string;
let config: Config;
let configFile: string;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'resume-order-'));
  configFile = join(dir, 'decisions.json');
  copyFileSync(CONFIG_PATH, configFile);
  const team = rawDefaultTeam();
  Object.assign(team, {
    mode: 'balanced',
    owners: [
      { id: CAPPED, name: 'Ada Capped', email: 'ada@example.com', team: 'Sales', available: true, capacity: CAPACITY, pto: [] },
      { id: OPEN[0], name: 'Bo Open', email: 'bo@example.com', team: 'Sales', available: true, capacity: null, pto: [] },
      { id: OPEN[1], name: 'Cy Open', email: 'cy@example.com', team: 'Sales', available: true, capacity: null, pto: [] },
    ],
    pools: [{ id: 'everyone', members: [CAPPED, ...OPEN].map((ownerId) => ({ ownerId, weight: 1 })) }],
    territories: [],
    defaultPool: 'everyone',
    fallbackOwnerId: null,
    accountAliases: {},
  });
  writeFileSync(join(dir, 'team.json'), JSON.stringify(team));
  const loaded = await loadConfig(configFile);
  if (!loaded.ok) throw new Error(loaded.message);
  config = loaded.config;
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  rmSync(dir, { recursive: true, force: true });
});

interface Portal { url: string; store: EmulatorStore; ids: string[] }

/** An emulator with the two reps and CONTACTS unowned leads, each of its own account; every 8th a hot CEO (a task). */
async function portal(gate?: (req: Request, app: Hono) => Promise<Response>): Promise<Portal> {
  const store = new EmulatorStore(':memory:');
  seedIfEmpty(store, { contacts: 0, ownersConfig: join(dir, 'team.json') });
  const app = createEmulatorApp(store, { runtime: new EmulatorRuntime({ rateLimit: { burstPer10s: 1_000_000 } }) });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: (req) => (gate ? gate(req, app) : app.fetch(req)), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  closers.push(() => new Promise((resolve) => {
    server.close(() => { store.close(); resolve(); });
    if ('closeAllConnections' in server) server.closeAllConnections();
  }));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const created = Date.parse(NOW) - 3 * DAY;
  const ids = Array.from({ length: CONTACTS }, (_, i) => {
    const hot = i % 8 === 0;
    const r = store.createObjectAsUser('contacts', {
      email: `buyer${i}@account${i}.io`, firstname: `Buyer${i}`, jobtitle: hot ? 'CEO' : 'Software Engineer', country: 'Germany',
      hs_analytics_num_page_views: hot ? '25' : '2', num_conversion_events: hot ? '3' : '0', lifecyclestage: 'lead',
    }, { at: created });
    if (!r.ok) throw new Error(r.failure.message);
    if (hot) store.updateContact(r.value.id, { hs_analytics_num_page_views: '40', num_conversion_events: '4', recent_conversion_event_name: 'Demo request' }, { at: created + 2 * DAY });
    return String(r.value.id);
  });
  await runProvision(createHubSpotGateway({ accessToken: TOKEN, basePath: url, retries: 0 }), config.classification.tracks);
  return { url, store, ids };
}

/**
 * The kill point: batch updates whose first contact is in `held` never reach the portal; the one
 * starting with `written` does, and from its answer on nothing reaches the portal; after `reopen()`
 * (the client is dead) everything goes through.
 */
function outOfOrderGate(held: () => ReadonlySet<string>, written: () => string) {
  let state: 'armed' | 'cut' | 'open' = 'armed';
  let reached!: () => void;
  let reopen!: () => void;
  const killPoint = new Promise<void>((resolve) => { reached = resolve; });
  const reopened = new Promise<void>((resolve) => { reopen = resolve; });
  const refuse = async (): Promise<Response> => {
    await reopened; // the client is dead by then: nobody reads this answer
    return Response.json({ status: 'error', message: 'gate closed' }, { status: 503 });
  };
  return {
    killPoint,
    reopen(): void { state = 'open'; reopen(); },
    async fetch(req: Request, app: Hono): Promise<Response> {
      if (state === 'open') return app.fetch(req);
      if (state === 'cut') return refuse();
      if (req.method === 'POST' && new URL(req.url).pathname === '/crm/v3/objects/contacts/batch/update') {
        const first = ((await req.clone().json()) as { inputs: { id: string }[] }).inputs[0]?.id ?? '';
        if (held().has(first)) return refuse();
        if (first === written()) {
          const res = await app.fetch(req);
          state = 'cut';
          reached();
          return res;
        }
      }
      return app.fetch(req);
    },
  };
}

function request(p: Portal, file: string, extra: Partial<RescoreRequest> = {}): RescoreRequest {
  return {
    scope: { kind: 'all' }, resume: false, dryRun: false, history: true, now: new Date(NOW), rate: { max: 1_000_000, intervalMs: 10_000 },
    checkpointFile: join(dir, file), config, token: TOKEN, basePath: p.url, retry: { attempts: 8, baseDelayMs: 5, maxDelayMs: 50 }, ...extra,
  };
}

function quiet() {
  const lines: string[] = [];
  const stderr = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), stderr } };
}

/** The real bin against this HubSpot, its stdout and stderr read together. */
function cli(p: Portal, args: string[]) {
  const run = runCli(args, { HUBSPOT_BASE_URL: p.url, HUBSPOT_ACCESS_TOKEN: TOKEN });
  return { child: run.child, exited: run.exited, output: () => run.output().out + run.output().err };
}

const ownerOf = (p: Portal, index: number) => p.store.getContact(p.ids[index]!)?.properties['hubspot_owner_id'] ?? null;

describe('rescore --resume after a kill between update parts written out of order', () => {
  it('ends with the owners and tasks of an uninterrupted run while a capped rep fills up in the interrupted batch', async () => {
    const clean = await portal();
    const { io, lines } = quiet();
    expect(await runRescore(request(clean, 'clean.sqlite'), io), lines.join('\n')).toBe(0);
    const reference = crmState(clean.store, CONTACTS);
    // The scenario holds: the capped rep is full, and its last lead is in part 2 of the second batch.
    const capped = clean.ids.map((_, i) => i).filter((i) => ownerOf(clean, i) === CAPPED);
    expect(capped).toHaveLength(CAPACITY);
    expect(capped.at(-1)).toBeGreaterThanOrEqual(600);
    expect(capped.at(-1)).toBeLessThan(700);
    expect(reference.tasks.length).toBeGreaterThan(0);
    expect(reference.tasks.some((t) => t.startsWith(`${CAPPED}|`))).toBe(true);

    let target: Portal | null = null;
    const gate = outOfOrderGate(() => new Set([500, 700, 800, 900].map((i) => target!.ids[i]!)), () => target!.ids[600]!);
    target = await portal((req, app) => gate.fetch(req, app));
    const checkpoint = join(dir, 'killed.sqlite');
    const first = cli(target, ['rescore', '--all', '--checkpoint', checkpoint, '--now', NOW, '--rate', '100000/1s', '--config', configFile]);
    await Promise.race([gate.killPoint, first.exited.then(() => { throw new Error(`the run ended before the kill point:\n${first.output()}`); })]);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    gate.reopen();
    // What the kill left: batch 1 and part 2 of batch 2 written; the other parts of batch 2 and batch 3 not.
    expect(ownerOf(target, 499)).not.toBeNull();
    expect(ownerOf(target, 650)).not.toBeNull();
    expect([500, 599, 700, 999, 1000, 1099].map((i) => ownerOf(target, i))).toEqual([null, null, null, null, null, null]);

    const resumed = quiet();
    expect(await runRescore(request(target, 'killed.sqlite', { scope: undefined, resume: true, now: undefined }), resumed.io), resumed.lines.join('\n')).toBe(0);
    const state = crmState(target.store, CONTACTS);
    expect(state, firstDifference(state, reference)).toEqual(reference);
    expect(resumed.lines.join('\n')).toMatch(/Resuming run 1 after 1000 contacts \(500 decided updates to write first\)/);
  }, 120_000);
});
