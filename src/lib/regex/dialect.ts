/**
 * Record regexes are often written for Python's `re` (many records come from Python tooling).
 * This translates the parts of that dialect JavaScript lacks, so one pattern serves Python users
 * and our JavaScript matcher alike.
 *
 * Patterns are compiled without the `u` or `v` flags on purpose: real records contain identity
 * escapes such as `\ `, `\"` and `\-` that Unicode mode rejects.
 */

export interface TranslatedPattern {
  /** JavaScript RegExp source. */
  source: string;
  /** JavaScript flags; always includes `i`, because records are matched case-insensitively. */
  flags: string;
}

export class RegexDialectError extends Error {}

/** Python inline flags we can express as JavaScript flags (`a`, `u`, `L` change nothing we rely on). */
const GLOBAL_FLAG_MAP: Record<string, string> = { i: 'i', m: 'm', s: 's', x: '', a: '', u: '', L: '' };

/**
 * Translate a Python-dialect pattern into JavaScript source and flags.
 * Throws `RegexDialectError` for Python constructs JavaScript cannot express.
 */
export function translatePythonRegex(pattern: string): TranslatedPattern {
  let rest = pattern;
  const flags = new Set<string>(['i']);
  let verbose = false;

  // Python allows global flags only at the very start, e.g. `(?i)` or `(?ms)`; some records repeat them.
  for (let match = /^\(\?([aiLmsux]+)\)/.exec(rest); match; match = /^\(\?([aiLmsux]+)\)/.exec(rest)) {
    for (const flag of match[1]!) {
      if (flag === 'x') verbose = true;
      const js = GLOBAL_FLAG_MAP[flag];
      if (js) flags.add(js);
    }
    rest = rest.slice(match[0].length);
  }

  let out = '';
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    if (ch === '\\') {
      const next = rest[i + 1];
      if (next === undefined) throw new RegexDialectError('ends with a lone backslash');
      if (next === 'U' && /^[0-9a-fA-F]{8}$/.test(rest.slice(i + 2, i + 10))) {
        // Python's 8-digit escape; without the `u` flag JavaScript needs the UTF-16 code units.
        const text = String.fromCodePoint(parseInt(rest.slice(i + 2, i + 10), 16));
        out += [...text].map((c) => c.split('').map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')).join('');
        i += 9;
        continue;
      }
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && next === 'Z') out += '$(?![\\s\\S])';
      else out += ch + next;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      // A `]` right after `[` or `[^` is a literal in Python; JavaScript needs it escaped.
      if (rest[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (rest[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (verbose && /\s/.test(ch)) continue;
    if (verbose && ch === '#') {
      while (i < rest.length && rest[i] !== '\n') i++;
      continue;
    }
    if (ch === '(' && rest[i + 1] === '?') {
      const head = rest.slice(i);
      const named = /^\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/.exec(head);
      if (named) {
        out += `(?<${named[1]}>`;
        i += named[0].length - 1;
        continue;
      }
      const backref = /^\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/.exec(head);
      if (backref) {
        out += `\\k<${backref[1]}>`;
        i += backref[0].length - 1;
        continue;
      }
      const comment = /^\(\?#[^)]*\)/.exec(head);
      if (comment) {
        i += comment[0].length - 1;
        continue;
      }
      // Python before 3.11 applied a global flag group anywhere in the pattern to the whole pattern.
      const lateFlags = /^\(\?([aiLmsux]+)\)/.exec(head);
      if (lateFlags) {
        for (const flag of lateFlags[1]!) {
          if (flag === 'x') throw new RegexDialectError('has the verbose flag "(?x)" after the start of the pattern; move it to the start');
          const js = GLOBAL_FLAG_MAP[flag];
          if (js) flags.add(js);
        }
        i += lateFlags[0].length - 1;
        continue;
      }
      // Scoped flags `(?i:...)`: matching is case-insensitive anyway; other scoped flags are dropped
      // (JavaScript before RegExp modifiers cannot scope them), which only makes the pattern more permissive.
      const scoped = /^\(\?[aiLmsux]*(?:-[imsx]+)?:/.exec(head);
      if (scoped && scoped[0] !== '(?:') {
        out += '(?:';
        i += scoped[0].length - 1;
        continue;
      }
      if (/^\(\?>/.test(head)) throw new RegexDialectError('uses an atomic group "(?>...)", which JavaScript does not support');
    }
    // Python reads `{,n}` as `{0,n}`; JavaScript would read it as literal text.
    if (ch === '{') {
      const upTo = /^\{,(\d+)\}/.exec(rest.slice(i));
      if (upTo) {
        out += `{0,${upTo[1]}}`;
        i += upTo[0].length - 1;
        continue;
      }
    }
    // Possessive quantifiers (Python 3.11+) have no JavaScript equivalent.
    if ((ch === '+' || ch === '*' || ch === '?' || ch === '}') && rest[i + 1] === '+' && out.length > 0 && !out.endsWith('\\')) {
      throw new RegexDialectError(`uses a possessive quantifier "${ch}+", which JavaScript does not support`);
    }
    out += ch;
  }
  if (inClass) throw new RegexDialectError('has an unterminated character class "["');

  return { source: out, flags: [...flags].sort().join('') };
}

export type CompileResult = { ok: true; regex: RegExp; source: string; flags: string } | { ok: false; reason: string };

/**
 * Translate and compile a record's regex, and reject patterns that would match anything:
 * a pattern that matches the empty string says nothing about an error.
 */
export function compileRecordRegex(pattern: string): CompileResult {
  let translated: TranslatedPattern;
  try {
    translated = translatePythonRegex(pattern);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  let regex: RegExp;
  try {
    regex = new RegExp(translated.source, translated.flags);
  } catch (error) {
    // V8 messages read "Invalid regular expression: /…/i: Unterminated group"; keep the reason only.
    const message = (error as Error).message;
    const reason = message.includes(': ') ? message.slice(message.lastIndexOf(': ') + 2) : message;
    return { ok: false, reason: `does not compile as a JavaScript RegExp: ${reason}` };
  }
  if (regex.test('')) return { ok: false, reason: 'matches the empty string, so it would match any text' };
  return { ok: true, regex, ...translated };
}
