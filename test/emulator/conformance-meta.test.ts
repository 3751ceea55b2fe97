// Property definitions and groups, associations v4 and owners, through the official client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, startTestEmulator, type TestEmulator } from './helpers.ts';

let t: TestEmulator;
beforeAll(async () => { t = await startTestEmulator({ ownersConfig: '/nonexistent/decisions.json' }); });
afterAll(async () => { await t.emu.close(); });

const HUBSPOT_DEFINED = 'HUBSPOT_DEFINED' as never;

describe('property definitions', () => {
  it('lists the standard contact properties with the lifecycle stage options', async () => {
    const all = await t.client.crm.properties.coreApi.getAll('contacts');
    const names = all.results.map((p) => p.name);
    for (const name of ['email', 'lifecyclestage', 'hubspot_owner_id', 'hs_analytics_num_page_views', 'num_conversion_events', 'hs_analytics_last_visit_timestamp', 'recent_conversion_date', 'notes_last_contacted', 'hs_lead_status', 'jobtitle', 'company', 'website', 'city', 'state', 'country', 'phone', 'mobilephone', 'message']) {
      expect(names).toContain(name);
    }
    const stage = await t.client.crm.properties.coreApi.getByName('contacts', 'lifecyclestage');
    expect(stage.options.map((o) => o.value)).toEqual(['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other']);
  });

  it.each([
    ['companies', ['domain', 'name', 'industry', 'numberofemployees', 'annualrevenue', 'country', 'state', 'website', 'hubspot_owner_id']],
    ['deals', ['dealname', 'amount', 'dealstage', 'pipeline', 'closedate', 'hubspot_owner_id']],
    ['tasks', ['hs_task_subject', 'hs_task_body', 'hs_task_status', 'hs_task_priority', 'hs_timestamp', 'hubspot_owner_id', 'hs_task_type']],
    ['notes', ['hs_note_body', 'hs_timestamp']],
  ])('has the standard %s properties', async (objectType, expected) => {
    const names = (await t.client.crm.properties.coreApi.getAll(objectType)).results.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(expected));
  });

  it('creates a group and an enumeration property (201), then answers 409 for both again', async () => {
    const group = await t.client.crm.properties.groupsApi.create('contacts', { name: 'lead_decisions', label: 'Lead decisions' });
    expect(group.name).toBe('lead_decisions');
    const created = await t.client.crm.properties.coreApi.create('contacts', {
      name: 'routing_tier', label: 'Routing tier', type: 'enumeration' as never, fieldType: 'select' as never, groupName: 'lead_decisions',
      options: [{ label: 'High', value: 'high', hidden: false, displayOrder: 0 }, { label: 'Low', value: 'low', hidden: false, displayOrder: 1 }],
    });
    expect(created.options.map((o) => o.value)).toEqual(['high', 'low']);
    expect((await apiError(t.client.crm.properties.groupsApi.create('contacts', { name: 'lead_decisions', label: 'x' }))).code).toBe(409);
    const again = await apiError(t.client.crm.properties.coreApi.create('contacts', { name: 'routing_tier', label: 'x', type: 'string' as never, fieldType: 'text' as never, groupName: 'lead_decisions' }));
    expect(again).toMatchObject({ code: 409, body: { category: 'OBJECT_ALREADY_EXISTS' } });
    const listed = await t.client.crm.properties.groupsApi.getAll('contacts');
    expect(listed.results.map((g) => g.name)).toContain('lead_decisions');
  });

  it('validates writes against a new property, and an update of its options', async () => {
    const c = await t.client.crm.contacts.basicApi.create({ properties: { email: 'tier@x.io', routing_tier: 'high' }, associations: [] });
    expect((await apiError(t.client.crm.contacts.basicApi.update(c.id, { properties: { routing_tier: 'medium' } }))).code).toBe(400);
    await t.client.crm.properties.coreApi.update('contacts', 'routing_tier', { options: [{ label: 'High', value: 'high', hidden: false, displayOrder: 0 }, { label: 'Medium', value: 'medium', hidden: false, displayOrder: 1 }, { label: 'Low', value: 'low', hidden: false, displayOrder: 2 }] });
    const updated = await t.client.crm.contacts.basicApi.update(c.id, { properties: { routing_tier: 'medium' } });
    expect(updated.properties.routing_tier).toBe('medium');
  });

  it('refuses a property in a group that does not exist, and a bad field type', async () => {
    const noGroup = await apiError(t.client.crm.properties.coreApi.create('contacts', { name: 'x_score', label: 'X', type: 'number' as never, fieldType: 'number' as never, groupName: 'nope' }));
    expect(noGroup.body.message).toMatchInlineSnapshot(`"The property group 'nope' does not exist."`);
    const badField = await apiError(t.client.crm.properties.coreApi.create('contacts', { name: 'x_score', label: 'X', type: 'number' as never, fieldType: 'select' as never, groupName: 'contactinformation' }));
    expect(badField.body.message).toMatchInlineSnapshot(`"fieldType 'select' is not valid for type 'number'; use one of number, calculation_equation."`);
  });

  it('answers 404 for an unknown property', async () => {
    expect((await apiError(t.client.crm.properties.coreApi.getByName('contacts', 'nope'))).code).toBe(404);
  });
});

describe('associations v4', () => {
  async function pair() {
    const contact = await t.client.crm.contacts.basicApi.create({ properties: { email: `a${Math.random()}@pair.io` }, associations: [] });
    const company = await t.client.crm.companies.basicApi.create({ properties: { domain: 'pair.io', name: 'Pair' }, associations: [] });
    return { contact: contact.id, company: company.id };
  }

  it('creates a default association (primary on the first company) and lists it from both sides', async () => {
    const { contact, company } = await pair();
    const r = await t.client.crm.associations.v4.basicApi.createDefault('contacts', contact, 'companies', company);
    expect(r.results.map((x) => x.associationSpec.associationTypeId).sort((a, b) => a - b)).toEqual([1, 2, 279, 280]);
    const fromContact = await t.client.crm.associations.v4.basicApi.getPage('contacts', contact, 'companies');
    expect(fromContact.results).toEqual([{ toObjectId: Number(company), associationTypes: [
      { category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' }, { category: 'HUBSPOT_DEFINED', typeId: 279, label: null },
    ] }]);
    const fromCompany = await t.client.crm.associations.v4.basicApi.getPage('companies', company, 'contacts');
    expect(fromCompany.results.map((x) => String(x.toObjectId))).toEqual([contact]);
  });

  it('creates labelled associations in a batch (201) and reads them in a batch, with 207 for an object without any', async () => {
    const a = await pair();
    const b = await pair();
    const created = await t.client.crm.associations.v4.batchApi.create('contacts', 'companies', { inputs: [{ _from: { id: a.contact }, to: { id: a.company }, types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: 279 }] }] });
    expect(created.results).toHaveLength(1);
    const read = await t.client.crm.associations.v4.batchApi.getPage('contacts', 'companies', { inputs: [{ id: a.contact }, { id: b.contact }] });
    expect(read.results.map((r) => [r._from.id, r.to.map((x) => String(x.toObjectId))])).toEqual([[a.contact, [a.company]]]);
    expect('errors' in read && read.errors?.[0]?.message).toBe(`No company is associated with contact ${b.contact}.`);
  });

  it('creates with an explicit type (PUT, 201), archives (204), and refuses a type that does not fit', async () => {
    const { contact, company } = await pair();
    await t.client.crm.associations.v4.basicApi.create('contacts', contact, 'companies', company, [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: 279 }]);
    expect((await t.client.crm.associations.v4.basicApi.getPage('contacts', contact, 'companies')).results).toHaveLength(1);
    await t.client.crm.associations.v4.basicApi.archive('contacts', contact, 'companies', company);
    expect((await t.client.crm.associations.v4.basicApi.getPage('contacts', contact, 'companies')).results).toEqual([]);
    const bad = await apiError(t.client.crm.associations.v4.basicApi.create('contacts', contact, 'companies', company, [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: 202 }]));
    expect(bad.code).toBe(400);
  });

  it('answers 404 for associations of a missing object', async () => {
    expect((await apiError(t.client.crm.associations.v4.basicApi.getPage('contacts', '999999999', 'companies'))).code).toBe(404);
  });
});

describe('owners', () => {
  it('lists owners 101–108 with teams, pages with after, and filters by email', async () => {
    const first = await t.client.crm.owners.ownersApi.getPage(undefined, undefined, 5);
    expect(first.results.map((o) => o.id)).toEqual(['101', '102', '103', '104', '105']);
    expect(first.results[0]!.teams?.[0]).toMatchObject({ name: 'North America', primary: true });
    const rest = await t.client.crm.owners.ownersApi.getPage(undefined, first.paging!.next!.after, 5);
    expect(rest.results.map((o) => o.id)).toEqual(['106', '107', '108']);
    expect(rest.paging).toBeUndefined();
    const byEmail = await t.client.crm.owners.ownersApi.getPage('Dieter.Wagner@example.com');
    expect(byEmail.results.map((o) => o.id)).toEqual(['104']);
  });

  it('reads one owner by id and answers 404 for an unknown one', async () => {
    expect((await t.client.crm.owners.ownersApi.getById(107)).email).toBe('hiro.tanaka@example.com');
    expect((await apiError(t.client.crm.owners.ownersApi.getById(999))).code).toBe(404);
  });
});
