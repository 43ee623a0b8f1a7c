/**
 * The error matcher: paste any error text, get the records that explain it. Framework-free; the same
 * code runs in Node (CLI, benchmarks) and in the browser (a Web Worker). Design: docs/matcher.md.
 *
 * ## API
 *
 * - `buildMatcherIndex(records, { report?, re2? }) -> MatcherIndex` — at build time, from validated records
 *   (id, signature, regex, aliases, resolvable, fix_success_rate). Plain JSON: write it with
 *   `JSON.stringify` to a content-hashed file (e.g. `/matcher/index.<hash>.json`); it gzips to about 1.2×
 *   the size of the records' own id + signature + regex + aliases. Format: see build.ts.
 * - `createMatcher(index, { re2? }) -> Matcher` — synchronous; pass re2js's `RE2JS` as `re2` so that
 *   patterns that could backtrack catastrophically run on a linear-time engine (without it they are
 *   matched by their literal fragments only).
 * - `loadMatcher(index) -> Promise<Matcher>` — the same, importing re2js only if the index needs it.
 * - `matcher.match(text, { top = 10 }) -> MatchResult[]` — best first, at most 10; `[]` means
 *   "abstain: nothing convincingly related". Each result: `id`, `domain`, `signature`, `resolvable`,
 *   `fixSuccessRate`, `score` (0..1), `evidence` ("regex" | "similarity") and `lines` (the matched
 *   line(s) of the normalised paste, with `start`/`end` of the regex match for highlighting, -1 when
 *   chosen by similarity). Render everything as text, never as HTML.
 * - `normalizePaste(text) -> PreparedLine[]` — the normalisation step on its own (ANSI, CRLF, JSON,
 *   log prefixes, stack frames), for tests and for a page that wants to show what was read.
 *
 * ## In the browser
 *
 * Run matching in the worker (`worker.ts`, protocol there) so a slow paste never blocks the page:
 *
 * ```ts
 * import { createMatcherClient } from '../browser/matcher/client.ts';
 * const client = createMatcherClient({
 *   worker: () => new Worker(new URL('../browser/matcher/worker.ts', import.meta.url), { type: 'module' }),
 *   indexUrl: matcherIndexUrl, // the content-hashed JSON file
 * });
 * const { results } = await client.match(textarea.value, { top: 10 }); // [] = abstained
 * ```
 * The client restarts the worker if a request exceeds its time budget (default 2 s) and resolves
 * that request with `{ results: [], timedOut: true }`.
 */
export { buildMatcherIndex, isMatcherIndex, MATCHER_INDEX_FORMAT, MATCHER_INDEX_VERSION } from './build.ts';
export type { BuildOptions, BuildReport, MatcherIndex, MatcherRecordInput } from './build.ts';
export { createMatcher, loadMatcher } from './match.ts';
export type { MatchedLine, Matcher, MatcherOptions, MatcherStats, MatchOptions, MatchResult, Re2Like } from './types.ts';
export { normalizePaste } from './normalize.ts';
export type { PreparedLine } from './normalize.ts';
