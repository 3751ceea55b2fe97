// How many HubSpot calls each gateway operation costs, counted by the emulator's request log,
// plus the hubspot-company provider reading real property history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { createHubSpotGateway, type HubSpotGateway } from '../../lib/adapters/hubspot/gateway.ts';
import { createHubSpotCompanyProvider } from '../../lib/adapters/enrichment/hubspot-company.ts';
import { COMPANY_INPUT_PROPERTIES, CONTACT_INPUT_PROPERTIES } from '../../lib/core/contract.ts';
import { ACTIVITY_HISTORY_PROPERTIES } from '../../lib/core/activity-properties.ts';

let emulator: RunningEmulator;
let gateway: HubSpotGateway;
let client: Client;
let contactIds: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, db: ':memory:', contacts: 120, seed: 3 });
  const accessToken = `budget-token-${process.pid}`;
  gateway = createHubSpotGateway({ accessToken, basePath: emulator.url, retries: 1 });
  client = new Client({ accessToken, basePath: emulator.url });
  const first = await client.crm.contacts.basicApi.getPage(100);
  const second = await client.crm.contacts.basicApi.getPage(100, first.paging?.next?.after);
  contactIds = [...first.results, ...second.results].map((c) => c.id);
});
afterAll(async () => emulator?.close());

async function calls(run: () => Promise<unknown>): Promise<string[]> {
  emulator.requestLog.clear();
  await run();
  return emulator.requestLog.entries().map((e) => `${e.method} ${e.path.split('?')[0]}`);
}

describe('HubSpot call budget', () => {
  it('reads one contact with its company in 2 sequential calls', async () => {
    const withCompany = (await Promise.all(contactIds.slice(0, 20).map((id) => gateway.getContactWithCompany(id, CONTACT_INPUT_PROPERTIES, COMPANY_INPUT_PROPERTIES))))
      .find((r) => r?.company)!;
    const log = await calls(() => gateway.getContactWithCompany(withCompany.contact.id, CONTACT_INPUT_PROPERTIES, COMPANY_INPUT_PROPERTIES));
    expect(log).toEqual([`GET /crm/v3/objects/contacts/${withCompany.contact.id}`, `GET /crm/v3/objects/companies/${withCompany.company!.id}`]);
  });

  it('reads 100 contacts with their companies in 3 calls, and 120 in 6', async () => {
    expect(await calls(() => gateway.getContactsWithCompanies(contactIds.slice(0, 100), CONTACT_INPUT_PROPERTIES, COMPANY_INPUT_PROPERTIES))).toEqual([
      'POST /crm/v3/objects/contacts/batch/read',
      'POST /crm/v4/associations/contacts/companies/batch/read',
      'POST /crm/v3/objects/companies/batch/read',
    ]);
    expect(await calls(() => gateway.getContactsWithCompanies(contactIds, ['email'], ['domain']))).toHaveLength(6);
  });

  it('reads 100 contacts with the activity history in 2 batch reads of 50 (HubSpot\'s cap), + associations and companies', async () => {
    const log = await calls(() => gateway.getContactsWithCompanies(contactIds.slice(0, 100), CONTACT_INPUT_PROPERTIES, COMPANY_INPUT_PROPERTIES, ACTIVITY_HISTORY_PROPERTIES));
    expect(log.filter((c) => c === 'POST /crm/v3/objects/contacts/batch/read')).toHaveLength(2);
    expect(log).toHaveLength(6);
  });

  it('writes 100 contacts in 1 call', async () => {
    const updates = contactIds.slice(0, 100).map((id) => ({ id, properties: { jobtitle: 'Budget tester' } }));
    let result;
    const log = await calls(async () => { result = await gateway.batchUpdateContacts(updates); });
    expect(log).toEqual(['POST /crm/v3/objects/contacts/batch/update']);
    expect(result).toEqual({ ok: updates.map((u) => u.id), failed: [] });
  });

  it('creates a task in 2 reads + 1 create, and finds it again without creating', async () => {
    const task = { contactId: contactIds[0]!, ownerId: '', subject: 'Call back', body: 'High intent', dedupeKey: 'budget-1' };
    const first = await calls(() => gateway.ensureTask(task));
    expect(first.at(-1)).toBe('POST /crm/v3/objects/tasks');
    expect(first.length).toBeLessThanOrEqual(3);
    const again = await calls(() => gateway.ensureTask(task));
    expect(again.some((c) => c === 'POST /crm/v3/objects/tasks')).toBe(false);
  });
});

describe('hubspot-company enrichment on the emulator', () => {
  it('trusts what a person typed and rates what an integration wrote as medium', async () => {
    const { id } = await client.crm.companies.basicApi.create({ properties: { domain: 'budget-enrich.example', name: 'Budget Co', numberofemployees: '75' }, associations: [] });
    emulator.store.updateCompany(id, { industry: 'RETAIL' }); // as a user in the HubSpot UI
    const facts = await createHubSpotCompanyProvider(gateway).lookup('budget-enrich.example', { company: null });
    expect(facts).toMatchObject({
      source: 'hubspot-company',
      industry: { value: 'RETAIL', confidence: 90 },
      employees: { value: 75, confidence: 60 },
      name: { value: 'Budget Co', confidence: 60 },
      knownGood: ['industry'],
    });
  });
});
