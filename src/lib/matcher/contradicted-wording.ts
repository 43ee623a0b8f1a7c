/**
 * Another error of the same template: PostgreSQL's `column "x" does not exist` beside `relation "x"
 * does not exist`, Flask's `Working outside of request context` beside `… of application context`,
 * SQLite's `NOT NULL constraint failed` beside `UNIQUE constraint failed`. Found by
 * wording alone, such a line is most of a record's wording, but where the record has its deciding
 * word the line has another, between the same neighbours: it names a sibling error the knowledge
 * base does not hold. A result found by wording alone (not by a pattern, not holding a whole
 * wording) whose closest variant is contradicted so is discounted by CONTRADICTED_WORDING.
 */
import type { Paste } from './paste.ts';
import type { Scored } from './scoring.ts';
import { hasPlaceholder, tokenize, tokenizeLine } from './tokens.ts';
import type { MatcherIndex } from './build.ts';
import { CONTRADICTED_MIN_SCORE, CONTRADICTED_WORDING, MAX_REPLACING_WORDS } from './tuning.ts';
import type { Variant, Vocabulary } from './vocabulary.ts';

/**
 * Whether the line replaces a word of the variant: the variant's word `m`, a word of the record's
 * templates (its signature and aliases written with placeholders: other aliases are often examples,
 * with values such as `Kill process 1234 (java)`), is nowhere in the paste; its neighbours before and after are in the line with one or two words between them;
 * and those words are none of the variant's, nor longer or shorter forms of `m` (`AccessDenied` and
 * `AccessDeniedException`, `PLAIN` and `AMQPLAIN`).
 */
export function replacesWord(variant: readonly string[], line: readonly string[], pasteWords: ReadonlySet<string>, template: ReadonlySet<string>): boolean {
  const own = new Set(variant);
  for (let i = 1; i + 1 < variant.length; i++) {
    const m = variant[i]!;
    if (pasteWords.has(m) || !template.has(m)) continue;
    const before = variant[i - 1]!;
    const after = variant[i + 1]!;
    for (let p = 0; p < line.length; p++) {
      if (line[p] !== before) continue;
      for (let gap = 1; gap <= MAX_REPLACING_WORDS && p + gap + 1 < line.length; gap++) {
        if (line[p + gap + 1] !== after) continue;
        let foreign = true;
        for (let k = p + 1; k <= p + gap; k++) if (own.has(line[k]!) || line[k]!.includes(m) || m.includes(line[k]!)) foreign = false;
        if (foreign) return true;
      }
    }
  }
  return false;
}

/** The variant sharing most of its weight with the line. */
function closestVariant(variants: readonly Variant[], line: ReadonlySet<string>): Variant | null {
  let best: Variant | null = null;
  let bestShare = 0;
  for (const v of variants) {
    let shared = 0;
    for (let i = 0; i < v.tokens.length; i++) if (line.has(v.tokens[i]!)) shared += v.idfs[i]!;
    const share = v.weight > 0 ? shared / v.weight : 0;
    if (share > bestShare) {
      bestShare = share;
      best = v;
    }
  }
  return best;
}

/** The discount of results whose wording a line contradicts, for one index. */
export function contradictedWording(index: MatcherIndex, vocabulary: Vocabulary) {
  const templates = new Map<number, ReadonlySet<string>>();
  const templateOf = (r: number): ReadonlySet<string> => {
    let words = templates.get(r);
    if (!words) {
      const row = index.rec[r]!;
      words = new Set([row[1], ...(row[4] ?? []).filter(hasPlaceholder)].flatMap((text) => tokenize(text)));
      templates.set(r, words);
    }
    return words;
  };
  return function discount(scored: Scored[], paste: Paste, pasteWords: ReadonlySet<string>): void {
    for (const s of scored) {
      if (s.evidence !== 'similarity' || s.whole || s.score < CONTRADICTED_MIN_SCORE) continue;
      const at = s.lines[0]?.index;
      const line = at === undefined ? undefined : paste.lines.find((l) => l.index === at);
      if (!line) continue;
      const tokens = tokenizeLine(line.text);
      const variant = closestVariant(vocabulary.variantsOf(s.r), new Set(tokens));
      if (!variant || !replacesWord(variant.tokens, tokens, pasteWords, templateOf(s.r))) continue;
      s.score *= CONTRADICTED_WORDING;
      if (s.why) s.why = { ...s.why, contradicted: 1 };
    }
  };
}
