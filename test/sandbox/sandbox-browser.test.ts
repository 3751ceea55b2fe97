// The sandbox end to end in Chromium: the seeded emulator, every contact scored, the preview
// page with the unmodified card, and a Re-score that runs the real app function against the
// emulator after the contact's activity was raised with the page's "Simulate activity" panel.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../lib/config/load.ts';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.ts';
import { TIER_LABEL } from '../../src/app/cards/decision-view.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';

const available = chromiumAvailable('sandbox browser test');

const STORED = ['email', 'routing_tier', 'lead_score', 'intent_score', 'fit_score', 'last_decision_reason', 'has_valid_email'] as const;
type Stored = Record<(typeof STORED)[number], string | null>;

describe.skipIf(!available)('the sandbox in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let contactId: string;

  const stored = (id: string): Stored => {
    const p = sandbox.emulator.store.getContact(id)!.properties;
    return Object.fromEntries(STORED.map((name) => [name, p[name] ?? null])) as Stored;
  };
  const card = (testId: string) => page.locator(`[data-testid="card-frame"] [data-testid="${testId}"]`);
  const statistic = (testId: string) => card(testId).locator('[data-role="number"]').textContent();
  const headline = async () => ({
    tier: await card('tier-tag').textContent(),
    lead: await statistic('lead-score'),
    intent: await statistic('intent-score'),
    fit: await statistic('fit-score'),
    reason: await card('decision-reason').textContent(),
  });
  const expectedHeadline = (record: Stored) => ({
    tier: `${TIER_LABEL[record.routing_tier as keyof typeof TIER_LABEL]} tier`,
    lead: String(Math.round(Number(record.lead_score))),
    intent: String(Math.round(Number(record.intent_score))),
    fit: String(Math.round(Number(record.fit_score))),
    reason: record.last_decision_reason,
  });

  beforeAll(async () => {
    const config = await loadConfig();
    if (!config.ok) throw new Error(config.message);
    sandbox = await startSandbox({ config: config.config, port: 0, emulatorPort: 0, db: ':memory:', seed: 7, contacts: 150 });
    // A lead that is not high yet, with a valid email and a fit good enough that the simulated
    // activity below (15 page views and 3 forms today: intent 74 with diminishing returns, see
    // docs/engine.md) lifts it to high (lead = half intent + half fit; high from 65).
    const candidates = sandbox.emulator.store
      .list('contacts', { limit: 200, after: 0, archived: false, properties: [...STORED] }).results
      .filter(({ properties: p }) => (p['routing_tier'] === 'low' || p['routing_tier'] === 'medium')
        && p['has_valid_email'] === 'true' && Number(p['fit_score']) >= 60 && p['email']);
    expect(candidates.length).toBeGreaterThan(0);
    contactId = String(candidates[0]!.id);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(sandbox.url);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('scored every seeded contact on start', () => {
    expect(sandbox.scored).toMatchObject({ scanned: 150, updated: 150, failed: [] });
  });

  it('lists the scored contacts, best lead first', async () => {
    await page.locator('[data-testid="contact-list"][data-loaded="true"]').waitFor();
    const tiers = await page.getByTestId('contact-tier').evaluateAll((els) => els.map((el) => el.getAttribute('data-tier')));
    expect(tiers.length).toBeGreaterThan(0);
    expect(tiers.every((t) => t === 'high' || t === 'medium' || t === 'low')).toBe(true);
    expect(await page.getByTestId('activity-panel').count()).toBe(0);
  });

  it('shows the picked contact’s stored decision on the card', async () => {
    const record = stored(contactId);
    await page.getByTestId('contact-search').fill(record.email!);
    await page.locator(`[data-testid="contact-item"][data-contact-id="${contactId}"]`).click();
    await page.locator(`[data-testid="card-frame"][data-contact-id="${contactId}"] [data-testid="tier-tag"]`).waitFor();
    expect(await headline()).toEqual(expectedHeadline(record));
  });

  it('re-scores an untouched contact to “No change”, writing nothing', async () => {
    const before = sandbox.emulator.store.getContact(contactId)!;
    await card('rescore-button').click();
    const alert = page.locator('[data-testid="alert"][data-alert-type="info"]');
    await alert.waitFor();
    expect(await alert.getByTestId('alert-title').textContent()).toBe('No change');
    expect(sandbox.emulator.store.getContact(contactId)!.updatedAt).toBe(before.updatedAt);
    await alert.getByRole('button').click();
  });

  it('records activity from the “Simulate activity” panel beside the card, as tracking would', async () => {
    const activity = () => {
      const p = sandbox.emulator.store.getContact(contactId)!.properties;
      return { pageViews: Number(p['hs_analytics_num_page_views'] ?? 0), forms: Number(p['num_conversion_events'] ?? 0), lastVisit: p['hs_analytics_last_visit_timestamp'], lastForm: p['recent_conversion_date'] };
    };
    const panel = page.getByTestId('activity-panel');
    const counts = panel.getByTestId('activity-counts');
    const before = activity();
    await expect.poll(() => counts.getAttribute('data-page-views')).toBe(String(before.pageViews));
    expect(await panel.getByTestId('activity-hint').count()).toBe(0);
    const startedAt = Date.now();

    // Enough recent activity (intent 74 or more) that a fit of 60+ makes high.
    for (let i = 0; i < 3; i += 1) await panel.getByTestId('simulate-page-views').click();
    for (let i = 0; i < 3; i += 1) await panel.getByTestId('simulate-form-submission').click();
    await panel.locator(`[data-testid="activity-counts"][data-form-submissions="${before.forms + 3}"]`).waitFor();

    const after = activity();
    expect({ pageViews: after.pageViews, forms: after.forms }).toEqual({ pageViews: before.pageViews + 15, forms: before.forms + 3 });
    for (const at of [after.lastVisit, after.lastForm]) expect(Date.parse(at!)).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(await counts.getAttribute('data-page-views')).toBe(String(after.pageViews));
    expect(await panel.getByTestId('activity-hint').textContent()).toBe('Activity recorded — press Re-score on the card');
    expect(await card('activity-panel').count()).toBe(0);
  });

  it('re-scores after the contact’s activity rose: new tier and reason on the card, in the alert and in the CRM', async () => {
    const before = stored(contactId);

    await card('rescore-button').click();
    const alert = page.locator('[data-testid="alert"][data-alert-type="success"]');
    await alert.waitFor();
    await page.locator('[data-testid="card-frame"] [data-testid="tier-tag"]', { hasText: 'High tier' }).waitFor();

    const after = stored(contactId);
    expect(after.routing_tier).toBe('high');
    expect(Number(after.lead_score)).toBeGreaterThan(Number(before.lead_score));
    expect(after.last_decision_reason).not.toBe(before.last_decision_reason);
    await expect.poll(headline).toEqual(expectedHeadline(after));
    expect(await card('tier-tag').getAttribute('data-variant')).toBe('success');
    expect(await alert.getByTestId('alert-title').textContent()).toBe('Lead re-scored');
    expect(await alert.getByTestId('alert-message').textContent()).toMatch(new RegExp(`^Tier ${tierLabel(before.routing_tier)} → High: \\S`));
    await page.locator(`[data-testid="contact-item"][data-contact-id="${contactId}"] [data-tier="high"]`).waitFor();
    // The panel's "press Re-score" hint is stale once the card re-scored.
    await page.getByTestId('activity-hint').waitFor({ state: 'detached' });

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/sandbox-card.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

/** The alert names tiers by their labels ("Medium"), as reasons do everywhere. */
function tierLabel(tier: string | null | undefined): string {
  return tier ? tier.charAt(0).toUpperCase() + tier.slice(1) : '';
}
