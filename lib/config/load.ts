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
    const text = await readFile(path, 'utf8');
    // A byte-order mark (saved by some Windows editors) is not part of the JSON.
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'unknown error'})`;
    return { ok: false, fileName: path, issues: [{ path: '(file)', message: problem }], message: `${path}: ${problem}` };
  }
}

/**
 * Reads and validates the rules and the team; a missing or unreadable file is an error result naming
 * the file, never a throw. Without `teamPath`, the team is team.json beside the rules file, else (for
 * a rules file kept elsewhere, as before the team had its own file) this package's config/team.json.
 */
export async function loadConfig(path: string = DEFAULT_CONFIG_PATH, teamPath?: string): Promise<ConfigResult> {
  const beside = join(dirname(path), 'team.json');
  const [rules, team] = await Promise.all([readText(path), readText(teamPath ?? beside)]);
  if (!rules.ok) return rules;
  const usedTeam = !team.ok && teamPath === undefined && team.issues[0]?.message === 'file not found'
    ? { path: DEFAULT_TEAM_PATH, read: await readText(DEFAULT_TEAM_PATH) }
    : { path: teamPath ?? beside, read: team };
  if (!usedTeam.read.ok) return usedTeam.read;
  return parseConfig(rules.text, path, { json: usedTeam.read.text, fileName: usedTeam.path });
}

/** Reads and validates a team file on its own (for `decide --team`, `rescore`, `simulate`). */
export async function loadTeam(path: string = DEFAULT_TEAM_PATH): Promise<TeamResult> {
  const read = await readText(path);
  if (!read.ok) return read;
  return parseTeam(read.text, path);
}
