// The batch re-score service on the in-memory BulkCrm: what it writes, how many calls it makes,
// and that no retry, crash or replay creates a task twice (the ledger is checked first).
import { describe, expect, it } from 'vitest';
import { createFakeBulkCrm, type FakeBulkCrm } from '../../lib/adapters/hubspot/fake-bulk.ts';
import { markerKey } from '../../lib/adapters/hubspot/rescore-gateway.ts';
import { functionConfig } from '../../lib/functions/shell.ts';
import type { BulkCrm } from '../../lib/ports.ts';
import { BULK_CONTACT_PROPERTIES, rescoreContactIds, runBatchRescore, type BatchRescoreDeps, type RunState } from '../../lib/services/batch-rescore.ts';
import { allContacts, type ContactBatch } from '../../lib/services/contact-sources.ts';
import { createMemoryLedger } from '../../lib/services/side-effect-ledger.ts';
import { ACTIVITY_HISTORY_PROPERTIES } from '../../lib/core/activity-properties.ts';

const config = functionConfig();
const NOW = new Date('2026-11-27T09:00:00.000Z');
const HOT = (i: number) => ({
  email: `ceo${i}@orbitsoft.io`, jobtitle: 'CEO', country: 'Germany', hs_analytics_num_page_views: '12', num_conversion_events: '3',
  hs_analytics_last_visit_timestamp: '2026-11-26T08:00:00.000Z', lifecyclestage: 'lead',
});
const COLD = (i: number) => ({ email: `student${i}@gmail.com`, jobtitle: 'Student' });

function portal(n: number): { crm: FakeBulkCrm; ids: string[] } {
  // The fake's clock stamps history: activity written the day before NOW is recent, dated intent.
  const crm = createFakeBulkCrm({ now: '2026-11-26T08:00:00.000Z' });
  const company = crm.crm.state.addCompany({ domain: 'orbitsoft.io', name: 'Orbit Soft', industry: 'COMPUTER_SOFTWARE', numberofemployees: '400' });
  const ids = Array.from({ length: n }, (_, i) => crm.crm.state.addContact(i % 4 === 0 ? HOT(i) : COLD(i), i % 4 === 0 ? company : null));
  for (const [i, id] of ids.entries()) {
    if (i % 4 !== 0) continue;
    // New intent as dated increments: more page views and a demo request, as HubSpot's history shows them.
    void crm.crm.updateContact(id, { hs_analytics_num_page_views: '20', num_conversion_events: '4', recent_conversion_event_name: 'Demo request' });
  }
  return { crm, ids };
}

const deps = (crm: BulkCrm, extra: Partial<BatchRescoreDeps> = {}): BatchRescoreDeps => ({ crm, config, now: NOW, ledger: createMemoryLedger(), ...extra });
const everyone = (crm: BulkCrm, after?: string) => allContacts(crm, BULK_CONTACT_PROPERTIES, ACTIVITY_HISTORY_PROPERTIES, after);
const taskKeys = (crm: FakeBulkCrm) => crm.crm.state.tasks.map((t) => markerKey(t.properties['hs_task_body']));
const contactState = async (crm: FakeBulkCrm, ids: string[]) => {
  const out = [];
  for (let i = 0; i < ids.length; i += 100) out.push(...(await crm.readContacts(ids.slice(i, i + 100), ['routing_tier', 'lead_score', 'decision_key', 'hubspot_owner_id'], [])).contacts.map((c) => c.contact.properties));
  return out;
};

describe('runBatchRescore', () => {
  it('writes every contact once, in batches of 100, and creates the due tasks in one batch', async () => {
    const { crm, ids } = portal(250);
    const report = await runBatchRescore(everyone(crm), deps(crm));
    expect(report).toMatchObject({ read: 250, changed: 250, unchanged: 0, errors: [] });
    expect(report.tasks).toBeGreaterThan(0);
    expect(crm.calls.filter((c) => c === 'listContacts')).toHaveLength(5); // pages of 50: history is asked
    expect(crm.calls.filter((c) => c === 'batchUpdateContacts')).toHaveLength(3);
    expect(crm.calls.filter((c) => c === 'createTasks')).toHaveLength(1);
    expect(crm.calls.filter((c) => c === 'readCompanies')).toHaveLength(1); // one shared company, read once
    expect(new Set(taskKeys(crm)).size).toBe(crm.crm.state.tasks.length);
    expect((await contactState(crm, ids)).every((p) => p['routing_tier'])).toBe(true);
  });

  it('writes nothing and creates no task on a second run over unchanged data', async () => {
    const { crm } = portal(120);
    const ledger = createMemoryLedger();
    await runBatchRescore(everyone(crm), deps(crm, { ledger }));
    const tasks = crm.crm.state.tasks.length;
    crm.calls.length = 0;
    const again = await runBatchRescore(everyone(crm), deps(crm, { ledger, now: new Date(NOW.getTime() + 3_600_000) }));
    expect(again).toMatchObject({ read: 120, changed: 0, unchanged: 120, tasks: 0 });
    expect(crm.crm.state.tasks).toHaveLength(tasks);
    expect(crm.calls).not.toContain('batchUpdateContacts');
  });

  it('a dry run decides and counts but writes nothing and records nothing', async () => {
    const { crm } = portal(60);
    const ledger = createMemoryLedger();
    const report = await runBatchRescore(everyone(crm), deps(crm, { ledger, dryRun: true }));
    expect(report).toMatchObject({ read: 60, changed: 60, unchanged: 0 });
    expect(report.tasks).toBeGreaterThan(0);
    expect(report.sample.length).toBeGreaterThan(0);
    expect(crm.calls.filter((c) => c === 'batchUpdateContacts' || c === 'createTasks')).toEqual([]);
    expect(ledger.entries.size).toBe(0);
  });

  it('a create whose answer is lost (5xx after HubSpot made it) is looked up, not made twice', async () => {
    const { crm } = portal(40);
    let lost = 0;
    const flaky: BulkCrm = { ...crm, createTasks: async (tasks) => {
      const result = await crm.createTasks(tasks);
      if (lost++ === 0) throw new Error('HubSpot create 10 tasks failed (502): Bad gateway');
      return result;
    } };
    const report = await runBatchRescore(everyone(flaky), deps(flaky));
    expect(report.errors).toEqual([]);
    expect(crm.calls).toContain('findTaskKeys');
    expect(crm.crm.state.tasks.length).toBeGreaterThan(0);
    expect(new Set(taskKeys(crm)).size).toBe(crm.crm.state.tasks.length);
  });

  it('a run that crashes after its checkpoint and is resumed ends like an uninterrupted one, tasks once', async () => {
    const clean = portal(1200);
    await runBatchRescore(everyone(clean.crm), deps(clean.crm));

    const { crm, ids } = portal(1200);
    const ledger = createMemoryLedger();
    let saved: { cursor: string; state: RunState } | null = null;
    async function* crashing(): AsyncGenerator<ContactBatch> {
      let n = 0;
      for await (const batch of everyone(crm)) {
        if (n++ === 2) throw new Error('killed');
        yield batch;
      }
    }
    await expect(runBatchRescore(crashing(), deps(crm, { ledger }), { onCheckpoint: (cursor, state) => { saved = { cursor, state: structuredClone(state) }; } })).rejects.toThrow('killed');
    expect(saved).not.toBeNull();
    expect(saved!.state.routing?.load).toBeDefined();
    crm.calls.length = 0;
    const resumed = await runBatchRescore(everyone(crm, saved!.cursor), deps(crm, { ledger }), {}, saved!.state);
    // The interrupted run's owner load, not HubSpot's: no load search on resume.
    expect(crm.calls).not.toContain('countOwnerLoad');
    expect(resumed.read).toBe(1200);
    expect(await contactState(crm, ids)).toEqual(await contactState(clean.crm, clean.ids));
    expect(taskKeys(crm).sort()).toEqual(taskKeys(clean.crm).sort());
  });

  it('checkpoints each batch before sending its updates, and a resumed run sends the pending ones first', async () => {
    const { crm, ids } = portal(120);
    const ledger = createMemoryLedger();
    const states: { cursor: string; state: Required<RunState> }[] = [];
    const failing: BulkCrm = { ...crm, batchUpdateContacts: async () => { throw Object.assign(new Error('killed mid-flush'), { stopsRun: true }); } };
    await expect(runBatchRescore(everyone(failing), deps(failing, { ledger }), {
      onCheckpoint: (cursor, state) => { states.push({ cursor, state: structuredClone(state) }); },
    })).rejects.toThrow('killed mid-flush');
    // One batch of 120: checkpointed with all 120 updates pending, before the first part was sent.
    expect(states.map((s) => [s.cursor, s.state.pending.length, s.state.report.changed])).toEqual([['end', 120, 0]]);
    expect((await contactState(crm, ids)).some((p) => p['routing_tier'])).toBe(false);

    crm.calls.length = 0;
    const resumed = await runBatchRescore((async function* () {})(), deps(crm, { ledger }), {}, states[0]!.state);
    expect(crm.calls.filter((c) => c === 'batchUpdateContacts')).toHaveLength(2);
    expect(resumed).toMatchObject({ read: 120, changed: 120 });
    expect((await contactState(crm, ids)).every((p) => p['routing_tier'])).toBe(true);
  });

  it('names each contact that failed and goes on with the rest', async () => {
    const { crm, ids } = portal(10);
    const rejecting: BulkCrm = { ...crm, batchUpdateContacts: async (updates) => {
      const result = await crm.batchUpdateContacts(updates.filter((u) => u.id !== ids[1]));
      return { ...result, failed: [{ id: ids[1]!, message: 'Property values were not valid', status: 400 }] };
    } };
    const report = await rescoreContactIds([...ids, '987654321'], deps(rejecting));
    expect(report.errors).toEqual([
      { contactId: '987654321', code: 'not_found', message: 'contact 987654321 does not exist (or was deleted)' },
      { contactId: ids[1], code: 'update_rejected', message: 'Property values were not valid' },
    ]);
    expect(report.changed).toBe(9);
  });

  it('rescoreContactIds reads at most 50 contacts per call with history, 100 without', async () => {
    const { crm, ids } = portal(120);
    await rescoreContactIds(ids, deps(crm));
    expect(crm.calls.filter((c) => c === 'readContacts')).toHaveLength(3);
    crm.calls.length = 0;
    await rescoreContactIds(ids, deps(crm, { history: false }));
    expect(crm.calls.filter((c) => c === 'readContacts')).toHaveLength(2);
  });
});
