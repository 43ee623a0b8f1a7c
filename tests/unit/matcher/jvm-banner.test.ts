/**
 * The JVM's banner before an uncaught exception (`Exception in thread "main" …`) is the runtime's
 * wording, not the error's (similarity.ts, JVM_BANNER): a record whose wording is the exception's
 * alone matches the line as fully as it matches the same exception under `Caused by:`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';

const base = { domain: 'java', category: 'runtime_error', resolvable: 'true', fix_success_rate: 0.8, aliases: [] } as const;
const records = [
  { ...base, id: 'java/noclassdeffounderror', signature: 'java.lang.NoClassDefFoundError: <class/path/Name>', regex: 'NoClassDefFoundError' },
  { ...base, id: 'java/classnotfoundexception', signature: 'java.lang.ClassNotFoundException: <class.Name>', regex: 'ClassNotFoundException' },
  { ...base, id: 'java/other', signature: 'an unrelated failure of the scheduler queue', regex: null },
];

const trace = [
  'Exception in thread "main" java.lang.NoClassDefFoundError: com/fasterxml/jackson/databind/ObjectMapper',
  '\tat com.acme.etl.config.JobConfig.load(JobConfig.java:33)',
  '\tat com.acme.etl.Main.main(Main.java:21)',
  'Caused by: java.lang.ClassNotFoundException: com.fasterxml.jackson.databind.ObjectMapper',
  '\tat java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)',
  '\t... 2 more',
].join('\n');

test('the banner does not count against the exception it introduces', async () => {
  const matcher = await matcherOf(records);
  const explained = matcher.match(trace, { explain: true });
  const headline = explained.find((r) => r.id === 'java/noclassdeffounderror');
  const cause = explained.find((r) => r.id === 'java/classnotfoundexception');
  assert.ok(headline?.why && cause?.why, ranking(explained));
  assert.ok(headline.why.sim! >= cause.why.sim!, `banner line ${headline.why.sim}, cause line ${cause.why.sim}`);
  assert.equal(explained[0]!.id, 'java/noclassdeffounderror');
});
