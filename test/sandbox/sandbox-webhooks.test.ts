// `npm start`'s automatic re-score: serve beside the emulator, the emulator's webhooks pointed at
// it. Simulated activity reaches the CRM, the webhook reaches serve, serve re-scores, and the card
// in Chromium shows the new tier without anyone pressing Re-score.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../lib/config/load.ts';
import type { ActivityEvent } from '../../lib/core/activity.ts';
import type { Config } from '../../lib/core/config.ts';
import { intentOf } from '../../lib/core/intent.ts';
import { SANDBOX_FORM } from '../../lib/sandbox/preview-backend.ts';
import { PAGE_VIEWS_PER_VISIT } from '../../local/preview/index.ts';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.ts';
import { subscribedContactProperties } from '../../lib/sandbox/webhooks.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';

const available = chromiumAvailable('sandbox webhooks browser test');

let sandbox: Sandbox;
let contactId: string;

const VISITS = 3;
const FORMS = 3;

/**
 * The intent VISITS visits and FORMS demo requests made now earn at least, with the engine's dated
 * scoring: every page view, one named demo request (the name's history records a change, and the
 * name stays "Demo request"), the other submissions as plain forms. The contact's own older
 * activity only adds to it.
 */
function clicksIntent(config: Config, nowMs: number): number {
  const events: ActivityEvent[] = [
    { signal: 'page_view', atMs: nowMs, count: VISITS * PAGE_VIEWS_PER_VISIT, name: null },
    { signal: 'form', atMs: nowMs, count: 1, name: SANDBOX_FORM },
    { signal: 'form', atMs: nowMs, count: FORMS - 1, name: null },
  ];
  return intentOf({ events, lastMs: nowMs, future: 0, dated: true }, config, nowMs).intent;
}

beforeAll(async () => {
  const config = await loadConfig();
  if (!config.ok) throw new Error(config.message);
  sandbox = await startSandbox({ config: config.config, port: 0, emulatorPort: 0, db: ':memory:', seed: 7, contacts: 60, webhooks: true });
  // Not high yet, with a fit that the clicks' intent lifts to high (lead = weighted intent + weighted fit),
  // with two points to spare.
  const { weights, tiers } = config.config.scoring;
  const minFit = (tiers.high + 2 - weights.intent * clicksIntent(config.config, Date.now())) / weights.fit;
  const candidate = sandbox.emulator.store.list('contacts', { limit: 100, after: 0, archived: false, properties: ['routing_tier', 'fit_score', 'has_valid_email'] }).results
    .find(({ properties: p }) => p['routing_tier'] !== 'high' && p['has_valid_email'] === 'true' && Number(p['fit_score']) >= minFit);
  if (!candidate) throw new Error(`no candidate contact in the seed (not high, fit ≥ ${minFit.toFixed(1)})`);
  contactId = String(candidate.id);
}, 60_000);
afterAll(async () => { await sandbox?.close(); });

describe('the sandbox with webhooks', () => {
  it('subscribes to what the engine reads, never to what it writes', () => {
    const props = subscribedContactProperties();
    expect(props).toContain('hs_analytics_num_page_views');
    expect(props).toContain('num_conversion_events');
    for (const own of ['routing_tier', 'lead_score', 'last_decision_reason', 'decision_key']) expect(props).not.toContain(own);
  });

  describe.skipIf(!available)('in Chromium', () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      page.setDefaultTimeout(15_000);
      await page.goto(`${sandbox.url}/?contact=${contactId}`);
    }, 30_000);
    afterAll(async () => { await browser?.close(); });

    // The preview waits up to 30 s for the re-score to catch up (store → webhook → serve's queue →
    // re-score): about a second on an idle machine, much longer on a loaded 2-core CI runner.
    it('Simulate activity → the card shows the new tier by itself, and serve decided it from a webhook', async () => {
      const panel = page.getByTestId('activity-panel');
      await panel.getByTestId('activity-counts').waitFor();
      for (let i = 0; i < VISITS; i += 1) await panel.getByTestId('simulate-page-views').click();
      for (let i = 0; i < FORMS; i += 1) await panel.getByTestId('simulate-form-submission').click();
      expect(await panel.getByTestId('activity-hint').textContent()).toBe('Activity recorded — the webhooks re-score this contact; the card updates by itself');
      // The panel says when serve has re-scored every recorded change and the card was re-read after it.
      const rescore = page.locator('[data-testid="activity-panel"]:is([data-auto-rescore="done"], [data-auto-rescore="timed-out"])');
      await rescore.waitFor({ timeout: 40_000 });
      expect(await rescore.getAttribute('data-auto-rescore')).toBe('done');
      await page.locator('[data-testid="card-frame"] [data-testid="tier-tag"]', { hasText: 'High tier' }).waitFor();
      expect(sandbox.emulator.store.getContact(contactId)!.properties['routing_tier']).toBe('high');
      const metrics = sandbox.webhooks!.serve.metrics;
      expect(metrics.get('events_received_total')).toBeGreaterThan(0);
      expect(metrics.get('contacts_rescored_total')).toBeGreaterThanOrEqual(1);
      // Nobody pressed Re-score: no alert from the card's button.
      expect(await page.locator('[data-testid="alert"][data-alert-type="success"]').count()).toBe(0);
    }, 75_000);
  });
});
