// `rescore --all` at a portal's limit, side by side on emulators configured at 190 per 10 s (each
// in its own process, seeded alike): contacts per second and HubSpot calls per 100 contacts, with
// the activity history and without, as a ratio of the theoretical ceiling (19 calls/s ÷ calls per
// contact), next to the per-contact pattern (get + update per contact) under the same pacer.
// Also issue 8's figure: calls per 100 contacts for a read that includes the history.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Client } from '@hubspot/api-client';
import { createHubSpotBulkCrm } from '../lib/adapters/hubspot/bulk-crm.ts';
import { connect } from '../lib/cli/rescore/connect.ts';
import { Pacer } from '../lib/cli/rescore/pacer.ts';
import { runRescore } from '../lib/cli/rescore/run.ts';
import { loadConfig } from '../lib/config/load.ts';
import { ACTIVITY_HISTORY_PROPERTIES } from '../lib/core/activity-properties.ts';
import { CONTACT_INPUT_PROPERTIES } from '../lib/core/contract.ts';
import { decide } from '../lib/core/pipeline.ts';
import { BULK_COMPANY_PROPERTIES, BULK_CONTACT_PROPERTIES } from '../lib/services/batch-rescore.ts';
import { allContacts } from '../lib/services/contact-sources.ts';
import { FACT_PROPERTIES } from '../lib/sandbox/company-facts.ts';
import type { Figures } from './run.ts';

const CONTACTS = 3000;
const PORTAL_RATE = { max: 190, intervalMs: 10_000 };
/** The portal's average rate without its burst: what a long run sustains. */
const RATE = { max: 19, intervalMs: 1000 };
const CEILING_CALLS_PER_S = (PORTAL_RATE.max / PORTAL_RATE.intervalMs) * 1000;
const PER_CONTACT_WINDOW_MS = 8000;
const here = dirname(fileURLToPath(import.meta.url));

interface Portal { url: string; child: ChildProcess }

function startPortal(): Promise<Portal> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'rescore-portal.ts'), String(CONTACTS)], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, child });
    });
    child.once('exit', (code) => reject(new Error(`bench portal exited (${code}) before it was ready`)));
  });
}

async function rescoreAll(portal: Portal, history: boolean, dir: string) {
  const config = await loadConfig();
  if (!config.ok) throw new Error(config.message);
  const lines: string[] = [];
  const stderr = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
  const started = performance.now();
  const code = await runRescore({
    scope: { kind: 'all' }, resume: false, dryRun: false, history, checkpointFile: join(dir, `${history}-${Date.now()}.sqlite`),
    config: config.config, token: 'bench', basePath: portal.url, rate: RATE,
  }, { out: (l) => lines.push(l), err: (l) => lines.push(l), stderr });
  const seconds = (performance.now() - started) / 1000;
  const summary = lines.find((l) => l.startsWith('read ')) ?? '';
  const m = /^read (\d+),.*\| (\d+) API calls/.exec(summary);
  if (code !== 0 || !m) throw new Error(`rescore failed (${code}): ${lines.join('\n')}`);
  const read = Number(m[1]);
  const calls = Number(m[2]);
  const per100 = (calls / read) * 100;
  const contactsPerS = read / seconds;
  const ceiling = CEILING_CALLS_PER_S / (per100 / 100);
  return { contactsPerS, per100, ratio: contactsPerS / ceiling, calls };
}

/** The seed's pattern: one read and one write per contact, paced the same way. */
async function perContact(portal: Portal) {
  const config = await loadConfig();
  if (!config.ok) throw new Error(config.message);
  const pacer = new Pacer(RATE);
  const client = new Client({ accessToken: 'bench', basePath: portal.url, numberOfApiCallRetries: 3 });
  await pacer.acquire();
  const ids = (await client.crm.contacts.basicApi.getPage(100)).results.map((c) => c.id);
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < PER_CONTACT_WINDOW_MS) {
    const id = ids[done % ids.length]!;
    await pacer.acquire();
    const contact = await client.crm.contacts.basicApi.getById(id, [...CONTACT_INPUT_PROPERTIES]);
    const decision = decide({ id, properties: contact.properties, company: null }, config.config, new Date());
    await pacer.acquire();
    await client.crm.contacts.basicApi.update(id, { properties: { ...(decision.writePlan as Record<string, string>), last_decision_at: new Date().toISOString() } });
    done++;
  }
  const contactsPerS = done / ((performance.now() - started) / 1000);
  return { contactsPerS, per100: 200, ratio: contactsPerS / (CEILING_CALLS_PER_S / 2) };
}

/** Issue 8: calls per 100 contacts to read them with the activity history (and their companies with fact history). */
async function historyRead(portal: Portal) {
  const conn = connect(portal.url, 'bench', new Pacer(RATE), new Pacer({ max: 4, intervalMs: 1000 }));
  const crm = createHubSpotBulkCrm(conn.ctx);
  let read = 0;
  const companies = new Set<string>();
  for await (const batch of allContacts(crm, BULK_CONTACT_PROPERTIES, ACTIVITY_HISTORY_PROPERTIES)) {
    read += batch.contacts.length;
    for (const c of batch.contacts) if (c.companyId) companies.add(c.companyId);
    if (read >= 1000) break;
  }
  const contactCalls = conn.stats.calls;
  const ids = [...companies];
  for (let i = 0; i < ids.length; i += 50) await crm.readCompanies(ids.slice(i, i + 50), BULK_COMPANY_PROPERTIES, FACT_PROPERTIES);
  return { contactsOnly: (contactCalls / read) * 100, withCompanies: (conn.stats.calls / read) * 100 };
}

export async function run(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'rescore-bench-'));
  const portals = await Promise.all([startPortal(), startPortal(), startPortal()]);
  await new Promise((r) => setTimeout(r, 3000)); // let the seeded portals settle (GC) before measuring
  try {
    const withHistory = await rescoreAll(portals[0]!, true, dir);
    // The same portal again: nothing changes, so the emulator's batch writes are out of the way.
    const rerun = await rescoreAll(portals[0]!, true, dir);
    const withoutHistory = await rescoreAll(portals[1]!, false, dir);
    const single = await perContact(portals[2]!);
    const read = await historyRead(portals[2]!);
    const note = `${CONTACTS.toLocaleString('en-US')} contacts, emulator at 190/10 s in its own process, paced 19/1 s, first pass (every contact changes)`;
    const pct = (r: number) => Number((r * 100).toFixed(1));
    return {
      'rescore.history.contacts_per_s': { value: Number(withHistory.contactsPerS.toFixed(1)), unit: 'contacts/s', note },
      'rescore.history.calls_per_100': { value: Number(withHistory.per100.toFixed(2)), unit: 'calls', note: 'all calls of the run: probe, count, reads, companies, updates, tasks' },
      'rescore.history.ceiling_pct': { value: pct(withHistory.ratio), unit: '%', note: 'contacts/s ÷ (19 calls/s ÷ calls per contact)' },
      'rescore.rerun.contacts_per_s': { value: Number(rerun.contactsPerS.toFixed(1)), unit: 'contacts/s', note: 'with history, second run over unchanged data (writes nothing)' },
      'rescore.rerun.calls_per_100': { value: Number(rerun.per100.toFixed(2)), unit: 'calls', note: 'reads only' },
      'rescore.rerun.ceiling_pct': { value: pct(rerun.ratio), unit: '%', note: 'of its own ceiling' },
      'rescore.no_history.contacts_per_s': { value: Number(withoutHistory.contactsPerS.toFixed(1)), unit: 'contacts/s', note },
      'rescore.no_history.calls_per_100': { value: Number(withoutHistory.per100.toFixed(2)), unit: 'calls', note: '--no-history' },
      'rescore.no_history.ceiling_pct': { value: pct(withoutHistory.ratio), unit: '%', note: 'of its own ceiling' },
      'rescore.per_contact.contacts_per_s': { value: Number(single.contactsPerS.toFixed(1)), unit: 'contacts/s', note: 'get + update per contact, same pacer, no company, no history' },
      'rescore.per_contact.calls_per_100': { value: single.per100, unit: 'calls', note: 'the seed pattern' },
      'rescore.per_contact.ceiling_pct': { value: pct(single.ratio), unit: '%', note: 'of 9.5 contacts/s' },
      'rescore.speedup_vs_per_contact': { value: Number((withHistory.contactsPerS / single.contactsPerS).toFixed(1)), unit: '×', note: 'rescore --all (with history) over get + update per contact' },
      'read.history_calls_per_100': { value: Number(read.contactsOnly.toFixed(2)), unit: 'calls', note: 'contacts with the activity history (list pages of 50: the cap)' },
      'read.history_with_companies_calls_per_100': { value: Number(read.withCompanies.toFixed(2)), unit: 'calls', note: '+ their companies with fact history, each company once' },
    };
  } finally {
    for (const p of portals) p.child.stdin!.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
