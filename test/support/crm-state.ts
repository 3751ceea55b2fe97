// What a rescore run leaves in the emulator, for the tests that compare an interrupted and resumed
// run with an uninterrupted one: every contact's written properties, and the tasks (no ids, no times).
import type { EmulatorStore } from '../../local/emulator/index.ts';
import { WRITABLE_PROPERTIES } from '../../lib/core/contract.ts';

export interface CrmState { contacts: Record<string, string | null>[]; tasks: string[] }

export function crmState(store: EmulatorStore, contactCount: number): CrmState {
  const contacts = store.list('contacts', { limit: contactCount + 10, after: 0, archived: false, properties: [...WRITABLE_PROPERTIES] }).results
    .map((c): Record<string, string | null> => ({ id: c.id, ...Object.fromEntries(WRITABLE_PROPERTIES.map((p) => [p, c.properties[p] ?? null])) }));
  const tasks = store.list('tasks', { limit: 100_000, after: 0, archived: false, properties: ['hs_task_subject', 'hs_task_body', 'hubspot_owner_id'] }).results
    .map((t) => `${t.properties['hubspot_owner_id']}|${t.properties['hs_task_subject']}|${t.properties['hs_task_body']}`).sort();
  return { contacts, tasks };
}

/**
 * Names the first contact property and the tasks that differ: on 10,000 contacts vitest's own diff
 * is truncated to "Compared values have no visual difference".
 */
export function firstDifference(got: CrmState, want: CrmState): string {
  const out: string[] = [];
  const index = got.contacts.findIndex((c, i) => JSON.stringify(c) !== JSON.stringify(want.contacts[i]));
  if (got.contacts.length !== want.contacts.length) out.push(`${got.contacts.length} contacts, expected ${want.contacts.length}`);
  if (index >= 0) {
    const a = got.contacts[index]!;
    const b = want.contacts[index] ?? {};
    const keys = Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);
    const count = got.contacts.filter((c, i) => JSON.stringify(c) !== JSON.stringify(want.contacts[i])).length;
    out.push(`${count} contacts differ; first contact ${a['id']}: ${keys.map((k) => `${k} = ${JSON.stringify(a[k])}, expected ${JSON.stringify(b[k])}`).join('; ')}`);
  }
  const extra = got.tasks.filter((t, i) => !want.tasks.includes(t) || got.tasks.indexOf(t) !== i);
  const missing = want.tasks.filter((t) => !got.tasks.includes(t));
  if (extra.length > 0 || missing.length > 0) out.push(`tasks: ${extra.length} extra or repeated (${extra.slice(0, 3).map((t) => t.slice(0, 160)).join(' / ')}), ${missing.length} missing (${missing.slice(0, 3).map((t) => t.slice(0, 160)).join(' / ')})`);
  return out.join('\n') || 'no difference found';
}
