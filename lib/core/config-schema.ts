// The rules-as-code schema for config/decisions.json. Every cross-reference
// (track ids, forward-only lifecycle rules) is checked here so the engine can
// trust the config it is given. The team (owners, pools, territories) lives
// apart in config/team.json: see team-schema.ts.
import { z } from 'zod';
import { PERSONAS, SENIORITIES, TIERS } from './contract.ts';
import { INDUSTRY_SECTORS, INDUSTRY_VALUES, industryKey, isKnownIndustry, nearestName } from './industries.ts';
import { FUNNEL_STAGES } from './lifecycle-stages.ts';

const Points = z.number().min(-100).max(100);
const Id = z.string().min(1).max(64);
const Keyword = z.string().min(2).max(60);

export const SIGNALS = ['page_view', 'form', 'email_click', 'email_reply', 'meeting'] as const;
export type Signal = (typeof SIGNALS)[number];

const SignalRule = z.strictObject({
  points: z.number().min(0).max(100).describe('Points for one such event today, before decay and diminishing returns'),
  halfLifeDays: z.number().positive().max(3650).describe('Days after which an event of this kind is worth half'),
});

const ConversionRule = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use snake_case ids'),
  label: z.string().min(1).max(60).describe('How a rep reads one such conversion ("demo request")'),
  keywords: z.array(z.string().min(2).max(60)).min(1).describe('Words in the conversion (form) name that identify it, lower case'),
  points: z.number().min(0).max(100).describe('Points for one such conversion today (instead of the form default)'),
  highIntent: z.boolean().describe('A new one of these notifies the owner'),
});

const ScoringSchema = z.strictObject({
  weights: z.strictObject({
    intent: z.number().min(0).max(1).describe('Share of intent in lead_score'),
    fit: z.number().min(0).max(1).describe('Share of fit in lead_score'),
  }).refine((w) => Math.abs(w.intent + w.fit - 1) < 1e-9, { message: 'intent + fit must add up to 1' }),
  tiers: z.strictObject({
    high: z.int().min(0).max(100).describe('lead_score at or above this is tier high'),
    medium: z.int().min(0).max(100).describe('lead_score at or above this (and below high) is tier medium'),
  }).refine((t) => t.high > t.medium, { message: 'high must be greater than medium' }),
  intent: z.strictObject({
    signals: z.strictObject(Object.fromEntries(SIGNALS.map((k) => [k, SignalRule])) as Record<Signal, typeof SignalRule>)
      .describe('Points and half-life per kind of dated activity; "form" is the default for conversions no rule names'),
    conversions: z.array(ConversionRule).describe('Conversion (form) names mapped to weights; the first rule whose keyword the name contains wins'),
    maxPoints: z.number().min(1).max(100).describe('Intent approaches this as activity grows: maxPoints × (1 − e^(−raw / saturationPoints))'),
    saturationPoints: z.number().positive().max(10_000).describe('Raw points at which intent reaches 63% of maxPoints (diminishing returns, no hard cap)'),
  }),
  fit: z.strictObject({
    persona: z.partialRecord(z.enum(PERSONAS), Points).describe('Points per persona'),
    seniority: z.partialRecord(z.enum(SENIORITIES), Points).describe('Points per seniority'),
    industry: z.record(z.string().min(1), Points).describe('Per-industry overrides of the sector points (HubSpot industry value such as COMPUTER_SOFTWARE, matched case-insensitively; unknown values are rejected)'),
    industrySectors: z.record(z.string().min(1), Points).default({})
      .describe(`Points per industry sector (${INDUSTRY_SECTORS.join(', ')}); see lib/core/industries.ts for which HubSpot industries each holds`),
    freeMail: Points.default(-5).describe('Points when the email is a free-mail address (gmail.com, web.de…): a small fit signal, not a gate'),
    unknownIndustry: Points.describe('Points when the industry is unknown'),
    companySize: z.array(z.strictObject({ minEmployees: z.int().min(0), points: Points })).min(1)
      .describe('Size bands; the band with the largest minEmployees not above the head count wins'),
    unknownCompanySize: Points.describe('Points when the head count is unknown'),
  }),
});

const TierCap = z.enum(TIERS);

const DataQualitySchema = z.strictObject({
  disposableEmailMaxTier: TierCap.describe('Highest tier for a disposable-mail address (mailinator.com…)'),
  roleAccountMaxTier: TierCap.describe('Highest tier for a role account (info@, sales@, noreply@…)'),
  roleAccounts: z.array(z.string().regex(/^[a-z0-9._+-]+$/, 'lower-case local parts, like "info"')).describe('Local parts (before the @) that name a role, not a person'),
  blockingLeadStatuses: z.array(z.string().min(1).max(60)).describe('hs_lead_status values that block lifecycle promotion (matched case-insensitively)'),
});

/** Role-account local parts used when the config names none (shared inboxes, not people). */
export const DEFAULT_ROLE_ACCOUNTS = [
  'info', 'sales', 'support', 'admin', 'administrator', 'noreply', 'no-reply', 'no_reply', 'donotreply', 'do-not-reply', 'contact',
  'hello', 'office', 'marketing', 'billing', 'accounts', 'accounting', 'hr', 'jobs', 'careers', 'team', 'help', 'webmaster',
  'postmaster', 'hostmaster', 'abuse', 'security', 'privacy', 'legal', 'press', 'media', 'enquiries', 'inquiries', 'service',
  'kontakt', 'vertrieb', 'buero', 'bureau', 'contacto', 'ventas', 'mail', 'email', 'newsletter', 'feedback', 'it', 'dev', 'ops',
] as const;

const DEFAULT_DATA_QUALITY: z.input<typeof DataQualitySchema> = {
  disposableEmailMaxTier: 'low', roleAccountMaxTier: 'medium', roleAccounts: [...DEFAULT_ROLE_ACCOUNTS],
  blockingLeadStatuses: ['UNQUALIFIED', 'BAD_TIMING'],
};

const EnrichmentSchema = z.strictObject({
  crmConfidence: z.int().min(0).max(100).describe('Confidence given to a non-empty company-record value'),
  contactConfidence: z.int().min(0).max(100).describe('Confidence given to a value typed on the contact (industry, numemployees)'),
});

const TrackSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use snake_case ids'),
  label: z.string().min(1),
  personas: z.array(z.enum(PERSONAS)).describe('Personas this track speaks to'),
  industries: z.array(z.string().min(1)).describe('Industries this track speaks to'),
  keywords: z.array(Keyword).describe('Words in the free text that point to this track (any language, lower case)'),
  assets: z.array(z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case ids like roi-calculator').max(64),
    title: z.string().min(1).max(120),
  })).min(1).describe('The asset catalogue of this track: the first is the default; an AI classifier may only pick ids from it'),
  subject: z.string().min(1).max(120).describe('Suggested email subject line'),
});

const ClassificationSchema = z.strictObject({
  tracks: z.array(TrackSchema).min(1),
  defaultTrack: Id.describe('Track used when nothing matches'),
  customerTrack: Id.optional().describe('Track for customers and evangelists, if any'),
  objections: z.array(z.strictObject({ id: Id, keywords: z.array(Keyword).min(1) })),
  engagedPageViews: z.int().min(0).describe('Page views that count as a signal of active research'),
});

const StageOrNone = z.enum([...FUNNEL_STAGES, 'none']);

const LifecycleSchema = z.strictObject({
  transitions: z.array(z.strictObject({
    tier: z.enum(TIERS),
    from: z.array(StageOrNone).min(1).describe('Current stages this rule moves ("none" = empty)'),
    to: z.enum(FUNNEL_STAGES),
  })),
});

const NotifySchema = z.strictObject({
  tiers: z.array(z.enum(TIERS)).describe('Tiers that create a task for the owner'),
  maxTasksPerOwner: z.int().min(0).describe('Throttle: tasks per owner inside the throttle window'),
  throttleWindowHours: z.number().positive(),
  dedupeWindowHours: z.number().min(0).describe('No second task for the same contact inside this window'),
  highIntentSignals: z.array(z.enum(SIGNALS)).describe('Kinds of activity that notify the owner when new (plus conversions marked highIntent)'),
  freshActivityDays: z.number().positive().max(365).describe('Only activity at most this old can trigger a task'),
});

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, 'use a version like 2026.11.1').max(40),
  scoring: ScoringSchema,
  enrichment: EnrichmentSchema,
  classification: ClassificationSchema,
  lifecycle: LifecycleSchema,
  notify: NotifySchema,
  dataQuality: DataQualitySchema.default(DEFAULT_DATA_QUALITY).describe('Data-quality gates: disposable mail, role accounts, blocking lead statuses'),
  reengagement: z.strictObject({
    inactiveDays: z.int().positive().describe('Days without activity after which a non-customer is flagged'),
  }),
}).superRefine(checkReferences);

type RawConfig = z.output<typeof ConfigSchema>;

function checkReferences(c: Omit<RawConfig, never>, ctx: z.RefinementCtx): void {
  const tracks = new Set(c.classification.tracks.map((t) => t.id));
  const issue = (path: (string | number)[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
  const conversions = new Set(c.scoring.intent.conversions.map((r) => r.id));
  if (conversions.size !== c.scoring.intent.conversions.length) issue(['scoring', 'intent', 'conversions'], 'conversion ids must be unique');
  c.classification.tracks.forEach((t, i) => {
    const ids = new Set(t.assets.map((a) => a.id));
    if (ids.size !== t.assets.length) issue(['classification', 'tracks', i, 'assets'], 'asset ids must be unique within a track');
  });
  if (tracks.size !== c.classification.tracks.length) issue(['classification', 'tracks'], 'track ids must be unique');
  if (!tracks.has(c.classification.defaultTrack)) issue(['classification', 'defaultTrack'], `unknown track "${c.classification.defaultTrack}"`);
  const customer = c.classification.customerTrack;
  if (customer !== undefined && !tracks.has(customer)) issue(['classification', 'customerTrack'], `unknown track "${customer}"`);
  checkIndustries(c.scoring.fit, c.classification.tracks, issue);
  c.lifecycle.transitions.forEach((t, i) => t.from.forEach((from, j) => {
    const a = from === 'none' ? -1 : FUNNEL_STAGES.indexOf(from);
    if (FUNNEL_STAGES.indexOf(t.to) <= a) issue(['lifecycle', 'transitions', i, 'from', j], `${from} → ${t.to} would move backward (or stay); lifecycle only moves forward`);
  }));
}

/** Misspelled industry or sector keys would silently score as unknown: reject them with the nearest valid name. */
function checkIndustries(fit: RawConfig['scoring']['fit'], tracks: RawConfig['classification']['tracks'], issue: (path: (string | number)[], message: string) => void): void {
  for (const key of Object.keys(fit.industry)) {
    if (!isKnownIndustry(key)) {
      const near = nearestName(industryKey(key), INDUSTRY_VALUES);
      issue(['scoring', 'fit', 'industry', key], `"${key}" is not a HubSpot industry value${near ? `; did you mean "${near}"?` : ''}`);
    }
  }
  tracks.forEach((t, i) => t.industries.forEach((value, j) => {
    if (!isKnownIndustry(value)) issue(['classification', 'tracks', i, 'industries', j], `"${value}" is not a HubSpot industry value; did you mean "${nearestName(industryKey(value), INDUSTRY_VALUES) ?? ''}"?`);
  }));
  for (const key of Object.keys(fit.industrySectors)) {
    if (!(INDUSTRY_SECTORS as readonly string[]).includes(key)) {
      const near = nearestName(key, INDUSTRY_SECTORS);
      issue(['scoring', 'fit', 'industrySectors', key], `"${key}" is not an industry sector${near ? `; did you mean "${near}"?` : ''}`);
    }
  }
}
