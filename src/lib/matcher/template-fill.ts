/**
 * A record's wording as a template (`Failed to start <unit>: Unit <unit> not found.`): its fixed
 * words in order, and where its placeholders stand between them. A paste's line that holds those
 * words in that order holds, where the template has a placeholder, the values the tool put in
 * (`php-fpm.service`): words no record's wording can hold. Compared by words alone, they count
 * against the record as words it lacks; read against the template, they are what fills it
 * (similarity.ts, `templateSim`).
 */
import { placeholderSplit, tokenize } from './tokens.ts';
import { TEMPLATE_MIN_WORDS } from './tuning.ts';

export interface Template {
  /** The fixed words, in order (stopwords and placeholders dropped, as tokenize does). */
  words: string[];
  /** `holes[i]`: a placeholder stands just before `words[i]`; `holes[words.length]`: one ends the wording. */
  holes: boolean[];
}

/**
 * The template of a wording, or null when it has no placeholder (an example, not a template) or
 * fewer than TEMPLATE_MIN_WORDS fixed words (`no such table: <table>` is one word and a hole).
 */
export function templateOf(text: string): Template | null {
  const parts = placeholderSplit(text);
  if (parts.length < 2) return null;
  const words: string[] = [];
  const holes: boolean[] = [];
  // A placeholder marks the next word found; parts without words (`<a>:<b>`) pass the mark on.
  let hole = false;
  parts.forEach((part, k) => {
    if (k > 0) hole = true;
    for (const t of tokenize(part)) {
      words.push(t);
      holes.push(hole);
      hole = false;
    }
  });
  holes.push(hole);
  return words.length >= TEMPLATE_MIN_WORDS ? { words, holes } : null;
}

/**
 * The line's words (in printed order) that fill the template: those between two neighbouring fixed
 * words found in order with a placeholder between them, and those after the last fixed word when the
 * template ends with a placeholder. Fixed words the line lacks are skipped, and nothing around them
 * is taken for a value (`restart` where the template says `start`). Nor is anything before the first
 * fixed word: a placeholder opening a template (`<path>: Permission denied`) would take a whole
 * line's other words for its value. A word of the template never fills it.
 */
export function filledWords(template: Template, line: readonly string[]): Set<string> {
  const filled = new Set<string>();
  const own = new Set(template.words);
  const fill = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (!own.has(line[k]!)) filled.add(line[k]!);
  };
  let at = -1; // the line position of the last fixed word found
  let lastWord = -1; // and its index in the template
  for (let i = 0; i < template.words.length; i++) {
    const j = line.indexOf(template.words[i]!, at + 1);
    if (j < 0) continue;
    if (lastWord >= 0 && i === lastWord + 1 && template.holes[i]) fill(at + 1, j);
    at = j;
    lastWord = i;
  }
  if (lastWord === template.words.length - 1 && template.holes[template.words.length]) fill(at + 1, line.length);
  return filled;
}

/**
 * An example wording (`Unit nginx.service could not be found.`) read against the record's
 * templates: the words that fill one of them (`nginx`) are the example's values, and the rest its
 * fixed words. Null when no template fills it, or fewer than TEMPLATE_MIN_WORDS fixed words remain.
 */
export function exampleTemplateOf(text: string, templates: readonly Template[]): Template | null {
  const order = tokenize(text);
  const values = new Set<string>();
  for (const t of templates) for (const w of filledWords(t, order)) values.add(w);
  if (values.size === 0) return null;
  const words: string[] = [];
  const holes: boolean[] = [];
  let hole = false;
  for (const w of order) {
    if (values.has(w)) {
      hole = true;
      continue;
    }
    words.push(w);
    holes.push(hole);
    hole = false;
  }
  holes.push(hole);
  return words.length >= TEMPLATE_MIN_WORDS ? { words, holes } : null;
}
