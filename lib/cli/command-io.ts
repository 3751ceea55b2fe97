// What the portal-reading commands (simulate, report) share: their I/O, exit codes, the rules and
// team files, the portal connection from the environment, and files written whole or not at all.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { hubspotBaseUrl, readToken, type Env } from '../adapters/index.ts';
import { safeMessage, secretsFromEnv } from '../redact.ts';
import { parseConfig, type ConfigResult } from '../core/config.ts';
import { DEFAULT_TEAM_PATH, loadConfig } from '../config/load.ts';

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
 * A rules config with its team (config/team.json beside it, else this package's), optionally with
 * team keys from a separate file laid over that team (a candidate's owners, pools, territories or
 * fallback). The team is validated as one file, so a broken team gets the same precise errors.
 * The team never changes scoring_version (issue 9): only the owners it picks differ.
 */
export async function loadRulesWithTeam(configPath: string, teamPath?: string): Promise<ConfigResult> {
  if (teamPath === undefined) return loadConfig(configPath);
  const config = await readText(configPath, 'Config');
  if (!config.ok) return { ok: false, fileName: configPath, issues: [{ path: '(file)', message: config.message }], message: config.message };
  const team = await readText(teamPath, 'Team file');
  if (!team.ok) return { ok: false, fileName: teamPath, issues: [{ path: '(file)', message: team.message }], message: team.message };
  let teamJson: unknown;
  try { teamJson = JSON.parse(team.text); } catch (err) {
    const message = `${teamPath}: not valid JSON (${err instanceof Error ? err.message : String(err)})`;
    return { ok: false, fileName: teamPath, issues: [{ path: '(file)', message }], message };
  }
  if (teamJson === null || typeof teamJson !== 'object' || Array.isArray(teamJson)) {
    const message = `${teamPath}: expected a JSON object with the team's owners and pools`;
    return { ok: false, fileName: teamPath, issues: [{ path: '(root)', message }], message };
  }
  const beside = join(dirname(configPath), 'team.json');
  const base = await readText(existsSync(beside) ? beside : DEFAULT_TEAM_PATH, 'Team file');
  if (!base.ok) return { ok: false, fileName: beside, issues: [{ path: '(file)', message: base.message }], message: base.message };
  let baseTeam: Record<string, unknown> = {};
  try { baseTeam = JSON.parse(base.text) as Record<string, unknown>; } catch { /* the overlay alone is validated */ }
  return parseConfig(config.text, configPath, { json: { ...baseTeam, ...(teamJson as Record<string, unknown>) }, fileName: teamPath });
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
