/**
 * The tool the paste names decides between results of about equal score (named-tool.ts), and only
 * the order: whether to answer is decided as before.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';

const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null } as const;
// One message, two tools: the line alone does not say which.
const records: MatcherRecordInput[] = [
  { ...base, id: 'nginx/bind-address-in-use', signature: 'bind() to <address> failed: Only one usage of each socket address is normally permitted' },
  { ...base, id: 'docker/port-not-available', signature: 'Ports are not available: bind: Only one usage of each socket address is normally permitted' },
  { ...base, id: 'postgres/relation-missing', signature: 'ERROR: relation "<name>" does not exist' },
];

const LINE = 'Error response from daemon: Ports are not available: exposing port TCP 0.0.0.0:5432: bind() to 0.0.0.0:5432 failed: Only one usage of each socket address is normally permitted.';
const TOOL = { 'nginx/bind-address-in-use': 'sudo nginx -s reload', 'docker/port-not-available': 'PS C:\\code\\crm> docker compose up -d' } as Record<string, string>;

test('of two results about equal, the one whose tool the paste names comes first', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const alone = matcher.match(LINE);
  assert.equal(alone.length, 2, 'both tools answer the line');
  const [first, other] = alone;
  assert.ok(other!.score >= first!.score * 0.85);
  const withTool = matcher.match(`${TOOL[other!.id]}\n${LINE}`);
  assert.equal(withTool[0]?.id, other!.id);
  assert.equal(withTool[0]?.score, first!.score, 'the best score is unchanged');
  assert.equal(matcher.match(`${TOOL[first!.id]}\n${LINE}`)[0]?.id, first!.id, 'naming the first keeps it first');
});

test('naming a tool does not make the matcher answer', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  assert.deepEqual(matcher.match('docker compose up -d\nnginx: reloading configuration'), []);
});

test('a stack frame does not name a tool', async () => {
  // Node's frames name `node:net` in every Node.js program's error: the tool is the one the rest of
  // the paste names, so a frame naming the first result's domain does not keep it first.
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const [first, other] = matcher.match(LINE);
  const frame = `    at bind (${first!.domain}:net:1595:16)`;
  const withFrame = matcher.match(`${TOOL[other!.id]}\n${LINE}\n${frame}`);
  assert.equal(withFrame[0]?.id, other!.id);
  assert.equal(matcher.match(`${TOOL[other!.id]}\n${LINE}\n${frame.replace('    at bind (', 'listening on (')}`)[0]?.id, first!.id, 'outside a frame the name counts');
});

test('of two results with the same score, the one whose tool the paste names goes first, whichever is listed first', async () => {
  const { domainNamer, preferNamedTool } = await import('../../../src/lib/matcher/named-tool.ts');
  const domainWords = [['ruby'], ['flutter']];
  const domainOf = Int32Array.from([0, 1]);
  const pasteWords = () => new Set(['bundle', 'install', 'ruby', 'gemfile']);
  for (const order of [[0, 1], [1, 0]]) {
    const scored = order.map((r) => ({ r, score: 0.448, evidence: 'similarity' as const, lines: [], spec: 0 }));
    preferNamedTool(scored, domainNamer(domainWords, domainOf, pasteWords));
    const ruby = scored.find((s) => s.r === 0)!;
    const flutter = scored.find((s) => s.r === 1)!;
    assert.ok(ruby.score > flutter.score, `order ${order}: ruby ${ruby.score}, flutter ${flutter.score}`);
  }
});
