/**
 * Another error's code: TypeScript's `TS2532` where a record says `TS18048`, MySQL's `ERROR 1044`
 * where it says `ERROR 1045`. Words leave numbers out (tokens.ts), so a line of a sibling error with
 * another code holds most of the record's words, and a pattern written for the words matches it
 * too. A result whose line shows a code of a family the record's wording names (TypeScript, C#,
 * NuGet, MSBuild, the .NET SDK, Oracle, MySQL, Entra ID, rustc, npm) and none of the record's own
 * codes of that family is discounted by OTHER_CODE.
 *
 * The other way round, a record's own code that the paste shows and no other record has names it
 * (`For more information about this error, try rustc --explain E0106.` at the end of a copy that
 * left out the `error[E0106]` line): a result found so scores at least OWN_CODE.
 */
import type { MatcherIndex } from './build.ts';
import type { Scored } from './scoring.ts';
import type { Paste } from './paste.ts';
import { OTHER_CODE, OWN_CODE } from './tuning.ts';

/**
 * A diagnostic code of a known family: its family and its number (leading zeros dropped). `E` and
 * digits only where a code stands: rustc's `error[E0106]` and `--explain E0106`, npm's `code E404`
 * (elsewhere it is glog's level and date, `E1201 10:00:01`).
 */
const CODE = /\b(TS|CS|NU|NETSDK|MSB|ORA|AADSTS|ERROR)[- ]?(\d{3,6})\b|(?:\[|--explain |\bcode )(E)(\d{3,5})\b/g;

/** The codes of a text, by family. */
export function codesIn(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of text.matchAll(CODE)) {
    const family = m[1] ?? m[3]!;
    let set = out.get(family);
    if (!set) out.set(family, (set = new Set()));
    set.add((m[2] ?? m[4]!).replace(/^0+(?=\d)/, ''));
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
  // How many records hold a code, counted when a paste first shows it: only the records whose
  // wording has its digits are read for codes (a substring test, not the pattern, on every record).
  const owners = new Map<string, number>();
  const ownersOf = (family: string, number: string) => {
    const key = `${family}${number}`;
    let count = owners.get(key);
    if (count === undefined) {
      count = 0;
      for (let r = 0; r < index.n; r++) {
        const row = index.rec[r]!;
        if ((row[1].includes(number) || (row[4]?.some((a) => a.includes(number)) ?? false)) && codesOf(r).get(family)?.has(number)) count++;
      }
      owners.set(key, count);
    }
    return count;
  };
  return {
    discount(scored: Scored[]): void {
      for (const s of scored) {
        if (!s.lines[0]) continue;
        if (!showsOtherCode(codesOf(s.r), s.lines[0].text)) continue;
        s.score *= OTHER_CODE;
        if (s.why) s.why = { ...s.why, otherCode: 1 };
      }
    },
    /** Lifts to OWN_CODE the results whose own code, held by no other record, the paste shows (outside frames and source). */
    liftOwn(scored: Scored[], paste: Paste): void {
      // The paste's codes, read only once one of a result's code numbers is in its text at all.
      let shown: Map<string, Set<string>> | null = null;
      const shows = (family: string, number: string) => {
        if (!paste.hay.includes(number)) return false;
        shown ??= codesIn(paste.lines.filter((l) => !l.frame && !l.code).map((l) => l.text).join('\n'));
        return shown.get(family)?.has(number) ?? false;
      };
      for (const s of scored) {
        if (s.score >= OWN_CODE) continue;
        const own = codesOf(s.r);
        if (own.size === 0) continue;
        const named = [...own].some(([family, numbers]) => [...numbers].some((n) => shows(family, n) && ownersOf(family, n) === 1));
        if (!named) continue;
        s.score = OWN_CODE;
        if (s.why) s.why = { ...s.why, ownCode: 1 };
      }
    },
  };
}
