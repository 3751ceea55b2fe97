// `lead-decisions serve` as an admin runs it: configuration errors exit 2 with one line, a
// public bind warns, and no secret ever reaches the output.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';
import { signV3 } from '../../lib/server/signatures.ts';

const TOKEN = 'pat-na1-secret-token-for-serve-cli';
const CLIENT_SECRET = 'client-secret-for-serve-cli';
const FULL_ENV = { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: 'http://127.0.0.1:9', HUBSPOT_CLIENT_SECRET: CLIENT_SECRET, LEAD_DECISIONS_PUBLIC_URL: 'https://leads.example.test' };

function run(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HUBSPOT_') && !k.startsWith('LEAD_DECISIONS_')));
  const child = spawn(process.execPath, ['bin/lead-decisions.js', 'serve', ...args], { cwd: ROOT, env: { ...clean, ...env, NODE_NO_WARNINGS: '1' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ out, err }) };
}

describe('lead-decisions serve: configuration errors', () => {
  const { HUBSPOT_CLIENT_SECRET: _s, ...noSecret } = FULL_ENV;
  const { LEAD_DECISIONS_PUBLIC_URL: _u, ...noUrl } = FULL_ENV;
  it.each([
    [['--queue', 'redis://x'], FULL_ENV, '--queue must be sqlite:FILE or postgres://…, got "redis://x"'],
    [['--queue', 'postgres:///leads'], FULL_ENV, '--queue postgres URL needs a host, e.g. postgres://user:pass@db:5432/leads'],
    [['--queue', 'sqlite:'], FULL_ENV, '--queue sqlite: needs a file, e.g. sqlite:.local/serve-queue.sqlite'],
    [['--port', 'http'], FULL_ENV, '--port must be a port from 0 to 65535, got "http".'],
    [[], noSecret, 'HUBSPOT_CLIENT_SECRET is not set: serve cannot check HubSpot signatures without the app\'s client secret.'],
    [[], noUrl, 'LEAD_DECISIONS_PUBLIC_URL is not set: it is the URL HubSpot calls (and signs), e.g. https://leads.example.com'],
  ])('%j → exit 2 and one line', async (args, env, line) => {
    const p = run(args, env);
    expect(await p.exited).toBe(2);
    expect(p.output().err).toBe(`${line}\n`);
  });
});

describe('lead-decisions serve: running', () => {
  it('warns when bound beyond this machine, and never prints the token or the client secret', async () => {
    const p = run(['--port', '0', '--host', '0.0.0.0', '--queue', 'sqlite::memory:'], FULL_ENV);
    const url = await new Promise<string>((resolve, reject) => {
      const t = setInterval(() => {
        const m = /listening on http:\/\/0\.0\.0\.0:(\d+)/.exec(p.output().out);
        if (m) { clearInterval(t); resolve(`http://127.0.0.1:${m[1]}`); }
        if (p.child.exitCode !== null) { clearInterval(t); reject(new Error(p.output().err)); }
      }, 25);
    });
    expect(p.output().err).toContain('Warning: listening on 0.0.0.0, not only this machine');
    const body = '[{"eventId":1,"occurredAt":1,"subscriptionType":"object.creation","objectTypeId":"0-1","objectId":1}]';
    const ts = Date.now();
    const ok = await fetch(`${url}/webhooks/hubspot`, { method: 'POST', body, headers: { 'x-hubspot-signature-v3': signV3(CLIENT_SECRET, 'POST', 'https://leads.example.test/webhooks/hubspot', body, ts), 'x-hubspot-request-timestamp': String(ts) } });
    expect(ok.status).toBe(200);
    const bad = await fetch(`${url}/webhooks/hubspot`, { method: 'POST', body, headers: { 'x-hubspot-signature-v3': 'forged', 'x-hubspot-request-timestamp': String(ts) } });
    expect(bad.status).toBe(401);
    // The worker now fails against the unreachable HubSpot and logs it: still no secret.
    await new Promise((r) => setTimeout(r, 1500));
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const { out, err } = p.output();
    for (const secret of [TOKEN, CLIENT_SECRET]) expect(out + err).not.toContain(secret);
  });
});
