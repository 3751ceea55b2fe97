// The `lead-decisions emulator` command as a user runs it: start, serve, Ctrl-C, and a taken port.
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../local/emulator/index.ts';
import { runCli } from '../support/cli.ts';

const run = (args: string[]) => runCli(['emulator', ...args]);

describe('lead-decisions emulator', () => {
  it('prints its URL and a HUBSPOT_BASE_URL hint, serves requests, and exits 0 on SIGINT', async () => {
    const p = run(['--port', '0', '--db', ':memory:', '--contacts', '25', '--seed', '3']);
    const [, url] = await p.line(/listening on (http:\/\/127\.0\.0\.1:\d+) \(db :memory:, 25 contacts\)/);
    await p.line(/HUBSPOT_BASE_URL=http:\/\/127\.0\.0\.1:\d+ HUBSPOT_ACCESS_TOKEN=local-dev-token/);
    const res = await fetch(`${url}/crm/v3/objects/contacts?limit=5`, { headers: { authorization: 'Bearer local-dev-token' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: unknown[] }).results).toHaveLength(5);
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
    expect(p.output().out).toContain('Emulator stopped.');
  });

  it('says the port is taken and exits 1', async () => {
    const blocker = await startEmulator();
    try {
      const p = run(['--port', String(blocker.port), '--db', ':memory:', '--contacts', '0']);
      expect(await p.exited).toBe(1);
      expect(p.output().err.trim()).toBe(`Port ${blocker.port} is already in use; pick another with --port`);
    } finally {
      await blocker.close();
    }
  });

  it.each([
    [['--port', '70000'], '--port must be from 0 to 65535, got 70000.'],
    [['--contacts', 'many'], '--contacts must be a whole number, got "many".'],
    [['--rate-limit', 'burst=0'], 'Bad --rate-limit value: burst must be a whole number of at least 1.'],
  ])('refuses %j with a clear message and exit 1', async (flags, message) => {
    const p = run(['--db', ':memory:', ...flags]);
    expect(await p.exited).toBe(1);
    expect(p.output().err.trim()).toBe(message);
  });

  it('explains a bad --faults value and exits 1', async () => {
    const p = run(['--port', '0', '--db', ':memory:', '--faults', 'error=5']);
    expect(await p.exited).toBe(1);
    expect(p.output().err).toMatchInlineSnapshot(`
      "Bad --faults value for error: error, throttle and hang are fractions from 0 to 1, latency is milliseconds, seed a whole number.
      "
    `);
  });
});
