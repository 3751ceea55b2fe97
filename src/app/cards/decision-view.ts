// Turns the raw property strings HubSpot hands the card into what the card shows.
// Pure: no SDK, no clock, so every state can be tested without a renderer.
import { BandSchema, TierSchema, type Tier } from './contract.ts';

export type Band = Tier;

export interface StoredDecision {
  intentScore: number | null;
  fitScore: number | null;
  leadScore: number | null;
  tier: Tier | null;
  reason: string | null;
  decidedAt: string | null;
  scoringVersion: string | null;
  decisionKey: string | null;
  enrichmentConfidence: number | null;
  enrichmentSource: string | null;
  contentTrack: string | null;
  confidenceBand: Band | null;
  reengagementStatus: string | null;
  nextBestAssetId: string | null;
}

export type CardState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'never_scored' }
  | { kind: 'scored'; decision: StoredDecision };

export interface PropertiesResult {
  properties: Record<string, string | null | undefined>;
  isLoading: boolean;
  error: Error | null;
}

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

const numberOf = (value: string | null | undefined): number | null => {
  const raw = text(value);
  if (raw === null) return null;
  const parsed = Number(raw);
  return Number.isFinite(parsed) ? parsed : null;
};

export function readDecision(properties: Record<string, string | null | undefined>): StoredDecision {
  const tier = TierSchema.safeParse(text(properties.routing_tier));
  const band = BandSchema.safeParse(text(properties.confidence_band));
  return {
    intentScore: numberOf(properties.intent_score),
    fitScore: numberOf(properties.fit_score),
    leadScore: numberOf(properties.lead_score),
    tier: tier.success ? tier.data : null,
    reason: properties.last_decision_reason?.trim() ? properties.last_decision_reason : null,
    decidedAt: text(properties.last_decision_at),
    scoringVersion: text(properties.scoring_version),
    decisionKey: text(properties.decision_key),
    enrichmentConfidence: numberOf(properties.enrichment_confidence),
    enrichmentSource: text(properties.last_enrichment_source),
    contentTrack: text(properties.content_track),
    confidenceBand: band.success ? band.data : null,
    reengagementStatus: text(properties.reengagement_status),
    nextBestAssetId: text(properties.next_best_asset_id),
  };
}

export function readCardState(result: PropertiesResult): CardState {
  if (result.isLoading) return { kind: 'loading' };
  if (result.error) {
    return { kind: 'error', message: result.error.message || 'HubSpot did not return the contact properties.' };
  }
  const decision = readDecision(result.properties);
  // Without a tier or a score the engine never decided this contact.
  if (decision.tier === null && decision.leadScore === null) return { kind: 'never_scored' };
  return { kind: 'scored', decision };
}

export const TIER_TAG_VARIANT = { high: 'success', medium: 'warning', low: 'default' } as const satisfies Record<Tier, string>;
export const TIER_LABEL = { high: 'High', medium: 'Medium', low: 'Low' } as const satisfies Record<Tier, string>;

/** reengagement_status values as a rep reads them (copy of lib/core/labels.ts REENGAGEMENT_LABELS). */
export const REENGAGEMENT_LABEL: Record<string, string> = {
  active: 'Active', needs_reengagement: 'Needs re-engagement', customer: 'Customer (not flagged)', unknown: 'No activity data',
};

export function formatScore(value: number | null): string {
  return value === null ? '—' : String(Math.round(value));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * HubSpot hands datetime properties over as epoch milliseconds or ISO text depending
 * on the surface, so both are accepted. Shown in UTC so every rep reads the same time.
 */
export function formatDecidedAt(value: string | null): string {
  if (value === null) return 'never';
  const epoch = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(epoch)) return value;
  const at = new Date(epoch);
  const month = MONTHS[at.getUTCMonth()] ?? '';
  // Seconds included: two decisions a minute apart (or less) must read differently in the history.
  return `${at.getUTCDate()} ${month} ${at.getUTCFullYear()}, ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} UTC`;
}

/** Sources that mean "no provider answered" (the engine's own marker, or nothing stored). */
const NO_ENRICHMENT = new Set(['none', 'no_source', 'no-source', '']);

/** "80% confidence · hubspot-company", or "Not enriched" when no provider gave any fact (0% · none). */
export function enrichmentText(confidence: number | null, source: string | null): string {
  const noSource = source === null || NO_ENRICHMENT.has(source.toLowerCase());
  if (noSource && (confidence === null || confidence === 0)) return 'Not enriched';
  const parts = [confidence === null ? null : `${formatScore(confidence)}% confidence`, noSource ? null : source];
  return parts.filter((part): part is string => part !== null).join(' · ');
}

/**
 * A load error as a rep should read it: one short line. The client's own text can carry a whole
 * HTTP exchange (status, headers, body); an unknown contact reads "not found".
 */
export function shortLoadError(message: string): string {
  if (/\b404\b|not[ _]found|does not exist|OBJECT_NOT_FOUND/i.test(message)) return 'this contact was not found in HubSpot (it may have been deleted or merged).';
  const line = (message.split(/\r?\n/)[0] ?? '').trim();
  if (line === '') return 'HubSpot did not say why.';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

/** "page_views" → "Page views" for breakdown labels. */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
