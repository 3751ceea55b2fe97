// Adapter figures: HubSpot calls per 100 contacts and read throughput on the emulator,
// and how fast the AI guardrails prepare a prompt and check an answer.
import type { Figures } from './run.ts';
import { startEmulator } from '../local/emulator/index.ts';
import { createHubSpotGateway } from '../lib/adapters/hubspot/gateway.ts';
import { buildClassificationRequest, guardOutput } from '../lib/adapters/ai/guardrails.ts';
import type { ContactWithCompany } from '../lib/ports.ts';
import { COMPANY_INPUT_PROPERTIES, CONTACT_INPUT_PROPERTIES } from '../lib/core/contract.ts';

const CONTACTS = 1000;
const TRACKS = ['security', 'data_platform', 'general'];

async function hubspotFigures(): Promise<Figures> {
  const emulator = await startEmulator({ port: 0, db: ':memory:', contacts: CONTACTS, seed: 1, rateLimit: { enabled: false } });
  try {
    const gateway = createHubSpotGateway({ accessToken: 'bench-token', basePath: emulator.url, retries: 3 });
    emulator.requestLog.clear();
    let started = performance.now();
    const listed: ContactWithCompany[] = [];
    let after: string | undefined;
    do {
      const page = await gateway.listContactsWithCompanies({ after }, CONTACT_INPUT_PROPERTIES, COMPANY_INPUT_PROPERTIES);
      listed.push(...page.results);
      after = page.after;
    } while (after);
    const listSeconds = (performance.now() - started) / 1000;
    const listCalls = emulator.requestLog.entries().length;
    emulator.requestLog.clear();
    started = performance.now();
    const read = await gateway.getContactsWithCompanies(listed.map((r) => r.contact.id), CONTACT_INPUT_PROPERTIES, COMPANY_INPUT_PROPERTIES);
    const seconds = (performance.now() - started) / 1000;
    const readCalls = emulator.requestLog.entries().length;
    emulator.requestLog.clear();
    await gateway.batchUpdateContacts(read.map((r) => ({ id: r.contact.id, properties: { jobtitle: r.contact.properties['jobtitle'] ?? '' } })));
    const writeCalls = emulator.requestLog.entries().length;
    const withCompany = read.find((r) => r.company)!;
    emulator.requestLog.clear();
    await gateway.getContactWithCompany(withCompany.contact.id, CONTACT_INPUT_PROPERTIES, COMPANY_INPUT_PROPERTIES);
    const cardCalls = emulator.requestLog.entries().length;
    return {
      'adapters.hubspot_list_calls_per_100_contacts': { value: (listCalls / listed.length) * 100, unit: 'calls', note: `all ${listed.length} contacts with companies, paged` },
      'adapters.hubspot_read_calls_per_100_contacts': { value: (readCalls / read.length) * 100, unit: 'calls', note: 'by id, batch endpoints' },
      'adapters.hubspot_write_calls_per_100_contacts': { value: (writeCalls / read.length) * 100, unit: 'calls' },
      'adapters.hubspot_card_read_sequential_calls': { value: cardCalls, unit: 'calls', note: 'contact + company' },
      'adapters.hubspot_bulk_list_contacts_per_s': { value: Math.round(listed.length / listSeconds), unit: 'contacts/s', note: 'emulator, no rate limit' },
      'adapters.hubspot_bulk_read_contacts_per_s': { value: Math.round(read.length / seconds), unit: 'contacts/s', note: 'emulator, no rate limit' },
    };
  } finally {
    await emulator.close();
  }
}

function perSecond(iterations: number, fn: (i: number) => unknown): number {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  return Math.round(iterations / ((performance.now() - started) / 1000));
}

function guardrailFigures(): Figures {
  const contact = {
    firstname: 'Ada', lastname: 'Lovelace', jobtitle: 'VP Security', lifecyclestage: 'lead', hs_analytics_num_page_views: '12',
    message: 'My name is Ada Lovelace, reach me at ada@acme.com or +1 415 555 0100. We need SSO and SOC 2 before Q3.',
  };
  const answer = { contentTrack: 'security', objections: ['price', 'timing'], confidenceBand: 'high', nextBestAsset: 'SOC 2 report', subjectLine: 'SSO and SOC 2, answered' };
  return {
    'adapters.guardrails_prompts_per_s': { value: perSecond(20_000, (i) => buildClassificationRequest({ ...contact, hs_analytics_num_page_views: String(i % 90) }, { numberofemployees: '300' }, TRACKS)), unit: 'prompts/s' },
    'adapters.guardrails_answers_per_s': { value: perSecond(20_000, () => guardOutput(answer, TRACKS)), unit: 'answers/s' },
  };
}

export async function run(): Promise<Figures> {
  return { ...(await hubspotFigures()), ...guardrailFigures() };
}
