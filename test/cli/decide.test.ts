import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRITABLE_PROPERTIES } from '../../lib/core/contract.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/lead-decisions.js');
const sample = join(root, 'samples/contacts.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'ld-decide-'));
const NOW = '2026-11-27T12:00:00Z';

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, [bin, 'decide', ...args], { cwd: root, input: stdin ?? '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface OutLine { id: string; outputs: Record<string, string>; reasons: { code: string; message: string }[]; decision_key: string }
const lines = (text: string): OutLine[] => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as OutLine);

describe('lead-decisions decide', () => {
  const out = join(dir, 'out.jsonl');
  let first: ReturnType<typeof cli>;
  beforeAll(() => {
    first = cli(['--input', sample, '--output', out, '--now', NOW]);
  });

  it('decides every sample contact into the output file and exits 0', () => {
    expect(first.code).toBe(0);
    const decided = lines(readFileSync(out, 'utf8'));
    const ids = readFileSync(sample, 'utf8').split('\n').filter(Boolean).map((l) => String((JSON.parse(l) as { id: unknown }).id));
    expect(decided.map((d) => d.id)).toEqual(ids);
    for (const d of decided) {
      expect(Object.keys(d.outputs).every((k) => (WRITABLE_PROPERTIES as readonly string[]).includes(k))).toBe(true);
      expect(Object.values(d.outputs).every((v) => typeof v === 'string')).toBe(true);
      expect(d.decision_key).toMatch(/^dk1-[0-9a-f]{16}$/);
      expect(d.reasons.every((r) => /^[a-z0-9_]+$/.test(r.code) && r.message.length > 0)).toBe(true);
    }
    expect(first.stderr).toMatch(/^decided 30, bad 0, 2 with wrong types · tiers: high \d+, medium \d+, low \d+/m);
  });

  it('writes nothing when run again on its own applied output, with the same keys', () => {
    const decided = lines(readFileSync(out, 'utf8'));
    const applied = readFileSync(sample, 'utf8').split('\n').filter(Boolean).map((l, i) => {
      const input = JSON.parse(l) as { properties: Record<string, unknown> };
      return JSON.stringify({ ...input, properties: { ...input.properties, ...decided[i]!.outputs } });
    }).join('\n');
    const again = cli(['--now', NOW], applied);
    expect(again.code).toBe(0);
    const second = lines(again.stdout);
    expect(second.map((d) => d.outputs)).toEqual(decided.map(() => ({})));
    expect(second.map((d) => d.decision_key)).toEqual(decided.map((d) => d.decision_key));
  });

  it('reports bad lines by number on stderr, decides the rest, and exits 1', () => {
    const input = [
      '{"id":"a","properties":{"email":"a@acme.com"},"company":null}',
      'this is not json',
      '{"properties":{}}',
      '',
      '["an","array"]',
      '{"id":"b","properties":"not a map"}',
      '{"id":"c","properties":{"jobtitle":"CTO"}}',
    ].join('\n');
    const r = cli(['--now', NOW], input);
    expect(r.code).toBe(1);
    expect(lines(r.stdout).map((d) => d.id)).toEqual(['a', 'c']);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('line '));
    expect(errors.map((l) => l.replace(/\(Unexpected.*\)/, '(…)'))).toMatchInlineSnapshot(`
      [
        "line 2: not valid JSON (…)",
        "line 3: missing "id"",
        "line 5: expected a JSON object like {"id": "1", "properties": {…}, "company": null}",
        "line 6: properties: Invalid input: expected record, received string",
      ]
    `);
    expect(r.stderr).toContain('decided 2, bad 4');
  });

  it.each([
    ['a bad --now', ['--now', 'next tuesday'], /--now "next tuesday" is not an ISO date-time/],
    ['a missing input file', ['--input', join(dir, 'nope.jsonl')], /Cannot read --input .*nope\.jsonl/],
  ])('exits 2 on %s', (_n, args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on an invalid config, naming the file, the path and the problem', () => {
    const bad = join(dir, 'bad-config.json');
    const raw = JSON.parse(readFileSync(join(root, 'config/decisions.json'), 'utf8')) as { scoring: { tiers: { high: number } } };
    raw.scoring.tiers.high = 10;
    writeFileSync(bad, JSON.stringify(raw));
    const r = cli(['--config', bad, '--now', NOW], '{"id":"1","properties":{}}');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Config error: ${bad} is not a valid Lead Decisions config (1 problem):`);
    expect(r.stderr).toContain('scoring.tiers: high must be greater than medium');
  });
});
