/**
 * The site built for `https://error-atlas.example/errors/` (`npm run build:subpath`) and served
 * under `/errors/`, as a host serving it from a sub-folder would: pages, search, the matcher and the
 * language switch work there and never leave the base. (The link check covers every link statically.)
 */
import { expect as baseExpect, test, type Page } from './fixtures.ts';
import { SUBPATH_BASE, SUBPATH_SITE_URL } from '../../scripts/build/subpath-site.ts';
import { EXAMPLE_ID } from './helpers.ts';

const expect = baseExpect.configure({ timeout: 15_000 });
const EXAMPLE = `${SUBPATH_BASE}${EXAMPLE_ID}/`;

/** Every request the page makes that fails or answers 4xx/5xx; a test expects none unless it says so. */
function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()}: ${response.status()}`);
  });
  return failures;
}

/** Root-relative links and sources of the page that do not start with the base. */
async function linksOutsideBase(page: Page): Promise<string[]> {
  return page.evaluate((base) => {
    const values = [...document.querySelectorAll('[href], [src]')].map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '');
    return values.filter((value) => value.startsWith('/') && !value.startsWith(base));
  }, SUBPATH_BASE);
}

test('home, record and Chinese pages load under the base, with every link inside it', async ({ page }) => {
  const failures = watchFailures(page);
  for (const path of ['', EXAMPLE_ID + '/', `zh/${EXAMPLE_ID}/`, 'zh/', 'grpc/', 'about/', 'format/']) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    expect(await linksOutsideBase(page), path).toEqual([]);
  }
  expect(failures).toEqual([]);
});

test('canonical and hreflang URLs keep the path the site is served under', async ({ page }) => {
  await page.goto(`${EXAMPLE_ID}/`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new URL(EXAMPLE_ID + '/', SUBPATH_SITE_URL).href);
  await expect(page.locator('link[hreflang="zh-CN"]')).toHaveAttribute('href', new URL(`zh/${EXAMPLE_ID}/`, SUBPATH_SITE_URL).href);
});

test('the language switch goes to the same page in the other language, under the base', async ({ page }) => {
  await page.goto(`${EXAMPLE_ID}/`);
  await page.locator('.lang-switch a[hreflang="zh-CN"]').click();
  await expect(page).toHaveURL(new RegExp(`${SUBPATH_BASE}zh/${EXAMPLE_ID}/$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('search finds the example record and its result opens the page under the base', async ({ page }) => {
  const failures = watchFailures(page);
  await page.goto('search/');
  await page.locator('atlas-search-page pagefind-input input').fill('connection reset by peer');
  const first = page.locator('atlas-search-page .sr-result__link').first();
  await expect(first).toHaveAttribute('href', EXAMPLE);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${EXAMPLE}$`));
  await expect(page.locator('h1')).toContainText('connection reset by peer');
  expect(failures).toEqual([]);
});

test('a search sorted by date loads the sorted bundle from under the base', async ({ page }) => {
  const failures = watchFailures(page);
  const sorted: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes('pagefind-sorted/')) sorted.push(path);
  });
  await page.goto('search/?q=connection&sort=last_updated');
  await expect(page.locator('atlas-search-page .sr-result__link').first()).toHaveAttribute('href', new RegExp(`^${SUBPATH_BASE}`));
  await expect.poll(() => sorted.length).toBeGreaterThan(0);
  expect(sorted.every((path) => path.startsWith(`${SUBPATH_BASE}pagefind-sorted/`))).toBe(true);
  expect(failures).toEqual([]);
});

test('the header search dialog finds pages under the base', async ({ page }) => {
  const failures = watchFailures(page);
  await page.goto('grpc/');
  await page.locator('.header-search__button').click();
  await page.locator('pagefind-modal pagefind-input input').fill('connection reset by peer');
  await expect(page.locator('pagefind-modal .sr-result__link').first()).toHaveAttribute('href', EXAMPLE);
  expect(failures).toEqual([]);
});

test('the matcher loads its index from under the base and links results there, in both languages', async ({ page }) => {
  const failures = watchFailures(page);
  const paste = 'status = StatusCode.UNAVAILABLE\ndetails = "Connection reset by peer"\nUNAVAILABLE: grpc: connection error: connection reset by peer';
  await page.goto(`match/?q=${encodeURIComponent(paste)}`);
  const first = page.locator('.match-result').first().locator('.match-title a');
  await expect(first).toHaveAttribute('href', EXAMPLE);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${EXAMPLE}$`));
  await page.goto(`zh/match/?q=${encodeURIComponent(paste)}`);
  await expect(page.locator('.match-result').first().locator('.match-title a')).toHaveAttribute('href', `${SUBPATH_BASE}zh/${EXAMPLE_ID}/`);
  expect(failures).toEqual([]);
});

test('a missing page under the base gets the 404 page, whose links stay under the base', async ({ page }) => {
  const response = await page.goto('no-such-domain/no-such-error/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('main a').first()).toHaveAttribute('href', SUBPATH_BASE);
  expect(await linksOutsideBase(page)).toEqual([]);
});
