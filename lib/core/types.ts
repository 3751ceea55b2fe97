import type { ReengagementStatus } from './labels.ts';
import type { ConfidenceBand, Persona, Seniority, Tier, WritableProperty } from './contract.ts';

/** Every decision and refusal carries one: a stable snake_case code and a sentence a rep can read. */
export interface Reason {
  code: string;
  message: string;
}

/** Raw CRM property map, as HubSpot sends it (strings or null); anything else is tolerated and reported. */
export type PropertyMap = Record<string, unknown>;

/** One past value of a property, in HubSpot's `propertiesWithHistory` shape. */
export interface PropertyHistoryValue {
  value: string | null;
  /** ISO date-time (HubSpot's shape); epoch-ms strings are tolerated. */
  timestamp: string;
  sourceType?: string;
}

/** Property name → its past values, newest first (HubSpot's order). */
export type PropertyHistoryMap = Record<string, readonly PropertyHistoryValue[]>;

/** What the engine decides over (one line of `decide` JSONL, or one contact read from the CRM). */
export interface DecisionInput {
  id: string;
  properties: PropertyMap;
  /** History of ACTIVITY_HISTORY_PROPERTIES (lib/core/activity-properties.ts), when the reader fetched it. */
  propertiesWithHistory?: PropertyHistoryMap | null;
  company: { id?: string; properties: PropertyMap } | null;
  /** Facts from an enrichment provider, keyed by normalized_company_key; optional. */
  enrichment?: EnrichmentFacts | null;
  /** A classification from an AI provider (already validated by guardrails); optional, else the rules classifier runs. */
  classification?: Classification | null;
  /** Routing context that changes between runs (owner load, recent tasks); optional. */
  context?: DecisionContext;
}

export interface DecisionContext {
  /** Tasks created per owner id inside the throttle window. */
  recentTasksByOwner?: Record<string, number>;
  /** ISO time of this contact's last high-intent notification, if any. */
  lastNotifiedAt?: string | null;
  /** Owner ids currently unavailable (PTO), in addition to the config. */
  unavailableOwnerIds?: string[];
  /** Owner ids that own a company, keyed by normalized company key (lead-to-account match). */
  accountOwners?: Record<string, string>;
  /** Contacts already assigned per owner id in this period, for the config's capacity caps. */
  ownerLoad?: Record<string, number>;
}

/** A fact with its confidence kept apart from the value. */
export interface EnrichedValue<T> {
  value: T;
  confidence: number; // 0..100
  source: string;
}

export interface EnrichmentFacts {
  source: string;
  companyKey: string;
  name?: EnrichedValue<string>;
  industry?: EnrichedValue<string>;
  employees?: EnrichedValue<number>;
  annualRevenue?: EnrichedValue<number>;
  country?: EnrichedValue<string>;
  /** Properties known to be set by a person (per property history): never overwritten. */
  knownGood?: string[];
  fallback?: Reason;
}

export interface Classification {
  contentTrack: string;
  objections: string[];
  confidenceBand: ConfidenceBand;
  /** The asset's title, as a rep reads it. */
  nextBestAsset: string;
  /** The asset's id in the track's catalogue (config); an AI may only pick one of those. */
  nextBestAssetId?: string;
  subjectLine: string;
  source: string; // 'rules' | 'openai-compatible' | ...
  fallback?: Reason;
}

export interface NormalizedContact {
  email: string | null;
  hasValidEmail: boolean;
  emailDomain: string | null;
  isFreeMail: boolean;
  companyKey: string | null;
  phoneE164: string | null;
  countryCode: string | null;
  stateCode: string | null;
  persona: Persona;
  seniority: Seniority;
}

export interface Stage<T> {
  value: T;
  reasons: Reason[];
}

export interface ScoreParts {
  /** Each named contribution, in points, so the explanation can cite the main drivers. */
  intent: Record<string, number>;
  fit: Record<string, number>;
}

export interface Scores {
  intent: number; // 0..100
  fit: number; // 0..100
  lead: number; // 0..100
  tier: Tier;
  parts: ScoreParts;
}

export interface LifecycleMove {
  from: string | null;
  to: string | null; // null when no move
  moved: boolean;
}

export interface RouteResult {
  ownerId: string | null;
  method: 'kept' | 'account_match' | 'territory' | 'fallback' | 'none';
  pool?: string;
  changed: boolean;
}

export interface NotifyResult {
  createTask: boolean;
  ownerId: string | null;
  /** The owner is over their throttle: the task is created by a later run. */
  waiting: boolean;
  /** The dedupe key part naming the triggering activity ("demo_request@2026-11-25T09:12:00.000Z"), or null. */
  trigger: string | null;
}

/** A follow-up task; `dedupeKey` names the contact and the activity that triggered it. */
export type SideEffect =
  | { type: 'task'; ownerId: string; subject: string; body: string; dedupeKey: string; trigger: { kind: string; at: string } };

export interface Decision {
  id: string;
  scoringVersion: string;
  decisionKey: string;
  decidedAt: string;
  normalize: Stage<NormalizedContact>;
  enrich: Stage<{ source: string; confidence: number; industry: string | null; employees: number | null }>;
  classify: Stage<Classification>;
  score: Stage<Scores>;
  lifecycle: Stage<LifecycleMove>;
  route: Stage<RouteResult>;
  notify: Stage<NotifyResult>;
  reengagement: Stage<{ flagged: boolean; inactiveDays: number | null; status: ReengagementStatus }>;
  audit: Stage<{ reason: string }>;
  /** Only whitelisted properties, only values that differ from the input, as HubSpot strings. */
  writePlan: Partial<Record<WritableProperty, string>>;
  sideEffects: SideEffect[];
  /** Every stage's reasons in pipeline order. */
  reasons: Reason[];
}
