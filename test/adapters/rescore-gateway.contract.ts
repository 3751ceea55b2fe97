// ONE contract for every RescoreGateway: run by rescore-gateway-contract-fake.test.ts against the
// in-memory fake and by rescore-gateway-contract-hubspot.test.ts against the real adapter on the emulator.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmError, NotFoundError } from '../../lib/errors.ts';
import type { PropertyHistoryEntry, RescoreGateway } from '../../lib/ports.ts';

export interface SeedTask {
  body: string;
  ownerId: string;
  /** ISO create date (hs_createdate). */
  createdAt: string;
}

export interface RescoreContractSubject {
  gateway: RescoreGateway;
  /** Creates a company whose values a person typed (history source CRM_UI); returns its id. */
  seedCompany(properties: Record<string, string>): Promise<string>;
  /** Creates a contact, associated (as primary) with the company when given; returns its id. */
  seedContact(properties: Record<string, string>, companyId?: string): Promise<string>;
  /** A task on the contact created at the given time: a person's, or an earlier one of ours when the body holds a marker. */
  seedTask(contactId: string, task: SeedTask): Promise<string>;
  close(): Promise<void>;
}

const CONTACT_PROPS = ['email', 'firstname', 'jobtitle'] as const;
const COMPANY_PROPS = ['domain', 'name', 'industry'] as const;
const MISSING_ID = '987654321';
// Owners the emulator seeds from config/decisions.json; the fake accepts any id.
const OWNER = { rita: '101', sam: '102', tom: '103', nobody: '104' } as const;

const task = (contactId: string, dedupeKey: string, ownerId: string) =>
  ({ contactId, ownerId, subject: 'Call this lead today', body: 'High intent: 5 page views this week.', dedupeKey });

function expectNewestFirst(entries: readonly PropertyHistoryEntry[]): void {
  const times = entries.map((e) => Date.parse(e.timestamp));
  expect(times.every(Number.isFinite)).toBe(true);
  expect(times).toEqual([...times].sort((a, b) => b - a));
}

export function describeRescoreGatewayContract(name: string, factory: () => Promise<RescoreContractSubject>): void {
  describe(`RescoreGateway contract: ${name}`, () => {
    let s: RescoreContractSubject;
    let companyId = '';
    let ada = '';
    let bob = '';

    beforeAll(async () => {
      s = await factory();
      companyId = await s.seedCompany({ domain: 'acme.example', name: 'Acme', industry: 'COMPUTER_SOFTWARE' });
      ada = await s.seedContact({ email: 'ada@acme.example', firstname: 'Ada', jobtitle: 'CTO' }, companyId);
      bob = await s.seedContact({ email: 'bob@gmail.com', firstname: 'Bob', jobtitle: 'Student' });
    });
    afterAll(async () => s?.close());

    it('reads a missing contact as null', async () => {
      expect(await s.gateway.readSnapshot(MISSING_ID, CONTACT_PROPS, COMPANY_PROPS)).toBeNull();
    });

    it('reads the contact, its primary company with history, and only the tasks we created', async () => {
      await s.seedTask(ada, { body: 'Call Ada.\n\n[lead-decisions:seed-high-intent]', ownerId: OWNER.rita, createdAt: '2020-01-05T00:00:00.000Z' });
      await s.seedTask(ada, { body: 'Call back next week about pricing.', ownerId: OWNER.rita, createdAt: '2020-01-06T00:00:00.000Z' });
      // Looks like a marker to a person, not to us: a key never holds spaces.
      await s.seedTask(ada, { body: 'See [lead-decisions: the old note]', ownerId: OWNER.tom, createdAt: '2020-01-07T00:00:00.000Z' });
      const snapshot = await s.gateway.readSnapshot(ada, CONTACT_PROPS, COMPANY_PROPS);
      expect(snapshot?.contact).toMatchObject({ id: ada, properties: { email: 'ada@acme.example', firstname: 'Ada', jobtitle: 'CTO' } });
      expect(snapshot?.company).toMatchObject({ id: companyId, properties: { domain: 'acme.example', name: 'Acme', industry: 'COMPUTER_SOFTWARE' } });
      expect(snapshot?.companyHistory['industry']?.[0]).toMatchObject({ value: 'COMPUTER_SOFTWARE', sourceType: 'CRM_UI' });
      expect(Object.keys(snapshot?.companyHistory ?? {}).sort()).toEqual([...COMPANY_PROPS].sort());
      expect(snapshot?.notifications).toEqual([{ dedupeKey: 'seed-high-intent', createdAt: '2020-01-05T00:00:00.000Z', ownerId: OWNER.rita }]);
    });

    it('reads the history of the contact properties asked for in the same snapshot, newest first', async () => {
      const snapshot = await s.gateway.readSnapshot(ada, CONTACT_PROPS, COMPANY_PROPS, ['jobtitle', 'firstname']);
      expect(Object.keys(snapshot?.contactHistory ?? {}).sort()).toEqual(['firstname', 'jobtitle']);
      expect(snapshot?.contactHistory?.['jobtitle']?.[0]?.value).toBe('CTO');
      expectNewestFirst((snapshot?.contactHistory?.['jobtitle'] ?? []) as PropertyHistoryEntry[]);
      expect((await s.gateway.readSnapshot(ada, CONTACT_PROPS, COMPANY_PROPS))?.contactHistory).toEqual({});
    });

    it('reads a contact without a company as company null and no history', async () => {
      const snapshot = await s.gateway.readSnapshot(bob, CONTACT_PROPS, COMPANY_PROPS);
      expect(snapshot?.contact.properties['firstname']).toBe('Bob');
      expect(snapshot?.company).toBeNull();
      expect(snapshot?.companyHistory).toEqual({});
      expect(snapshot?.notifications).toEqual([]);
    });

    it('creates a task that the next snapshot reads back as a notification with its key and owner', async () => {
      const created = await s.gateway.createTask(task(bob, 'bob-high-intent', OWNER.rita));
      const unowned = await s.gateway.createTask(task(bob, 'bob-unrouted', ''));
      expect(created.id).toMatch(/^\d+$/);
      expect(unowned.id).not.toBe(created.id);
      const notifications = (await s.gateway.readSnapshot(bob, CONTACT_PROPS, COMPANY_PROPS))?.notifications ?? [];
      expect([...notifications].sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey))).toEqual([
        { dedupeKey: 'bob-high-intent', createdAt: expect.any(String), ownerId: OWNER.rita },
        { dedupeKey: 'bob-unrouted', createdAt: expect.any(String), ownerId: null },
      ]);
      for (const n of notifications) expect(new Date(n.createdAt).toISOString()).toBe(n.createdAt);
    });

    it('reads back any dedupe key it wrote (printable, no spaces or "]")', async () => {
      const erin = await s.seedContact({ email: 'erin@acme.example', firstname: 'Erin' });
      await fc.assert(fc.asyncProperty(fc.stringMatching(/^[!-\\^-~]{1,60}$/), async (dedupeKey) => {
        await s.gateway.createTask(task(erin, dedupeKey, OWNER.rita));
        const keys = (await s.gateway.readSnapshot(erin, CONTACT_PROPS, COMPANY_PROPS))?.notifications.map((n) => n.dedupeKey);
        expect(keys).toContain(dedupeKey);
      }), { numRuns: 15 });
    });

    it('counts only that owner\'s tasks created at or after the time', async () => {
      const carl = await s.seedContact({ email: 'carl@acme.example', firstname: 'Carl' }, companyId);
      await s.seedTask(carl, { body: 'Intro call', ownerId: OWNER.sam, createdAt: '2020-02-01T00:00:00.000Z' });
      await s.seedTask(carl, { body: 'Call.\n\n[lead-decisions:carl-1]', ownerId: OWNER.sam, createdAt: '2020-03-01T00:00:00.000Z' });
      await s.seedTask(carl, { body: 'Demo', ownerId: OWNER.tom, createdAt: '2020-03-01T00:00:00.000Z' });
      const count = (owner: string, since: string) => s.gateway.countOwnerTasksSince(owner, since);
      expect(await count(OWNER.sam, '2020-01-01T00:00:00.000Z')).toBe(2);
      expect(await count(OWNER.sam, '2020-03-01T00:00:00.000Z')).toBe(1);
      expect(await count(OWNER.sam, '2020-03-01T00:00:00.001Z')).toBe(0);
      expect(await count(OWNER.tom, '2020-02-15T00:00:00.000Z')).toBe(1);
      expect(await count(OWNER.nobody, '2020-01-01T00:00:00.000Z')).toBe(0);

      await s.gateway.createTask(task(carl, 'carl-2', OWNER.sam));
      const created = (await s.gateway.readSnapshot(carl, CONTACT_PROPS, COMPANY_PROPS))?.notifications.find((n) => n.dedupeKey === 'carl-2');
      expect(created?.ownerId).toBe(OWNER.sam);
      const at = Date.parse(created!.createdAt);
      expect(await count(OWNER.sam, '2020-02-15T00:00:00.000Z')).toBe(2);
      expect(await count(OWNER.sam, new Date(at).toISOString())).toBe(1);
      expect(await count(OWNER.sam, new Date(at + 1).toISOString())).toBe(0);
      expect(await count(OWNER.tom, '2020-02-15T00:00:00.000Z')).toBe(1);
    });

    it('updates the contact and returns its property history newest first', async () => {
      await s.gateway.updateContact(ada, { jobtitle: 'VP Engineering' });
      await s.gateway.updateContact(ada, { jobtitle: 'Chief Technology Officer' });
      const snapshot = await s.gateway.readSnapshot(ada, CONTACT_PROPS, COMPANY_PROPS);
      expect(snapshot?.contact.properties['jobtitle']).toBe('Chief Technology Officer');
      const history = await s.gateway.getPropertyHistory(ada, ['jobtitle', 'firstname']);
      expect(history['jobtitle']?.map((e) => e.value)).toEqual(['Chief Technology Officer', 'VP Engineering', 'CTO']);
      expect(history['jobtitle']?.[0]?.sourceType).toBe('INTEGRATION');
      expect(history['firstname']?.map((e) => e.value)).toEqual(['Ada']);
      expectNewestFirst(history['jobtitle'] ?? []);
    });

    it('clears a value written as "" and records the clearing in history', async () => {
      await s.gateway.updateContact(bob, { jobtitle: '' });
      const snapshot = await s.gateway.readSnapshot(bob, CONTACT_PROPS, COMPANY_PROPS);
      expect(snapshot?.contact.properties['jobtitle']).toBeNull();
      const history = await s.gateway.getPropertyHistory(bob, ['jobtitle']);
      expect(history['jobtitle']?.map((e) => e.value)).toEqual(['', 'Student']);
      expectNewestFirst(history['jobtitle'] ?? []);
    });

    it('records no history for a write that changes nothing, as HubSpot does', async () => {
      const dora = await s.seedContact({ email: 'dora@acme.example', firstname: 'Dora', jobtitle: 'CFO' }, companyId);
      await s.gateway.updateContact(dora, { jobtitle: 'CFO', firstname: 'Dora' });
      await s.gateway.updateContact(dora, { jobtitle: 'Finance Director', lastname: '' });
      await s.gateway.updateContact(dora, { jobtitle: 'Finance Director' });
      const history = await s.gateway.getPropertyHistory(dora, ['jobtitle', 'firstname', 'lastname']);
      expect(history['jobtitle']?.map((e) => e.value)).toEqual(['Finance Director', 'CFO']);
      expect(history['firstname']?.map((e) => e.value)).toEqual(['Dora']);
      expect(history['lastname']).toEqual([]);
    });

    it('reports writes to and history of a missing contact as errors', async () => {
      await expect(s.gateway.getPropertyHistory(MISSING_ID, ['jobtitle'])).rejects.toBeInstanceOf(NotFoundError);
      await expect(s.gateway.updateContact(MISSING_ID, { jobtitle: 'Nobody' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(s.gateway.createTask(task(MISSING_ID, 'missing', OWNER.rita))).rejects.toBeInstanceOf(CrmError);
    });
  });
}
