// CRM objects: one JSON document per object, kept in step with the property-value index and the history table.
import { fail, notFound, ok, type Result } from '../errors.ts';
import type { Db } from './db.ts';
import { modifiedProperty, singular, type ObjectType } from './object-types.ts';
import type { PropertiesRepo } from './properties-repo.ts';
import { stageEnteredProperty } from './standard-properties.ts';
import { numericValue, validateWrite } from './values.ts';

export interface ObjectRow { id: number; type: ObjectType; props: string; created_at: number; updated_at: number; archived: number; archived_at: number | null; source: string }
export interface HistoryEntry { value: string; timestamp: string; sourceType: string; sourceId?: string }

/** Who writes: API calls are INTEGRATION; seeded or test-driven human edits are CRM_UI. */
export interface WriteSource {
  sourceType: string; sourceId?: string; allowReadOnly?: boolean; at?: number; recordHistory?: boolean;
  /** Bulk seeding only: the caller guarantees unique emails and invalidates the value index afterwards. */
  trusted?: boolean;
}

/** A committed change, as HubSpot's webhooks would report it (the webhook sender listens to these). */
export interface ObjectChange { type: ObjectType; id: number; kind: 'creation' | 'propertyChange'; properties: Record<string, string | null>; at: number; sourceType: string }

export const API_SOURCE: WriteSource = { sourceType: 'INTEGRATION', sourceId: 'emulator-api' };
const iso = (ms: number): string => new Date(ms).toISOString();

export class ObjectsRepo {
  private nextId: number;
  private readonly stmts;
  private readonly ready: Set<string>;
  /** Called after each create and update that changed something (bulk seeding excepted). */
  readonly listeners = new Set<(change: ObjectChange) => void>();

  constructor(private readonly db: Db, private readonly properties: PropertiesRepo, private readonly now: () => number, private readonly isOwner: (id: string) => boolean) {
    const max = db.prepare('SELECT max(id) FROM objects').pluck().get() as number | null;
    this.nextId = Math.max((max ?? 0) + 1, 1001);
    this.ready = new Set((db.prepare('SELECT type, name FROM pidx_ready').all() as { type: string; name: string }[]).map((r) => `${r.type}\u0000${r.name}`));
    this.stmts = {
      get: db.prepare('SELECT * FROM objects WHERE id = ? AND type = ?'),
      insert: db.prepare('INSERT INTO objects (id, type, props, created_at, updated_at, source) VALUES (?, ?, ?, ?, ?, ?)'),
      update: db.prepare('UPDATE objects SET props = ?, updated_at = ? WHERE id = ?'),
      archive: db.prepare('UPDATE objects SET archived = 1, archived_at = ? WHERE id = ?'),
      idxDelete: db.prepare('DELETE FROM pidx WHERE id = ? AND name = ?'),
      idxInsert: db.prepare('INSERT OR REPLACE INTO pidx (id, name, type, v, n) VALUES (?, ?, ?, ?, ?)'),
      idxDeleteAll: db.prepare('DELETE FROM pidx WHERE id = ?'),
      findBy: db.prepare('SELECT p.id FROM pidx p JOIN objects o ON o.id = p.id AND o.archived = 0 WHERE p.type = ? AND p.name = ? AND p.v = ? ORDER BY p.id LIMIT 1').pluck(),
      historyAdd: db.prepare('INSERT INTO history (id, name, value, ts, source_type, source_id) VALUES (?, ?, ?, ?, ?, ?)'),
      historyHas: db.prepare('SELECT 1 FROM history WHERE id = ? AND name = ? LIMIT 1').pluck(),
      historyOf: db.prepare('SELECT value, ts, source_type, source_id FROM history WHERE id = ? AND name = ? ORDER BY ts DESC, seq DESC'),
      list: db.prepare('SELECT * FROM objects WHERE type = ? AND archived = ? AND id > ? ORDER BY id LIMIT ?'),
      markReady: db.prepare('INSERT OR IGNORE INTO pidx_ready (type, name) VALUES (?, ?)'),
      indexProperty: db.prepare(`INSERT OR REPLACE INTO pidx (id, name, type, v, n)
        SELECT id, :name, type, CASE WHEN val GLOB '*[^ -~]*' THEN ld_lower(val) ELSE lower(val) END,
          CASE :kind WHEN 'number' THEN CAST(val AS REAL)
            WHEN 'datetime' THEN CAST(round(unixepoch(val, 'subsec') * 1000) AS INTEGER)
            WHEN 'date' THEN unixepoch(val) * 1000
            WHEN 'bool' THEN CASE val WHEN 'true' THEN 1 WHEN 'false' THEN 0 END END
        FROM (SELECT id, type, json_extract(props, :path) AS val FROM objects WHERE type = :t AND archived = 0)
        WHERE val IS NOT NULL`),
      many: db.prepare('SELECT * FROM objects WHERE type = ? AND archived = 0 AND id IN (SELECT value FROM json_each(?))'),
    };
  }

  get(t: ObjectType, id: number, archived = false): ObjectRow | undefined {
    const row = this.stmts.get.get(id, t) as ObjectRow | undefined;
    return row && Boolean(row.archived) === archived ? row : undefined;
  }

  /** The object whose unique property (email, domain) equals the value, case-insensitively. */
  findIdBy(t: ObjectType, name: string, value: string): number | undefined {
    this.ensureIndexed(t, name);
    return (this.stmts.findBy.get(t, name, value.trim().toLowerCase()) as number | undefined) ?? undefined;
  }

  resolveId(t: ObjectType, raw: string, idProperty: string | undefined): number | undefined {
    if (idProperty && idProperty !== 'hs_object_id') return this.findIdBy(t, idProperty, raw);
    return /^\d+$/.test(raw) ? Number(raw) : undefined;
  }

  list(t: ObjectType, limit: number, after: number, archived: boolean): ObjectRow[] {
    return this.stmts.list.all(t, archived ? 1 : 0, after, limit) as ObjectRow[];
  }

  getMany(t: ObjectType, ids: readonly number[]): Map<number, ObjectRow> {
    const out = new Map<number, ObjectRow>();
    if (ids.length === 0) return out;
    const rows = this.stmts.many.all(t, JSON.stringify(ids)) as ObjectRow[];
    for (const r of rows) out.set(r.id, r);
    return out;
  }

  create(t: ObjectType, input: Record<string, unknown>, src: WriteSource = API_SOURCE): Result<ObjectRow> {
    const checked = validateWrite(this.properties.defs(t), input, { allowReadOnly: src.allowReadOnly ?? false, isOwner: this.isOwner });
    if (!checked.ok) return checked;
    const conflict = src.trusted ? null : this.uniqueConflict(t, checked.values, null);
    if (conflict) return conflict;
    const at = src.at ?? this.now();
    const id = this.nextId++;
    const props: Record<string, string> = {};
    const changed = this.apply(t, id, props, checked.values, at, true);
    const json = JSON.stringify(props);
    this.stmts.insert.run(id, t, json, at, at, src.sourceType);
    if (!src.trusted) this.index(t, id, props, changed);
    if (src.recordHistory !== false) this.record(id, props, changed.filter((n) => checked.values.has(n) || n === 'hs_email_domain'), at, src);
    if (!src.trusted) this.emit({ type: t, id, kind: 'creation', properties: { ...props }, at, sourceType: src.sourceType });
    return ok({ id, type: t, props: json, created_at: at, updated_at: at, archived: 0, archived_at: null, source: src.sourceType });
  }

  update(t: ObjectType, id: number, input: Record<string, unknown>, src: WriteSource = API_SOURCE): Result<ObjectRow> {
    const row = this.get(t, id);
    if (!row) return notFound(singular(t), String(id));
    const checked = validateWrite(this.properties.defs(t), input, { allowReadOnly: src.allowReadOnly ?? false, isOwner: this.isOwner });
    if (!checked.ok) return checked;
    const conflict = this.uniqueConflict(t, checked.values, id);
    if (conflict) return conflict;
    const at = src.at ?? this.now();
    const props = JSON.parse(row.props) as Record<string, string>;
    const before = { ...props };
    const changed = this.apply(t, id, props, checked.values, at, false);
    if (changed.length === 0) return ok(row); // nothing changed: HubSpot leaves the record (and its history) alone
    const json = JSON.stringify(props);
    this.stmts.update.run(json, at, id);
    this.index(t, id, props, changed);
    const tracked = changed.filter((n) => checked.values.has(n) || n === 'hs_email_domain');
    for (const name of tracked) {
      const old = before[name];
      if (old !== undefined && !this.stmts.historyHas.get(id, name)) this.stmts.historyAdd.run(id, name, old, row.created_at, row.source, null);
    }
    this.record(id, props, tracked, at, src);
    this.emit({ type: t, id, kind: 'propertyChange', properties: Object.fromEntries(changed.map((n) => [n, props[n] ?? null])), at, sourceType: src.sourceType });
    return ok({ ...row, props: json, updated_at: at });
  }

  archive(t: ObjectType, id: number): Result<true> {
    if (!this.get(t, id)) return notFound(singular(t), String(id));
    this.stmts.archive.run(this.now(), id);
    this.stmts.idxDeleteAll.run(id);
    this.db.prepare('DELETE FROM assoc WHERE from_id = ? OR to_id = ?').run(id, id);
    return ok(true);
  }

  /**
   * Makes the value index complete for one property before it is searched, sorted or looked up.
   * Writes through the API keep it complete; a bulk seed skips it, and each property is then
   * indexed once, on first use, in one SQL pass.
   */
  ensureIndexed(t: ObjectType, name: string): void {
    const key = `${t}\u0000${name}`;
    if (this.ready.has(key)) return;
    const kind = this.properties.get(t, name)?.type ?? 'string';
    this.stmts.indexProperty.run({ t, name, kind, path: `$."${name}"` });
    this.stmts.markReady.run(t, name);
    this.ready.add(key);
  }

  /** After a bulk load: every property must be re-indexed on first use. */
  invalidateValueIndex(): void {
    this.db.exec('DELETE FROM pidx_ready');
    this.ready.clear();
  }

  history(id: number, names: readonly string[], row: ObjectRow): Record<string, HistoryEntry[]> {
    const props = JSON.parse(row.props) as Record<string, string>;
    const out: Record<string, HistoryEntry[]> = {};
    for (const name of names) {
      const rows = this.stmts.historyOf.all(id, name) as { value: string; ts: number; source_type: string; source_id: string | null }[];
      const entries = rows.map((r) => ({ value: r.value, timestamp: iso(r.ts), sourceType: r.source_type, ...(r.source_id ? { sourceId: r.source_id } : {}) }));
      // Seeded objects record no history at creation: their current value is their only version.
      if (entries.length === 0 && props[name] !== undefined) entries.push({ value: props[name], timestamp: iso(row.created_at), sourceType: row.source });
      out[name] = entries;
    }
    return out;
  }

  private emit(change: ObjectChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private uniqueConflict(t: ObjectType, values: Map<string, string | null>, self: number | null): { ok: false; failure: ReturnType<typeof fail>['failure'] } | null {
    if (t !== 'contacts') return null;
    const email = values.get('email');
    if (!email) return null;
    const existing = this.findIdBy(t, 'email', email);
    if (existing === undefined || existing === self) return null;
    return fail(409, 'CONFLICT', `Contact already exists. Existing ID: ${existing}`);
  }

  /** Applies values in place; returns the names that changed, system properties included. */
  private apply(t: ObjectType, id: number, props: Record<string, string>, values: Map<string, string | null>, at: number, isCreate: boolean): string[] {
    const changed: string[] = [];
    const set = (name: string, value: string | null): void => {
      const old = props[name];
      if ((old ?? null) === value) return;
      if (value === null) delete props[name]; else props[name] = value;
      changed.push(name);
    };
    for (const [name, value] of values) set(name, value);
    if (t === 'contacts' && values.has('email')) {
      const email = values.get('email');
      const at_ = email ? email.lastIndexOf('@') : -1;
      set('hs_email_domain', email && at_ > 0 ? email.slice(at_ + 1).toLowerCase() || null : null);
    }
    // HubSpot stamps when the owner changed: what owner-load reads count.
    if (t === 'contacts' && changed.includes('hubspot_owner_id')) set('hubspot_owner_assigneddate', props.hubspot_owner_id ? iso(at) : null);
    // HubSpot stamps the date a contact entered each lifecycle stage; an explicit (seeded) date wins, a re-entry keeps the first.
    const stage = t === 'contacts' ? values.get('lifecyclestage') : undefined;
    if (stage) {
      const entered = stageEnteredProperty(stage);
      if (!values.has(entered) && props[entered] === undefined) set(entered, iso(at));
    }
    if (t === 'deals' && values.has('dealstage')) set('hs_is_closed_won', values.get('dealstage') === 'closedwon' ? 'true' : 'false');
    if (isCreate) {
      set('hs_object_id', String(id));
      if (!props.createdate) set('createdate', iso(at));
      if (t === 'notes' || t === 'tasks') set('hs_createdate', props.createdate ?? iso(at));
    }
    if (changed.length > 0 || isCreate) set(modifiedProperty(t), iso(at));
    return changed;
  }

  private index(t: ObjectType, id: number, props: Record<string, string>, names: readonly string[]): void {
    const defs = this.properties.defs(t);
    for (const name of names) {
      const value = props[name];
      if (value === undefined) { this.stmts.idxDelete.run(id, name); continue; }
      this.stmts.idxInsert.run(id, name, t, value.toLowerCase(), numericValue(defs.get(name), value));
    }
  }

  private record(id: number, props: Record<string, string>, names: readonly string[], at: number, src: WriteSource): void {
    for (const name of names) this.stmts.historyAdd.run(id, name, props[name] ?? '', at, src.sourceType, src.sourceId ?? null);
  }
}
