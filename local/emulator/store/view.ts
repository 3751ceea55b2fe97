// Renders stored rows in HubSpot's SimplePublicObject shape.
import type { AssociationsRepo } from './associations-repo.ts';
import { associationType, DEFAULT_PROPERTIES, modifiedProperty, parseObjectType, type ObjectType } from './object-types.ts';
import type { HistoryEntry, ObjectRow, ObjectsRepo } from './objects-repo.ts';
import type { PropertyDef } from './standard-properties.ts';

const PRIMARY_CONTACT_TO_COMPANY = 1;

export interface ObjectView {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, HistoryEntry[]>;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
}

export interface ViewOptions {
  /** null = every property that has a value (direct store access); undefined = HubSpot's defaults. */
  properties?: readonly string[] | null;
  propertiesWithHistory?: readonly string[];
  associations?: readonly string[];
}

export class ViewRenderer {
  constructor(private readonly objects: ObjectsRepo, private readonly associations: AssociationsRepo, private readonly defs: (t: ObjectType) => ReadonlyMap<string, PropertyDef>) {}

  /** Renders many rows of one type, resolving the requested property names once. */
  renderMany(rows: readonly ObjectRow[], opts: ViewOptions): ObjectView[] {
    if (rows.length === 0) return [];
    const wanted = this.wanted(rows[0]!.type, opts);
    return rows.map((row) => this.render(row, opts, wanted));
  }

  private wanted(t: ObjectType, opts: ViewOptions): readonly string[] | null {
    if (opts.properties === null) return null;
    if (!opts.properties || opts.properties.length === 0) return DEFAULT_PROPERTIES[t];
    const defs = this.defs(t);
    return [...new Set([...opts.properties.filter((n) => defs.has(n)), 'hs_object_id', 'createdate', modifiedProperty(t)])];
  }

  render(row: ObjectRow, opts: ViewOptions, wanted = this.wanted(row.type, opts)): ObjectView {
    const stored = JSON.parse(row.props) as Record<string, string>;
    const t = row.type;
    let properties: Record<string, string | null>;
    if (wanted === null) properties = stored;
    else {
      properties = {};
      for (const name of wanted) properties[name] = stored[name] ?? null;
    }
    // HubSpot keeps a contact's primary company id in `associatedcompanyid`; derived here from the
    // primary association, so a batch read (which returns no associations) still names the company.
    if (t === 'contacts' && (wanted === null || wanted.includes('associatedcompanyid'))) {
      const primary = this.associations.list(row.id, 'companies', 0, 10_000).links.find((l) => l.typeIds.includes(PRIMARY_CONTACT_TO_COMPANY));
      if (primary || wanted !== null) properties['associatedcompanyid'] = primary ? String(primary.toId) : null;
    }
    const view: ObjectView = { id: String(row.id), properties, createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString(), archived: Boolean(row.archived) };
    if (row.archived_at) view.archivedAt = new Date(row.archived_at).toISOString();
    const history = (opts.propertiesWithHistory ?? []).filter((n) => this.defs(t).has(n));
    if (history.length > 0) view.propertiesWithHistory = this.objects.history(row.id, history, row);
    for (const raw of opts.associations ?? []) {
      const to = parseObjectType(raw);
      if (!to) continue;
      const { links } = this.associations.list(row.id, to, 0, 10_000);
      if (links.length === 0) continue;
      view.associations ??= {};
      view.associations[to] = { results: links.flatMap((l) => l.typeIds.map((id) => ({ id: String(l.toId), type: associationType(id)?.name ?? String(id) }))) };
    }
    return view;
  }
}
