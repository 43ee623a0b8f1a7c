/**
 * The editorial rules of the shipped knowledge base, beyond the format: what makes a record good
 * enough to publish here. `npm run check:content` reports them with the format's problems (same
 * `<file>: <field>: <message>` lines), and the content tests run each rule as a test, so one command
 * tells an author everything.
 *
 * Pure: the caller reads the records, their example messages and the declared overlaps.
 */
import { re2Engine } from '../matcher/engines.ts';
import { analyzePattern } from '../matcher/patterns.ts';
import type { Re2Like } from '../matcher/types.ts';
import { compileRecordRegex } from '../regex/dialect.ts';
import { edgeTarget, INVERSE_RELATION, RELATION_KINDS, type ErrorRecord, type RelationKind } from './schema.ts';
import type { Problem } from './validate.ts';

/** Two records whose patterns knowingly overlap: `regex_of`'s pattern matches an example of `matches_example_of`. */
export interface Overlap {
  regex_of: string;
  matches_example_of: string;
  reason: string;
}

export interface KnowledgeBase {
  /** Valid records, as the format check returned them. */
  records: readonly ErrorRecord[];
  /** Example messages per record id (`tests/content/examples/<domain>.json`). */
  examples: ReadonlyMap<string, readonly string[]>;
  /** Where each set of examples is kept, for reports: `tests/content/examples/<domain>.json`. */
  examplesFile: (domain: string) => string;
  overlaps: readonly Overlap[];
  overlapsFile: string;
  /** The matcher's linear-time engine (re2js's `RE2JS`), which runs the patterns that could backtrack. */
  linearEngine: Re2Like;
}

export interface Rule {
  name: string;
  check(kb: KnowledgeBase): Problem[];
}

const MIN_EXAMPLES = 3;
const MIN_WORKAROUNDS = 2;
const MIN_DEAD_ENDS = 2;
const MIN_OVERLAP_REASON = 20;
const CJK = /[\u3400-\u9fff]/;

const fileOf = (id: string) => `${id}.json`;
const error = (file: string, field: string, message: string, got?: unknown): Problem =>
  got === undefined ? { severity: 'error', file, field, message } : { severity: 'error', file, field, message, got };

function regexOf(record: ErrorRecord): RegExp | null {
  const compiled = compileRecordRegex(record.regex ?? '');
  return compiled.ok ? compiled.regex : null;
}

/** The texts a record's regex must match: its signature, aliases (localized ones too) and example messages. */
function textsOf(record: ErrorRecord, kb: KnowledgeBase): string[] {
  return [record.signature, ...(record.aliases ?? []), ...(record.localized_aliases ?? []).map((alias) => alias.text), ...(kb.examples.get(record.id) ?? [])];
}

const examples: Rule = {
  name: `every record has at least ${MIN_EXAMPLES} example messages, and every example belongs to a record`,
  check(kb) {
    const problems: Problem[] = [];
    const known = new Set(kb.records.map((record) => record.id));
    for (const record of kb.records) {
      const count = kb.examples.get(record.id)?.length ?? 0;
      if (count < MIN_EXAMPLES) problems.push(error(kb.examplesFile(record.domain), record.id, `needs at least ${MIN_EXAMPLES} example messages as the tool prints them`, count));
    }
    for (const id of kb.examples.keys()) {
      if (!known.has(id)) problems.push(error(kb.examplesFile(id.split('/')[0] ?? id), id, 'is not the id of a record'));
    }
    return problems;
  },
};

const ownTexts: Rule = {
  name: 'every regex matches its own signature, aliases and examples',
  check(kb) {
    const problems: Problem[] = [];
    for (const record of kb.records) {
      const regex = regexOf(record);
      if (!regex) {
        problems.push(error(fileOf(record.id), 'regex', 'is needed: the knowledge base finds its records by pattern', record.regex ?? null));
        continue;
      }
      for (const text of textsOf(record, kb)) {
        if (!regex.test(text)) problems.push(error(fileOf(record.id), 'regex', 'does not match its own signature, alias or example', text));
      }
    }
    return problems;
  },
};

const linearEngine: Rule = {
  name: 'a regex that could backtrack runs in full on the linear-time engine',
  check(kb) {
    const problems: Problem[] = [];
    for (const record of kb.records) {
      const regex = regexOf(record);
      if (!regex || !analyzePattern(regex.source)?.risky) continue;
      try {
        re2Engine(kb.linearEngine, regex.source, regex.flags);
      } catch (e) {
        problems.push(
          error(
            fileOf(record.id),
            'regex',
            `could backtrack catastrophically, so the matcher runs it on its linear-time engine (RE2), which cannot run it (${(e as Error).message}); only its literal words would be matched. Write it without lookaround or back-references, with repetition counts of at most 1000`,
            record.regex,
          ),
        );
      }
    }
    return problems;
  },
};

const overlaps: Rule = {
  name: "no regex matches another record's signature, aliases or examples unless the overlap is declared",
  check(kb) {
    const problems: Problem[] = [];
    const declared = new Map(kb.overlaps.map((overlap) => [`${overlap.regex_of} -> ${overlap.matches_example_of}`, overlap]));
    const seen = new Set<string>();
    const regexes = new Map(kb.records.map((record) => [record.id, regexOf(record)]));
    for (const record of kb.records) {
      const regex = regexes.get(record.id);
      if (!regex) continue;
      for (const other of kb.records) {
        if (other.id === record.id) continue;
        const hit = textsOf(other, kb).find((text) => regex.test(text));
        if (hit === undefined) continue;
        const key = `${record.id} -> ${other.id}`;
        seen.add(key);
        if (!declared.has(key)) problems.push(error(fileOf(record.id), 'regex', `also matches a text of ${other.id}; make it specific or declare the overlap in ${kb.overlapsFile}`, hit));
      }
    }
    for (const [key, overlap] of declared) {
      // A declared overlap that no longer happens is stale: removing it keeps the list honest.
      if (!seen.has(key)) problems.push(error(kb.overlapsFile, key, 'is declared but no longer happens; remove it'));
      if (overlap.reason.trim().length <= MIN_OVERLAP_REASON) problems.push(error(kb.overlapsFile, key, 'needs a reason'));
    }
    return problems;
  },
};

type TextPair = [field: string, zh: string | null | undefined, en: string | null | undefined];

/** Every text a reader reads, paired with its Chinese: the Chinese page shows each in place of the English. */
function readerTexts(record: ErrorRecord): TextPair[] {
  const pairs: TextPair[] = [
    ['signature_zh', record.signature_zh, record.signature],
    ['root_cause_zh', record.root_cause_zh, record.root_cause],
  ];
  (record.workarounds ?? []).forEach((workaround, index) => {
    pairs.push([`workarounds_zh[${index}]`, record.workarounds_zh?.[index], workaround.action]);
    pairs.push([`workarounds[${index}].condition_zh`, workaround.condition_zh, workaround.condition]);
  });
  (record.dead_ends ?? []).forEach((deadEnd, index) => {
    pairs.push([`dead_ends[${index}].action_zh`, deadEnd.action_zh, deadEnd.action]);
    pairs.push([`dead_ends[${index}].why_fails_zh`, deadEnd.why_fails_zh, deadEnd.why_fails]);
    pairs.push([`dead_ends[${index}].condition_zh`, deadEnd.condition_zh, deadEnd.condition]);
  });
  (record.versions ?? []).forEach((version, index) => {
    pairs.push([`versions[${index}].behavior_change_zh`, version.behavior_change_zh, version.behavior_change]);
  });
  for (const kind of RELATION_KINDS) {
    (record.transition_graph?.[kind] ?? []).forEach((edge, index) => {
      if (typeof edge === 'string') return;
      pairs.push([`transition_graph.${kind}[${index}].condition_zh`, edge.condition_zh, edge.condition]);
      pairs.push([`transition_graph.${kind}[${index}].distinction_zh`, edge.distinction_zh, edge.distinction]);
    });
  }
  for (const [os, note] of Object.entries(record.os_specific ?? {})) {
    if (typeof note === 'string') pairs.push([`os_specific_zh.${os}`, record.os_specific_zh?.[os], note]);
  }
  // Only English that is there needs Chinese.
  return pairs.filter(([, , en]) => typeof en === 'string' && en.trim() !== '');
}

const chinese: Rule = {
  name: 'every text a reader reads has Chinese, and the Chinese is not a copy of the English',
  check(kb) {
    const problems: Problem[] = [];
    for (const record of kb.records) {
      const file = fileOf(record.id);
      for (const [field, zh, en] of readerTexts(record)) {
        if (!zh || !CJK.test(zh)) problems.push(error(file, field, 'needs Chinese text'));
        else if (zh.trim() === en?.trim()) problems.push(error(file, field, 'copies the English; translate it'));
      }
      if ((record.workarounds_zh ?? []).length !== (record.workarounds ?? []).length) problems.push(error(file, 'workarounds_zh', 'needs one entry per workaround'));
    }
    return problems;
  },
};

/** Tiers that claim no review by a person. Any other tier says someone checked the record. */
const UNREVIEWED_TIERS: ReadonlySet<string> = new Set(['ai_generated', 'auto_generated', 'community']);

const provenance: Rule = {
  name: 'a record that claims a review or a confirmation documents who did it and when',
  check(kb) {
    const problems: Problem[] = [];
    for (const record of kb.records) {
      const file = fileOf(record.id);
      const tier = record.verification_tier?.trim() ?? '';
      const reviews = record.reviews ?? [];
      if (tier === '') problems.push(error(file, 'verification_tier', 'is needed: say how the record came to be (e.g. "ai_generated")'));
      else if (!UNREVIEWED_TIERS.has(tier) && reviews.length === 0) {
        problems.push(error(file, 'verification_tier', 'claims a review the record does not document: add "reviews" (who and when) or say "ai_generated"', tier));
      }
      if (record.last_confirmed && !reviews.some((review) => review.on === record.last_confirmed)) {
        problems.push(error(file, 'last_confirmed', 'claims a confirmation no review documents: add the review of that day to "reviews", or leave it null', record.last_confirmed));
      }
    }
    return problems;
  },
};

const complete: Rule = {
  name: 'every record is complete: root cause, documentation, versions, workarounds and dead ends with substance',
  check(kb) {
    const problems: Problem[] = [];
    for (const record of kb.records) {
      const file = fileOf(record.id);
      const deadEnds = record.dead_ends ?? [];
      const workarounds = record.workarounds ?? [];
      if (deadEnds.length < MIN_DEAD_ENDS) problems.push(error(file, 'dead_ends', `needs at least ${MIN_DEAD_ENDS} dead ends`, deadEnds.length));
      if (workarounds.length < MIN_WORKAROUNDS) problems.push(error(file, 'workarounds', `needs at least ${MIN_WORKAROUNDS} workarounds`, workarounds.length));
      deadEnds.forEach((deadEnd, index) => {
        if (!deadEnd.action?.trim()) problems.push(error(file, `dead_ends[${index}].action`, 'needs to say what was tried'));
        if (!deadEnd.why_fails?.trim()) problems.push(error(file, `dead_ends[${index}].why_fails`, 'needs to say why it fails'));
      });
      workarounds.forEach((workaround, index) => {
        if (!workaround.how?.trim()) problems.push(error(file, `workarounds[${index}].how`, 'needs to say how'));
        if (!(workaround.sources ?? []).length) problems.push(error(file, `workarounds[${index}].sources`, 'needs at least one source'));
      });
      if (!record.root_cause?.trim()) problems.push(error(file, 'root_cause', 'is needed'));
      if (!record.official_doc_url) problems.push(error(file, 'official_doc_url', 'is needed'));
      if (!(record.versions ?? []).length) problems.push(error(file, 'versions', 'needs at least one version'));
    }
    return problems;
  },
};

const graph: Rule = {
  name: 'every related error is a record of the knowledge base',
  check(kb) {
    const known = new Set(kb.records.map((record) => record.id));
    const problems: Problem[] = [];
    for (const record of kb.records) {
      for (const kind of RELATION_KINDS) {
        (record.transition_graph?.[kind] ?? []).forEach((edge, index) => {
          if (!known.has(edgeTarget(edge))) problems.push(error(fileOf(record.id), `transition_graph.${kind}[${index}]`, 'refers to a record that does not exist', edgeTarget(edge)));
        });
      }
    }
    return problems;
  },
};

/** Links a record makes that the record it points at does not make back: `[from, kind, to]`. */
export function oneWayLinks(records: readonly ErrorRecord[]): [from: string, kind: RelationKind, to: string][] {
  const byId = new Map(records.map((record) => [record.id, record]));
  const oneWay: [string, RelationKind, string][] = [];
  for (const record of records) {
    for (const kind of RELATION_KINDS) {
      for (const edge of record.transition_graph?.[kind] ?? []) {
        const target = byId.get(edgeTarget(edge));
        if (!target || target.id === record.id) continue;
        const back = (target.transition_graph?.[INVERSE_RELATION[kind]] ?? []).some((other) => edgeTarget(other) === record.id);
        if (!back) oneWay.push([record.id, kind, target.id]);
      }
    }
  }
  return oneWay;
}

const linkedBack: Rule = {
  name: 'related records link both ways: a "leads to" is the other\'s "preceded by", a confusion is stated on both',
  check(kb) {
    return oneWayLinks(kb.records).map(([from, kind, to]) =>
      error(fileOf(to), `transition_graph.${INVERSE_RELATION[kind]}`, `needs ${from}, which lists this record under ${kind} (npm run link:back adds it)`));
  },
};

export const CONTENT_RULES: readonly Rule[] = [examples, ownTexts, linearEngine, overlaps, chinese, complete, graph, linkedBack, provenance];

export function checkRules(kb: KnowledgeBase, rules: readonly Rule[] = CONTENT_RULES): Problem[] {
  return rules.flatMap((rule) => rule.check(kb));
}
