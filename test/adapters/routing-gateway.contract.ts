// ONE contract for the routing reads and the Lead write (RoutingGateway): run against the
// in-memory fake and against the real adapter on the emulator (routing-gateway.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoutingGateway } from '../../lib/ports.ts';

export interface RoutingSubject {
  gateway: RoutingGateway & { updateContact(id: string, properties: Record<string, string>): Promise<void> };
  seedContact(properties: Record<string, string>): Promise<string>;
  /** Owners that exist in this portal. */
  ownerIds: [string, string, string];
  /** Owners the portal's users object marks out of office. */
  awayOwnerIds: string[];
  close(): Promise<void>;
}

const LONG_AGO = '2000-01-01T00:00:00.000Z';
const FAR_AHEAD = '2100-01-01T00:00:00.000Z';

export function describeRoutingGatewayContract(name: string, factory: () => Promise<RoutingSubject>): void {
  describe(`RoutingGateway contract: ${name}`, () => {
    let s: RoutingSubject;
    beforeAll(async () => { s = await factory(); });
    afterAll(async () => s?.close());

    it('counts owner load per owner in one read, only assignments since the given time', async () => {
      const [a, b, c] = s.ownerIds;
      const before = await s.gateway.countOwnerLoad([a, b, c], LONG_AGO);
      const ids = await Promise.all([1, 2, 3].map((i) => s.seedContact({ email: `load-${i}-${name.length}@example.org` })));
      await s.gateway.updateContact(ids[0]!, { hubspot_owner_id: a });
      await s.gateway.updateContact(ids[1]!, { hubspot_owner_id: a });
      await s.gateway.updateContact(ids[2]!, { hubspot_owner_id: b });
      const after = await s.gateway.countOwnerLoad([a, b, c], LONG_AGO);
      expect({ a: after[a]! - before[a]!, b: after[b]! - before[b]!, c: after[c]! - before[c]! }).toEqual({ a: 2, b: 1, c: 0 });
      expect(await s.gateway.countOwnerLoad([a, b, c], FAR_AHEAD)).toEqual({ [a]: 0, [b]: 0, [c]: 0 });
    });

    it('counts nothing for no owners', async () => {
      expect(await s.gateway.countOwnerLoad([], LONG_AGO)).toEqual({});
    });

    it('reads out-of-office owners from the users object and names the property it used', async () => {
      expect(await s.gateway.readOwnerAvailability()).toEqual({ property: 'hs_out_of_office', unavailableOwnerIds: s.awayOwnerIds });
    });

    it('creates a Lead once per contact and updates it after (idempotent)', async () => {
      const [a, b] = s.ownerIds;
      const contactId = await s.seedContact({ email: `lead-${name.length}@example.org` });
      const spec = { contactId, ownerId: a, name: 'Ada Lovelace', pipeline: 'lead-pipeline-id', stage: 'new-stage-id' };
      const first = await s.gateway.ensureLead(spec);
      const again = await s.gateway.ensureLead(spec);
      const moved = await s.gateway.ensureLead({ ...spec, ownerId: b });
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, created: false });
      expect(moved).toEqual({ id: first.id, created: false });
    });
  });
}
