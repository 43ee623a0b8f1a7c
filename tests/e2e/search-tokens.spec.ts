import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { close, createIndex } from 'pagefind';
import { INDEX_OPTIONS } from '../../src/node/search/indexer.ts';

/**
 * Error tokens the shipped records do not contain (`std::bad_alloc`, `0x80070005`), checked against a
 * small index built with the site's own Pagefind options, next to near-miss distractors.
 * Fast: no Astro build, a few HTML pages shaped like record pages.
 */
const PAGES: Record<string, string> = {
  '/cpp/std-bad-alloc/': "terminate called after throwing an instance of 'std::bad_alloc' what(): std::bad_alloc",
  '/cpp/vector-out-of-range/': "terminate called after throwing an instance of 'std::out_of_range' what(): vector::_M_range_check",
  '/windows/access-denied-0x80070005/': 'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))',
  '/windows/file-not-found-0x80070002/': 'The system cannot find the file specified. (Exception from HRESULT: 0x80070002)',
  '/node/err-module-not-found/': "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/app/x' imported from /app/y",
  '/node/err-require-esm/': 'Error [ERR_REQUIRE_ESM]: require() of ES Module not supported',
};

const page = (title: string) => `<!doctype html><html lang="en"><body><header>Error Atlas Search</header><main><article class="record" data-pagefind-body>
<h1 data-pagefind-weight="10">${title.replace(/</g, '&lt;')}</h1><section><h2 id="signature">Signature</h2><pre>${title.replace(/</g, '&lt;')}</pre><dl><dt>Domain</dt><dd>x</dd></dl></section>
</article></main></body></html>`;

const dir = join('test-results', 'token-index');
// One worker builds the index once; parallel workers would race on the same directory.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { index } = await createIndex(INDEX_OPTIONS);
  for (const [url, title] of Object.entries(PAGES)) await index!.addHTMLFile({ url, content: page(title) });
  await index!.writeFiles({ outputPath: join(dir, 'pagefind') });
  await close();
});

for (const [query, expected] of [
  ['std::bad_alloc', '/cpp/std-bad-alloc/'],
  ['bad_alloc', '/cpp/std-bad-alloc/'],
  ['0x80070005', '/windows/access-denied-0x80070005/'],
  ['ERR_MODULE_NOT_FOUND', '/node/err-module-not-found/'],
] as const) {
  test(`${query} finds ${expected} first`, async ({ page: browserPage }) => {
    await browserPage.route('**/token-fixture/**', (route) => {
      const path = new URL(route.request().url()).pathname.replace('/token-fixture/', '');
      if (path === '') return route.fulfill({ contentType: 'text/html', body: '<html lang="en"><body>fixture</body></html>' });
      const type = path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
      try {
        return route.fulfill({ contentType: type, body: readFileSync(join(dir, path)) });
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
    });
    await browserPage.goto('/token-fixture/');
    const urls = await browserPage.evaluate(async (q) => {
      const pagefind = await import('/token-fixture/pagefind/pagefind.js' as string);
      const search = await pagefind.search(q);
      return Promise.all(search.results.slice(0, 3).map(async (result: { data(): Promise<{ url: string }> }) => (await result.data()).url));
    }, query);
    expect(urls[0]).toBe(`/token-fixture${expected}`);
  });
}
