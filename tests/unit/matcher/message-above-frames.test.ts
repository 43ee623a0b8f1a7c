/**
 * The line right above a run of `at …` frames ends the exception's message (normalize.ts,
 * markMessageBeforeFrames): it is an error line even when it names no error sign.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';

test('the message above `at` frames is an error line', () => {
  const lines = normalizePaste(
    [
      'Invalid `prisma.order.create()` invocation in',
      'Prisma needs to perform transactions, which requires your MongoDB server to be run as a replica set.',
      '    at $n.handleRequestError (/app/node_modules/@prisma/client/runtime/library.js:121:7315)',
      '    at async createOrder (/app/src/services/orders.ts:48:17)',
    ].join('\n'),
  );
  const message = lines.find((l) => l.text.startsWith('Prisma needs'));
  assert.ok(message);
  assert.ok(message.err >= 0.6, `errorness ${message.err}`);
  // Only the line right above the frames: the one before it keeps its own errorness.
  assert.equal(lines.find((l) => l.text.startsWith('Invalid'))!.err, 0.6);
});

test('a command or a Python frame run does not mark the line above it', () => {
  const lines = normalizePaste(['$ node server.js', '    at main (/app/server.js:3:1)', 'Loading settings from disk', '  File "/app/x.py", line 3, in <module>'].join('\n'));
  assert.equal(lines.find((l) => l.text.includes('node server.js'))!.err, 0);
  assert.equal(lines.find((l) => l.text.startsWith('Loading'))!.err, 0);
});
