// Batch contact updates (≤ 100 per call), reporting per-contact failures.
import type { BatchWriteResult } from '../../ports.ts';
import { CrmError } from '../../errors.ts';
import type { HubSpotContext } from './context.ts';
import { chunk } from './records.ts';

export async function batchUpdateContacts(ctx: HubSpotContext, updates: readonly { id: string; properties: Record<string, string> }[]): Promise<BatchWriteResult> {
  const result: BatchWriteResult = { ok: [], failed: [] };
  for (const part of chunk(mergeById(updates))) {
    let res;
    try {
      res = await ctx.call(`batch update ${part.length} contacts`, () =>
        ctx.client.crm.contacts.batchApi.update({ inputs: part.map((u) => ({ id: u.id, properties: u.properties })) }));
    } catch (error) {
      if (!isRecordLevelRejection(error)) throw error;
      // HubSpot rejects a whole batch for one bad record: find out which, one update each.
      await updateOneByOne(ctx, part, result);
      continue;
    }
    const failedIds = new Set<string>();
    for (const error of ('errors' in res ? res.errors ?? [] : [])) {
      const ids = error.context?.['ids'] ?? [];
      for (const id of ids) {
        failedIds.add(id);
        result.failed.push({ id, message: error.message, status: Number(error.status) || undefined });
      }
    }
    const okIds = new Set(res.results.map((r) => String(r.id)));
    for (const { id } of part) {
      if (okIds.has(id)) result.ok.push(id);
      else if (!failedIds.has(id)) result.failed.push({ id, message: 'HubSpot did not confirm this update' });
    }
  }
  return result;
}

/** HubSpot rejects a batch that names one id twice: merge them, later values winning. */
export function mergeById(updates: readonly { id: string; properties: Record<string, string> }[]): { id: string; properties: Record<string, string> }[] {
  const merged = new Map<string, Record<string, string>>();
  for (const { id, properties } of updates) merged.set(id, { ...merged.get(id), ...properties });
  return [...merged].map(([id, properties]) => ({ id, properties }));
}

/** A 4xx that concerns the records sent, not auth or rate: worth retrying record by record. */
function isRecordLevelRejection(error: unknown): boolean {
  return error instanceof CrmError && error.status !== undefined && [400, 404, 409, 422].includes(error.status);
}

async function updateOneByOne(ctx: HubSpotContext, part: readonly { id: string; properties: Record<string, string> }[], result: BatchWriteResult): Promise<void> {
  for (const update of part) {
    try {
      await ctx.call(`update contact ${update.id}`, () => ctx.client.crm.contacts.basicApi.update(update.id, { properties: update.properties }));
      result.ok.push(update.id);
    } catch (error) {
      if (!isRecordLevelRejection(error)) throw error;
      const crmError = error as CrmError;
      result.failed.push({ id: update.id, message: crmError.message, status: crmError.status });
    }
  }
}
