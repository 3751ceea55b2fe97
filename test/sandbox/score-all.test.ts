// scoreAllContacts against a throwaway emulator: everyone ends scored, a second pass writes
// nothing, the HubSpot call budget per 100 contacts stays at 2 list pages with activity history +
// shared company reads + update + task batches, and the real rescore_contact function agrees with what was stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { createHubSpotGateway, type HubSpotGateway } from '../../lib/adapters/index.ts';
import { runProvision } from '../../lib/cli/commands/provision.ts';
import { loadConfig } from '../../lib/config/load.ts';
import type { Config } from '../../lib/core/config.ts';
import { handleRescore } from '../../lib/functions/rescore_contact.ts';
import { createHubSpotBulkCrm } from '../../lib/adapters/hubspot/bulk-crm.ts';
import { createHubSpotContext } from '../../lib/adapters/hubspot/gateway.ts';
import type { BulkCrm } from '../../lib/ports.ts';
import { scoreAllContacts } from '../../lib/sandbox/score-all.ts';

const CONTACTS = 250;
const NOW = new Date('2026-11-27T09:00:00Z');

describe('scoreAllContacts on the emulator', () => {
  let emulator: RunningEmulator;
  let gateway: HubSpotGateway;
  let bulk: BulkCrm;
  let config: Config;

  beforeAll(async () => {
    const loaded = await loadConfig();
    if (!loaded.ok) throw new Error(loaded.message);
    config = loaded.config;
    emulator = await startEmulator({ db: ':memory:', port: 0, seed: 11, contacts: CONTACTS });
    gateway = createHubSpotGateway({ accessToken: 'test-token', basePath: emulator.url, retries: 0 });
    bulk = createHubSpotBulkCrm(createHubSpotContext({ accessToken: 'test-token', basePath: emulator.url, retries: 0 }));
    await runProvision(gateway, config.classification.tracks);
  });

  afterAll(async () => {
    await emulator?.close();
  });

  const callsDuring = async <T>(run: () => Promise<T>) => {
    emulator.requestLog.clear();
    const value = await run();
    return { value, calls: emulator.requestLog.entries() };
  };

  it('scores every contact on the first pass in at most 4 calls per 100 contacts', async () => {
    const progress: number[] = [];
    const { value: report, calls } = await callsDuring(() => scoreAllContacts(bulk, config, () => NOW, (done) => progress.push(done)));
    expect(report).toMatchObject({ scanned: CONTACTS, updated: CONTACTS, unchanged: 0, failed: [] });
    expect(Object.values(report.tiers).reduce((a, b) => a + b, 0)).toBe(CONTACTS);
    expect(progress).toEqual([250]); // one window of ≤ 500 contacts
    expect(calls.filter((c) => c.path === '/crm/v3/objects/contacts')).toHaveLength(5); // pages of 50: history reads are capped
    expect(calls.every((c) => c.status < 300)).toBe(true);
    expect(calls.length).toBeLessThanOrEqual(4 * Math.ceil(CONTACTS / 100));
    expect(calls.filter((c) => c.method === 'POST' && c.path.endsWith('/contacts/batch/update'))).toHaveLength(3);
  });

  it('leaves every contact with a tier, a lead score and a decision key that agree with the report', async () => {
    const contacts = emulator.store.list('contacts', { limit: CONTACTS + 10, after: 0, archived: false, properties: ['routing_tier', 'lead_score', 'decision_key'] }).results;
    expect(contacts).toHaveLength(CONTACTS);
    for (const { properties: p } of contacts) {
      expect(['high', 'medium', 'low']).toContain(p['routing_tier']);
      expect(Number(p['lead_score'])).toBeGreaterThanOrEqual(0);
      expect(Number(p['lead_score'])).toBeLessThanOrEqual(100);
      expect(p['decision_key']).toMatch(/\S/);
    }
  });

  it('writes nothing on a second pass over the same data, reading in 3 calls per 100 contacts', async () => {
    const { value: report, calls } = await callsDuring(() => scoreAllContacts(bulk, config, () => NOW));
    expect(report).toMatchObject({ scanned: CONTACTS, updated: 0, unchanged: CONTACTS, failed: [] });
    expect(calls.some((c) => c.path.includes('/batch/update'))).toBe(false);
    expect(calls.length).toBeLessThanOrEqual(3 * Math.ceil(CONTACTS / 100));
  });

  it('re-writes only the contact whose activity changed', async () => {
    const [first] = emulator.store.list('contacts', { limit: 1, after: 0, archived: false, properties: ['routing_tier'] }).results;
    const id = String(first!.id);
    const changed = emulator.store.updateContact(id, {
      hs_analytics_num_page_views: '60', num_conversion_events: '6', hs_analytics_last_visit_timestamp: NOW.toISOString(),
    });
    expect(changed.ok).toBe(true);
    const report = await scoreAllContacts(bulk, config, () => NOW);
    expect(report).toMatchObject({ scanned: CONTACTS, updated: 1, unchanged: CONTACTS - 1, failed: [] });
  });

  it('agrees with the rescore_contact function: a Re-score of untouched contacts changes nothing', async () => {
    await scoreAllContacts(bulk, config, () => new Date());
    const env = { HUBSPOT_ACCESS_TOKEN: 'test-token', HUBSPOT_BASE_URL: emulator.url };
    const ids = emulator.store.list('contacts', { limit: 12, after: 0, archived: false, properties: ['email'] }).results.map((c) => String(c.id));
    const replies = await Promise.all(ids.map((id) => handleRescore({ parameters: { contactId: id } }, env)));
    expect(replies.map((r) => (r.ok ? { id: r.contactId, changes: r.changes } : r))).toEqual(ids.map((id) => ({ id, changes: [] })));
  });
});
