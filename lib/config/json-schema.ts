// The editor JSON Schemas of config/decisions.json and config/team.json, generated from the zod schemas.
// Regenerate with `npx tsx lib/config/json-schema.ts`; a test fails when a committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigSchema } from '../core/config-schema.ts';
import { TeamSchema } from '../core/team-schema.ts';

export const SCHEMA_PATH = fileURLToPath(new URL('../../config/decisions.schema.json', import.meta.url));
export const TEAM_SCHEMA_PATH = fileURLToPath(new URL('../../config/team.schema.json', import.meta.url));

export function configJsonSchemaText(): string {
  const schema = z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' });
  const withMeta = { ...schema, title: 'Lead Decisions rules config', description: 'Weights, thresholds, persona rules, lifecycle moves and throttles. The team lives in team.json. See docs/configuration.md.' };
  return `${JSON.stringify(withMeta, null, 2)}\n`;
}

export function teamJsonSchemaText(): string {
  const schema = z.toJSONSchema(TeamSchema, { io: 'input', unrepresentable: 'any' });
  const withMeta = { ...schema, title: 'Lead Decisions team', description: 'Owners, PTO, capacities, pools, territories, fallback, account aliases and the Leads switch. See docs/configuration.md and docs/routing.md.' };
  return `${JSON.stringify(withMeta, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, configJsonSchemaText());
  writeFileSync(TEAM_SCHEMA_PATH, teamJsonSchemaText());
  console.error(`wrote ${SCHEMA_PATH} and ${TEAM_SCHEMA_PATH}`);
}
