// The sandbox writes its latest simulation and report pages beside its database and the preview
// serves and lists them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config/load.ts';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.ts';
import { demoCandidate } from '../../lib/sandbox/insight-pages.ts';

const dir = mkdtempSync(join(tmpdir(), 'ld-sandbox-pages-'));
let sandbox: Sandbox;

beforeAll(async () => {
  const loaded = await loadConfig();
  if (!loaded.ok) throw new Error(loaded.message);
  sandbox = await startSandbox({ config: loaded.config, port: 0, emulatorPort: 0, db: join(dir, 'sandbox.sqlite'), seed: 9, contacts: 120 });
});
afterAll(async () => { await sandbox?.close(); rmSync(dir, { recursive: true, force: true }); });

describe('sandbox insight pages', () => {
  it('writes the simulation and the report into reports/ beside the db, and the preview serves them', async () => {
    expect(await sandbox.pages).toEqual(['simulation.html', 'report.html']);
    const listed = await (await fetch(`${sandbox.url}/api/reports`)).json() as { pages: { name: string }[] };
    expect(listed.pages.map((p) => p.name)).toEqual(['report.html', 'simulation.html']);
    const sim = await (await fetch(`${sandbox.url}/reports/simulation.html`)).text();
    const meta = (html: string) => /<p class="meta">([^<]*)<\/p>/.exec(html)?.[1];
    expect(meta(sim)).toMatch(/\(demo candidate: high tier from \d+ instead of \d+\) · 120 contacts$/);
    const report = await (await fetch(`${sandbox.url}/reports/report.html`)).text();
    expect(report.includes('<canvas id="funnel"')).toBe(true);
    // The seeded first decisions of the older rule version show as their own column.
    expect(report.includes('<th>2026.8.1+3c9e0f2</th>')).toBe(true);
  });

  it('derives a valid demo candidate one step more generous on the high tier', async () => {
    const loaded = await loadConfig();
    if (!loaded.ok) throw new Error(loaded.message);
    const c = demoCandidate(loaded.config);
    expect(c.scoring.tiers.high).toBe(loaded.config.scoring.tiers.high - 5);
    expect(c.scoringVersion).not.toBe(loaded.config.scoringVersion);
  });
});
