/**
 * A whole wording inside a longer message: a record without a pattern is found by its whole wording
 * (scoring.ts, wholeScore) when a line holds every word of its signature or an alias, and a short,
 * generic one (`Permission denied`, `No space left on device`, `Cannot find module`) is held by the
 * longer messages of more specific errors too (gcloud's `PERMISSION_DENIED: Permission
 * 'iam.serviceaccounts.actAs' denied`, the Actions runner's `System.IO.IOException: No space left
 * on device`, TypeScript's `Cannot find module … or its corresponding type declarations`). When the
 * first result holds by its whole wording and another listed result found by wording is more
 * similar to that very line, the line is that one's message: it goes first. Only the order changes;
 * the best score, and so whether to answer, stays as it was.
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
  if (!best.whole) return;
  const index = best.lines[0]?.index;
  const line = paste.lines.find((l) => l.index === index);
  if (!line) return;
  let closest = similarity.simOf(best.r, line);
  let pick: Scored | null = null;
  for (const s of scored) {
    if (s === best || s.whole || s.evidence !== 'similarity' || s.score < best.score * RELATIVE_FLOOR) continue;
    const sim = similarity.simOf(s.r, line);
    if (sim > closest) {
      closest = sim;
      pick = s;
    }
  }
  if (!pick) return;
  pick.score = best.score + TWIN_ABOVE;
  if (pick.why) pick.why = { ...pick.why, closerWording: 1 };
}
