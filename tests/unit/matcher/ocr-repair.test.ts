/**
 * Words read back from a picture get their letters back (ocr-repair.ts): `Perrnission`, `tab1e`,
 * `NXD0MAIN`, when exactly one way of undoing OCR's look-alikes makes a word the records know.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ocrRepairer, repairNumber, repairWord, type KnownWord } from '../../../src/lib/matcher/ocr-repair.ts';
import { matcherOf, ranking } from './fixture.ts';

const words = new Set(['permission', 'denied', 'table', 'list', 'nxdomain', 'classnotfoundexception', 'failed', 'warning', 'return', 'could', 'mill', 'mili']);
const known: KnownWord = (word) => words.has(word.toLowerCase());

test('a look-alike is undone when one known word comes of it, in the case of its word', () => {
  assert.equal(repairWord('Perrnission', known), 'Permission');
  assert.equal(repairWord('tab1e', known), 'table');
  assert.equal(repairWord('1ist', known), 'list');
  assert.equal(repairWord('NXD0MAIN', known), 'NXDOMAIN');
  assert.equal(repairWord('C1assNotFoundException', known), 'ClassNotFoundException');
  assert.equal(repairWord('FA1LED', known), 'FAILED');
});

test('no repair without a known word, or with two', () => {
  assert.equal(repairWord('zorb1e', known), null);
  // `mi11` could be `mill` or `mili`.
  assert.equal(repairWord('mi11', known), null);
});

test('known words, numbers, ids and codes stay as written', () => {
  const repair = ocrRepairer(known);
  const lines = ['warning: return value', '2026-11-04T12:00:44.1195533Z sha256:7a1f02c9e8 E0277 v1.0.5', 'request a1f3c9e8d0 failed'];
  for (const line of lines) assert.equal(repair(line), line);
  assert.equal(repair('git@github.com: Perrnission denied (publickey).'), 'git@github.com: Permission denied (publickey).');
});

test('a bar read for an l or an i inside or before a word is undone; a pipe between words stays', () => {
  const repair = ocrRepairer((word) => ['location', 'following', 'cat', 'grep'].includes(word.toLowerCase()) || known(word));
  assert.equal(repair('> SDK |ocation not found.'), '> SDK location not found.');
  assert.equal(repair('update the follow|ng actions'), 'update the following actions');
  for (const line of ['cat x|grep y', '| col | col2 |', 'a||b', 'WARN|FAILED']) assert.equal(repair(line), line);
});

test('a number read back with letters gets its digits back; glog levels and known words do not', () => {
  assert.equal(repairNumber('l34217728'), '134217728');
  assert.equal(repairNumber('8O80'), '8080');
  // glog's info line opens `I1130 10:00:01.123456`; two digits are not yet a number; `o` is a letter.
  for (const word of ['I1130', 'l0', 'lO1', 'Io12', 'E0277']) assert.equal(repairNumber(word), null, word);
  const repair = ocrRepairer((word) => word === 'O365' || known(word));
  assert.equal(repair('Fatal error: Allowed memory size of l34217728 bytes exhausted'), 'Fatal error: Allowed memory size of 134217728 bytes exhausted');
  assert.equal(repair('O365 sign-in failed'), 'O365 sign-in failed');
});

test('a pattern holds on an error read back from a screenshot', async () => {
  const base = { domain: 'git', category: 'auth_error', resolvable: 'true', fix_success_rate: 0.8, aliases: [] } as const;
  const matcher = await matcherOf([
    { ...base, id: 'git/permission-denied-publickey', signature: 'git@github.com: Permission denied (publickey).', regex: 'Permission denied \\(publickey\\)' },
    { ...base, id: 'git/repository-not-found', signature: 'ERROR: Repository not found.', regex: 'Repository not found' },
  ]);
  const ranked = matcher.match('~/src/infra (main) $ git push origin main\ngit@github.com: Perrnission denied (publickey).\nfatal: Could not read from remote repository.', { explain: true });
  assert.equal(ranked[0]?.id, 'git/permission-denied-publickey', ranking(ranked));
  assert.equal(ranked[0]?.evidence, 'regex', ranking(ranked));
});
