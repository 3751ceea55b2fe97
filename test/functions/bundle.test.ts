// The committed bundles are what HubSpot runs: load each in a fresh Node process, as the
// function runtime does, and call main() against the emulator. This catches a bundle that
// builds but fails at run time (for example an API the bundle plugin left out).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecisionHistoryReplySchema, RescoreReplySchema } from '../../lib/core/reply.ts';
import { createContact, HIGH_INTENT_CONTACT, SOFTWARE_COMPANY, startFunctionEmulator, type FunctionEmulator } from './helpers.ts';

const run = promisify(execFile);
const dist = join(import.meta.dirname, '../../src/app/functions/dist');

async function callBundle(uid: string, parameters: Record<string, unknown>, env: Record<string, string>): Promise<unknown> {
  const script = `require(${JSON.stringify(join(dist, `${uid}.js`))}).main({ parameters: ${JSON.stringify(parameters)} })
    .then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });`;
  const { stdout } = await run(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 });
  return JSON.parse(stdout);
}

describe('function bundles (src/app/functions/dist)', () => {
  let fx: FunctionEmulator;
  let contactId: string;
  beforeAll(async () => {
    fx = await startFunctionEmulator();
    contactId = await createContact(fx, HIGH_INTENT_CONTACT('bundle'), SOFTWARE_COMPANY);
  });
  afterAll(() => fx.emu.close());

  it('rescore_contact decides and writes through the bundled api-client', async () => {
    const reply = RescoreReplySchema.parse(await callBundle('rescore_contact', { contactId }, { PRIVATE_APP_ACCESS_TOKEN: 'test', HUBSPOT_BASE_URL: fx.env.HUBSPOT_BASE_URL }));
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.changed).toBe(true);
    expect(fx.emu.store.getContact(contactId)?.properties['decision_key']).toBe(reply.decision.decisionKey);
  });

  it('decision_history reads the decision back from property history', async () => {
    const reply = DecisionHistoryReplySchema.parse(await callBundle('decision_history', { contactId }, { PRIVATE_APP_ACCESS_TOKEN: 'test', HUBSPOT_BASE_URL: fx.env.HUBSPOT_BASE_URL }));
    expect(reply.ok && reply.entries.length).toBe(1);
  });

  it('answers a missing token with a clear error, not a crash', async () => {
    const reply = RescoreReplySchema.parse(await callBundle('rescore_contact', { contactId }, { HUBSPOT_BASE_URL: fx.env.HUBSPOT_BASE_URL }));
    expect(reply).toMatchObject({ ok: false, error: { code: 'missing_token' } });
  });
});
