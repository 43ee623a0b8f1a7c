/**
 * An access log's request answered with a server error is an error line (normalize.ts,
 * SERVER_ERROR_STATUS): Envoy's and nginx's access logs hold no error word, only the status.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorness } from '../../../src/lib/matcher/errorness.ts';

test('a 5xx status after the request line is an error sign; 2xx, 3xx and 4xx are not', () => {
  const envoy = (status: string) => `[2026-11-12T11:22:03.417Z] "GET /catalog/v2/items?page=3 HTTP/1.1" ${status} UH no_healthy_upstream - "-" 0 19 0 - "10.20.0.4"`;
  assert.ok(errorness(envoy('503')) >= 0.6);
  assert.equal(errorness(envoy('200')), 0);
  assert.equal(errorness(envoy('404')), 0);
  assert.ok(errorness('10.0.0.7 - - [12/Nov/2026:11:22:03 +0000] "POST /api/orders HTTP/2.0" 502 157 "-" "curl/8.5.0"') >= 0.6);
  // A number that is not a request's status is not one.
  assert.equal(errorness('served 503 requests in 2s'), 0);
});
