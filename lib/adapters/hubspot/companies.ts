// Company look-ups for the hubspot-company enrichment provider.
import type { CompanyDirectory } from '../../ports.ts';
import { NotFoundError } from '../../errors.ts';
import type { HubSpotContext } from './context.ts';
import { toHistory, toRecord } from './records.ts';

type SearchRequest = Parameters<HubSpotContext['client']['crm']['companies']['searchApi']['doSearch']>[0];

export function createHubSpotCompanyDirectory(ctx: HubSpotContext): CompanyDirectory {
  const { companies } = ctx.client.crm;
  return {
    async findCompanyByDomain(domain, properties) {
      const request = {
        filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'EQ', value: domain }] }],
        properties: [...properties],
        limit: 1,
      } as unknown as SearchRequest;
      const res = await ctx.call(`search companies by domain ${domain}`, () => companies.searchApi.doSearch(request));
      const first = res.results[0];
      return first ? toRecord(first) : null;
    },

    async getCompanyWithHistory(companyId, properties) {
      try {
        const company = await ctx.call(`read company ${companyId} with history`, () =>
          companies.basicApi.getById(companyId, [...properties], [...properties]));
        return { company: toRecord(company), history: toHistory(company.propertiesWithHistory, properties) };
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
    },
  };
}
