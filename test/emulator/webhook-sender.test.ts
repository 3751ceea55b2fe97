// The emulator's webhook sender: contact changes in the store become v3-signed deliveries of
// HubSpot's event shape, with duplicates, reordering, redelivery and retries on demand.
import { afterEach, describe, expect, it } from 'vitest';
import { parseWebhookSwitches } from '../../local/emulator/cli-options.ts';
import { EmulatorStore } from '../../local/emulator/index.ts';
import { attachWebhookSender, type WebhookEventBody, type WebhookSwitches } from '../../local/emulator/webhooks.ts';
import { verifyV3 } from '../../lib/server/signatures.ts';
import { startServer, type ThrowawayServer } from '../adapters/throwaway-server.ts';

const SECRET = 'sender-secret';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => { for (const f of cleanups.splice(0).reverse()) await f(); });

async function setUp(switches: Partial<WebhookSwitches> = {}, answer: (i: number) => number = () => 200) {
  const target: ThrowawayServer = await startServer((_req, res, i) => { res.writeHead(answer(i)); res.end(); });
  const store = new EmulatorStore(':memory:');
  const url = `${target.url}/webhooks/hubspot`;
  const sender = attachWebhookSender(store, { targetUrl: url, clientSecret: SECRET, properties: ['jobtitle', 'hs_analytics_num_page_views'], flushMs: 10, retryDelayMs: 10, switches });
  cleanups.push(() => target.close(), () => sender.close(), () => store.close());
  const events = () => target.requests.flatMap((r) => JSON.parse(r.body) as WebhookEventBody[]);
  return { target, store, sender, url, events };
}

describe('emulator webhook sender', () => {
  it('sends a creation and each watched property change, signed v3 for the target URL', async () => {
    const { target, store, sender, url, events } = await setUp();
    const created = store.createObjectAsUser('contacts', { email: 'a@b.io', jobtitle: 'CTO' });
    if (!created.ok) throw new Error('create failed');
    store.updateContact(created.value.id, { hs_analytics_num_page_views: '4', firstname: 'Ann' }, { sourceType: 'ANALYTICS' });
    await sender.flush();
    expect(target.requests).toHaveLength(1);
    const req = target.requests[0]!;
    const check = verifyV3(SECRET, { method: 'POST', uri: url, body: req.body, headers: { get: (n) => req.headers[n.toLowerCase()] as string | undefined } }, Date.now());
    expect(check).toEqual({ ok: true, version: 'v3' });
    const id = Number(created.value.id);
    expect(events().map((e) => [e.subscriptionType, e.objectId, e.propertyName ?? null, e.propertyValue ?? null, e.attemptNumber, e.objectTypeId])).toEqual([
      ['object.creation', id, null, null, 0, '0-1'],
      ['object.propertyChange', id, 'jobtitle', 'CTO', 0, '0-1'],
      ['object.propertyChange', id, 'hs_analytics_num_page_views', '4', 0, '0-1'],
    ]);
    expect(new Set(events().map((e) => e.eventId)).size).toBe(3);
  });

  it('duplicates every event with duplicates=1 and delivers a second time with attemptNumber 1 with redeliver=1', async () => {
    const { store, sender, events } = await setUp({ duplicates: 1, redeliver: 1, reorder: true });
    for (let i = 0; i < 30; i++) store.createObjectAsUser('contacts', { email: `p${i}@b.io` });
    await sender.flush();
    const all = events();
    expect(all.filter((e) => e.attemptNumber === 0)).toHaveLength(60);
    expect(all.filter((e) => e.attemptNumber === 1)).toHaveLength(60);
    const firstIds = all.filter((e) => e.attemptNumber === 0).map((e) => e.eventId);
    expect(firstIds).not.toEqual([...firstIds].sort((a, b) => a - b));
  });

  it('retries a delivery answered 5xx with a higher attemptNumber, as HubSpot does', async () => {
    const { target, store, sender, events } = await setUp({}, (i) => (i < 2 ? 503 : 200));
    store.createObjectAsUser('contacts', { email: 'retry@b.io' });
    await sender.flush();
    expect(target.requests).toHaveLength(3);
    expect(events().map((e) => e.attemptNumber)).toEqual([0, 1, 2]);
  });

  it.each([
    ['duplicates=0.3,reorder=1,delay=500,redeliver=0.1,seed=4', { ok: true, value: { duplicates: 0.3, reorder: true, delayMs: 500, redeliver: 0.1, seed: 4 } }],
    ['duplicates=2', { ok: false, message: 'Bad --webhook-faults value for duplicates: duplicates and redeliver are fractions from 0 to 1, reorder is 0 or 1, delay is milliseconds, seed a whole number.' }],
    ['shuffle=1', { ok: false, message: 'Unknown webhook-faults setting "shuffle=1"; use duplicates=…,reorder=…,delay=…,redeliver=…,seed=….' }],
  ])('--webhook-faults %s', (raw, expected) => {
    expect(parseWebhookSwitches(raw)).toEqual(expected);
  });
});
