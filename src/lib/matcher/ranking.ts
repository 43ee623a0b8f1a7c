/**
 * Step 5 of matching: the ranking. Causes are placed above their consequences, a named tool's wrapper
 * answers when nothing else does, and the best first are listed; the matcher abstains when the best
 * score is below ABSTAIN_BELOW, lists the records within RELATIVE_FLOOR of the best, and says in
 * words how sure the first answer is.
 */
import type { MatcherIndex } from './build.ts';
import type { Scored } from './scoring.ts';
import { ABSTAIN_BELOW, CONFIDENT_LEAD, CONFIDENT_SCORE, CONSEQUENCE_BELOW_CAUSE, EXPLAIN_CANDIDATES, RELATIVE_FLOOR } from './tuning.ts';
import type { MatchResult } from './types.ts';

/** Confidence in words, by how far the first result stands out (0: not, 1: leads, 2: alone). */
const CONFIDENCE_WORDS: readonly MatchResult['confidence'][] = ['low', 'medium', 'high'];

/** The first line a candidate's evidence is on. */
const firstLine = (s: Scored) => s.lines.reduce((min, line) => Math.min(min, line.index), Infinity);

/**
 * Cause before consequence (CONSEQUENCE_BELOW_CAUSE): a candidate whose error the graph says another
 * answering candidate's error leads to, shown on a later line, is placed just below that cause; so
 * is one shown on an earlier line when a look back starts between the two (`lookBackBetween`: a
 * command run after the failure, or `kubectl describe`'s `Last State:`).
 */
function causesFirst(scored: Scored[], leadsTo: MatcherIndex['lt'], abstainBelow: number, lookBackBetween: (from: number, to: number) => boolean): void {
  if (!leadsTo || scored.length < 2) return;
  const byRecord = new Map(scored.map((s) => [s.r, s]));
  for (const cause of scored) {
    if (cause.score < abstainBelow) continue;
    for (const r of leadsTo[cause.r] ?? []) {
      const consequence = byRecord.get(r);
      if (!consequence || consequence.score <= cause.score * CONSEQUENCE_BELOW_CAUSE) continue;
      // Each said to lead to the other: the graph does not tell which came first.
      if (leadsTo[r]?.includes(cause.r)) continue;
      // A consequence printed first is left alone (Java's top-level error before its `Caused by:`),
      // unless a look back follows it: a diagnostic run after a failure shows what caused it
      // (`helm upgrade --wait` times out, then `kubectl get events` shows ImagePullBackOff), and
      // `kubectl describe` prints a container's current state (CrashLoopBackOff) before its
      // `Last State:` (Reason: OOMKilled).
      if (firstLine(cause) >= firstLine(consequence) && !lookBackBetween(firstLine(consequence), firstLine(cause))) continue;
      consequence.score = cause.score * CONSEQUENCE_BELOW_CAUSE;
      if (consequence.why) consequence.why = { ...consequence.why, belowCause: cause.r };
    }
  }
}

/**
 * A wrapper of a tool the paste names answers when nothing else does (`unyielded`, kept by
 * named-tool.ts only for such wrappers): Xcode's `Command PhaseScriptExecution failed` after a
 * script's own output, or Flutter's `Gradle task … failed`, says which step of that tool failed, and
 * its record says where that step's error is. A generic CI wrapper (`Process completed with exit
 * code 1`) names no tool and still never answers after another error line: near misses end in it too.
 */
function wrapperWhenAlone(scored: Scored[], abstainBelow: number): void {
  let best = 0;
  for (const s of scored) if (s.score > best) best = s.score;
  if (best >= abstainBelow) return;
  for (const s of scored) {
    if (s.unyielded === undefined) continue;
    s.score = s.unyielded;
    if (s.why) s.why = { ...s.why, wrapperAlone: 1 };
  }
}

/**
 * Best first (ties: the more specific hit, the higher fix rate, then the id); abstain when the best is
 * below `abstainBelow` (ABSTAIN_BELOW, or ABSTAIN_BELOW_PROSE for prose); list what is within RELATIVE_FLOOR of it, at most `top` (explain: every
 * candidate up to EXPLAIN_CANDIDATES, without abstaining).
 */
export function rank(scored: Scored[], index: MatcherIndex, ids: readonly string[], top: number, explain: boolean, abstainBelow = ABSTAIN_BELOW, lookBackBetween: (from: number, to: number) => boolean = () => false): MatchResult[] {
  causesFirst(scored, index.lt, abstainBelow, lookBackBetween);
  wrapperWhenAlone(scored, abstainBelow);
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.spec - a.spec ||
      index.fix[b.r]! - index.fix[a.r]! ||
      (ids[a.r]! < ids[b.r]! ? -1 : ids[a.r]! > ids[b.r]! ? 1 : 0),
  );
  const best = scored[0];
  if (!explain && (!best || best.score < abstainBelow)) return [];
  const floor = explain || !best ? 0 : best.score * RELATIVE_FLOOR;
  const listed = scored.filter((s) => s.score >= floor);
  const second = listed[1]?.score ?? 0;
  const bestScore = best?.score ?? 0;
  const leads = listed.length === 1 ? 2 : second < bestScore * CONFIDENT_LEAD ? 1 : 0;
  const leadConfidence = CONFIDENCE_WORDS[Math.max(0, leads - (bestScore < CONFIDENT_SCORE ? 1 : 0))]!;
  return listed
    .slice(0, explain ? EXPLAIN_CANDIDATES : top)
    .map((s, k) => {
      const id = ids[s.r]!;
      const res = index.res[s.r];
      const fix = index.fix[s.r] ?? -1;
      return {
        id,
        domain: id.slice(0, id.indexOf('/')),
        signature: index.rec[s.r]![1],
        resolvable: res === 't' ? 'true' : res === 'p' ? 'partial' : res === 'f' ? 'false' : null,
        fixSuccessRate: fix >= 0 ? fix / 100 : null,
        score: Math.round(s.score * 1000) / 1000,
        confidence: k === 0 ? leadConfidence : 'low',
        evidence: s.evidence,
        lines: s.lines,
        ...(explain ? { why: s.why } : {}),
      };
    });
}
