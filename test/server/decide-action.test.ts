// POST /workflow-actions/decide against the emulator through the real api-client: the output
// fields, v2 and v3 signatures, one decision per enrollment, and the safe default on failure.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { functionConfig } from '../../lib/functions/shell.ts';
import { startServe, type RunningServe } from '../../lib/server/index.ts';
import { signV2, signV3 } from '../../lib/server/signatures.ts';
import { createContact, HIGH_INTENT_CONTACT, SOFTWARE_COMPANY, startFunctionEmulator, storedContact, taskIdsOf, type FunctionEmulator } from '../functions/helpers.ts';
import { PUBLIC_URL, SECRET, waitFor } from './storm.ts';

const ACTION_URI = `${PUBLIC_URL}/workflow-actions/decide`;
let fx: FunctionEmulator;
let serve: RunningServe;
let contactId: string;
let n = 0;

beforeAll(async () => {
  fx = await startFunctionEmulator({ contacts: 0, rateLimit: { enabled: false } });
  contactId = await createContact(fx, HIGH_INTENT_CONTACT('action'), SOFTWARE_COMPANY);
  serve = await startServe({
    port: 0, queue: { kind: 'sqlite', file: ':memory:' }, config: functionConfig(),
    env: { ...fx.env, HUBSPOT_CLIENT_SECRET: SECRET, LEAD_DECISIONS_PUBLIC_URL: PUBLIC_URL },
  });
});
afterAll(async () => { await serve?.close(); await fx?.emu.close(); });
beforeEach(() => fx.emu.setFaults({ errorRate: 0 }));

const request = (objectId: string | null, callbackId = `cb-${++n}`) => ({
  callbackId, origin: { portalId: 1_000_001, actionDefinitionId: 7, actionDefinitionVersion: 1 },
  context: { source: 'WORKFLOWS', workflowId: 42 },
  ...(objectId ? { object: { objectId: Number(objectId), objectType: 'CONTACT' } } : {}),
  inputFields: {},
});

async function call(body: unknown, sign: 'v2' | 'v3' | 'bad' = 'v2'): Promise<{ status: number; json: Record<string, unknown> }> {
  const raw = JSON.stringify(body);
  const ts = Date.now();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (sign === 'v2') headers['x-hubspot-signature'] = signV2(SECRET, 'POST', ACTION_URI, raw);
  if (sign === 'bad') headers['x-hubspot-signature'] = signV2('wrong-secret', 'POST', ACTION_URI, raw);
  if (sign === 'v3') Object.assign(headers, { 'x-hubspot-signature-v3': signV3(SECRET, 'POST', ACTION_URI, raw, ts), 'x-hubspot-request-timestamp': String(ts) });
  const res = await fetch(`${serve.url}/workflow-actions/decide`, { method: 'POST', body: raw, headers });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('POST /workflow-actions/decide', () => {
  it('decides, writes like Re-score, and answers the seven output fields the workflow branches on', async () => {
    const { status, json } = await call(request(contactId));
    expect(status).toBe(200);
    const out = json['outputFields'] as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['content_track', 'fit_score', 'intent_score', 'last_decision_reason', 'lead_score', 'owner_id', 'routing_tier']);
    const stored = storedContact(fx.emu, contactId);
    expect(out).toEqual({
      routing_tier: stored['routing_tier'], intent_score: Number(stored['intent_score']), fit_score: Number(stored['fit_score']),
      lead_score: Number(stored['lead_score']), owner_id: stored['hubspot_owner_id'] ?? '', content_track: stored['content_track'],
      last_decision_reason: stored['last_decision_reason'],
    });
    // A hot lead: the follow-up task, like Re-score would create it.
    expect(taskIdsOf(fx, contactId)).toHaveLength(1);
  });

  it('a webhook for the same contact afterwards re-scores it without a second task (the action wrote it into the ledger)', async () => {
    const body = JSON.stringify([{ eventId: 1, subscriptionId: 5, portalId: 1, occurredAt: Date.now(), subscriptionType: 'object.propertyChange', objectTypeId: '0-1', objectId: Number(contactId), propertyName: 'firstname', propertyValue: 'Ada' }]);
    const ts = Date.now();
    const res = await fetch(`${serve.url}/webhooks/hubspot`, { method: 'POST', body, headers: { 'x-hubspot-signature-v3': signV3(SECRET, 'POST', `${PUBLIC_URL}/webhooks/hubspot`, body, ts), 'x-hubspot-request-timestamp': String(ts) } });
    expect(res.status).toBe(200);
    await waitFor('the webhook re-score', async () => (await serve.queue.depth()) === 0 && serve.metrics.get('contacts_rescored_total') === 1);
    expect(taskIdsOf(fx, contactId)).toHaveLength(1);
  });

  it('answers a repeated enrollment (same callbackId) from the stored answer, with no HubSpot call', async () => {
    const body = request(contactId, 'cb-repeat');
    const first = await call(body);
    fx.emu.requestLog.clear();
    const again = await call(body, 'v3');
    expect(again).toEqual(first);
    expect(fx.emu.requestLog.entries()).toEqual([]);
    expect(serve.metrics.get('workflow_actions_replayed_total')).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['HubSpot answers 500 on every call', () => fx.emu.setFaults({ errorRate: 1 }), () => request(contactId), /^Routed low by default: HubSpot read contact \d+ failed \(500 INTERNAL_ERROR\)/],
    ['the contact does not exist', () => {}, () => request('999999'), /^Routed low by default: the contact no longer exists in HubSpot\.$/],
    ['no object is given', () => {}, () => request(null), /^Routed low by default: the action was called without a contact/],
  ])('when %s: 200 with the safe default route and the reason', async (_name, arrange, body, reason) => {
    arrange();
    const { status, json } = await call(body());
    expect(status).toBe(200);
    expect(json['outputFields']).toMatchObject({ routing_tier: 'low', intent_score: 0, fit_score: 0, lead_score: 0, owner_id: '', last_decision_reason: expect.stringMatching(reason) });
  });

  it('does not remember a fallback: the same enrollment retried after the outage is decided for real', async () => {
    const body = request(contactId, 'cb-outage');
    fx.emu.setFaults({ errorRate: 1 });
    expect(((await call(body)).json['outputFields'] as { last_decision_reason: string }).last_decision_reason).toMatch(/^Routed low by default/);
    fx.emu.setFaults({ errorRate: 0 });
    const retried = (await call(body)).json['outputFields'] as { routing_tier: string; last_decision_reason: string };
    expect(retried.last_decision_reason).not.toMatch(/^Routed low by default/);
    expect(retried.routing_tier).toBe(storedContact(fx.emu, contactId)['routing_tier']);
  });

  it('refuses a wrong signature with 401 and decides nothing', async () => {
    fx.emu.requestLog.clear();
    const { status, json } = await call(request(contactId), 'bad');
    expect(status).toBe(401);
    expect(json).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION', message: 'The v2 signature does not match this request.' });
    expect(fx.emu.requestLog.entries()).toEqual([]);
  });
});
