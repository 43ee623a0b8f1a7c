/**
 * The words of the records' signatures and aliases: each word an id, its postings (the records that
 * hold it) and its idf. Similarity and specificity are weighed with these statistics; a record's
 * signature and aliases become token "variants" on first use.
 */
import type { MatcherIndex } from './build.ts';
import { isCjkToken, tokenize } from './tokens.ts';
import { CJK_BIGRAM_INFO, COMMON_TOKEN_MIN_RECORDS, COMMON_TOKEN_SHARE, DISTINCTIVE_MIN_RECORDS, DISTINCTIVE_SHARE, SHORT_WORD } from './tuning.ts';

/** A record's signature or alias as words: the words, their vocabulary ids, their idfs and the idfs' sum. */
export interface Variant {
  tokens: string[];
  ids: Int32Array;
  idfs: number[];
  weight: number;
}

export interface Vocabulary {
  /** Word -> id, in order of first appearance. */
  readonly tokenId: ReadonlyMap<string, number>;
  /** Per word id, the records whose signature or aliases hold it (ascending): its document frequency is their number. */
  readonly postingsById: readonly number[][];
  readonly idfById: Float64Array;
  /** Words in more records than this are too common to find candidates by. */
  readonly commonDf: number;
  /** idf of a word; words no record uses get the highest. */
  idf(token: string): number;
  /**
   * Information in one literal word of a pattern, in [0, 1]: its rarity among signatures (idf / max
   * idf), scaled down for short words: `wai` or `ld` occur inside many other words and say little.
   * A CJK bigram is not a short word, but two of them overlap in one character: see CJK_BIGRAM_INFO.
   */
  wordInfo(token: string): number;
  /** A record's token variants (signature, then aliases) with their idf weights, computed on first use. */
  variantsOf(record: number): Variant[];
  /** The weight of a record's signature (its first variant). */
  signatureWeight(record: number): number;
  /** A record's distinctive tokens (see DISTINCTIVE_SHARE), computed on first use; often none. */
  distinctiveOf(record: number): readonly string[];
}

/** Identifiers as written: CamelCase words, capitals (with `_` or digits), letters followed by a number. */
const IDENTIFIER = /\b(?:[A-Z][a-z0-9]+){2,}[A-Za-z0-9]*\b|\b[A-Z][A-Z0-9_]{3,}\b|\b[A-Za-z]+\d{3,}\b/g;

/**
 * `psql: error: `, `curl: (6) `, `ssh: `: a lower-case program name and a colon opening a message, with
 * what the program adds before the message itself (a level, a code in brackets). Levels are not programs.
 */
const PROGRAM_PREFIX = /^(?!(?:error|fatal|warning|warn|info|note|panic|hint|caused by)\b)[a-z][a-z0-9.+-]{1,20}: (?:(?:error|fatal|warning):\s*|\(\d+\)\s*)?/;

/**
 * A message as it reaches a log through the program's library or another client, without the program
 * naming itself (`psql: error: connection to server at … failed` printed by psycopg2 as
 * `connection to server at … failed`); null when the text does not open with a program name, or
 * nothing of at least two words is left.
 */
export function withoutProgram(text: string): string | null {
  // (A cheap test first: this runs over every signature and alias when a worker loads the index.)
  const c = text.charCodeAt(0);
  const colon = text.indexOf(': ');
  if (c < 97 || c > 122 || colon < 2 || colon > 21) return null;
  const m = PROGRAM_PREFIX.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  return tokenize(rest).length >= 2 ? rest : null;
}

export function buildVocabulary(index: MatcherIndex): Vocabulary {
  const n = index.n;
  const tokenId = new Map<string, number>();
  const postingsById: number[][] = [];
  const variantTokens: string[][][] = [];
  for (let r = 0; r < n; r++) {
    const row = index.rec[r]!;
    const variants = [[...new Set(tokenize(row[1]))]];
    for (const alias of row[4] ?? []) variants.push([...new Set(tokenize(alias))]);
    // The same message without the program naming itself, after the signature and aliases (so the
    // signature stays the first variant).
    for (const text of [row[1], ...(row[4] ?? [])]) {
      const bare = withoutProgram(text);
      if (bare !== null) variants.push([...new Set(tokenize(bare))]);
    }
    variantTokens.push(variants);
    for (const v of variants) {
      for (const t of v) {
        const id = tokenId.get(t);
        if (id === undefined) {
          tokenId.set(t, postingsById.length);
          postingsById.push([r]);
        } else {
          const list = postingsById[id]!;
          if (list[list.length - 1] !== r) list.push(r);
        }
      }
    }
  }
  const maxIdf = Math.log(1 + n);
  const idfById = Float64Array.from(postingsById, (list) => Math.log(1 + n / list.length));
  const idf = (t: string) => {
    const id = tokenId.get(t);
    return id === undefined ? maxIdf : idfById[id]!;
  };
  const variants: (Variant[] | null)[] = new Array(n).fill(null);
  const variantsOf = (r: number): Variant[] => {
    const cached = variants[r];
    if (cached) return cached;
    const built = variantTokens[r]!.map((tokens) => {
      const idfs = tokens.map(idf);
      return { tokens, ids: Int32Array.from(tokens, (t) => tokenId.get(t)!), idfs, weight: idfs.reduce((s, w) => s + w, 0) };
    });
    variants[r] = built;
    return built;
  };
  const distinctiveMaxDf = Math.max(DISTINCTIVE_MIN_RECORDS, Math.ceil(n * DISTINCTIVE_SHARE));
  const distinctive: (string[] | null)[] = new Array(n).fill(null);
  const distinctiveOf = (r: number): string[] => {
    const cached = distinctive[r];
    if (cached) return cached;
    const row = index.rec[r]!;
    const found = new Set<string>();
    for (const text of [row[1], ...(row[4] ?? [])]) {
      for (const m of text.matchAll(IDENTIFIER)) {
        for (const t of tokenize(m[0])) {
          const id = tokenId.get(t);
          if (id !== undefined && postingsById[id]!.length <= distinctiveMaxDf) found.add(t);
        }
      }
    }
    return (distinctive[r] = [...found]);
  };
  // Looked up for hundreds of records per paste: -1 until first use.
  const signatureWeights = new Float64Array(n).fill(-1);
  return {
    tokenId,
    postingsById,
    idfById,
    commonDf: Math.max(COMMON_TOKEN_MIN_RECORDS, Math.ceil(n * COMMON_TOKEN_SHARE)),
    idf,
    wordInfo: (t) => (idf(t) / maxIdf) * (isCjkToken(t) ? CJK_BIGRAM_INFO : Math.min(1, t.length / SHORT_WORD)),
    variantsOf,
    distinctiveOf,
    signatureWeight(r) {
      const w = signatureWeights[r]!;
      return w >= 0 ? w : (signatureWeights[r] = variantsOf(r)[0]!.weight);
    },
  };
}
