/**
 * A CI job's own account of a failed step, as opposed to a tool's error: the project's tests or
 * linters reporting what failed (pytest's `FAILED tests/x.py::test_y - AssertionError`, Go's `--- FAIL:
 * TestX (0.03s)`, Jest's and Vitest's tallies, RSpec's `Failure/Error:`, ESLint's `✖ 2 problems`), a
 * script runner or a build tool relaying the exit (`ELIFECYCLE  Command failed with exit code 1.`,
 * make's `*** [lint] Error 1`, Gradle's `BUILD FAILED in 1m 12s`), and the runner's notes on its
 * cache. A CI wrapper's record explains exactly that ("exit code 1 is a generic failure: tests,
 * linters, compilers; the cause is above"), so a wrapper's line after such lines does not yield to
 * them (scoring.ts, `errorBefore`).
 *
 * A test that failed on an error a tool or a runtime printed is not such a report: the failed
 * assertion is recognised, not the failing test. `E   sqlite3.OperationalError: database is locked`
 * and Jest's `TypeError: Cannot read properties of undefined` under `FAIL src/x.test.ts` remain error
 * lines, and their records (or no answer) explain the paste.
 */
import { anyOf, probe } from './probe.ts';

/** A failed assertion, as the test frameworks print it. */
const ASSERTION = String.raw`(?:[\w.]+\.)?Assertion(?:Failed)?Error\b`;

const JOB_REPORT: RegExp[] = [
  // The failed assertion: `E       AssertionError: assert 1 == 2`, `AssertionError [ERR_ASSERTION]: …`,
  // pytest's comparison details (`E        +  where …`) and its closing `tests/x.py:42: AssertionError`.
  new RegExp(String.raw`^(?:E\s+)?${ASSERTION}`),
  /^E\s+(?:assert\b|[+-]\s|\+\s+where\b|(?:Left|Right) contains\b|Full diff:)/,
  new RegExp(String.raw`^\S+:\d+: ${ASSERTION}$`),
  // pytest's headers and tallies: `==== FAILURES ====`, `FAILED tests/x.py::test_y - AssertionError: …`
  // (or with no reason), `1 failed, 98 passed, 2 warnings in 4.71s`, `!!! stopping after 1 failures !!!`.
  /^=+ (?:FAILURES|short test summary info) =+$/,
  new RegExp(String.raw`^FAILED \S+::\S+(?: - ${ASSERTION}.*)?$`),
  /^=*\s*\d+ failed(?:, \d+ (?:passed|skipped|deselected|xfailed|xpassed|warnings?))*(?: in [\d.]+s(?: \([\d:]+\))?)?\s*=*$/,
  /^!+ stopping after \d+ failures? !+$/,
  // Go's test runner: `--- FAIL: TestSettle (0.03s)`, `FAIL`, `FAIL	example.com/pkg	1.208s`.
  /^--- FAIL: \S+ \([\d.]+s\)$/,
  /^FAIL(?:\s+\S+\s+[\d.]+s)?$/,
  // Jest and Vitest: `FAIL src/a.test.tsx`, `× suite > test 41ms`, `→ expected false to be true`,
  // `Tests:  1 failed, 140 passed, 141 total`, `Test Files  1 failed | 23 passed (24)`,
  // `expect(received).toBe(expected)`, `Test failed.  See above for more details.`
  /^FAIL \S+\.(?:test|spec)\.[cm]?[jt]sx?$/,
  /^[×✗✕] \S/,
  /^(?:→\s*)?expected .+ to (?:be|equal|have|contain|include|match|throw|deeply equal)\b/,
  /^(?:Test Suites|Tests|Test Files):?\s+\d+ failed\b/,
  /^expect\(received\)/,
  /^(?:ELIFECYCLE\s+)?Test failed\.\s+See above for more details\.$/,
  // RSpec: `Failure/Error: expect(total).to eq(32)`, `15 examples, 1 failure`, `Failed examples:`.
  /^Failure\/Error:/,
  /^\d+ examples?, \d+ failures?\b/,
  /^Failed examples:$/,
  // Linters' findings and tallies: ESLint's rows (`31:5  warning  React Hook useEffect has a missing
  // dependency: 'items'  react-hooks/exhaustive-deps`), `✖ 2 problems (0 errors, 2 warnings)` and
  // `ESLint found too many warnings (maximum: 0).`, Ruff's and Flake8's `Found 3 errors.`
  /^\d+:\d+\s+(?:error|warning)\s+.+\s[@\w/-]+$/,
  /^✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)$/,
  /^ESLint found too many warnings\b/,
  /^Found \d+ errors?\.(?: \[\*\] \d+ fixable.*)?$/,
  // A script runner relaying the step's exit: pnpm's and npm's `ELIFECYCLE  Command failed with exit
  // code 1.`, Yarn's `error Command failed with exit code 1.`, make's `make: *** [Makefile:31: lint] Error 1`.
  /^(?:ELIFECYCLE\s+|error\s+)?Command failed with exit code \d+\.?$/,
  /^(?:g?make(?:\[\d+\])?: )?\*\*\* \[[^\]]+\] Error \d+$/,
  // A build tool's closing tally: Gradle's `BUILD FAILED in 1m 12s`, Maven's `BUILD FAILURE`,
  // xcodebuild's `** BUILD FAILED **`.
  /^(?:\[(?:INFO|ERROR)\] )?(?:\*\* )?BUILD FAIL(?:ED|URE)(?: in (?:\d+[hms] ?)+| \*\*)?$/,
  // GitLab Runner's notes: on its cache (the job goes on without it) and on the feature flags it uses.
  /^(?:Failed to extract cache|Saving cache for failed job|Checking cache for \S+\.\.\.)$/,
  /^Using FF_[A-Z_]+\b/,
];
const ANY_JOB_REPORT = anyOf(JOB_REPORT, '');

/** Whether a normalised line (trimmed, prefixes removed) is part of a CI job's own account of a failed step. */
export function isJobReport(text: string): boolean {
  return ANY_JOB_REPORT.test(probe(text).trim());
}
