// The decision returned if a stage ever failed unexpectedly: writes nothing,
// creates nothing, and says so. Keeps `decide` total.
import type { Config } from './config.ts';
import type { Decision, DecisionInput, Reason } from './types.ts';

export function safeDecision(input: DecisionInput, config: Config, now: Date, err: unknown): Decision {
  const ms = now instanceof Date && Number.isFinite(now.getTime()) ? now.getTime() : 0;
  const raw = (input as { id?: unknown } | null | undefined)?.id;
  const id = typeof raw === 'string' ? raw.slice(0, 200) : typeof raw === 'number' ? String(raw) : '';
  const detail = err instanceof Error ? err.message.slice(0, 200) : 'unknown error';
  const reason: Reason = { code: 'decide_failed', message: `This contact could not be decided (${detail}), so nothing was written.` };
  const stage = <T>(value: T) => ({ value, reasons: [] as Reason[] });
  return {
    id, scoringVersion: config.scoringVersion, decisionKey: '', decidedAt: new Date(ms).toISOString(),
    normalize: stage({ email: null, hasValidEmail: false, emailDomain: null, isFreeMail: false, companyKey: null, phoneE164: null, countryCode: null, stateCode: null, persona: 'other', seniority: 'unknown' }),
    enrich: stage({ source: 'none', confidence: 0, industry: null, employees: null }),
    classify: stage({ contentTrack: config.classification.defaultTrack, objections: [], confidenceBand: 'low', nextBestAsset: '', subjectLine: '', source: 'none' }),
    score: stage({ intent: 0, fit: 0, lead: 0, tier: 'low', parts: { intent: {}, fit: {} } }),
    lifecycle: stage({ from: null, to: null, moved: false }),
    route: stage({ ownerId: null, method: 'none', changed: false }),
    notify: stage({ createTask: false, ownerId: null, waiting: false, trigger: null }),
    reengagement: stage({ flagged: false, inactiveDays: null, status: 'unknown' as const }),
    audit: { value: { reason: reason.message }, reasons: [reason] },
    writePlan: {}, sideEffects: [], reasons: [reason],
  };
}
