// A webhook storm as HubSpot could deliver it: page-view changes of many contacts, 30% of the
// events delivered twice (redeliveries with a higher attemptNumber, in later batches), all of
// them reordered, and 5% of the deliveries forged (wrong secret) for contacts nothing else
// touches. Seeded, so a failure replays exactly.
import { createRng, type Rng } from '../../local/emulator/prng.ts';
import { webhookSignatureV3 } from '../../local/emulator/webhooks.ts';

export const SECRET = 'storm-client-secret';
export const PUBLIC_URL = 'https://leads.example.test';
export const WEBHOOK_URI = `${PUBLIC_URL}/webhooks/hubspot`;

export interface StormEvent {
  eventId: number; subscriptionId: number; portalId: number; appId: number; occurredAt: number;
  subscriptionType: string; attemptNumber: number; objectId: number; objectTypeId: string;
  propertyName: string; propertyValue: string; changeSource: string;
}

export interface Delivery { events: StormEvent[]; forged: boolean }

export interface Storm {
  deliveries: Delivery[];
  /** Distinct events in validly signed deliveries. */
  uniqueEvents: number;
  /** Extra copies of valid events. */
  copies: number;
  /** The newest page-view count per contact: what the CRM holds. */
  finalPageViews: Map<string, number>;
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export function buildStorm(o: { contacts: readonly string[]; forgedContacts: readonly string[]; events: number; startAt: number; seed: number }): Storm {
  const rng = createRng(o.seed);
  const counts = new Map<string, number>();
  const unique: StormEvent[] = [];
  for (let i = 0; i < o.events; i++) {
    const contact = o.contacts[i % o.contacts.length]!;
    const views = (counts.get(contact) ?? 0) + 1;
    counts.set(contact, views);
    unique.push({
      eventId: 10_000 + i, subscriptionId: 101, portalId: 1_000_001, appId: 2_000_001, occurredAt: o.startAt + i * 10,
      subscriptionType: 'object.propertyChange', attemptNumber: 0, objectId: Number(contact), objectTypeId: '0-1',
      propertyName: 'hs_analytics_num_page_views', propertyValue: String(views), changeSource: 'ANALYTICS',
    });
  }
  const copies = unique.filter(() => rng() < 0.3).map((e) => ({ ...e, attemptNumber: 1 }));
  const all = shuffle(rng, [...unique, ...copies]);
  const deliveries: Delivery[] = [];
  for (let i = 0; i < all.length;) {
    const size = 20 + Math.floor(rng() * 81);
    deliveries.push({ events: all.slice(i, i + size), forged: false });
    i += size;
  }
  const forgedCount = Math.max(1, Math.round(deliveries.length * 0.05 / 0.95));
  for (let f = 0; f < forgedCount; f++) {
    const events = o.forgedContacts.map((id, k) => ({ ...unique[0]!, eventId: 90_000 + f * 100 + k, objectId: Number(id), propertyValue: '999' }));
    deliveries.splice(Math.floor(rng() * deliveries.length), 0, { events, forged: true });
  }
  return { deliveries, uniqueEvents: unique.length, copies: copies.length, finalPageViews: counts };
}

/** POSTs a delivery signed as HubSpot would (forged ones with the wrong secret); returns the status. */
export async function deliver(baseUrl: string, d: Delivery, now = Date.now()): Promise<number> {
  const body = JSON.stringify(d.events);
  const signature = webhookSignatureV3(d.forged ? 'not-the-secret' : SECRET, 'POST', WEBHOOK_URI, body, now);
  const res = await fetch(`${baseUrl}/webhooks/hubspot`, {
    method: 'POST', body,
    headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': String(now) },
  });
  await res.arrayBuffer();
  return res.status;
}

/** Sends every delivery, `parallel` at a time, as HubSpot's maxConcurrentRequests would. */
export async function deliverAll(targets: readonly string[], deliveries: readonly Delivery[], parallel = 4, now?: () => number): Promise<number[]> {
  const statuses: number[] = new Array<number>(deliveries.length);
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    for (let i = next++; i < deliveries.length; i = next++) statuses[i] = await deliver(targets[i % targets.length]!, deliveries[i]!, now?.());
  }));
  return statuses;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A counter or gauge from a Prometheus text page. */
export function metric(text: string, name: string): number {
  const m = new RegExp(`^lead_decisions_${name} (\\S+)$`, 'm').exec(text);
  if (!m) throw new Error(`no metric ${name}`);
  return Number(m[1]);
}
