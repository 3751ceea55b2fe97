// The card re-score with the team's routing: capacity read from the CRM in the same run (one
// call for the pool, beside the throttle count), HubSpot out-of-office, and the optional Lead.
import { describe, expect, it } from 'vitest';
import { rescoreContact, type RescoreDeps } from '../../lib/services/rescore.ts';
import { createFakeRescoreGateway } from '../../lib/adapters/hubspot/fake-rescore.ts';
import type { Config } from '../../lib/core/config.ts';
import { rawDefaultTeam, testConfig, type Raw } from '../core/helpers.ts';

const NOW = new Date('2026-11-27T08:00:00.000Z');
const HOT = { email: 'cto@tokyo-soft.jp', jobtitle: 'CTO', country: 'Japan', hs_analytics_num_page_views: '30', num_conversion_events: '3', hs_analytics_last_visit_timestamp: '2026-11-26T08:00:00.000Z' };
const OWNERS = rawDefaultTeam().owners.map((o) => ({ id: o.id, email: o.email, firstName: o.name, lastName: '', teams: [], archived: false }));

function setup(patch: (raw: Raw) => void, preassigned: Record<string, number> = {}) {
  const config: Config = testConfig(patch);
  const g = createFakeRescoreGateway({ now: '2026-11-27T07:00:00.000Z', owners: OWNERS, users: OWNERS.map((o) => ({ email: o.email, outOfOffice: o.id === '108' })) });
  for (const [owner, n] of Object.entries(preassigned)) for (let i = 0; i < n; i++) g.crm.state.addContact({ email: `load-${owner}-${i}@x.org`, hubspot_owner_id: owner });
  const contactId = g.crm.state.addContact(HOT);
  const deps: RescoreDeps = {
    crm: g, config, clock: { now: () => NOW },
    enrichment: { id: 'hubspot-company', lookup: async () => null },
    ai: { id: 'rules', classify: async () => { throw new Error('unused'); } },
  };
  return { g, deps, contactId };
}
const capped = (n: number) => (c: Raw) => { c.routing.owners.find((o) => o.id === '107')!.capacity = n; c.routing.owners.find((o) => o.id === '108')!.capacity = n; };

describe('re-score routing', () => {
  it.each([
    ['under capacity', {}, 'hashed pick'],
    ['one rep at capacity', { '107': 2 }, '108'],
    ['the other rep at capacity', { '108': 2 }, '107'],
  ])('%s: reads the pool load in one call beside the throttle counts', async (_name, load, expected) => {
    const { g, deps, contactId } = setup(capped(2), load);
    const reply = await rescoreContact(contactId, deps);
    expect(g.calls.filter((c) => c === 'countOwnerLoad')).toHaveLength(1);
    expect(g.calls[0]).toBe('readSnapshot');
    expect(g.calls.at(-1)).toBe('updateContact');
    if (expected !== 'hashed pick') expect(reply.ownerId).toBe(expected);
    else expect(['107', '108']).toContain(reply.ownerId);
  });

  it('queues when the whole pool and the fallback are at capacity, with the reason', async () => {
    const { deps, contactId } = setup((c) => { capped(1)(c); c.routing.fallbackOwnerId = null; }, { '107': 1, '108': 1 });
    const reply = await rescoreContact(contactId, deps);
    expect(reply.ownerId).toBeNull();
    expect(reply.changes.find((ch) => ch.property === 'hubspot_owner_id')).toBeUndefined();
  });

  it('reads no load for a contact that keeps its owner', async () => {
    const { g, deps } = setup(capped(2));
    const owned = g.crm.state.addContact({ ...HOT, email: 'owned@tokyo-soft.jp', hubspot_owner_id: '107' });
    await rescoreContact(owned, deps);
    expect(g.calls).not.toContain('countOwnerLoad');
  });

  it('routes around an owner HubSpot marks out of office when the team reads availability from HubSpot', async () => {
    const { g, deps, contactId } = setup((c) => { c.routing.availabilitySource = 'hubspot'; });
    const reply = await rescoreContact(contactId, deps);
    expect(reply.ownerId).toBe('107');
    expect(g.calls).toContain('readOwnerAvailability');
  });

  it('creates one Lead for a high-tier routed contact when leads are enabled, and updates it after', async () => {
    const { g, deps, contactId } = setup((c) => { c.routing.leads = { enabled: true, tiers: ['high'], pipeline: 'lead-pipeline-id', stage: 'new-stage-id' }; });
    const first = await rescoreContact(contactId, deps);
    await rescoreContact(contactId, deps);
    expect(first.decision.tier).toBe('high');
    expect(g.crm.state.leads).toEqual([{ id: expect.any(String), contactId, properties: { hs_lead_name: HOT.email, hubspot_owner_id: first.ownerId, hs_pipeline: 'lead-pipeline-id', hs_pipeline_stage: 'new-stage-id' } }]);
  });

  it('creates no Lead while leads are off (the default)', async () => {
    const { g, deps, contactId } = setup(() => {});
    await rescoreContact(contactId, deps);
    expect(g.calls).not.toContain('ensureLead');
  });
});
