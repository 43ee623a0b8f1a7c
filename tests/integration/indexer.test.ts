import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { indexByLanguage, indexDirectory, indexSite, sortKeysIn } from '../../src/node/search/indexer.ts';
import { DEFAULT_BUNDLE, SORTED_BUNDLE } from '../../src/lib/search/bundles.ts';

/** A record-like page as the site renders it: sort keys in <head> (SearchSortKeys.astro), title and facet in <body>. */
const page = (lang: string, title: string, date: string, rate: string, sortInBody = false) => {
  const sorts = `<meta name="error-atlas:last_updated" content="${date}" data-pagefind-sort="last_updated[content]"><meta name="error-atlas:fix_rate" content="${rate}" data-pagefind-sort="fix_rate[content]">`;
  return `<!doctype html><html lang="${lang}"><head><title>${title}</title>${sortInBody ? '' : sorts}</head><body>
<header>Error Atlas</header><main><article class="record" data-pagefind-body><h1 id="signature">${title}</h1><p>connection reset while ${title}</p></article>
<div hidden class="search-data"><span data-pagefind-meta="title:${title}"></span><span data-pagefind-filter="domain:grpc"></span>${sortInBody ? sorts : ''}</div></main></body></html>`;
};

function site(pages: [string, string][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-index-test-'));
  for (const [path, html] of pages) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

test('two bundles from one site: the same pages, filters and fragments; sort keys only in pagefind-sorted/', async () => {
  const dir = site([
    ['grpc/a/index.html', page('en', 'alpha', '2024-01-01', '0.5')],
    ['grpc/b/index.html', page('en', 'beta', '2025-01-01', '-1')],
    ['zh/grpc/a/index.html', page('zh-CN', 'alpha', '2024-01-01', '0.5')],
    ['index.html', '<!doctype html><html lang="en"><body><p>home, not indexed: no data-pagefind-body</p></body></html>'],
    // A page list left from an earlier run must not survive in the new bundle.
    [`${DEFAULT_BUNDLE}/pagefind.en_0000000000.pf_meta`, 'stale'],
  ]);
  try {
    const stats = await indexSite(dir);
    assert.equal(stats.bundles.default.pages, 3);
    assert.equal(stats.bundles.sorted.pages, 3);
    assert.deepEqual(stats.languages.sort(), ['en', 'zh-cn']);
    assert.deepEqual(sortKeysIn(join(dir, DEFAULT_BUNDLE)), { en: [], 'zh-cn': [] });
    assert.deepEqual(sortKeysIn(join(dir, SORTED_BUNDLE)), { en: ['last_updated', 'fix_rate'], 'zh-cn': ['last_updated', 'fix_rate'] });
    for (const part of ['filter', 'fragment', 'index']) {
      const files = readdirSync(join(dir, DEFAULT_BUNDLE, part)).sort();
      assert.ok(files.length > 0, part);
      assert.deepEqual(files, readdirSync(join(dir, SORTED_BUNDLE, part)).sort(), part);
    }
    assert.equal(existsSync(join(dir, DEFAULT_BUNDLE, 'pagefind.en_0000000000.pf_meta')), false);
    assert.match(readFileSync(join(dir, SORTED_BUNDLE, 'pagefind-entry.json'), 'utf8'), /"page_count":2/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Every file under `dir`, by path relative to it; `.pf_meta` page lists decoded (Node and Pagefind gzip them differently). */
function files(dir: string, under = dir): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(under, { withFileTypes: true })) {
    const path = join(under, entry.name);
    if (entry.isDirectory()) for (const [name, bytes] of files(dir, path)) found.set(name, bytes);
    else found.set(relative(dir, path), entry.name.endsWith('.pf_meta') ? gunzipSync(readFileSync(path)) : readFileSync(path));
  }
  return found;
}

test('the default bundle, made from the sorted one, is what Pagefind writes for the pages without their sort keys', async () => {
  const dir = site([
    ['grpc/a/index.html', page('en', 'alpha', '2024-01-01', '0.5')],
    ['grpc/b/index.html', page('en', 'beta', '2025-01-01', '-1')],
    ['grpc/c/index.html', page('en', 'gamma', '2023-06-01', '1')],
    ['zh/grpc/a/index.html', page('zh-CN', 'alpha', '2024-01-01', '0.5')],
  ]);
  const reference = mkdtempSync(join(tmpdir(), 'atlas-index-reference-'));
  try {
    await indexSite(dir);
    // A second Pagefind pass that never sees the sort keys in <head>: how the default bundle used to be made.
    await indexDirectory(dir, join(reference, DEFAULT_BUNDLE), 'body');
    const made = files(join(dir, DEFAULT_BUNDLE));
    const expected = files(join(reference, DEFAULT_BUNDLE));
    assert.deepEqual([...made.keys()].sort(), [...expected.keys()].sort());
    for (const [name, bytes] of expected) assert.ok(made.get(name)!.equals(bytes), name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(reference, { recursive: true, force: true });
  }
});

test('one Pagefind pass per language writes the same files as one pass over the whole site', async () => {
  const dir = site([
    ['grpc/a/index.html', page('en', 'alpha', '2024-01-01', '0.5')],
    ['grpc/b/index.html', page('en', 'beta', '2025-01-01', '-1')],
    ['docker/c/index.html', page('en', 'gamma', '2023-06-01', '1')],
    ['zh/grpc/a/index.html', page('zh-CN', 'alpha', '2024-01-01', '0.5')],
    ['zh/docker/c/index.html', page('zh-CN', 'gamma', '2023-06-01', '1')],
    ['index.html', '<!doctype html><html lang="en"><body><p>home, not indexed: no data-pagefind-body</p></body></html>'],
    ['zh/index.html', '<!doctype html><html lang="zh-CN"><body><p>首页</p></body></html>'],
  ]);
  const reference = mkdtempSync(join(tmpdir(), 'atlas-index-reference-'));
  try {
    const split = await indexByLanguage(dir, join(dir, SORTED_BUNDLE), 'html');
    assert.equal(split.passes, 2);
    assert.equal(split.pages, 5);
    const whole = await indexDirectory(dir, join(reference, SORTED_BUNDLE), 'html');
    assert.equal(whole.passes, 1);
    const made = files(join(dir, SORTED_BUNDLE));
    const expected = files(join(reference, SORTED_BUNDLE));
    assert.deepEqual([...made.keys()].sort(), [...expected.keys()].sort());
    for (const [name, bytes] of expected) assert.ok(made.get(name)!.equals(bytes), name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(reference, { recursive: true, force: true });
  }
});

test('a page whose language does not match its folder: one pass, so no language is written twice', async () => {
  const dir = site([
    ['grpc/a/index.html', page('en', 'alpha', '2024-01-01', '0.5')],
    ['grpc/z/index.html', page('zh-CN', 'zeta', '2024-01-01', '0.5')],
    ['zh/grpc/a/index.html', page('zh-CN', 'alpha', '2024-01-01', '0.5')],
  ]);
  try {
    const stats = await indexByLanguage(dir, join(dir, SORTED_BUNDLE), 'html');
    assert.equal(stats.passes, 1);
    assert.equal(stats.pages, 3);
    assert.match(readFileSync(join(dir, SORTED_BUNDLE, 'pagefind-entry.json'), 'utf8'), /"zh-cn":\{[^}]*"page_count":2/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
