// One behaviour for both queue adapters: dedupe by identity, newest-wins per contact property,
// one entry per contact, leases that run out, completion that keeps a contact changed meanwhile.
import { expect, it } from 'vitest';
import type { ContactChange } from '../../lib/server/events.ts';
import type { WebhookQueue } from '../../lib/server/queue.ts';

const change = (contactId: string, property: string, occurredAt: number, eventId = occurredAt): ContactChange =>
  ({ key: `p|s|object.propertyChange|${eventId}|${contactId}|${property}|${occurredAt}`, contactId, property, occurredAt });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function queueContract(open: () => Promise<WebhookQueue>, lease: { ms: number }): void {
  it.each([
    ['a first change', [change('1', 'a', 100)], { accepted: 1, duplicates: 0, stale: 0, contacts: 1 }],
    ['the same event twice in one delivery', [change('1', 'a', 100), change('1', 'a', 100)], { accepted: 1, duplicates: 1, stale: 0, contacts: 1 }],
    ['an older change after a newer one', [change('1', 'a', 200), change('1', 'a', 100)], { accepted: 1, duplicates: 0, stale: 1, contacts: 1 }],
    ['two properties of one contact', [change('1', 'a', 100), change('1', 'b', 50)], { accepted: 2, duplicates: 0, stale: 0, contacts: 1 }],
    ['two contacts', [change('1', 'a', 100), change('2', 'a', 100)], { accepted: 2, duplicates: 0, stale: 0, contacts: 2 }],
    ['a creation (no property)', [change('3', '', 100)], { accepted: 1, duplicates: 0, stale: 0, contacts: 1 }],
  ])('enqueue: %s', async (_name, changes, expected) => {
    const q = await open();
    try {
      expect(await q.enqueue(changes, Date.now())).toEqual(expected);
    } finally { await q.close(); }
  });

  it('counts a redelivery in a later request as a duplicate and a late older change as stale', async () => {
    const q = await open();
    try {
      await q.enqueue([change('1', 'a', 300)], Date.now());
      expect(await q.enqueue([change('1', 'a', 300), change('1', 'a', 200, 7)], Date.now())).toEqual({ accepted: 0, duplicates: 1, stale: 1, contacts: 0 });
    } finally { await q.close(); }
  });

  it('hands out each waiting contact once (coalesced), and never to two claims at a time', async () => {
    const q = await open();
    try {
      await q.enqueue([change('1', 'a', 1), change('1', 'b', 2), change('2', 'a', 1)], Date.now());
      await q.enqueue([change('1', 'a', 5)], Date.now());
      const first = await q.claim(10, 60_000);
      expect(first.map((c) => c.contactId).sort()).toEqual(['1', '2']);
      expect(await q.claim(10, 60_000)).toEqual([]);
      await q.complete(first);
      expect(await q.depth()).toBe(0);
    } finally { await q.close(); }
  });

  it('keeps a contact that changed while it was being decided, for one more pass', async () => {
    const q = await open();
    try {
      await q.enqueue([change('1', 'a', 1)], Date.now());
      const [claim] = await q.claim(10, 60_000);
      await q.enqueue([change('1', 'a', 2)], Date.now());
      await q.complete([claim!]);
      const again = await q.claim(10, 60_000);
      expect(again.map((c) => c.contactId)).toEqual(['1']);
      await q.complete(again);
      expect(await q.depth()).toBe(0);
    } finally { await q.close(); }
  });

  it('gives a contact to another worker once the lease of a worker that died runs out', async () => {
    const q = await open();
    try {
      await q.enqueue([change('9', 'a', 1)], Date.now());
      expect(await q.claim(10, lease.ms)).toHaveLength(1);
      const retaken = await waitForClaim(q, lease.ms);
      expect(retaken.map((c) => c.contactId)).toEqual(['9']);
      await q.complete(retaken);
      expect(await q.depth()).toBe(0);
    } finally { await q.close(); }
  });

  it('remembers a workflow answer per callbackId, first answer wins', async () => {
    const q = await open();
    try {
      expect(await q.recallAnswer('cb-1')).toBeNull();
      await q.storeAnswer('cb-1', { outputFields: { routing_tier: 'high' } });
      await q.storeAnswer('cb-1', { outputFields: { routing_tier: 'low' } });
      expect(await q.recallAnswer('cb-1')).toEqual({ outputFields: { routing_tier: 'high' } });
    } finally { await q.close(); }
  });

  async function waitForClaim(q: WebhookQueue, leaseMs: number) {
    const until = Date.now() + leaseMs * 4 + 5_000;
    for (;;) {
      const claims = await q.claim(10, 60_000);
      if (claims.length > 0 || Date.now() > until) return claims;
      await sleep(200);
    }
  }
}
