import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkLinks } from '../../src/node/link-check.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-links-'));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

test('every internal link, anchor and same-site absolute link must resolve; others are not followed', () => {
  const dir = site({
    'index.html': `<html><head><link rel="canonical" href="https://atlas.test/"><link rel="alternate" hreflang="zh-CN" href="https://atlas.test/zh/"><link rel="icon" href="/favicon.svg"></head>
      <body><a href="#content">skip</a><main id="content"><a href="grpc/x/#workaround-1">ok</a><a href="/grpc/x/#nope">bad anchor</a>
      <a href="/gone/">missing</a><a href="https://example.org/elsewhere/">external</a><a href="mailto:a@b.c">mail</a>
      <script type="text/pagefind-template"><a href="{{ url }}">template</a></script></main></body></html>`,
    'grpc/x/index.html': '<html><body><h2 id="workaround-1">W</h2><a href="../../">home</a></body></html>',
    'favicon.svg': '<svg/>',
  });
  const report = checkLinks(dir, 'https://atlas.test');
  assert.equal(report.pages, 2);
  assert.deepEqual(report.broken.map((link) => `${link.page}: ${link.link}: ${link.reason}`).sort(), [
    'index.html: /gone/: no file gone/index.html',
    'index.html: /grpc/x/#nope: no element with id "nope" in grpc/x/index.html',
    'index.html: https://atlas.test/zh/: no file zh/index.html',
  ]);
  // canonical, hreflang, icon, the skip link and three links on the first page; the link home on the second.
  assert.equal(report.links, 8);
});
