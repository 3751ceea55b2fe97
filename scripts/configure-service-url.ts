// `npm run configure:service-url -- https://decisions.example.org`: points the webhooks and the
// "Decide lead" workflow action at the URL where `lead-decisions serve` runs (docs/workflows.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { decideActionComponent, DECIDE_ACTION_FILE, parseServiceUrl, webhooksComponent, WEBHOOKS_FILE } from '../lib/project/components.ts';
import { repoRoot } from './function-bundles.ts';

const raw = process.argv[2];
if (!raw) {
  console.error('usage: npm run configure:service-url -- https://<where lead-decisions serve runs>');
  process.exit(2);
}
const parsed = parseServiceUrl(raw);
if (!parsed.ok) {
  console.error(`configure:service-url: ${parsed.message}. Nothing was changed.`);
  process.exit(2);
}
for (const [file, component] of [[WEBHOOKS_FILE, webhooksComponent(parsed.url)], [DECIDE_ACTION_FILE, decideActionComponent(parsed.url)]] as const) {
  const path = join(repoRoot, 'src', file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(component, null, 2)}\n`);
  console.log(`wrote ${relative(repoRoot, path)}`);
}
console.log(`Both components now point at ${parsed.url}. Check with \`npm run check:project\`, then \`hs project upload\`.`);
