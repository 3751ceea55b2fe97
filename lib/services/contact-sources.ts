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

/** Contacts per batch: big enough that company reads (≤ 50 with history) and updates (100) go out full. */
export const BATCH_SIZE = 500;

/** Contacts by id, in the given order (duplicates dropped); the cursor counts ids done. */
export async function* contactsByIds(crm: BulkCrm, ids: readonly string[], properties: readonly string[], historyProperties: readonly string[], startAt = 0): AsyncGenerator<ContactBatch> {
  const unique = [...new Set(ids)];
  for (let i = startAt; i < unique.length; i += BATCH_SIZE) {
    const batch: ContactBatch = { contacts: [], missing: [], cursor: String(Math.min(i + BATCH_SIZE, unique.length)) };
    for (const got of await readInParts(crm, unique.slice(i, i + BATCH_SIZE), properties, historyProperties)) {
      batch.contacts.push(...got.contacts);
      batch.missing.push(...got.missing);
    }
    yield batch;
  }
}

/** Batch reads of ≤ 50 (with history) or ≤ 100, issued together: the pacer spaces them. */
function readInParts(crm: BulkCrm, ids: readonly string[], properties: readonly string[], historyProperties: readonly string[]) {
  const step = readLimit(historyProperties);
  const parts: string[][] = [];
  for (let j = 0; j < ids.length; j += step) parts.push(ids.slice(j, j + step));
  return Promise.all(parts.map((part) => crm.readContacts(part, properties, historyProperties)));
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
    // A contact deleted between search and read is not an error: it no longer matches.
    const contacts = (await readInParts(crm, ids, properties, historyProperties)).flatMap((got) => got.contacts);
    yield { contacts, missing: [], cursor: ids.at(-1)! };
    afterId = ids.at(-1)!;
    if (ids.length < 200) return;
  }
}

/**
 * Pulls up to `depth` batches ahead of the consumer, so reads overlap the consumer's work.
 * Reading has no side effects, so a batch read ahead and never processed costs nothing but calls.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, depth: number): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  const pending: Promise<IteratorResult<T>>[] = [];
  const pull = (): void => {
    const next = it.next();
    next.catch(() => undefined); // surfaced when awaited below, not as an unhandled rejection
    pending.push(next);
  };
  for (let i = 0; i <= depth; i++) pull();
  try {
    for (;;) {
      const result = await pending.shift()!;
      if (result.done) return;
      pull();
      yield result.value;
    }
  } finally {
    await it.return?.();
  }
}
