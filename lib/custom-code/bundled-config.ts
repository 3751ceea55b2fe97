// The rules a custom code bundle decides with: config/decisions.json and the bundled team (config/team.json), parsed once.
// `npm run build` swaps this module for the already-parsed config (scripts/custom-code-bundles.ts),
// so the pasted file carries no config parser; tests of the sources use this one.
import defaultConfigJson from '../../config/decisions.json' with { type: 'json' };
import { parseConfig, type Config } from '../core/config.ts';

let parsed: Config | null = null;

export function bundledConfig(): Config {
  if (parsed) return parsed;
  const result = parseConfig(defaultConfigJson, 'config/decisions.json');
  if (!result.ok) throw new Error(result.message);
  parsed = result.config;
  return parsed;
}
