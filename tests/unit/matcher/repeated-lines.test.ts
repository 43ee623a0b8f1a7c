/**
 * A template printed again and again (a retry, a parse warning per event) counts once among the
 * lines compared by wording before its repeats do: a long log's one line that stands out is read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';

const base = { regex: null, resolvable: 'true', fix_success_rate: 0.8, aliases: [] } as const;
const records = [
  { ...base, domain: 'elasticsearch', category: 'resource_error', id: 'elasticsearch/rejected-execution', signature: 'EsRejectedExecutionException: rejected execution of coordinating operation' },
  { ...base, domain: 'logstash', category: 'config_error', id: 'logstash/grok-failure', signature: 'Failed to compile grok pattern <pattern>' },
];

test('the line that stands out is read after thirty repeats of another', async () => {
  const matcher = await matcherOf(records);
  const repeats = Array.from({ length: 30 }, (_, i) => `[WARN ][logstash.filters.date][main] Failed parsing date from field {:field=>"ts", :value=>"2026-11-27 16:${String(i).padStart(2, '0')}:57"}`);
  const paste = [
    'Using bundled JDK: /usr/share/logstash/jdk',
    ...repeats,
    '[WARN ][logstash.outputs.elasticsearch][main] Failed action: status 429, EsRejectedExecutionException: rejected execution of coordinating operation [shard_detail=[logs-2026.11.27][0]]',
    '[INFO ][logstash.outputs.elasticsearch][main] Retrying failed action',
  ].join('\n');
  const ranked = matcher.match(paste);
  assert.equal(ranked[0]?.id, 'elasticsearch/rejected-execution', ranking(ranked));
});
