// Labels a rep reads instead of raw enum values ("it_security", "C_LEVEL",
// "FINANCIAL_SERVICES"). Reasons, history summaries and the card all go through
// here, so the same value always reads the same way. Each label is built once.
import type { Persona, REENGAGEMENT_STATUSES, Seniority, Tier } from './contract.ts';

export const PERSONA_LABELS: Readonly<Record<Persona, string>> = {
  executive: 'Executive', engineering: 'Engineering', it_security: 'IT security', data: 'Data', product: 'Product',
  marketing: 'Marketing', sales: 'Sales', finance: 'Finance', operations: 'Operations', hr: 'HR', student: 'Student', other: 'Other',
};

export const SENIORITY_LABELS: Readonly<Record<Seniority, string>> = {
  c_level: 'C-level', vp: 'VP', director: 'Director', manager: 'Manager', senior: 'Senior', entry: 'Entry level', unknown: 'Unknown seniority',
};

export const TIER_LABELS: Readonly<Record<Tier, string>> = { high: 'High', medium: 'Medium', low: 'Low' };

export const LIFECYCLE_LABELS: Readonly<Record<string, string>> = {
  subscriber: 'Subscriber', lead: 'Lead', marketingqualifiedlead: 'Marketing qualified lead',
  salesqualifiedlead: 'Sales qualified lead', opportunity: 'Opportunity', customer: 'Customer',
  evangelist: 'Evangelist', other: 'Other',
};

export type ReengagementStatus = (typeof REENGAGEMENT_STATUSES)[number];

export const REENGAGEMENT_LABELS: Readonly<Record<ReengagementStatus, string>> = {
  active: 'Active', needs_reengagement: 'Needs re-engagement', customer: 'Customer (not flagged)', unknown: 'No activity data',
};

const HUMANIZED = new Map<string, string>();
const ACRONYMS = new Set(['IT', 'HR', 'VP', 'CEO', 'CTO', 'CFO', 'AI', 'API', 'B2B', 'B2C', 'SAAS', 'ROI', 'US', 'UK', 'EU']);

/**
 * "FINANCIAL_SERVICES" → "Financial services", "it_security" → "IT security",
 * "C level" → "C level": HubSpot and config enum values as a sentence-case label.
 * Text that already has lower-case letters and spaces is kept as written.
 */
export function humanizeEnum(value: string): string {
  let label = HUMANIZED.get(value);
  if (label === undefined) {
    label = humanize(value);
    if (HUMANIZED.size >= 10_000) HUMANIZED.clear();
    HUMANIZED.set(value, label);
  }
  return label;
}

function humanize(value: string): string {
  const trimmed = value.trim().slice(0, 120);
  if (/[a-z]/.test(trimmed) && /\s/.test(trimmed) && !trimmed.includes('_')) return trimmed;
  const words = trimmed.split(/[_\s]+/).filter((w) => w !== '');
  return words.map((w, i) => {
    const upper = w.toUpperCase();
    if (ACRONYMS.has(upper)) return upper === 'SAAS' ? 'SaaS' : upper;
    const lower = w.toLowerCase();
    return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  }).join(' ');
}

export function personaLabel(persona: string): string {
  return (PERSONA_LABELS as Record<string, string>)[persona] ?? humanizeEnum(persona);
}

export function seniorityLabel(seniority: string): string {
  return (SENIORITY_LABELS as Record<string, string>)[seniority] ?? humanizeEnum(seniority);
}

export function lifecycleLabel(stage: string): string {
  return LIFECYCLE_LABELS[stage] ?? humanizeEnum(stage);
}

/** A content track id as a label, from the config's tracks when known. */
export function trackLabel(track: string, tracks?: readonly { id: string; label: string }[]): string {
  return tracks?.find((t) => t.id === track)?.label ?? humanizeEnum(track);
}
