// rescoreContact over a scripted RescoreGateway: which calls it makes and when, and what a failed
// write leaves to the caller. (End-to-end behaviour on the emulator: test/functions/.)
import { ACTIVITY_HISTORY_PROPERTIES } from '../../lib/core/activity-properties.ts';
import { describe, expect, it } from 'vitest';
import { rescoreContact, type RescoreDeps } from '../../lib/services/rescore.ts';
import { functionConfig } from '../../lib/functions/shell.ts';
import { taskDedupeKey } from '../../lib/core/notify.ts';
import { CrmError, NotFoundError } from '../../lib/errors.ts';
import type { ContactSnapshot, NotificationRecord, RescoreGateway, TaskSpec } from '../../lib/ports.ts';

const NOW = new Date('2026-11-27T08:00:00.000Z');
const config = functionConfig();
const HOT = {
  email: 'ceo@orbitsoft.io', jobtitle: 'CEO', country: 'Germany', hs_analytics_num_page_views: '12', num_conversion_events: '3',
  hs_analytics_last_visit_timestamp: '2026-11-26T08:00:00.000Z', lifecyclestage: 'lead',
};
const COLD = { email: 'student@gmail.com', jobtitle: 'Student' };
const COMPANY = { id: '9', properties: { domain: 'orbitsoft.io', name: 'Orbit Soft', industry: 'COMPUTER_SOFTWARE', numberofemployees: '400' } };

interface Script { contact?: Record<string, string> | null; notifications?: NotificationRecord[]; recentTasks?: number; failTask?: boolean; failUpdate?: boolean }

/** A gateway that records every call, and whether the two writes were in flight together. */
function scripted(script: Script) {
  const calls: string[] = [];
  const tasks: TaskSpec[] = [];
  const updates: Record<string, string>[] = [];
  const historyAsked: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const write = async <T>(name: string, fail: boolean | undefined, result: T): Promise<T> => {
    calls.push(name);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    if (fail) throw new CrmError(name, 'injected failure', { status: 500 });
    return result;
  };
  const gateway: Pick<RescoreGateway, 'readSnapshot' | 'countOwnerTasksSince' | 'createTask' | 'updateContact' | 'getPropertyHistory'> = {
    async readSnapshot(contactId, _contactProps, _companyProps, historyProps = []): Promise<ContactSnapshot | null> {
      calls.push('readSnapshot');
      historyAsked.push(...historyProps);
      if (script.contact === null) return null;
      return { contact: { id: contactId, properties: { ...(script.contact ?? HOT) } }, company: COMPANY, companyHistory: {}, contactHistory: {}, notifications: script.notifications ?? [] };
    },
    async countOwnerTasksSince(ownerId, since) { calls.push(`countOwnerTasksSince ${since}`); return script.recentTasks ?? 0; },
    createTask: (task) => { tasks.push(task); return write('createTask', script.failTask, { id: '77' }); },
    updateContact: (_id, properties) => { updates.push(properties); return write('updateContact', script.failUpdate, undefined); },
    async getPropertyHistory() { return {}; },
  };
  // The service uses only the methods above.
  const deps: RescoreDeps = {
    crm: gateway as RescoreGateway,
    enrichment: { id: 'hubspot-company', lookup: async () => null },
    ai: { id: 'rules', classify: async () => { throw new Error('not called for the rules classifier'); } },
    config,
    clock: { now: () => NOW },
  };
  return { deps, calls, tasks, updates, historyAsked, maxInFlight: () => maxInFlight };
}

describe('rescoreContact', () => {
  it('a high-tier contact: read, throttle count since the window start, then the task and the update in flight together', async () => {
    const g = scripted({});
    const reply = await rescoreContact('42', g.deps);
    const since = new Date(NOW.getTime() - config.notify.throttleWindowHours * 3_600_000).toISOString();
    expect(g.calls).toEqual(['readSnapshot', `countOwnerTasksSince ${since}`, 'createTask', 'updateContact']);
    expect(g.historyAsked).toEqual([...ACTIVITY_HISTORY_PROPERTIES]); // the dated activity rides on the snapshot read
    expect(g.maxInFlight()).toBe(2);
    expect(reply).toMatchObject({ ok: true, taskCreated: true, changed: true, decision: { tier: 'high' } });
    // First decision of a high-tier lead: the task is keyed by that event, not by the score.
    expect(g.tasks[0]!.dedupeKey).toBe(taskDedupeKey('42', 'entered_high@2026-11-27'));
    expect(g.updates[0]).toMatchObject({ routing_tier: 'high', decision_key: reply.decision.decisionKey });
  });

  it.each([
    { name: 'a low-tier contact', script: { contact: COLD }, notify: 'notify_tier_skipped' },
    { name: 'a contact already told, nothing new since (marker found)', script: { notifications: [{ dedupeKey: 'lead-decisions:42:old', createdAt: '2026-11-27T07:00:00.000Z', ownerId: '101' }] }, notify: 'notify_no_new_intent' },
  ])('$name: no throttle search and no task', async ({ script, notify }) => {
    const g = scripted(script);
    const reply = await rescoreContact('42', g.deps);
    expect(g.calls).toEqual(['readSnapshot', 'updateContact']);
    expect(reply.taskCreated).toBe(false);
    expect(reply.decision.reasons.map((r) => r.code)).toContain(notify);
  });

  it('an owned contact whose owner is at the throttle limit waits for the next run', async () => {
    const g = scripted({ contact: { ...HOT, hubspot_owner_id: '104' }, recentTasks: config.notify.maxTasksPerOwner });
    const reply = await rescoreContact('42', g.deps);
    expect(g.tasks).toEqual([]);
    expect(reply.decision.reasons.map((r) => r.code)).toContain('notify_waiting');
  });

  it('an unowned contact whose routed rep is at the throttle limit goes, with its task, to the next rep of the pool', async () => {
    const g = scripted({ recentTasks: config.notify.maxTasksPerOwner });
    const first = await rescoreContact('42', scripted({}).deps);
    const reply = await rescoreContact('42', g.deps);
    expect(reply.decision.reasons.map((r) => r.code)).toContain('notify_next_rep');
    expect(g.tasks).toHaveLength(1);
    expect(g.tasks[0]!.ownerId).not.toBe(first.ownerId);
    expect(g.updates[0]!['hubspot_owner_id']).toBe(g.tasks[0]!.ownerId);
  });

  it.each([
    { name: 'the update fails', script: { failUpdate: true }, failed: 'updateContact' },
    { name: 'the task fails', script: { failTask: true }, failed: 'createTask' },
  ])('$name: the other write still completes, and the failure reaches the caller', async ({ script, failed }) => {
    const g = scripted(script);
    await expect(rescoreContact('42', g.deps)).rejects.toThrow(`HubSpot ${failed} failed (500): injected failure`);
    expect(g.calls.slice(-2).sort()).toEqual(['createTask', 'updateContact']);
  });

  it('a contact that does not exist is a NotFoundError, before any write', async () => {
    const g = scripted({ contact: null });
    await expect(rescoreContact('42', g.deps)).rejects.toBeInstanceOf(NotFoundError);
    expect(g.calls).toEqual(['readSnapshot']);
  });
});
