// Parses what `lead-decisions rescore` is asked to do: which contacts (the scope), at what rate,
// as of when. Every mistake is a usage error with a sentence that says how to fix it (exit 2).
import { readFile } from 'node:fs/promises';
import type { SearchFilter } from '../../ports.ts';

export type Scope =
  | { kind: 'all' }
  | { kind: 'ids'; ids: string[]; file: string }
  | { kind: 'search'; filters: SearchFilter[]; since?: string; where: string[] };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export interface ScopeFlags { all?: boolean; since?: string; ids?: string; where?: string[] }

const PROPERTY_NAME = /^[a-z0-9_]{1,100}$/i;

/** One `--where "property=value"` as an EQ filter. */
export function parseWhere(raw: string): Parsed<SearchFilter> {
  const eq = raw.indexOf('=');
  const name = eq > 0 ? raw.slice(0, eq).trim() : '';
  if (!PROPERTY_NAME.test(name)) return { ok: false, message: `--where "${raw}" must look like property=value, e.g. --where "lifecyclestage=lead".` };
  return { ok: true, value: { propertyName: name, operator: 'EQ', value: raw.slice(eq + 1).trim() } };
}

/** `--since` as a lastmodifieddate filter (HubSpot compares datetimes in epoch milliseconds). */
export function parseSince(raw: string): Parsed<SearchFilter> {
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || !Number.isFinite(ms)) return { ok: false, message: `--since "${raw}" is not an ISO date or date-time such as 2026-11-27 or 2026-11-27T08:00:00Z.` };
  if (ms > Date.now() + 60_000) return { ok: false, message: `--since "${raw}" is in the future: no contact was modified after it yet.` };
  return { ok: true, value: { propertyName: 'lastmodifieddate', operator: 'GTE', value: String(ms) } };
}

/** Ids from a file: one per line; blank lines and `#` comments skipped; duplicates kept once. */
export function parseIdList(text: string, file: string): Parsed<string[]> {
  const ids: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!/^\d{1,20}$/.test(line)) return { ok: false, message: `${file}:${i + 1}: "${line.slice(0, 40)}" is not a contact id (one numeric id per line).` };
    ids.push(line);
  }
  if (ids.length === 0) return { ok: false, message: `${file} holds no contact ids (one numeric id per line).` };
  return { ok: true, value: [...new Set(ids)] };
}

/** Exactly one of --all, --ids, or --since/--where (which combine). */
export async function parseScope(flags: ScopeFlags, read: (file: string) => Promise<string> = (f) => readFile(f, 'utf8')): Promise<Parsed<Scope>> {
  const where = flags.where ?? [];
  const searching = flags.since !== undefined || where.length > 0;
  const chosen = [flags.all === true, flags.ids !== undefined, searching].filter(Boolean).length;
  if (chosen === 0) return { ok: false, message: 'Say which contacts to re-score: --all, --since ISO, --ids FILE or --where "property=value".' };
  if (chosen > 1) return { ok: false, message: '--all, --ids and --since/--where choose the contacts in different ways: use one of them (--since and --where may be combined).' };
  if (flags.all) return { ok: true, value: { kind: 'all' } };
  if (flags.ids !== undefined) {
    let text: string;
    try {
      text = await read(flags.ids);
    } catch (error) {
      return { ok: false, message: `Cannot read --ids file ${flags.ids}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` };
    }
    const ids = parseIdList(text, flags.ids);
    return ids.ok ? { ok: true, value: { kind: 'ids', ids: ids.value, file: flags.ids } } : ids;
  }
  const filters: SearchFilter[] = [];
  if (flags.since !== undefined) {
    const since = parseSince(flags.since);
    if (!since.ok) return since;
    filters.push(since.value);
  }
  for (const raw of where) {
    const filter = parseWhere(raw);
    if (!filter.ok) return filter;
    filters.push(filter.value);
  }
  // HubSpot takes 6 filters per group; one is kept for the id cursor.
  if (filters.length > 5) return { ok: false, message: 'At most 5 conditions (--since and --where together): HubSpot search takes 6 filters and one is the paging cursor.' };
  return { ok: true, value: { kind: 'search', filters, ...(flags.since ? { since: flags.since } : {}), where } };
}

export interface Rate { max: number; intervalMs: number }

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** `190/10s`, `100/10000ms`, `5/1s` → requests per interval. */
export function parseRate(raw: string): Parsed<Rate> {
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,7})?\s*(ms|s|m)\s*$/.exec(raw);
  const max = m ? Number(m[1]) : NaN;
  const intervalMs = m ? Number(m[2] ?? '1') * UNIT_MS[m[3]!]! : NaN;
  if (!m || max < 1 || intervalMs < 100) return { ok: false, message: `--rate "${raw}" must look like 190/10s (requests per interval: ms, s or m; at least 1 request per 100 ms or more).` };
  return { ok: true, value: { max, intervalMs } };
}

export function describeRate(rate: Rate): string {
  return rate.intervalMs % 1000 === 0 ? `${rate.max}/${rate.intervalMs / 1000}s` : `${rate.max}/${rate.intervalMs}ms`;
}
