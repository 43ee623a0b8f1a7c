/**
 * Static analysis of a parsed record regex (see parse.ts):
 *
 * - `requiredLiterals`: what literal text any match must contain, as a disjunction of conjunctions
 *   (DNF): `[["connection reset", "peer"], ["econnreset"]]` reads "contains both `connection reset`
 *   and `peer`, or contains `econnreset`". Lower-cased (records match case-insensitively). An
 *   alternative with no fragments means "could match without any literal": the record cannot be
 *   prefiltered. Dropping a requirement is always safe, so every size cap below only weakens the filter.
 * - `backtrackRisk`: whether a backtracking engine could take super-linear time on this pattern
 *   (nested or alternated unbounded quantifiers, or many unbounded quantifiers in one pattern).
 */
import type { RegexNode } from './parse.ts';

const MAX_EXACT = 16;
const MAX_DNF = 24;

type Info = { exact: string[] | null; req: string[][] };

const ANY: string[][] = [[]];

function dnfOfExact(exact: string[]): string[][] {
  if (exact.some((s) => s === '')) return ANY;
  return exact.map((s) => [s]);
}

function isAny(dnf: string[][]): boolean {
  return dnf.some((alt) => alt.length === 0);
}

/** How much an alternative narrows: its longest fragment; a DNF is as weak as its weakest alternative. */
function strength(dnf: string[][]): number {
  let weakest = Infinity;
  for (const alt of dnf) {
    let best = 0;
    for (const f of alt) best = Math.max(best, f.length);
    weakest = Math.min(weakest, best);
  }
  return weakest === Infinity ? 0 : weakest;
}

/**
 * The longest fragment of `dnf`'s first alternative that every alternative holds within one of its
 * fragments: required whichever alternative matches (`unimplemented` in `\bUNIMPLEMENTED`,
 * `code = Unimplemented desc`, `StatusCode="?Unimplemented`). "" when there is none.
 */
function sharedFragment(dnf: string[][]): string {
  let best = '';
  for (const f of dnf[0] ?? []) {
    if (f.length <= best.length) continue;
    if (dnf.every((alt) => alt.some((g) => g.includes(f)))) best = f;
  }
  return best;
}

function and(a: string[][], b: string[][]): string[][] {
  if (isAny(a)) return b;
  if (isAny(b)) return a;
  if (a.length * b.length > MAX_DNF) {
    // Too many combinations: keep the stronger side, with what the other side requires whichever
    // of its alternatives matches (dropping it would lose where a match spans lines: hits.ts).
    const [kept, other] = strength(a) >= strength(b) ? [a, b] : [b, a];
    const shared = sharedFragment(other);
    return shared === '' ? kept : kept.map((alt) => [...alt, shared]);
  }
  const out: string[][] = [];
  for (const x of a) for (const y of b) out.push([...x, ...y]);
  return out;
}

function product(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return [...new Set(out)];
}

/** Lower-case a run of literal characters one by one (as if each were its own `char` node). */
function lowerChars(s: string): string {
  let ascii = true;
  for (let k = 0; k < s.length && ascii; k++) if (s.charCodeAt(k) > 127) ascii = false;
  if (ascii) return s.toLowerCase();
  let out = '';
  for (let k = 0; k < s.length; k++) out += s[k]!.toLowerCase();
  return out;
}

function info(node: RegexNode): Info {
  switch (node.t) {
    case 'char':
      return { exact: [node.c.toLowerCase()], req: ANY };
    case 'str':
      return { exact: [lowerChars(node.s)], req: ANY };
    case 'class':
      return node.chars ? { exact: node.chars, req: ANY } : { exact: null, req: ANY };
    case 'assert':
      return { exact: [''], req: ANY };
    case 'backref':
      return { exact: null, req: ANY };
    case 'group':
      return node.look ? { exact: [''], req: ANY } : info(node.body);
    case 'alt': {
      const parts = node.alts.map(info);
      if (parts.every((p) => p.exact)) {
        const all = [...new Set(parts.flatMap((p) => p.exact as string[]))];
        if (all.length <= MAX_EXACT) return { exact: all, req: ANY };
      }
      const req: string[][] = [];
      for (const p of parts) {
        const d = p.exact ? dnfOfExact(p.exact) : p.req;
        if (isAny(d)) return { exact: null, req: ANY };
        req.push(...d);
      }
      return { exact: null, req };
    }
    case 'rep': {
      const body = info(node.body);
      if (node.min === 0) {
        if (node.max === 1 && body.exact && body.exact.length + 1 <= MAX_EXACT) {
          return { exact: [...new Set(['', ...body.exact])], req: ANY };
        }
        return { exact: null, req: ANY };
      }
      if (body.exact && node.min === node.max && node.min <= 4) {
        let acc = [''];
        for (let k = 0; k < node.min && acc.length <= MAX_EXACT; k++) acc = product(acc, body.exact);
        if (acc.length <= MAX_EXACT) return { exact: acc, req: ANY };
      }
      return { exact: null, req: body.exact ? dnfOfExact(body.exact) : body.req };
    }
    case 'seq': {
      let req: string[][] = ANY;
      let run: string[] = [''];
      let allExact = true;
      const flush = () => {
        req = and(req, dnfOfExact(run));
        run = [''];
      };
      for (const item of node.items) {
        // Fast path for the common case, a literal character after a single exact string: no sets,
        // no intermediate arrays (loading thousands of patterns in a fresh worker is allocation-bound).
        if (item.t === 'char' && run.length === 1) {
          run = [run[0] + item.c.toLowerCase()];
          continue;
        }
        if (item.t === 'str' && run.length === 1) {
          run = [run[0] + lowerChars(item.s)];
          continue;
        }
        const it = info(item);
        if (it.exact && run.length * it.exact.length <= MAX_EXACT) {
          run = product(run, it.exact);
          continue;
        }
        allExact = false;
        flush();
        if (it.exact) run = it.exact;
        else req = and(req, it.req);
      }
      if (allExact) return { exact: run, req: ANY };
      flush();
      return { exact: null, req };
    }
  }
}

/** Remove duplicate fragments and fragments contained in a longer one of the same alternative. */
function simplify(alt: string[]): string[] {
  const uniq = [...new Set(alt.filter((f) => f.length > 0))].sort((a, b) => b.length - a.length);
  const kept: string[] = [];
  for (const f of uniq) if (!kept.some((k) => k.includes(f))) kept.push(f);
  return kept;
}

/** The literal text a match must contain, as DNF over lower-cased fragments (see the module comment). */
export function requiredLiterals(node: RegexNode): string[][] {
  const top = info(node);
  const dnf = top.exact ? dnfOfExact(top.exact) : top.req;
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const alt of dnf) {
    const s = simplify(alt);
    const key = [...s].sort().join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

function canRepeat(n: RegexNode): boolean {
  return n.t === 'rep' && n.max > 1;
}

/** Does the subtree contain a quantifier allowing more than one repetition, or an alternation? */
function containsAmbiguity(n: RegexNode): boolean {
  switch (n.t) {
    case 'rep':
      return n.max > 1 || containsAmbiguity(n.body);
    case 'alt':
      return true;
    case 'group':
      return containsAmbiguity(n.body);
    case 'seq':
      return n.items.some(containsAmbiguity);
    default:
      return false;
  }
}

export interface BacktrackRisk {
  /** A repeated sub-pattern itself contains repetition or alternation: `(a+)+`, `(a|aa)*`, `(\w+\s?)*`. */
  nested: boolean;
  /** The most unbounded (or widely bounded) quantifiers one match path goes through: the degree of the
   *  polynomial a backtracking engine may take on a failing line (`a.*b.*c` has 2). */
  degree: number;
  /** Uses back-references (cannot run on a linear-time engine). */
  backrefs: boolean;
  /** Uses lookaround (cannot run on re2js without extra flags). */
  lookaround: boolean;
  /** The verdict: run this pattern on a linear-time engine. */
  risky: boolean;
}

/** Patterns whose match paths go through this many unbounded quantifiers go to the linear-time engine. */
export const MAX_DEGREE_FOR_BACKTRACKING = 3;

function degreeOf(n: RegexNode): number {
  switch (n.t) {
    case 'rep':
      return (n.max > 32 ? 1 : 0) + degreeOf(n.body);
    case 'alt':
      return Math.max(...n.alts.map(degreeOf));
    case 'seq':
      return n.items.reduce((sum, item) => sum + degreeOf(item), 0);
    case 'group':
      return degreeOf(n.body);
    default:
      return 0;
  }
}

export function backtrackRisk(node: RegexNode): BacktrackRisk {
  let nested = false;
  let backrefs = false;
  let lookaround = false;
  const walk = (n: RegexNode) => {
    switch (n.t) {
      case 'rep':
        if (canRepeat(n) && containsAmbiguity(n.body)) nested = true;
        walk(n.body);
        break;
      case 'alt':
        n.alts.forEach(walk);
        break;
      case 'seq':
        n.items.forEach(walk);
        break;
      case 'group':
        if (n.look) lookaround = true;
        walk(n.body);
        break;
      case 'backref':
        backrefs = true;
        break;
      default:
        break;
    }
  };
  walk(node);
  const degree = degreeOf(node);
  return { nested, degree, backrefs, lookaround, risky: nested || degree >= MAX_DEGREE_FOR_BACKTRACKING };
}

/** Does the pattern use `^` (so it may need the line without its log prefix)? */
export function usesStartAnchor(node: RegexNode): boolean {
  switch (node.t) {
    case 'assert':
      return node.kind === '^';
    case 'alt':
      return node.alts.some(usesStartAnchor);
    case 'seq':
      return node.items.some(usesStartAnchor);
    case 'group':
      return usesStartAnchor(node.body);
    case 'rep':
      return usesStartAnchor(node.body);
    default:
      return false;
  }
}
