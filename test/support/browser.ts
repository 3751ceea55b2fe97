// Shared by the browser tests: Debian chromium driven by playwright-core.
// CI sets LEAD_DECISIONS_REQUIRE_BROWSER=1 so a missing browser fails instead of skipping.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.LEAD_DECISIONS_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const browserRequired = () => process.env.LEAD_DECISIONS_REQUIRE_BROWSER === '1';

/**
 * True when Chromium is installed. When it is not, prints why the browser tests
 * are skipped, or throws when LEAD_DECISIONS_REQUIRE_BROWSER=1.
 */
export function chromiumAvailable(suite = 'browser tests'): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const why = `${CHROMIUM_PATH} is missing (install it with: apt-get install -y chromium)`;
  if (browserRequired()) throw new Error(`${suite}: ${why}, and LEAD_DECISIONS_REQUIRE_BROWSER=1`);
  console.warn(`Skipping ${suite}: ${why}.`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}
