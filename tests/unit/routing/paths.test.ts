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

test('switching language under a base path keeps the base', () => {
  assert.equal(switchLocalePath('/errors/grpc/x/', 'zh', '/errors/'), '/errors/zh/grpc/x/');
  assert.equal(switchLocalePath('/errors/zh/grpc/x/', 'en', '/errors/'), '/errors/grpc/x/');
  assert.equal(switchLocalePath('/errors/', 'zh', '/errors/'), '/errors/zh/');
  assert.equal(switchLocalePath('/errors/zh/', 'en', '/errors/'), '/errors/');
  assert.equal(switchLocalePath('/errors/zhongwen/', 'zh', '/errors/'), '/errors/zh/zhongwen/');
});
