// The CRM object types the emulator serves, their HubSpot ids, default properties and association types.
export const OBJECT_TYPES = ['contacts', 'companies', 'deals', 'notes', 'tasks', 'leads', 'users'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

// leads 0-136 and users 0-115: as documented for the Leads and Users objects [unconfirmed here, see HUBSPOT.md].
const TYPE_IDS: Record<ObjectType, string> = { contacts: '0-1', companies: '0-2', deals: '0-3', notes: '0-46', tasks: '0-27', leads: '0-136', users: '0-115' };
const SINGULAR: Record<string, ObjectType> = {
  contact: 'contacts', contacts: 'contacts', company: 'companies', companies: 'companies', deal: 'deals', deals: 'deals',
  note: 'notes', notes: 'notes', task: 'tasks', tasks: 'tasks', lead: 'leads', leads: 'leads', user: 'users', users: 'users',
};

/** Accepts what HubSpot accepts in a path: plural, singular or the type id (`0-1`). */
export function parseObjectType(raw: string): ObjectType | null {
  const lower = raw.toLowerCase();
  if (SINGULAR[lower]) return SINGULAR[lower];
  const byId = OBJECT_TYPES.find((t) => TYPE_IDS[t] === lower);
  return byId ?? null;
}

export const objectTypeId = (t: ObjectType): string => TYPE_IDS[t];
export const singular = (t: ObjectType): string => (t === 'companies' ? 'company' : t.slice(0, -1));

export const modifiedProperty = (t: ObjectType): string => (t === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate');

/** What a GET or search returns when no `properties` are asked for. */
export const DEFAULT_PROPERTIES: Record<ObjectType, string[]> = {
  contacts: ['firstname', 'lastname', 'email', 'createdate', 'lastmodifieddate', 'hs_object_id'],
  companies: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  deals: ['dealname', 'amount', 'closedate', 'pipeline', 'dealstage', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  notes: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  tasks: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  leads: ['hs_lead_name', 'hs_pipeline', 'hs_pipeline_stage', 'hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  users: ['hs_email', 'hs_given_name', 'hs_family_name', 'hs_internal_user_id', 'hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};

/** The unique property `idProperty` may name, per type. */
export const ID_PROPERTIES: Partial<Record<ObjectType, string>> = { contacts: 'email', companies: 'domain' };

interface AssociationTypeDef { from: ObjectType; to: ObjectType; id: number; inverse: number; name: string; primary?: boolean }

// HubSpot-defined association type ids (category HUBSPOT_DEFINED).
const PAIRS: [ObjectType, ObjectType, number, number, boolean?][] = [
  ['contacts', 'companies', 279, 280],
  ['contacts', 'companies', 1, 2, true],
  ['deals', 'contacts', 3, 4],
  ['deals', 'companies', 341, 342],
  ['deals', 'companies', 5, 6, true],
  ['contacts', 'notes', 201, 202],
  ['contacts', 'tasks', 203, 204],
  ['companies', 'notes', 189, 190],
  ['companies', 'tasks', 191, 192],
  ['deals', 'notes', 213, 214],
  ['deals', 'tasks', 215, 216],
  // A lead's primary contact is type 578 (HUBSPOT.md); the inverse id 579 is the emulator's guess.
  ['leads', 'contacts', 578, 579, true],
];

export const ASSOCIATION_TYPES: AssociationTypeDef[] = PAIRS.flatMap(([a, b, ab, ba, primary]) => {
  const hasPrimary = PAIRS.some(([x, y, , , pr]) => pr && x === a && y === b);
  const suffix = hasPrimary && !primary ? '_unlabeled' : '';
  return [
    { from: a, to: b, id: ab, inverse: ba, name: `${singular(a)}_to_${singular(b)}${suffix}`, primary: primary ?? false },
    { from: b, to: a, id: ba, inverse: ab, name: `${singular(b)}_to_${singular(a)}${suffix}`, primary: primary ?? false },
  ];
});

export const associationType = (id: number): AssociationTypeDef | undefined => ASSOCIATION_TYPES.find((t) => t.id === id);

/** The unlabeled (default) association type between two object types. */
export function defaultAssociationType(from: ObjectType, to: ObjectType): AssociationTypeDef | undefined {
  return ASSOCIATION_TYPES.find((t) => t.from === from && t.to === to && !t.primary);
}

export function primaryAssociationType(from: ObjectType, to: ObjectType): AssociationTypeDef | undefined {
  return ASSOCIATION_TYPES.find((t) => t.from === from && t.to === to && t.primary);
}
