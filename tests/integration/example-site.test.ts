/**
 * The example record as a user sent it, built for real (with the four shipped gRPC records that link
 * to it) and renamed: its pages render in both languages with what is untranslated marked, within
 * the page-weight budget; its old addresses become redirect pages that lead to
 * the new page (whose section anchors are all there), with noindex and a canonical link;
 * `_redirects` holds a 301 per old address; the sitemap leaves them out; every link resolves.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkLinks } from '../../src/node/link-check.ts';
import { exampleRecord, ROOT } from '../helpers.ts';

/** Shipped records that link to the example: its page gets its neighbourhood diagram from them. */
const LINKING_RECORDS = ['grpc-deadline-exceeded.json', 'grpc-resource-exhausted-message-larger-than-max.json', 'grpc-unavailable-connection-refused.json', 'grpc-unavailable-dns-resolution-failed.json'];

let built: string | null = null;

/** The site built once from the example as received, renamed from `grpc/connection-reset`. */
function buildSite(): string {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-renamed-'));
  mkdirSync(join(dir, 'grpc'));
  writeFileSync(join(dir, 'grpc', 'grpc-connection-reset-by-peer.json'), JSON.stringify({ ...exampleRecord(), previous_ids: ['grpc/connection-reset'] }));
  for (const name of LINKING_RECORDS) copyFileSync(join(ROOT, 'content/errors/grpc', name), join(dir, 'grpc', name));
  const outDir = join(dir, 'dist');
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_ERRORS_DIR: dir, ATLAS_SITE_URL: 'https://atlas.test/', ATLAS_SKIP_PAGEFIND: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  built = outDir;
  return outDir;
}

test('the example as received renders in both languages, its copied Chinese marked as untranslated', () => {
  const outDir = buildSite();
  const en = readFileSync(join(outDir, 'grpc/grpc-connection-reset-by-peer/index.html'), 'utf8');
  const zh = readFileSync(join(outDir, 'zh/grpc/grpc-connection-reset-by-peer/index.html'), 'utf8');
  assert.match(en, /<h1 id="signature"[^>]*>.*UNAVAILABLE: grpc: connection error: connection reset by peer/s);
  assert.doesNotMatch(en, /data-untranslated/);
  assert.ok(zh.includes(exampleRecord().signature_zh), 'the Chinese signature');
  // workarounds_zh copies the English three times; the three dead ends have no Chinese at all.
  assert.equal(zh.match(/ lang="en" data-untranslated>/g)?.length, 3 + 3);
  assert.equal(zh.match(/<h3 id="dead-end-\d" lang="en">/g)?.length, 3);
  // Dead ends without an action are titled from why they fail, never by a placeholder.
  assert.match(en, /<h3 id="dead-end-1"[^>]*>The server or network issue persists/);
});

test('the example page weighs at most 11 KB gzipped, HTML and CSS, every picture included', () => {
  const outDir = buildSite();
  const html = readFileSync(join(outDir, 'grpc/grpc-connection-reset-by-peer/index.html'));
  const stylesheets = [...html.toString('utf8').matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]!);
  assert.ok(stylesheets.length > 0);
  const bytes = [html, ...stylesheets.map((href) => readFileSync(join(outDir, href)))].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
  // Rate bars (three workarounds, three dead ends), the neighbourhood diagram and the version strip.
  assert.equal(html.toString('utf8').match(/<svg class="rate-bar/g)?.length, 6);
  assert.match(html.toString('utf8'), /class="neighbourhood/);
  assert.match(html.toString('utf8'), /class="version-strip/);
  assert.ok(bytes <= 11 * 1024, `${bytes} bytes`);
});

test('the old addresses of a renamed record lead to its page, in both languages, anchors included', () => {
  const outDir = buildSite();
  const moves: [from: string, to: string][] = [
    ['/grpc/connection-reset/', '/grpc/grpc-connection-reset-by-peer/'],
    ['/zh/grpc/connection-reset/', '/zh/grpc/grpc-connection-reset-by-peer/'],
  ];
  for (const [from, to] of moves) {
    const html = readFileSync(join(outDir, from, 'index.html'), 'utf8');
    assert.match(html, /<meta name="robots" content="noindex">/);
    assert.match(html, new RegExp(`<link rel="canonical" href="https://atlas\\.test${to}">`));
    assert.match(html, new RegExp(`<meta http-equiv="refresh" content="0; url=${to}">`));
    assert.match(html, new RegExp(`<a href="${to}" data-redirect-target>`));
    // The script that keeps the #section on the way.
    assert.match(html, /location\.replace/);
  }
  assert.equal(readFileSync(join(outDir, '_redirects'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#')).join('\n'), '/grpc/connection-reset/ /grpc/grpc-connection-reset-by-peer/ 301\n/zh/grpc/connection-reset/ /zh/grpc/grpc-connection-reset-by-peer/ 301');
  assert.doesNotMatch(readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8'), /connection-reset\//);
  // The new page has every anchor an old link may carry: the link check follows each redirect's target with one.
  const target = readFileSync(join(outDir, 'grpc/grpc-connection-reset-by-peer/index.html'), 'utf8');
  for (const anchor of ['signature', 'root-cause', 'workarounds', 'workaround-1', 'dead-ends', 'dead-end-1', 'versions', 'related', 'details']) assert.match(target, new RegExp(`id="${anchor}"`));
  const report = checkLinks(outDir, 'https://atlas.test/');
  assert.deepEqual(report.broken, []);
});
