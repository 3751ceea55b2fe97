// `npm run build`: the function bundles HubSpot needs (committed) and the JSON Schema of the config.
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { functionUids, repoRoot, writeBundle } from './function-bundles.ts';

for (const uid of functionUids()) {
  const file = await writeBundle(uid);
  const kb = (statSync(file).size / 1024).toFixed(0);
  console.log(`built ${relative(repoRoot, file)} (${kb} KiB)`);
}
