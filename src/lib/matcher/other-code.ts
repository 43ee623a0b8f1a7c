/**
 * Another error's code: TypeScript's `TS2532` where a record says `TS18048`, MySQL's `ERROR 1044`
 * where it says `ERROR 1045`. Words leave numbers out (tokens.ts), so a line of a sibling error with
 * another code holds most of the record's words, and a pattern written for the words matches it
 * too. A result whose line shows a code of a family the record's wording names (TypeScript, C#,
 * NuGet, MSBuild, the .NET SDK, Oracle, MySQL, Entra ID) and none of the record's own codes of that
 * family is discounted by OTHER_CODE.
 */
import type { MatcherIndex } from './build.ts';
import type { Scored } from './scoring.ts';
import { OTHER_CODE } from './tuning.ts';

/** A diagnostic code of a known family: its family and its number (leading zeros dropped). */
const CODE = /\b(TS|CS|NU|NETSDK|MSB|ORA|AADSTS|ERROR)[- ]?(\d{3,6})\b/g;

/** The codes of a text, by family. */
export function codesIn(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of text.matchAll(CODE)) {
    let set = out.get(m[1]!);
    if (!set) out.set(m[1]!, (set = new Set()));
    set.add(m[2]!.replace(/^0+(?=\d)/, ''));
  }
  return out;
}

/** Whether a line shows a code of a family `own` names, and none of `own`'s codes of that family. */
export function showsOtherCode(own: ReadonlyMap<string, ReadonlySet<string>>, line: string): boolean {
  if (own.size === 0) return false;
  for (const [family, numbers] of codesIn(line)) {
    const mine = own.get(family);
    if (mine && ![...numbers].some((n) => mine.has(n))) return true;
  }
  return false;
}

/** The discount of results on a line with another error's code, for one index. */
export function otherCode(index: MatcherIndex) {
  const cache = new Map<number, Map<string, Set<string>>>();
  const codesOf = (r: number) => {
    let codes = cache.get(r);
    if (!codes) {
      const row = index.rec[r]!;
      codes = codesIn([row[1], ...(row[4] ?? [])].join('\n'));
      cache.set(r, codes);
    }
    return codes;
  };
  return function discount(scored: Scored[]): void {
    for (const s of scored) {
      if (!s.lines[0]) continue;
      if (!showsOtherCode(codesOf(s.r), s.lines[0].text)) continue;
      s.score *= OTHER_CODE;
      if (s.why) s.why = { ...s.why, otherCode: 1 };
    }
  };
}
