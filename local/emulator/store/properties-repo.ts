// Property definitions and groups, persisted and cached: every object write validates against them.
import { fail, notFound, ok, validation, type Result } from '../errors.ts';
import type { Db } from './db.ts';
import { OBJECT_TYPES, type ObjectType } from './object-types.ts';
import { customProperty, STANDARD_GROUPS, STANDARD_PROPERTIES, type PropertyDef, type PropertyGroupDef, type PropertyOption, type PropertyType } from './standard-properties.ts';

export interface PropertyInput {
  name: string; label: string; type: PropertyType; fieldType: string; groupName: string;
  description?: string; options?: Partial<PropertyOption>[]; displayOrder?: number; hasUniqueValue?: boolean; hidden?: boolean; formField?: boolean;
}
export type PropertyPatch = Partial<Omit<PropertyInput, 'name'>>;

const FIELD_TYPES_BY_TYPE: Record<PropertyType, string[]> = {
  string: ['text', 'textarea', 'html', 'phonenumber', 'file'],
  number: ['number', 'calculation_equation'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox'],
  datetime: ['date'], date: ['date'], bool: ['booleancheckbox', 'calculation_equation'], phone_number: ['phonenumber'],
};

function options(raw: Partial<PropertyOption>[] | undefined): PropertyOption[] {
  return (raw ?? []).map((o, i) => ({ label: o.label ?? String(o.value), value: String(o.value), displayOrder: o.displayOrder ?? i, hidden: o.hidden ?? false, ...(o.description ? { description: o.description } : {}) }));
}

export class PropertiesRepo {
  private cache = new Map<ObjectType, Map<string, PropertyDef>>();
  private readonly upsertDef;
  private readonly upsertGroup;

  constructor(private readonly db: Db, private readonly now: () => number) {
    this.upsertDef = db.prepare('INSERT OR REPLACE INTO properties (object_type, name, def) VALUES (?, ?, ?)');
    this.upsertGroup = db.prepare('INSERT OR REPLACE INTO property_groups (object_type, name, def) VALUES (?, ?, ?)');
    this.installStandard();
  }

  /** Adds standard definitions missing from the db (a fresh file, or one from an older emulator). */
  private installStandard(): void {
    this.db.transaction(() => {
      for (const t of OBJECT_TYPES) {
        const have = new Set((this.db.prepare('SELECT name FROM properties WHERE object_type = ?').pluck().all(t) as string[]));
        for (const d of STANDARD_PROPERTIES[t]) if (!have.has(d.name)) this.upsertDef.run(t, d.name, JSON.stringify(d));
        const groups = new Set((this.db.prepare('SELECT name FROM property_groups WHERE object_type = ?').pluck().all(t) as string[]));
        for (const g of STANDARD_GROUPS[t]) if (!groups.has(g.name)) this.upsertGroup.run(t, g.name, JSON.stringify(g));
      }
    })();
  }

  defs(t: ObjectType): ReadonlyMap<string, PropertyDef> {
    let m = this.cache.get(t);
    if (!m) {
      const rows = this.db.prepare('SELECT def FROM properties WHERE object_type = ?').pluck().all(t) as string[];
      m = new Map(rows.map((r) => { const d = JSON.parse(r) as PropertyDef; return [d.name, d]; }));
      this.cache.set(t, m);
    }
    return m;
  }

  list(t: ObjectType): PropertyDef[] { return [...this.defs(t).values()]; }
  get(t: ObjectType, name: string): PropertyDef | undefined { return this.defs(t).get(name); }

  groups(t: ObjectType): PropertyGroupDef[] {
    return (this.db.prepare('SELECT def FROM property_groups WHERE object_type = ? ORDER BY rowid').pluck().all(t) as string[]).map((r) => JSON.parse(r) as PropertyGroupDef);
  }

  getGroup(t: ObjectType, name: string): PropertyGroupDef | undefined { return this.groups(t).find((g) => g.name === name); }

  create(t: ObjectType, input: PropertyInput): Result<PropertyDef> {
    if (this.defs(t).has(input.name)) {
      return fail(409, 'OBJECT_ALREADY_EXISTS', `A property named '${input.name}' already exists.`, { context: { name: [input.name] } });
    }
    const boolOptions = input.type === 'enumeration' && input.fieldType === 'booleancheckbox' && !input.options?.length
      ? [{ label: 'Yes', value: 'true' }, { label: 'No', value: 'false' }] : input.options;
    const checked = this.check(t, { ...input, options: boolOptions });
    if (!checked.ok) return checked;
    const def = customProperty({ ...input, options: options(boolOptions), description: input.description ?? '' }, new Date(this.now()).toISOString());
    this.save(t, def);
    return ok(def);
  }

  update(t: ObjectType, name: string, patch: PropertyPatch): Result<PropertyDef> {
    const current = this.get(t, name);
    if (!current) return notFound('property', name);
    if (current.modificationMetadata.readOnlyDefinition) return validation(`The property '${name}' is HubSpot-defined; its definition cannot be changed.`);
    const next: PropertyDef = { ...current, ...patch, options: patch.options ? options(patch.options) : current.options, updatedAt: new Date(this.now()).toISOString() } as PropertyDef;
    const checked = this.check(t, next);
    if (!checked.ok) return checked;
    this.save(t, next);
    return ok(next);
  }

  createGroup(t: ObjectType, input: { name: string; label: string; displayOrder?: number }): Result<PropertyGroupDef> {
    if (this.getGroup(t, input.name)) return fail(409, 'OBJECT_ALREADY_EXISTS', `A property group named '${input.name}' already exists.`, { context: { name: [input.name] } });
    if (!/^[a-z][a-z0-9_]*$/.test(input.name)) return validation(`'${input.name}' is not a valid group name: use lower-case letters, digits and underscores.`);
    const group: PropertyGroupDef = { name: input.name, label: input.label, displayOrder: input.displayOrder ?? -1, archived: false };
    this.upsertGroup.run(t, group.name, JSON.stringify(group));
    return ok(group);
  }

  private check(t: ObjectType, p: Pick<PropertyInput, 'name' | 'type' | 'fieldType' | 'groupName'> & { options?: unknown[] }): Result<true> {
    if (!/^[a-z][a-z0-9_]*$/.test(p.name)) return validation(`'${p.name}' is not a valid property name: use lower-case letters, digits and underscores.`);
    const allowed = FIELD_TYPES_BY_TYPE[p.type];
    if (!allowed) return validation(`'${p.type}' is not a valid property type.`, { context: { type: [String(p.type)] } });
    if (!allowed.includes(p.fieldType)) return validation(`fieldType '${p.fieldType}' is not valid for type '${p.type}'; use one of ${allowed.join(', ')}.`);
    if (!this.getGroup(t, p.groupName)) return validation(`The property group '${p.groupName}' does not exist.`, { context: { groupName: [p.groupName] } });
    if (p.type === 'enumeration' && (p.options ?? []).length === 0 ) return validation(`Enumeration property '${p.name}' needs options.`);
    return ok(true);
  }

  private save(t: ObjectType, def: PropertyDef): void {
    this.upsertDef.run(t, def.name, JSON.stringify(def));
    this.cache.delete(t);
  }
}
