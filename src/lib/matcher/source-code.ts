/**
 * Lines of a program's source pasted with its error: someone asking for help shows the code that
 * failed, and that code names errors it handles (`} catch (CommitFailedException e) {`, `except
 * sqlite3.OperationalError as e:`, `if "database is locked" in str(e):`, `log.warn("commit failed")`)
 * without reporting any. Such a line is code, not output: it is no error line, and what it names
 * weighs less than what the output says (CODE_LINE_WEIGHT).
 *
 * Only unmistakable statements are recognised. A traceback's own source lines (`raise X(…)`, Node's
 * `throw new ERR_…(`) are left alone: they are output, printed beside the error they raise.
 */
import { anyOf, probe } from './probe.ts';

const SOURCE_CODE: RegExp[] = [
  // A handler: `} catch (IOException e) {`, `catch {`, `except ValueError as e:`, `rescue Foo => e`.
  /^\}?\s*catch\s*(?:\([^)]*\)\s*)?\{\s*$/,
  /^except(?:\s+[\w.]+|\s*\([\w., ]+\))?(?:\s+as\s+\w+)?\s*:\s*(?:#.*)?$/,
  /^rescue(?:\s+[\w:]+(?:\s*,\s*[\w:]+)*)?(?:\s*=>\s*\w+)?\s*$/,
  // A condition opening a block: `if err != nil {`, `elif "locked" in str(e):`, `} else if (…) {`;
  // it tests something (`(`, `=`, `!`, `<`, `>`, ` in `, ` is `, a dotted name), which a sentence in
  // lower case before a colon does not ("if you see this, run:").
  /^(?:\}\s*)?(?:if|elif|elsif|else if|unless|while)\b(?=.*(?:[(=!<>]|\s(?:in|is)\s|\w\.\w)).*(?::|\{|\bthen)\s*$/,
  // A log or print call with a string: `log.warn("…", e);`, `console.error('…')`, `print(f"…")`.
  /^(?:await\s+)?(?:console|logger|log|LOG|LOGGER|Log|logging|System\.(?:out|err)|fmt|print|println|printf|puts)(?:\.\w+)?\s*\(\s*[fr]?["'`]/,
  // A comment: `// src/app.ts`, `/* retry on timeout */`.
  /^(?:\/\/|\/\*)\s/,
];
const ANY_SOURCE_CODE = anyOf(SOURCE_CODE, '');

/** Whether a normalised line (trimmed, prefixes removed) is a statement of program source. */
export function isSourceCode(text: string): boolean {
  return ANY_SOURCE_CODE.test(probe(text));
}
