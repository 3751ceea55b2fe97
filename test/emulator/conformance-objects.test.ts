// Drives the emulator only through the official @hubspot/api-client: objects, batch, history, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, startTestEmulator, UUID, type TestEmulator } from './helpers.ts';

let t: TestEmulator;
beforeAll(async () => { t = await startTestEmulator(); });
afterAll(async () => { await t.emu.close(); });

const contacts = () => t.client.crm.contacts;
const newContact = (properties: Record<string, string>) => contacts().basicApi.create({ properties, associations: [] });

describe('single objects', () => {
  it('creates (201), reads with chosen properties, and maintains system properties', async () => {
    const created = await newContact({ email: 'Ada.Lovelace@Analytical.co.uk', firstname: 'Ada' });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.createdAt).toBeInstanceOf(Date);
    const read = await contacts().basicApi.getById(created.id, ['email', 'hs_email_domain', 'firstname']);
    expect(read.properties).toMatchObject({
      email: 'Ada.Lovelace@Analytical.co.uk', hs_email_domain: 'analytical.co.uk', firstname: 'Ada', hs_object_id: created.id,
    });
    expect(read.properties.createdate).toBe(created.createdAt.toISOString());
  });

  it('reads by idProperty=email case-insensitively and by idProperty=domain for companies', async () => {
    const c = await newContact({ email: 'grace@navy.mil' });
    const byEmail = await contacts().basicApi.getById('GRACE@navy.mil', ['email'], undefined, undefined, false, 'email');
    expect(byEmail.id).toBe(c.id);
    const co = await t.client.crm.companies.basicApi.create({ properties: { domain: 'navy.mil', name: 'Navy' }, associations: [] });
    const byDomain = await t.client.crm.companies.basicApi.getById('navy.mil', ['name'], undefined, undefined, false, 'domain');
    expect(byDomain.id).toBe(co.id);
  });

  it('updates with PATCH, clears with "" and leaves lastmodifieddate alone when nothing changes', async () => {
    const c = await newContact({ email: 'clear@me.io', jobtitle: 'CTO', city: 'Berlin' });
    const updated = await contacts().basicApi.update(c.id, { properties: { jobtitle: 'VP Engineering', city: '' } });
    expect(updated.properties.jobtitle).toBe('VP Engineering');
    expect(updated.properties.city).toBeNull();
    const before = await contacts().basicApi.getById(c.id, ['lastmodifieddate']);
    const same = await contacts().basicApi.update(c.id, { properties: { jobtitle: 'VP Engineering' } });
    expect(same.properties.lastmodifieddate).toBe(before.properties.lastmodifieddate);
  });

  it('archives with 204, then answers 404 OBJECT_NOT_FOUND in HubSpot error JSON', async () => {
    const c = await newContact({ email: 'gone@x.io' });
    await expect(contacts().basicApi.archive(c.id)).resolves.toBeUndefined();
    const err = await apiError(contacts().basicApi.getById(c.id));
    expect(err.code).toBe(404);
    expect(err.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    expect(err.body.correlationId).toMatch(UUID);
  });

  it('keeps property history with source types, newest first', async () => {
    const c = await newContact({ email: 'history@x.io', lifecyclestage: 'subscriber' });
    await contacts().basicApi.update(c.id, { properties: { lifecyclestage: 'lead' } });
    t.emu.store.updateContact(c.id, { lifecyclestage: 'marketingqualifiedlead' });
    const read = await contacts().basicApi.getById(c.id, ['lifecyclestage'], ['lifecyclestage']);
    const history = read.propertiesWithHistory!.lifecyclestage!;
    expect(history.map((h) => [h.value, h.sourceType])).toEqual([
      ['marketingqualifiedlead', 'CRM_UI'], ['lead', 'INTEGRATION'], ['subscriber', 'INTEGRATION'],
    ]);
    expect(history[0]!.timestamp).toBeInstanceOf(Date);
  });

  it('pages through a list with limit and after until paging disappears', async () => {
    await t.client.crm.deals.batchApi.create({ inputs: [1, 2, 3, 4, 5].map((i) => ({ properties: { dealname: `Deal ${i}`, amount: String(i * 1000), dealstage: 'qualifiedtobuy', pipeline: 'default' }, associations: [] })) });
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await t.client.crm.deals.basicApi.getPage(2, after);
      ids.push(...page.results.map((r) => r.id));
      after = page.paging?.next?.after;
    } while (after);
    expect(ids.length).toBe(5);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('validation and conflicts', () => {
  it.each([
    ['an unknown property', { nosuchprop: 'x' }, 'PROPERTY_DOESNT_EXIST', 'nosuchprop'],
    ['an enumeration value outside the options', { lifecyclestage: 'hot' }, 'INVALID_OPTION', 'lifecyclestage'],
    ['a calculated conversion counter', { hs_lead_status: 'NEW', num_conversion_events: '3' }, 'READ_ONLY_VALUE', 'num_conversion_events'],
    ['a read-only property', { createdate: '2024-01-01' }, 'READ_ONLY_VALUE', 'createdate'],
    ['an owner id that does not exist', { hubspot_owner_id: '999' }, 'INVALID_OWNER_ID', 'hubspot_owner_id'],
    ['a calculated analytics property', { hs_analytics_num_page_views: '9' }, 'READ_ONLY_VALUE', 'hs_analytics_num_page_views'],
  ])('refuses %s with 400 VALIDATION_ERROR naming the property', async (_label, properties, code, name) => {
    const err = await apiError(newContact({ email: `${name}-${code}@x.io`, ...properties }));
    expect(err.code).toBe(400);
    expect(err.body.category).toBe('VALIDATION_ERROR');
    expect(String(err.body.message)).toContain(`"name":"${name}"`);
    expect(err.body.errors).toContainEqual(expect.objectContaining({ code, context: { propertyName: [name] } }));
  });

  it('refuses a non-number for a custom number property', async () => {
    await t.client.crm.properties.coreApi.create('contacts', { name: 'test_score', label: 'Test score', type: 'number' as never, fieldType: 'number' as never, groupName: 'contactinformation' });
    const err = await apiError(newContact({ email: 'num@x.io', test_score: 'ninety' }));
    expect(err.body.errors).toEqual([expect.objectContaining({ code: 'INVALID_DOUBLE', message: '"ninety" is not a valid number.' })]);
  });

  it('answers a duplicate email (any case) with 409 CONFLICT naming the existing id', async () => {
    const first = await newContact({ email: 'dup@x.io' });
    const err = await apiError(newContact({ email: 'DUP@x.io' }));
    expect(err.code).toBe(409);
    expect(err.body).toMatchObject({ category: 'CONFLICT', message: `Contact already exists. Existing ID: ${first.id}` });
  });
});

describe('batch endpoints', () => {
  it('batch-creates (201) and batch-reads (200) in one call each', async () => {
    const created = await contacts().batchApi.create({ inputs: [1, 2, 3].map((i) => ({ properties: { email: `b${i}@batch.io` }, associations: [] })) });
    expect(created.status).toBe('COMPLETE');
    expect(created.results).toHaveLength(3);
    const read = await contacts().batchApi.read({ inputs: created.results.map((r) => ({ id: r.id })), properties: ['email'], propertiesWithHistory: [] });
    expect(read.results.map((r) => r.properties.email).sort()).toEqual(['b1@batch.io', 'b2@batch.io', 'b3@batch.io']);
    expect(read.startedAt).toBeInstanceOf(Date);
  });

  it('answers 207 with errors when some ids are missing, and still returns the rest', async () => {
    const c = await newContact({ email: 'partial@batch.io' });
    const read = await contacts().batchApi.read({ inputs: [{ id: c.id }, { id: '987654321' }], properties: ['email'], propertiesWithHistory: [] });
    expect(read.results.map((r) => r.id)).toEqual([c.id]);
    expect('errors' in read && read.errors).toEqual([expect.objectContaining({ status: 'error', category: 'OBJECT_NOT_FOUND', context: { ids: ['987654321'] } })]);
  });

  it('batch-reads property history, and reads an archived record only with archived=true', async () => {
    const c = await newContact({ email: 'hist-batch@batch.io', hs_lead_status: 'NEW' });
    await contacts().basicApi.update(c.id, { properties: { hs_lead_status: 'OPEN' } });
    const read = await contacts().batchApi.read({ inputs: [{ id: c.id }], properties: ['hs_lead_status'], propertiesWithHistory: ['hs_lead_status'] });
    expect(read.results[0]!.propertiesWithHistory?.hs_lead_status?.map((h) => h.value)).toEqual(['OPEN', 'NEW']);
    await contacts().basicApi.archive(c.id);
    const archived = await contacts().basicApi.getById(c.id, ['email'], undefined, undefined, true);
    expect(archived).toMatchObject({ id: c.id, archived: true });
    expect(archived.archivedAt).toBeInstanceOf(Date);
  });

  it('batch-reads by idProperty=email', async () => {
    await newContact({ email: 'by-email@batch.io' });
    const read = await contacts().batchApi.read({ inputs: [{ id: 'BY-EMAIL@batch.io' }], idProperty: 'email', properties: ['email'], propertiesWithHistory: [] });
    expect(read.results[0]!.properties.email).toBe('by-email@batch.io');
  });

  it('batch-updates with 207 for the invalid input only', async () => {
    const a = await newContact({ email: 'u1@batch.io' });
    const b = await newContact({ email: 'u2@batch.io' });
    const r = await contacts().batchApi.update({ inputs: [{ id: a.id, properties: { jobtitle: 'CEO' } }, { id: b.id, properties: { lifecyclestage: 'nope' } }] });
    expect(r.results.map((x) => x.id)).toEqual([a.id]);
    expect('errors' in r && r.errors).toEqual([expect.objectContaining({ category: 'VALIDATION_ERROR', context: { ids: [b.id] } })]);
    expect(t.emu.store.getContact(a.id)?.properties.jobtitle).toBe('CEO');
  });

  it('upserts by email: updates the existing contact and creates the new one', async () => {
    const existing = await newContact({ email: 'up1@batch.io', jobtitle: 'old' });
    const r = await contacts().batchApi.upsert({ inputs: [
      { id: 'up1@batch.io', idProperty: 'email', properties: { jobtitle: 'new' } },
      { id: 'up2@batch.io', idProperty: 'email', properties: { jobtitle: 'fresh' } },
    ] });
    const byEmail = new Map(r.results.map((x) => [x.properties.email ?? t.emu.store.getContact(x.id)?.properties.email, x]));
    expect(byEmail.get('up1@batch.io')?.id).toBe(existing.id);
    expect(byEmail.get('up1@batch.io')?._new).toBe(false);
    expect(byEmail.get('up2@batch.io')?._new).toBe(true);
  });

  it('batch-archives (204), ignoring ids that do not exist', async () => {
    const a = await newContact({ email: 'arch1@batch.io' });
    await contacts().batchApi.archive({ inputs: [{ id: a.id }, { id: '987654321' }] });
    expect(t.emu.store.getContact(a.id)).toBeNull();
  });

  it('refuses more than 100 inputs with 400', async () => {
    const err = await apiError(contacts().batchApi.read({ inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1) })), properties: [], propertiesWithHistory: [] }));
    expect(err.code).toBe(400);
    expect(err.body.message).toMatchInlineSnapshot(`"Invalid input JSON at inputs: A batch takes at most 100 inputs."`);
  });
});

describe('other object types', () => {
  it('creates a task and a note associated to a contact through v3 associations in the create body', async () => {
    const c = await newContact({ email: 'owner-of-tasks@x.io' });
    const task = await t.client.crm.objects.tasks.basicApi.create({
      properties: { hs_task_subject: 'Call back', hs_task_status: 'NOT_STARTED', hs_task_priority: 'HIGH', hs_timestamp: '2026-01-01T10:00:00Z', hubspot_owner_id: '101', hs_task_type: 'CALL' },
      associations: [{ to: { id: c.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 204 }] }],
    });
    const note = await t.client.crm.objects.notes.basicApi.create({
      properties: { hs_note_body: 'Met at the fair', hs_timestamp: String(Date.UTC(2026, 0, 2)) },
      associations: [{ to: { id: c.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 202 }] }],
    });
    const read = await contacts().basicApi.getById(c.id, ['email'], undefined, ['tasks', 'notes']);
    expect(read.associations?.tasks?.results).toEqual([{ id: task.id, type: 'contact_to_task' }]);
    expect(read.associations?.notes?.results).toEqual([{ id: note.id, type: 'contact_to_note' }]);
    expect(t.emu.store.getObjectView('notes', note.id)?.properties.hs_timestamp).toBe('2026-01-02T00:00:00.000Z');
  });

  it('refuses an association to an object that does not exist', async () => {
    const err = await apiError(t.client.crm.objects.notes.basicApi.create({
      properties: { hs_note_body: 'x' }, associations: [{ to: { id: '999999999' }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 202 }] }],
    }));
    expect(err.code).toBe(400);
    expect(err.body.message).toMatchInlineSnapshot(`"Cannot associate: contact 999999999 does not exist."`);
  });
});
