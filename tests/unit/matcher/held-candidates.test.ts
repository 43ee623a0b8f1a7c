/**
 * A record whose signature one line of the paste holds whole is scored, however little of its
 * weight its rarer words carry: in a long log, other error lines give many records a larger share
 * of their words (similarity.ts, candidates).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';

const base = { domain: 'app', category: 'runtime_error', regex: null, resolvable: 'true', fix_success_rate: 0.8, aliases: [] } as const;
/** Two made-up words per noise line, each the one rare word of a record. */
const word = (i: number) => `zorblax${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
const FILLERS = 46;
const fillers = Array.from({ length: FILLERS }, (_, i) => ({ ...base, id: `app/quota-${i}`, signature: `Error: ${word(i)}` }));
// Records that make the ssh record's words other than `timed` common.
const common = Array.from({ length: 10 }, (_, i) => ({ ...base, id: `net/other-${i}`, signature: `ssh connect host port connection out ${word(100 + i)}` }));
const ssh = { ...base, domain: 'ssh', id: 'ssh/connection-timed-out', signature: 'ssh: connect to host <host> port <port>: Connection timed out' };

test('a signature held whole by one line is a candidate although other records share more', async () => {
  const matcher = await matcherOf([...fillers, ...common, ssh]);
  const noise = Array.from({ length: FILLERS / 2 }, (_, k) => `ERROR: quota ${word(2 * k)} and ${word(2 * k + 1)} exhausted, retrying`);
  const paste = [...noise, 'ssh: connect to host 198.51.100.23 port 22: Connection timed out', 'rsync: connection unexpectedly closed'].join('\n');
  const ranked = matcher.match(paste, { explain: true });
  assert.ok(ranked.some((r) => r.id === 'ssh/connection-timed-out'), ranking(ranked));
});
