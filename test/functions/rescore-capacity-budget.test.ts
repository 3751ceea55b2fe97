// The card re-score with capacity checked in production (emulator, real api-client): an unowned
// lead for a pool with a cap reads the pool's owner load in ONE search, beside the throttle
// counts, and the re-score still takes at most 4 sequential round trips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescoreGateway } from '../../lib/adapters/hubspot/rescore-gateway.ts';
import { rescoreContact } from '../../lib/services/rescore.ts';
import { callsIn, createContact, HIGH_INTENT_CONTACT, sequentialDepth, SOFTWARE_COMPANY, startFunctionEmulator, type FunctionEmulator } from './helpers.ts';
import { testConfig } from '../core/helpers.ts';

let fx: FunctionEmulator;
beforeAll(async () => { fx = await startFunctionEmulator({}, 'capacity-token'); fx.emu.setFaults({ latencyMs: 40 }); });
afterAll(async () => fx?.emu.close());

describe('re-score with a capacity cap', () => {
  it('counts the pool load in one search and stays within 4 sequential round trips', async () => {
    const config = testConfig((c) => { for (const o of c.routing.owners) if (['104', '105', '106'].includes(o.id)) o.capacity = 1; });
    const crm = createRescoreGateway({ accessToken: fx.env.HUBSPOT_ACCESS_TOKEN, basePath: fx.emu.url });
    const deps = { crm, config, clock: { now: () => new Date() }, enrichment: { id: 'hubspot-company', lookup: async () => null }, ai: { id: 'rules', classify: async () => { throw new Error('unused'); } } };
    // Two EMEA reps already at their cap of 1 today: the third must get the lead.
    await createContact(fx, { email: 'l1@load.example', hubspot_owner_id: '104' });
    await createContact(fx, { email: 'l2@load.example', hubspot_owner_id: '106' });
    const contactId = await createContact(fx, HIGH_INTENT_CONTACT('cap'), SOFTWARE_COMPANY);
    fx.emu.requestLog.clear();
    const reply = await rescoreContact(contactId, deps);
    const entries = fx.emu.requestLog.entries();
    expect(reply.ownerId).toBe('105');
    expect(callsIn(entries).filter((c) => c === 'POST /crm/v3/objects/contacts/search')).toHaveLength(1);
    expect(sequentialDepth(entries, 20)).toBeLessThanOrEqual(4);
  });
});
