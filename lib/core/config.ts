// Parsing the rules config and the team file: pure (text or JSON in, typed config or precise issues out).
import type { z } from 'zod';
import defaultTeamJson from '../../config/team.json' with { type: 'json' };
import { ConfigSchema } from './config-schema.ts';
import { canonicalJson, hashHex } from './hash.ts';
import { TeamSchema } from './team-schema.ts';

export type ConfigData = z.output<typeof ConfigSchema>;
export type TeamData = z.output<typeof TeamSchema>;
/** What the router reads: the team without its `$schema` and the Leads switch. */
export type Routing = Omit<TeamData, '$schema' | 'leads'>;
export type LeadsConfig = TeamData['leads'];

/**
 * The validated rules plus the team, and `scoring_version` (version + short hash of the RULES only:
 * a PTO or pool edit moves the affected contacts through their owner, never every decision key).
 */
export type Config = ConfigData & { routing: Routing; leads: LeadsConfig; scoringVersion: string };

export interface ConfigIssue {
  path: string;
  message: string;
}

export type ConfigResult =
  | { ok: true; config: Config }
  | { ok: false; fileName: string; issues: ConfigIssue[]; message: string };

export type TeamResult =
  | { ok: true; team: TeamData }
  | { ok: false; fileName: string; issues: ConfigIssue[]; message: string };

/** Team JSON (text or parsed) and the file it came from, for error messages. */
export interface TeamSource {
  json: unknown;
  fileName: string;
}

export const DEFAULT_TEAM: TeamSource = { json: defaultTeamJson, fileName: 'config/team.json' };

/** `2026.11.1+a1b2c3d`: the version plus 7 hex characters of the canonical rules content (minus `$schema`). */
export function scoringVersionOf(data: ConfigData): string {
  const { $schema: _ignored, ...content } = data;
  return `${data.version}+${hashHex(canonicalJson(content)).slice(-7)}`;
}

/**
 * Parses rules text (or already-parsed JSON) and the team (config/team.json as bundled when not given).
 * Never throws; errors name the file, the path and the problem.
 */
export function parseConfig(json: unknown, fileName: string, team: TeamSource = DEFAULT_TEAM): ConfigResult {
  const read = readJson(json, fileName);
  if (!read.ok) return read;
  const parsed = ConfigSchema.safeParse(read.value);
  const teamResult = parseTeam(team.json, team.fileName);
  if (!parsed.success) {
    const rulesFail = fail(fileName, issuesOf(parsed.error), 'config');
    return teamResult.ok ? rulesFail : { ...rulesFail, message: `${rulesFail.message}\n${teamResult.message}` };
  }
  if (!teamResult.ok) return teamResult;
  const { $schema: _s, leads, ...routing } = teamResult.team;
  return { ok: true, config: { ...parsed.data, routing, leads, scoringVersion: scoringVersionOf(parsed.data) } };
}

/** Parses team text (or already-parsed JSON). Never throws. */
export function parseTeam(json: unknown, fileName: string): TeamResult {
  const read = readJson(json, fileName);
  if (!read.ok) return { ...read, message: read.message.replace('config', 'team file') };
  const parsed = TeamSchema.safeParse(read.value);
  if (!parsed.success) return fail(fileName, issuesOf(parsed.error), 'team file');
  return { ok: true, team: parsed.data };
}

/** The same config with another team (what a PTO edit or `--team F` gives), scoring_version unchanged. */
export function withTeam(config: Config, team: TeamData): Config {
  const { $schema: _s, leads, ...routing } = team;
  return { ...config, routing, leads };
}

function readJson(json: unknown, fileName: string): { ok: true; value: unknown } | { ok: false; fileName: string; issues: ConfigIssue[]; message: string } {
  if (typeof json !== 'string') return { ok: true, value: json };
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return fail(fileName, [{ path: '(file)', message: `not valid JSON: ${detail}` }], 'config');
  }
}

function issuesOf(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((i) => ({
    path: i.path.length === 0 ? '(root)' : i.path.map(String).join('.'),
    message: i.message,
  }));
}

function fail(fileName: string, issues: ConfigIssue[], what: 'config' | 'team file'): { ok: false; fileName: string; issues: ConfigIssue[]; message: string } {
  const lines = issues.map((i) => `  ${i.path}: ${i.message}`);
  const message = `${fileName} is not a valid Lead Decisions ${what} (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
  return { ok: false, fileName, issues, message };
}
