import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize, tokenizeLine } from '../../../src/lib/matcher/tokens.ts';

test('tokenize keeps the fixed words and drops placeholders, numbers, hex ids, stopwords and single letters', () => {
  assert.deepEqual(tokenize("No module named 'requests' at <path> in {file}: errno 13, id 0x1f, sha 3fa9c2d1e"), [
    'no', 'modul', 'named', 'request', 'errno', 'id', 'sha',
  ]);
  assert.deepEqual(tokenize("No module named 'requests'", true), ['no', 'modul', 'named']);
  // `no` is no stopword: it tells `no matching files` from `found 3 matching files`.
  assert.deepEqual(tokenize('WARNING: dist/: no matching files'), ['warn', 'dist', 'no', 'match', 'files']);
  assert.deepEqual(tokenize('E_FOO_BAR x-y a1 Ü'), ['e_foo_bar', 'foo', 'bar', 'a1', 'ü']);
});

test('words of six characters or more lose a plural or tense ending, so wordings of other versions share them', () => {
  assert.deepEqual(tokenize('AnimationController.dispose() called'), ['animationcontroller', 'dispos', 'call']);
  assert.deepEqual(tokenize('AnimationController disposed'), ['animationcontroller', 'dispos']);
  assert.deepEqual(tokenize('refused refuses refusing'), ['refus', 'refus', 'refus']);
  assert.deepEqual(tokenize('class classes error errors'), ['class', 'class', 'error', 'error']);
});

test('a snake_case word also gives its parts, after the word itself', () => {
  assert.deepEqual(tokenize("code: 'ERR_DLOPEN_FAILED'"), ['code', 'err_dlopen_fail', 'err', 'dlopen', 'fail']);
});

test('letters that lower-case to ASCII (the Kelvin sign) are word letters', () => {
  assert.deepEqual(tokenize('\u212Aelvin error'), ['kelvin', 'error']);
});

test('a map with = is not a placeholder: its value is the error code', () => {
  assert.ok(tokenize('Error while fetching metadata with correlation id <n> : {<topic>=LEADER_NOT_AVAILABLE}').includes('leader_not_availabl'));
  assert.ok(tokenizeLine('correlation id 3 : {orders.v2=TOPIC_AUTHORIZATION_FAILED}').includes('topic_authorization_fail'));
  assert.ok(!tokenize('Failed to start {unit}').includes('unit'));
});

test('a {word} right after a word is part of it, not a placeholder', () => {
  for (const words of [tokenize('upstream_reset_before_response_started{overflow}'), tokenizeLine('upstream_reset_before_response_started{overflow}')]) assert.ok(words.includes('overflow'), words.join(' '));
  assert.deepEqual(tokenize('connect to {host} failed'), ['connect', 'fail']);
});

test('tokenizeLine gives exactly the tokens of tokenize', () => {
  const samples = [
    'java.lang.IllegalStateException: Failed to load ApplicationContext',
    'npm ERR! code ERESOLVE   npm ERR! ERESOLVE unable to resolve dependency tree',
    '__init__.py:12: DeprecationWarning: pkg_resources is deprecated; v2 a b',
    'Error: connect ECONNREFUSED 127.0.0.1:5432 (after 3000ms) deadbeef 0xFF K8S',
    'fatal: [web01]: UNREACHABLE! => {"changed": false, "msg": "ssh: Could not resolve hostname"}',
    'value <none> at {path} and ${HOME}: 12 ab x_ _y',
    'ошибка: файл не найден (日本語 ok)',
    '\u212Aelvin and İstanbul',
  ];
  // Generated lines from word characters, separators, placeholders and a few non-ASCII letters.
  const alphabet = ['a', 'Z', '_', '0', '9', ' ', ' ', '-', '.', ':', '<', '>', '{', '}', '$', "'", '"', 'x', 'K', 'é', '\u212A', 'İ', '日'];
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let i = 0; i < 20_000; i++) {
    let line = '';
    const length = Math.floor(rand() * 40);
    for (let k = 0; k < length; k++) line += alphabet[Math.floor(rand() * alphabet.length)];
    samples.push(line);
  }
  for (const text of samples) assert.deepEqual(tokenizeLine(text), tokenize(text), JSON.stringify(text));
});

test('Chinese, Japanese and Korean runs become character bigrams (a lone character a word); Latin words beside them stay words', () => {
  assert.deepEqual(tokenize('致命错误：无法读取远程仓库。'), ['致命', '命错', '错误', '无法', '法读', '读取', '取远', '远程', '程仓', '仓库']);
  assert.deepEqual(tokenizeLine('bash: deploy.sh: 未找到命令'), ['bash', 'deploy', 'sh', '未找', '找到', '到命', '命令']);
  assert.deepEqual(tokenize('错误:  重复键违反唯一约束"users_email_key"'), ['错误', '重复', '复键', '键违', '违反', '反唯', '唯一', '一约', '约束', 'users_email_key', 'users', 'email', 'key']);
  assert.deepEqual(tokenize('a 锁 b'), ['锁'], 'a lone character is a word of its own');
});
