import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundlePathFor, DEFAULT_BUNDLE_PATH, needsSortedBundle, SORTED_BUNDLE_PATH, withoutSortKeys } from '../../../src/lib/search/bundles.ts';
import { pagefindSort } from '../../../src/lib/search/url-state.ts';

test('best match searches the default bundle; a sort by any key, the sorted one', () => {
  assert.equal(needsSortedBundle(undefined), false);
  assert.equal(needsSortedBundle(null), false);
  assert.equal(needsSortedBundle({}), false);
  assert.equal(needsSortedBundle({ last_confirmed: 'desc' }), true);
  assert.equal(needsSortedBundle({ fix_rate: 'asc' }), true);
  assert.equal(bundlePathFor(pagefindSort('relevance')), DEFAULT_BUNDLE_PATH);
  assert.equal(bundlePathFor(pagefindSort('last_confirmed')), SORTED_BUNDLE_PATH);
  assert.equal(bundlePathFor(pagefindSort('fix_rate')), SORTED_BUNDLE_PATH);
  assert.equal(DEFAULT_BUNDLE_PATH, '/pagefind/');
  assert.notEqual(SORTED_BUNDLE_PATH, DEFAULT_BUNDLE_PATH);
});

test('sort keys are removed from the HTML as SearchData.astro writes them, and nothing else', () => {
  const page = '<div hidden class="search-data"> <span data-pagefind-meta="title:UNAVAILABLE: a > b"></span>'
    + '<span data-pagefind-filter="domain:grpc"></span> <span data-pagefind-sort="last_confirmed:2024-06-01"></span>'
    + '<span data-pagefind-sort="fix_rate:0.76"></span> </div>';
  const { html, removed } = withoutSortKeys(page);
  assert.equal(removed, 2);
  assert.equal(html, '<div hidden class="search-data"> <span data-pagefind-meta="title:UNAVAILABLE: a > b"></span>'
    + '<span data-pagefind-filter="domain:grpc"></span> <span></span><span></span> </div>');
});

test('every way of writing the attribute is removed, with the element kept', () => {
  assert.deepEqual(withoutSortKeys(`<p id="x" data-pagefind-sort='date:2024'>t</p>`), { html: '<p id="x">t</p>', removed: 1 });
  assert.deepEqual(withoutSortKeys('<p data-pagefind-sort=date:2024 class=a>t</p>'), { html: '<p class=a>t</p>', removed: 1 });
  assert.deepEqual(withoutSortKeys('<p DATA-PAGEFIND-SORT="date:2024">t</p>'), { html: '<p>t</p>', removed: 1 });
  assert.deepEqual(withoutSortKeys('<h1 data-pagefind-sort="date">2024</h1>'), { html: '<h1>2024</h1>', removed: 1 });
  assert.deepEqual(withoutSortKeys('<img data-pagefind-sort="date[data-date]" data-date="2024"/>'), { html: '<img data-date="2024"/>', removed: 1 });
  assert.deepEqual(withoutSortKeys('<p\ndata-pagefind-sort="a:1"\ndata-pagefind-sort="b:2">t</p>'), { html: '<p>t</p>', removed: 2 });
});

test('text, other attributes and attribute values that merely mention it are left alone', () => {
  for (const page of [
    '<p>Add data-pagefind-sort="date:2024" to an element</p>',
    '<pre><code>&lt;span data-pagefind-sort="date:2024"&gt;</code></pre>',
    '<span data-pagefind-meta="title:x data-pagefind-sort=y"></span>',
    '<span title=\'a > data-pagefind-sort="b"\'></span>',
    '<span data-pagefind-sort-by="x" data-pagefind-sorted="y"></span>',
    '<!-- no tags here --><p>a < b and c > d</p>',
  ]) {
    assert.deepEqual(withoutSortKeys(page), { html: page, removed: 0 }, page);
  }
});
