// decide_and_write.js alone in a fresh process against the emulator: it reads and writes the
// contact through plain fetch with the token secret, returns the decision as typed outputs, and
// on HubSpot failures either answers the safe default or throws so HubSpot retries (429/5xx).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../local/emulator/index.ts';
import { createContact, HIGH_INTENT_CONTACT, SOFTWARE_COMPANY, startFunctionEmulator, storedContact, taskIdsOf, type FunctionEmulator } from '../functions/helpers.ts';
import { assertOutputTypes, ensureBundles, eventFor, runBundle } from './helpers.ts';

let fx: FunctionEmulator;
let secrets: Record<string, string>;

beforeAll(async () => {
  await ensureBundles();
  fx = await startFunctionEmulator({ contacts: 0 });
  secrets = { HUBSPOT_ACCESS_TOKEN: fx.env.HUBSPOT_ACCESS_TOKEN, HUBSPOT_BASE_URL: fx.env.HUBSPOT_BASE_URL };
}, 120_000);
afterAll(() => fx.emu.close());

describe('decide_and_write.js against the emulator', () => {
  it('decides the enrolled contact, writes it, and returns what it wrote', async () => {
    const contactId = await createContact(fx, HIGH_INTENT_CONTACT('cc1'), SOFTWARE_COMPANY);
    const run = await runBundle('decide_and_write', eventFor({}, Number(contactId)), secrets);
    if (!run.ok) throw new Error(run.error.message);
    assertOutputTypes(run.outputFields);
    const stored = storedContact(fx.emu, contactId);
    expect(run.outputFields).toMatchObject({
      contact_id: contactId, changed: true, is_safe_default: false, reason_code: 'decided',
      routing_tier: stored['routing_tier'], lead_score: Number(stored['lead_score']), intent_score: Number(stored['intent_score']),
      fit_score: Number(stored['fit_score']), content_track: stored['content_track'], last_decision_reason: stored['last_decision_reason'],
      owner_id: stored['hubspot_owner_id'] ?? '',
    });
    expect(stored['decision_key']).toMatch(/\S/);
    expect(run.outputFields['task_created']).toBe(taskIdsOf(fx, contactId).length === 1);
  });

  it('a second run (HubSpot retrying the action) writes nothing new and creates no second task', async () => {
    const contactId = await createContact(fx, HIGH_INTENT_CONTACT('cc2'), SOFTWARE_COMPANY);
    const first = await runBundle('decide_and_write', eventFor({}, contactId), secrets);
    const tasks = taskIdsOf(fx, contactId).length;
    fx.emu.requestLog.clear();
    const second = await runBundle('decide_and_write', eventFor({}, contactId), secrets);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.outputFields).toMatchObject({ changed: false, task_created: false, routing_tier: first.outputFields['routing_tier'] });
    expect(fx.emu.requestLog.entries().filter((e) => e.method === 'PATCH' || (e.method === 'POST' && e.path === '/crm/v3/objects/tasks'))).toEqual([]);
    expect(taskIdsOf(fx, contactId)).toHaveLength(tasks);
  });

  it.each([
    { name: 'no token secret', event: eventFor({}, 1), drop: true, code: 'token_missing' },
    { name: 'no contact id', event: { inputFields: {} }, drop: false, code: 'contact_missing' },
    { name: 'a contact that does not exist', event: eventFor({}, 999_999_999), drop: false, code: 'contact_not_found' },
  ])('$name → the safe default route with reason $code, nothing thrown', async ({ event, drop, code }) => {
    const run = await runBundle('decide_and_write', event, drop ? { HUBSPOT_BASE_URL: secrets['HUBSPOT_BASE_URL']! } : secrets);
    if (!run.ok) throw new Error(run.error.message);
    assertOutputTypes(run.outputFields);
    expect(run.outputFields).toMatchObject({ routing_tier: 'low', is_safe_default: true, reason_code: code, changed: false });
  });

  it('throws with the status on 5xx, so HubSpot retries the action; the token never appears', async () => {
    const contactId = await createContact(fx, HIGH_INTENT_CONTACT('cc3'));
    fx.emu.setFaults({ errorRate: 1 });
    try {
      const run = await runBundle('decide_and_write', eventFor({}, contactId), secrets);
      expect(run.ok).toBe(false);
      if (run.ok) return;
      expect(run.error).toMatchObject({ name: 'RetryLaterError', message: expect.stringContaining('HubSpot retries this action') });
      expect([500, 502, 503]).toContain(run.error.statusCode);
      expect(run.error.message).not.toContain(secrets['HUBSPOT_ACCESS_TOKEN']);
    } finally {
      fx.emu.setFaults({ errorRate: 0 });
    }
  });

  it('throws with 429 when HubSpot rate-limits, so HubSpot retries later', async () => {
    const contactId = await createContact(fx, HIGH_INTENT_CONTACT('cc4'));
    fx.emu.setRateLimit({ burstPer10s: 0 });
    try {
      const run = await runBundle('decide_and_write', eventFor({}, contactId), secrets);
      expect(run).toMatchObject({ ok: false, error: { name: 'RetryLaterError', statusCode: 429 } });
    } finally {
      fx.emu.setRateLimit({ burstPer10s: 190 });
    }
  });

  it('a HubSpot call that hangs is given up after 4 s and thrown as 503, so HubSpot retries', async () => {
    const contactId = await createContact(fx, HIGH_INTENT_CONTACT('cc5'));
    fx.emu.setFaults({ hangRate: 1, paths: '^/crm/v3/objects/contacts/*$' });
    try {
      const run = await runBundle('decide_and_write', eventFor({}, contactId), secrets);
      expect(run).toMatchObject({ ok: false, error: { name: 'RetryLaterError', statusCode: 503, message: expect.stringContaining('no answer within 4000 ms') } });
    } finally {
      fx.emu.setFaults({ hangRate: 0, paths: '' });
    }
  });

  it('a token HubSpot refuses (401) gives the safe default with a reason naming the secret', async () => {
    const emu = await startEmulator({ port: 0, db: ':memory:', contacts: 0, token: 'the-real-token' });
    try {
      const run = await runBundle('decide_and_write', eventFor({}, 1), { HUBSPOT_ACCESS_TOKEN: 'a-wrong-token', HUBSPOT_BASE_URL: emu.url });
      expect(run).toMatchObject({ ok: true, outputFields: { routing_tier: 'low', reason_code: 'hubspot_refused' } });
      if (run.ok) expect(run.outputFields['last_decision_reason']).toContain('HUBSPOT_ACCESS_TOKEN');
    } finally {
      await emu.close();
    }
  });
});
