import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeBase, stripBase, withBase } from '../../../src/lib/routing/base.ts';
import { basePath, DEFAULT_SITE_URL, siteUrl } from '../../../src/lib/site-config.ts';

test('the site URL comes from ATLAS_SITE_URL, always ends with a slash, and its path is the base', () => {
  assert.equal(siteUrl({}), `${DEFAULT_SITE_URL}/`);
  assert.equal(siteUrl({ ATLAS_SITE_URL: '  ' }), `${DEFAULT_SITE_URL}/`);
  assert.equal(siteUrl({ ATLAS_SITE_URL: 'https://example.org' }), 'https://example.org/');
  assert.equal(siteUrl({ ATLAS_SITE_URL: 'https://example.org/errors' }), 'https://example.org/errors/');
  assert.equal(basePath(siteUrl({ ATLAS_SITE_URL: 'https://example.org/errors' })), '/errors/');
  assert.equal(basePath(siteUrl({ ATLAS_SITE_URL: 'https://example.org/docs/errors/' })), '/docs/errors/');
  assert.equal(basePath(siteUrl({})), '/');
});

test('a site URL that cannot be served from is refused by name', () => {
  assert.throws(() => siteUrl({ ATLAS_SITE_URL: 'example.org/errors/' }), /ATLAS_SITE_URL: "example.org\/errors\/" is not an absolute URL/);
  assert.throws(() => siteUrl({ ATLAS_SITE_URL: 'ftp://example.org/' }), /ATLAS_SITE_URL: .* must be an http\(s\) URL/);
  assert.throws(() => siteUrl({ ATLAS_SITE_URL: 'https://example.org/errors/?x=1' }), /must not have a query or fragment/);
});

test('a base is normalised to start and end with one slash', () => {
  assert.equal(normalizeBase(''), '/');
  assert.equal(normalizeBase('/'), '/');
  assert.equal(normalizeBase('errors'), '/errors/');
  assert.equal(normalizeBase('/errors'), '/errors/');
  assert.equal(normalizeBase('//docs/errors//'), '/docs/errors/');
});

test('site paths go under the base and come back out of it', () => {
  assert.equal(withBase('/grpc/x/', '/'), '/grpc/x/');
  assert.equal(withBase('/grpc/x/', '/errors/'), '/errors/grpc/x/');
  assert.equal(withBase('/', '/errors/'), '/errors/');
  assert.equal(withBase('matcher/index.json', '/errors/'), '/errors/matcher/index.json');
  assert.equal(stripBase('/errors/grpc/x/', '/errors/'), '/grpc/x/');
  assert.equal(stripBase('/errors/', '/errors/'), '/');
  assert.equal(stripBase('/errors', '/errors/'), '/');
  assert.equal(stripBase('/errorsx/', '/errors/'), '/errorsx/', 'only the whole base segment is stripped');
  assert.equal(stripBase('/grpc/x/', '/'), '/grpc/x/');
});
