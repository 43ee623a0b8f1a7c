import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { indexSite } from '../../../src/lib/search/indexer.ts';
import { DEFAULT_BUNDLE, SORTED_BUNDLE } from '../../../src/lib/search/bundles.ts';

/** A record-like page: body, facet, and the two sort keys, as `SearchData.astro` writes them. */
const page = (lang: string, title: string, date: string, rate: string) => `<!doctype html><html lang="${lang}"><body>
<header>Error Atlas</header><main><article class="record" data-pagefind-body><h1>${title}</h1><p>connection reset while ${title}</p>
<div hidden class="search-data"><span data-pagefind-meta="title:${title}"></span><span data-pagefind-filter="domain:grpc"></span>
<span data-pagefind-sort="last_confirmed:${date}"></span><span data-pagefind-sort="fix_rate:${rate}"></span></div></article></main></body></html>`;

/** The decoded page lists (`pf_meta`) of a bundle, per language. */
function pageLists(bundle: string): Map<string, Buffer> {
  const lists = new Map<string, Buffer>();
  for (const name of readdirSync(bundle).filter((file) => file.endsWith('.pf_meta'))) {
    lists.set(/^pagefind\.([^_]+)_/.exec(name)![1]!, gunzipSync(readFileSync(join(bundle, name))));
  }
  return lists;
}

test('two bundles from one site: the same pages, sort keys only in pagefind-sorted/', async () => {
  const site = mkdtempSync(join(tmpdir(), 'atlas-index-test-'));
  try {
    const pages: [string, string][] = [
      ['grpc/a/index.html', page('en', 'alpha', '2024-01-01', '0.5')],
      ['grpc/b/index.html', page('en', 'beta', '2025-01-01', '-1')],
      ['zh/grpc/a/index.html', page('zh-CN', 'alpha', '2024-01-01', '0.5')],
      ['index.html', '<!doctype html><html lang="en"><body><p>home, not indexed: no data-pagefind-body</p></body></html>'],
    ];
    for (const [path, html] of pages) {
      mkdirSync(join(site, path, '..'), { recursive: true });
      writeFileSync(join(site, path), html);
    }
    // A page list left from an earlier run must not survive in the new bundle.
    mkdirSync(join(site, DEFAULT_BUNDLE));
    writeFileSync(join(site, DEFAULT_BUNDLE, 'pagefind.en_0000000000.pf_meta'), 'stale');

    const stats = await indexSite(site);

    assert.equal(stats.sortKeysRemoved, 6);
    assert.equal(stats.bundles.default.pages, 3);
    assert.equal(stats.bundles.sorted.pages, 3);
    assert.deepEqual(stats.languages.sort(), ['en', 'zh-cn']);
    const plain = pageLists(join(site, DEFAULT_BUNDLE));
    const sorted = pageLists(join(site, SORTED_BUNDLE));
    assert.deepEqual([...plain.keys()].sort(), ['en', 'zh-cn']);
    assert.deepEqual([...sorted.keys()].sort(), ['en', 'zh-cn']);
    for (const [lang, list] of plain) {
      assert.equal(list.includes('last_confirmed'), false, `${DEFAULT_BUNDLE}/ ${lang} page list holds a sort`);
      assert.equal(list.includes('fix_rate'), false, `${DEFAULT_BUNDLE}/ ${lang} page list holds a sort`);
      assert.equal(sorted.get(lang)!.includes('last_confirmed'), true, `${SORTED_BUNDLE}/ ${lang} page list lacks a sort`);
      assert.equal(sorted.get(lang)!.includes('fix_rate'), true, `${SORTED_BUNDLE}/ ${lang} page list lacks a sort`);
      assert.ok(list.length < sorted.get(lang)!.length);
    }
    // Filters and results are the same: the same facet files and the same fragments (page text, URL, meta).
    for (const dir of ['filter', 'fragment']) {
      assert.deepEqual(readdirSync(join(site, DEFAULT_BUNDLE, dir)).sort(), readdirSync(join(site, SORTED_BUNDLE, dir)).sort(), dir);
    }
    assert.equal(existsSync(join(site, DEFAULT_BUNDLE, 'pagefind.en_0000000000.pf_meta')), false);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});
