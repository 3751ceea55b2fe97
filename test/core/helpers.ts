import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { parseConfig, type Config, type ConfigData, type ConfigResult } from '../../lib/core/config.ts';
import type { TeamSchema } from '../../lib/core/team-schema.ts';

export type RawTeam = z.input<typeof TeamSchema>;
/** The rules file's shape plus the team file under `routing`, for tests that patch either. */
export type Raw = ConfigData & { routing: RawTeam };

export const CONFIG_PATH = fileURLToPath(new URL('../../config/decisions.json', import.meta.url));
export const TEAM_PATH = fileURLToPath(new URL('../../config/team.json', import.meta.url));

export function rawDefaultTeam(): RawTeam {
  return JSON.parse(readFileSync(TEAM_PATH, 'utf8')) as RawTeam;
}

/** The rules file alone, as config/decisions.json holds it (for tests that write a config file). */
export function rawDefaultRules(): ConfigData {
  return JSON.parse(readFileSync(CONFIG_PATH, 'utf8')) as ConfigData;
}

export function rawDefaultConfig(): Raw {
  return { ...(JSON.parse(readFileSync(CONFIG_PATH, 'utf8')) as ConfigData), routing: rawDefaultTeam() };
}

/** Parses a patched Raw as the two files it stands for. */
export function parseRaw(raw: Raw, fileName = 'test-config.json'): ConfigResult {
  const { routing, ...rules } = raw;
  return parseConfig(rules, fileName, { json: routing, fileName: 'test-team.json' });
}

/** The shipped config, optionally changed by a patch function on a deep copy. */
export function testConfig(patch?: (raw: Raw) => void): Config {
  const raw = rawDefaultConfig();
  patch?.(raw);
  const result = parseRaw(raw);
  if (!result.ok) throw new Error(result.message);
  return result.config;
}

export const NOW = new Date('2026-11-27T12:00:00.000Z');
export const DAY = 86_400_000;
export const daysAgo = (d: number): string => String(NOW.getTime() - d * DAY);
