/**
 * Benchmark queries taken from a corpus itself, so every query has an answer: for an evenly spaced
 * sample of records, the two longest words of the signature (what someone half-remembers), plus those
 * of the error tokens the site promises to find as typed that the corpus contains.
 */
import { readRecordFiles } from '../../src/node/records.ts';

export const TOKEN_QUERIES = ['ERR_MODULE_NOT_FOUND', 'E0502', 'exit code 137', 'connection reset by peer', 'permission denied'];

export function pickQueries(dir: string, count: number): string[] {
  const files = readRecordFiles(dir);
  // Only the tokens this corpus contains: a query without an answer measures nothing.
  const texts = files.map((file) => file.text.toLowerCase());
  const tokens = TOKEN_QUERIES.filter((token) => texts.some((text) => text.includes(token.toLowerCase())));
  const wanted = Math.max(0, count - tokens.length);
  const queries = new Set<string>(tokens);
  const step = Math.max(1, Math.floor(files.length / Math.max(1, wanted)));
  for (let i = 0; i < files.length && queries.size < count; i += step) {
    const signature = String(JSON.parse(texts[i]!).signature ?? '');
    const words = signature.split(/[^\p{L}\p{N}_]+/u).filter((word) => word.length >= 4 && !/^\d+$/.test(word));
    const longest = [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, 2);
    if (longest.length > 0) queries.add(longest.join(' ').toLowerCase());
  }
  return [...queries];
}
