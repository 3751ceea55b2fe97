// Loading the rules config and the team file from disk (I/O lives here, outside the pure core).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig, parseTeam, type ConfigResult, type TeamResult } from '../core/config.ts';

export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('../../config/decisions.json', import.meta.url));
export const DEFAULT_TEAM_PATH = fileURLToPath(new URL('../../config/team.json', import.meta.url));

type FileRead = { ok: true; text: string } | { ok: false; fileName: string; issues: { path: string; message: string }[]; message: string };

async function readText(path: string): Promise<FileRead> {
  try {
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'unknown error'})`;
    return { ok: false, fileName: path, issues: [{ path: '(file)', message: problem }], message: `${path}: ${problem}` };
  }
}

/**
 * Reads and validates the rules and the team; a missing or unreadable file is an error result naming
 * the file, never a throw. The team defaults to team.json beside the rules file.
 */
export async function loadConfig(path: string = DEFAULT_CONFIG_PATH, teamPath: string = join(dirname(path), 'team.json')): Promise<ConfigResult> {
  const [rules, team] = await Promise.all([readText(path), readText(teamPath)]);
  if (!rules.ok) return rules;
  if (!team.ok) return team;
  return parseConfig(rules.text, path, { json: team.text, fileName: teamPath });
}

/** Reads and validates a team file on its own (for `decide --team`, `rescore`, `simulate`). */
export async function loadTeam(path: string = DEFAULT_TEAM_PATH): Promise<TeamResult> {
  const read = await readText(path);
  if (!read.ok) return read;
  return parseTeam(read.text, path);
}
