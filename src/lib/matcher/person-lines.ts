/**
 * The person's lines of a short message around what they pasted (named-error.ts): a Slack message,
 * an e-mail, an issue form or a ticket that holds an error's name on a line of its own
 * (`Hi Marco,` / `the VM creation is failing again this morning:` / `Quota 'NVIDIA_T4_GPUS' exceeded`
 * / `Thanks,`). Whatever is not theirs (a command, a path, a frame, a line with a tool's prefix)
 * makes the paste a tool's output, whose short lines name errors only in passing.
 */
import { errorness } from './errorness.ts';
import { CAUSED_BY } from './line-prefixes.ts';
import type { PreparedLine } from './normalize.ts';
import { FIRST_PERSON, readsAsPersons, readsAsSentence } from './paste.ts';
import { PERSON_LINE_WORDS } from './tuning.ts';

/**
 * A channel's furniture around a message: a code fence, a Markdown heading of an issue form (`###
 * What happened?`; one `#` starts a comment or Go's `# package` line), a label of up to three words
 * (`Error log:`), a greeting or a sign-off (`Hi Marco,`, `Thanks!`; not a name, `UNREACHABLE!`).
 */
const FURNITURE = /^\s*(?:```|~~~|#{2,6} |[A-Za-z]+(?: [A-Za-z]+){0,2}:\s*$|\S+(?: \S+)?,\s*$|[A-Za-z][a-z]+(?: [A-Za-z][a-z]+)?!\s*$)/;

/**
 * What a tool's line has and a person's rarely does: a path, an assignment, brackets, a table's
 * columns, a frame's `at`, a scope's `::` or an arrow.
 */
const TOOL_MARKS = /[\\/=[\]{}<>|]|::|->|^\s*at\s/;

/**
 * A person's words before what they paste, error sign and all: ending in a colon (`this fails since
 * this morning:`) or in what the tool did (`… and az cli returns`, `… the error log shows`, `… ends with`).
 */
const LEAD_IN = /^(?:\S+ ){2,}(?:\S+:|(?:with|returns?|says?|shows?|gives?|prints?|throws?|reports?))$/;

/** A ticket's or a form's field: a label of one to three words, and the person's value. */
const FORM_FIELD = /^[A-Z][a-z]+(?: [a-z]+){0,2}:(?: |$)/;

/** Blank, or a channel's furniture. */
export function isFurniture(text: string): boolean {
  return text.trim() === '' || FURNITURE.test(text);
}

/**
 * A line of the person's: a question or a sentence of theirs (paste.ts), a field of a ticket
 * (`Environment: Kafka 3.6, max.poll.records=500`), a line in the first person whatever it holds
 * (`GET /api/orders/5 returns 500 since I added a controller`), or a line without a tool's marks,
 * prefix (`npm warn`, `ERROR:`), indentation (a tool's detail under its message) or error sign unless
 * it is a sentence or leads in to what follows (`this fails since this morning:`): `Priya Nair 10:42 AM`.
 */
export function personsLine(line: PreparedLine): boolean {
  if (readsAsPersons(line.lower)) return true;
  if (line.command || line.frame || line.indented || line.core !== line.text) return false;
  if (FORM_FIELD.test(line.text) && !CAUSED_BY.test(line.text)) return true;
  if (TOOL_MARKS.test(unquoted(line.text))) return FIRST_PERSON.test(line.lower) && line.lower.split(/\s+/).length >= PERSON_LINE_WORDS;
  return line.err === 0 || LEAD_IN.test(line.lower) || readsAsSentence(line.lower);
}

/**
 * What follows the person's lead-in on one line (`al arrancar el servicio aparece: Failed to
 * configure a DataSource`), or null: a lead-in of three words or more, without an error sign or a
 * tool's marks (a tool's own `error: …: …` is no lead-in).
 */
export function afterLeadIn(text: string): string | null {
  const cut = text.lastIndexOf(': ');
  if (cut < 0) return null;
  const head = text.slice(0, cut);
  if (head.split(/\s+/).length < 3 || errorness(head) > 0 || TOOL_MARKS.test(unquoted(head))) return null;
  return text.slice(cut + 2);
}

/** Quoted text: in single, double or back quotes. */
export const QUOTED = /'[^']*'|"[^"]*"|`[^`]*`/g;

/** An e-mail address in angle brackets (`Jane Roe <jane@example.com> wrote:`). */
const ADDRESS = /<[^<>\s]+@[^<>\s]+>/g;

/** A line without its quote markers, quoted values and e-mail addresses. */
function unquoted(text: string): string {
  return text.replace(/^\s*(?:>\s?)+/, '').replace(QUOTED, ' ').replace(ADDRESS, ' ');
}
