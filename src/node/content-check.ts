/**
 * The content check run by `npm run check:content` and, before anything is rendered, by the build:
 * one report, one exit decision, whichever way it is started.
 */
import { isAbsolute, relative } from 'node:path';
import { readRecordFiles } from './records.ts';
import { formatProblem, formatSummary, validateRecordFiles, type ValidationResult } from '../lib/record/validate.ts';

export interface ContentCheck {
  result: ValidationResult;
  /** Report lines: one per problem, then the count. */
  lines: string[];
}

export function checkContent(dir: string, cwd: string = process.cwd()): ContentCheck {
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
    return { result, lines: [`${dir}: the records directory ${reason}`, formatSummary(result, 0)] };
  }
  const result = validateRecordFiles(files);
  if (files.length === 0) {
    result.problems.push({ severity: 'error', file: relative(cwd, dir) || '.', field: '(directory)', message: 'holds no records (<domain>/<slug>.json)' });
    result.errorCount += 1;
  }
  // Paths inside the project read best relative to it; a records directory elsewhere is shown in full.
  const label = (file: string) => {
    const shown = relative(cwd, `${dir}/${file}`);
    return shown.startsWith('..') || isAbsolute(shown) ? `${dir}/${file}` : shown;
  };
  const lines = [...result.problems.map((problem) => formatProblem(problem, label)), formatSummary(result, files.length)];
  return { result, lines };
}
