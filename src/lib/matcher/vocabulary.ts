/**
 * The words of the records' signatures and aliases: each word an id, its postings (the records that
 * hold it) and its idf. Similarity and specificity are weighed with these statistics; a record's
 * signature and aliases become token "variants" on first use.
 */
import type { MatcherIndex } from './build.ts';
import { exampleTemplateOf, templateOf, type Template } from './template-fill.ts';
import { endsWithToken, isCjkToken, tokenize } from './tokens.ts';
import { BARE_WORDS_AT_END, CJK_BIGRAM_INFO, COMMON_TOKEN_MIN_RECORDS, COMMON_TOKEN_SHARE, COMMON_WORDED_MIN, DISTINCTIVE_MIN_RECORDS, DISTINCTIVE_SHARE, FIXED_WORDS_MIN, SENTENCE_WORDS_MIN, SHORT_WORD } from './tuning.ts';

/** A record's signature or alias as words: the words, their vocabulary ids, their idfs and the idfs' sum. */
export interface Variant {
  tokens: string[];
  ids: Int32Array;
  idfs: number[];
  weight: number;
  /**
   * A whole wording (wholeWordingsOf) that holds only on a line ending with this word (its own last
   * word): a message of a word or two without the program that printed it.
   */
  atLineEnd?: string;
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
  /**
   * The wordings a line must hold whole to say a record without a pattern (similarity.ts,
   * wholeWording), computed on first use. First, per variant (as variantsOf), the words every
   * message of that wording prints: without the example's values (words that start with a digit,
   * words only inside quotes, URLs, paths and host names) and its opening level word (`Error: `);
   * the variant itself where it has none, or where fewer
   * than FIXED_WORDS_MIN words would be left. Then, of a variant of several sentences, each sentence
   * of at least SENTENCE_WORDS_MIN of those words that holds the variant's most informative one:
   * tools print one sentence of a message on its own (Flux quotes only Helm's second).
   */
  wholeWordingsOf(record: number): readonly Variant[];
  /** Per variant (as variantsOf), its template (template-fill.ts) or null; computed on first use. */
  templatesOf(record: number): readonly (Template | null)[];
  /**
   * The records whose signature is only common words (`Error: Cannot find module '<module>'` beside
   * a dozen other missing-module errors): no word of it is rare enough to find the record as a
   * candidate (similarity.ts), so a line holding the whole signature does. Computed on first use.
   */
  commonWorded(): readonly number[];
}

/** Identifiers as written: CamelCase words, capitals (with `_` or digits), letters followed by a number. */
export const IDENTIFIER = /\b(?:[A-Z][a-z0-9]+){2,}[A-Za-z0-9]*\b|\b[A-Z][A-Z0-9_]{3,}\b|\b[A-Za-z]+\d{3,}\b/g;

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

/**
 * A URL, an absolute path or a host name in an example: where it happened, not what. A host name is
 * dotted lower-case words ending in a common top-level or internal domain (`app.example.com`,
 * `db.internal`), so file names (`package.json`) and dotted identifiers (`java.lang`) are not hosts.
 */
const EXAMPLE_LOCATION = /\bhttps?:\/\/[^\s"'<>)]+|(?<![\w.])\/[\w.-]+(?:\/[\w.-]*)+|(?<![\w.@-])\*?(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|app|local|internal|example|test|cloud|co|svc)(?![\w.-])/g;

/**
 * A value's word: a number with its unit (`231ms`, `5s`), a piece of a uuid or hash. Codes start with
 * letters (`E404`, `TS2307`) and name the error.
 */
const STARTS_WITH_DIGIT = /^\d/;

/**
 * A level word opening an example (`Error: `, `fatal: `, `WARNING: `): how one program or wrapper
 * prints the message, not part of it (GitHub Actions prints `##[error]` instead, which pastes lose).
 */
const LEVEL_PREFIX = /^(?:error|fatal|warning|warn)(?:\[[^\]]*\])?:\s+/i;

/** The end of a sentence inside a message (`… already exists. Unable to continue …`). */
const SENTENCE_END = /\.\s+(?=\S)/;

/** Some of a variant's words (by their positions), as a variant. */
function subset(v: Variant, keep: readonly number[]): Variant {
  const idfs = keep.map((i) => v.idfs[i]!);
  return { tokens: keep.map((i) => v.tokens[i]!), ids: Int32Array.from(keep, (i) => v.ids[i]!), idfs, weight: idfs.reduce((a, b) => a + b, 0) };
}

/** The words in order of first appearance, each once (a handful per text: a scan beats a Set here). */
function distinct(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) if (!out.includes(w)) out.push(w);
  return out;
}

/** Each wording's template: its own, or, for an example, the one read against the record's templates. */
function templatesOfTexts(texts: readonly string[]): (Template | null)[] {
  const own = texts.map(templateOf);
  const templates = own.filter((t): t is Template => t !== null);
  if (templates.length === 0) return own;
  return own.map((t, k) => t ?? exampleTemplateOf(texts[k]!, templates));
}

/** A record's variants: each one's distinct words and their vocabulary ids. */
interface RecordWords {
  tokens: string[][];
  ids: Int32Array[];
  /** Each variant's text, for wholeWordingsOf. */
  texts: string[];
  /** Where the variants without the program naming itself start. */
  bareFrom: number;
}

/**
 * A record's variants as distinct words: its signature, its aliases, then each of those without the
 * program naming itself. Hands each variant's words to `add` (with the record), which gives their ids.
 */
function recordVariants(row: MatcherIndex['rec'][number], r: number, add: (tokens: string[], r: number) => Int32Array): RecordWords {
  const variants: RecordWords = { tokens: [], ids: [], texts: [], bareFrom: 0 };
  const push = (text: string) => {
    const tokens = distinct(tokenize(text));
    variants.tokens.push(tokens);
    variants.ids.push(add(tokens, r));
    variants.texts.push(text);
  };
  push(row[1]);
  const aliases = row[4] ?? [];
  for (const alias of aliases) push(alias);
  // The same message without the program naming itself, after the signature and aliases (so the
  // signature stays the first variant).
  variants.bareFrom = variants.texts.length;
  let bare = withoutProgram(row[1]);
  if (bare !== null) push(bare);
  for (const alias of aliases) {
    bare = withoutProgram(alias);
    if (bare !== null) push(bare);
  }
  return variants;
}

export function buildVocabulary(index: MatcherIndex): Vocabulary {
  const n = index.n;
  const tokenId = new Map<string, number>();
  const postingsById: number[][] = [];
  const recordWords: RecordWords[] = [];
  // (One small function per record rather than one long loop: called thousands of times, it is
  // optimised within the first records, while a loop body run once stays slow code for most of them.)
  const addWords = (tokens: string[], r: number): Int32Array => {
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      let id = tokenId.get(t);
      if (id === undefined) {
        id = postingsById.length;
        tokenId.set(t, id);
        postingsById.push([r]);
      } else {
        const list = postingsById[id]!;
        if (list[list.length - 1] !== r) list.push(r);
      }
      ids[i] = id;
    }
    return ids;
  };
  for (let r = 0; r < n; r++) recordWords.push(recordVariants(index.rec[r]!, r, addWords));
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
    // (By the ids kept from building: hundreds of records' variants are needed on a first paste.)
    const words = recordWords[r]!;
    const built = words.tokens.map((tokens, v) => {
      const ids = words.ids[v]!;
      const idfs: number[] = [];
      let weight = 0;
      for (let i = 0; i < ids.length; i++) {
        const w = idfById[ids[i]!]!;
        idfs.push(w);
        weight += w;
      }
      return { tokens, ids, idfs, weight };
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
  const wordInfo = (t: string) => (idf(t) / maxIdf) * (isCjkToken(t) ? CJK_BIGRAM_INFO : Math.min(1, t.length / SHORT_WORD));
  const wholeWordings: (Variant[] | null)[] = new Array(n).fill(null);
  const wholeWordingsOf = (r: number): Variant[] => {
    const cached = wholeWordings[r];
    if (cached) return cached;
    const all = variantsOf(r);
    const texts = recordWords[r]!.texts;
    const { bareFrom } = recordWords[r]!;
    const built = all.map((v, k) => {
      const text = texts[k]!;
      if (k >= bareFrom && v.tokens.length < BARE_WORDS_AT_END && v.tokens.length > 0) {
        const last = v.tokens[v.tokens.length - 1]!;
        if (endsWithToken(text, last)) return { ...v, atLineEnd: last };
      }
      const level = LEVEL_PREFIX.exec(text);
      // (A cheap test first: most signatures have no quotes, digits or slashes.)
      if (!level && !/["'`\d/.]/.test(text)) return v;
      const body = level ? text.slice(level[0].length) : text;
      const unquoted = new Set(tokenize(body.replace(EXAMPLE_LOCATION, ' '), true));
      const keep: number[] = [];
      for (let i = 0; i < v.tokens.length; i++) if (unquoted.has(v.tokens[i]!) && !STARTS_WITH_DIGIT.test(v.tokens[i]!)) keep.push(i);
      if (keep.length === v.tokens.length || keep.length < FIXED_WORDS_MIN) return v;
      return subset(v, keep);
    });
    const sentences: Variant[] = [];
    built.forEach((v, k) => {
      const parts = texts[k]!.split(SENTENCE_END);
      if (parts.length < 2 || v.tokens.length <= SENTENCE_WORDS_MIN) return;
      let top = 0;
      for (let i = 1; i < v.tokens.length; i++) if (wordInfo(v.tokens[i]!) > wordInfo(v.tokens[top]!)) top = i;
      for (const part of parts) {
        const words = new Set(tokenize(part));
        const keep: number[] = [];
        for (let i = 0; i < v.tokens.length; i++) if (words.has(v.tokens[i]!)) keep.push(i);
        if (keep.length >= SENTENCE_WORDS_MIN && keep.length < v.tokens.length && keep.includes(top)) sentences.push(subset(v, keep));
      }
    });
    return (wholeWordings[r] = sentences.length ? [...built, ...sentences] : built);
  };
  let common: number[] | null = null;
  const commonDf = Math.max(COMMON_TOKEN_MIN_RECORDS, Math.ceil(n * COMMON_TOKEN_SHARE));
  const commonWorded = (): number[] => {
    if (common) return common;
    common = [];
    for (let r = 0; r < n; r++) {
      const ids = recordWords[r]!.ids[0]!;
      let all = ids.length >= COMMON_WORDED_MIN;
      for (let i = 0; all && i < ids.length; i++) all = postingsById[ids[i]!]!.length > commonDf;
      if (all) common.push(r);
    }
    return common;
  };
  const templates: (Template | null)[][] = [];
  // Looked up for hundreds of records per paste: -1 until first use.
  const signatureWeights = new Float64Array(n).fill(-1);
  return {
    tokenId,
    postingsById,
    idfById,
    commonDf,
    commonWorded,
    idf,
    wordInfo,
    variantsOf,
    distinctiveOf,
    wholeWordingsOf,
    templatesOf: (r) => (templates[r] ??= templatesOfTexts(recordWords[r]!.texts)),
    signatureWeight(r) {
      const w = signatureWeights[r]!;
      return w >= 0 ? w : (signatureWeights[r] = variantsOf(r)[0]!.weight);
    },
  };
}
