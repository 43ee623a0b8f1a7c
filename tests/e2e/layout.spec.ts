import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { EXAMPLE_EN, EXAMPLE_ZH } from './helpers.ts';

// Record pages: the example, and one with every kind of picture (rate bars, a full neighbourhood diagram); the atlas.
const PAGES = ['/', '/zh/', '/grpc/', '/zh/grpc/', EXAMPLE_EN, EXAMPLE_ZH, '/kubernetes/oomkilled/', '/zh/kubernetes/oomkilled/', '/about/', '/zh/about/', '/format/', '/zh/format/', '/runbooks/', '/atlas/', '/zh/atlas/'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const path of PAGES) {
      test(`axe finds no violations on ${path}`, async ({ page }) => {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  for (const path of PAGES) {
    test(`${path} fits 360 px without horizontal scrolling`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test('printing hides navigation and buttons', async ({ page }) => {
  await page.goto(EXAMPLE_EN);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.locator('.anchor-link').first()).toBeHidden();
  await expect(page.locator('h1')).toBeVisible();
});
