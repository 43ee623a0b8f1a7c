/**
 * The content check run by `npm run check:content` and, before anything is rendered, by the build:
 * one report, one exit decision, whichever way it is started. Every records directory is checked
 * against the format; the shipped knowledge base (`content/errors`) also against the editorial
 * rules (`lib/record/rules.ts`), with its example messages and declared overlaps from `tests/content/`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { RE2JS } from 're2js';
import { checkRules, type KnowledgeBase, type Overlap } from '../lib/record/rules.ts';
import type { ErrorRecord } from '../lib/record/schema.ts';
import { formatProblem, formatSummary, validateRecordFiles, type ValidationResult } from '../lib/record/validate.ts';
import { misplacedJsonFiles, readRecordFiles } from './records.ts';

/** What `public/` holds: the build copies it to the top of the site, so no domain may take these names. */
function publicEntries(root: string): string[] {
  try {
    return readdirSync(resolve(root, 'public'));
  } catch {
    return [];
  }
}

/** The shipped records, the example messages of their regex tests, and the overlaps declared between them. */
export const SHIPPED_RECORDS = 'content/errors';
export const EXAMPLES_DIR = 'tests/content/examples';
export const OVERLAPS_DIR = 'tests/content/overlaps';

export interface ContentCheck {
  result: ValidationResult;
  /** Whether the editorial rules were applied (the shipped knowledge base only). */
  rules: boolean;
  /** Report lines: one per problem, then the count. */
  lines: string[];
}

export interface ContentCheckOptions {
  /** Apply the editorial rules (default: when `dir` is the project's own `content/errors`). */
  rules?: boolean;
  /** The project root: where `content/errors` and `tests/content` are (default: the working directory). */
  root?: string;
}

function readJsonFiles<T>(dir: string): { file: string; data: T }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: join(dir, name), data: JSON.parse(readFileSync(join(dir, name), 'utf8')) as T }));
}

/** The shipped knowledge base as the editorial rules see it: records, examples and declared overlaps. */
export function loadKnowledgeBase(records: readonly ErrorRecord[], root: string = process.cwd()): KnowledgeBase {
  const examples = new Map<string, string[]>();
  for (const { data } of readJsonFiles<Record<string, string[]>>(resolve(root, EXAMPLES_DIR))) {
    for (const [id, list] of Object.entries(data)) examples.set(id, [...(examples.get(id) ?? []), ...list]);
  }
  const overlaps = readJsonFiles<Overlap[]>(resolve(root, OVERLAPS_DIR)).flatMap(({ data }) => data);
  return {
    records,
    examples,
    examplesFile: (domain) => resolve(root, EXAMPLES_DIR, `${domain}.json`),
    overlaps,
    overlapsFile: resolve(root, OVERLAPS_DIR),
    linearEngine: RE2JS,
  };
}

export function checkContent(dir: string, options: ContentCheckOptions = {}): ContentCheck {
  const root = options.root ?? process.cwd();
  const rules = options.rules ?? resolve(dir) === resolve(root, SHIPPED_RECORDS);
  let files;
  try {
    files = readRecordFiles(dir);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (error as Error).message;
    const result: ValidationResult = {
      records: [],
      problems: [{ severity: 'error', file: dir, field: '(directory)', message: `the records directory ${reason}` }],
      errorCount: 1,
      warningCount: 0,
    };
    return { result, rules, lines: [`${dir}: the records directory ${reason}`, formatSummary(result, 0)] };
  }
  const result = validateRecordFiles(files, { reserved: publicEntries(root) });
  for (const path of misplacedJsonFiles(dir)) {
    result.problems.push({ severity: 'error', file: path, field: '(file)', message: 'is not at <domain>/<slug>.json, so it is not read as a record: move it there or remove it' });
    result.errorCount += 1;
  }
  if (files.length === 0) {
    result.problems.push({ severity: 'error', file: relative(root, dir) || '.', field: '(directory)', message: 'holds no records (<domain>/<slug>.json)' });
    result.errorCount += 1;
  }
  if (rules) {
    const found = checkRules(loadKnowledgeBase(result.records, root));
    result.problems.push(...found);
    result.errorCount += found.filter((problem) => problem.severity === 'error').length;
    result.warningCount += found.filter((problem) => problem.severity === 'warning').length;
  }
  // Paths inside the project read best relative to it; a records directory elsewhere is shown in full.
  const label = (file: string) => {
    const path = resolve(dir, file);
    const shown = relative(root, path);
    return shown.startsWith('..') || isAbsolute(shown) ? path : shown;
  };
  const lines = [...result.problems.map((problem) => formatProblem(problem, label)), formatSummary(result, files.length)];
  return { result, rules, lines };
}
