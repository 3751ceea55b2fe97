// The names other tools, the card and the tests rely on (see DESIGN.md "Contract").
// The card keeps its own copy in src/app/cards/contract.ts; a test keeps them identical.

export const PROPERTY_GROUP = 'lead_decisions';

export const TIERS = ['high', 'medium', 'low'] as const;
export type Tier = (typeof TIERS)[number];

export const CONFIDENCE_BANDS = ['high', 'medium', 'low'] as const;
export type ConfidenceBand = (typeof CONFIDENCE_BANDS)[number];

export const PERSONAS = [
  'executive', 'engineering', 'it_security', 'data', 'product', 'marketing',
  'sales', 'finance', 'operations', 'hr', 'student', 'other',
] as const;
export type Persona = (typeof PERSONAS)[number];

export const SENIORITIES = ['c_level', 'vp', 'director', 'manager', 'senior', 'entry', 'unknown'] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** Contact properties this product owns or rewrites, in the order the contract lists them. */
export const CONTRACT_PROPERTIES = [
  'intent_score', 'fit_score', 'lead_score', 'routing_tier',
  'last_decision_reason', 'last_decision_at', 'decision_key', 'scoring_version',
  'normalized_company_key', 'has_valid_email', 'persona', 'seniority', 'country_code', 'phone',
  'enrichment_confidence', 'last_enrichment_source',
  'content_track', 'confidence_band', 'last_ai_classification_at',
  'reengagement_status', 'next_best_asset_id',
] as const;
export type ContractProperty = (typeof CONTRACT_PROPERTIES)[number];

/**
 * Standard HubSpot properties the pipeline may also move: the lifecycle stage
 * (forward only) and the owner (routing). Together with the contract
 * properties they form the write whitelist; nothing else is ever written.
 */
export const STANDARD_WRITABLE_PROPERTIES = ['lifecyclestage', 'hubspot_owner_id'] as const;
export type StandardWritableProperty = (typeof STANDARD_WRITABLE_PROPERTIES)[number];

export const WRITABLE_PROPERTIES = [...CONTRACT_PROPERTIES, ...STANDARD_WRITABLE_PROPERTIES] as const;
export type WritableProperty = (typeof WRITABLE_PROPERTIES)[number];

/** Audit fields: rewritten only when the decision itself changed (decision_key differs). */
export const AUDIT_PROPERTIES = ['last_decision_reason', 'last_decision_at', 'decision_key', 'scoring_version'] as const;

export const MAX_REASON_LENGTH = 500;

/** Values of the reengagement_status enumeration (labels in lib/core/labels.ts). */
export const REENGAGEMENT_STATUSES = ['active', 'needs_reengagement', 'customer', 'unknown'] as const;

/** Contact properties the engine reads (what a gateway must fetch). */
export const CONTACT_INPUT_PROPERTIES = [
  'email', 'firstname', 'lastname', 'phone', 'mobilephone', 'country', 'state', 'city', 'jobtitle',
  'company', 'website', 'lifecyclestage', 'hubspot_owner_id', 'hs_lead_status',
  'hs_analytics_num_page_views', 'num_conversion_events', 'hs_analytics_last_visit_timestamp',
  'recent_conversion_date', 'notes_last_contacted', 'hs_last_sales_activity_timestamp',
  'hs_email_domain', 'hs_analytics_source', 'createdate', 'lastmodifieddate',
  'message', 'hs_content_membership_notes', 'recent_conversion_event_name', 'industry', 'numemployees',
  ...CONTRACT_PROPERTIES,
] as const;

/** Company properties the engine reads. */
export const COMPANY_INPUT_PROPERTIES = [
  'domain', 'website', 'name', 'industry', 'numberofemployees', 'annualrevenue', 'country', 'state',
  'hubspot_owner_id',
] as const;
