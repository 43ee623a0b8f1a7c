/**
 * The indented lines under a line ending with a colon are its fields, and a pattern is tried across
 * them: grpcio prints `status = StatusCode.UNAVAILABLE` and `details = "Connection reset by peer"` on
 * two lines under `<_InactiveRpcError of RPC that terminated with:`, and the record's pattern needs
 * both.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';

const record = {
  id: 'grpc/reset',
  domain: 'grpc',
  category: 'network_error',
  resolvable: 'true',
  fix_success_rate: 0.8,
  signature: 'UNAVAILABLE: grpc: connection error: connection reset by peer',
  regex: 'unavailable[\\s\\S]{0,400}?connection reset by peer',
  aliases: [],
};

test("grpcio's status and details under the error line are one message to the pattern", async () => {
  const matcher = await matcherOf([record]);
  const paste = [
    'Traceback (most recent call last):',
    '  File "client.py", line 3, in <module>',
    '    stub.Get(request)',
    'grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:',
    '\tstatus = StatusCode.UNAVAILABLE',
    '\tdetails = "Connection reset by peer"',
    '>',
  ].join('\n');
  const ranked = matcher.match(paste, { explain: true });
  assert.equal(ranked[0]?.id, 'grpc/reset', ranking(ranked));
  assert.equal(ranked[0]?.evidence, 'regex', ranking(ranked));
});

test('indented lines under a line that does not end with a colon are not its fields', async () => {
  const matcher = await matcherOf([record]);
  const paste = ['status: UNAVAILABLE', '    retrying in 2s', '    details: connection reset by peer'].join('\n');
  const ranked = matcher.match(paste, { explain: true });
  assert.ok(ranked.every((r) => r.evidence !== 'regex'), ranking(ranked));
});
