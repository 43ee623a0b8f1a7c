/**
 * The error record format: the single source of truth.
 *
 * Records arrive as users already keep them (see `content/errors/grpc/grpc-connection-reset-by-peer.json`):
 * `null` where a value is unknown, empty strings and empty arrays, Chinese fields missing or copied from
 * the English. The schema accepts all of that as it is and never asks a user to rewrite a file.
 * Keys it does not know are kept (`looseObject`) so pages can show them instead of dropping them.
 *
 * Types are inferred from here; `docs/record-format` pages are checked against `RECORD_FIELDS`.
 */
import { z } from 'astro/zod';

/** Text that may be absent: a missing key, `null` and `""` all mean "not given". */
const optionalText = z.string().nullish();

/** A share in [0, 1]: success, failure and confidence rates. */
const rate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

/** A calendar date written as YYYY-MM-DD (and a real day of the calendar). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'is not a real calendar date');

/** Links from records are rendered as `<a href>`: only http(s) may pass, never `javascript:` or `data:`. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const httpUrl = z.string().refine(isHttpUrl, 'must be an absolute http:// or https:// URL');

/** An optional link: `null` or `""` mean none. */
const optionalHttpUrl = z
  .string()
  .refine((value) => value === '' || isHttpUrl(value), 'must be an absolute http:// or https:// URL')
  .nullish();

/** A record id is `<domain>/<slug>`, lower-case words joined by hyphens or underscores. */
export const RECORD_ID_PATTERN = /^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*\/[a-z0-9][a-z0-9._-]*$/;
const recordId = z
  .string()
  .regex(RECORD_ID_PATTERN, 'must be "<domain>/<slug>" in lower-case letters, digits, "-", "_" or "."');

/** One thing people try that does not fix the error. */
export const DeadEndSchema = z.looseObject({
  /** What was tried, e.g. "Raise the client timeout". May be empty when only the reason is known. */
  action: optionalText,
  /** Why it does not help: the mechanism, not a verdict. */
  why_fails: optionalText,
  /** Share of people for whom it did not help, in [0, 1]. */
  fail_rate: rate.nullish(),
  /** When this dead end applies (a platform, a version, a setup). */
  condition: optionalText,
  /** Where this is documented: http(s) links only. */
  sources: z.array(httpUrl).nullish(),
  /** `action` in Chinese. */
  action_zh: optionalText,
  /** `why_fails` in Chinese. */
  why_fails_zh: optionalText,
  /** `condition` in Chinese. */
  condition_zh: optionalText,
});

/** One fix that works, with how to apply it. */
export const WorkaroundSchema = z.looseObject({
  /** The fix in one sentence. */
  action: optionalText,
  /** Share of people it fixed, in [0, 1]. */
  success_rate: rate.nullish(),
  /** How to apply it: commands, configuration or code, shown preformatted. */
  how: optionalText,
  /** When this fix applies. */
  condition: optionalText,
  /** Where this is documented: http(s) links only. */
  sources: z.array(httpUrl).nullish(),
  /** `condition` in Chinese. (The action's Chinese is the record's `workarounds_zh`, by position.) */
  condition_zh: optionalText,
  /** `how` for Chinese readers: its prose and comments in Chinese, commands and code as they are. */
  how_zh: optionalText,
});

/** One version range of the software that raises the error. */
export const VersionSchema = z.looseObject({
  /** The product and version, e.g. "gRPC v1.61.0". */
  version: z.string().min(1, 'must not be empty'),
  /** Version that introduced the error or its current wording. */
  introduced: optionalText,
  /** Version that deprecated the behaviour. */
  deprecated: optionalText,
  /** Version that removed the behaviour. */
  removed: optionalText,
  /** How the behaviour changed in this version. */
  behavior_change: optionalText,
  /** e.g. "active", "fixed", "deprecated". */
  status: optionalText,
  /** `behavior_change` in Chinese. */
  behavior_change_zh: optionalText,
});

/**
 * A link in the transition graph. Records written by hand often list bare ids; converted records carry
 * an object with the id and what is known of the edge. Both are accepted.
 */
export const TransitionEdgeSchema = z.union([
  recordId,
  z.looseObject({
    /** The id of the related record. */
    error_id: recordId,
    /** How often this edge is taken, in [0, 1]. */
    probability: rate.nullish(),
    /** When the edge applies. */
    condition: optionalText,
    /** How long after the first error the second one tends to appear. */
    typical_delay: optionalText,
    /** For confusable errors: how to tell them apart. */
    distinction: optionalText,
    /** `condition` in Chinese. */
    condition_zh: optionalText,
    /** `distinction` in Chinese. */
    distinction_zh: optionalText,
  }),
], { error: 'must be a record id "<domain>/<slug>" or an object with an "error_id"' });

export const TransitionGraphSchema = z.looseObject({
  /** Errors that tend to follow this one. */
  leads_to: z.array(TransitionEdgeSchema).nullish(),
  /** Errors that tend to come before this one. */
  preceded_by: z.array(TransitionEdgeSchema).nullish(),
  /** Errors people mistake for this one. */
  frequently_confused_with: z.array(TransitionEdgeSchema).nullish(),
});

/** The kinds of relation between records, as the graph's keys: defined by the schema above. */
export const RELATION_KINDS = ['leads_to', 'preceded_by', 'frequently_confused_with'] as const satisfies readonly (keyof typeof TransitionGraphSchema.shape)[];
export type RelationKind = (typeof RELATION_KINDS)[number];

/** The relation as the other record states it: A "leads to" B is B "preceded by" A. */
export const INVERSE_RELATION: Readonly<Record<RelationKind, RelationKind>> = {
  leads_to: 'preceded_by',
  preceded_by: 'leads_to',
  frequently_confused_with: 'frequently_confused_with',
};

/** The id an edge points at, whichever of its two forms it takes. */
export function edgeTarget(edge: z.output<typeof TransitionEdgeSchema>): string {
  return typeof edge === 'string' ? edge : edge.error_id;
}

export const RESOLVABLE_VALUES = ['true', 'partial', 'false'] as const;

/** A locale as tools are run under it: a POSIX name (`zh_CN`, `zh_CN.UTF-8`) or a BCP 47 tag (`zh-CN`, `zh-Hans-CN`). */
export const LOCALE_NAME_PATTERN = /^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*(?:\.[A-Za-z0-9-]{1,20})?(?:@[A-Za-z0-9]{1,20})?$/;

/** The message as a tool prints it when run under another locale (its translation catalogue's words). */
export const LocalizedAliasSchema = z.looseObject({
  /** The locale the tool ran under, e.g. "zh_CN". */
  locale: z.string().regex(LOCALE_NAME_PATTERN, 'must be a locale name such as "zh_CN" or "zh-CN"'),
  /** The message as printed there, placeholders filled as in the signature. */
  text: z.string().trim().min(1, 'must not be empty'),
});

/** A person's review of the record: who read it against the tool's behaviour, and when. */
export const ReviewSchema = z.looseObject({
  /** Who reviewed it: a name or handle a reader could ask. */
  by: z.string().trim().min(1, 'must name who reviewed the record'),
  /** The day of the review, YYYY-MM-DD. */
  on: isoDate,
  /** What was checked, e.g. "reproduced on Docker 27.3; fixes 1 and 2 tried". */
  note: optionalText,
});

export const RecordSchema = z.looseObject({
  /** The JSON Schema the file follows, for editors (`content/record.schema.json`); the site ignores it. */
  $schema: z.string().nullish(),
  /** `<domain>/<slug>`; must equal the file's path under the records directory, without `.json`. */
  id: recordId,
  /** The error message as the tool prints it; placeholders only where the message carries a variable. */
  signature: z.string().trim().min(1, 'must not be empty'),
  /** The signature in Chinese. Optional; English is shown, marked untranslated, where missing. */
  signature_zh: optionalText,
  /** A pattern matching every known variant of the message. Python dialect is accepted (translated at build time). */
  regex: optionalText,
  /** The technology: "grpc", "docker", "python", … Also the first part of the id. */
  domain: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "-" or "_"'),
  /** The kind of error, e.g. "network_error", "config_error". */
  category: z.string().trim().min(1, 'must not be empty'),
  /** A finer kind of error, where one is useful. */
  subcategory: optionalText,
  /** Why the error happens: the mechanism. */
  root_cause: optionalText,
  /** How specific the root cause is, e.g. "generic" or "specific". */
  root_cause_type: optionalText,
  /** The root cause in Chinese. */
  root_cause_zh: optionalText,
  /** Versions of the software where the error is known. */
  versions: z.array(VersionSchema).nullish(),
  /** Notes per operating system, e.g. `{ "windows": "…" }`. */
  os_specific: z.record(z.string(), z.unknown()).nullish(),
  /** The notes of `os_specific` in Chinese, under the same keys. */
  os_specific_zh: z.record(z.string(), optionalText).nullish(),
  /** What people try that does not work, and why. */
  dead_ends: z.array(DeadEndSchema).nullish(),
  /** What works, with success rates. */
  workarounds: z.array(WorkaroundSchema).nullish(),
  /** Chinese text of each workaround, aligned with `workarounds` by position as stored. */
  workarounds_zh: z.array(optionalText).nullish(),
  /** Links to related records. */
  transition_graph: TransitionGraphSchema.nullish(),
  /** The official documentation of the error. */
  official_doc_url: optionalHttpUrl,
  /** The section of that documentation. */
  official_doc_section: optionalText,
  /** The tool's own code for the error, e.g. "TS2307", "E0502", "ERR_MODULE_NOT_FOUND". */
  error_code: z.union([z.string(), z.number()], { error: 'must be a string or a number' }).nullish(),
  /**
   * How the record came to be and who checked it: "ai_generated", "auto_generated", "human_reviewed", …
   * A tier that claims a review needs `reviews` naming who and when (an editorial rule of this site).
   */
  verification_tier: optionalText,
  /** The reviews the record has had, oldest first. */
  reviews: z.array(ReviewSchema).nullish(),
  /** The writer's confidence in the record as a whole, in [0, 1]: an estimate unless the record says how it was measured. */
  confidence: rate.nullish(),
  /** Share of people whose problem the record's fixes solved, in [0, 1]: an estimate unless counted. */
  fix_success_rate: rate.nullish(),
  /** Whether the error can be fixed by the user: "true", "partial" or "false". */
  resolvable: z.enum(RESOLVABLE_VALUES, { error: 'must be "true", "partial" or "false"' }).nullish(),
  /** When the error was first reported. */
  first_seen: isoDate.nullish(),
  /** When someone last confirmed the record still holds. */
  last_confirmed: isoDate.nullish(),
  /** When the record was last edited. */
  last_updated: isoDate.nullish(),
  /** How many independent reports back the record: a count of reports someone collected, never a guess (leave it out instead). */
  evidence_count: z.number().int('must be a whole number').min(0, 'must not be negative').nullish(),
  /** Free keywords. */
  tags: z.array(z.string()).nullish(),
  /** The language of the record's main text, e.g. "en". */
  locale: optionalText,
  /** Other wordings of the same error (other versions, client libraries). */
  aliases: z.array(z.string()).nullish(),
  /**
   * The message only reports that something else failed: a CI job's exit code, a build phase that
   * ran a failing script. The matcher answers with this record only when the paste shows no other
   * error before it; when it does, that error (or no answer) explains the paste better.
   */
  wrapper: z.boolean({ error: 'must be true or false' }).nullish(),
  /**
   * The ids this record had before it was renamed: their addresses keep working, redirecting here
   * (a page per old address and language, and a line each in `_redirects`).
   */
  previous_ids: z.array(recordId).nullish(),
  /**
   * The message as tools print it under other locales (git, glibc, PostgreSQL translate theirs):
   * matched like the aliases, shown under "Also printed as". Not a translation for readers: that is `signature_zh`.
   */
  localized_aliases: z.array(LocalizedAliasSchema).nullish(),
});

/** A record after validation. */
export type ErrorRecord = z.output<typeof RecordSchema>;
export type Workaround = z.output<typeof WorkaroundSchema>;
export type DeadEnd = z.output<typeof DeadEndSchema>;
export type Review = z.output<typeof ReviewSchema>;
export type LocalizedAlias = z.output<typeof LocalizedAliasSchema>;
export type TransitionEdge = z.output<typeof TransitionEdgeSchema>;
export type Resolvable = (typeof RESOLVABLE_VALUES)[number];

/** The top-level fields the format defines, in the order the format guide documents them. */
export const RECORD_FIELDS = Object.keys(RecordSchema.shape) as (keyof typeof RecordSchema.shape)[];
