import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownSectionLink } from '../../../src/lib/present/markdown-link.ts';

test('a section link for a runbook: page title, section, canonical URL with the anchor', () => {
  assert.equal(
    markdownSectionLink('UNAVAILABLE: grpc: connection reset', 'Workarounds', 'https://atlas.test/grpc/x/', 'workarounds'),
    '[UNAVAILABLE: grpc: connection reset — Workarounds](https://atlas.test/grpc/x/#workarounds)',
  );
});

test('brackets in the title cannot end the link text; parentheses and spaces in the URL cannot end the URL', () => {
  assert.equal(markdownSectionLink('a [b]\n c', '解决办法', 'https://atlas.test/a (b)/#old', 'x'), '[a \\[b\\] c — 解决办法](https://atlas.test/a%20%28b%29/#x)');
});
