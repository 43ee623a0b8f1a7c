import assert from 'node:assert/strict';
import { test } from 'node:test';
import { domainPath, pagePath, recordPath, switchLocalePath } from '../../../src/lib/routing/paths.ts';

test('record, domain and page paths are the public contract', () => {
  assert.equal(recordPath('grpc/grpc-connection-reset-by-peer'), '/grpc/grpc-connection-reset-by-peer/');
  assert.equal(recordPath('grpc/grpc-connection-reset-by-peer', 'zh'), '/zh/grpc/grpc-connection-reset-by-peer/');
  assert.equal(domainPath('grpc', 'zh'), '/zh/grpc/');
  assert.equal(pagePath('match'), '/match/');
});

test('switching language keeps the page', () => {
  assert.equal(switchLocalePath('/grpc/x/', 'zh'), '/zh/grpc/x/');
  assert.equal(switchLocalePath('/zh/grpc/x/', 'en'), '/grpc/x/');
  assert.equal(switchLocalePath('/', 'zh'), '/zh/');
  assert.equal(switchLocalePath('/zh/', 'en'), '/');
  assert.equal(switchLocalePath('/zhongwen/', 'zh'), '/zh/zhongwen/', 'only a whole "zh" segment is a prefix');
});
