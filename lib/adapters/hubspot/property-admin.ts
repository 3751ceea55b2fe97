// Provisioning calls: the contact property group and contact properties.
import type { PropertyAdmin, PropertyDefinition } from '../../ports.ts';
import { CrmError, NotFoundError } from '../../errors.ts';
import type { HubSpotContext } from './context.ts';

type PropertyCreate = Parameters<HubSpotContext['client']['crm']['properties']['coreApi']['create']>[1];

const isConflict = (error: unknown): boolean => error instanceof CrmError && error.status === 409;

type PropertyRead = Awaited<ReturnType<HubSpotContext['client']['crm']['properties']['coreApi']['getByName']>>;

function toDefinition(p: PropertyRead): PropertyDefinition {
  return {
    name: p.name,
    label: p.label,
    type: p.type as PropertyDefinition['type'],
    fieldType: p.fieldType,
    groupName: p.groupName,
    ...(p.description ? { description: p.description } : {}),
    ...(p.options?.length ? { options: p.options.map((o) => ({ label: o.label, value: o.value, displayOrder: o.displayOrder })) } : {}),
  };
}

export function createHubSpotPropertyAdmin(ctx: HubSpotContext): PropertyAdmin {
  const { properties } = ctx.client.crm;
  return {
    async ensurePropertyGroup(group) {
      try {
        await ctx.call(`read contact property group ${group.name}`, () => properties.groupsApi.getByName('contacts', group.name));
        return { created: false };
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
      try {
        await ctx.call(`create contact property group ${group.name}`, () =>
          properties.groupsApi.create('contacts', { name: group.name, label: group.label, displayOrder: group.displayOrder ?? -1 }));
        return { created: true };
      } catch (error) {
        if (isConflict(error)) return { created: false };
        throw error;
      }
    },

    async getContactProperty(name) {
      try {
        return toDefinition(await ctx.call(`read contact property ${name}`, () => properties.coreApi.getByName('contacts', name)));
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
    },

    async listContactProperties() {
      const all = await ctx.call('list contact properties', () => properties.coreApi.getAll('contacts'));
      return all.results.map(toDefinition);
    },

    async createContactProperty(definition) {
      const body = {
        name: definition.name,
        label: definition.label,
        type: definition.type,
        fieldType: definition.fieldType,
        groupName: definition.groupName,
        description: definition.description ?? '',
        options: (definition.options ?? []).map((o, i) => ({ label: o.label, value: o.value, displayOrder: o.displayOrder ?? i, hidden: false })),
      } as unknown as PropertyCreate;
      try {
        await ctx.call(`create contact property ${definition.name}`, () => properties.coreApi.create('contacts', body));
        return { created: true };
      } catch (error) {
        if (isConflict(error)) return { created: false };
        throw error;
      }
    },
  };
}
