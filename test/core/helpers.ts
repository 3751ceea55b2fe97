import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig, type Config, type ConfigData } from '../../lib/core/config.ts';

/** The config file's shape, for tests that patch it. */
export type Raw = ConfigData;

export const CONFIG_PATH = fileURLToPath(new URL('../../config/decisions.json', import.meta.url));

export function rawDefaultConfig(): Raw {
  return JSON.parse(readFileSync(CONFIG_PATH, 'utf8')) as Raw;
}

/** The shipped config, optionally changed by a patch function on a deep copy. */
export function testConfig(patch?: (raw: Raw) => void): Config {
  const raw = rawDefaultConfig();
  patch?.(raw);
  const result = parseConfig(raw, 'test-config.json');
  if (!result.ok) throw new Error(result.message);
  return result.config;
}

export const NOW = new Date('2026-11-27T12:00:00.000Z');
export const DAY = 86_400_000;
export const daysAgo = (d: number): string => String(NOW.getTime() - d * DAY);
