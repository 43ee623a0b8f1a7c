/**
 * A small parser for JavaScript regular-expression source (non-Unicode mode, as record regexes are
 * compiled), producing just enough structure to reason about a pattern without running it:
 * which literal text it requires (the matcher's prefilter), how literal-rich it is (ranking), and
 * whether it can backtrack catastrophically (safety). It is deliberately lenient: anything it does not
 * understand becomes a "wide" node that requires nothing, which is always a safe approximation.
 *
 * Framework-free and dependency-free: it runs in the browser's matcher worker too.
 */

export type RegexNode =
  /** One literal character (as written; analysis folds case). */
  | { t: 'char'; c: string }
  /** A run of two or more literal characters, none quantified (as written; analysis folds case). */
  | { t: 'str'; s: string }
  /** A character class, `.` or a class escape. `chars` lists its members when there are few, else null. */
  | { t: 'class'; chars: string[] | null }
  | { t: 'seq'; items: RegexNode[] }
  | { t: 'alt'; alts: RegexNode[] }
  /** A group; `look` for lookahead/lookbehind (zero-width). */
  | { t: 'group'; body: RegexNode; look: boolean }
  /** A quantifier; `max` is `Infinity` when unbounded. */
  | { t: 'rep'; min: number; max: number; body: RegexNode }
  /** `^`, `$`, `\b`, `\B`: zero-width. */
  | { t: 'assert'; kind: string }
  | { t: 'backref' };

/** Classes with more members than this are treated as "any character" by the analysis. */
const SMALL_CLASS = 4;

export class RegexParseError extends Error {}

/** Characters with a meaning of their own outside a class: \ [ ] ( ) | . ^ $ * + ? { } */
function isSpecial(code: number): boolean {
  return (
    code === 92 || code === 91 || code === 93 || code === 40 || code === 41 || code === 124 || code === 46 ||
    code === 94 || code === 36 || code === 42 || code === 43 || code === 63 || code === 123 || code === 125
  );
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** `*`, `+`, `?` or `{` (a possible `{n,m}`) follow: the character before is quantified. */
function isQuantifierStart(code: number): boolean {
  return code === 42 || code === 43 || code === 63 || code === 123;
}

export function parseRegex(source: string): RegexNode {
  let i = 0;
  const n = source.length;

  function parseAlt(): RegexNode {
    const alts: RegexNode[] = [parseSeq()];
    while (i < n && source[i] === '|') {
      i++;
      alts.push(parseSeq());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  function parseSeq(): RegexNode {
    const items: RegexNode[] = [];
    // Runs of unquantified literal characters (plain or escaped punctuation such as `\.`) are read
    // straight into one string: most of a record regex is literal text, and one node per character
    // made loading thousands of patterns in a fresh worker allocation-bound.
    let run = '';
    const flushRun = () => {
      if (run.length === 1) items.push({ t: 'char', c: run });
      else if (run.length > 1) items.push({ t: 'str', s: run });
      run = '';
    };
    while (i < n) {
      const code = source.charCodeAt(i);
      if (code === 124 /* | */ || code === 41 /* ) */) break;
      let lit = -1;
      let width = 1;
      if (!isSpecial(code)) lit = code;
      else if (code === 92 /* \ */ && i + 1 < n) {
        const next = source.charCodeAt(i + 1);
        if (!isAlnum(next)) {
          lit = next;
          width = 2;
        }
      }
      if (lit >= 0 && !isQuantifierStart(source.charCodeAt(i + width))) {
        run += String.fromCharCode(lit);
        i += width;
        continue;
      }
      flushRun();
      const atom = parseAtom();
      items.push(parseQuantifier(atom));
    }
    flushRun();
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  function parseQuantifier(atom: RegexNode): RegexNode {
    let node = atom;
    for (;;) {
      const ch = source[i];
      let min = -1;
      let max = -1;
      if (ch === '*') {
        min = 0;
        max = Infinity;
        i++;
      } else if (ch === '+') {
        min = 1;
        max = Infinity;
        i++;
      } else if (ch === '?') {
        min = 0;
        max = 1;
        i++;
      } else if (ch === '{') {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(i, i + 24));
        if (!m) break; // a literal "{" in non-Unicode mode
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
        i += m[0].length;
      } else break;
      if (source[i] === '?') i++; // lazy
      node = { t: 'rep', min, max, body: node };
    }
    return node;
  }

  function parseEscape(inClass: boolean): { node: RegexNode; chars: string[] | null } {
    // at a backslash
    const next = source[i + 1];
    i += 2;
    if (next === undefined) throw new RegexParseError('ends with a lone backslash');
    if ('dDwWsS'.includes(next)) return { node: { t: 'class', chars: null }, chars: null };
    if (!inClass && (next === 'b' || next === 'B')) return { node: { t: 'assert', kind: `\\${next}` }, chars: [] };
    if (inClass && next === 'b') return char('\b');
    if (next === 'n') return char('\n');
    if (next === 't') return char('\t');
    if (next === 'r') return char('\r');
    if (next === 'f') return char('\f');
    if (next === 'v') return char('\v');
    if (next === '0' && !/[0-9]/.test(source[i] ?? '')) return char('\0');
    if (!inClass && /[1-9]/.test(next)) {
      while (/[0-9]/.test(source[i] ?? '')) i++;
      return { node: { t: 'backref' }, chars: null };
    }
    if (!inClass && next === 'k' && source[i] === '<') {
      const end = source.indexOf('>', i);
      if (end > 0) {
        i = end + 1;
        return { node: { t: 'backref' }, chars: null };
      }
    }
    if (next === 'x') {
      const m = /^[0-9a-fA-F]{2}/.exec(source.slice(i, i + 2));
      if (m) {
        i += 2;
        return char(String.fromCharCode(parseInt(m[0], 16)));
      }
    }
    if (next === 'u') {
      const m = /^[0-9a-fA-F]{4}/.exec(source.slice(i, i + 4));
      if (m) {
        i += 4;
        return char(String.fromCharCode(parseInt(m[0], 16)));
      }
    }
    if (next === 'c' && /[A-Za-z]/.test(source[i] ?? '')) {
      i++;
      return { node: { t: 'class', chars: null }, chars: null };
    }
    if (next === 'p' || next === 'P') return { node: { t: 'class', chars: null }, chars: null };
    return char(next);
  }

  function char(c: string): { node: RegexNode; chars: string[] } {
    return { node: { t: 'char', c }, chars: [c] };
  }

  function parseClass(): RegexNode {
    // at "["
    i++;
    let negated = false;
    if (source[i] === '^') {
      negated = true;
      i++;
    }
    const members = new Set<string>();
    let wide = negated;
    let first = true;
    while (i < n && (source[i] !== ']' || false)) {
      if (source[i] === ']' && !first) break;
      first = false;
      let lo: string[] | null;
      if (source[i] === '\\') lo = parseEscape(true).chars;
      else lo = [source[i++]!];
      if (source[i] === '-' && source[i + 1] !== ']' && i + 1 < n && lo && lo.length === 1) {
        i++;
        let hi: string[] | null;
        if (source[i] === '\\') hi = parseEscape(true).chars;
        else hi = [source[i++]!];
        if (!hi || hi.length !== 1) {
          wide = true;
          continue;
        }
        const a = lo[0]!.charCodeAt(0);
        const b = hi[0]!.charCodeAt(0);
        if (b - a > 8) wide = true;
        else for (let c = a; c <= b; c++) members.add(String.fromCharCode(c).toLowerCase());
        continue;
      }
      if (!lo) wide = true;
      else for (const c of lo) members.add(c.toLowerCase());
    }
    if (source[i] !== ']') throw new RegexParseError('has an unterminated character class "["');
    i++;
    if (wide || members.size > SMALL_CLASS || members.size === 0) return { t: 'class', chars: null };
    return { t: 'class', chars: [...members] };
  }

  function parseAtom(): RegexNode {
    const ch = source[i];
    if (ch === '(') {
      i++;
      let look = false;
      if (source[i] === '?') {
        const rest = source.slice(i, i + 4);
        if (rest.startsWith('?:')) i += 2;
        else if (rest.startsWith('?=') || rest.startsWith('?!')) {
          i += 2;
          look = true;
        } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
          i += 3;
          look = true;
        } else if (rest.startsWith('?<')) {
          const end = source.indexOf('>', i);
          if (end < 0) throw new RegexParseError('has an unterminated group name');
          i = end + 1;
        } else {
          // Modifiers such as (?i:...) or anything else: skip to ":" if present.
          const m = /^\?[a-zA-Z-]*:/.exec(source.slice(i, i + 12));
          if (!m) throw new RegexParseError(`has an unsupported group "(${rest}"`);
          i += m[0].length;
        }
      }
      const body = parseAlt();
      if (source[i] !== ')') throw new RegexParseError('has an unterminated group "("');
      i++;
      return { t: 'group', body, look };
    }
    if (ch === '[') return parseClass();
    if (ch === '\\') return parseEscape(false).node;
    if (ch === '.') {
      i++;
      return { t: 'class', chars: null };
    }
    if (ch === '^' || ch === '$') {
      i++;
      return { t: 'assert', kind: ch };
    }
    i++;
    return { t: 'char', c: ch! };
  }

  const tree = parseAlt();
  if (i < n) throw new RegexParseError('has an unmatched ")"');
  return tree;
}
