/**
 * A dotted name followed by `:` and a number, a host and its port or a file and its line, is a value
 * (similarity.ts, HOST_PORT): its words weigh as a quoted value's in the line's weight.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';

const base = { domain: 'kafka', category: 'network_error', regex: null, resolvable: 'true', fix_success_rate: 0.8 } as const;
const records = [
  { ...base, id: 'kafka/broker-not-available', signature: 'Connect to ipv4#<ip>:<port> failed: Connection refused (after <n>ms in state CONNECT)', aliases: [] },
  { ...base, id: 'kafka/other', signature: 'an unrelated failure of the scheduler queue', aliases: [] },
];

test("a host name's words do not dilute the message's wording", async () => {
  const matcher = await matcherOf(records);
  const line = 'kafka-0.kafka-headless.payments.svc.cluster.local:9092/bootstrap: Connect to ipv4#10.42.1.17:9092 failed: Connection refused (after 1ms in state CONNECT)';
  const explained = matcher.match(line, { explain: true });
  const broker = explained.find((r) => r.id === 'kafka/broker-not-available');
  assert.ok(broker?.why, ranking(explained));
  assert.ok(broker.why.sim! > 0.8, `similarity ${broker.why.sim}`);
});
