import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';

/** The shipped records per domain, read from content/errors (what the served build was made from). */
function domainCounts(): Map<string, number> {
  const root = new URL('../../content/errors/', import.meta.url);
  const counts = new Map<string, number>();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    counts.set(entry.name, readdirSync(new URL(`${entry.name}/`, root)).filter((file) => file.endsWith('.json')).length);
  }
  return counts;
}

const wide = (page: Page) => page.locator('svg.atlas-map--wide');
const narrow = (page: Page) => page.locator('svg.atlas-map--narrow');

test('home links to the atlas, in both languages', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('atlas-link').click();
  await expect(page).toHaveURL(/\/atlas\/$/);
  await expect(page.locator('h1')).toHaveText('Atlas of errors');
  await page.goto('/zh/');
  await page.getByTestId('atlas-link').click();
  await expect(page).toHaveURL(/\/zh\/atlas\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
  await expect(page.locator('h1')).toHaveText('错误全景图');
});

test('every domain is a region with its count, every record a cell, in the map and in the text', async ({ page }) => {
  const counts = domainCounts();
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  await page.goto('/atlas/');
  await expect(wide(page)).toHaveAttribute('role', 'group');
  await expect(wide(page)).toHaveAttribute('aria-label', `Map of ${counts.size} domains and ${total} errors`);
  const regions = await wide(page).locator('.atlas-regions > a').evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.querySelector('title')?.textContent]));
  expect(regions.sort()).toEqual([...counts].map(([domain, n]) => [`/${domain}/`, `${domain}: ${n} errors`]).sort());
  // The shipped records fit the budget: every one is a cell, none is summarised.
  await expect(wide(page).locator('.atlas-cells > a')).toHaveCount(total);
  await expect(wide(page).locator('.atlas-region-hatch')).toHaveCount(0);
  await expect(page.getByTestId('atlas-summary')).toContainText('Every record is drawn.');
  // The same facts as text: each domain with its count, each drawn record linked.
  const summaries = await page.locator('.atlas-domain > summary').allInnerTexts();
  expect(summaries.map((text) => text.replace(/\s+/g, ' ').trim()).sort()).toEqual([...counts].map(([domain, n]) => `${domain} · ${n} errors`).sort());
  const cellLinks = await wide(page).locator('.atlas-cells > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')).sort());
  const listLinks = await page.locator('.atlas-domain li > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')).sort());
  expect(listLinks).toEqual(cellLinks);
  // Cells are named for screen readers by the record's signature.
  const first = wide(page).locator('.atlas-cells > a').first();
  expect((await first.locator('title').textContent())?.length).toBeGreaterThan(3);
});

test('the strongest relations are drawn only between related domains, as many lines as listed', async ({ page }) => {
  await page.goto('/atlas/');
  const listed = await page.locator('ol.atlas-relations > li').count();
  expect(listed).toBeGreaterThan(0);
  expect(listed).toBeLessThanOrEqual(12);
  await expect(wide(page).locator('path.atlas-edge')).toHaveCount(listed);
  await expect(narrow(page).locator('path.atlas-edge')).toHaveCount(listed);
  await expect(wide(page).locator('.atlas-edges')).toHaveAttribute('aria-hidden', 'true');
  for (const item of await page.locator('ol.atlas-relations > li').all()) {
    const [a, b] = await item.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(a).not.toEqual(b);
    expect(await item.innerText()).toMatch(/· \d+ pairs? of related errors$/);
  }
});

test('every link in the maps resolves, in both languages', async ({ page }) => {
  const hrefs = new Set<string>();
  for (const path of ['/atlas/', '/zh/atlas/']) {
    await page.goto(path);
    for (const href of await page.locator('svg.atlas-map a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))) hrefs.add(href);
  }
  expect(hrefs.size).toBeGreaterThan(100);
  expect([...hrefs].filter((href) => href.startsWith('/zh/')).length).toBeGreaterThan(50);
  const failures: string[] = [];
  for (const href of hrefs) {
    const response = await page.request.get(href.replace(/#.*$/, ''));
    if (response.status() !== 200) failures.push(`${href}: ${response.status()}`);
  }
  expect(failures).toEqual([]);
});

test('the Chinese atlas names records in Chinese and links to the Chinese pages', async ({ page }) => {
  await page.goto('/zh/atlas/');
  const cells = wide(page).locator('.atlas-cells > a');
  expect(await cells.evaluateAll((links) => links.every((link) => link.getAttribute('href')!.startsWith('/zh/')))).toBe(true);
  expect(await cells.locator('title').evaluateAll((titles) => titles.filter((title) => /[\u4e00-\u9fff]/.test(title.textContent ?? '')).length)).toBeGreaterThan(10);
  await expect(page.getByTestId('atlas-summary')).toContainText('所有记录都已画出');
});

test('on a 360 px screen the tall map shows, the page does not scroll sideways, and the list names the records', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/atlas/');
  await expect(narrow(page)).toBeVisible();
  await expect(wide(page)).toBeHidden();
  await expect(narrow(page).locator('.atlas-cell')).toHaveCount(0);
  const box = (await narrow(page).boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(360);
  expect(box.height).toBeGreaterThan(box.width);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.locator('.atlas-narrow-note')).toBeVisible();
  // The legend explains the cells' colours, and the tall map has no cells.
  await expect(page.locator('.atlas-legend')).toBeHidden();
});

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1280, 360]) {
    test(`axe finds no violations on the atlas (${scheme}, ${width} px, a domain opened)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(width === 360 ? '/zh/atlas/' : '/atlas/');
      await page.locator('.atlas-domain > summary').first().click();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the map and its links are all there', async ({ page }) => {
    await page.goto('/atlas/');
    await expect(wide(page)).toBeVisible();
    expect(await wide(page).locator('.atlas-cells > a').count()).toBeGreaterThan(100);
    await page.locator('.atlas-domain > summary').first().click();
    await expect(page.locator('.atlas-domain[open] li a').first()).toBeVisible();
  });
});

test('printing draws the wide map', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto('/atlas/');
  await expect(wide(page)).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(wide(page)).toBeVisible();
  await expect(narrow(page)).toBeHidden();
});

test('keyboard users can skip the map', async ({ page }) => {
  await page.goto('/atlas/');
  const skip = page.locator('a.atlas-skip');
  await skip.focus();
  await expect(skip).toBeVisible();
  await skip.press('Enter');
  await expect(page.locator('#atlas-relations')).toBeFocused();
});
