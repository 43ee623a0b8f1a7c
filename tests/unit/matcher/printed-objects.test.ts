/**
 * A JSON log object read as its message fields (normalize.ts) is still tried, as printed, by the
 * alternatives of a pattern that spell its keys (printed-objects.ts); patterns written for a message
 * are not run over the object's fields.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';
import { matcherOf } from './fixture.ts';

const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
const envoy = {
  ...base,
  id: 'envoy/upstream-connect-failure',
  signature: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
  regex: 'reset reason: connection failure|\\"response_flags\\":\\s?\\"(?:[A-Z]+,)*UF\\b',
  aliases: ['upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111'],
};
const clock = { ...base, id: 'embedded/rtc-drift', signature: 'RTC drift detected', regex: 'time.*drift', aliases: ['RTC time drift exceeds 2 s'] };
// Envoy's JSON access log: one field reads as a message, so the object itself is not a line of the paste.
const ACCESS_LOG = JSON.stringify({ start_time: '2026-03-14T09:12:44.118Z', method: 'POST', path: '/v1/orders', response_code: 503, response_flags: 'UF', upstream_host: '10.244.2.31:8080', upstream_transport_failure_reason: 'delayed connect error: 111' });

test('the object goes with the first line read from it', () => {
  const lines = normalizePaste(`$ kubectl logs deploy/gateway -c istio-proxy\n${ACCESS_LOG}`);
  assert.deepEqual(lines.map((line) => line.text), ['kubectl logs deploy/gateway -c istio-proxy', 'delayed connect error: 111']);
  assert.equal(lines[1]!.printed, ACCESS_LOG);
  assert.equal(lines[0]!.printed, undefined);
  // An object that stays a line of its own (no message field) has nothing more to give.
  const plain = JSON.stringify({ response_code: 503, response_flags: 'UH' });
  assert.deepEqual(normalizePaste(plain).map((line) => [line.text, line.printed]), [[plain, undefined]]);
});

test("a key-spelling alternative finds the record on the object's fields", async () => {
  const matcher = await matcherOf([envoy, clock]);
  const [first] = matcher.match(ACCESS_LOG, { explain: true });
  assert.equal(first?.id, envoy.id);
  assert.equal(first?.evidence, 'regex');
  assert.equal(first?.lines[0]?.text, 'delayed connect error: 111');
  assert.ok(matcher.match(ACCESS_LOG).length > 0, 'answered');
});

test("a pattern written for a message is not run over the object's fields", async () => {
  const matcher = await matcherOf([envoy, clock]);
  // `time.*drift` would match from "timestamp" to "drift_detected" across the fields.
  const event = JSON.stringify({ timestamp: '2026-12-05T05:00:12Z', event: 'drift_detected', message: 'Resource configuration deviates from approved baseline' });
  const listed = matcher.match(event, { explain: true }).find((result) => result.id === clock.id);
  assert.notEqual(listed?.evidence, 'regex');
  assert.deepEqual(matcher.match(event), []);
});
