import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_REMEMBERED_BYTES, memoizedDigest } from '../../../src/node/build/digest-memo.ts';

const subtle = globalThis.crypto.subtle;
const hex = (buffer: ArrayBuffer) => Buffer.from(buffer).toString('hex');

test('the memo gives the digest Web Crypto gives, and computes it once per algorithm and input', async () => {
  let calls = 0;
  const digest = memoizedDigest((algorithm, data) => {
    calls += 1;
    return subtle.digest(algorithm, data);
  });
  const script = new TextEncoder().encode('document.documentElement.dataset.theme = "dark";');
  const first = await digest('SHA-256', script);
  assert.equal(hex(first), hex(await subtle.digest('SHA-256', script)));
  // The same bytes in another buffer, at an offset: remembered.
  const padded = new Uint8Array(script.byteLength + 3);
  padded.set(script, 3);
  const again = await digest('SHA-256', padded.subarray(3));
  assert.equal(hex(again), hex(first));
  assert.equal(calls, 1);
  // Each caller gets its own buffer.
  assert.notEqual(again, first);
  new Uint8Array(again).fill(0);
  assert.equal(hex(await digest('SHA-256', script)), hex(first));
  // Another algorithm, other bytes: computed.
  assert.equal(hex(await digest('SHA-384', script)), hex(await subtle.digest('SHA-384', script)));
  const other = new TextEncoder().encode('other');
  assert.equal(hex(await digest('SHA-256', other)), hex(await subtle.digest('SHA-256', other)));
  assert.equal(calls, 3);
});

test('large inputs and algorithm objects go straight through', async () => {
  let calls = 0;
  const digest = memoizedDigest((algorithm, data) => {
    calls += 1;
    return subtle.digest(algorithm, data);
  });
  const large = new Uint8Array(MAX_REMEMBERED_BYTES + 1);
  await digest('SHA-256', large);
  await digest('SHA-256', large);
  const small = new Uint8Array([1, 2, 3]);
  await digest({ name: 'SHA-256' }, small);
  await digest({ name: 'SHA-256' }, small);
  assert.equal(calls, 4);
});

test('a failed digest is not remembered', async () => {
  let calls = 0;
  const digest = memoizedDigest((algorithm, data) => {
    calls += 1;
    return calls === 1 ? Promise.reject(new Error('busy')) : subtle.digest(algorithm, data);
  });
  const data = new Uint8Array([1]);
  await assert.rejects(digest('SHA-256', data), /busy/);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(hex(await digest('SHA-256', data)), hex(await subtle.digest('SHA-256', data)));
});
