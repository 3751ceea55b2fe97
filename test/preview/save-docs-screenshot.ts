// Manual: refreshes docs/card-preview.png from the preview with the fake backend.
//   npx tsx test/preview/save-docs-screenshot.ts [output.png]
// Not run by CI: the committed picture changes only when someone means it to.
import { startPreviewServer } from '../../local/preview/index.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { createFakeBackend } from './fake-backend.ts';

async function main(output: string): Promise<void> {
  if (!chromiumAvailable('the docs screenshot')) process.exit(1);
  const server = await startPreviewServer(createFakeBackend().backend, { port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1000 }, deviceScaleFactor: 2 });
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/?contact=101`);
    await page.locator('[data-testid="card-frame"] [data-testid="rescore-button"]').click();
    await page.locator('[data-testid="alert"][data-alert-type="success"]').waitFor();
    await page.locator('[data-testid="card-frame"] [data-testid="why-button"]').click();
    await page.locator('[data-testid="card-frame"] [data-testid="history-table"]').waitFor();
    const top = await page.getByTestId('alert-banner').boundingBox();
    const card = await page.getByTestId('card-frame').boundingBox();
    if (!top || !card) throw new Error('The card is not on the page');
    const margin = 16;
    await page.screenshot({
      path: output,
      clip: { x: card.x - margin, y: top.y - margin, width: card.width + 2 * margin, height: card.y + card.height - top.y + 2 * margin },
    });
    console.log(`Saved ${output}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main(process.argv[2] ?? 'docs/card-preview.png');
