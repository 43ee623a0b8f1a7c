import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { pageListName, pageListWithoutSorts } from '../../../src/node/search/page-list.ts';

const text = (value: string) => Buffer.concat([Buffer.from([0x60 + value.length]), Buffer.from(value)]);
const array = (...items: Buffer[]) => Buffer.concat([Buffer.from([0x80 + items.length]), ...items]);
const uint = (value: number) => Buffer.from([value]);
/** A page list as Pagefind 1.6 stores it: gzip of `pagefind_dcd` and [version, pages, chunks, filters, sorts, meta fields]. */
const stored = (cbor: Buffer) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), cbor]));

const pages = array(array(text('en_abc1234'), uint(12)), array(text('en_def5678'), uint(7)));
const withSorts = array(text('1.6.0'), pages, array(), array(), array(array(text('fix_rate'), array(uint(1), uint(0)))), array(text('title')));
const withoutSorts = array(text('1.6.0'), pages, array(), array(), array(), array(text('title')));

test('a page list without its sorts: the same bytes with an empty array in their place', () => {
  const list = pageListWithoutSorts(stored(withSorts), 'en');
  assert.deepEqual(list.removed, ['fix_rate']);
  assert.ok(gunzipSync(list.stored).equals(Buffer.concat([Buffer.from('pagefind_dcd'), withoutSorts])));
  assert.equal(list.name, pageListName('en', withoutSorts));
  // One without sorts stays as it is.
  assert.deepEqual(pageListWithoutSorts(stored(withoutSorts), 'en').removed, []);
});

test("the name is Pagefind's: language, then the SHA-1 with each byte in unpadded hex, cut to language length + 8", () => {
  // Find bytes whose SHA-1 has a byte below 0x10 early on, where padding would change the name.
  let input = Buffer.alloc(0);
  for (let i = 0; ; i += 1) {
    input = Buffer.from(`page list ${i}`);
    if ([...createHash('sha1').update(input).digest().subarray(0, 3)].some((byte) => byte < 0x10)) break;
  }
  const unpadded = [...createHash('sha1').update(input).digest()].map((byte) => byte.toString(16)).join('');
  assert.notEqual(unpadded.slice(0, 13), createHash('sha1').update(input).digest('hex').slice(0, 13));
  assert.equal(pageListName('zh-cn', input), `pagefind.zh-cn_${unpadded.slice(0, 13)}.pf_meta`);
  assert.match(pageListName('en', input), /^pagefind\.en_[0-9a-f]{10}\.pf_meta$/);
});

test('a page list of another shape is refused, not guessed at', () => {
  assert.throws(() => pageListWithoutSorts(stored(array(text('1.6.0'), pages)), 'en'), /6-item array/);
  assert.throws(() => pageListWithoutSorts(gzipSync(Buffer.from('something else')), 'en'), /pagefind_dcd/);
  const badSort = array(text('1.6.0'), pages, array(), array(), array(text('fix_rate')), array());
  assert.throws(() => pageListWithoutSorts(stored(badSort), 'en'), /not \[key, pages\]/);
});
