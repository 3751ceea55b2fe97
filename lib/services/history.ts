// A contact's past decisions, rebuilt from HubSpot's property history of the audit fields:
// every decision writes decision_key and last_decision_at in one update, so each
// decision_key history entry is one decision; the other fields are read as of that moment.
import type { PropertyHistoryEntry, RescoreGateway } from '../ports.ts';
import type { DecisionHistoryReply } from '../core/reply.ts';

export const HISTORY_PROPERTIES = ['decision_key', 'last_decision_at', 'last_decision_reason', 'routing_tier', 'lead_score', 'scoring_version'] as const;
const TIERS = new Set(['high', 'medium', 'low']);

export type HistorySuccess = Extract<DecisionHistoryReply, { ok: true }>;

export async function decisionHistory(contactId: string, crm: Pick<RescoreGateway, 'getPropertyHistory'>, limit = 20): Promise<HistorySuccess> {
  const history = await crm.getPropertyHistory(contactId, HISTORY_PROPERTIES);
  return { ok: true, contactId, entries: historyEntries(history, limit) };
}

/** Newest first. Pure, so it is tested without a portal. */
export function historyEntries(history: Record<string, PropertyHistoryEntry[]>, limit: number): HistorySuccess['entries'] {
  const keys = [...(history['decision_key'] ?? [])].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  return keys.slice(0, limit).map((entry) => {
    const asOf = (name: string) => valueAt(history[name], entry.timestamp);
    const tier = asOf('routing_tier');
    const score = asOf('lead_score');
    return {
      at: asOf('last_decision_at') ?? entry.timestamp,
      decisionKey: entry.value || null,
      reason: asOf('last_decision_reason'),
      tier: tier && TIERS.has(tier) ? (tier as 'high' | 'medium' | 'low') : null,
      leadScore: score !== null && Number.isFinite(Number(score)) && score !== '' ? Number(score) : null,
      scoringVersion: asOf('scoring_version'),
    };
  });
}

/** The value a property had at a moment: the newest entry written at or before it. */
function valueAt(entries: PropertyHistoryEntry[] | undefined, at: string): string | null {
  let best: PropertyHistoryEntry | null = null;
  for (const e of entries ?? []) {
    if (e.timestamp <= at && (best === null || e.timestamp > best.timestamp)) best = e;
  }
  return best && best.value !== '' ? best.value : null;
}
