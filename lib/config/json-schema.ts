// The editor JSON Schema of config/decisions.json, generated from the zod schema.
// Regenerate with `npx tsx lib/config/json-schema.ts`; a test fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigSchema } from '../core/config-schema.ts';

export const SCHEMA_PATH = fileURLToPath(new URL('../../config/decisions.schema.json', import.meta.url));

export function configJsonSchemaText(): string {
  const schema = z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' });
  const withMeta = { ...schema, title: 'Lead Decisions rules config', description: 'Weights, thresholds, persona rules, territories, owner pools and throttles. See docs/configuration.md.' };
  return `${JSON.stringify(withMeta, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, configJsonSchemaText());
  console.error(`wrote ${SCHEMA_PATH}`);
}
