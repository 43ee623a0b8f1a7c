import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { localize } from '../../../src/lib/i18n/fallback.ts';
import { dictionaryMismatches, formatRate, translate } from '../../../src/lib/i18n/index.ts';
import { ROOT } from '../../helpers.ts';

const load = (lang: string) => JSON.parse(readFileSync(`${ROOT}src/lib/i18n/translations/${lang}.json`, 'utf8'));

test('both dictionaries have exactly the same keys', () => {
  assert.deepEqual(dictionaryMismatches(load('en'), load('zh')), []);
});

test('a missing or unknown key is detected', () => {
  assert.deepEqual(dictionaryMismatches({ a: '1', b: '2' }, { a: '1', c: '3' }), ['missing "b"', 'unknown "c"']);
});

test('every Chinese interface string is translated, not copied', () => {
  const en = load('en');
  const zh = load('zh');
  // Names of languages and of a format, and format-only templates, are the same in both by design.
  const same = new Set(['lang.en', 'lang.zh', 'record.copyMarkdown']);
  const copied = Object.keys(en).filter((key) => !same.has(key) && en[key] === zh[key]);
  assert.deepEqual(copied, []);
});

test('translate fills placeholders', () => {
  assert.equal(translate('en', 'record.workaround', { n: 2 }), 'Workaround 2');
  assert.equal(translate('zh', 'record.workaround', { n: 2 }), '办法 2');
});

test('rates are whole percentages', () => {
  assert.equal(formatRate(0.755), '76%');
  assert.equal(formatRate(0), '0%');
  assert.equal(formatRate(1), '100%');
});

test('localize prefers the page language and marks honest fallbacks', () => {
  assert.deepEqual(localize('reset', '重置', 'zh'), { text: '重置', lang: 'zh', untranslated: false });
  assert.deepEqual(localize('reset', null, 'zh'), { text: 'reset', lang: 'en', untranslated: true });
  assert.deepEqual(localize('reset', '  ', 'zh'), { text: 'reset', lang: 'en', untranslated: true });
  assert.deepEqual(localize('reset by peer', 'reset  by peer ', 'zh'), { text: 'reset by peer', lang: 'en', untranslated: true }, 'a copy is not a translation');
  assert.deepEqual(localize('reset', '重置', 'en'), { text: 'reset', lang: 'en', untranslated: false });
  assert.deepEqual(localize(null, '重置', 'en'), { text: '重置', lang: 'zh', untranslated: true });
  assert.equal(localize(null, '', 'en'), null);
});
