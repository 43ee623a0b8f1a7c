import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BUNDLE, DEFAULT_BUNDLE_PATH, needsSortedBundle, sharedBundleUrl, SORTED_BUNDLE, SORTED_BUNDLE_PATH } from '../../../src/lib/search/bundles.ts';
import { pagefindSort } from '../../../src/lib/search/url-state.ts';

test('best match searches the default bundle; a sort by any key, the sorted one', () => {
  assert.equal(needsSortedBundle(undefined), false);
  assert.equal(needsSortedBundle(null), false);
  assert.equal(needsSortedBundle({}), false);
  assert.equal(needsSortedBundle({ last_updated: 'desc' }), true);
  assert.equal(needsSortedBundle({ fix_rate: 'asc' }), true);
  // The search page's three choices.
  assert.equal(needsSortedBundle(pagefindSort('relevance')), false);
  assert.equal(needsSortedBundle(pagefindSort('last_updated')), true);
  assert.equal(needsSortedBundle(pagefindSort('fix_rate')), true);
});

test('the default bundle is the one the Component UI looks for', () => {
  assert.equal(DEFAULT_BUNDLE_PATH, '/pagefind/');
  assert.notEqual(SORTED_BUNDLE_PATH, DEFAULT_BUNDLE_PATH);
  assert.equal(DEFAULT_BUNDLE, 'pagefind');
  assert.notEqual(SORTED_BUNDLE, DEFAULT_BUNDLE);
});

test('files both bundles hold are fetched once, from the default bundle; page lists and the entry file are not shared', () => {
  const sorted = '/errors/pagefind-sorted/';
  const plain = '/errors/pagefind/';
  assert.equal(sharedBundleUrl('/errors/pagefind-sorted/index/en_3a.pf_index', sorted, plain), '/errors/pagefind/index/en_3a.pf_index');
  assert.equal(sharedBundleUrl('/errors/pagefind-sorted/fragment/en_9.pf_fragment', sorted, plain), '/errors/pagefind/fragment/en_9.pf_fragment');
  assert.equal(sharedBundleUrl('/errors/pagefind-sorted/filter/en_1.pf_filter', sorted, plain), '/errors/pagefind/filter/en_1.pf_filter');
  assert.equal(sharedBundleUrl('/errors/pagefind-sorted/wasm.en.pagefind', sorted, plain), '/errors/pagefind/wasm.en.pagefind');
  assert.equal(sharedBundleUrl('/errors/pagefind/index/en_3a.pf_index', sorted, plain), '/errors/pagefind/index/en_3a.pf_index');
  assert.equal(sharedBundleUrl('/errors/pagefind-sorted/pagefind.en_366c.pf_meta', sorted, plain), null);
  assert.equal(sharedBundleUrl('/errors/pagefind-sorted/pagefind-entry.json', sorted, plain), null);
  assert.equal(sharedBundleUrl('/errors/pagefind/pagefind.js', sorted, plain), null);
  assert.equal(sharedBundleUrl('/errors/pagefind-sorted/index/../pagefind.en.pf_meta', sorted, plain), null);
  assert.equal(sharedBundleUrl('/other/index/en_3a.pf_index', sorted, plain), null);
});
