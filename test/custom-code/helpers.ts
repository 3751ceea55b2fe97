// Runs a custom code bundle the way HubSpot's Node 24 runtime does: the file alone in an empty
// folder (no node_modules reachable, NODE_PATH unset), secrets in process.env, main(event) called
// once in a fresh process. The committed file is run; it is built first only when absent.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CUSTOM_CODE_ACTIONS, customCodeFile, writeCustomCode } from '../../scripts/custom-code-bundles.ts';

const run = promisify(execFile);

/** Builds any bundle that is not there yet (on a branch; main commits them). */
export async function ensureBundles(): Promise<void> {
  for (const name of CUSTOM_CODE_ACTIONS) if (!existsSync(customCodeFile(name))) await writeCustomCode(name);
}

export type BundleRun =
  | { ok: true; outputFields: Record<string, unknown>; mainArity: number }
  | { ok: false; error: { name: string; message: string; statusCode?: number } };

const CHILD = `
const action = require('./action.js');
Promise.resolve()
  .then(() => action.main(JSON.parse(process.env.EVENT_JSON)))
  .then((r) => process.stdout.write(JSON.stringify({ ok: true, outputFields: r.outputFields, mainArity: action.main.length })),
        (e) => process.stdout.write(JSON.stringify({ ok: false, error: { name: e.name, message: e.message, statusCode: e.statusCode } })));
`;

export async function runBundle(name: string, event: unknown, secrets: Record<string, string> = {}): Promise<BundleRun> {
  const dir = mkdtempSync(join(tmpdir(), `custom-code-${name}-`));
  try {
    copyFileSync(customCodeFile(name), join(dir, 'action.js'));
    const env = { PATH: process.env['PATH'] ?? '', ...secrets, EVENT_JSON: JSON.stringify(event) };
    const { stdout } = await run(process.execPath, ['-e', CHILD], { cwd: dir, env, timeout: 25_000 });
    return JSON.parse(stdout) as BundleRun;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A workflow's event for a contact, inputs as HubSpot maps them (strings). */
export const eventFor = (inputFields: Record<string, unknown>, objectId: string | number = 101): Record<string, unknown> => ({
  callbackId: 'ap-1-2-3', origin: { portalId: 1, actionDefinitionId: 2 }, object: { objectId, objectType: 'CONTACT' }, inputFields,
});

/** Every output is a type HubSpot accepts: string, number (finite), boolean. */
export function assertOutputTypes(outputs: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(outputs)) {
    const ok = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (!ok) throw new Error(`output ${name} is ${JSON.stringify(value)}, not a HubSpot output type`);
  }
}
