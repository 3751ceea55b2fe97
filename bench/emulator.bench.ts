// Emulator capacity on 50,000 seeded contacts: seed time, batch reads (100 ids a request) and
// searches per second over HTTP with rate limits off, so later benchmarks know it is not their bottleneck.
import { startEmulator } from '../local/emulator/index.ts';
import type { Figures } from './run.ts';

const CONTACTS = 50_000;
const WINDOW_MS = 3_000;
const CONCURRENCY = 4;

async function throughput(request: (i: number) => Promise<Response>): Promise<number> {
  let done = 0;
  let failed = 0;
  const started = performance.now();
  const worker = async (w: number): Promise<void> => {
    for (let i = w; performance.now() - started < WINDOW_MS; i += CONCURRENCY) {
      const res = await request(i);
      await res.arrayBuffer();
      if (res.ok) done++; else failed++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  if (failed > 0) throw new Error(`${failed} emulator requests failed during the benchmark`);
  return done / ((performance.now() - started) / 1000);
}

export async function run(): Promise<Figures> {
  const t0 = performance.now();
  const emu = await startEmulator({ contacts: CONTACTS, seed: 1, rateLimit: { enabled: false } });
  const seedSeconds = (performance.now() - t0) / 1000;
  try {
    const ids = (emu.store.db.prepare("SELECT id FROM objects WHERE type = 'contacts' AND archived = 0").pluck().all() as number[]).map(String);
    const headers = { authorization: 'Bearer bench', 'content-type': 'application/json' };
    const post = (path: string, body: unknown) => fetch(`${emu.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const properties = ['email', 'firstname', 'lastname', 'jobtitle', 'country', 'phone', 'hs_analytics_num_page_views', 'num_conversion_events', 'lifecyclestage', 'hubspot_owner_id'];

    const batchRead = await throughput((i) => post('/crm/v3/objects/contacts/batch/read', {
      properties, propertiesWithHistory: [], inputs: Array.from({ length: 100 }, (_, k) => ({ id: ids[(i * 100 + k * 37) % ids.length] })),
    }));

    const searches = [
      { filterGroups: [{ filters: [{ propertyName: 'hs_analytics_num_page_views', operator: 'GT', value: '20' }] }], sorts: [{ propertyName: 'hs_analytics_num_page_views', direction: 'DESCENDING' }] },
      { filterGroups: [{ filters: [{ propertyName: 'lifecyclestage', operator: 'IN', values: ['lead', 'marketingqualifiedlead'] }, { propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' }] }] },
      { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: 'gmail.com' }] }] },
      { filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: '20000' }] }], sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] },
    ];
    // Seeded properties are indexed on first search: do that once, outside the measurement.
    const warm = performance.now();
    for (const shape of searches) await (await post('/crm/v3/objects/contacts/search', { ...shape, properties, limit: 100 })).arrayBuffer();
    const warmMs = performance.now() - warm;
    const search = await throughput((i) => post('/crm/v3/objects/contacts/search', { ...searches[i % searches.length], properties, limit: 100, after: String((i % 10) * 100) }));

    return {
      'emulator.seed_50k_s': { value: Number(seedSeconds.toFixed(2)), unit: 's', note: 'start with 50,000 contacts (+10,000 companies, deals), in memory' },
      'emulator.batch_read_req_per_s': { value: Math.round(batchRead), unit: 'req/s', note: `100 ids a request, ${CONCURRENCY} concurrent, rate limits off` },
      'emulator.search_req_per_s': { value: Math.round(search), unit: 'req/s', note: `4 query shapes, limit 100, ${CONCURRENCY} concurrent, rate limits off` },
      'emulator.first_searches_ms': { value: Math.round(warmMs), unit: 'ms', note: 'the 4 shapes once after seeding, indexing their properties' },
    };
  } finally {
    await emu.close();
  }
}
