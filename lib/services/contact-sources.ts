// Where bulk re-scoring gets its contacts, as batches of ≤ 100 with a resumable cursor each.
// None is bound by search's 10,000-result cap: the list endpoint pages by id, and search is
// re-issued with `hs_object_id > last id` instead of paging one query past 10,000.
import type { BulkContact, BulkCrm, SearchFilter } from '../ports.ts';
import { readLimit } from '../adapters/hubspot/bulk-crm.ts';

export interface ContactBatch {
  contacts: BulkContact[];
  /** Ids asked for that do not exist. */
  missing: string[];
  /** Where a resumed run starts to skip this batch and everything before it. */
  cursor?: string;
}

export const BATCH_SIZE = 100;

/** Contacts by id, in the given order (duplicates dropped); the cursor counts ids done. */
export async function* contactsByIds(crm: BulkCrm, ids: readonly string[], properties: readonly string[], historyProperties: readonly string[], startAt = 0): AsyncGenerator<ContactBatch> {
  const unique = [...new Set(ids)];
  const step = readLimit(historyProperties);
  for (let i = startAt; i < unique.length; i += BATCH_SIZE) {
    const batch: ContactBatch = { contacts: [], missing: [], cursor: String(Math.min(i + BATCH_SIZE, unique.length)) };
    for (let j = i; j < Math.min(i + BATCH_SIZE, unique.length); j += step) {
      const got = await crm.readContacts(unique.slice(j, Math.min(j + step, i + BATCH_SIZE)), properties, historyProperties);
      batch.contacts.push(...got.contacts);
      batch.missing.push(...got.missing);
    }
    yield batch;
  }
}

/** Every contact through the list endpoint (pages of 50 with history, 100 without); the cursor is HubSpot's `after`. */
export async function* allContacts(crm: BulkCrm, properties: readonly string[], historyProperties: readonly string[], startAfter?: string): AsyncGenerator<ContactBatch> {
  let after = startAfter;
  let more = true;
  while (more) {
    const batch: ContactBatch = { contacts: [], missing: [] };
    while (more && batch.contacts.length < BATCH_SIZE) {
      const page = await crm.listContacts({ after, limit: readLimit(historyProperties) }, properties, historyProperties);
      batch.contacts.push(...page.contacts);
      after = page.after;
      more = after !== undefined;
    }
    // The cursor after the last page is an id-shaped sentinel that lists nothing more.
    batch.cursor = after ?? 'end';
    if (batch.contacts.length > 0 || more) yield batch;
  }
}

/** Contacts matching the filters (search sorted by id, 200 ids a query, GT cursor), then read with history. */
export async function* searchedContacts(crm: BulkCrm, filters: readonly SearchFilter[], properties: readonly string[], historyProperties: readonly string[], startAfterId?: string): AsyncGenerator<ContactBatch> {
  let afterId = startAfterId ?? null;
  for (;;) {
    const ids = await crm.searchContactIds(filters, afterId, 200);
    if (ids.length === 0) return;
    for (let i = 0; i < ids.length; i += BATCH_SIZE) {
      const part = ids.slice(i, i + BATCH_SIZE);
      const batch: ContactBatch = { contacts: [], missing: [], cursor: part.at(-1)! };
      for (let j = 0; j < part.length; j += readLimit(historyProperties)) {
        const got = await crm.readContacts(part.slice(j, j + readLimit(historyProperties)), properties, historyProperties);
        batch.contacts.push(...got.contacts);
        // A contact deleted between search and read is not an error: it no longer matches.
      }
      yield batch;
    }
    afterId = ids.at(-1)!;
    if (ids.length < 200) return;
  }
}
