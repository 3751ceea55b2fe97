// The committed bundles are what HubSpot runs: load each in a fresh Node process, as the
// function runtime does, and call main() against the emulator. This catches a bundle that
// builds but fails at run time (for example an API the bundle plugin left out), and a bundle
// that decides differently from its sources (for example data the build compressed wrongly).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import disposableDomains from 'disposable-email-domains/index.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecisionHistoryReplySchema, RescoreReplySchema, type RescoreReply } from '../../lib/core/reply.ts';
import { handleHistory } from '../../lib/functions/decision_history.ts';
import { handleRescore } from '../../lib/functions/rescore_contact.ts';
import { createContact, HIGH_INTENT_CONTACT, SOFTWARE_COMPANY, startFunctionEmulator, type FunctionEmulator } from './helpers.ts';

const run = promisify(execFile);
const dist = join(import.meta.dirname, '../../src/app/functions/dist');

/** main() of a bundle, once per parameters object, in one fresh Node process; the replies in order. */
async function callBundleEach(uid: string, calls: readonly Record<string, unknown>[], env: Record<string, string>): Promise<unknown[]> {
  const script = `const fn = require(${JSON.stringify(join(dist, `${uid}.js`))});
    (async () => { const replies = []; for (const parameters of ${JSON.stringify(calls)}) replies.push(await fn.main({ parameters })); return replies; })()
    .then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });`;
  const { stdout } = await run(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 });
  return JSON.parse(stdout) as unknown[];
}

async function callBundle(uid: string, parameters: Record<string, unknown>, env: Record<string, string>): Promise<unknown> {
  return (await callBundleEach(uid, [parameters], env))[0];
}

describe('function bundles (src/app/functions/dist)', () => {
  let fx: FunctionEmulator;
  let contactId: string;
  beforeAll(async () => {
    fx = await startFunctionEmulator();
    contactId = await createContact(fx, HIGH_INTENT_CONTACT('bundle'), SOFTWARE_COMPANY);
  });
  afterAll(() => fx.emu.close());

  it('rescore_contact decides and writes through the bundled api-client', async () => {
    const reply = RescoreReplySchema.parse(await callBundle('rescore_contact', { contactId }, { PRIVATE_APP_ACCESS_TOKEN: 'test', HUBSPOT_BASE_URL: fx.env.HUBSPOT_BASE_URL }));
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.changed).toBe(true);
    expect(fx.emu.store.getContact(contactId)?.properties['decision_key']).toBe(reply.decision.decisionKey);
  });

  it('decision_history reads the decision back from property history', async () => {
    const reply = DecisionHistoryReplySchema.parse(await callBundle('decision_history', { contactId }, { PRIVATE_APP_ACCESS_TOKEN: 'test', HUBSPOT_BASE_URL: fx.env.HUBSPOT_BASE_URL }));
    expect(reply.ok && reply.entries.length).toBe(1);
  });

  it('answers a missing token with a clear error, not a crash', async () => {
    const reply = RescoreReplySchema.parse(await callBundle('rescore_contact', { contactId }, { HUBSPOT_BASE_URL: fx.env.HUBSPOT_BASE_URL }));
    expect(reply).toMatchObject({ ok: false, error: { code: 'missing_token' } });
  });
});

const list = disposableDomains as string[];
/** Contacts that reach the data the build compresses: both mail lists, country names in many scripts, phone metadata. */
const CONTACTS: { name: string; properties: Record<string, string>; company?: Record<string, string> }[] = [
  { name: 'engaged CEO at a software company', properties: HIGH_INTENT_CONTACT('same'), company: SOFTWARE_COMPANY },
  { name: 'disposable mail (the list, front-coded)', properties: { ...HIGH_INTENT_CONTACT('disposable'), email: `ceo@${list[Math.floor(list.length / 3)]}` } },
  { name: 'disposable mail at the end of the list', properties: { email: `jo@${list[list.length - 1]}`, jobtitle: 'CTO', country: 'Japan' } },
  { name: 'free mail, country in Japanese, national phone', properties: { email: 'hiro@yahoo.co.jp', jobtitle: 'Head of Data', country: '日本', phone: '03-1234-5678' } },
  { name: 'free mail, country in Russian', properties: { email: 'anna@web.de', jobtitle: 'Marketing Manager', country: 'Россия', phone: '+7 495 123-45-67' } },
  { name: 'country in Greek, German title, national phone', properties: { email: 'kostas@initech.gr', jobtitle: 'Geschäftsführer', country: 'Ελλάδα', phone: '210 123 4567' } },
  { name: 'country in French, IDN company domain', properties: { email: 'chloe@bücher-müller.de', jobtitle: 'Directrice Marketing', country: 'Allemagne', phone: '030 1234567' } },
  { name: 'unknown country, garbage phone', properties: { email: 'x@northwindtraders.com', country: 'Narnia', phone: 'call me maybe' } },
  { name: 'nothing at all', properties: {} },
];

/** A reply without what depends on the moment it was made (the decision time, the task's due date). */
function timeless(reply: RescoreReply): unknown {
  if (!reply.ok) return reply;
  const { decidedAt: _decidedAt, ...decision } = reply.decision;
  return {
    ...reply,
    decision,
    changes: reply.changes.map((c) => (c.property === 'last_decision_at' ? { ...c, to: 'now' } : c)),
    task: reply.task ? { ...reply.task, dueAt: 'later' } : reply.task,
  };
}

const testStart = Date.now();
/** A stored contact, times stamped while this test ran (created, modified, decided, entered a stage) shown as such. */
function storedWithoutStamps(fx: FunctionEmulator, id: string): Record<string, unknown> {
  const stamped = (v: unknown) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) && Date.parse(v) >= testStart - 1000;
  return { id, ...Object.fromEntries(Object.entries(fx.emu.store.getContact(id)!.properties).map(([k, v]) => [k, stamped(v) ? 'during the test' : v])) };
}

describe('the bundles decide exactly as their sources', () => {
  // Two emulators in the same state: the bundle re-scores on one, the TypeScript sources on the other.
  let bundleFx: FunctionEmulator;
  let sourceFx: FunctionEmulator;
  let ids: string[];
  beforeAll(async () => {
    bundleFx = await startFunctionEmulator({ contacts: 0 });
    sourceFx = await startFunctionEmulator({ contacts: 0 });
    ids = [];
    for (const c of CONTACTS) {
      const id = await createContact(bundleFx, c.properties, c.company);
      expect(await createContact(sourceFx, c.properties, c.company)).toBe(id);
      ids.push(id);
    }
  });
  afterAll(async () => { await bundleFx?.emu.close(); await sourceFx?.emu.close(); });

  it('rescore_contact: the same replies and the same stored contacts, for every contact and for bad input', async () => {
    const calls = [...ids.map((contactId) => ({ contactId })), { contactId: 'not-an-id' }, { contactId: '999999999' }];
    const env = { PRIVATE_APP_ACCESS_TOKEN: 'test', HUBSPOT_BASE_URL: bundleFx.env.HUBSPOT_BASE_URL };
    const fromBundle = (await callBundleEach('rescore_contact', calls, env)).map((r) => RescoreReplySchema.parse(r));
    const fromSources: RescoreReply[] = [];
    for (const parameters of calls) fromSources.push(await handleRescore({ parameters }, sourceFx.env));
    expect(fromBundle.map(timeless)).toEqual(fromSources.map(timeless));
    expect(fromBundle.filter((r) => r.ok).length).toBe(CONTACTS.length);
    expect(fromBundle.map((r) => r.ok && r.decision.tier)).toContain('low');
    for (const id of ids) expect(storedWithoutStamps(bundleFx, id)).toEqual(storedWithoutStamps(sourceFx, id));
  });

  it('decision_history: the same entries', async () => {
    const env = { PRIVATE_APP_ACCESS_TOKEN: 'test', HUBSPOT_BASE_URL: bundleFx.env.HUBSPOT_BASE_URL };
    const fromBundle = (await callBundleEach('decision_history', ids.map((contactId) => ({ contactId })), env)).map((r) => DecisionHistoryReplySchema.parse(r));
    const fromSources = await Promise.all(ids.map((contactId) => handleHistory({ parameters: { contactId } }, sourceFx.env)));
    const timelessEntries = (r: (typeof fromBundle)[number]) => (r.ok ? { ...r, entries: r.entries.map(({ at: _at, ...e }) => e) } : r);
    expect(fromBundle.map(timelessEntries)).toEqual(fromSources.map(timelessEntries));
  });
});
