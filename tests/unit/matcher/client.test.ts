import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { createMatcherClient, type StartedWorker, type WorkerLike } from '../../../src/browser/matcher/client.ts';
import type { WorkerRequest, WorkerResponse } from '../../../src/browser/matcher/worker.ts';

/** A worker double: keeps what the page posts; `send` plays the worker's side. */
function fakeWorker() {
  const posted: WorkerRequest[] = [];
  const worker: WorkerLike & { posted: WorkerRequest[]; terminated: boolean; send(message: WorkerResponse): void } = {
    posted,
    terminated: false,
    onmessage: null,
    postMessage(message) {
      posted.push(message);
    },
    terminate() {
      this.terminated = true;
    },
    send(message) {
      this.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
    },
  };
  return worker;
}

const READY: WorkerResponse = { type: 'ready', records: 1, ms: 1 };
const tick = () => new Promise((resolve) => setImmediate(resolve));

test('a worker started before the client is taken over with the messages it already sent', async () => {
  const early = fakeWorker();
  let created = 0;
  const started: StartedWorker = { worker: early, early: [{ data: READY }], index: Promise.resolve({ text: '{}', ms: 1 }) };
  const client = createMatcherClient({ worker: () => (created++, fakeWorker()), started });
  await client.ready();
  assert.equal(created, 0, 'no second worker');
  assert.deepEqual(early.posted, [], 'the starter posts the init, not the client');
  const answer = client.match('boom');
  assert.deepEqual(early.posted, [{ type: 'match', id: 1, text: 'boom', top: undefined }]);
  early.send({ type: 'result', id: 1, results: [], ms: 2 });
  assert.deepEqual(await answer, { results: [], ms: 2 });
});

test('a taken-over worker whose index could not be downloaded fails the client', async () => {
  const started: StartedWorker = { worker: fakeWorker(), early: [], index: Promise.reject(new Error('HTTP 404')) };
  const client = createMatcherClient({ worker: fakeWorker, started });
  await assert.rejects(client.ready(), /HTTP 404/);
  await assert.rejects(client.match('boom'), /HTTP 404/);
});

test('a paste is posted at once, before the index is ready, and its budget starts at ready', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const client = createMatcherClient({ worker: () => (workers.push(fakeWorker()), workers.at(-1)!), index: { format: 'error-atlas-matcher' } as never, timeoutMs: 50 });
    const first = workers[0]!;
    let outcome: unknown = null;
    void client.match('boom').then((m) => (outcome = m));
    assert.deepEqual(first.posted.map((m) => m.type), ['init', 'match'], 'the match request goes out before the worker is ready');
    mock.timers.tick(500);
    await tick();
    assert.equal(outcome, null, 'loading the index does not count against the budget');
    first.send(READY);
    await tick();
    mock.timers.tick(49);
    await tick();
    assert.equal(outcome, null);
    mock.timers.tick(1);
    await tick();
    assert.deepEqual(outcome, { results: [], ms: 50, timedOut: true });
    assert.equal(first.terminated, true);
    assert.equal(workers.length, 2, 'a new worker replaces the one that ran out of time');
  } finally {
    mock.timers.reset();
  }
});
