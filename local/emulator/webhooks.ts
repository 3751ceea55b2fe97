// HubSpot's webhook deliveries, emulated: contact creations and property changes in the store
// become signed (v3) POSTs of ≤ 100 events to a target URL, with HubSpot's bad habits on demand
// (duplicates, reordering, delay, redelivery with a higher attemptNumber) and its retries on a
// non-2xx answer. Signed here with node:crypto on purpose, apart from the service's verifier.
import { createHmac } from 'node:crypto';
import { chance, createRng, type Rng } from './prng.ts';
import type { ObjectChange } from './store/objects-repo.ts';
import type { EmulatorStore } from './store/emulator-store.ts';

export interface WebhookSwitches {
  /** Fraction of events sent twice (the copy in the same or a later batch). */
  duplicates: number;
  /** Shuffle events inside each batch. */
  reorder: boolean;
  /** Hold each batch this long before sending. */
  delayMs: number;
  /** Fraction of batches delivered again later with attemptNumber + 1, although the first was answered 2xx. */
  redeliver: number;
  seed: number;
}

export interface WebhookSenderOptions {
  targetUrl: string;
  clientSecret: string;
  /** Contact properties subscribed to; changes of others send nothing. */
  properties: readonly string[];
  portalId?: number;
  appId?: number;
  /** Events are gathered this long, then sent in batches of ≤ 100. */
  flushMs?: number;
  /** Attempts on a non-2xx answer or a network failure (HubSpot makes 10 over 24 h; here, quickly). */
  maxAttempts?: number;
  retryDelayMs?: number;
  switches?: Partial<WebhookSwitches>;
  fetch?: typeof fetch;
  onDelivery?: (d: { status: number | null; events: number; attemptNumber: number }) => void;
}

export interface WebhookEventBody {
  eventId: number; subscriptionId: number; portalId: number; appId: number; occurredAt: number;
  subscriptionType: 'object.creation' | 'object.propertyChange'; attemptNumber: number; objectId: number;
  objectTypeId: '0-1'; propertyName?: string; propertyValue?: string; changeSource: string;
}

/**
 * The contact properties the sandbox subscribes to when the project's webhooks component does not
 * say: what the engine reads, without what it writes (a decision must not trigger another).
 */
export const DEFAULT_WEBHOOK_PROPERTIES = [
  'email', 'firstname', 'lastname', 'mobilephone', 'country', 'state', 'city', 'jobtitle', 'company', 'website', 'hs_lead_status', 'hs_analytics_num_page_views', 'num_conversion_events',
  'hs_analytics_last_visit_timestamp', 'recent_conversion_date', 'recent_conversion_event_name', 'notes_last_contacted',
  'hs_last_sales_activity_timestamp', 'industry', 'numemployees',
] as const;

export const DEFAULT_SWITCHES: WebhookSwitches = { duplicates: 0, reorder: false, delayMs: 0, redeliver: 0, seed: 1 };

/** The v3 signature HubSpot puts in X-HubSpot-Signature-v3. */
export function webhookSignatureV3(secret: string, method: string, url: string, body: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${method}${url}${body}${timestamp}`).digest('base64');
}

export interface WebhookSender {
  /** Queues events for these changes (what the store listener calls). */
  record(change: ObjectChange): void;
  /** Sends what is gathered now and waits until every delivery (retries and redeliveries too) ended. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const CREATION_SUBSCRIPTION = 1;
const PROPERTY_SUBSCRIPTION_BASE = 100;

function shuffle<T>(rng: Rng, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

export function createWebhookSender(o: WebhookSenderOptions): WebhookSender {
  const sw = { ...DEFAULT_SWITCHES, ...o.switches };
  const rng = createRng(sw.seed);
  const doFetch = o.fetch ?? fetch;
  const portalId = o.portalId ?? 1_000_001;
  const appId = o.appId ?? 2_000_001;
  const watched = new Map(o.properties.map((p, i) => [p, PROPERTY_SUBSCRIPTION_BASE + i]));
  let nextEventId = 1;
  let buffer: WebhookEventBody[] = [];
  let timer: NodeJS.Timeout | null = null;
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  const track = (p: Promise<void>) => { inFlight.add(p); void p.finally(() => inFlight.delete(p)); };
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

  const post = async (events: WebhookEventBody[], attemptNumber: number): Promise<number | null> => {
    const body = JSON.stringify(events.map((e) => ({ ...e, attemptNumber })));
    const timestamp = Date.now();
    try {
      const res = await doFetch(o.targetUrl, {
        method: 'POST', body,
        headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': webhookSignatureV3(o.clientSecret, 'POST', o.targetUrl, body, timestamp), 'x-hubspot-request-timestamp': String(timestamp) },
      });
      await res.arrayBuffer().catch(() => {});
      return res.status;
    } catch {
      return null;
    }
  };

  const deliver = async (events: WebhookEventBody[], firstAttempt: number): Promise<void> => {
    for (let attempt = firstAttempt; attempt < firstAttempt + (o.maxAttempts ?? 5); attempt++) {
      const status = await post(events, attempt);
      o.onDelivery?.({ status, events: events.length, attemptNumber: attempt });
      if (status !== null && status >= 200 && status < 300) return;
      if (closed) return;
      await sleep((o.retryDelayMs ?? 500) * (attempt - firstAttempt + 1));
    }
  };

  const send = (): void => {
    if (timer) { clearTimeout(timer); timer = null; }
    let events = buffer;
    buffer = [];
    if (events.length === 0) return;
    const copies = events.filter(() => chance(rng, sw.duplicates));
    events = [...events, ...copies];
    if (sw.reorder) shuffle(rng, events);
    for (let i = 0; i < events.length; i += 100) {
      const batch = events.slice(i, i + 100);
      track((async () => {
        if (sw.delayMs > 0) await sleep(sw.delayMs);
        await deliver(batch, 0);
        if (chance(rng, sw.redeliver)) await deliver(batch, 1);
      })());
    }
  };

  const push = (e: Omit<WebhookEventBody, 'eventId' | 'portalId' | 'appId' | 'attemptNumber' | 'objectTypeId'>) => {
    buffer.push({ eventId: nextEventId++, portalId, appId, attemptNumber: 0, objectTypeId: '0-1', ...e });
    timer ??= setTimeout(send, o.flushMs ?? 100);
  };

  return {
    record(change) {
      if (closed || change.type !== 'contacts') return;
      const base = { occurredAt: change.at, objectId: change.id, changeSource: change.sourceType };
      if (change.kind === 'creation') push({ ...base, subscriptionId: CREATION_SUBSCRIPTION, subscriptionType: 'object.creation' });
      for (const [name, value] of Object.entries(change.properties)) {
        const subscriptionId = watched.get(name);
        if (subscriptionId === undefined || (change.kind === 'creation' && value === null)) continue;
        push({ ...base, subscriptionId, subscriptionType: 'object.propertyChange', propertyName: name, propertyValue: value ?? '' });
      }
    },
    async flush() {
      send();
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      buffer = [];
      await Promise.all([...inFlight]);
    },
  };
}

/** Sends webhooks for the store's contact changes until the returned sender is closed. */
export function attachWebhookSender(store: EmulatorStore, options: WebhookSenderOptions): WebhookSender {
  const sender = createWebhookSender(options);
  const listener = (c: ObjectChange) => sender.record(c);
  store.objects.listeners.add(listener);
  return { ...sender, close: async () => { store.objects.listeners.delete(listener); await sender.close(); } };
}
