/**
 * Validates a whole records directory and reports every problem at once, so a contributor fixes
 * everything in one pass instead of one error per build.
 *
 * Each problem names the file, the field and what was wrong: `<file>: <field>: <message> (got <value>)`.
 */
import type { z } from 'astro/zod';
import { compileRecordRegex } from '../regex/dialect.ts';
import { limitProblems } from './limits.ts';
import { isReservedSegment } from '../routing/paths.ts';
import { edgeTarget, RecordSchema, RELATION_KINDS, type ErrorRecord } from './schema.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** The record file, relative to the records directory. */
  file: string;
  /** Where in the record, e.g. `workarounds[1].success_rate`; `(file)` for the file as a whole. */
  field: string;
  message: string;
  /** The offending value, when there is one to show. */
  got?: unknown;
}

/** A record file as read from a records directory (`<domain>/<slug>.json`). */
export interface RecordFile {
  /** Path relative to the records directory, e.g. `grpc/grpc-connection-reset-by-peer.json`. */
  path: string;
  /** The id the path implies: `grpc/grpc-connection-reset-by-peer`. */
  idFromPath: string;
  /** The file's text, unparsed. */
  text: string;
}

export interface ValidationResult {
  /** Records that passed every error-level check, in file order. */
  records: ErrorRecord[];
  problems: Problem[];
  errorCount: number;
  warningCount: number;
}

type Segment = string | number;

const encoder = new TextEncoder();

/** `workarounds[1].success_rate` from `['workarounds', 1, 'success_rate']`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(record)' : out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** Position in a text as 1-based line and column, for JSON syntax errors. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

function describeJsonError(text: string, error: Error): string {
  const reason = error.message.replace(/\s*\(line \d+ column \d+\)$/, '').replace(/ in JSON at position \d+.*$/, '');
  const position = /at position (\d+)/.exec(error.message);
  // V8 gives no position when the text stops early: the problem is at its end.
  const offset = position ? Number(position[1]) : /Unexpected end/.test(error.message) ? text.trimEnd().length : null;
  if (offset === null) return `invalid JSON: ${reason}`;
  const { line, column } = lineAndColumn(text, offset);
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}

/**
 * Zod reports a failed union as "Invalid input" with one issue list per branch. Readers need the
 * branch they meant: the one that got past the type check (its issues sit deeper than the union).
 */
function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): { path: PropertyKey[]; issue: z.core.$ZodIssue }[] {
  const flat: { path: PropertyKey[]; issue: z.core.$ZodIssue }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const meant = issue.errors.find((branch) => branch.some((inner) => inner.path.length > 0 || inner.code !== 'invalid_type'));
      if (meant) {
        flat.push(...flattenIssues(meant, path));
        continue;
      }
    }
    flat.push({ path, issue });
  }
  return flat;
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type') {
    if (value === undefined) return 'is required';
    return `must be ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  }
  if (issue.code === 'invalid_value' && issue.values.length > 0 && !issue.message.startsWith('must')) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

/** Validate every record file; never stops at the first problem. */
export interface ValidateOptions {
  /** More top-level names domains may not take (the files of `public/`, which the build copies there). */
  reserved?: readonly string[];
}

export function validateRecordFiles(files: readonly RecordFile[], options: ValidateOptions = {}): ValidationResult {
  const problems: Problem[] = [];
  const records: ErrorRecord[] = [];
  const fileById = new Map<string, string>();
  const problem = (severity: Severity, file: string, field: string, message: string, got?: unknown) =>
    problems.push(got === undefined ? { severity, file, field, message } : { severity, file, field, message, got });

  for (const file of files) {
    if (file.text.startsWith('\uFEFF')) {
      problem('error', file.path, '(file)', 'starts with a byte order mark (BOM, U+FEFF): save it as UTF-8 without a BOM');
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(file.text);
    } catch (error) {
      problem('error', file.path, '(file)', describeJsonError(file.text, error as Error));
      continue;
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      problem('error', file.path, '(file)', 'must hold one JSON object (a record)', Array.isArray(data) ? 'a list' : data);
      continue;
    }
    const tooLarge = limitProblems(data, encoder.encode(file.text).length);
    if (tooLarge.length > 0) {
      for (const { field, message } of tooLarge) problem('error', file.path, field, message);
      continue;
    }
    const before = problems.length;
    const parsed = RecordSchema.safeParse(data);
    if (!parsed.success) {
      for (const { path, issue } of flattenIssues(parsed.error.issues)) {
        const value = valueAt(data, path);
        problem('error', file.path, formatFieldPath(path as Segment[]), issueMessage(issue, value), value);
      }
    }
    const raw = data as Record<string, unknown>;
    const id = typeof raw.id === 'string' ? raw.id : undefined;
    if (id !== undefined) {
      if (id !== file.idFromPath) {
        problem('error', file.path, 'id', `must equal the file's path "${file.idFromPath}"`, id);
      }
      if (id.slice(id.indexOf('/') + 1) === 'index.html') problem('error', file.path, 'id', 'its slug "index.html" is the name of the domain page\'s own file; choose another slug', id);
      const earlier = fileById.get(id);
      if (earlier !== undefined) problem('error', file.path, 'id', `duplicates the id of ${earlier}`, id);
      else fileById.set(id, file.path);
    }
    if (typeof raw.domain === 'string') {
      if (id !== undefined && id.split('/')[0] !== raw.domain) {
        problem('error', file.path, 'domain', `must equal the first part of the id ("${id.split('/')[0]}")`, raw.domain);
      }
      if (isReservedSegment(raw.domain, options.reserved)) {
        problem('error', file.path, 'domain', `"${raw.domain}" is reserved for the site's own pages; choose another domain name`, raw.domain);
      }
    }
    if (typeof raw.regex === 'string' && raw.regex !== '') {
      const compiled = compileRecordRegex(raw.regex);
      if (!compiled.ok) problem('error', file.path, 'regex', compiled.reason, raw.regex);
    }
    if (problems.slice(before).some((p) => p.severity === 'error') || !parsed.success) continue;

    const record = parsed.data;
    const workarounds = record.workarounds ?? [];
    const translated = record.workarounds_zh ?? [];
    if (translated.length > 0 && translated.length !== workarounds.length) {
      problem('warning', file.path, 'workarounds_zh', `has ${translated.length} entries for ${workarounds.length} workarounds; they are matched by position`);
    }
    if (!record.regex) problem('warning', file.path, 'regex', 'is empty: the matcher can only find this record by its signature');
    records.push(record);
  }

  const known = new Set(records.map((record) => record.id));
  // An old address must stay unambiguous: not a live page, not claimed twice, not a reserved name.
  const previousOwner = new Map<string, string>();
  for (const record of records) {
    const file = fileById.get(record.id) ?? `${record.id}.json`;
    (record.previous_ids ?? []).forEach((old, index) => {
      const field = `previous_ids[${index}]`;
      if (old === record.id) problem('error', file, field, "is the record's own id", old);
      else if (known.has(old)) problem('error', file, field, `is the id of a live record (${fileById.get(old) ?? old}); its address cannot also redirect here`, old);
      else if (previousOwner.has(old)) problem('error', file, field, `is also a previous id of ${previousOwner.get(old)}; an old address can redirect to one record only`, old);
      else if (isReservedSegment(old.split('/')[0]!, options.reserved)) problem('error', file, field, `its domain "${old.split('/')[0]}" is reserved for the site's own pages`, old);
      else previousOwner.set(old, file);
    });
  }
  for (const record of records) {
    const file = fileById.get(record.id) ?? `${record.id}.json`;
    for (const key of RELATION_KINDS) {
      (record.transition_graph?.[key] ?? []).forEach((edge, index) => {
        const target = edgeTarget(edge);
        const field = `transition_graph.${key}[${index}]${typeof edge === 'string' ? '' : '.error_id'}`;
        if (target === record.id) problem('warning', file, field, 'links the record to itself', target);
        else if (!known.has(target)) problem('warning', file, field, 'refers to a record that does not exist; it is shown as plain text', target);
      });
    }
  }

  const errorCount = problems.filter((p) => p.severity === 'error').length;
  return { records, problems, errorCount, warningCount: problems.length - errorCount };
}

/**
 * Control characters, bidirectional overrides and other invisible format characters, shown as
 * `\u{…}` in reports: a file name or value must not reorder or hide the text of the line it is on.
 */
const UNSAFE_IN_REPORT = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
export function escapeForReport(text: string): string {
  return text.replace(UNSAFE_IN_REPORT, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`);
}

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  const short = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return escapeForReport(short);
}

/** One line per problem: `<file>: <field>: <message> (got <value>)`, warnings marked as such. */
export function formatProblem(problem: Problem, fileLabel: (file: string) => string = (file) => file): string {
  const got = 'got' in problem ? ` (got ${shortValue(problem.got)})` : '';
  const level = problem.severity === 'warning' ? 'warning: ' : '';
  return `${escapeForReport(fileLabel(problem.file))}: ${escapeForReport(problem.field)}: ${level}${escapeForReport(problem.message)}${got}`;
}

/** The closing count line of a report. */
export function formatSummary(result: ValidationResult, fileCount: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')} in ${plural(fileCount, 'record file')}`;
}
