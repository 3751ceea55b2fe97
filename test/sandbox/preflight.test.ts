// `dev` preflight: one dev per database file (stale locks taken over), ports checked before seeding.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPortsFree, lockDatabase } from '../../lib/sandbox/preflight.ts';
import { startSandbox } from '../../lib/sandbox/index.ts';
import { testConfig } from '../core/helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'ld-preflight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lockDatabase', () => {
  it('a second lock on the same file is refused with the holder\'s pid; released, it can be taken again', () => {
    const db = join(dir, 'a.sqlite');
    const release = lockDatabase(db);
    expect(readFileSync(`${db}.lock`, 'utf8').trim()).toBe(String(process.pid));
    expect(() => lockDatabase(db)).toThrow(`Another lead-decisions dev (pid ${process.pid}) is using ${db}; stop it first, or use another --db file.`);
    release();
    expect(existsSync(`${db}.lock`)).toBe(false);
    lockDatabase(db)();
  });

  it.each([['a dead pid', '999999999'], ['garbage', 'not a pid']])('takes over a stale lock holding %s', (_name, content) => {
    const db = join(dir, `stale-${content.length}.sqlite`);
    writeFileSync(`${db}.lock`, content);
    const release = lockDatabase(db);
    expect(readFileSync(`${db}.lock`, 'utf8').trim()).toBe(String(process.pid));
    release();
  });

  it(':memory: needs no lock', () => {
    expect(() => { lockDatabase(':memory:'); lockDatabase(':memory:'); }).not.toThrow();
  });
});

describe('checkPortsFree', () => {
  it('names the taken port and its flag; port 0 is always fine', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(checkPortsFree('127.0.0.1', [{ port: 0, flag: '--port' }, { port, flag: '--emulator-port' }]))
        .rejects.toThrow(`Port ${port} (--emulator-port) is already in use; pick another with --emulator-port, or 0 for any free port.`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    await expect(checkPortsFree('127.0.0.1', [{ port, flag: '--port' }])).resolves.toBeUndefined();
  });

  it('startSandbox refuses a taken port before it creates (seeds) the database', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const db = join(dir, 'never-seeded.sqlite');
    try {
      await expect(startSandbox({ config: testConfig(), port, emulatorPort: 0, db, seed: 1, contacts: 5 })).rejects.toThrow(/--port\) is already in use/);
      expect(existsSync(db)).toBe(false);
      expect(existsSync(`${db}.lock`)).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
