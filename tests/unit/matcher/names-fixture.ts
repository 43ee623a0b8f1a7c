/**
 * Records and assertions for the tests of an error's name as a paste (named-error.ts): the name alone
 * (named-error.test.ts) and in a short message of the person's (named-in-message.test.ts).
 */
import assert from 'node:assert/strict';
import { ranking } from './fixture.ts';
import type { Matcher } from '../../../src/lib/matcher/index.ts';
import { NAME_FLOOR } from '../../../src/lib/matcher/tuning.ts';

/** The records the name rule lifted for a paste (explain marks them `named`), whatever else answers. */
export const lifted = (matcher: Matcher, text: string): string[] => matcher.match(text, { explain: true }).filter((r) => r.why?.named !== undefined).map((r) => r.id);

/** The paste answers `id` first, at the name's floor at least and never with high confidence. */
export function answersName(matcher: Matcher, text: string, id: string): void {
  const ranked = matcher.match(text);
  assert.equal(ranked[0]?.id, id, `${text}: ${ranking(ranked)}`);
  assert.ok(ranked[0]!.score >= NAME_FLOOR, `${text}: ${ranking(ranked)}`);
  assert.notEqual(ranked[0]!.confidence, 'high', text);
}

const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null, aliases: [] };
export const records = [
  { ...base, id: 'kubernetes/crashloopbackoff', signature: 'Back-off restarting failed container <container> in pod <pod>', aliases: ['Warning BackOff kubelet Back-off restarting failed container', 'Reason: CrashLoopBackOff'] },
  { ...base, id: 'java/nullpointerexception', signature: 'java.lang.NullPointerException: Cannot invoke "<method>" because "<expression>" is null' },
  { ...base, id: 'postgres/too-many-clients', signature: 'FATAL: sorry, too many clients already' },
  { ...base, id: 'mysql/lock-wait-timeout', signature: 'ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction' },
  { ...base, id: 'node/econnrefused', signature: 'Error: connect ECONNREFUSED <host>:<port>' },
  { ...base, id: 'redis/connection-refused', signature: 'Could not connect to Redis at <host>:6379: Connection refused', aliases: ['Error: connect ECONNREFUSED 127.0.0.1:6379'] },
  { ...base, id: 'mongodb/connection-refused', signature: 'MongoServerSelectionError: connect ECONNREFUSED <host>:27017' },
  { ...base, id: 'rabbitmq/connection-refused', signature: 'Error: connect ECONNREFUSED <host>:5672' },
  { ...base, id: 'git/dubious-ownership', signature: 'fatal: detected dubious ownership in repository at <path>' },
  { ...base, id: 'git/push-rejected', signature: "error: failed to push some refs to 'origin' (the repository)" },
  { ...base, id: 'git/repository-not-found', signature: "remote: Repository not found. fatal: repository '<url>' not found" },
  { ...base, id: 'git/not-a-working-tree', signature: 'fatal: this operation must be run in a work tree of the repository' },
  { ...base, id: 'docker/daemon-not-running', signature: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' },
  { ...base, id: 'linux/no-space-left', signature: 'No space left on device' },
  { ...base, id: 'python/keyerror', signature: 'KeyError: <key>' },
  { ...base, id: 'python/modulenotfound', signature: "ModuleNotFoundError: No module named '<module>'" },
  { ...base, id: 'cuda/out-of-memory', signature: 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate <size> GiB' },
  { ...base, id: 'cuda/device-side-assert', signature: 'RuntimeError: CUDA error: device-side assert triggered' },
  { ...base, id: 'cuda/no-kernel-image', signature: 'CUDA error: no kernel image is available for execution on the device' },
  { ...base, id: 'cuda/driver-too-old', signature: 'CUDA driver version is insufficient for CUDA runtime version' },
  { ...base, id: 'vite/failed-to-resolve-import', signature: 'Failed to resolve import "<path>" from "src/components/Header.tsx". Does the file exist?' },
  { ...base, id: 'sqlite/readonly-database', signature: 'attempt to write a readonly database', aliases: ['SQLITE_READONLY: attempt to write a readonly database'] },
];
