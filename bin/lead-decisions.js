#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx lead-decisions` works without a build step.
import { register } from 'tsx/esm/api';

// `lead-decisions decide … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { main } = await import('../lib/cli/main.ts');
await main(process.argv);
