import { expect, test } from './fixtures.ts';
import { collapse, EXAMPLE_EN, EXAMPLE_ID, EXAMPLE_ZH, exampleRecord, SECTION_IDS, shippedRecord, shippedRecordIds } from './helpers.ts';

const rate = (value: number) => `${Math.round(value * 100)}%`;

/** How the English page words the example's stored values. */
const STORED_AS_WORDS: Record<string, Record<string, string>> = {
  category: { network_error: 'Network error' },
  root_cause_type: { generic: 'General: several causes lead to this message' },
  status: { active: 'Current' },
  verification_tier: { ai_generated: 'Written by AI, not reviewed by a person' },
};

/** A Chinese field (`root_cause_zh`, `dead_ends[0].why_fails_zh`, `workarounds_zh[1]`, `os_specific_zh.linux`). */
const isChineseField = (field: string) => /(?:^|\.)[a-z_]+_zh(?:[[.]|$)/.test(field);

/** Every value the example record holds, as its page in that value's language should show it. */
function expectedValues(record: Record<string, any>): { field: string; shown: string }[] {
  const values: { field: string; shown: string }[] = [];
  const rateFields = new Set(['confidence', 'fix_success_rate', 'success_rate', 'fail_rate', 'probability']);
  const visit = (value: unknown, field: string, key: string) => {
    if (value === null || value === '' || value === undefined) return;
    if (Array.isArray(value)) return value.forEach((item, index) => visit(item, `${field}[${index}]`, key));
    if (typeof value === 'object') return Object.entries(value as object).forEach(([k, v]) => visit(v, field ? `${field}.${k}` : k, k));
    if (key === 'success_rate') return values.push({ field, shown: `estimated ${rate(value as number)} success` });
    if (key === 'fail_rate') return values.push({ field, shown: `estimated to fail ${rate(value as number)} of the time` });
    if (key === 'probability') return values.push({ field, shown: `estimated probability ${rate(value as number)}` });
    if (typeof value === 'number' && rateFields.has(key)) return values.push({ field, shown: `estimated ${rate(value)}` });
    // A related record is shown by its title, linked to its page: its id is in the link.
    if (key === 'error_id') return values.push({ field, shown: `href=/${value}/` });
    // An action that is one sentence is its entry's title, without the full stop.
    if ((key === 'action' || key === 'workarounds_zh') && typeof value === 'string') return values.push({ field, shown: value.replace(/[.。]$/, '') });
    if (key === 'evidence_count') return values.push({ field, shown: `${value} report` });
    if (key === 'resolvable') return values.push({ field, shown: { true: 'Yes', partial: 'Partly', false: 'No' }[value as string] ?? '' });
    // Stored values are shown as words, never as stored.
    if (key in STORED_AS_WORDS) return values.push({ field, shown: STORED_AS_WORDS[key]![value as string] ?? `(no label for ${value})` });
    values.push({ field, shown: String(value) });
  };
  visit(record, '', '');
  return values;
}

/** All text of a page's main content, shown or folded away (closed <details>), without its scripts. */
async function mainText(page: import('@playwright/test').Page): Promise<string> {
  return collapse(await page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('script').forEach((script) => script.remove());
    const links = [...copy.querySelectorAll('a[href]')].map((link) => `href=${link.getAttribute('href')}`);
    return `${copy.textContent ?? ''} ${links.join(' ')}`;
  }));
}

test('every value of the example record appears on the page of its language', async ({ page }) => {
  const values = expectedValues(exampleRecord());
  const english = values.filter(({ field }) => !isChineseField(field));
  const chinese = values.filter(({ field }) => isChineseField(field));
  expect(english.length).toBeGreaterThan(40);
  expect(chinese.length).toBeGreaterThan(15);
  await page.goto(EXAMPLE_EN);
  const enText = await mainText(page);
  expect(english.filter(({ shown }) => !enText.includes(collapse(shown)))).toEqual([]);
  expect(enText).not.toMatch(/\bnull\b|\bundefined\b/);
  await page.goto(EXAMPLE_ZH);
  const zhText = await mainText(page);
  expect(chinese.filter(({ shown }) => !zhText.includes(collapse(shown)))).toEqual([]);
});

test('the English page shows the signature, sorted workarounds and dead ends', async ({ page }) => {
  const record = exampleRecord();
  await page.goto(EXAMPLE_EN);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText(record.signature);
  await expect(page.locator('#workarounds ~ * , #workarounds').first()).toBeVisible();
  const successRates = record.workarounds.map((w: { success_rate: number }) => w.success_rate).sort((x: number, y: number) => y - x);
  const failRates = record.dead_ends.map((d: { fail_rate: number }) => d.fail_rate).sort((x: number, y: number) => y - x);
  expect(await page.locator('.entry--work .badge').allTextContents()).toEqual(successRates.map((value: number) => `estimated ${rate(value)} success`));
  expect(await page.locator('.entry--dead .badge').allTextContents()).toEqual(failRates.map((value: number) => `estimated to fail ${rate(value)} of the time`));
  // Each entry is titled by what it does, never by a number or a placeholder.
  await expect(page.locator('.entry--work h3').first()).toHaveText('Retry UNAVAILABLE calls with a retry policy in the service config');
  await expect(page.locator('.entry--dead h3')).toHaveText(['Restart the client application', 'Raise the client deadline or timeout', 'Switch the channel to plaintext (disable TLS)']);
  await expect(page.locator('main')).not.toContainText('An attempt that is not described');
  await expect(page.locator('table th')).toHaveText(['Version', 'Status']);
  await expect(page.getByRole('link', { name: 'https://grpc.io/docs/guides/error-handling/' })).toHaveAttribute('href', 'https://grpc.io/docs/guides/error-handling/');
});

test('the Chinese page shows the record in Chinese, with nothing left untranslated', async ({ page }) => {
  const record = exampleRecord();
  await page.goto(EXAMPLE_ZH);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('h1')).toHaveText(record.signature_zh);
  await expect(page.locator('#root-cause').locator('xpath=../..')).toContainText(record.root_cause_zh);
  await expect(page.locator('[data-untranslated]')).toHaveCount(0);
  await expect(page.locator('.entry--dead h3')).toHaveText(['重启客户端应用', '调大客户端的 deadline 或超时时间', '把通道改成明文（关闭 TLS）']);
  for (const heading of await page.locator('.entry h3').all()) await expect(heading).not.toHaveAttribute('lang', 'en');
  // Commands stay as they are; their comments are in Chinese.
  await expect(page.locator('#workaround-1-how')).toContainText('# UNAVAILABLE 表示请求没有被处理');
  await expect(page.locator('#workaround-1-how')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 2 })).toContainText(['根本原因', '解决办法', '无效做法', '相关错误', '版本', '详细信息']);
});

for (const path of [EXAMPLE_EN, EXAMPLE_ZH]) {
  test(`every section anchor exists with a visible link to itself on ${path}`, async ({ page }) => {
    await page.goto(path);
    const ids = [...SECTION_IDS, 'workaround-1', 'workaround-2', 'workaround-3', 'workaround-4', 'dead-end-1', 'dead-end-2', 'dead-end-3'];
    for (const id of ids) {
      await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
      const link = page.locator(`a.anchor-link[href="#${id}"]`);
      await expect(link).toHaveCount(1);
      await expect(link).toBeVisible();
    }
  });
}

test('the language switch keeps the record and the anchor', async ({ page }) => {
  await page.goto(`${EXAMPLE_EN}#workaround-2`);
  // The switch carries the section once its script has run (without it, the plain link still works).
  await expect(page.getByRole('link', { name: /中文/ })).toHaveAttribute('href', /#workaround-2$/);
  await page.getByRole('link', { name: /中文/ }).click();
  await expect(page).toHaveURL(new RegExp(`/zh/${EXAMPLE_ID}/#workaround-2$`));
  await expect(page.locator('h1')).toHaveText(exampleRecord().signature_zh);
  await expect(page.getByRole('link', { name: /English/ })).toHaveAttribute('href', /#workaround-2$/);
  await page.getByRole('link', { name: /English/ }).click();
  await expect(page).toHaveURL(new RegExp(`${EXAMPLE_EN}#workaround-2$`));
});

test('hreflang alternates and canonical point at the same record', async ({ page }) => {
  await page.goto(EXAMPLE_ZH);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(canonical).toMatch(new RegExp(`^https?://[^/]+/zh/${EXAMPLE_ID}/$`));
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', new RegExp(`${EXAMPLE_EN}$`));
  await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute('href', new RegExp(`${EXAMPLE_ZH}$`));
  await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute('href', new RegExp(`${EXAMPLE_EN}$`));
});

test('words of adjacent elements do not run together in the rendered text', async ({ page }) => {
  await page.goto(EXAMPLE_EN);
  const text = collapse(await page.locator('main').innerText());
  for (const phrase of [`grpc · Network error · Updated ${exampleRecord().last_updated}`, 'You can fix this', 'Fixes usually work (estimated 76%)', 'Try first Retry UNAVAILABLE calls with a retry policy in the service… · estimated 80% success']) {
    expect(text).toContain(phrase);
  }
  const html = await page.content();
  expect(html).not.toMatch(/[A-Za-z]<a\b[^>]*>[A-Za-z]/);
});

test('a domain page lists its records with resolvable, estimated fix rate and last update', async ({ page }) => {
  await page.goto('/grpc/');
  await expect(page.locator('h1')).toHaveText('grpc errors');
  const row = page.locator('table.listing tr', { has: page.locator(`a[href="${EXAMPLE_EN}"]`) });
  await expect(page.locator('table.listing th')).toHaveText(['Error', 'Resolvable', 'Fix rate (estimated)', 'Last updated']);
  await expect(row.locator('td')).toHaveText(['UNAVAILABLE: grpc: connection error: connection reset by peer', 'Yes', '76%', exampleRecord().last_updated]);
});

test('the home page shows counts, domains and recently updated records in both languages', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('stats')).toHaveText(/^\d+ errors in \d+ domains$/);
  await expect(page.locator('.domain-grid a[href="/grpc/"]')).toContainText('grpc');
  await expect(page.locator('#recent + ul li')).not.toHaveCount(0);
  await page.goto('/zh/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('stats')).toHaveText(/^\d+ 个分类，共 \d+ 条报错$/);
  await expect(page.locator('.domain-grid a[href="/zh/grpc/"]')).toBeVisible();
});

test('an unknown address gets the 404 page', async ({ page }) => {
  const response = await page.goto('/no/such-record/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
});

test('the guides document the record format in both languages', async ({ page }) => {
  await page.goto('/format/');
  await expect(page.locator('h1')).toHaveText('Record format');
  await expect(page.locator('table').first()).toContainText('workarounds_zh');
  await page.goto('/zh/format/');
  await expect(page.locator('h1')).toHaveText('记录格式');
  await page.goto('/zh/about/');
  await expect(page.locator('h1')).toHaveText('关于错误图谱');
});

test('the runbook guide shows the anchor contract, the JSON API and a CI step, in both languages', async ({ page }) => {
  await page.goto('/runbooks/');
  await expect(page.locator('h1')).toHaveText('Linking from runbooks');
  await expect(page.locator('main')).toContainText('#workaround-1');
  await expect(page.locator('main')).toContainText('/_api/v1/records.json');
  await expect(page.locator('main pre').filter({ hasText: '--format github' })).toHaveCount(1);
  await page.locator('main').getByRole('link', { name: 'record format' }).click();
  await expect(page).toHaveURL(/\/format\/#json-api$/);
  await expect(page.locator('#json-api')).toHaveText('JSON API');
  await page.goto('/zh/runbooks/');
  await expect(page.locator('h1')).toHaveText('在运维手册中引用');
  await expect(page.locator('footer')).toContainText('在运维手册中引用');
});

test('messages as tools print them under zh_CN are listed with their locale, in both languages', async ({ page }) => {
  const id = 'postgres/duplicate-key-violates-unique-constraint';
  await page.goto(`/${id}/`);
  const localized = page.locator('ul.aliases li').filter({ has: page.locator('code[lang="zh-CN"]') });
  await expect(localized.first().locator('code')).toHaveText('错误:  重复键违反唯一约束"<constraint>"');
  await expect(localized.first()).toContainText('printed under zh_CN');
  await expect(page.locator('ul.aliases code[lang="en"]').first()).toBeVisible();
  // Printed text in a monospace face whatever its language: a Chinese message in the CJK body face
  // would not line up with the English ones above it.
  const fontOf = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).fontFamily);
  expect(await fontOf('ul.aliases code[lang="zh-CN"]')).toBe(await fontOf('ul.aliases code[lang="en"]'));
  await page.goto(`/zh/${id}/`);
  await expect(page.locator('ul.aliases li').filter({ has: page.locator('code[lang="zh-CN"]') }).first()).toContainText('zh_CN 环境下打印');
  expect(await fontOf('ul.aliases code[lang="zh-CN"]')).toBe(await fontOf('ul.aliases code[lang="en"]'));
});

test('the date the record was last updated is near the top; without a repository there are no edit links', async ({ page }) => {
  await page.goto(EXAMPLE_EN);
  const meta = page.locator('.record-topline');
  await expect(meta.locator('time')).toHaveAttribute('datetime', exampleRecord().last_updated);
  await expect(meta).toContainText(`Updated ${exampleRecord().last_updated}`);
  await expect(page.getByRole('link', { name: 'Edit this record' })).toHaveCount(0);
  await page.goto(EXAMPLE_ZH);
  await expect(page.locator('.record-topline')).toContainText(`更新于 ${exampleRecord().last_updated}`);
});

test('a section heading copies a Markdown link to itself for a runbook', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(EXAMPLE_EN);
  const button = page.getByRole('button', { name: 'Copy a Markdown link to “Workarounds”' });
  await button.click();
  await expect(button).toHaveText('Markdown link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`[${exampleRecord().signature} — Workarounds](https://error-atlas.example${EXAMPLE_EN}#workarounds)`);
});

test('every section heading has a copy-link button whose copied state screen readers hear', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(EXAMPLE_EN);
  const headings = await page.locator('.record .heading-wrapper > :is(h2, h3)').evaluateAll((nodes) => nodes.map((node) => node.id));
  expect(headings).toEqual(['root-cause', 'workarounds', 'workaround-1', 'workaround-2', 'workaround-3', 'workaround-4', 'dead-ends', 'dead-end-1', 'dead-end-2', 'dead-end-3', 'related', 'versions', 'details']);
  const toolsOf = (id: string) => page.locator('.heading-wrapper', { has: page.locator(`[id="${id}"]`) }).locator('copy-section-link');
  for (const id of headings) await expect(toolsOf(id).locator('button[data-copy="url"]')).toBeVisible();
  const tools = toolsOf('dead-end-2');
  await tools.getByRole('button', { name: /^Copy link to/ }).click();
  await expect(tools.getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`https://error-atlas.example${EXAMPLE_EN}#dead-end-2`);
  await page.goto(EXAMPLE_ZH);
  const zh = toolsOf('root-cause');
  await zh.getByRole('button', { name: /^复制链接/ }).click();
  await expect(zh.getByRole('status')).toHaveText('链接已复制');
});

test('a section reached by a link sits below the top edge and is highlighted', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`${EXAMPLE_EN}#workaround-2`);
  const heading = page.locator('#workaround-2');
  const top = await heading.evaluate((node) => node.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(8);
  const entry = page.locator('.entry', { has: heading });
  const shadow = await entry.evaluate((node) => getComputedStyle(node).boxShadow);
  expect(shadow).not.toBe('none');
  const other = await page.locator('.entry', { has: page.locator('#workaround-1') }).evaluate((node) => getComputedStyle(node).boxShadow);
  expect(other).toBe('none');
});

test('the contents list every section: open beside the page on wide screens, a closed list on phones', async ({ page }) => {
  await page.goto(EXAMPLE_EN);
  const toc = page.locator('nav.toc');
  // One entry per section and per workaround and dead end, in page order, named as the heading is (long ones shortened).
  const headings = await page.locator('.record .heading-wrapper > :is(h2, h3)').evaluateAll((nodes) => nodes.map((node) => ({ id: node.id, text: node.textContent?.trim() ?? '' })));
  const entries = await toc.locator('a').evaluateAll((links) => links.map((link) => ({ anchor: link.getAttribute('href')?.slice(1), label: link.textContent?.trim() ?? '' })));
  expect(entries.map(({ anchor }) => anchor)).toEqual(headings.map(({ id }) => id));
  for (const [index, { label }] of entries.entries()) {
    const heading = headings[index]!.text;
    expect(label === heading || (label.endsWith('…') && heading.startsWith(label.slice(0, -1).trimEnd())), `${label} / ${heading}`).toBe(true);
  }
  // Root cause, workarounds and its four, dead ends and its three, related, versions, details.
  expect(entries.length).toBe(2 + 4 + 1 + 3 + 3);
  await expect(toc.locator('a').first()).toBeVisible();
  const box = await toc.boundingBox();
  const main = await page.locator('#root-cause').boundingBox();
  expect(box!.x).toBeGreaterThan(main!.x + main!.width);
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(toc.locator('a').first()).toBeHidden();
  await toc.locator('summary').click();
  await expect(toc.locator('a').first()).toBeVisible();
});

test('no stored value or field name shows in the text of any record page', async ({ request }) => {
  const ids = shippedRecordIds();
  for (const prefix of ['', '/zh']) {
    for (const id of ids) {
      const html = await (await request.get(`${prefix}/${id}/`)).text();
      // Text outside code: record text inside <code>/<pre> is the tool's own output and may hold anything.
      const text = html
        .replace(/<(script|style|code|pre|template)\b[\s\S]*?<\/\1>/g, ' ')
        .replace(/<[^>]+>/g, ' ');
      const record = shippedRecord(id);
      const stored = [record.category, record.root_cause_type, record.verification_tier, ...(record.versions ?? []).map((v: any) => v.status)]
        .filter((value): value is string => typeof value === 'string' && /_/.test(value));
      for (const value of stored) expect(text, `${prefix}/${id}/ shows "${value}"`).not.toMatch(new RegExp(`\\b${value}\\b`));
      expect(text, `${prefix}/${id}/ shows a field name`).not.toMatch(/\b(?:workarounds_zh|root_cause(?:_zh|_type)?|signature_zh|verification_tier|fix_success_rate|success_rate|fail_rate|why_fails|transition_graph)\b/);
    }
  }
});

test('on a phone the root cause starts within the first screen of every record page', async ({ context }) => {
  // 600 pages: three tabs share them.
  test.setTimeout(480_000);
  const paths = ['', '/zh'].flatMap((prefix) => shippedRecordIds().map((id) => `${prefix}/${id}/`));
  const late: string[] = [];
  await Promise.all([0, 1, 2].map(async (tab) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    for (const path of paths.filter((_, index) => index % 3 === tab)) {
      await page.goto(path);
      const bottom = await page.locator('#root-cause').evaluate((node) => node.getBoundingClientRect().bottom);
      if (bottom > 800) late.push(`${path} (${Math.round(bottom)} px)`);
    }
    await page.close();
  }));
  expect(paths.length).toBe(2 * shippedRecordIds().length);
  expect(late.sort()).toEqual([]);
});

test('every stated rate has a bar beside it, decoration only; the best fix and the worst trap stand out', async ({ page }) => {
  await page.goto(EXAMPLE_EN);
  const workaroundBars = page.locator('section[aria-labelledby="workarounds"] svg.rate-bar');
  await expect(workaroundBars).toHaveCount(4);
  await expect(page.locator('section[aria-labelledby="dead-ends"] svg.rate-bar--bad')).toHaveCount(3);
  await expect(page.locator('svg.rate-bar[aria-hidden="true"]')).toHaveCount(7);
  await expect(page.locator('svg.rate-bar--leading')).toHaveCount(2);
  // Same origin and length for every bar: they compare at a glance.
  const boxes = await page.locator('svg.rate-bar').evaluateAll((bars) => bars.map((bar) => bar.getBoundingClientRect()).map((box) => [Math.round(box.left), Math.round(box.width)]));
  expect(new Set(boxes.map((box) => box.join(','))).size).toBe(1);
  expect(await workaroundBars.first().locator('.rate-bar__fill').getAttribute('width')).toBe('80');
  // A record without rates draws no bars.
  await page.goto('/linux/command-not-found/');
  const rated = await page.locator('.entry .rate').count();
  await expect(page.locator('svg.rate-bar')).toHaveCount(rated);
});

test('the neighbourhood diagram links the related records around this one, and only where there are some', async ({ page }) => {
  await page.goto('/kubernetes/oomkilled/');
  const diagram = page.locator('section[aria-labelledby="related"] figure.neighbourhood');
  await expect(diagram).toHaveCount(1);
  await expect(diagram.locator('.nb-self')).toHaveText(await page.locator('h1').innerText());
  const nodes = await diagram.locator('a.nb-node').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(nodes.length).toBeGreaterThan(2);
  // Every node is also in the related lists below, in the page's language.
  for (const href of nodes) {
    expect(href).toMatch(/^\/[a-z0-9-]+\/[a-z0-9._-]+\/$/);
    // (A record can sit in two groups, e.g. both before this one and confused with it.)
    expect(await page.locator(`section[aria-labelledby="related"] .related-group a[href="${href}"]`).count()).toBeGreaterThan(0);
  }
  await expect(diagram.locator('svg[aria-hidden="true"]')).not.toHaveCount(0);
  await page.goto('/zh/kubernetes/oomkilled/');
  expect(await page.locator('figure.neighbourhood a.nb-node').first().getAttribute('href')).toMatch(/^\/zh\//);
  // A record no other record relates to, and that names none: no diagram.
  await page.goto('/redis/wrongtype-operation/');
  await expect(page.locator('section[aria-labelledby="related"] .muted')).toBeVisible();
  await expect(page.locator('figure.neighbourhood')).toHaveCount(0);
});

test('two or more versions are drawn as a strip in order above the table; one version draws none', async ({ page }) => {
  await page.goto('/kubernetes/oomkilled/');
  const strip = page.locator('section[aria-labelledby="versions"] ol.version-strip');
  await expect(strip).toHaveAttribute('aria-hidden', 'true');
  const names = await strip.locator('.vs-version').allTextContents();
  expect(names).toEqual(await page.locator('section[aria-labelledby="versions"] tbody tr td:first-child').allTextContents());
  await expect(strip.locator('.vs-change').first()).toContainText('memory.oom.group');
  await page.goto('/git/refusing-to-merge-unrelated-histories/');
  await expect(page.locator('ol.version-strip')).toHaveCount(0);
});
