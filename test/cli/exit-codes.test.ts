// One exit-code table for every command (docs/cli.md): usage errors are 2, help/version 0.
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../lib/cli/decide-io.ts';
import { ROOT } from '../support/cli.ts';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/lead-decisions.js', ...args], { cwd: ROOT, input: '', encoding: 'utf8', timeout: 60_000, env: { PATH: process.env['PATH'] ?? '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('exit codes', () => {
  it.each([
    [['decide', '--bogus'], /unknown option '--bogus'/],
    [['decide', '--now'], /option '--now <iso>' argument missing/],
    [['emulator', '--port', '-1'], /--port must be a whole number, got "-1"\./],
    [['emulator', '--port', 'abc'], /--port must be a whole number, got "abc"\./],
    [['provision', '--bogus'], /unknown option '--bogus'/],
    [['no-such-command'], /unknown command 'no-such-command'/],
    [['provision'], /No HubSpot access token/],
  ])('%j exits 2 with a clear message', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each([[['--help']], [['--version']], [['decide', '--help']]])('%j exits 0', (args) => {
    expect(cli(args).code).toBe(0);
  });
});

describe('decide progress', () => {
  function capture(isTTY: boolean) {
    const out = Object.assign(new PassThrough(), { isTTY });
    let text = '';
    out.on('data', (d: Buffer) => { text += d.toString(); });
    return { out, text: () => text };
  }

  it('on a terminal: a progress line at most twice a second, cleared at the end', async () => {
    const { out, text } = capture(true);
    let t = 0;
    const p = progressReporter(out, () => t);
    for (let n = 1; n <= 10_240; n++) { t += 0.1; p.tick(n); }
    p.done();
    await new Promise((r) => setImmediate(r));
    expect(text()).toBe('\r\u001b[Kdecided 5,120 lines…\r\u001b[Kdecided 10,240 lines…\r\u001b[K');
  });

  it('redirected (not a terminal): nothing', async () => {
    const { out, text } = capture(false);
    const p = progressReporter(out, () => Date.now() + 10_000);
    for (let n = 1; n <= 5000; n++) p.tick(n);
    p.done();
    await new Promise((r) => setImmediate(r));
    expect(text()).toBe('');
  });
});
