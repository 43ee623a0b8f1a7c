/**
 * The matcher: loads a `MatcherIndex`, prepares its vocabulary, record patterns, prefilter and
 * similarity once, and ranks records for a paste in five steps:
 *
 *   0. normalise the paste (normalize.ts, logcat.ts) and read its error lines and blocks (paste.ts);
 *   1. prefilter: the records whose keys occur in the paste (prefilter.ts);
 *   2. hits: where the candidates' patterns match (hits.ts, on the engines of engines.ts);
 *   3. similarity: records whose wording matches the error lines (similarity.ts);
 *   4. scores (scoring.ts), a sibling error of a record's template discounted
 *      (contradicted-wording.ts), a generic whole wording yielding to a closer one (closer-wording.ts),
 *      near twins told apart by the rest of the paste (twins.ts), the tool and the number the
 *      paste names deciding near ties (named-tool.ts, numbers.ts), a paste that is only an error's
 *      name answering the few records it names (named-error.ts), and
 *   5. the ranking, with abstention (scoring.ts).
 *
 * Every tuning number is in tuning.ts. See index.ts for the public API and docs/matcher.md for the design.
 */
import { isMatcherIndex, type MatcherIndex } from './build.ts';
import { preferCloserWording } from './closer-wording.ts';
import { otherCode } from './other-code.ts';
import { knownWordOf, ocrRepairer } from './ocr-repair.ts';
import { importLinearEngine } from './engines.ts';
import { findHits } from './hits.ts';
import { normalizePaste } from './normalize.ts';
import { readPaste } from './paste.ts';
import { buildPrefilter } from './prefilter.ts';
import { buildRecordPatterns } from './record-patterns.ts';
import { rank } from './ranking.ts';
import { scoreCandidates } from './scoring.ts';
import { buildSimilarity } from './similarity.ts';
import { ABSTAIN_BELOW, ABSTAIN_BELOW_PROSE, MAX_RESULTS } from './tuning.ts';
import type { Matcher, MatcherOptions, MatcherStats, MatchOptions, MatchResult } from './types.ts';
import { buildVocabulary } from './vocabulary.ts';
import { discountTwinsWithoutOwnWords, preferTwinsByContext } from './twins.ts';
import { domainNamer, domainWordsOf, preferNamedTool } from './named-tool.ts';
import { contradictedWording } from './contradicted-wording.ts';
import { preferNamedNumber, recordNumbers, signaturePorts } from './numbers.ts';
import { addPrintedObjectHits, jsonKeyRecords } from './printed-objects.ts';
import { namedError } from './named-error.ts';

export function createMatcher(index: MatcherIndex, options: MatcherOptions = {}): Matcher {
  if (!isMatcherIndex(index)) throw new Error('not an Error Atlas matcher index (format "error-atlas-matcher", v 1)');
  const ids = index.rec.map((row) => row[0]);
  const stats: MatcherStats = { records: index.n, withRegex: 0, linearEngine: 0, literalOnly: 0, trigramKeys: 0, shortKeys: 0, unfilterable: 0, analysed: 0, prepareMs: { words: 0, prefilter: 0 } };
  let clock = performance.now();
  const lap = (phase: keyof MatcherStats['prepareMs']) => {
    const now = performance.now();
    stats.prepareMs[phase] = Math.round((now - clock) * 10) / 10;
    clock = now;
  };
  const vocabulary = buildVocabulary(index);
  lap('words');
  const patterns = buildRecordPatterns(index, vocabulary, stats, options.re2);
  const prefilter = buildPrefilter(index, stats);
  lap('prefilter');
  const similarity = buildSimilarity(vocabulary, index.n);
  const repairLine = ocrRepairer(knownWordOf(vocabulary.tokenId));
  const wrappers = new Set(index.wr ?? []);
  const proven = new Set(index.pv ?? []);
  const domainOf = domainNumbers(ids);
  const domainWords = domainWordsOf(ids, domainOf);
  const discountContradicted = contradictedWording(index, vocabulary);
  const codes = otherCode(index);
  const numbersOf = recordNumbers(index);
  const portsOf = signaturePorts(index);
  const keySpellers = jsonKeyRecords(index);
  const named = namedError(vocabulary, domainOf, domainWords, numbersOf);

  function match(text: string, opts: MatchOptions = {}): MatchResult[] {
    const top = Math.max(1, Math.min(MAX_RESULTS, Math.floor(opts.top ?? MAX_RESULTS)));
    const explain = opts.explain === true;
    if (typeof text !== 'string' || text.trim() === '') return [];
    const lines = normalizePaste(text, { repair: repairLine });
    if (lines.length === 0) return [];
    const paste = readPaste(lines);
    const scan = prefilter.scan(paste.hay);
    const hits = findHits(patterns, scan, paste);
    addPrintedObjectHits(patterns, paste, hits, keySpellers);
    const pasteSimilarity = similarity.forPaste(paste);
    const consider = [...new Set<number>([...hits.keys(), ...pasteSimilarity.candidates])];
    const scored = scoreCandidates({ consider, hits, paste, similarity: pasteSimilarity, vocabulary, patterns, wrappers, proven, portsOf, explain });
    discountContradicted(scored, paste, pasteSimilarity.words());
    codes.discount(scored);
    codes.liftOwn(scored, paste);
    preferCloserWording(scored, pasteSimilarity, paste);
    const namesDomain = domainNamer(domainWords, domainOf, pasteSimilarity.words);
    discountTwinsWithoutOwnWords(scored, vocabulary, domainOf, pasteSimilarity.words);
    preferTwinsByContext(scored, vocabulary, domainOf, pasteSimilarity.words, namesDomain);
    preferNamedTool(scored, namesDomain);
    preferNamedNumber(scored, numbersOf, () => paste.hay);
    named.lift(scored, paste, explain);
    return rank(scored, index, ids, top, explain, paste.prose && !named.namesNone(paste) ? ABSTAIN_BELOW_PROSE : ABSTAIN_BELOW, paste.lookBackBetween);
  }

  return { match, useLinearEngine: patterns.useLinearEngine, size: index.n, stats };
}

/** A number per record, the same for records whose ids share the part before `/` (their domain). */
function domainNumbers(ids: readonly string[]): Int32Array {
  const numbers = new Map<string, number>();
  return Int32Array.from(ids, (id) => {
    const domain = id.slice(0, Math.max(0, id.indexOf('/')));
    let n = numbers.get(domain);
    if (n === undefined) numbers.set(domain, (n = numbers.size));
    return n;
  });
}

/**
 * Load a matcher, bringing in the linear-time engine (re2js) only when the index has patterns
 * that need it. Works in Node and in a Worker.
 */
export async function loadMatcher(index: MatcherIndex): Promise<Matcher> {
  const matcher = createMatcher(index);
  if (matcher.stats.linearEngine > 0) matcher.useLinearEngine(await importLinearEngine());
  return matcher;
}
