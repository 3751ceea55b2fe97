// Property-history reads as HubSpot answers them: at most 50 objects per batch read or list page
// that asks for history (400 with HubSpot's message otherwise), history for the activity
// properties the engine scores, `associatedcompanyid` naming the primary company, and the
// injected 429 fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_HISTORY_PROPERTIES } from '../../lib/core/activity-properties.ts';
import { apiError, startTestEmulator, type TestEmulator } from './helpers.ts';

const CAP_MESSAGE = 'The maximum number of inputs supported in a batch request for property histories is 50. Please reduce the number of items and try again';

let t: TestEmulator;
let ids: string[] = [];
beforeAll(async () => {
  t = await startTestEmulator({ contacts: 120, seed: 5 });
  const pages = [await t.client.crm.contacts.basicApi.getPage(100)];
  pages.push(await t.client.crm.contacts.basicApi.getPage(100, pages[0]!.paging?.next?.after));
  ids = pages.flatMap((p) => p.results.map((c) => c.id));
});
afterAll(async () => t?.emu.close());

const batchRead = (n: number, history: string[]) => t.client.crm.contacts.batchApi.read({ inputs: ids.slice(0, n).map((id) => ({ id })), properties: ['email'], propertiesWithHistory: history });

describe('history read cap', () => {
  it.each([
    [50, ['hs_analytics_num_page_views'], 200],
    [51, ['hs_analytics_num_page_views'], 400],
    [100, [], 200],
  ])('a batch read of %i contacts with history %j answers %i', async (n, history, status) => {
    const outcome = await batchRead(n, history).then((r) => ({ code: 200, body: { count: r.results.length } as Record<string, unknown> }), (e) => apiError(Promise.reject(e)));
    expect(outcome.code).toBe(status);
    if (status === 200) expect(outcome.body['count']).toBe(n);
    else expect(outcome.body).toMatchObject({ category: 'VALIDATION_ERROR', message: CAP_MESSAGE });
  });

  it.each([[50, 200], [51, 400]])('a list page of %i with history answers %i', async (limit, status) => {
    const got = await t.client.crm.contacts.basicApi.getPage(limit, undefined, ['email'], ['num_conversion_events'])
      .then(() => 200, (e: { code: number }) => e.code);
    expect(got).toBe(status);
  });
});

describe('activity properties', () => {
  it('knows every activity property and returns its history, newest first', async () => {
    const names = (await t.client.crm.properties.coreApi.getAll('contacts')).results.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining([...ACTIVITY_HISTORY_PROPERTIES]));
    const id = ids[0]!;
    t.emu.store.updateContact(id, { hs_analytics_num_page_views: '3' });
    t.emu.store.updateContact(id, { hs_analytics_num_page_views: '7', hs_email_click: '1' });
    const [read] = (await batchRead(1, [...ACTIVITY_HISTORY_PROPERTIES])).results;
    const views = read!.propertiesWithHistory!['hs_analytics_num_page_views']!;
    expect(views.slice(0, 2).map((h) => h.value)).toEqual(['7', '3']);
    expect(new Date(views[0]!.timestamp).getTime()).toBeGreaterThanOrEqual(new Date(views[1]!.timestamp).getTime());
    expect(read!.propertiesWithHistory!['hs_email_click']!.map((h) => h.value)).toEqual(['1']);
  });
});

describe('associatedcompanyid', () => {
  it('names the primary company on a batch read (which carries no associations), null without one', async () => {
    const withCompany: string[] = [];
    for (const id of ids) {
      const links = await t.client.crm.associations.v4.basicApi.getPage('contacts', id, 'companies');
      const primary = links.results.find((l) => l.associationTypes.some((a) => a.typeId === 1));
      const [read] = (await t.client.crm.contacts.batchApi.read({ inputs: [{ id }], properties: ['associatedcompanyid'], propertiesWithHistory: [] })).results;
      expect(read!.properties['associatedcompanyid']).toBe(primary ? String(primary.toObjectId) : null);
      if (primary) withCompany.push(id);
      if (withCompany.length >= 3 && ids.indexOf(id) > 10) break;
    }
    expect(withCompany.length).toBeGreaterThan(0);
  });
});

describe('throttle fault', () => {
  it('answers a seeded fraction with HubSpot\'s ten-secondly 429', async () => {
    const tt = await startTestEmulator({ faults: { throttleRate: 0.5, seed: 7 } });
    try {
      const codes: number[] = [];
      let body: Record<string, unknown> = {};
      for (let i = 0; i < 12; i++) {
        codes.push(await tt.client.crm.contacts.basicApi.getPage(1).then(() => 200, (e: { code: number; body: Record<string, unknown> }) => { body = e.body; return e.code; }));
      }
      expect(new Set(codes)).toEqual(new Set([200, 429]));
      expect(body).toMatchObject({ policyName: 'TEN_SECONDLY_ROLLING', errorType: 'RATE_LIMIT' });
    } finally {
      await tt.emu.close();
    }
  });
});
