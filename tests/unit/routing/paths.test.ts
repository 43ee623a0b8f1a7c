import assert from 'node:assert/strict';
import { test } from 'node:test';
import { domainPath, pagePath, recordPath, switchLocalePath } from '../../../src/lib/routing/paths.ts';

test('record, domain and page paths are the public contract', () => {
  assert.equal(recordPath('grpc/grpc-connection-reset-by-peer'), '/grpc/grpc-connection-reset-by-peer/');
  assert.equal(recordPath('grpc/grpc-connection-reset-by-peer', 'zh'), '/zh/grpc/grpc-connection-reset-by-peer/');
  assert.equal(domainPath('grpc', 'zh'), '/zh/grpc/');
  assert.equal(pagePath('match'), '/match/');
});

test('switching language keeps the page', () => {
  assert.equal(switchLocalePath('/grpc/x/', 'zh'), '/zh/grpc/x/');
  assert.equal(switchLocalePath('/zh/grpc/x/', 'en'), '/grpc/x/');
  assert.equal(switchLocalePath('/', 'zh'), '/zh/');
  assert.equal(switchLocalePath('/zh/', 'en'), '/');
  assert.equal(switchLocalePath('/zhongwen/', 'zh'), '/zh/zhongwen/', 'only a whole "zh" segment is a prefix');
});

test('switching language under a base path keeps the base', () => {
  assert.equal(switchLocalePath('/errors/grpc/x/', 'zh', '/errors/'), '/errors/zh/grpc/x/');
  assert.equal(switchLocalePath('/errors/zh/grpc/x/', 'en', '/errors/'), '/errors/grpc/x/');
  assert.equal(switchLocalePath('/errors/', 'zh', '/errors/'), '/errors/zh/');
  assert.equal(switchLocalePath('/errors/zh/', 'en', '/errors/'), '/errors/');
  assert.equal(switchLocalePath('/errors/zhongwen/', 'zh', '/errors/'), '/errors/zh/zhongwen/');
});

test('a renamed record keeps its old addresses: a redirect route per language and a _redirects line each', async () => {
  const { buildRouteTable } = await import('../../../src/lib/routing/table.ts');
  const { redirectsFile } = await import('../../../src/lib/routing/redirects.ts');
  const { RecordSchema } = await import('../../../src/lib/record/schema.ts');
  const { buildRelatedGraph } = await import('../../../src/lib/record/graph.ts');
  const { buildSiteIndex } = await import('../../../src/lib/present/listings.ts');
  const { exampleRecord } = await import('../../helpers.ts');
  const record = RecordSchema.parse({ ...exampleRecord(), previous_ids: ['grpc/connection-reset'] });
  const table = buildRouteTable({ records: [record], graph: buildRelatedGraph([record]), ...buildSiteIndex([record]) });
  assert.deepEqual(table.redirect.map((route) => [route.locale, route.path, route.to]), [
    ['en', '/grpc/connection-reset/', '/grpc/grpc-connection-reset-by-peer/'],
    ['zh', '/zh/grpc/connection-reset/', '/zh/grpc/grpc-connection-reset-by-peer/'],
  ]);
  assert.equal(redirectsFile(table.redirect), '# Written by the build: old addresses of renamed records (their previous_ids).\n/grpc/connection-reset/ /grpc/grpc-connection-reset-by-peer/ 301\n/zh/grpc/connection-reset/ /zh/grpc/grpc-connection-reset-by-peer/ 301\n');
});

test('old addresses leave the sitemap; other entries stay as they are', async () => {
  const { redirectedPaths, withoutRedirected } = await import('../../../src/lib/routing/redirects.ts');
  const paths = redirectedPaths('# comment\n/grpc/old/ /grpc/new/ 301\n\n/zh/grpc/old/ /zh/grpc/new/ 301\n');
  assert.deepEqual([...paths], ['/grpc/old/', '/zh/grpc/old/']);
  const sitemap = '<urlset><url><loc>https://a.test/grpc/new/</loc></url><url><loc>https://a.test/grpc/old/</loc><xhtml:link href="x"/></url><url><loc>https://a.test/zh/grpc/old/</loc></url></urlset>';
  assert.equal(withoutRedirected(sitemap, paths), '<urlset><url><loc>https://a.test/grpc/new/</loc></url></urlset>');
});
