// CRM search through the official client: every operator, AND/OR, one sort, paging, total, limits.
import type { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, startTestEmulator, type TestEmulator } from './helpers.ts';

let t: TestEmulator;
type SearchRequest = Parameters<Client['crm']['contacts']['searchApi']['doSearch']>[0];
interface F { propertyName: string; operator: string; value?: string; highValue?: string; values?: string[] }

const PEOPLE = [
  { email: 'ana@acme.com', hs_analytics_num_page_views: '2', lifecyclestage: 'lead', country: 'Germany', hs_analytics_last_visit_timestamp: '2026-01-10T00:00:00Z', jobtitle: 'VP Sales' },
  { email: 'ben@acme.com', hs_analytics_num_page_views: '10', lifecyclestage: 'subscriber', country: 'Deutschland', jobtitle: 'Software Engineer' },
  { email: 'cleo@gmail.com', hs_analytics_num_page_views: '100', lifecyclestage: 'customer', hs_analytics_last_visit_timestamp: '2026-03-01T12:00:00Z' },
  { email: 'Dan@Example.org', hs_analytics_num_page_views: '9', country: 'USA', jobtitle: 'Geschäftsführer' },
  { email: 'eve@gmail.com', lifecyclestage: 'lead', hs_analytics_last_visit_timestamp: '2025-12-24T08:00:00Z' },
];

beforeAll(async () => {
  // Search is limited to 5 requests a second; this suite checks answers, not limits.
  t = await startTestEmulator({ rateLimit: { enabled: false } });
  for (const p of PEOPLE) {
    const r = t.emu.store.createObjectAsUser('contacts', p);
    if (!r.ok) throw new Error(r.failure.message);
  }
});
afterAll(async () => { await t.emu.close(); });

async function search(filterGroups: F[][], extra: Partial<{ sorts: string[]; limit: number; after: string; query: string }> = {}) {
  return t.client.crm.contacts.searchApi.doSearch({
    filterGroups: filterGroups.map((filters) => ({ filters })), properties: ['email'], limit: 100, ...extra,
  } as unknown as SearchRequest);
}
const emails = async (groups: F[][], extra = {}) => (await search(groups, extra)).results.map((r) => r.properties.email).sort();

describe('operators', () => {
  it.each<[string, F, string[]]>([
    ['EQ (case-insensitive)', { propertyName: 'email', operator: 'EQ', value: 'DAN@example.ORG' }, ['Dan@Example.org']],
    ['NEQ (includes unset)', { propertyName: 'lifecyclestage', operator: 'NEQ', value: 'lead' }, ['Dan@Example.org', 'ben@acme.com', 'cleo@gmail.com']],
    ['LT numeric, not lexical', { propertyName: 'hs_analytics_num_page_views', operator: 'LT', value: '10' }, ['Dan@Example.org', 'ana@acme.com']],
    ['LTE', { propertyName: 'hs_analytics_num_page_views', operator: 'LTE', value: '10' }, ['Dan@Example.org', 'ana@acme.com', 'ben@acme.com']],
    ['GT', { propertyName: 'hs_analytics_num_page_views', operator: 'GT', value: '9' }, ['ben@acme.com', 'cleo@gmail.com']],
    ['GTE', { propertyName: 'hs_analytics_num_page_views', operator: 'GTE', value: '9' }, ['Dan@Example.org', 'ben@acme.com', 'cleo@gmail.com']],
    ['BETWEEN', { propertyName: 'hs_analytics_num_page_views', operator: 'BETWEEN', value: '3', highValue: '50' }, ['Dan@Example.org', 'ben@acme.com']],
    ['GT on a datetime with epoch millis', { propertyName: 'hs_analytics_last_visit_timestamp', operator: 'GT', value: String(Date.UTC(2026, 0, 1)) }, ['ana@acme.com', 'cleo@gmail.com']],
    ['LT on a datetime with an ISO date', { propertyName: 'hs_analytics_last_visit_timestamp', operator: 'LT', value: '2026-01-01' }, ['eve@gmail.com']],
    ['IN', { propertyName: 'lifecyclestage', operator: 'IN', values: ['lead', 'customer'] }, ['ana@acme.com', 'cleo@gmail.com', 'eve@gmail.com']],
    ['NOT_IN (includes unset)', { propertyName: 'lifecyclestage', operator: 'NOT_IN', values: ['lead', 'customer'] }, ['Dan@Example.org', 'ben@acme.com']],
    ['HAS_PROPERTY', { propertyName: 'country', operator: 'HAS_PROPERTY' }, ['Dan@Example.org', 'ana@acme.com', 'ben@acme.com']],
    ['NOT_HAS_PROPERTY', { propertyName: 'country', operator: 'NOT_HAS_PROPERTY' }, ['cleo@gmail.com', 'eve@gmail.com']],
    ['CONTAINS_TOKEN on an email domain', { propertyName: 'email', operator: 'CONTAINS_TOKEN', value: 'gmail.com' }, ['cleo@gmail.com', 'eve@gmail.com']],
    ['CONTAINS_TOKEN with a wildcard', { propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*@acme.com' }, ['ana@acme.com', 'ben@acme.com']],
    ['CONTAINS_TOKEN on a word', { propertyName: 'jobtitle', operator: 'CONTAINS_TOKEN', value: 'engineer' }, ['ben@acme.com']],
    ['NOT_CONTAINS_TOKEN', { propertyName: 'email', operator: 'NOT_CONTAINS_TOKEN', value: 'gmail.com' }, ['Dan@Example.org', 'ana@acme.com', 'ben@acme.com']],
    ['EQ on a non-ASCII value', { propertyName: 'jobtitle', operator: 'EQ', value: 'GESCHÄFTSFÜHRER' }, ['Dan@Example.org']],
  ])('%s', async (_label, filter, expected) => {
    expect(await emails([[filter]])).toEqual(expected);
  });
});

describe('groups, sort, paging', () => {
  it('ANDs filters within a group and ORs groups', async () => {
    const gmailLeads = [{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: 'gmail.com' }, { propertyName: 'lifecyclestage', operator: 'EQ', value: 'lead' }];
    const bigViewers = [{ propertyName: 'hs_analytics_num_page_views', operator: 'GTE', value: '10' }];
    expect(await emails([gmailLeads])).toEqual(['eve@gmail.com']);
    expect(await emails([gmailLeads, bigViewers])).toEqual(['ben@acme.com', 'cleo@gmail.com', 'eve@gmail.com']);
  });

  it('sorts numerically by one property, unset values last', async () => {
    const r = await search([], { sorts: ['-hs_analytics_num_page_views'] });
    expect(r.results.map((x) => x.properties.email)).toEqual(['cleo@gmail.com', 'ben@acme.com', 'Dan@Example.org', 'ana@acme.com', 'eve@gmail.com']);
  });

  it('pages with after, reports total, and drops paging on the last page', async () => {
    const first = await search([], { limit: 2, sorts: ['email'] });
    expect(first.total).toBe(5);
    expect(first.paging?.next?.after).toBe('2');
    const seen = first.results.map((r) => r.properties.email);
    let after = first.paging?.next?.after;
    while (after) {
      const page = await search([], { limit: 2, after, sorts: ['email'] });
      seen.push(...page.results.map((r) => r.properties.email));
      after = page.paging?.next?.after;
    }
    expect(seen).toEqual(['ana@acme.com', 'ben@acme.com', 'cleo@gmail.com', 'Dan@Example.org', 'eve@gmail.com']);
  });

  it('finds by free-text query on names and emails', async () => {
    expect(await emails([], { query: 'cleo' })).toEqual(['cleo@gmail.com']);
  });
});

describe('limits', () => {
  it('refuses limit over 200 with 400', async () => {
    const err = await apiError(search([], { limit: 201 }));
    expect(err).toMatchObject({ code: 400, body: { category: 'VALIDATION_ERROR' } });
  });

  it('refuses paging past 10,000 results with 400', async () => {
    const err = await apiError(search([], { limit: 100, after: '9950' }));
    expect(err.code).toBe(400);
    expect(err.body.message).toMatchInlineSnapshot(`"Search results are limited to 10,000; paging past result 10000 (after=9950, limit=100) is not allowed. Narrow the filters instead."`);
  });

  it('refuses a filter on a property that does not exist', async () => {
    const err = await apiError(search([[{ propertyName: 'nope', operator: 'EQ', value: '1' }]]));
    expect(err).toMatchObject({ code: 400, body: { category: 'VALIDATION_ERROR', context: { propertyName: ['nope'] } } });
  });

  it('refuses a comparison value that is not a number on a number property', async () => {
    const err = await apiError(search([[{ propertyName: 'hs_analytics_num_page_views', operator: 'GT', value: 'many' }]]));
    expect(err.body.message).toMatchInlineSnapshot(`""many" is not a valid value to compare with hs_analytics_num_page_views (number)."`);
  });
});
