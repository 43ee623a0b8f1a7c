import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { EXAMPLE_EN, EXAMPLE_ZH } from './helpers.ts';

// Every page type: home, a domain, records (the example, the longest, one with every picture), guides,
// match and search (with results), the atlas and the 404 page.
const LONGEST = '/tls/x509-certificate-signed-by-unknown-authority/';
const MATCH_WITH_RESULTS = `/match/?q=${encodeURIComponent('UNAVAILABLE: grpc: connection error: connection reset by peer')}`;
const PAGES = ['/', '/zh/', '/grpc/', '/zh/grpc/', EXAMPLE_EN, EXAMPLE_ZH, '/kubernetes/oomkilled/', '/zh/kubernetes/oomkilled/', LONGEST, `/zh${LONGEST}`, '/about/', '/zh/about/', '/format/', '/zh/format/', '/runbooks/', MATCH_WITH_RESULTS, `/zh${MATCH_WITH_RESULTS}`, '/search/?q=connection+reset', '/zh/search/?q=connection', '/grpc/no-such-record/', '/atlas/', '/zh/atlas/'];

/** Pages whose content arrives after load: wait for it, so it is checked too. */
async function settle(page: Page, path: string) {
  if (path.includes('/match/?q=')) await expect(page.locator('.match-result .match-try').first()).toBeVisible({ timeout: 15_000 });
  if (path.includes('/search/?q=')) await expect(page.locator('.sr-result').first()).toBeVisible({ timeout: 15_000 });
  if (path.includes('no-such-record')) await expect(page.locator('.suggestions li').first()).toBeVisible({ timeout: 15_000 });
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const path of PAGES) {
      test(`axe finds no violations on ${path}`, async ({ page }) => {
        // axe walks every node: the atlas (a cell per record) takes it tens of seconds on a busy 2-core machine.
        test.setTimeout(120_000);
        await page.goto(path);
        await settle(page, path);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  // At 360 px a record's versions table scrolls sideways inside its box, which axe only sees there.
  for (const path of ['/kubernetes/oomkilled/', LONGEST]) {
    test(`axe finds no violations on ${path} at 360 px, its versions table scrolling`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(path);
      const table = page.getByRole('region', { name: 'Versions table' });
      expect(await table.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
  // The header's links scroll sideways in their row if they must: none may start out of sight, the
  // current page's (bold, wider) included.
  for (const path of ['/', '/search/', '/match/', '/about/', '/zh/match/']) {
    test(`every header link on ${path} is in sight at 360 px`, async ({ page }) => {
      await page.goto(path);
      const nav = await page.locator('.site-nav').boundingBox();
      const links = page.locator('.site-nav a');
      expect(await links.count()).toBeGreaterThanOrEqual(4);
      for (const box of await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.left).toBeGreaterThanOrEqual(nav!.x);
        expect(box.right).toBeLessThanOrEqual(nav!.x + nav!.width + 0.5);
      }
    });
  }
  for (const path of PAGES) {
    test(`${path} fits 360 px without horizontal scrolling`, async ({ page }) => {
      await page.goto(path);
      await settle(page, path);
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

test('the header is one row on a wide screen and at most 110 px tall on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(EXAMPLE_EN);
  const wide = await page.locator('.site-header').boundingBox();
  expect(wide!.height).toBeLessThanOrEqual(60);
  for (const path of [EXAMPLE_EN, EXAMPLE_ZH]) {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(path);
    const narrow = await page.locator('.site-header').boundingBox();
    expect(narrow!.height).toBeLessThanOrEqual(110);
  }
});

test('the theme follows the system until chosen, then the choice is remembered from the first paint', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(EXAMPLE_EN);
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const dark = await background();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const light = await background();
  expect(light).not.toBe(dark);
  // On the next page the stored choice is applied by the script in <head>, before the body exists.
  const themeBeforeBody = await page.evaluate(async (url) => {
    const html = await (await fetch(url)).text();
    return html.indexOf('atlas-theme') > -1 && html.indexOf('atlas-theme') < html.indexOf('<body');
  }, '/grpc/');
  expect(themeBeforeBody).toBe(true);
  await page.goto('/zh/grpc/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background()).toBe(light);
});

