// What the portal-reading commands (simulate, report) share: their I/O, exit codes, the rules and
// team files, the portal connection from the environment, and files written whole or not at all.
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { hubspotBaseUrl, readToken, type Env } from '../adapters/index.ts';
import { safeMessage, secretsFromEnv } from '../redact.ts';
import { parseConfig, type ConfigResult } from '../core/config.ts';

export { writeFileWhole } from '../insight/write-file.ts';

export interface CommandIo { stdout: Writable; stderr: Writable; env: Env; clock: () => Date }

export const EXIT_OK = 0;
export const EXIT_BAD_RECORDS = 1;
export const EXIT_USAGE = 2;

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

async function readText(path: string, what: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    return { ok: true, text: stripBom(await readFile(path, 'utf8')) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, message: `${what} ${path}: ${code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'unknown error'})`}` };
  }
}

/**
 * A rules config, optionally with its team (owners, pools, territories, fallback) taken from a
 * separate file: the team file's keys replace the same keys of the config's `routing`, and the
 * result is validated as one config, so a broken team gets the same precise errors.
 */
export async function loadRulesWithTeam(configPath: string, teamPath?: string): Promise<ConfigResult> {
  const config = await readText(configPath, 'Config');
  if (!config.ok) return { ok: false, fileName: configPath, issues: [{ path: '(file)', message: config.message }], message: config.message };
  if (teamPath === undefined) return parseConfig(config.text, configPath);
  const team = await readText(teamPath, 'Team file');
  if (!team.ok) return { ok: false, fileName: teamPath, issues: [{ path: '(file)', message: team.message }], message: team.message };
  let rules: unknown;
  let teamJson: unknown;
  try { rules = JSON.parse(config.text); } catch { return parseConfig(config.text, configPath); }
  try { teamJson = JSON.parse(team.text); } catch (err) {
    const message = `${teamPath}: not valid JSON (${err instanceof Error ? err.message : String(err)})`;
    return { ok: false, fileName: teamPath, issues: [{ path: '(file)', message }], message };
  }
  if (teamJson === null || typeof teamJson !== 'object' || Array.isArray(teamJson)) {
    const message = `${teamPath}: expected a JSON object with the team's owners and pools`;
    return { ok: false, fileName: teamPath, issues: [{ path: '(root)', message }], message };
  }
  const { $schema: _ignored, ...teamKeys } = teamJson as Record<string, unknown>;
  const base = rules !== null && typeof rules === 'object' ? rules as Record<string, unknown> : {};
  const routing = base['routing'] !== null && typeof base['routing'] === 'object' ? base['routing'] as Record<string, unknown> : {};
  return parseConfig({ ...base, routing: { ...routing, ...teamKeys } }, `${configPath} with team ${teamPath}`);
}

/** The portal from HUBSPOT_ACCESS_TOKEN / HUBSPOT_BASE_URL, or why not. */
export function portalFromEnv(env: Env): { ok: true; accessToken: string; basePath: string } | { ok: false; message: string } {
  try {
    return { ok: true, accessToken: readToken(env), basePath: hubspotBaseUrl(env) };
  } catch (err) {
    // Token with control characters, bad base URL: our words, secrets redacted (lib/redact.ts).
    return { ok: false, message: safeMessage(err, secretsFromEnv(env)) };
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO date or date-time (a date alone is midnight UTC); the calendar date must exist. */
export function parseIsoTime(raw: string, flag: string): { ok: true; ms: number } | { ok: false; message: string } {
  const value = raw.trim();
  const ms = ISO.test(value) ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : NaN;
  const sameDay = Number.isFinite(ms) && (value.length !== 10 || new Date(ms).toISOString().slice(0, 10) === value);
  if (!Number.isFinite(ms) || !sameDay) return { ok: false, message: `${flag} "${raw}" is not an ISO date or date-time such as 2026-11-27 or 2026-11-27T12:00:00Z.` };
  return { ok: true, ms };
}
