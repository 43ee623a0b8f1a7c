/**
 * A paste that is only an error's name: one short line such as `CrashLoopBackOff`,
 * `NullPointerException`, `SQLSTATE 23505` or `postgres too many clients`, what people type or copy
 * when that is all they have, alone or in a few words of their own (`how to fix CrashLoopBackOff`).
 * Scored as a message, a name is a small part of its record's wording and stays under the
 * threshold: the reader was told that no record explains an error the knowledge base has a page
 * for. A name says which error it is when few records have a wording that holds every word and
 * number of it: those records are answered at NAME_FLOOR at least, in the order their scores gave
 * them. A name many records share (`connection refused`) says too little to pick one, and a word no
 * record has (`EPIPE`, `SQLSTATE 42P07`) names another error: neither lifts anything. The name
 * may also sit on a line of its own in a short message of the person's (person-lines.ts), or after
 * their lead-in on its line (`… aparece: Failed to configure a DataSource`).
 */
import { numbersIn } from './numbers.ts';
import type { PreparedLine } from './normalize.ts';
import { readsAsPersons, type Paste } from './paste.ts';
import { afterLeadIn, isFurniture, personsLine, QUOTED } from './person-lines.ts';
import type { Scored } from './scoring.ts';
import { tokenize, tokenizeLine } from './tokens.ts';
import { NAME_FILLER_SHARE, NAME_FLOOR, NAME_MAX_HOLDERS, NAME_MAX_WORDS, NAME_MESSAGE_LINES } from './tuning.ts';
import { IDENTIFIER, type Vocabulary } from './vocabulary.ts';

/**
 * The command a name may follow (`git pull: `, `terraform apply fails: `, `helm upgrade fails, `):
 * two words at least, as one is the program's own prefix of its message (`curl: `, `fatal: `).
 */
const COMMAND_BEFORE = /^(?:[\w./-]+(?: [\w./-]+){1,2}(?: fails| failed)?[:,]|(?:why )?(?:does )?[\w./-]+(?: [\w./-]+){0,1} (?:says?|said|shows?|gives?|throws?|prints?|returns?|complains?)(?: about| that)?) +/i;
/** Where or when, after a name (`… in handler`, `… behind AWS NLB`, `… while fine-tuning llama`). */
const CLAUSE_AFTER = / +(?:in|on|at|behind|while|when|during|after|before|without|with|for|from|via|inside|under|using)\b.*$/i;

/** Values in a name: quoted text, paths and addresses (`'@/lib/utils'`, `/srv/app`, `db.internal:5432`). */
const VALUES = new RegExp(`${QUOTED.source}|\\S*[/\\\\@]\\S*`, 'g');
/** Only what quotes mark as a value (a chat's backticks mark the name itself). */
const VALUE_QUOTES = /'[^']*'|"[^"]*"/g;
/** A file's path: from a root (`/srv/app`, `./src/x`, `~/`, `C:\\`), or ending in a file name (`src/App.tsx`). */
const PATH = /^(?:(?:\.{1,2}|~)?[/\\]|[A-Za-z]:\\)\S*$|^\S*[/\\]\S*\.\w{1,5}$/;

/** A name's first word and a colon, then a message (`TypeError: …`). */
const MESSAGE_AFTER = /^(\S+): +\S/;

/** Whether a text holds an identifier (IDENTIFIER, without its global flag). */
const IDENTIFIER_IN = new RegExp(IDENTIFIER.source);

/** The marker of a list's item. */
const LIST_MARK = /^(?:[-*•+]|\d{1,3}[.)])\s+/;

/** Long enough for a Java class with its package (`org.springframework.beans.factory.…Exception`). */
const LONGEST_NAME_WORD = 80;

/**
 * Words a name may carry where its record's wording does not: how bad it is (`error`, `fatal`), and
 * what the person asks of it (`CrashLoopBackOff fix`, `why ECONNREFUSED`, `what does E11000 mean`).
 * (The tokenizer has dropped `what`, `does`, `to` and the other stopwords already.)
 */
const ASIDE_WORDS = new Set(tokenize('error errors err fatal exception warning warn failed failure critical how why fix fixing solve solution mean means meaning getting get got keeps help'));

/**
 * Lifts the records a paste names to NAME_FLOOR (adding those not yet scored).
 * @param domainOf each record's domain number; `domainWords[d]` that domain's words (named-tool.ts)
 * @param numbersOf the numbers of each record's wordings (numbers.ts)
 */
export function namedError(vocabulary: Vocabulary, domainOf: Int32Array, domainWords: readonly (readonly string[])[], numbersOf: (r: number) => ReadonlySet<string>) {
  const n = domainOf.length;
  const fillerDf = Math.max(NAME_MAX_HOLDERS, Math.floor(n * NAME_FILLER_SHARE));
  // The ids of each domain's words, and of all of them.
  const domainIds = domainWords.map((words) => words.flatMap((w) => vocabulary.tokenId.get(w) ?? []));
  const allDomainIds = new Set(domainIds.flat());
  const domainWordSet = new Set(domainWords.flat());
  // The records by the numbers of their wordings, built on the first name that is only a number.
  let byNumber: Map<string, number[]> | null = null;
  const recordsWithNumber = (k: string): readonly number[] => {
    if (!byNumber) {
      byNumber = new Map();
      for (let r = 0; r < n; r++) {
        for (const m of numbersOf(r)) {
          const list = byNumber.get(m);
          if (list) list.push(r);
          else byNumber.set(m, [r]);
        }
      }
    }
    return byNumber.get(k) ?? [];
  };

  /**
   * The line that names the error, and the records it names: the paste's one line, or in a short
   * message the one line that names records while every other line is the person's own words or a
   * channel's furniture (`hey, prod is down since the deploy:`, a fence, `Thanks!`). A command run,
   * or a line of a tool's output besides the name, makes it no message: a log's short lines name
   * records in passing (`ERROR: Job failed: exit code 1`).
   */
  const named = (paste: Paste): { line: PreparedLine; found: number[] } | null => {
    if (paste.lines.length === 1) {
      const found = holders(paste.lines[0]!.text);
      return found.length > 0 ? { line: paste.lines[0]!, found } : null;
    }
    if (paste.lines.length > NAME_MESSAGE_LINES) return null;
    let name: { line: PreparedLine; found: number[] } | null = null;
    let tie = false;
    for (const line of paste.lines) {
      if (line.frame) return null;
      if (isFurniture(line.text)) continue;
      const found = holders(line.text);
      if (found.length === 0) {
        if (!personsLine(line)) return null;
        continue;
      }
      // Of two lines naming different records, the one that names fewer says more (`SDK 1.3.0`
      // under the name names every record of that version); as many, and neither says which.
      if (!name || found.length < name.found.length) (name = { line, found }), (tie = false);
      else if (found.length === name.found.length && found.join() !== name.found.join()) tie = true;
    }
    return tie ? null : name;
  };

  /**
   * A short message of the person's around one identifier's line (`NOT_LEADER_OR_FOLLOWER`, `SQLSTATE
   * 42P07`, `MASTERDOWN Link with MASTER is down`) that names no record: an error the knowledge base
   * does not have, told among the person's words, which say where it happened, not what it is.
   */
  const namesNone = (paste: Paste): boolean => {
    if (paste.lines.length < 2 || paste.lines.length > NAME_MESSAGE_LINES) return false;
    let names = 0;
    for (const line of paste.lines) {
      if (line.frame) return false;
      if (isFurniture(line.text)) continue;
      const short = line.text.trim().split(/\s+/).length <= NAME_MAX_WORDS;
      if (short && IDENTIFIER_IN.test(line.text.replace(VALUE_QUOTES, ' ')) && !readsAsPersons(line.lower)) {
        if (++names > 1 || holders(line.text).length > 0) return false;
      } else if (!personsLine(line)) return false;
    }
    return names === 1;
  };

  const holders = (line: string): number[] => {
    // (A list's marker is no part of the name: `- CrashLoopBackOff`, `2. OOMKilled`.)
    const text = line.trim().replace(LIST_MARK, '');
    // (The length first: one long line is no name, and splitting megabytes costs.)
    if (text.length > NAME_MAX_WORDS * LONGEST_NAME_WORD * 2) return [];
    if (text.split(/\s+/).length > NAME_MAX_WORDS) {
      // The person's words may lead in to the name on its line.
      const after = afterLeadIn(text);
      return after === null ? [] : holders(after);
    }
    // A path or an address alone (`./src/components/SiteHeader.tsx`) is a value, not a name.
    if (PATH.test(text)) return [];
    const found = holdersOf(text);
    if (found.length > 0) return found;
    // Else the name may sit between the command that failed and where it happened (`helm upgrade
    // fails, spec.selector field is immutable`, `… in handler`, `… behind AWS NLB`): the tools the
    // command names still count; where it happened may name others.
    const command = COMMAND_BEFORE.exec(text)?.[0] ?? '';
    const core = text.slice(command.length).replace(CLAUSE_AFTER, '').replace(VALUES, ' ').trim();
    if (core === text || core.split(/\s+/).length < 2) return [];
    // An identifier is never set aside so (`npm install fails with ENOTEMPTY` is ENOTEMPTY's error),
    // unless quoted as a value (`Quota 'NVIDIA_T4_GPUS' exceeded`).
    const kept = new Set(tokenize(core));
    for (const m of text.replace(QUOTED, ' ').matchAll(IDENTIFIER)) if (!tokenize(m[0]).every((t) => kept.has(t))) return [];
    const tools = tokenizeLine(command).filter((t) => domainWordSet.has(t));
    return holdersOf(tools.length > 0 ? `${tools.join(' ')} ${core}` : core);
  };

  const holdersOf = (text: string): number[] => {
    const numbers = [...numbersIn(text, new Set())];
    // An identifier (`CrashLoopBackOff`, `ECONNREFUSED`, `TS2307`) anchors a name: the words around it
    // may be the person's (`I'm getting CrashLoopBackOff on my pods`). Without one, every word must
    // be the error's. Either way, words aside and words most wordings have (`error`, `failed`) name
    // nothing, and an identifier no wording has names another error.
    const identifiers = new Set<string>();
    // (A tool's name in capitals, `CUDA`, `AWS`, is a tool's name.)
    for (const m of text.matchAll(IDENTIFIER)) for (const t of tokenize(m[0])) if (!domainWordSet.has(t)) identifiers.add(t);
    // An identifier with its message after a colon (`TypeError: 'NoneType' object is not iterable`,
    // `RBAC: access denied`; not a level, `FATAL: …`) is a tool's message, whose words are the
    // error's, not the person's.
    const head = MESSAGE_AFTER.exec(text)?.[1] ?? '';
    const messageWords = [...head.matchAll(IDENTIFIER)].some((m) => tokenize(m[0]).some((t) => !ASIDE_WORDS.has(t)));
    const anchored = identifiers.size > 0 && !messageWords;
    const words: number[] = [];
    const anchors = new Set<number>();
    // Tools named that no wording has (`postgres`): the record must be one of theirs.
    const tools: string[] = [];
    // (A message's values, `KeyError: 'user'`, are no words of its error.)
    for (const t of new Set(tokenizeLine(messageWords ? text.replace(VALUES, ' ') : text))) {
      if (ASIDE_WORDS.has(t)) continue;
      const id = vocabulary.tokenId.get(t);
      if (id === undefined && domainWordSet.has(t)) tools.push(t);
      else if (id === undefined && (!anchored || identifiers.has(t))) return [];
      else if (id === undefined) continue;
      else if (identifiers.has(t)) words.push(id), anchors.add(id);
      else if (allDomainIds.has(id)) words.push(id);
      else if (!anchored && vocabulary.postingsById[id]!.length <= fillerDf) words.push(id);
    }
    // Candidates: the records whose wordings have the paste's rarest word that is not a tool's name
    // (a tool's records need not name it), or else its first number.
    let candidates: readonly number[] = [];
    for (const id of words) {
      if (allDomainIds.has(id)) continue;
      if (candidates.length === 0 || vocabulary.postingsById[id]!.length < candidates.length) candidates = vocabulary.postingsById[id]!;
    }
    if (candidates.length === 0 && numbers.length > 0) candidates = recordsWithNumber(numbers[0]!);
    const found: number[] = [];
    for (const r of candidates) {
      if (tools.some((t) => !domainWords[domainOf[r]!]!.includes(t))) continue;
      const domain = domainIds[domainOf[r]!]!;
      const own = words.filter((id) => !domain.includes(id));
      // Besides the tool's name (`docker`, `git`), a name needs a number, two words, or one word
      // that few records have (`CrashLoopBackOff`): `not a git repository` is `repository` here.
      if (numbers.length === 0 && (own.length === 0 || (own.length === 1 && !anchors.has(own[0]!) && vocabulary.postingsById[own[0]!]!.length > NAME_MAX_HOLDERS))) continue;
      if (!numbers.every((k) => numbersOf(r).has(k))) continue;
      // One wording holds every word.
      if (!vocabulary.variantsOf(r).some((v) => own.every((id) => v.ids.includes(id)))) continue;
      found.push(r);
      if (found.length > NAME_MAX_HOLDERS) return [];
    }
    return found;
  };

  const lift = (scored: Scored[], paste: Paste, explain: boolean) => {
    const name = named(paste);
    if (!name) return;
    const { line, found } = name;
    for (const r of found) {
      let s = scored.find((x) => x.r === r);
      if (!s) {
        s = { r, score: 0, evidence: 'similarity', lines: [{ index: line.index, text: line.text, start: -1, end: -1 }], spec: 0, ...(explain ? { why: {} } : {}) };
        scored.push(s);
      }
      if (s.score >= NAME_FLOOR) continue;
      // Above the floor by a hundredth of the score it had: the holders keep their order.
      s.score = NAME_FLOOR + s.score / 100;
      if (s.why) s.why = { ...s.why, named: found.length };
    }
  };

  return { lift, namesNone };
}
