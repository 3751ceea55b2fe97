// `npm run build`: the function bundles HubSpot needs and the custom code action bundles.
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { CUSTOM_CODE_ACTIONS, writeCustomCode } from './custom-code-bundles.ts';
import { functionUids, repoRoot, writeBundle } from './function-bundles.ts';

const report = (file: string): void => console.log(`built ${relative(repoRoot, file)} (${(statSync(file).size / 1024).toFixed(0)} KiB)`);

for (const uid of functionUids()) report(await writeBundle(uid));
for (const name of CUSTOM_CODE_ACTIONS) report(await writeCustomCode(name));
