/**
 * A gRPC status other than OK named as a call's code is an error sign (normalize.ts, GRPC_STATUS):
 * grpcurl prints `Code: Unimplemented` over `Message: unknown service …`, in CamelCase, with no
 * error word, and a pattern over both lines needs the first to start their block.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import { errorness } from '../../../src/lib/matcher/errorness.ts';

test('a non-OK gRPC status as the code is an error sign; OK and other codes are not', () => {
  assert.ok(errorness('Code: Unimplemented') >= 0.6);
  assert.ok(errorness('rpc failed: code = DeadlineExceeded') >= 0.6);
  assert.ok(errorness('Grpc.Core.RpcException: Status(StatusCode="PermissionDenied", Detail="denied")') >= 0.6);
  assert.equal(errorness('Code: OK'), 0);
  assert.equal(errorness('exit code: 0'), 0);
  assert.equal(errorness('Unimplemented features are listed below'), 0);
});

test("grpcurl's status and message over two lines are one message for a pattern", async () => {
  const matcher = await loadMatcher(
    buildMatcherIndex([
      { id: 'grpc/unimplemented', signature: 'rpc error: code = Unimplemented desc = unknown service <package.Service>', regex: '(?:\\bUNIMPLEMENTED|code = Unimplemented desc)[\\s\\S]{0,200}?unknown service', resolvable: 'true', fix_success_rate: 0.8 },
    ]),
  );
  const paste = ['$ grpcurl -plaintext localhost:9090 inventory.v1.StockService/GetLevel', 'ERROR:', '  Code: Unimplemented', '  Message: unknown service inventory.v1.StockService'].join('\n');
  const first = matcher.match(paste)[0];
  assert.equal(first?.id, 'grpc/unimplemented');
  assert.equal(first?.evidence, 'regex');
});
