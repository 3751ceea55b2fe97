// What every app function shares: parameters parsed once at the edge, adapters from the
// environment, and errors turned into a reply the card can show (never a secret).
import { z } from 'zod';
import defaultConfigJson from '../../config/decisions.json' with { type: 'json' };
import defaultTeamJson from '../../config/team.json' with { type: 'json' };
import { parseConfig, type Config } from '../core/config.ts';
import { AdapterConfigError, CrmError, MissingTokenError, NOT_PROVISIONED, NotFoundError, NotProvisionedError, RateLimitError } from '../errors.ts';
import { safeMessage, secretsFromEnv } from '../redact.ts';

export type Env = Record<string, string | undefined>;

/** What HubSpot passes to an app function (only the parts we use). */
export interface FunctionContext {
  parameters?: Record<string, unknown>;
  propertiesToSend?: Record<string, unknown>;
}

export type FunctionError = { code: 'not_found' | 'rate_limited' | 'missing_token' | 'invalid_input' | 'crm_error' | 'internal'; message: string };

const NOT_AN_ID = 'contactId must be a HubSpot record id (digits)';
// The same sentence for a wrong type (an object, a boolean): zod's default text is not for a card.
const ContactIdSchema = z.string({ error: NOT_AN_ID }).trim().regex(/^\d{1,20}$/, NOT_AN_ID);

/** The contact id from `parameters.contactId`, else the record the card sits on (`propertiesToSend.hs_object_id`). */
export function contactIdOf(context: FunctionContext): { ok: true; id: string } | { ok: false; error: FunctionError } {
  const raw = context?.parameters?.['contactId'] ?? context?.propertiesToSend?.['hs_object_id'];
  const parsed = ContactIdSchema.safeParse(typeof raw === 'number' ? String(raw) : raw);
  if (parsed.success) return { ok: true, id: parsed.data };
  return { ok: false, error: { code: 'invalid_input', message: raw === undefined ? 'No contactId was passed to the function.' : parsed.error.issues[0]!.message } };
}

let bundledConfig: Config | null = null;
/** The rules and the team the function was bundled with (config/decisions.json and config/team.json at build time). */
export function functionConfig(): Config {
  if (bundledConfig) return bundledConfig;
  const parsed = parseConfig(defaultConfigJson, 'config/decisions.json', { json: defaultTeamJson, fileName: 'config/team.json' });
  if (!parsed.ok) throw new Error(parsed.message);
  bundledConfig = parsed.config;
  return bundledConfig;
}

/**
 * An error as the card shows it: one line, every secret of the environment redacted before the
 * line is cut (lib/redact.ts), so nothing of a token ever reaches the card or the function log.
 */
export function toFunctionError(error: unknown, env: Env = process.env): FunctionError {
  const secrets = secretsFromEnv(env);
  if (error instanceof MissingTokenError) return { code: 'missing_token', message: error.message };
  if (error instanceof AdapterConfigError && /TOKEN$/.test(error.variable)) return { code: 'missing_token', message: safeMessage(error, secrets) };
  if (error instanceof NotFoundError) return { code: 'not_found', message: 'This contact no longer exists in HubSpot.' };
  if (error instanceof RateLimitError) return { code: 'rate_limited', message: 'HubSpot is rate-limiting requests and the retries ran out; try again in a minute.' };
  if (error instanceof NotProvisionedError) return { code: 'crm_error', message: `${NOT_PROVISIONED[0]!.toUpperCase()}${NOT_PROVISIONED.slice(1)}.` };
  if (error instanceof CrmError) return { code: 'crm_error', message: safeMessage(error, secrets) };
  return { code: 'internal', message: `Lead Decisions failed: ${error instanceof Error ? safeMessage(error, secrets) : 'unknown error'}` };
}
