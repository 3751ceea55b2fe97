// zod schemas for every request body the emulator accepts (HubSpot's shapes).
import { z } from 'zod';
import { OPERATORS } from './store/search.ts';

const id = z.union([z.string().min(1), z.number()]).transform(String);
const propertyValues = z.record(z.string(), z.unknown());
const associationTypes = z.array(z.object({ associationCategory: z.string(), associationTypeId: z.coerce.number().int() }));
const association = z.object({ to: z.object({ id }), types: associationTypes.min(1) });
const inputs = <T extends z.ZodType>(item: T) => z.array(item).max(100, 'A batch takes at most 100 inputs.');

export const createBody = z.object({ properties: propertyValues.default({}), associations: z.array(association).default([]) });
export const updateBody = z.object({ properties: propertyValues });
/** HubSpot's answer to a history read of more than HISTORY_READ_LIMIT objects (docs/emulator.md). */
export const HISTORY_READ_LIMIT = 50;
export const HISTORY_LIMIT_MESSAGE = 'The maximum number of inputs supported in a batch request for property histories is 50. Please reduce the number of items and try again';
export const batchReadBody = z.object({
  properties: z.array(z.string()).optional(), propertiesWithHistory: z.array(z.string()).optional(), idProperty: z.string().optional(),
  inputs: inputs(z.object({ id })),
});
export const batchCreateBody = z.object({ inputs: inputs(createBody) });
export const batchUpdateBody = z.object({ inputs: inputs(z.object({ id, idProperty: z.string().optional(), properties: propertyValues })) });
export const batchArchiveBody = z.object({ inputs: inputs(z.object({ id })) });
export const batchUpsertBody = z.object({ inputs: inputs(z.object({ id, idProperty: z.string().optional(), properties: propertyValues })) });

const filter = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(OPERATORS),
  value: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional(),
  highValue: z.union([z.string(), z.number()]).transform(String).optional(),
  values: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
});
const sort = z.union([
  z.string().transform((s) => ({ propertyName: s.replace(/^-/, ''), direction: s.startsWith('-') ? 'DESCENDING' as const : 'ASCENDING' as const })),
  z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']).default('ASCENDING') }),
]);
export const searchBody = z.object({
  filterGroups: z.array(z.object({ filters: z.array(filter).max(6, 'A filter group takes at most 6 filters.') })).max(5, 'A search takes at most 5 filter groups.').default([]),
  sorts: z.array(sort).max(1, 'A search takes at most one sort.').default([]),
  query: z.string().optional(),
  properties: z.array(z.string()).optional(),
  limit: z.coerce.number().int().min(0).max(200, 'limit must be 200 or less.').default(10),
  after: z.union([z.string(), z.number()]).transform((v) => Number(v)).refine((n) => Number.isInteger(n) && n >= 0, 'after must be a non-negative integer.').optional(),
});

const option = z.object({ label: z.string(), value: z.string(), displayOrder: z.number().optional(), hidden: z.boolean().optional(), description: z.string().optional() });
const propertyTypes = z.enum(['string', 'number', 'enumeration', 'datetime', 'date', 'bool', 'phone_number']);
export const propertyCreateBody = z.object({
  name: z.string().min(1), label: z.string().min(1), type: propertyTypes, fieldType: z.string().min(1), groupName: z.string().min(1),
  description: z.string().optional(), options: z.array(option).optional(), displayOrder: z.number().optional(),
  hasUniqueValue: z.boolean().optional(), hidden: z.boolean().optional(), formField: z.boolean().optional(),
});
export const propertyUpdateBody = propertyCreateBody.omit({ name: true }).partial();
export const groupCreateBody = z.object({ name: z.string().min(1), label: z.string().min(1), displayOrder: z.number().optional() });

export const v4BatchReadBody = z.object({ inputs: inputs(z.object({ id, after: z.string().optional() })) });
export const v4BatchCreateBody = z.object({ inputs: inputs(z.object({ from: z.object({ id }), to: z.object({ id }), types: associationTypes.min(1) })) });
export const v4BatchDefaultBody = z.object({ inputs: inputs(z.object({ from: z.object({ id }), to: z.object({ id }) })) });
export const v4BatchArchiveBody = z.object({ inputs: inputs(z.object({ from: z.object({ id }), to: z.array(z.object({ id })) })) });
export const v4LabelsBody = associationTypes;
