import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanFilters, pagefindSort, parseSearchParams, toQueryString, type ResolvableLabels } from '../../../src/lib/search/url-state.ts';

const en: ResolvableLabels = { true: 'Yes', partial: 'Partly', false: 'No' };
const zh: ResolvableLabels = { true: '能', partial: '部分能', false: '不能' };

test('a bare ?q= becomes the query with no filters and relevance order', () => {
  assert.deepEqual(parseSearchParams(new URLSearchParams('q=ERR_MODULE_NOT_FOUND'), en), { q: 'ERR_MODULE_NOT_FOUND', filters: {}, sort: 'relevance' });
});

test('filters are read in order, repeated keys become several values, duplicates and blanks are dropped', () => {
  const state = parseSearchParams(new URLSearchParams('q=reset&domain=grpc&domain=node&domain=grpc&domain=&category=network'), en);
  assert.deepEqual(state.filters, { domain: ['grpc', 'node'], category: ['network'] });
});

test('resolvable codes in the URL map to the labels Pagefind indexed, per language', () => {
  assert.deepEqual(parseSearchParams(new URLSearchParams('resolvable=partial'), en).filters, { resolvable: ['Partly'] });
  assert.deepEqual(parseSearchParams(new URLSearchParams('resolvable=partial'), zh).filters, { resolvable: ['部分能'] });
});

test('unknown keys and unknown sort values are ignored', () => {
  assert.deepEqual(parseSearchParams(new URLSearchParams('q=x&colour=red&sort=random'), en), { q: 'x', filters: {}, sort: 'relevance' });
  assert.equal(parseSearchParams(new URLSearchParams('sort=fix_rate'), en).sort, 'fix_rate');
});

test('a state writes back to the same URL it was read from (labels back to codes)', () => {
  const query = '?q=connection+reset&domain=grpc&resolvable=partial&tier=human_reviewed&sort=last_updated';
  const state = parseSearchParams(new URLSearchParams(query), zh);
  assert.equal(toQueryString(state, zh), query);
});

test('an empty search is an empty query string, so the URL is just /search/', () => {
  assert.equal(toQueryString({ q: '  ', filters: {}, sort: 'relevance' }, en), '');
});

test('Chinese queries survive the round trip', () => {
  const query = toQueryString({ q: '连接被对端重置', filters: {}, sort: 'relevance' }, zh);
  assert.equal(parseSearchParams(new URLSearchParams(query), zh).q, '连接被对端重置');
});

test('sort choices become descending Pagefind sorts; relevance sends none', () => {
  assert.equal(pagefindSort('relevance'), undefined);
  assert.deepEqual(pagefindSort('fix_rate'), { fix_rate: 'desc' });
});

test('filters reported by Pagefind are cleaned: unknown keys and empty lists go', () => {
  assert.deepEqual(cleanFilters({ domain: ['grpc'], category: [], other: ['x'], tier: 'no' }), { domain: ['grpc'] });
  assert.deepEqual(cleanFilters(undefined), {});
});

test('a link with the sort code used before (last_confirmed) keeps ordering by date', () => {
  assert.equal(parseSearchParams(new URLSearchParams('q=x&sort=last_confirmed'), en).sort, "last_updated");
});
