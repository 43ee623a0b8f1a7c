/**
 * A whole wording inside a longer message: a record without a pattern is found by its whole wording
 * (scoring.ts, wholeScore) when a line holds every word of its signature or an alias, and a short,
 * generic one (`Permission denied`, `No space left on device`, `Cannot find module`) is held by the
 * longer messages of more specific errors too (gcloud's `PERMISSION_DENIED: Permission
 * 'iam.serviceaccounts.actAs' denied`, the Actions runner's `System.IO.IOException: No space left
 * on device`, TypeScript's `Cannot find module … or its corresponding type declarations`). When the
 * first result holds by its whole wording and another listed result found by wording is more
 * similar to that very line, the line is that one's message: it goes first. Only the order changes;
 * the best score, and so whether to answer, stays as it was. A wording of a word or two held only
 * inside a longer line (vocabulary.ts, Variant.atLineEnd) does not answer for its own record, but
 * says the same of the line: a result more similar to it goes first, with the score it would have had.
 */
import type { Paste } from './paste.ts';
import type { Scored } from './scoring.ts';
import type { PasteSimilarity } from './similarity.ts';
import { RELATIVE_FLOOR } from './tuning.ts';
import { TWIN_ABOVE } from './twins.ts';

export function preferCloserWording(scored: Scored[], similarity: PasteSimilarity, paste: Paste): void {
  if (scored.length < 2) return;
  let best = scored[0]!;
  for (const s of scored) if (s.score > best.score) best = s;
  // The generic wording: the first result's whole one, or one held only inside a longer line, which
  // would have scored above the first result.
  let generic: Scored | null = best.whole ? best : null;
  let score = best.whole ? best.score : 0;
  let index = best.lines[0]?.index;
  if (!generic) {
    for (const s of scored) {
      if (s.wholeInside && s.wholeInside.score > best.score && s.wholeInside.score > score) {
        generic = s;
        score = s.wholeInside.score;
        index = s.wholeInside.index;
      }
    }
  }
  if (!generic) return;
  const line = paste.lines.find((l) => l.index === index);
  if (!line) return;
  let closest = similarity.simOf(generic.r, line);
  let pick: Scored | null = null;
  for (const s of scored) {
    if (s === generic || s.whole || s.evidence !== 'similarity' || s.score < score * RELATIVE_FLOOR) continue;
    const sim = similarity.simOf(s.r, line);
    if (sim > closest) {
      closest = sim;
      pick = s;
    }
  }
  if (!pick) return;
  pick.score = score + TWIN_ABOVE;
  if (pick.why) pick.why = { ...pick.why, closerWording: 1 };
}
