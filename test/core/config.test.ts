import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../lib/core/config.ts';
import { configJsonSchemaText, SCHEMA_PATH } from '../../lib/config/json-schema.ts';
import { loadConfig } from '../../lib/config/load.ts';
import { CONFIG_PATH, rawDefaultConfig, type Raw } from './helpers.ts';

function issuesFor(patch: (raw: Raw) => void): string {
  const raw = rawDefaultConfig();
  patch(raw);
  const r = parseConfig(raw, 'rules.json');
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
    const base = parseConfig(rawDefaultConfig(), 'a.json');
    const raw = rawDefaultConfig();
    raw.scoring.tiers.high = 66;
    const changed = parseConfig(raw, 'b.json');
    const raw2 = rawDefaultConfig();
    raw2.$schema = 'elsewhere.json';
    const moved = parseConfig(raw2, 'c.json');
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
    ['an unknown pool owner', (c: Raw) => { c.routing.pools[0]!.members[0]!.ownerId = '999'; }, 'routing.pools.0.members.0.ownerId: unknown owner "999"'],
    ['an unknown territory pool', (c: Raw) => { c.routing.territories[1]!.pool = 'mars'; }, 'routing.territories.1.pool: unknown pool "mars"'],
    ['a backward lifecycle rule', (c: Raw) => { c.lifecycle.transitions.push({ tier: 'low', from: ['customer'], to: 'lead' } as Raw['lifecycle']['transitions'][number]); }, 'lifecycle.transitions.3.from.0: customer → lead would move backward (or stay); lifecycle only moves forward'],
    ['a lower-case country', (c: Raw) => { c.routing.territories[2]!.countries[0] = 'de'; }, 'routing.territories.2.countries.0: ISO 3166-1 alpha-2, upper case'],
    ['an unknown default track', (c: Raw) => { c.classification.defaultTrack = 'nope'; }, 'classification.defaultTrack: unknown track "nope"'],
    ['a missing fallback owner', (c: Raw) => { c.routing.fallbackOwnerId = '1'; }, 'routing.fallbackOwnerId: unknown owner "1"'],
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

  it('lists 8 owners 101–108 with exactly one on PTO', () => {
    const owners = rawDefaultConfig().routing.owners;
    expect(owners.map((o) => o.id)).toEqual(['101', '102', '103', '104', '105', '106', '107', '108']);
    expect(owners.filter((o) => !o.available).map((o) => o.id)).toEqual(['103']);
  });
});
