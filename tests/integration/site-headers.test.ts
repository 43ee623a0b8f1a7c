import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeSiteHeaders } from '../../src/node/security/site-headers.ts';
import { writeTree } from '../helpers.ts';

const page = (policy: string | null) =>
  `<!doctype html><html><head><meta charset="utf-8">${policy === null ? '' : `<meta http-equiv="content-security-policy" content="${policy}">`}</head><body>x</body></html>`;

const site = (pages: Record<string, string>) => writeTree('atlas-headers-', pages);

test('the built pages\' policies become one _headers file, in a fixed order', () => {
  const dir = site({
    'index.html': page("script-src 'self' 'sha256-A='; style-src 'self';"),
    'grpc/x/index.html': page("script-src 'self' 'sha256-B='; style-src 'self';"),
  });
  try {
    const result = writeSiteHeaders(dir);
    assert.equal(result.pages, 2);
    assert.equal(result.policies, 2);
    const text = readFileSync(join(dir, '_headers'), 'utf8');
    assert.match(text, /^\/\*$/m);
    assert.match(text, /^  Content-Security-Policy: script-src 'self' 'sha256-B=' 'sha256-A='; style-src 'self'; frame-ancestors 'none'$/m);
    assert.match(text, /^\/_astro\/\*\n  Cache-Control: public, max-age=31536000, immutable$/m);
    assert.match(text, /^\/pagefind-sorted\/fragment\/\*\n  Cache-Control: public, max-age=31536000, immutable$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a page without the policy stops the build, naming the page', () => {
  const dir = site({ 'index.html': page("script-src 'self';"), 'grpc/x/index.html': page(null) });
  try {
    assert.throws(() => writeSiteHeaders(dir), /grpc\/x\/index\.html: the page has no Content-Security-Policy <meta>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
