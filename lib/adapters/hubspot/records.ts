// Shapes shared by the HubSpot adapter and the fake: plain records, chunking, primary-company choice.
import type { CrmRecord, PropertyHistoryEntry } from '../../ports.ts';

export const BATCH_LIMIT = 100;
/** HubSpot-defined association type ids. */
export const PRIMARY_CONTACT_TO_COMPANY = 1;
export const TASK_TO_CONTACT = 204;

export function chunk<T>(items: readonly T[], size: number = BATCH_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export function toRecord(object: { id: string; properties?: Record<string, string | null | undefined> }): CrmRecord {
  const properties: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(object.properties ?? {})) properties[name] = value ?? null;
  return { id: String(object.id), properties };
}

interface RawHistoryEntry {
  value: string;
  timestamp: Date | string;
  sourceType: string;
  sourceId?: string;
}

/** History entries as plain data, newest first, timestamps as ISO strings. */
export function toHistory(raw: Record<string, RawHistoryEntry[]> | undefined, names: readonly string[]): Record<string, PropertyHistoryEntry[]> {
  const out: Record<string, PropertyHistoryEntry[]> = {};
  for (const name of names) {
    const entries = (raw?.[name] ?? []).map((entry) => ({
      value: entry.value,
      timestamp: new Date(entry.timestamp).toISOString(),
      sourceType: entry.sourceType,
      ...(entry.sourceId ? { sourceId: entry.sourceId } : {}),
    }));
    entries.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
    out[name] = entries;
  }
  return out;
}

/** The primary company among a contact's associations (type id 1), else the first one. */
export function pickPrimaryCompany(associations: readonly { id: string; typeIds: readonly number[] }[]): string | null {
  const primary = associations.find((a) => a.typeIds.includes(PRIMARY_CONTACT_TO_COMPANY));
  return primary?.id ?? associations[0]?.id ?? null;
}

/** The marker that makes a task findable by its dedupe key. */
export function dedupeMarker(dedupeKey: string): string {
  return `[lead-decisions:${dedupeKey}]`;
}

const MARKER = /\[lead-decisions:([^\]\s]{1,300})\]/;

/** Our dedupe key in a task body, or null for tasks people created. */
export function markerKey(body: string | null | undefined): string | null {
  const m = body ? MARKER.exec(body) : null;
  return m ? m[1]! : null;
}
