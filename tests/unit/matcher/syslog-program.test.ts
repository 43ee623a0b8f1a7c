/**
 * A syslog line's program (`systemd-journald[398]: `) names the tool: it stays in the line's text,
 * as in journald's JSON export, and counts as the line's words; the core form drops it for patterns
 * anchored at the start (normalize.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';

const base = { category: 'runtime_error', resolvable: 'true', fix_success_rate: 0.7, aliases: [] } as const;
const records = [
  { ...base, domain: 'systemd', id: 'systemd/journald-suppressed', signature: 'systemd-journald[<pid>]: Suppressed <n> messages from <unit>', regex: 'Suppressed (?:\\d+|<n>) messages from \\S+' },
  { ...base, domain: 'linux', id: 'linux/io-error', signature: 'blk_update_request: I/O error, dev <dev>, sector <n>', regex: 'blk_update_request: I/O error' },
  { ...base, domain: 'linux', id: 'linux/oom-killer', signature: 'Out of memory: Killed process <pid> (<name>)', regex: '^Out of memory: Killed process' },
];

test("the program of a syslog line counts: journald's rate limit answers in a warning listing", async () => {
  const matcher = await matcherOf(records);
  const paste = [
    '$ journalctl -b -p warning --since "10 min ago" --no-pager',
    'Mar 14 02:10:14 edge-03 systemd-journald[377]: Suppressed 18422 messages from shipper.service',
    'Mar 14 02:10:44 edge-03 systemd-journald[377]: Suppressed 17960 messages from shipper.service',
    'Mar 14 02:11:02 edge-03 kernel: nvme1n1: I/O Cmd(0x2) @ LBA 20971520, 8 blocks, I/O Error (sct 0x0 / sc 0x0)',
    'Mar 14 02:11:14 edge-03 systemd-journald[377]: Suppressed 19004 messages from shipper.service',
  ].join('\n');
  const ranked = matcher.match(paste);
  assert.equal(ranked[0]?.id, 'systemd/journald-suppressed', ranking(ranked));
  assert.match(ranked[0]!.lines[0]!.text, /^systemd-journald\[377\]: Suppressed/);
});

test('a pattern anchored at the start still matches after the program', async () => {
  const matcher = await matcherOf(records);
  const ranked = matcher.match('Mar 14 02:12:09 edge-03 kernel: Out of memory: Killed process 4242 (java) total-vm:8123456kB');
  assert.equal(ranked[0]?.id, 'linux/oom-killer', ranking(ranked));
});
