import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures.ts';
import { EXAMPLE_EN, EXAMPLE_ID, exampleRecord } from './helpers.ts';

/** The example's error buried in a 50-line CI log: timestamps, noise before, a stack trace after. */
function ciLog(): string {
  const before = Array.from({ length: 30 }, (_, i) => `2026-11-20T10:00:${String(i).padStart(2, '0')}.120Z INFO  [build] step ${i}: compiled 14 modules in ${100 + i} ms`);
  const error = '2026-11-20T10:00:31.004Z ##[error]order-service: rpc call failed: UNAVAILABLE: grpc: connection error: connection reset by peer';
  const after = Array.from({ length: 19 }, (_, i) => `    at Http2CallStream.onStatus (/app/node_modules/@grpc/grpc-js/build/src/call.js:${50 + i}:23)`);
  return [...before, error, ...after].join('\n');
}

async function ready(page: Page) {
  await expect(page.locator('error-matcher')).toHaveAttribute('data-ready', '', { timeout: 15_000 });
}

test('the example gRPC error inside a 50-line log finds the example record first', async ({ page }) => {
  await page.goto('/match/');
  await ready(page);
  const log = ciLog();
  expect(log.split('\n')).toHaveLength(50);
  await page.locator('#match-input').fill(log);
  const first = page.locator('.match-result').first();
  await expect(first.locator('.match-title a')).toHaveAttribute('href', EXAMPLE_EN);
  await expect(first.locator('.match-title')).toHaveText(exampleRecord().signature);
  await expect(first.locator('mark')).toHaveText('UNAVAILABLE: grpc: connection error: connection reset by peer');
  await expect(first.getByRole('link', { name: /Workarounds/ })).toHaveAttribute('href', `${EXAMPLE_EN}#workarounds`);
  await expect(first.getByRole('link', { name: '中文' })).toHaveAttribute('href', `/zh/${EXAMPLE_ID}/`);
  await expect(first.locator('.match-meta')).toContainText('grpc');
  await expect(first.locator('.match-meta')).toHaveText('Strong match · grpc · Fixes usually work (estimated 76%)');
  // Why and what to do, from the record itself.
  // The root cause's opening, cut at a word where it runs long.
  const cause = await first.locator('.match-cause').textContent();
  expect(cause?.startsWith(exampleRecord().root_cause.split('. ')[0])).toBe(true);
  expect(cause!.length).toBeLessThan(exampleRecord().root_cause.length);
  await expect(first.locator('.match-try a')).toHaveText('Retry UNAVAILABLE calls with a retry policy in the service config');
  await expect(first.locator('.match-try a')).toHaveAttribute('href', `${EXAMPLE_EN}#workaround-1`);
  await expect(first.locator('.match-try')).toContainText('estimated 80% success');
});

test('the address follows the text: short pastes in ?q=, long logs kept out', async ({ page }) => {
  await page.goto('/match/');
  await ready(page);
  const line = 'Error: connect ECONNREFUSED 127.0.0.1:5432';
  await page.locator('#match-input').fill(line);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(line);
  await page.locator('#match-input').fill(ciLog().repeat(3));
  await expect(page).toHaveURL(/\/match\/$/);
});

test('the home page paste box hands the paste to the matcher without putting it in the address', async ({ page }) => {
  await page.goto('/');
  await page.locator('#home-paste').fill(ciLog());
  await page.getByRole('button', { name: 'Find what explains it' }).click();
  await expect(page).toHaveURL(/\/match\/$/);
  await expect(page.locator('.match-result').first().locator('.match-title a')).toHaveAttribute('href', EXAMPLE_EN);
});

test('a ?q= link fills the box and runs the match', async ({ page }) => {
  const text = 'E: docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';
  await page.goto(`/match/?q=${encodeURIComponent(text)}`);
  await expect(page.locator('#match-input')).toHaveValue(text);
  await expect(page.locator('.match-result').first().locator('.match-title a')).toHaveAttribute('href', '/docker/cannot-connect-to-docker-daemon/');
});

test('the Chinese page matches and links to Chinese record pages', async ({ page }) => {
  await page.goto(`/zh/match/?q=${encodeURIComponent(ciLog())}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('h1')).toHaveText('匹配报错');
  const first = page.locator('.match-result').first();
  await expect(first.locator('.match-title a')).toHaveAttribute('href', `/zh/${EXAMPLE_ID}/`);
  await expect(first.getByRole('link', { name: /解决办法/ })).toHaveAttribute('href', `/zh/${EXAMPLE_ID}/#workarounds`);
  await expect(first.getByRole('link', { name: 'English' })).toHaveAttribute('href', EXAMPLE_EN);
  await expect(page.locator('[data-status]')).toContainText('条匹配的记录');
});

test('unrelated text abstains and offers a site search for the key line', async ({ page }) => {
  await page.goto('/match/');
  await ready(page);
  await page.locator('#match-input').fill('2026-11-20 10:00:00 INFO boot\n2026-11-20 10:00:01 ERROR frobnicator exploded: quantum flux capacitor misaligned at sector 7');
  await expect(page.locator('error-matcher')).toHaveAttribute('data-abstained', '');
  await expect(page.locator('.match-result')).toHaveCount(0);
  const link = page.locator('[data-status] a');
  await expect(link).toHaveText('frobnicator exploded: quantum flux capacitor misaligned at sector 7');
  await expect(link).toHaveAttribute('href', '/search/?q=frobnicator%20exploded%3A%20quantum%20flux%20capacitor%20misaligned%20at%20sector%207');
});

test('pasted markup is shown as text, never rendered', async ({ page }) => {
  await page.goto('/match/');
  await ready(page);
  await page.locator('#match-input').fill('<img src=x onerror="document.title=\'pwned\'"> UNAVAILABLE: grpc: connection error: connection reset by peer <b>bold</b>');
  await expect(page.locator('.match-result').first()).toBeVisible();
  await expect(page.locator('error-matcher img, error-matcher b')).toHaveCount(0);
  await expect(page.locator('.match-line').first()).toContainText('<img src=x');
  expect(await page.title()).not.toBe('pwned');
});

test('record pages never load the matcher index; the match page loads it once', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(EXAMPLE_EN);
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => path.startsWith('/matcher/'))).toEqual([]);
  await page.goto('/match/');
  await ready(page);
  const index = fetched.filter((path) => path.startsWith('/matcher/'));
  expect(index).toHaveLength(1);
  expect(index[0]).toMatch(/^\/matcher\/index\.[0-9a-f]{16}\.json$/);
});

test('the worker starts while the page is parsed, before its own scripts have run, and only once', async ({ page }) => {
  // Wrap Worker before any script of the page runs: record, per worker created, whether the page was
  // still being parsed and whether the match page's element was already defined (its script had run).
  await page.addInitScript(() => {
    const created: { url: string; parsing: boolean; elementDefined: boolean }[] = [];
    (window as unknown as { __workers: typeof created }).__workers = created;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        created.push({ url: String(url), parsing: document.readyState === 'loading', elementDefined: customElements.get('error-matcher') !== undefined });
      }
    };
  });
  await page.goto('/match/');
  await ready(page);
  const created = await page.evaluate(() => (window as unknown as { __workers: { url: string; parsing: boolean; elementDefined: boolean }[] }).__workers);
  const matcherWorkers = created.filter((worker) => /\/worker[^/]*\.js/.test(worker.url));
  expect(matcherWorkers).toHaveLength(1);
  expect(matcherWorkers[0]!.parsing).toBe(true);
  expect(matcherWorkers[0]!.elementDefined).toBe(false);
  await page.locator('textarea').fill(ciLog());
  await expect(page.locator('.match-result').first()).toBeVisible();
});

test('without JavaScript the page says matching needs it and links to search', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/match/');
  await expect(page.locator('.notice')).toContainText('needs JavaScript');
  await expect(page.locator('.notice a[href="/search/"]')).toBeVisible();
  await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the match page with results (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/match/?q=${encodeURIComponent(ciLog())}`);
    await expect(page.locator('.match-result').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('axe finds no violations on the Chinese match page', async ({ page }) => {
  await page.goto('/zh/match/');
  await ready(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('what psql prints under zh_CN finds the record, on the Chinese page and on the English one', async ({ page }) => {
  const id = 'postgres/duplicate-key-violates-unique-constraint';
  const paste = '2024-05-14 09:12:33.905 CST [25870] app@shop 错误:  重复键违反唯一约束"orders_pkey"\n2024-05-14 09:12:33.905 CST [25870] app@shop 详细信息:  键值"(id)=(1043)" 已经存在';
  await page.goto(`/zh/match/?q=${encodeURIComponent(paste)}`);
  const first = page.locator('.match-result').first();
  await expect(first.locator('.match-title a')).toHaveAttribute('href', `/zh/${id}/`);
  await expect(first.getByRole('link', { name: 'English' })).toHaveAttribute('href', `/${id}/`);
  await page.goto(`/match/?q=${encodeURIComponent(paste)}`);
  await expect(page.locator('.match-result').first().locator('.match-title a')).toHaveAttribute('href', `/${id}/`);
});

test('another PostgreSQL error printed under zh_CN gets no answer', async ({ page }) => {
  await page.goto(`/zh/match/?q=${encodeURIComponent('错误:  除以零')}`);
  await expect(page.locator('error-matcher')).toHaveAttribute('data-abstained', '');
  await expect(page.locator('.match-result')).toHaveCount(0);
});

test('every file the worker imports on demand is served', async ({ page, request }) => {
  // The page renders the worker's URL itself (for its inline start); the chunks that worker imports
  // (re2js) must have been emitted beside it, or patterns needing the linear-time engine never run.
  await page.goto('/match/');
  const workerUrl = new URL((await page.locator('meta[name="atlas-matcher"]').getAttribute('data-worker'))!, page.url());
  const worker = await request.get(workerUrl.href);
  expect(worker.status()).toBe(200);
  const imports = [...(await worker.text()).matchAll(/\bimport\s*\(\s*[`'"]([^`'"]+)[`'"]\s*\)|\bfrom\s*[`'"](\.[^`'"]+)[`'"]/g)].map((m) => m[1] ?? m[2]);
  expect(imports.length).toBeGreaterThan(0);
  for (const specifier of imports) expect((await request.get(new URL(specifier!, workerUrl).href)).status(), specifier).toBe(200);
});

test('underscores in a matched line stay visible in its highlight', async ({ page }) => {
  // The highlight's ring once painted over the glyphs at its edge: `NVIDIA_T4_GPUS` read as `NVIDIA T4 GPUS`.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/match/');
  await ready(page);
  await page.locator('#match-input').fill("Quota 'NVIDIA_T4_GPUS' exceeded. Limit: 0.0 in region europe-west4.");
  const mark = page.locator('.match-result').first().locator('mark');
  await expect(mark).toContainText('NVIDIA_T4_GPUS');
  const shown = await mark.screenshot();
  await mark.evaluate((el) => (el.textContent = el.textContent!.replaceAll('_', ' ')));
  expect(shown.equals(await mark.screenshot())).toBe(false);
});
