#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx lead-decisions` works without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/main.ts');
await main(process.argv);
