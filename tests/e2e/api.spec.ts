/**
 * What the site publishes for machines, fetched as a client would: the JSON API validates against the
 * published JSON Schema, the feeds and JSON-LD parse with their required fields, robots.txt and
 * llms.txt point at the sitemap and the JSON index. (check:links checks every URL inside the JSON.)
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { loadRecords, recordsDir } from '../../src/node/records.ts';
import { expect, test } from './fixtures.ts';
import { EXAMPLE_EN, EXAMPLE_ID, exampleRecord } from './helpers.ts';

const SITE = 'https://error-atlas.example/';

test('every record is published as JSON that validates against the published schema, with its URLs and anchors', async ({ request }) => {
  const schema = await (await request.get('/_api/v1/record.schema.json')).json();
  const validate = new Ajv2020({ strict: false }).compile(schema);
  const index = await (await request.get('/_api/v1/records.json')).json();
  const records = loadRecords(recordsDir());
  expect(index.api_version).toBe(1);
  expect(index.count).toBe(records.length);
  expect(index.records.map((entry: { id: string }) => entry.id).sort()).toEqual(records.map((record) => record.id).sort());
  for (const entry of index.records) {
    const document = await (await request.get(new URL(entry.json).pathname)).json();
    expect(validate(document.record), `${entry.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    expect(document.urls).toEqual(entry.urls);
    expect(document.sections.en.workarounds).toBe(`${entry.urls.en}#workarounds`);
  }
  const example = await (await request.get(`/_api/v1/records/${EXAMPLE_ID}.json`)).json();
  expect(example.urls).toEqual({ en: `${SITE}${EXAMPLE_ID}/`, zh: `${SITE}zh/${EXAMPLE_ID}/` });
  expect(example.sections.zh['dead-end-3']).toBe(`${SITE}zh/${EXAMPLE_ID}/#dead-end-3`);
  const domains = await (await request.get('/_api/v1/domains.json')).json();
  expect(domains.domains.reduce((sum: number, entry: { count: number }) => sum + entry.count, 0)).toBe(records.length);
});

for (const [path, lang] of [['/feed.xml', 'en'], ['/zh/feed.xml', 'zh-CN']] as const) {
  test(`${path} is an Atom feed of the newest records, newest first`, async ({ page, request }) => {
    const response = await request.get(path);
    // Static hosts type it by its extension: some XML type.
    expect(response.headers()['content-type']).toMatch(/xml/);
    const xml = await response.text();
    await page.goto('/');
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      const root = doc.documentElement;
      const entries = [...root.querySelectorAll('entry')].map((entry) => ({
        id: entry.querySelector('id')?.textContent,
        title: entry.querySelector('title')?.textContent,
        link: entry.querySelector('link')?.getAttribute('href'),
        updated: entry.querySelector('updated')?.textContent,
      }));
      return { name: root.localName, ns: root.namespaceURI, lang: root.getAttribute('xml:lang'), id: root.querySelector(':scope > id')?.textContent, updated: root.querySelector(':scope > updated')?.textContent, entries };
    }, xml);
    expect(feed).not.toBeNull();
    expect(feed!.name).toBe('feed');
    expect(feed!.ns).toBe('http://www.w3.org/2005/Atom');
    expect(feed!.lang).toBe(lang);
    expect(feed!.id).toBe(new URL(path.slice(1), SITE).href);
    expect(feed!.entries.length).toBeGreaterThan(10);
    expect(feed!.entries.length).toBeLessThanOrEqual(50);
    for (const entry of feed!.entries) {
      expect(entry.title).toBeTruthy();
      expect(entry.link).toBe(entry.id);
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
    const dates = feed!.entries.map((entry) => entry.updated!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(feed!.updated).toBe(dates[0]);
  });
}

test('a record page carries JSON-LD: the article, its description and the workarounds as linked steps', async ({ page }) => {
  await page.goto(EXAMPLE_EN);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(data['@context']).toBe('https://schema.org');
  expect(data['@type']).toBe('TechArticle');
  expect(data.headline).toBe(await page.locator('h1').textContent());
  expect(data.description).toBe(await page.locator('meta[name="description"]').getAttribute('content'));
  expect(data.url).toBe(`${SITE}${EXAMPLE_ID}/`);
  expect(data.mainEntity['@type']).toBe('HowTo');
  expect(data.mainEntity.step.length).toBe(exampleRecord().workarounds.length);
  for (const step of data.mainEntity.step) {
    expect(step['@type']).toBe('HowToStep');
    await expect(page.locator(`[id="${new URL(step.url).hash.slice(1)}"]`)).toHaveCount(1);
  }
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', data.description);
});

test('robots.txt names the sitemap; llms.txt links the JSON index and the guides', async ({ request }) => {
  expect(await (await request.get('/robots.txt')).text()).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
  const llms = await (await request.get('/llms.txt')).text();
  expect(llms).toMatch(/^# Error Atlas\n\n> /);
  expect(llms).toContain(`(${SITE}_api/v1/records.json)`);
  expect(llms).toContain(`(${SITE}format/)`);
});
