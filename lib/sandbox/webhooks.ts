// The sandbox's webhooks: `serve` on a free port and the emulator sending it signed webhooks for
// contact changes, so simulated activity is re-scored without pressing Re-score, as it would be
// in a portal with the project's webhooks component installed.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunningEmulator } from '../../local/emulator/index.ts';
import { attachWebhookSender, DEFAULT_WEBHOOK_PROPERTIES, type WebhookSender } from '../../local/emulator/webhooks.ts';
import type { Config } from '../core/config.ts';
import { startServe, type RunningServe } from '../server/index.ts';

export interface SandboxWebhooks {
  serve: RunningServe;
  sender: WebhookSender;
  /** True once every change recorded so far was delivered to serve and re-scored (its queue is empty). */
  settled(): Promise<boolean>;
  close(): Promise<void>;
}

const HSMETA = fileURLToPath(new URL('../../src/app/webhooks/webhooks-hsmeta.json', import.meta.url));

/** The contact properties the project's webhooks component subscribes to, else the default list. */
export function subscribedContactProperties(file = HSMETA): string[] {
  try {
    const meta = JSON.parse(readFileSync(file, 'utf8')) as { config?: { subscriptions?: { crmObjects?: { subscriptionType?: string; objectType?: string; propertyName?: string; active?: boolean }[] } } };
    const names = (meta.config?.subscriptions?.crmObjects ?? [])
      .filter((s) => s.subscriptionType === 'object.propertyChange' && /^(contact|0-1)$/i.test(s.objectType ?? '') && s.active !== false && s.propertyName)
      .map((s) => s.propertyName!);
    if (names.length > 0) return names;
  } catch { /* no component yet: the default list */ }
  return [...DEFAULT_WEBHOOK_PROPERTIES];
}

export async function startSandboxWebhooks(o: { emulator: RunningEmulator; env: Record<string, string>; config: Config; host?: string; queueFile: string; log: (line: string) => void }): Promise<SandboxWebhooks> {
  // A fresh secret per run: it only has to match between the emulator and serve in this process.
  const clientSecret = randomBytes(24).toString('hex');
  const serve = await startServe({
    port: 0, host: o.host, queue: { kind: 'sqlite', file: o.queueFile }, config: o.config,
    env: { ...o.env, HUBSPOT_CLIENT_SECRET: clientSecret }, publicUrlIsListenUrl: true,
    // Short: the preview should show the re-score about a second after the click.
    settleMs: 300, idleMs: 250, log: (line) => o.log(`serve: ${line}`),
  });
  const properties = subscribedContactProperties();
  const sender = attachWebhookSender(o.emulator.store, { targetUrl: `${serve.url}/webhooks/hubspot`, clientSecret, properties, flushMs: 100 });
  o.log(`serve on ${serve.url}: the emulator sends it webhooks for ${properties.length} contact properties and creations`);
  return {
    serve, sender,
    // Delivering what the sender gathered first: once serve answered, the changes are in its queue,
    // and a contact leaves the queue only after its re-score was written.
    settled: async () => { await sender.flush(); return (await serve.queue.depth()) === 0; },
    close: async () => { await sender.close(); await serve.close(); },
  };
}
