// Custom code action `decide_and_write`: reads the enrolled contact (and its company and tasks)
// from HubSpot, decides, writes the decision like the card's Re-score, and returns it as outputs.
// Secret: HUBSPOT_ACCESS_TOKEN (a private app token with the CRM scopes, docs/custom-code/decide_and_write.md).
// Failure policy: 429, 5xx, timeouts and network failures are thrown so HubSpot retries the
// action (for up to three days; every write is safe to repeat); any other failure (no token,
// 401/403, a deleted contact, a 400) answers the safe default route with the reason.
import type { Config } from '../core/config.ts';
import type { Reason } from '../core/types.ts';
import { CrmError, NotFoundError, RateLimitError } from '../errors.ts';
import { coreRulesClassify, createRulesClassifier } from '../adapters/ai/rules.ts';
import { HUBSPOT_COMPANY_SOURCE } from '../adapters/enrichment/hubspot-company.ts';
import { rescoreContact, type RescoreSuccess } from '../services/rescore.ts';
import { bundledConfig } from './bundled-config.ts';
import { inputsOf, objectIdOf, reasonText } from './event.ts';
import { createFetchGateway } from './fetch-gateway.ts';
import { safeDefaultOutputs, type DecisionOutputs } from './outputs.ts';

export const DEFAULT_BASE_URL = 'https://api.hubapi.com';
/** Per HubSpot request: four sequential round trips stay well inside the action's 20 s. */
export const REQUEST_TIMEOUT_MS = 4_000;

export type DecideAndWriteOutputs = DecisionOutputs & {
  contact_id: string;
  /** True when a property was written or a task created. */
  changed: boolean;
  task_created: boolean;
};

export type Env = Record<string, string | undefined>;

/** Thrown for 429/5xx/timeouts: HubSpot retries a custom code action that fails this way. */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
  /** The HTTP status HubSpot's retry logic looks for; timeouts and network failures count as 503. */
  readonly statusCode: number;
  constructor(message: string, statusCode: number) {
    super(message);
    this.statusCode = statusCode;
  }
}

export async function decideAndWrite(event: unknown, env: Env, config: Config, now: () => Date = () => new Date()): Promise<DecideAndWriteOutputs> {
  const fallback = (contactId: string, reason: Reason): DecideAndWriteOutputs =>
    ({ ...safeDefaultOutputs(config, reason, now().getTime()), contact_id: contactId, changed: false, task_created: false });
  const inputs = inputsOf(event);
  const contactId = objectIdOf(event) ?? objectIdOf({ object: { objectId: inputs['hs_object_id'] ?? inputs['contact_id'] } });
  if (!contactId) return fallback('', { code: 'contact_missing', message: 'The action ran without a contact id (enroll contacts, or map hs_object_id), so nothing was decided.' });
  const accessToken = env['HUBSPOT_ACCESS_TOKEN']?.trim() || env['PRIVATE_APP_ACCESS_TOKEN']?.trim();
  if (!accessToken) return fallback(contactId, { code: 'token_missing', message: 'The secret HUBSPOT_ACCESS_TOKEN is not set on this action, so nothing was read or written.' });

  const crm = createFetchGateway({ accessToken, baseUrl: env['HUBSPOT_BASE_URL']?.trim() || DEFAULT_BASE_URL, timeoutMs: REQUEST_TIMEOUT_MS, now });
  let result: RescoreSuccess;
  try {
    result = await rescoreContact(contactId, {
      crm,
      // The company facts come from the company already read (no extra call); no outside provider.
      enrichment: { id: HUBSPOT_COMPANY_SOURCE, lookup: async () => null },
      ai: createRulesClassifier(coreRulesClassify(config)),
      config,
      clock: { now },
    });
  } catch (error) {
    const retry = retryStatus(error);
    if (retry !== null) throw new RetryLaterError(`${(error as Error).message} (HubSpot retries this action)`, retry);
    return fallback(contactId, failureReason(error));
  }
  const d = result.decision;
  const stage = result.changes.find((c) => c.property === 'lifecyclestage')?.to ?? '';
  return {
    routing_tier: d.tier,
    intent_score: d.intentScore,
    fit_score: d.fitScore,
    lead_score: d.leadScore,
    owner_id: result.ownerId ?? '',
    content_track: d.contentTrack,
    last_decision_reason: reasonText({ code: 'decided', message: d.reason }),
    reason_code: 'decided',
    lifecycle_stage: stage,
    decided_at: Date.parse(d.decidedAt) || now().getTime(),
    is_safe_default: false,
    contact_id: contactId,
    changed: result.changed,
    task_created: result.taskCreated,
  };
}

/** The status to rethrow with, or null when a retry would not help. */
function retryStatus(error: unknown): number | null {
  if (error instanceof RateLimitError) return 429;
  if (!(error instanceof CrmError)) return null;
  if (error.status === undefined) return 503; // timeout or network: HubSpot did not answer
  return error.status >= 500 ? error.status : null;
}

function failureReason(error: unknown): Reason {
  if (error instanceof NotFoundError) return { code: 'contact_not_found', message: 'This contact no longer exists in HubSpot, so nothing was decided.' };
  if (error instanceof CrmError && (error.status === 401 || error.status === 403)) {
    return { code: 'hubspot_refused', message: `HubSpot refused the token (${error.status}): check the HUBSPOT_ACCESS_TOKEN secret and its CRM scopes. Nothing was written.` };
  }
  const detail = error instanceof Error ? error.message : 'unknown error';
  return { code: 'decide_failed', message: `This contact could not be decided (${detail}), so it takes the safe default route (low).` };
}

export const main = async (event: unknown): Promise<{ outputFields: DecideAndWriteOutputs }> =>
  ({ outputFields: await decideAndWrite(event, process.env, bundledConfig()) });
