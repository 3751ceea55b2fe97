import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, parseTeam } from '../../lib/core/config.ts';
import { configJsonSchemaText, SCHEMA_PATH, TEAM_SCHEMA_PATH, teamJsonSchemaText } from '../../lib/config/json-schema.ts';
import { loadConfig, loadTeam } from '../../lib/config/load.ts';
import { CONFIG_PATH, parseRaw, rawDefaultConfig, rawDefaultTeam, type Raw } from './helpers.ts';

function issuesFor(patch: (raw: Raw) => void): string {
  const raw = rawDefaultConfig();
  patch(raw);
  const r = parseRaw(raw, 'rules.json');
  if (r.ok) return 'ok';
  return r.message;
}

describe('parseConfig', () => {
  it('accepts the shipped config and stamps version + content hash', () => {
    const r = parseConfig(readFileSync(CONFIG_PATH, 'utf8'), 'config/decisions.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.config.scoringVersion).toMatch(/^2026\.11\.1\+[0-9a-f]{7}$/);
  });

  it('changes scoring_version when any rule changes, not when $schema does', () => {
    const base = parseRaw(rawDefaultConfig(), 'a.json');
    const raw = rawDefaultConfig();
    raw.scoring.tiers.high = 66;
    const changed = parseRaw(raw, 'b.json');
    const raw2 = rawDefaultConfig();
    raw2.$schema = 'elsewhere.json';
    const moved = parseRaw(raw2, 'c.json');
    expect(base.ok && changed.ok && moved.ok).toBe(true);
    if (base.ok && changed.ok && moved.ok) {
      expect(changed.config.scoringVersion).not.toBe(base.config.scoringVersion);
      expect(moved.config.scoringVersion).toBe(base.config.scoringVersion);
    }
  });

  it('names the file when the JSON is broken', () => {
    const r = parseConfig('{ "version": ', 'config/decisions.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^config\/decisions\.json is not a valid Lead Decisions config \(1 problem\):\n {2}\(file\): not valid JSON/);
  });

  it.each([
    ['weights that do not add up', (c: Raw) => { c.scoring.weights.fit = 0.6; }, 'scoring.weights: intent + fit must add up to 1'],
    ['tiers out of order', (c: Raw) => { c.scoring.tiers.medium = 80; }, 'scoring.tiers: high must be greater than medium'],
    ['a typo in a key', (c: Raw) => { (c.notify as Record<string, unknown>).maxTaskPerOwner = 3; }, 'notify: Unrecognized key: "maxTaskPerOwner"'],
    ['a backward lifecycle rule', (c: Raw) => { c.lifecycle.transitions.push({ tier: 'low', from: ['customer'], to: 'lead' } as Raw['lifecycle']['transitions'][number]); }, 'lifecycle.transitions.3.from.0: customer → lead would move backward (or stay); lifecycle only moves forward'],
    ['an unknown default track', (c: Raw) => { c.classification.defaultTrack = 'nope'; }, 'classification.defaultTrack: unknown track "nope"'],
    ['a half-life of zero', (c: Raw) => { c.scoring.intent.signals.page_view.halfLifeDays = 0; }, 'scoring.intent.signals.page_view.halfLifeDays: Too small: expected number to be >0'],
    ['a duplicate conversion id', (c: Raw) => { c.scoring.intent.conversions.push({ ...c.scoring.intent.conversions[0]! }); }, 'scoring.intent.conversions: conversion ids must be unique'],
    ['a missing signal', (c: Raw) => { delete (c.scoring.intent.signals as Partial<Raw['scoring']['intent']['signals']>).meeting; }, 'scoring.intent.signals.meeting: Invalid input: expected object, received undefined'],
    ['a duplicate asset id', (c: Raw) => { c.classification.tracks[0]!.assets.push({ ...c.classification.tracks[0]!.assets[0]! }); }, 'classification.tracks.0.assets: asset ids must be unique within a track'],
    ['an empty asset catalogue', (c: Raw) => { c.classification.tracks[0]!.assets = []; }, 'classification.tracks.0.assets: Too small: expected array to have >=1 items'],
  ])('reports %s with its path', (_name, patch, expected) => {
    expect(issuesFor(patch)).toContain(expected);
  });
});

describe('loadConfig', () => {
  it('loads config/decisions.json by default', async () => {
    const r = await loadConfig();
    expect(r.ok).toBe(true);
  });

  it('reports a missing file by name', async () => {
    const r = await loadConfig('/nonexistent/rules.json');
    expect(r).toMatchObject({ ok: false, message: '/nonexistent/rules.json: file not found' });
  });
});

describe('config/decisions.schema.json', () => {
  it('is up to date with the zod schema (run `npx tsx lib/config/json-schema.ts`)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(configJsonSchemaText());
  });

  it('is what decisions.json points its $schema at', () => {
    expect(rawDefaultConfig().$schema).toBe('./decisions.schema.json');
  });

});

describe('config/team.json', () => {
  it('has an up-to-date JSON Schema (run `npx tsx lib/config/json-schema.ts`) that team.json points at', () => {
    expect(readFileSync(TEAM_SCHEMA_PATH, 'utf8')).toBe(teamJsonSchemaText());
    expect(rawDefaultTeam().$schema).toBe('./team.schema.json');
  });

  it('lists 8 owners 101–108 with exactly one unavailable', () => {
    const owners = rawDefaultTeam().owners;
    expect(owners.map((o) => o.id)).toEqual(['101', '102', '103', '104', '105', '106', '107', '108']);
    expect(owners.filter((o) => !o.available).map((o) => o.id)).toEqual(['103']);
  });

  it('keeps scoring_version when only the team changes', () => {
    const base = parseRaw(rawDefaultConfig());
    const raw = rawDefaultConfig();
    raw.routing.owners[0]!.pto = [{ from: '2026-12-20', to: '2027-01-02' }];
    raw.routing.pools[2]!.members[0]!.weight = 3;
    const changed = parseRaw(raw);
    expect(base.ok && changed.ok && changed.config.scoringVersion === base.config.scoringVersion).toBe(true);
  });

  it('loadTeam reads the shipped team, and names a missing or broken file', async () => {
    expect((await loadTeam()).ok).toBe(true);
    expect(await loadTeam('/nonexistent/team.json')).toMatchObject({ ok: false, message: '/nonexistent/team.json: file not found' });
    expect(parseTeam('{', 'team.json')).toMatchObject({ ok: false, issues: [{ path: '(file)' }] });
  });

  it('loadConfig reads team.json beside the rules, or the one given', async () => {
    expect(await loadConfig(CONFIG_PATH, '/nonexistent/team.json')).toMatchObject({ ok: false, message: '/nonexistent/team.json: file not found' });
    const r = await loadConfig(CONFIG_PATH);
    expect(r.ok && r.config.routing.owners.length).toBe(8);
  });
});

describe('loadConfig with a rules file kept elsewhere', () => {
  it('uses the package team when no team.json sits beside the rules, and an explicit one otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ld-rules-'));
    try {
      const rules = join(dir, 'rules.json');
      writeFileSync(rules, readFileSync(CONFIG_PATH, 'utf8'));
      const r = await loadConfig(rules);
      expect(r.ok && r.config.routing.owners.length).toBe(8);
      writeFileSync(join(dir, 'team.json'), '{');
      expect(await loadConfig(rules)).toMatchObject({ ok: false, fileName: join(dir, 'team.json') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
