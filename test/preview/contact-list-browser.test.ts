// The preview's contact list in Chromium: tier filter, "Show more" paging, the count, and the links
// to the generated simulation and report pages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type ContactListPage, type PreviewBackend, type PreviewContact, type PreviewServer } from '../../local/preview/index.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';

const available = chromiumAvailable('contact list browser test');
const TIERS = ['high', 'medium', 'low', null] as const;
const contacts: PreviewContact[] = Array.from({ length: 130 }, (_, i) => {
  const tier = TIERS[i % 4]!;
  return { id: String(1000 + i), name: `Person ${i}`, email: `p${i}@example.com`, tier, leadScore: tier ? 100 - (i % 97) : null };
});

const backend: PreviewBackend = {
  async listContacts({ q, tier, limit, after }): Promise<ContactListPage> {
    const matching = contacts.filter((c) => (!q || c.name.includes(q)) && (!tier || (tier === 'unscored' ? c.tier === null : c.tier === tier)));
    const from = Number(after ?? 0);
    const next = from + limit < matching.length ? String(from + limit) : undefined;
    return { contacts: matching.slice(from, from + limit), total: matching.length, ...(next ? { after: next } : {}) };
  },
  getContactProperties: async (_id, names) => Object.fromEntries(names.map((n) => [n, null])),
  runFunction: async () => null,
};

describe.skipIf(!available)('the contact list in Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const reportsDir = mkdtempSync(join(tmpdir(), 'ld-reports-'));
    writeFileSync(join(reportsDir, 'simulation.html'), '<!doctype html><title>sim</title><h1>Simulation page</h1>');
    writeFileSync(join(reportsDir, 'report.html'), '<!doctype html><title>rep</title><h1>Report page</h1>');
    server = await startPreviewServer(backend, { port: 0, reportsDir });
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.locator('[data-testid="contact-list"][data-loaded="true"]').waitFor();
  });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  it('pages with "Show more" and says how many it shows', async () => {
    expect(await page.getByTestId('contact-item').count()).toBe(50);
    expect(await page.getByTestId('contact-count').textContent()).toBe('50 of 130');
    await page.getByTestId('contact-more').click();
    await expect.poll(() => page.getByTestId('contact-item').count()).toBe(100);
    await page.getByTestId('contact-more').click();
    await expect.poll(() => page.getByTestId('contact-item').count()).toBe(130);
    expect(await page.getByTestId('contact-more').count()).toBe(0);
  });

  it.each([['high', 'high'], ['unscored', '']])('filters by tier %s', async (value, shown) => {
    await page.getByTestId('tier-filter').selectOption(value);
    // The list says which filter its rows answer: wait for this one (the count alone also matches the previous tier's).
    await page.locator(`[data-testid="contact-list"][data-loaded="true"][data-current="true"][data-tier-filter="${value}"]`).waitFor();
    expect(await page.getByTestId('contact-count').textContent()).toMatch(/^3[23] of 3[23]$/);
    const tiers = await page.locator('[data-testid="contact-item"] [data-testid="contact-tier"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tier')));
    expect(tiers.length).toBeGreaterThan(30);
    expect(new Set(tiers)).toEqual(new Set([shown]));
  });

  it('links the generated simulation and report pages, which open', async () => {
    await expect.poll(() => page.getByTestId('report-link').allTextContents()).toEqual(['MER & funnel report', 'Rule-change simulation']);
    const res = await page.request.get(`${server.url}/reports/simulation.html`);
    expect(await res.text()).toContain('Simulation page');
    for (const bad of ['..%2Fsecret.html', 'x.js', 'missing.html']) expect((await page.request.get(`${server.url}/reports/${bad}`)).status()).toBe(404);
    expect(errors).toEqual([]);
  });
});
