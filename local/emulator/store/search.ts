// CRM search compiled to SQL over the property-value index: filters ANDed within a group,
// groups ORed, one sort, offset paging capped at 10,000 results like HubSpot.
import { validation, type Result, ok } from '../errors.ts';
import type { Db } from './db.ts';
import type { ObjectType } from './object-types.ts';
import type { ObjectRow } from './objects-repo.ts';
import type { PropertyDef } from './standard-properties.ts';
import { numericValue, toMillis } from './values.ts';

export const OPERATORS = ['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface SearchFilter { propertyName: string; operator: Operator; value?: string; highValue?: string; values?: string[] }
export interface SearchQuery {
  filterGroups: { filters: SearchFilter[] }[];
  sort?: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' };
  query?: string;
  limit: number;
  after: number;
}

export const MAX_SEARCH_RESULTS = 10_000;
const QUERY_PROPERTIES: Record<ObjectType, string[]> = {
  contacts: ['email', 'firstname', 'lastname', 'phone', 'company'],
  companies: ['name', 'domain', 'website'],
  deals: ['dealname'],
  notes: ['hs_note_body'],
  tasks: ['hs_task_subject'],
  leads: ['hs_lead_name'],
  users: ['hs_email', 'hs_given_name', 'hs_family_name'],
};
const COMPARATORS: Partial<Record<Operator, string>> = { EQ: '=', LT: '<', LTE: '<=', GT: '>', GTE: '>=' };

/** HubSpot tokens: words split on punctuation and spaces; `*` in the wanted token is a wildcard. */
export function containsToken(value: string | null, wanted: string): number {
  if (value === null) return 0;
  const v = value.toLowerCase();
  const w = wanted.toLowerCase().trim();
  if (w.includes('*')) {
    const re = new RegExp(`^${w.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return re.test(v) || v.split(/[\s,;@/]+/).some((t) => re.test(t)) ? 1 : 0;
  }
  if (v === w) return 1;
  const tokens = v.split(/[\s,;@/]+/);
  if (tokens.includes(w)) return 1;
  return v.split(/[^\p{L}\p{N}]+/u).includes(w) ? 1 : 0;
}

/** The longest literal run of a token, as a LIKE pattern that every match must satisfy. */
function likePattern(token: string): string {
  const literal = token.toLowerCase().trim().split('*').sort((a, b) => b.length - a.length)[0] ?? '';
  return `%${literal.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function registerSearchFunctions(db: Db): void {
  // SQLite's lower() only folds ASCII; the index must fold like JavaScript does (Ü → ü).
  db.function('ld_lower', { deterministic: true }, (v: unknown) => (v === null ? null : String(v).toLowerCase()));
  db.function('ld_token', { deterministic: true }, (v: unknown, w: unknown) => containsToken(v === null ? null : String(v), String(w)));
}

interface Compiled { sql: string; params: unknown[] }

function compileFilter(t: ObjectType, f: SearchFilter, def: PropertyDef): Result<Compiled> {
  const numeric = def.type === 'number' || def.type === 'datetime' || def.type === 'date';
  const col = numeric ? 'n' : 'v';
  const conv = (raw: string | undefined): Result<string | number> => {
    if (raw === undefined) return validation(`Filter on ${f.propertyName} with ${f.operator} needs a value.`);
    if (!numeric) return ok(String(raw).toLowerCase());
    const n = def.type === 'number' ? Number(raw) : toMillis(String(raw)) ?? numericValue(def, String(raw));
    if (n === null || !Number.isFinite(n)) return validation(`${JSON.stringify(raw)} is not a valid value to compare with ${f.propertyName} (${def.type}).`);
    return ok(n);
  };
  // hs_object_id is the row key: numeric comparisons use the primary key directly, no index look-up.
  const byId = f.propertyName === 'hs_object_id';
  const inIdx = (pred: string, params: unknown[], negate = false): Result<Compiled> => {
    if (byId && pred === '') return ok({ sql: negate ? '0' : '1', params: [] });
    if (byId && pred.startsWith('n ')) return ok({ sql: `${negate ? 'NOT ' : ''}(o.id ${pred.slice(2)})`, params });
    return ok({ sql: `o.id ${negate ? 'NOT IN' : 'IN'} (SELECT id FROM pidx WHERE type = ? AND name = ?${pred ? ` AND ${pred}` : ''})`, params: [t, f.propertyName, ...params] });
  };
  switch (f.operator) {
    case 'EQ': case 'NEQ': case 'LT': case 'LTE': case 'GT': case 'GTE': {
      const v = conv(f.value);
      if (!v.ok) return v;
      return inIdx(`${col} ${COMPARATORS[f.operator === 'NEQ' ? 'EQ' : f.operator]} ?`, [v.value], f.operator === 'NEQ');
    }
    case 'BETWEEN': {
      const lo = conv(f.value);
      const hi = conv(f.highValue);
      if (!lo.ok) return lo;
      if (!hi.ok) return hi;
      return inIdx(`${col} BETWEEN ? AND ?`, [lo.value, hi.value]);
    }
    case 'IN': case 'NOT_IN': {
      if (!f.values || f.values.length === 0) return validation(`Filter on ${f.propertyName} with ${f.operator} needs a non-empty values list.`);
      const vals: unknown[] = [];
      for (const raw of f.values) { const v = conv(raw); if (!v.ok) return v; vals.push(v.value); }
      return inIdx(`${col} IN (${vals.map(() => '?').join(',')})`, vals, f.operator === 'NOT_IN');
    }
    case 'HAS_PROPERTY': return inIdx('', []);
    case 'NOT_HAS_PROPERTY': return inIdx('', [], true);
    case 'CONTAINS_TOKEN': case 'NOT_CONTAINS_TOKEN':
      if (f.value === undefined) return validation(`Filter on ${f.propertyName} with ${f.operator} needs a value.`);
      // LIKE narrows in C before the token check runs in JS.
      return inIdx("v LIKE ? ESCAPE '\\' AND ld_token(v, ?) = 1", [likePattern(f.value), f.value], f.operator === 'NOT_CONTAINS_TOKEN');
  }
}

export interface SearchPage { total: number; rows: ObjectRow[] }

export function runSearch(db: Db, t: ObjectType, defs: ReadonlyMap<string, PropertyDef>, q: SearchQuery, ensureIndexed: (name: string) => void): Result<SearchPage> {
  if (q.after + q.limit > MAX_SEARCH_RESULTS) {
    return validation(`Search results are limited to ${MAX_SEARCH_RESULTS.toLocaleString('en-US')}; paging past result ${MAX_SEARCH_RESULTS} (after=${q.after}, limit=${q.limit}) is not allowed. Narrow the filters instead.`);
  }
  const where: string[] = ['o.type = ?', 'o.archived = 0'];
  const params: unknown[] = [t];
  const groups: string[] = [];
  for (const g of q.filterGroups) {
    const parts: string[] = [];
    for (const f of g.filters) {
      const def = defs.get(f.propertyName);
      if (!def) return validation(`There was a problem with the request: the property "${f.propertyName}" does not exist on ${t}.`, { context: { propertyName: [f.propertyName] } });
      ensureIndexed(f.propertyName);
      const c = compileFilter(t, f, def);
      if (!c.ok) return c;
      parts.push(c.value.sql);
      params.push(...c.value.params);
    }
    if (parts.length > 0) groups.push(`(${parts.join(' AND ')})`);
  }
  if (groups.length > 0) where.push(`(${groups.join(' OR ')})`);
  if (q.query && q.query.trim() !== '') {
    for (const word of q.query.trim().split(/\s+/)) {
      const names = QUERY_PROPERTIES[t];
      for (const name of names) ensureIndexed(name);
      where.push(`o.id IN (SELECT id FROM pidx WHERE type = ? AND name IN (${names.map(() => '?').join(',')}) AND v LIKE ? ESCAPE '\\' AND ld_token(v, ?) = 1)`);
      params.push(t, ...names, likePattern(word), `${word}*`);
    }
  }
  const whereSql = where.join(' AND ');
  const total = db.prepare(`SELECT count(*) FROM objects o WHERE ${whereSql}`).pluck().get(...params) as number;
  if (total === 0) return ok({ total, rows: [] });
  if (!q.sort || q.sort.propertyName === 'hs_object_id') {
    // The id is the row key: no join, no sort step.
    const dir = q.sort?.direction === 'DESCENDING' ? 'DESC' : 'ASC';
    const rows = db.prepare(`SELECT o.* FROM objects o WHERE ${whereSql} ORDER BY o.id ${dir} LIMIT ? OFFSET ?`).all(...params, q.limit, q.after) as ObjectRow[];
    return ok({ total, rows });
  }
  const def = defs.get(q.sort.propertyName);
  if (!def) return validation(`Cannot sort by "${q.sort.propertyName}": the property does not exist on ${t}.`);
  ensureIndexed(q.sort.propertyName);
  const rows = sortedPage(db, t, whereSql, params, q, q.sort, numericValue(def, '0') !== null ? 'n' : 'v');
  return ok({ total, rows });
}

/**
 * One sort, unset values last, ties by id in the sort direction. Records with a value are read
 * in the order of the value index (so a LIMIT stops early); records without one follow by id.
 */
function sortedPage(db: Db, t: ObjectType, whereSql: string, params: unknown[], q: SearchQuery, sort: NonNullable<SearchQuery['sort']>, col: 'n' | 'v'): ObjectRow[] {
  const dir = sort.direction === 'DESCENDING' ? 'DESC' : 'ASC';
  const withValue = `FROM pidx s JOIN objects o ON o.id = s.id WHERE s.type = ? AND s.name = ? AND s.${col} IS NOT NULL AND ${whereSql}`;
  const rows = db.prepare(`SELECT o.* ${withValue} ORDER BY s.${col} ${dir}, s.id ${dir} LIMIT ? OFFSET ?`).all(t, sort.propertyName, ...params, q.limit, q.after) as ObjectRow[];
  if (rows.length === q.limit) return rows;
  // Past the valued records: count them only when the page starts beyond them.
  const valued = rows.length > 0 ? q.after + rows.length : db.prepare(`SELECT count(*) ${withValue}`).pluck().get(t, sort.propertyName, ...params) as number;
  const unset = `o.id NOT IN (SELECT id FROM pidx WHERE type = ? AND name = ?${col === 'n' ? ' AND n IS NOT NULL' : ''})`;
  const rest = db.prepare(`SELECT o.* FROM objects o WHERE ${whereSql} AND ${unset} ORDER BY o.id ${dir} LIMIT ? OFFSET ?`)
    .all(...params, t, sort.propertyName, q.limit - rows.length, Math.max(0, q.after - valued)) as ObjectRow[];
  return [...rows, ...rest];
}
