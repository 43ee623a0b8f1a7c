/**
 * A JSON log object whose message fields replaced it (normalize.ts) is still tried, as printed, by
 * the patterns written for it: an alternative that spells the object's keys (Envoy's access log
 * `"response_flags":"UF"`, GitLab's `"failure_reason":"job_execution_timeout"`, MongoDB's
 * `"msg":"Authentication failed"`) can only match the object itself, and without this it never
 * saw it once a field such as `upstream_transport_failure_reason` had been read as the message.
 * Only those alternatives look at the object: a pattern written for a message (`time.*drift`)
 * would match anywhere in a long line of fields. The hit is the line read from the object.
 */
import type { MatcherIndex } from './build.ts';
import { execLine } from './engines.ts';
import { matchedSpec, type Hit } from './hits.ts';
import type { PreparedLine } from './normalize.ts';
import type { Paste } from './paste.ts';
import type { RecordPatterns } from './record-patterns.ts';
import { MAX_LINES_PER_ALT } from './tuning.ts';

/** A key of a JSON object as a pattern spells it: `"msg":` or, escaped in the source, `\"msg\":`. */
const SPELLS_JSON_KEY = /\\?"[\w.@$-]+\\?"\s*:/;

/** The records whose pattern spells a JSON key somewhere (a handful): found once, by their source. */
export function jsonKeyRecords(index: MatcherIndex): number[] {
  const out: number[] = [];
  for (let r = 0; r < index.n; r++) if (SPELLS_JSON_KEY.test(index.rec[r]![2])) out.push(r);
  return out;
}

/** Adds the hits of those records' key-spelling alternatives on the objects as printed. */
export function addPrintedObjectHits(patterns: RecordPatterns, paste: Paste, hits: Map<number, Hit[]>, records: readonly number[]): void {
  if (records.length === 0) return;
  const objects: { line: PreparedLine; lower: string }[] = [];
  for (const line of paste.lines) if (line.printed !== undefined) objects.push({ line, lower: line.printed.toLowerCase() });
  if (objects.length === 0) return;
  for (const r of records) {
    if (hits.has(r)) continue;
    const rt = patterns.records[r]!;
    const alts = patterns.analysed(r).filter((a) => patterns.alts[a]!.frags.some((f) => f.includes('":')));
    if (alts.length === 0) continue;
    const engine = patterns.engineOf(rt);
    if (!engine) continue;
    let tried = 0;
    for (const { line, lower } of objects) {
      if (tried >= MAX_LINES_PER_ALT) break;
      if (!alts.some((a) => patterns.alts[a]!.frags.every((f) => lower.includes(f)))) continue;
      tried++;
      const m = execLine(engine, line.printed!);
      if (!m) continue;
      const spec = matchedSpec(patterns, rt, lower.slice(m.start, m.end)) || Math.max(...alts.map((a) => patterns.specOf(a)));
      hits.set(r, [{ line, start: -1, end: -1, spec, block: false }]);
      break;
    }
  }
}
