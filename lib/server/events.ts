// The webhook body, parsed once at the edge: an array of at most 100 events. Only contact
// events matter here; others are acknowledged and ignored.
import { z } from 'zod';
import { WRITABLE_PROPERTIES } from '../core/contract.ts';

const Id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);

export const WebhookEventSchema = z.object({
  eventId: Id,
  subscriptionId: Id.optional(),
  portalId: Id.optional(),
  appId: Id.optional(),
  occurredAt: z.number().int().nonnegative(),
  subscriptionType: z.string().min(1).max(100),
  attemptNumber: z.number().int().nonnegative().optional(),
  objectId: Id,
  objectTypeId: z.string().max(20).optional(),
  propertyName: z.string().max(200).optional(),
  propertyValue: z.string().max(65_536).nullable().optional(),
  changeSource: z.string().max(100).optional(),
}).loose();

export const WebhookBatchSchema = z.array(WebhookEventSchema).max(100);

export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

/** A contact change the queue records: who, what, when, and the identity that dedupes it. */
export interface ContactChange {
  /** Composite identity: eventId alone is not unique in HubSpot's deliveries. */
  key: string;
  contactId: string;
  /** The property that changed; '' for a creation. */
  property: string;
  occurredAt: number;
}

const CONTACT_TYPES = /^(contact\.|object\.)/;

export function isContactEvent(e: WebhookEvent): boolean {
  if (!CONTACT_TYPES.test(e.subscriptionType)) return false;
  // crmObjects events name the object type; legacy `contact.*` ones do not.
  return e.subscriptionType.startsWith('contact.') || e.objectTypeId === '0-1';
}

// What decisions write (our properties, the lifecycle stage, the owner): a change to them is
// most likely the echo of a decision (ours, or the card's Re-score), never a reason for another.
const OWN_OUTPUTS: ReadonlySet<string> = new Set(WRITABLE_PROPERTIES);

/** Only creations and property changes of inputs lead to a re-score (deletions and merges do not). */
export function toContactChange(e: WebhookEvent): ContactChange | null {
  if (!isContactEvent(e)) return null;
  const kind = e.subscriptionType.split('.')[1] ?? '';
  if (kind !== 'creation' && kind !== 'propertyChange') return null;
  const property = kind === 'creation' ? '' : (e.propertyName ?? '');
  if (OWN_OUTPUTS.has(property)) return null;
  const key = [e.portalId ?? '', e.subscriptionId ?? '', e.subscriptionType, e.eventId, e.objectId, property, e.occurredAt].join('|');
  return { key, contactId: e.objectId, property, occurredAt: e.occurredAt };
}
