/**
 * The tool the paste names: a record's domain (the part of its id before `/`) is mostly the tool
 * or service it is about (`docker`, `nginx`, `kubernetes`, `kafka`). When the first result's domain
 * is not named anywhere in the paste (outside its stack frames) and another result within TOOL_TIE
 * of its score has a domain the paste names, that one goes first: nginx's bind error and Docker's port error hit one line
 * about equally, and `docker compose up` a few lines above says which. Only the order changes; the
 * best score, and so whether to answer, stays as it was.
 */
import type { Scored } from './scoring.ts';
import { tokenize } from './tokens.ts';
import { TOOL_TIE } from './tuning.ts';
import { TWIN_ABOVE } from './twins.ts';

/** The words of each domain (`github-actions`: github, actions), by the domain numbers of `domainOf`. */
export function domainWordsOf(ids: readonly string[], domainOf: Int32Array): string[][] {
  const words: string[][] = [];
  for (let r = 0; r < ids.length; r++) {
    const id = ids[r]!;
    words[domainOf[r]!] ??= tokenize(id.slice(0, Math.max(0, id.indexOf('/'))).replace(/[-_.]+/g, ' '));
  }
  return words;
}

/**
 * Whether the paste names a record's domain: all its words, outside stack frames. Frames do not name
 * the tool: they name the runtime and the libraries the code ran through (`at
 * TCPConnectWrap.afterConnect (node:net:1595:16)` in any Node.js program's error).
 */
export function domainNamer(domainWords: readonly (readonly string[])[], domainOf: Int32Array, pasteWords: (outsideFrames?: boolean) => ReadonlySet<string>): (r: number) => boolean {
  return (r) => {
    const words = domainWords[domainOf[r]!] ?? [];
    return words.length > 0 && words.every((w) => pasteWords(true).has(w));
  };
}

export function preferNamedTool(scored: Scored[], names: (r: number) => boolean): void {
  const named = (s: Scored) => names(s.r);
  // A wrapper that yielded to an earlier error keeps its full score for answering alone (scoring.ts,
  // `wrapperWhenAlone`) only when the paste names its tool.
  for (const s of scored) if (s.unyielded !== undefined && !named(s)) delete s.unyielded;
  if (scored.length < 2) return;
  let bestScore = -Infinity;
  for (const s of scored) if (s.score > bestScore) bestScore = s.score;
  // Every result with the best score must name the tool: which of two equal scores ranks first is
  // decided later, by tie-breaks that know nothing of the paste.
  if (scored.every((s) => s.score < bestScore || named(s))) return;
  let pick: Scored | null = null;
  for (const s of scored) if (s.score >= bestScore * TOOL_TIE && (!pick || s.score > pick.score) && named(s)) pick = s;
  if (!pick) return;
  pick.score = bestScore + TWIN_ABOVE;
  if (pick.why) pick.why = { ...pick.why, toolNamed: 1 };
}
