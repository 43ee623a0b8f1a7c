/**
 * A CI job's own account of a failed step (job-reports.ts): failed tests and linters, a script
 * runner relaying the exit, the runner's notes. A CI wrapper's line after it does not yield to it;
 * it yields to a tool's error, in a test or not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { isJobReport } from '../../../src/lib/matcher/job-reports.ts';

test("test runners', linters' and runners' reports are the job's own account", () => {
  for (const line of [
    "E       AssertionError: assert Decimal('0.31') == Decimal('0.32')",
    'tests/test_invoice.py:42: AssertionError',
    "FAILED tests/test_invoice.py::test_rounding - AssertionError: assert Decimal('0.31') == Decimal('0.32')",
    'FAILED tests/test_invoice.py::test_rounding',
    '=================================== FAILURES ===================================',
    '1 failed, 98 passed, 2 warnings in 4.71s',
    '!!!!!!!!!!!!!!!!!!!!!!!!!! stopping after 1 failures !!!!!!!!!!!!!!!!!!!!!!!!!!!',
    '--- FAIL: TestSettleBatch (0.03s)',
    'FAIL\texample.com/ledger/internal/settle\t1.208s',
    'FAIL src/components/Tooltip.test.tsx',
    '× src/Tooltip.test.tsx > Tooltip > closes on escape 41ms',
    '→ expected false to be true // Object.is equality',
    'Tests:       1 failed, 140 passed, 141 total',
    'Test Files  1 failed | 23 passed (24)',
    'ELIFECYCLE  Test failed. See above for more details.',
    'Failure/Error: expect(total).to eq(32)',
    '15 examples, 1 failure',
    "31:5  warning  React Hook useEffect has a missing dependency: 'items'  react-hooks/exhaustive-deps",
    '✖ 2 problems (0 errors, 2 warnings)',
    'ESLint found too many warnings (maximum: 0).',
    'Found 1 error.',
    'ELIFECYCLE  Command failed with exit code 1.',
    'error Command failed with exit code 1.',
    'make: *** [Makefile:31: lint] Error 1',
    'BUILD FAILED in 1m 12s',
    '[INFO] BUILD FAILURE',
    '** BUILD FAILED **',
    'Failed to extract cache',
    'Using FF_USE_POD_ACTIVE_DEADLINE_SECONDS, the Pod activeDeadlineSeconds will be set to the job timeout: 1h0m0s...',
  ]) assert.ok(isJobReport(line), line);
});

test("a tool's or a runtime's error is not, in a test or not", () => {
  for (const line of [
    'E       sqlite3.OperationalError: database is locked',
    'FAILED tests/test_db.py::test_write - sqlite3.OperationalError: database is locked',
    "TypeError: Cannot read properties of undefined (reading 'map')",
    'PG::UndefinedColumn: ERROR:  column tickets.priority_level does not exist',
    'npm ERR! code E401',
    'Error: UPGRADE FAILED: "payments" has no deployed releases',
    'error[E0308]: mismatched types',
    'ERROR: Job failed: exit code 1',
    'Error: Process completed with exit code 1.',
    'FAILURE: Build failed with an exception.',
  ]) assert.ok(!isJobReport(line), line);
});

const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
const exitCode: MatcherRecordInput = { ...base, id: 'ci/process-completed-with-exit-code', signature: 'Error: Process completed with exit code <code>.', regex: 'Process completed with exit code \\d+', wrapper: true };
const locked: MatcherRecordInput = { ...base, id: 'sqlite/database-is-locked', signature: 'sqlite3.OperationalError: database is locked', regex: 'database is locked' };

const pytestLog = (error: string) =>
  [
    'Run pytest -q --maxfail=1 tests/',
    '....................F',
    '=================================== FAILURES ===================================',
    '____________________ test_invoice_total _____________________',
    '>       assert inv.total() == Decimal("17.98")',
    `E       ${error}`,
    `FAILED tests/test_invoice.py::test_invoice_total - ${error}`,
    '1 failed, 20 passed in 3.41s',
    '##[error]Process completed with exit code 1.',
  ].join('\n');

test('a CI wrapper answers after failed assertions', async () => {
  const matcher = await loadMatcher(buildMatcherIndex([exitCode, locked]));
  assert.equal(matcher.match(pytestLog("AssertionError: assert Decimal('17.982') == Decimal('17.98')"))[0]?.id, exitCode.id);
});

test('a CI wrapper yields to a tool error that failed a test', async () => {
  const matcher = await loadMatcher(buildMatcherIndex([exitCode, locked]));
  assert.equal(matcher.match(pytestLog('sqlite3.OperationalError: database is locked'))[0]?.id, locked.id);
  const uncovered = await loadMatcher(buildMatcherIndex([exitCode]));
  assert.deepEqual(uncovered.match(pytestLog("TypeError: Cannot read properties of undefined (reading 'map')")), []);
});
