// `lead-decisions rescore` scopes, dry run, errors file, the daily limit and usage errors on a small
// emulator portal (in process, the real HubSpot adapter over HTTP), plus two runs of the real bin.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { createHubSpotGateway } from '../../lib/adapters/index.ts';
import { runProvision } from '../../lib/cli/commands/provision.ts';
import { runRescore, type RescoreRequest } from '../../lib/cli/rescore/run.ts';
import { loadConfig } from '../../lib/config/load.ts';
import type { Config } from '../../lib/core/config.ts';
import { WRITABLE_PROPERTIES } from '../../lib/core/contract.ts';
import { ROOT } from '../support/cli.ts';

const TOKEN = 'rescore-cli-token';
const NOW = new Date('2026-11-27T09:00:00.000Z');
let emu: RunningEmulator;
let config: Config;
let dir: string;
let ids: string[];

beforeAll(async () => {
  const loaded = await loadConfig();
  if (!loaded.ok) throw new Error(loaded.message);
  config = loaded.config;
  dir = mkdtempSync(join(tmpdir(), 'rescore-cli-'));
  emu = await startEmulator({ port: 0, db: ':memory:', seed: 9, contacts: 300, rateLimit: { enabled: false } });
  await runProvision(createHubSpotGateway({ accessToken: TOKEN, basePath: emu.url, retries: 0 }), config.classification.tracks);
  ids = emu.store.list('contacts', { limit: 400, after: 0, archived: false, properties: ['email'] }).results.map((c) => c.id);
});
afterAll(async () => {
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const stderr = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), stderr } };
}

let n = 0;
const request = (extra: Partial<RescoreRequest>): RescoreRequest => ({
  resume: false, dryRun: false, history: true, now: NOW, rate: { max: 100_000, intervalMs: 10_000 },
  checkpointFile: join(dir, `run-${n++}.sqlite`), config, token: TOKEN, basePath: emu.url,
  retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 }, ...extra,
});
const tiers = () => emu.store.list('contacts', { limit: 400, after: 0, archived: false, properties: ['routing_tier'] }).results.map((c) => c.properties['routing_tier'] ?? null);
/** Each contact's written properties (the seed already decided some, by older rules). */
const written = () => new Map(emu.store.list('contacts', { limit: 400, after: 0, archived: false, properties: [...WRITABLE_PROPERTIES] }).results
  .map((c) => [c.id, JSON.stringify(WRITABLE_PROPERTIES.map((p) => c.properties[p] ?? null))]));
const changedIds = (before: Map<string, string>) => [...written()].filter(([id, v]) => before.get(id) !== v).map(([id]) => id);

describe('rescore', () => {
  it('--dry-run prints the counts and a sample and writes nothing', async () => {
    const before = written();
    const tasks = emu.store.list('tasks', { limit: 1000, after: 0, archived: false, properties: [] }).results.length;
    const o = io();
    expect(await runRescore(request({ scope: { kind: 'all' }, dryRun: true }), o.io)).toBe(0);
    expect(o.out[0]).toMatch(/^Dry run — read 300, would change 300, unchanged 0, tasks \d+ \(would be created\), errors 0/);
    expect(o.out[1]).toBe('Sample:');
    expect(o.out[2]).toMatch(/^ {2}contact \d+: (high|medium|low) \(lead score \d+\); writes /);
    expect(changedIds(before)).toEqual([]);
    expect(emu.store.list('tasks', { limit: 1000, after: 0, archived: false, properties: [] }).results).toHaveLength(tasks);
  });

  it('--ids re-scores exactly the listed contacts and names the missing one in --errors', async () => {
    const before = written();
    const o = io();
    const errorsFile = join(dir, 'errors.jsonl');
    const scope = { kind: 'ids' as const, ids: [ids[0]!, ids[5]!, '987654321'], file: 'ids.txt' };
    expect(await runRescore(request({ scope, errorsFile }), o.io)).toBe(1);
    expect(o.out[0]).toMatch(/^read 2, changed 2, unchanged 0, tasks \d+, errors 1/);
    expect(readFileSync(errorsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      { contactId: '987654321', code: 'not_found', message: 'contact 987654321 does not exist (or was deleted)' },
    ]);
    expect(changedIds(before).sort()).toEqual([ids[0]!, ids[5]!].sort());
  });

  it('--where re-scores only the matching contacts (search by id cursor)', async () => {
    const leads = emu.store.list('contacts', { limit: 400, after: 0, archived: false, properties: ['lifecyclestage'] }).results.filter((c) => c.properties['lifecyclestage'] === 'lead');
    const o = io();
    const scope = { kind: 'search' as const, filters: [{ propertyName: 'lifecyclestage', operator: 'EQ' as const, value: 'lead' }], where: ['lifecyclestage=lead'] };
    expect(await runRescore(request({ scope }), o.io)).toBe(0);
    expect(o.out[0]).toMatch(new RegExp(`^read ${leads.length},`));
  });

  it('--all then --since: the second run reads only what changed since', async () => {
    expect(await runRescore(request({ scope: { kind: 'all' } }), io().io)).toBe(0);
    expect(tiers().every((t) => t !== null)).toBe(true);
    const since = new Date(Date.now() + 1000).toISOString();
    await new Promise((r) => setTimeout(r, 1100));
    emu.store.updateContact(ids[7]!, { jobtitle: 'Chief Executive Officer' });
    const o = io();
    const scope = { kind: 'search' as const, filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE' as const, value: String(Date.parse(since)) }], since, where: [] };
    expect(await runRescore(request({ scope }), o.io)).toBe(0);
    expect(o.out[0]).toMatch(/^read 1, changed 1, unchanged 0/);
  });

  it('stops cleanly on the daily limit, says when to resume, and --resume finishes', async () => {
    const checkpointFile = join(dir, 'daily.sqlite');
    emu.setRateLimit({ enabled: true, burstPer10s: 100_000, daily: 8 });
    const o = io();
    try {
      expect(await runRescore(request({ scope: { kind: 'all' }, checkpointFile }), o.io)).toBe(1);
    } finally {
      emu.setRateLimit({ enabled: false, daily: 1_000_000 });
    }
    expect(o.err.at(-1)).toMatch(/^Stopped: HubSpot's daily API limit is used up \(during ".+"\)\. Resume after \d{4}-\d\d-\d\dT00:00:00\.000Z .*Run `lead-decisions rescore --resume --checkpoint .+` then/);
    const resumed = io();
    expect(await runRescore(request({ resume: true, checkpointFile }), resumed.io)).toBe(0);
    expect(resumed.err[0]).toMatch(/^Resuming run 1 after \d+ contacts\./);
    expect(resumed.out[0]).toMatch(/^read 300,/);
  });

  it('refuses a token HubSpot does not accept with exit 2', async () => {
    const locked = await startEmulator({ port: 0, db: ':memory:', token: 'the-right-one' });
    try {
      const o = io();
      expect(await runRescore(request({ scope: { kind: 'all' }, basePath: locked.url }), o.io)).toBe(2);
      expect(o.err[0]).toMatch(/^HubSpot refused the access token \(HTTP 401\)/);
    } finally {
      await locked.close();
    }
  });
});

describe('the rescore bin', () => {
  const bin = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['bin/lead-decisions.js', 'rescore', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_NO_WARNINGS: '1', ...env } });

  it.each([
    [[], 'Say which contacts to re-score: --all, --since ISO, --ids FILE or --where "property=value".'],
    [['--all', '--rate', 'fast'], '--rate "fast" must look like 190/10s (requests per interval: ms, s or m; at least 1 request per 100 ms or more).'],
    [['--resume', '--all'], '--resume continues the saved run with its own scope: leave out --all/--since/--ids/--where.'],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const r = bin(args, { HUBSPOT_ACCESS_TOKEN: 'x' });
    expect(r.stderr.trim()).toBe(message);
    expect(r.status).toBe(2);
  });

  it('reads --ids from a file and exits 2 on a bad line, naming it', () => {
    const file = join(dir, 'bad-ids.txt');
    writeFileSync(file, '101\nnot-an-id\n');
    const r = bin(['--ids', file], { HUBSPOT_ACCESS_TOKEN: 'x' });
    expect(r.stderr.trim()).toBe(`${file}:2: "not-an-id" is not a contact id (one numeric id per line).`);
    expect(r.status).toBe(2);
  });
});
