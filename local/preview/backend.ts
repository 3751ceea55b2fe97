// What the preview host needs from the outside world. `lead-decisions dev` backs it
// with the CRM emulator and the real app functions; tests back it with an in-memory fake.
import { z } from 'zod';

export interface PreviewContact {
  id: string;
  name: string;
  email: string | null;
  tier: string | null;
  leadScore: number | null;
}

export const TIER_FILTERS = ['high', 'medium', 'low', 'unscored'] as const;
export type TierFilter = (typeof TIER_FILTERS)[number];
export const LIST_SORTS = ['score', 'newest'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** One page of the contact list: a text query (or "Contact 2620"), a tier filter, a sort, and where to continue. */
export interface ContactListRequest { q: string; tier?: TierFilter; sort: ListSort; limit: number; after?: string }
export interface ContactListPage { contacts: PreviewContact[]; total: number; after?: string }

export interface PreviewBackend {
  listContacts(request: ContactListRequest): Promise<ContactListPage>;
  getContactProperties(id: string, names: string[]): Promise<Record<string, string | null>>;
  /** Runs an app function as HubSpot would and returns its return value. */
  runFunction(name: string, parameters: Record<string, unknown>, contactId: string): Promise<unknown>;
  /**
   * Sandbox only: records activity on the contact as HubSpot's tracking would (the
   * behaviour properties are read-only through the API). The page offers the
   * "Simulate activity" control only when the backend has this method.
   */
  simulateActivity?(contactId: string, kind: ActivityKind): Promise<ActivityCounts>;
  /**
   * Sandbox with `serve` beside the emulator: a change to the contact is re-scored by the
   * webhooks, so after simulated activity the page re-reads the card instead of asking for Re-score.
   */
  readonly autoRescore?: boolean;
  /**
   * With autoRescore: true once every change recorded so far has reached `serve` and been re-scored
   * (nothing waits in the webhook sender or in serve's queue), so the page knows when to stop re-reading.
   */
  rescoreSettled?(): Promise<boolean>;
}

/** runFunction was asked for a function the app does not have: the preview answers 404. */
export class UnknownFunctionError extends Error {
  override readonly name: string = 'UnknownFunctionError';
}

export const ACTIVITY_KINDS = ['page_views', 'form_submission'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
/** One "page views" step is a visit of this many pages; one form submission is one. */
export const PAGE_VIEWS_PER_VISIT = 5;

/** The contact's counters after the activity was recorded. */
export interface ActivityCounts { pageViews: number; formSubmissions: number }

// Request bodies of the page's JSON API (the page is ours, but parse at the edge anyway).
export const ListQuerySchema = z.object({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  tier: z.enum(TIER_FILTERS).optional(),
  sort: z.enum(LIST_SORTS).default('score'),
  after: z.string().regex(/^\d{1,9}$/).optional(),
});

/** The id a placeholder name such as "Contact 2620" (shown for contacts without a name) stands for. */
export function placeholderId(query: string): string | null {
  const m = /^\s*(?:contact\s*#?\s*)?(\d{1,18})\s*$/i.exec(query);
  return m ? m[1]! : null;
}

export const PropertiesRequestSchema = z.object({
  names: z.array(z.string().regex(/^[a-z0-9_]{1,100}$/i)).min(1).max(200),
});

export const FunctionRequestSchema = z.object({
  contactId: z.string().min(1).max(40),
  parameters: z.record(z.string(), z.unknown()).default({}),
});

export const ActivityRequestSchema = z.object({ kind: z.enum(ACTIVITY_KINDS) }).strict();

export const FUNCTION_NAME = /^[a-z][a-z0-9_]{0,63}$/;
export const CONTACT_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** useCrmProperties rejects anything but strings and null ("Invalid response format"). */
export function asPropertyStrings(names: string[], values: Record<string, unknown>): Record<string, string | null> {
  return Object.fromEntries(names.map((name) => {
    const value = values[name];
    if (value === null || value === undefined) return [name, null];
    return [name, typeof value === 'string' ? value : String(value)];
  }));
}
