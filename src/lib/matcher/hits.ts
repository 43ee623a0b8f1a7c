/**
 * Step 2 of matching: where the candidates' patterns match. For each alternative of a candidate whose
 * trigrams all occur in the paste, the lines holding all its literal fragments (or, failing that, a
 * block of lines holding them); then the real pattern on those lines, best lines first.
 */
import { execAtWord, execLine } from './engines.ts';
import type { PreparedLine } from './normalize.ts';
import type { Paste } from './paste.ts';
import type { PasteScan } from './prefilter.ts';
import type { RecordPatterns, RecordRuntime } from './record-patterns.ts';
import { BLOCK_LINES, CAUSE_FRAMES, LITERAL_ONLY_SHARE, MAX_HITS_PER_RECORD, MAX_LINES_PER_ALT } from './tuning.ts';

/** A place where a record's pattern matched: a line (or a block starting on it) and the span matched. */
export interface Hit {
  line: PreparedLine;
  /** The match within `line.text`; -1 when only literal fragments were found. */
  start: number;
  end: number;
  /** Specificity of what matched. */
  spec: number;
  /** Matched across the lines of a block. */
  block: boolean;
}

/** Per record, per line (or block start): the best specificity of an alternative whose fragments are all there. */
type SpecsAt = Map<number, Map<number, number>>;

function raise(map: SpecsAt, r: number, at: number, spec: number): void {
  let perLine = map.get(r);
  if (!perLine) map.set(r, (perLine = new Map()));
  if ((perLine.get(at) ?? -1) < spec) perLine.set(at, spec);
}

/** The lines (and blocks) of the paste that hold all fragments of some alternative of each candidate. */
function locate(patterns: RecordPatterns, scan: PasteScan, paste: Paste): { lineSpec: SpecsAt; blockSpec: SpecsAt } {
  const { lines, isBlockStart } = paste;
  const lineSpec: SpecsAt = new Map();
  const blockSpec: SpecsAt = new Map();
  for (const r of scan.candidates) {
    for (const a of patterns.analysed(r)) {
      const alt = patterns.alts[a]!;
      const tris = alt.tris;
      let ok = true;
      for (let i = 0; i < tris.length; i++) {
        if (!scan.has(tris[i]!)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      // Lines to look at: where one of the alternative's key trigrams occurs (every line holding all
      // its fragments is among them), else the lines holding its longest fragment.
      let at: number[] | undefined;
      for (let i = 0; i < tris.length && !at; i++) {
        const code = tris[i]!;
        if (scan.isKey(code)) at = scan.keyLinesOf(code);
      }
      let found = 0;
      const visit = (k: number) => {
        const lower = lines[k]!.lower;
        for (const f of alt.frags) if (!lower.includes(f)) return;
        found++;
        raise(lineSpec, r, k, patterns.specOf(a));
      };
      if (at) {
        for (let j = 0; j < at.length && found < MAX_LINES_PER_ALT; j++) visit(at[j]!);
      } else if (alt.locator === '') {
        for (let k = 0; k < lines.length && found < MAX_LINES_PER_ALT; k++) visit(k);
      } else {
        for (let k = 0; k < lines.length && found < MAX_LINES_PER_ALT; k++) if (lines[k]!.lower.includes(alt.locator)) visit(k);
      }
      if (found > 0 || !at || alt.frags.length < 2 || isBlockStart.length === 0) continue;
      // Blocks holding that trigram, first line at most BLOCK_LINES before it (more when frames
      // stand between an exception and its cause).
      let checked = -1;
      for (let j = 0; j < at.length && found < MAX_LINES_PER_ALT; j++) {
        for (let s = Math.max(0, at[j]! - BLOCK_LINES * (1 + CAUSE_FRAMES), checked + 1); s <= at[j]!; s++) {
          checked = s;
          if (!isBlockStart[s]) continue;
          const text = paste.blockLower(s);
          if (!alt.frags.every((f) => text.includes(f))) continue;
          found++;
          raise(blockSpec, r, s, patterns.specOf(a));
        }
      }
    }
  }
  return { lineSpec, blockSpec };
}

/** Specificity of what actually matched: the richest alternative of the record contained in it. */
export function matchedSpec(patterns: RecordPatterns, rt: RecordRuntime, matched: string): number {
  let spec = 0;
  for (const a of rt.alts ?? []) {
    const alt = patterns.alts[a]!;
    if (patterns.specOf(a) > spec && alt.frags.every((f) => matched.includes(f))) spec = patterns.specOf(a);
  }
  return spec;
}

/** The hits of every record whose pattern matches the paste, best lines first (at most MAX_HITS_PER_RECORD). */
export function findHits(patterns: RecordPatterns, scan: PasteScan, paste: Paste): Map<number, Hit[]> {
  const { lines } = paste;
  const { lineSpec, blockSpec } = locate(patterns, scan, paste);
  const hits = new Map<number, Hit[]>();
  for (const r of new Set([...lineSpec.keys(), ...blockSpec.keys()])) {
    const rt = patterns.records[r]!;
    const found: Hit[] = [];
    const perLine = lineSpec.get(r) ?? new Map<number, number>();
    const order = [...perLine.keys()].sort((x, y) => lines[y]!.err - lines[x]!.err || x - y);
    for (const k of order) {
      const line = lines[k]!;
      const specHere = perLine.get(k) as number;
      const engine = patterns.engineOf(rt);
      if (engine) {
        let m = rt.anchored ? execLine(engine, line.text) : execAtWord(engine, line.text, rt.source);
        let offset = 0;
        // An anchored pattern may match the message once the tool's prefix is taken off.
        if (!m && rt.anchored && line.core !== line.text) {
          m = execLine(engine, line.core);
          offset = line.text.length - line.core.length;
        }
        if (!m) continue;
        const spec = matchedSpec(patterns, rt, line.lower.slice(m.start + offset, m.end + offset));
        found.push({ line, start: m.start + offset, end: m.end + offset, spec: spec || specHere, block: false });
      } else if (rt.literalOnly) {
        const first = patterns.analysed(r).map((a) => patterns.alts[a]!.locator).find((f) => f && line.lower.includes(f)) ?? '';
        const start = first ? line.lower.indexOf(first) : -1;
        found.push({ line, start, end: start >= 0 ? start + first.length : -1, spec: specHere * LITERAL_ONLY_SHARE, block: false });
      }
      if (found.length >= MAX_HITS_PER_RECORD) break;
    }
    // No line matched on its own: the pattern on blocks of lines, its wildcards skipping line breaks.
    // The match must start on the block's first line; the hit is that line's.
    const perBlock = blockSpec.get(r);
    if (found.length === 0 && perBlock) {
      const starts = [...perBlock.keys()].sort((x, y) => lines[y]!.err - lines[x]!.err || x - y);
      const engine = patterns.blockEngineOf(rt);
      for (const s of starts) {
        if (!engine) break;
        const line = lines[s]!;
        const rest = lines.slice(s + 1, paste.blockEnd(s) + 1).map((l) => '\n' + l.text).join('');
        let m = execLine(engine, line.text + rest);
        let offset = 0;
        if (!m && rt.anchored && line.core !== line.text) {
          m = execLine(engine, line.core + rest);
          offset = line.text.length - line.core.length;
        }
        if (!m || m.start + offset >= line.text.length) continue;
        const spec = matchedSpec(patterns, rt, paste.blockLower(s).slice(m.start + offset, m.end + offset));
        found.push({ line, start: m.start + offset, end: Math.min(m.end + offset, line.text.length), spec: spec || (perBlock.get(s) as number), block: true });
        if (found.length >= MAX_HITS_PER_RECORD) break;
      }
    }
    if (found.length > 0) hits.set(r, found);
  }
  return hits;
}
