// `lead-decisions provision` against the emulator: creates what is missing, changes nothing on a
// re-run, reports (never clobbers) a conflicting definition, and a dry run writes nothing.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { createHubSpotGateway } from '../../lib/adapters/hubspot/gateway.ts';
import { runProvision } from '../../lib/provision/outcome.ts';
import { contractPropertyDefinitions } from '../../lib/provision/definitions.ts';
import { functionConfig } from '../../lib/functions/shell.ts';

const root = join(import.meta.dirname, '../..');
const tracks = functionConfig().classification.tracks;
const wanted = contractPropertyDefinitions(tracks);
const TOKEN = 'provision-test-token';

const running: RunningEmulator[] = [];
afterEach(async () => { await Promise.all(running.splice(0).map((e) => e.close())); });

async function emulator(): Promise<{ emu: RunningEmulator; provision: (dryRun?: boolean) => ReturnType<typeof runProvision>; writes: () => string[] }> {
  const emu = await startEmulator({ port: 0, db: ':memory:' });
  running.push(emu);
  const admin = createHubSpotGateway({ accessToken: TOKEN, basePath: emu.url, retries: 3 });
  return {
    emu,
    provision: (dryRun = false) => runProvision(admin, tracks, dryRun),
    writes: () => emu.requestLog.entries().filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path}`),
  };
}

describe('provision (in process)', () => {
  it('a first run creates the lead_decisions group and every contract property, as defined', async () => {
    const { emu, provision } = await emulator();
    const outcome = await provision();
    expect(outcome.exitCode).toBe(0);
    expect(outcome.lines.at(-1)).toBe(`Created ${wanted.length} properties and the lead_decisions group; 0 already in place.`);
    expect(outcome.report.created).toEqual(wanted.map((d) => d.name));
    expect(emu.store.properties.getGroup('contacts', 'lead_decisions')).toMatchObject({ name: 'lead_decisions', label: 'Lead Decisions' });
    for (const want of wanted) {
      const have = emu.store.properties.get('contacts', want.name);
      expect({ name: want.name, type: have?.type, groupName: have?.groupName, options: have?.options.map((o) => o.value) })
        .toEqual({ name: want.name, type: want.type, groupName: 'lead_decisions', options: (want.options ?? []).map((o) => o.value) });
    }
  });

  it('a second run says "Nothing to do" and writes nothing', async () => {
    const { emu, provision, writes } = await emulator();
    await provision();
    emu.requestLog.clear();
    const again = await provision();
    expect(again).toMatchObject({ exitCode: 0, report: { created: [], groupCreated: false, conflicts: [] } });
    expect(again.lines.at(-1)).toBe(`Nothing to do: all ${wanted.length} properties are already in place.`);
    expect(writes()).toEqual([]);
  });

  it('a conflicting definition is reported with exit code 1 and left untouched; the rest is created', async () => {
    const { emu, provision } = await emulator();
    const client = new Client({ accessToken: TOKEN, basePath: emu.url, numberOfApiCallRetries: 3 });
    await client.crm.properties.coreApi.create('contacts', { name: 'intent_score', label: 'Intent (ours)', type: 'string', fieldType: 'text', groupName: 'contactinformation' } as never);
    const outcome = await provision();
    expect(outcome.exitCode).toBe(1);
    expect(outcome.lines).toContain('CONFLICT intent_score: exists with type "string", expected "number"; left as it is');
    expect(outcome.lines).toContain('Some existing definitions differ from what Lead Decisions needs. They were left untouched; fix them in HubSpot (Settings → Properties) and run provision again.');
    expect(emu.store.properties.get('contacts', 'intent_score')).toMatchObject({ type: 'string', label: 'Intent (ours)', groupName: 'contactinformation' });
    expect(outcome.report.created).toEqual(wanted.map((d) => d.name).filter((n) => n !== 'intent_score'));
  });

  it('an enumeration missing options we write is reported with exit code 1 and left untouched', async () => {
    const { emu, provision } = await emulator();
    await provision();
    const track = emu.store.properties.get('contacts', 'content_track')!;
    emu.store.properties.update('contacts', 'content_track', { options: track.options.slice(0, 1) });
    const outcome = await provision();
    const missing = tracks.slice(1).map((t) => t.id);
    expect(outcome.lines).toContain(`MISSING  content_track: lacks options ${missing.join(', ')} (add them in HubSpot; left as it is)`);
    expect(outcome.exitCode).toBe(1);
    expect(emu.store.properties.get('contacts', 'content_track')!.options.map((o) => o.value)).toEqual([tracks[0]!.id]);
  });

  it('a dry run counts a missing option as a conflict, agreeing with its exit code 1', async () => {
    const { emu, provision } = await emulator();
    await provision();
    const track = emu.store.properties.get('contacts', 'content_track')!;
    emu.store.properties.update('contacts', 'content_track', { options: track.options.slice(0, 1) });
    const outcome = await provision(true);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.lines.at(-2)).toBe(`Dry run: 0 to create, ${wanted.length - 1} already in place, 1 conflict(s). Nothing was written.`);
  });

  it('--dry-run lists what it would create and writes nothing', async () => {
    const { emu, provision, writes } = await emulator();
    const outcome = await provision(true);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.lines.filter((l) => l.startsWith('create   '))).toHaveLength(wanted.length);
    expect(outcome.lines.at(-1)).toBe(`Dry run: ${wanted.length} to create, 0 already in place, 0 conflict(s). Nothing was written.`);
    expect(writes()).toEqual([]);
    expect(emu.store.properties.get('contacts', 'intent_score')).toBeUndefined();
    expect(emu.store.properties.getGroup('contacts', 'lead_decisions')).toBeUndefined();
  });
});

interface CliResult { code: number; stdout: string; stderr: string }
const execFileAsync = promisify(execFile);
/** Runs the real bin asynchronously, so the emulator in this process keeps answering. */
async function cli(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [join(root, 'bin/lead-decisions.js'), ...args], { cwd: root, env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('lead-decisions provision (the real CLI)', () => {
  it('creates everything with exit code 0, then finds nothing to do; no token is exit code 2 with a clear message', async () => {
    const { emu } = await emulator();
    const env = { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emu.url };
    const [first, noToken] = await Promise.all([cli(['provision'], env), cli(['provision'], { HUBSPOT_BASE_URL: emu.url })]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout.trim().split('\n').at(-1)).toBe(`Created ${wanted.length} properties and the lead_decisions group; 0 already in place.`);
    // Where, before anything is written.
    expect(first.stdout.split('\n')[0]).toBe(`Provisioning the contact properties at ${emu.url}`);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr.trim()).toBe('No HubSpot access token: set HUBSPOT_ACCESS_TOKEN (or PRIVATE_APP_ACCESS_TOKEN inside HubSpot).');

    const again = await cli(['provision'], env);
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout.trim().split('\n').at(-1)).toBe(`Nothing to do: all ${wanted.length} properties are already in place.`);
    expect(again.stdout).not.toContain(TOKEN);
  });
});
