// How a re-score talks to HubSpot: how many calls, how many of them one after another, and
// what is left behind when a call fails part-way (docs/functions.md, "Re-score: calls and write order").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleRescore } from '../../lib/functions/rescore_contact.ts';
import { Client } from '@hubspot/api-client';
import { FUNCTION_RETRIES } from '../../lib/functions/adapters.ts';
import type { RequestLogEntry } from '../../local/emulator/index.ts';
import type { RescoreReply } from '../../lib/core/reply.ts';
import { callsIn, createContact, HIGH_INTENT_CONTACT, sequentialDepth, SOFTWARE_COMPANY, startFunctionEmulator, storedContact, taskIdsOf, type FunctionEmulator } from './helpers.ts';

let fx: FunctionEmulator;
beforeAll(async () => { fx = await startFunctionEmulator(); });
afterAll(async () => fx?.emu.close());

const rescore = (contactId: string, env: Record<string, string> = fx.env): Promise<RescoreReply> => handleRescore({ parameters: { contactId } }, env);
/** Emulator latency in the depth tests, so that two concurrent requests always overlap in the log. */
const LATENCY_MS = 40;
/** Properties one decision always writes together (one PATCH): all present or all absent. */
const AUDIT = ['intent_score', 'fit_score', 'lead_score', 'routing_tier', 'decision_key', 'last_decision_reason', 'last_decision_at', 'scoring_version'];
const presentAudit = (contactId: string): string[] => AUDIT.filter((p) => storedContact(fx.emu, contactId)[p] !== undefined);

async function measured(contactId: string): Promise<{ reply: RescoreReply; calls: string[]; depth: number }> {
  fx.emu.requestLog.clear();
  const reply = await rescore(contactId);
  const entries = fx.emu.requestLog.entries();
  return { reply, calls: callsIn(entries), depth: sequentialDepth(entries, LATENCY_MS / 2) };
}

describe('sequentialDepth', () => {
  const span = (start: number, end: number): RequestLogEntry => ({ method: 'GET', path: '/x', status: 200, at: end, durationMs: end - start });
  it.each([
    { name: 'nothing', spans: [], depth: 0 },
    { name: 'one call', spans: [span(0, 20)], depth: 1 },
    { name: 'two side by side', spans: [span(0, 20), span(1, 21)], depth: 1 },
    { name: 'two in a row, the second logged 1 ms early by rounding', spans: [span(0, 20), span(19, 40)], depth: 2 },
    { name: 'read, then two in parallel, then one', spans: [span(0, 20), span(21, 41), span(22, 43), span(44, 64)], depth: 3 },
    { name: 'a long call beside a chain of three', spans: [span(0, 70), span(0, 20), span(21, 41), span(42, 62)], depth: 3 },
  ])('$name → $depth', ({ spans, depth }) => {
    expect(sequentialDepth(spans, 10)).toBe(depth);
  });
});

describe('calls per re-score', () => {
  beforeAll(() => fx.emu.setFaults({ latencyMs: LATENCY_MS }));
  afterAll(() => fx.emu.setFaults({ latencyMs: 0 }));

  it('a high-tier contact due a task: 5 calls in 4 sequential round trips; the repeat reads in 2 and writes nothing', async () => {
    const contactId = await createContact(fx, HIGH_INTENT_CONTACT('depth'), SOFTWARE_COMPANY);
    const first = await measured(contactId);
    expect(first.reply).toMatchObject({ ok: true, taskCreated: true });
    expect([...first.calls].sort()).toEqual([
      expect.stringMatching(/^GET \/crm\/v3\/objects\/companies\/\d+$/),
      `GET /crm/v3/objects/contacts/${contactId}`,
      `PATCH /crm/v3/objects/contacts/${contactId}`,
      'POST /crm/v3/objects/tasks',
      'POST /crm/v3/objects/tasks/search',
    ]);
    expect({ depth: first.depth, log: fx.emu.requestLog.entries() }).toMatchObject({ depth: 4 });
    const again = await measured(contactId);
    expect(again.reply).toMatchObject({ ok: true, changed: false });
    expect(again.calls).toHaveLength(3); // contact, then company ∥ the task's body
    expect(again.depth).toBe(2);
  });

  it('every seeded contact: at most 5 calls and at most 4 round trips, first time and again', async () => {
    const page = await fx.client.crm.contacts.basicApi.getPage(100);
    expect(page.results.length).toBeGreaterThan(0);
    for (const { id } of page.results) {
      for (const pass of ['first', 'again']) {
        const { reply, calls, depth } = await measured(id);
        expect({ id, pass, ok: reply.ok, fewCalls: calls.length <= 5, depthWithinBudget: depth <= 4 }).toEqual({ id, pass, ok: true, fewCalls: true, depthWithinBudget: true });
      }
    }
  });
});

describe('write order: the task and the property update go out together, each safe to repeat', () => {
  it('the task create fails for good: properties are written in full; the next re-score adds only the task', async () => {
    const contactId = await createContact(fx, HIGH_INTENT_CONTACT('task-fails'), SOFTWARE_COMPANY);
    fx.emu.setFaults({ errorRate: 1, paths: '^/crm/v3/objects/tasks$', seed: 1 });
    let failed: RescoreReply;
    try {
      failed = await rescore(contactId);
    } finally {
      fx.emu.setFaults({ errorRate: 0, paths: '' });
    }
    expect(failed).toMatchObject({ ok: false, contactId, error: { code: 'crm_error', message: expect.stringContaining(`HubSpot create task for contact ${contactId} failed (50`) } });
    expect(presentAudit(contactId)).toEqual(AUDIT);
    expect(taskIdsOf(fx, contactId)).toEqual([]);

    const retry = await rescore(contactId);
    expect(retry).toMatchObject({ ok: true, changes: [], taskCreated: true, changed: true });
    expect(await rescore(contactId)).toMatchObject({ ok: true, changed: false, taskCreated: false });
    expect(taskIdsOf(fx, contactId)).toHaveLength(1);
  });

  it('the property update fails: the task exists, no property was written; the next re-score writes them and no second task', async () => {
    const contactId = await createContact(fx, HIGH_INTENT_CONTACT('update-fails'), SOFTWARE_COMPANY);
    // The portal refuses the update (a 400, never retried): an admin removed the "high" option.
    const tier = fx.emu.store.properties.get('contacts', 'routing_tier')!;
    fx.emu.store.properties.update('contacts', 'routing_tier', { options: tier.options.filter((o) => o.value !== 'high') });
    let failed: RescoreReply;
    try {
      failed = await rescore(contactId);
    } finally {
      fx.emu.store.properties.update('contacts', 'routing_tier', { options: tier.options });
    }
    expect(failed).toMatchObject({ ok: false, error: { code: 'crm_error', message: expect.stringContaining(`HubSpot update contact ${contactId} failed (400`) } });
    expect(presentAudit(contactId)).toEqual([]);
    expect(taskIdsOf(fx, contactId)).toHaveLength(1);

    const retry = await rescore(contactId);
    expect(retry).toMatchObject({ ok: true, changed: true, taskCreated: false, decision: { tier: 'high' } });
    expect(presentAudit(contactId)).toEqual(AUDIT);
    expect(taskIdsOf(fx, contactId)).toHaveLength(1);
  });

  it.each([1, 2, 3])('random 5xx (30 percent, fault seed %i): repeated re-scores never leave half a decision or two tasks, and end complete', async (seed) => {
    const contactId = await createContact(fx, HIGH_INTENT_CONTACT(`flaky-${seed}`), SOFTWARE_COMPANY);
    fx.emu.setFaults({ errorRate: 0.3, seed });
    const outcomes: string[] = [];
    try {
      for (let attempt = 0; attempt < 6 && !outcomes.includes('ok'); attempt++) {
        const reply = await rescore(contactId);
        outcomes.push(reply.ok ? 'ok' : reply.error.code);
        expect([0, AUDIT.length]).toContain(presentAudit(contactId).length);
        expect(taskIdsOf(fx, contactId).length).toBeLessThanOrEqual(1);
      }
    } finally {
      fx.emu.setFaults({ errorRate: 0 });
    }
    expect(outcomes.filter((o) => o !== 'ok' && o !== 'crm_error')).toEqual([]);
    const settled = await rescore(contactId);
    expect(settled).toMatchObject({ ok: true, taskCreated: false });
    expect(presentAudit(contactId)).toEqual(AUDIT);
    expect(taskIdsOf(fx, contactId)).toHaveLength(1);
    expect(await rescore(contactId)).toMatchObject({ ok: true, changed: false });
  });
});

describe('the ten-second burst limit', () => {
  it('rate_limited mid-read with one attempt per call, and nothing is written', async () => {
    const burst = await startFunctionEmulator({ rateLimit: { enabled: false } }, 'burst-token');
    try {
      // The functions' client makes one attempt and the gateway does not retry a ten-secondly 429:
      // the card hears about it at once instead of after the client's 10 s × n waits.
      const contactId = await createContact(burst, HIGH_INTENT_CONTACT('burst'), SOFTWARE_COMPANY);
      burst.emu.setRateLimit({ enabled: true, burstPer10s: 1 });
      burst.emu.requestLog.clear();
      const reply = await handleRescore({ parameters: { contactId } }, { HUBSPOT_ACCESS_TOKEN: 'burst-token-1', HUBSPOT_BASE_URL: burst.emu.url });
      expect(reply).toMatchObject({ ok: false, contactId, error: { code: 'rate_limited' } });
      expect(burst.emu.requestLog.entries().map((e) => `${e.method} ${e.status}`)).toEqual(['GET 200', 'GET 429']);
      expect(storedContact(burst.emu, contactId)['decision_key']).toBeUndefined();
    } finally {
      new Client({ numberOfApiCallRetries: FUNCTION_RETRIES }); // restores the functions' retries for any later test
      await burst.emu.close();
    }
  });
});
