/**
 * Step 3 of matching: how well a record's wording (its signature or an alias) matches the paste's
 * error lines, each alone and with the lines that follow it (messages that span lines), as the F2 of
 * the words they share, weighted by idf. Also finds the records worth comparing at all: those sharing
 * the most signature weight with the error lines.
 *
 * Per paste the error lines' words are marked in bit masks (bit j for the j-th similarity line), so a
 * record's similarity to all of those lines is one pass over its words.
 */
import type { PreparedLine } from './normalize.ts';
import { cutHead, cutOf, type Cut } from './cut-lines.ts';
import { causeAfter, type Paste } from './paste.ts';
import { filledWords, type Template } from './template-fill.ts';
import { endsWithToken, tokenize, tokenizeLine } from './tokens.ts';
import { BLOCK_LINES, HELD_CANDIDATES, OTHER_WORDS, QUOTED_VALUE_WEIGHT, SIMILARITY_CANDIDATES, SIMILARITY_LINES } from './tuning.ts';
import type { Vocabulary } from './vocabulary.ts';

/** A line that may hold a quoted value. */
const QUOTE = /['"`]/;
/**
 * A host name with a port (`kafka-0.kafka-headless.data.svc.cluster.local:9092`, `db.internal:5432`),
 * or a file with its line (`Cart.tsx:42`): a value, as a quoted one is; its words fill the message's
 * `<host>` or `<file>`.
 */
const HOST_PORT = /\b[a-z0-9][\w-]*(?:\.[\w-]+)+:\d{1,5}\b/gi;
/** The shortest error code taken from an exception class's name (withErrorCodes). */
const CODE_MIN = 6;
/**
 * The JVM's banner before an uncaught exception (`Exception in thread "main" java.lang.…`): the
 * runtime's words, not the error's, so they are not compared.
 */
const JVM_BANNER = /^Exception in thread "[^"]*"\s+(?=\S)/;
const message = (text: string) => (text.startsWith('Exception in thread') ? text.replace(JVM_BANNER, '') : text);

/** A template's fixed words as a set, made once per template. */
const fixedSets = new WeakMap<Template, ReadonlySet<string>>();
function fixedWords(template: Template): ReadonlySet<string> {
  let words = fixedSets.get(template);
  if (!words) fixedSets.set(template, (words = new Set(template.words)));
  return words;
}

/** F2 (recall weighted over precision) of the words shared by a record's variant and a line, by idf weight. */
export function f2Of(inter: number, variantWeight: number, lineWeight: number): number {
  const recall = inter / variantWeight;
  const precision = Math.min(1, inter / Math.max(lineWeight, 1e-9));
  return (5 * precision * recall) / (4 * precision + recall);
}

/** The similarity of records to one paste's error lines. */
export interface PasteSimilarity {
  /** Best similarity of a record's wording to a line (alone or with its block). */
  simOf(record: number, line: PreparedLine): number;
  /**
   * Of a line and the lines its block joins to it, the one whose own words are most like the
   * record's: where a message found in a block is printed.
   */
  ownLineOf(record: number, line: PreparedLine): PreparedLine;
  /**
   * A record's similarity to a line (on its own) read against the record's templates: the line's
   * words that fill a template's placeholders (template-fill.ts) do not count as words the record
   * lacks. 0 when no template of the record is filled on the line.
   */
  templateSim(record: number, line: PreparedLine): number;
  /**
   * A record's similarity to a line cut short (cut-lines.ts) read against the head of a wording up
   * to where the line stops; 0 for other lines, or where the line lacks a word of the head.
   */
  cutSim(record: number, line: PreparedLine): number;
  /** The best cutSim of a record on any similarity line. */
  cutCeiling(record: number): number;
  /** A record's similarity to each similarity line of the paste at once (`out[j]` for `paste.simLines[j]`). */
  similarities(record: number, out: Float64Array): void;
  /** The recall of a record's words among all words of the similarity lines: an upper bound on its recall on any one. */
  recallCeiling(record: number): number;
  /** The same for the fixed words of the record's examples read as templates: a bound on templateSim's recall. */
  exampleCeiling(record: number): number;
  /**
   * The similarity lines that name the record, as bits (bit j for the j-th): those holding, alone or
   * with their block, one of its distinctive tokens.
   */
  namingLines(record: number): number;
  /** The share of a record's wording (best variant, by idf) found anywhere in the paste: its context. */
  contextRecall(record: number): number;
  /**
   * Every word of the paste, as tokenised for similarity; with `outsideFrames`, only those of lines
   * that are not stack frames.
   */
  words(outsideFrames?: boolean): ReadonlySet<string>;
  /**
   * The similarity lines holding all the words of one of the record's variants (signature or an
   * alias), alone or with their block, as bits, and the specificity of the most specific such variant.
   * `inside`: the lines that hold a short variant only inside a longer message (Variant.atLineEnd).
   */
  wholeWording(record: number): { lines: number; spec: number; inside: number };
  /**
   * The SIMILARITY_CANDIDATES records with most of their signature's weight in the error lines (ties:
   * first seen), then any other record whose signature one of those lines holds whole.
   */
  candidates: number[];
}

export interface Similarity {
  /** Prepare the comparison of records with a paste. Valid until the next call. */
  forPaste(paste: Paste): PasteSimilarity;
}

export function buildSimilarity(vocabulary: Vocabulary, recordCount: number): Similarity {
  const { tokenId, postingsById, idfById, idf } = vocabulary;
  // Which similarity lines hold each word: bit j for the j-th similarity line, on the line itself
  // (ownLines) and in its block (blockLines). Set per paste for the words of those lines (maskedIds),
  // cleared before the next.
  const ownLines = new Int32Array(tokenId.size);
  const blockLines = new Int32Array(tokenId.size);
  const maskedIds: number[] = [];
  const interOwn = new Float64Array(SIMILARITY_LINES);
  const interBlock = new Float64Array(SIMILARITY_LINES);
  // Candidate accumulation: shared signature weight per record, stamped per paste.
  const accStamp = new Int32Array(recordCount);
  const accWeight = new Float64Array(recordCount);
  let stamp = 0;

  function maskLine(tokens: Set<string>, masks: Int32Array, bit: number): void {
    for (const t of tokens) {
      const id = tokenId.get(t);
      if (id === undefined) continue;
      if (ownLines[id] === 0 && blockLines[id] === 0) maskedIds.push(id);
      masks[id]! |= bit;
    }
  }

  /**
   * An SDK's exception class named after the service's error code (`NoSuchBucketException` for S3's
   * `NoSuchBucket`, `AccessDeniedException`): the line also holds the code, when a record's wording
   * names it. Added only for codes in the vocabulary: an unknown word would only dilute the line.
   */
  function withErrorCodes(tokens: Set<string>): Set<string> {
    for (const t of tokens) {
      const cut = t.endsWith('exception') ? 9 : 0;
      if (cut === 0 || t.length - cut < CODE_MIN) continue;
      const code = t.slice(0, -cut);
      if (tokenId.has(code)) tokens.add(code);
    }
    return tokens;
  }

  function lineSimilarity(r: number, lineTokens: Set<string>, lineWeight: number): number {
    let best = 0;
    for (const v of vocabulary.variantsOf(r)) {
      if (v.weight === 0) continue;
      let inter = 0;
      for (let i = 0; i < v.tokens.length; i++) if (lineTokens.has(v.tokens[i]!)) inter += v.idfs[i]!;
      if (inter === 0) continue;
      const f2 = f2Of(inter, v.weight, lineWeight);
      if (f2 > best) best = f2;
    }
    return best;
  }

  function forPaste(paste: Paste): PasteSimilarity {
    if (++stamp > 2_000_000_000) {
      accStamp.fill(0);
      stamp = 1;
    }
    const { lines, multi, simLines } = paste;
    const tokenCache = new Map<number, Set<string>>();
    const tokensOf = (k: number) => {
      let t = tokenCache.get(k);
      if (!t) tokenCache.set(k, (t = withErrorCodes(new Set(tokenizeLine(message(lines[k]!.text))))));
      return t;
    };
    // Words of a line outside quotes: a quoted value (`"system:serviceaccount:ops:reporter"`, `'prod'`)
    // fills a placeholder of the message (`"<user>"`), so its words weigh less in the line's weight.
    const plainCache = new Map<number, Set<string>>();
    const plainOf = (k: number) => {
      let t = plainCache.get(k);
      if (!t) {
        const text = message(lines[k]!.text);
        const hosts = text.includes(':') && HOST_PORT.test(text);
        HOST_PORT.lastIndex = 0;
        plainCache.set(k, (t = hosts ? withErrorCodes(new Set(tokenize(text.replace(HOST_PORT, ' '), true))) : QUOTE.test(text) ? withErrorCodes(new Set(tokenize(text, true))) : tokensOf(k)));
      }
      return t;
    };
    const weightOf = (tokens: Set<string>, plain: (t: string) => boolean, skip?: ReadonlySet<string>) => {
      let w = 0;
      for (const t of tokens) if (!skip?.has(t)) w += plain(t) ? idf(t) : idf(t) * QUOTED_VALUE_WEIGHT;
      return w;
    };
    // A line's words, and with the lines that follow it (a block), with their weights.
    const unitCache = new Map<number, { tokens: Set<string>; weight: number }[]>();
    const units = (line: PreparedLine) => {
      const cached = unitCache.get(line.index);
      if (cached) return cached;
      const own = tokensOf(line.index);
      const ownPlain = plainOf(line.index);
      const out = [{ tokens: own, weight: weightOf(own, (t) => ownPlain.has(t)) }];
      if (multi && line.index + 1 < lines.length) {
        const block = new Set(own);
        const plains = [ownPlain];
        for (let k = line.index + 1, taken = 0; k < lines.length && taken < BLOCK_LINES; k++, taken++) {
          if (lines[k]!.frame) {
            // An exception's cause after its frames continues the message.
            const cause = causeAfter(lines, k);
            if (cause < 0) break;
            k = cause;
          }
          for (const t of tokensOf(k)) block.add(t);
          plains.push(plainOf(k));
        }
        if (block.size > own.size) out.push({ tokens: block, weight: weightOf(block, (t) => plains.some((p) => p.has(t))) });
      }
      unitCache.set(line.index, out);
      return out;
    };
    // The lines are those `units` joins into a block.
    const ownLineOf = (r: number, line: PreparedLine) => {
      if (!multi) return line;
      let best = line;
      let bestSim = lineSimilarity(r, tokensOf(line.index), units(line)[0]!.weight);
      for (let k = line.index + 1, taken = 0; k < lines.length && taken < BLOCK_LINES; k++, taken++) {
        if (lines[k]!.frame) {
          const cause = causeAfter(lines, k);
          if (cause < 0) break;
          k = cause;
        }
        const own = tokensOf(k);
        const plain = plainOf(k);
        const sim = lineSimilarity(r, own, weightOf(own, (t) => plain.has(t)));
        if (sim > bestSim) {
          bestSim = sim;
          best = lines[k]!;
        }
      }
      return best;
    };
    // A line's words in printed order, for reading it against templates.
    const orderCache = new Map<number, string[]>();
    const templateSim = (r: number, line: PreparedLine) => {
      const templates = vocabulary.templatesOf(r);
      let best = 0;
      for (let k = 0; k < templates.length; k++) {
        const template = templates[k];
        if (!template) continue;
        let order = orderCache.get(line.index);
        if (!order) orderCache.set(line.index, (order = tokenizeLine(message(line.text))));
        const filled = filledWords(template, order);
        if (filled.size === 0) continue;
        const v = vocabulary.variantsOf(r)[k]!;
        const tokens = tokensOf(line.index);
        // Only the template's fixed words count: an example's values (exampleTemplateOf) are not
        // the record's words, the line's are what fills their places.
        const fixed = fixedWords(template);
        let inter = 0;
        let absent = 0;
        for (let i = 0; i < v.tokens.length; i++) {
          if (!fixed.has(v.tokens[i]!)) absent += v.idfs[i]!;
          else if (tokens.has(v.tokens[i]!)) inter += v.idfs[i]!;
        }
        if (inter === 0 || v.weight - absent <= 0) continue;
        // An example is read as a template only where the line holds all its fixed words: a line
        // missing one is another error of that family, not an instance with other values.
        if (absent > 0 && inter < v.weight - absent - 1e-9) continue;
        const plain = plainOf(line.index);
        const f2 = f2Of(inter, v.weight - absent, weightOf(tokens, (t) => plain.has(t), filled));
        if (f2 > best) best = f2;
      }
      return best;
    };
    // A line cut short (cut-lines.ts): read against the head of a wording, up to where it stops.
    const cutCache = new Map<number, Cut | null>();
    const cutSim = (r: number, line: PreparedLine) => {
      let cut = cutCache.get(line.index);
      if (cut === undefined) cutCache.set(line.index, (cut = cutOf(line.text, (t) => tokenId.has(t))));
      if (!cut) return 0;
      const tokens = tokensOf(line.index);
      let best = 0;
      for (const v of vocabulary.variantsOf(r)) {
        const head = cutHead(v.tokens, v.idfs, tokens, cut);
        if (head.weight === 0) continue;
        // (The beginning of a word is no word of the line's own: it does not weigh on precision.)
        const plain = plainOf(line.index);
        const f2 = f2Of(head.weight, head.weight, weightOf(tokens, (t) => plain.has(t), head.partial ? new Set([cut.last]) : undefined));
        if (f2 > best) best = f2;
      }
      return best;
    };
    // The best cutSim of a record over the similarity lines: a bound on what reading a cut line adds.
    const cutCeiling = (r: number) => {
      let best = 0;
      for (const line of simLines) best = Math.max(best, cutSim(r, line));
      return best;
    };
    const simOf = (r: number, line: PreparedLine) => {
      let best = 0;
      for (const u of units(line)) best = Math.max(best, lineSimilarity(r, u.tokens, u.weight));
      return best;
    };

    // Mark the similarity lines' words.
    for (const id of maskedIds) {
      ownLines[id] = 0;
      blockLines[id] = 0;
    }
    maskedIds.length = 0;
    const width = simLines.length;
    const ownWeight = new Float64Array(width);
    const blockWeight = new Float64Array(width);
    for (let j = 0; j < width; j++) {
      const [own, block] = units(simLines[j]!);
      ownWeight[j] = own!.weight;
      maskLine(own!.tokens, ownLines, 1 << j);
      if (block) {
        blockWeight[j] = block.weight;
        maskLine(block.tokens, blockLines, 1 << j);
      }
    }

    /** Whether one similarity line, on its own, holds every word of the record's signature. */
    const heldByOneLine = (r: number) => {
      const ids = vocabulary.variantsOf(r)[0]!.ids;
      let held = ids.length > 0 ? -1 : 0;
      for (let i = 0; i < ids.length && held !== 0; i++) held &= ownLines[ids[i]!]!;
      return held !== 0;
    };

    // Records sharing words with the similarity lines, first seen first, with the weight shared.
    const accRecords: number[] = [];
    for (const line of simLines) {
      const us = units(line);
      for (const t of us[us.length - 1]!.tokens) {
        const id = tokenId.get(t);
        if (id === undefined) continue;
        const list = postingsById[id]!;
        if (list.length > vocabulary.commonDf) continue;
        const w = idfById[id]!;
        for (const r of list) {
          if (accStamp[r] !== stamp) {
            accStamp[r] = stamp;
            accWeight[r] = 0;
            accRecords.push(r);
          }
          accWeight[r]! += w;
        }
      }
    }
    // A signature of only common words (none of them found the record above) held whole by one line.
    for (const r of vocabulary.commonWorded()) {
      if (accStamp[r] === stamp || !heldByOneLine(r)) continue;
      accStamp[r] = stamp;
      accWeight[r] = vocabulary.signatureWeight(r);
      accRecords.push(r);
    }
    const topR: number[] = [];
    const topW: number[] = [];
    for (const r of accRecords) {
      const share = accWeight[r]! / Math.max(1e-9, vocabulary.signatureWeight(r));
      if (topR.length === SIMILARITY_CANDIDATES && share <= topW[topW.length - 1]!) continue;
      let at = topW.length;
      while (at > 0 && topW[at - 1]! < share) at--;
      topR.splice(at, 0, r);
      topW.splice(at, 0, share);
      if (topR.length > SIMILARITY_CANDIDATES) {
        topR.pop();
        topW.pop();
      }
    }

    // A record whose signature one line holds whole is a candidate, whatever its share: a signature
    // of mostly common words (`ssh: connect to host <host> port <port>: Connection timed out`) shares
    // little weight, and a long log's other error lines give many records more.
    if (accRecords.length > topR.length) {
      const inTop = new Set(topR);
      const most = topR.length + HELD_CANDIDATES;
      for (const r of accRecords) {
        if (topR.length === most) break;
        if (!inTop.has(r) && heldByOneLine(r)) topR.push(r);
      }
    }

    /**
     * simOf(r, line) for every similarity line at once, from the masks. Per line, the sums run over the
     * same words in the same order as in lineSimilarity, so the values are the same to the last bit.
     */
    const similarities = (r: number, out: Float64Array) => {
      out.fill(0, 0, width);
      for (const v of vocabulary.variantsOf(r)) {
        if (v.weight === 0) continue;
        interOwn.fill(0, 0, width);
        interBlock.fill(0, 0, width);
        for (let i = 0; i < v.ids.length; i++) {
          const id = v.ids[i]!;
          const w = v.idfs[i]!;
          for (let m = ownLines[id]!; m !== 0; m &= m - 1) interOwn[31 - Math.clz32(m & -m)]! += w;
          for (let m = blockLines[id]!; m !== 0; m &= m - 1) interBlock[31 - Math.clz32(m & -m)]! += w;
        }
        for (let j = 0; j < width; j++) {
          if (interOwn[j] !== 0) {
            const f2 = f2Of(interOwn[j]!, v.weight, ownWeight[j]!);
            if (f2 > out[j]!) out[j] = f2;
          }
          if (interBlock[j] !== 0) {
            const f2 = f2Of(interBlock[j]!, v.weight, blockWeight[j]!);
            if (f2 > out[j]!) out[j] = f2;
          }
        }
      }
    };

    // The recall of an example's fixed words (exampleTemplateOf) among all words of the similarity
    // lines: templateSim may read a line so, above what recallCeiling allows.
    const exampleCeiling = (r: number) => {
      const templates = vocabulary.templatesOf(r);
      const variants = vocabulary.variantsOf(r);
      let best = 0;
      for (let k = 0; k < templates.length; k++) {
        const template = templates[k];
        const v = variants[k]!;
        if (!template || template.words.length >= v.tokens.length) continue;
        const fixed = fixedWords(template);
        let inter = 0;
        let weight = 0;
        for (let i = 0; i < v.ids.length; i++) {
          if (!fixed.has(v.tokens[i]!)) continue;
          weight += v.idfs[i]!;
          if ((ownLines[v.ids[i]!]! | blockLines[v.ids[i]!]!) !== 0) inter += v.idfs[i]!;
        }
        if (weight > 0 && inter / weight > best) best = inter / weight;
      }
      return best;
    };

    const recallCeiling = (r: number) => {
      let best = 0;
      for (const v of vocabulary.variantsOf(r)) {
        if (v.weight === 0) continue;
        let inter = 0;
        for (let i = 0; i < v.ids.length; i++) if ((ownLines[v.ids[i]!]! | blockLines[v.ids[i]!]!) !== 0) inter += v.idfs[i]!;
        if (inter / v.weight > best) best = inter / v.weight;
      }
      return best;
    };

    const namingLines = (r: number) => {
      let bits = 0;
      for (const t of vocabulary.distinctiveOf(r)) {
        const id = tokenId.get(t)!;
        bits |= ownLines[id]! | blockLines[id]!;
      }
      return bits;
    };

    // Every word of the paste, and those outside stack frames, computed when first asked for.
    let pasteTokens: Set<string> | null = null;
    let unframedTokens: Set<string> | null = null;
    let hasFrames: boolean | undefined;
    const words = (outsideFrames = false): Set<string> => {
      // Without stack frames (most pastes) both are one set.
      if (outsideFrames && (hasFrames ??= lines.some((l) => l.frame))) {
        if (!unframedTokens) {
          unframedTokens = new Set<string>();
          for (let k = 0; k < lines.length; k++) if (!lines[k]!.frame) for (const t of tokensOf(k)) unframedTokens.add(t);
        }
        return unframedTokens;
      }
      if (!pasteTokens) {
        pasteTokens = new Set<string>();
        for (let k = 0; k < lines.length; k++) for (const t of tokensOf(k)) pasteTokens.add(t);
      }
      return pasteTokens;
    };
    const contextRecall = (r: number) => {
      const pasteTokens = words();
      let best = 0;
      for (const v of vocabulary.variantsOf(r)) {
        if (v.weight === 0) continue;
        let inter = 0;
        for (let i = 0; i < v.tokens.length; i++) if (pasteTokens.has(v.tokens[i]!)) inter += v.idfs[i]!;
        if (inter / v.weight > best) best = inter / v.weight;
      }
      return best;
    };

    const wholeWording = (r: number) => {
      let lines = 0;
      let spec = 0;
      let inside = 0;
      for (const v of vocabulary.wholeWordingsOf(r)) {
        if (v.ids.length === 0) continue;
        let mask = -1;
        // Across a block, the message starts on its first line: one of the words must be there.
        let starts = 0;
        for (let i = 0; i < v.ids.length && mask !== 0; i++) {
          mask &= ownLines[v.ids[i]!]! | blockLines[v.ids[i]!]!;
          starts |= ownLines[v.ids[i]!]!;
        }
        mask &= starts;
        if (mask === 0) continue;
        if (v.atLineEnd) {
          // Held inside a longer line, a short message is part of another one: not whole there.
          for (let m = mask; m !== 0; m &= m - 1) {
            const j = 31 - Math.clz32(m & -m);
            if (endsWithToken(simLines[j]!.text, v.atLineEnd)) continue;
            mask &= ~(1 << j);
            inside |= 1 << j;
          }
        }
        let sum = 0;
        let most = 0;
        for (const t of v.tokens) {
          const info = vocabulary.wordInfo(t);
          sum += info;
          if (info > most) most = info;
        }
        const vs = most + OTHER_WORDS * (sum - most);
        if (vs > spec) spec = vs;
        lines |= mask;
      }
      return { lines, spec, inside: inside & ~lines };
    };

    return { simOf, templateSim, cutSim, cutCeiling, ownLineOf, similarities, recallCeiling, exampleCeiling, namingLines, contextRecall, words, wholeWording, candidates: topR };
  }

  return { forPaste };
}
