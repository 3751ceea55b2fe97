// `lead-decisions dev` (what `npm start` runs) as a user runs it: the real bin, a db file
// kept between runs, Ctrl-C, and the errors a mistyped flag or a taken port give.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'lead-decisions-dev-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dev = (args: string[]) => runCli(['dev', ...args]);

interface ListedContact { id: string; name: string; tier: string | null; leadScore: number | null }
const listContacts = async (url: string, limit: number) => {
  const res = await fetch(`${url}/api/contacts?q=&limit=${limit}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { ok: boolean; contacts: ListedContact[] };
  expect(body.ok).toBe(true);
  return body.contacts;
};

describe('lead-decisions dev', () => {
  const db = join(dir, 'sandbox.sqlite');
  const args = ['--port', '0', '--emulator-port', '0', '--db', db, '--contacts', '50'];
  let firstRunIds: string[] = [];

  it('seeds, scores and serves the preview on the real ports, then exits 0 on SIGINT', async () => {
    const p = dev(args);
    const [, url, port] = await p.line(/sandbox ready: open (http:\/\/127\.0\.0\.1:(\d+))\n/);
    const [, emulatorUrl] = await p.line(/HUBSPOT_BASE_URL=(http:\/\/127\.0\.0\.1:\d+) HUBSPOT_ACCESS_TOKEN=local-dev-token\n/);
    expect(Number(port)).toBeGreaterThan(0);
    expect(emulatorUrl).not.toMatch(/:0$/);
    expect(p.output().err).toMatch(/Scored 50 contacts \(50 updated, 0 unchanged, \d+ tasks;/);

    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<html');

    const top = await listContacts(url!, 5);
    expect(top).toHaveLength(5);
    for (const c of top) {
      expect(['high', 'medium', 'low']).toContain(c.tier);
      expect(c.leadScore).toBeTypeOf('number');
    }
    const scores = top.map((c) => c.leadScore!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    firstRunIds = (await listContacts(url!, 200)).map((c) => c.id).sort();
    expect(firstRunIds).toHaveLength(50);

    const emulated = await fetch(`${emulatorUrl}/crm/v3/objects/contacts?limit=1`, { headers: { authorization: 'Bearer local-dev-token' } });
    expect(emulated.status).toBe(200);

    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
  });

  it('reuses the same db file on the next start: no re-seed, nothing to re-score', async () => {
    const p = dev(args);
    const [, url] = await p.line(/sandbox ready: open (http:\/\/127\.0\.0\.1:\d+)\n/);
    const { err } = p.output();
    expect(err).toContain('Nothing to do: all');
    expect(err).toContain('Scored 50 contacts (0 updated, 50 unchanged, 0 tasks;');
    expect((await listContacts(url!, 200)).map((c) => c.id).sort()).toEqual(firstRunIds);
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number, got "abc".'],
    [['--emulator-port', '-1'], '--emulator-port must be a whole number, got "-1".'],
    [['--port', '70000'], '--port must be a port from 0 to 65535 (0 picks a free one), got 70000.'],
    [['--contacts', 'many'], '--contacts must be a whole number, got "many".'],
    [['--config', '/nonexistent/decisions.json'], '/nonexistent/decisions.json: file not found'],
  ])('rejects %j with exit code 2 and says why', async (bad, message) => {
    const p = dev(['--db', ':memory:', ...bad]);
    expect(await p.exited).toBe(2);
    expect(p.output().err.trim()).toBe(message);
    expect(p.output().out).toBe('');
  });

  it('says a port is taken and exits 1, leaving nothing running', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const taken = (blocker.address() as { port: number }).port;
      const p = dev(['--port', String(taken), '--emulator-port', '0', '--db', ':memory:', '--contacts', '5']);
      expect(await p.exited).toBe(1);
      expect(p.output().err).toContain('A port is already in use');
      expect(p.output().err).toContain('pick others with --port / --emulator-port');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
