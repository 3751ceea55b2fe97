// Reads what `report` computes over, through the portal reader: every contact with the history of
// its decisions, its deals, and (for high-tier leads) its tasks, mapped to plain report records.
import type { PortalReader } from '../adapters/hubspot/portal-reads.ts';
import type { CrmRecord, PropertyHistoryEntry } from '../ports.ts';
import type { ReportContact, ReportDeal } from './report.ts';

export const FUNNEL_STAGES = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist'] as const;
export const stageEnteredProperty = (stage: string) => `hs_v2_date_entered_${stage}`;
/** Fields a lead should carry for routing and follow-up; their share filled is the data completeness. */
export const COMPLETENESS_FIELDS = ['email', 'firstname', 'lastname', 'jobtitle', 'country', 'phone', 'company'] as const;
const DECISION_HISTORY = ['scoring_version', 'routing_tier', 'last_decision_at'] as const;
const CONTACT_PROPERTIES = [
  'createdate', 'hs_analytics_source', 'hs_analytics_source_data_1', 'lifecyclestage', 'hs_first_outreach_date', ...COMPLETENESS_FIELDS,
  ...FUNNEL_STAGES.map(stageEnteredProperty),
];
const time = (v: string | null | undefined): number | null => {
  if (!v) return null;
  const ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isFinite(ms) ? ms : null;
};

/** The first decision: the oldest scoring_version entry, with the tier written with it. */
export function firstDecisionOf(history: Record<string, PropertyHistoryEntry[]>): ReportContact['firstDecision'] {
  const versions = [...(history['scoring_version'] ?? [])].filter((e) => e.value).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  const first = versions[0];
  if (!first) return null;
  const at = Date.parse(first.timestamp);
  const tiers = [...(history['routing_tier'] ?? [])].filter((e) => e.value).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  const tier = [...tiers].reverse().find((e) => Date.parse(e.timestamp) <= at + 60_000) ?? tiers[0];
  return { at, version: first.value, tier: tier?.value ?? null };
}

function toContact(contact: CrmRecord, company: CrmRecord | null, history: Record<string, PropertyHistoryEntry[]>): ReportContact {
  const p = contact.properties;
  const stageEntered: Record<string, number> = {};
  for (const stage of FUNNEL_STAGES) {
    const t = time(p[stageEnteredProperty(stage)]);
    if (t !== null) stageEntered[stage] = t;
  }
  const filled = COMPLETENESS_FIELDS.filter((f) => (f === 'company' ? Boolean(p[f]?.trim() || company) : Boolean(p[f]?.trim()))).length;
  const firstDecision = firstDecisionOf(history);
  const outreach = time(p['hs_first_outreach_date']);
  return {
    id: contact.id, createdAt: time(p['createdate']), source: p['hs_analytics_source'] || null, campaign: p['hs_analytics_source_data_1'] || null,
    stageEntered, firstDecision, firstResponseAt: firstDecision && outreach !== null && outreach >= firstDecision.at ? outreach : null,
    filledFields: filled, expectedFields: COMPLETENESS_FIELDS.length,
  };
}

export interface ReportRecords { contacts: ReportContact[]; deals: ReportDeal[] }

export async function readReportRecords(reader: PortalReader, onPage: (contacts: number) => void = () => {}): Promise<ReportRecords> {
  const contacts: ReportContact[] = [];
  const dealContacts = new Map<string, string[]>();
  for await (const page of reader.contactPages(CONTACT_PROPERTIES, DECISION_HISTORY, ['name'])) {
    const mapped = page.map((r) => toContact(r.contact, r.company, r.history));
    const ids = mapped.map((c) => c.id);
    for (const [contactId, dealIds] of await reader.associatedIds(ids, 'deals')) {
      for (const d of dealIds) dealContacts.set(d, [...(dealContacts.get(d) ?? []), contactId]);
    }
    // Tasks count as the first response only for high-tier leads, so only theirs are read.
    const high = mapped.filter((c) => c.firstDecision?.tier === 'high');
    if (high.length > 0) await applyTasks(reader, high);
    contacts.push(...mapped);
    onPage(contacts.length);
  }
  const deals = (await reader.readObjects('deals', [...dealContacts.keys()], ['amount', 'dealstage', 'closedate'])).map((d) => ({
    id: d.id, amount: d.properties['amount'] ? Number(d.properties['amount']) : null, stage: d.properties['dealstage'] ?? null,
    closedAt: time(d.properties['closedate']), contactIds: dealContacts.get(d.id) ?? [],
  }));
  return { contacts, deals };
}

async function applyTasks(reader: PortalReader, leads: ReportContact[]): Promise<void> {
  const links = await reader.associatedIds(leads.map((c) => c.id), 'tasks');
  const taskIds = [...new Set([...links.values()].flat())];
  if (taskIds.length === 0) return;
  const created = new Map((await reader.readObjects('tasks', taskIds, ['hs_createdate'])).map((t) => [t.id, time(t.properties['hs_createdate'])]));
  for (const c of leads) {
    for (const taskId of links.get(c.id) ?? []) {
      const at = created.get(taskId);
      if (at === null || at === undefined || at < c.firstDecision!.at) continue;
      if (c.firstResponseAt === null || at < c.firstResponseAt) c.firstResponseAt = at;
    }
  }
}
