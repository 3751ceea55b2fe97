// `npm start`'s automatic re-score: serve beside the emulator, the emulator's webhooks pointed at
// it. Simulated activity reaches the CRM, the webhook reaches serve, serve re-scores, and the card
// in Chromium shows the new tier without anyone pressing Re-score.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../lib/config/load.ts';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.ts';
import { subscribedContactProperties } from '../../lib/sandbox/webhooks.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';

const available = chromiumAvailable('sandbox webhooks browser test');

let sandbox: Sandbox;
let contactId: string;

beforeAll(async () => {
  const config = await loadConfig();
  if (!config.ok) throw new Error(config.message);
  sandbox = await startSandbox({ config: config.config, port: 0, emulatorPort: 0, db: ':memory:', seed: 7, contacts: 60, webhooks: true });
  // Not high yet, with a fit that maxed-out intent lifts to high (lead = half intent + half fit).
  const candidate = sandbox.emulator.store.list('contacts', { limit: 100, after: 0, archived: false, properties: ['routing_tier', 'fit_score', 'has_valid_email'] }).results
    .find(({ properties: p }) => p['routing_tier'] !== 'high' && p['has_valid_email'] === 'true' && Number(p['fit_score']) >= 30);
  if (!candidate) throw new Error('no candidate contact in the seed');
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

    it('Simulate activity → the card shows the new tier by itself, and serve decided it from a webhook', async () => {
      const panel = page.getByTestId('activity-panel');
      await panel.getByTestId('activity-counts').waitFor();
      for (let i = 0; i < 3; i += 1) await panel.getByTestId('simulate-page-views').click();
      for (let i = 0; i < 3; i += 1) await panel.getByTestId('simulate-form-submission').click();
      expect(await panel.getByTestId('activity-hint').textContent()).toBe('Activity recorded — the webhooks re-score this contact; the card updates by itself');
      await page.locator('[data-testid="card-frame"] [data-testid="tier-tag"]', { hasText: 'High tier' }).waitFor();
      expect(sandbox.emulator.store.getContact(contactId)!.properties['routing_tier']).toBe('high');
      const metrics = sandbox.webhooks!.serve.metrics;
      expect(metrics.get('events_received_total')).toBeGreaterThan(0);
      expect(metrics.get('contacts_rescored_total')).toBeGreaterThanOrEqual(1);
      // Nobody pressed Re-score: no alert from the card's button.
      expect(await page.locator('[data-testid="alert"][data-alert-type="success"]').count()).toBe(0);
    });
  });
});
