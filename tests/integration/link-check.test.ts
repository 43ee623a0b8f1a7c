import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLinks } from '../../src/node/link-check.ts';
import { writeTree } from '../helpers.ts';

const site = (files: Record<string, string>) => writeTree('atlas-links-', files);

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

test('URLs of the site inside the published JSON are checked too; other strings are not', () => {
  const dir = site({
    'grpc/x/index.html': '<html><body><h2 id="workarounds">W</h2></body></html>',
    '_api/v1/records/grpc/x.json': JSON.stringify({ urls: { en: 'https://atlas.test/grpc/x/' }, sections: { en: { workarounds: 'https://atlas.test/grpc/x/#workarounds', gone: 'https://atlas.test/grpc/x/#gone' } }, record: { official_doc_url: 'https://example.org/doc', signature: 'https://atlas.test is down' } }),
    'pagefind/pagefind-entry.json': JSON.stringify({ note: 'https://atlas.test/not-checked/' }),
  });
  const report = checkLinks(dir, 'https://atlas.test/');
  assert.equal(report.documents, 1);
  assert.deepEqual(report.broken.map((link) => `${link.page}: ${link.link}: ${link.reason}`), [
    '_api/v1/records/grpc/x.json: https://atlas.test/grpc/x/#gone: no element with id "gone" in grpc/x/index.html',
  ]);
  assert.equal(report.links, 3);
});
