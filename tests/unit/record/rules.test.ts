import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RE2JS } from 're2js';
import { checkRules, CONTENT_RULES, type KnowledgeBase } from '../../../src/lib/record/rules.ts';
import { formatProblem, validateRecordFiles } from '../../../src/lib/record/validate.ts';
import { recordFile } from '../../helpers.ts';

/** A record that passes every rule; tests break one thing at a time. */
function goodRecord(id: string, message: string): Record<string, unknown> {
  const [domain] = id.split('/');
  return {
    id,
    signature: message,
    signature_zh: `${message}（中文）`,
    regex: message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    domain,
    category: 'runtime_error',
    root_cause: 'Because.',
    root_cause_zh: '因为。',
    official_doc_url: 'https://example.org/doc',
    versions: [{ version: '1.0' }],
    workarounds: [
      { action: 'Do A', how: 'Run a', success_rate: 0.9, sources: ['https://example.org/a'] },
      { action: 'Do B', how: 'Run b', success_rate: 0.5, sources: ['https://example.org/b'] },
    ],
    workarounds_zh: ['做 A', '做 B'],
    dead_ends: [
      { action: 'Retry', action_zh: '重试', why_fails: 'Same input, same error.', why_fails_zh: '输入相同，错误相同。', fail_rate: 0.9 },
      { action: 'Reinstall', action_zh: '重新安装', why_fails: 'Nothing was broken.', why_fails_zh: '并没有东西坏掉。', fail_rate: 0.8, condition: 'on Windows', condition_zh: '在 Windows 上' },
    ],
    verification_tier: 'ai_generated',
  };
}

function kb(records: Record<string, unknown>[], examples: Record<string, string[]>, overlaps: KnowledgeBase['overlaps'] = []): KnowledgeBase {
  const validation = validateRecordFiles(records.map((record) => recordFile(`${record.id}.json`, record)));
  assert.deepEqual(validation.problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem)), []);
  return { records: validation.records, examples: new Map(Object.entries(examples)), examplesFile: (domain) => `examples/${domain}.json`, overlaps, overlapsFile: 'overlaps', linearEngine: RE2JS };
}

const a = goodRecord('app/alpha-failed', 'alpha failed');
const b = goodRecord('app/beta-failed', 'beta failed');
const examples = { 'app/alpha-failed': ['x: alpha failed', 'alpha failed (code 2)', 'E alpha failed'], 'app/beta-failed': ['beta failed!', 'y beta failed', 'beta failed: 3'] };

const lines = (base: KnowledgeBase) => checkRules(base).map((problem) => formatProblem(problem));

test('a complete knowledge base passes every rule', () => {
  assert.deepEqual(lines(kb([a, b], examples)), []);
});

test('each rule reports the file and field it is about', () => {
  const missingExample = lines(kb([a, b], { ...examples, 'app/beta-failed': ['beta failed!'], 'app/gone': ['x'] }));
  assert.ok(missingExample.includes('examples/app.json: app/beta-failed: needs at least 3 example messages as the tool prints them (got 1)'), missingExample.join('\n'));
  assert.ok(missingExample.includes('examples/app.json: app/gone: is not the id of a record'));

  const ownMiss = lines(kb([a, b], { ...examples, 'app/alpha-failed': ['x: alpha failed', 'alpha  failed', 'alpha failed'] }));
  assert.ok(ownMiss.includes('app/alpha-failed.json: regex: does not match its own signature, alias or example (got "alpha  failed")'), ownMiss.join('\n'));

  // A pattern that could backtrack runs on RE2, which has no lookaround and counts repetitions to 1000.
  const risky = { ...a, regex: '(\\w+\\s?)*alpha[\\s\\S]{0,3000}failed' };
  const linear = lines(kb([risky, b], examples));
  assert.ok(linear.some((line) => line.startsWith('app/alpha-failed.json: regex: could backtrack catastrophically, so the matcher runs it on its linear-time engine (RE2), which cannot run it')), linear.join('\n'));
  assert.deepEqual(lines(kb([{ ...a, regex: '(\\w+\\s?)*alpha[\\s\\S]{0,1000}failed' }, b], examples)), []);

  const broad = { ...b, regex: 'failed' };
  const clash = lines(kb([a, broad], examples));
  assert.ok(clash.some((line) => line.startsWith('app/beta-failed.json: regex: also matches a text of app/alpha-failed')), clash.join('\n'));
  const declared = lines(kb([a, broad], examples, [{ regex_of: 'app/beta-failed', matches_example_of: 'app/alpha-failed', reason: 'The broad message is printed by both on purpose here.' }]));
  assert.deepEqual(declared, []);
  const stale = lines(kb([a, b], examples, [{ regex_of: 'app/beta-failed', matches_example_of: 'app/alpha-failed', reason: 'short' }]));
  assert.ok(stale.includes('overlaps: app/beta-failed -> app/alpha-failed: is declared but no longer happens; remove it'), stale.join('\n'));
  assert.ok(stale.includes('overlaps: app/beta-failed -> app/alpha-failed: needs a reason'));

  const copied = lines(kb([{ ...a, root_cause: '因为 E1。', root_cause_zh: '因为 E1。', workarounds_zh: ['做 A'] }, b], examples));
  assert.ok(copied.includes('app/alpha-failed.json: root_cause_zh: copies the English; translate it'), copied.join('\n'));
  assert.ok(copied.includes('app/alpha-failed.json: workarounds_zh[1]: needs Chinese text'));

  const thin = lines(kb([{ ...a, dead_ends: [{ why_fails: 'No.' }], official_doc_url: null }, b], examples));
  assert.ok(thin.includes('app/alpha-failed.json: dead_ends: needs at least 2 dead ends (got 1)'), thin.join('\n'));
  assert.ok(thin.includes('app/alpha-failed.json: dead_ends[0].action: needs to say what was tried'));
  assert.ok(thin.includes('app/alpha-failed.json: official_doc_url: is needed'));

  const untranslated = lines(kb([{ ...a, dead_ends: [(a.dead_ends as object[])[0], { action: 'Reinstall', why_fails: 'Nothing was broken.', why_fails_zh: 'Nothing was broken.', condition: 'on Windows' }] }, b], examples));
  assert.ok(untranslated.includes('app/alpha-failed.json: dead_ends[1].action_zh: needs Chinese text'), untranslated.join('\n'));
  assert.ok(untranslated.includes('app/alpha-failed.json: dead_ends[1].why_fails_zh: needs Chinese text'));
  assert.ok(untranslated.includes('app/alpha-failed.json: dead_ends[1].condition_zh: needs Chinese text'));
  const osNote = lines(kb([{ ...a, os_specific: { windows: 'Use WSL.' }, versions: [{ version: '1.0', behavior_change: 'New wording.', behavior_change_zh: '新措辞。' }] }, b], examples));
  assert.deepEqual(osNote, ['app/alpha-failed.json: os_specific_zh.windows: needs Chinese text']);

  const claimed = lines(kb([{ ...a, verification_tier: 'human_reviewed', last_confirmed: '2026-11-20' }, b], examples));
  assert.ok(claimed.includes('app/alpha-failed.json: verification_tier: claims a review the record does not document: add "reviews" (who and when) or say "ai_generated" (got "human_reviewed")'), claimed.join('\n'));
  assert.ok(claimed.includes('app/alpha-failed.json: last_confirmed: claims a confirmation no review documents: add the review of that day to "reviews", or leave it null (got "2026-11-20")'));
  const documented = lines(kb([{ ...a, verification_tier: 'human_reviewed', last_confirmed: '2026-11-20', reviews: [{ by: 'Ana Li', on: '2026-11-20' }] }, b], examples));
  assert.deepEqual(documented, []);
  const silent = lines(kb([{ ...a, verification_tier: null }, b], examples));
  assert.ok(silent.some((line) => line.startsWith('app/alpha-failed.json: verification_tier: is needed')), silent.join('\n'));

  const oneWay = lines(kb([{ ...a, transition_graph: { leads_to: [{ error_id: 'app/beta-failed', condition: 'when retried', condition_zh: '重试时' }] } }, b], examples));
  assert.deepEqual(oneWay, ['app/beta-failed.json: transition_graph.preceded_by: needs app/alpha-failed, which lists this record under leads_to (npm run link:back adds it)']);
  const bothWays = lines(kb([{ ...a, transition_graph: { leads_to: ['app/beta-failed'] } }, { ...b, transition_graph: { preceded_by: ['app/alpha-failed'] } }], examples));
  assert.deepEqual(bothWays, []);

  const dangling = lines(kb([{ ...a, transition_graph: { leads_to: ['app/nowhere'] } }, b], examples));
  assert.ok(dangling.includes('app/alpha-failed.json: transition_graph.leads_to[0]: refers to a record that does not exist (got "app/nowhere")'), dangling.join('\n'));
});

test('the rules have distinct names (each is a content test of its own)', () => {
  assert.equal(new Set(CONTENT_RULES.map((rule) => rule.name)).size, CONTENT_RULES.length);
});
