// The emulator's state behind one facade: what the HTTP routes call, and what tests may poke directly.
import { fail, notFound, ok, validation, type ApiFailure, type Result } from '../errors.ts';
import { AssociationsRepo } from './associations-repo.ts';
import { openDb, type Db } from './db.ts';
import { associationType, ID_PROPERTIES, singular, type ObjectType } from './object-types.ts';
import { API_SOURCE, ObjectsRepo, type ObjectRow, type WriteSource } from './objects-repo.ts';
import { OwnersRepo } from './owners-repo.ts';
import { PropertiesRepo } from './properties-repo.ts';
import { registerSearchFunctions, runSearch, type SearchQuery } from './search.ts';
import { ViewRenderer, type ObjectView, type ViewOptions } from './view.ts';

export type { ObjectView, ViewOptions } from './view.ts';

export interface AssociationInput { to: { id: string | number }; types: { associationCategory: string; associationTypeId: number }[] }
export interface BatchError { status: 'error'; category: string; message: string; context?: Record<string, string[]>; errors?: ApiFailure['errors'] }
export interface BatchOutcome<T> { results: T[]; errors: BatchError[] }

export const toBatchError = (f: ApiFailure, context?: Record<string, string[]>): BatchError => ({
  status: 'error', category: f.category, message: f.message, ...(context ?? f.context ? { context: context ?? f.context } : {}), ...(f.errors ? { errors: f.errors } : {}),
});

/** Human edits made through the store directly (tests, seed): CRM_UI, read-only properties allowed. */
const UI_SOURCE: WriteSource = { sourceType: 'CRM_UI', sourceId: 'userId:1', allowReadOnly: true };

export class EmulatorStore {
  readonly db: Db;
  readonly properties: PropertiesRepo;
  readonly objects: ObjectsRepo;
  readonly associations: AssociationsRepo;
  readonly owners: OwnersRepo;
  private readonly views: ViewRenderer;

  constructor(path = ':memory:', readonly now: () => number = Date.now) {
    this.db = openDb(path);
    registerSearchFunctions(this.db);
    this.properties = new PropertiesRepo(this.db, now);
    this.owners = new OwnersRepo(this.db);
    this.objects = new ObjectsRepo(this.db, this.properties, now, (id) => this.owners.has(id));
    this.associations = new AssociationsRepo(this.db);
    this.views = new ViewRenderer(this.objects, this.associations, (t) => this.properties.defs(t));
  }

  close(): void { if (this.db.open) this.db.close(); }

  count(t: ObjectType): number {
    return this.db.prepare('SELECT count(*) FROM objects WHERE type = ? AND archived = 0').pluck().get(t) as number;
  }

  // Users are account setup (seeded with the owners), not CRM records.
  isEmpty(): boolean { return (this.db.prepare("SELECT count(*) FROM objects WHERE type != 'users'").pluck().get() as number) === 0; }

  transaction<T>(fn: () => T): T { return this.db.transaction(fn)(); }

  // ---- direct access for tests ------------------------------------------------------------
  getObjectView(t: ObjectType, id: string | number): ObjectView | null {
    const row = this.objects.get(t, Number(id));
    return row ? this.views.render(row, { properties: null }) : null;
  }
  getContact(id: string | number): ObjectView | null { return this.getObjectView('contacts', id); }
  getCompany(id: string | number): ObjectView | null { return this.getObjectView('companies', id); }

  updateObjectAsUser(t: ObjectType, id: string | number, props: Record<string, unknown>, src: Partial<WriteSource> = {}): Result<ObjectView> {
    const r = this.objects.update(t, Number(id), props, { ...UI_SOURCE, ...src });
    return r.ok ? ok(this.views.render(r.value, { properties: null })) : r;
  }
  updateContact(id: string | number, props: Record<string, unknown>, src: Partial<WriteSource> = {}): Result<ObjectView> { return this.updateObjectAsUser('contacts', id, props, src); }
  updateCompany(id: string | number, props: Record<string, unknown>, src: Partial<WriteSource> = {}): Result<ObjectView> { return this.updateObjectAsUser('companies', id, props, src); }
  createObjectAsUser(t: ObjectType, props: Record<string, unknown>, src: Partial<WriteSource> = {}): Result<ObjectView> {
    const r = this.objects.create(t, props, { ...UI_SOURCE, ...src });
    return r.ok ? ok(this.views.render(r.value, { properties: null })) : r;
  }

  // ---- what the API serves ----------------------------------------------------------------
  read(t: ObjectType, rawId: string, opts: ViewOptions & { idProperty?: string; archived?: boolean }): Result<ObjectView> {
    const bad = this.checkIdProperty(t, opts.idProperty);
    if (bad) return bad;
    const id = this.objects.resolveId(t, rawId, opts.idProperty);
    const row = id === undefined ? undefined : this.objects.get(t, id, opts.archived ?? false);
    if (!row) return notFound(singular(t), rawId);
    return ok(this.views.render(row, opts));
  }

  list(t: ObjectType, opts: ViewOptions & { limit: number; after: number; archived: boolean }): { results: ObjectView[]; nextAfter?: string } {
    const rows = this.objects.list(t, opts.limit + 1, opts.after, opts.archived);
    const page = rows.slice(0, opts.limit);
    const results = this.views.renderMany(page, opts);
    return rows.length > opts.limit ? { results, nextAfter: String(page[page.length - 1]!.id) } : { results };
  }

  create(t: ObjectType, properties: Record<string, unknown>, associations: readonly AssociationInput[] = [], src: WriteSource = API_SOURCE): Result<ObjectView> {
    return this.transaction(() => {
      for (const a of associations) {
        const checked = this.checkAssociation(t, a);
        if (!checked.ok) return checked;
      }
      const r = this.objects.create(t, properties, src);
      if (!r.ok) return r;
      for (const a of associations) {
        for (const ty of a.types) {
          const def = associationType(ty.associationTypeId)!;
          this.associations.add(t, r.value.id, def.to, Number(a.to.id), def.id);
        }
      }
      return ok(this.views.render(r.value, {}));
    });
  }

  update(t: ObjectType, rawId: string, properties: Record<string, unknown>, idProperty?: string): Result<ObjectView> {
    const bad = this.checkIdProperty(t, idProperty);
    if (bad) return bad;
    const id = this.objects.resolveId(t, rawId, idProperty);
    if (id === undefined || !this.objects.get(t, id)) return notFound(singular(t), rawId);
    const r = this.transaction(() => this.objects.update(t, id, properties));
    return r.ok ? ok(this.views.render(r.value, { properties: Object.keys(properties) })) : r;
  }

  archive(t: ObjectType, rawId: string): Result<true> {
    if (!/^\d+$/.test(rawId)) return notFound(singular(t), rawId);
    return this.transaction(() => this.objects.archive(t, Number(rawId)));
  }

  batchRead(t: ObjectType, ids: readonly string[], opts: ViewOptions & { idProperty?: string }): Result<BatchOutcome<ObjectView>> {
    const bad = this.checkIdProperty(t, opts.idProperty);
    if (bad) return bad;
    const unique = [...new Set(ids)];
    const resolved = unique.map((raw) => ({ raw, id: this.objects.resolveId(t, raw, opts.idProperty) }));
    const rows = this.objects.getMany(t, resolved.flatMap((r) => (r.id === undefined ? [] : [r.id])));
    const found: ObjectRow[] = [];
    const missing: string[] = [];
    for (const r of resolved) {
      const row = r.id === undefined ? undefined : rows.get(r.id);
      if (row) found.push(row); else missing.push(r.raw);
    }
    const results = this.views.renderMany(found, opts);
    const errors: BatchError[] = missing.length === 0 ? [] : [{
      status: 'error', category: 'OBJECT_NOT_FOUND', context: { ids: missing },
      message: `Could not get some ${singular(t).toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
    }];
    return ok({ results, errors });
  }

  batchCreate(t: ObjectType, inputs: readonly { properties: Record<string, unknown>; associations?: AssociationInput[] }[]): BatchOutcome<ObjectView> {
    return this.collect(inputs, (input) => this.create(t, input.properties, input.associations ?? []));
  }

  batchUpdate(t: ObjectType, inputs: readonly { id: string; properties: Record<string, unknown> }[], idProperty?: string): BatchOutcome<ObjectView> {
    return this.collect(inputs, (input) => this.update(t, input.id, input.properties, idProperty), (input) => ({ ids: [input.id] }));
  }

  batchUpsert(t: ObjectType, inputs: readonly { id: string; idProperty?: string; properties: Record<string, unknown> }[]): BatchOutcome<ObjectView & { new: boolean }> {
    return this.collect(inputs, (input): Result<ObjectView & { new: boolean }> => {
      const idProperty = input.idProperty ?? ID_PROPERTIES[t];
      if (!idProperty) return validation(`Upsert on ${t} needs an idProperty.`);
      const existing = this.objects.resolveId(t, input.id, idProperty);
      if (existing !== undefined && this.objects.get(t, existing)) {
        const r = this.update(t, String(existing), input.properties);
        return r.ok ? ok({ ...r.value, new: false }) : r;
      }
      const props = idProperty === 'hs_object_id' ? input.properties : { [idProperty]: input.id, ...input.properties };
      const r = this.create(t, props);
      return r.ok ? ok({ ...r.value, new: true }) : r;
    }, (input) => ({ ids: [input.id] }));
  }

  search(t: ObjectType, q: SearchQuery, properties: readonly string[] | undefined): Result<{ total: number; results: ObjectView[]; nextAfter?: string }> {
    const r = runSearch(this.db, t, this.properties.defs(t), q, (name) => this.objects.ensureIndexed(t, name));
    if (!r.ok) return r;
    const results = this.views.renderMany(r.value.rows, { properties: properties ?? [] });
    const next = q.after + results.length;
    return ok({ total: r.value.total, results, ...(next < r.value.total && results.length > 0 ? { nextAfter: String(next) } : {}) });
  }

  private collect<I, T>(inputs: readonly I[], fn: (input: I) => Result<T>, context?: (input: I) => Record<string, string[]>): BatchOutcome<T> {
    return this.transaction(() => {
      const out: BatchOutcome<T> = { results: [], errors: [] };
      for (const input of inputs) {
        const r = fn(input);
        if (r.ok) out.results.push(r.value); else out.errors.push(toBatchError(r.failure, context?.(input)));
      }
      return out;
    });
  }

  private checkIdProperty(t: ObjectType, idProperty: string | undefined): { ok: false; failure: ApiFailure } | null {
    if (!idProperty || idProperty === 'hs_object_id' || idProperty === ID_PROPERTIES[t]) return null;
    return validation(`${idProperty} is not a unique property of ${t}; use ${ID_PROPERTIES[t] ?? 'hs_object_id'}.`);
  }

  private checkAssociation(from: ObjectType, a: AssociationInput): Result<true> {
    for (const ty of a.types) {
      const def = associationType(ty.associationTypeId);
      if (!def || def.from !== from) return fail(400, 'VALIDATION_ERROR', `${ty.associationTypeId} is not a valid association type from ${from}.`);
      if (!this.objects.get(def.to, Number(a.to.id))) return fail(400, 'VALIDATION_ERROR', `Cannot associate: ${singular(def.to)} ${a.to.id} does not exist.`);
    }
    return ok(true);
  }
}
