/**
 * A log viewer's CSV export read as the log it holds (Kibana's, Loki's, CloudWatch's: a header, a
 * row per entry, each value quoted with `""` inside and a message's line breaks kept).
 */

const NOT_BLANK = /\S/;

/** What a CSV table's values are separated by: commas, semicolons (European locales) or tabs. */
const SEPARATORS = ',;\t';

/** A header row's field: a column's name (`@timestamp`, `log.level`, `Message`). */
const COLUMN_NAME = /^[@\w][\w .@:-]{0,40}$/;


/** A CSV table's header row: column names, none a number or a time (as a row's first value is). */
function isHeader(fields: readonly string[]): boolean {
  return fields.every((f) => COLUMN_NAME.test(f) && !/^\d/.test(f));
}

/**
 * The records of a CSV table (a log viewer's export: Kibana's, Loki's, CloudWatch's,
 * `"@timestamp","message"` then a row per entry, a value holding line breaks and `""` for a quote),
 * a header row of column names among them; null when the lines are no such table (two rows at least,
 * each with as many fields, two at least). Values are quoted, or, under a header, only where they must
 * be (Datadog's `date,host,service,status,message`): one separator throughout, the first row's.
 */
function csvRecords(lines: readonly string[]): string[][] | null {
  const text = lines.join('\n');
  const records: string[][] = [];
  let fields: string[] = [];
  let separator = '';
  let quotedRow = true;
  let i = 0;
  while (i <= text.length) {
    let value: string;
    if (text[i] === '"') {
      let end = i + 1;
      value = '';
      for (;;) {
        const close = text.indexOf('"', end);
        if (close < 0) return null;
        value += text.slice(end, close);
        if (text[close + 1] !== '"') {
          i = close + 1;
          break;
        }
        value += '"';
        end = close + 2;
      }
    } else {
      let end = i;
      while (end < text.length && text[end] !== '\n' && (separator ? text[end] !== separator : !SEPARATORS.includes(text[end]!))) end++;
      value = text.slice(i, end);
      i = end;
      quotedRow = false;
    }
    fields.push(value);
    const next = text[i];
    if (next !== undefined && (separator ? next === separator : SEPARATORS.includes(next))) {
      separator = next;
      i++;
      continue;
    }
    while (text[i] === ' ' || text[i] === '\r') i++;
    if (i < text.length && text[i] !== '\n') return null;
    // A header of unquoted or quoted column names may open the table; under one, values are quoted
    // where they must be, and without one, all of them.
    const header = records.length === 0 && isHeader(fields);
    if (!quotedRow && !header && !(records.length > 0 && isHeader(records[0]!))) return null;
    if (fields.length < 2 || (records.length > 0 && fields.length !== records[0]!.length)) return null;
    records.push(fields);
    fields = [];
    quotedRow = true;
    i++;
    while (text[i] === '\n') i++;
    if (i >= text.length) break;
  }
  // (Two rows of plain words are no table with a header: a quoted phrase and its reply.)
  return records.length >= 2 && !(records.length === 2 && isHeader(records[1]!)) ? records : null;
}

const NOT_LETTERS = /[^\p{L}]/gu;
const TIME_OF_DAY = /\b\d{1,2}:\d{2}\b/;

/**
 * A log viewer's CSV export as the messages it holds: the column with the most letters in its
 * distinct values (the message; the others are its time, level and host, numbers or a few words
 * repeated), each value's lines in turn. Only when the first line opens as such a table does (a
 * quote, or a header of column names and commas), and a column holds the entries' times.
 */
export function fromCsvExport(lines: string[]): string[] {
  const first = lines.find((line) => NOT_BLANK.test(line));
  if (!first || !/^(?:"|[@\w][\w .@:-]{0,40}[,;\t])/.test(first) || !/[,;\t]/.test(first)) return lines;
  const records = csvRecords(lines);
  if (!records) return lines;
  const rows = isHeader(records[0]!) ? records.slice(1) : records;
  // A log's export has its entries' times in a column; other tables (an IDE's error list, a query's
  // result) are read as they are.
  if (!rows[0]!.some((_, c) => rows.every((row) => TIME_OF_DAY.test(row[c]!)))) return lines;
  let column = 0;
  let most = -1;
  for (let c = 0; c < rows[0]!.length; c++) {
    let letters = 0;
    for (const value of new Set(rows.map((row) => row[c]!))) letters += value.replace(NOT_LETTERS, '').length;
    if (letters > most) [column, most] = [c, letters];
  }
  return rows.flatMap((row) => row[column]!.split('\n'));
}
