// Custom code action figures: each pasteable file's size (what a marketer pastes into the
// workflow editor) and its cold start in a fresh Node process with nothing else reachable:
// load the file, then the first main() call (decide_and_write against the emulator).
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Figures } from './run.ts';
import { CUSTOM_CODE_ACTIONS, customCodeFile, writeCustomCode } from '../scripts/custom-code-bundles.ts';
import { createContact, HIGH_INTENT_CONTACT, SOFTWARE_COMPANY, startFunctionEmulator } from '../test/functions/helpers.ts';

const COLD_RUNS = 3;
const execFileAsync = promisify(execFile);
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const EVENTS: Record<string, (contactId: string) => unknown> = {
  normalize: () => ({ inputFields: { email: 'ada@orbitsoft.io', phone: '030 901820', country: 'Deutschland', jobtitle: 'VP Engineering' } }),
  score_and_route: () => ({ inputFields: { email: 'ceo@orbitsoft.io', jobtitle: 'CEO', country: 'Germany', hs_analytics_num_page_views: '12', num_conversion_events: '3', company_domain: 'orbitsoft.io' } }),
  decide_and_write: (contactId) => ({ object: { objectId: contactId, objectType: 'CONTACT' }, inputFields: {} }),
};

async function coldStart(name: string, event: unknown, env: Record<string, string>): Promise<{ loadMs: number; firstCallMs: number; ok: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'custom-code-bench-'));
  try {
    copyFileSync(customCodeFile(name), join(dir, 'action.js'));
    const script = `const t0 = performance.now(); const a = require('./action.js'); const t1 = performance.now();
      a.main(${JSON.stringify(event)}).then((r) => process.stdout.write(JSON.stringify({ loadMs: t1 - t0, firstCallMs: performance.now() - t1, ok: !!r.outputFields })));`;
    const { stdout } = await execFileAsync(process.execPath, ['-e', script], { cwd: dir, env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 });
    return JSON.parse(stdout) as { loadMs: number; firstCallMs: number; ok: boolean };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Figures> {
  const built: string[] = [];
  for (const name of CUSTOM_CODE_ACTIONS) if (!existsSync(customCodeFile(name))) { await writeCustomCode(name); built.push(name); }
  const fx = await startFunctionEmulator({ contacts: 0, rateLimit: { enabled: false } });
  try {
    const contactId = await createContact(fx, HIGH_INTENT_CONTACT('bench'), SOFTWARE_COMPANY);
    const env = { HUBSPOT_ACCESS_TOKEN: fx.env.HUBSPOT_ACCESS_TOKEN, HUBSPOT_BASE_URL: fx.env.HUBSPOT_BASE_URL };
    const figures: Figures = {};
    for (const name of CUSTOM_CODE_ACTIONS) {
      const text = readFileSync(customCodeFile(name));
      const note = built.includes(name) ? 'built for this run (absent on disk)' : `custom-code/${name}.js as on disk`;
      figures[`custom_code.${name}.bundle_kib`] = { value: Math.round(statSync(customCodeFile(name)).size / 1024), unit: 'KiB', note };
      figures[`custom_code.${name}.bundle_gzip_kib`] = { value: Math.round(gzipSync(text).length / 1024), unit: 'KiB', note: 'gzip -6, for comparison' };
      const runs = [];
      for (let i = 0; i < COLD_RUNS; i++) runs.push(await coldStart(name, EVENTS[name]!(contactId), env));
      figures[`custom_code.${name}.cold_load_ms`] = { value: Math.round(median(runs.map((r) => r.loadMs))), unit: 'ms', note: `median of ${COLD_RUNS} fresh processes` };
      figures[`custom_code.${name}.first_call_ms`] = { value: Math.round(median(runs.map((r) => r.firstCallMs))), unit: 'ms', note: `${runs.filter((r) => r.ok).length}/${COLD_RUNS} ok${name === 'decide_and_write' ? ', against the local emulator' : ''}` };
    }
    return figures;
  } finally {
    await fx.emu.close();
  }
}
