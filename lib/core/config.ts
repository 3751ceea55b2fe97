// Parsing the rules config: pure (text or JSON in, typed config or precise issues out).
import type { z } from 'zod';
import { ConfigSchema } from './config-schema.ts';
import { canonicalJson, hashHex } from './hash.ts';

export type ConfigData = z.output<typeof ConfigSchema>;

/** The validated config plus its `scoring_version` (version + short content hash). */
export type Config = ConfigData & { scoringVersion: string };

export interface ConfigIssue {
  path: string;
  message: string;
}

export type ConfigResult =
  | { ok: true; config: Config }
  | { ok: false; fileName: string; issues: ConfigIssue[]; message: string };

/** `2026.11.1+a1b2c3d`: the version plus 7 hex characters of the canonical content (minus `$schema`). */
export function scoringVersionOf(data: ConfigData): string {
  const { $schema: _ignored, ...content } = data;
  return `${data.version}+${hashHex(canonicalJson(content)).slice(-7)}`;
}

/** Parses config text (or already-parsed JSON). Never throws; errors name the file, the path and the problem. */
export function parseConfig(json: unknown, fileName: string): ConfigResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return fail(fileName, [{ path: '(file)', message: `not valid JSON: ${detail}` }]);
    }
  }
  const parsed = ConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.length === 0 ? '(root)' : i.path.map(String).join('.'),
      message: i.message,
    }));
    return fail(fileName, issues);
  }
  return { ok: true, config: { ...parsed.data, scoringVersion: scoringVersionOf(parsed.data) } };
}

function fail(fileName: string, issues: ConfigIssue[]): ConfigResult {
  const lines = issues.map((i) => `  ${i.path}: ${i.message}`);
  const message = `${fileName} is not a valid Lead Decisions config (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
  return { ok: false, fileName, issues, message };
}
