// `lead-decisions rescore --all` on the emulator with 10,000 contacts: a run through 10% 5xx and
// 5% 429 ends in the same CRM state as a fault-free run, with no duplicate task; a run killed
// with SIGKILL mid-way and then `--resume`d (the real CLI, as child processes) ends the same too.
// Rates are generous so the suite stays fast; pacing itself is tested in rescore-pacer.test.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { createHubSpotGateway } from '../../lib/adapters/index.ts';
import { runProvision } from '../../lib/cli/commands/provision.ts';
import { runRescore, type RescoreRequest } from '../../lib/cli/rescore/run.ts';
import { loadConfig } from '../../lib/config/load.ts';
import type { Config } from '../../lib/core/config.ts';
import { runCli } from '../support/cli.ts';
import { crmState as crmStateOf, firstDifference, type CrmState } from '../support/crm-state.ts';

const CONTACTS = 10_000;
const SEED = 21;
const NOW = '2026-11-27T09:00:00.000Z';
const FAST_RETRY = { attempts: 8, baseDelayMs: 5, maxDelayMs: 50 };
const TOKEN = 'rescore-test-token';

let config: Config;
let dir: string;
const emulators: RunningEmulator[] = [];

beforeAll(async () => {
  const loaded = await loadConfig();
  if (!loaded.ok) throw new Error(loaded.message);
  config = loaded.config;
  dir = mkdtempSync(join(tmpdir(), 'rescore-'));
});
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function portal(): Promise<RunningEmulator> {
  const emu = await startEmulator({ port: 0, db: ':memory:', seed: SEED, contacts: CONTACTS, rateLimit: { burstPer10s: 1_000_000 } });
  emulators.push(emu);
  await runProvision(createHubSpotGateway({ accessToken: TOKEN, basePath: emu.url, retries: 0 }), config.classification.tracks);
  return emu;
}

const crmState = (emu: RunningEmulator) => crmStateOf(emu.store, CONTACTS);

const markers = (tasks: string[]) => tasks.map((t) => /\[lead-decisions:[^\]]+\]/.exec(t)?.[0]);

const request = (emu: RunningEmulator, file: string, extra: Partial<RescoreRequest> = {}): RescoreRequest => ({
  scope: { kind: 'all' }, resume: false, dryRun: false, history: true, now: new Date(NOW), rate: { max: 1_000_000, intervalMs: 10_000 },
  checkpointFile: join(dir, file), config, token: TOKEN, basePath: emu.url, retry: FAST_RETRY, ...extra,
});

const quiet = () => {
  const lines: string[] = [];
  // Not a TTY: the plain progress lines go to the test's buffer, not the terminal.
  const stderr = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), stderr } };
};

describe('rescore --all on 10,000 contacts', () => {
  let reference: CrmState;

  beforeAll(async () => {
    const emu = await portal();
    const { io, lines } = quiet();
    expect(await runRescore(request(emu, 'clean.sqlite'), io), lines.join('\n')).toBe(0);
    reference = crmState(emu);
  }, 180_000);

  it('scores everyone and creates each task once on a fault-free run', () => {
    expect(reference.contacts).toHaveLength(CONTACTS);
    expect(reference.contacts.every((c) => ['high', 'medium', 'low'].includes(String(c['routing_tier'])))).toBe(true);
    expect(reference.tasks.length).toBeGreaterThan(0);
    expect(new Set(markers(reference.tasks)).size).toBe(reference.tasks.length);
  });

  it('ends in the same state through 10% 5xx and 5% 429, with no duplicate task', async () => {
    const emu = await portal();
    emu.setFaults({ errorRate: 0.1, throttleRate: 0.05, seed: 5 });
    const { io, lines } = quiet();
    const errorsFile = join(dir, 'faulty-errors.jsonl');
    const code = await runRescore(request(emu, 'faulty.sqlite', { errorsFile }), io);
    emu.setFaults({ errorRate: 0, throttleRate: 0 });
    expect(code, lines.join('\n')).toBe(0);
    expect(readFileSync(errorsFile, 'utf8')).toBe('');
    const statuses = emu.requestLog.entries().map((e) => e.status);
    expect(statuses.filter((s) => s >= 500).length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(5);
    expect(lines.at(-1)).toMatch(new RegExp(`^read ${CONTACTS}, changed ${CONTACTS}, unchanged 0, tasks ${reference.tasks.length}, errors 0`));
    const state = crmState(emu);
    expect(state, firstDifference(state, reference)).toEqual(reference);
  }, 180_000);

  it('after kill -9 mid-run, --resume finishes with the same state and no repeated side effect', async () => {
    const emu = await portal();
    const checkpoint = join(dir, 'killed.sqlite');
    const args = ['--checkpoint', checkpoint, '--now', NOW, '--rate', '80/1s'];
    const first = cli(emu, ['rescore', '--all', ...args]);
    // Killed once a few batches are checkpointed and written, well before the end.
    await until(() => progressOf(checkpoint) >= 1500, 120_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const written = progressOf(checkpoint);
    expect(written).toBeLessThan(CONTACTS);

    const second = cli(emu, ['rescore', '--resume', '--checkpoint', checkpoint]);
    expect(await second.exited, second.output()).toBe(0);
    expect(second.output()).toMatch(/Resuming run 1 after \d+ contacts/);
    const state = crmState(emu);
    expect(state, `${firstDifference(state, reference)} (killed after ${written} contacts)`).toEqual(reference);
    // Resuming again finds nothing left to do.
    const third = cli(emu, ['rescore', '--resume', '--checkpoint', checkpoint]);
    expect(await third.exited).toBe(0);
    expect(third.output()).toMatch(/Nothing to resume/);
  }, 180_000);
});

/** The real bin against this HubSpot, its stdout and stderr read together. */
function cli(emu: RunningEmulator, args: string[]) {
  const run = runCli(args, { HUBSPOT_BASE_URL: emu.url, HUBSPOT_ACCESS_TOKEN: TOKEN });
  return { child: run.child, exited: run.exited, output: () => run.output().out + run.output().err };
}

/** Contacts read as of the run's last checkpoint (0 before the first). */
function progressOf(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT report FROM runs ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
      return row ? (JSON.parse(row) as { read: number }).read : 0;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or busy
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the run to progress');
    await new Promise((r) => setTimeout(r, 50));
  }
}
