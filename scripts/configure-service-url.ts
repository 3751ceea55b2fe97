// `npm run configure:service-url -- https://decisions.example.org`: points the webhooks and the
// "Decide lead" workflow action at the URL where `lead-decisions serve` runs (docs/workflows.md).
// `--project DIR` writes another project copy (tests use it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decideActionComponent, DECIDE_ACTION_FILE, parseServiceUrl, webhooksComponent, WEBHOOKS_FILE } from '../lib/project/components.ts';
import { repoRoot } from './function-bundles.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { project: { type: 'string' } } });
const raw = positionals[0];
if (!raw || positionals.length > 1) {
  console.error('usage: npm run configure:service-url -- https://<where lead-decisions serve runs> [--project DIR]');
  process.exit(2);
}
const parsed = parseServiceUrl(raw);
if (!parsed.ok) {
  console.error(`configure:service-url: ${parsed.message}. Nothing was changed.`);
  process.exit(2);
}
const projectDir = values.project ? resolve(values.project) : repoRoot;
for (const [file, component] of [[WEBHOOKS_FILE, webhooksComponent(parsed.url)], [DECIDE_ACTION_FILE, decideActionComponent(parsed.url)]] as const) {
  const path = join(projectDir, 'src', file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(component, null, 2)}\n`);
  console.log(`wrote ${relative(projectDir, path)}`);
}
console.log(`Both components now point at ${parsed.url}. Check with \`npm run check:project\`, then \`hs project upload\`.`);
