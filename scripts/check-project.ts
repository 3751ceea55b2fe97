// `npm run check:project`: the offline part of `hs project validate`, plus bundle freshness.
import { checkProject } from '../lib/project/check.ts';
import { CUSTOM_CODE_ACTIONS, customCodeText } from './custom-code-bundles.ts';
import { bundleText, repoRoot } from './function-bundles.ts';

const problems = await checkProject({ projectDir: repoRoot, bundleText, customCode: { names: CUSTOM_CODE_ACTIONS, text: customCodeText } });
if (problems.length > 0) {
  console.error(`check:project found ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p.file}: ${p.message}`);
  process.exit(1);
}
console.log('check:project: hsproject.json, every hsmeta file, card imports, components, function and custom code bundles are in order.');
