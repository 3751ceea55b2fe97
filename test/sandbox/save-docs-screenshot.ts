// Manual: refreshes docs/card-sandbox.png from a running sandbox (`npm start`), with the
// top-scored contact's card open and its Why? view (breakdown and recent decisions) expanded.
//   npx tsx test/sandbox/save-docs-screenshot.ts [sandbox-url] [output.png] [contact-id]
// Not run by CI: the committed picture changes only when someone means it to.
import { chromiumAvailable, launchChromium } from '../support/browser.ts';

async function topContactId(url: string): Promise<string> {
  const res = await fetch(`${url}/api/contacts?q=&limit=1`);
  const body = (await res.json()) as { ok: boolean; contacts?: { id: string }[]; message?: string };
  const id = body.contacts?.[0]?.id;
  if (!id) throw new Error(`The sandbox at ${url} listed no contacts: ${body.message ?? res.status}`);
  return id;
}

async function main(url: string, output: string, chosen?: string): Promise<void> {
  if (!chromiumAvailable('the docs screenshot')) process.exit(1);
  const id = chosen ?? await topContactId(url);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1200 }, deviceScaleFactor: 2 });
    page.setDefaultTimeout(15_000);
    await page.goto(`${url}/?contact=${id}`);
    await page.locator('[data-testid="contact-list"][data-loaded="true"]').waitFor();
    await page.locator('[data-testid="card-frame"] [data-testid="why-button"]').click();
    // Why? is read-only: the breakdown of each signal comes with a Re-score, pressed here on purpose.
    await page.locator('[data-testid="card-frame"] [data-testid="stored-explanation"], [data-testid="card-frame"] [data-testid="breakdown"]').first().waitFor();
    await page.locator('[data-testid="card-frame"] [data-testid="rescore-button"]').click();
    await page.locator('[data-testid="card-frame"] [data-testid="breakdown"]').waitFor();
    await page.locator('[data-testid="card-frame"] [data-testid="history-table"], [data-testid="card-frame"] [data-testid="history-empty"]').first().waitFor();
    // Loading the breakdown runs a re-score; its alert is about that click, not about reading the card.
    const dismiss = page.locator('[data-testid="alert"] button[aria-label="Dismiss"]');
    while (await dismiss.count()) await dismiss.first().click();
    const card = await page.getByTestId('card-frame').boundingBox();
    if (!card) throw new Error('The card is not on the page');
    await page.screenshot({ path: output, fullPage: true, clip: { x: 0, y: 0, width: card.x + card.width + 24, height: card.y + card.height + 24 } });
    console.log(`Saved ${output} (contact ${id})`);
  } finally {
    await browser.close();
  }
}

await main(process.argv[2] ?? 'http://127.0.0.1:3000', process.argv[3] ?? 'docs/card-sandbox.png', process.argv[4]);
