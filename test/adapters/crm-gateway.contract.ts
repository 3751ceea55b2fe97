// ONE contract for every CrmGateway (+ PropertyAdmin + CompanyDirectory): run by
// crm-gateway-fake.test.ts against the in-memory fake and by
// crm-gateway-hubspot.test.ts against the real adapter pointed at the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../lib/errors.ts';
import type { HubSpotGateway } from '../../lib/adapters/hubspot/gateway.ts';

export interface ContractSubject {
  gateway: HubSpotGateway;
  /** Creates a company; returns its id. */
  seedCompany(properties: Record<string, string>): Promise<string>;
  /** Creates a contact, associated (as primary) with the company when given; returns its id. */
  seedContact(properties: Record<string, string>, companyId?: string): Promise<string>;
  close(): Promise<void>;
}

const CONTACT_PROPS = ['email', 'firstname', 'jobtitle'] as const;
const COMPANY_PROPS = ['domain', 'name', 'industry'] as const;
const MISSING_ID = '987654321';

export function describeCrmGatewayContract(name: string, factory: () => Promise<ContractSubject>): void {
  describe(`CrmGateway contract: ${name}`, () => {
    let s: ContractSubject;
    let run = '';
    let companyId = '';
    let withCompany = '';
    let withoutCompany = '';

    beforeAll(async () => {
      s = await factory();
      run = Math.abs(hash(name)).toString(36);
      companyId = await s.seedCompany({ domain: `acme-${run}.example`, name: 'Acme', industry: 'COMPUTER_SOFTWARE' });
      withCompany = await s.seedContact({ email: `ada-${run}@acme.example`, firstname: 'Ada', jobtitle: 'CTO' }, companyId);
      withoutCompany = await s.seedContact({ email: `bob-${run}@gmail.com`, firstname: 'Bob', jobtitle: 'Student' });
    });
    afterAll(async () => s?.close());

    it('reads a contact with its primary company', async () => {
      const got = await s.gateway.getContactWithCompany(withCompany, CONTACT_PROPS, COMPANY_PROPS);
      expect(got?.contact).toMatchObject({ id: withCompany, properties: { email: `ada-${run}@acme.example`, firstname: 'Ada', jobtitle: 'CTO' } });
      expect(got?.company).toMatchObject({ id: companyId, properties: { domain: `acme-${run}.example`, name: 'Acme', industry: 'COMPUTER_SOFTWARE' } });
    });

    it('reads a contact without a company as company null, and a missing contact as null', async () => {
      const got = await s.gateway.getContactWithCompany(withoutCompany, CONTACT_PROPS, COMPANY_PROPS);
      expect(got?.contact.properties['firstname']).toBe('Bob');
      expect(got?.company).toBeNull();
      expect(await s.gateway.getContactWithCompany(MISSING_ID, CONTACT_PROPS, COMPANY_PROPS)).toBeNull();
    });

    it('reads many contacts in input order, skipping missing ones, across batch boundaries', async () => {
      const more: string[] = [];
      for (let i = 0; i < 101; i++) more.push(await s.seedContact({ email: `m${i}-${run}@acme.example`, firstname: `M${i}` }, i % 2 ? companyId : undefined));
      const ids = [withoutCompany, MISSING_ID, ...more, withCompany];
      const got = await s.gateway.getContactsWithCompanies(ids, CONTACT_PROPS, COMPANY_PROPS);
      expect(got.map((r) => r.contact.id)).toEqual([withoutCompany, ...more, withCompany]);
      expect(got.map((r) => r.company?.id ?? null)).toEqual([null, ...more.map((_, i) => (i % 2 ? companyId : null)), companyId]);
      expect(got[2]?.contact.properties['firstname']).toBe('M1');
    });

    it('reads and lists with the history of the asked properties, newest first, pages of at most 50', async () => {
      const many = await s.gateway.listContactsWithCompanies({ limit: 100 }, CONTACT_PROPS, COMPANY_PROPS);
      const ids = [...many.results.map((r) => r.contact.id), withCompany];
      const got = await s.gateway.getContactsWithCompanies(ids, CONTACT_PROPS, COMPANY_PROPS, ['jobtitle', 'firstname']);
      expect(got.map((r) => r.contact.id)).toEqual(ids.filter((id, i) => ids.indexOf(id) === i));
      const ada = got.find((r) => r.contact.id === withCompany);
      expect(Object.keys(ada?.history ?? {}).sort()).toEqual(['firstname', 'jobtitle']);
      expect(ada?.history?.['jobtitle']?.[0]?.value).toBe('CTO');
      const page = await s.gateway.listContactsWithCompanies({ limit: 100 }, CONTACT_PROPS, COMPANY_PROPS, ['firstname']);
      expect(page.results.length).toBeLessThanOrEqual(50);
      expect(page.results.every((r) => Array.isArray(r.history?.['firstname']))).toBe(true);
      expect((await s.gateway.getContactsWithCompanies([withCompany], CONTACT_PROPS, COMPANY_PROPS))[0]?.history).toBeUndefined();
    });

    it('pages through every contact with its company, `after` absent on the last page', async () => {
      const first = await s.gateway.listContactsWithCompanies({ limit: 2 }, CONTACT_PROPS, COMPANY_PROPS);
      expect(first.results).toHaveLength(2);
      expect(first.after).toEqual(expect.any(String));
      const all: { id: string; companyId: string | null }[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await s.gateway.listContactsWithCompanies({ after, limit: 100 }, CONTACT_PROPS, COMPANY_PROPS);
        expect(page.results.length).toBeLessThanOrEqual(100);
        all.push(...page.results.map((r) => ({ id: r.contact.id, companyId: r.company?.id ?? null })));
        after = page.after;
        pages++;
      } while (after && pages < 50);
      expect(after).toBeUndefined();
      expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
      expect(all).toContainEqual({ id: withCompany, companyId });
      expect(all).toContainEqual({ id: withoutCompany, companyId: null });
    });

    it('updates one contact and records the change in property history, newest first', async () => {
      await s.gateway.updateContact(withCompany, { jobtitle: 'VP Engineering' });
      await s.gateway.updateContact(withCompany, { jobtitle: 'Chief Technology Officer' });
      const got = await s.gateway.getContactWithCompany(withCompany, CONTACT_PROPS, COMPANY_PROPS);
      expect(got?.contact.properties['jobtitle']).toBe('Chief Technology Officer');
      const history = await s.gateway.getPropertyHistory(withCompany, ['jobtitle', 'firstname']);
      expect(history['jobtitle']?.slice(0, 3).map((e) => e.value)).toEqual(['Chief Technology Officer', 'VP Engineering', 'CTO']);
      expect(history['firstname']?.[0]?.value).toBe('Ada');
      for (const entry of history['jobtitle'] ?? []) {
        expect(Number.isNaN(Date.parse(entry.timestamp))).toBe(false);
        expect(entry.sourceType).toEqual(expect.any(String));
      }
    });

    it('reports history of a missing contact as NotFoundError', async () => {
      await expect(s.gateway.getPropertyHistory(MISSING_ID, ['jobtitle'])).rejects.toBeInstanceOf(NotFoundError);
    });

    it('batch-updates contacts and reports the ones that failed', async () => {
      const res = await s.gateway.batchUpdateContacts([
        { id: withoutCompany, properties: { jobtitle: 'Intern', firstname: 'Bob' } },
        { id: MISSING_ID, properties: { jobtitle: 'Nobody' } },
        { id: withoutCompany, properties: { jobtitle: 'Analyst' } },
      ]);
      expect(res.ok).toEqual([withoutCompany]);
      expect(res.failed.map((f) => f.id)).toEqual([MISSING_ID]);
      const got = await s.gateway.getContactWithCompany(withoutCompany, CONTACT_PROPS, COMPANY_PROPS);
      expect(got?.contact.properties['jobtitle']).toBe('Analyst');
    });

    it('creates a task once per dedupe key, even when asked twice at once', async () => {
      const task = { contactId: withCompany, ownerId: '', subject: 'Call Ada', body: 'High intent', dedupeKey: `k1-${run}` };
      const [a, b] = await Promise.all([s.gateway.ensureTask(task), s.gateway.ensureTask(task)]);
      expect(a.id).toBe(b.id);
      expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
      expect(await s.gateway.ensureTask(task)).toEqual({ id: a.id, created: false });
      const other = await s.gateway.ensureTask({ ...task, dedupeKey: `k2-${run}` });
      expect(other.created).toBe(true);
      expect(other.id).not.toBe(a.id);
    });

    it('lists owners with ids, emails and teams', async () => {
      const owners = await s.gateway.listOwners();
      expect(owners.length).toBeGreaterThan(0);
      for (const owner of owners) {
        expect(owner).toEqual({ id: expect.any(String), email: expect.any(String), firstName: expect.any(String), lastName: expect.any(String), teams: expect.any(Array), archived: false });
      }
    });

    it('finds a company by domain and reads it with history', async () => {
      const found = await s.gateway.findCompanyByDomain(`acme-${run}.example`, COMPANY_PROPS);
      expect(found?.id).toBe(companyId);
      expect(await s.gateway.findCompanyByDomain(`nothing-${run}.example`, COMPANY_PROPS)).toBeNull();
      const withHistory = await s.gateway.getCompanyWithHistory(companyId, ['industry']);
      expect(withHistory?.company.properties['industry']).toBe('COMPUTER_SOFTWARE');
      expect(withHistory?.history['industry']?.[0]?.value).toBe('COMPUTER_SOFTWARE');
      expect(await s.gateway.getCompanyWithHistory(MISSING_ID, ['industry'])).toBeNull();
    });

    it('provisions a property group and a property idempotently', async () => {
      const group = `lead_decisions_${run}`;
      expect(await s.gateway.ensurePropertyGroup({ name: group, label: 'Lead decisions' })).toEqual({ created: true });
      expect(await s.gateway.ensurePropertyGroup({ name: group, label: 'Lead decisions' })).toEqual({ created: false });
      const definition = {
        name: `routing_tier_${run}`, label: 'Routing tier', type: 'enumeration' as const, fieldType: 'select', groupName: group,
        options: [{ label: 'High', value: 'high' }, { label: 'Low', value: 'low' }],
      };
      expect(await s.gateway.getContactProperty(definition.name)).toBeNull();
      expect(await s.gateway.createContactProperty(definition)).toEqual({ created: true });
      expect(await s.gateway.createContactProperty(definition)).toEqual({ created: false });
      const got = await s.gateway.getContactProperty(definition.name);
      expect(got).toMatchObject({ name: definition.name, type: 'enumeration', fieldType: 'select', groupName: group });
      expect(got?.options?.map((o) => o.value)).toEqual(['high', 'low']);
    });
  });
}

function hash(text: string): number {
  let h = 7;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}
