// Idempotent task creation: the dedupe key travels in the task body as a marker;
// before creating, the contact's associated tasks are read and searched for it.
// Calls: list associated task ids (1 per 500), batch read their bodies (1 per 100), create (1).
import type { TaskSpec } from '../../ports.ts';
import type { HubSpotContext } from './context.ts';
import { chunk, dedupeMarker, TASK_TO_CONTACT } from './records.ts';

type TaskCreate = Parameters<HubSpotContext['client']['crm']['objects']['tasks']['basicApi']['create']>[0];

export function taskProperties(task: TaskSpec, timestamp: string): Record<string, string> {
  return {
    hs_task_subject: task.subject,
    hs_task_body: `${task.body}\n\n${dedupeMarker(task.dedupeKey)}`,
    hs_task_status: 'NOT_STARTED',
    hs_task_priority: 'HIGH',
    hs_task_type: 'TODO',
    hs_timestamp: timestamp,
    ...(task.ownerId ? { hubspot_owner_id: task.ownerId } : {}),
  };
}

export function createTaskEnsurer(ctx: HubSpotContext, now: () => Date = () => new Date()) {
  // Two concurrent calls with the same key in one process share one creation.
  const inFlight = new Map<string, Promise<{ id: string; created: boolean }>>();

  async function findExisting(task: TaskSpec): Promise<string | null> {
    const taskIds: string[] = [];
    let after: string | undefined;
    do {
      const page = await ctx.call(`list tasks of contact ${task.contactId}`, () =>
        ctx.client.crm.associations.v4.basicApi.getPage('contacts', task.contactId, 'tasks', after, 500));
      taskIds.push(...page.results.map((r) => String(r.toObjectId)));
      after = page.paging?.next?.after;
    } while (after);
    const marker = dedupeMarker(task.dedupeKey);
    for (const ids of chunk(taskIds)) {
      const res = await ctx.call(`batch read ${ids.length} tasks`, () =>
        ctx.client.crm.objects.tasks.batchApi.read({ inputs: ids.map((id) => ({ id })), properties: ['hs_task_body'], propertiesWithHistory: [] }));
      const hit = res.results.find((t) => (t.properties['hs_task_body'] ?? '').includes(marker));
      if (hit) return String(hit.id);
    }
    return null;
  }

  async function ensure(task: TaskSpec): Promise<{ id: string; created: boolean }> {
    const existing = await findExisting(task);
    if (existing) return { id: existing, created: false };
    const input = {
      properties: taskProperties(task, now().toISOString()),
      associations: [{ to: { id: task.contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_CONTACT }] }],
    } as unknown as TaskCreate;
    const created = await ctx.call(`create task for contact ${task.contactId}`, () => ctx.client.crm.objects.tasks.basicApi.create(input));
    return { id: String(created.id), created: true };
  }

  return (task: TaskSpec): Promise<{ id: string; created: boolean }> => {
    const key = `${task.contactId}\u0000${task.dedupeKey}`;
    const pending = inFlight.get(key);
    // The joiner did not create anything itself.
    if (pending) return pending.then(({ id }) => ({ id, created: false }));
    const promise = ensure(task).finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  };
}
