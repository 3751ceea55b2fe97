// The contact property definitions `lead-decisions provision` creates (group lead_decisions).
import { CONFIDENCE_BANDS, PERSONAS, PROPERTY_GROUP, REENGAGEMENT_STATUSES, SENIORITIES, TIERS } from '../core/contract.ts';
import { PERSONA_LABELS, REENGAGEMENT_LABELS, SENIORITY_LABELS } from '../core/labels.ts';
import type { PropertyDefinition } from '../ports.ts';

export const GROUP = { name: PROPERTY_GROUP, label: 'Lead Decisions', displayOrder: -1 };

const titleCase = (s: string) => s.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
const optionsOf = (values: readonly string[], label: (v: string) => string = titleCase) =>
  values.map((value, displayOrder) => ({ label: label(value), value, displayOrder }));


function def(name: string, label: string, type: PropertyDefinition['type'], description: string, options?: PropertyDefinition['options']): PropertyDefinition {
  const fieldType = { string: 'text', number: 'number', enumeration: 'select', datetime: 'date', bool: 'booleancheckbox', phone_number: 'phonenumber' }[type];
  return { name, label, type, fieldType, groupName: PROPERTY_GROUP, description, ...(options ? { options } : {}) };
}

/** Every property the product writes, except `phone`, which is HubSpot's standard property. */
export function contractPropertyDefinitions(tracks: readonly { id: string; label: string }[]): PropertyDefinition[] {
  const bool = [{ label: 'Yes', value: 'true', displayOrder: 0 }, { label: 'No', value: 'false', displayOrder: 1 }];
  return [
    def('intent_score', 'Intent score', 'number', 'Behaviour (0–100): dated page views, forms (weighted by kind), email replies and meetings, each halving with age.'),
    def('fit_score', 'Fit score', 'number', 'Fit (0–100): persona, seniority, company size and industry.'),
    def('lead_score', 'Lead score', 'number', 'Combined score (0–100) of intent and fit.'),
    def('routing_tier', 'Routing tier', 'enumeration', 'high, medium or low, from the lead score thresholds.', optionsOf(TIERS)),
    def('last_decision_reason', 'Last decision reason', 'string', 'One readable line: the tier, what drove it and where the lead was routed.'),
    def('last_decision_at', 'Last decision at', 'datetime', 'When Lead Decisions last changed its decision for this contact.'),
    def('decision_key', 'Decision key', 'string', 'Idempotency key: a hash of what the decision depends on plus the scoring version.'),
    def('scoring_version', 'Scoring version', 'string', 'Rules version and content hash that made the last decision.'),
    def('normalized_company_key', 'Normalized company key', 'string', 'Registrable domain of the company (e.g. acme.com); empty for free-mail-only leads.'),
    def('has_valid_email', 'Has valid email', 'bool', 'Whether the email address is well formed.', bool),
    def('persona', 'Persona', 'enumeration', 'Job function derived from the job title.', optionsOf(PERSONAS, (v) => (PERSONA_LABELS as Record<string, string>)[v] ?? titleCase(v))),
    def('seniority', 'Seniority', 'enumeration', 'Seniority derived from the job title.', optionsOf(SENIORITIES, (v) => (SENIORITY_LABELS as Record<string, string>)[v] ?? titleCase(v))),
    def('country_code', 'Country code', 'string', 'ISO 3166-1 alpha-2 country code.'),
    def('enrichment_confidence', 'Enrichment confidence', 'number', 'Confidence (0–100) in the company facts used for fit.'),
    def('last_enrichment_source', 'Last enrichment source', 'string', 'The provider that supplied the company facts.'),
    def('content_track', 'Content track', 'enumeration', 'The nurture track the classifier picked.', tracks.map((t, i) => ({ label: t.label, value: t.id, displayOrder: i }))),
    def('confidence_band', 'Classification confidence', 'enumeration', 'How sure the classifier was.', optionsOf(CONFIDENCE_BANDS)),
    def('last_ai_classification_at', 'Last AI classification at', 'datetime', 'When an AI classifier (not the rules) last classified this contact.'),
    def('reengagement_status', 'Re-engagement status', 'enumeration', 'Whether the contact has gone quiet for longer than the config allows (customers are never flagged).',
      optionsOf(REENGAGEMENT_STATUSES, (v) => (REENGAGEMENT_LABELS as Record<string, string>)[v] ?? titleCase(v))),
    def('next_best_asset_id', 'Next best asset', 'string', 'Id of the asset to send next, from the content track’s asset catalogue in the config.'),
  ];
}
