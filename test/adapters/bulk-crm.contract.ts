// ONE contract for every BulkCrm: run against the in-memory fake (bulk-crm-fake.test.ts) and the
// HubSpot adapter on the emulator (bulk-crm-hubspot.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmError } from '../../lib/errors.ts';
import type { BulkCrm } from '../../lib/ports.ts';

export interface BulkContractSubject {
  crm: BulkCrm;
  seedCompany(properties: Record<string, string>): Promise<string>;
  /** Creates a contact, associated (as primary) with the company when given; returns its id. */
  seedContact(properties: Record<string, string>, companyId?: string): Promise<string>;
  /** Writes activity the way HubSpot's tracking does (not through the app's API). */
  writeActivity(contactId: string, properties: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

const PROPS = ['email', 'firstname', 'lifecyclestage'] as const;
const ACTIVITY = ['hs_analytics_num_page_views', 'num_conversion_events'] as const;

export function describeBulkCrmContract(name: string, factory: () => Promise<BulkContractSubject>): void {
  describe(`BulkCrm contract: ${name}`, () => {
    let s: BulkContractSubject;
    let company = '';
    const ids: string[] = [];

    beforeAll(async () => {
      s = await factory();
      company = await s.seedCompany({ domain: 'bulk.example', name: 'Bulk Inc', industry: 'COMPUTER_SOFTWARE' });
      for (let i = 0; i < 60; i++) {
        ids.push(await s.seedContact({ email: `p${i}@bulk.example`, firstname: `P${i}`, lifecyclestage: i % 3 === 0 ? 'lead' : 'subscriber' }, i % 2 === 0 ? company : undefined));
      }
      await s.writeActivity(ids[0]!, { hs_analytics_num_page_views: '2', num_conversion_events: '1' });
      await s.writeActivity(ids[0]!, { hs_analytics_num_page_views: '5' });
    });
    afterAll(async () => s?.close());

    it('reads contacts by id with the activity history (newest first), the primary company id, and the missing ids', async () => {
      const got = await s.crm.readContacts([ids[0]!, ids[1]!, '987654321'], PROPS, ACTIVITY);
      expect(got.missing).toEqual(['987654321']);
      const first = got.contacts.find((c) => c.contact.id === ids[0]);
      expect(first).toMatchObject({ companyId: company, contact: { properties: { email: 'p0@bulk.example', lifecyclestage: 'lead' } } });
      expect(first!.history['hs_analytics_num_page_views']!.slice(0, 2).map((h) => h.value)).toEqual(['5', '2']);
      expect(first!.history['num_conversion_events']![0]!.value).toBe('1');
      expect(got.contacts.find((c) => c.contact.id === ids[1])?.companyId).toBeNull();
    });

    it('takes at most 50 ids per read with history, 100 without', async () => {
      await expect(s.crm.readContacts(ids.slice(0, 51), PROPS, ACTIVITY)).rejects.toBeInstanceOf(CrmError);
      expect((await s.crm.readContacts(ids.slice(0, 50), PROPS, ACTIVITY)).contacts).toHaveLength(50);
      expect((await s.crm.readContacts(ids.slice(0, 60), PROPS, [])).contacts).toHaveLength(60);
    });

    it('lists every contact in id order, pages of at most 50 with history', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await s.crm.listContacts({ after, limit: 100 }, PROPS, ACTIVITY);
        expect(page.contacts.length).toBeLessThanOrEqual(50);
        seen.push(...page.contacts.map((c) => c.contact.id));
        after = page.after;
      } while (after);
      expect(seen).toEqual([...seen].sort((a, b) => Number(a) - Number(b)));
      expect(seen).toEqual(expect.arrayContaining(ids));
    });

    it('searches ids ascending, filtered, above a cursor', async () => {
      const leads = ids.filter((_, i) => i % 3 === 0);
      const filter = [{ propertyName: 'lifecyclestage', operator: 'EQ' as const, value: 'lead' }];
      const first = await s.crm.searchContactIds(filter, null, 5);
      expect(first).toEqual(leads.slice(0, 5));
      expect(await s.crm.searchContactIds(filter, first.at(-1)!, 200)).toEqual(leads.slice(5));
    });

    it('reads companies with the history of the asked properties', async () => {
      const [got] = await s.crm.readCompanies([company, '987654321'], ['domain', 'industry'], ['industry']);
      expect(got?.company).toMatchObject({ id: company, properties: { domain: 'bulk.example', industry: 'COMPUTER_SOFTWARE' } });
      expect(got?.history['industry']?.[0]?.value).toBe('COMPUTER_SOFTWARE');
      expect(Object.keys(got?.history ?? {})).toEqual(['industry']);
    });

    it('creates tasks in one batch that findTaskKeys then names, and updates contacts', async () => {
      const tasks = [ids[2]!, ids[3]!].map((contactId, i) => ({ contactId, ownerId: '', subject: 'Call', body: 'Hot', dedupeKey: `bulk-${i}` }));
      const result = await s.crm.createTasks(tasks);
      expect(result.failed).toEqual([]);
      expect(result.created.map((c) => [c.contactId, c.dedupeKey])).toEqual([[ids[2], 'bulk-0'], [ids[3], 'bulk-1']]);
      expect(await s.crm.findTaskKeys(ids[2]!)).toEqual(['bulk-0']);
      expect(await s.crm.findTaskKeys(ids[4]!)).toEqual([]);
      expect(await s.crm.batchUpdateContacts([{ id: ids[5]!, properties: { firstname: 'Renamed' } }])).toEqual({ ok: [ids[5]], failed: [] });
      expect((await s.crm.readContacts([ids[5]!], PROPS, [])).contacts[0]?.contact.properties['firstname']).toBe('Renamed');
    });
  });
}
