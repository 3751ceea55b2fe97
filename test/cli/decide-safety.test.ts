// `decide` against hostile files and input: same file in and out (through links), a full disk,
// a byte-order mark, control characters in bad lines, impossible dates, wrong property types.
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNow } from '../../lib/cli/now.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/lead-decisions.js');
const sample = readFileSync(join(root, 'samples/contacts.jsonl'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'ld-decide-safety-'));
const NOW = '2026-11-27T12:00:00Z';
// 2,000 well-typed lines: more than the 64 KB write buffer, so the write really reaches the device.
const CLEAN = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: String(i), properties: { email: `p${i}@acme.com`, jobtitle: 'CTO' }, company: null })).join('\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], stdin = '') {
  const r = spawnSync(process.execPath, [bin, 'decide', ...args], { cwd: root, input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function fresh(name: string, text = sample): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('decide: input and output files', () => {
  it.each([
    ['the same path', (input: string) => input],
    ['a symlink to it', (input: string) => { const l = `${input}.link`; symlinkSync(input, l); return l; }],
    ['a hard link to it', (input: string) => { const l = `${input}.hard`; linkSync(input, l); return l; }],
    ['a path through ..', (input: string) => join(dir, '..', dir.split('/').at(-1)!, input.split('/').at(-1)!)],
  ])('refuses --output that is the --input (%s), exit 2, input intact', (_name, outputOf) => {
    const input = fresh(`same-${Math.random().toString(36).slice(2)}.jsonl`);
    const r = cli(['--input', input, '--output', outputOf(input), '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the --input file: it would be emptied before it is read/);
    expect(readFileSync(input, 'utf8')).toBe(sample);
  });

  it('/dev/full as output: one clear line and exit 2, no stack trace', () => {
    const r = cli(['--input', fresh('full.jsonl', CLEAN), '--output', '/dev/full', '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['Cannot write --output /dev/full: no space left on the device. The output is incomplete.']);
  });

  it('an unwritable output directory: exit 2, the old output file stays as it was, no temporary file left', () => {
    const input = fresh('ok.jsonl');
    const out = fresh('previous.jsonl', 'previous output\n');
    const good = cli(['--input', input, '--output', out, '--now', NOW]);
    expect(good.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toHaveLength(30);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const r = cli(['--input', input, '--output', join(dir, 'no-such-dir', 'out.jsonl'), '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^Cannot write --output .*no-such-dir\/out\.jsonl: no such file or directory\.$/);
  });

  it('a failed input leaves an existing output file untouched (written through a temporary file)', () => {
    const out = fresh('keep.jsonl', 'keep me\n');
    const r = cli(['--input', dir, '--output', out, '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Cannot read --input .*: it is a directory\. The output file was left as it was\./);
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });
});

describe('decide: hostile lines', () => {
  it('accepts a UTF-8 byte-order mark on line 1', () => {
    const r = cli(['--now', NOW], `\uFEFF${sample}`);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(30);
  });

  it('escapes control characters in bad-line messages (no raw ESC or NUL reaches the terminal)', () => {
    const r = cli(['--now', NOW], '\u001b[31mred\u0000\n{"id":"x","properties":{"email":{"\u001b]0;t\u0007":1}}}\n');
    expect(r.code).toBe(1);
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stderr).toContain('\\u001b[31mred\\u0000');
  });

  it.each([
    ['email: 123', '{"id":"1","properties":{"email":123}}', 'properties.email is a number (123), expected a string'],
    ['an object value', '{"id":"1","properties":{"industry":{"a":1}}}', 'properties.industry is an object, expected a string or number'],
    ['an array value', '{"id":"1","properties":{"jobtitle":["CTO"]}}', 'properties.jobtitle is an array, expected a string or number'],
    ['a company value', '{"id":"1","properties":{},"company":{"properties":{"domain":true}}}', 'company.properties.domain is a boolean (true), expected a string'],
  ])('reports %s as the wrong type and still decides the line (nothing lost)', (_name, line, problem) => {
    const r = cli(['--now', NOW], line);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`line 1: wrong type: ${problem} (decided with it read as missing or as text)`);
    expect(r.stderr).toContain('decided 1, bad 0, 1 with wrong types');
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('--no-reasons leaves the reasons out; the default keeps them', () => {
    const withReasons = cli(['--now', NOW], sample).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const without = cli(['--now', NOW, '--no-reasons'], sample).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(withReasons.every((l) => Array.isArray(l['reasons']))).toBe(true);
    expect(without.map((l) => Object.keys(l))).toEqual(without.map(() => ['id', 'outputs', 'decision_key', 'sideEffects']));
    expect(without).toEqual(withReasons.map(({ reasons: _r, ...rest }) => rest));
  });
});

describe('--now', () => {
  const clock = () => new Date(0);
  it.each([
    ['2026-11-27T12:00:00Z', '2026-11-27T12:00:00.000Z'],
    ['2026-11-27', '2026-11-27T00:00:00.000Z'],
    ['2026-11-27T12:00+01:00', '2026-11-27T11:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2026-11-27T12:00:00.5-0500', '2026-11-27T17:00:00.500Z'],
  ])('accepts %s as %s', (raw, iso) => {
    const r = parseNow(raw, clock);
    expect(r.ok && r.value.toISOString()).toBe(iso);
  });

  it.each([
    ['2026-02-30T00:00:00Z', 'has no day 30'],
    ['2025-02-29', 'has no day 29'],
    ['2026-13-01', 'has no day 01'],
    ['2026-11-27T24:00:00Z', 'the time is out of range'],
    ['2026-11-27T12:60:00Z', 'the time is out of range'],
    ['2026-11-27T12:00:00', 'add Z or an offset'],
    ['2026-11-27T12:00:00+15:00', 'the offset is out of range'],
    ['next tuesday', 'is not an ISO date-time'],
  ])('refuses %s (%s)', (raw, why) => {
    const r = parseNow(raw, clock);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(why);
  });

  it('the CLI refuses 2026-02-30 with exit 2 instead of deciding on March 2', () => {
    const r = cli(['--now', '2026-02-30T00:00:00Z'], sample);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
