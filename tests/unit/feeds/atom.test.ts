import assert from 'node:assert/strict';
import { test } from 'node:test';
import { atomFeed, FEED_ENTRIES, newestFirst } from '../../../src/lib/feeds/atom.ts';

test('the feed holds the newest records with a date, newest first, ties by id, at most FEED_ENTRIES', () => {
  const records = [
    { id: 'b/x', last_updated: '2026-01-02' },
    { id: 'a/x', last_updated: '2026-01-02' },
    { id: 'c/x', last_updated: null },
    { id: 'd/x', last_updated: '2026-03-01' },
  ];
  assert.deepEqual(newestFirst(records).map((record) => record.id), ['d/x', 'a/x', 'b/x']);
  const many = Array.from({ length: FEED_ENTRIES + 20 }, (_, k) => ({ id: `r/${k}`, last_updated: '2026-01-01' }));
  assert.equal(newestFirst(many).length, FEED_ENTRIES);
});

test('record text is escaped, and characters XML cannot hold are dropped', () => {
  const xml = atomFeed({
    title: 'Error Atlas',
    subtitle: 's',
    selfUrl: 'https://atlas.test/feed.xml',
    homeUrl: 'https://atlas.test/',
    lang: 'en',
    entries: [{ id: 'a/x', title: '<script>&"\'\u0000', url: 'https://atlas.test/a/x/?q=1&r=2', updated: '2026-02-03', summary: ']]> done' }],
  });
  assert.match(xml, /<title>&lt;script&gt;&amp;&quot;&apos;<\/title>/);
  assert.match(xml, /href="https:\/\/atlas\.test\/a\/x\/\?q=1&amp;r=2"/);
  assert.match(xml, /<summary>\]\]&gt; done<\/summary>/);
  assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="en">/);
  assert.match(xml, /\n  <updated>2026-02-03T00:00:00Z<\/updated>\n/);
});
