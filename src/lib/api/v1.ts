/**
 * The JSON API, version 1: what `/_api/v1/` serves, built at build time next to the pages. Pure: the
 * build hands in the records and the site URL. The shapes are documented in the record format guide
 * ("JSON API"); a change that breaks them is a new version, never an edit of this one.
 *
 * - `records/<domain>/<slug>.json`: one record as validated, with its page URLs and section anchors;
 * - `records.json`: every record in one line each (a listing: the one file that grows with the set);
 * - `domains.json`: the domains with their counts and listing pages.
 */
import type { DomainEntry } from '../present/listings.ts';
import { recordAnchors } from '../present/record.ts';
import type { ErrorRecord } from '../record/schema.ts';
import { API_ROOT, domainPath, recordApiPath, recordPath } from '../routing/paths.ts';
import { LOCALES, type Locale } from '../site-config.ts';

export const API_VERSION = 1;

type PerLocale<T> = Record<Locale, T>;

function absolute(path: string, site: string): string {
  return new URL(path, site).href;
}

function perLocale<T>(make: (locale: Locale) => T): PerLocale<T> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, make(locale)])) as PerLocale<T>;
}

export interface RecordDocument {
  api_version: typeof API_VERSION;
  id: string;
  /** The record's page in each language. */
  urls: PerLocale<string>;
  /** Every section anchor of the page, as URLs, per language: `{ "en": { "workarounds": "…#workarounds" } }`. */
  sections: PerLocale<Record<string, string>>;
  /** This file's own URL. */
  json: string;
  /** The record as validated: every field as stored, unknown keys included. */
  record: ErrorRecord;
}

export function recordDocument(record: ErrorRecord, site: string): RecordDocument {
  const anchors = recordAnchors(record);
  return {
    api_version: API_VERSION,
    id: record.id,
    urls: perLocale((locale) => absolute(recordPath(record.id, locale), site)),
    sections: perLocale((locale) => Object.fromEntries(anchors.map((anchor) => [anchor, `${absolute(recordPath(record.id, locale), site)}#${anchor}`]))),
    json: absolute(recordApiPath(record.id), site),
    record,
  };
}

/**
 * A record's API file as the build writes it: its path in the site folder (no base: the folder is
 * what is served under it) and its bytes. The one definition both writers use: the page route
 * (`pages/[api]/v1/records/[domain]/[slug].json.ts`, for `astro dev` and a plain `astro build`) and
 * `npm run build`, which writes these files beside Astro's start-up rather than as pages
 * (`node/record-api-files.ts`).
 */
export function recordApiFile(record: ErrorRecord, site: string): { file: string; body: string } {
  return { file: `${API_ROOT}/records/${record.id}.json`, body: JSON.stringify(recordDocument(record, site)) };
}

export interface RecordSummary {
  id: string;
  signature: string;
  signature_zh: string | null;
  domain: string;
  category: string;
  last_updated: string | null;
  urls: PerLocale<string>;
  json: string;
}

export interface RecordsIndex {
  api_version: typeof API_VERSION;
  count: number;
  records: RecordSummary[];
}

export function recordsIndex(records: readonly ErrorRecord[], site: string): RecordsIndex {
  return {
    api_version: API_VERSION,
    count: records.length,
    records: records.map((record) => ({
      id: record.id,
      signature: record.signature,
      signature_zh: record.signature_zh?.trim() ? record.signature_zh : null,
      domain: record.domain,
      category: record.category,
      last_updated: record.last_updated ?? null,
      urls: perLocale((locale) => absolute(recordPath(record.id, locale), site)),
      json: absolute(recordApiPath(record.id), site),
    })),
  };
}

export interface DomainsDocument {
  api_version: typeof API_VERSION;
  domains: { domain: string; count: number; urls: PerLocale<string> }[];
}

export function domainsDocument(domains: readonly DomainEntry[], site: string): DomainsDocument {
  return {
    api_version: API_VERSION,
    domains: domains.map((entry) => ({ domain: entry.domain, count: entry.count, urls: perLocale((locale) => absolute(domainPath(entry.domain, locale), site)) })),
  };
}
