// Drives the real preview page in Chromium: the unmodified card bundle, rendered by
// the remote-ui host, reading properties and running functions through the fake backend.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../local/preview/index.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { createFakeBackend } from './fake-backend.ts';

const available = chromiumAvailable('the card preview browser test');

describe.skipIf(!available)('card preview in Chromium', () => {
  const fake = createFakeBackend();
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startPreviewServer(fake.backend, { port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const card = (testId: string) => page.locator(`[data-testid="card-frame"] [data-testid="${testId}"]`);
  const statistic = async (testId: string) => card(testId).locator('[data-role="number"]').textContent();
  const pick = async (name: string) => {
    await page.getByTestId('contact-search').fill(name);
    await page.locator('[data-testid="contact-item"]', { hasText: name }).click();
  };

  it('lists and searches contacts', async () => {
    await page.locator('[data-testid="contact-list"][data-loaded="true"]').waitFor();
    expect(await page.getByTestId('contact-item').count()).toBe(4);
    await page.getByTestId('contact-search').fill('ada');
    await page.locator('[data-testid="contact-item"]').first().waitFor();
    await expect.poll(() => page.getByTestId('contact-name').allTextContents()).toEqual(['Ada Lovelace']);
  });

  it('shows the stored decision of the picked contact', async () => {
    await pick('Ada Lovelace');
    await card('tier-tag').waitFor();
    expect(await card('tier-tag').textContent()).toBe('Medium tier');
    expect(await card('tier-tag').getAttribute('data-variant')).toBe('warning');
    expect([await statistic('lead-score'), await statistic('intent-score'), await statistic('fit-score')]).toEqual(['52', '55', '48']);
    expect(await card('decision-reason').textContent()).toBe('Tier medium: 1 pricing-page visit; VP of Engineering at a 400-person software company');
    expect(await card('decided-at').textContent()).toBe('20 Nov 2026, 09:30:00 UTC');
  });

  it('re-scores: the alert says what changed and the card re-reads the record', async () => {
    await card('rescore-button').click();
    const alert = page.locator('[data-testid="alert"][data-alert-type="success"]');
    await alert.waitFor();
    expect(await alert.getByTestId('alert-title').textContent()).toBe('Lead re-scored');
    expect(await alert.getByTestId('alert-message').textContent()).toBe('Tier medium → high: 3 pricing-page visits this week');
    await page.locator('[data-testid="card-frame"] [data-testid="tier-tag"]', { hasText: 'High tier' }).waitFor();
    expect(await statistic('lead-score')).toBe('78');
    expect(await card('tier-tag').getAttribute('data-variant')).toBe('success');
    expect(fake.calls.filter((c) => c.name === 'rescore_contact')).toEqual([{ name: 'rescore_contact', parameters: { contactId: '101' }, contactId: '101' }]);
    await page.locator('[data-testid="contact-item"][data-contact-id="101"] [data-tier="high"]').waitFor();
  });

  it('opens the Why? view with the breakdown and the history', async () => {
    await card('why-button').click();
    await card('history-table').waitFor();
    expect(await card('history-table').locator('tbody tr').count()).toBe(1);
    expect(await card('breakdown-intent').locator('dt').allTextContents()).toEqual(['Page views', 'Form submits', 'Recency']);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/preview-card.png', fullPage: true });
  });

  it('offers to score a never-scored contact', async () => {
    await pick('Alan Turing');
    await card('never-scored').waitFor();
    expect(await card('never-scored').locator('h4').textContent()).toBe('Not scored yet');
  });

  it('shows a failed function as a danger alert', async () => {
    await pick('Katherine Johnson');
    await card('rescore-button').click();
    const alert = page.locator('[data-testid="alert"][data-alert-type="danger"]');
    await alert.waitFor();
    expect(await alert.getByTestId('alert-message').textContent()).toBe('rescore_contact failed: HubSpot answered 500 while reading the company');
    expect(pageErrors).toEqual([]);
  });
});
