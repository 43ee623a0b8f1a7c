import assert from 'node:assert/strict';
import { test } from 'node:test';
import { humanize, labelOf, labelledValues } from '../../../src/lib/present/labels.ts';

test('stored values get labels in both languages', () => {
  assert.deepEqual(labelOf('category', 'network_error', 'en'), { text: 'Network error', known: true });
  assert.deepEqual(labelOf('category', 'network_error', 'zh'), { text: '网络错误', known: true });
  assert.equal(labelOf('verification', 'ai_generated', 'en').text, 'Written by AI, not reviewed by a person');
  assert.equal(labelOf('versionStatus', 'active', 'zh').text, '现行');
  assert.equal(labelOf('operatingSystem', 'linux', 'en').text, 'Linux');
});

test('every labelled value has a label in each language that is not the stored value', () => {
  for (const group of ['category', 'rootCauseType', 'verification', 'versionStatus', 'operatingSystem'] as const) {
    for (const value of labelledValues(group)) {
      for (const locale of ['en', 'zh'] as const) {
        const label = labelOf(group, value, locale);
        assert.ok(label.known && label.text.trim() !== '' && label.text !== value, `${group}.${value} in ${locale}`);
      }
    }
  }
});

test('unknown values are humanised, never shown as stored; prose is left alone', () => {
  assert.deepEqual(labelOf('category', 'etiquette_violation', 'zh'), { text: 'Etiquette violation', known: false });
  assert.equal(humanize('wrong-emergency-number'), 'Wrong emergency number');
  assert.equal(humanize('Disk full on CI runner'), 'Disk full on CI runner');
  assert.equal(labelOf('category', ' Network_Error ', 'en').text, 'Network error', 'case and spaces do not defeat the table');
});
