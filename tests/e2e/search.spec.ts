import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from './fixtures.ts';
import { DEFAULT_BUNDLE_PATH, SORTED_BUNDLE_PATH } from '../../src/lib/search/bundles.ts';
import { MISSING_DATE, MISSING_RATE } from '../../src/lib/search/record-data.ts';
import { loadRecords } from '../../src/node/records.ts';
import { EXAMPLE_EN } from './helpers.ts';

// The first query of a page downloads the engine and its index chunks: allow for a busy CI machine.
const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * Chinese queries and the page each must put among the first three on /zh/search/: Chinese is segmented
 * differently at index and query time, so this guards the pair. (Among three, not first: with 300
 * records a short phrase such as 锁等待超时 also fits SQLite's "database is locked", and Pagefind's
 * relevance does not weigh how close the characters stand.)
 */
const CHINESE_QUERIES: [string, string][] = [
  ['连接被对端重置', 'grpc/grpc-connection-reset-by-peer'],
  ['检测到仓库属主可疑', 'git/detected-dubious-ownership'],
  ['拒绝合并无关的历史', 'git/refusing-to-merge-unrelated-histories'],
  ['空指针解引用', 'go/nil-pointer-dereference'],
  ['所有 goroutine 都在休眠', 'go/all-goroutines-asleep-deadlock'],
  ['收到的消息超过上限', 'grpc/grpc-resource-exhausted-message-larger-than-max'],
  ['找不到类定义', 'java/noclassdeffounderror'],
  ['Java 堆空间不足', 'java/outofmemoryerror-java-heap-space'],
  ['锁等待超时', 'mysql/lock-wait-timeout-exceeded'],
  ['端口已被分配', 'docker/port-is-already-allocated'],
  ['未找到命令', 'linux/command-not-found'],
  ['打开的文件过多', 'linux/too-many-open-files'],
  ['退出码 137', 'kubernetes/oomkilled'],
  ['找不到凭证', 'aws/unable-to-locate-credentials'],
  // Words only a localized alias holds (what git prints under zh_CN), not the record's Chinese translation.
  ['检测到可疑的仓库所有权', 'git/detected-dubious-ownership'],
  ['无法本地校验颁发者的权限', 'tls/certificate-verify-failed-unable-to-get-local-issuer'],
];

/** Error tokens as people paste them, and the shipped record each must put first. */
const TOKEN_QUERIES: [string, string][] = [
  ['ERR_MODULE_NOT_FOUND', 'node/err-module-not-found'],
  ['E0502', 'rust/e0502-cannot-borrow-as-mutable'],
  ['exit code 137', 'kubernetes/oomkilled'],
];

const field = (page: Page) => page.locator('atlas-search-page pagefind-input input');
const firstResult = (page: Page) => page.locator('atlas-search-page .sr-result__link').first();

async function search(page: Page, query: string) {
  await field(page).fill(query);
  await expect(page.locator('atlas-search-page pagefind-summary')).toContainText(query);
}

test('an English phrase puts the example record first, with domain, highlighted excerpt and section links', async ({ page }) => {
  await page.goto('/search/');
  await search(page, 'connection reset by peer');
  await expect(firstResult(page)).toHaveAttribute('href', EXAMPLE_EN);
  const result = page.locator('atlas-search-page .sr-result').first();
  await expect(result.locator('.sr-result__link')).toHaveText('UNAVAILABLE: grpc: connection error: connection reset by peer');
  await expect(result.locator('.sr-result__domain')).toHaveText('grpc');
  await expect(result.locator('.sr-result__excerpt mark').first()).toBeVisible();
  const sections = await result.locator('.sr-result__section').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(sections.length).toBeGreaterThan(0);
  for (const href of sections) expect(href).toMatch(/^\/grpc\/grpc-connection-reset-by-peer\/#(signature|root-cause|workarounds|workaround-\d+|dead-ends|dead-end-\d+|versions|details)$/);
});

test('error tokens are found as typed', async ({ page }) => {
  await page.goto('/search/');
  for (const [query, id] of TOKEN_QUERIES) {
    await search(page, query);
    await expect(firstResult(page), query).toHaveAttribute('href', `/${id}/`);
  }
});

test('each Chinese query on /zh/search/ puts its record among the first three', async ({ page }) => {
  // Search (and the matcher) load their indexes on first use: slow on a busy 2-core machine.
  test.setTimeout(90_000);
  await page.goto('/zh/search/');
  for (const [query, id] of CHINESE_QUERIES) {
    await search(page, query);
    await expect(firstResult(page), query).toBeVisible();
    await expect.poll(async () => (await resultLinks(page)).slice(0, 3), { message: query }).toContain(`/zh/${id}/`);
  }
});

test('a mixed Chinese and English query finds the gRPC record, and English text of Chinese pages is searchable', async ({ page }) => {
  await page.goto('/zh/search/');
  await search(page, 'grpc 连接');
  await expect(page.locator('atlas-search-page .sr-result__link[href="/zh/grpc/grpc-connection-reset-by-peer/"]')).toBeVisible();
  await search(page, 'connection reset by peer');
  await expect(firstResult(page)).toHaveAttribute('href', '/zh/grpc/grpc-connection-reset-by-peer/');
});

test('a domain filter narrows the results and is written to the URL', async ({ page }) => {
  await page.goto('/search/?q=connection');
  await expect(firstResult(page)).toBeVisible();
  const summary = page.locator('atlas-search-page pagefind-summary');
  const count = async () => Number(/\d+/.exec((await summary.textContent()) ?? '')?.[0]);
  const before = await count();
  await page.locator('pagefind-filter-dropdown[filter="domain"] button').first().click();
  await page.getByRole('option', { name: /^grpc/ }).click();
  await expect.poll(count).toBeLessThan(before);
  const domains = await page.locator('atlas-search-page .sr-result__domain').allTextContents();
  expect(new Set(domains)).toEqual(new Set(['grpc']));
  await expect(page).toHaveURL(/[?&]domain=grpc(&|$)/);
});

test('the first 20 results are rendered, and "Load more results" shows more', async ({ page }) => {
  await page.goto('/search/?q=error');
  await expect(firstResult(page)).toBeVisible();
  const items = page.locator('atlas-search-page pagefind-results li.pf-result, atlas-search-page pagefind-results .sr-result');
  await expect(items).toHaveCount(20);
  const more = page.getByRole('button', { name: 'Load more results' });
  await more.click();
  await expect.poll(() => items.count()).toBeGreaterThan(20);
});

test('a ?q= link fills the field and runs the search; typing rewrites the URL without a reload', async ({ page }) => {
  await page.goto('/search/?q=E0502');
  await expect(field(page)).toHaveValue('E0502');
  await expect(firstResult(page)).toHaveAttribute('href', '/rust/e0502-cannot-borrow-as-mutable/');
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await search(page, 'OOMKilled');
  await expect(page).toHaveURL(/\/search\/\?q=OOMKilled$/);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

/** Each shipped record's sort keys by its English URL, as `record-data.ts` gives them to Pagefind. */
const SORT_KEYS: Map<string, { last_updated: string; fix_rate: number }> = (() => {
  const keys = new Map<string, { last_updated: string; fix_rate: number }>();
  for (const record of loadRecords(new URL('../../content/errors/', import.meta.url).pathname)) {
    keys.set(`/${record.id}/`, {
      last_updated: record.last_updated ?? MISSING_DATE,
      fix_rate: typeof record.fix_success_rate === 'number' ? record.fix_success_rate : Number(MISSING_RATE),
    });
  }
  return keys;
})();

const resultLinks = (page: Page) => page.locator('atlas-search-page .sr-result__link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));

/** The sort key of each result URL, in the order shown. */
function keysOf(urls: string[], key: 'last_updated' | 'fix_rate'): (string | number)[] {
  return urls.map((url) => {
    const keys = SORT_KEYS.get(url);
    if (!keys) throw new Error(`no record for result ${url}`);
    return keys[key];
  });
}

const isDescending = (values: (string | number)[]) => values.every((value, i) => i === 0 || values[i - 1]! >= value);

/** Requests under a bundle path, from now on. */
function watchBundle(page: Page, bundlePath: string): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith(bundlePath)) fetched.push(pathname);
  });
  return fetched;
}

test('best match fetches nothing from the sorted bundle; "last updated" keeps query and filters, orders results from its page list and fetches nothing twice', async ({ page }) => {
  // Search (and the matcher) load their indexes on first use: slow on a busy 2-core machine.
  test.setTimeout(90_000);
  const sorted = watchBundle(page, SORTED_BUNDLE_PATH);
  const plain = watchBundle(page, DEFAULT_BUNDLE_PATH);
  await page.goto('/search/');
  await search(page, 'connection');
  await expect(firstResult(page)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(sorted).toEqual([]);
  expect(plain.some((path) => /\/pagefind\.en_[0-9a-f]+\.pf_meta$/.test(path))).toBe(true);
  const byRelevance = await resultLinks(page);
  expect(byRelevance.length).toBeGreaterThan(5);
  // Otherwise this query could not tell a sorted list from a relevance one.
  expect(isDescending(keysOf(byRelevance, 'last_updated'))).toBe(false);

  const beforeSort = new Set(plain);
  const fetchedBefore = plain.length;
  await page.locator('atlas-search-page select').selectOption('last_updated');
  await expect(page).toHaveURL(/\/search\/\?q=connection&sort=last_updated$/);
  await expect.poll(async () => isDescending(keysOf(await resultLinks(page), 'last_updated'))).toBe(true);
  const byDate = await resultLinks(page);
  expect(byDate[0]).not.toBe(byRelevance[0]);
  // The engine's worker fetches these; the request events may trail the rendered results a little.
  await expect.poll(() => sorted.some((path) => /\/pagefind\.en_[0-9a-f]+\.pf_meta$/.test(path))).toBe(true);
  await page.waitForLoadState('networkidle');
  // The sort fetched only what it lacked: the sorted bundle's entry file and page list; the
  // fragments of results not shown before from the default bundle; nothing fetched twice.
  expect(sorted.filter((path) => !/\/(pagefind-entry\.json|pagefind\.en_[0-9a-f]+\.pf_meta)$/.test(path))).toEqual([]);
  expect(plain.slice(fetchedBefore).filter((path) => beforeSort.has(path) || !path.includes('/fragment/'))).toEqual([]);
  await expect(page.locator('atlas-search-page pagefind-input input')).toHaveValue('connection');

  // A filter in sorted order: still sorted, still the same query, all three in the URL.
  await page.locator('pagefind-filter-dropdown[filter="domain"] button').first().click();
  await page.getByRole('option', { name: /^grpc/ }).click();
  await expect(page).toHaveURL(/\/search\/\?q=connection&domain=grpc&sort=last_updated$/);
  await expect.poll(async () => new Set(await page.locator('atlas-search-page .sr-result__domain').allTextContents())).toEqual(new Set(['grpc']));
  const grpcByDate = await resultLinks(page);
  expect(grpcByDate.length).toBeGreaterThan(2);
  expect(isDescending(keysOf(grpcByDate, 'last_updated'))).toBe(true);

  // Back to best match: the default bundle's order again, filter kept, no sort in the URL.
  await page.locator('atlas-search-page select').selectOption('relevance');
  await expect(page).toHaveURL(/\/search\/\?q=connection&domain=grpc$/);
  // The same list a fresh best-match search for it shows.
  const fresh = await page.context().newPage();
  await fresh.goto('/search/?q=connection&domain=grpc');
  await expect(firstResult(fresh)).toBeVisible();
  const grpcByRelevance = await resultLinks(fresh);
  await fresh.close();
  await expect.poll(async () => await resultLinks(page)).toEqual(grpcByRelevance);
  expect(new Set(await page.locator('atlas-search-page .sr-result__domain').allTextContents())).toEqual(new Set(['grpc']));
});

for (const [prefix, query, sort] of [['', 'connection', 'last_updated'], ['', 'connection', 'fix_rate'], ['/zh', '连接', 'last_updated']] as const) {
  test(`a ${prefix}/search/?sort=${sort} link with filters orders its results from the sorted page list, without the default one`, async ({ page }) => {
    const sorted = watchBundle(page, SORTED_BUNDLE_PATH);
    const plain = watchBundle(page, DEFAULT_BUNDLE_PATH);
    await page.goto(`${prefix}/search/?q=${encodeURIComponent(query)}&domain=grpc&resolvable=true&sort=${sort}`);
    await expect(page.locator('atlas-search-page select')).toHaveValue(sort);
    await expect(firstResult(page)).toBeVisible();
    const urls = (await resultLinks(page)).map((url) => url.slice(prefix.length));
    expect(urls.length).toBeGreaterThan(1);
    expect(isDescending(keysOf(urls, sort))).toBe(true);
    expect(new Set(await page.locator('atlas-search-page .sr-result__domain').allTextContents())).toEqual(new Set(['grpc']));
    await expect(page).toHaveURL(new RegExp(`resolvable=true&sort=${sort}$`));
    const pageList = prefix ? /\/pagefind\.zh-cn_[0-9a-f]+\.pf_meta$/ : /\/pagefind\.en_[0-9a-f]+\.pf_meta$/;
    await expect.poll(() => sorted.some((path) => pageList.test(path))).toBe(true);
    await page.waitForLoadState('networkidle');
    // The sorted bundle gives its entry file and page list; the default bundle the engine, and the
    // files both hold byte for byte (lib/search/bundles.ts, sharedBundleUrl), but not its page list.
    expect(sorted.filter((path) => !/\/(pagefind-entry\.json|pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta)$/.test(path))).toEqual([]);
    expect(plain.filter((path) => /\.pf_meta$|pagefind-entry\.json$/.test(path))).toEqual([]);
  });
}

test('keyboard only: / opens search on any page, typing, arrows and Enter open a result', async ({ page }) => {
  await page.goto(EXAMPLE_EN);
  await page.keyboard.press('/');
  const input = page.locator('pagefind-modal pagefind-input input');
  await expect(input).toBeFocused();
  await page.keyboard.type('ERR_MODULE_NOT_FOUND');
  await expect(page.locator('pagefind-modal .sr-result__link').first()).toHaveAttribute('href', '/node/err-module-not-found/');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/node\/err-module-not-found\/$/);
});

/** Pastes `text` into a field as a browser would: a paste event with the clipboard text, then the field's value without line breaks. */
async function paste(page: Page, selector: string, text: string) {
  await page.locator(selector).evaluate((input, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    // A synthetic paste inserts nothing; a single-line field drops the line breaks of a real one.
    (input as HTMLInputElement).value = pasted.replace(/[\r\n]+/g, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

const GRPC_LOG = [
  '2026-11-20T10:15:02.331Z ERROR inventory-client: rpc GetStock failed',
  'UNAVAILABLE: grpc: connection error: connection reset by peer',
  '    at ClientCall.onReceiveStatus (client.js:42:11)',
].join('\n');

test('pasting a multi-line error into the header search offers the matcher, which finds the record', async ({ page }) => {
  // Search (and the matcher) load their indexes on first use: slow on a busy 2-core machine.
  test.setTimeout(90_000);
  await page.goto(EXAMPLE_EN);
  await page.keyboard.press('/');
  const input = page.locator('pagefind-modal pagefind-input input');
  await expect(input).toBeFocused();
  const offer = page.getByRole('link', { name: 'This looks like a pasted error log. Match it instead' });
  await page.keyboard.type('connection');
  await expect(page.locator('pagefind-modal .sr-result__link').first()).toBeVisible();
  await expect(offer).toHaveCount(0);
  await input.fill('');
  await paste(page, 'pagefind-modal pagefind-input input', GRPC_LOG);
  await expect(offer).toBeVisible();
  await expect(page.locator('pagefind-modal .search-offer')).toHaveAttribute('role', 'status');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await offer.click();
  await expect(page).toHaveURL(/\/match\/\?q=/);
  expect(new URL(page.url()).searchParams.get('q')).toBe(GRPC_LOG);
  await expect(page.locator('li.match-result').first().locator('a').first()).toHaveAttribute('href', EXAMPLE_EN);
});

test('on Chinese pages the paste offer leads to the Chinese matcher', async ({ page }) => {
  await page.goto('/zh/');
  await page.keyboard.press('/');
  await expect(page.locator('pagefind-modal pagefind-input input')).toBeFocused();
  await paste(page, 'pagefind-modal pagefind-input input', GRPC_LOG);
  const offer = page.locator('pagefind-modal .search-offer a');
  await expect(offer).toBeVisible();
  expect(await offer.getAttribute('href')).toBe(`/zh/match/?q=${encodeURIComponent(GRPC_LOG)}`);
});

test('Escape closes the search dialog', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await expect(page.locator('pagefind-modal pagefind-input input')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('pagefind-modal dialog')).not.toBeVisible();
});

test('record pages load no search code until search is opened', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => { if (new URL(request.url()).pathname.startsWith('/pagefind/')) fetched.push(request.url()); });
  await page.goto(EXAMPLE_EN);
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
  await page.getByRole('button', { name: /Search errors/ }).click();
  await expect(page.locator('pagefind-modal pagefind-input input')).toBeFocused();
  expect(fetched.some((url) => url.endsWith('pagefind-component-ui.js'))).toBe(true);
  // Opening the dialog starts the engine: the page list is loading before the first keystroke.
  await expect.poll(() => fetched.some((url) => url.endsWith('.pf_meta'))).toBe(true);
});

test('the header dialog searches the default bundle only', async ({ page }) => {
  const sorted = watchBundle(page, SORTED_BUNDLE_PATH);
  await page.goto('/');
  await page.keyboard.press('/');
  await page.keyboard.type('connection reset');
  await expect(page.locator('pagefind-modal .sr-result__link').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(sorted).toEqual([]);
});

test('keys typed while the search code loads go into the field', async ({ page }) => {
  // Slow down the search code so that the whole query is typed before the dialog exists.
  await page.route('**/pagefind/pagefind-component-ui.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.goto('/');
  await page.keyboard.press('/');
  await page.keyboard.type('connection resett');
  await page.keyboard.press('Backspace');
  const field = page.locator('pagefind-modal pagefind-input input');
  await expect(field).toHaveValue('connection reset');
  await expect(field).toBeFocused();
  await expect(page.locator('pagefind-modal .sr-result__link').first()).toBeVisible();
});

test('a first search fetches no facet data; using a filter control does', async ({ page }) => {
  const filterFiles: string[] = [];
  page.on('request', (request) => { if (request.url().endsWith('.pf_filter')) filterFiles.push(request.url()); });
  await page.goto('/search/');
  await search(page, 'connection reset by peer');
  await expect(firstResult(page)).toHaveAttribute('href', EXAMPLE_EN);
  await page.waitForLoadState('networkidle');
  expect(filterFiles).toEqual([]);
  await page.locator('pagefind-filter-dropdown[filter="domain"] button').first().click();
  await expect(page.getByRole('option', { name: /^grpc/ })).toBeVisible();
  expect(filterFiles.length).toBeGreaterThan(0);
});

test('if the index cannot be loaded, the search page says so in words', async ({ page }) => {
  await page.route('**/pagefind/pagefind.js', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.route('**/pagefind/pagefind-entry.json', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto('/search/?q=connection');
  await expect(page.locator('atlas-search-page .search-error')).toContainText('Search is unavailable');
  await expect(page.locator('atlas-search-page .search-error a')).toHaveAttribute('href', '/#domains');
});

test('if the search code cannot be loaded, the header says so in words', async ({ page }) => {
  await page.route('**/pagefind/pagefind-component-ui.js', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto('/zh/');
  await page.keyboard.press('/');
  await expect(page.locator('.header-search__status')).toContainText('搜索暂不可用');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the header offers the domain listings instead of a search box, and the search page explains', async ({ page }) => {
    await page.goto(EXAMPLE_EN);
    await expect(page.locator('.header-search__fallback')).toHaveAttribute('href', '/#domains');
    await expect(page.locator('.header-search__fallback')).toBeVisible();
    await expect(page.locator('.header-search__button')).toBeHidden();
    await page.goto('/zh/search/');
    await expect(page.locator('.search-noscript')).toBeVisible();
    await expect(page.locator('.search-noscript a')).toHaveAttribute('href', '/zh/#domains');
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const path of ['/search/?q=connection', '/zh/search/?q=连接']) {
      test(`axe finds no violations on ${path} with results`, async ({ page }) => {
        await page.goto(path);
        await expect(firstResult(page)).toBeVisible();
        await page.locator('atlas-search-page .sr-result').first().waitFor();
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
    test(`axe finds no violations in the open search dialog`, async ({ page }) => {
      await page.goto('/');
      await page.keyboard.press('/');
      await expect(page.locator('pagefind-modal pagefind-input input')).toBeFocused();
      await page.keyboard.type('connection');
      await expect(page.locator('pagefind-modal .sr-result__link').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  });
}
