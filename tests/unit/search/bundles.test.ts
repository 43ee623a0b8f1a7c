import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BUNDLE, DEFAULT_BUNDLE_PATH, needsSortedBundle, SORTED_BUNDLE, SORTED_BUNDLE_PATH } from '../../../src/lib/search/bundles.ts';
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
