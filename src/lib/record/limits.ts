/**
 * Size limits of a record, checked before the schema: a record past them would build pages of
 * megabytes, grow the matcher index every visitor downloads, or (nested thousands of levels deep)
 * crash the build without naming the file. Real records are far below every limit.
 */
export const RECORD_LIMITS = {
  /** Bytes in one record file. */
  fileBytes: 256 * 1024,
  /** Levels of nesting inside a record (the format itself uses 4). */
  depth: 12,
  /** Characters in one text value. */
  textChars: 20_000,
  /** Characters in the one-line values the matcher indexes and pages title by. */
  lineChars: 1_000,
  /** Items in one list (workarounds, dead ends, aliases, sources, versions, tags...). */
  listItems: 100,
} as const;

/** Fields read as one line: the matcher's index holds them, pages use them as titles. */
const LINE_FIELDS = new Set(['id', 'signature', 'signature_zh', 'regex', 'domain', 'category', 'subcategory', 'aliases']);

export interface LimitProblem {
  /** Where, e.g. `workarounds` or `signature`; `(file)` for the file as a whole. */
  field: string;
  message: string;
}

/** Every limit a parsed record goes past, found without recursion (any depth is safe to walk). */
export function limitProblems(data: unknown, fileBytes: number): LimitProblem[] {
  const problems: LimitProblem[] = [];
  if (fileBytes > RECORD_LIMITS.fileBytes) {
    problems.push({ field: '(file)', message: `is ${fileBytes} bytes; a record may have at most ${RECORD_LIMITS.fileBytes}` });
  }
  const stack: { value: unknown; path: string; depth: number; top: string }[] = [{ value: data, path: '', depth: 0, top: '' }];
  let tooDeep = false;
  while (stack.length > 0) {
    const { value, path, depth, top } = stack.pop()!;
    const field = path === '' ? '(record)' : path;
    if (typeof value === 'string') {
      const limit = LINE_FIELDS.has(top) ? RECORD_LIMITS.lineChars : RECORD_LIMITS.textChars;
      if (value.length > limit) problems.push({ field, message: `is ${value.length} characters long; at most ${limit} are allowed here` });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= RECORD_LIMITS.depth) {
      // One report for the first place found too deep: the rest of that branch is not walked.
      if (!tooDeep) problems.push({ field, message: `is nested more than ${RECORD_LIMITS.depth} levels deep` });
      tooDeep = true;
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > RECORD_LIMITS.listItems) problems.push({ field, message: `has ${value.length} items; a list may have at most ${RECORD_LIMITS.listItems}` });
      value.slice(0, RECORD_LIMITS.listItems).forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1, top }));
    } else {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: path === '' ? key : `${path}.${key}`, depth: depth + 1, top: path === '' ? key : top });
    }
  }
  return problems;
}
