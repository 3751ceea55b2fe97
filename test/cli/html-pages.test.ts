// The simulate and report pages in Chromium, with the network cut off: they open without console
// errors and every chart canvas has been drawn on.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderChartPage } from '../../lib/insight/chart-page.ts';
import { reportBlocks } from '../../lib/insight/report-output.ts';
import { simulationBlocks } from '../../lib/insight/simulate-output.ts';
import { buildReport, type ReportContact } from '../../lib/services/report.ts';
import { simulate } from '../../lib/services/simulate.ts';
import { messyInput } from '../core/arbitraries.ts';
import { NOW, testConfig } from '../core/helpers.ts';
import fc from 'fast-check';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';

const available = chromiumAvailable('HTML page browser test');
const dir = mkdtempSync(join(tmpdir(), 'ld-pages-'));

function simulationPage(): string {
  const inputs = fc.sample(messyInput, { numRuns: 300, seed: 4 });
  const r = simulate(inputs, testConfig(), testConfig((c) => { c.scoring.tiers.high = 45; c.scoring.tiers.medium = 20; c.routing.fallbackOwnerId = c.routing.owners.at(-1)!.id; }), { now: NOW });
  return renderChartPage('Simulation </script><b>', 'test', simulationBlocks(r));
}

function reportPage(): string {
  const day = Date.UTC(2026, 9, 1);
  const contacts: ReportContact[] = Array.from({ length: 40 }, (_, i) => ({
    id: String(i), createdAt: day + i * 3_600_000, source: i % 3 ? 'PAID_SEARCH' : null, campaign: null,
    stageEntered: i % 2 ? { marketingqualifiedlead: day + i * 7_200_000 } : ({} as Record<string, number>),
    firstDecision: { at: day + i * 3_600_000 + 60_000, version: i < 20 ? 'v1' : 'v2', tier: i % 4 ? 'medium' : 'high' },
    firstResponseAt: null, filledFields: 5, expectedFields: 7,
  }));
  const r = buildReport(contacts, [{ id: 'd', amount: 1000, stage: 'closedwon', closedAt: day + 86_400_000, contactIds: ['1'] }], { from: day, to: day + 31 * 86_400_000, spend: 500 });
  return renderChartPage('Report', 'test', reportBlocks(r));
}

describe.skipIf(!available)('HTML pages in Chromium, offline', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });

  it.each([
    ['simulate', simulationPage, ['tiers', 'owners', 'reasons']],
    ['report', reportPage, ['funnel', 'revenue']],
  ])('the %s page opens without errors and draws its charts', async (name, render, charts) => {
    const path = join(dir, `${name}.html`);
    writeFileSync(path, render());
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith('file:')) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    await page.goto(pathToFileURL(path).href);
    const drawn = await page.evaluate((ids) => ids.map((id) => {
      const canvas = document.getElementById(id) as HTMLCanvasElement | null;
      if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      return painted;
    }), charts);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    for (const painted of drawn) expect(painted).toBeGreaterThan(1000);
    await page.close();
  });

  it('escapes text so a title cannot break out of the page', async () => {
    const page = await browser.newPage();
    await page.setContent(simulationPage());
    expect(await page.locator('h1').textContent()).toBe('Simulation </script><b>');
    await page.close();
  });
});
