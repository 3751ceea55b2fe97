import { describe, expect, it } from 'vitest';
import { createFakeCrmGateway } from '../../lib/adapters/hubspot/fake.ts';
import { createFakeRescoreGateway } from '../../lib/adapters/hubspot/fake-rescore.ts';
import { describeRescoreGatewayContract } from './rescore-gateway.contract.ts';

describeRescoreGatewayContract('in-memory fake', async () => {
  const gateway = createFakeRescoreGateway();
  const { state } = gateway.crm;
  return {
    gateway,
    seedCompany: async (properties) => state.addCompany(properties, 'CRM_UI'),
    seedContact: async (properties, companyId) => state.addContact(properties, companyId),
    seedTask: async (contactId, { body, ownerId, createdAt }) =>
      state.addTask(contactId, { hs_task_subject: 'Follow up', hs_task_body: body, hubspot_owner_id: ownerId, hs_createdate: createdAt }),
    close: async () => {},
  };
});

describe('fake re-score gateway over a shared fake CRM', () => {
  it('sees the tasks and writes of the CRM gateway it shares a store with, as HubSpot would', async () => {
    const crm = createFakeCrmGateway({ now: '2026-03-01T09:00:00.000Z' });
    const rescore = createFakeRescoreGateway({ crm });
    const contactId = crm.state.addContact({ email: 'ada@acme.example', jobtitle: 'CTO' });
    await crm.ensureTask({ contactId, ownerId: '101', subject: 'Call Ada', body: 'High intent', dedupeKey: 'bulk-high-intent' });
    await crm.batchUpdateContacts([{ id: contactId, properties: { jobtitle: 'VP Engineering' } }]);
    const snapshot = await rescore.readSnapshot(contactId, ['jobtitle'], []);
    expect(snapshot?.contact.properties['jobtitle']).toBe('VP Engineering');
    expect(snapshot?.notifications).toEqual([{ dedupeKey: 'bulk-high-intent', createdAt: '2026-03-01T09:00:02.000Z', ownerId: '101' }]);
    expect(await rescore.countOwnerTasksSince('101', '2026-03-01T09:00:00.000Z')).toBe(1);
    expect(rescore.calls).toEqual(['readSnapshot', 'countOwnerTasksSince']);
  });
});
