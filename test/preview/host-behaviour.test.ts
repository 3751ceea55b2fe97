// The preview host itself, checked with a probe card: refreshObjectProperties
// re-reads useCrmProperties from the backend, and an unmapped component renders
// as a placeholder instead of unmounting the card.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startPreviewServer, type PreviewBackend, type PreviewServer } from '../../local/preview/index.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';

const available = chromiumAvailable('the preview host browser test');
const PROBE = fileURLToPath(new URL('./fixtures/ProbeCard.tsx', import.meta.url));

describe.skipIf(!available)('preview host with a probe card', () => {
  const store: Record<string, string | null> = { lead_score: '40' };
  const reads: string[][] = [];
  const backend: PreviewBackend = {
    listContacts: async () => ({ contacts: [{ id: '7', name: 'Probe Contact', email: null, tier: null, leadScore: 40 }], total: 1 }),
    getContactProperties: async (_id, names) => {
      reads.push(names);
      return Object.fromEntries(names.map((name) => [name, store[name] ?? null]));
    },
    runFunction: async () => null,
  };
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreviewServer(backend, { port: 0, cardEntry: PROBE });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('re-reads properties on refreshObjectProperties and keeps unknown components', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/?contact=7`);
    await page.getByTestId('probe-score').waitFor();
    expect(await page.getByTestId('probe-score').textContent()).toBe('40');
    expect(await page.getByTestId('probe-inside-unknown').textContent()).toBe('Still rendered');
    expect(await page.locator('[data-testid="unknown-component"]').getAttribute('data-component')).toBe('Accordion');

    store.lead_score = '91';
    const readsBefore = reads.length;
    await page.getByTestId('probe-refresh').click();
    await page.locator('[data-testid="probe-score"]', { hasText: '91' }).waitFor();
    expect(reads.length).toBeGreaterThan(readsBefore);
    expect(reads.at(-1)).toEqual(['lead_score']);
  });
});
